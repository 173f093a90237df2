"""One number token: is it money? The decision as named steps.

``candidate`` reads a token (``trim``), what is written after it (``read_right``:
an English magnitude, a currency or 元, 角/分, a qualifier), before it (``read_left``:
a qualifier, a currency), the cue or blocker word before it (``read_cue``), settles
a 角/分 (``settle_fraction``), stops early for a plain number, and ``decide`` gives
the status. The passes over the document (``passes.py``) then settle MAYBE and BARE
candidates that need their neighbours.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from ...fold import fold
from ...numerals import BIG_UNITS, DIGIT_VALUES
from ..base import is_han
from ..lexicon import official_grammar
from .grammar import MOVE_GAPS, MOVE_HEADS, RANGE_GAPS, SINGLE_LETTER_MAGNITUDES, UNIT_LIST_JOINERS, Currency, Grammar
from .numbers import BIG_FOLDED, DIGIT_FOLDED, SMALL_FOLDED, amount, amount_sum, token_value

# MONEY: an amount; MAYBE: an implicit amount waiting for context (a list, a scope cue);
# BARE: a plain number, only money as the first end of a range (3至5億元).
MONEY, MAYBE, BARE = "money", "maybe", "bare"
# 億八, 萬五: a bare 萬/億 and one digit, the tenth of it (萬一 stays "in case")
BARE_UNIT_TENTH = regex.compile("[万亿][二两三四五六七八九]")

_FOLDED_YUAN = ("元", "圆")
_AFTER_YUAN = ("元", "圆", "块", "蚊", "角", "毛", "毫")
_SPOKEN_UNITS = ("块", "蚊")  # a spoken last digit may follow them (3塊5, 五蚊六)
_HALF = "半"  # ... and a half after them or after 元 (兩蚊半, 三塊半, 五元半: 2.5, 3.5, 5.5)
# 跨過五兆大關, 挑戰百元大關, 跨越千億門檻: a round level that an amount reaches or nears (folded)
LEVEL_AFTER = tuple(fold(w) for w in ("大關", "關卡", "關口", "門檻"))
_YUAN = "元"
_JIAO = Decimal("0.1")
_CENT = Decimal("0.01")
_PERCENT_AFTER = regex.compile(r"或\s*[0-9]+(?:\.[0-9]+)?\s*%")  # 下跌5分或0.61% (folded)
_ONE = "一"
_SEN = "仙"
_AFTER_SEN = "的和及或与比至到"  # function characters that may follow an amount in 仙 (83仙和44仙; folded)
# 里 (li, a distance) after 萬/億/兆 counts no distance: it is 裡 (inside), folded (預算1777億|裡佔比); but 萬里路
_LI, _LU = "里", "路"
_NOT_AFTER_FEN = ("钟", "之", "别", "析", "享", "配")  # 三分鐘, 四分之一, 九毛九|分別, 分析: no 分 of money (folded)
_MILLI = "米升克秒安瓦伏巴西居微"  # 毫米, 毫升, 毫克 ... 毫西弗: 毫 is milli-
_EXCHANGED_FOR = "兑"  # 兌 (folded): 披索兌美元58.5, the rate of one currency in another
# qualifiers that stand only before an amount that starts with a unit (上億, 過千萬)
_UNIT_ONLY_QUALIFIERS = frozenset((fold("上"), fold("過")))
# 過 that ends a word (不過十元: only ten; 通過, 經過, 透過, 度過, 錯過, 難過, 路過) is no qualifier
_GUO, _GUO_WORD_HEADS = fold("過"), frozenset(fold("不通經透度錯難路"))
_SPOKEN_FRACTIONS = ("毛", "角", "毫")  # a 角/分 right after these continues the amount (1元5角)
# The month or day of a written date (2026-01-27 日圓走強), and the number of a weekday (周二台幣兌日圓):
# a currency word after them starts the next clause, no amount (folded text).
# 千呼萬喚, 千辛萬苦, 千方百計: a four-character idiom that pairs two magnitude characters
_IDIOM_MAGNITUDES = frozenset("千万百")


def _magnitude_idiom(text: str, r: "Reading") -> bool:
    """A lone 千/萬/百 that opens a four-character idiom with another one two characters on
    (標案千呼萬喚: no thousand)."""
    end = r.tok_end
    return (len(r.token) == 1 and r.token in _IDIOM_MAGNITUDES and end + 1 < len(text)
            and is_han(text[end]) and text[end] not in DIGIT_FOLDED and text[end + 1] in _IDIOM_MAGNITUDES)


# the later items of a list of share counts after a number (捐贈1000萬 1000萬 1500萬股, 分別持有300萬、500萬股): a
# space, a list's comma or a joiner, then a number and its magnitude, once or more, and 股 or 張 after the last item
# count shares with every item; each item carries its magnitude (圖利12萬　2人遭起訴: money, then two people)
SHARE_COUNTERS = frozenset("股張张")  # what the last item of such a list counts: shares and lots (not 萬人, people)
_COUNT_LIST_TAIL = regex.compile(r"(?:(?:[ 、,和及與]|，){1,2}[0-9][0-9.,]*[萬万億亿千百]{1,2})+")
_DATE_PART_BEFORE = regex.compile(r"(?:(?<![0-9])(?:19|20)[0-9]{2}[-/.](?:[0-9]{1,2}[-/.])?|(?:周|星期|礼拜))$")


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    tok_start: int
    tok_end: int
    token: str
    value: Decimal
    qualifier: str | None
    currency: Currency | None      # written currency or unit
    status: str                    # MONEY / MAYBE / BARE
    rule: str
    big: bool                      # has 萬/億/兆 (or an English magnitude)
    cue_left: bool
    cue_right: bool
    unit_after: bool = False       # a 元/塊 written right after the number (1元5角 adds up)
    per_share: bool = False
    range_role: str | None = None
    code: str | None = None        # resolved ISO code
    fraction: Decimal | None = None  # 角/分: a fraction of the page's currency
    magnitude: Decimal | None = None  # an English magnitude after the number (15k, 1.5 billion)


@dataclass(slots=True)
class Reading:
    """What the steps find around one token, before it becomes a candidate."""

    token: str
    tok_start: int
    tok_end: int
    big: bool = False              # the token has 萬/億/兆
    pure: bool = False             # units only, no digit (千億, 萬)
    # right of the token
    pos: int = 0                   # past the token and its English magnitude
    magnitude: Decimal | None = None
    single_letter: bool = False    # the magnitude is one letter (5M)
    currency: Currency | None = None
    currency_after: bool = False   # a currency written after the token
    fraction: Decimal | None = None
    fraction_said: bool = False    # 毛錢, 角錢, 分錢: the 錢 makes it money
    end_fraction: int = 0
    tail: Decimal | None = None    # the spoken last digit: 3塊5, 九毛九
    unit_after: bool = False
    right_end: int = 0             # past the currency (or the magnitude)
    qual_after: regex.Match | None = None
    end: int = 0
    qualifier: str | None = None   # from the context; the token's own wording is added once parsed
    # left of the token
    start: int = 0
    currency_before: Currency | None = None
    qual_before: str | None = None
    cue_left: bool = False
    blocked: bool = False
    cue_right: bool = False
    unit_price: bool = False       # 炒到1片|1500, 票價|3000: a price quoted bare


def candidate(g: Grammar, text: str, m: regex.Match) -> Cand | None:
    """The candidate for one token match, or None when it is surely no money."""
    r = trim(g, text, m)
    if r is None:
        return None
    read_right(g, text, r)
    read_left(g, text, r)
    read_cue(g, text, r)
    settle_fraction(g, text, r)
    # a currency written before wins over the bare unit after it (美金5000元, 人民幣145元)
    if r.currency_before is not None and (r.currency is None or r.currency.kind == "unit"):
        r.currency = r.currency_before
    r.cue_right = r.currency is None and g.cue_after.match(text, r.right_end) is not None
    if _plain_number(text, r):
        return None
    parsed = token_value(r.token)
    if parsed is None:
        return None
    value = amount(parsed[0], r.fraction if r.fraction is not None else r.magnitude or 1)
    if value is not None and r.tail is not None:
        value = amount_sum(value, r.tail)
    if value is None:
        return None
    if r.currency is not None and r.currency.kind == "unit" and r.currency.code == "HKD" and r.token in _DIMES:
        value = _dollars_and_dimes(text, r, value)
    cand = Cand(
        start=r.start, end=r.end, tok_start=r.tok_start, tok_end=r.tok_end, token=r.token,
        value=value, qualifier=r.qualifier or parsed[1], currency=r.currency,
        status=BARE, rule="", big=r.big or r.magnitude is not None,
        cue_left=r.cue_left, cue_right=r.cue_right, fraction=r.fraction, unit_after=r.unit_after,
        magnitude=r.magnitude,
    )
    if r.fraction is not None:
        cand.status, cand.rule = MONEY, "money.fraction"
        return cand
    return cand if decide(g, text, r, cand) else None


# 三個九蚊, 十個八蚊: Cantonese dollars, 個, then the dimes (3.9, 10.8 HKD); not 兩個五蚊硬幣 (two coins of five)
_DIMES = frozenset("一二三四五六七八九")
_DOLLARS_GE = regex.compile(r"(?<![一二两三四五六七八九十廿百千万亿])([一二两三四五六七八九十廿]{1,3})个$")
_COIN_AFTER = frozenset("硬银纸鸡")  # folded: 五蚊硬幣, 十蚊銀, 五蚊雞 (a coin or a note)


def _dollars_and_dimes(text: str, r: "Reading", dimes: Decimal) -> Decimal:
    """N個M蚊: N dollars and M dimes; the token is M and the span takes N個 in."""
    if r.tail is not None or r.fraction is not None or text[r.end:r.end + 1] in _COIN_AFTER:
        return dimes
    m = _DOLLARS_GE.search(text, max(0, r.tok_start - 4), r.tok_start)
    parsed = token_value(m.group(1)) if m else None
    if parsed is None or parsed[0] <= 0:
        return dimes
    r.start = min(r.start, m.start())
    return parsed[0] + dimes / 10


def trim(g: Grammar, text: str, m: regex.Match) -> Reading | None:
    """The token as an amount: cut what belongs to the next word; None for 億萬 and the like."""
    tok_start, tok_end = m.start(), m.end()
    token = m.group()
    # A token may not start with a big unit and go on with digits: 萬一 is "in case". One
    # digit from two to nine closing it is Cantonese shorthand (億八 = 1.8億, 萬五 = 15000).
    if token[0] in BIG_FOLDED and not BARE_UNIT_TENTH.fullmatch(token):
        k = 0
        while k < len(token) and token[k] in BIG_FOLDED:
            k += 1
        token = token[:k]
        tok_end = tok_start + k
    # 多/餘 at the end belong to the next word unless money or a counter follows
    # (3億余紀忠 is a name); 萬一 at the end is "in case" (三千萬一旦).
    while len(token) > 1 and token[-1] in "多余来" and _next_is_word(g, text, tok_end):
        token, tok_end = token[:-1], tok_end - 1
    if len(token) > 2 and token[-1] == "一" and token[-2] in "万亿" and _next_is_word(g, text, tok_end):
        token, tok_end = token[:-1], tok_end - 1
    r = Reading(token, tok_start, tok_end)
    r.big = any(ch in BIG_FOLDED for ch in token)
    r.pure = not any(ch.isdigit() or ch in DIGIT_FOLDED for ch in token)
    if r.pure:
        bigs = [BIG_UNITS[ch] for ch in token if ch in BIG_FOLDED]
        if bigs != sorted(bigs):  # 億萬 (億萬富翁) is no number
            return None
    return r


def read_right(g: Grammar, text: str, r: Reading) -> None:
    """An English magnitude, a currency or money unit, 角/分, then a qualifier (以上, 左右)."""
    pos = r.tok_end
    mag = g.en_magnitude.match(text, pos)
    if mag and not r.big:
        word = mag.group("mag")
        if len(word) > 1 or word in SINGLE_LETTER_MAGNITUDES:
            r.magnitude = g.magnitudes[word.lower()]
            r.single_letter = len(word) == 1
            pos = mag.end()
    r.pos = r.end = pos
    cur = g.after_currency.match(text, pos)
    if cur is None and text[pos:pos + 1] == "(":
        cur = g.bracket_currency.match(text, pos)  # 約2.54億(美元.下同)
    if cur:
        currency = g.currencies.get(cur.group("cur"))
        if currency and currency.kind == "unit" and not _unit_ok(g, text, r, cur):
            currency = None
        if currency:
            r.currency, r.end = currency, cur.end()
            r.unit_after = currency.kind == "unit"
            spoken = cur.group("cur") in _SPOKEN_UNITS or (
                cur.group("cur") == _YUAN and text[r.end:r.end + 1] == _HALF)  # 五元半
            if spoken and not r.big and r.magnitude is None:
                r.end = _read_tail(text, r, r.end, Decimal("0.1"))  # 3塊5, 一塊二, 兩蚊半
    r.currency_after = r.currency is not None
    r.end_fraction = r.end
    if r.currency is None:
        frac = g.after_fraction.match(text, pos)
        if frac and not _measure(frac.group("unit"), text[frac.end():frac.end() + 1]):
            r.fraction = g.fractions[frac.group("unit")]
            r.fraction_said = frac.group("qian") is not None
            r.end_fraction = frac.end()
            if r.fraction >= Decimal("0.1") and not r.fraction_said:
                r.end_fraction = _read_tail(text, r, frac.end(), r.fraction / 10)  # 九毛九
            named = g.fraction_currencies.get(frac.group("unit"))
            if named is not None:  # 20美分, 12港仙: a cent of a named currency is money as written
                r.currency, r.end = named, r.end_fraction
    r.right_end = r.end
    qual_after = g.after_qualifier.match(text, r.end)
    if qual_after and (qual_after.group("q") != "起" or r.currency is not None):
        r.qualifier = g.qualifiers[qual_after.group("q")]
        r.end = qual_after.end()
    r.qual_after = qual_after


def read_left(g: Grammar, text: str, r: Reading) -> None:
    """A qualifier and a currency written before the token (逾新臺幣3億, 美金約500萬)."""
    r.start = r.tok_start
    left = g.left.ending_at(text, r.tok_start)
    if left and left.start() < r.tok_start:
        starts_with_unit = r.token[0] in SMALL_FOLDED or r.token[0] in BIG_FOLDED
        groups = {k: left.group(k) for k in ("q1", "cur", "q2")}
        if left.group("noun") and groups["cur"]:
            # 人民幣車費601元: a currency before the noun of what is paid covers an amount in 元 only
            if r.currency is not None and r.currency.kind == "unit":
                r.currency_before = g.currencies.get(groups["cur"])
            groups["q1"] = groups["cur"] = None
        if (groups["cur"] and not groups["q2"] and not r.big
                and text[left.start("cur") - 1:left.start("cur")] == _EXCHANGED_FOR):
            # 披索兌美元58.5: the currency after 兌 quotes a rate, no unit of the plain number after it
            # (可兌美元約300萬: an amount exchanged keeps its currency)
            groups["cur"] = None
        for k in ("q1", "q2"):
            # 上 and 過 qualify 上千億, 過億 only; before digits they end the word before them (通過3000萬).
            if groups[k] in _UNIT_ONLY_QUALIFIERS and (
                    not starts_with_unit
                    or groups[k] == _GUO and text[left.start(k) - 1:left.start(k)] in _GUO_WORD_HEADS):
                groups[k] = None
            # 賣超, 衝上, 跌破: the "qualifier" is the end of a cue or filler word
            elif groups[k]:
                word = g.word_end.ending_at(text, left.end(k), 8)
                if word and word.start() < left.start(k):
                    groups[k] = None
        if groups["q1"] and groups["cur"] is None and groups["q2"] is None:
            groups["q2"], groups["q1"] = groups["q1"], None
            q2_start = left.start("q1")
        else:
            q2_start = left.start("q2") if groups["q2"] else r.tok_start
        if groups["cur"]:
            r.currency_before = g.currencies.get(groups["cur"])
            r.start = left.start("cur")
            if groups["q1"]:
                r.start = left.start("q1")
                r.qual_before = groups["q1"]
        if groups["q2"]:
            r.qual_before = groups["q2"]
            r.start = min(r.start, q2_start)
    if r.qual_before:
        r.qualifier = g.qualifiers.get(r.qual_before, r.qualifier)


def read_cue(g: Grammar, text: str, r: Reading) -> None:
    """A money cue (營收, 狂砸) or a blocker (失守, 人數) before an amount with no currency.

    The cue is read before the qualifier; a qualifier that turns out to be the end of a cue
    (賣超300億: 超, once read_left's word_end check missed it) goes to the cue."""
    if r.currency is not None or r.currency_before is not None or r.fraction is not None:
        return
    cue_span = _word_before(g.cue_left, text, r.start)
    if cue_span is None and r.qual_before:
        cue_span = _word_before(g.cue_left, text, r.tok_start)
        if cue_span is not None:
            r.start, r.qual_before = r.tok_start, None
            r.qualifier = g.qualifiers[r.qual_after.group("q")] if r.end > r.right_end else None
    block_span = None
    if cue_span is not None or r.big or r.magnitude is not None:
        block_span = _word_before(g.block_left, text, r.start)
    r.cue_left = cue_span is not None and (block_span is None or cue_span >= block_span)
    r.blocked = block_span is not None and not r.cue_left
    if not r.big and not r.pure and not r.blocked:
        # (not a number listed before another or a range's first end: 票價7、800元 is seven or eight hundred)
        after = text[r.tok_end:r.tok_end + 2].strip(" ")[:1]
        r.unit_price = after not in RANGE_GAPS and after not in UNIT_LIST_JOINERS and \
            g.unit_price_left.ending_at(text, r.start, 8) is not None


def settle_fraction(g: Grammar, text: str, r: Reading) -> None:
    """角/分/仙 are money after an exchange-rate word, a 元, a currency, a money cue or a
    per-share word, or before a 分 (貶7.1分, 1元5角, 3块5毛, 每股派50仙, 1角2分); else
    三角, 5分鐘 are no money."""
    if r.fraction is None or r.currency is not None:
        return
    if r.token == _ONE and g.not_a_cent.match(text, r.end_fraction) is not None:
        r.fraction = None  # 一毛未刪, 一分錢都不給: not a single cent
        return
    after_yuan = text[max(0, r.tok_start - 1):r.tok_start] in _AFTER_YUAN
    digit, unit, rest = (text[i:i + 1] for i in range(r.end_fraction, r.end_fraction + 3))
    smaller_follows = (  # 1角2分, but not 2分鐘, 九毛九分別
        unit == "分" and rest not in _NOT_AFTER_FEN and digit != "" and (digit in DIGIT_VALUES or "0" <= digit <= "9")
    )
    if (
        after_yuan or r.fraction_said or r.tail is not None or smaller_follows
        or r.currency_before is not None
        or g.fx_left.ending_at(text, r.start) is not None
        or g.cue_left.ending_at(text, r.start) is not None
        or _per_share(g, text, r.start, r.end_fraction)
        or (r.fraction == _JIAO and _lone_jiao(g, text, r, digit))
        or _lone_sen(text, r)
        or _cents_move(g, text, r)
        or _per_share_compared(g, text, r)
    ):
        r.end = r.end_fraction
    else:
        r.fraction = None


def _lone_sen(text: str, r: Reading) -> bool:
    """A number in Arabic digits and 仙 that ends a phrase: the sen or cent of Malaysian,
    Singaporean and Hong Kong news wherever it stands (掛83仙, 折價3仙, 下滑1仙或0.26%,
    派發10仙的股息); 八仙 and 3仙女 are none."""
    if text[r.end_fraction - 1:r.end_fraction] != _SEN or not r.token.isascii():
        return False
    before = text[r.tok_start - 1:r.tok_start]
    if before == "第" or (before.isascii() and before.isalnum()):  # 第3仙, A5仙
        return False
    after = text[r.end_fraction:r.end_fraction + 1]
    return not is_han(after) or after in _AFTER_SEN


def _cents_move(g: Grammar, text: str, r: Reading) -> bool:
    """A price move in 分, the cent of Singaporean market reports, with its percentage after 或
    (閉市報8.17元，下跌5分或0.61%): money; 分 alone is as often a score or a minute."""
    return (r.fraction == _CENT and r.token.isascii() and g.move_left.ending_at(text, r.start) is not None
            and _PERCENT_AFTER.match(text, r.end_fraction) is not None)


# 同期 and what may join it to the figure (去年同期2.8分, 上年同期為3仙, 去年同期的1.2分; folded)
_SAME_PERIOD_BEFORE = regex.compile(r"同期(?:的|为|是|则为|录得)?\Z")
_SENTENCE_ENDS = "。；;！？!?\n"


def _per_share_compared(g: Grammar, text: str, r: Reading) -> bool:
    """每股虧損為44.4分，遠高於去年同期2.8分: a figure in 分 or 仙 right after 同期 compares a
    per-share figure named before it in the sentence, so it is in the same cents (a score or a
    minute is never compared with a year before this way)."""
    if not r.token[:1].isascii() or _SAME_PERIOD_BEFORE.search(text, max(0, r.start - 8), r.start) is None:
        return False
    sentence = max(text.rfind(ch, 0, r.start) for ch in _SENTENCE_ENDS) + 1
    return g.per_share.search(text, sentence, r.start) is not None


_GE_DOLLARS_BEFORE = regex.compile(r"(?r)[一二两三四五六七八九]个\Z")  # folded
_HAO = "毫"
_LIANG = "两"  # folded 兩
_MAO_HAO = ("毛", "毫")


def _lone_jiao(g: Grammar, text: str, r: Reading, after: str) -> bool:
    """A number of 角/毛/毫 with nothing after it: money when the number is in Arabic digits
    (2角, 5毛) or a price move stands before it (漲了兩毛, 便宜五毛); 三毛 may be a name,
    三角形 a shape. After a price move a range word or 的 may follow (加兩毫至5元, 便宜五毛到一塊)."""
    before = text[r.tok_start - 1:r.tok_start]
    if before == "第" or (before.isascii() and before.isalnum()):  # 第3角, A5角
        return False
    # or, before 毫, Cantonese dollars (兩個五毫: 2.5, passes.cantonese_dollars; 三個五毛的 is
    # three at five 毛 each)
    moved = (g.move_left.ending_at(text, r.start) is not None
             or (text[r.tok_end:r.tok_end + 1] == _HAO
                 and _GE_DOLLARS_BEFORE.search(text, max(0, r.start - 2), r.start) is not None))
    if is_han(after) and not (moved and after in _AFTER_SEN):
        return False
    # 兩毛, 兩毫 with nothing after: 兩 counts no name (三毛 is one) and 兩角 may be two corners
    return r.token.isascii() or moved or (r.token == _LIANG and text[r.tok_end:r.tok_end + 1] in _MAO_HAO)


def _spoken_tail(text: str, pos: int) -> tuple[Decimal, int] | None:
    """The lone digit at text[pos] that ends a spoken amount (3塊5, 一塊二, 十塊五毛), as its
    value and width, or None: a digit, 半 (兩蚊半: 5 of the place below), or 零 and a digit a
    place lower (三塊零四: 0.4 of a 角), followed by a 毛/角/分, a range's 到/至, or no Han character, digit or decimal point."""
    width, scale = 1, Decimal(1)
    if text[pos:pos + 1] == "零" and _digit(text[pos + 1:pos + 2]) is not None:
        width, scale = 2, Decimal("0.1")
    # 兩蚊半, 三塊半: a half of the unit, five of the place below (not 十塊半價, 五元半小時: Han after it)
    value = 5 if text[pos:pos + 1] == _HALF else _digit(text[pos + width - 1:pos + width])
    if value is None:
        return None
    end = pos + width
    after = text[end:end + 2]  # 三塊五, and 三塊五。 but not 3塊5,000 or 三塊五花肉
    if after[:1] and not _fraction_at(text, end) and after[:1] not in RANGE_GAPS and (
        is_han(after[:1]) or after[:1].isdigit() or (after[:1] in ".," and after[1:].isdigit())
    ):
        return None
    return value * scale, width


def _digit(ch: str) -> int | None:
    if ch in DIGIT_VALUES:
        return DIGIT_VALUES[ch]
    return int(ch) if ch and "0" <= ch <= "9" else None


def _fraction_at(text: str, pos: int) -> bool:
    """A 毛/角/毫, or a 分 that is no 分鐘/分之, at text[pos]: the digit before it is an
    amount of its own (十塊五毛, 三塊四分, 五蚊六毫)."""
    ch = text[pos:pos + 1]
    return (ch in _SPOKEN_FRACTIONS or ch == "分") and not _measure(ch, text[pos + 1:pos + 2])


def _measure(unit: str, nxt: str) -> bool:
    """分 before 鐘/之 (三分鐘, 四分之一) and the milli- 毫 (毫米, 毫升, 毫秒) are no money."""
    return (unit == "分" and nxt in _NOT_AFTER_FEN) or (unit == "毫" and nxt != "" and nxt in _MILLI)


def _read_tail(text: str, r: Reading, pos: int, step: Decimal) -> int:
    """Read a spoken last digit at pos worth ``step`` each (3塊5: 0.5); the new end."""
    tail = _spoken_tail(text, pos)
    if tail is None or _fraction_at(text, pos + tail[1]):
        return pos  # 十塊五毛: the 五毛 is an amount of its own, added by the fractions pass
    r.tail = tail[0] * step
    return pos + tail[1]


# 從 or 由 (not 由於) a few characters before a price move's first end: 從原本的三百五涨到
_MOVE_FROM = regex.compile(r"(?:从|(?<![理经藉])由(?!于))[^0-9。，,；;!?！？]{0,4}\Z")


_MOVE_ENDS = frozenset(gap[-1] for gap in MOVE_GAPS)  # 到, 至, 为 (folded)
# a price move's gap right before a number, after a first end in 元 or 塊 or in digits (從183元調到|190)
_MONEY_MOVE_BEFORE = regex.compile(
    "(?:[0-9]|[0-9][ ]?[元块]|[〇一二两三四五六七八九十百千][元块])[ ]?(?:" + "|".join(sorted(MOVE_GAPS, key=len, reverse=True)) + r")[ ]?\Z")


def _after_money_move(text: str, pos: int) -> bool:
    return _MONEY_MOVE_BEFORE.search(text, max(0, pos - 7), pos) is not None


def _move_gap_at(text: str, pos: int) -> bool:
    rest = text[pos:pos + 4].lstrip(" ")
    return any(rest.startswith(gap) for gap in MOVE_GAPS)


def _plain_number(text: str, r: Reading) -> bool:
    """Most tokens are plain numbers (dates, counts): with no currency, cue or big unit
    beside them they can only be the first end of a range (3至5億元) or an item of a list
    that shares the last item's unit (67.27、3.86、0.17萬億元)."""
    if (r.currency is not None or r.fraction is not None or r.cue_left or r.cue_right
            or r.big or r.magnitude is not None or r.unit_price):
        return False
    after = text[r.tok_end:r.tok_end + 2].strip(" ")[:1]
    if (after and after in MOVE_HEADS and _move_gap_at(text, r.tok_end)
            and _MOVE_FROM.search(text, max(0, r.tok_start - 6), r.tok_start) is not None):
        return False  # 從300涨到400元, 由28.5跌至26元, 由183调升至190元: the first end of a price move (not 2024涨到400元)
    if text[r.tok_start - 1:r.tok_start] in _MOVE_ENDS and _after_money_move(text, r.tok_start):
        return False  # 從183元調到190: the second end of a price move whose first is money (ranges() decides)
    return after not in RANGE_GAPS and after not in UNIT_LIST_JOINERS


def decide(g: Grammar, text: str, r: Reading, cand: Cand) -> bool:
    """Set the candidate's status and rule; False when it is no money at all."""
    if r.token == "千万" and text[r.tok_end:r.tok_end + 1] in g.qianwan_adverbs:
        return False
    if len(r.token) <= 2 and _DATE_PART_BEFORE.search(text, max(0, r.tok_start - 8), r.tok_start):
        return False
    if text[r.tok_start - 1:r.tok_start] == "月" and text.startswith("日", r.tok_end):
        return False  # 三月三|日元宵節, 5月8|日圓山: the day of a date, no amount in 日元 or 日圓
    # a counter after the number rules money out, unless a money noun starts there
    # (8萬月薪, 100億股本: 月, 股 are counters too)
    counted = not r.cue_right and (
        g.counter.match(text, r.pos) is not None and not (r.big and text[r.pos:r.pos + 1] == _LI and
                                                          text[r.pos + 1:r.pos + 2] != _LU)
        or (r.pos < len(text) and text[r.pos].isascii() and text[r.pos].isalpha())
    )
    if not counted and r.currency is None and (tail := _COUNT_LIST_TAIL.match(text, r.pos)) is not None:
        counted = text[tail.end():tail.end() + 1] in SHARE_COUNTERS  # 1000萬 1000萬 1500萬股: shares, every one
    if r.currency is not None:
        return _decide_written(g, text, r, cand, counted)
    # no currency written: implicit amounts only
    left_char = text[r.tok_start - 1] if r.tok_start else ""
    if counted or left_char == "第" or r.blocked or _magnitude_idiom(text, r):
        return False
    if left_char and left_char.isascii() and (left_char.isalnum() or left_char in "./#_"):
        return False  # A3, v2.5, #5; a minus sign (-3億) is fine
    if r.pure:
        single = len(r.token) == 1 and r.token in BIG_FOLDED
        if (r.cue_left or r.cue_right) and (not single or r.qual_before or r.qualifier):
            cand.status, cand.rule = MONEY, "money.cue_before" if r.cue_left else "money.cue_after"
            return True
        if not single and text.startswith(LEVEL_AFTER, r.pos):
            cand.status = MAYBE  # 逼近十兆大關: money when an amount of money stands before it (passes.levels)
            return True
        return False
    small_thousand = "千" in r.token or "仟" in r.token
    if r.unit_price and not cand.big and r.magnitude is None and not (
            len(r.token) == 1 and r.token in DIGIT_FOLDED and is_han(text[r.tok_end:r.tok_end + 1])):
        # a price quoted bare: the page's money (代購炒到1片1500, 票價一張3000); a lone Chinese
        # digit opening a word is none (定價參考, 票價參照: 參 is no 3 there)
        cand.status, cand.rule = MONEY, "money.unit_price"
        return True
    if cand.big or (small_thousand and r.cue_left):
        if r.cue_left:
            cand.status, cand.rule = MONEY, "money.cue_before"
        elif r.cue_right:
            cand.status, cand.rule = MONEY, "money.cue_after"
        elif r.single_letter and not _after_range_gap(text, r.tok_start):
            return False
        else:
            cand.status = MAYBE  # a pass may make it money (10k~|15k: the range's end, when its first end is)
    return True


def _after_range_gap(text: str, start: int) -> bool:
    """A number and a range word end right before ``start`` (月薪10k~15k, 5到8M): the amount
    ends a range and is money only when the first end is (passes.ranges)."""
    before = text[max(0, start - 4):start].rstrip(" ")
    gap = next((w for w in RANGE_GAPS if before.endswith(w)), None)
    if gap is None:
        return False
    rest = before[:len(before) - len(gap)].rstrip(" ")
    return rest[-1:].isascii() and rest[-1:].isalnum()


def _decide_written(g: Grammar, text: str, r: Reading, cand: Cand, counted: bool) -> bool:
    """A currency or unit is written: money, unless it names a column or a counter follows."""
    if (
        (r.pure and _unit_column(g, text, r.start, r.end))
        or (r.single_letter and r.currency_before is None and not r.currency_after)
        or (not r.currency_after and counted)  # 人民幣3日, 美元1年期
        or (not r.currency_after and _lone_digit_word(text, r))  # 美元一路走強, 日圓三連貶
        or _given_name(text, r)  # 縣委書記梁三元: a person's name, no amount
        or ("个" in r.token and g.counted_projects.match(text, r.end) is not None)  # 15個億元項目
    ):
        return False
    cand.status = MONEY
    cand.rule = _explicit_rule(r.currency, r.currency is r.currency_before)
    cand.per_share = not cand.big and _per_share(g, text, r.start, r.end)
    return True


def _lone_digit_word(text: str, r: Reading) -> bool:
    """A lone Chinese digit after a currency that runs on into a word (美元一路, 日圓三連貶,
    美元零利率): the digit is part of the word, not an amount."""
    return len(r.token) == 1 and r.token in DIGIT_FOLDED and is_han(text[r.end:r.end + 1])


def _given_name(text: str, r: Reading) -> bool:
    """A lone Chinese digit and 元 after a surname that a title or a list comma precedes
    (縣委書記梁|三元, 、王|一元): the given name of a person, no amount."""
    start = r.tok_start
    if len(r.token) != 1 or r.token not in DIGIT_FOLDED or start < 2:
        return False
    g = official_grammar()
    if text[start - 1] not in g.surnames:
        return False
    if text[start - 2] == "、":
        return True
    window = text[max(0, start - 7):start - 1]
    return any(end == len(window) for _, end, _ in g.titles.matches(window))


def _explicit_rule(currency: Currency, before: bool) -> str:
    if currency.kind == "unit":
        return "money.amount_with_unit"
    if currency.kind == "symbol":
        return "money.currency_symbol"
    return "money.currency_before" if before else "money.currency_after"


def _next_is_word(g: Grammar, text: str, pos: int) -> bool:
    """True when text[pos] starts a Han word that is no currency, unit or counter."""
    if pos >= len(text) or not is_han(text[pos]):
        return False
    if g.after_currency.match(text, pos) or g.counter.match(text, pos):
        return False
    return not g.cue_after.match(text, pos)


def _unit_ok(g: Grammar, text: str, r: Reading, cur: regex.Match) -> bool:
    """元/圓/塊 after a number: the money unit, or the start of another word?"""
    token = r.token
    surface = cur.group("cur")
    at = cur.start("cur")
    nxt = text[cur.end():cur.end() + 1]
    if surface in _FOLDED_YUAN:
        word = g.yuan_words.match(text, at)
        if word and not g.yuan_word_money[word.group()]:
            return False
        single_cn = len(token) == 1 and token in DIGIT_FOLDED
        # 二元論, 一元化: a lone Chinese digit + 元 + word; 一元五角 goes on with the amount
        return not (
            single_cn and nxt and is_han(nxt) and nxt not in g.unit_next_chars["元"]
            and _spoken_tail(text, cur.end()) is None
        )
    if surface == "块":
        # 塊 alone is also "a piece": 50塊, 三十塊 are money; 一塊, 兩塊地 are not
        if not any(ch.isdigit() or ch in SMALL_FOLDED or ch in BIG_FOLDED for ch in token):
            if _spoken_tail(text, cur.end()) is not None:
                return True  # 一塊二, 三塊五 are money
            # after a price move (漲到三塊, 便宜兩塊): no piece; else 切成三塊
            return ((not nxt or not is_han(nxt) or nxt in g.unit_next_chars["块"] or nxt in _AFTER_SEN)
                    and (g.move_left.ending_at(text, r.tok_start) is not None
                         or _kuai_range(text, r.tok_start, cur.end())))
        return (not nxt or not is_han(nxt) or nxt in g.unit_next_chars["块"] or "." in token
                or _spoken_tail(text, cur.end()) is not None)  # 3.5塊以上: no piece has a decimal
    return True  # 塊錢


# a range of two lone small numbers of 塊 (兩塊到三塊, 五塊至六塊錢) with no noun after it: a
# range of pieces names what is cut (切成兩塊到三塊蛋糕), one of money stands alone; so is a price
# that moves from one to the other (三塊漲到五塊, 八塊跌至六塊; folded 涨)
_KUAI_END = r"(?:[一二兩两三四五六七八九十]|[0-9]{1,2})[塊块](?:錢|钱)?"
_KUAI_GAP = r"(?:(?:涨|跌|降)?(?:到|至)|~|～|-)"
_KUAI_RANGE_AFTER = regex.compile(rf"{_KUAI_GAP}{_KUAI_END}(?!\p{{Han}})")
_KUAI_RANGE_BEFORE = regex.compile(rf"(?r){_KUAI_END}{_KUAI_GAP}\Z")
_DIVIDED = "成為为"  # 分成兩塊到三塊, 切成, 分為: pieces


def _kuai_range(text: str, start: int, end: int) -> bool:
    """The lone number of 塊 at text[start:end] is an end of such a range."""
    if _KUAI_RANGE_AFTER.match(text, end) is not None:
        return text[start - 1:start] not in _DIVIDED or start == 0
    nxt = text[end:end + 1]
    if nxt and is_han(nxt) and nxt not in "錢钱":
        return False
    first = _KUAI_RANGE_BEFORE.search(text, max(0, start - 6), start)
    return first is not None and (first.start() == 0 or text[first.start() - 1] not in _DIVIDED)


def _unit_column(g: Grammar, text: str, start: int, end: int) -> bool:
    """單位:萬元, (百萬元), 每萬元, 以千元計: a bare unit naming a column or a rate."""
    before = text[max(0, start - 3):start].rstrip(" ")
    after = text[end:end + 3].lstrip(" ")
    return before.endswith(g.unit_column_before) or after.startswith(g.unit_column_after)


def _word_before(pattern, text: str, end: int) -> int | None:
    """Start of a cue (with fillers) that ends right at ``end``, or None."""
    m = pattern.ending_at(text, end)
    return m.start() if m else None


_PER_SHARE_WINDOW = 12


def _per_share(g: Grammar, text: str, start: int, end: int) -> bool:
    window = text[max(0, start - _PER_SHARE_WINDOW):start]
    for boundary in "。;\n":
        window = window.rsplit(boundary, 1)[-1]
    return bool(g.per_share.search(window) or g.per_share_after.match(text, end))
