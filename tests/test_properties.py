"""Property tests (hypothesis): invariants on any input, determinism, script
independence, and the date and money grammars fuzzed with generated expressions."""
from __future__ import annotations

import datetime as dt
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from aicity.convert import convert
from aicity.fold import fold
from aicity.model import ENTITY_TYPES
from aicity.pipeline import extract
from aicity.runner import Options, run
from aicity.textio import InputItem

from conftest import SEED_FILES

REF = dt.date(2025, 2, 17)
FAST = settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
GRAMMAR = settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])


# ================================================================ value formats

MONEY_RE = re.compile(r"^(\d+(?:\.\d+)?) ([A-Z]{3})$")
DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")
GRAIN_FORMAT = {"year": r"^\d{4}$", "month": r"^\d{4}-\d{2}$", "day": r"^\d{4}-\d{2}-\d{2}$",
                "datetime": r"^\d{4}-\d{2}-\d{2}T"}


def check_date_point(value: str) -> str:
    """Parse one ISO 8601 point of ANNOTATION.md; return its kind."""
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        assert 1 <= int(value[5:]) <= 12, value
        return "month"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        dt.date.fromisoformat(value)
        return "day"
    assert DATETIME_RE.match(value), value
    dt.datetime.fromisoformat(value)
    return "datetime"


def check_date_value(value: str, fields: dict) -> None:
    if "/" in value:
        start, end = value.split("/")
        check_date_point(start)
        check_date_point(end)
        assert start <= end, value
        return
    kind = check_date_point(value)
    grain = fields.get("grain")
    if grain in GRAIN_FORMAT:
        assert re.match(GRAIN_FORMAT[grain], value), (value, grain)
    assert kind


def check_money_value(value: str) -> tuple[Decimal, str]:
    match = MONEY_RE.match(value)
    assert match, f"money not '<decimal> <ISO 4217 code>': {value!r}"
    amount = Decimal(match.group(1))
    assert amount == amount.to_integral_value() or not match.group(1).endswith("0"), value
    return amount, match.group(2)


def check_entities(text: str, entities) -> None:
    """The invariants every result of ``extract`` keeps, whatever the text."""
    for e in entities:
        assert e.type in ENTITY_TYPES
        assert 0 <= e.start < e.end <= len(text), e
        assert text[e.start:e.end] == e.text, e
        assert isinstance(e.normalized, str) and e.normalized.strip(), e
        if e.type == "date":
            check_date_value(e.normalized, e.fields)
        elif e.type == "money":
            check_money_value(e.normalized)
    keys = [(e.start, e.end, ENTITY_TYPES.index(e.type)) for e in entities]
    assert keys == sorted(keys)
    for entity_type in ENTITY_TYPES:
        spans = [(e.start, e.end) for e in entities if e.type == entity_type]
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert e1 <= s2, f"overlapping {entity_type} spans {(s1, e1)} {(s2, e2)}"


# ================================================================ strategies

def _fragments() -> list[str]:
    pieces: list[str] = []
    for path in SEED_FILES:
        text = path.read_text(encoding="utf-8")
        pieces.extend(p for p in re.split(r"(?<=[,。、;:!?\n])", text) if p.strip())
    return pieces[::3]


FRAGMENTS = _fragments()
SPECIAL = ["年", "月", "日", "億", "萬", "兆", "元", "/", "-", "~", "至", "民國", "NT$", "US$", "新臺幣", "美元",
           "２０２５", "１，０００", "〇", "二十", "今(", ")日", "去年", "市長", "董事長", "股份有限公司", "臺北市",
           "台積電", "😀", "\u0301", "\u200d", "\r\n", "\r", "\x00", "\ufeff", "\u3000", "[", "]"]

news_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(SPECIAL), st.text(max_size=6),
              st.integers(0, 99999).map(str)),
    max_size=25,
).map("".join)

any_unicode = st.text(alphabet=st.characters(exclude_categories=()), max_size=200)  # lone surrogates too


# ================================================================ invariants on any input

@FAST
@given(any_unicode)
@example("")
@example("\ud800年\udfff月")
def test_any_unicode_string(text):
    check_entities(text, extract(text, None, REF))


@FAST
@given(news_like)
def test_news_like_text(text):
    check_entities(text, extract(text, None, REF))


@settings(deadline=None, max_examples=25)
@given(news_like)
def test_publication_date_from_the_text_itself(text):
    """Without --ref-date the anchor is read from the text; never a crash."""
    check_entities(text, extract(text))


@FAST
@given(news_like, st.sampled_from(ENTITY_TYPES))
def test_same_input_same_output(text, entity_type):
    first = extract(text, None, REF)
    assert extract(text, None, REF) == first
    # Dates and money do not depend on the other types: alone they are what they are among all.
    if entity_type in ("date", "money"):
        assert extract(text, entity_type, REF) == [e for e in first if e.type == entity_type]


@settings(deadline=None, max_examples=8, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(news_like, min_size=2, max_size=5))
def test_results_do_not_depend_on_jobs(texts):
    with tempfile.TemporaryDirectory() as folder:
        items = []
        for number, text in enumerate(texts):
            path = Path(folder) / f"{number}.txt"
            path.write_text(text, encoding="utf-8", newline="")
            items.append(InputItem(str(path)))
        options = Options(types=ENTITY_TYPES, ref_date=REF)
        one = list(run(items, options, jobs=1))
        two = list(run(items, options, jobs=2))
    assert [(r.to_dict(), r.error) for r in one] == [(r.to_dict(), r.error) for r in two]
    for text, result in zip(texts, one):
        if result.error:  # a text with a NUL byte is refused as binary, in both runs
            assert "\x00" in text
            continue
        decoded = text.removeprefix("\ufeff")  # a UTF-8 BOM is not part of the text
        assert [e.to_dict() for e in result.entities] == [e.to_dict() for e in extract(decoded, None, REF)]


# ================================================================ the script fold

# The characters the fold maps, with whatever else hypothesis draws beside them.
folded_characters = st.sampled_from(sorted(c for c in map(chr, range(0x10000))
                                           if fold(c) != c and not 0xD800 <= ord(c) < 0xE000))
fold_input = st.text(st.one_of(folded_characters, st.characters()), max_size=40)


@FAST
@given(fold_input)
@example("薴苧苎")  # TSCharacters maps 薴 to 苧 and 苧 to 苎: the chain ends in one step
def test_fold_is_idempotent_and_keeps_length(text):
    once = fold(text)
    assert fold(once) == once
    assert len(once) == len(text)


# ================================================================ the date grammar

CN_DIGITS = "〇一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789,/-.$", "０１２３４５６７８９，／－．＄")


def cn_small(n: int) -> str:
    """1..99 in Chinese numerals as dates write them: 五, 十, 十二, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    out = ("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else ""
    return out + (CN_DIGITS[ones] if ones else "")


def cn_year(year: int) -> str:
    return "".join(CN_DIGITS[int(d)] for d in str(year))


DATE_FORMATS = {
    "ymd-cjk": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "ymd-cjk-padded": lambda d: f"{d.year}年{d.month:02d}月{d.day:02d}日",
    "ymd-slash": lambda d: f"{d.year}/{d.month}/{d.day}",
    "ymd-slash-padded": lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    "mdy-slash": lambda d: f"{d.month}/{d.day}/{d.year}",
    "iso": lambda d: d.isoformat(),
    "roc": lambda d: f"民國{d.year - 1911}年{d.month}月{d.day}日",
    "full-width": lambda d: f"{d.year}年{d.month}月{d.day}日".translate(FULL_WIDTH),
    "full-width-slash": lambda d: f"{d.year}/{d.month}/{d.day}".translate(FULL_WIDTH),
    "chinese-numerals": lambda d: f"{cn_year(d.year)}年{cn_small(d.month)}月{cn_small(d.day)}日",
}
DATE_SENTENCES = ["活動將於{}舉行。", "公司在{}宣布,", "({})", "截至{}止,營收創新高。", "{}"]


def find_one(text: str, expr_start: int, expr_end: int, entity_type: str):
    found = [e for e in extract(text, entity_type, REF)
             if e.type == entity_type and e.start < expr_end and expr_start < e.end]
    assert len(found) == 1, f"{entity_type} in {text!r}: {[(e.text, e.normalized) for e in found]}"
    return found[0]


def assert_date(expr: str, sentence: str, expected: str) -> None:
    text = sentence.format(expr)
    start = sentence.index("{}")
    entity = find_one(text, start, start + len(expr), "date")
    assert (entity.text, entity.normalized) == (expr, expected), text


@GRAMMAR
@given(st.dates(dt.date(1912, 1, 1), dt.date(2099, 12, 31)), st.sampled_from(sorted(DATE_FORMATS)),
       st.sampled_from(DATE_SENTENCES))
@example(dt.date(2025, 3, 5), "chinese-numerals", "{}")
@example(dt.date(2025, 12, 31), "roc", "{}")
@example(dt.date(2000, 2, 29), "mdy-slash", "{}")
def test_date_formats(day, fmt, sentence):
    assert_date(DATE_FORMATS[fmt](day), sentence, day.isoformat())


@pytest.mark.parametrize("fmt", sorted(DATE_FORMATS))
@pytest.mark.parametrize("day", [dt.date(2025, 3, 5), dt.date(2024, 12, 31), dt.date(2026, 10, 10)])
def test_each_date_format_on_fixed_days(fmt, day):
    """The same check without shrinking, so a failure names the format at once."""
    assert_date(DATE_FORMATS[fmt](day), "活動將於{}舉行。", day.isoformat())


@GRAMMAR
@given(st.dates(dt.date(1912, 1, 1), dt.date(2099, 12, 31)), st.integers(0, 23), st.integers(0, 59))
def test_date_with_time(day, hour, minute):
    expr = f"{day.year}/{day.month}/{day.day} {hour:02d}:{minute:02d}"
    assert_date(expr, "發布時間:{}", f"{day.isoformat()}T{hour:02d}:{minute:02d}")


@GRAMMAR
@given(st.dates(dt.date(1912, 1, 1), dt.date(2099, 12, 31)), st.integers(1, 20))
def test_date_ranges(day, length):
    last = day + dt.timedelta(days=length)
    assume(last.month == day.month)
    expr = f"{day.year}年{day.month}月{day.day}日至{last.day}日"
    assert_date(expr, "展期為{},歡迎參觀。", f"{day.isoformat()}/{last.isoformat()}")


@GRAMMAR
@given(st.integers(1912, 2099), st.integers(1, 12))
def test_year_month_and_roc_year(year, month):
    assert_date(f"{year}年{month}月", "公司{}營收創新高。", f"{year}-{month:02d}")
    assert_date(f"民國{year - 1911}年", "{}預算", f"{year}")


# ================================================================ the money grammar

UNITS = {"": 1, "萬": 10**4, "億": 10**8, "兆": 10**12}
SUFFIX_CURRENCIES = {"元": "TWD", "美元": "USD", "歐元": "EUR", "日圓": "JPY"}
PREFIX_CURRENCIES = {"新臺幣": ("元", "TWD"), "NT$": ("", "TWD"), "US$": ("", "USD")}


def cn_number(n: int, two: str = "二") -> str:
    """1..9999 in Chinese numerals: 三千二百零五, 一百一十, 十二."""
    assert 0 < n < 10000
    out, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero and out:
                out += "零"
            zero = False
            word = two if digit == 2 and name in ("千", "百") else CN_DIGITS[digit]
            out += ("" if (digit == 1 and name == "十" and not out) else word) + name
        elif out:
            zero = True
    return out


def plain(amount: Decimal) -> str:
    text = format(amount.normalize(), "f")
    return text


@st.composite
def money_expressions(draw):
    """(expression, expected normalized value)."""
    unit = draw(st.sampled_from(sorted(UNITS)))
    style = draw(st.sampled_from(["arabic", "grouped", "decimal", "chinese", "chinese-兩"]))
    if style == "chinese" or style == "chinese-兩":
        assume(unit)  # a bare Chinese number of yuan (三千元) is covered by the unit forms
        number = draw(st.integers(1, 9999))
        digits = cn_number(number, "兩" if style == "chinese-兩" else "二")
        amount = Decimal(number)
    elif style == "decimal":
        assume(unit)
        whole, fraction = draw(st.integers(0, 9999)), draw(st.integers(1, 99))
        digits = f"{whole}.{fraction:02d}".rstrip("0")
        amount = Decimal(digits)
        assume(amount > 0)
    else:
        number = draw(st.integers(1, 99_999_999 if not unit else 99_999))
        digits = f"{number:,}" if style == "grouped" else str(number)
        amount = Decimal(number)
    value = amount * UNITS[unit]
    if draw(st.booleans()):
        suffix = draw(st.sampled_from(sorted(SUFFIX_CURRENCIES)))
        expr, code = f"{digits}{unit}{suffix}", SUFFIX_CURRENCIES[suffix]
    else:
        prefix = draw(st.sampled_from(sorted(PREFIX_CURRENCIES)))
        assume(not style.startswith("chinese") or not prefix.endswith("$"))  # NT$三千 is not written
        suffix, code = PREFIX_CURRENCIES[prefix]
        expr = f"{prefix}{digits}{unit}{suffix}"
    return expr, f"{plain(value)} {code}"


MONEY_SENTENCES = ["公司宣布投資{},擴建新廠。", "總金額達{}。", "({})", "{}"]


def assert_money(expr: str, sentence: str, expected: str) -> None:
    text = sentence.format(expr)
    start = sentence.index("{}")
    entity = find_one(text, start, start + len(expr), "money")
    amount, code = check_money_value(entity.normalized)
    want_amount, want_code = Decimal(expected.split()[0]), expected.split()[1]
    assert (entity.text, amount, code) == (expr, want_amount, want_code), text
    assert entity.normalized == expected, text


@GRAMMAR
@given(money_expressions(), st.sampled_from(MONEY_SENTENCES))
@example(("3,200億歐元", "320000000000 EUR"), "{}")
@example(("新臺幣1,000萬元", "10000000 TWD"), "{}")
@example(("三千二百億元", "320000000000 TWD"), "{}")
@example(("1.5億美元", "150000000 USD"), "{}")
@example(("十二兆日圓", "12000000000000 JPY"), "{}")
@example(("NT$1,000", "1000 TWD"), "{}")
@example(("US$5,000", "5000 USD"), "{}")
def test_money_amounts(case, sentence):
    expr, expected = case
    # (十億元), (百萬美元): a bare unit in parentheses names a table column's unit,
    # and is rightly no amount (see test_bare_unit_in_parentheses_is_a_column_unit).
    assume(not (sentence == "({})" and is_bare_unit(expr)))
    assert_money(expr, sentence, expected)


def is_bare_unit(expr: str) -> bool:
    """十億元, 百萬美元: the number is unit characters only, no digit."""
    numeral = "".join(ch for ch in expr if ch in "0123456789一二兩三四五六七八九零〇十百千萬億兆")
    return bool(numeral) and not any(ch in "0123456789一二兩三四五六七八九零〇" for ch in numeral)


@pytest.mark.parametrize("text", ["(十億元)", "（百萬美元）", "(千元)"])
def test_bare_unit_in_parentheses_is_a_column_unit(text):
    assert [e for e in extract(text, types="money", ref_date="2025-01-01")] == []
    inside = "投資" + text[1:-1] + "。"  # the same words as an amount in a sentence
    assert [e.text for e in extract(inside, types="money", ref_date="2025-01-01")] == [text[1:-1]]


@pytest.mark.parametrize("expr, expected", [
    ("1234567元", "1234567 TWD"), ("1,234,567元", "1234567 TWD"), ("8,529萬", "85290000 TWD"),
    ("2.5萬美元", "25000 USD"), ("一百零五億歐元", "10500000000 EUR"), ("兩千億日圓", "200000000000 JPY"),
    ("新臺幣300億元", "30000000000 TWD"), ("NT$3億", "300000000 TWD"), ("US$1.2億", "120000000 USD"),
    ("１，０００萬元", "10000000 TWD"), ("十萬元", "100000 TWD"), ("一千零一十萬元", "10100000 TWD"),
])
def test_money_fixed_forms(expr, expected):
    assert_money(expr, "公司宣布投資{},擴建新廠。", expected)


# ================================================================ pathological amounts (issue 17)
# Runs of units and digits must give no crash, no garbage amount and nothing rounded; the
# time they take is measured by benchmarks/pathological.py, not here.

MONEY_CUES = ["", "營收", "投資", "罚款"]


@FAST
@given(st.sampled_from(["億", "兆", "萬", "億萬", "萬億兆", "十", "千", "百十"]), st.integers(3, 3000),
       st.sampled_from(MONEY_CUES), st.sampled_from(["", "元", "美元", "。"]))
@example("億", 100_000, "", "")
@example("兆", 100_000, "營收", "元")
def test_runs_of_units_are_no_amount(unit, count, cue, tail):
    text = cue + unit * count + tail
    found = extract(text, "money", REF)
    check_entities(text, found)
    assert found == [], [(e.text[:20], e.normalized[:40]) for e in found]


@FAST
@given(st.sampled_from(["3億", "5萬", "2兆", "七千萬"]), st.integers(2, 500), st.sampled_from(MONEY_CUES))
def test_a_unit_run_together_with_itself_is_no_amount(piece, count, cue):
    """3億3億3億元: numbers run together, not one amount."""
    text = cue + piece * count + "元"
    found = extract(text, "money", REF)
    check_entities(text, found)
    assert found == []


def plain_amount(whole: str, fraction: str) -> str:
    """The normalized amount as ANNOTATION.md writes it, built from the digits alone."""
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


@GRAMMAR
@given(st.text("0123456789", min_size=1, max_size=40), st.text("0123456789", max_size=30),
       st.sampled_from(["營收{}元。", "投資NT${}。", "罚款{}元"]))
@example("1" * 29, "", "營收{}元。")
@example("123456789012345678901234567890", "5", "營收{}元。")
@example("12345678901234567890", "123456789012345678", "營收{}元。")
def test_amounts_are_exact_or_refused(whole, fraction, sentence):
    """An amount is its digits exactly; one of a septillion or more (or with more digits than
    can be held exactly) is refused, never rounded."""
    whole = whole.lstrip("0") or "1"
    number = f"{whole}.{fraction}" if fraction else whole
    text = sentence.format(number)
    found = [e for e in extract(text, "money", REF)]
    check_entities(text, found)
    digits = len(whole) + len(fraction.rstrip("0"))
    if len(whole) <= 24 and digits <= 40:
        assert [e.fields["amount"] for e in found] == [plain_amount(whole, fraction)], text
    else:
        assert found == [], text


@pytest.mark.parametrize("text, amount", [
    ("營收一萬億元", "1000000000000"), ("投資3萬5千億元", "3500000000000"),
    ("存款99,999兆元", "99999000000000000"), ("營收1億5000萬元", "150000000"),
])
def test_large_amounts_that_are_real(text, amount):
    (entity,) = extract(text, "money", REF)
    assert entity.fields["amount"] == amount


# ================================================================ script independence

TEMPLATES = [
    "台積電董事會於{date}決議,斥資{money}擴建高雄廠。",
    "臺北市政府表示,{date}起將編列{money}預算,用於改善交通與長照服務。",
    "該公司{date}公告,上半年營收達{money},較去年同期成長三成。",
    "經濟部長在{date}的記者會上說明,補助總額為{money}。",
    "根據財報,集團於{date}完成收購,交易金額約{money}。",
]

date_exprs = st.builds(lambda d, f: DATE_FORMATS[f](d),
                       st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
                       st.sampled_from(sorted(set(DATE_FORMATS) - {"chinese-numerals"})))


def date_money_values(text: str) -> list[tuple]:
    return [(e.type, e.normalized) for e in extract(text, ("date", "money"), REF)]


def bare_yuan_as_local(values: list[tuple]) -> list[tuple]:
    """A bare 元 is the page's own currency: TWD on a Traditional page, CNY on a
    Simplified one (aicity/extractors/money.py, ANNOTATION.md "money"); compare
    such amounts without their currency."""
    return [(t, v.replace(" CNY", " LOCAL").replace(" TWD", " LOCAL")) for t, v in values]


@FAST
@given(st.sampled_from(TEMPLATES), date_exprs, money_expressions())
def test_traditional_simplified_conversion_keeps_dates_and_money(template, date_expr, money):
    expr, expected = money
    traditional = template.format(date=date_expr, money=expr)
    simplified = convert(traditional, "t2s")
    back = convert(simplified, "s2t")
    values = date_money_values(traditional)
    assert ("money", expected) in values, traditional
    bare_yuan = re.fullmatch(r"[\d,.〇一二兩三四五六七八九十百千零]+[萬億兆]?元", expr)
    if bare_yuan:
        assert bare_yuan_as_local(date_money_values(simplified)) == bare_yuan_as_local(values), simplified
    else:
        assert date_money_values(simplified) == values, simplified
    assert date_money_values(back) == values, back
    if len(simplified) == len(traditional):
        spans = [(e.start, e.end) for e in extract(traditional, ("date", "money"), REF)]
        assert [(e.start, e.end) for e in extract(simplified, ("date", "money"), REF)] == spans
