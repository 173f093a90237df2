"""Numbers written in Arabic digits, Chinese numerals, or both mixed.

Shared by the date and money extractors. Everything works on folded text
(see :mod:`aicity.fold`), but the functions fold their input themselves, so
``parse_number("新臺幣3億5,000萬")``-style pieces work from either script.

>>> parse_number("一千零九十億")
Decimal('109000000000')
>>> parse_number("3億5,000萬")
Decimal('350000000')
>>> parse_number("8,529萬")
Decimal('85290000')
>>> parse_number("二〇二五")
Decimal('2025')
"""
from __future__ import annotations

from decimal import Context, Decimal, Inexact, InvalidOperation, Overflow, localcontext

from .fold import fold

# Folded (Simplified) forms only: the input is folded before lookup.
DIGIT_VALUES: dict[str, int] = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "参": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "亿": 10**8, "兆": 10**12}

# Numbers are exact or not read at all. Arithmetic on them runs in EXACT, where a result
# that would need rounding (more than PRECISION significant digits) raises; parse_number
# then answers None, as it does for a number of 10**PRECISION or more (none is news).
PRECISION = 40
EXACT = Context(prec=PRECISION, traps=[Inexact, Overflow, InvalidOperation])
# At most two big units in a row: 萬億 (10^12) is a number, 萬萬萬萬... is none.
MAX_BIG_UNIT_RUN = 2


def _to_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _parse_below_wan(text: str, colloquial: bool = False) -> Decimal | None:
    """A section without 萬/億/兆: '3', '5,000', '一千零九十', '5百', '十二', '2千'.

    With ``colloquial`` a last Chinese digit right after 百 or 千 is one place lower,
    as speech reads it: 千一 = 1100, 三千三 = 3300, 一百五 = 150 (一千零一 keeps its 零).
    """
    if not text:
        return Decimal(0)
    if all(ch.isdigit() or ch in ",." for ch in text):
        return _to_decimal(text)
    if all(ch in DIGIT_VALUES for ch in text):  # 二〇二五: digit by digit
        return Decimal("".join(str(DIGIT_VALUES[ch]) for ch in text))
    total = Decimal(0)
    pending: Decimal | None = None
    last_unit = 10**4  # the small units of a section fall: 千百十, never 十十 or 百千
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isdigit():
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] in ",."):
                j += 1
            pending = _to_decimal(text[i:j])
            if pending is None:
                return None
            i = j
            continue
        if ch in DIGIT_VALUES:
            pending = Decimal(DIGIT_VALUES[ch])
        elif ch in SMALL_UNITS:
            if SMALL_UNITS[ch] >= last_unit:
                return None
            last_unit = SMALL_UNITS[ch]
            total += (pending if pending is not None else Decimal(1)) * SMALL_UNITS[ch]
            pending = None
        else:
            return None
        i += 1
    if pending is not None:
        if colloquial and last_unit >= 100 and len(text) >= 2 and text[-1] in DIGIT_VALUES \
                and text[-2] in SMALL_UNITS:
            pending *= Decimal(last_unit) / 10
        total += pending
    return total


def parse_number(text: str, colloquial: bool = False) -> Decimal | None:
    """Value of a number expression, or ``None`` if it is not one.

    Handles Arabic digits with separators and decimals, Chinese numerals with
    十/百/千 and 萬/億/兆 (in either script, financial forms too), and mixes such
    as ``3億5,000萬``, ``5百萬``, ``1.2億``. A bare unit counts as one of it
    (``千億`` = 10^11), as news writes ``兆元產值``.

    With ``colloquial=True`` a single digit after a big unit is read as speech
    reads it, one place lower: ``12萬5`` = 125000, ``兩萬五`` = 25000,
    ``1億2`` = 120000000 (money amounts), and so is a last Chinese digit after 百 or 千:
    ``千一萬`` = 11000000, ``三千三萬`` = 33000000; by default it is added as written.

    The value is exact: a number of more than ``PRECISION`` significant digits, of
    10**PRECISION or more, with more than two big units in a row or with one big unit
    right after the same (``3億3億``) is ``None``.
    """
    text = fold(text).strip().replace(" ", "")
    if not text:
        return None
    try:
        with localcontext(EXACT):
            return _parse(text, colloquial)
    except (Inexact, Overflow, InvalidOperation):
        return None


def _parse(text: str, colloquial: bool) -> Decimal | None:
    total = Decimal(0)
    section_start = 0
    last_unit = None
    i = 0
    seen_any = False
    while i <= len(text):
        ch = text[i] if i < len(text) else None
        if ch is not None and ch in BIG_UNITS:
            # consecutive big units multiply: 萬億 = 10^12
            unit = BIG_UNITS[ch]
            j = i + 1
            while j < len(text) and text[j] in BIG_UNITS:
                if j - i >= MAX_BIG_UNIT_RUN:
                    return None
                unit *= BIG_UNITS[text[j]]
                j += 1
            section = _parse_below_wan(text[section_start:i], colloquial)
            if section is None:
                return None
            if section == 0 and not text[section_start:i]:
                section = Decimal(1)
            if unit == last_unit:
                return None  # 3億3億: a unit repeats, so this is two numbers run together
            if last_unit is not None and unit > last_unit:
                total = (total + section) * unit  # 5百萬 written as 5百 then 萬
            else:
                total += section * unit
            if total.adjusted() >= PRECISION:
                return None
            last_unit = unit
            seen_any = True
            section_start = j
            i = j
            continue
        if ch is None:
            tail = text[section_start:]
            if tail:
                section = _parse_below_wan(tail, colloquial)
                if section is None:
                    return None
                # 3億5 (no unit after 5) is 3.5億 in speech; news writes 3億5,000萬.
                if colloquial and last_unit is not None and len(tail) == 1 and section:
                    section *= Decimal(last_unit) / 10
                total += section
                seen_any = True
            break
        if not (ch.isdigit() or ch in ",." or ch in DIGIT_VALUES or ch in SMALL_UNITS):
            return None
        i += 1
    if not seen_any or total.adjusted() >= PRECISION:
        return None
    return total


def exact_product(a: Decimal, b: Decimal | int) -> Decimal | None:
    """a * b, or None when it cannot be held exactly (see EXACT)."""
    try:
        return EXACT.multiply(a, b)
    except (Inexact, Overflow, InvalidOperation):
        return None


def exact_sum(a: Decimal, b: Decimal) -> Decimal | None:
    """a + b, or None when it cannot be held exactly (see EXACT)."""
    try:
        return EXACT.add(a, b)
    except (Inexact, Overflow, InvalidOperation):
        return None


def format_decimal(value: Decimal) -> str:
    """Plain decimal: no exponent, no grouping, no trailing zeros after the point."""
    text = format(value.normalize(EXACT), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
