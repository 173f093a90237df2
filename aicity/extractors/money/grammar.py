"""The money grammar: number tokens, and the patterns read on either side of them.

Everything is compiled once per process (``grammar()``) from the word lists and tables
in ``resources/money/``; the only fragments written here are the number characters the
token grammar is made of.
"""
from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass
from decimal import Decimal

import regex

from ...fold import fold
from ...resources import load_list, load_table
from ..base import alternation, compile_folded
from .screen import Screen

# --- the number grammar (written in Traditional, folded when compiled) ---------------------

CN_DIGITS = "零〇○一二兩三四五六七八九壹貳參叁肆伍陸柒捌玖廿卅卌"
SMALL = "十拾百佰千仟"
BIG = "萬億兆"
# 1,090 / 1090 / 15.8; a grouped number must not run on into more digits (1,0900).
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
# Chinese numerals, with a decimal 點, a middle dot or a full stop between digits (四十四點三九五億,
# 卅一點六○九元, 一三·五億, and the print edition's 一．四億元).
DECIMAL_POINTS = "點·‧・．."
# An Arabic 0 among Chinese digits, as Taiwanese papers print 〇 (九六0萬元, 一0五億): a Chinese zero.
CN_RUN = f"[{CN_DIGITS}{SMALL}][{CN_DIGITS}{SMALL}0]*(?:[{DECIMAL_POINTS}][{CN_DIGITS}]+)?"
ATOM = f"(?:{ARABIC}|{CN_RUN})"
# A token: an optional 數/幾/好幾 before a unit, then numerals, units and 多/餘/幾
# (100多萬, 千餘萬, 十幾億), and 來 after a unit (十來萬, 百來塊) or a round Arabic number (20來萬, 100來塊: not
# 15來萬, nor 2.0來); one space may stand between Arabic digits and a unit (1,090 億, 1300 多億),
# and a 個 between a numeral and 萬/億 as mainland speech says it (一個億, 三個多億).
# One space may stand after 萬 too, before the Arabic rest of an amount in 元 (3萬 9,700 元, as a pasted
# table or filing spaces it): only a rest below 萬 with 元 after it, so 3萬 2025年 stays two numbers.
# Likewise after 兆 or 億 when a smaller unit follows the rest (3 兆 8,090 億, 3,350 億 300 萬元, as some
# wire and stock sites space every part): only a rest below 萬 that a smaller unit closes, so 5億 2026年
# and 3億 1.2萬張 stay apart.
# Arabic digits follow only a unit (3億5,000萬), or 零 after one (4億零255萬, as the Malaysian press
# writes a missing place), and Chinese digits never follow Arabic
# ones directly, so 每兩1萬2千元 does not read 兩1 as one number.
TOKEN = (
    f"(?:好?[數幾](?=[{SMALL}{BIG}]))?"
    f"(?:{ATOM}|[{BIG}])"
    f"(?:(?<=[{SMALL}{BIG}多餘幾]|[{BIG}]零){ARABIC}|(?<!\\d){CN_RUN}|[{SMALL}{BIG}多餘幾]|(?<=[{SMALL}{BIG}]|(?<![\\d.,])[1-9]0+)來"
    f"|(?<=\\d) (?=[多餘]?[{SMALL}{BIG}])|(?<=[\\d{CN_DIGITS}多餘幾])個(?=[多餘]?[萬億])"
    f"|(?<=\\d萬) (?:\\d,\\d{{3}}|\\d{{1,4}})(?![\\d,.]| ?[{SMALL}{BIG}])(?= ?元)"
    f"| (?<=兆 )(?:\\d,\\d{{3}}|\\d{{1,4}})(?![\\d,.])(?= ?[萬億])"
    f"| (?<=億 )(?:\\d,\\d{{3}}|\\d{{1,4}})(?![\\d,.])(?= ?萬))*"
)
# Where tokens can be: maximal runs of the characters tokens are made of, opening on one
# a token can open with. The re module finds these several times faster than the regex
# module finds TOKEN (re looks a CJK character up in a bitmap, regex compares it with
# each member of a class), and most runs are skipped whole (Screen.quiet_run). A run
# may hold more than tokens, never less: re's \d may know fewer digits than the regex
# module's newer Unicode tables, so any character past the BMP (where new digits go)
# counts too; tests check that the two agree on the BMP.
BEYOND_BMP = "\\U00010000-\\U0010ffff"
LOUD = "萬億兆多餘個來"  # in a run, they may make a token money whatever stands beside it
RUN_QUIET = f"\\d{CN_DIGITS}{SMALL}{DECIMAL_POINTS}幾好數,. {BEYOND_BMP}"
RUN = f"[\\d{CN_DIGITS}{SMALL}{BIG}好數幾{BEYOND_BMP}][{RUN_QUIET}{LOUD}]*"

# Single letters after a number are magnitudes only in these cases (5M, 45K, 3B; 5m is
# metres, 3b a grade), and only where a currency or a cue is present.
SINGLE_LETTER_MAGNITUDES = "kKMB"

# The last character of a noun of what is paid (車費, 學費, 罰款, 現金) between a currency and an
# amount written with 元: 人民幣車費601元 is in 人民幣.
PAID_NOUN_ENDS = "費款金"

# How far (characters) the context windows reach.
LEFT_WINDOW = 24


def _words(name: str) -> list[str]:
    return [w for w in load_list(name) if w]


RANGE_GAPS = frozenset(_words("money/range_gaps.txt"))
# the gaps of a price move (涨到, 跌至, 调升至, 提高到): a plain first end before one is a candidate (票價從300涨到400元)
MOVE_HEADS = "涨跌降调提上下增减"
# the heads the screen looks for alone (a move's other gaps by their first two characters: 上调至 is no reason to
# look at every 3上)
SCREENED_MOVE_HEADS = "涨跌降"
MOVE_GAPS = frozenset(gap for gap in RANGE_GAPS if gap[0] in MOVE_HEADS)
# what lists plain numbers before an amount whose unit they share (67.27、3.86、0.17萬億元)
UNIT_LIST_JOINERS = frozenset(
    fold(r["word"]) for r in load_table("money/list_joiners.tsv") if r["shares_unit"] == "yes"
)


@dataclass(frozen=True, slots=True)
class Currency:
    code: str     # ISO 4217, or LOCAL / DOLLAR / YEN (resolved per page and sentence)
    kind: str     # name | symbol | code | unit


@dataclass(frozen=True, slots=True)
class Rx:
    """A pattern plus the characters its match can start with (forward patterns) or end
    with (reverse ones): most number tokens have no currency, cue or counter beside them,
    and one set lookup skips the regex for them."""

    pattern: regex.Pattern
    edge: frozenset[str]

    def match(self, text: str, pos: int) -> regex.Match | None:
        if pos >= len(text) or text[pos] not in self.edge:
            return None
        return self.pattern.match(text, pos)

    def ending_at(self, text: str, end: int, window: int = 0) -> regex.Match | None:
        if end <= 0 or text[end - 1] not in self.edge:
            return None
        return self.pattern.search(text, max(0, end - (window or LEFT_WINDOW)), end)


def _forward(pattern: str, words, extra: str = " ", flags: int = 0) -> Rx:
    return Rx(compile_folded(pattern, flags), frozenset({fold(w)[0] for w in words if w} | set(extra)))


def _reverse(pattern: str, words, extra: str = " ") -> Rx:
    return Rx(compile_folded("(?r)" + pattern), frozenset({fold(w)[-1] for w in words if w} | set(extra)))


@dataclass(frozen=True, slots=True)
class Grammar:
    token: regex.Pattern
    runs: re.Pattern
    left: Rx
    after_currency: Rx
    bracket_currency: regex.Pattern       # 2.54億(美元.下同): a currency named in brackets right after the amount
    after_qualifier: Rx
    after_fraction: Rx
    en_magnitude: Rx
    cue_left: Rx
    block_left: Rx
    fx_left: Rx
    move_left: Rx                         # 漲了 (兩毛): a price move before a number of 角/毛
    unit_price_left: Rx                   # 炒到1片 (1500), 票價 (3000): a price quoted with no currency
    not_a_cent: Rx                        # 未, 都不 after 一毛: the idiom "not a single cent"
    word_end: Rx
    cue_after: Rx
    clause_link: Rx                       # 至/達 right before an amount whose cue is earlier
    total_word: Rx                        # 共/合計 right before the sum of amounts listed earlier
    compare_left: Rx                      # 比上財年的 right before an amount compared with an earlier one
    compare_near: Rx                      # 較上年約, 按年增加約: the same with no 的, ending in a hedge or change
    cue_word: regex.Pattern               # any money cue word, anywhere
    counter: Rx
    scope: regex.Pattern
    per_share: regex.Pattern
    per_share_after: regex.Pattern
    yuan_words: regex.Pattern
    list_gap: regex.Pattern
    counted_projects: regex.Pattern       # 15個億元項目: 個 counts projects of that scale
    currencies: dict[str, Currency]
    qualifiers: dict[str, str]
    magnitudes: dict[str, Decimal]        # folded, lower case
    fractions: dict[str, Decimal]         # 角/毛/分 -> their part of the 元
    fraction_currencies: dict[str, Currency]  # a named cent (美分, 港仙) -> its currency
    yuan_word_money: dict[str, bool]
    unit_next_chars: dict[str, frozenset[str]]  # 元/块 -> what may follow the unit
    unit_column_before: tuple[str, ...]
    unit_column_after: tuple[str, ...]
    qianwan_adverbs: frozenset[str]
    carries_back: frozenset[str]          # gaps over which a currency covers the amount before
    symbol_hints: dict[str, tuple[tuple[str, str], ...]]  # DOLLAR/YEN -> (word, code)
    tens_words: dict[str, str]            # 廿 -> 二十
    screen: Screen


class _Tables:
    """The currency and qualifier tables, split by where their words are written."""

    def __init__(self) -> None:
        self.currencies: dict[str, Currency] = {}
        self.before_names: list[str] = []
        self.before_codes: list[str] = []
        self.after_names: list[str] = []
        self.after_codes: list[str] = []
        for row in load_table("money/currencies.tsv"):
            surface, place, kind = row["surface"], row["place"], row["kind"]
            self.currencies[fold(surface)] = Currency(row["code"], kind)
            target_before = self.before_codes if kind == "code" else self.before_names
            target_after = self.after_codes if kind == "code" else self.after_names
            if place in ("before", "both"):
                target_before.append(surface)
            if place in ("after", "both"):
                target_after.append(surface)
        self.qualifiers: dict[str, str] = {}
        self.qual_before: list[str] = []
        self.qual_after: list[str] = []
        for row in load_table("money/qualifiers.tsv"):
            self.qualifiers[fold(row["word"])] = row["qualifier"]
            (self.qual_before if row["place"] == "before" else self.qual_after).append(row["word"])

    def currency_names(self) -> list[str]:
        """The surfaces that name a currency (美元, 港元, USD), no bare unit (元, 塊)."""
        return [surface for surface, cur in self.currencies.items() if cur.kind in ("name", "code")]

    def currency_before(self) -> str:
        latin = "(?<![A-Za-z])"
        return f"(?:{alternation(self.before_names)}|{latin}{alternation(self.before_codes)})"

    def currency_after(self) -> str:
        return f"(?:{alternation(self.after_names)}|{alternation(self.after_codes)}(?![A-Za-z]))"


# who pays or is paid, between a verb of paying and the amount (花費我三塊, 找你五毛)
# the last word before an amount compared with no 的 (較上年約, 按年增加逾, 較去年多): a hedge or a change
_NEAR_ENDS = ("約", "逾", "近", "超過", "增加", "增", "減少", "減", "多", "少", "多出", "少了")
_PAYERS = ("我們", "你們", "他們", "我", "你", "他", "她", "人家")


class _Words:
    """The cue, filler, blocker and counter word lists."""

    def __init__(self) -> None:
        self.fillers = _words("money/fillers.txt")
        self.cues = _words("money/cues_before.txt")
        self.blockers = _words("money/not_before.txt")
        self.fx = _words("money/fx_cues.txt")
        self.fx_glue = _words("money/fx_glue.txt")
        self.moves = _words("money/price_moves.txt")
        self.spends = _words("money/spend_verbs.txt")
        self.after = _words("money/cues_after.txt")
        self.budget_heads = _words("money/budget_heads.txt")
        self.counters = _words("money/counters.txt")
        self.links = _words("money/cue_links.txt")
        self.clause_links = _words("money/clause_links.txt")
        self.total_words = _words("money/total_words.txt")
        self.compares = _words("money/compare_words.txt")
        self.not_counters = _words("money/not_counters.txt")
        self.not_a_cent = _words("money/not_a_cent.txt")
        self.not_after = _words("money/not_cues_after.txt")
        unit_prices = load_table("money/unit_prices.tsv")
        self.price_words = [r["word"] for r in unit_prices if r["kind"] == "price"]
        self.per_items = [one + r["word"] for r in unit_prices if r["kind"] == "per" for one in ("1", "一", "每")]


@functools.cache
def grammar() -> Grammar:
    t, w = _Tables(), _Words()
    lookups = _lookups(t)
    return Grammar(
        token=compile_folded(TOKEN),
        runs=re.compile(fold(RUN)),
        **_patterns(t, w, lookups),
        **lookups,
        screen=Screen.build(
            t.after_names + t.after_codes + w.after + [gap for gap in MOVE_GAPS if gap[0] not in SCREENED_MOVE_HEADS],
            t.qual_before + t.before_names + t.before_codes + w.cues + w.fillers + w.price_words + w.per_items,
            # 的/級 (cue_after), 角/毛/分 (after_fraction), an English magnitude (any Latin
            # letter, and those case-folding to one), a range's one-character gap (a plain first
            # end before a longer gap, 5千(含)至, is no candidate: candidate._plain_number)
            "".join(fold(link) for link in w.links) + "".join(u[0] for u in lookups["fractions"]) + string.ascii_letters
            + "\u212a\u017f\u0130\u0131" + "".join(gap for gap in RANGE_GAPS | UNIT_LIST_JOINERS if len(gap) == 1)
            + "".join(gap[0] for gap in MOVE_GAPS if gap[0] in SCREENED_MOVE_HEADS),
            fold(CN_DIGITS + SMALL + DECIMAL_POINTS + "幾好數,. "),
        ),
    )


def _lookups(t: _Tables) -> dict:
    """The maps and sets the steps and passes look words up in."""
    unit_next: dict[str, set[str]] = {}
    for row in load_table("money/unit_next_chars.tsv"):
        unit_next.setdefault(fold(row["kind"]), set()).add(fold(row["char"]))
    unit_columns = load_table("money/unit_columns.tsv")
    hints: dict[str, list[tuple[str, str]]] = {}
    for row in load_table("money/symbol_hints.tsv"):
        for symbol in row["symbol"].split("|"):  # 印尼: DONG|RUPEE, one place for two short names
            hints.setdefault(symbol, []).append((fold(row["word"]), row["code"]))
    return dict(
        currencies=t.currencies,
        qualifiers=t.qualifiers,
        magnitudes={row["word"]: Decimal(row["value"]) for row in load_table("money/magnitudes.tsv")},
        fractions={fold(row["unit"]): Decimal(row["value"]) for row in load_table("money/fractions.tsv")},
        fraction_currencies={
            fold(row["unit"]): Currency(row["currency"], "name")
            for row in load_table("money/fractions.tsv") if row["currency"]
        },
        yuan_word_money={fold(r["word"]): r["money"] == "yes" for r in load_table("money/yuan_words.tsv")},
        unit_next_chars={unit: frozenset(chars) for unit, chars in unit_next.items()},
        unit_column_before=tuple(fold(r["word"]) for r in unit_columns if r["place"] == "before"),
        unit_column_after=tuple(fold(r["word"]) for r in unit_columns if r["place"] == "after"),
        qianwan_adverbs=frozenset(fold(w) for w in _words("money/qianwan_adverbs.txt")),
        carries_back=frozenset(
            fold(r["word"]) for r in load_table("money/list_joiners.tsv") if r["carries_back"] == "yes"
        ),
        symbol_hints={symbol: tuple(words) for symbol, words in hints.items()},
        tens_words={fold(r["word"]): r["reading"] for r in load_table("money/tens_words.tsv")},
    )


def _patterns(t: _Tables, w: _Words, lookups: dict) -> dict:
    """The patterns read on either side of a token."""
    qb = alternation(t.qual_before)
    filler_chain = f"(?:[ :]?{alternation(w.fillers)}){{0,3}}[ :]?"
    magnitudes, fractions = lookups["magnitudes"], lookups["fractions"]
    list_words = [r["word"] for r in load_table("money/list_joiners.tsv") if r["lists"] == "yes"]
    return dict(
        # Patterns anchored at a token's start (\Z at endpos) search in reverse ((?r)), so
        # they are tried from the token leftwards once, not at every start in the window.
        # (a currency may also stand before the noun of what is paid: 人民幣車費601元, read_left)
        left=_reverse(
            f"(?:(?P<q1>{qb})[ ]?)?(?:(?P<cur>{t.currency_before()})[ ]?(?P<noun>\\p{{Han}}{{1,3}}[{PAID_NOUN_ENDS}])?[ ]?)?"
            f"(?:(?P<q2>{qb})[ ]?)?\\Z",
            t.qual_before + t.before_names + t.before_codes + list(PAID_NOUN_ENDS),
        ),
        after_currency=_forward(
            f"[ ]?(?P<cur>{t.currency_after()})(?P<zheng>整(?!數))?", t.after_names + t.after_codes
        ),
        # 約2.54億(美元.下同), 3億(港元): the amount's currency in brackets, alone or declaring the
        # page's (read only where a bracket follows the amount)
        bracket_currency=compile_folded(
            f"[(][ ]?(?P<cur>{alternation(t.currency_names())})(?:[ ]?[,、.·]?[ ]?下同)?[ ]?[)]"
        ),
        after_qualifier=_forward(f"[ ]?(?P<q>{alternation(t.qual_after)})", t.qual_after),
        # 毫子, the Cantonese ten-cent coin (兩毫子, 五毫子), is said as 毫錢 is
        # (not 分 in 百分點, 百分比, 百分之: 上升36.3百分點 is a share, not 36.3 of the 元; a Malaysian results table
        # spaces its figures: 每股盈利 10.1 仙, only 仙, no 分 of a score)
        after_fraction=_forward(f"(?:[ ](?=仙))?(?P<unit>{alternation(fractions)})(?P<qian>錢|(?<=毫)子)?(?!(?<=百分)[點比之])",
                                list(fractions), " "),
        en_magnitude=_forward(
            f"[ ]?(?P<mag>{'|'.join(sorted(magnitudes, key=len, reverse=True))})(?![A-Za-z])",
            [m for word in magnitudes for m in (word, word.upper())], flags=regex.IGNORECASE,
        ),
        # 純利(約3.2億): the amount may stand in brackets after its cue; 營收(不含金融業)將達4兆: a short
        # aside in brackets may stand between them
        cue_left=_reverse(f"{alternation(w.cues)}(?:[(（][^()（）\\n]{{1,10}}[)）])?[(（]?{filler_chain}\\Z",
                          w.cues + w.fillers, " :(（"),
        block_left=_reverse(f"{alternation(w.blockers)}{filler_chain}\\Z", w.blockers + w.fillers, " :"),
        fx_left=_reverse(f"{alternation(w.fx)}(?:{'|'.join(w.fx_glue)})?[ ]?\\Z", w.fx + w.fx_glue),
        # or a verb of paying (花了三塊, 花費我兩塊): the same reading of a lone 塊, 毛 or 角
        move_left=_reverse(
            f"(?:{alternation(w.moves)}(?:{'|'.join(w.fx_glue)})?"
            f"|{alternation(w.spends)}了?(?:{'|'.join(_PAYERS)})?)[ ]?\\Z",
            w.moves + w.fx_glue + w.spends + list(_PAYERS) + ["了"],
        ),
        not_a_cent=_forward(alternation(w.not_a_cent), w.not_a_cent, ""),
        # (時薪從183調到190: 從/由 may stand between, as the first end of a price move)
        unit_price_left=_reverse(
            f"{alternation(w.price_words)}[ ]?(?:{alternation(w.per_items)})?[ ]?(?:從|由)?[ ]?\\Z",
            w.price_words + w.per_items + ["從", "由"],
        ),
        # a cue, filler or blocker word ending at a point (賣超, 衝上, 跌破): a qualifier
        # (超, 上, 破) that is the last character of one belongs to that word
        word_end=_reverse(
            alternation(w.cues + w.fillers + w.blockers) + "\\Z", w.cues + w.fillers + w.blockers, ""
        ),
        # (or 的, a short description and the noun of a budget: 兩千萬的親子活動預算)
        # (not a word that only begins as one does: 成交量 is a volume of shares, not 成交)
        cue_after=_forward(f"[ ]?(?:{alternation(w.links)}{{0,2}}(?!{alternation(w.not_after)}){alternation(w.after)}"
                           f"|的\\p{{Han}}{{1,6}}?{alternation(w.budget_heads)})", w.after, " " + fold("".join(w.links))),
        clause_link=_reverse(f"{alternation(w.clause_links)}[ ]?\\Z", w.clause_links),
        total_word=_reverse(f"{alternation(w.total_words)}[ ]?\\Z", w.total_words),
        # 比2020/21財年的, 較去年同期的: a comparing word, a few words of its clause and 的
        compare_left=_reverse(f"(?:{alternation(w.compares)})[^。?!;,:\\n]{{0,14}}?的[ ]?\\Z", ["的"]),
        # 較上年全年約, 按年增加約: with no 的, the few words end in a hedge or a word of change
        compare_near=_reverse(f"(?:{alternation(w.compares)})[^。?!;,:\\n的]{{0,6}}?(?:{'|'.join(_NEAR_ENDS)})[ ]?\\Z",
                              list(_NEAR_ENDS)),
        cue_word=compile_folded(alternation(w.cues)),
        # a counter unless the word there is one of the exceptions (年增, 卡位, 分別)
        counter=_forward(
            f"[ ]?(?!{alternation(w.not_counters)}){alternation(w.counters)}", w.counters
        ),
        scope=compile_folded(alternation(_words("money/scope_cues.txt"))),
        per_share=compile_folded(alternation(_words("money/per_share.txt")), regex.IGNORECASE),
        per_share_after=compile_folded(f"[ ]?{alternation(_words('money/per_share_after.txt'))}"),
        yuan_words=compile_folded(alternation(r["word"] for r in load_table("money/yuan_words.tsv"))),
        list_gap=compile_folded(f"[ ]?{alternation(list_words)}" r"[ ]?(?:\p{Han}{1,4}[以為則各])?[ ]?"),
        counted_projects=compile_folded(f"(?:以上|以下)?{alternation(_words('money/counted_projects.txt'))}"),
    )
