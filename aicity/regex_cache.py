"""Compiled patterns kept across processes.

The ``regex`` module parses a pattern in Python, and the grammars' big patterns
(the date rules, the money grammar, the title lexicons) take about half of a cold
start to compile. A compiled pattern pickles as its compiled code (the module's
own pickle support), which loads in C in a fraction of a millisecond. So a
process loads the patterns an earlier run saved, keyed by pattern text and flags
(a changed pattern is a new key: nothing goes stale), and at exit saves the ones
it had to compile.

The file lives in ``$AICITY_CACHE_DIR``, else ``$XDG_CACHE_HOME/aicity``, else
``~/.cache/aicity``, one per ``regex`` and Python version. ``AICITY_NO_CACHE=1``
turns it off. A file that is unreadable, corrupt, or writable by other users is
ignored (it is a pickle: only the user's own file is loaded); one that cannot be
written is not written. Nothing here changes what a pattern matches.
"""
from __future__ import annotations

import atexit
import os
import pickle
import stat
import sys
import tempfile
import threading
from pathlib import Path

import regex

# Past this many patterns in the file, a save keeps only those of the saving
# process: patterns of older versions of the grammars go.
MAX_ENTRIES = 2000

_lock = threading.Lock()
_loaded: dict[tuple[str, int], regex.Pattern] | None = None
_used: set[tuple[str, int]] = set()
_new = False


def cache_file() -> Path | None:
    """Where the compiled patterns are kept, or None when the cache is off."""
    if os.environ.get("AICITY_NO_CACHE"):
        return None
    folder = os.environ.get("AICITY_CACHE_DIR")
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "aicity")
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    return Path(folder) / f"patterns-regex{regex.__version__}-py{version}.pickle"


def compile_cached(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, from the cache when an earlier run compiled it."""
    global _new
    key = (pattern, int(flags))
    with _lock:
        patterns = _patterns()
        _used.add(key)
        found = patterns.get(key)
        if found is None:
            found = patterns[key] = regex.compile(pattern, flags)
            if not _new:
                _new = True
                atexit.register(save)
        return found


def _patterns() -> dict[tuple[str, int], regex.Pattern]:
    global _loaded
    if _loaded is None:
        _loaded = _read(cache_file())
    return _loaded


def _read(path: Path | None) -> dict[tuple[str, int], regex.Pattern]:
    if path is None:
        return {}
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return {}  # only the user's own file is unpickled
            patterns = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: compile afresh
        return {}
    if not isinstance(patterns, dict):
        return {}
    return {k: v for k, v in patterns.items() if isinstance(v, regex.Pattern)}


def save() -> None:
    """Write the patterns compiled in this process beside those already in the file."""
    global _new
    path = cache_file()
    with _lock:
        if path is None or not _new or _loaded is None:
            return
        merged = _read(path)
        merged.update({k: v for k, v in _loaded.items() if k in _used})
        if len(merged) > MAX_ENTRIES:
            merged = {k: v for k, v in _loaded.items() if k in _used}
        _new = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".patterns-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(merged, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)  # whole or not at all, whatever else runs
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # a read-only home: every run compiles, as without the cache
