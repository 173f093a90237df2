"""``aicity eval``: precision, recall and F1 of the extractor against a gold file."""
from __future__ import annotations

import sys

import click

from ..cli import (CONTEXT_SETTINGS, EXIT_INPUT_ERROR, EXIT_OK, error, input_options, jobs_option, make_options,
                   note, open_output, ref_date_option, types_option)

EXIT_BELOW_MIN_F1 = 1


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False), metavar="GOLD")
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@click.option("--pred", "pred_file", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="Score saved predictions (the output of `aicity extract -f jsonl` or -f json) "
                   "instead of extracting from PATHs.")
@types_option
@ref_date_option
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="table for people; json: the figures (and errors) as one object.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the scores to FILE instead of stdout.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every miss (gold entity not found) and false alarm (value found, not gold).")
@click.option("--min-f1", type=click.FloatRange(0, 1), metavar="T",
              help="Exit 1 when the micro-averaged F1 (the \"all\" row) is below T (for CI).")
@jobs_option
@input_options
def evaluate(gold, paths, pred_file, types, ref_date, fmt, output, show_errors, min_f1, jobs,
             globs, encoding, dict_files, max_size):
    """Score the extractor on PATHs (files, folders) against a GOLD file.

    GOLD is JSONL, one document per line (the format is described in
    docs/entities.md):
    {"doc": "000_….txt", "ref_date": "2025-02-17", "entities": [{"type":
    "company", "normalized": ["輝達", "NVIDIA"], "evidence": "輝達NVIDIA"}]}.
    Documents are matched on the file's base name.

    Scoring is per document and type: the distinct normalized values found are
    compared with the gold entities. A gold entity counts as found when any
    of its accepted values was output; a value matching no gold entity is a
    false alarm. Values are compared after NFKC, 台 = 臺, plain money decimals,
    and (company, official) ignoring case and spaces. Gold documents with no
    matching input count as all missed. "all" is the micro average. With
    --types, only those types are extracted and scored.

    \b
    Examples:
      aicity eval aicity/resources/examples/seeds.gold.jsonl seeds/
      aicity eval gold.jsonl news/ --errors --types date,money
      aicity eval gold.jsonl news/ --min-f1 0.8 -f json
      aicity extract seeds/ -f jsonl > pred.jsonl && aicity eval gold.jsonl --pred pred.jsonl

    Exit codes: 0 scored; 1 an input could not be read, or F1 below --min-f1;
    2 usage error (including a malformed GOLD or --pred file).
    """
    from ..evaluation import GoldError, load_gold, load_records, score

    if pred_file and paths:
        raise click.UsageError("give either PATHs to extract from or --pred FILE, not both")
    if not pred_file and not paths:
        raise click.UsageError("give the PATHs (files or folders) to extract from, or --pred FILE")
    try:
        gold_docs = load_gold(gold)
        failures = 0
        if pred_file:
            pred_docs = load_records(pred_file)
        else:
            pred_docs, failures = _extract(paths, types, ref_date, jobs, globs, encoding, dict_files, max_size)
        report = score(gold_docs, pred_docs, types)
    except GoldError as exc:
        raise click.UsageError(str(exc)) from None

    _warn_unmatched(report, pred_docs, gold_docs)
    stream = open_output(output) if output else sys.stdout
    try:
        if fmt == "json":
            _print_json(report, gold, show_errors, stream)
        else:
            _print_table(report, gold, show_errors, stream)
    finally:
        if output:
            stream.close()
    if failures:
        sys.exit(EXIT_INPUT_ERROR)
    if min_f1 is not None and report.micro_f1 < min_f1:
        error(f"micro F1 {report.micro_f1:.3f} is below --min-f1 {min_f1}")
        sys.exit(EXIT_BELOW_MIN_F1)
    sys.exit(EXIT_OK)


def _extract(paths, types, ref_date, jobs, globs, encoding, dict_files, max_size) -> tuple[list[dict], int]:
    from ..textio import collect_inputs
    from . import ResultStream

    options = make_options(types, ref_date, encoding, dict_files, max_size)
    results = ResultStream(collect_inputs(list(paths), globs), options, jobs)
    predictions = [result.to_dict() for result in results]
    return predictions, results.failures


def _warn_unmatched(report, pred_docs, gold_docs) -> None:
    from ..evaluation import doc_key

    if report.unmatched_gold:
        names = ", ".join(report.unmatched_gold[:5]) + (" ..." if len(report.unmatched_gold) > 5 else "")
        note(f"warning: {len(report.unmatched_gold)} gold document(s) have no matching input "
              f"and count as all missed: {names}")
    gold_names = {doc_key(g) for g in gold_docs}
    extra = [doc_key(p) for p in pred_docs if doc_key(p) not in gold_names]
    if extra:
        note(f"warning: {len(extra)} input(s) are not in the gold file and are not scored: "
              + ", ".join(extra[:5]) + (" ..." if len(extra) > 5 else ""))


def _print_json(report, gold, show_errors, stream) -> None:
    import json

    out = {
        "gold": gold,
        "documents": report.documents,
        "scores": {name: counts.to_dict() for name, counts in report.rows().items()},
    }
    if show_errors:
        out["errors"] = [e.to_dict() for e in report.errors]
    stream.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")


def _print_table(report, gold, show_errors, stream) -> None:
    from rich import box
    from rich.markup import escape as markup_escape
    from rich.table import Table

    from ..output import TYPE_STYLES, terminal_console, terminal_safe

    def escape(text: str) -> str:
        return markup_escape(terminal_safe(text))

    console = terminal_console(stream, soft_wrap=False)
    if show_errors:
        console.print(f"[bold]Misses and false alarms[/] ({len(report.errors)})")
        errors = Table(box=box.SIMPLE)
        errors.add_column("Document", no_wrap=True)
        errors.add_column("Type", no_wrap=True)
        errors.add_column("Error", no_wrap=True)
        errors.add_column("Value", overflow="fold")
        errors.add_column("Evidence", overflow="fold")
        for e in report.errors:
            style = "red" if e.kind == "false alarm" else "yellow"
            errors.add_row(escape(e.doc), e.type, f"[{style}]{e.kind}[/]", escape(e.value), escape(e.evidence))
        console.print(errors if report.errors else "No misses and no false alarms.")
    plural = "" if report.documents == 1 else "s"
    console.print(f"[bold]{escape(gold)}[/]: {report.documents} document{plural}", soft_wrap=True)
    table = Table(box=box.SIMPLE)
    table.add_column("Type")
    for column in ("P", "R", "F1", "tp", "fn", "fp"):
        table.add_column(column, justify="right")
    for name, counts in report.rows().items():
        p, r, f = counts.prf()
        label = f"[{TYPE_STYLES.get(name, 'bold')}]{name}[/]"
        table.add_row(label, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}",
                      str(counts.tp), str(counts.fn), str(counts.fp),
                      end_section=name == report.types[-1])
    console.print(table)
