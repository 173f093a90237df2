"""``aicity extract --engine dask``: the same extraction as a Dask bag over the files.

The files are split, in input order, into partitions of many documents each;
one task per partition reads its files (local paths, or any fsspec URL such as
``s3://bucket/news/a.txt``), runs the one core (:func:`aicity.runner.process_item`
/ :func:`aicity.runner.extract_text`) and writes ``OUTDIR/part-NNNNN.jsonl``
itself, each line exactly what ``aicity extract --format jsonl`` prints.
Reading ``part-00000.jsonl``, ``part-00001.jsonl`` ... in name order gives
the local output, line for line. Only a small summary per partition (lines
written, failed paths) travels back to the client.

Each worker process builds the extractors and their dictionaries once, on
its first task (:func:`aicity.extractors.get_extractor` caches them per
process), and reuses them for every document of every later partition.
"""
from __future__ import annotations

import logging
import math
import os
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from typing import Callable, Iterable, NamedTuple

import click

from ..model import TODAY_SOURCES, DocumentResult
from ..runner import Options, default_jobs, process_item, warm_up
from ..textio import DEFAULT_GLOBS, STDIN, InputItem, read_bytes

DASK_MISSING = (
    "--engine dask needs Dask, which is not installed; "
    "install the dask extra, in a checkout of aicity: pip install -e '.[dask]'"
)
PART_NAME = "part-{:05d}.jsonl"
PARTS_PER_WORKER = 4        # at least a few tasks per worker, to balance uneven files;
MAX_PARTITION_FILES = 100   # a few seconds of work each: a short tail, little lost if a worker dies
URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


class FileTask(NamedTuple):
    """One input file as shipped to a worker."""

    partition: int
    path: str       # as the user gave it; what the output shows
    location: str   # what the worker opens: an absolute path or a URL


class PartitionSummary(NamedTuple):
    partition: int
    written: int
    failures: tuple[tuple[str, str], ...]   # (path, error)
    # the ref_date_source of each document dated by today's date ("today", "dateline+today")
    undated: tuple[str, ...] = ()


def is_url(path: str) -> bool:
    return bool(URL.match(path))


def run_dask(
    items: list[InputItem],
    options: Options,
    outdir: str,
    scheduler: str | None = None,
    globs: Iterable[str] | None = None,
    *,
    report: Callable[[str, str], None],
    undated: Counter | None = None,
) -> int:
    """Extract ``items`` on a Dask cluster into JSONL partitions; return the number of failed inputs.

    Without ``scheduler`` a local cluster with one single-threaded worker
    process per core is started and stopped; with one (``tcp://host:8786``),
    the running cluster is used and ``outdir`` must be reachable from its
    workers (a shared folder, or a URL such as ``s3://bucket/out``). Each failed
    input goes to ``report(path, reason)`` (the CLI's stderr line). Earlier ``part-*.jsonl``
    files in ``outdir`` are removed first, so the folder holds this run only.
    ``undated``, when given, counts the documents dated by today's date by their
    ``ref_date_source``.
    """
    try:
        import dask.bag
        from distributed import Client, LocalCluster
    except ImportError:
        raise click.ClickException(DASK_MISSING) from None

    if any(item.path == STDIN for item in items):
        raise click.UsageError("--engine dask reads files and URLs, not standard input (-); use --engine local")
    failures = 0
    files: list[tuple[str, str]] = []   # (path as given, location for the worker)
    for item in expand_urls(items, globs):
        if item.error:
            failures += 1
            report(item.path, item.error)
        else:
            files.append((item.path, item.path if is_url(item.path) else os.path.abspath(item.path)))
    if not is_url(outdir):
        outdir = os.path.abspath(outdir)
    _prepare_outdir(outdir)
    if not files:
        return failures

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            if _prefer_fork():
                # Forked workers inherit the dictionaries built here: built once, not once per worker.
                try:
                    warm_up(options.types, options.user_dict)
                except Exception:  # noqa: BLE001 - the workers report it per document
                    pass
            with _quiet_children():
                cluster = LocalCluster(
                    n_workers=default_jobs(), threads_per_worker=1, processes=True,
                    # Failed inputs are reported here, by path; the cluster's own
                    # log (heartbeats lost at shutdown ...) is noise on stderr.
                    dashboard_address=None, silence_logs=logging.CRITICAL,
                    # The scheduler serves /health even without a dashboard; on a
                    # free port, so a Jupyter cluster on 8787 does not collide.
                    scheduler_kwargs={"dashboard_address": ":0"},
                )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise click.ClickException(f"cannot start or reach {where}: {exc}") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = partition_size(len(files), workers)
        tasks = [FileTask(index // size, path, location) for index, (path, location) in enumerate(files)]
        # from_sequence cuts consecutive runs of `size`, matching FileTask.partition.
        bag = dask.bag.from_sequence(tasks, partition_size=size)
        summaries = bag.map_partitions(extract_partition, options, outdir)
        # One future per partition; report in partition order, as a local run would.
        for future in client.compute(summaries.to_delayed()):
            for summary in future.result():
                for path, message in summary.failures:
                    failures += 1
                    report(path, message)
                if undated is not None:
                    undated.update(summary.undated)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return failures


@contextmanager
def _quiet_children():
    """Start the local cluster's processes deaf to Ctrl-C, and with the default
    (silent) action for SIGTERM and SIGHUP.

    Workers would otherwise each print a traceback when Ctrl-C reaches the
    whole process group; the main process handles these signals and closes
    the cluster. While the workers start, Ctrl-C is ignored: an ignored signal
    stays ignored in a spawned interpreter (Python then installs no
    KeyboardInterrupt handler, nor does asyncio), and a forked one inherits
    the blocked mask too. A Ctrl-C in those two seconds is lost; one after
    them stops the run.
    """
    import signal

    mask = getattr(signal, "pthread_sigmask", None)
    others = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    if mask is None:
        yield
        return
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, *others)}
    previous = mask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for signum in others:
            signal.signal(signum, signal.SIG_DFL)
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
        mask(signal.SIG_SETMASK, previous)


def partition_size(count: int, workers: int) -> int:
    """Files per partition: a few partitions per worker, each of many files."""
    return max(1, min(MAX_PARTITION_FILES, math.ceil(count / (workers * PARTS_PER_WORKER))))


def extract_partition(tasks: list[FileTask], options: Options, outdir: str) -> list[PartitionSummary]:
    """Worker side: extract one partition's files and write its JSONL file."""
    import fsspec

    from ..output import JsonlRenderer  # the exact line format of --format jsonl

    partition = tasks[0].partition
    target = f"{outdir.rstrip('/')}/{PART_NAME.format(partition)}"
    # Local files are written under a temporary name and renamed, so a part
    # file is either whole or absent; object stores publish on close anyway.
    temporary = target if is_url(outdir) else f"{os.path.dirname(target)}/.{os.path.basename(target)}.tmp"
    written = 0
    failures = []
    undated = []
    with fsspec.open(temporary, "w", encoding="utf-8", newline="\n") as stream:
        renderer = JsonlRenderer(stream)
        for task in tasks:
            result = extract_one(task, options)
            if result.error:
                failures.append((result.path, result.error))
                continue
            renderer.write(result)
            written += 1
            if result.ref_date_source in TODAY_SOURCES:
                undated.append(result.ref_date_source)
    if temporary != target:
        os.replace(temporary, target)
    return [PartitionSummary(partition, written, tuple(failures), tuple(undated))]


def _prefer_fork() -> bool:
    """Whether the local workers will be forked (and so inherit dictionaries built here).

    Dask spawns fresh interpreters by default, and aicity keeps that default:
    forking a process that already runs Dask's threads (its event loop, queue
    feeders) could leave a worker holding a lock no thread will release, and the
    cluster's start then hung for good, once in a few runs. Spawned workers pay
    the import and dictionary build each (about 0.7 s more per run) but never
    hang. A user who sets ``distributed.worker.multiprocessing-method: fork`` in
    Dask's configuration gets forked workers, with the dictionaries built first.

    The local workers' statistical profiler (a stack sample every 10 ms, for
    the dashboard, which a local run does not open) is turned off.
    """
    import dask

    dask.config.set({"distributed.worker.profile.enabled": False})
    return dask.config.get("distributed.worker.multiprocessing-method", "spawn") == "fork"


def extract_one(task: FileTask, options: Options) -> DocumentResult:
    """One file through the core, exactly as the CLI reads it; a URL's bytes come through fsspec."""
    reader = read_url if is_url(task.location) else read_bytes
    # Workers open the absolute path or URL; the output shows the path as given.
    return replace(process_item(InputItem(task.location), options, reader), path=task.path)


def read_url(url: str, max_size: int | None = None) -> bytes:
    import fsspec

    from ..textio import InputTooLarge

    with fsspec.open(url, "rb") as fh:
        data = fh.read() if max_size is None else fh.read(max_size + 1)
    if max_size is not None and len(data) > max_size:
        raise InputTooLarge(url, max_size)
    return data


def expand_urls(items: list[InputItem], globs: Iterable[str] | None = None) -> list[InputItem]:
    """Replace URL inputs (which ``collect_inputs`` cannot stat) by the files they name.

    A URL of a folder or prefix is walked recursively, in sorted order, for
    names matching ``globs`` (default: the CLI's text-like suffixes); a glob
    URL (``s3://bucket/2025/*.txt``) is expanded by fsspec.
    """
    if not any(is_url(item.path) for item in items):
        return items
    import fnmatch

    import fsspec

    patterns = tuple(globs) if globs else DEFAULT_GLOBS
    expanded: list[InputItem] = []
    for item in items:
        if not is_url(item.path):
            expanded.append(item)
            continue
        try:
            fs, root = fsspec.core.url_to_fs(item.path)
            if any(ch in root for ch in "*?["):
                found = sorted(fs.glob(root))
            elif fs.isdir(root):
                found = sorted(
                    p for p in fs.find(root) if any(fnmatch.fnmatch(p.rsplit("/", 1)[-1], g) for g in patterns)
                )
                if not found:
                    expanded.append(InputItem(item.path, f"no files matching {', '.join(patterns)} under this URL"))
                    continue
            elif fs.exists(root):
                found = [root]
            else:
                expanded.append(InputItem(item.path, "no such file or folder"))
                continue
        except (ImportError, ValueError, OSError) as exc:  # unknown protocol, missing s3fs, no access
            expanded.append(InputItem(item.path, str(exc)))
            continue
        expanded.extend(InputItem(item.path if p == root else fs.unstrip_protocol(p)) for p in found)
    return expanded


def _prepare_outdir(outdir: str) -> None:
    import fsspec

    fs, root = fsspec.core.url_to_fs(outdir)
    try:
        fs.makedirs(root, exist_ok=True)
        stale = fs.glob(f"{root.rstrip('/')}/part-*.jsonl")
    except OSError as exc:
        raise click.ClickException(f"{outdir}: cannot write the partitions here: {exc}") from None
    if stale:
        fs.rm(stale)
