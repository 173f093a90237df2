"""The date rules: each a small declaration of a name, the fragment of
``date/fragments.txt`` it matches and its production (in ``productions.py``),
with the hints :mod:`aicity.extractors.scan` uses to find its matches fast.

Rule order matters only among matches of the same span: the earlier rule wins.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

import regex

from ...fold import fold
from .. import scan
from ..base import compile_folded
from . import productions
from .reading import Ctx
from .values import Candidate
from .words import BARE_YEAR_POINTS, ENGLISH_MONTH_ABBRS, eras, fragment, holiday_names

Production = Callable[[regex.Match, Ctx], "Candidate | None"]

# How far a match may run past its trigger (3月16日（三）下午3時至3月20日（五）...).
WINDOW_AFTER = 72


@dataclass(frozen=True)
class Rule:
    """A rule as declared. ``first``: the characters a match can start with (a class
    body; fragment names in braces allowed, as ``{YEAR_FIRST}``); ``trigger``, ``before``:
    a cheap pattern every match contains and how far before its hits a match may
    begin; ``near``, ``reach``: a character every match holds within ``reach``
    characters of its start; ``after_digit=False``: every branch that opens with an
    ASCII digit has a lookbehind ruling out a digit before it."""

    name: str
    pattern: str  # a fragment name
    production: Production
    first: str
    trigger: scan.Trigger | None = None
    before: int = 0
    near: str | None = None
    reach: int = 16
    after_digit: bool = True
    flags: int = 0
    starts: re.Pattern | None = None  # overrides the one derived from ``first``
    present: Callable[[str], bool] | None = None
    span_group: str | None = None  # a candidate starts at this group if it matched (© 2014: the year)
    needs_ref: bool = False  # the production reads ctx.ref: parsed again for each anchor


@dataclass(frozen=True, slots=True)
class CompiledRule:
    name: str
    finder: scan.Finder
    parse: Production
    span_group: str | None
    needs_ref: bool


def _first(chars: str) -> str:
    """A class body with ``{NAME}`` fragments inserted."""
    return re.sub(r"\{([A-Z_]+)\}", lambda m: fragment(m.group(1)), chars)


def compile_rule(rule: Rule) -> CompiledRule:
    first = _first(rule.first)
    pattern = scan.guarded(fragment(rule.pattern), first, rule.near, rule.reach)
    finder = scan.Finder(compile_folded(pattern, rule.flags), rule.starts or scan.starts(first, rule.after_digit),
                         rule.trigger, rule.before, WINDOW_AFTER, rule.present)
    return CompiledRule(rule.name, finder, rule.production, rule.span_group, rule.needs_ref)


_COPYRIGHT_CN = fold("版權所有")


def _copyright_present(text: str) -> bool:
    """Whether COPYRIGHT may match: it opens with ©, 版權所有, (c) or Copyright."""
    return "©" in text or _COPYRIGHT_CN in text or scan.latin_words_present(text, (b"(c)", b"copyright"))


_part_word_hits = scan.words_hits("季", "半年", "Q", "q", "H", "個月")
_interim_hits = scan.words_hits("中期")  # 2020年中期業績: a year's interim results
_last_months_hits = scan.re_hits("年後(?:十一|[二兩三四五六七八九十])月")  # 二〇二四年後四月 (no 個)


def _year_part_hits(text: str) -> scan.Spans:
    return sorted(_part_word_hits(text) + _last_months_hits(text) + _interim_hits(text))


def declarations() -> tuple[Rule, ...]:
    p = productions
    # shared triggers: their hits are found once per text
    yue, ri = scan.words_hits("月"), scan.words_hits("日", "號")  # 號: 廿五號 (day_cn)
    holiday_firsts = "".join(sorted({fold(n)[0] for n in holiday_names()}))
    era_firsts = "".join(sorted({name[0] for name in eras()}))
    return (
        Rule("date.cjk", "CJK", p.cjk, first="{YEAR_FIRST}", flags=regex.MULTILINE,
             trigger=scan.unit_hits("月", fragment("MONTH_NUMERAL_CHARS")), before=16,
             near="月", after_digit=False),
        Rule("date.year", "YEAR", p.year, first="{YEAR_FIRST}",
             trigger=scan.unit_hits("年", fragment("YEAR_NUMERAL_CHARS"), fragment("YEAR_WORD_CHARS")),
             before=16, near="年", reach=12, after_digit=False),
        Rule("date.year", "YEAR_LIST", p.year, first="0-9{CN_DIGITS}",
             trigger=scan.unit_hits("年", fragment("YEAR_NUMERAL_CHARS")), before=40, near="年", reach=40,
             after_digit=False),
        # 2025至2026財政年度, 2025/26學年, 2026/27開支預算: no numeral before its 年, so the year rule's trigger misses it
        Rule("date.year", "FISCAL_SPAN", p.year, first="{YEAR_FIRST}",
             trigger=scan.alternation_hits([fold("財政年度"), fold("會計年度"), fold("學年"), fold("學校年度"), fold("預算"),
                                           fold("財年")]),
             before=16, after_digit=False),
        # 2010/2020不可贖回債券, 2015/2020憑單: a security's term, gated on its words (no 年 to trigger the year rule)
        Rule("date.year", "SECURITY_SPAN", p.year, first="0-9",
             trigger=scan.alternation_hits([fold("不可贖回"), fold("可轉換"), fold("無擔保"), fold("憑單"), fold("附加股"),
                                           fold("債券")]),
             before=12, after_digit=False),
        # 本財政年度, 上一個財政年度: the page's fiscal year or one beside it
        Rule("date.year", "FISCAL_REL", p.fiscal_rel, first=fold("本今上下新來"),
             trigger=scan.alternation_hits([fold("財政年度")]), before=5, after_digit=False, needs_ref=True),
        # 二零一零財政年度: one year, no 年 of its own before 財政年度
        Rule("date.year", "FISCAL_ONE", p.year, first="{YEAR_FIRST}",
             trigger=scan.alternation_hits([fold("財政年度"), fold("會計年度")]), before=8, after_digit=False),
        Rule("date.slash", "SLASH", p.slash, first="{YEAR_FIRST}", trigger=scan.words_hits("/"),
             before=12, near="/", reach=10, after_digit=False),
        Rule("date.slash", "STAMP_YEAR_SLASH", p.slash, first="12", trigger=scan.words_hits("/"),
             before=8, after_digit=False),
        Rule("date.slash", "CLOCK_FIRST_SLASH", p.clock_first_slash, first="0-9", trigger=scan.words_hits("/"),
             before=12, near="/", reach=12, after_digit=False),
        Rule("date.iso", "CLOCK_FIRST_ISO", p.iso, first="0-9", trigger=scan.re_hits(fragment("ISO_TRIGGER")),
             before=5, after_digit=False),
        Rule("date.iso", "ISO", p.iso, first="0-9", trigger=scan.re_hits(fragment("ISO_TRIGGER")),
             before=4, after_digit=False),
        Rule("date.month_day_clock", "MONTH_DAY_CLOCK", p.month_day_clock, first="01", trigger=scan.re_hits(fragment("ISO_TRIGGER")),
             before=4, after_digit=False),
        Rule("date.iso", "ISO_MONTH", p.iso_month, first="12", trigger=scan.re_hits(fragment("ISO_TRIGGER")),
             before=4, after_digit=False),
        Rule("date.iso", "DOT_MONTHS", p.iso, first="12", trigger=scan.re_hits(fragment("ISO_TRIGGER")),
             before=4, after_digit=False),
        Rule("date.cna_stamp", "CNA_STAMP", p.cna_stamp, first="1",
             trigger=scan.after_char_hits(")", fragment("CNA_DIGITS"), 7)),
        Rule("date.cna_stamp", "CNA_STAMP_STOP", p.cna_stamp, first="1",
             trigger=scan.after_char_hits(fold("。"), fragment("CNA_DIGITS"), 7)),
        # the trigger: eight digits after the 務 of 訊息服務 (the pattern's lookbehind checks the rest)
        Rule("date.cna_stamp", "CNA_SERVICE_STAMP", p.cna_service_stamp, first="12",
             trigger=scan.after_char_hits(fold("務"), fragment("COMPACT_DIGITS"), 8)),
        Rule("date.event_day", "EVENT_DAY", p.event_day, first="01",
             trigger=scan.re_hits(fragment("EVENT_DAY_WORDS")), before=6),  # 0403|花蓮|地震: a county between
        Rule("date.event_day", "DOT_EVENT_DAY", p.event_day, first="0-9",
             trigger=scan.re_hits(fragment("DOT_EVENT_VERBS")), before=6),  # 4.27|登場: the verb is the trigger
        Rule("date.event_day", "DOTTED_DAY", p.event_day, first="{YEAR_FIRST}",
             trigger=scan.words_hits("·", "・", "•"), before=9),
        Rule("date.compact", "COMPACT_LINE", p.compact_line, first="12", flags=regex.MULTILINE,
             trigger=scan.line_start_hits(fragment("COMPACT_DIGITS"), 8)),
        Rule("date.compact", "COMPACT_TEXT", p.compact_text, first="12",
             trigger=scan.re_hits(fragment("COMPACT_TEXT_DIGITS"))),
        Rule("date.month_name", "MONTH_NAME_CJK", p.month_name, first="0-9一二三四五六七八九十", trigger=yue, before=4,
             near="月", reach=4, after_digit=False),
        Rule("date.english", "MONTH_NAME_EN", p.month_name, first="0-9A-Za-z",
             trigger=scan.latin_words_hits(ENGLISH_MONTH_ABBRS), before=6, after_digit=False),  # "22nd November": 5 before
        Rule("date.relative_day", "RELATIVE_DAY", p.relative_day, first="今昨明前大後琴尋噚聽",
             trigger=scan.words_hits("今", "昨", "明", "前", "後天", "琴", "尋", "噚", "聽"), before=2),
        Rule("date.relative_day", "HOU_RI_DAY", p.relative_day, first="後",
             trigger=scan.words_hits("後日"), before=0),  # 明日及後日, 後日上午: its own trigger, 後 being common
        Rule("date.paren_day", "PAREN_DAY", p.paren_day, first="(（", trigger=ri, before=8,
             near="日", reach=8),
        Rule("date.weekday", "WEEKDAY", p.weekday, first="上下這本今週星禮",
             trigger=scan.words_hits("週", "星期", "禮拜"), before=4),
        Rule("date.weekend", "WEEKEND", p.weekend, first="上下這本今過", trigger=scan.words_hits("末"),
             before=4),
        Rule("date.relative_month", "RELATIVE_MONTH", p.relative_month, first="本這今上下", trigger=yue,
             before=4, near="月"),
        Rule("date.paren_month", "PAREN_MONTH", p.paren_month, first="本今上下次", trigger=yue,
             before=10, near="月", reach=10, needs_ref=True),
        Rule("date.first_months", "FIRST_MONTHS", p.first_months, first="前首頭", trigger=yue,
             before=6, span_group="ypart"),
        Rule("date.first_months", "MONTHS_TO_END", p.first_months, first="止為", trigger=scan.words_hits("止"),
             before=2, near="月", reach=10),
        Rule("date.ago", "AGO", p.ago, first="0-9一二兩三四五六七八九十半", trigger=scan.words_hits("前", "後"),
             before=12, near="前後", after_digit=False),
        Rule("date.holiday", "HOLIDAY", p.holiday, first="{YEAR_FIRST}" + holiday_firsts,
             # the names as compile_folded holds them
             trigger=scan.alternation_hits([fold(n) for n in holiday_names()]), before=16),
        Rule("date.era", "ERA_YEAR", p.era_year, first=era_firsts,
             trigger=scan.alternation_hits(list(eras()))),
        Rule("date.nth_weekday", "NTH_WEEKDAY", p.nth_weekday, first="{YEAR_FIRST}",
             trigger=scan.re_hits(fragment("NTH_WEEKDAY_TRIGGER")), before=24, after_digit=False),
        Rule("date.year_part", "YEAR_PART", p.year_part, first="{YEAR_FIRST}第前首上下後QqH",
             trigger=_year_part_hits, before=16, after_digit=False),
        Rule("date.broker_part", "BROKER_PART", p.broker_part, first="0-9", trigger=scan.words_hits("Q", "H"),
             before=8, after_digit=False),
        Rule("date.year_point", "BARE_YEAR_POINT", p.bare_year_point, first="年",
             trigger=scan.alternation_hits([fold("年" + point) for point in BARE_YEAR_POINTS])),
        Rule("date.month_point", "BARE_MONTH_POINT", p.bare_month_point, first="月",
             trigger=scan.alternation_hits([fold("月" + point) for point in "底末尾初中"])),
        Rule("date.birth_cohort", "BIRTH_COHORT", p.birth_cohort, first="0-9{CN_DIGITS}",
             trigger=scan.words_hits("年次"), before=4, after_digit=False),
        Rule("date.school_cohort", "SCHOOL_COHORT", p.school_cohort, first="12",
             trigger=scan.alternation_hits([fold(w) for w in ("級", "屆")]), before=6),
        Rule("date.century", "CENTURY", p.century, first="12十二", trigger=scan.words_hits("世紀"), before=2,
             after_digit=False),
        Rule("date.decade", "DECADE", p.decade, first="{YEAR_FIRST}", trigger=scan.words_hits("年代"),
             before=12, after_digit=False, needs_ref=True),
        Rule("date.year_pair", "YEAR_PAIR", p.year_pair, first="{YEAR_CHARS}",
             trigger=scan.unit_hits("年", "", "兩" + fragment("YEAR_CHARS")),  # 今明兩年, 明後年
             before=4),  # 今、明、後年
        Rule("date.day_pair", "DAY_PAIR", p.day_pair, first="昨今明",
             trigger=scan.alternation_hits([fold(w) for w in ("今明", "昨今", "明後")])),
        Rule("date.same_period", "SAME_PERIOD", p.same_period, first="去前上0-9",
             trigger=scan.alternation_hits([fold(w) for w in ("同期", "同時期", "同月", "同季")]), before=9),
        Rule("date.copyright", "COPYRIGHT", p.copyright, first="Cc©版(",  # before event_year: ties
             span_group="y4", present=_copyright_present),
        Rule("date.event_year", "EVENT_YEAR", p.event_year, first="12", needs_ref=True,
             starts=re.compile(fragment("EVENT_YEAR_STARTS"))),
        Rule("date.event_year", "EVENT_YEAR_CN", p.event_year_cn, first=fold("一二"), needs_ref=True,
             starts=re.compile(fold(fragment("EVENT_YEAR_CN_STARTS")))),
        Rule("date.day", "DAY_ONLY", p.day_only, first="0-9", trigger=ri, before=8, near="日號", reach=8,
             after_digit=False),
        Rule("date.same_month_day", "SAME_MONTH_DAY", p.same_month_day, first=fold("同當該"),
             trigger=scan.alternation_hits([fold(w) for w in ("同月", "當月", "該月", "同年月", "同年同月")])),
        Rule("date.next_day", "NEXT_DAY", p.next_day, first=fold("次翌隔第"),
             trigger=scan.alternation_hits([fold(w) for w in ("次日", "翌日", "隔日", "次天", "隔天", "第二天")])),
        Rule("date.same_day_time", "SAME_DAY_TIME", p.same_day_time, first=fold("同當"),
             trigger=scan.alternation_hits([fold(w) for w in ("同日", "當日", "同天", "當天", "當晚", "同晚")])),
        Rule("date.day_cn", "DAY_ONLY_CN", p.day_only_cn, first="一二三四五六七八九十廿卅",
             trigger=ri, before=4, near="日號", reach=4),
    )


@functools.cache
def rules() -> tuple[CompiledRule, ...]:
    return tuple(compile_rule(rule) for rule in declarations())
