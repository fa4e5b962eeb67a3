"""Numbers as news text writes them, and the word-level helpers the value parsers share.

``parse_number`` reads digits (``28,500``, ``1.2``), scale words (``1.2 million``, ``$5bn``)
and English number words (``twenty-eight thousand five hundred``).  ``NUMBER_RE`` finds such
expressions; ``QUALIFIER_RE`` the hedge or bound in front of them; ``VAGUE`` maps vague
quantifiers (``several``, ``dozens of``) to the interval they conventionally mean.

Hand-written rather than word2number: that package raises on anything it does not know and
has no notion of "1.2 million" or of vague quantifiers, and the grammar is small.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas, getInflection, getLemma

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    # South Asian English scales ("₹4 lakh", "Rs 12 crore"): news in India and Pakistan
    # writes large sums in them.
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
}
# Abbreviated scales as news writes them after digits ("$5bn", "1.2m people", "3k").
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
                "b": 1_000_000_000, "tn": 1_000_000_000_000}

_WORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_SCALE = "|".join(SCALES)
# A run of number words: "twenty-eight thousand five hundred (and) twelve".
# "two dozen" (24) and "half a million" (500,000) are number words too.
_WORDS_NUM = (
    rf"(?:(?:{_WORD})(?:-(?:{_WORD}))?|(?:a|an)(?=[\s-]+(?:{_SCALE})\b)|half[\s-]+a(?=[\s-]+(?:{_SCALE}|dozen)\b))"
    rf"(?:[\s-]+(?:and[\s-]+)?(?:(?:{_WORD})(?:-(?:{_WORD}))?|{_SCALE}|dozen))*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_NUMBER_BODY = (
    rf"(?:(?P<digits>{_DIGITS})(?![\d:/]|[.,]\d)"
    # "a 1.45-billion-euro rescue", "a $2-million grant": the scale hyphenated into a compound.
    rf"(?:(?:\s*|-)(?P<scale>{_SCALE})\b|(?P<short>bn|mn|mln|tn)\b)?"
    rf"|(?P<words>\b{_WORDS_NUM}\b))"
)
# Not inside a code or a compound ("KN-25", "four-year"), a decimal or a time ("3:50").  A
# leading minus sign after a space is read by the caller.
NUMBER_RE = re.compile(rf"(?<![\w.,:/])(?<!\w-){_NUMBER_BODY}", re.IGNORECASE)
# The second number of a range ("300-400"), matched right after the joiner.
NUMBER_TAIL_RE = re.compile(_NUMBER_BODY, re.IGNORECASE)

# Bounds and hedges before a number.  Each maps to (kind, factor): see ``apply_qualifier``.
QUALIFIERS: dict[str, str] = {
    "at least": "min", "no fewer than": "min", "no less than": "min", "a minimum of": "min",
    "more than": "gt", "over": "gt", "above": "gt", "in excess of": "gt", "upwards of": "gt",
    "greater than": "gt", "exceeding": "gt", "just over": "gt", "well over": "gt",
    "at most": "max", "up to": "max", "as many as": "max", "no more than": "max",
    "a maximum of": "max", "as much as": "max",
    "less than": "lt", "fewer than": "lt", "under": "lt", "below": "lt", "just under": "lt",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just shy of": "nearly",
    "about": "about", "approximately": "about", "around": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "approx.": "about",
    "circa": "about", "c.": "about", "~": "about", "about an estimated": "about",
    "some estimated": "about",
}
QUALIFIER_RE = re.compile(
    r"(?:(?<=\s)|^|(?<=\())(?P<q>"
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s*$",
    re.IGNORECASE,
)
# Hedges widen an interval by this share on each side.  5% is the usual reading of "about"
# in reporting (a rounded figure); "nearly N" is [N*(1-NEARLY), N].  Documented in values.py.
HEDGE = 0.05
NEARLY = 0.10

# Vague quantifiers → (low, high) of what they conventionally mean.  "several" is 3-7 (the
# usual dictionary reading: more than two, not many); "multiple"/"numerous" only say "more
# than one".  Plural scale nouns ("dozens of") span from two of the unit to just under the
# next scale.
VAGUE: dict[str, tuple[float, float]] = {
    "several": (3, 7), "multiple": (2, math.inf), "numerous": (2, math.inf),
    "a few": (2, 5), "few": (2, 5), "a couple of": (2, 3), "a handful of": (2, 6),
    "many": (5, math.inf), "dozens of": (24, 99), "scores of": (40, 199),
    "hundreds of": (200, 999), "thousands of": (2_000, 9_999),
    "tens of thousands of": (20_000, 99_999), "hundreds of thousands of": (200_000, 999_999),
    "millions of": (2_000_000, 999_999_999), "billions of": (2e9, 999e9),
    # The same words standing alone ("dozens were injured").
    "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "millions": (2_000_000, 999_999_999),
}
# Exact quantity words that are not number words.
EXACT_WORDS: dict[str, float] = {
    "a single": 1, "a lone": 1, "a pair of": 2, "a couple": 2, "a dozen": 12, "dozen": 12,
    "twin": 2, "both": 2, "a trio of": 3, "half a dozen": 6,
}
_QUANT_KEYS = sorted(list(VAGUE) + list(EXACT_WORDS), key=len, reverse=True)
QUANT_WORD_RE = re.compile(
    r"(?<![\w-])(?P<qw>" + "|".join(re.escape(k) for k in _QUANT_KEYS) + r")(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    value: float
    rounding: float  # half a unit of the last significant digit: the figure's own precision
    scaled: bool  # written with a scale word ("1.2 million"): a rounded figure


def _words_value(text: str) -> float | None:
    total = 0.0
    current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.lower()):
        if not w or w == "and":
            continue
        if w in ("a", "an"):
            current += 1 if not seen else 0
            seen = True
            continue
        if w == "half" and not seen:
            current = 0.5
            seen = True
            continue
        if w == "dozen":
            current = (current or 1) * 12
            seen = True
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> Number | None:
    """The value of one number expression ("28,500", "1.2 million", "twenty-two"), or None."""
    m = NUMBER_RE.fullmatch(text.strip())
    if not m:
        return None
    return number_from_match(m)


def number_from_match(m: re.Match[str]) -> Number | None:
    if m.group("digits"):
        raw = m.group("digits").replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            return None
        scale = 1.0
        if m.group("scale"):
            scale = SCALES[m.group("scale").lower()]
        elif m.group("short"):
            scale = SHORT_SCALES[m.group("short").lower()]
        return Number(value * scale, _rounding(raw) * scale, scale >= 1_000_000)
    words = m.group("words")
    if not words or words.lower() in ("a", "an"):
        return None
    value = _words_value(words)
    if value is None:
        return None
    return Number(value, 0.0, False)


def _rounding(raw: str) -> float:
    """Half a unit of the last written digit: "350" → 0.5, "1.2" → 0.05.

    Trailing zeros of an integer are read as significant; a reader cannot tell "350" (±5)
    from "350" (±0.5), and the narrower reading never hides a real disagreement.
    """
    if "." in raw:
        return 0.5 * 10 ** -len(raw.split(".", 1)[1])
    return 0.5


def apply_qualifier(kind: str | None, low: float, high: float, *, integer: bool) -> tuple[float, float]:
    """The interval that a qualifier makes of [low, high] (a number and its rounding)."""
    if kind is None:
        return low, high
    if kind == "min":
        return low, math.inf
    if kind == "gt":
        return (high + 1 if integer else high), math.inf
    if kind == "max":
        return 0.0, high
    if kind == "lt":
        return 0.0, (low - 1 if integer else low)
    if kind == "nearly":
        return low * (1 - NEARLY), high
    if kind == "about":
        return low * (1 - HEDGE), high * (1 + HEDGE)
    return low, high


def qualifier_before(text: str) -> tuple[str | None, str | None, int]:
    """(qualifier words, kind, start offset) of a bound or hedge ending ``text``."""
    m = QUALIFIER_RE.search(text[-40:])
    if not m:
        return None, None, len(text)
    q = m.group("q")
    start = len(text) - len(text[-40:]) + m.start("q")
    return q.lower(), QUALIFIERS[q.lower()], start


# ---------------------------------------------------------------- word helpers

STOPWORDS = frozenset(
    """a an the of in on at to from by for with without into onto toward towards over under
    above below after before since until during near off about across along among around
    between through via per and or but nor so yet as than that this these those which who whom
    whose what when where while if is was were be been being are am has have had do does did
    will would shall should can could may might must not no it its their his her our your my
    they them he she we you i also still just only even more most less least some any each
    every all both either neither other another such there here then now very too up down out
    again further once against despite amid amidst within beyond beside besides behind inside
    outside unlike upon him me us himself herself itself themselves myself""".split()
)


@lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str:
    """Singular, lowercase form of a noun ("missiles" → "missile", "people" → "person")."""
    w = word.lower().replace("’", "'")
    if w == "people":
        return "person"
    lem = getLemma(w, upos="NOUN")
    return lem[0] if lem else w


@lru_cache(maxsize=65536)
def verb_lemma(word: str) -> str | None:
    """Base form when ``word`` is an inflected verb form ("fired" → "fire"), else None."""
    w = word.lower()
    if not w.isalpha() or w in STOPWORDS:
        return None
    lemmas = getAllLemmas(w)
    verb = lemmas.get("VERB")
    if not verb:
        return None
    base = verb[0]
    if base == w:
        return None  # bare forms ("test", "report") are usually nouns in news prose
    if w.endswith(("ed", "ing")) or ("NOUN" not in lemmas and "ADJ" not in lemmas):
        return base
    return None


@lru_cache(maxsize=65536)
def any_verb_lemma(word: str) -> str | None:
    """Base form of ``word`` read as a verb when it can be one ("stations" → "station")."""
    w = word.lower()
    if not w.isalpha() or w in STOPWORDS:
        return None
    verb = getAllLemmas(w).get("VERB")
    return verb[0] if verb else None


@lru_cache(maxsize=65536)
def is_invariant_plural(word: str) -> bool:
    """Nouns whose plural is the singular ("personnel", "aircraft", "police", "sheep")."""
    w = word.lower()
    plural = getInflection(w, tag="NNS")
    return bool(plural) and plural[0] == w
