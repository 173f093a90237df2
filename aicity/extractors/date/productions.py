"""The rules' productions: each reads one rule's match into a
:class:`~.values.Candidate`, or rejects it (None) when the words around it say
it is no date (a duration, a count, a fraction, a name)."""
from __future__ import annotations

import datetime as dt

import regex

from ...fold import fold
from ...numerals import DIGIT_VALUES
from .reading import (Ctx, after_is, before_is, century_year, day_of, groups, read_spec, roc_by_default,
                      roc_page, small_number, time_of_day, with_range)
from .values import Candidate, Spec, nearest_century, valid
from .words import (DAY_PREFIX, DAY_WORDS, EVENING_WORDS, HALVES, MONTH_PREFIX, MONTH_WORDS, PREVIOUS_YEAR, QUARTERS,
                    ROC_BARE, ROC_OFFSET, WEEK_WORDS, WEEKDAYS, YEAR_CHARS, YEAR_POINTS, YEAR_WORDS, context, eras,
                    holidays, nations)


def _short_years(g: dict, ctx: Ctx) -> bool:
    """Whether a bare two-digit year before 年 is read as the one nearest the anchor: off a
    Taiwanese page, and on one too when it opens with 0 (08年: no ROC year is written so); and
    on a text that is Taiwanese only by default (no ROC year, no character of one script only:
    15年3月2日, 19年底) when it is no ROC year a page writes bare (below 80) and states a month
    or a year's end whose Western year is not later than the anchor's next year (38年5月 on a
    2025 page is no 2038). A Taiwanese page's 15年3月 stays no date."""
    bare = g.get("rocb")
    if not bare or len(bare) != 2:
        return False
    if bare.startswith("0") or not roc_page(ctx):
        return True
    if int(bare) in ROC_BARE or not (g.get("mon") or g.get("monc") or g.get("ysuf")) or not roc_by_default(ctx):
        return False
    anchor = (ctx.ref or dt.date.today()).year
    return nearest_century(anchor, int(bare)) <= anchor + 1


def _lunar_or_recurring(ctx: Ctx, start: int, end: int) -> bool:
    """農曆三月, 閏四月, 五月初五: a lunar month or day (not annotated); 每年3月: every year."""
    return (before_is(ctx, start, "LUNAR_BEFORE") or after_is(ctx, end, "LUNAR_DAY_AFTER")
            or before_is(ctx, start, "EVERY_BEFORE"))


def cjk(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    spec = read_spec(g, short_years=_short_years(g, ctx))
    if spec is None or _lunar_or_recurring(ctx, m.start(), m.end()):
        return None
    if g.get("dayc") and g["dayc"][0] in "廿卅" and not g.get("e_dayc") and m.end("dayc") == m.end():
        # 九月廿二, 去年十一月廿九: a day in 廿/卅 with no 日 or 號 is the lunar calendar's (三月廿日 is solar);
        # with its year it is a lunar date, as 2012年農曆正月十五 is (LUNAR_AFTER)
        return None
    if spec.day is None and spec.year is None and spec.year_rel is None and not g.get("e_mon"):
        # a bare month (2月營收): not a duration (連3月, 近3月) nor 五月天
        if before_is(ctx, m.start(), "DURATION_BEFORE") or after_is(ctx, m.end(), "MONTH_AFTER"):
            return None
        if g.get("monc") and after_is(ctx, m.end(), "MONTH_NAME_AFTER"):
            return None
    if g.get("rocb") and _year_context_bad(ctx, m.start("rocb"), None):
        return None
    if g.get("rocpc") and not roc_page(ctx):
        return None  # 九十四年十一月: a ROC year written with 十, on a Taiwanese page only
    if spec.year is None and spec.year_rel is None and before_is(ctx, m.start(), "UNREAD_YEAR_BEFORE"):
        return None  # 1357年6月10日, 康熙二十年9月: the month of a year no rule read is not this year's
    if g.get("items"):
        return _day_list(m, spec)
    if g.get("mitems"):
        return _month_list(m, spec)
    return with_range(m, g, "date.cjk", spec)


# a year this near the anchor after 超過 or 逾 is a year whose figure follows (超過2024年的48個), not a span of years
FIGURE_YEAR_REACH = 30
_LIST_DAY = regex.compile(r"[0-9]+")
_LIST_MONTH_CN = regex.compile(r"十[一二]|[一二三四五六七八九十]")  # 一、二月, 十一、十二月


def _day_list(m: regex.Match, spec: Spec, rule: str = "date.cjk") -> Candidate:
    """3月5、6日, 本月28、29日: one item per day; the first runs from the match's start to its day."""
    items = [(m.start(), m.end("day"), spec, None)]
    for day in _LIST_DAY.finditer(m.group("items")):
        start = m.start("items") + day.start()
        items.append((start, start + len(day.group()), Spec(day=int(day.group())), None))
    last_start, _, last_spec, _ = items[-1]
    items[-1] = (last_start, m.end(), last_spec, None)  # the last item takes the 日
    return Candidate(m.start(), m.end(), rule, spec, None, spec.roc, tuple(items))


def _month_list(m: regex.Match, spec: Spec) -> Candidate:
    """明年5、6月, 2024年一、二月: one item per month, each in the year stated before the first."""
    chinese = bool(m.group("monc"))
    items = [(m.start(), m.end("monc" if chinese else "mon"), spec, None)]
    for month in (_LIST_MONTH_CN if chinese else _LIST_DAY).finditer(m.group("mitems")):
        start = m.start("mitems") + month.start()
        number = small_number(month.group()) if chinese else int(month.group())
        items.append((start, start + len(month.group()), spec._replace(month=number), None))
    last_start, _, last_spec, _ = items[-1]
    items[-1] = (last_start, m.end(), last_spec, None)  # the last item takes the 月
    return Candidate(m.start(), m.end(), "date.cjk", spec, None, spec.roc, tuple(items))


def _year_context_bad(ctx: Ctx, start: int, end: int | None) -> bool:
    """A bare ROC year that reads as a duration or a count (逾100年, 20年來)."""
    if before_is(ctx, start, "DURATION_BEFORE") or before_is(ctx, start, "ROC_BEFORE"):
        return True
    return end is not None and after_is(ctx, end, "YEAR_AFTER")


def _roc_year_during(bare: str | None, ctx: Ctx, end: int) -> bool:
    """105年間 on a Taiwanese page: during the ROC year 105, not a span of 105 years."""
    return bare is not None and len(bare) == 3 and bare[:2] in ("10", "11") \
        and after_is(ctx, end, "ROC_YEAR_DURING_AFTER") and roc_page(ctx)


def _cn_year(text: str) -> int:
    """The number a year in Chinese digits writes: 二〇一八 -> 2018."""
    return int("".join(str(DIGIT_VALUES[ch]) for ch in text))


_LISTED_YEAR = regex.compile(r"[0-9]{4}|[0〇零○一二三四五六七八九]{4}")


def _year_list(m: regex.Match) -> Candidate | None:
    """2007、2009及2011年, 二〇〇七、二〇〇九及二〇一一年: the years listed before one 年, each its own value."""
    first, items_at = ("ycn", "ycnitems") if m.group("ycnitems") is not None else ("y4", "yitems")
    spans = [(m.start(first), m.end(first))]
    spans += [(m.start(items_at) + i.start(), m.start(items_at) + i.end())
              for i in _LISTED_YEAR.finditer(m.group(items_at))]
    years = [int("".join(ch if ch.isascii() else str(DIGIT_VALUES[ch]) for ch in m.string[s:e])) for s, e in spans]
    if any(not 1600 <= y <= 2099 for y in years):
        return None
    items = tuple((s, e, Spec(year=y), None) for (s, e), y in zip(spans, years))
    items = items[:-1] + ((spans[-1][0], m.end(), Spec(year=years[-1]), None),)  # the last one holds the 年
    return Candidate(m.start(), m.end(), "date.year", Spec(year=years[0]), None, False, items)


def year(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    if g.get("ry2") or g.get("ly2"):  # 2014到20年: a range; 1992、94年: two years
        second = century_year(int(g["y4"]), g.get("ry2") or g["ly2"])
        if second is None:
            return None
        if g.get("ry2"):
            month = int(g["ry2m"]) if g.get("ry2m") else None  # 1985到89年9月: that year's month
            return Candidate(m.start(), m.end(), "date.year", Spec(year=int(g["y4"])), Spec(year=second, month=month))
        return Candidate(m.start(), m.end(), "date.year", Spec(year=int(g["y4"])), None, False,
                         ((m.start("y4"), m.end("y4"), Spec(year=int(g["y4"])), None),
                          (m.start("ly2"), m.end(), Spec(year=second), None)))
    if g.get("yitems") or g.get("ycnitems"):  # 2007、2009及2011年: each year of the list
        return _year_list(m)
    if g.get("fys"):  # 24/25年度: the first of two two-digit years is the one nearest the anchor
        g["y4"] = str(nearest_century((ctx.ref or dt.date.today()).year, int(g["fys"])))
    if g.get("fy2"):  # 2026/27年度: the fiscal year ends in the next calendar year
        start_year = int(g["y4"])
        end_year = century_year(start_year, g["fy2"])
        if end_year is None or end_year - start_year != 1:
            return None
        g["e_y4"] = str(end_year)
    if g.get("fy2cn"):  # 二〇一八/一九年度: the same, in Chinese numerals (the next year, same century)
        end_cn = g["ycn"][:2] + g["fy2cn"]
        if _cn_year(end_cn) - _cn_year(g["ycn"]) != 1:
            return None
        g["e_ycn"] = end_cn
    spec = read_spec(g, short_years=_short_years(g, ctx))
    if spec is None:
        return None
    if g.get("rocpc") and not (roc_page(ctx) and (g.get("ysuf") or m.group().endswith("度"))):
        return None  # 九十三年度 on a Taiwanese page; 五十年 alone is as often fifty years
    end_of_year = m.end("ysuf") if g.get("ysuf") else m.end()
    if g.get("ycn2") and _year_context_bad(ctx, m.start("ycn2"), end_of_year):
        return None  # 三五年來, 近三五年: a few years
    if g.get("rocb") or g.get("rocbc"):
        key = "rocb" if g.get("rocb") else "rocbc"
        # 05年來 (since 2005): a year written with its leading zero counts no years; nor does
        # 105年間 (during the ROC year 105) on a Taiwanese page
        counts_no_years = (g.get("rocb") or "").startswith("0") or _roc_year_during(g.get("rocb"), ctx, end_of_year)
        if _year_context_bad(ctx, m.start(key), None if counts_no_years else end_of_year):
            return None
        if spec.year == 100 + ROC_OFFSET and after_is(ctx, end_of_year, "CENTURY_AFTER"):
            return None  # 100年前: a century ago, not "before 2011"
    elif (g.get("y4") and not g.get("fys")) or g.get("ycn") or g.get("ycnk"):
        key = "y4" if g.get("y4") else ("ycn" if g.get("ycn") else "ycnk")
        if before_is(ctx, m.start(key), "BIG_YEAR_BEFORE") and not (
                spec.year is not None and abs(spec.year - (ctx.ref or dt.date.today()).year) <= FIGURE_YEAR_REACH
                and after_is(ctx, m.end(), "YEAR_FIGURE_AFTER")):
            return None  # 超過2000年 (over two thousand years); not 超過2024年的48個, a recent year's own figure
        if after_is(ctx, m.end(), "BIG_YEAR_AFTER"):
            return None
    if g.get("yrel") and after_is(ctx, m.end(), "YEAR_WORD_AFTER"):
        return None
    if after_is(ctx, m.end(), "LUNAR_AFTER") or before_is(ctx, m.start(), "LUNAR_BEFORE"):
        return None  # 2012年農曆正月十五, 明年臘月, 農曆2015年: a date of the lunar calendar
    if (spec.year_short is not None and not before_is(ctx, m.start(), "SHORT_YEAR_BEFORE")
            and not g.get("ycn2") and not g.get("ysuf") and not (g.get("rocb") or "").startswith("0")):
        return None  # 深耕24年: a two-digit year alone is a year only after 於, 在, 自... (or as 08年, 九七年, 19年底)
    return with_range(m, g, "date.year", spec)


# 本財政年度 and its neighbours: years from the fiscal year the anchor falls in
_FISCAL_REL_OFFSET = {fold(k): v for k, v in {"本": 0, "今": 0, "上": -1, "下": 1, "新": 1, "來": 1}.items()}


def fiscal_rel(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """本財政年度 on a Hong Kong page: the government's year from April to March that holds
    the anchor (a February page's is the one that began the April before), as 2025/26年度 is
    written. Elsewhere no date: whose year it is (a company's, a government's) the words
    do not say."""
    if ctx.region != "HK":
        return None
    ref = ctx.ref or dt.date.today()
    start = (ref.year if ref.month >= 4 else ref.year - 1) + _FISCAL_REL_OFFSET[m.group("fyrel")[0]]
    return Candidate(m.start(), m.end(), "date.year", Spec(year=start), Spec(year=start + 1))


# n/n/yyyy or n/n/yy: month first or day first by the page's region (3/12/2025)
AMBIGUOUS_SLASH = regex.compile(r"(?:1[0-2]|0?[1-9])/(?:1[0-2]|0?[1-9])/(?:[0-9]{4}|[0-9]{2})(?![0-9])")


def slash(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    if AMBIGUOUS_SLASH.match(ctx.folded, m.start()) and ctx.day_first:
        g["mon"], g["day"] = g["day"], g["mon"]  # 3/12/2025 on a Hong Kong page: 3 December
    spec = read_spec(g)
    if spec is None:
        return None
    if spec.year is None and spec.year_rel is None and not g.get("e_day"):
        # a bare M/D may be a fraction or a score: 3/4的, 比數3/4
        if before_is(ctx, m.start(), "FRACTION_BEFORE") or after_is(ctx, m.end(), "FRACTION_AFTER"):
            return None
        if after_is(ctx, m.end(), "PAGER_AFTER", 48):
            return None  # 1/6  1 2 3 … 下一頁: a pager, page 1 of 6
    return with_range(m, g, "date.slash", spec)


def clock_first_slash(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """2:32pm 11/06/2024: a site's stamp, its clock before an n/n/yyyy date read by the page's region."""
    g = groups(m)
    if AMBIGUOUS_SLASH.match(ctx.folded, m.start("y4") - len(g["mon"]) - len(g["day"]) - 2) and ctx.day_first:
        g["mon"], g["day"] = g["day"], g["mon"]
    spec = read_spec(g)
    return None if spec is None else Candidate(m.start(), m.end(), "date.slash", spec)


def iso(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    if len(g.get("rocs") or "") == 2 and not roc_page(ctx):
        return None  # 98-06-11 is ROC 98 on a Taiwanese page only (elsewhere yy-mm-dd is as often a code)
    spec = read_spec(g)
    return None if spec is None else with_range(m, g, "date.iso", spec)  # 1996.09至2000.07, 2024.1.7-13


def month_day_clock(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """12-27 15:14, a site's stamp with no year: its month is stated, so a late month on an early page is last
    year's (extractor.STATED_MONTH_RULES)."""
    spec = read_spec(groups(m))
    return None if spec is None else Candidate(m.start(), m.end(), "date.month_day_clock", spec)


def iso_month(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """2022-03; but 2011-12 is as often a two-year span (a fiscal year or a season) as December."""
    spec = read_spec(groups(m))
    if spec is None or spec.month == (spec.year + 1) % 100:
        return None
    return Candidate(m.start(), m.end(), "date.iso", spec)


def cna_stamp(m: regex.Match, ctx: Ctx) -> Candidate | None:
    spec = read_spec(groups(m))
    return None if spec is None else Candidate(m.start(), m.end(), "date.cna_stamp", spec, None, True)


def cna_service_stamp(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """訊息服務20250922 17:22:22: a Western date, read as CNA's closing stamp is (the page's own date)."""
    spec = read_spec(groups(m))
    return None if spec is None else Candidate(m.start(), m.end(), "date.cna_stamp", spec)


def event_day(m: regex.Match, ctx: Ctx) -> Candidate | None:
    spec = read_spec(groups(m))
    return None if spec is None else Candidate(m.start(), m.end(), "date.event_day", spec)


def compact_line(m: regex.Match, ctx: Ctx) -> Candidate | None:
    spec = read_spec(groups(m))
    return None if spec is None else Candidate(m.start(), m.end(), "date.compact", spec)


def compact_text(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """查閱20240307會議紀錄: a yyyyMMdd label in running text, only within a generation of the
    page's year (an eight-digit code or count may read as a far-off date)."""
    spec = read_spec(groups(m))
    if spec is None or spec.year is None:
        return None
    year = ctx.ref.year if ctx.ref is not None else dt.date.today().year
    if not year - 30 <= spec.year <= year + 5:
        return None
    return Candidate(m.start(), m.end(), "date.compact", spec)


def month_name(m: regex.Match, ctx: Ctx) -> Candidate | None:
    spec = read_spec(groups(m))
    name = "date.english" if m.re.groupindex.get("mname") else "date.month_name"
    return None if spec is None else Candidate(m.start(), m.end(), name, spec)


def relative_day(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    if g.get("rd"):
        rel = DAY_PREFIX[g["rd"]]
    elif g.get("hrd"):
        rel = 2  # 後日 (HOU_RI): the day after tomorrow
    else:
        rel = DAY_WORDS[g["rdw"]]
    day = day_of(g)
    h, mi, s = time_of_day(g)
    evening = h is not None and not g.get("ampm") and g.get("rdw") in EVENING_WORDS
    if evening and h < 12:
        h += 12  # 今晚六時 is 18:00
    month = int(g["mon"]) if g.get("mon") else small_number(g.get("monc"))
    if evening and h == 12 and month is None and day is None:
        h, rel = 0, rel + 1  # 今晚12時: the midnight that ends today, 00:00 of tomorrow
    if month is not None:  # 今(2月10)日, 今日（二月二十五日）: the month is stated, the year is the anchor's
        spec = Spec(month=month, day=day, hour=h, minute=mi, second=s)
    else:
        spec = Spec(day_rel=rel, day=day, hour=h, minute=mi, second=s)
    return Candidate(m.start(), m.end(), "date.relative_day", spec)


def paren_day(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    if after_is(ctx, m.end("ri"), "DAY_AFTER"):
        return None
    h, mi, s = time_of_day(g)
    spec = Spec(day=int(g["day"]), nearest=True, hour=h, minute=mi, second=s)
    return Candidate(m.start(), m.end(), "date.paren_day", spec)


def weekday(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    rel = WEEK_WORDS[g["wrel"]] if g.get("wrel") else None  # bare: on or before the anchor
    if not g.get("wrel"):
        # a bare weekday: not a list or a schedule (週一至週五, 每週三), not the
        # surname 周 of a mainland name (周一鸣): there the original text has 周
        original = ctx.text[m.start():m.end()]
        if before_is(ctx, m.start(), "LIST_BEFORE") and not (
                before_is(ctx, m.start(), "WEEKDAY_PAIR_BEFORE", span=10)
                and not after_is(ctx, m.end(), "WEEKDAY_LIST_AFTER")):
            return None  # 週一至週五, 每週三; but the second of a pair (週四及|週五) is a day
        if after_is(ctx, m.end(), "WEEKDAY_LONG_LIST_AFTER", span=14):
            return None  # 週一|、週三、週五: a schedule
        if (original.startswith("周") and after_is(ctx, m.end(), "HAN_AFTER")
                and not after_is(ctx, m.end(), "AFTER_WEEKDAY") and not before_is(ctx, m.start(), "WEEKDAY_BEFORE")
                and not before_is(ctx, m.start(), "WEEKDAY_PAIR_BEFORE", span=10)
                and not after_is(ctx, m.end(), "WEEKDAY_PAIR_AFTER")):
            return None
    if before_is(ctx, m.start(), "EVERY_BEFORE"):
        return None  # 每個星期天: every Sunday
    h, mi, s = time_of_day(g)
    # a bare weekday is the latest on or before the anchor even after a word of plans (將於週六南下):
    # ANNOTATION.md states it so, with no exception
    spec = Spec(weekday=WEEKDAYS[g["wdn"]], week_rel=rel, hour=h, minute=mi, second=s)
    if g.get("witems"):  # 下週三、四: each day of that week
        items = [(m.start(), m.end("wdn"), spec, None)]
        for offset, ch in enumerate(g["witems"]):
            if ch in WEEKDAYS:
                at = m.start("witems") + offset
                items.append((at, at + 1, Spec(weekday=WEEKDAYS[ch], week_rel=rel), None))
        last_start, _, last_spec, _ = items[-1]
        items[-1] = (last_start, m.end(), last_spec, None)
        return Candidate(m.start(), m.end(), "date.weekday", spec, None, False, tuple(items))
    end = None
    if g.get("e_wdn"):
        # 下週一至週五; 下週五至週一, 本週日至週三: an end weekday before the start's is the next week's
        end_day = WEEKDAYS[g["e_wdn"]]
        end = Spec(weekday=end_day, week_rel=rel + (end_day < spec.weekday))
    return Candidate(m.start(), m.end(), "date.weekday", spec, end)


def weekend(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """上週末 → that week's Saturday to Sunday (weeks start on Monday); 過去週末 → the latest
    weekend by the anchor: this week's on a Sunday, else last week's."""
    g = groups(m)
    if g.get("wpast"):
        rel = 0 if ctx.ref is not None and ctx.ref.weekday() == 6 else -1
    else:
        rel = WEEK_WORDS[g["wrel"]]
    return Candidate(m.start(), m.end(), "date.weekend", Spec(weekday=5, week_rel=rel), Spec(weekday=6, week_rel=rel))


def relative_month(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    h, mi, s = time_of_day(g)
    day = day_of(g)
    if day is not None and not 1 <= day <= 31:
        return None
    month_rel = MONTH_WORDS[g["mrel"]]
    spec = Spec(month_rel=month_rel, day=day, hour=h, minute=mi, second=s)
    if g.get("items"):  # 本月28、29日: each day of that month
        return _day_list(m, spec, "date.relative_month")
    end_spec = None
    if g.get("e_day"):  # 本月13至21日
        if day is None or not day < int(g["e_day"]) <= 31:
            return None
        end_spec = Spec(month_rel=month_rel, day=int(g["e_day"]))
    return Candidate(m.start(), m.end(), "date.relative_month", spec, end_spec)


def paren_month(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """下(4)月: the month in brackets, in the year that the relation word (本, 上, 下)
    gives from the anchor; where the two disagree, the bracketed month nearest the anchor."""
    g = groups(m)
    month, day = int(g["mon"]), day_of(g)
    if day is not None and not valid(2000, month, day):
        return None
    h, mi, s = time_of_day(g)
    if ctx.ref is None:
        return Candidate(m.start(), m.end(), "date.paren_month", Spec(month=month, day=day, hour=h, minute=mi, second=s))
    index = ctx.ref.year * 12 + ctx.ref.month - 1 + MONTH_PREFIX[g["mp"]]
    year = index // 12
    if index % 12 + 1 != month:
        here = ctx.ref.year * 12 + ctx.ref.month - 1
        year = min((ctx.ref.year + k for k in (-1, 0, 1)),
                   key=lambda y: abs(y * 12 + month - 1 - here))
    spec = Spec(year=year, month=month, day=day, hour=h, minute=mi, second=s)
    if g.get("items"):  # 下(4)月5、6日
        return _day_list(m, spec, "date.paren_month")
    return Candidate(m.start(), m.end(), "date.paren_month", spec)


# A forward count that opens a sentence right after a sentence holding a month and a day counts on from that
# day, as a story tells its steps in turn (某日公示。7天後又補充公示): no date from the page's own.
SENTENCE_ENDS = fold("。！？\n")
MONTH_DAY = regex.compile(fold(r"[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}[日號]"))
DATED_SENTENCE_REACH = 120


def _after_dated_sentence(folded: str, start: int) -> bool:
    opening = folded[max(0, start - 2):start].rstrip(" \u3000")
    if opening[-1:] not in SENTENCE_ENDS:
        return False
    before = folded[max(0, start - DATED_SENTENCE_REACH):start].rstrip(" \u3000\n")
    cut = max(before.rfind(e, 0, len(before) - 1) for e in SENTENCE_ENDS)
    return MONTH_DAY.search(before, cut + 1) is not None


def ago(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """兩年前, 5天前, 兩週前 and, forward, 3天後, 兩個月後, 半年後: counted from the anchor; not
    兩三年前, 五六天前 (two or three years: no day in particular), nor a span counted from an
    event (連跌三年後, 時隔五年後)."""
    count = m.group("n")
    half = m.group("half") is not None
    if count is None:  # 半年後: half a year
        n = 0
    elif len(count) > 1 and not count.isascii() and "十" not in count:
        return None
    else:
        n = small_number(count)
        if n is None or n <= 0:
            return None
    unit = m.group("unit")
    if unit == "日" and m.group("n").isascii():
        return None  # 5日前: by the 5th (a deadline), not five days ago
    if before_is(ctx, m.start(), "SPAN_FROM_EVENT_BEFORE"):
        return None  # 連跌三年後: three years after a fall began, not three years from now
    if not m.group("ago") and after_is(ctx, m.end(), "SPAN_TO_PAST_EVENT_AFTER", 8):
        return None  # 通緝犯5天後落網: five days after the crime
    if not m.group("ago") and _after_dated_sentence(ctx.folded, m.start()):
        return None  # 3月2日，某局發出通知。5天後，…: five days after the 2nd, not from the page's date
    sign = -1 if m.group("ago") else 1
    if half and after_is(ctx, m.end(), "HALF_YEAR_MONTH_AFTER", 8):
        return None  # 半年前的十月: the month is the date
    if half:  # 兩年半前: thirty months back, a month
        spec = Spec(month_rel=sign * (12 * n + 6))
    elif unit == "年":
        if n >= 80:
            return None
        spec = Spec(year_rel=sign * n, clause_year=True)  # 2020年時…5年前: 2015
    elif unit in ("天", "日"):
        spec = Spec(day_rel=sign * n)
    elif unit.endswith("月"):
        spec = Spec(month_rel=sign * n)
    elif unit.endswith("季度"):  # 三個季度後: nine months on
        spec = Spec(month_rel=sign * 3 * n)
    else:  # weeks
        spec = Spec(day_rel=sign * 7 * n)
    return Candidate(m.start(), m.end(), "date.ago", spec)


def event_year(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """A bare year naming an edition (GTC 2025, 2025世界海洋日): only near the page's year."""
    if ctx.ref is None:
        return None
    g = groups(m)
    y = int(g["y4"])
    ref_year = ctx.ref.year
    years = [y] + ([int(g["e_y4"])] if g.get("e_y4") else [])
    # recent editions any year; targets further ahead are round (2030, 2040, 2050), but a round year
    # long past is a name's number (台新2000高科技基金), no edition
    if any(not (ref_year - 10 <= v <= ref_year + 5 or (ref_year < v <= ref_year + 30 and v % 5 == 0))
           for v in years):
        return None
    before = ctx.folded[m.start() - 1:m.start()]
    if before.isascii() and before.isalpha() and not ref_year - 10 <= y <= ref_year + 1:
        return None  # GE2025: a recent edition only (RTX2050 is a model's number)
    if (before_is(ctx, m.start(), "EVENT_BEFORE") and not after_is(ctx, m.end(), "EVENT_NAME_AFTER", 10)
            or after_is(ctx, m.end(), "EVENT_AFTER")
            or not g.get("e_y4") and after_is(ctx, m.end(), "EVENT_RANGE_AFTER", 16)):
        return None
    if before_is(ctx, m.start(), "STOCK_CODE_BEFORE") and after_is(ctx, m.end(), "STOCK_CODE_AFTER"):
        return None  # a stock code after a company name: 中鋼(2002)
    end_spec = Spec(year=years[1]) if len(years) > 1 else None
    if end_spec is not None and years[1] <= y:
        return None
    return Candidate(m.start(), m.end(), "date.event_year", Spec(year=y), end_spec)


def event_year_cn(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """A year in Chinese digits naming an edition (二〇二六新春市集): only near the page's year."""
    if ctx.ref is None:
        return None
    y = small_number(m.group("ycn").replace("0", "〇").replace("O", "〇"))
    if not ctx.ref.year - 10 <= y <= ctx.ref.year + 5:
        return None
    if before_is(ctx, m.start(), "EVENT_BEFORE") or after_is(ctx, m.end(), "EVENT_AFTER"):
        return None
    return Candidate(m.start(), m.end(), "date.event_year", Spec(year=y))


def copyright(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    end_spec = Spec(year=int(g["e_y4"])) if g.get("e_y4") else None
    return Candidate(m.start("y4"), m.end(), "date.copyright", Spec(year=int(g["y4"])), end_spec)


def _days_of_leave(ctx: Ctx, start: int, end: int) -> bool:
    """可請領20日, 核給5日: days of leave or pay granted; not 請領20日以前 (by the 20th)."""
    return before_is(ctx, start, "DAY_LEAVE_BEFORE") and not after_is(ctx, end, "DAY_LIMIT_AFTER")


def day_only(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    end_of_day = m.end("ri") if g.get("ri") else m.end()
    if before_is(ctx, m.start(), "DURATION_BEFORE") or _days_of_leave(ctx, m.start(), end_of_day):
        return None
    if _no_day_after(ctx, m.start(), end_of_day, bool(g.get("e_day"))):
        return None
    if after_is(ctx, end_of_day, "DAY_SINCE_AFTER") and not before_is(ctx, m.start(), "SINCE_BEFORE"):
        return None  # 就職26日以來: 26 days
    if before_is(ctx, m.start(), "DAYS_PASSED_BEFORE") and after_is(ctx, end_of_day, "DAYS_PASSED_AFTER"):
        return None  # 經3日的審理: three days of it
    h, mi, s = time_of_day(g)
    if g.get("ri") == "号" and not _day_with_hao(ctx, m, g, h):
        return None
    # 預定出席26日, 26日將出席: a planned day; 須於20日前: a deadline; each this month's or the next's
    ahead = (before_is(ctx, m.start(), "PLAN_BEFORE") or after_is(ctx, m.end(), "PLAN_AFTER", 8)
             or _deadline(ctx, m.start(), end_of_day))
    if before_is(ctx, m.start(), "THIS_MONTH_DAY_BEFORE"):  # 月底30日: this month's 30th
        spec = Spec(month_rel=0, day=int(g["day"]), hour=h, minute=mi, second=s)
    else:
        spec = Spec(day=int(g["day"]), nearest=True, hour=h, minute=mi, second=s, ahead=ahead)
    e_h, e_mi, e_s = time_of_day(g, "e_")
    end_spec = Spec(day=int(g["e_day"]), hour=e_h, minute=e_mi, second=e_s, ahead=ahead) if g.get("e_day") else None
    if g.get("l_day"):  # 18、19日: two days, each its own date
        second = spec._replace(day=int(g["l_day"]))
        return Candidate(m.start(), m.end(), "date.day", spec, None, False,
                         ((m.start("day"), m.end("day"), spec, None), (m.start("l_day"), m.end(), second, None)))
    return Candidate(m.start(), m.end(), "date.day", spec, end_spec)


def same_month_day(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """同月9日: a day of the month named before it (the extractor gives it that month)."""
    g = groups(m)
    day = day_of(g)
    if day is None:
        return None
    h, mi, s = time_of_day(g)
    return Candidate(m.start(), m.end(), "date.same_month_day", Spec(day=day, nearest=True, hour=h, minute=mi, second=s))


def next_day(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """次日, 翌日, 隔天: the day after the last day named before it (the extractor finds that day)."""
    return Candidate(m.start(), m.end(), "date.next_day", Spec())


def same_day_time(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """同日下午五時三十分: a clock time on the day named before it (the extractor gives it that day)."""
    h, mi, s = time_of_day(groups(m))
    if h is None:
        return None
    return Candidate(m.start(), m.end(), "date.same_day_time", Spec(hour=h, minute=mi, second=s))


def _deadline(ctx: Ctx, start: int, day_end: int) -> bool:
    """須於14日前, 請在20日前: a day closing a deadline ("by the 14th"), not 14 days ago."""
    return after_is(ctx, day_end, "DEADLINE_AFTER") and before_is(ctx, start, "DEADLINE_BEFORE")


def _no_day_after(ctx: Ctx, start: int, day_end: int, ranged: bool) -> bool:
    """Whether the words after a day make it a count of days (5日內, 10日間); but 間 after
    the last day of a range closes the range (13至21日間, 13日至21日間: between them)."""
    if not after_is(ctx, day_end, "DAY_AFTER"):
        return False
    if _deadline(ctx, start, day_end):
        return False  # 須於14日前: by the 14th
    range_end = ranged or before_is(ctx, start, "RANGE_END_BEFORE")
    return not (range_end and after_is(ctx, day_end, "RANGE_CLOSE_AFTER"))


def _day_with_hao(ctx: Ctx, m: regex.Match, g: dict, hour: int | None) -> bool:
    """12號 (the text is folded: 号) is a day only where the words say so: a clock time or a
    range after it, a part of the day or an event (12號晚上, 12號起), a word of plans or a time
    limit right before it (預計12號, 延至12號), or another day listed right before it (10號、11號);
    not an address or a number (中山路12號, 12號球衣, 候選人12號)."""
    if before_is(ctx, m.start(), "ADDRESS_BEFORE") or after_is(ctx, m.end(), "NUMBER_SIGN_AFTER"):
        return False
    return (hour is not None or bool(g.get("e_day")) or after_is(ctx, m.end(), "HAO_DAY_CONTEXT")
            or before_is(ctx, m.start(), "HAO_DAY_BEFORE")
            or before_is(ctx, m.start(), "HAO_LISTED_BEFORE", span=24))


def day_only_cn(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    day_end = m.end("ri")
    if before_is(ctx, m.start(), "DURATION_BEFORE") or _days_of_leave(ctx, m.start(), day_end):
        return None
    if _no_day_after(ctx, m.start(), day_end, False):
        return None
    if len(g["dayc"]) == 1 and not after_is(ctx, day_end, "CN_DAY_CONTEXT"):
        return None
    if g["ri"] == "号" and after_is(ctx, day_end, "NUMBER_SIGN_AFTER"):
        return None  # 二十號球衣, 十五號公路 (the text is folded: 号)
    day = small_number(g["dayc"])
    if day is None or not 1 <= day <= 31:
        return None
    h, mi, s = time_of_day(g)
    spec = Spec(day=day, nearest=True, hour=h, minute=mi, second=s)
    return Candidate(m.start(), m.end(), "date.day_cn", spec)


SCRIPTS = frozenset({"all", "traditional", "simplified"})


def _holiday_of_page(named: tuple, ctx: Ctx):
    """The holiday a name means on this page: the one of the page's region where the regions
    differ (國慶 on a Singaporean page is 8/9), else the one of the script of Taiwan or the
    mainland when the page is theirs (10/10 on a Taiwanese page, 10/1 on a mainland one, in
    either script), else the one of its script, else the one for all."""
    if all(h.script == "all" for h in named):
        return named[0] if named else None  # the same day everywhere: the region is not needed
    region = ctx.region_of() if ctx.region_of is not None else None
    if region is not None:
        for h in named:
            if h.script == region.name:
                return h
    script = region.script if region is not None and region.script else ctx.script
    return next((h for h in named if h.script in ("all", script)), None)


# the rows of holidays.tsv (its script column) that give a country's or region's generic holiday its day
NATION_HOLIDAY_ROWS = {"TW": "traditional", "CN": "simplified", "HK": "HK", "MO": "MO", "SG": "SG", "MY": "MY"}


def _holiday_of_nation(named: tuple, ctx: Ctx, start: int):
    """美國國慶日, 以色列國慶節: a generic holiday after a country's name is that country's, not the
    page's: the row of Taiwan, the mainland or the region so named (新加坡國慶: 8/9), else none
    (another country's day is not in the table). ``False`` when no country is named before it."""
    found = context("NATION_BEFORE").search(ctx.folded[max(0, start - 14):start])
    if found is None:
        return False
    row = NATION_HOLIDAY_ROWS.get(nations()[found.group("nation")])
    return next((h for h in named if h.script == row), None) if row else None


def holiday(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = groups(m)
    rows = holidays().get(g["hol"], ())
    named = _holiday_of_page(rows, ctx)
    if named is not None and named.script != "all":
        of_nation = _holiday_of_nation(rows, ctx, m.start())
        if of_nation is not False:
            named = of_nation
    if named is None or (named.month is None and named.easter is None):
        return None  # a lunar holiday: not annotated
    if named.after is not None and not named.after.match(ctx.folded, m.end("hol")) \
            and not before_is(ctx, m.start("hol"), "CELEBRATE_BEFORE"):
        return None  # 國慶 alone is also a given name (but 歡度國慶)
    if named.easter is not None and not named.orthodox and before_is(ctx, m.start(), "ORTHODOX_BEFORE", span=5):
        named = named._replace(orthodox=True)  # 東正教神聖週六: the Orthodox Holy Saturday
    if before_is(ctx, m.start(), "EVERY_BEFORE"):
        return None  # 每年母親節: every year's
    year_spec = read_spec(g, with_time=False)
    if year_spec is None:
        return None
    if year_spec.year is None and year_spec.year_rel is None and not context("MEMORIAL_DAY").fullmatch(g["hol"]) and (
            before_is(ctx, m.start(), "FESTIVAL_LIST_BEFORE") or after_is(ctx, m.end("hol"), "FESTIVAL_LIST_AFTER")):
        return None  # 屠妖節、聖誕節和中秋節: kinds of festival, listed with ones of other calendars (not 今年元旦和春節)
    h, mi, s = time_of_day(g)
    spec = year_spec._replace(month=named.month, day=named.day, weekday=named.weekday, nth=named.nth,
                              days_after=named.days_after,
                              easter=named.easter, orthodox=named.orthodox, hour=h, minute=mi, second=s)
    return Candidate(m.start(), m.end(), "date.holiday", spec, None, spec.roc)


def era_year(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """康熙三年 → 1664, 光緒元年 → 1875, 令和7年5月1日 → 2025-05-01."""
    g = groups(m)
    era = eras()[g["era"]]
    number = 1 if g.get("erac") == "元" else small_number(g.get("eran") or g.get("erac"))
    if not number or (era.years is not None and number > era.years and era.lunar):
        return None  # 乾隆八十年: a novel's year, no calendar's
    # a Japanese era's year past its end counts on from its first: forms printed before the era changed
    # (平成32年度 for 2020) and the anniversaries Japan counts so (昭和100年, 2025) name real years
    spec = Spec(year=era.first_year + number - 1)
    if not era.lunar:  # the month and day of a lunar calendar are not annotated; the year is
        stated = read_spec(g, with_time=False)
        if stated is None:
            return None
        spec = spec._replace(month=stated.month, day=stated.day)
    return Candidate(m.start(), m.end(), "date.era", spec)


def nth_weekday(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """五月第三個週日, 5月的最後一個星期一."""
    g = groups(m)
    spec = read_spec(g, with_time=False)
    if spec is None or spec.month is None:
        return None
    nth = -1 if g.get("last") else small_number(g["nth"])
    spec = spec._replace(weekday=WEEKDAYS[g["wdn"]], nth=nth)
    return Candidate(m.start(), m.end(), "date.nth_weekday", spec, None, spec.roc)


def _months_of_part(g: dict) -> tuple[int, int] | None:
    """The first and last month of a quarter, the first quarters or a half."""
    if g.get("qn"):
        n = small_number(g["qn"])
        return (3 * n - 2, 3 * n) if n and 1 <= n <= 4 else None
    if g.get("qfirst"):
        n = small_number(g["qfirst"])
        return (1, 3 * n) if n and 1 <= n <= 4 else None
    if g.get("qlast"):  # 後三季: the last three quarters
        n = small_number(g["qlast"])
        return (13 - 3 * n, 12) if n and 1 <= n <= 3 else None
    if g.get("mlast") or g.get("mlastb"):  # 最後兩個月, 二〇二四年後四月: the last months
        n = small_number(g.get("mlast") or g["mlastb"])
        return (13 - n, 12) if n and 1 <= n <= 11 else None
    if g.get("mnth"):  # 第8個月: that one month
        n = small_number(g["mnth"])
        return (n, n) if n and 1 <= n <= 12 else None
    if g.get("qedge"):  # 今年頭季, 去年尾季 (Hong Kong): the first or the last quarter
        return (10, 12) if g["qedge"] == "尾" else (1, 3)
    if g.get("qword"):
        n = QUARTERS[g["qword"]]
        return 3 * n - 2, 3 * n
    if g.get("hmid"):
        return 1, 6  # 2020年中期業績: the interim results' first half
    half = HALVES[g["half"]]
    return (1, 6) if half == 1 else (7, 12)


def year_part(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """2025年第四季 → 2025-10/2025-12; 上半年 → the anchor's January to June; 上季度 → the
    anchor's quarter before."""
    g = groups(m)
    if g.get("qprev"):
        return _quarter_before(m, ctx)
    if g.get("qrel"):
        if m.start() < m.start("qrel"):
            return None  # 今年上季度: not a form of the calendar
        rel = 0 if g["qrel"] == "今" else WEEK_WORDS[g["qrel"]]  # 上 -1, 本/這/今 0, 下 1, 下下 2
        if g.get("qpt"):  # 上季度末: that quarter's last month
            return Candidate(m.start(), m.end(), "date.year_part", Spec(quarter_rel=rel, month=_part_point(g, 1, 3)))
        return Candidate(m.start(), m.end(), "date.year_part", Spec(quarter_rel=rel, month=1),
                         Spec(quarter_rel=rel, month=3))
    months = _months_of_part(g)
    year_spec = read_spec(g, with_time=False, short_years=_short_years(g, ctx))  # 07年第三季度
    if months is None or year_spec is None:
        return None
    if (g.get("qlast") or g.get("mlast") or g.get("mnth") or g.get("qedge")) and year_spec.year is None and year_spec.year_rel is None \
            and year_spec.year_short is None:
        return None  # 過年後三個月, 賽季最後一季, 新年第一個月, 新年頭季: no year whose last months these are
    if g.get("hmid") and year_spec.year is None and year_spec.year_rel is None and year_spec.year_short is None:
        return None  # 多年中期業績: an interim with no year of its own
    if g.get("mlastb") and not (g.get("y4") or g.get("ycn")):
        return None  # 年後三月, 今年後三月: after the new year, in March (only a written-out year's 後三月 is its last months)
    if g.get("mnth"):
        if any(g.get(k) for k in ("rocbc", "rocpc", "ycn2")):
            return None  # 五十年第三個月: a count of years
        return Candidate(m.start(), m.end(), "date.year_part", year_spec._replace(month=months[0]), None,
                         year_spec.roc)
    if g.get("qlw") == "后" and any(g.get(k) for k in ("rocb", "rocbc", "rocpc", "ycn2")):
        return None  # 經過100年後三個月, 15年後: a bare number of years before 後 counts years
    if g.get("hboth"):  # 上、下半年: one item per half
        spec = year_spec._replace(month=1)
        items = ((m.start(), m.end("hboth"), spec, Spec(month=6)), (m.start("half"), m.end(), Spec(month=7), Spec(month=12)))
        return Candidate(m.start(), m.end(), "date.year_part", spec, None, spec.roc, items)
    spec = year_spec._replace(month=months[0])
    if g.get("qpt") and not (g.get("e_qn") or g.get("hboth")):
        # 第三季末, 上半年底: the part's last (or first) month, as 年底 is the year's
        return Candidate(m.start(), m.end(), "date.year_part", year_spec._replace(month=_part_point(g, *months)),
                         None, year_spec.roc)
    if g.get("e_qn"):
        return _quarters(m, g, spec, months)
    return Candidate(m.start(), m.end(), "date.year_part", spec, Spec(month=months[1]), spec.roc)


_SENTENCE_END = frozenset("。；;!?！？\n")
_STATED_YEAR_REL = {"今": 0, "去": -1, "明": 1, "前": -2}


def _quarter_before(m: regex.Match, ctx: Ctx) -> Candidate:
    """較前一季成長: the quarter before the last one its sentence states (首季出貨將較前一季成長 → last
    year's fourth; 2025年第3季…較上季 → 2025's second), or before the anchor's quarter where none is."""
    lo = m.start()
    while lo > 0 and ctx.folded[lo - 1] not in _SENTENCE_END:
        lo -= 1
    stated = None
    for stated in context("QUARTER_STATED").finditer(ctx.folded, lo, m.start()):
        pass
    if stated is None:
        return Candidate(m.start(), m.end(), "date.year_part", Spec(quarter_rel=-1, month=1),
                         Spec(quarter_rel=-1, month=3))
    s = groups(stated)
    n = 1 if s.get("sfirst") else small_number(s.get("sn") or s.get("sq"))
    # with no year written and no date given (a page dated by its own header), the year counts from each
    # date's anchor as years before or after it, not from today
    relative = ctx.ref is None and not s.get("sy")
    year = _STATED_YEAR_REL.get(s.get("syrel") or "今", 0)
    if not relative:
        year = int(s["sy"]) if s.get("sy") else ctx.ref.year + year
        if not (s.get("sy") or s.get("syrel")) and 3 * n - ctx.ref.month >= 10:
            year -= 1  # 第四季營收較上季成長 on a February page: last year's fourth quarter, as the quarter itself reads
    if n == 1:
        year, n = year - 1, 5
    first = 3 * (n - 1) - 2
    if not relative:
        return Candidate(m.start(), m.end(), "date.year_part", Spec(year=year, month=first),
                         Spec(year=year, month=first + 2))
    if not s.get("syrel") and year == 0:  # Q3…較上季: a bare quarter, anchored as a bare one is
        return Candidate(m.start(), m.end(), "date.year_part", Spec(month=first), Spec(month=first + 2))
    return Candidate(m.start(), m.end(), "date.year_part", Spec(year_rel=year, month=first),
                     Spec(year_rel=year, month=first + 2))


def _part_point(g: dict, first: int, last: int) -> int:
    """The month that 初 (the first) or 底/末 (the last) after a part of a year names."""
    return first if g["qpt"] == "初" else last


def _quarters(m: regex.Match, g: dict, spec: Spec, months: tuple[int, int]) -> Candidate | None:
    """第二至四季: from the first quarter's first month to the last one's last; 第3、4季: one
    item per quarter."""
    last = small_number(g["e_qn"])
    if not last or not small_number(g["qn"]) < last <= 4:
        return None
    if g.get("qlist"):
        second = m.start("e_qn")
        if m.string[second - 1:second] == "第":
            second -= 1  # 第一、第二季度: the second item is 第二季度
        items = ((m.start(), m.end("qn"), spec, Spec(month=months[1])),
                 (second, m.end(), Spec(month=3 * last - 2), Spec(month=3 * last)))
        return Candidate(m.start(), m.end(), "date.year_part", spec, None, spec.roc, items)
    return Candidate(m.start(), m.end(), "date.year_part", spec, Spec(month=3 * last), spec.roc)


def _broker_months(g: dict, p: str) -> tuple[int, int] | None:
    """The first and last month of a broker's 1Q or 2H (prefix ``p``: ``""`` or ``"e_"``)."""
    n = int(g[p + "bq"])
    if g[p + "bk"] == "Q":
        return 3 * n - 2, 3 * n
    return {1: (1, 6), 2: (7, 12)}.get(n)


def broker_part(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """1Q24 → 2024-01/2024-03, 2H19-1H20 → 2019-07/2020-06, 2017-1H19 → 2017-01/2019-06: a
    two-digit year is the one nearest the anchor."""
    g = groups(m)
    end = None
    if g.get("e_bq"):
        months = _broker_months(g, "e_")
        if months is None:
            return None
        end = Spec(year_short=int(g["e_by"]), month=months[1])
    if g.get("y4"):
        if end is None:
            return None  # 2017- alone: the year rule's
        return Candidate(m.start(), m.end(), "date.broker_part", Spec(year=int(g["y4"]), month=1), end)
    months = _broker_months(g, "")
    if months is None:
        return None
    year = int(g["by"])
    return Candidate(m.start(), m.end(), "date.broker_part", Spec(year_short=year, month=months[0]),
                     end or Spec(year_short=year, month=months[1]))


def first_months(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """2025年前5個月, 今年前兩月, 今年首五個月, 前5月 → January to May; 2005年首月 → January.
    Without a year only 前N月 (前5個月 alone is as often a span of time) from 前兩月 on, and
    首N個月 before a business figure (首9個月淨利)."""
    g = groups(m)
    year_spec = read_spec(g, with_time=False, short_years=_short_years(g, ctx))
    if year_spec is None:
        return None
    # a two-digit year in Chinese digits or with its 0 counts too (九七年前三個月, 08年前5個月: the year nearest
    # the anchor); not 15年前三個月, where 15年前 is as often fifteen years ago
    short = year_spec.year_short is not None and bool(g.get("ycn2") or (g.get("rocb") or "").startswith("0"))
    has_year = year_spec.year is not None or year_spec.year_rel is not None or short
    n = 1 if g.get("mfirstw") else small_number(g["mfirst"])
    figure = g.get("figure") is not None  # 首9個月累積淨賺: a company's first months, before its figure
    # 前8個月，全國…: a statistics report's clause that opens with the months alone is this year's
    figure = figure or (g.get("ge") is not None and not g.get("shou")
                        and (m.start() == 0 or before_is(ctx, m.start(), "CLAUSE_OPEN_BEFORE"))
                        and after_is(ctx, m.end(), "STATS_CLAUSE_AFTER", 16))
    # 比前8個月加快0.5個百分點: a growth rate against this year's first months
    figure = figure or (before_is(ctx, m.start(), "COMPARE_BEFORE")
                        and after_is(ctx, m.end(), "RATE_POINTS_AFTER", 20))
    if n is None or not 1 <= n <= 12 or (not has_year and not figure and (g.get("ge") or g.get("shou") or n < 2)):
        return None  # 上任首三個月: without a year or a figure after it, 首N個月 is a span of time
    spec = year_spec._replace(month=1)
    end = Spec(month=n) if n > 1 else None
    start = m.start("ypart") if g.get("ypart") else m.start()  # the year, read behind the match
    return Candidate(start, m.end(), "date.first_months", spec, end, spec.roc)


def bare_year_point(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """年底前, 年初 with no year: a month of the anchor's year."""
    return Candidate(m.start(), m.end(), "date.year_point", Spec(month=YEAR_POINTS[m.group("ysuf")]))


def bare_month_point(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """月底, 月初, 月尾 with no month: the anchor's month."""
    return Candidate(m.start(), m.end(), "date.month_point", Spec(month_rel=0))


def birth_cohort(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """60年次, 五十六年次 → 1971, 1967: the ROC year a person was born in (Taiwanese usage only)."""
    number = small_number(m.group("rocb") or m.group("rocc").replace("0", "〇"))
    if number is None or not 20 <= number <= 119:
        return None
    return Candidate(m.start(), m.end(), "date.birth_cohort", Spec(year=number + ROC_OFFSET, roc=True))


def school_cohort(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """1986級校友, 2023屆畢業生 → 1986, 2023: the year a school's class is named after, any year
    (an alumnus's class may be decades before the page)."""
    return Candidate(m.start(), m.end(), "date.school_cohort", Spec(year=int(m.group("y4"))))


def century(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """20世紀 → 1900/1999, the years as 20世紀90年代 (the 1990s) counts them."""
    number = small_number(m.group("century"))
    if number is None or not 10 <= number <= 20:
        return None
    start = (number - 1) * 100
    return Candidate(m.start(), m.end(), "date.century", Spec(year=start), Spec(year=start + 99))


_TENS_ZERO = regex.compile("[〇零○]")


def decade(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """90年代 → 1990/1999: a two-digit decade is the latest one that has begun by the anchor;
    民國80年代 → 1991/2000."""
    g = groups(m)
    if g.get("dec4"):
        start = int(g["dec4"])
    elif g.get("dec4c"):  # 一九九○年代
        start = _cn_year(g["dec4c"])
    else:
        tens = small_number(g["dec2"] or _TENS_ZERO.sub("十", g["decc"]))  # 八〇年代 is 八十
        if tens is None:
            return None
        if g.get("rocd"):
            start = ROC_OFFSET + tens  # 民國80年代: ROC years 80-89
        elif g.get("century"):
            start = (small_number(g["century"]) - 1) * 100 + tens
        elif g.get("crel"):  # 上世紀90年代: the century before the anchor's
            century = (ctx.ref.year if ctx.ref is not None else 2000) // 100
            start = (century - (1 if g["crel"].startswith("上") else 0)) * 100 + tens
        else:
            latest = ctx.ref.year if ctx.ref is not None else 2000
            start = (latest // 100) * 100 + tens
            if start > latest:
                start -= 100
    first = _listed_decade(g, start)
    if first is not None:  # 80、90年代, 七八十年代: the listed decade first, then the one 年代 closes
        first_end = m.end("first2") if g.get("first2") else m.end("first4") if g.get("first4") else m.end("firstc")
        second_start = m.start("dec2") if g.get("dec2") else m.start("dec4") if g.get("dec4") else m.start("decc")
        return Candidate(m.start(), m.end(), "date.decade", Spec(year=first), Spec(year=first + 9), False,
                         ((m.start(), first_end, Spec(year=first), Spec(year=first + 9)),
                          (second_start, m.end(), Spec(year=start), Spec(year=start + 9))))
    if g.get("next2"):  # 1980/90年代: the 1980s and the 1990s
        century = start // 100 * 100
        second = century + int(g["next2"])
        if second <= start:
            second += 100
        return Candidate(m.start(), m.end(), "date.decade", Spec(year=start), Spec(year=start + 9), False,
                         ((m.start(), m.end("dec4"), Spec(year=start), Spec(year=start + 9)),
                          (m.start("next2"), m.end(), Spec(year=second), Spec(year=second + 9))))
    return Candidate(m.start(), m.end(), "date.decade", Spec(year=start), Spec(year=start + 9))


def _listed_decade(g: dict, second: int) -> int | None:
    """The first decade of a list of two (80、90年代: 1980; 民國70、80年代: 1981), counted back from
    the second (the one before 年代); None when the match lists none."""
    if g.get("first4"):
        return int(g["first4"])
    tens = int(g["first2"]) if g.get("first2") else small_number(g["firstc"]) * 10 if g.get("firstc") else None
    if tens is None:
        return None
    second_tens = int(g["dec2"]) if g.get("dec2") else small_number(_TENS_ZERO.sub("十", g["decc"]))
    return second - (second_tens - tens) % 100


def year_pair(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """今明兩年 → this year and the next, as a range; 今、明、後年 → three years, as one."""
    first, second = YEAR_CHARS[m.group("ya")], YEAR_CHARS[m.group("yb")]
    middle = m.group("ym")
    if second != (YEAR_CHARS[middle] if middle else first) + 1 or middle and YEAR_CHARS[middle] != first + 1:
        return None
    return Candidate(m.start(), m.end(), "date.year_pair", Spec(year_rel=first), Spec(year_rel=second))


_PAIR_DAYS = {"昨": -1, "今": 0, "明": 1, "后": 2}  # folded: 後 is 后


def day_pair(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """今明兩天 → today and tomorrow, as a range of two days."""
    first, second = _PAIR_DAYS[m.group("da")], _PAIR_DAYS[m.group("db")]
    if second != first + 1:
        return None
    return Candidate(m.start(), m.end(), "date.day_pair", Spec(day_rel=first), Spec(day_rel=second))


def same_period(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """去年同月 alone is the anchor's month a year earlier, 去年同期 that year; after a
    named period the extractor reads it as that period a year earlier. 2024年同期 alone is
    that year; after a named period, that period in 2024."""
    stated = m.group("yabs")
    if stated:
        if len(stated) == 3 and not roc_page(ctx):
            return None  # 113年同期 is a ROC year on a Taiwanese page only
        roc = len(stated) == 3
        return Candidate(m.start(), m.end(), "date.same_period",
                         Spec(year=int(stated) + (1911 if roc else 0), roc=roc), None, roc)
    rel = m.group("yrel")
    years = -1 if rel == PREVIOUS_YEAR else YEAR_WORDS[rel][0]  # 前一年同期: 前一年 is no year word alone
    spec = Spec(month_rel=12 * years) if m.group("same") == "月" else Spec(year_rel=years, clause_year=True)
    return Candidate(m.start(), m.end(), "date.same_period", spec)
