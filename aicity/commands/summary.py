"""``aicity summary``: who, which companies, where, how much and when, across a corpus."""
from __future__ import annotations

import re
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation

import click

from ..cli import (CONTEXT_SETTINGS, EXIT_INPUT_ERROR, EXIT_OK, input_options, jobs_option, make_options,
                   open_output, ref_date_option, types_option)
from . import paths_or_stdin

# The year and month a date value starts in: days, datetimes, months and ranges
# ("2023-03-16/2023-03-20" counts at its start); a bare year has no month.
MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2}(?:T[\d:]+)?)?(?:/|$)")


class Tally:
    """Mentions and documents of one name, plus counted extra values (titles, aliases ...)."""

    __slots__ = ("mentions", "documents", "extras")

    def __init__(self):
        self.mentions = 0
        self.documents = 0
        self.extras: dict[str, Counter] = {}

    def note(self, key: str, value) -> None:
        if value not in (None, ""):
            self.extras.setdefault(key, Counter())[str(value)] += 1

    def extra(self, key: str) -> list[str]:
        counter = self.extras.get(key, Counter())
        return [value for value, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def _ranked(tallies: dict[str, Tally], top: int, shown=lambda name: name) -> list[tuple[str, Tally]]:
    """Most documents first, then most mentions, then by the name as ``shown``."""
    return sorted(tallies.items(), key=lambda kv: (-kv[1].documents, -kv[1].mentions, shown(kv[0])))[:top]


def money_parts(entity) -> tuple[Decimal, str] | None:
    """``(amount, currency)`` from the money fields, or else from ``"<amount> <CUR>"``."""
    amount, currency = entity.fields.get("amount"), entity.fields.get("currency")
    if amount is None or not currency:
        parts = entity.normalized.split()
        if len(parts) != 2:
            return None
        amount, currency = parts
    try:
        return Decimal(str(amount)), str(currency).upper()
    except InvalidOperation:
        return None


class CorpusSummary:
    """Aggregates documents one at a time, keeping counts only, so a corpus of any size fits."""

    def __init__(self):
        self.documents = 0
        self.officials: dict[str, Tally] = {}
        self.companies: dict[str, Tally] = {}
        self.cities: dict[str, Tally] = {}
        self.money: dict[str, list] = {}  # currency -> [total, mentions]
        self.months: Counter[str] = Counter()
        # official -> (companies -> documents together, cities -> documents together)
        self.together: dict[str, tuple[Counter, Counter]] = {}

    def add(self, result) -> None:
        self.documents += 1
        seen: dict[str, set[str]] = {"official": set(), "company": set(), "city": set()}
        for entity in result.entities:
            if entity.type == "official":
                # One person across scripts: 龔正 and 龚正 share a key (see aicity.fold.name_key).
                tally = self._count(self.officials, official_key(entity), seen["official"])
                tally.note("spellings", entity.normalized)
                tally.note("titles", entity.fields.get("title"))
                tally.note("orgs", entity.fields.get("org"))
            elif entity.type == "company":
                tally = self._count(self.companies, entity.normalized, seen["company"])
                if entity.text != entity.normalized:
                    tally.note("aliases", entity.text)
            elif entity.type == "city":
                self._count(self.cities, entity.normalized, seen["city"])
            elif entity.type == "money":
                parts = money_parts(entity)
                if parts:
                    amount, currency = parts
                    total = self.money.setdefault(currency, [Decimal(0), 0])
                    total[0] += amount
                    total[1] += 1
            elif entity.type == "date":
                match = MONTH.match(entity.normalized)
                if match:
                    self.months[f"{match[1]}-{match[2]}"] += 1
        for official in seen["official"]:
            companies, cities = self.together.setdefault(official, (Counter(), Counter()))
            companies.update(seen["company"])
            cities.update(seen["city"])

    @staticmethod
    def _count(tallies: dict[str, Tally], name: str, seen_here: set[str]) -> Tally:
        tally = tallies.get(name) or tallies.setdefault(name, Tally())
        tally.mentions += 1
        if name not in seen_here:
            seen_here.add(name)
            tally.documents += 1
        return tally

    def to_dict(self, top: int = 10) -> dict:
        def partners(counter: Counter) -> list[dict]:
            ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
            return [{"name": name, "documents": n} for name, n in ranked]

        def written(key: str) -> str:
            # An official is shown as most often written (龔正, if more often than 龚正).
            return self.officials[key].extra("spellings")[0]

        return {
            "documents": self.documents,
            "officials": [
                {"name": written(key), "key": key, "documents": t.documents, "mentions": t.mentions,
                 "spellings": t.extra("spellings"), "titles": t.extra("titles"), "orgs": t.extra("orgs")}
                for key, t in _ranked(self.officials, top, written)
            ],
            "companies": [
                {"name": name, "documents": t.documents, "mentions": t.mentions,
                 "aliases": t.extra("aliases")}
                for name, t in _ranked(self.companies, top)
            ],
            "cities": [
                {"name": name, "documents": t.documents, "mentions": t.mentions}
                for name, t in _ranked(self.cities, top)
            ],
            "money": [
                {"currency": currency, "total": _plain(total), "mentions": mentions}
                for currency, (total, mentions) in sorted(self.money.items(), key=lambda kv: (-kv[1][1], kv[0]))
            ],
            "timeline": [{"month": month, "mentions": n} for month, n in sorted(self.months.items())],
            "cooccurrence": [
                {"official": written(key), "documents": self.officials[key].documents,
                 "companies": partners(self.together[key][0]),
                 "cities": partners(self.together[key][1])}
                for key, _ in _ranked(self.officials, top, written)
                if self.together[key][0] or self.together[key][1]
            ],
        }


def official_key(entity) -> str:
    """The official's identity: its ``key`` field, or (results from before it) its name folded."""
    key = entity.fields.get("key")
    if key:
        return key
    from ..fold import name_key

    return name_key(entity.normalized)


def _plain(amount: Decimal) -> str:
    """A decimal string with no exponent and no trailing zeros: 109000000000, 1.5."""
    text = format(amount, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, metavar="PATH...")
@types_option
@ref_date_option
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="table: rich tables for people; json: one object.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write to FILE instead of stdout.")
@click.option("--top", "-n", type=click.IntRange(min=1), default=10, show_default=True, metavar="N",
              help="Rows per ranking (officials, companies, cities, co-occurrence partners).")
@jobs_option
@input_options
def summary(paths, types, ref_date, fmt, output, top, jobs, globs, encoding, dict_files, max_size):
    """Summarise the entities of a corpus: files, folders (recursively) or - (stdin).

    \b
    Shows:
      officials      most frequent, with the titles and organisations seen
      companies      by canonical name, with the other names seen in the text
      cities         most frequent
      money          total per currency (exact decimal sums of every mention)
      timeline       date mentions per month (YYYY-MM; a range counts at its
                     start; year-only dates are left out)
      co-occurrence  which companies and cities appear in the same documents
                     as each official

    Rankings are by the number of documents, then mentions.

    \b
    Examples:
      aicity summary seeds/
      aicity summary news/ --top 20 -j 8
      aicity summary news/ -f json | jq '.money'
    """
    from ..textio import collect_inputs
    from . import ResultStream

    options = make_options(types, ref_date, encoding, dict_files, max_size)
    results = ResultStream(collect_inputs(list(paths_or_stdin(paths)), globs), options, jobs)
    corpus = CorpusSummary()
    for result in results:
        corpus.add(result)
    data = corpus.to_dict(top)
    stream = open_output(output) if output else sys.stdout
    try:
        if fmt == "json":
            import json

            stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            print_tables(data, types, stream)
    finally:
        if output:
            stream.close()
    sys.exit(EXIT_INPUT_ERROR if results.failures else EXIT_OK)


def print_tables(data: dict, types, stream=None) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from ..output import TYPE_STYLES

    from ..output import terminal_console, terminal_safe

    console = terminal_console(stream)
    count = data["documents"]
    console.print(f"[bold]{count} document{'' if count == 1 else 's'}[/]")

    def section(entity_type: str, title: str, columns, rows) -> None:
        if entity_type not in types:
            return
        console.print(f"\n[{TYPE_STYLES[entity_type]}]{title}[/]" + ("" if rows else ": none found"))
        if not rows:
            return
        table = Table(box=box.SIMPLE)
        for name, justify in columns:
            table.add_column(name, justify=justify, overflow="fold")
        for row in rows:
            table.add_row(*(escape(terminal_safe(cell)) for cell in row))
        console.print(table)

    counts = [("Docs", "right"), ("Mentions", "right")]
    section("official", "Officials", [("Name", "left"), *counts, ("Titles", "left"), ("Organisations", "left")],
            [(" / ".join(o["spellings"]), str(o["documents"]), str(o["mentions"]), ", ".join(o["titles"]),
              ", ".join(o["orgs"]))
             for o in data["officials"]])
    section("company", "Companies", [("Name", "left"), *counts, ("Also written", "left")],
            [(c["name"], str(c["documents"]), str(c["mentions"]), ", ".join(c["aliases"]))
             for c in data["companies"]])
    section("city", "Cities", [("Name", "left"), *counts],
            [(c["name"], str(c["documents"]), str(c["mentions"])) for c in data["cities"]])
    section("money", "Money", [("Currency", "left"), ("Total", "right"), ("Mentions", "right")],
            [(m["currency"], _grouped(m["total"]), str(m["mentions"])) for m in data["money"]])
    peak = max((m["mentions"] for m in data["timeline"]), default=1)
    section("date", "Timeline (date mentions per month)", [("Month", "left"), ("Mentions", "right"), ("", "left")],
            [(m["month"], str(m["mentions"]), "█" * max(1, round(20 * m["mentions"] / peak)))
             for m in data["timeline"]])
    if "official" in types and ({"company", "city"} & set(types)):
        def names(partners):
            return ", ".join(f"{p['name']} ({p['documents']})" for p in partners)

        section("official", "Officials with companies and cities (documents together)",
                [("Official", "left"), ("Companies", "left"), ("Cities", "left")],
                [(o["official"], names(o["companies"]), names(o["cities"])) for o in data["cooccurrence"]])


def _grouped(total: str) -> str:
    """Thousands separators for people: 109000000000 -> 109,000,000,000."""
    whole, dot, fraction = total.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}{dot}{fraction}"
