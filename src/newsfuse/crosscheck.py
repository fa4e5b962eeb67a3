"""Cross-checking: the status of a claim from its typed values and the independence groups.

The status rests only on typed, normalised values (no model decides contradiction, see
DESIGN.md) and on the reuse stage's independence groups (support is counted in groups,
never in articles).  For the values of one key — what they measure — the rules are:

1. Between editions of one story (reuse links of kind copy / version), a value that a *later*
   edition replaced is an update, not a second opinion: it leaves the comparison and is
   reported as part of the figure's history.
2. Two articles *conflict* when each states a precise value that the other contradicts and
   nowhere confirms (an article that merely leaves out a figure the other gives does not
   conflict with it).  Articles of one group that disagree without being successive
   editions conflict too, unless rule 4 reads the difference as the figure moving.
3. Incompatible precise values conflict whoever states them (two claimants who give different
   precise figures still leave the reader two figures to choose from).  A vague value
   ("several") against a precise or a different vague one, or two claimants disagreeing
   inside one article, is a *divergence*.
4. A count or quantity whose successive levels follow publication time without coming back
   to an earlier level (10 → 15 → 22, or 180,000 → 240,000 → 95,000 people without power)
   is *evolving* when the change reads as a change: a later report of the same source (an
   edition, or another article of the same independence group: a wire that said 17 injured in
   the morning and 31 in the evening updated its count), a floor raised or met by a higher
   count, moments of one trading day, a vague figure made precise later ("dozens" → "46"),
   one named claimant giving both figures, an update cue that governs the later figure ("rose
   to 24", "still", "so far", "up from"; not "fell 300 metres" about another figure, nor
   "shares fell 4.8%" whose object is the figure itself), or three or more levels each beyond
   all earlier ones (10 → 15 → 22; 180,000 → 240,000 → 95,000).  Otherwise the difference
   stays a conflict, because outlets that simply disagree also publish at different times:
   an independent outlet that later merely gives another figure disputes it, and levels that
   come back inside the range already reported (4 → 7 → 5) or to an earlier level (120 → 90
   → 120 km/h) are a dispute.
5. Otherwise values that two or more groups share are *corroborated*, else *single-source*.

Before these rules, an article's later value that its own earlier value (same voice)
contradicts is set aside: an article does not contradict itself, so it is a part or another
thing.  On top of the values stage's ``compatible``: figures whose intervals only touch, two
different ceilings, a ceiling against a plain figure well below it, dates that overlap only by
a zone offset, and a hedged figure against an exact one beyond its last written digit are
incompatible (see ``compatible``).

``assess`` returns the status with the sides it rests on and an explanation in words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from .model import ClaimStatus, Value

from .figures import DURING_SESSION, day_part, during_session
from .values import compatible as _values_compatible

# Types whose values can contradict each other.  Names, organisations, attributions and
# quotations are not compared: two different names under one key are usually two people.
COMPARABLE_TYPES = frozenset({"count", "quantity", "date", "time", "place"})
# Types whose values form an ordered figure that can rise or fall over time.
NUMERIC_TYPES = frozenset({"count", "quantity"})

# Words that mark a figure as changed rather than disputed.  They are general English words of
# change and revision, not words of any topic, and they mark a figure only when they govern it
# (``_cue_for``): a cue is evidence about the figure it is attached to, not about every figure of
# its sentence ("carrying 47 passengers when it left the road and fell 300 metres" says nothing
# about the passengers).
#
# Verbs of change mark a new level only with "to" before the figure ("rose to 24", "bringing the
# number freed to 61", "raised their estimate of the crowd to 22,000").  A verb that takes the
# figure as its object ("shares fell 4.8%", "consumer prices rose 3.9%") states the size of a
# movement — the figure itself — and says nothing about the report being newer than another.
# Forms that are also nouns ("rent increases to 3%", "rises", "falls") are left out.
_CHANGE_VERBS = (
    r"rose|risen|rising|climbed|climbing|increased|jumped|grew|grown|growing|soared|mounted|"
    r"mounting|swelled|fell|fallen|dropped|declined|raised|raising|lowered|lowering|revised|"
    r"revising|updated|upgraded|downgraded|brought|bringing|pushed|pushing|taking"
)
_HEDGE_WORDS = r"about|around|roughly|some|nearly|almost|approximately|more than|over|at least|an estimated"
_TO_LEVEL = re.compile(
    rf"\b(?P<verb>{_CHANGE_VERBS})\b[^\d;:]{{0,50}}?\bto\s+(?:(?:{_HEDGE_WORDS})\s+)?$", re.IGNORECASE
)
# "…, up from 12" / "down from" after the figure, with no other figure between (one clause:
# "40 percent of its usual services on Wednesday morning, up from Tuesday"): the new level.
_FROM_AFTER = re.compile(r"^[^\d;]{0,60}?\b(?P<cue>up from|down from)\b", re.IGNORECASE)
# Adverbs and phrases of a current or revised count.  They sit in the clause of the figure they
# mark, so they govern the figure nearest to them ("about 1,500 checked bags were still waiting"
# marks the bags, not the 900 passengers earlier in the sentence).
_UPDATE_CUES = re.compile(
    r"\b(?:revised|updated|upgraded|downgraded|so far|latest|in total|still|remain(?:s|ed|ing)?|"
    r"new (?:toll|figure|estimate|count|tally)|has since|(?:has|have|are|is) now|"
    r"(?:earlier|previous|initial) (?:estimate|figure|count|toll|tally|total)s?|"
    r"(?:final|confirmed) (?:count|figure|tally|toll|result|total)s?|"
    r"(?:has|have) (?:now |so far )?(?:died|been (?:killed|found|rescued|recovered|confirmed)))\b",
    re.IGNORECASE,
)
# Words that state a figure as provisional: "turnout was estimated at 79.2%", "preliminary
# results", "a provisional count".  A provisional figure followed later by one stated without
# such a word is the figure made final, not a rival to it.  "an estimated 5,000" is only a
# hedge, and "projected"/"expected" name forecasts (figures.is_forecast), so neither is here.
_PROVISIONAL = re.compile(
    r"\b(?:estimated\s+at|put\s+at|preliminary|provisional|partial|initial|early\s+(?:count|results?|"
    r"estimates?|figures?|returns?))\b",
    re.IGNORECASE,
)
# Where a figure stands in a sentence (digits, or a number word): to tell which figure a cue is
# nearest to.  Hand-written because only positions are needed, not values (numbers.py parses).
_FIGURE = re.compile(
    r"\d[\d,.]*\d|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?)\b",
    re.IGNORECASE,
)

_RANK: dict[str, int] = {
    "conflicting": 4,
    "evolving": 3,
    "divergent": 2,
    "corroborated": 1,
    "single-source": 0,
}


@dataclass(frozen=True)
class Assessment:
    """What cross-checking concluded about one set of values (or one aligned statement)."""

    status: ClaimStatus
    independent_sources: int
    explanation: str
    sides: tuple[tuple[str, tuple[str, ...]], ...] = ()


def compatible(a: Value, b: Value) -> bool | None:
    """Whether two values of one key can both be true; None when they cannot be compared.

    The values stage decides (units, bearings, roles); on top of it, figures whose intervals
    only touch (``_touch_only``), different ceilings (``_other_maximum``), dates that share
    only a zone offset (``_zone_edge_only``) and a hedge missed by an exact figure
    (``_hedge_missed``) are different.
    """
    result = _values_compatible(a, b)
    if result is True and (
        _touch_only(a, b) or _other_maximum(a, b) or _zone_edge_only(a, b) or _hedge_missed(a, b)
        or _half_rounded(a, b)
    ):
        return False
    return result


_HEDGES = frozenset({"about", "around", "roughly", "some", "approximately", "nearly", "almost", "close to"})
_STATED = re.compile(r"[\d,]*\d(?:\.\d+)?")


def _stated_step(v: Value) -> tuple[float, float] | None:
    """(figure, one step of its last significant digit) of a hedged figure as written:
    "about 138,000" → (138000, 1000); None when the normalised figure is not the one written
    (a unit conversion) or the value is not a hedged figure."""
    if v.type not in NUMERIC_TYPES or not v.precise or (v.qualifier or "").casefold() not in _HEDGES:
        return None
    m = _STATED.search(v.normalized or "")
    if not m or m.group(0) not in v.text:
        return None
    digits = m.group(0).replace(",", "")
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    else:
        step = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return float(digits), step


def _hedge_missed(a: Value, b: Value) -> bool:
    """Whether a hedged figure and an exact one differ by more than one step of the hedged
    figure's last significant digit ("about 138,000" / "141,200").

    A hedge widens a figure by a share of it (values.py), which is right against another hedged
    or rounded figure, but a writer who had 141,200 would round it to "about 141,000", not
    "about 138,000": against an exact figure of the same unit, the hedge covers the rounding of
    the last digit written, no more.
    """
    for hedged, exact in ((a, b), (b, a)):
        stated = _stated_step(hedged)
        if stated is None or exact.qualifier or not exact.precise:
            continue
        if (hedged.unit or "") != (exact.unit or "") or exact.low is None or exact.high is None:
            continue
        if exact.low != exact.high:
            continue  # a rounded figure itself ("16 km" read as 15.5–16.5): no finer than the hedge
        if abs(exact.low - stated[0]) > stated[1]:
            return True
    return False


def _zone_edge_only(a: Value, b: Value) -> bool:
    """Whether two dates overlap only by a time-zone offset (less than half the shorter one).

    Dates are resolved in each article's zone, so "Friday" in Manila and "March 12" in UTC
    share eight hours, and "this year" read on 31 December in one zone shares hours with "next
    year" read in another: periods that share less than half of the shorter are different
    periods.  A day inside its month, or one day read in two zones, shares far more.
    """
    if a.type != "date" or b.type != "date" or None in (a.low, a.high, b.low, b.high):
        return False
    if (a.unit or "") != (b.unit or ""):
        return False
    wa, wb = a.high - a.low, b.high - b.low  # type: ignore[operator]
    if min(wa, wb) <= 0 or float("inf") in (wa, wb):
        return False
    # Ends are inclusive (a day is 00:00:00-23:59:59), so a span of n seconds is high-low+1:
    # without the +1 a day read in zones twelve hours apart ("Thursday" in New York and in
    # Singapore) fell one second short of half and was set against itself.
    overlap = min(a.high, b.high) - max(a.low, b.low) + 1  # type: ignore[type-var, operator]
    return 0 < overlap < 0.5 * (min(wa, wb) + 1)


_MAX_LABEL = re.compile(r"^≤\s*([\d,]*\.?\d+)(?:\s*(thousand|million|billion|trillion)\b)?")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _bound(v: Value) -> tuple[float, float] | None:
    """A stated maximum ("up to 30 cm") as (the figure, its rounding half-width), else None."""
    if v.type not in NUMERIC_TYPES or not v.precise or v.high is None or v.low is None:
        return None
    m = _MAX_LABEL.match(v.normalized or "")
    if not m or v.low > 0:
        return None
    point = float(m.group(1).replace(",", "")) * _SCALE.get(m.group(2) or "", 1.0)
    return point, max(0.0, v.high - point)


def _other_maximum(a: Value, b: Value) -> bool:
    """Whether two stated maxima name different ceilings ("waves of up to 30 cm" / "up to one
    metre"), or a ceiling and a plain figure well below it ("up to €10 million in add-ons" /
    "€6 million in add-ons").  As intervals they overlap, yet each says what the most is: two
    ceilings that differ by more than their rounding are two answers to one question, and so
    is a ceiling against a figure stated as the amount itself.  Floors ("at least 7 dead") are
    not treated so: later reports raise a floor without contradicting it."""
    if (a.unit or "") != (b.unit or ""):
        return False
    ba, bb = _bound(a), _bound(b)
    if ba is not None and bb is not None:
        return abs(ba[0] - bb[0]) > max(ba[1], bb[1], 1e-12)
    for ceiling, other in ((ba, b), (bb, a)):
        if ceiling is not None and _plain_figure(other):
            return ceiling[0] - other.high > max(ceiling[1], 1e-12)  # type: ignore[operator]
    return False


def _plain_figure(v: Value) -> bool:
    """A precise figure stated without qualifier ("€6 million", not "about" or "at least")."""
    return (
        v.type in NUMERIC_TYPES and v.precise and not v.qualifier
        and v.low is not None and v.high is not None
        and v.low > float("-inf") and v.high < float("inf")
    )


def _touch_only(a: Value, b: Value) -> bool:
    """Whether two figures' intervals meet only at one end ("23-year-old" / "24-year-old").

    A written figure spans its rounding, so neighbouring figures share an end point; the
    intervals are half-open in meaning, and two figures that only touch are different.
    """
    if a.type not in NUMERIC_TYPES or b.type not in NUMERIC_TYPES:
        return False
    if None in (a.low, a.high, b.low, b.high):
        return False
    if a.low == a.high or b.low == b.high:  # an exact figure inside a range is inside it
        return False
    return max(a.low, b.low) == min(a.high, b.high)  # type: ignore[type-var]


def _half_rounded(a: Value, b: Value) -> bool:
    """Whether a finer plain figure sits exactly on the rounding edge of a coarser one ("2.5%" /
    "3%").

    "3%" spans 2.5-3.5 and "2.5%" spans 2.45-2.55, so the intervals overlap; but a figure that
    lies halfway between two whole numbers is as near the one as the other, and a writer who
    had 2.5 writes 2.5 (or "two and a half"), not 3.  The finer figure's own point must lie
    strictly inside the coarser figure's rounding interval.  Only plain figures of one unit
    (no hedge, no bound): "about 3%" may well cover 2.5.
    """
    if not (_plain_figure(a) and _plain_figure(b)) or (a.unit or "") != (b.unit or ""):
        return False
    wa, wb = a.high - a.low, b.high - b.low  # type: ignore[operator]
    if wa <= 0 or wb <= 0:
        return False
    fine, coarse = (a, b) if wa < wb else (b, a)
    if min(wa, wb) * 5 > max(wa, wb):
        return False  # not a digit finer (tenfold; 5 leaves room): overlapping figures agree
    point = (fine.low + fine.high) / 2  # type: ignore[operator]
    return not coarse.low < point < coarse.high  # type: ignore[operator]


def agrees(a: Value, b: Value) -> bool:
    return compatible(a, b) is True


def contradicts(a: Value, b: Value) -> bool:
    return compatible(a, b) is False


def worst(statuses: Iterable[str]) -> str:
    """The most serious of several statuses (conflict > evolving > divergent > agreement)."""
    return max(statuses, key=lambda s: _RANK[s], default="single-source")


def _ts(published: Mapping[str, datetime | None], article_id: str) -> float | None:
    when = published.get(article_id)
    return when.timestamp() if when is not None else None


def _fmt(v: Value) -> str:
    return v.normalized or v.text


def _sides(items: Iterable[Value]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(normalised value, article ids) in first-seen order, articles sorted."""
    order: dict[str, set[str]] = {}
    for v in items:
        order.setdefault(_fmt(v), set()).add(v.article_id)
    return tuple((k, tuple(sorted(arts))) for k, arts in order.items())


def _describe(sides: Sequence[tuple[str, Sequence[str]]]) -> str:
    return " vs ".join(f"{value!r} ({', '.join(arts)})" for value, arts in sides)


def _supersede(
    values: Sequence[Value],
    edition: Callable[[str, str], bool],
    published: Mapping[str, datetime | None],
) -> tuple[list[Value], list[tuple[Value, Value]]]:
    """Drop values that a later edition of the same source replaced; return (kept, updates)."""
    by_article: dict[str, list[Value]] = {}
    for v in values:
        by_article.setdefault(v.article_id, []).append(v)
    kept: list[Value] = []
    updates: list[tuple[Value, Value]] = []
    for aid, own in by_article.items():
        t = _ts(published, aid)
        later = [
            w
            for other, theirs in by_article.items()
            if other != aid
            and edition(other, aid)
            and t is not None
            and (_ts(published, other) or float("-inf")) > t
            for w in theirs
        ]
        for v in own:
            replaced = later and any(contradicts(v, w) for w in later) and not any(agrees(v, w) for w in later)
            # Replaced only by a later value of the same voice (or an unattributed one): a
            # changed attribution is a different statement, not an update.
            same_voice = [w for w in later if _same_claimant(v, w)] if replaced else []
            if same_voice:
                updates.append((v, max(same_voice, key=lambda w: _ts(published, w.article_id) or 0)))
                continue
            kept.append(v)
    return kept, updates


def _own_figures(values: Sequence[Value]) -> list[Value]:
    """Each article's figures without those its own earlier figure contradicts.

    An article does not contradict itself: when one voice in one article gives a value and
    later an incompatible one under the same key ("at least nine people were killed" … "two
    workers died when a wall collapsed"; "struck on Tuesday" … "a quake struck the same coast
    on September 14"; an epicentre "southwest of X" … "a village west of X"), the later one is
    a part of the figure or another thing, not a rival to other articles' values.  Two voices
    in one article stay (that is a divergence, rule 3).
    """
    by_article: dict[str, list[Value]] = {}
    for v in sorted(values, key=lambda v: (v.article_id, v.sentence_index, v.span)):
        by_article.setdefault(v.article_id, []).append(v)
    out: list[Value] = []
    for own in by_article.values():
        kept: list[Value] = []
        for v in own:
            if any(contradicts(v, w) and not _different_claimants(v, w) for w in kept):
                continue
            kept.append(v)
        out.extend(kept)
    return out


def _same_claimant(a: Value, b: Value) -> bool:
    return not a.claimant or not b.claimant or _norm_claimant(a) == _norm_claimant(b)


def _norm_claimant(v: Value) -> str:
    return re.sub(r"\W+", " ", (v.claimant or "").casefold()).strip()


def _different_claimants(a: Value, b: Value) -> bool:
    return bool(a.claimant and b.claimant and _norm_claimant(a) != _norm_claimant(b))


def _cue_for(v: Value, sentence: str) -> str | None:
    """The update cue that governs the value in its sentence, casefolded, else None.

    A cue governs a figure when it is attached to it: a verb of change with "to" right before
    it ("rose to 24"), "up from"/"down from" right after it, or an adverb of a current or
    revised count ("still", "so far", "have died") that no other figure of the sentence stands
    nearer to.  Without a span (the value's place unknown), any such cue of the sentence counts.
    """
    start, end = v.span
    if (start, end) == (0, 0) or sentence[start:end] != v.text:
        if m := _UPDATE_CUES.search(sentence):
            return " ".join(m.group(0).casefold().split())
        m = _TO_LEVEL_ANY.search(sentence)
        return m.group("verb").casefold() + " to" if m else None
    m = _TO_LEVEL.search(sentence[max(0, start - 80) : start])
    if m:
        return m.group("verb").casefold() + " to"
    m = _FROM_AFTER.match(sentence[end : end + 60])
    if m:
        return m.group("cue").casefold()
    c = _governing(_UPDATE_CUES, v, sentence)
    return " ".join(c.group(0).casefold().split()) if c else None


_TO_LEVEL_ANY = re.compile(rf"\b(?P<verb>{_CHANGE_VERBS})\b[^\d;:]{{0,50}}?\bto\s+\d", re.IGNORECASE)


def _governing(pattern: re.Pattern[str], v: Value, sentence: str) -> re.Match[str] | None:
    """A match of ``pattern`` in the clause around the value (``_CUE_WINDOW``) that no other
    figure of the sentence stands nearer to than the value, else None.  A value without a
    known place in its sentence is governed by nothing (its sentence may hold other figures)."""
    start, end = v.span
    if (start, end) == (0, 0) or sentence[start:end] != v.text:
        return None
    others = [f.span() for f in _FIGURE.finditer(sentence) if f.end() <= start or f.start() >= end]
    for c in pattern.finditer(sentence, max(0, start - _CUE_WINDOW), end + _CUE_WINDOW):
        own = _gap(c.span(), (start, end))
        if all(_gap(c.span(), o) > own for o in others):
            return c
    return None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans of one sentence (0 when they overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


# Characters either side of a value searched for an update cue: about one clause of news prose.
_CUE_WINDOW = 50
_PREVIOUS = re.compile(r"\bfrom\s*$", re.IGNORECASE)


def _is_previous(v: Value, sentence_text: Mapping[tuple[str, int], str] | None) -> bool:
    """Whether the value is the old figure of a stated change ("up from 12", "rose from 10")."""
    sentence = _sentence(v, sentence_text)
    if v.span == (0, 0) or sentence == v.text:
        return False
    return bool(_PREVIOUS.search(sentence[max(0, v.span[0] - 12) : v.span[0]]))


def _closed(v: Value) -> tuple[float, float] | None:
    """A value's interval with open ends closed at the stated bound.

    "at least 3" and "at least 7" are compatible as intervals, yet as successive reports of
    one figure they are two levels: for telling levels apart the bound is the figure.
    """
    if v.low is None and v.high is None:
        return None
    lo = v.low if v.low is not None and v.low != float("-inf") else v.high
    hi = v.high if v.high is not None and v.high != float("inf") else v.low
    return (lo, hi)  # type: ignore[return-value]


def _same_level(a: Value, b: Value) -> bool:
    ca, cb = _closed(a), _closed(b)
    if ca is None or cb is None or a.type != b.type:
        return agrees(a, b)
    return ca[0] <= cb[1] and cb[0] <= ca[1] and agrees(a, b)


@dataclass(frozen=True)
class _Evolution:
    runs: tuple[tuple[Value, ...], ...]  # successive levels in publication order
    marked: str  # why the change reads as a change ("" when nothing marks it)


def _evolution(
    values: Sequence[Value],
    same_source: Callable[[str, str], bool],
    published: Mapping[str, datetime | None],
    sentence_text: Mapping[tuple[str, int], str] | None,
) -> _Evolution | None:
    """The successive levels of a figure over publication time, when it reads as one figure.

    Each article contributes the first value it states (the lead carries the current figure;
    "of the 41 injured, nine remain in hospital" must not count as a fall to nine).  The
    levels must follow each other in time without coming back: 10 → 15 → 10 is a dispute,
    while 180,000 → 240,000 → 95,000 people without power is a figure that rose and fell.
    Articles published at the same moment must agree.
    """
    numeric = [
        v
        for v in values
        if v.type in NUMERIC_TYPES
        and _ts(published, v.article_id) is not None
        and not _is_previous(v, sentence_text)
    ]
    first: dict[str, Value] = {}
    for v in sorted(numeric, key=lambda v: (v.sentence_index, v.span)):
        first.setdefault(v.article_id, v)
    timed = sorted(first.values(), key=lambda v: (_ts(published, v.article_id), v.article_id))
    if len({_ts(published, v.article_id) for v in timed}) < 2:
        return None
    floors = _rising_floors(timed, published)
    if floors is not None:
        return _Evolution(floors, "a floor raised later")
    runs: list[list[Value]] = []
    refined = False
    for v in timed:
        if runs and compatible(runs[-1][0], v) is None:
            continue  # not comparable (another unit or anchor): no evidence of a new level
        if runs and _same_level(runs[-1][0], v):
            if not runs[-1][-1].precise and v.precise and _fmt(v) != _fmt(runs[-1][-1]):
                # A vague figure made precise later ("dozens" → "46") is a new report of it.
                refined = True
                runs.append([v])
            else:
                runs[-1].append(v)
            continue
        if any(r[0].precise and _same_level(r[0], v) for r in runs[:-1]):
            return None  # back to an earlier level: the sources dispute, the figure did not move
        runs.append([v])
    if len(runs) < 2:
        return None
    for i, run in enumerate(runs):
        for other in runs[i + 1 :]:
            if {_ts(published, v.article_id) for v in run} & {_ts(published, v.article_id) for v in other}:
                return None  # two levels at one moment: a disagreement, not a change
    levels, all_runs = runs, runs
    precise_runs = [r for r in runs if r[0].precise]
    if len(precise_runs) >= 2 and len(precise_runs) < len(runs) and any(
        contradicts(x[0], y[0]) for x, y in zip(precise_runs, precise_runs[1:])
    ):
        # A vague level ("several") is no level between precise figures that disagree: "several"
        # → 31 → 27 from independent outlets is a dispute over 31 and 27, not three successive
        # figures, and "made precise later" no longer explains it.  The precise levels alone
        # must read as a change.  A floor that a later figure meets ("at least 12" → 18) is
        # no dispute, and the old reading stands.
        levels, refined = precise_runs, False
    marked = ""
    runs = levels
    # Vague levels ("hundreds", "many") carry no order of their own: when two or more precise
    # levels exist, they alone say whether the figure moved (a vague level first made precise
    # is still marked, by ``refined``).
    precise_levels = [r for r in runs if r[0].precise]
    ordered = precise_levels if len(precise_levels) >= 2 else runs
    # What marks a change, strongest first.  Each is evidence that the later figure is a newer
    # reading of the same thing, not a second opinion about it:
    # * the source of an earlier level itself gives the later one (an edition, or a rewrite by
    #   the same independence group): a wire that said 17 injured in the morning and 31 in the
    #   evening updated its count; it does not dispute itself;
    # * a floor raised, moments of one trading day, a vague figure made precise;
    # * one named claimant giving both figures (the police revising their estimate);
    # * an update cue governing a later figure ("rose to", "still", "so far").
    # Independent outlets that merely give another figure later, with none of these, dispute it:
    # outlets that disagree publish at different times too.
    if len(precise_levels) < 2:
        # One precise level among vague ones ("thousands" → "many" → 22,000): vague figures
        # carry no order, so nothing moved unless a vague figure was made precise.
        if refined:
            marked = "a vague figure made precise later"
    elif any(
        same_source(v.article_id, w.article_id) and v.precise and w.precise
        for i, run in enumerate(runs[1:], 1) for v in run for r in runs[:i] for w in r
    ):
        # Only precise figures: "2.1 million" then "many" from one source is no new count.
        marked = "a later report of the same source changed it"
    elif refined:
        marked = "a vague figure made precise later"
    elif _floors_raised(ordered) or _floor_then_count(ordered):
        marked = "a floor raised later"
    elif _through_the_day(runs, published, sentence_text):
        marked = "later moments of the same day"
    elif _one_named_claimant(runs):
        # One named claimant (the police, the ministry) giving a new figure later is that
        # claimant updating it; independent outlets that merely disagree name no common one.
        marked = f"{runs[0][0].claimant} gave the later figure"
    else:
        cue = _later_cue(runs, values, sentence_text)
        if cue:
            marked = f"the later report says {cue!r}"
        elif _provisional_then_stated(ordered, sentence_text):
            marked = "a provisional figure stated later without reserve"
        elif len(ordered) >= 3 and _new_extremes(ordered):
            # Three or more successive figures each beyond all the earlier ones (10 → 15 → 22,
            # or 180,000 → 240,000 → 95,000 people without power) are a figure on the move:
            # rival estimates of one fixed figure do not line up so in publication order.  A
            # level that comes back inside the range already reported (4 → 7 → 5 floors, 3.9 →
            # 2.1 → 3.6%) is what scattered estimates look like, and stays a dispute.
            marked = f"{len(ordered)} successive figures"
    return _Evolution(tuple(tuple(r) for r in all_runs), marked)


def _later_cue(
    runs: Sequence[Sequence[Value]],
    values: Sequence[Value],
    sentence_text: Mapping[tuple[str, int], str] | None,
) -> str | None:
    """An update cue governing a figure of a later level's articles, else None.

    A cue that the first level's own figures carry too names the figure ("caps rent increases
    at 2.5%" ... "at 3%"), not a change of it; a cue of direction must fit the change ("rose
    to" cannot mark 18,000 → 12,000).
    """
    first_cues = {c for v in runs[0] if (c := _cue_for(v, _sentence(v, sentence_text)))}
    later = {id(v) for run in runs[1:] for v in run}
    later_articles = {v.article_id for run in runs[1:] for v in run}
    for v in values:
        if id(v) in later or v.article_id in later_articles:
            cue = _cue_for(v, _sentence(v, sentence_text))
            if cue and cue not in first_cues and _direction_fits(cue, runs):
                return cue
    return None


def _provisional_then_stated(
    runs: Sequence[Sequence[Value]], sentence_text: Mapping[tuple[str, int], str] | None
) -> bool:
    """Whether every level but the last is stated as provisional ("estimated at 79.2%") and the
    last one is not: an estimate replaced by the count, not two outlets' rival figures."""
    if sentence_text is None or len(runs) < 2:
        return False
    provisional = [
        any(_governing(_PROVISIONAL, v, _sentence(v, sentence_text)) for v in run) for run in runs
    ]
    return all(provisional[:-1]) and not provisional[-1]


def _new_extremes(runs: Sequence[Sequence[Value]]) -> bool:
    """Whether every level after the first lies wholly above or wholly below all the levels
    before it (by their closed intervals): each report a new high or a new low; and the
    figure goes one way, or up and then down (a crisis that peaks and passes: people without
    power, evacuees), never down and then up past where it started (18 → 12 → 21 million: rival
    estimates of one fee in publication order)."""
    spans = [_closed(r[0]) for r in runs]
    if any(s is None for s in spans):
        return False
    ups: list[bool] = []
    for i, (lo, hi) in enumerate(spans[1:], 1):  # type: ignore[misc]
        before_lo = min(s[0] for s in spans[:i])  # type: ignore[index]
        before_hi = max(s[1] for s in spans[:i])  # type: ignore[index]
        if not (lo > before_hi or hi < before_lo):
            return False
        ups.append(lo > before_hi)
    # Directions in order: all up, all down, or up then down (one turn, at the peak).
    turns = sum(1 for a, b in zip(ups, ups[1:]) if a != b)
    return turns == 0 or (turns == 1 and ups[0])


# Cues of direction, as ``_cue_for`` names them ("rose to", "up from").
_UP = re.compile(r"^(?:rose|risen|rising|climbed|climbing|increased|jumped|grew|grown|growing|soared|mounted|"
                 r"mounting|swelled|raised|raising|upgraded|up)(?: to| from)?$", re.IGNORECASE)
_DOWN = re.compile(r"^(?:fell|fallen|dropped|declined|lowered|lowering|downgraded|down)(?: to| from)?$",
                   re.IGNORECASE)


# Cues of a running total ("so far", "in total", "have died"): a count to date only grows, so
# such a cue cannot mark 23 → 19 schools with cases.
_CUMULATIVE = re.compile(r"^(?:so far|in total|to date|(?:has|have) (?:now |so far )?(?:died|been \w+))$",
                         re.IGNORECASE)


def _direction_fits(cue: str, runs: Sequence[Sequence[Value]]) -> bool:
    """Whether a cue of direction agrees with the change: "rose" cannot mark 18,000 → 12,000
    (it is about something else in the clause, "the ash column rose to 12 km")."""
    up, down = bool(_UP.match(cue) or _CUMULATIVE.match(cue)), bool(_DOWN.match(cue))
    if not (up or down):
        return True
    first, last = _closed(runs[0][0]), _closed(runs[-1][0])
    if first is None or last is None:
        return True
    if up and last[1] < first[0]:
        return False
    return not (down and last[0] > first[1])


# A later floor must pass the earlier one by more than the gap between "at least 200" and
# "more than 200" (whose closed ends differ by one): a tenth.
_FLOOR_STEP = 1.1


def _floors_raised(runs: Sequence[Sequence[Value]]) -> bool:
    """Whether every level is a floor ("at least 48", "more than 70") and each passes the one
    before: a count still being made (flights cancelled, people evacuated), reported as it
    grows.  Floors never contradict each other, so without this the rise reads as agreement."""
    lows = []
    for run in runs:
        if any(v.high is None or v.high != float("inf") or v.low is None for v in run):
            return False
        lows.append(min(v.low for v in run))  # type: ignore[type-var]
    return all(b > a * _FLOOR_STEP and a > 0 for a, b in zip(lows, lows[1:]))


def _floor_then_count(runs: Sequence[Sequence[Value]]) -> bool:
    """Whether floors ("at least 12 dead") are followed by a precise figure beyond the last of
    them ("18 dead"): the count made once it was complete.  A floor and a figure above it never
    contradict, so without this the toll that rose reads as agreement (or, with a vague level
    between, as a divergence)."""
    if len(runs) < 2 or not _plain_or_hedged(runs[-1][0]):
        return False
    if not _floors_raised(runs[:-1]):
        return False
    floor = runs[-2][0]
    if not floor.precise or floor.high != float("inf") or floor.low is None or floor.low <= 0:
        return False
    last = _closed(runs[-1][0])
    return last is not None and last[0] > floor.low * _FLOOR_STEP


def _plain_or_hedged(v: Value) -> bool:
    """A precise figure with both ends finite (not a floor or a ceiling)."""
    return (
        v.type in NUMERIC_TYPES and v.precise and v.low is not None and v.high is not None
        and v.low > float("-inf") and v.high < float("inf")
    )


def _rising_floors(
    timed: Sequence[Value], published: Mapping[str, datetime | None]
) -> tuple[tuple[Value, ...], ...] | None:
    """The levels of a count still being made when every article states it as a floor ("at
    least four dead" → "at least nine" → "at least 12"), else None.

    Floors never contradict, so the order of the reports is the only evidence of a change, and
    it is weaker than for precise figures in two ways that this reading allows: reports of one
    moment (articles dated only by their day) may give two floors, and a later reprint may
    repeat an older, lower floor — neither disputes the higher one.  The levels are the
    distinct floors in ascending order (each more than ``_FLOOR_STEP`` above the one before);
    it is a change when each level is first reported no earlier than the one below it, and the
    highest strictly later than the lowest.
    """
    if len(timed) < 2 or any(v.low is None or v.high != float("inf") or v.low <= 0 for v in timed):
        return None
    levels: list[list[Value]] = []
    for v in sorted(timed, key=lambda v: (v.low, _ts(published, v.article_id), v.article_id)):
        if levels and v.low <= levels[-1][0].low * _FLOOR_STEP:  # type: ignore[operator]
            levels[-1].append(v)
        else:
            levels.append([v])
    if len(levels) < 2:
        return None
    first_seen = [min(_ts(published, v.article_id) for v in level) for level in levels]  # type: ignore[type-var]
    if any(b < a for a, b in zip(first_seen, first_seen[1:])) or not first_seen[-1] > first_seen[0]:
        return None
    return tuple(tuple(level) for level in levels)


def _through_the_day(
    runs: Sequence[Sequence[Value]],
    published: Mapping[str, datetime | None],
    sentence_text: Mapping[tuple[str, int], str] | None,
) -> bool:
    """Whether each level is stated for a later moment of one day than the level before
    ("down 9.8% by late morning" → "closed down 11.4%"), all published within a day: a market
    figure moving through a session, not sources that disagree."""
    if sentence_text is None:
        return False
    stamps = [_ts(published, v.article_id) for run in runs for v in run]
    if None in stamps or max(stamps) - min(stamps) > 86400:  # type: ignore[operator,type-var]
        return False
    parts: list[float] = []
    for run in runs:
        own: set[float | None] = set()
        for v in run:
            sentence = _sentence(v, sentence_text)
            part = day_part(v, sentence)
            # "The index was up 1.2%" names no moment but is a reading while the session runs:
            # earlier than the close ("closed 1.5% higher"), not comparable with another such.
            own.add(DURING_SESSION if part is None and during_session(v, sentence) else part)
        if None in own or len(own) != 1:
            return False
        parts.append(own.pop())  # type: ignore[arg-type]
    return all(a < b for a, b in zip(parts, parts[1:]))


def _one_named_claimant(runs: Sequence[Sequence[Value]]) -> bool:
    """Whether every level of a figure is attributed to one and the same named claimant."""
    names = {_norm_claimant(v) for run in runs for v in run}
    return len(names) == 1 and "" not in names


def assess(
    values: Sequence[Value],
    group_of: Mapping[str, str],
    published: Mapping[str, datetime | None],
    *,
    articles: Iterable[str] = (),
    sentence_text: Mapping[tuple[str, int], str] | None = None,
    editions: Collection[frozenset[str]] | None = None,
) -> Assessment:
    """Status of the claim made by ``values`` (all of one key) and by ``articles``.

    ``group_of`` maps article id → independence group id (an article missing from it is its
    own group); ``published`` maps article id → publication time (None when unknown);
    ``articles`` adds articles that support the claim without a value (aligned statements);
    ``sentence_text`` maps (article id, sentence index) → sentence, to read update cues;
    ``editions`` holds the pairs of articles that are editions of one story (reuse links of
    kind copy / version): only a later edition can *update* a value.  When it is None, any two
    articles of one group count as editions.
    """
    grp = lambda aid: group_of.get(aid, aid)  # noqa: E731 - tiny local lookup
    supporters = set(articles) | {v.article_id for v in values}
    n_groups = len({grp(a) for a in supporters})
    comparable = [v for v in values if v.type in COMPARABLE_TYPES]
    if not comparable:
        return _support_only(supporters, n_groups, grp)

    if editions is None:
        edition = lambda x, y: grp(x) == grp(y)  # noqa: E731
    else:
        edition = lambda x, y: frozenset((x, y)) in editions  # noqa: E731
    kept, updates = _supersede(_own_figures(comparable), edition, published)
    update_note = ""
    if updates:
        update_note = " Updated between editions of one source: " + "; ".join(
            f"{_fmt(old)!r} ({old.article_id}) → {_fmt(new)!r} ({new.article_id})" for old, new in updates
        ) + "."

    conflicts: list[tuple[Value, Value]] = []
    divergences: list[tuple[Value, Value]] = []
    by_article: dict[str, list[Value]] = {}
    for v in kept:
        by_article.setdefault(v.article_id, []).append(v)
    aids = sorted(by_article)
    for i, a in enumerate(aids):
        for b in aids[i:]:
            va, vb = by_article[a], by_article[b]
            if a == b:
                # One article: only a change of voice can disagree with itself.
                pairs = [(x, y) for x in va for y in vb if x is not y and _different_claimants(x, y)]
                divergences.extend(p for p in pairs if _disagree(*p) and p[0].article_id <= p[1].article_id)
                continue
            found: list[tuple[Value, Value]] = []
            _compare_articles(va, vb, found, divergences)
            conflicts.extend(p for p in found if not each_own_day(*p, published))

    # Evolving: a figure that moves with publication time, and reads as moving.
    # Any two articles of one independence group are one source for telling a change: see
    # ``_evolution`` (an edition is one source even when the groups were made without it).
    same_source = lambda x, y: grp(x) == grp(y) or edition(x, y)  # noqa: E731
    # A person's age does not move within a story: two ages are a dispute, whoever gave them.
    static = all((v.key or "").split(":")[0] == "age" for v in comparable)
    evo = None if static else _evolution(comparable, same_source, published, sentence_text)
    if evo is not None and evo.marked:
        sides = tuple(
            (_fmt(run[0]), tuple(dict.fromkeys(v.article_id for v in run))) for run in evo.runs
        )
        text = " → ".join(f"{value!r} ({', '.join(arts)})" for value, arts in sides)
        return Assessment(
            "evolving",
            n_groups,
            f"The figure changes with publication time ({evo.marked}): {text}.{update_note}",
            sides,
        )

    if conflicts:
        involved = [v for pair in conflicts for v in pair]
        sides = _sides(sorted(involved, key=lambda v: (_ts(published, v.article_id) or 0, v.article_id)))
        who = ""
        if any(_different_claimants(x, y) for x, y in conflicts):
            who = " The values come from different claimants (" + ", ".join(
                sorted({v.claimant for v in involved if v.claimant})) + ")."
        return Assessment(
            "conflicting",
            n_groups,
            f"Independent sources give incompatible precise values: {_describe(sides)}.{who}{update_note}",
            sides,
        )
    if divergences:
        involved = [v for pair in divergences for v in pair]
        sides = _sides(involved)
        reasons = []
        if any(_different_claimants(x, y) for x, y in divergences):
            claimants = sorted({v.claimant for v in involved if v.claimant})
            reasons.append("different claimants (" + ", ".join(claimants) + ")")
        if any(x.precise != y.precise or not (x.precise or y.precise) for x, y in divergences):
            reasons.append("vague against precise figures")
        return Assessment(
            "divergent",
            n_groups,
            f"The values differ by {' and '.join(reasons) or 'their precision'}: {_describe(sides)}.{update_note}",
            sides,
        )

    if n_groups >= 2:
        forms = sorted({v.text.strip() for v in kept})
        norm = sorted({_fmt(v) for v in kept})
        how = ""
        if len(forms) > 1 and all(agrees(x, y) for x in kept for y in kept):
            how = " after normalisation: " + " = ".join(repr(f) for f in forms) + " → " + ", ".join(norm)
        elif len(norm) > 1:
            how = " on compatible values (" + ", ".join(norm) + ")"
        arts = ", ".join(sorted(supporters))
        return Assessment(
            "corroborated",
            n_groups,
            f"{n_groups} independent sources agree{how} ({arts}).{update_note}",
        )
    arts = ", ".join(sorted(supporters))
    return Assessment(
        "single-source",
        n_groups,
        f"Only one independent source ({arts}) states {', '.join(sorted({_fmt(v) for v in kept}))}.{update_note}",
    )


def _support_only(supporters: set[str], n_groups: int, grp: Callable[[str], str]) -> Assessment:
    arts = ", ".join(sorted(supporters))
    if n_groups >= 2:
        return Assessment("corroborated", n_groups, f"Stated in {n_groups} independent sources ({arts}).")
    return Assessment("single-source", n_groups, f"Stated by one independent source only ({arts}).")


def _on_own_day(v: Value, published: Mapping[str, datetime | None]) -> bool:
    t = _ts(published, v.article_id)
    if v.type != "date" or t is None or v.low is None or v.high is None:
        return False
    # Dates are resolved in the zone of their article's publication time (timeexpr), so the
    # publication moment falls inside its own day's interval.
    return v.low <= t <= v.high and v.high - v.low <= 2 * 86400


def each_own_day(x: Value, y: Value, published: Mapping[str, datetime | None]) -> bool:
    """Whether two different days are each the day its own article was published.

    "Was 5% contained on Wednesday" in Wednesday's report and "23% contained on Thursday" in
    Thursday's are two readings of an ongoing action, each dated "today"; the days differ
    because the reports do, not because the sources disagree.
    """
    return (
        _on_own_day(x, published)
        and _on_own_day(y, published)
        and _ts(published, x.article_id) != _ts(published, y.article_id)
    )


def _sentence(v: Value, sentence_text: Mapping[tuple[str, int], str] | None) -> str:
    if sentence_text is None:
        return v.text
    return sentence_text.get((v.article_id, v.sentence_index), v.text)


def _disagree(x: Value, y: Value) -> bool:
    """Whether two values of one key say different things (incompatible, or vague vs precise)."""
    c = compatible(x, y)
    if c is None:
        return False
    if c is False:
        return True
    # Vague against precise is a divergence only for figures: "towards the sea" against "into
    # the sea" or "from the capital" against "north of the capital" are less specific, not
    # different.
    if x.type not in NUMERIC_TYPES:
        return False
    return x.precise != y.precise and _fmt(x).casefold() != _fmt(y).casefold()


def _compare_articles(
    va: Sequence[Value],
    vb: Sequence[Value],
    conflicts: list[tuple[Value, Value]],
    divergences: list[tuple[Value, Value]],
) -> None:
    """Compare two articles of different groups on one key (rules 2 and 3)."""
    # Precision matters for figures only: a local time whose zone is unknown or a vaguer
    # place relation still contradicts a different time or bearing.
    pa = [v for v in va if v.precise or v.type not in NUMERIC_TYPES]
    pb = [v for v in vb if v.precise or v.type not in NUMERIC_TYPES]
    # A "lone" value is one the other article contradicts and nowhere confirms; a value the
    # other article cannot even compare (another unit, another anchor) is no evidence.
    lone_a = [v for v in pa if any(contradicts(v, w) for w in vb) and not any(agrees(v, w) for w in vb)]
    lone_b = [v for v in pb if any(contradicts(v, w) for w in va) and not any(agrees(v, w) for w in va)]
    if lone_a and lone_b:
        for x in lone_a:
            for y in lone_b:
                if not contradicts(x, y):
                    continue
                # Precise values that cannot both be true conflict whoever states them: the
                # reader still has to decide between them (vague values only diverge, below).
                conflicts.append((x, y))
    # Vague values: against a precise value of the other side, or an incompatible vague one.
    for x, others in ((v, vb) for v in va if not v.precise and v.type in NUMERIC_TYPES):
        for y in others:
            if _disagree(x, y):
                divergences.append((x, y))
    for y in (v for v in vb if not v.precise and v.type in NUMERIC_TYPES):
        for x in pa:
            if _disagree(x, y):
                divergences.append((x, y))
