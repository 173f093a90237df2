"""Company fields that the shared case files do not check: the parent of a subsidiary,
the value of a bracketed Latin alias, and the Traditional value of a mainland short name."""
from __future__ import annotations

from aicity.pipeline import extract


def companies(text: str):
    return [e for e in extract(text, types="company", ref_date="2025-06-01")]


def test_subsidiary_keeps_its_name_and_names_its_parent():
    bank, = companies("國泰人壽今天公布前5月保費收入。")
    assert bank.normalized == "國泰人壽"
    assert bank.fields["parent"] == "國泰金"


def test_financial_arm_after_a_holding_is_a_subsidiary():
    arm, = companies("兆豐國際投顧副總經理表示，明年台股仍有表現空間。")
    assert arm.text == "兆豐國際投顧" and arm.fields["parent"] == "兆豐金"


def test_parent_company_has_no_parent():
    holding, = companies("國泰金今天召開董事會。")
    assert "parent" not in holding.fields


def test_bracketed_latin_alias_takes_the_chinese_company():
    chinese, latin = companies("矽品精密(SPIL)今天宣布擴建封測廠。")
    assert chinese.normalized == latin.normalized == "矽品"
    assert latin.text == "SPIL" and latin.fields["parent"] == "日月光投控"


def test_mainland_short_name_is_valued_in_traditional_in_both_scripts():
    simplified, = companies("贵州茅台今天发布年报。")
    traditional, = companies("貴州茅台今天發布年報。")
    assert simplified.normalized == traditional.normalized == "貴州茅臺"
    assert simplified.fields["country"] == "CN" and simplified.fields["stock_code"] == "600519"


def test_ky_suffix_is_an_alternative_not_the_value():
    ky, = companies("貿聯-KY今天公布營收。")
    assert ky.normalized == "貿聯" and "貿聯-KY" in ky.fields["aliases"]


def test_foreign_subsidiary_names_its_parent():
    chemicals = [e for e in companies("國油化學今天宣布派息。") if e.text == "國油化學"]
    assert chemicals and chemicals[0].normalized == "國油化學" and chemicals[0].fields["parent"] == "國家石油"
