"""Passes over a document's candidates: what needs more than one token.

Ranges (3至5億元), lists that share a currency or a cue (3億、5億美元), amounts after a
sentence-wide cue (全交保!王昱棠500萬、辜淑雯400萬), 1元5角, and each amount's currency.
Candidates a step rejected never reach these passes: a range or a list needs its two
amounts side by side, and a rejected token between them is text in the gap that
neither the range nor the list gap admits, so it blocks them as it should.
"""
from __future__ import annotations

import bisect
from collections import Counter
from decimal import Decimal

import regex

from ...document import Document
from ...fold import fold
from ...numerals import DIGIT_VALUES
from .candidate import BARE, LEVEL_AFTER, MAYBE, MONEY, Cand
from .grammar import RANGE_GAPS, UNIT_LIST_JOINERS, Grammar
from .numbers import SMALL_FOLDED, amount, amount_sum, big_unit_multiplier, unit_multiplier
from .region import Region, government_before, page_region, simplified_line

_SCOPE_REACH = 30                  # characters from a scope cue to its amounts
_CLAUSE_REACH = 16                 # characters from a clause's cue to its 至/達
_CLAUSE_BOUNDARY = "。?!;,:\n"      # a clause ends
_HEDGES = "約约逾近"  # a hedge a token may begin with (the text is folded)
_HARD_BOUNDARY = "。?;\n"          # a sentence ends (a scope cue does not reach past)
_SENTENCE_BOUNDARY = "。?!;\n"     # for carrying a currency over
# a count in 萬 or 億 with its counter (173萬人, 2.5萬戶): after a scope cue, the sentence has turned to counting
# heads, and the bare amounts after it in the sentence count them too (新制受惠者達120萬人,其中青年約40萬)
_COUNTED_BIG = regex.compile(r"[0-9][ ]?[萬万億亿][ ]?(?:人|名|戶|户|位|家)")
_COMMA = frozenset(",")  # (300元,70港元: two amounts of two currencies, no list)
# 19,000元人民幣: 元 and then the currency's name, the way a list in plain 元 names it once at its end
# (500元和300美元 writes a second currency, no name after 元)
_YUAN_THEN_NAME = regex.compile(fold("元") + r"[ ]?\p{Han}")
LOCAL_CODES = ("LOCAL", "DOLLAR", "YEN", "DONG", "PESO", "RIYAL", "RUPEE")  # the currency table's codes resolved by the page
# a bare short name's currency where neither the sentence nor the page names a country (盾, 披索, 里亞爾, 盧比)
_SHORT_NAME_DEFAULT = {"DONG": "VND", "PESO": "PHP", "RIYAL": "SAR", "RUPEE": "INR"}
MAINLAND_CURRENCY = "CNY"  # a mainland feed's Simplified line on a Hong Kong or Macau page
_CENT_JOINERS = ("", "又")  # 2美元50美分, 兩美元又三美分
# 0.18新元(約60仙): what stands between an amount and a conversion of it in brackets (folded)
_CONVERSION_GAP = regex.compile(fold(r"[ ]?[(（][ ]?(?:約合?|相等於|相當於)?[ ]?"))
_SEN_CODES = ("MYR", "SGD", "HKD")  # the currencies whose hundredth the press writes 仙


def ranges(text: str, cands: list[Cand]) -> None:
    """3至5億元, 新臺幣3至5億, 營收3億至5億: both ends share unit and currency."""
    for a, b in zip(cands, cands[1:]):
        if text[a.end:b.start].strip(" ") not in RANGE_GAPS:
            continue
        a_written = a.currency is not None and a.tok_end != a.end  # a currency after A
        pair_money = a.status == MONEY or b.status == MONEY or a.cue_left or b.cue_right
        if not pair_money or (not b.big and b.currency is None and a.currency is None
                              and a.rule != "money.unit_price"):  # (時薪從183調到190: a price quoted bare)
            continue
        if not a.big and not a_written and (a.currency is None or a.currency.kind != "unit"):
            # 3至5億, 兩到三千: the first end takes the second's unit
            if b.big or (b.currency is not None and not any(ch in SMALL_FOLDED for ch in a.token)):
                scaled = _first_end(a, b)
                if scaled is None:
                    continue
                a.value, a.big = scaled, a.big or scaled != a.value
        if a.currency is None:
            a.currency = b.currency
        if b.currency is None:
            b.currency = a.currency
        for c, role in ((a, "from"), (b, "to")):
            if c.status != MONEY:
                c.status, c.rule = MONEY, "money.range"
            c.range_role = role


def shared_units(text: str, cands: list[Cand]) -> None:
    """67.27、3.86、0.17萬億元: plain numbers listed (UNIT_LIST_JOINERS) right before an amount
    with a unit written after it take that unit (萬億, 千萬, billion) and currency; before a plain
    amount in a currency (0.75、0.5、0.25元, 100、200、300元, or a range's first end: 100、200至300元)
    they take its currency."""
    for i in range(len(cands) - 1, 0, -1):
        b = cands[i]
        # a range's first end heads a list as a plain amount does (票價680、980、1180至1380港元:
        # four prices); its second end has the first end, money already, right before it
        if b.status != MONEY or b.currency is None or b.range_role == "to":
            continue
        if not b.big and (b.start == 0 or text[b.start - 1] not in UNIT_LIST_JOINERS):
            continue  # (a plain amount takes only a list written right before it)
        j = i - 1
        while j >= 0:
            a = cands[j]
            if a.status != BARE or a.big or a.currency is not None or text[a.end:cands[j + 1].start] not in UNIT_LIST_JOINERS:
                break
            factor = b.magnitude if b.magnitude is not None else unit_multiplier(b.token)
            if factor == 1 and not b.big and j == i - 1:
                factor = _next_digit_scale(a, b)  # 5、6000元: five or six thousand, 5000 (not 5)
            elif factor != 1 and j == i - 1:
                factor *= _next_digit_scale(a, b, factor)  # 4、5000萬元: four or five thousand 萬, 4000萬 (not 4萬)
            scaled = amount(a.value, factor) if factor != 1 else (a.value if not b.big else None)
            if scaled is None:
                break
            a.value, a.big, a.currency = scaled, True, b.currency
            a.status, a.rule = MONEY, "money.list"
            j -= 1


def _next_digit_scale(a: Cand, b: Cand, unit: Decimal = Decimal(1)) -> Decimal:
    """5、6000元, 7、800元: a lone digit listed right before a round amount that opens with the next digit
    ("five or six thousand") takes that amount's power of ten; otherwise 1. With ``unit`` (the 萬 of
    4、5000萬) the power is that of the number before the unit."""
    number = b.value / unit
    if not (a.value == a.value.to_integral_value() and 1 <= a.value <= 8 and number == number.to_integral_value()):
        return Decimal(1)
    digits = str(int(number))
    if len(digits) < 2 or digits[0] != str(int(a.value) + 1) or digits[1:].strip("0"):
        return Decimal(1)
    return Decimal(10) ** (len(digits) - 1)


def _first_end(a: Cand, b: Cand):
    """The value of a range's first end written without the unit of the second: 3至5億 ->
    3億, 兩到三千 -> 兩千, 一百二十到一百五十萬 -> 一百二十萬 (a numeral with 十/百/千 of its
    own takes 萬/億 only), 800至1千萬 -> 800萬 (it takes the 萬 alone where the whole
    unit would pass the second end); 8500到3萬 stays 8500, a whole amount already; 10~15k
    takes the k."""
    if any(ch in SMALL_FOLDED for ch in a.token):
        return amount(a.value, big_unit_multiplier(b.token))
    factors = (b.magnitude,) if b.magnitude is not None else (unit_multiplier(b.token), big_unit_multiplier(b.token))
    for factor in factors:
        scaled = amount(a.value, factor)
        if scaled is None:
            return None
        if scaled <= b.value:
            return scaled
    return a.value


def lists(g: Grammar, text: str, cands: list[Cand]) -> None:
    """3億、5億美元 / 美金3億、5億: an amount listed next to money shares its currency."""
    pairs = list(zip(cands, cands[1:]))
    # one pass rightwards, one leftwards: a chain of listed amounts is reached in O(n)
    for ordered in (pairs, reversed(pairs)):
        for a, b in ordered:
            if (a.status == MONEY) == (b.status == MONEY):
                continue
            other = b if a.status == MONEY else a
            if other.status != MAYBE or g.list_gap.fullmatch(text, a.end, b.start) is None:
                continue
            money = a if a.status == MONEY else b
            other.status, other.rule = MONEY, "money.list"
            # a currency written after the last item covers the ones before it, and one
            # written before the first covers the ones after it
            if money.currency and money.currency.kind != "unit":
                other.currency = money.currency
    # 投資3億、5億美元: a bare amount listed right before one with a written currency; so is one
    # in plain 元 (損失82,500元及19,000元人民幣: both in renminbi, not the first in the page's money)
    for a, b in zip(cands, cands[1:]):
        if (
            a.status == MONEY and b.status == MONEY
            and b.currency is not None and b.currency.kind != "unit" and a.end < b.start
            and (a.currency is None and text[a.end:b.start].strip(" ") in g.carries_back
                 or a.currency is not None and a.currency.code == "LOCAL" and b.currency.kind == "name"
                 and _YUAN_THEN_NAME.search(text, b.start, b.end) is not None
                 and text[a.end:b.start].strip(" ") in g.carries_back - _COMMA)
        ):
            a.currency = b.currency


def scope(g: Grammar, text: str, cands: list[Cand]) -> None:
    """Amounts after a sentence-wide cue: 全交保!王昱棠500萬、辜淑雯400萬. The reach runs on from
    each amount of the list (災損高達42億,其中甲縣14億為多,其餘依序為乙縣7億、丙縣5億): a long list
    stays in scope while its items follow each other closely."""
    pending = [c for c in cands if c.status == MAYBE]
    if not pending:
        return
    ends = [m.end() for m in g.scope.finditer(text)]
    if not ends:
        return
    reach_from: dict[int, int] = {}  # cue end -> end of the last amount the cue's scope reached
    for c in sorted(cands, key=lambda c: c.start):
        i = bisect.bisect_right(ends, c.start) - 1
        if i < 0:
            continue
        cue_end = ends[i]
        if any(ch in text[cue_end:c.start] for ch in _HARD_BOUNDARY):
            continue
        if c.status == MAYBE and _COUNTED_BIG.search(text, cue_end, c.start) is not None:
            continue
        last = reach_from.get(cue_end, cue_end)
        if c.start - last > _SCOPE_REACH:
            continue
        if c.status == MAYBE:
            c.status, c.rule = MONEY, "money.scope"
        if c.status == MONEY:
            reach_from[cue_end] = c.end


def clause_cues(g: Grammar, text: str, cands: list[Cand]) -> None:
    """營收年增3成至500億: an amount after 至/達 at the end of a clause whose money cue
    stands earlier in the same clause (within _CLAUSE_REACH characters). Such an amount
    may end a range whose first end the cue covers too (估值介乎二十九億至四十三億)."""
    for i, c in enumerate(cands):
        if c.status != MAYBE:
            continue
        link = g.clause_link.ending_at(text, c.start)
        if link is None:
            continue
        clause = text[max(0, link.start() - _CLAUSE_REACH):link.start()]
        for boundary in _CLAUSE_BOUNDARY:
            clause = clause.rsplit(boundary, 1)[-1]
        if g.cue_word.search(clause):
            c.status, c.rule = MONEY, "money.clause_cue"
            ranges(text, cands[max(0, i - 1):i + 1])


def totals(g: Grammar, text: str, cands: list[Cand]) -> None:
    """經費23.7億、補助款636億……，共878.4億: an amount after 共/合計 (money/total_words.txt) sums
    amounts of money when one stands before it in the same sentence, or after it in the next clause
    (新增項目共178億，預算約100億元: the sum, then its parts)."""
    totals_at = {id(c) for c in cands if c.status == MAYBE and g.total_word.ending_at(text, c.start) is not None}
    if not totals_at:
        return
    for ordered in (cands, cands[::-1]):
        nearest = None  # the nearest amount of money met so far, in the order walked
        for c in ordered:
            if c.status == MAYBE and nearest is not None and id(c) in totals_at:
                before = nearest.start < c.start
                gap = text[nearest.end:c.start] if before else text[c.end:nearest.start]
                clauses = sum(gap.count(ch) for ch in _CLAUSE_BOUNDARY)
                if not any(ch in _HARD_BOUNDARY for ch in gap) and (before or clauses <= 1):
                    c.status, c.rule = MONEY, "money.total"
            if c.status == MONEY:
                nearest = c


def comparisons(g: Grammar, text: str, cands: list[Cand]) -> None:
    """淨虧8億3800萬，虧損情況比2020/21財年的9億5400萬有所改善: a bare amount with 萬/億 after a comparing
    word and 的 (money/compare_words.txt) is money when an amount of money stands before it in the same
    sentence: results news writes the unit once and compares the next amount with it. With no 的 the words
    between end in a hedge or a change (收入50億，較上年約42億; 按年增加約8億)."""
    nearest = None  # the nearest amount of money so far
    for c in cands:
        if c.status == MAYBE and c.big and nearest is not None \
                and not any(ch in _HARD_BOUNDARY for ch in text[nearest.end:c.start]) \
                and (g.compare_left.ending_at(text, c.start) is not None
                     or g.compare_near.ending_at(text, c.start) is not None
                     # the token may hold its own hedge (對比去年約17億: the token is 約17億)
                     or (text[c.start] in _HEDGES and g.compare_near.ending_at(text, c.start + 1) is not None)):
            c.status, c.rule = MONEY, "money.compared"
        elif c.status == MAYBE and c.big and nearest is not None and _change_from(g, text, nearest, c):
            c.status, c.rule = MONEY, "money.compared"
        if c.status == MONEY:
            nearest = c


_FROM_WORDS = (fold("從"), fold("由"))
_COUNT_NOUNS = frozenset(fold("人數量次戶件輛張股"))
_FROM_REACH = 12  # characters from 從/由 to the amount a change starts at, and from it to 至


def _change_from(g: Grammar, text: str, a: Cand, b: Cand) -> bool:
    """單價從每坪23.5萬元，一路調整至30萬: a bare amount after 至/到 ends a change that starts, after 從/由,
    at an amount of money a comma or a few words before; the page wrote the unit once. Only a level near
    the first (a third to three times it) and within one clause after it."""
    gap = text[a.end:b.start]
    if len(gap) > _FROM_REACH or any(ch in _HARD_BOUNDARY for ch in gap) or sum(ch in _COMMA for ch in gap) > 1:
        return False
    if any(ch in _COUNT_NOUNS for ch in gap):  # 從3萬元起跳，人數增至5萬: the clause counts something else
        return False
    if g.clause_link.ending_at(text, b.start) is None or not _near_level(b.value, a.value):
        return False
    head = text[max(0, a.start - _FROM_REACH):a.start]
    for boundary in _CLAUSE_BOUNDARY:
        head = head.rsplit(boundary, 1)[-1]
    return any(w in head for w in _FROM_WORDS)


def _near_level(level: Decimal, amount: Decimal) -> bool:
    """A round level is near the amount it restates (4.8兆 -> 五兆, 87美元 -> 百元); a level far from it
    counts something else (營收300億元，訂戶突破千萬大關)."""
    return amount > 0 and Decimal(1) / 3 <= level / amount <= 3


def levels(text: str, cands: list[Cand]) -> None:
    """總資產4.8兆元，有望跨過五兆大關: a bare amount in 萬/億/兆 right before 大關/關卡 is money when an
    amount of money stands before it in the same sentence; the page wrote the unit once and names the
    round level after it. (The level of a price in a foreign currency takes that currency: currencies.)"""
    nearest = None  # the nearest amount of money so far
    for c in cands:
        if c.status == MAYBE and c.big and nearest is not None and text.startswith(LEVEL_AFTER, c.end) \
                and _near_level(c.value, nearest.value) \
                and not any(ch in _HARD_BOUNDARY for ch in text[nearest.end:c.start]):
            c.status, c.rule = MONEY, "money.level"
        if c.status == MONEY:
            nearest = c


def fractions(text: str, cands: list[Cand]) -> list[Cand]:
    """1元5角, 1角2分, 1令吉99仙: a 角/分/仙 written right after an amount in 元, in a
    currency named in words (its cents), or in a larger fraction adds to it; so does a
    named cent after an amount in its currency (2美元50美分, 兩美元又三美分)."""
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if c.status == MONEY and c.fraction is not None and prev is not None and prev.status == MONEY:
            if c.currency is None:  # 角/分/仙 of the page's 元, or of a currency named in words
                adds = prev.end == c.tok_start and (
                    prev.unit_after or (prev.fraction is not None and c.fraction < prev.fraction)
                    or (prev.currency is not None and prev.currency.kind == "name"))
            else:  # a named cent
                adds = (prev.fraction is None and prev.currency is not None
                        and prev.currency.code == c.currency.code
                        and text[prev.end:c.tok_start].strip(" ") in _CENT_JOINERS)
            total = amount_sum(prev.value, c.value) if adds else None
            if total is not None:
                prev.value, prev.end = total, c.end
                continue
        out.append(c)
    return out


# 151日圓20錢: the sen, a hundredth of the yen, that exchange-rate reports from Tokyo write after the yen
# (Japanese 銭; 日本錢 spelled out); not 錢包, 錢莊 (a purse, a bank) after a price in yen
_YEN_SEN = regex.compile(fold(r"(?<=日圓|日元|日幣|円)[ ]?(?P<n>[0-9]{1,2})[ ]?(?:日本)?[錢銭](?![包莊財幣])"))
_HUNDREDTH = Decimal("0.01")


def yen_sen(text: str, cands: list[Cand]) -> list[Cand]:
    """151日圓20錢 → 151.2 JPY: the sen after an amount in yen adds to it; the number of sen, if a
    step took it for an amount of its own, goes."""
    out: list[Cand] = []
    taken = -1  # the end of the last sen added
    for c in cands:
        if c.start < taken:
            continue
        out.append(c)
        if c.status != MONEY or c.code != "JPY" or c.fraction is not None:
            continue
        sen = _YEN_SEN.match(text, c.end)
        total = sen and amount_sum(c.value, Decimal(sen.group("n")) * _HUNDREDTH)
        if total:
            c.value, c.end = total, sen.end()
            taken = sen.end()
    return out


# a lone Chinese digit and 個 right before an amount in 毫 (folded text: 个, 两)
_GE_DOLLARS = regex.compile(r"(?r)(?P<n>[一二两三四五六七八九])个\Z")
_TENTH = Decimal("0.1")


def cantonese_dollars(g: Grammar, text: str, cands: list[Cand]) -> None:
    """港幣三個一毫四: in Cantonese speech 個 is the dollar before an amount in 毫 (3.14), where alone
    三個 is three of anything; the dollars add to the spoken amount after them, and a currency
    written right before them is the amount's."""
    for c in cands:
        if (c.status != MONEY or c.fraction != _TENTH or c.currency is not None or c.start != c.tok_start
                or text[c.tok_end:c.tok_end + 1] != "毫"):  # 三個五毛的: three at five 毛 each
            continue
        ge = _GE_DOLLARS.search(text, max(0, c.start - 2), c.start)
        total = ge and amount_sum(Decimal(DIGIT_VALUES[ge.group("n")]), c.value)
        if not total:
            continue
        c.value, c.start = total, ge.start()
        left = g.left.ending_at(text, c.start)
        if left and left.group("cur") and not left.group("noun") and left.end("cur") == c.start:
            c.currency, c.start = g.currencies.get(left.group("cur")), left.start("cur")


def currencies(g: Grammar, doc: Document, text: str, cands: list[Cand]) -> None:
    """Resolve each amount's currency: written, carried over in the sentence, or the page's."""
    region = None  # the page's region, looked up only when an amount needs it
    written: list[str] = []  # the currencies written so far in this sentence
    on_page: Counter[str] = Counter()  # ... and on the page, by how often
    previous = 0
    last: Cand | None = None  # the last amount of money
    for c in cands:
        if c.status != MONEY:
            continue
        before, last = last, c
        if any(ch in _SENTENCE_BOUNDARY for ch in text[previous:c.start]):
            written = []  # a new sentence
        previous = c.start
        cur = c.currency
        if cur is not None and cur.code not in LOCAL_CODES:
            c.code = cur.code
            written.append(c.code)
            on_page[c.code] += 1
            continue
        region = region or page_region(doc)
        if cur is None or cur.code == "LOCAL":
            # a currency written earlier in the sentence, or a government it names (港府撥款
            # 30億元 on a Taiwanese page), or else the page's region
            named = government_before(doc, c.start)
            in_sentence = named is not None and named[0] >= _sentence_start(text, c.start)
            local = named[1].currency if in_sentence else region.currency
            if not in_sentence and local != MAINLAND_CURRENCY and simplified_line(doc, c.start):
                local = MAINLAND_CURRENCY  # a mainland feed's line on a Hong Kong or Macau page
            foreign = next((code for code in reversed(written) if code != local), None)
            # (每桶87美元，挑戰百元大關: the round level of a price in a foreign currency drops its name, so
            # its bare 元 is that currency too)
            level = (c.unit_after and before is not None and before.code == foreign
                     and text.startswith(LEVEL_AFTER, c.end) and _near_level(c.value, before.value))
            carried = (cur is None or level) and c.fraction is None and foreign
            c.code = foreign if carried else local
            if cur is None and c.fraction is not None and before is not None and before.code == local \
                    and _CONVERSION_GAP.fullmatch(text, before.end, c.start):
                # 增加0.18新元(約60仙) on a page that converts into 令吉: a conversion is into another
                # currency than the amount's, the one whose 仙 the page has written most
                other = [code for code, _ in on_page.most_common() if code in _SEN_CODES and code != local]
                if other:
                    c.code = other[0]
        else:
            c.code = _symbol_code(g, region, cur.code, text, c)
            written.append(c.code)


def _symbol_code(g: Grammar, region: Region, symbol: str, text: str, c: Cand) -> str:
    """$ or ¥: the region's, unless the sentence speaks of another (美元, 人民幣); ¥ before
    an amount in 元 (¥100元, ￥1,299.00元) is the renminbi, as yen are 円/日圓."""
    if symbol == "YEN" and c.unit_after:
        return "CNY"
    named = _name_before_symbol(g, text, c.start)
    if named is not None:
        return named  # 港幣$83萬元, 澳門元$500: the currency's name written right before its symbol
    said = _sentence_around(text, c.start, c.end)
    if symbol in _SHORT_NAME_DEFAULT:  # 新德里…30盧比，雅加達…: the country named nearest before the amount
        lo = _sentence_start(text, c.start)
        near = max(((text.rfind(w, lo, c.start), len(w), code) for w, code in g.symbol_hints[symbol]), default=None)
        if near is not None and near[0] >= 0:
            return near[2]
    for word, code in g.symbol_hints[symbol]:
        if word in said:
            return code
    if symbol in _SHORT_NAME_DEFAULT:  # a bare 盾, 披索, 里亞爾, 盧比: the page's country, else the default
        return next((code for word, code in g.symbol_hints[symbol] if word in text), _SHORT_NAME_DEFAULT[symbol])
    return region.symbol(symbol)


def _name_before_symbol(g: Grammar, text: str, pos: int) -> str | None:
    """The code of a currency named right before ``pos`` (港幣, 澳門元, 人民幣), or None."""
    for n in (4, 3, 2):
        if pos < n:
            continue
        cur = g.currencies.get(text[pos - n:pos])
        if cur is not None and cur.kind == "name" and cur.code not in LOCAL_CODES:
            return cur.code
    return None


def _sentence_start(text: str, pos: int, reach: int = 120) -> int:
    """Where the sentence holding text[pos] starts, at most ``reach`` characters back."""
    lo = max(0, pos - reach)
    return max(lo, max(text.rfind(ch, lo, pos) for ch in _SENTENCE_BOUNDARY) + 1)


def _sentence_around(text: str, start: int, end: int, reach: int = 120) -> str:
    """The sentence holding text[start:end], at most ``reach`` characters either side."""
    lo = max(0, start - reach)
    hi = min(len(text), end + reach)
    before = text[lo:start]
    after = text[end:hi]
    cut = max(before.rfind(ch) for ch in _SENTENCE_BOUNDARY)
    if cut >= 0:
        before = before[cut + 1:]
    cuts = [i for i in (after.find(ch) for ch in _SENTENCE_BOUNDARY) if i >= 0]
    if cuts:
        after = after[:min(cuts)]
    return before + text[start:end] + after
