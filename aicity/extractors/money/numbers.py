"""The value of a number token, and the magnitude its units give."""
from __future__ import annotations

import functools
from decimal import Decimal

import regex

from ...fold import fold
from ...numerals import BIG_UNITS, DIGIT_VALUES, SMALL_UNITS, exact_product, exact_sum, parse_number
from .grammar import BIG, CN_DIGITS, DECIMAL_POINTS, SMALL, grammar

# Anchored at the start of a run of numerals and possessive, so a long run with no
# decimal point is read once, not once per character (which would be quadratic).
CN_DECIMAL = regex.compile(
    f"(?<![{fold(CN_DIGITS + SMALL)}])([{fold(CN_DIGITS + SMALL)}]++)[{fold(DECIMAL_POINTS)}]([{fold(CN_DIGITS)}]+)"
)
_POINTS_FOLDED = frozenset(fold(DECIMAL_POINTS))
# 兩三千萬, 十二三萬: two neighbouring digits before a unit, or making the whole number (兩三塊),
# are "about" the first, and so are 三五 (三五百塊: three to five hundred); not inside a
# digit-by-digit number (二三四億).
APPROX_PAIR = regex.compile(
    f"(?<![{fold(CN_DIGITS)}])([{fold('一二兩三四五六七八九')}])([{fold('二三四五六七八九')}])"
    f"(?=[{fold(SMALL + BIG)}]|(?<=^..)$)"
)
BIG_FOLDED = frozenset(BIG_UNITS)
assert BIG_FOLDED == set("万亿兆")  # Screen.plain spells them out
SMALL_FOLDED = frozenset(SMALL_UNITS)
DIGIT_FOLDED = frozenset(DIGIT_VALUES) | frozenset(fold("廿卅卌"))
_ARABIC_ONE_TO_NINE = frozenset("123456789")
VAGUE = "多余几来"  # folded 多/餘/幾: "and more" inside or after a token; 來: "about" (十來萬)
# No amount of money reaches a septillion: a "number" beyond it is garbage (億億億..., a run
# of digits), refused rather than reported.
MAX_AMOUNT = Decimal(10) ** 24


def amount(value: Decimal, factor: Decimal | int) -> Decimal | None:
    """value * factor as an amount: exact and below MAX_AMOUNT, or None."""
    product = exact_product(value, factor)
    return product if product is not None and product < MAX_AMOUNT else None


def amount_sum(a: Decimal, b: Decimal) -> Decimal | None:
    """a + b as an amount (1元5角): exact and below MAX_AMOUNT, or None."""
    total = exact_sum(a, b)
    return total if total is not None and total < MAX_AMOUNT else None


@functools.lru_cache(maxsize=4096)
def token_value(token: str) -> tuple[Decimal, str | None] | None:
    """The value of a folded number token and the qualifier its wording gives."""
    text, qualifier = _strip_vague(_bare(token))
    if "0" in text and _ARABIC_ONE_TO_NINE.isdisjoint(text) and not DIGIT_FOLDED.isdisjoint(text):
        text = text.replace("0", "〇")  # 九六0万: the Arabic 0 stands for 〇 among Chinese digits
    pair = APPROX_PAIR.search(text)
    if pair and (DIGIT_VALUES[pair.group(2)] == DIGIT_VALUES[pair.group(1)] + 1 or pair.group() == "三五"):
        text = text[: pair.start(2)] + text[pair.end(2):]  # 兩三千萬 -> 兩千萬, "about"
        qualifier = qualifier or "about"
    for word, reading in grammar().tens_words.items():
        if word not in text:
            continue
        point = next((i for i, ch in enumerate(text) if ch in _POINTS_FOLDED), -1)
        if point >= 0:
            # 七點卅八億: after the point 卅 is the digits 3 and what follows, 7.38 (not 七點三十八)
            text = text[:point + 1] + text[point + 1:].replace(word, reading[0])
        text = text.replace(word, reading)
    if not _POINTS_FOLDED.isdisjoint(text):
        text = CN_DECIMAL.sub(_decimal_point, text)
    if not text:
        return None
    value = parse_number(text, colloquial=True)
    if value is None:
        return None
    return value, qualifier


def _bare(token: str) -> str:
    """The token without the space and 個 it may hold (1,090 億, 一個億)."""
    return token.replace(" ", "").replace("个", "")


def _strip_vague(text: str) -> tuple[str, str | None]:
    """数十亿 -> 十亿, "several"; 100多万 -> 100万, "over"."""
    qualifier = None
    if text.startswith(("好几", "数", "几")):
        text = text[2:] if text.startswith("好几") else text[1:]
        qualifier = "several"
    if any(ch in text for ch in VAGUE):
        about = "来" in text
        for ch in VAGUE:
            text = text.replace(ch, "")
        qualifier = qualifier or ("about" if about else "over")
    return text, qualifier


def _decimal_point(m: regex.Match) -> str:
    """四十四点三九五 -> 44.395."""
    whole = parse_number(m.group(1))
    frac = "".join(str(DIGIT_VALUES[ch]) for ch in m.group(2))
    return f"{whole}.{frac}" if whole is not None else m.group(0)


def unit_multiplier(token: str) -> Decimal:
    """The magnitude written after a token's leading numeral: 5億 -> 10^8, 5千萬 -> 10^7."""
    text = _bare(token).rstrip(VAGUE)
    i = 0
    while i < len(text) and (text[i].isdigit() or text[i] in ",." or text[i] in DIGIT_FOLDED):
        i += 1
    units = text[i:]
    if not units or any(ch not in SMALL_FOLDED and ch not in BIG_FOLDED for ch in units):
        return Decimal(1)
    value = parse_number(units)
    return value if value is not None else Decimal(1)


def big_unit_multiplier(token: str) -> Decimal:
    """Only the 萬/億/兆 part at the end of a token: 8千萬 -> 10^4."""
    text = _bare(token).rstrip(VAGUE)
    i = len(text)
    while i > 0 and text[i - 1] in BIG_FOLDED:
        i -= 1
    if i == len(text):
        return Decimal(1)
    return parse_number(text[i:]) or Decimal(1)
