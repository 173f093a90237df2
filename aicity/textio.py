"""Reading input: finding the files under the given paths and decoding them.

Nothing here raises for a bad input: a path that cannot be read comes back as
an :class:`InputItem` with an ``error``, so the caller reports it, goes on with
the others and sets the exit code.
"""
from __future__ import annotations

import codecs
import fnmatch
import os
import stat
from dataclasses import dataclass
from pathlib import Path

# Files a folder walk picks up when no --glob is given.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".rst", ".htm", ".html", ".xhtml")
DEFAULT_GLOBS = tuple("*" + s for s in TEXT_SUFFIXES)
STDIN = "-"

# Legacy encodings of Chinese text, tried after UTF-8 and UTF-16 with a BOM.
LEGACY_ENCODINGS = ("cp950", "big5hkscs", "gb18030")


@dataclass(frozen=True, slots=True)
class InputItem:
    """One document to process: a file path, or ``-`` for standard input."""

    path: str
    error: str | None = None


class DecodeError(ValueError):
    pass


def _matches(name: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, g) for g in globs)


def collect_inputs(paths: list[str], globs: tuple[str, ...] | None = None) -> list[InputItem]:
    """Expand files and folders (recursively, sorted) into input items.

    Files named explicitly are taken whatever their name; inside folders only
    names matching ``globs`` (default: text-like suffixes) are taken. Symlink
    loops, unreadable folders, FIFOs and devices become items with an error.
    """
    globs = tuple(globs) if globs else DEFAULT_GLOBS
    items: list[InputItem] = []
    for raw in paths:
        if raw == STDIN:
            items.append(InputItem(STDIN))
            continue
        path = Path(raw)
        try:
            info = path.stat()
        except FileNotFoundError:
            items.append(InputItem(raw, "no such file or folder"))
            continue
        except OSError as exc:  # ELOOP, EACCES on a parent ...
            items.append(InputItem(raw, exc.strerror or str(exc)))
            continue
        if stat.S_ISDIR(info.st_mode):
            found = _walk(path, globs)
            if not found:
                items.append(InputItem(raw, f"no files matching {', '.join(globs)} in this folder"))
            items.extend(found)
        else:
            items.append(_file_item(raw, info))
    return items


def _file_item(path: str, info: os.stat_result | None = None) -> InputItem:
    try:
        info = info or os.stat(path)
    except OSError as exc:
        return InputItem(path, exc.strerror or str(exc))
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "not a regular file"
        return InputItem(path, f"{kind}; skipped")
    return InputItem(path)


def _walk(root: Path, globs: tuple[str, ...]) -> list[InputItem]:
    items: list[InputItem] = []
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> None:
        try:
            info = folder.stat()
        except OSError as exc:
            items.append(InputItem(str(folder), exc.strerror or str(exc)))
            return
        key = (info.st_dev, info.st_ino)
        if key in seen:
            items.append(InputItem(str(folder), "symlink loop; skipped"))
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            items.append(InputItem(str(folder), exc.strerror or str(exc)))
            return
        for entry in entries:
            full = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                items.append(InputItem(str(full), exc.strerror or str(exc)))
                continue
            if is_dir:
                visit(full)
            elif _matches(entry.name, globs):
                if entry.is_symlink() and not full.exists():
                    items.append(InputItem(str(full), "broken or looping symlink; skipped"))
                    continue
                items.append(_file_item(str(full)))

    visit(root)
    return items


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as text; return ``(text, encoding)`` or raise :class:`DecodeError`.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM first; then Big5 and
    GB18030, chosen by charset-normalizer when both decode. Binary data
    (NUL bytes outside UTF-16/32) is refused rather than guessed at.
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {encoding} BOM but is not valid {encoding}: {exc.reason}") from None
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes); not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        if _mostly_utf8(data, utf8_error):
            raise DecodeError(
                f"invalid UTF-8 at byte {utf8_error.start} ({utf8_error.reason}); "
                "the file looks truncated or mixed"
            ) from None
    candidates = []
    for encoding in LEGACY_ENCODINGS:
        try:
            candidates.append((data.decode(encoding), encoding))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise DecodeError("not UTF-8, UTF-16, Big5 or GB18030 text")
    if len(candidates) == 1:
        return candidates[0]
    return _best_candidate(data, candidates)


def _mostly_utf8(data: bytes, error: UnicodeDecodeError) -> bool:
    """True when the bytes are valid UTF-8 except for a tail or a few spots."""
    if error.start >= len(data) - 4:  # truncated final character
        return True
    valid = data.decode("utf-8", errors="ignore").encode("utf-8")
    return len(valid) >= 0.98 * len(data) and len(data) > 64


def _best_candidate(data: bytes, candidates: list[tuple[str, str]]) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=[enc for _, enc in candidates]).best()
    if best is not None:
        chosen = codecs.lookup(best.encoding).name
        for text, encoding in candidates:
            if codecs.lookup(encoding).name == chosen:
                return text, encoding
    # Fall back on the share of common CJK characters in each reading.
    def score(text: str) -> float:
        common = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fa5" or ch.isascii())
        return common / max(1, len(text))

    return max(candidates, key=lambda c: score(c[0]))


def read_text(path: str, encoding: str | None = None) -> tuple[str, str]:
    """Read and decode a file (or stdin for ``-``); raise OSError or DecodeError."""
    if path == STDIN:
        import sys

        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as fh:
            data = fh.read()
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(f"cannot decode as {encoding}: {exc}") from None
    return decode(data)
