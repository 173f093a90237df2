"""Running the core over many documents: in order, streamed, optionally in parallel.

:func:`run` yields one :class:`~aicity.model.DocumentResult` per input, in
input order whatever ``jobs`` is, as soon as it (and every input before it) is
done. Worker processes build the extractors once each and keep them for all
the documents they are given.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import signal
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .model import DocumentResult
from .pipeline import extract_document, parse_types
from .textio import STDIN, DecodeError, InputItem, decode_as, describe_os_error, read_bytes
from .webpage import is_web_page


@dataclass(frozen=True)
class Options:
    """What to extract; plain data so it pickles to worker processes.

    ``keep_text``: put each document's text in its result (the SQLite store
    indexes it); a web page's article text is always kept.
    """

    types: tuple[str, ...]
    ref_date: dt.date | None = None
    encoding: str | None = None
    user_dict: object | None = None
    keep_text: bool = False


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
    ref_date, source = options.ref_date, "given"
    if ref_date is None and page is not None and page.date is not None:
        ref_date, source = page.date, "metadata"
    ref, entities = extract_document(text, options.types, ref_date, options.user_dict)
    return DocumentResult(
        path=path,
        ref_date=ref.isoformat(),
        entities=tuple(entities),
        characters=len(text),
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        encoding=encoding,
        ref_date_source=source if page is not None and ref_date is not None else None,
        title=page.title if page is not None else None,
        url=page.url if page is not None else None,
        text=text if page is not None or options.keep_text else None,
        types=tuple(options.types),
    )


def process_item(item: InputItem, options: Options, reader: Callable[[str], bytes] = read_bytes) -> DocumentResult:
    """Read, decode and extract one input; failures come back as ``error``.

    An unexpected exception inside an extractor does not end the run either:
    it comes back as this document's error (``internal error: ...``), so every
    other document keeps its result. Set ``AICITY_DEBUG=1`` to raise it instead.
    """
    if item.error:
        return DocumentResult(path=item.path, ref_date=None, error=item.error)
    try:
        text, encoding = decode_as(reader(item.path), options.encoding)
    except DecodeError as exc:
        hint = "" if options.encoding else "; try --encoding NAME"
        return DocumentResult(path=item.path, ref_date=None, error=f"cannot decode: {exc}{hint}")
    except OSError as exc:
        return DocumentResult(path=item.path, ref_date=None, error=describe_os_error(exc))
    except MemoryError:
        return DocumentResult(path=item.path, ref_date=None, error="too large to read into memory")
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


def _worker(args: tuple[InputItem, Options, Callable[[DocumentResult], str] | None]) -> DocumentResult | Rendered:
    item, options, render = args
    result = process_item(item, options)
    if render is None or result.error:
        return result
    return Rendered(result.path, render(result), len(result.entities))


def _worker_init() -> None:
    # Ctrl-C goes to the whole process group: the parent handles it and ends
    # the pool; the workers must not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def warm_up(types: Iterable[str]) -> None:
    """Build the extractors (and their dictionaries) in this process."""
    from .extractors import get_extractor
    from .pipeline import extract

    for entity_type in types:
        get_extractor(entity_type)
    extract("2025年1月1日,臺北市長蔣萬安與台積電董事長魏哲家出席,投資1億元。", tuple(types), "2025-01-01")


def run(
    items: list[InputItem],
    options: Options,
    jobs: int = 1,
    render: Callable[[DocumentResult], str] | None = None,
) -> Iterator[DocumentResult | Rendered]:
    """Results for ``items`` in order. ``jobs > 1`` uses a process pool.

    With ``render`` (a picklable function, see :func:`aicity.output.document_renderer`)
    the workers render each document and send back a :class:`Rendered`, which is
    cheaper to send than the entities and leaves the writing process less to do;
    failed documents, and every document when ``jobs == 1``, come as
    :class:`DocumentResult`.

    The pool is started here, before the first result is asked for (so before
    a caller starts threads such as a progress bar); the returned generator
    ends it when exhausted, closed or garbage-collected. Standard input is
    read here, in the calling process. With the ``fork`` start method the
    dictionaries are built once before forking, so the workers share them
    copy-on-write instead of each building its own.
    """
    parse_types(options.types)
    items = list(items)
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1 or len(items) < 2:
        return (process_item(item, options) for item in items)
    start_method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if start_method == "fork":
        try:
            warm_up(options.types)
        except Exception:  # noqa: BLE001 - the workers report it per document
            pass
    context = multiprocessing.get_context(start_method)
    # Small chunks keep the output streaming; stdin is read here, not in a worker.
    local = {i: process_item(item, options) for i, item in enumerate(items) if item.path == STDIN}
    remote_items = [(item, options, render) for i, item in enumerate(items) if i not in local]
    chunksize = max(1, min(16, len(items) // (jobs * 8) or 1))
    pool = context.Pool(jobs, initializer=_worker_init)
    try:
        remote = pool.imap(_worker, remote_items, chunksize)
    except BaseException:
        pool.terminate()
        raise
    return _ordered(len(items), local, remote, pool)


def _ordered(count: int, local: dict, remote: Iterator[DocumentResult], pool) -> Iterator[DocumentResult]:
    try:
        for index in range(count):
            yield local[index] if index in local else next(remote)
        pool.close()
    finally:
        pool.terminate()
        pool.join()
