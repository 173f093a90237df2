"""`aicity extract --engine dask`: the same output as a local run, from a real cluster of processes."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicity.cli import cli
from aicity.model import ENTITY_TYPES

distributed = pytest.importorskip("distributed")
dask_engine = pytest.importorskip("aicity.commands.dask_engine")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module", autouse=True)
def _dask_scratch_in_pytest_tmp(tmp_path_factory):
    """Workers' scratch space in pytest's tmp, not /tmp/dask-scratch-space (passed on to workers)."""
    import dask

    with dask.config.set({"temporary-directory": str(tmp_path_factory.mktemp("dask-scratch"))}):
        yield


@pytest.fixture(scope="module")
def cluster(_dask_scratch_in_pytest_tmp):
    """Two single-threaded worker processes, shared by the tests of this module (startup is the slow part)."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        scheduler_kwargs={"dashboard_address": ":0"},
    ) as local_cluster:
        yield local_cluster


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """20 files (the seeds four times), enough for partitions of several files each."""
    folder = tmp_path_factory.mktemp("corpus")
    for copy in range(4):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copyfile(seed, folder / f"{copy}_{seed.name}")
    return folder


def local_lines(*args: str) -> list[str]:
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def partition_lines(outdir: Path) -> list[str]:
    parts = sorted(outdir.glob("part-*.jsonl"))
    assert [p.name for p in parts] == [f"part-{i:05d}.jsonl" for i in range(len(parts))]
    return [line for part in parts for line in part.read_text(encoding="utf-8").splitlines()]


def dask_run(*args: str):
    return CliRunner().invoke(cli, ["extract", "--engine", "dask", *args])


@pytest.mark.parametrize("folder", ["seeds", "corpus"])
def test_partitions_equal_the_local_jsonl_output(cluster, corpus, tmp_path, folder):
    source = SEEDS if folder == "seeds" else corpus
    outdir = tmp_path / "out"
    result = dask_run(str(source), "--scheduler", cluster.scheduler_address, "-o", str(outdir))
    assert result.exit_code == 0, result.output
    lines = partition_lines(outdir)
    assert lines == local_lines(str(source))
    files = len(list(source.glob("*.txt")))
    parts = len(list(outdir.glob("part-*.jsonl")))
    # partitions of many files, not one task per file, once there are enough files
    assert parts == -(-files // dask_engine.partition_size(files, 2))
    if folder == "corpus":
        assert parts < files
    else:
        seed = json.loads(lines[0])
        assert seed["ref_date"] == "2025-02-17"
        assert "109000000000 EUR" in [e["normalized"] for e in seed["entities"] if e["type"] == "money"]


def test_each_worker_builds_the_extractors_once(cluster, corpus, tmp_path):
    result = dask_run(str(corpus), "--scheduler", cluster.scheduler_address, "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output

    def extractor_cache():
        from aicity.extractors import get_extractor

        info = get_extractor.cache_info()
        return os.getpid(), info.misses, info.hits

    with distributed.Client(cluster) as client:
        per_worker = list(client.run(extractor_cache).values())
    assert len({pid for pid, _, _ in per_worker}) == 2 and os.getpid() not in {p for p, _, _ in per_worker}
    # at most one build per type per worker process, however many documents it extracted
    assert all(misses <= len(ENTITY_TYPES) for _, misses, _ in per_worker)
    assert sum(misses + hits for _, misses, hits in per_worker) >= 20  # and they did the work


def test_failed_inputs_are_reported_and_counted(cluster, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copyfile(SEEDS / "000_54bfc9fa5cc0f4e0.txt", folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01binary\x00")
    missing = tmp_path / "missing.txt"
    outdir = tmp_path / "out"
    (outdir).mkdir()
    (outdir / "part-00042.jsonl").write_text("stale\n", encoding="utf-8")

    result = dask_run(str(folder), str(missing), "--scheduler", cluster.scheduler_address, "-o", str(outdir))
    assert result.exit_code == 1
    assert f"aicity: {folder / 'b.txt'}: " in result.output
    assert f"aicity: {missing}: no such file" in result.output
    assert partition_lines(outdir) == local_lines(str(folder / "a.txt"))  # stale part gone, a.txt kept


def test_documents_dated_by_today_are_noted_once(cluster, tmp_path):
    folder = tmp_path / "undated"
    folder.mkdir()
    shutil.copyfile(SEEDS / "000_54bfc9fa5cc0f4e0.txt", folder / "a.txt")  # a header date
    for name in ("b.txt", "c.txt", "d.txt"):
        (folder / name).write_text("市議會今天開議。", encoding="utf-8")
    outdir = tmp_path / "out"
    result = dask_run(str(folder), "--scheduler", cluster.scheduler_address, "-o", str(outdir))
    assert result.exit_code == 0
    lines = partition_lines(outdir)
    assert [json.loads(line)["ref_date_source"] for line in lines] == ["header", "today", "today", "today"]
    today = json.loads(lines[1])["ref_date"]
    assert result.stderr == ("aicity: note: 3 documents have no date of their own; relative dates in them "
                             f"are counted from today ({today}): give --ref-date\n")
    quiet = dask_run(str(folder), "--scheduler", cluster.scheduler_address, "-o", str(outdir), "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_fsspec_urls_are_read_on_the_workers(cluster, tmp_path):
    outdir = tmp_path / "out"
    url = SEEDS.as_uri()  # file:///.../seeds
    result = dask_run(url, "--scheduler", cluster.scheduler_address, "-o", str(outdir))
    assert result.exit_code == 0, result.output
    remote = [json.loads(line) for line in partition_lines(outdir)]
    local = [json.loads(line) for line in local_lines(str(SEEDS))]
    assert [d["path"] for d in remote] == [Path(d["path"]).as_uri() for d in local]
    assert [(d["ref_date"], d["entities"]) for d in remote] == [(d["ref_date"], d["entities"]) for d in local]


def test_without_a_scheduler_a_local_cluster_is_started(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_engine, "default_jobs", lambda: 2)  # whatever the machine's cores
    outdir = tmp_path / "out"
    result = dask_run(str(SEEDS), "-o", str(outdir))
    assert result.exit_code == 0, result.output
    assert partition_lines(outdir) == local_lines(str(SEEDS))


def test_without_dask_the_error_says_how_to_install(monkeypatch, tmp_path):
    for module in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, module, None)  # `import` now raises ImportError
    result = dask_run(str(SEEDS), "-o", str(tmp_path / "out"))
    assert result.exit_code in (1, 2)
    assert "pip install -e '.[dask]'" in result.output


def test_dask_engine_needs_an_output_folder():
    result = dask_run(str(SEEDS))
    assert result.exit_code == 2
    assert "-o OUTDIR" in result.output


def test_standard_input_is_refused():
    result = CliRunner().invoke(cli, ["extract", "-", "--engine", "dask", "-o", "out"], input="臺北市")
    assert result.exit_code == 2
    assert "not standard input" in result.output
