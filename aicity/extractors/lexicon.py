"""The gazetteers of the name extractors, built from package resources.

Every dictionary that companies, cities and officials match — the company
names, the places, the officials' title grammar and the company rules' anchor
words — is built here, lazily and once per process, from the files under
``aicity/resources/``; the user dictionary's companies and cities (``--dict``)
once per dictionary. This module imports no extractor; the extractors import
it. :func:`document_matches` serves each gazetteer's hits over a whole document
from a single fused scan (see :class:`~aicity.extractors.base.FusedGazetteer`),
shared through the document's cache.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from ..document import Document
from ..fold import fold
from ..resources import load_list, load_table
from .base import FusedGazetteer, Gazetteer, is_han

# Kinds of a place's surface form, strongest first (the order breaks ties between equal spans).
# COMBINED: 北北基 (one city per character); WEAK: a foreign city's bare name that needs context.
FULL, SHORT, ABBREVIATION, ENGLISH, FOREIGN = "full", "short", "abbreviation", "english", "foreign"
COMBINED, WEAK = "combined", "weak"
# A city abroad written in Latin letters (加州Fremont): its English name, from the hand-curated table's id
# (us-fremont) or CLDR's time-zone id (America/Chicago); it names the city only right after its state or country
LATIN = "latin"
LATIN_NAME_MIN = 4  # letters: shorter English names (Nice, Bath) are words as often
PLACE_KIND_ORDER = (FULL, COMBINED, SHORT, ABBREVIATION, ENGLISH, FOREIGN, LATIN, WEAK)
# The generated gazetteers of cities abroad, after the hand-curated ones (which win a shared form).
GENERATED_CITY_TABLES = ("city/cn_cities.tsv", "city/jp_cities.tsv", "city/geonames_cities.tsv")
# Countries whose cities news writes with 市 (上海市, 大阪市, 首爾市).
CITY_SUFFIX_COUNTRIES = frozenset({"CN", "JP", "KR"})


def split_cell(cell: str) -> list[str]:
    """The entries of a ``|``-separated table cell."""
    return [part.strip() for part in cell.split("|") if part.strip()]


@functools.cache
def mainland_provinces(with_aliases: bool = False) -> frozenset[str]:
    """The mainland's provinces and autonomous regions (city/regions.tsv) by their name in both scripts
    (江蘇, 江苏), folded; ``with_aliases`` adds their other names (吉林省), as a list of provinces writes them."""
    return frozenset(fold(n) for row in load_table("city/regions.tsv") if row["country"] == "CN"
                     for n in (row["name"], row["name_cn"], *(split_cell(row["aliases"]) if with_aliases else ())) if n)


@functools.cache
def common_words() -> frozenset[str]:
    """Everyday words (jieba's dictionary, folded): not a name on their own."""
    return frozenset(fold(w) for w in load_list("common/common_words.txt"))


@functools.cache
def corporate_titles() -> tuple[str, ...]:
    """The corporate titles that the Latin-name company rule looks for after a name."""
    return load_list("company/corporate_titles.txt")


# ------------------------------------------------------------------ places

@dataclass(frozen=True, slots=True)
class CityInfo:
    name: str
    country: str
    level: str | None
    kind: str
    prefecture_homonym: bool = False
    parts: tuple[str, ...] = ()  # COMBINED: the city of each character (or of the whole form)
    whole_form: bool = False  # COMBINED: the whole form names every part (雙北), not one character each
    part_countries: tuple[str, ...] = ()  # COMBINED: the country of each of them (港澳: HK, MO)
    generated: bool = False      # from a generated list (cn/jp/geonames): checked for glued words


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What a city's weak or homonym form is checked against (all folded)."""

    regions: frozenset[str]         # provinces, prefectures, states and countries: 江蘇|崑山, 日本|岡山
    region_lengths: tuple[int, ...]
    prefectures: frozenset[str]     # Japanese prefectures and Malaysian states, bare and full
    region_last_chars: frozenset[str]  # a cheap test before the look-ups by length
    region_countries: dict[str, str]  # each region's country (霹靂 MY, 江蘇 CN), where one is known


def _choose_place(infos: list[CityInfo]) -> CityInfo:
    """The place a form shared by several names: Taiwan first, then the first listed."""
    return sorted(infos, key=lambda i: (i.country != "TW", PLACE_KIND_ORDER.index(i.kind)))[0]


class WordStarts:
    """A set of words to test for at a position of a text (up to ``longest`` characters).

    Most positions start no word at all, which one look-up of the first character shows.
    """

    __slots__ = ("words", "first_chars", "lengths", "exceptions")

    def __init__(self, words: frozenset[str], longest: int = 5, exceptions: frozenset[str] = frozenset()):
        self.words = words
        self.first_chars = frozenset(word[:1] for word in words)
        self.lengths = tuple(sorted({len(word) for word in words if 1 <= len(word) <= longest}))
        self.exceptions = exceptions  # longer words that open with one of the words and are none (路演 after 路)

    def at(self, text: str, pos: int) -> bool:
        if text[pos:pos + 1] not in self.first_chars:
            return False
        if self.exceptions and any(text.startswith(word, pos) for word in self.exceptions):
            return False
        return any(text[pos:pos + n] in self.words for n in self.lengths)


def _latin_city_name(table: str, row_id: str) -> str | None:
    """The English name of a city abroad from its row's id: CLDR's time-zone id (America/Los_Angeles -> Los Angeles)
    or the hand-curated table's slug (us-fremont -> Fremont); None for generated ids or a short name."""
    if table == "city/world_cities.tsv" and "/" in row_id:
        name = row_id.rsplit("/", 1)[1].replace("_", " ")
    elif table == "city/world_cities_extra.tsv" and row_id[2:3] == "-":
        name = " ".join(word.capitalize() for word in row_id[3:].split("-"))
    else:
        return None
    return name if len(name.replace(" ", "")) >= LATIN_NAME_MIN and name.isascii() else None


@functools.cache
def city_gazetteer() -> tuple[Gazetteer, WordStarts, WordStarts]:
    """The gazetteer, whose payload per form is the one place the form names
    (chosen once here, not per match), and the context words after short forms
    and after abbreviations."""
    entries: list[tuple[str, CityInfo]] = []
    common = common_words()
    for row in load_table("city/tw_cities.tsv"):
        name, level = row["name"], row["level"]
        full = CityInfo(name, "TW", level, FULL)
        entries.append((name, full))
        for alias in split_cell(row["aliases"]):
            kind = FULL if alias.endswith(("市", "縣")) else SHORT
            entries.append((alias, CityInfo(name, "TW", level, kind)))
        for abbreviation in split_cell(row["abbreviations"]):
            entries.append((abbreviation, CityInfo(name, "TW", level, ABBREVIATION)))
        for english in split_cell(row["english"]):
            entries.append((english, CityInfo(name, "TW", level, ENGLISH)))
    # 旺市, 收市: a market's state or session, no city's 市 (旺市 is also Vaughan, Ontario)
    market = market_words()
    for table in ("city/world_cities.tsv", "city/world_cities_extra.tsv", *GENERATED_CITY_TABLES):
        generated = table in GENERATED_CITY_TABLES
        for row in load_table(table):
            homonym = row.get("prefecture_homonym", "") in ("1", "true", "yes")
            info = CityInfo(row["name"], row["country"], row.get("level") or None, FOREIGN, homonym,
                            generated=generated)
            needs_context = row.get("context", "") == "1"
            if needs_context:
                weak = CityInfo(row["name"], row["country"], row.get("level") or None, WEAK, homonym,
                                generated=generated)
            aliases = row.get("aliases", "")
            forms = {row["name"], row.get("name_cn", ""), *(aliases.split("|") if aliases else ())}
            if row["country"] in CITY_SUFFIX_COUNTRIES:  # 上海市, 大阪市: the 市 is part of the name
                forms |= {f + "市" for f in forms if f and not f.endswith("市")}
            latin = _latin_city_name(table, row["id"])
            if latin is not None:
                entries.append((latin, CityInfo(row["name"], row["country"], row.get("level") or None, LATIN, homonym,
                                                generated=generated)))
            for form in forms:
                if form:
                    # 崑山市 names the city; a bare 北安 or 太平 needs context (江蘇崑山, a dateline),
                    # and so does a 市 form that ends in a word (項城市 in 各項城市).
                    last_word = fold(form[-2:])
                    weak_form = needs_context and (not form.endswith("市") or last_word in common or last_word in market)
                    entries.append((form, weak if weak_form else info))
    countries = {info.name: info.country for _, info in entries}  # 香港 -> HK; Taiwan's own cities -> TW
    for row in load_table("city/combined.tsv"):
        parts = tuple(split_cell(row["cities"]))
        part_countries = tuple(countries.get(part, "TW") for part in parts)
        whole_form = row["names_by"] == "form"
        if not whole_form and len(parts) != len(row["form"]):
            raise ValueError(f"city/combined.tsv: {row['form']} names {len(parts)} cities, one per character")
        entries.append((row["form"], CityInfo(parts[0], part_countries[0], None, COMBINED, parts=parts,
                                              part_countries=part_countries, whole_form=whole_form)))
    context = load_table("city/context.tsv")
    after = frozenset(fold(r["word"]) for r in context if r["kind"] == "after")
    not_after = frozenset(fold(r["word"]) for r in context if r["kind"] == "not_after")
    abbreviation_after = frozenset(fold(r["word"]) for r in context if r["kind"] == "abbreviation_after")
    places_by_form: dict[str, list[CityInfo]] = {}
    for form, info in entries:
        places_by_form.setdefault(fold(form), []).append(info)
    chosen = Gazetteer(
        (form, infos[0] if len(infos) == 1 else _choose_place(infos)) for form, infos in places_by_form.items()
    )
    # (up to nine characters: a mainland zone written out, 高新技術產業開發區)
    return chosen, WordStarts(after, longest=9, exceptions=not_after), WordStarts(abbreviation_after)


@functools.cache
def place_context() -> PlaceContext:
    regions: set[str] = set()
    prefectures: set[str] = set()
    countries: dict[str, str] = {}
    for row in load_table("city/regions.tsv"):
        names = {fold(n) for n in (row["name"], row["name_cn"], *split_cell(row["aliases"])) if n}
        regions |= names
        countries.update(dict.fromkeys(names, row["country"]))
        if row["kind"] in ("prefecture", "state"):
            prefectures |= names
    for row in load_table("common/countries.tsv"):
        names = {fold(n) for n in (row["name"], row["name_cn"]) if n}
        regions |= names
        countries.update(dict.fromkeys(names, row["code"]))
    countries.update({fold(w): "CN" for w in ("大陸", "內地", "中國大陸")} | {fold("大馬"): "MY"})
    regions |= set(countries)
    return PlaceContext(
        frozenset(regions), tuple(sorted({len(r) for r in regions}, reverse=True)), frozenset(prefectures),
        frozenset(r[-1] for r in regions), countries,
    )


@functools.lru_cache(maxsize=8)
def user_city_gazetteer(user) -> Gazetteer:
    """The user dictionary's cities (``--dict``), built once per dictionary."""
    entries = []
    for entry in user.of_type("city"):
        fields = dict(entry.fields)
        info = CityInfo(entry.name, fields.get("country", ""), fields.get("level"), FULL)
        entries.extend((form, info) for form in (entry.name, *entry.aliases))
    return Gazetteer(entries)


# ------------------------------------------------------------------ companies

@dataclass(frozen=True, slots=True)
class CompanyInfo:
    canonical: str
    aliases: tuple[str, ...]
    stock_code: str | None
    country: str | None
    parent: str | None = None  # the parent company's canonical name, for a subsidiary


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form of a company in the gazetteer."""

    info: CompanyInfo
    ambiguous: bool
    latin: bool
    user: bool = False  # from the user's --dict: the user says it is a company
    registered: bool = False  # a listed company's registered name (company/companies_tw_fullnames.tsv)


def is_latin(form: str) -> bool:
    return form.isascii()


@functools.cache
def company_phrase_names() -> dict[str, frozenset[str]]:
    """Listed names that are everyday phrases (company/phrase_names.tsv), folded, by kind (phrase, period,
    field, tw_phrase); ``uncued``: the period, field and tw_phrase names, which no cue word after them confirms."""
    rows = load_table("company/phrase_names.tsv")
    kinds = {kind: frozenset(fold(r["word"]) for r in rows if r["kind"] == kind)
             for kind in ("phrase", "period", "field", "tw_phrase")}
    kinds["uncued"] = kinds["period"] | kinds["field"] | kinds["tw_phrase"]
    return kinds


# The endings of a listed insurer's registered name and the short forms the news writes for them
# (某某產物保險: 某某產物, 某某產險; 某某人壽保險: 某某人壽).
INSURER_SHORT_FORMS = (("產物保險", ("產物", "產險")), ("人壽保險", ("人壽",)))
# The generic ending of many registered names (某某企業) and how many characters must be left without it
GENERIC_ENTERPRISE = "企業"
ENTERPRISE_REST_MIN = 4


def company_forms(
    info: CompanyInfo, written: list[str], ambiguous_forms: set[str], user: bool = False,
    registered: str | None = None,
) -> list[tuple[str, Form]]:
    out = []
    phrases = company_phrase_names()
    for form in written:
        if len(form) < 2:
            continue
        ambiguous = form in ambiguous_forms or not user and (
            fold(form) in phrases["phrase"] or fold(form) in phrases["uncued"])
        out.append((form, Form(info, ambiguous, is_latin(form), user, form == registered)))
    return out


def parse_aliases(cell: str) -> tuple[list[str], set[str]]:
    """Aliases from a ``|`` list; a leading ``~`` marks one that needs company context."""
    aliases, ambiguous = [], set()
    for alias in split_cell(cell):
        if alias.startswith("~"):
            alias = alias[1:].strip()
            ambiguous.add(alias)
        aliases.append(alias)
    return aliases, ambiguous


@functools.cache
def _latin_legal_forms() -> tuple[str, ...]:
    return tuple(sorted((f.casefold() for f in load_list("company/latin_legal_forms.txt")), key=len, reverse=True))


def latin_base(name: str) -> str:
    """A Latin company name without its legal form (McKesson of McKesson Corporation, JPMorgan Chase of
    JPMorgan Chase & Co.); the name itself when it ends in none."""
    folded = name.casefold()
    for form in _latin_legal_forms():
        if folded.endswith(" " + form) or folded.endswith("," + form):
            return name[: len(name) - len(form)].rstrip(" ,&")
    return name


def world_company_names(row: dict[str, str]) -> list[str]:
    """The names of a row of ``company/companies_world.tsv``: its name, aliases, Latin name and the Latin
    name without its legal form."""
    latin = row.get("latin", "")
    names = [row["name"], *split_cell(row.get("aliases", "")), latin, latin_base(latin) if latin else ""]
    return list(dict.fromkeys(n for n in names if n))


#: countries whose companies one row may name under another's code (a mainland group listed in Hong Kong).
_COUNTRY_REGION = {"CN": "CN", "HK": "CN", "MO": "CN"}


@functools.cache
def _company_form_pattern() -> regex.Pattern:
    """The legal forms and strong suffixes of company/suffixes.tsv (有限公司, 集團, 控股) at a name's end."""
    forms = sorted({fold(r["suffix"]) for r in load_table("company/suffixes.tsv") if r["strength"] in ("legal", "strong")},
                   key=len, reverse=True)
    return regex.compile("(?:" + "|".join(map(regex.escape, forms)) + r")+$")


def _without_company_form(name: str) -> str:
    """A Chinese name without its legal form or group word (宝马 of 宝马集团), to find the company it names."""
    base = _company_form_pattern().sub("", fold(name))
    return base if len(base) >= 2 else name


def _later_company(
    names: list[str], risky: set[str], country: str | None, owner: dict[str, CompanyInfo],
    registered: str | None = None,
) -> list[tuple[str, Form]]:
    """The forms of a row of a later company list (``names``, the first its canonical) that no earlier
    source has; ``owner`` (folded form -> company) is updated with them."""
    names = [n for n in dict.fromkeys(names) if n]
    region = _COUNTRY_REGION.get(country, country)
    keys = [fold(n) for n in names] + [fold(_without_company_form(n)) for n in names]
    known = next((owner[k] for k in keys if k in owner and _COUNTRY_REGION.get(owner[k].country, owner[k].country) == region),
                 None)
    written = [n for n in names if fold(n) not in owner]
    if not written:
        return []
    canonical = known.canonical if known else written[0]
    info = CompanyInfo(canonical, tuple(n for n in written if n != canonical),
                       known.stock_code if known else None, country, known.parent if known else None)
    for n in written:
        owner[fold(n)] = info
    return company_forms(info, written, risky, registered=registered)


@functools.cache
def company_dictionary() -> Gazetteer:
    """Every company name of the resources: the hand-curated rows
    (``company/companies_extra.tsv``) first, then the Taiwanese listed short
    names (``company/companies_tw.tsv``, with the emerging board of
    ``company/companies_tw_emerging.tsv`` and the registered names of
    ``company/companies_tw_fullnames.tsv`` as aliases), Taiwan's unlisted public companies
    (``company/companies_tw_public.tsv``), the mainland A shares
    (``company/companies_cn.tsv``), HKEX short names (``company/companies_hk.tsv``) and the
    world's large companies (``company/companies_world.tsv``); a form already taken by an earlier source
    keeps its first company. A subsidiary row names its parent (by id), which
    becomes ``CompanyInfo.parent`` (the parent's canonical name)."""
    listed = {row["code"]: row for row in load_table("company/companies_tw.tsv")}
    # Taiwan's emerging board (興櫃) joins the listings; a company since listed is twstock's row.
    listed_names = {fold(row["name"]) for row in listed.values()}
    for row in load_table("company/companies_tw_emerging.tsv"):
        if row["code"] not in listed and fold(row["name"]) not in listed_names:
            listed[row["code"]] = row
    # Each curated row with its stock code (a row whose id is a listed code overrides that listing).
    extra_rows = [(row, row.get("stock_code") or (row["id"] if row["id"] in listed else ""))
                  for row in load_table("company/companies_extra.tsv")]
    extra_by_code = {code: row for row, code in extra_rows if code in listed}
    canonical_of: dict[str, str] = {code: row["name"] for code, row in listed.items()}
    canonical_of.update((code or row["id"], row["canonical"]) for row, code in extra_rows)
    entries: list[tuple[str, Form]] = []
    for row, code in extra_rows:
        if code in extra_by_code:
            continue
        aliases, ambiguous = parse_aliases(row.get("aliases", ""))
        parent = canonical_of.get(row.get("parent", "")) or None
        info = CompanyInfo(row["canonical"], tuple(aliases), code or None, row.get("country") or None, parent)
        entries += company_forms(info, [row["canonical"], *aliases], ambiguous)
    # The registered names of the listed companies (台灣積體電路製造, 大樹醫藥, 統一企業): one more name of the
    # company with that code, unless another company already goes by it, here or as an A share or on HKEX
    # (安集科技, 萬潤科技 are mainland companies' short names too).
    elsewhere = {fold(row["name"]) for table in ("company/companies_cn.tsv", "company/companies_hk.tsv")
                 for row in load_table(table)}
    full_names = {row["code"]: (row["full_name"], row.get("ambiguous") == "1")
                  for row in load_table("company/companies_tw_fullnames.tsv")
                  if row["code"] in listed and fold(row["full_name"]) not in elsewhere}
    claimed: dict[str, str] = {fold(form): entry.info.canonical for form, entry in entries}
    listed_names = {}
    for code, row in listed.items():
        short = row["name"]
        ambiguous = {short} if row.get("ambiguous") == "1" else set()
        canonical, aliases = short, []
        if code in extra_by_code:
            # The hand-curated row decides: a name it lists without ~ is safe.
            extra = extra_by_code[code]
            canonical = extra.get("canonical") or short
            aliases, ambiguous = parse_aliases(extra.get("aliases", ""))
        if canonical.endswith("-KY"):
            # 臻鼎-KY is 臻鼎 in the news: -KY marks the registration, as a legal form does.
            base = canonical[:-3]
            if base not in aliases:
                ambiguous = ambiguous | {base}  # 再生-KY, 東科-KY are safe; 再生 is a word, 東科 in 嶺東科大
            aliases = [canonical, *(a for a in aliases if a != base)]
            canonical = base
        names = [canonical, *([short] if short != canonical else []), *aliases]
        names = list(dict.fromkeys(names))
        listed_names[code] = (canonical, names, ambiguous)
        for n in names:
            claimed.setdefault(fold(n), canonical)
    for code, (canonical, names, ambiguous) in listed_names.items():
        registered = None
        if code in full_names:
            full, risky = full_names[code]
            registered = next((n for n in names if fold(n) == fold(full)), None)  # a curated name keeps its ~
            if registered is None and claimed.get(fold(full), canonical) == canonical:
                names, registered = [*names, full], full
                if risky:
                    ambiguous = ambiguous | {full}
            # An insurer's registered name less 保險 is how the news names it (三商美邦人壽保險 -> 三商美邦人壽,
            # 新光產物保險 -> 新光產物, 新光產險), unless another company already goes by it.
            for ending, shorts in INSURER_SHORT_FORMS:
                if full.endswith(ending) and len(full) > len(ending) + 1:
                    for short_form in (full[:-len(ending)] + short for short in shorts):
                        if short_form not in names and claimed.get(fold(short_form), canonical) == canonical:
                            names = [*names, short_form]
            # A registered name that ends in 企業 goes by the rest in the news where four characters or more are
            # left (志強國際企業 -> 志強國際, 東和鋼鐵企業 -> 東和鋼鐵; 統一企業 stays whole)
            rest = full[:-len(GENERIC_ENTERPRISE)]
            if full.endswith(GENERIC_ENTERPRISE) and len(rest) >= ENTERPRISE_REST_MIN and rest not in names \
                    and claimed.get(fold(rest), canonical) == canonical:
                names = [*names, rest]
        info = CompanyInfo(canonical, tuple(n for n in names if n != canonical), code, "TW")
        entries += company_forms(info, names, ambiguous, registered=registered)
    owner = {}  # folded form -> the company that an earlier source gave it
    for form, entry in entries:
        owner.setdefault(fold(form), entry.info)
    # Taiwan's unlisted public companies (公開發行公司: short and full name), then the A shares and HKEX, then
    # the world's large companies (company/companies_world.tsv) and the mainland's large private firms and
    # unicorns (company/companies_cn_rankings.tsv): a name that an earlier source has keeps its
    # row; a row's other names join that company when it is of the same country (長春石化 → 長春集團,
    # 中国建筑集团有限公司 → the A share 中國建築), else name a company of their own.
    for row in load_table("company/companies_tw_public.tsv"):
        names = [row["name"], row.get("full_name", "")]
        risky = {n for n, flag in zip(names, ("ambiguous", "full_ambiguous")) if row.get(flag) == "1"}
        # (the full name is the company's registered one: before its legal form it is the company even where
        # it needs context alone, 中華電視|公司, as a listed company's registered name is)
        entries += _later_company(names, risky, "TW", owner, registered=row.get("full_name") or None)
    for table, country in (("company/companies_cn.tsv", "CN"), ("company/companies_hk.tsv", "HK")):
        for row in load_table(table):
            name = row["name"]
            if fold(name) in owner:
                continue
            canonical = row.get("name_hant") or name
            info = CompanyInfo(canonical, (name,) if name != canonical else (), row["code"], country)
            owner[fold(name)] = info
            entries += company_forms(info, [name], {name} if row.get("ambiguous") == "1" else set())
            # 冠忠巴士 of 冠忠巴士集團: the press leaves a long HKEX name's 集團 out; the shorter name
            # needs company context (a title, a ticker), as a name that is also words does
            short = name[:-2] if country == "HK" and name.endswith("集團") else ""
            if len(short) >= 4 and fold(short) not in owner and not _everyday_words_only(fold(short)):
                owner[fold(short)] = info
                entries += company_forms(info, [short], {short})
    for table in ("company/companies_world.tsv", "company/companies_cn_rankings.tsv", "company/companies_cn_funds.tsv"):
        for row in load_table(table):
            risky = set(split_cell(row.get("ambiguous", "")))
            entries += _later_company(world_company_names(row), risky, row.get("country") or None, owner)
    return Gazetteer(entries)


@functools.cache
def a_shares_by_simplified_name() -> dict[str, CompanyInfo]:
    """The A shares (``company/companies_cn.tsv``) by their Simplified short name, for the names
    whose Traditional spelling differs (中信银行 / 中信銀行): written so, the name is the mainland's
    company even where a Taiwanese company goes by its Traditional spelling (中信銀行 = CTBC Bank)."""
    return {row["name"]: CompanyInfo(row["name"], (row["name_hant"],), row["code"], "CN")
            for row in load_table("company/companies_cn.tsv")
            if row.get("name_hant") and row["name_hant"] != row["name"]}


@functools.cache
def a_shares_by_traditional_name() -> dict[str, CompanyInfo]:
    """The A shares (``company/companies_cn.tsv``) by their Traditional short name (中信銀行), for a mainland
    page in Traditional script, where that name is the mainland's company, not a Taiwanese one's."""
    return {row["name_hant"]: CompanyInfo(row["name_hant"], (row["name"],), row["code"], "CN")
            for row in load_table("company/companies_cn.tsv") if row.get("name_hant")}


@functools.cache
def company_rule_anchors() -> tuple[Gazetteer, Gazetteer]:
    """The words that every match of the foreign-prefix and the Latin-name rules
    contains: their patterns only need trying where one occurs, which is rare."""
    prefixes = Gazetteer((w, w) for w in load_list("company/prefixes.txt"))
    titles = Gazetteer((w, w) for w in corporate_titles())
    return prefixes, titles


@functools.cache
def company_latin_kinds() -> Gazetteer:
    """``company/latin_kind_words.txt``: the kinds of firm written right before a foreign firm's
    Latin name (能源巨擘Engie, 營運商UK Power Networks); part of the document's one fused scan."""
    return Gazetteer((w, w) for w in load_list("company/latin_kind_words.txt"))


@functools.cache
def company_frames() -> Gazetteer:
    """``company/frames.tsv``: the words after a name that only a company fits, each with the
    words that may come right before the name (``^``: the start of a clause). Part of the
    document's one fused scan. A row's befores are |-separated (大廠「|業者「)."""
    return Gazetteer((r["after"], before if before == "^" else fold(before))
                     for r in load_table("company/frames.tsv") for before in r["before"].split("|"))


@functools.lru_cache(maxsize=8)
def user_company_dictionary(user) -> Gazetteer:
    """The user dictionary's companies (``--dict``), built once per dictionary."""
    entries = []
    for entry in user.of_type("company"):
        fields = dict(entry.fields)
        info = CompanyInfo(entry.name, tuple(entry.aliases), fields.get("stock_code"), fields.get("country"))
        entries += company_forms(info, [entry.name, *entry.aliases], set(), user=True)
    return Gazetteer(entries)


# ------------------------------------------------------------------ officials

@dataclass(frozen=True, slots=True)
class OfficialGrammar:
    titles: Gazetteer
    prefixes: frozenset[str]
    prefix_lengths: tuple[int, ...]     # longest first
    prefix_last_chars: frozenset[str]   # a cheap test before the set lookups
    title_first_chars: frozenset[str]   # a cheap test before the titles are matched at a position
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    name_first_chars: frozenset[str]    # the first characters of all surnames
    stops: frozenset[str]
    org_leads: tuple[str, ...]
    org_lead_pattern: regex.Pattern    # any org lead: most chunks have none
    org_suffixes: tuple[str, ...]
    org_closing: frozenset[str]
    org_enders: frozenset[str]          # 局, 會: one-character org suffixes, no name's last character (醫管|局)
    short_titles: dict[str, str]
    short_title_pattern: regex.Pattern  # a short title after a Han character (its surname)
    common: frozenset[str]
    not_names: frozenset[str]
    anonymized: frozenset[str]
    countries: frozenset[str]
    country_last_chars: frozenset[str]  # a cheap test before the look-ups by length
    guarded_titles: dict[str, tuple[str, ...]]  # 代表: the office words one of which must precede it
    appoint_verbs: tuple[str, ...]      # 擔任, 出任, 任: name + verb + title (longest first)
    appoint_as_verbs: tuple[str, ...]   # 任命, 委任: verb + name + 為 + title
    appoint_gaps: tuple[str, ...]       # 同志, 不再: between a name and its appointing verb (longest first)
    name_suffixes: tuple[str, ...]      # 先生, 女士: a polite form after a listed name (董事某甲先生、某乙女士)
    dismiss_verbs: tuple[str, ...]      # 免去: verb + name + office + title + 職務
    time_words: frozenset[str]          # 上週, 今年: what the preposition 于 opens
    translit_titles: tuple[str, ...]    # 首相, 首席部長: a transliterated name may follow
    honorifics: tuple[str, ...]         # 丹斯里, 拿督斯里, Datuk (longest first): skipped before a name
    honorific_first_chars: frozenset[str]  # a cheap test before the honorifics are tried
    han_honorifics: tuple[str, ...]     # the honorifics in Han characters (拿督), for str.endswith
    japanese_surnames: frozenset[str]   # 岸田, 石破 (2-3 kanji)
    translit_chars: frozenset[str]      # the characters transliterations are spelled with (阿 米 鲁 丁)
    translit_pairs: frozenset[str]      # 阿都 (Abdul): a name stop (都) inside a transliteration after them
    adverbs: frozenset[str]             # 均, 仍: after a name, no fourth character of it
    name_verbs: frozenset[str]          # 表示, 指出: after a name, they settle its third character
    after_names: frozenset[str]         # 出庭, 通電: rarer words that follow a name (grammar.tsv after_name)
    formal_adverbs: frozenset[str]      # 業經, 業奉: after a two-character name that recurs, no third character
    name_starts: frozenset[str]         # 周一: words that may open a three-character name (周一萍)
    day_parts: frozenset[str]           # 晚, 早: after a weekday a time (周六晚), no given name
    weak_surnames: frozenset[str]       # 文: a surname only with two given characters that make no word with it
    preposition_surnames: frozenset[str]  # 向: a surname that is also a preposition before a common word (向大家)
    adverb_surnames: frozenset[str]     # 曾: a surname that is also an adverb before a verb (曾詢問)
    verb_chars: frozenset[str]          # 作: after a two-character name, a verb before a common word (作重要講話)
    verbs: frozenset[str]               # jieba's frequent verbs (company/function_words.tsv, where = verb)
    state_shorts: frozenset[str]        # 霹, 柔: a Malaysian state's short form before 州 (霹州務大臣)
    states: frozenset[str]              # 彭亨, 霹靂: the Malaysian states' names (regions.tsv)
    country_chars: frozenset[str]       # 中, 美, 韓: countries' one-character names (韓中|領導人 is no person)
    constituency_title: str             # 國會議員: the title of a name with its constituency in brackets
    constituency_pattern: regex.Pattern | None  # (義順集選區), (楊厝港單選區, 本屆…): a constituency in brackets


@functools.cache
def official_grammar() -> OfficialGrammar:
    rows = load_table("official/grammar.tsv")
    words = {kind: [fold(r["word"]) for r in rows if r["kind"] == kind] for kind in
             ("title_prefix", "name_stop", "org_lead", "org_suffix", "org_closing", "appoint_verb",
              "appoint_as", "appoint_gap", "name_suffix", "dismiss_verb", "time_word", "translit_title", "foreign_body",
              "country_short")}
    surnames = [fold(s) for s in load_list("official/surnames.txt")]
    # Words that follow a name (出庭), and everyday words of Taiwanese news (首度, 拜會), that are
    # too rare in jieba's dictionary to be common words.
    common = common_words() | {fold(r["word"]) for r in rows if r["kind"] in ("after_name", "tw_word")}
    # Places and countries are no person's name (高雄 before 市長).
    not_names = set()
    for row in load_table("city/tw_cities.tsv"):
        not_names.update(fold(n) for n in (row["name"], *row["aliases"].split("|")) if n)
    countries = set()
    for row in load_table("common/countries.tsv"):
        countries.update(fold(n) for n in (row["name"], row.get("name_cn", "")) if n)
    countries.update(words["foreign_body"])  # 歐洲央行|總裁某某: a transliterated name after its title, as after a country's
    countries.update(words["country_short"])  # 俄國|總統某某: the press's short form of a country's name, as the name
    not_names |= countries
    not_names |= {fold(r["word"]) for r in rows if r["kind"] == "not_name"}
    # 許女, 古男, 陳婦: a surname and the word for the person's sex, the press's anonymized reference
    anonymized = {s + fold(r["word"]) for s in surnames if len(s) == 1 for r in rows if r["kind"] == "anonymized"}
    not_names |= anonymized
    org_leads = tuple(sorted(words["org_lead"], key=len, reverse=True))
    short_titles = {fold(r["word"]): r["value"] for r in rows if r["kind"] == "short_title"}
    return OfficialGrammar(
        titles=Gazetteer((t, fold(t)) for t in load_list("official/titles.txt")),
        title_first_chars=frozenset(fold(t)[:1] for t in load_list("official/titles.txt")),
        prefixes=frozenset(words["title_prefix"]),
        prefix_lengths=tuple(sorted({len(p) for p in words["title_prefix"]}, reverse=True)),
        prefix_last_chars=frozenset(p[-1] for p in words["title_prefix"]),
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) == 2),
        name_first_chars=frozenset(s[0] for s in surnames if len(s) in (1, 2)),
        stops=frozenset(words["name_stop"]),
        org_leads=org_leads,
        org_lead_pattern=regex.compile("|".join(map(regex.escape, org_leads))),
        org_suffixes=tuple(words["org_suffix"]),
        org_closing=frozenset(words["org_closing"]),
        org_enders=frozenset(w for w in words["org_suffix"] if len(w) == 1),
        short_titles=short_titles,
        short_title_pattern=regex.compile(r"(?<=(\p{Han}))(?:" + "|".join(map(regex.escape, short_titles)) + ")"),
        common=common,
        not_names=frozenset(not_names),
        anonymized=frozenset(anonymized),
        countries=frozenset(countries),
        country_last_chars=frozenset(c[-1] for c in countries),
        guarded_titles={fold(r["word"]): tuple(fold(w) for w in split_cell(r["value"]))
                        for r in rows if r["kind"] == "guarded_title"},
        appoint_verbs=tuple(sorted(words["appoint_verb"], key=len, reverse=True)),
        appoint_as_verbs=tuple(words["appoint_as"]),
        appoint_gaps=tuple(sorted(words["appoint_gap"], key=len, reverse=True)),
        name_suffixes=tuple(words["name_suffix"]),
        dismiss_verbs=tuple(words["dismiss_verb"]),
        time_words=frozenset(words["time_word"]),
        translit_titles=tuple(words["translit_title"]),
        honorifics=tuple(sorted((fold(h) for h in load_list("official/honorifics.txt")), key=len, reverse=True)),
        honorific_first_chars=frozenset(fold(h)[:1] for h in load_list("official/honorifics.txt")),
        han_honorifics=tuple(fold(h) for h in load_list("official/honorifics.txt") if not h.isascii()),
        japanese_surnames=frozenset(fold(s) for s in load_list("official/surnames_ja.txt")),
        translit_chars=_translit_chars(rows),
        translit_pairs=frozenset(fold(r["word"]) for r in rows if r["kind"] == "translit_pair"),
        adverbs=frozenset(fold(r["word"]) for r in rows if r["kind"] == "adverb"),
        name_verbs=frozenset(fold(r["word"]) for r in rows if r["kind"] == "name_verb"),
        after_names=frozenset(fold(r["word"]) for r in rows if r["kind"] == "after_name"),
        formal_adverbs=frozenset(fold(r["word"]) for r in rows if r["kind"] == "formal_adverb"),
        name_starts=frozenset(fold(r["word"]) for r in rows if r["kind"] == "name_start"),
        day_parts=frozenset(fold(r["word"]) for r in rows if r["kind"] == "day_part"),
        country_chars=frozenset(fold(r["word"]) for r in rows if r["kind"] == "country_char"),
        weak_surnames=frozenset(fold(r["word"]) for r in rows if r["kind"] == "weak_surname"),
        preposition_surnames=frozenset(fold(r["word"]) for r in rows if r["kind"] == "preposition_surname"),
        adverb_surnames=frozenset(fold(r["word"]) for r in rows if r["kind"] == "adverb_surname"),
        verb_chars=frozenset(fold(r["word"]) for r in rows if r["kind"] == "verb_char"),
        verbs=frozenset(fold(r["word"]) for r in load_table("company/function_words.tsv") if r["where"] == "verb"),
        state_shorts=frozenset(fold(r["word"]) for r in rows if r["kind"] == "state_short"),
        states=frozenset(fold(n) for r in load_table("city/regions.tsv") if r["country"] == "MY"
                         for n in (r["name"], r.get("name_cn", ""), *split_cell(r.get("aliases", ""))) if n),

        constituency_title=next((r["value"] for r in rows if r["kind"] == "constituency"), ""),
        constituency_pattern=_constituency_pattern([fold(r["word"]) for r in rows if r["kind"] == "constituency"]),
    )


def _constituency_pattern(ends: list[str]) -> regex.Pattern | None:
    """A bracket that holds a constituency's name (up to 12 characters, dashes included: 荷蘭—武吉知馬集選區)
    and maybe a note after a comma (榜鵝東單選區,本屆大選劃入…), on folded text (ASCII brackets and commas)."""
    if not ends:
        return None
    return regex.compile(r"\([^()\n,、;。]{1,12}?(?:" + "|".join(map(regex.escape, ends)) + r")(?:,[^()\n]{0,30})?\)")


# Countries whose cities' Chinese names are no transliterations.
HAN_NAMED_COUNTRIES = frozenset({"CN", "TW", "JP", "HK", "MO", "KR", "KP", "SG"})


def _translit_chars(rows) -> frozenset[str]:
    """The characters transliterated names are spelled with: those of the Chinese names of
    cities abroad (outside the Han-named countries), of the honorifics, and the few more that
    grammar.tsv lists (translit_char)."""
    chars: set[str] = set()
    for table in ("city/world_cities.tsv", "city/world_cities_extra.tsv", "city/geonames_cities.tsv"):
        for row in load_table(table):
            if row["country"] not in HAN_NAMED_COUNTRIES:
                for name in (row["name"], row.get("name_cn", ""), *split_cell(row.get("aliases", ""))):
                    chars.update(fold(name))
    for honorific in load_list("official/honorifics.txt"):
        chars.update(fold(honorific))
    chars.update(fold(r["word"]) for r in rows if r["kind"] == "translit_char")
    return frozenset(ch for ch in chars if is_han(ch))


# ------------------------------------------------------------------ one fused scan

@functools.cache
def _fused() -> FusedGazetteer:
    return FusedGazetteer([
        company_dictionary(), city_gazetteer()[0], official_grammar().titles, *company_rule_anchors(),
        company_frames(), company_latin_kinds(),
    ])


def document_matches(doc: Document, gazetteer: Gazetteer) -> list[tuple[int, int, tuple[Any, ...]]]:
    """``gazetteer.matches(doc.folded)``, from the document's one fused scan."""
    fused = _fused()
    index = fused.index(gazetteer)
    if index is None:
        return gazetteer.matches(doc.folded)
    return doc.cached("lexicon.matches", lambda: fused.matches(doc.folded))[index]


@functools.cache
def mainland_county_prefectures() -> dict[str, str]:
    """Each mainland county-level city's name -> its prefecture-level city's (平湖 -> 嘉興), both as
    city/cn_cities.tsv names them: a county-level city's GB/T 2260 code is its prefecture's but for the
    last two digits (330482 is in 330400)."""
    rows = load_table("city/cn_cities.tsv")
    names = {row["id"]: row["name"] for row in rows}
    return {row["name"]: names[row["id"][:-2] + "00"] for row in rows
            if row["level"] == "county" and row["id"][:-2] + "00" in names}


@functools.cache
def everyday_words() -> frozenset[str]:
    """jieba's less frequent everyday words (company/everyday_words.txt, folded already)."""
    return frozenset(load_list("company/everyday_words.txt"))


def _everyday_words_only(folded: str) -> bool:
    """The name is everyday words end to end, two characters or more each (聯合|能源, 中國|醫療,
    電子|交易): as a phrase it is as likely as the name."""
    words = common_words()
    ends = {0}
    for i in range(len(folded)):
        if i in ends:
            ends |= {j for j in range(i + 2, len(folded) + 1) if folded[i:j] in words}
    return len(folded) in ends


@functools.cache
def mainland_municipalities() -> frozenset[str]:
    """The four municipalities (北京, 上海, 天津, 重慶) as city/cn_cities.tsv names them: they hold
    districts and counties, no other city."""
    return frozenset(row["name"] for row in load_table("city/cn_cities.tsv") if row["level"] == "municipality")


def city_context_words(kind: str) -> tuple[str, ...]:
    """The folded words of one kind of ``city/context.tsv`` (byline, market_word, township ...)."""
    return tuple(fold(r["word"]) for r in load_table("city/context.tsv") if r["kind"] == kind)


@functools.cache
def market_words() -> frozenset[str]:
    """收市, 旺市: words of market news that end in 市 and name no city."""
    return frozenset(city_context_words("market_word"))


@functools.cache
def town_kinds() -> frozenset[str]:
    """衛星市, 花園市: kinds of town that end in 市 and name no town."""
    return frozenset(city_context_words("town_kind"))


@functools.cache
def _byline() -> tuple[tuple[str, ...], frozenset[str]]:
    """The words that open a byline (記者, 通訊員) and the characters of its verbs (報, 攝)."""
    return city_context_words("byline"), frozenset(city_context_words("byline_verb"))


def reporter_given_name(folded: str, start: int, end: int) -> bool:
    """A two-character name that is the given name of a bylined reporter (記者丁|朝霞,
    記者 李|長春): a byline word, maybe a space, a surname, the name, and no Han character after.
    Neither a city (記者丁|朝霞) nor a company (記者陳|華興) is named there."""
    if end - start != 2 or start < 3 or folded[start - 1] not in official_grammar().surnames:
        return False
    byline_words, byline_verbs = _byline()
    if end < len(folded) and is_han(folded[end]) and folded[end] not in byline_verbs:
        return False  # (記者李長春報道, 記者李長春攝: the byline's own verb may follow)
    before = start - 1 - (folded[start - 2] == " ")
    return folded.endswith(byline_words, 0, before)


def reporter_full_name(folded: str, start: int, end: int) -> bool:
    """A two-character place that is a bylined reporter's whole name (記者 沈陽 攝: surname 沈): a byline word,
    maybe a space, the name, then the byline's verb (maybe after a space) or the line's end. No city is named there."""
    if end - start != 2 or start < 2 or folded[start] not in official_grammar().surnames:
        return False
    byline_words, byline_verbs = _byline()
    after = end + (folded[end:end + 1] == " ")
    if after < len(folded) and folded[after] not in byline_verbs and folded[after] != "\n":
        return False
    before = start - (folded[start - 1] == " ")
    return folded.endswith(byline_words, 0, before)
