"""The command line: option parsing and wiring only; no extraction logic here.

Subcommands other than ``extract`` and ``convert`` live in
``aicity/commands/`` and are imported only when invoked, so ``aicity --help``
stays fast.
"""
from __future__ import annotations

import datetime as dt
import importlib
import os
import sys

import click

from . import __version__
from .model import ENTITY_TYPES

EXIT_OK = 0
EXIT_INPUT_ERROR = 1   # some input could not be read or decoded; the others were processed
EXIT_USAGE = 2         # bad options (click's usage errors)
EXIT_INTERRUPTED = 130  # Ctrl-C

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


def types_option(fn):
    return click.option(
        "--types", "-t", metavar="TYPE[,TYPE...]", callback=parse_types_option,
        help=f"Entity types to extract, comma-separated. Default: all ({','.join(ENTITY_TYPES)}).",
    )(fn)


def ref_date_option(fn):
    return click.option(
        "--ref-date", metavar="YYYY-MM-DD", callback=parse_ref_date_option,
        help="Anchor for dates without a year and relative dates (今日, 去年). "
             "Default: each document's own publication date, read from its text.",
    )(fn)


def input_options(fn):
    """Options shared by every command that reads documents."""
    fn = click.option(
        "--glob", "globs", multiple=True, metavar="PATTERN", callback=parse_glob_option,
        help="File-name pattern to pick files inside folders (repeatable). "
             "Default: text-like files (*.txt, *.md, *.html ...).",
    )(fn)
    fn = click.option(
        "--encoding", metavar="NAME",
        help="Decode every input with this encoding instead of detecting "
             "UTF-8/UTF-16/Big5/GB18030.",
    )(fn)
    fn = click.option(
        "--dict", "dict_files", multiple=True, type=click.Path(dir_okay=False),
        metavar="FILE", help="A user dictionary (TSV; see `aicity dict --help`). Repeatable; "
                             "user entries win over built-in ones.",
    )(fn)
    return fn


def load_user_dict(dict_files):
    if not dict_files:
        return None
    from .resources import ResourceError
    from .userdict import load_user_dictionary

    try:
        return load_user_dictionary(dict_files)
    except (ResourceError, OSError) as exc:
        raise click.BadParameter(str(exc), param_hint="--dict") from None


def error(message: str) -> None:
    click.echo(f"aicity: {message}", err=True)


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
    """


FORMAT_HELP = (
    "Output format. table: rich tables for people; json: one array of documents; "
    "jsonl: one document object per line, streamed; csv/tsv: one row per entity; "
    "sqlite: write a database (needs -o). Default: table on a terminal, jsonl when piped."
)


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, metavar="PATH...")
@types_option
@ref_date_option
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "jsonl", "csv", "tsv", "sqlite"]),
              help=FORMAT_HELP)
@click.option("--output", "-o", metavar="FILE|DIR", help="Write to FILE (or DIR for --engine dask) instead of stdout.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes for folders. Default: the number of cores. Output order never changes.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr. Default: on when stderr is a terminal and there are several files.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's processes; dask: a Dask bag over the files (pip install 'aicity[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the address of a running Dask scheduler. Default: start a local cluster.")
@input_options
def extract(paths, types, ref_date, fmt, output, jobs, progress, engine, scheduler, globs, encoding, dict_files):
    """Extract entities from files, folders (recursively) or - (stdin).

    Documents come out in sorted path order. Each JSON document is
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
    2 usage error; 130 interrupted.
    """
    from .runner import Options, default_jobs
    from .textio import collect_inputs

    if not paths:
        if sys.stdin is not None and not sys.stdin.isatty():
            paths = ("-",)
        else:
            raise click.UsageError("give at least one PATH (a file, a folder, or - for stdin)")
    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "jsonl"
    if fmt == "sqlite" and not output:
        raise click.UsageError("--format sqlite needs -o FILE.db")
    if engine == "dask" and not output:
        raise click.UsageError("--engine dask writes JSONL partitions: give -o OUTDIR")
    options = Options(types=types, ref_date=ref_date, encoding=encoding,
                      user_dict=load_user_dict(dict_files))
    items = collect_inputs(list(paths), globs)
    jobs = jobs or default_jobs()
    if engine == "dask":
        from .commands.dask_engine import run_dask

        failures = run_dask(items, options, output, scheduler)
        sys.exit(EXIT_INPUT_ERROR if failures else EXIT_OK)
    failures = _run_and_render(items, options, fmt, output, jobs, progress)
    sys.exit(EXIT_INPUT_ERROR if failures else EXIT_OK)


def _run_and_render(items, options, fmt, output, jobs, progress) -> int:
    """Stream results to the renderer; report failed inputs on stderr; count them."""
    from .runner import run

    if fmt == "sqlite":
        from .sqlite_store import SqliteRenderer

        renderer = SqliteRenderer(output)
        stream = None
    else:
        stream = open(output, "w", encoding="utf-8", newline="\n") if output else sys.stdout
        from .output import make_renderer

        renderer = make_renderer(fmt, stream)
    show_progress = progress if progress is not None else (sys.stderr.isatty() and len(items) > 3)
    failures = 0
    bar = None
    try:
        if show_progress:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
            from rich.console import Console

            bar = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                           console=Console(stderr=True), transient=True)
            bar.start()
            task = bar.add_task("extract", total=len(items))
        for result in run(items, options, jobs):
            if result.error:
                failures += 1
                error(f"{result.path}: {result.error}")
            else:
                renderer.write(result)
            if bar is not None:
                bar.advance(task)
        renderer.close()
    finally:
        if bar is not None:
            bar.stop()
        if output and stream is not None:
            stream.close()
    return failures


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("path", default="-", metavar="[PATH|-]")
@click.option("--to", "target", default="simplified", show_default=True,
              type=click.Choice(["simplified", "traditional", "taiwan", "hongkong",
                                 "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "t2hk"]),
              help="simplified (t2s), traditional (s2t), taiwan (s2tw, Taiwan standard characters), "
                   "hongkong (s2hk), or any OpenCC configuration name.")
@click.option("--phrases/--no-phrases", default=False, show_default=True,
              help="Also convert vocabulary: taiwan -> s2twp (内存 -> 記憶體), simplified -> tw2sp (記憶體 -> 内存). "
                   "Changes the text's length.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of stdout.")
@click.option("--encoding", metavar="NAME", help="Input encoding (default: detected).")
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
    from .textio import DecodeError, read_text

    try:
        text, _ = read_text(path, encoding)
    except (OSError, DecodeError) as exc:
        error(f"{path}: {getattr(exc, 'strerror', None) or exc}")
        sys.exit(EXIT_INPUT_ERROR)
    result = do_convert(text, target, phrases)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(result)
    else:
        sys.stdout.write(result)
        sys.stdout.flush()


def main(argv=None) -> None:
    """Console-script entry point: usage errors exit 2, Ctrl-C 130, a closed pipe quietly."""
    try:
        cli.main(args=argv, prog_name="aicity", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, click.Abort):
        _silence_stdout()
        error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_OK)


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at devnull so that flush cannot
    # raise again on the closed pipe.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
