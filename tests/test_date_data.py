"""The date rules' data and the generic machinery under them: fragments composed
from named parts, the word table and the patterns derived from it, and the scan
that finds a pattern's matches near its trigger as ``finditer`` would."""
from __future__ import annotations

import pytest
import regex

from aicity.extractors import scan
from aicity.extractors.base import alternation, compile_folded
from aicity.extractors.date import words
from aicity.extractors.fragments import Fragments, parse_fragments
from aicity.fold import fold
from aicity.resources import ResourceError


def test_fragments_compose_with_prefixes_and_continuations():
    text = "# a comment\nNUM = [0-9]{2}\nPART = (?P<{p}n>{NUM})\nPAIR = {PART}-\n{PART:e_}\n"
    frags = Fragments(parse_fragments(text, "t"), "t")
    assert frags["PAIR"] == "(?P<n>[0-9]{2})-(?P<e_n>[0-9]{2})"
    assert regex.fullmatch(frags["PAIR"], "12-34").group("e_n") == "34"


@pytest.mark.parametrize("text,message", [
    ("A = {B}\n", "no fragment B"),
    ("A = x{A}\n", "refers to itself"),
    ("A = x\nA = y\n", "defined twice"),
    ("(?:x)\n", "before any NAME"),
])
def test_fragment_errors_name_the_problem(text, message):
    with pytest.raises(ResourceError, match=regex.escape(message)):
        Fragments(parse_fragments(text, "t"), "t")["A"]


def test_every_fragment_of_the_date_rules_compiles():
    frags = words.fragments()
    for name in frags._definitions:
        try:
            compile_folded(frags[name])
        except regex.error:
            compile_folded(f"[{frags[name]}]")  # a class body (CN_DIGITS, YEAR_FIRST)


@pytest.mark.parametrize("word", sorted(words.YEAR_WORDS))
def test_relative_year_words_and_their_pattern_agree(word):
    """YREL (a guarded pattern in fragments.txt) matches each year word of words.tsv: alone,
    after 比 (上年), or before a month (當年, which alone is as often "back then")."""
    yrel = compile_folded(words.fragment("YREL"))
    before_month = yrel.match(word + "9月")
    assert (yrel.fullmatch("比" + word, 1) or yrel.fullmatch(word)
            or before_month is not None and before_month.end() == len(word))


@pytest.mark.parametrize("kind,fragment", [
    ("ampm", "AMPM_WORDS"), ("day", "RELATIVE_DAY_WORDS"), ("month", "RELATIVE_MONTH_WORDS"),
    ("week", "WEEK_RELATIONS"), ("month_en", "MONTH_ABBRS"),
])
def test_derived_alternations_match_every_word_of_their_kind(kind, fragment):
    pattern = compile_folded(f"(?:{words.fragment(fragment)})")
    table = words._values(kind)
    assert table
    for word in table:
        assert pattern.fullmatch(word), word


def test_guarded_day_words_are_not_read_inside_another_word():
    pattern = compile_folded(f"(?:{words.fragment('RELATIVE_DAY_WORDS')})")
    assert pattern.search(fold("他說明日出發")) is None  # 說明 + 日
    assert pattern.search("明日出發").group() == "明日"


TEXTS = ["今天是5月5日，明天3月, 6月7日至8日", "月月月 1月", "", "日本12日訊，月底前3日內", "本月12日本月底"]


@pytest.mark.parametrize("text", TEXTS)
def test_triggers_find_what_the_pattern_finds(text):
    folded = fold(text)
    assert scan.words_hits("月")(folded) == [m.span() for m in regex.finditer("月", folded)]
    names = [fold(n) for n in ("月底", "月", "日訊", "本月", "12日")]
    assert scan.alternation_hits(names)(folded) == [
        m.span() for m in regex.finditer(alternation(names), folded)]
    assert scan.unit_hits("月", "0-9")(folded) == [m.span() for m in regex.finditer(r"[0-9][ \t\u00a0]*月", folded)]


@pytest.mark.parametrize("text", TEXTS)
def test_finder_near_its_trigger_finds_what_finditer_finds(text):
    pattern = regex.compile(r"(?<![0-9])[0-9]{1,2}月(?:[0-9]{1,2}日)?")
    finder = scan.Finder(pattern, scan.starts("0-9", after_digit=False), scan.words_hits("月"), before=2, after=8)
    folded = fold(text)
    want = [m.span() for m in pattern.finditer(folded)]
    assert [m.span() for m in finder.matches(folded, finder.trigger(folded))] == want
    assert [m.span() for m in finder.scan(folded)] == want


@pytest.mark.parametrize("word", sorted(words.YEAR_POINTS))
def test_year_points_and_their_patterns_agree(word):
    """YEAR_POINT (after a year) reads every year_point word of words.tsv; BARE_YEAR_POINT
    (年底 with no year) exactly those flagged bare."""
    assert compile_folded(words.fragment("YEAR_POINT")).fullmatch(word)
    bare = compile_folded(words.fragment("BARE_YEAR_POINT")).fullmatch("年" + word)
    assert bool(bare) == (word in words.BARE_YEAR_POINTS)
