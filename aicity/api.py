"""The Python API: the CLI's extraction, for notebooks, scripts and pipelines.

Everything here is a thin layer over the same core the CLI runs
(:func:`aicity.pipeline.extract`, :func:`aicity.runner.run`), so a
notebook and ``aicity extract`` always agree::

    import aicity

    entities = aicity.extract("市府副秘書長金志聿…投資超過1090億歐元。", ref_date="2025-02-17")
    result = aicity.extract_file("seeds/000_54bfc9fa5cc0f4e0.txt")
    for result in aicity.extract_files(["seeds/"], jobs=4):
        ...
    frame = aicity.to_dataframe(aicity.extract_files(["seeds/"]))

Nothing heavy is imported by this module: the extractors, their dictionaries
and pandas are loaded on first use.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Literal, Union

# Only the plain-data model at import time: the pipeline (regex, the
# extractor registry) is imported by the first call, so `aicity.extract` is cheap.
from .model import DocumentResult, Entity
from .textio import DEFAULT_MAX_SIZE

if TYPE_CHECKING:
    import pandas

Types = Union[str, Iterable[str], None]
RefDate = Union[dt.date, str, None]
PathLike = Union[str, "os.PathLike[str]"]

__all__ = ["extract", "extract_file", "extract_files", "to_dataframe"]

PANDAS_MISSING = (
    "aicity.to_dataframe needs pandas, which is not installed; "
    "install the pandas extra, in a checkout of aicity: pip install -e '.[pandas]'"
)


def extract(text: str, types: Types = None, ref_date: RefDate = None, user_dict: Any = None) -> list[Entity]:
    """The entities in ``text``, sorted by ``(start, end, type)``.

    Args:
        text: the document, Traditional or Simplified Chinese.
        types: entity types to extract, as ``"date,money"`` or an iterable;
            default all of ``official, company, city, date, money``.
        ref_date: anchor for dates without a year and relative dates
            (``今(4)日``), as a :class:`datetime.date` or ``"YYYY-MM-DD"``.
            Default: the publication date found in the text, else today.
        user_dict: a user dictionary, or the path(s) of its TSV file(s)
            (the CLI's ``--dict``).

    Returns:
        Frozen :class:`~aicity.model.Entity` objects; ``entity.to_dict()`` is
        exactly one entity of the CLI's JSON output.

    Raises:
        TypeError: ``text`` is not a ``str`` (bytes: decode them, or use
            :func:`extract_file`), or another argument has the wrong type.
        ValueError: an unknown entity type or a malformed ``ref_date``.
    """
    from .pipeline import extract_document

    if not isinstance(text, str):
        hint = "; decode the bytes first, or use aicity.extract_file" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"text must be a str, not {type(text).__name__}{hint}")
    options = _options(types, ref_date, None, user_dict)
    return extract_document(text, options.types, options.ref_date, options.user_dict)[1]


def extract_file(
    path: PathLike,
    types: Types = None,
    ref_date: RefDate = None,
    encoding: str | None = None,
    user_dict: Any = None,
    keep_text: bool = False,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> DocumentResult:
    """Read, decode and extract one file (``"-"`` reads standard input).

    The encoding is detected (UTF-8, UTF-16 with a BOM, Big5, GB18030) unless
    ``encoding`` is given. ``result.to_dict()`` is the file's object in the
    CLI's ``--format jsonl`` output. Only regular files are read (a FIFO
    could block forever, a device never end), and at most ``max_size`` bytes
    (default 64 MB, the CLI's ``--max-size``; ``None``: no limit).
    ``keep_text=True`` keeps the text in
    ``result.text`` (a web page's article text is always kept).

    Raises:
        OSError: the file cannot be read; :class:`aicity.errors.InputError`
            (an ``OSError`` naming the path) when it is no regular file or
            larger than ``max_size``.
        aicity.textio.DecodeError: its bytes are not text (a ``ValueError``).
    """
    from .runner import extract_text
    from .textio import read_text

    options = _options(types, ref_date, encoding, user_dict, max_size, keep_text)
    path = _path(path)
    text, detected = read_text(path, options.encoding, options.max_size)
    return extract_text(path, text, options, detected)


def extract_files(
    paths: PathLike | Iterable[PathLike],
    jobs: int = 1,
    types: Types = None,
    ref_date: RefDate = None,
    encoding: str | None = None,
    globs: Iterable[str] | None = None,
    user_dict: Any = None,
    errors: Literal["keep", "raise"] = "keep",
    keep_text: bool = False,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Iterator[DocumentResult]:
    """Extract files and folders (recursively, sorted), yielding results in input order.

    This is ``aicity extract PATH...``: folders are walked for text-like files
    (or those matching ``globs``, e.g. ``["*.txt"]``), and ``jobs > 1`` spreads
    the work over that many processes without changing the order (``jobs=0``:
    one per core; more than the cores are not started). Results are yielded
    as they finish, so a large folder streams. Files larger than ``max_size``
    bytes are not read (default 64 MB; ``None``: no limit).

    A file that cannot be read or decoded yields a result whose ``error`` is
    set (``result.ok`` is false) and the others go on, as in the CLI; with
    ``errors="raise"`` it raises :class:`RuntimeError` instead.
    ``keep_text=True`` keeps each document's text in ``result.text`` (what
    :class:`aicity.sqlite_store.SqliteRenderer` stores and indexes).

    The arguments are checked at the call (``ValueError`` or ``TypeError``
    naming the argument), before the first result is asked for.
    """
    from .runner import resolve_jobs
    from .textio import collect_inputs

    if errors not in ("keep", "raise"):
        raise ValueError(f"errors must be 'keep' or 'raise', not {errors!r}")
    jobs, _ = resolve_jobs(jobs)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    options = _options(types, ref_date, encoding, user_dict, max_size, keep_text)
    items = collect_inputs([_path(p) for p in paths], tuple(globs) if globs else None)
    return _results(items, options, jobs, errors)


def _results(items, options, jobs: int, errors: str) -> Iterator[DocumentResult]:
    from .runner import run

    for result in run(items, options, jobs):
        if result.error and errors == "raise":
            raise RuntimeError(f"{result.path}: {result.error}")
        yield result


def to_dataframe(results: DocumentResult | Iterable[DocumentResult | Entity]) -> "pandas.DataFrame":
    """One row per entity, as a pandas DataFrame (the pandas extra: ``pip install -e '.[pandas]'``).

    ``results`` is a :class:`DocumentResult`, an iterable of them (such as
    :func:`extract_files`), or a list of entities (such as :func:`extract`),
    whose rows then have no ``path``/``ref_date``. Columns: ``path, ref_date,
    type, text, start, end, normalized, rule``, then every type field found
    (``title``, ``org``, ``amount``, ``currency``, ``grain`` ...), missing
    where a type has no such field. Documents with an error give no rows.
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(PANDAS_MISSING) from exc

    if isinstance(results, DocumentResult):
        results = [results]
    core = ["path", "ref_date", "type", "text", "start", "end", "normalized", "rule"]
    field_columns: dict[str, None] = {}  # ordered set: fields in order of first appearance
    rows: list[dict[str, Any]] = []

    def add(entity: Entity, path: str | None, ref_date: str | None) -> None:
        row = {"path": path, "ref_date": ref_date, **entity.to_dict()}
        for key in entity.fields:
            if key not in core:
                field_columns.setdefault(key)
        rows.append(row)

    for item in results:
        if isinstance(item, DocumentResult):
            for entity in item.entities:
                add(entity, item.path, item.ref_date)
        elif isinstance(item, Entity):
            add(item, None, None)
        else:
            raise TypeError(
                f"to_dataframe takes DocumentResults or Entities, not {type(item).__name__}"
            )
    frame = pd.DataFrame.from_records(rows, columns=core + list(field_columns))
    return frame.astype({"start": "int64", "end": "int64"})


def _options(types: Types, ref_date: RefDate, encoding: str | None, user_dict: Any,
             max_size: int | None = DEFAULT_MAX_SIZE, keep_text: bool = False):
    """The API's arguments, checked once, as the runner's options."""
    from .pipeline import coerce_date, parse_types
    from .runner import Options

    if encoding is not None:
        from .textio import check_encoding

        if not isinstance(encoding, str):
            raise TypeError(f"encoding must be a str or None, not {type(encoding).__name__}")
        try:
            check_encoding(encoding)
        except LookupError as exc:
            raise ValueError(f"encoding: {exc}") from None
    if max_size is not None and (isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 1):
        raise ValueError(f"max_size must be a positive number of bytes or None, not {max_size!r}")
    return Options(
        types=parse_types(types),
        ref_date=coerce_date(ref_date),
        encoding=encoding,
        user_dict=_load_user_dict(user_dict),
        keep_text=keep_text,
        max_size=max_size,
    )


def _path(path: Any) -> str:
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"a path must be a str or os.PathLike, not {type(path).__name__}")
    return os.fspath(path)


def _load_user_dict(user_dict: Any) -> Any:
    """Accept a loaded user dictionary, or the path(s) of its TSV file(s) as ``--dict`` does."""
    from .userdict import UserDictionary, load_user_dictionary

    if user_dict is None or isinstance(user_dict, UserDictionary):
        return user_dict
    if isinstance(user_dict, (str, os.PathLike)):
        user_dict = [user_dict]
    if isinstance(user_dict, (list, tuple)) and all(isinstance(p, (str, os.PathLike)) for p in user_dict):
        return load_user_dictionary(tuple(os.fspath(p) for p in user_dict)) if user_dict else None
    raise TypeError(
        "user_dict must be a UserDictionary, or the path (or a list of paths) of its TSV file(s), "
        f"not {type(user_dict).__name__}"
    )
