"""Subcommands beyond ``extract`` and ``convert``, imported only when invoked.

Each module defines one Click command that ``aicity.cli.LazyGroup`` loads by
name. Keep module-level imports cheap: heavy work is imported inside the
command functions. The helpers here are what several commands share.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator


def some_input_options(*names: str) -> Callable:
    """A decorator adding only the named options of :func:`aicity.cli.input_options`.

    ``show`` reads one file, so ``--glob`` means nothing to it; taking the other
    options from the shared decorator keeps their help and parsing in one place.
    """
    from ..cli import input_options

    def holder():
        pass

    input_options(holder)
    chosen = [p for p in holder.__click_params__ if p.name in names]
    missing = set(names) - {p.name for p in chosen}
    if missing:
        raise LookupError(f"input_options has no option(s) {', '.join(sorted(missing))}")

    def decorate(fn):
        # What click.option() does to a function not yet made a command.
        fn.__dict__.setdefault("__click_params__", []).extend(chosen)
        return fn

    return decorate


class ResultStream:
    """Successful results of :func:`aicity.runner.run`, reporting failed inputs on stderr.

    ``failures`` counts the inputs that could not be read or decoded, so the
    command can exit 1 after the others were processed (as ``extract`` does).
    """

    def __init__(self, items, options, jobs: int | None = None):
        from ..cli import resolve_jobs_option

        self.items = items
        self.options = options
        self.jobs = resolve_jobs_option(jobs)
        self.failures = 0

    def __iter__(self) -> Iterator:
        from ..cli import input_error
        from ..runner import run

        for result in run(self.items, self.options, self.jobs):
            if result.error:
                self.failures += 1
                input_error(result.path, result.error)
                continue
            yield result




def paths_or_stdin(paths: Iterable[str]) -> tuple[str, ...]:
    """The PATH arguments, or ``-`` when none are given and stdin is piped."""
    import sys

    import click

    paths = tuple(paths)
    if paths:
        return paths
    if sys.stdin is not None and not sys.stdin.isatty():
        return ("-",)
    raise click.UsageError("give at least one PATH (a file, a folder, or - for stdin)")
