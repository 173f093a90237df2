"""Officials' org: the office or place the text gives before the title, with no character repeated at the
seam and no "former" (原) between the office and its title. Sentences of our own, both scripts."""
import pytest

from aicity import extract
from aicity.convert import convert


@pytest.mark.parametrize("sentence, name, org", [
    ("臺中市長周某某今日出席典禮。", "周某某", "臺中市"),
    ("國家實驗研究院院長吳某某表示。", "吳某某", "國家實驗研究院"),
    ("交通局原局長王大明昨日到案。", "王大明", "交通局"),
    ("市政府原市長張某某出席。", "張某某", "市政府"),
    ("農商行原行長劉某某受審。", "劉某某", "農商行"),
    # a place whose name ends in 原 keeps it: no "former" there
    ("太原市長趙某某考察工地。", "趙某某", "太原市"),
    ("平原縣長李小華表示。", "李小華", "平原縣"),
])
@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_org_is_the_office_before_the_title(sentence, name, org, script):
    if script == "simplified":
        sentence, name, org = (convert(s, "simplified") for s in (sentence, name, org))
    found = [e for e in extract(sentence, types="official", ref_date="2025-03-01") if e.normalized == name]
    assert [e.fields.get("org") for e in found] == [org]
