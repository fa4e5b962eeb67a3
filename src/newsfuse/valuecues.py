"""Cues in a sentence that say what a value measures, for ``values`` (key grammar there).

Each is a plain reading of an English construction of news prose, not a topic's words:

* ``place_key``        which relations to an anchor are one kind of statement;
* ``comparison_date``  "the highest since 1997", "the last comparable flood, in 2018";
* ``displacement``     "forced about 20,000 from their homes", "34,500 had been displaced";
* ``purpose``          "30 days to appeal", "20 days to lodge an appeal";
* ``span_until``       "a contract until June 2030" as a duration.
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas

from .model import Value
from .numbers import STOPWORDS, noun_lemma, verb_lemma
from .timeexpr import TimeExpr

__all__ = ["CLAUSE_BREAK", "place_key", "comparison_date", "displacement", "purpose", "span_until", "SPAN_SLACK_DAYS"]

# What ends a clause for the word windows of ``values`` and the cues here.
CLAUSE_BREAK = re.compile(r"[,;:()“”\"—–]|\s-\s")


# Displacement is the third figure every disaster story reports (after the dead and the
# injured) and its wording varies as freely: "displaced", "forced from their homes", "fled
# their homes", "made homeless".  Folded into one key, like casualties.
_DISPLACED_AFTER = re.compile(
    r"\s+(?:(?:have|has|had|were|was|are|is|been|being|now|remain|remained|left|still)\s+){0,3}"
    r"(?:displaced|homeless|(?:forced|driven|fled|chased)\s+(?:from|out\s+of)\s+(?:their\s+)?homes?)\b",
    re.IGNORECASE)
_DISPLACED_AROUND = re.compile(r"\b(?:forced|forcing|forces|drove|driven|driving)\s+$", re.IGNORECASE)
_FROM_HOMES = re.compile(r"\s+(?:from|out\s+of)\s+(?:their|his|her)\s+homes?\b", re.IGNORECASE)
_DISPLACED_LABEL = re.compile(r"^\W*(?:displaced|homeless)\s*:\s*(?:\S+\s+){0,2}$", re.IGNORECASE)


def displacement(text: str, start: int, end: int) -> str | None:
    """'displaced' when a count of people (or of no named noun) is of the displaced."""
    if _DISPLACED_AFTER.match(text, end):
        return "displaced"
    if _DISPLACED_AROUND.search(text, max(0, start - 20), start) and _FROM_HOMES.match(text, end):
        return "displaced"  # "forced about 20,000 from their homes"
    if _DISPLACED_LABEL.match(text[max(0, start - 40):start]) or _DISPLACED_LABEL.match(text[:start]):
        return "displaced"  # a fact box: "Displaced: about 41,000 people"
    return None


_PURPOSE = re.compile(r"\s+(?:in\s+which\s+)?to\s+(?P<v>[a-z]+)(?:\s+(?:an?|the|their|its|his|her)\s+(?P<n>[a-z]+))?")
# Verbs that carry little meaning of their own: the act is their object ("lodge an appeal",
# "file a claim", "make a decision").
_LIGHT_VERBS = frozenset({"lodge", "file", "make", "submit", "take", "launch", "mount", "bring", "give", "reach",
                          "enter", "issue", "present", "hold", "have", "get", "do"})


# A span of time given to someone for an act: "have 30 days to appeal", "were given 48 hours
# to leave", "has until Friday" (the grant, within a few words before the figure).
_GRANT_BEFORE = re.compile(
    r"\b(?:have|has|had|having|given|give|gives|gave|granted|grant|allowed|allow|get|gets|got)\s+"
    r"(?:\w+\s+){0,2}$", re.IGNORECASE)


def purpose(text: str, end: int, start: int | None = None) -> str | None:
    """The act a span of time is allowed for: the infinitive right after it, or the object of
    a light verb; only after a verb of having or granting when ``start`` is given ("declared
    an emergency for 60 days to speed up aid" gives no time for speeding up)."""
    m = _PURPOSE.match(text, end)
    if not m or m.group("v") in STOPWORDS:
        return None
    if start is not None and not _GRANT_BEFORE.search(text, max(0, start - 40), start):
        return None
    verb = m.group("v")
    if verb in _LIGHT_VERBS and m.group("n"):
        return noun_lemma(m.group("n"))
    return verb if getAllLemmas(verb).get("VERB") else None


# "a contract until June 2030", "a ban running until 2028": a thing that lasts from now to a
# date, whose length other reports give as a duration ("a five-year contract").
_UNTIL_NOUN = re.compile(
    r"\b(?:a|an|the|his|her|their|its)\s+(?:new\s+|current\s+)?(?P<noun>[a-z]{3,})\s+"
    r"(?:(?:that\s+)?(?:runs?|running|lasting|lasts|valid)\s+)?(?P<until>until|till|through)\s+$")
# A span given by its end is measured from publication, yet it starts when it was agreed and
# such terms end on conventional dates (the end of a season, a year): half a year of slack
# each side keeps "a four-year contract" and "a contract until June 2030" (signed in August
# 2026) together and "a five-year contract" apart.
SPAN_SLACK_DAYS = 182.6


def span_until(text: str, t: TimeExpr, published, base: dict) -> Value | None:
    """"a contract until June 2030" → a duration from publication to that date (± the slack),
    keyed like "a five-year contract" (``duration:contract``); None for any other date."""
    if t.type != "date" or published is None or t.low is None or t.high is None:
        return None
    m = _UNTIL_NOUN.search(text, max(0, t.start - 60), t.start)
    if not m or m.group("noun") in STOPWORDS or verb_lemma(m.group("noun")):
        return None
    now = published.timestamp()
    if t.low <= now:
        return None
    lo = max(0.0, (t.low - now) / 86400 - SPAN_SLACK_DAYS)
    hi = (t.high - now) / 86400 + SPAN_SLACK_DAYS
    years = (t.low + t.high) / 2 / 86400 - now / 86400
    return Value(type="quantity", text=text[m.start("until"):t.end], normalized=f"≈{years / 365.2425:.1f} yr (until {t.normalized})",
                 key=f"duration:{noun_lemma(m.group('noun'))}", low=lo, high=hi, unit="d", precise=True,
                 qualifier="until", span=(m.start("until"), t.end), **base)


# "the highest level since 1997", "the first cut since 2020", "the worst flood in a decade, since
# 2018": a superlative (or "first") and then "since <date>" dates the last comparable event.
_SUPERLATIVE = re.compile(r"\b(?:most|least|worst|best|first|only|latest|\w{2,}est)\b", re.IGNORECASE)
_NOT_SUPERLATIVE = frozenset({"interest", "forest", "arrest", "protest", "request", "suggest", "test", "rest",
                              "west", "chest", "guest", "nest", "quest", "invest", "honest", "modest", "harvest",
                              "contest", "conquest", "manifest", "digest", "inquest", "earnest", "unrest",
                              "southwest", "northwest", "midwest", "priest", "fest", "pest", "vest", "lest",
                              "crest", "behest", "attest", "detest", "infest"})
# "the last comparable flood, in 2018", "the last time the river was this high was in 2018",
# "the previous such event ... in 2018": the same fact, told from the past side.
_LAST_LIKE = re.compile(r"\b(?:last|previous)\s+(?:comparable|similar|such|time|equivalent)\b[^.;]{0,80}$",
                        re.IGNORECASE)


def comparison_date(text: str, t: TimeExpr) -> bool:
    """Whether a date is the date of a comparison (the last event like this one)."""
    if t.type != "date":
        return False
    if t.text.lower().startswith("since"):
        lo = max(0, t.start - 60)
        cut = lo
        for m in CLAUSE_BREAK.finditer(text, lo, t.start):
            cut = m.end()
        return any(w.group().lower() not in _NOT_SUPERLATIVE for w in _SUPERLATIVE.finditer(text, cut, t.start))
    return bool(_LAST_LIKE.search(text, max(0, t.start - 100), t.start))


# Compass bearings to an anchor share the bare key, so that "north of X" and "northeast of X"
# meet and conflict.  Every other relation is its own kind of statement: "in X" says the thing
# is inside X, "near X" that it is close to it, "outside X" just beyond it, "off X" at sea
# beside it; a second source using another relation neither corroborates nor contradicts the
# first, so they never meet.  Relations of one kind still compare ("off the east coast of X" /
# "off the west coast of X", "in northern X" / "in southern X": see places.relations_conflict).
_RELATION_CLASS = {"in": "in", "inside": "in", "into": "in", "near": "near", "nearby": "near",
                   "outside": "outside", "across": "across", "towards": "towards", "off": "off"}


def place_key(relation: str, anchor: str) -> str:
    """``place:<anchor>`` for bearings, ``place:<anchor>:<kind>`` for the others ("in", "near",
    "outside", "off", "across", "towards"; "in northern X" is of the "in" kind)."""
    kind = _RELATION_CLASS.get(relation.split()[0]) if relation else None
    base = f"place:{anchor.casefold()}"
    return f"{base}:{kind}" if kind else base
