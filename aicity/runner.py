"""Running the core over many documents: in order, streamed, optionally in parallel.

:func:`run` yields one :class:`~aicity.model.DocumentResult` per input, in
input order whatever ``jobs`` is, as soon as it (and every input before it) is
done. Worker processes are forked once the extractors (and a user dictionary)
are built, and keep them for all the documents they are given. A worker that
dies (the out-of-memory killer, ``kill -9``) costs only the documents it held:
they come back with an error saying so, a new worker takes its place, and the
run goes on.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import signal
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .model import DocumentResult
from .output import RUN_SIGNALS
from .pipeline import extract_document
from .textio import DEFAULT_MAX_SIZE, STDIN, InputItem, read_bytes, read_document
from .webpage import is_web_page


@dataclass(frozen=True)
class Options:
    """What to extract; plain data so it pickles to worker processes.

    ``types`` is the parsed selection (:func:`aicity.pipeline.parse_types`),
    validated once where the user gave it.
    ``keep_text``: put each document's text in its result (the SQLite store
    indexes it); a web page's article text is always kept.
    """

    types: tuple[str, ...]
    ref_date: dt.date | None = None
    encoding: str | None = None
    user_dict: object | None = None
    keep_text: bool = False
    max_size: int | None = DEFAULT_MAX_SIZE


def extract_text(path: str, text: str, options: Options, encoding: str = "") -> DocumentResult:
    """Extract one decoded text into a :class:`DocumentResult`.

    A web page (``.html``, ``.htm``, ``.xhtml``, or an HTML document on
    standard input) is read for its article text, which the offsets then
    refer to, and its title, URL and publication date (see :mod:`aicity.webpage`).
    """
    page = None
    if is_web_page(path, text):
        from .webpage import read_page

        page = read_page(text)
        text = page.text
    ref_date, metadata = options.ref_date, False
    if ref_date is None and page is not None and page.date is not None:
        ref_date, metadata = page.date, True
    ref, entities, source = extract_document(text, options.types, ref_date, options.user_dict)
    if metadata:
        source = "metadata"
    return DocumentResult(
        path=path,
        ref_date=ref.isoformat(),
        entities=tuple(entities),
        characters=len(text),
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        encoding=encoding,
        ref_date_source=source,
        title=page.title if page is not None else None,
        url=page.url if page is not None else None,
        text=text if page is not None or options.keep_text else None,
        types=tuple(options.types),
    )


def process_item(
    item: InputItem, options: Options, reader: Callable[[str, int | None], bytes] = read_bytes,
) -> DocumentResult:
    """Read, decode and extract one input; failures come back as ``error``.

    An unexpected exception inside an extractor does not end the run either:
    it comes back as this document's error (``internal error: ...``), so every
    other document keeps its result. Set ``AICITY_DEBUG=1`` to raise it instead.
    """
    try:
        text, encoding = read_document(item, options.encoding, options.max_size, reader)
    except InputError as exc:
        return DocumentResult(path=item.path, ref_date=None, error=exc.reason)
    try:
        return extract_text(item.path, text, options, encoding)
    except Exception as exc:  # noqa: BLE001 - one bad document must not sink the rest
        if os.environ.get("AICITY_DEBUG"):
            raise
        return DocumentResult(
            path=item.path, ref_date=None,
            error=f"internal error while extracting: {type(exc).__name__}: {exc} "
                  "(please report it; AICITY_DEBUG=1 shows the traceback)",
        )


@dataclass(frozen=True, slots=True)
class Rendered:
    """A document rendered in a worker: what the writer writes for it, and
    the counts a caller reports, instead of its entities."""

    path: str
    text: str
    entity_count: int
    error: None = None
    ref_date_source: str | None = None


def _work(item: InputItem, options: Options, render: Callable[[DocumentResult], str] | None):
    result = process_item(item, options)
    if render is None or result.error:
        return result
    return Rendered(result.path, render(result), len(result.entities), ref_date_source=result.ref_date_source)


# What a worker sends when it has a chunk in hand: a worker that dies before
# it has taken a chunk lost none of it.
TAKEN = "taken"


def _serve(conn, options: Options, render) -> None:
    """A worker's loop: take a chunk of items (saying so), send back one result
    per item, in order.

    ``None`` ends it; so does the parent going away (EOF, a broken pipe),
    quietly: there is nobody left to report to.
    """
    # Ctrl-C, SIGTERM and SIGHUP are the parent's to handle (whole lines out,
    # its exit code); it then ends the workers, which print nothing of their own.
    for signum in RUN_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    try:
        while True:
            chunk = conn.recv()
            if chunk is None:
                return
            conn.send(TAKEN)
            for item in chunk:
                conn.send(_work(item, options, render))
    except (EOFError, OSError):
        return


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int | None) -> tuple[int, bool]:
    """``(worker processes to start, whether jobs was lowered to the cores)``.

    ``None`` or ``0`` mean one per core; more than the cores would only add
    processes (and memory) competing for the same cores, so it is capped.
    Raises ``ValueError`` (naming ``jobs``) for a negative number.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, (int, type(None))):
        raise TypeError(f"jobs must be an int, not {type(jobs).__name__}")
    if jobs is not None and jobs < 0:
        raise ValueError(f"jobs must be 0 (one per core) or more, not {jobs}")
    cores = default_jobs()
    if not jobs:
        return cores, False
    return min(jobs, cores), jobs > cores


def warm_up(types: Iterable[str], user_dict: object | None = None) -> None:
    """Build the extractors, their dictionaries and the user dictionary's in this process."""
    from .extractors import get_extractor

    types = tuple(types)
    for entity_type in types:
        get_extractor(entity_type)
    extract_document("2025年1月1日,臺北市長蔣萬安與台積電董事長魏哲家出席,投資1億元。",
                     types, dt.date(2025, 1, 1), user_dict)


def run(
    items: list[InputItem],
    options: Options,
    jobs: int = 1,
    render: Callable[[DocumentResult], str] | None = None,
) -> Iterator[DocumentResult | Rendered]:
    """Results for ``items`` in order. ``jobs > 1`` uses worker processes.

    With ``render`` (a picklable function, see :func:`aicity.output.document_renderer`)
    the workers render each document and send back a :class:`Rendered`, which is
    cheaper to send than the entities and leaves the writing process less to do;
    failed documents, and every document when ``jobs == 1``, come as
    :class:`DocumentResult`.

    The workers are started here, before the first result is asked for (so
    before a caller starts threads such as a progress bar); the returned
    generator ends them when exhausted, closed or garbage-collected. Standard
    input is read here, in the calling process. With the ``fork`` start method
    the dictionaries (the user's too) are built once before forking, so the
    workers share them copy-on-write, and the options reach a worker once, at
    its start, not with every document.
    """
    items = list(items)
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1 or len(items) < 2:
        return (process_item(item, options) for item in items)
    start_method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if start_method == "fork":
        try:
            warm_up(options.types, options.user_dict)
        except Exception:  # noqa: BLE001 - the workers report it per document
            pass
    # Stdin is read here, not in a worker.
    local = {i: process_item(item, options) for i, item in enumerate(items) if item.path == STDIN}
    pool = _Pool(multiprocessing.get_context(start_method), jobs, options, render)
    remote = [(i, item) for i, item in enumerate(items) if i not in local]
    # Small chunks keep the output streaming.
    chunksize = max(1, min(16, len(items) // (jobs * 8) or 1))
    return pool.results(len(items), local, remote, chunksize)


# Workers that die in a row before taking any document: past this, something
# kills every new process (a crash at start, a hostile supervisor), and
# starting more would only spin.
MAX_FRUITLESS_DEATHS = 8


class _Worker:
    """One worker process, its end of the pipe, and the item indices it was sent
    and has not answered yet, oldest first (it answers in order)."""

    def __init__(self, context, options: Options, render) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, options, render), daemon=True)
        self.process.start()
        child.close()
        self.pending: deque[int] = deque()
        self.sent: deque[int] = deque()  # sizes of the chunks sent and not yet taken
        self.taken = 0  # items of `pending` the worker has in hand
        self.answered = False

    def death(self) -> str:
        """How the process ended, for the message about the document it lost."""
        self.process.join(5)
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            hint = ", perhaps by the out-of-memory killer" if -code == signal.SIGKILL else ""
            return f"killed by {name}{hint}"
        return f"exit status {code}" if code is not None else "it stopped answering"

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


class _Pool:
    """Worker processes fed chunks of items, watched for death.

    ``multiprocessing.Pool`` waits forever for the results of a worker that
    was killed; here every worker's pipe is watched, and a dead one (EOF on
    its pipe) costs only the item it was working on: that item comes back as
    an error, the items it had not started go to the others, and a new
    worker takes its place.
    """

    def __init__(self, context, jobs: int, options: Options, render) -> None:
        self.context, self.options, self.render = context, options, render
        self.fruitless_deaths = 0  # deaths in a row of workers that had taken nothing
        self.workers: list[_Worker] = []
        try:
            for _ in range(jobs):
                self.workers.append(_Worker(context, options, render))
        except BaseException:
            self.close()
            raise

    def results(self, count: int, local: dict, remote: list[tuple[int, InputItem]],
                chunksize: int) -> Iterator[DocumentResult | Rendered]:
        items = dict(remote)
        todo: deque[int] = deque(i for i, _ in remote)
        done: dict[int, DocumentResult | Rendered] = dict(local)
        # At most this many items beyond the next one to yield are sent out, so
        # results waiting for a slow earlier document cannot pile up without bound.
        window = chunksize * len(self.workers) * 4
        try:
            for index in range(count):
                while index not in done:
                    self._dispatch(items, todo, done, chunksize, index + window)
                    self._receive(items, todo, done)
                yield done.pop(index)
            for worker in self.workers:
                try:
                    worker.conn.send(None)
                except OSError:  # it died meanwhile: there is nothing left to lose
                    pass
        finally:
            self.close()

    def _dispatch(self, items: dict, todo: deque[int], done: dict, chunksize: int, limit: int) -> None:
        for worker in list(self.workers):
            # Two chunks each: the next one is there when the current one is done.
            while todo and todo[0] < limit and len(worker.pending) < 2 * chunksize:
                chunk = []
                while todo and todo[0] < limit and len(chunk) < chunksize:
                    chunk.append(todo.popleft())
                try:
                    worker.conn.send([items[i] for i in chunk])
                except OSError:  # it died while idle: the chunk goes to its successor
                    todo.extendleft(reversed(chunk))
                    self._replace(worker, items, todo, done)
                    break
                worker.pending.extend(chunk)
                worker.sent.append(len(chunk))

    def _receive(self, items: dict, todo: deque[int], done: dict) -> None:
        by_conn = {worker.conn: worker for worker in self.workers}
        for conn in wait(list(by_conn)):
            worker = by_conn[conn]
            try:
                result = conn.recv()
            except (EOFError, OSError):
                self._replace(worker, items, todo, done)
                continue
            if isinstance(result, str):  # TAKEN
                worker.taken += worker.sent.popleft()
                continue
            done[worker.pending.popleft()] = result
            worker.taken -= 1
            worker.answered = True
            self.fruitless_deaths = 0

    def _replace(self, dead: _Worker, items: dict, todo: deque[int], done: dict) -> None:
        """A worker died: report the item it was on, give back the others, start another.

        Raises ``RuntimeError`` when workers keep dying without doing anything
        (not even taking a document), rather than starting them for ever.
        """
        how = dead.death()
        if dead.taken or dead.answered:
            self.fruitless_deaths = 0
        else:
            self.fruitless_deaths += 1
            if self.fruitless_deaths > MAX_FRUITLESS_DEATHS:
                raise RuntimeError(f"worker processes keep dying as soon as they start ({how})")
        if dead.taken:  # it answers in order: the first item unanswered is the one it was on
            lost = dead.pending.popleft()
            done[lost] = DocumentResult(
                path=items[lost].path, ref_date=None,
                error=f"not extracted: the worker process extracting it died ({how})",
            )
        todo.extendleft(reversed(dead.pending))
        dead.stop()
        self.workers.remove(dead)
        self.workers.append(_Worker(self.context, self.options, self.render))

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers = []

    def __del__(self) -> None:
        # A results generator dropped before its first item never runs its
        # `finally`: the workers are ended when the pool goes away instead.
        try:
            self.close()
        except Exception:  # noqa: BLE001 - at interpreter exit multiprocessing may be gone already
            pass
