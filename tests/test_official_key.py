"""Officials' key: one identity across scripts and spellings, the name kept as written."""
import pytest


@pytest.mark.parametrize("spellings", [
    ("龔正", "龚正"),
    ("黃偉哲", "黄伟哲", "黃伟哲"),
    ("Matt Mahan", "MATT  MAHAN", "ｍａｔｔ　ｍａｈａｎ"),
    ("馬克·宏", "馬克‧宏", "马克・宏"),
])
def test_name_key_is_one_identity_across_scripts_and_spellings(spellings):
    from aicity.fold import name_key

    assert len({name_key(name) for name in spellings}) == 1


def test_officials_carry_a_key_and_keep_their_name_as_written():
    from aicity import extract

    found = extract("上海市長龔正與上海市长龚正", types="official", ref_date="2025-03-01")
    assert [(e.normalized, e.fields["key"]) for e in found] == [("龔正", "龚正"), ("龚正", "龚正")]
    # Different people stay apart: only script and spelling variants are folded.
    from aicity.fold import name_key

    assert name_key("張善政") != name_key("張善正")
