"""Shared fixtures: the seed pages, a CLI runner, the installed console script, big inputs."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = tuple(sorted(SEEDS.glob("*.txt")))
# shared/ sits beside the work tree (here and in CI's fresh clone).
GOLD = ROOT.parent / "shared" / "gold" / "seeds.jsonl"
# The installed console script of the interpreter running the tests (.venv/bin/aicity).
AICITY = Path(sys.executable).with_name("aicity")

# A news paragraph with every entity type; repeated to build big inputs.
NEWS_SENTENCE = (
    "發布日期:2/17/2025 桃園市長張善政與台積電董事長魏哲家今(16)日在臺北市會面,"
    "宣布2025年3月5日起投資新臺幣1,090億元,另以3,200萬美元收購法國SiPearl股份。"
)


@pytest.fixture(autouse=True, scope="session")
def _pattern_cache_of_the_session(tmp_path_factory):
    """The compiled-pattern cache (aicity.regex_cache) in a folder of this run's own, for
    the tests in this process and the CLI processes they start, not the user's."""
    os.environ["AICITY_CACHE_DIR"] = str(tmp_path_factory.mktemp("aicity-cache"))


@pytest.fixture(autouse=True, scope="session")
def _jieba_cache_out_of_tmp(tmp_path_factory):
    """Keep jieba's model cache out of /tmp (STYLE.md §8)."""
    try:
        import jieba
    except ImportError:  # pragma: no cover
        return
    jieba.dt.tmp_dir = str(tmp_path_factory.mktemp("jieba"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in SEED_FILES}


@pytest.fixture(scope="session")
def gold_ref_dates() -> dict[str, str]:
    if not GOLD.exists():
        pytest.skip(f"no gold file at {GOLD}")
    with GOLD.open(encoding="utf-8") as fh:
        return {doc["doc"]: doc["ref_date"] for doc in map(json.loads, fh)}


@pytest.fixture(scope="session")
def subprocess_env(tmp_path_factory) -> dict[str, str]:
    """Environment for running the installed ``aicity``: temp files (jieba's cache) kept in pytest's tmp."""
    env = dict(os.environ)
    env["TMPDIR"] = str(tmp_path_factory.mktemp("subprocess-tmp"))
    env.pop("AICITY_DEBUG", None)
    env["PYTHONUNBUFFERED"] = "0"
    return env


@pytest.fixture(scope="session")
def aicity_bin() -> str:
    if not AICITY.exists():
        pytest.skip(f"console script not installed at {AICITY} (pip install -e .)")
    return str(AICITY)


@pytest.fixture(scope="session")
def many_seeds_dir(tmp_path_factory) -> Path:
    """100 copies of the seed pages (about 1 MB of JSONL out): far more than a pipe holds."""
    folder = tmp_path_factory.mktemp("many-seeds")
    for copy in range(20):
        for seed in SEED_FILES:
            shutil.copyfile(seed, folder / f"{copy:03d}_{seed.name}")
    return folder


def seed_text_one_line() -> str:
    """All seed pages as one line (newlines turned into spaces)."""
    return " ".join(path.read_text(encoding="utf-8") for path in SEED_FILES).replace("\n", " ")


# Ordinary prose without entities, the bulk of the big file.
FILLER = "這是一段沒有任何實體的普通文字,用來測試很長的一行的處理速度與記憶體用量。"


@pytest.fixture(scope="session")
def big_one_line_file(tmp_path_factory) -> Path:
    """A 20 MB UTF-8 file with no newline at all: news text (every type of entity,
    about 60,000 of them) between runs of plain prose, about 7 million characters."""
    path = tmp_path_factory.mktemp("big") / "one_line_20mb.txt"
    news = seed_text_one_line()[:1500]
    unit = (news + FILLER * 120).encode("utf-8")
    size = 20 * 1024 * 1024
    data = unit * (size // len(unit) + 1)
    path.write_bytes(data[:size].decode("utf-8", "ignore").encode("utf-8"))
    return path


def run_aicity(args, env, **kwargs) -> subprocess.CompletedProcess:
    """Run the installed console script; bytes in, bytes out."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("timeout", 120)
    return subprocess.run([str(AICITY), *map(str, args)], env=env, **kwargs)


def assert_no_traceback(stderr: str | bytes) -> None:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text, text
    assert "Exception ignored" not in text, text


def run_on_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """Run a command with its stdout on a pseudo-terminal; what it wrote there."""
    import pty

    controller, terminal = pty.openpty()
    process = subprocess.run(args, stdout=terminal, stderr=subprocess.DEVNULL, env=env, timeout=120)
    os.close(terminal)
    seen = bytearray()
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the other side is closed and everything was read
            break
        if not chunk:
            break
        seen.extend(chunk)
    os.close(controller)
    assert process.returncode == 0, bytes(seen)
    return bytes(seen)


def colour_codes(output: bytes) -> set[int]:
    """The foreground colour codes (30-38, 90-97) in the SGR sequences of ``output``."""
    import re

    codes = set()
    for params in re.findall(rb"\x1b\[([0-9;]*)m", output):
        codes.update(int(p) for p in params.split(b";") if p and (30 <= int(p) <= 38 or 90 <= int(p) <= 97))
    return codes
