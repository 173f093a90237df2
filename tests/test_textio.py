"""Finding inputs and decoding them: aicity.textio."""
from __future__ import annotations

import codecs
import io
import os
import sys

import pytest

from aicity import textio
from aicity.convert import convert
from aicity.textio import (
    DEFAULT_GLOBS,
    DecodeError,
    InputItem,
    collect_inputs,
    decode,
    display_path,
    inspect_file,
    read_text,
)

TRADITIONAL = "臺北市長蔣萬安今(16)日表示,台積電將在高雄投資新臺幣1,000億元,預計2025年3月完工。"
SIMPLIFIED = convert(TRADITIONAL, "t2s")


# ---------------------------------------------------------------- decode

@pytest.mark.parametrize("text", [TRADITIONAL, SIMPLIFIED, "", "   \n\t\n", "ascii only\r\n"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom",
                                      "utf-32"])
def test_unicode_encodings_round_trip(text, encoding):
    if encoding == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    decoded, used = decode(data)
    assert decoded == text


def test_utf8_bom_is_dropped_so_offsets_start_at_the_text():
    decoded, used = decode(codecs.BOM_UTF8 + "臺北市".encode("utf-8"))
    assert decoded == "臺北市"
    assert used == "utf-8-sig"


@pytest.mark.parametrize("text", [
    TRADITIONAL,
    "台北",  # two characters: once refused as "truncated UTF-8"
    "中",
    "高雄港",
    "投資理財\n\n    臺中市與德國Bosch深入交流,攜手推動電動車產業\n",
])
def test_big5_without_bom(text):
    decoded, used = decode(text.encode("cp950"))
    assert decoded == text
    assert used in textio.BIG5_ENCODINGS


@pytest.mark.parametrize("text", [
    SIMPLIFIED,
    "北京市",  # once read as Big5 mojibake (控儔庈)
    "金门内斗",
    "上海市副市长表示,公司投资3亿元人民币。",
])
def test_gb18030_without_bom(text):
    decoded, used = decode(text.encode("gb18030"))
    assert decoded == text
    assert used == "gb18030"


def test_big5_and_gb18030_seed_pages(seed_texts):
    """Whole pages: every Big5-encodable line of each seed, and its Simplified form in GB18030."""
    for name, text in seed_texts.items():
        big5_lines = []
        for line in text.splitlines(keepends=True):
            try:
                if line.encode("cp950").decode("cp950") != line:  # • -> ‧: cp950 is lossy there
                    continue
            except UnicodeEncodeError:
                continue
            big5_lines.append(line)
        big5 = "".join(big5_lines)
        assert decode(big5.encode("cp950"))[0] == big5, name
        simplified = convert(text, "t2s")
        assert decode(simplified.encode("gb18030"))[0] == simplified, name


def test_emoji_combining_and_full_width_forms_survive():
    text = "台積電😀股價e\u0301漲ＡＢＣ１２３億元\u3000臺北市👍🏽\u200d"
    assert decode(text.encode("utf-8"))[0] == text
    assert decode(text.encode("utf-16"))[0] == text


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "^binary file"),
    ("台積電\x00股價".encode("utf-8"), "NUL"),
    ("臺北市長蔣萬安".encode("utf-8")[:-1], "truncated UTF-8"),
    ("臺北市長蔣萬安".encode("utf-8")[:-2], "truncated UTF-8"),
    ("臺北市長蔣萬安今天表示\n".encode("utf-8") + "台積電將投資新臺幣一千億元\n".encode("cp950"), "mixed encodings"),
    ("台積電將投資新臺幣一千億元\n".encode("cp950") + "臺北市長蔣萬安今天表示\n".encode("utf-8"), "mixed encodings"),
    (("長" * 200).encode("utf-8") + b"\xff" + ("長" * 200).encode("utf-8"), "invalid UTF-8"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "byte-order mark"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "byte-order mark"),
    (bytes(range(0x80, 0x100)) * 4, "not text"),
])
def test_undecodable_bytes_are_reported_not_guessed(data, message):
    with pytest.raises(DecodeError, match=message):
        decode(data)


def test_utf16_without_bom_is_refused_with_a_hint():
    with pytest.raises(DecodeError, match="--encoding utf-16-le"):
        decode("臺北市abc".encode("utf-16-le"))


def test_error_position_names_byte_and_line():
    data = ("第一行臺北市\n" * 3).encode("utf-8") + "第四行".encode("utf-8")[:-1]
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert f"byte {len(data) - 2}" in str(info.value)
    assert "line 4" in str(info.value)


def test_read_text_with_explicit_encoding(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("臺北\x00市".encode("utf-16-le"))
    assert read_text(str(path), "utf-16-le") == ("臺北\x00市", "utf-16-le")
    path.write_bytes(codecs.BOM_UTF8 + "臺北".encode("utf-8"))
    assert read_text(str(path), "utf-8")[0] == "臺北"
    path.write_bytes("臺北".encode("cp950"))
    with pytest.raises(DecodeError, match="not valid utf-8"):
        read_text(str(path), "utf-8")
    with pytest.raises(DecodeError, match="unknown encoding"):
        read_text(str(path), "no-such-codec")


def test_read_text_from_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("臺北市".encode("cp950"))))
    assert read_text("-")[0] == "臺北市"


def test_read_text_without_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(OSError, match="no standard input"):
        read_text("-")


# ---------------------------------------------------------------- collect_inputs

def make_tree(root, files):
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def test_folder_walk_is_recursive_sorted_and_filtered(tmp_path):
    make_tree(tmp_path, {
        "b.txt": "b", "a.md": "a", "z/c.txt": "c", "y/d.html": "d", "y/x/e.txt": "e",
        "skip.csv": "x", "y/skip.json": "x",
    })
    items = collect_inputs([str(tmp_path)])
    assert [os.path.relpath(i.path, tmp_path) for i in items] == [
        "a.md", "b.txt", "y/d.html", "y/x/e.txt", "z/c.txt",
    ]
    assert all(i.error is None for i in items)


def test_glob_picks_names_in_folders(tmp_path):
    make_tree(tmp_path, {"a.txt": "a", "b.csv": "b", "sub/c.csv": "c"})
    items = collect_inputs([str(tmp_path)], ("*.csv",))
    assert [os.path.relpath(i.path, tmp_path) for i in items] == ["b.csv", "sub/c.csv"]
    items = collect_inputs([str(tmp_path)], ("*.csv", "a.*"))
    assert [os.path.relpath(i.path, tmp_path) for i in items] == ["a.txt", "b.csv", "sub/c.csv"]


def test_explicit_files_are_taken_whatever_their_name_in_the_order_given(tmp_path):
    make_tree(tmp_path, {"b.csv": "b", "a.dat": "a"})
    items = collect_inputs([str(tmp_path / "b.csv"), "-", str(tmp_path / "a.dat")])
    assert [i.path for i in items] == [str(tmp_path / "b.csv"), "-", str(tmp_path / "a.dat")]
    assert all(i.error is None for i in items)


def test_missing_path_and_empty_folder_are_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    make_tree(tmp_path, {"only/data.csv": "x"})
    items = collect_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "empty"), str(tmp_path / "only")])
    assert [(i.path, i.error) for i in items] == [
        (str(tmp_path / "nope.txt"), "no such file or folder"),
        (str(tmp_path / "empty"), f"no files matching {' '.join(DEFAULT_GLOBS)} in this folder "
                                  "(use --glob to pick others)"),
        (str(tmp_path / "only"), f"no files matching {' '.join(DEFAULT_GLOBS)} in this folder "
                                 "(use --glob to pick others)"),
    ]


def test_symlink_loops(tmp_path):
    make_tree(tmp_path, {"d/a.txt": "a", "d/sub/b.txt": "b"})
    os.symlink("..", tmp_path / "d" / "sub" / "up")          # folder loop
    os.symlink("self.txt", tmp_path / "d" / "self.txt")      # file loop
    os.symlink("gone.txt", tmp_path / "d" / "broken.txt")    # dangling
    os.symlink("self2", tmp_path / "loop")
    os.symlink("loop", tmp_path / "self2")
    items = collect_inputs([str(tmp_path / "d"), str(tmp_path / "loop")])
    got = {os.path.relpath(i.path, tmp_path): i.error for i in items}
    assert got == {
        "d/a.txt": None,
        "d/broken.txt": "broken symlink; skipped",
        "d/self.txt": "symlink loop (too many levels of symbolic links); skipped",
        "d/sub/b.txt": None,
        "d/sub/up": "symlink loop (links back to a folder above it); skipped",
        "loop": "symlink loop (too many levels of symbolic links); skipped",
    }


def test_symlinked_folder_seen_twice_is_not_a_loop(tmp_path):
    make_tree(tmp_path, {"real/a.txt": "a"})
    os.symlink("real", tmp_path / "alias")
    items = collect_inputs([str(tmp_path)])
    assert [(os.path.relpath(i.path, tmp_path), i.error) for i in items] == [
        ("alias/a.txt", None), ("real/a.txt", None),
    ]


def test_fifo_and_devices_are_reported_without_opening_them(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text("ok")
    items = collect_inputs([str(tmp_path), "/dev/null", str(tmp_path / "pipe.txt")])
    assert [(os.path.basename(i.path), i.error) for i in items] == [
        ("ok.txt", None),
        ("pipe.txt", "a FIFO (named pipe), not a regular file; skipped"),
        ("null", "a character device, not a regular file; skipped"),
        ("pipe.txt", "a FIFO (named pipe), not a regular file; skipped"),
    ]
    assert inspect_file("/dev/null").error == "a character device, not a regular file; skipped"
    assert inspect_file(str(tmp_path)).error == "is a folder"
    assert inspect_file("-") == InputItem("-")


def test_unreadable_folder_is_an_error_item(tmp_path, monkeypatch):
    make_tree(tmp_path, {"a.txt": "a", "locked/b.txt": "b", "z.txt": "z"})
    real_scandir = os.scandir
    locked = str(tmp_path / "locked")

    def scandir(path):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(textio.os, "scandir", scandir)
    items = collect_inputs([str(tmp_path)])
    assert [(os.path.relpath(i.path, tmp_path), i.error) for i in items] == [
        ("a.txt", None), ("locked", "permission denied"), ("z.txt", None),
    ]


def test_deep_tree_does_not_hit_the_recursion_limit(tmp_path):
    folder = tmp_path
    for _ in range(60):
        folder = folder / "d"
    folder.mkdir(parents=True)
    (folder / "deep.txt").write_text("x")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(80)
    try:
        items = collect_inputs([str(tmp_path)])
    finally:
        sys.setrecursionlimit(limit)
    assert [i.path for i in items] == [str(folder / "deep.txt")]


def test_display_path_keeps_undecodable_file_names_printable():
    assert display_path("臺北/a.txt") == "臺北/a.txt"
    name = os.fsdecode(b"caf\xe9.txt")
    assert display_path(name) == "caf\\xe9.txt"
    display_path(name).encode("utf-8")
