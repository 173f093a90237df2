"""Reading input: finding the files under the given paths and decoding them.

Collecting inputs raises nothing for a bad one: a path that cannot be used
comes back as an :class:`InputItem` with an ``error``, so the caller reports
it, goes on with the others and sets the exit code. Reading goes through one
function, :func:`read_document`, which raises :class:`~aicity.errors.InputError`
with the reason every command prints (``aicity: PATH: reason``).
"""
from __future__ import annotations

import codecs
import errno
import fnmatch
import functools
import os
import re
import stat
from dataclasses import dataclass
from typing import Callable

from .errors import InputError

# Files a folder walk picks up when no --glob is given.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".rst", ".htm", ".html", ".xhtml")
DEFAULT_GLOBS = tuple("*" + s for s in TEXT_SUFFIXES)
STDIN = "-"

# Legacy encodings of Chinese text, tried after UTF-8 and UTF-16/32 with a BOM:
# Big5 (Microsoft's cp950 first, then the Hong Kong superset), then GB18030.
BIG5_ENCODINGS = ("cp950", "big5hkscs")
GB_ENCODING = "gb18030"
LEGACY_ENCODINGS = (*BIG5_ENCODINGS, GB_ENCODING)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# How much of a text the encoding guessers look at.
SAMPLE_CHARS = 20_000

# The largest input read by default (--max-size): far above any news page, and
# low enough that /dev/zero on stdin or a stray disk image cannot exhaust memory.
DEFAULT_MAX_SIZE = 64 * 1024 * 1024
SIZE_UNITS = {"": 1, "B": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3, "T": 1024 ** 4}


@dataclass(frozen=True, slots=True)
class InputItem:
    """One document to process: a file path, or ``-`` for standard input."""

    path: str
    error: str | None = None


class DecodeError(ValueError):
    """The bytes are not text in any encoding we read; the message says why."""


def display_path(path: str) -> str:
    """``path`` as printable text: undecodable bytes of a file name become ``\\xNN``.

    File names that are not valid UTF-8 reach Python as lone surrogates, which
    no UTF-8 stream can print; this keeps them visible and the output valid.
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def describe_os_error(exc: OSError) -> str:
    """A short lower-case reason for an ``OSError`` (``permission denied``)."""
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links); skipped"
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]


def _matches(name: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, g) for g in globs)


def collect_inputs(paths: list[str], globs: tuple[str, ...] | None = None,
                   skip: str | None = None) -> list[InputItem]:
    """Expand files and folders (recursively, sorted) into input items.

    Paths come out in the order given; a folder's files in sorted order.
    Files named explicitly are taken whatever their name; inside folders only
    names matching ``globs`` (default: text-like suffixes) are taken. Missing
    paths, symlink loops, unreadable folders, FIFOs and devices become items
    with an error, and a folder with no matching file is one too. ``skip``
    (the run's own output file or folder) is left out of folder walks, as
    ripgrep does, so a second run does not read the first one's output.
    """
    globs = tuple(globs) if globs else DEFAULT_GLOBS
    try:
        skipped = _key(os.stat(skip)) if skip else None
    except OSError:
        skipped = None  # not there yet: no walk can meet it
    items: list[InputItem] = []
    for raw in paths:
        if raw == STDIN:
            items.append(InputItem(STDIN))
            continue
        try:
            info = os.stat(raw)
        except OSError as exc:  # ENOENT, ELOOP, EACCES on a parent ...
            items.append(InputItem(raw, describe_os_error(exc)))
            continue
        if stat.S_ISDIR(info.st_mode):
            found = _walk(raw, info, globs, skipped)
            if not found:
                items.append(InputItem(
                    raw, f"no files matching {' '.join(globs)} in this folder (use --glob to pick others)"
                ))
            items.extend(found)
        else:
            items.append(_file_item(raw, info))
    return items


def inspect_file(path: str) -> InputItem:
    """One explicitly named input (not a folder walk): an item, with an error if unusable."""
    if path == STDIN:
        return InputItem(STDIN)
    try:
        info = os.stat(path)
    except OSError as exc:
        return InputItem(path, describe_os_error(exc))
    if stat.S_ISDIR(info.st_mode):
        return InputItem(path, "is a folder")
    return _file_item(path, info)


def _file_item(path: str, info: os.stat_result | None = None) -> InputItem:
    try:
        info = info or os.stat(path)
    except OSError as exc:
        return InputItem(path, describe_os_error(exc))
    problem = _not_regular(info.st_mode)
    return InputItem(path, problem) if problem else InputItem(path)


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read (FIFOs and devices could block or never end), or None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        kind = "a FIFO (named pipe)"
    elif stat.S_ISCHR(mode):
        kind = "a character device"
    elif stat.S_ISBLK(mode):
        kind = "a block device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "not a regular file"
    return f"{kind}, not a regular file; skipped"


def _key(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _walk(root: str, root_info: os.stat_result, globs: tuple[str, ...],
          skipped: tuple[int, int] | None = None) -> list[InputItem]:
    """Depth-first, sorted walk; follows symlinks but reports a link back to an
    ancestor; leaves out the file or folder whose ``(device, inode)`` is ``skipped``."""
    items: list[InputItem] = []
    key = _key

    def listing(folder: str) -> list[os.DirEntry] | None:
        try:
            with os.scandir(folder) as it:
                return sorted(it, key=lambda e: e.name)
        except OSError as exc:
            items.append(InputItem(folder, describe_os_error(exc)))
            return None

    # A stack of (entries still to visit, (dev, ino) of that folder); the keys on
    # the stack are the current folder's ancestors: meeting one again is a loop.
    entries = listing(root)
    if entries is None:
        return items
    stack: list[tuple[list[os.DirEntry], tuple[int, int]]] = [(entries[::-1], key(root_info))]
    while stack:
        pending, _ = stack[-1]
        if not pending:
            stack.pop()
            continue
        entry = pending.pop()
        full = entry.path
        try:
            is_dir = entry.is_dir()
        except OSError as exc:  # ELOOP on a looping symlink, EACCES ...
            if _matches(entry.name, globs) or exc.errno != errno.ELOOP:
                items.append(InputItem(full, describe_os_error(exc)))
            continue
        if is_dir:
            try:
                info = os.stat(full)
            except OSError as exc:
                items.append(InputItem(full, describe_os_error(exc)))
                continue
            if key(info) == skipped:
                continue
            if key(info) in {k for _, k in stack}:
                items.append(InputItem(full, "symlink loop (links back to a folder above it); skipped"))
                continue
            children = listing(full)
            if children is not None:
                stack.append((children[::-1], key(info)))
        elif _matches(entry.name, globs):
            try:
                info = os.stat(full)
            except OSError as exc:  # a broken symlink
                reason = "broken symlink; skipped" if exc.errno == errno.ENOENT else describe_os_error(exc)
                items.append(InputItem(full, reason))
                continue
            if key(info) != skipped:
                items.append(_file_item(full, info))
    return items


# ---------------------------------------------------------------- decoding

def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as text; return ``(text, encoding)`` or raise :class:`DecodeError`.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM first; then Big5 and
    GB18030, told apart by how common their characters are when both decode.
    Binary data (NUL bytes outside UTF-16/32), truncated UTF-8 and files that
    mix UTF-8 with another encoding are refused rather than guessed at.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} ({exc.reason} at byte {exc.start})"
                ) from None
    if b"\x00" in data:
        raise DecodeError(_nul_bytes_problem(data))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        problem = _utf8_problem(data, utf8_error)
        if problem:
            raise DecodeError(problem) from None
    big5 = None
    for encoding in BIG5_ENCODINGS:
        try:
            big5 = (data.decode(encoding), encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        gb: tuple[str, str] | None = (data.decode(GB_ENCODING), GB_ENCODING)
    except UnicodeDecodeError:
        gb = None
    candidates = [c for c in (big5, gb) if c is not None]
    if not candidates:
        raise DecodeError("not text: not UTF-8, UTF-16 with a byte-order mark, Big5 or GB18030")
    text, encoding = candidates[0] if len(candidates) == 1 else _best_candidate(data, candidates)
    if _control_share(text) > 0.05:
        raise DecodeError("binary data (control characters), not text")
    return text, encoding


_CJK_RUN = re.compile(r"[\u3400-\u9fff]")
# Characters that make up nearly all of a Chinese or English text: printable
# ASCII and whitespace, CJK ideographs and punctuation, full-width forms.
_TEXT_CHAR = re.compile(r"[\t\n\r\x20-\x7e\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _nul_bytes_problem(data: bytes) -> str:
    """Why bytes with NULs are not read: UTF-16 without a byte-order mark (say
    which), or a binary file (an image, an archive ...)."""
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text and len(_TEXT_CHAR.findall(text)) >= 0.9 * len(text):
            return (f"binary data (NUL bytes); it looks like {encoding.upper()} without a "
                    f"byte-order mark: give --encoding {encoding}")
    return "binary file (NUL bytes), not text"


def _utf8_problem(data: bytes, error: UnicodeDecodeError) -> str | None:
    """Why bytes that are not valid UTF-8 still look like UTF-8 text, or None.

    Truncated UTF-8 (the last character cut off after other multi-byte
    characters) and a file in which some lines are UTF-8 Chinese and others
    are not (mixed encodings, or a few damaged bytes) are reported, not guessed.
    """
    prefix = data[: error.start]
    line = data.count(b"\n", 0, error.start) + 1
    if error.reason == "unexpected end of data" and not prefix.isascii():
        return (f"truncated UTF-8: the last character is cut off at byte {error.start} "
                f"(line {line})")
    for number, raw in enumerate(data.split(b"\n"), 1):
        if raw.isascii():
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if len(_CJK_RUN.findall(text)) >= 4:
            return (f"mixed encodings: line {number} is UTF-8 but byte {error.start} "
                    f"(line {line}) is not valid UTF-8 ({error.reason})")
    if len(data) > 64:
        valid = len(data.decode("utf-8", errors="ignore").encode("utf-8"))
        if valid >= 0.98 * len(data):
            return (f"invalid UTF-8 at byte {error.start} (line {line}, {error.reason}); "
                    "the file looks damaged or mixed")
    return None


def _control_share(text: str) -> float:
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v\x1b")
    return controls / len(sample)


@functools.cache
def _char_frequencies() -> dict[str, int] | None:
    """Frequencies of single Chinese characters, from jieba's dictionary (Simplified)."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a dependency
        return None
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    try:
        with open(path, encoding="utf-8") as fh:
            data = fh.read()
    except OSError:  # pragma: no cover
        return None
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^(\S) (\d+)", data, re.M)}


def _best_candidate(data: bytes, candidates: list[tuple[str, str]]) -> tuple[str, str]:
    """Pick the reading whose characters are commonest in Chinese text.

    Reading GB18030 bytes as Big5 (or the reverse) gives rare characters; the
    mean log frequency of the characters, compared in the folded (Simplified)
    form so that neither script is favoured, tells them apart on all but a
    text of one or two characters. Ties go to Big5.
    """
    import math

    from .fold import fold

    freq = _char_frequencies()
    if not freq:
        return _charset_normalizer_choice(data, candidates)
    total = sum(freq.values())

    def score(text: str) -> float:
        chars = [ch for ch in fold(text[:SAMPLE_CHARS]) if ord(ch) > 0x7F]
        if not chars:
            return 0.0
        return sum(math.log((freq.get(ch, 0) + 1) / total) for ch in chars) / len(chars)

    ranked = sorted(enumerate(candidates), key=lambda ic: (-score(ic[1][0]), ic[0]))
    return ranked[0][1]


def _charset_normalizer_choice(data: bytes, candidates: list[tuple[str, str]]) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=[enc for _, enc in candidates]).best()
    if best is not None:
        chosen = codecs.lookup(best.encoding).name
        for text, encoding in candidates:
            if codecs.lookup(encoding).name == chosen:
                return text, encoding
    return candidates[0]


def check_encoding(name: str) -> str:
    """The canonical codec name for ``name``; ``LookupError`` if Python has no such
    codec or it is no text encoding (``rot13``, ``base64``, ``hex`` ...)."""
    info = codecs.lookup(name)
    if not getattr(info, "_is_text_encoding", True):
        raise LookupError(f"{name!r} is not a text encoding")
    return info.name


def parse_size(text: str) -> int:
    """Bytes in a size such as ``64M``, ``1.5G``, ``500k``, ``10MB`` or ``4096``; ValueError if malformed."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:I?B)?\s*", text, re.IGNORECASE)
    if not match:
        raise ValueError(f"{text!r} is not a size; use a number of bytes or e.g. 500K, 64M, 1G")
    size = int(float(match[1]) * SIZE_UNITS[match[2].upper()])
    if size < 1:
        raise ValueError(f"{text!r} is too small; use e.g. 500K, 64M, 1G")
    return size


def format_size(size: int) -> str:
    """``64 MB``, ``1.5 GB``, ``100 bytes``: a size limit as people read it."""
    for unit in ("T", "G", "M", "K"):
        scale = SIZE_UNITS[unit]
        if size >= scale:
            return f"{size / scale:.4g} {unit}B"
    return f"{size} bytes"


class InputTooLarge(InputError):
    """The input is larger than the size limit; it is not read past the limit."""

    def __init__(self, path: str, limit: int):
        super().__init__(path, f"larger than the size limit of {format_size(limit)} (--max-size); skipped")
        self.limit = limit

    def __reduce__(self):
        return (type(self), (self.path, self.limit))


def _open_nonblocking(path: str, flags: int) -> int:
    # Opening a FIFO for reading would otherwise wait for a writer.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_bytes(path: str, max_size: int | None = DEFAULT_MAX_SIZE) -> bytes:
    """The raw bytes of a regular file, or of standard input for ``-``, at most ``max_size``.

    Raises :class:`~aicity.errors.InputError` for a FIFO or device (opened
    without blocking and never read: a FIFO could wait forever, ``/dev/zero``
    never ends) and :class:`InputTooLarge` past ``max_size`` (``None``: no
    limit), having read no more than ``max_size + 1`` bytes; else ``OSError``.
    """
    if path == STDIN:
        import sys

        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise OSError(errno.EBADF, "no standard input to read")
        data = stream.read() if max_size is None else stream.read(max_size + 1)
    else:
        with open(path, "rb", opener=_open_nonblocking) as fh:
            info = os.fstat(fh.fileno())
            problem = _not_regular(info.st_mode)
            if problem:
                raise InputError(path, problem)
            if max_size is not None and info.st_size > max_size:
                raise InputTooLarge(path, max_size)
            data = fh.read() if max_size is None else fh.read(max_size + 1)
    if max_size is not None and len(data) > max_size:
        raise InputTooLarge(path, max_size)
    return data


def decode_as(data: bytes, encoding: str | None) -> tuple[str, str]:
    """Decode with ``encoding`` when one is given (a BOM of UTF-8 dropped), else detect."""
    if not encoding:
        return decode(data)
    try:
        check_encoding(encoding)
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {encoding} ({exc.reason} at byte {exc.start})") from None
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}") from None
    if text.startswith("\ufeff") and codecs.lookup(encoding).name == "utf-8":
        text = text[1:]
    return text, encoding


def read_text(path: str, encoding: str | None = None, max_size: int | None = DEFAULT_MAX_SIZE) -> tuple[str, str]:
    """Read and decode a file (or stdin for ``-``); raise OSError (InputError included) or DecodeError."""
    return decode_as(read_bytes(path, max_size), encoding)


def read_document(
    item: InputItem | str,
    encoding: str | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
    reader: Callable[[str, int | None], bytes] = read_bytes,
) -> tuple[str, str]:
    """``(text, encoding)`` of one input, or :class:`~aicity.errors.InputError` saying why not.

    The one place where every way an input can fail (a path that is no
    regular file, an OS error, the size limit, bytes that are not text) is
    turned into the reason the CLI prints. ``item`` is an item from
    :func:`collect_inputs`, or a path named by the user (checked here).
    """
    if isinstance(item, str):
        item = inspect_file(item)
    if item.error:
        raise InputError(item.path, item.error)
    try:
        return decode_as(reader(item.path, max_size), encoding)
    except InputError:
        raise
    except DecodeError as exc:
        hint = "" if encoding else "; try --encoding NAME"
        raise InputError(item.path, f"cannot decode: {exc}{hint}") from None
    except OSError as exc:
        raise InputError(item.path, describe_os_error(exc)) from None
    except MemoryError:
        raise InputError(item.path, "too large to read into memory") from None
