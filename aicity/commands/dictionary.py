"""``aicity dict``: the user-dictionary format, and ``aicity dict check`` to validate files."""
from __future__ import annotations

import sys

import click

from ..cli import CONTEXT_SETTINGS, EXIT_INPUT_ERROR, EXIT_OK, error


@click.group(context_settings=CONTEXT_SETTINGS)
def dictionary():
    """User dictionaries: your own companies, cities, officials and titles.

    Pass one or more with --dict FILE to extract, show, eval or summary; user
    entries win over the built-in ones. A dictionary is a UTF-8 text file of
    tab-separated columns:

    \b
      type     company, city, official or title
      name     the canonical name: a company's name as you want it
               normalized, a city's full name, an official's full name,
               or a title word (局長, 執行長)
      aliases  other names for it, separated by |   (may be empty)
      fields   key=value pairs separated by ;       (may be empty)
                 company:  stock_code, country
                 city:     country, level (直轄市, 市 or 縣)
                 official: title, org

    Lines starting with # are comments; blank lines are ignored. A header
    row "type<TAB>name<TAB>aliases<TAB>fields" is optional. Trailing empty
    columns may be left out. Example (columns separated by tabs):

    \b
      # my_dict.tsv
      type      name            aliases          fields
      company   奇點空間設計    奇點空間         country=TW
      company   台灣積體電路    台積電|TSMC      stock_code=2330;country=TW
      city      臺東縣          台東|東縣        country=TW;level=縣
      official  張善政                           title=市長;org=桃園市政府
      title     智發會主委

    \b
    Then:
      aicity dict check my_dict.tsv
      aicity extract --dict my_dict.tsv --types company seeds/

    Names and aliases need at least two characters. A title is recognised
    wherever the built-in titles are (智發會主委陳文強); an official is
    recognised beside any title (執行長奧特曼), and named alone too when the
    entry gives a title (奧特曼 -> title=執行長); a company or city also
    serves as the organisation before a title.

    Errors name the file and line: an unknown type, an empty or
    one-character name, a field not written key=value (or not allowed for
    the type), more than four columns, or the same type and name twice in
    one file.
    """


@dictionary.command(context_settings=CONTEXT_SETTINGS)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
def check(files):
    """Validate dictionary files; print the entries per type, or every error.

    Exit codes: 0 all files valid; 1 some file has errors (each printed as
    FILE:LINE: problem on stderr) or cannot be read.
    """
    from ..userdict import USER_TYPES, read_dictionary_file

    failed = False
    for path in files:
        entries, problems = read_dictionary_file(path)
        if problems:
            failed = True
            for problem in problems:
                error(problem)
            if len(problems) > 1:
                error(f"{path}: {len(problems)} errors")
            continue
        counts = {t: sum(1 for e in entries if e.type == t) for t in USER_TYPES}
        listed = ", ".join(f"{n} {t}" for t, n in counts.items() if n) or "no entries"
        click.echo(f"{path}: OK, {len(entries)} entries ({listed})")
    sys.exit(EXIT_INPUT_ERROR if failed else EXIT_OK)
