"""User dictionaries: the loader, the checker, `aicity dict` and `--dict` end to end."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicity.cli import cli
from aicity.resources import ResourceError
from aicity.userdict import (UserDictionary, UserEntry, check_file, load_user_dictionary,
                             read_dictionary_file)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_002 = SEEDS / "002_3244aa1531057470.txt"

GOOD = (
    "# my companies\n"
    "type\tname\taliases\tfields\n"
    "company\t奇點空間設計\t奇點空間\tcountry=TW\n"
    "company\t台灣積體電路\t台積電|TSMC\tstock_code=2330;country=TW\n"
    "\n"
    "city\t臺東縣\t台東|東縣\tcountry=TW;level=縣\n"
    "official\t張善政\t\ttitle=市長;org=桃園市政府\n"
    "title\t智發會主委\n"
)


def write(tmp_path: Path, text: str, name: str = "dict.tsv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_load_good_file(tmp_path):
    path = write(tmp_path, GOOD)
    dictionary = load_user_dictionary([path])
    assert [e.type for e in dictionary.entries] == ["company", "company", "city", "official", "title"]
    tsmc = dictionary.entries[1]
    assert tsmc == UserEntry("company", "台灣積體電路", ("台積電", "TSMC"),
                             (("stock_code", "2330"), ("country", "TW")), str(path), 4)
    assert tsmc.names == ("台灣積體電路", "台積電", "TSMC")
    assert tsmc.field("stock_code") == "2330" and tsmc.field("level") is None
    assert [e.name for e in dictionary.of_type("company")] == ["奇點空間設計", "台灣積體電路"]
    assert dictionary.of_type("city")[0].line == 6
    assert dictionary.of_type("official")[0].aliases == ()
    assert dictionary.of_type("title")[0].fields == ()
    assert dictionary.of_type("money") == ()
    assert dictionary.counts() == {"company": 2, "city": 1, "official": 1, "title": 1}


def test_dictionary_is_plain_hashable_picklable_data(tmp_path):
    dictionary = load_user_dictionary([write(tmp_path, GOOD)])
    assert pickle.loads(pickle.dumps(dictionary)) == dictionary
    assert hash(dictionary) == hash(load_user_dictionary([write(tmp_path, GOOD)]))
    assert isinstance(dictionary, UserDictionary)


def test_header_is_optional_and_bom_crlf_trailing_columns_are_tolerated(tmp_path):
    text = "company\t奇點空間設計\t奇點空間\r\n# comment\r\ncity\t臺東縣\r\ntitle\t主委\t\t\r\n"
    path = write(tmp_path, "\ufeff" + text)
    dictionary = load_user_dictionary([path])
    assert [(e.type, e.name, e.aliases) for e in dictionary.entries] == [
        ("company", "奇點空間設計", ("奇點空間",)), ("city", "臺東縣", ()), ("title", "主委", ())]
    assert check_file(path) == []


def test_aliases_are_trimmed_and_deduplicated(tmp_path):
    path = write(tmp_path, "company\t台積電\t TSMC | |TSMC|台積電|\tstock_code=2330;\n")
    (entry,) = load_user_dictionary([path]).entries
    assert entry.aliases == ("TSMC",)
    assert entry.fields == (("stock_code", "2330"),)


def test_files_load_in_order_and_may_repeat_names_across_files(tmp_path):
    first = write(tmp_path, "company\t台積電\n", "a.tsv")
    second = write(tmp_path, "company\t台積電\tTSMC\n", "b.tsv")
    entries = load_user_dictionary([first, second]).entries
    assert [(e.source, e.aliases) for e in entries] == [(str(first), ()), (str(second), ("TSMC",))]


@pytest.mark.parametrize("line, message", [
    ("compny\t台積電", "unknown type 'compny'"),
    ("money\t100元", "unknown type 'money'"),
    ("city 臺北市", "columns are separated by tabs"),
    ("company\t", "empty name"),
    ("company\t  \t台積電", "empty name"),
    ("company\t台積電\t\tstock_code", "bad field 'stock_code'"),
    ("company\t台積電\t\t=2330", "bad field '=2330'"),
    ("company\t台積電\t\tcolor=red", "unknown field 'color' for a company; allowed: stock_code, country"),
    ("title\t主委\t\tcountry=TW", "unknown field 'country' for a title; allowed: none"),
    ("official\t張善政\t\ttitle=", "field 'title' has an empty value"),
    ("city\t臺北市\t\tlevel=a;level=b", "field 'level' given twice"),
    ("company\t台積電\tTSMC\tcountry=TW\textra", "5 tab-separated columns, at most 4 allowed"),
    ("company\t鼎", "name '鼎' is one character; names need at least 2"),
    ("official\t林\t\ttitle=市長", "name '林' is one character"),
    ("title\t長", "name '長' is one character"),
    ("company\t台積電\tTSMC|T", "alias 'T' is one character"),
])
def test_malformed_lines_name_file_and_line(tmp_path, line, message):
    path = write(tmp_path, f"# header comment\ncompany\tOK\n{line}\n")
    errors = check_file(path)
    assert len(errors) == 1
    assert errors[0].startswith(f"{path}:3: ")
    assert message in errors[0]
    with pytest.raises(ResourceError, match=f"^{path}:3: .*"):
        load_user_dictionary([path])


def test_duplicate_name_in_one_file(tmp_path):
    path = write(tmp_path, "company\t台積電\ncity\t台積電\ncompany\t台積電\tTSMC\n")
    assert check_file(path) == [f"{path}:3: duplicate company '台積電' (first on line 1)"]


def test_misplaced_header_is_an_error(tmp_path):
    path = write(tmp_path, "type\tname\tfields\ncompany\t台積電\n")
    assert check_file(path) == [f"{path}:1: the header row must be: type<TAB>name<TAB>aliases<TAB>fields"]


def test_check_file_reports_every_error_and_loader_the_first(tmp_path):
    path = write(tmp_path, "compny\tAB\ncompany\tBC\ncompany\t\ncompany\tBC\n")
    errors = check_file(path)
    assert [e.split(": ", 1)[0] for e in errors] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    with pytest.raises(ResourceError) as caught:
        load_user_dictionary([path])
    assert str(caught.value).startswith(f"{path}:1: unknown type")
    assert "and 2 more; run `aicity dict check" in str(caught.value)


def test_unreadable_and_non_utf8_files(tmp_path):
    missing = tmp_path / "missing.tsv"
    assert check_file(missing) == [f"{missing}: no such file or folder"]
    with pytest.raises(OSError):
        load_user_dictionary([missing])
    big5 = write(tmp_path, "company\t台積電\n", "big5.tsv", "big5")
    (problem,) = check_file(big5)
    assert problem.startswith(f"{big5}: not UTF-8")
    entries, problems = read_dictionary_file(big5)
    assert entries == [] and problems == [problem]


# ---------------------------------------------------------------- the CLI

def test_dict_help_teaches_the_format():
    result = CliRunner().invoke(cli, ["dict", "--help"])
    assert result.exit_code == 0
    for expected in ("company, city, official or title", "separated by |", "key=value",
                     "stock_code, country", "title, org", "奇點空間設計", "aicity dict check",
                     "level (直轄市, 市 or 縣)", "level=縣"):
        assert expected in result.output
    assert "county" not in result.output  # the level is written as the built-in cities have it


def test_a_one_character_name_is_refused_by_check_and_by_dict(tmp_path):
    path = write(tmp_path, "company\t星河動力\ncompany\t鼎\n")
    result = CliRunner().invoke(cli, ["dict", "check", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"aicity: {path}:2: name '鼎' is one character; names need at least 2\n"
    result = CliRunner().invoke(cli, ["extract", "--dict", str(path), "-"], input="鼎盛\n")
    assert result.exit_code == 2
    assert f"{path}:2: name '鼎' is one character" in result.stderr


def test_dict_check_valid_file(tmp_path):
    path = write(tmp_path, GOOD)
    result = CliRunner().invoke(cli, ["dict", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{path}: OK, 5 entries (2 company, 1 city, 1 official, 1 title)\n"


def test_dict_check_invalid_file_lists_every_error(tmp_path):
    good = write(tmp_path, GOOD, "good.tsv")
    bad = write(tmp_path, "compny\tAB\ncompany\t\n", "bad.tsv")
    result = CliRunner().invoke(cli, ["dict", "check", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{good}: OK" in result.stdout
    assert f"aicity: {bad}:1: unknown type 'compny'" in result.stderr
    assert f"aicity: {bad}:2: empty name" in result.stderr
    assert f"{bad}: 2 errors" in result.stderr


def test_dict_check_needs_a_file():
    assert CliRunner().invoke(cli, ["dict", "check"]).exit_code == 2


def test_extract_with_a_bad_dictionary_is_a_usage_error(tmp_path):
    bad = write(tmp_path, "company\t台積電\ncompany\t台積電\n")
    result = CliRunner().invoke(cli, ["extract", "--dict", str(bad), "--types", "company", str(SEED_002)])
    assert result.exit_code == 2
    assert f"{bad}:2: duplicate company" in result.output


@pytest.mark.skipif(not SEED_002.exists(), reason="needs seeds/002")
def test_user_company_is_found_end_to_end(tmp_path):
    path = write(tmp_path, "company\t奇點空間設計\t奇點空間\n")
    result = CliRunner().invoke(cli, ["extract", "--dict", str(path), "--types", "company",
                                      "--ref-date", "2024-11-24", "-f", "jsonl", str(SEED_002)])
    assert result.exit_code == 0, result.output
    entities = json.loads(result.stdout)["entities"]
    hits = [e for e in entities if e["normalized"] == "奇點空間設計"]
    assert hits, "the user company was not found"
    text = SEED_002.read_text(encoding="utf-8")
    assert all(text[e["start"]:e["end"]] == e["text"] for e in hits)
    assert any(e["text"] == "奇點空間設計" for e in hits)


@pytest.mark.skipif(not (SEEDS / "003_fbd2b042641ab395.txt").exists(), reason="needs seeds/003")
def test_user_entries_win_over_built_in_ones(tmp_path):
    path = write(tmp_path, "company\t台灣積體電路製造\t台積電|TSMC\tstock_code=2330\n")
    result = CliRunner().invoke(cli, ["extract", "--dict", str(path), "--types", "company", "-f", "jsonl",
                                      str(SEEDS / "003_fbd2b042641ab395.txt")])
    assert result.exit_code == 0, result.output
    tsmc = [e for e in json.loads(result.stdout)["entities"] if e["text"] == "台積電"]
    assert tsmc and all(e["normalized"] == "台灣積體電路製造" for e in tsmc)


# ---------------------------------------------------------------- user officials and titles

USER_NEWS = (
    "發布日期:3/9/2026\n"
    "星河動力主席王大明昨(8)日宣布擴廠,科創署首席科學家韓立群到場致詞。\n"
    "OpenAI執行長奧特曼也視訊出席;奧特曼稱,下一代模型年底前推出。\n"
    "晚間林育陞與黃一峰一同用餐,黃一峰說很愉快。\n"
)


def user_entities(tmp_path, dictionary: str, types: str = "official,company") -> list[dict]:
    path = write(tmp_path, dictionary)
    result = CliRunner().invoke(cli, ["extract", "--dict", str(path), "--types", types, "-f", "jsonl", "-"],
                                input=USER_NEWS)
    assert result.exit_code == 0, result.output
    entities = json.loads(result.stdout)["entities"]
    assert all(USER_NEWS[e["start"]:e["end"]] == e["text"] for e in entities)
    return entities


def officials(entities) -> list[tuple]:
    return [(e["text"], e["normalized"], e.get("title"), e.get("org"), e["rule"])
            for e in entities if e["type"] == "official"]


def test_a_user_title_is_a_title_to_the_officials_grammar(tmp_path):
    assert not any(e["normalized"] == "韓立群" for e in user_entities(tmp_path, "company\t星河動力\n"))
    found = officials(user_entities(tmp_path, "title\t首席科學家\n"))
    assert ("首席科學家韓立群", "韓立群", "首席科學家", "科創署", "official.title_name") in found


def test_a_user_official_is_a_name_beside_a_title_and_alone_with_the_entry_title(tmp_path):
    # OpenAI is a foreign company, so the grammar reads its officer's transliteration even without
    # the entry; the entry adds the title to the bare mention.
    assert any(e["normalized"] == "奧特曼" for e in user_entities(tmp_path, "company\t星河動力\n"))
    found = officials(user_entities(tmp_path, "official\t奧特曼\tSam Altman\ttitle=執行長;org=OpenAI\n"))
    assert ("執行長奧特曼", "奧特曼", "執行長", "OpenAI", "official.title_name") in found
    # The second mention has no title in the text: the entry gives it.
    assert ("奧特曼", "奧特曼", "執行長", "OpenAI", "official.dictionary") in found


def test_a_user_official_without_a_title_needs_one_in_the_text(tmp_path):
    found = officials(user_entities(tmp_path, "official\t黃一峰\nofficial\t奧特曼\n"))
    assert not any(name == "黃一峰" for _, name, *_ in found)  # never titled: no official
    assert [f for f in found if f[1] == "奧特曼"] == [
        ("執行長奧特曼", "奧特曼", "執行長", "OpenAI", "official.title_name"),
        ("奧特曼", "奧特曼", "執行長", "OpenAI", "official.name_mention"),
    ]


def test_a_user_official_alias_normalizes_to_the_entry_name(tmp_path):
    path = write(tmp_path, "official\t奧特曼\tSam Altman\ttitle=執行長\n")
    result = CliRunner().invoke(cli, ["extract", "--dict", str(path), "--types", "official", "-f", "jsonl", "-"],
                                input="他見到了執行長Sam Altman。\n")
    (entity,) = json.loads(result.stdout)["entities"]
    assert (entity["text"], entity["normalized"], entity["title"]) == ("執行長Sam Altman", "奧特曼", "執行長")


def test_a_user_company_before_a_title_is_found_and_is_the_officials_org(tmp_path):
    without = user_entities(tmp_path, "title\t首席科學家\n")
    assert not any(e["type"] == "company" and e["normalized"] == "星河動力" for e in without)
    entities = user_entities(tmp_path, "company\t星河動力\t\tcountry=TW\n")
    company = [e for e in entities if e["type"] == "company" and e["normalized"] == "星河動力"]
    assert [(e["text"], e["start"]) for e in company] == [("星河動力", USER_NEWS.index("星河動力"))]
    assert ("主席王大明", "王大明", "主席", "星河動力", "official.title_name") in officials(entities)
