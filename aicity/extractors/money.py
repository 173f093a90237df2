"""Money: amounts with a currency, a money unit, or a plain money context.

The extractor scans the folded text once for number tokens (Arabic, Chinese
or mixed numerals with 十/百/千/萬/億/兆, 多/餘/幾 and a leading 數: ``1,090億``,
``一千零九十億``, ``3億5,000萬``, ``數十億``, ``四十四點三九五億``, ``兩萬五``)
and reads a short window on either side of each:

* before it: a qualifier (逾, 約, 近, 上 ...), a currency written before the
  number (新臺幣, NT$, US$, €, 美金 ...), and a money cue (營收, 狂砸, 交保 ...)
  or a word that rules money out (失守, 人數 ...);
* after it: an English magnitude (``US$1.5 billion``), a currency or the money
  unit 元/塊 (``億歐元``, ``萬元``), 角/分 (``貶7.1分``), a qualifier (以上,
  左右), a money noun (``千億商機``, ``500萬交保``), or a counter that rules
  money out (``3.6萬張``, ``1494點``, ``50萬個``, ``23MW``).

A token is money when a currency or money unit is written, or when it carries
萬/億/兆 and a cue makes it money. Passes over the document's tokens then add
what needs more than one token: ranges (``3至5億元``), lists that share a
currency or a cue (``3億、5億美元``, ``甲以500萬、乙以300萬交保``), per-item
amounts after a sentence-wide cue (``全交保!王昱棠500萬、辜淑雯400萬``),
``1元5角``, and a foreign currency carried to the bare amounts after it in the
same sentence (``營收251.8億美元,淨利21.7億`` -> both USD).

Ranges give two amounts, one per end, each with the shared unit and currency:
``3至5億元`` -> ``300000000 TWD`` (``range="from"``, span ``3``) and
``500000000 TWD`` (``range="to"``). Vague amounts keep their number (``上千億``
-> 10^11, ``數十億`` -> 10^9) and say how in ``qualifier`` (over, about,
nearly, at least, at most, under, several).

A bare 元 (and an implicit amount) is the page's currency: CNY on a Simplified
page, TWD otherwise (``doc.script``). ``$`` alone is TWD on a Traditional page
unless the sentence speaks of 美元/美國/美股; ``¥`` is JPY, or CNY on a
Simplified page or beside 人民幣. The word lists are resource files
(``money/currencies.tsv``, ``money/*.txt``/``.tsv``).
"""
from __future__ import annotations

import bisect
import functools
import re
import string
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

import regex

from ..document import Document
from ..fold import fold
from ..model import Entity
from ..numerals import BIG_UNITS, DIGIT_VALUES, SMALL_UNITS, format_decimal, parse_number
from ..resources import load_list, load_table
from .base import alternation, compile_folded

# --- the number grammar (written in Traditional, folded when compiled) ---------------------

_CN_DIGITS = "零〇○一二兩三四五六七八九壹貳參叁肆伍陸柒捌玖廿卅卌"
_SMALL = "十拾百佰千仟"
_BIG = "萬億兆"
# 1,090 / 1090 / 15.8; a grouped number must not run on into more digits (1,0900).
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
# Chinese numerals, with a decimal 點 between digits (四十四點三九五億, 卅一點六○九元).
_CN_RUN = f"[{_CN_DIGITS}{_SMALL}]+(?:點[{_CN_DIGITS}]+)?"
_ATOM = f"(?:{_ARABIC}|{_CN_RUN})"
# A token: an optional 數/幾/好幾 before a unit, then numerals, units and 多/餘/幾
# (100多萬, 千餘萬, 十幾億); one space may stand between Arabic digits and a unit (1,090 億).
# Arabic digits follow only a unit (3億5,000萬), and Chinese digits never follow Arabic
# ones directly, so 每兩1萬2千元 does not read 兩1 as one number.
_TOKEN = (
    f"(?:好?[數幾](?=[{_SMALL}{_BIG}]))?"
    f"(?:{_ATOM}|[{_BIG}])"
    f"(?:(?<=[{_SMALL}{_BIG}多餘幾]){_ARABIC}|(?<!\\d){_CN_RUN}|[{_SMALL}{_BIG}多餘幾]"
    f"|(?<=\\d) (?=[{_SMALL}{_BIG}]))*"
)
# Where tokens can be: maximal runs of the characters tokens are made of, opening on one
# a token can open with. The re module finds these several times faster than the regex
# module finds _TOKEN (re looks a CJK character up in a bitmap, regex compares it with
# each member of a class), and most runs are skipped whole (_Screen.quiet_run). A run
# may hold more than tokens, never less: re's \d may know fewer digits than the regex
# module's newer Unicode tables, so any character past the BMP (where new digits go)
# counts too; tests check that the two agree on the BMP.
_BEYOND_BMP = "\\U00010000-\\U0010ffff"
_LOUD = "萬億兆多餘"  # in a run, they may make a token money whatever stands beside it
_RUN_QUIET = f"\\d{_CN_DIGITS}{_SMALL}點幾好數,. {_BEYOND_BMP}"
_RUN = f"[\\d{_CN_DIGITS}{_SMALL}{_BIG}好數幾{_BEYOND_BMP}][{_RUN_QUIET}{_LOUD}]*"

# English magnitudes after a number (US$1.5 billion, NT$300 million); single letters
# (5M, 45K) only count where a currency or a cue is present.
_EN_MAGNITUDES = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12,
}

# How far (characters) the context windows reach.
_LEFT_WINDOW = 24
_SCOPE_REACH = 30
_PER_SHARE_WINDOW = 12

_RANGE_GAP = frozenset({"至", "到", "~", "-", "–", "—", "〜"})
_HARD_BOUNDARY = "。?;\n"          # a sentence ends (a scope cue does not reach past)
_SENTENCE_BOUNDARY = "。?!;\n"     # for carrying a currency over
_ADVERB_AFTER_QIANWAN = set(fold("不別要記得可務莫勿小當注"))  # 千萬不要: "by all means"
# a bare unit naming a column or a rate, not an amount: (單位:萬元), 每萬元, 以千元計
_UNIT_COLUMN_BEFORE = tuple(fold(w) for w in ("單位", "每", "(", ":", "/"))
_UNIT_COLUMN_AFTER = tuple(fold(w) for w in ("計", "為單位", ")"))


@dataclass(frozen=True, slots=True)
class _Currency:
    code: str     # ISO 4217, or LOCAL / DOLLAR / YEN (resolved per page and sentence)
    kind: str     # name | symbol | code | unit


@dataclass(frozen=True, slots=True)
class _Rx:
    """A pattern plus the characters its match can start with (forward patterns) or end
    with (reverse ones): most number tokens have no currency, cue or counter beside them,
    and one set lookup skips the regex for them."""

    pattern: regex.Pattern
    edge: frozenset[str]

    def match(self, text: str, pos: int) -> regex.Match | None:
        if pos >= len(text) or text[pos] not in self.edge:
            return None
        return self.pattern.match(text, pos)

    def ending_at(self, text: str, end: int, window: int = 0) -> regex.Match | None:
        if end <= 0 or text[end - 1] not in self.edge:
            return None
        return self.pattern.search(text, max(0, end - (window or _LEFT_WINDOW)), end)


def _forward(pattern: str, words, extra: str = " ", flags: int = 0) -> _Rx:
    return _Rx(compile_folded(pattern, flags), frozenset({fold(w)[0] for w in words if w} | set(extra)))


def _reverse(pattern: str, words, extra: str = " ") -> _Rx:
    return _Rx(compile_folded("(?r)" + pattern), frozenset({fold(w)[-1] for w in words if w} | set(extra)))


@dataclass(frozen=True, slots=True)
class _Grammar:
    token: regex.Pattern
    runs: re.Pattern
    left: _Rx
    after_currency: _Rx
    after_qualifier: _Rx
    after_fraction: _Rx
    en_magnitude: _Rx
    cue_left: _Rx
    block_left: _Rx
    fx_left: _Rx
    word_end: _Rx
    cue_after: _Rx
    counter: _Rx
    scope: regex.Pattern
    per_share: regex.Pattern
    per_share_after: regex.Pattern
    yuan_words: regex.Pattern
    list_gap: regex.Pattern
    currencies: dict[str, _Currency]
    qualifiers: dict[str, str]
    yuan_word_money: dict[str, bool]
    screen: _Screen


@dataclass(frozen=True, slots=True)
class _Screen:
    """What must be written beside a number token for it to be money, or the first end
    of a range, at all: most tokens (dates, counts, scores) have nothing of the kind
    around them, and these set lookups let them be skipped before any regex runs.

    After the token (at ``p``, or at ``p + 1`` past one space): a word of
    ``after_currency`` or ``cue_after`` starts there (its first character, if the word
    has one, else its first two are in ``first``/``first_two``), or 的, 角/毛/分, a
    Latin letter (an English magnitude) or a range's 至/到/~ is there. Before it (at
    ``p``, or at ``p - 1`` past a space or colon): a word of ``left`` or ``cue_left``
    ends there (``last``/``last_two``). Each set holds every word's first or last
    characters both singly folded and as the compiled patterns (folded twice) hold them.
    """

    first: frozenset[str]
    first_two: frozenset[str]
    first_two_heads: frozenset[str]  # the first characters of first_two
    last: frozenset[str]
    last_two: frozenset[str]
    last_two_tails: frozenset[str]  # the last characters of last_two

    @staticmethod
    def build(after_words: list[str], before_words: list[str], after_extra: str) -> "_Screen":
        first, first_two, last, last_two = set(after_extra), set(), set(), set()
        for words, one, two, cut in ((after_words, first, first_two, slice(0, 2)),
                                     (before_words, last, last_two, slice(-2, None))):
            for word in words:
                for folded in {fold(word), fold(fold(word))}:
                    if len(folded) == 1:
                        one.add(folded)
                    elif folded:
                        two.add(folded[cut])
        screen = _Screen(frozenset(first), frozenset(first_two), frozenset(w[0] for w in first_two),
                         frozenset(last), frozenset(last_two), frozenset(w[-1] for w in last_two))
        # quiet_run relies on this: no word starts or ends with a quiet run character
        edges = screen.first | screen.first_two_heads | screen.last | screen.last_two_tails
        assert not edges & set(fold(_CN_DIGITS + _SMALL + "點幾好數,. ")), "a word edge in a run"
        assert not any(regex.match(r"\d", ch) or ord(ch) > 0xFFFF for ch in edges), "a word edge in a run"
        return screen

    def quiet_run(self, text: str, start: int, end: int, run: str) -> bool:
        """True when no token in the run text[start:end] (see ``_RUN``) can be money, as
        ``plain`` would find for each. A token inside the run has run characters beside
        it, and no word begins or ends with one; so only a big unit (which plain looks
        for), 多/餘 (which end a token inside the run), or a word beside the run itself
        can make a token money."""
        return "多" not in run and "余" not in run and self.plain(text, start, end, run)

    def plain(self, text: str, start: int, end: int, token: str) -> bool:
        """True when the token text[start:end] is surely no money (``_candidate`` would
        return None): no big unit, no 多/餘 to trim, and nothing of the above beside it."""
        if token[-1] in "多余" or "万" in token or "亿" in token or "兆" in token:  # _BIG_FOLDED
            return False
        if end < len(text):
            ch = text[end]
            if ch in self.first or (ch in self.first_two_heads and text[end:end + 2] in self.first_two):
                return False
            if ch == " " and (text[end + 1:end + 2] in self.first or text[end + 1:end + 3] in self.first_two):
                return False
        if start > 0:
            ch = text[start - 1]
            if ch in self.last or (
                start > 1 and ch in self.last_two_tails and text[start - 2:start] in self.last_two
            ):
                return False
            if ch in " :" and start > 1 and (
                text[start - 2] in self.last or (start > 2 and text[start - 3:start - 1] in self.last_two)
            ):
                return False
        return True


def _words(name: str) -> list[str]:
    return [w for w in load_list(name) if w]


@functools.cache
def _grammar() -> _Grammar:
    currencies: dict[str, _Currency] = {}
    before_names: list[str] = []
    before_codes: list[str] = []
    after_names: list[str] = []
    after_codes: list[str] = []
    for row in load_table("money/currencies.tsv"):
        surface, place, kind = row["surface"], row["place"], row["kind"]
        currencies[fold(surface)] = _Currency(row["code"], kind)
        target_before = before_codes if kind == "code" else before_names
        target_after = after_codes if kind == "code" else after_names
        if place in ("before", "both"):
            target_before.append(surface)
        if place in ("after", "both"):
            target_after.append(surface)
    latin = "(?<![A-Za-z])"
    currency_before = f"(?:{alternation(before_names)}|{latin}{alternation(before_codes)})"
    currency_after = f"(?:{alternation(after_names)}|{alternation(after_codes)}(?![A-Za-z]))"

    qualifiers: dict[str, str] = {}
    qual_before: list[str] = []
    qual_after: list[str] = []
    for row in load_table("money/qualifiers.tsv"):
        qualifiers[fold(row["word"])] = row["qualifier"]
        (qual_before if row["place"] == "before" else qual_after).append(row["word"])
    qb = alternation(qual_before)

    filler_words = _words("money/fillers.txt")
    cue_words = _words("money/cues_before.txt")
    block_words = _words("money/not_before.txt")
    fx_words = _words("money/fx_cues.txt")
    after_words = _words("money/cues_after.txt")
    counter_words = _words("money/counters.txt")
    fillers = alternation(filler_words)
    filler_chain = f"(?:[ :]?{fillers}){{0,3}}[ :]?"
    yuan_rows = load_table("money/yuan_words.tsv")
    english = "|".join(sorted(_EN_MAGNITUDES, key=len, reverse=True))
    fx_glue = ["了", "約", "逾", "近", "達", "超過"]
    return _Grammar(
        token=compile_folded(_TOKEN),
        runs=re.compile(fold(_RUN)),
        # Patterns anchored at a token's start (\Z at endpos) search in reverse ((?r)), so
        # they are tried from the token leftwards once, not at every start in the window.
        left=_reverse(
            f"(?:(?P<q1>{qb})[ ]?)?(?:(?P<cur>{currency_before})[ ]?)?(?:(?P<q2>{qb})[ ]?)?\\Z",
            qual_before + before_names + before_codes,
        ),
        after_currency=_forward(
            f"[ ]?(?P<cur>{currency_after})(?P<zheng>整(?!數))?", after_names + after_codes
        ),
        after_qualifier=_forward(f"[ ]?(?P<q>{alternation(qual_after)})", qual_after),
        after_fraction=_forward("(?P<unit>角|毛錢|毛|分)(?P<qian>錢)?", ["角", "毛", "分"], ""),
        en_magnitude=_forward(
            f"[ ]?(?P<mag>{english})(?![A-Za-z])",
            [w for m in _EN_MAGNITUDES for w in (m, m.upper())], flags=regex.IGNORECASE,
        ),
        cue_left=_reverse(f"{alternation(cue_words)}{filler_chain}\\Z", cue_words + filler_words, " :"),
        block_left=_reverse(
            f"{alternation(block_words)}{filler_chain}\\Z", block_words + filler_words, " :"
        ),
        fx_left=_reverse(f"{alternation(fx_words)}(?:{'|'.join(fx_glue)})?[ ]?\\Z", fx_words + fx_glue),
        # a cue, filler or blocker word ending at a point (賣超, 衝上, 跌破): a qualifier
        # (超, 上, 破) that is the last character of one belongs to that word
        word_end=_reverse(
            alternation(cue_words + filler_words + block_words) + "\\Z",
            cue_words + filler_words + block_words, "",
        ),
        cue_after=_forward(f"[ ]?的?{alternation(after_words)}", after_words, " 的"),
        # a counter unless the word there is one of the exceptions (年增, 卡位, 分別)
        counter=_forward(
            f"[ ]?(?!{alternation(_words('money/not_counters.txt'))})"
            f"{alternation(counter_words)}",
            counter_words,
        ),
        scope=compile_folded(alternation(_words("money/scope_cues.txt"))),
        per_share=compile_folded(alternation(_words("money/per_share.txt")), regex.IGNORECASE),
        per_share_after=compile_folded("[ ]?(?:/股|/每股|股利|股息|每股)"),
        yuan_words=compile_folded(alternation(r["word"] for r in yuan_rows)),
        list_gap=compile_folded(r"[ ]?(?:、|,|及|和|與|以及|或)[ ]?(?:\p{Han}{1,4}[以為則各])?[ ]?"),
        currencies=currencies,
        qualifiers=qualifiers,
        yuan_word_money={fold(r["word"]): r["money"] == "yes" for r in yuan_rows},
        screen=_Screen.build(
            after_names + after_codes + after_words,
            qual_before + before_names + before_codes + cue_words + filler_words,
            # 的 (cue_after), 角/毛/分 (after_fraction), an English magnitude (any Latin
            # letter, and those case-folding to one), a range
            "的角毛分" + string.ascii_letters + "\u212a\u017f\u0130\u0131" + "".join(_RANGE_GAP),
        ),
    )


# --- numbers --------------------------------------------------------------------------

_CN_DECIMAL = regex.compile(
    f"([{fold(_CN_DIGITS + _SMALL)}]+)点([{fold(_CN_DIGITS)}]+)"
)
# 兩三千萬, 十二三萬: two neighbouring digits before a unit are "about" the first; not inside
# a digit-by-digit number (二三四億).
_APPROX_PAIR = regex.compile(
    f"(?<![{fold(_CN_DIGITS)}])([{fold('一二兩三四五六七八九')}])([{fold('二三四五六七八九')}])(?=[{fold(_SMALL + _BIG)}])"
)
_SCORE_WORDS = {"廿": "二十", "卅": "三十", "卌": "四十"}
_BIG_FOLDED = set(BIG_UNITS)
assert _BIG_FOLDED == set("万亿兆")  # _Screen.plain spells them out
_SMALL_FOLDED = set(SMALL_UNITS)
_DIGIT_FOLDED = set(DIGIT_VALUES) | set(fold("廿卅卌"))


@functools.lru_cache(maxsize=4096)
def _token_value(token: str) -> tuple[Decimal, str | None] | None:
    """The value of a folded number token and the qualifier its wording gives."""
    text = token.replace(" ", "")
    qualifier = None
    if text.startswith(("好几", "数", "几")):
        text = text[2:] if text.startswith("好几") else text[1:]
        qualifier = "several"
    if any(ch in text for ch in "多余几"):
        text = text.replace("多", "").replace("余", "").replace("几", "")
        qualifier = qualifier or "over"
    pair = _APPROX_PAIR.search(text)
    if pair and DIGIT_VALUES[pair.group(2)] == DIGIT_VALUES[pair.group(1)] + 1:
        text = text[: pair.start(2)] + text[pair.end(2):]  # 兩三千萬 -> 兩千萬, "about"
        qualifier = qualifier or "about"
    for old, new in _SCORE_WORDS.items():
        text = text.replace(fold(old), new)

    def decimal(m: regex.Match) -> str:
        whole = parse_number(m.group(1))
        frac = "".join(str(DIGIT_VALUES[ch]) for ch in m.group(2))
        return f"{whole}.{frac}" if whole is not None else m.group(0)

    text = _CN_DECIMAL.sub(decimal, text)
    if not text:
        return None
    value = parse_number(text, colloquial=True)
    if value is None:
        return None
    return value, qualifier


def _unit_multiplier(token: str) -> Decimal:
    """The magnitude written after a token's leading numeral: 5億 -> 10^8, 5千萬 -> 10^7."""
    text = token.replace(" ", "").rstrip("多余几")
    i = 0
    while i < len(text) and (text[i].isdigit() or text[i] in ",." or text[i] in _DIGIT_FOLDED):
        i += 1
    units = text[i:]
    if not units or any(ch not in _SMALL_FOLDED and ch not in _BIG_FOLDED for ch in units):
        return Decimal(1)
    value = parse_number(units)
    return value if value is not None else Decimal(1)


def _big_unit_multiplier(token: str) -> Decimal:
    """Only the 萬/億/兆 part at the end of a token: 8千萬 -> 10^4."""
    text = token.replace(" ", "").rstrip("多余几")
    i = len(text)
    while i > 0 and text[i - 1] in _BIG_FOLDED:
        i -= 1
    if i == len(text):
        return Decimal(1)
    return parse_number(text[i:]) or Decimal(1)


# --- candidates -----------------------------------------------------------------------

MONEY, MAYBE, BARE, DEAD = "money", "maybe", "bare", "dead"


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    tok_start: int
    tok_end: int
    token: str
    value: Decimal
    qualifier: str | None
    currency: _Currency | None     # written currency or unit
    status: str                    # MONEY / MAYBE (implicit, waiting for context) / BARE / DEAD
    rule: str
    big: bool                      # has 萬/億/兆 (or an English magnitude)
    cue_left: bool
    cue_right: bool
    per_share: bool = False
    range_role: str | None = None
    code: str | None = None        # resolved ISO code
    fraction: Decimal | None = None  # 角/分: a fraction of the page's currency


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


class MoneyExtractor:
    type = "money"

    def find(self, doc: Document) -> Iterator[Entity]:
        g = _grammar()
        text = doc.folded
        cands: list[_Cand] = []
        plain = g.screen.plain
        quiet_run = g.screen.quiet_run
        tokens = g.token.finditer
        for run in g.runs.finditer(text):
            start, end = run.span()
            if quiet_run(text, start, end, run.group()):
                continue
            for m in tokens(text, start, end):
                if plain(text, m.start(), m.end(), m.group()):
                    continue
                cand = self._candidate(g, text, m)
                if cand is not None and cand.status != DEAD:
                    cands.append(cand)
        if not cands:
            return
        self._ranges(text, cands)
        self._lists(g, text, cands)
        self._scope(g, text, cands)
        cands = self._fractions(text, cands)
        self._currencies(doc, text, cands)
        for c in cands:
            if c.status != MONEY:
                continue
            amount = format_decimal(c.value)
            yield doc.entity(
                "money", c.start, c.end, f"{amount} {c.code}", rule=c.rule,
                amount=amount, currency=c.code, qualifier=c.qualifier,
                per_share=True if c.per_share else None, range=c.range_role,
            )

    # -- one token ---------------------------------------------------------------------

    def _candidate(self, g: _Grammar, text: str, m: regex.Match) -> _Cand | None:
        tok_start, tok_end = m.start(), m.end()
        token = m.group()
        # A token may not start with a big unit and go on with digits: 萬一 is "in case".
        if token[0] in _BIG_FOLDED:
            k = 0
            while k < len(token) and token[k] in _BIG_FOLDED:
                k += 1
            token = token[:k]
            tok_end = tok_start + k
        # 多/餘 at the end belong to the next word unless money or a counter follows
        # (3億余紀忠 is a name); 萬一 at the end is "in case" (三千萬一旦).
        while len(token) > 1 and token[-1] in "多余" and self._next_is_word(g, text, tok_end):
            token, tok_end = token[:-1], tok_end - 1
        if len(token) > 2 and token[-1] == "一" and token[-2] in "万亿" and self._next_is_word(
            g, text, tok_end
        ):
            token, tok_end = token[:-1], tok_end - 1
        qualifier = None  # from the context; the token's own (多, 數) is added once parsed
        has_digits = any(ch.isdigit() or ch in _DIGIT_FOLDED for ch in token)
        big = any(ch in _BIG_FOLDED for ch in token)
        pure = not has_digits
        if pure:
            bigs = [BIG_UNITS[ch] for ch in token if ch in _BIG_FOLDED]
            if bigs != sorted(bigs):  # 億萬 (億萬富翁) is no number
                return None

        # ---- right of the token
        pos = tok_end
        magnitude = None
        single_letter = False
        mag = g.en_magnitude.match(text, pos)
        if mag and not big:
            word = mag.group("mag")
            if len(word) > 1 or word in "kKMB":
                magnitude = Decimal(_EN_MAGNITUDES[word.lower()])
                single_letter = len(word) == 1
                pos = mag.end()
        currency = None
        end = pos
        cur = g.after_currency.match(text, pos)
        if cur:
            currency = g.currencies.get(cur.group("cur"))
            if currency and currency.kind == "unit" and not self._unit_ok(g, text, token, cur):
                currency = None
            if currency:
                end = cur.end()
        currency_after = currency is not None
        fraction = None
        end_fraction = end
        if currency is None:
            frac = g.after_fraction.match(text, pos)
            if frac:
                fraction = Decimal("0.01") if frac.group("unit") == "分" else Decimal("0.1")
                end_fraction = frac.end()
        right_end = end
        qual_after = g.after_qualifier.match(text, end)
        if qual_after and (qual_after.group("q") != "起" or currency is not None):
            qualifier = g.qualifiers[qual_after.group("q")]
            end = qual_after.end()

        # ---- left of the token
        start = tok_start
        currency_before = None
        qual_before = None
        left = g.left.ending_at(text, tok_start)
        if left and left.start() < tok_start:
            starts_with_unit = token[0] in _SMALL_FOLDED or token[0] in _BIG_FOLDED
            groups = {k: left.group(k) for k in ("q1", "cur", "q2")}
            for k in ("q1", "q2"):
                # 上 qualifies 上千億, 上億 only; before digits it ends the word before it.
                if groups[k] == "上" and not starts_with_unit:
                    groups[k] = None
                # 賣超, 衝上, 跌破: the "qualifier" is the end of a cue or filler word
                elif groups[k]:
                    q_start, q_end = left.start(k), left.end(k)
                    word = g.word_end.ending_at(text, q_end, 8)
                    if word and word.start() < q_start:
                        groups[k] = None
            if groups["q1"] and groups["cur"] is None and groups["q2"] is None:
                groups["q2"], groups["q1"] = groups["q1"], None
                q2_start = left.start("q1")
            else:
                q2_start = left.start("q2") if groups["q2"] else tok_start
            if groups["cur"]:
                currency_before = g.currencies.get(groups["cur"])
                start = left.start("cur")
                if groups["q1"]:
                    start = left.start("q1")
                    qual_before = groups["q1"]
            if groups["q2"]:
                qual_before = groups["q2"]
                start = min(start, q2_start)
        if qual_before:
            qualifier = g.qualifiers.get(qual_before, qualifier)
        # Only an amount with no currency written needs a cue (or a blocker) to decide.
        # The cue is read before the qualifier; a qualifier that turns out to be the end of
        # a cue (賣超300億: 超, once the word_end check above missed it) goes to the cue.
        cue_span = block_span = None
        if currency is None and currency_before is None and fraction is None:
            cue_span = self._cue(g.cue_left, text, start)
            if cue_span is None and qual_before:
                cue_span = self._cue(g.cue_left, text, tok_start)
                if cue_span is not None:
                    start, qual_before = tok_start, None
                    qualifier = g.qualifiers[qual_after.group("q")] if end > right_end else None
            if cue_span is not None or big or magnitude is not None:
                block_span = self._cue(g.block_left, text, start)
        cue_left = cue_span is not None and (block_span is None or cue_span >= block_span)
        blocked = block_span is not None and not cue_left

        if fraction is not None and currency is None:
            fx = g.fx_left.ending_at(text, start)
            after_yuan = text[max(0, tok_start - 1):tok_start] in ("元", "圆", "角")
            if fx is None and not after_yuan and currency_before is None:  # 三角, 5分鐘
                fraction = None
            else:
                end = end_fraction
        # a currency written before wins over the bare unit after it (美金5000元, 人民幣145元)
        if currency_before is not None and (currency is None or currency.kind == "unit"):
            currency = currency_before
        cue_right = currency is None and g.cue_after.match(text, right_end) is not None

        # Most tokens are plain numbers (dates, counts): with no currency, cue or big unit
        # beside them they can only be the first end of a range (3至5億元); stop here.
        if (
            currency is None and fraction is None and not cue_left and not cue_right
            and not big and magnitude is None
            and text[tok_end:tok_end + 2].strip(" ")[:1] not in _RANGE_GAP
        ):
            return None
        parsed = _token_value(token)
        if parsed is None:
            return None
        value = parsed[0]
        qualifier = qualifier or parsed[1]

        cand = _Cand(
            start=start, end=end, tok_start=tok_start, tok_end=tok_end, token=token,
            value=value * (magnitude or 1), qualifier=qualifier, currency=currency,
            status=BARE, rule="", big=big or magnitude is not None,
            cue_left=cue_left, cue_right=cue_right, fraction=fraction,
        )
        if fraction is not None:
            cand.value = value * fraction
            cand.status, cand.rule = MONEY, "money.fraction"
            return cand

        # ---- decide
        left_char = text[tok_start - 1] if tok_start else ""
        if token == "千万" and text[tok_end:tok_end + 1] in _ADVERB_AFTER_QIANWAN:
            cand.status = DEAD
            return cand
        # a counter after the number rules money out, unless a money noun starts there
        # (8萬月薪, 100億股本: 月, 股 are counters too)
        counted = not cue_right and (
            g.counter.match(text, pos) is not None
            or (pos < len(text) and text[pos].isascii() and text[pos].isalpha())
        )
        if currency is not None:
            if (
                (pure and self._unit_column(text, start, end))
                or (single_letter and currency_before is None)
                or (not currency_after and counted)  # 人民幣3日, 美元1年期
            ):
                cand.status = DEAD
                return cand
            cand.status = MONEY
            cand.rule = self._explicit_rule(currency, currency is currency_before)
            cand.per_share = not cand.big and self._per_share(g, text, start, end)
            return cand
        # no currency written: implicit amounts only
        if counted:
            cand.status = DEAD
            return cand
        if left_char and left_char.isascii() and (left_char.isalnum() or left_char in "./#-_"):
            if left_char != "-":
                cand.status = DEAD
                return cand
        if left_char == "第":
            cand.status = DEAD
            return cand
        if blocked:
            cand.status = DEAD
            return cand
        if pure:
            single = len(token) == 1 and token in _BIG_FOLDED
            if (cue_left or cue_right) and (not single or qual_before or qualifier):
                cand.status, cand.rule = MONEY, "money.cue_before" if cue_left else "money.cue_after"
            else:
                cand.status = DEAD
            return cand
        small_thousand = "千" in token or "仟" in token
        if cand.big or (small_thousand and cue_left):
            if cue_left:
                cand.status, cand.rule = MONEY, "money.cue_before"
            elif cue_right:
                cand.status, cand.rule = MONEY, "money.cue_after"
            elif single_letter:
                cand.status = DEAD
            else:
                cand.status = MAYBE
        return cand

    @staticmethod
    def _explicit_rule(currency: _Currency, before: bool) -> str:
        if currency.kind == "unit":
            return "money.amount_with_unit"
        if currency.kind == "symbol":
            return "money.currency_symbol"
        return "money.currency_before" if before else "money.currency_after"

    @staticmethod
    def _next_is_word(g: _Grammar, text: str, pos: int) -> bool:
        """True when text[pos] starts a Han word that is no currency, unit or counter."""
        if pos >= len(text) or not _is_han(text[pos]):
            return False
        if g.after_currency.match(text, pos) or g.counter.match(text, pos):
            return False
        return not g.cue_after.match(text, pos)

    @staticmethod
    def _unit_ok(g: _Grammar, text: str, token: str, cur: regex.Match) -> bool:
        """元/圓/塊 after a number: the money unit, or the start of another word?"""
        surface = cur.group("cur")
        at = cur.start("cur")
        if surface in ("元", "圆"):
            word = g.yuan_words.match(text, at)
            if word and not g.yuan_word_money[word.group()]:
                return False
            single_cn = len(token) == 1 and token in _DIGIT_FOLDED
            nxt = text[cur.end():cur.end() + 1]
            if single_cn and nxt and _is_han(nxt) and nxt not in fold("錢整的起左以多上"):
                return False  # 二元論, 一元化: a lone Chinese digit + 元 + word
            return True
        if surface == "块":
            # 塊 alone is also "a piece": 50塊, 三十塊 are money; 一塊, 兩塊地 are not
            if not any(ch.isdigit() or ch in _SMALL_FOLDED or ch in _BIG_FOLDED for ch in token):
                return False
            nxt = text[cur.end():cur.end() + 1]
            return not nxt or not _is_han(nxt) or nxt in fold("的就而多左啊吧呢喔耶")
        return True  # 塊錢

    @staticmethod
    def _unit_column(text: str, start: int, end: int) -> bool:
        """單位:萬元, (百萬元), 每萬元, 以千元計: a bare unit naming a column or a rate."""
        before = text[max(0, start - 3):start].rstrip(" ")
        after = text[end:end + 3].lstrip(" ")
        return before.endswith(_UNIT_COLUMN_BEFORE) or after.startswith(_UNIT_COLUMN_AFTER)

    @staticmethod
    def _cue(pattern: _Rx, text: str, end: int) -> int | None:
        """Start of a cue (with fillers) that ends right at ``end``, or None."""
        m = pattern.ending_at(text, end)
        return m.start() if m else None

    @staticmethod
    def _per_share(g: _Grammar, text: str, start: int, end: int) -> bool:
        window = text[max(0, start - _PER_SHARE_WINDOW):start]
        for boundary in "。;\n":
            window = window.rsplit(boundary, 1)[-1]
        return bool(g.per_share.search(window) or g.per_share_after.match(text, end))

    # -- passes over the document ------------------------------------------------------

    @staticmethod
    def _ranges(text: str, cands: list[_Cand]) -> None:
        """3至5億元, 新臺幣3至5億, 營收3億至5億: both ends share unit and currency."""
        for a, b in zip(cands, cands[1:]):
            if a.status == DEAD or b.status == DEAD:
                continue
            gap = text[a.end:b.start].strip(" ")
            if gap not in _RANGE_GAP:
                continue
            a_written = a.currency is not None and a.tok_end != a.end  # a currency after A
            pair_money = (
                a.status == MONEY or b.status == MONEY or a.cue_left or b.cue_right
            )
            if not pair_money or (not b.big and b.currency is None and a.currency is None):
                continue
            if not a.big and not a_written and (a.currency is None or a.currency.kind != "unit"):
                if b.big:
                    has_small = any(ch in _SMALL_FOLDED for ch in a.token)
                    scale = _big_unit_multiplier(b.token) if has_small else _unit_multiplier(b.token)
                    a.value *= scale
                    a.big = True
            if a.currency is None:
                a.currency = b.currency
            if b.currency is None:
                b.currency = a.currency
            for c, role in ((a, "from"), (b, "to")):
                if c.status != MONEY:
                    c.status, c.rule = MONEY, "money.range"
                c.range_role = role

    @staticmethod
    def _lists(g: _Grammar, text: str, cands: list[_Cand]) -> None:
        """3億、5億美元 / 美金3億、5億: an amount listed next to money shares its currency."""
        pairs = list(zip(cands, cands[1:]))
        # one pass rightwards, one leftwards: a chain of listed amounts is reached in O(n)
        for ordered in (pairs, reversed(pairs)):
            for a, b in ordered:
                if (a.status == MONEY) == (b.status == MONEY):
                    continue
                other = b if a.status == MONEY else a
                if other.status != MAYBE or g.list_gap.fullmatch(text, a.end, b.start) is None:
                    continue
                money = a if a.status == MONEY else b
                other.status, other.rule = MONEY, "money.list"
                # a currency written after the last item covers the ones before it, and one
                # written before the first covers the ones after it
                if money.currency and money.currency.kind != "unit":
                    other.currency = money.currency
        # 投資3億、5億美元: a bare amount listed right before one with a written currency
        for a, b in zip(cands, cands[1:]):
            if (
                a.status == MONEY and b.status == MONEY and a.currency is None
                and b.currency is not None and b.currency.kind != "unit"
                and a.end < b.start and text[a.end:b.start].strip(" ") in ("、", ",", "或", "至", "到")
            ):
                a.currency = b.currency

    @staticmethod
    def _scope(g: _Grammar, text: str, cands: list[_Cand]) -> None:
        """Amounts after a sentence-wide cue: 全交保!王昱棠500萬、辜淑雯400萬."""
        pending = [c for c in cands if c.status == MAYBE]
        if not pending:
            return
        cues = [(m.start(), m.end()) for m in g.scope.finditer(text)]
        if not cues:
            return
        ends = [e for _, e in cues]
        for c in pending:
            i = bisect.bisect_right(ends, c.start) - 1
            if i < 0:
                continue
            cue_end = ends[i]
            if c.start - cue_end > _SCOPE_REACH:
                continue
            between = text[cue_end:c.start]
            if any(ch in between for ch in _HARD_BOUNDARY):
                continue
            c.status, c.rule = MONEY, "money.scope"

    @staticmethod
    def _fractions(text: str, cands: list[_Cand]) -> list[_Cand]:
        """1元5角: a 角/分 written right after an amount in 元 adds to it."""
        out: list[_Cand] = []
        for c in cands:
            prev = out[-1] if out else None
            if (
                c.status == MONEY and c.fraction is not None and prev is not None
                and prev.status == MONEY and prev.end == c.tok_start
                and prev.currency is not None and prev.currency.kind == "unit"
            ):
                prev.value += c.value
                prev.end = c.end
                continue
            out.append(c)
        return out

    @staticmethod
    def _currencies(doc: Document, text: str, cands: list[_Cand]) -> None:
        """Resolve each amount's currency: written, carried over in the sentence, or local."""
        local = "CNY" if doc.script == "simplified" else "TWD"
        last_foreign: str | None = None  # a foreign currency written earlier in this sentence
        previous = 0
        for c in cands:
            if c.status != MONEY:
                continue
            if any(ch in _SENTENCE_BOUNDARY for ch in text[previous:c.start]):
                last_foreign = None  # a new sentence
            previous = c.start
            cur = c.currency
            if cur is None:
                c.code = last_foreign if last_foreign and c.fraction is None else local
                continue
            code = cur.code
            if code == "LOCAL":
                c.code = local
                continue
            if code in ("DOLLAR", "YEN"):
                said = _sentence_around(text, c.start, c.end)
                if code == "DOLLAR":
                    usd = doc.script == "simplified" or any(w in said for w in ("美元", "美金", "美国", "美股"))
                    code = "USD" if usd else "TWD"
                else:
                    cny = doc.script == "simplified" or any(w in said for w in ("人民币", "RMB", "中国", "大陆"))
                    code = "CNY" if cny else "JPY"
            c.code = code
            if code != local:
                last_foreign = code


def _sentence_around(text: str, start: int, end: int, reach: int = 120) -> str:
    """The sentence holding text[start:end], at most ``reach`` characters either side."""
    lo = max(0, start - reach)
    hi = min(len(text), end + reach)
    before = text[lo:start]
    after = text[end:hi]
    cut = max(before.rfind(ch) for ch in _SENTENCE_BOUNDARY)
    if cut >= 0:
        before = before[cut + 1:]
    cuts = [i for i in (after.find(ch) for ch in _SENTENCE_BOUNDARY) if i >= 0]
    if cuts:
        after = after[:min(cuts)]
    return before + text[start:end] + after
