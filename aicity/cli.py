"""The command line: option parsing and wiring only; no extraction logic here.

Subcommands other than ``extract`` and ``convert`` live in
``aicity/commands/`` and are imported only when invoked, so ``aicity --help``
stays fast.
"""
from __future__ import annotations

import datetime as dt
import importlib
import os
import signal
import sys
from collections import Counter
from contextlib import contextmanager

import click

from . import __version__
from .errors import PipeClosed
from .model import ENTITY_TYPES, TODAY_SOURCES

EXIT_OK = 0
EXIT_INPUT_ERROR = 1   # some input could not be read or decoded; the others were processed
EXIT_USAGE = 2         # bad options (click's usage errors)
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT); SIGTERM exits 143 and SIGHUP 129, 128 + the signal's number

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class LazyGroup(click.Group):
    """A group whose extra subcommands are imported on first use."""

    lazy_commands = {
        "show": ("aicity.commands.show", "show"),
        "eval": ("aicity.commands.evaluate", "evaluate"),
        "summary": ("aicity.commands.summary", "summary"),
        "dict": ("aicity.commands.dictionary", "dictionary"),
    }

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | {
            name for name, (module, _) in self.lazy_commands.items() if _module_exists(module)
        })

    def get_command(self, ctx, name):
        if name in self.lazy_commands:
            module, attr = self.lazy_commands[name]
            if _module_exists(module):
                return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)

    def invoke(self, ctx):
        from .errors import SqliteStoreError

        # The library raises its own errors, not click's; this one the user can fix.
        try:
            return super().invoke(ctx)
        except SqliteStoreError as exc:
            raise click.ClickException(str(exc)) from None


def _module_exists(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


# ---------------------------------------------------------------- option parsing

def parse_types_option(ctx, param, value):
    from .pipeline import parse_types

    if value is None:
        return ENTITY_TYPES
    try:
        return parse_types(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def parse_ref_date_option(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2025-02-17") from None


def parse_glob_option(ctx, param, value):
    globs = tuple(value or ())
    for pattern in globs:
        if not pattern.strip():
            raise click.BadParameter("an empty pattern matches nothing; use e.g. '*.txt'")
        if "/" in pattern or os.sep in pattern:
            raise click.BadParameter(
                f"{pattern!r}: patterns match file names, not paths; use e.g. '*.txt'"
            )
        if pattern.count("[") != pattern.count("]"):
            raise click.BadParameter(f"{pattern!r}: unbalanced [ ]")
    return globs or None


def parse_encoding_option(ctx, param, value):
    if value is None:
        return None
    import codecs

    from .textio import check_encoding

    try:
        check_encoding(value)
    except LookupError:
        try:
            codecs.lookup(value)
            problem = "is not a text encoding"
        except LookupError:
            problem = "is not an encoding Python knows"
        raise click.BadParameter(
            f"{value!r} {problem}; use e.g. utf-8, utf-16, big5, cp950, gb18030"
        ) from None
    return value


def parse_max_size_option(ctx, param, value):
    from .textio import DEFAULT_MAX_SIZE, parse_size

    if value is None:
        return DEFAULT_MAX_SIZE
    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def types_option(fn):
    return click.option(
        "--types", "-t", metavar="TYPE[,TYPE...]", callback=parse_types_option,
        help=f"Entity types to extract, comma-separated. Default: all ({','.join(ENTITY_TYPES)}). "
             "A type's entities are the same whichever others are asked for.",
    )(fn)


def ref_date_option(fn):
    return click.option(
        "--ref-date", metavar="YYYY-MM-DD", callback=parse_ref_date_option,
        help="Anchor for dates without a year and relative dates (今日, 去年). "
             "Default: each document's own date, read from its head or dateline, else today.",
    )(fn)


def input_options(fn):
    """Options shared by every command that reads documents."""
    fn = click.option(
        "--glob", "globs", multiple=True, metavar="PATTERN", callback=parse_glob_option,
        help="File-name pattern to pick files inside folders (repeatable). "
             "Default: text-like files (*.txt, *.md, *.html ...).",
    )(fn)
    fn = click.option(
        "--encoding", metavar="NAME", callback=parse_encoding_option,
        help="Decode every input with this encoding instead of detecting "
             "UTF-8/UTF-16/Big5/GB18030.",
    )(fn)
    fn = click.option(
        "--dict", "dict_files", multiple=True, type=click.Path(dir_okay=False),
        metavar="FILE", help="A user dictionary (TSV; see `aicity dict --help`). Repeatable; "
                             "user entries win over built-in ones.",
    )(fn)
    fn = click.option(
        "--max-size", metavar="SIZE", callback=parse_max_size_option,
        help="Skip (and report) an input larger than SIZE, e.g. 500K, 10M, 1G; standard input "
             "is not read past it. Default: 64M.",
    )(fn)
    return quiet_option(fn)


QUIET = "aicity.quiet"


def _set_quiet(ctx, param, value):
    if value:
        ctx.meta[QUIET] = True  # meta is shared by the whole context chain


def quiet_option(fn):
    return click.option(
        "--quiet", "-q", is_flag=True, expose_value=False, callback=_set_quiet,
        help="No progress bar and no notes (warnings) on stderr; errors are still shown.",
    )(fn)


def is_quiet() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.meta.get(QUIET))


def jobs_option(fn):
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=0), metavar="N",
        help="Worker processes. Default, and 0: the number of cores (never more than that). "
             "Output order never changes.",
    )(fn)


def make_options(types, ref_date, encoding, dict_files, max_size, keep_text=False):
    """The runner's options from the parsed input options."""
    from .runner import Options

    return Options(types=types, ref_date=ref_date, encoding=encoding,
                   user_dict=load_user_dict(dict_files), max_size=max_size, keep_text=keep_text)


def resolve_jobs_option(jobs: int | None) -> int:
    """Worker processes for ``--jobs``: one per core by default, never more than the cores."""
    from .runner import default_jobs, resolve_jobs

    count, capped = resolve_jobs(jobs)
    if capped:
        note(f"--jobs {jobs} is more than the {default_jobs()} cores here; using {count}")
    return count


def load_user_dict(dict_files):
    if not dict_files:
        return None
    from .resources import ResourceError
    from .userdict import load_user_dictionary

    try:
        return load_user_dictionary(dict_files)
    except OSError as exc:
        from .textio import describe_os_error, display_path

        where = display_path(str(exc.filename)) if exc.filename else ", ".join(dict_files)
        raise click.BadParameter(f"{where}: {describe_os_error(exc)}", param_hint="--dict") from None
    except (ResourceError, ValueError) as exc:  # ResourceError names the file and line
        raise click.BadParameter(str(exc), param_hint="--dict") from None


def error(message: str) -> None:
    """One line on stderr, prefixed ``aicity:``; control characters (from a file name) made visible."""
    from .output import terminal_safe

    click.echo(f"aicity: {terminal_safe(message)}", err=True)


def note(message: str) -> None:
    """A warning or remark on stderr, which --quiet silences (errors use :func:`error`)."""
    if not is_quiet():
        error(message)


def input_error(path: str, reason: str) -> None:
    """Report an input that was skipped: ``aicity: PATH: reason``."""
    from .textio import display_path

    error(f"{display_path(path)}: {reason}")


STDOUT_NAME = "standard output"


class OutputError(click.ClickException):
    """The output (a file, the database, standard output) cannot be written: disk full ..."""

    exit_code = 1

    def __init__(self, path: str, exc: Exception):
        from .output import terminal_safe
        from .textio import describe_os_error, display_path

        reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        super().__init__(terminal_safe(f"cannot write {display_path(path)}: {reason}"))


def refuse_output_over_input(output: str | None, items) -> None:
    """A usage error, before anything is written, when the output is one of the inputs.

    ``aicity extract a.txt -o a.txt`` would truncate its input before reading it.
    Compared as files (same device and inode), so another spelling of the
    path, a hard link, or standard input redirected from it count too.
    """
    if not output:
        return
    try:
        target = os.stat(output)
    except OSError:
        return  # not there yet: it cannot be an input
    from .textio import STDIN, display_path

    for item in items:
        path = item if isinstance(item, str) else item.path
        try:
            info = os.fstat(sys.stdin.fileno()) if path == STDIN else os.stat(path)
        except (OSError, AttributeError, ValueError):
            continue
        if (info.st_dev, info.st_ino) == (target.st_dev, target.st_ino):
            shown = "standard input" if path == STDIN else display_path(path)
            raise click.UsageError(
                f"the output {display_path(output)} is also an input ({shown}); writing it would "
                "destroy what is being read: choose another output file"
            )


def read_one_input(path: str, encoding: str | None, max_size: int | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of one named file or ``-``; on failure report it and exit 1."""
    from .errors import InputError
    from .textio import DEFAULT_MAX_SIZE, read_document

    try:
        return read_document(path, encoding, DEFAULT_MAX_SIZE if max_size is None else max_size)
    except InputError as exc:
        input_error(exc.path, exc.reason)
        sys.exit(EXIT_INPUT_ERROR)


def open_output(path: str):
    try:
        return open(path, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise OutputError(path, exc) from None


# ---------------------------------------------------------------- commands

@click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", "-V", prog_name="aicity")
def cli():
    """Extract officials, companies, cities, dates and money from Chinese news.

    Works on Traditional and Simplified text alike. Typical use:

    \b
      aicity extract news/                      # tables on a terminal
      aicity extract news/ -f jsonl | jq ...    # one JSON object per document
      aicity convert --to simplified page.txt   # OpenCC conversion

    Run `aicity COMMAND --help` for each command's options.

    \b
    Shell completion of commands, options and their values (click's):
      eval "$(_AICITY_COMPLETE=bash_source aicity)"    # in ~/.bashrc
      eval "$(_AICITY_COMPLETE=zsh_source aicity)"     # in ~/.zshrc
      _AICITY_COMPLETE=fish_source aicity > ~/.config/fish/completions/aicity.fish
    """


FORMAT_HELP = (
    "Output format. table: rich tables for people; json: one array of documents; "
    "jsonl: one document object per line, streamed; csv/tsv: one row per entity; "
    "sqlite: write a database (needs -o). Default: from -o FILE's suffix (.json, .jsonl, .csv, .tsv, .db), "
    "else table on a terminal and jsonl when piped."
)


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, metavar="PATH...")
@types_option
@ref_date_option
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "jsonl", "csv", "tsv", "sqlite"]),
              help=FORMAT_HELP)
@click.option("--output", "-o", metavar="FILE|DIR",
              help="Write to FILE (or DIR for --engine dask) instead of stdout. Without --format, "
                   "FILE's suffix picks the format: .json .jsonl .ndjson .csv .tsv .db .sqlite .sqlite3.")
@click.option("--bom", is_flag=True,
              help="Start csv/tsv output with a UTF-8 byte-order mark, so Excel reads the Chinese correctly.")
@jobs_option
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr. Default: on when stderr is a terminal and there are several files.")
@click.option("--color/--no-color", default=None,
              help="Colours in the table. Default: on a terminal, unless NO_COLOR is set.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's processes; dask: a Dask bag over the files (the dask extra: pip install -e '.[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the address of a running Dask scheduler. Default: start a local cluster.")
@input_options
def extract(paths, types, ref_date, fmt, output, bom, jobs, progress, color, engine, scheduler, globs, encoding,
            dict_files, max_size):
    """Extract entities from files, folders (recursively) or - (stdin).

    Documents come out in the order of the PATHs, a folder's files in
    sorted order. Each JSON document is
    {"path", "ref_date", "entities": [{"type", "text", "start", "end",
    "normalized", ...type fields, "rule"}]}, where text == source[start:end].

    \b
    Examples:
      aicity extract seeds/
      aicity extract seeds/ --types date,money -f csv > entities.csv
      cat page.txt | aicity extract - --ref-date 2025-02-17 -f json
      aicity extract news/ -f jsonl | jq -r '.entities[] | select(.type=="official") | .normalized'

    Exit codes: 0 success (also when nothing is found); 1 some input could not
    be read or decoded (reported on stderr, the others still processed);
    2 usage error; 130 interrupted (143 SIGTERM, 129 SIGHUP).
    """
    from .textio import collect_inputs

    if not paths:
        if sys.stdin is not None and not sys.stdin.isatty():
            paths = ("-",)
        else:
            raise click.UsageError("give at least one PATH (a file, a folder, or - for stdin)")
    fmt = _output_format(fmt, output, engine, scheduler)
    if bom and fmt not in ("csv", "tsv"):
        raise click.UsageError(f"--bom is for csv and tsv output, not {fmt}")
    options = make_options(types, ref_date, encoding, dict_files, max_size, keep_text=fmt == "sqlite")
    # The output is left out of folder walks (a second run must not read the
    # first one's output) and refused when named as an input.
    items = collect_inputs(list(paths), globs, skip=output)
    refuse_output_over_input(output, items)
    refuse_output_over_input(output, paths)  # a folder given as the output of --engine dask
    jobs = resolve_jobs_option(jobs)
    if engine == "dask":
        from .commands.dask_engine import run_dask

        undated: Counter[str] = Counter()
        failures = run_dask(items, options, output, scheduler, globs, report=input_error, undated=undated)
        note_undated(undated)
        sys.exit(EXIT_INPUT_ERROR if failures else EXIT_OK)
    try:
        failures = _run_and_render(items, options, fmt, output, jobs, False if is_quiet() else progress,
                                   color, bom)
    except BrokenPipeError:
        raise PipeClosed() from None
    sys.exit(EXIT_INPUT_ERROR if failures else EXIT_OK)


OUTPUT_SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
                         ".tsv": "tsv", ".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite"}


def _output_format(fmt: str | None, output: str | None, engine: str, scheduler: str | None) -> str:
    """The format to write, or a usage error when the options cannot go together.

    Without --format, -o FILE's suffix picks it (an unknown suffix is an error,
    not a guess); with no -o, table on a terminal and jsonl when piped.
    """
    if engine == "dask":
        if not output:
            raise click.UsageError("--engine dask writes JSONL partitions: give -o OUTDIR")
        if fmt not in (None, "jsonl"):
            raise click.UsageError(f"--engine dask writes JSONL partitions only, not --format {fmt}; "
                                   "use the local engine for other formats")
        return "jsonl"
    if scheduler:
        raise click.UsageError("--scheduler needs --engine dask")
    if fmt is None and output:
        suffix = os.path.splitext(output)[1].lower()
        fmt = OUTPUT_SUFFIX_FORMATS.get(suffix)
        if fmt is None:
            known = " ".join(OUTPUT_SUFFIX_FORMATS)
            raise click.UsageError(
                f"cannot tell the format from {output!r}: aicity writes {known}; "
                "name the file so, or give --format (for Excel: -o FILE.csv --bom)")
    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "jsonl"
    if fmt == "sqlite" and not output:
        raise click.UsageError("--format sqlite needs -o FILE.db")
    return fmt


def _run_and_render(items, options, fmt, output, jobs, progress, color=None, bom=False) -> int:
    """Stream results to the renderer; report failed inputs on stderr; count them.

    Inputs that cannot be used are reported as they come, in input order, and
    the run goes on with the others.
    """
    from contextlib import ExitStack, closing

    from .runner import Rendered, run

    write_errors: tuple[type[Exception], ...] = (OSError,)
    with ExitStack() as stack:
        render = None
        if fmt == "sqlite":
            import sqlite3

            from .errors import SqliteStoreError
            from .sqlite_store import SqliteRenderer

            try:
                renderer = SqliteRenderer(output)
            except SqliteStoreError as exc:
                raise click.ClickException(str(exc)) from None
            except sqlite3.Error as exc:  # a full disk before the first document
                raise OutputError(output, exc) from None
            for message in renderer.notes:
                error(f"note: {message}")
            write_errors = (OSError, sqlite3.Error)
        else:
            from .output import document_renderer, make_renderer

            stream = stack.enter_context(open_output(output)) if output else sys.stdout
            renderer = make_renderer(fmt, stream, color, types=options.types, bom=bom)
            render = document_renderer(fmt, options.types)  # workers render machine formats themselves
        # Start the worker pool before any thread (the progress bar's) exists.
        results = stack.enter_context(closing(run(items, options, jobs, render)))
        show_progress = progress if progress is not None else (sys.stderr.isatty() and len(items) > 3)
        bar = stack.enter_context(_progress_bar(len(items))) if show_progress else None
        failures = 0
        undated: Counter[str] = Counter()  # documents dated (in part) by today's date
        try:
            for result in results:
                if result.error:
                    failures += 1
                    input_error(result.path, result.error)
                elif isinstance(result, Rendered):
                    renderer.write_rendered(result.text)
                else:
                    renderer.write(result)
                if result.ref_date_source in TODAY_SOURCES:
                    undated[result.ref_date_source] += 1
                if bar is not None:
                    bar()
            renderer.close()
        except BrokenPipeError:
            raise
        except write_errors as exc:  # disk full, a closed descriptor ...
            raise OutputError(output or STDOUT_NAME, exc) from None
    note_undated(undated)
    return failures


def note_undated(undated: Counter[str]) -> None:
    """The one note of a run in which documents were dated by today's date, by their
    ``ref_date_source`` ("today", "dateline+today"); nothing when there were none."""
    if not undated:
        return
    no_date, day_only = undated["today"], undated["dateline+today"]

    def documents(count: int) -> str:
        return f"{count} document{'s' if count != 1 else ''}"

    parts = []
    if no_date:
        parts.append(f"{documents(no_date)} {'have no date of their' if no_date != 1 else 'has no date of its'} own")
    if day_only:
        parts.append(f"{documents(day_only)} {'give' if day_only != 1 else 'gives'} only the day in "
                     "a dateline, so the month and year are today's")
    note(f"note: {' and '.join(parts)}; relative dates in them are counted from today "
         f"({dt.date.today().isoformat()}): give --ref-date")


@contextmanager
def _progress_bar(total: int):
    """A transient rich progress bar on stderr; yields a function that advances it."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    task = progress.add_task("extract", total=total)
    progress.start()
    try:
        yield lambda: progress.advance(task)
    finally:
        progress.stop()


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("path", default="-", metavar="[PATH|-]")
@click.option("--to", "target", default="simplified", show_default=True,
              type=click.Choice(["simplified", "traditional", "taiwan", "hongkong",
                                 "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "t2hk"]),
              help="simplified (t2s), traditional (s2t), taiwan (s2tw, Taiwan standard characters), "
                   "hongkong (s2hk), or any OpenCC configuration name. For a named target the input's "
                   "script is detected: Traditional input goes through t2tw / t2hk, or is left as it "
                   "is for traditional.")
@click.option("--phrases/--no-phrases", default=False, show_default=True,
              help="Also convert vocabulary: taiwan -> s2twp (内存 -> 記憶體), simplified -> tw2sp (記憶體 -> 内存). "
                   "Changes the text's length.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of stdout.")
@click.option("--encoding", metavar="NAME", callback=parse_encoding_option,
              help="Input encoding (default: detected).")
def convert(path, target, phrases, output, encoding):
    """Convert a text between Traditional and Simplified Chinese (OpenCC).

    Reads PATH (or stdin for -), writes UTF-8 to stdout or -o FILE, keeping
    line endings. Without --phrases, conversion is character for character,
    so entity offsets stay valid across scripts.

    \b
    Examples:
      aicity convert --to simplified seeds/000_54bfc9fa5cc0f4e0.txt
      echo '内存价格上涨' | aicity convert --to taiwan --phrases
    """
    from .convert import convert as do_convert

    refuse_output_over_input(output, [path])
    text, _ = read_one_input(path, encoding)
    result = do_convert(text, target, phrases)
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                fh.write(result)
        except OSError as exc:
            raise OutputError(output, exc) from None
        return
    try:
        _write_stdout(result)
    except BrokenPipeError:
        raise PipeClosed() from None


def _write_stdout(text: str) -> None:
    """Write ``text`` to stdout as UTF-8 bytes, exactly (no newline translation)."""
    buffer = getattr(sys.stdout, "buffer", None)
    try:
        if buffer is None:  # a text-only stream (some test harnesses)
            sys.stdout.write(text)
        else:
            sys.stdout.flush()
            buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(STDOUT_NAME, exc) from None


def main(argv=None) -> None:
    """Console-script entry point: never a traceback for a user's mistake.

    Usage errors exit 2, unreadable inputs 1 (from ``extract``), Ctrl-C 130
    (SIGTERM 143, SIGHUP 129: handled alike, whole lines only), a closed
    output pipe (``| head``) quietly with 0, an output that cannot be written
    (disk full, stdout closed) 1 with ``Error: cannot write ...``; an
    unexpected exception is one line on stderr and exit 1 (``AICITY_DEBUG=1``
    shows the traceback).
    """
    _utf8_stdout()
    sys.stdout = GuardedStdout(sys.stdout)
    _stop_on_signals()
    code: int | str | None = EXIT_OK
    try:
        try:
            returned = cli.main(args=argv, prog_name="aicity", standalone_mode=False)
            code = returned if isinstance(returned, int) else EXIT_OK
        except SystemExit as exc:
            code = exc.code
        # Flush here, not at interpreter exit, so that a closed pipe is caught.
        sys.stdout.flush()
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        if isinstance(exc, OutputError):
            _silence_stdout()  # what is still buffered for stdout cannot be written either
        exc.show()
        code = exc.exit_code
    except (KeyboardInterrupt, click.Abort) as exc:
        _silence_stdout()
        # Click turns a KeyboardInterrupt into Abort; the signal is on its cause.
        signum = getattr(exc, "signum", None) or getattr(exc.__cause__, "signum", signal.SIGINT)
        try:
            error("interrupted" if signum == signal.SIGINT else f"stopped by {signal.Signals(signum).name}")
        except OSError:  # after a hang-up there may be no terminal left to tell
            pass
        code = 128 + signum
    except (PipeClosed, BrokenPipeError):
        _silence_stdout()  # keep a failure code set before the reader went away
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("AICITY_DEBUG"):
            raise
        _silence_stdout()
        error(f"internal error: {type(exc).__name__}: {exc} "
              "(please report it; AICITY_DEBUG=1 shows the traceback)")
        code = EXIT_INPUT_ERROR
    # The real stream again for the interpreter's last flush (nothing is left
    # to write, or stdout already points at devnull).
    sys.stdout = sys.stdout._stream if isinstance(sys.stdout, GuardedStdout) else sys.stdout
    sys.exit(code)


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised like Ctrl-C's KeyboardInterrupt so that a run
    stops the same way (whole output lines, workers ended); exit 128 + signum."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_interrupted(signum, frame) -> None:
    if frame is not None and frame.f_code.co_name == "__del__":
        # An exception raised in a finalizer is printed and dropped, and the
        # run would go on: deliver the signal again, once the finalizer is done.
        os.kill(os.getpid(), signum)
        return
    raise Interrupted(signum)


def _stop_on_signals() -> None:
    # Only where the default is in force: `nohup` ignores SIGHUP on purpose
    # (and a shell ignores SIGINT for a background job), and that choice is kept.
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) in (signal.SIG_DFL, signal.default_int_handler):
            signal.signal(signum, _raise_interrupted)


class GuardedStdout:
    """``sys.stdout`` for the console script: a write that fails for any reason
    but a closed pipe (disk full, a descriptor closed by the caller) raises
    :class:`OutputError` (``Error: cannot write standard output: ...``, exit 1),
    and a closed pipe :class:`PipeClosed` (a quiet exit 0) whichever command
    and view wrote. Everything else is the real stream's."""

    def __init__(self, stream):
        self._stream = stream

    def _call(self, method: str, *args):
        if self._stream is None:  # started with stdout closed (`aicity ... >&-`)
            raise OutputError(STDOUT_NAME, OSError(9, "it is closed"))
        try:
            return getattr(self._stream, method)(*args)
        except BrokenPipeError:
            raise PipeClosed() from None
        except OSError as exc:
            raise OutputError(STDOUT_NAME, exc) from None

    def write(self, text: str) -> int:
        return self._call("write", text)

    def flush(self) -> None:
        self._call("flush")

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def __getattr__(self, name: str):
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


def _utf8_stdout() -> None:
    """Machine formats are UTF-8 whatever the locale says."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(encoding="utf-8")
        except (OSError, ValueError):
            pass


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at devnull so that flush cannot
    # raise again on the closed pipe (or write a half line after Ctrl-C).
    if isinstance(sys.stdout, GuardedStdout) and sys.stdout._stream is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
