"""Cues that say whether two figures of a story are one figure: its phase and its context.

The claims stage groups values by key (what they measure).  Keys come from the words next to
a figure, so one figure told with other nouns ("42 passengers" / "48 people on board",
"homes and businesses" / "premises" / "customers" without power) gets two keys, while one
noun can carry two figures of different moments ("310,000 lost supply at the height of the
storm" / "95,000 still without power").  This module reads such cues from the sentence:

* :func:`day_part` — the moment of a trading day a figure is stated for (premarket … close);
  :func:`during_session` — a reading "while the session runs" with no moment named.
* :func:`phase` — whether a figure is a peak ("at the height of", "at its peak") rather than
  the current level.  A peak and a current level are two figures, whatever their key.
* :func:`scope` — the place a figure is bounded to ("138,000 vehicles in the United States").
* :func:`context` — the words around a figure with the figure itself masked, the evidence
  for "same predicate": compared by sentence embeddings when an embedder is given, else by
  shared content lemmas.

All are plain readings of English news prose, not lists of any topic's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Value
from .numbers import STOPWORDS, noun_lemma, parse_number, verb_lemma

# A temporal phrase that puts a figure at its maximum: "at the height of the storm", "at its
# peak", "at peak".  The adjective "peak" ("a peak gust of 158 km/h") names a kind of
# measurement, not a moment, so only the prepositional phrase counts.
_PEAK = re.compile(r"\bat\s+(?:(?:the|its|their|his|her)\s+)?(?:height|peak|worst|high\s+point)\b", re.IGNORECASE)
# Characters either side of a figure searched for a phase cue: about one clause of news prose
# (the same reach as the update cues of crosscheck).
_PHASE_WINDOW = 60

# Words around a figure used as its context: enough for the predicate and the counted noun
# ("N homes and businesses were left without electricity"), not the whole sentence.
_WORDS_BEFORE = 6
_WORDS_AFTER = 8
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
# Verbs of saying carry the attribution, not the predicate of the figure.
_SAYING = frozenset({"say", "tell", "report", "announce", "add", "state", "according", "accord", "confirm"})


# Words that put a figure at the present moment; when one stands nearer the figure than a
# peak phrase, the figure is the current level ("at the height of the storm 310,000 lost
# power; 95,000 are still without it").
_CURRENT = re.compile(r"\b(?:still|now|currently|remain(?:s|ed)?|as of)\b", re.IGNORECASE)


# A figure that is someone's expectation, not a reported fact: "analysts' average estimate of
# $4.41 billion", "the $4.38bn consensus", "$4.5bn analysts had pencilled in", "guided revenue
# to $4.0 billion", "is expected to reach 200".  The cue must govern the figure: a few words
# before it with no other figure between, or right after it.  "an estimated 5,000 people" is an
# approximate fact, not a forecast, so "estimated" right before the figure does not count.
_FORECAST = (r"estimates?|consensus|forecasts?|forecasted|expected|expects?|expectations?|projected|"
             r"projections?|predicted|predictions?|guidance|guided|outlook|pencill?ed|anticipated")
_FORECAST_BEFORE = re.compile(rf"\b(?:{_FORECAST})\b(?:\s+[^\s\d]+){{0,5}}\s*$", re.IGNORECASE)
_FORECAST_AFTER = re.compile(rf"^(?:\s+[A-Za-z'’]+){{0,3}}?\s+(?:{_FORECAST})\b", re.IGNORECASE)
_ESTIMATED_ADJ = re.compile(r"\ban\s+estimated\s*$", re.IGNORECASE)


def is_forecast(v: Value, sentence: str) -> bool:
    """Whether the figure is a forecast or an estimate of what will be reported (see above)."""
    start, end = v.span
    if (start, end) == (0, 0) or sentence[start:end] != v.text:
        return False
    before = sentence[max(0, start - 60) : start]
    if _ESTIMATED_ADJ.search(before):
        return False
    return bool(_FORECAST_BEFORE.search(before) or _FORECAST_AFTER.match(sentence[end : end + 40]))


# Moments of one trading or working day, in order: a figure "in premarket trading", "by late
# morning" and "at the close" is one figure moving through the day, not three rival readings.
# General market and clock words, not words of any story.
_DAY_PARTS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bpre-?market\b|\bbefore\s+(?:the\s+)?(?:opening\s+bell|open(?:ing)?\b|markets?\s+opened)",
        r"\bat\s+the\s+open(?:ing)?\b|\b(?:in|during)\s+early\s+(?:trading|trade|deals)\b|\bopened\b",
        r"\b(?:by|in|during|at)\s+(?:late\s+|mid-?|the\s+)?(?:morning|midday|noon|lunchtime)\b",
        r"\b(?:by|in|during)\s+(?:the\s+)?(?:late\s+|mid-?)?afternoon\b",
        r"\bclosed\b|\b(?:at|by)\s+the\s+close\b|\bclose\s+of\s+(?:trading|business|play)\b|"
        r"\bended\s+(?:the\s+)?(?:day|session|trading)\b",
        r"\bafter[\s-]hours\b|\bextended\s+trading\b",
    )
)


def day_part(v: Value, sentence: str) -> int | None:
    """The moment of the day a figure is stated for (0 premarket … 4 close, 5 after hours),
    from a cue in the clause around it; None without one (or with two different ones)."""
    if v.type not in ("count", "quantity"):
        return None
    start, end = v.span
    if (start, end) == (0, 0) or sentence[start:end] != v.text:
        return None
    window = sentence[max(0, start - _PHASE_WINDOW) : end + _PHASE_WINDOW]
    found = {i for i, p in enumerate(_DAY_PARTS) if p.search(window)}
    return found.pop() if len(found) == 1 else None


# A market figure stated as the state at the moment of writing, with no moment named: "the
# index was up 1.2%", "shares are trading 3% lower", "stocks were 2% higher".  Such a reading is
# taken while the session runs, so it comes before that session's close.  The verb must lead to
# the figure with no other figure between ("was up 1.2%", not "was up after a 4% drop…").
_DURING_SESSION = re.compile(
    r"\b(?:is|was|were|are)\s+(?:up|down|higher|lower|trading(?:\s+(?:up|down|higher|lower))?)\s+"
    r"(?:(?:by|about|around|some|nearly|almost|roughly)\s+)?$",
    re.IGNORECASE,
)
# Where such a reading stands among the moments of ``_DAY_PARTS``: after any named moment up to
# the afternoon, before the close (4).
DURING_SESSION = 3.5


def during_session(v: Value, sentence: str) -> bool:
    """Whether a figure is stated as a reading during the session ("the index was up 1.2%")
    and no moment of the day is named around it (:func:`day_part` is None)."""
    if v.type not in ("count", "quantity"):
        return False
    start, end = v.span
    if (start, end) == (0, 0) or sentence[start:end] != v.text:
        return False
    return day_part(v, sentence) is None and bool(_DURING_SESSION.search(sentence[max(0, start - 40) : start]))


def phase(v: Value, sentence: str) -> str:
    """"peak" when a temporal phrase near the figure puts it at its maximum, "forecast" when the
    figure is an expectation (:func:`is_forecast`), else ""."""
    if v.type not in ("count", "quantity"):
        return ""
    if is_forecast(v, sentence):
        return "forecast"
    start, end = v.span
    if (start, end) == (0, 0) or sentence[start:end] != v.text:
        start, end = 0, len(sentence)
    lo = max(0, start - _PHASE_WINDOW)
    window = sentence[lo : end + _PHASE_WINDOW]
    peaks = [m for m in _PEAK.finditer(window)]
    if not peaks:
        return ""

    def distance(m: re.Match[str]) -> int:
        a, b = m.start() + lo, m.end() + lo
        return 0 if a < end and start < b else min(abs(start - b), abs(a - end))

    nearest_peak = min(distance(m) for m in peaks)
    current = [distance(m) for m in _CURRENT.finditer(window)]
    return "" if current and min(current) < nearest_peak else "peak"


# A place that bounds what a figure counts, right after its noun phrase: "138,000 vehicles in
# the United States", "21,500 cars in Britain".  Up to three words may stand between the
# value's text and "in" (a model name, "of the"), no clause break.
_SCOPE_AFTER = re.compile(
    r"^(?:\s+[a-z][\w'’-]*|\s+[A-Z][\w'’-]*){0,3}?\s+in\s+(?:the\s+)?"
    r"((?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,3})"
)


def scope(v: Value, sentence: str) -> str:
    """The place a figure is bounded to ("in the United States"), casefolded, else ""."""
    if v.type not in ("count", "quantity"):
        return ""
    start, end = v.span
    if (start, end) == (0, 0) or sentence[start:end] != v.text:
        return ""
    m = _SCOPE_AFTER.match(sentence[end : end + 80])
    # A sentence-final full stop is not part of the name ("in Canada."); "U.S." keeps its own.
    name = m.group(1) if m else ""
    if name.endswith(".") and not re.search(r"\.\w\.$", name):
        name = name[:-1]
    return " ".join(name.casefold().split())


def context(v: Value, sentence: str) -> str:
    """The words around a figure with the figure replaced by "N" (for embedding)."""
    start, end = v.span
    if (start, end) == (0, 0) or sentence[start:end] != v.text:
        return sentence
    before = _WORD.findall(sentence[:start])[-_WORDS_BEFORE:]
    after = _WORD.findall(sentence[end:])[:_WORDS_AFTER]
    # The noun counted is part of the value's text ("about 42 passengers"): keep it and the
    # qualifier, mask the figure (written in digits or in words).
    own = ["N" if w[0].isdigit() or parse_number(w) is not None else w for w in _WORD.findall(v.text)]
    return " ".join(before + own + after)


def content_lemmas(text: str) -> frozenset[str]:
    """Content words of a context as lemmas (nouns and verbs reduced), without stop words,
    figures and verbs of saying: the lexical evidence of a shared predicate."""
    out = set()
    for w in _WORD.findall(text):
        low = w.casefold()
        if low == "n" or not low[0].isalpha() or low in STOPWORDS or len(low) < 3:
            continue
        lem = verb_lemma(low) or noun_lemma(low)
        if lem in _SAYING:
            continue
        out.add(lem)
    return frozenset(out)


def similarities(texts: Sequence[str], embedder) -> list[list[float]]:
    """Cosine similarity of every pair of texts, by the embedder (unit vectors)."""
    if not texts:
        return []
    vectors = embedder.encode(list(texts))
    return (vectors @ vectors.T).tolist()
