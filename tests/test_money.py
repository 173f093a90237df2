"""Money extractor: many surface forms -> one value."""
from __future__ import annotations

import datetime as dt

import pytest

from aicity.document import Document
from aicity.extractors.money import MoneyExtractor
from aicity.pipeline import extract

REF_DATE = dt.date(2025, 1, 1)


def _money(text: str):
    return extract(text, types="money", ref_date=REF_DATE)


# Many surface forms -> one value (Duckling Corpus.hs style). Each string must give
# exactly one amount, covering the whole string, with this value.
SAME_VALUE = [
    ("109000000000 EUR", ["1090億歐元", "1,090億歐元", "一千零九十億歐元", "€1090億", "€1,090億",
                          "1090亿欧元", "EUR 1090億", "1090億 EUR", "歐元1090億", "1,090 億歐元"]),
    ("15000000000000 TWD", ["15兆元", "十五兆元", "新臺幣15兆元", "新台幣15兆", "NT$15兆", "15兆新台幣",
                            "台幣15兆元", "15兆 TWD"]),
    ("85290000 TWD", ["8,529萬元", "8529萬元", "八千五百二十九萬元", "新臺幣8,529萬元", "NT$8,529萬"]),
    ("350000000 TWD", ["新臺幣3億5,000萬元", "3億5千萬元", "三億五千萬元", "3.5億元", "350,000,000元",
                       "新台幣3億5000萬", "NTD 3.5億"]),
    ("5000000 USD", ["US$500萬", "500萬美元", "5百萬美元", "美金500萬", "USD 5 million", "US$5 million",
                     "五百萬美元", "500万美元", "美元500萬"]),
    ("125000 TWD", ["12萬5千元", "12.5萬元", "十二萬五千元", "125,000元"]),
    ("1.5 TWD", ["1.5元", "1元5角", "一點五元", "新臺幣1.5元"]),
    ("120000000 TWD", ["NT$1.2億", "1.2億元", "一億二千萬元", "新台幣1億2,000萬元", "NT$120 million"]),
    ("2000000 TWD", ["兩百萬元", "200萬元", "二百萬元", "2百萬元"]),
    ("100000000000 TWD", ["上千億元", "千億元", "1,000億元", "一千億元"]),
    ("3000 JPY", ["3000日圓", "3,000日幣", "三千日元", "¥3000", "￥3,000", "JPY 3000", "3000円"]),
    ("3000 CNY", ["3000人民幣", "人民幣3000元", "RMB 3000", "3000元人民幣", "CN¥3000"]),
    ("500 HKD", ["500港元", "港幣500元", "HK$500", "500 HKD"]),
    ("20 GBP", ["20英鎊", "£20", "GBP 20"]),
    ("1000000 KRW", ["100萬韓元", "100萬韓圜", "₩1,000,000"]),
    ("100 MYR", ["100令吉", "100馬幣", "RM100", "100林吉特"]),
]


@pytest.mark.parametrize(
    "value,text", [(value, text) for value, texts in SAME_VALUE for text in texts]
)
def test_surface_forms(value, text):
    found = _money(text)
    assert [(e.text, e.normalized) for e in found] == [(text, value)]


@pytest.mark.parametrize(
    "text,value",
    [
        ("政府將投入上千億元", "100000000000 TWD"),
        ("政府将投入上千亿元", "100000000000 CNY"),  # a Simplified page: the bare 元 is CNY
        ("罰款120萬元", "1200000 TWD"),
        ("罚款120万元", "1200000 CNY"),
    ],
)
def test_page_currency_follows_script(text, value):
    assert [e.normalized for e in _money(text)] == [value]


@pytest.mark.parametrize(
    "text,qualifier",
    [
        ("逾百億元", "over"), ("超過3億元", "over"), ("近4600萬元", "nearly"), ("約300億元", "about"),
        ("上千億元", "at least"), ("數十億元", "several"), ("千餘萬元", "over"), ("100多萬元", "over"),
        ("1500萬元以下", "at most"), ("3萬元起", "at least"), ("300萬元左右", "about"),
        ("不到10萬元", "under"), ("兩三千萬元", "about"),
    ],
)
def test_qualifiers(text, qualifier):
    (ent,) = _money(text)
    assert ent.text == text
    assert ent.fields["qualifier"] == qualifier


@pytest.mark.parametrize(
    "text,per_share",
    [("全年EPS衝上34.51元", True), ("擬配息8.75元", True), ("股票5元股利", True),
     ("每股盈餘6.89元", True), ("遭罰120萬元", False)],
)
def test_per_share(text, per_share):
    (ent,) = _money(text)
    assert ent.fields.get("per_share", False) is per_share


def test_fields_and_rule():
    (ent,) = _money("外資狂砸15.8億卡位")
    assert ent.to_dict() == {
        "type": "money", "text": "15.8億", "start": 4, "end": 9, "normalized": "1580000000 TWD",
        "amount": "1580000000", "currency": "TWD", "rule": "money.cue_before",
    }


def test_range_gives_both_ends():
    found = _money("預計需3至5億元經費")
    assert [(e.text, e.normalized, e.fields["range"]) for e in found] == [
        ("3", "300000000 TWD", "from"), ("5億元", "500000000 TWD", "to"),
    ]


def test_extractor_interface_and_no_state():
    extractor = MoneyExtractor()
    assert extractor.type == "money"
    doc = Document("營收1,090億元", REF_DATE)
    first = list(extractor.find(doc))
    second = list(extractor.find(Document("營收1,090億元", REF_DATE)))
    assert first == second and first[0].normalized == "109000000000 TWD"


def test_long_text_keeps_every_amount():
    """Its time is measured by benchmarks/pathological.py ("news line"), not here."""
    text = ("外資賣超626億,台股下跌1494點,成交量5657億元,3.6萬張。" * 2000)
    found = _money(text)
    assert len(found) == 4000


def test_runs_hold_every_token():
    """The re module's \\d, which finds the runs of number characters, knows every digit
    of the BMP that the regex module's \\d (the token grammar's) knows."""
    import re

    import regex

    bmp = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    assert set(regex.findall(r"\d", bmp)) <= set(re.findall(r"\d", bmp))


def test_quiet_runs_hold_no_money_token():
    """Skipping the quiet runs keeps every token that is not plain (random texts made of
    number characters and the words the screen looks for)."""
    import random

    from aicity.extractors.money import _grammar

    g = _grammar()
    screen = g.screen

    def loud_tokens(text, spans):
        return [m.span() for a, b in spans for m in g.token.finditer(text, a, b)
                if not screen.plain(text, m.start(), m.end(), m.group())]

    words = sorted(screen.first | screen.last | screen.first_two | screen.last_two)
    pieces = words + list("0123456789零〇一二两三四五六七八九十百千万亿兆多余几好数点,. :的年元个·") + [
        "٣", "\U00011f52", "好几", "数十", "  "]
    rnd = random.Random(7)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10)))
        runs = [r.span() for r in g.runs.finditer(text)
                if not screen.quiet_run(text, r.start(), r.end(), r.group())]
        assert loud_tokens(text, runs) == loud_tokens(text, [(0, len(text))]), text


def test_a_rejected_end_blocks_a_range():
    """第3 is an ordinal, not an amount: 5億元 stays alone and keeps its own value."""
    found = _money("這是第3至5億元的方案")
    assert [(e.text, e.normalized) for e in found] == [("5億元", "500000000 TWD")]
    assert "range" not in found[0].fields


def test_region_tables_agree():
    """Every region a signal names is in regions.tsv, and each region's currencies are
    ISO codes the currency table knows."""
    from aicity.extractors.money import _grammar
    from aicity.resources import load_table

    regions = {row["region"]: row for row in load_table("money/regions.tsv")}
    codes = {currency.code for currency in _grammar().currencies.values()}
    for row in load_table("money/region_signals.tsv"):
        assert set(row["region"].split("|")) <= regions.keys() or (row["region"], row["strength"]) == ("-", "none"), row
        assert row["strength"] in ("strong", "weak", "government", "channel", "market", "style", "none"), row
    for row in regions.values():
        assert {row["currency"], row["dollar"], row["yen"]} <= codes, row
    assert {row["script"] for row in regions.values() if row["script"]} == {"traditional", "simplified"}


@pytest.mark.parametrize("text, currency", [
    ("（單位：港元）收入52億元", "HKD"),
    ("收入52億元（人民幣，下同）", "CNY"),
    ("單位：新臺幣億元。收入52億元", "TWD"),
])
def test_a_declaration_names_the_page_currency(text, currency):
    assert [e.fields["currency"] for e in _money(text)] == [currency]


def test_the_region_is_read_only_from_signals_on_the_page():
    """The same amount on two pages: its currency follows each page's own signals."""
    amount = "政府預算為30億元。"
    assert _money("星洲日報訊：" + amount)[0].normalized == "3000000000 MYR"
    assert _money("（中央社記者台北5日電）" + amount)[0].normalized == "3000000000 TWD"
    assert _money(amount)[0].normalized == "3000000000 TWD"
