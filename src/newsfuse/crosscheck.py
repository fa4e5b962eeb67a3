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
   editions conflict too: a rewrite that changed a figure is not an update.
3. Incompatible precise values conflict whoever states them (two claimants who give different
   precise figures still leave the reader two figures to choose from).  A vague value
   ("several") against a precise or a different vague one, or two claimants disagreeing
   inside one article, is a *divergence*.
4. A count or quantity whose successive levels follow publication time without coming back
   to an earlier level (10 → 15 → 22, or 180,000 → 240,000 → 95,000 people without power)
   is *evolving* when the change reads as a change: three or more levels, a later edition of
   the same source, a vague figure made precise later ("dozens" → "46"), or an update cue
   next to the later figure ("has risen", "so far", "up from").  A two-level change without
   such a mark stays a conflict, because outlets that simply disagree also publish at
   different times; a return to an earlier level (120 → 90 → 120 km/h) is a dispute.
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

from .figures import day_part
from .values import compatible as _values_compatible

# Types whose values can contradict each other.  Names, organisations, attributions and
# quotations are not compared: two different names under one key are usually two people.
COMPARABLE_TYPES = frozenset({"count", "quantity", "date", "time", "place"})
# Types whose values form an ordered figure that can rise or fall over time.
NUMERIC_TYPES = frozenset({"count", "quantity"})

# Words that mark a figure as changed rather than disputed.  They are general English verbs
# and adverbs of change and revision, not words of any topic.
_UPDATE_CUES = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|climbing|increased|increases|jumped|"
    r"grew|grown|soared|mounted|mounting|swelled|fell|fallen|dropped|declined|"
    r"revised|updated|upgraded|downgraded|so far|latest|in total|up from|down from|still|"
    r"new (?:toll|figure|estimate|count)|has since|(?:has|have|are|is) now|"
    r"(?:has|have) (?:now |so far )?(?:died|been (?:killed|found|rescued|recovered|confirmed)))\b",
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


def _cue_near(v: Value, sentence: str) -> re.Match[str] | None:
    """An update cue in the clause around the value (a cue elsewhere in a long sentence may
    be about another figure).  Without a span, the whole sentence is searched."""
    if v.span == (0, 0) or v.text not in sentence:
        return _UPDATE_CUES.search(sentence)
    start, end = v.span
    return _UPDATE_CUES.search(sentence[max(0, start - _CUE_WINDOW) : end + _CUE_WINDOW])


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
    edition: Callable[[str, str], bool],
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
    if len(levels) >= 3:
        marked = f"{len(levels)} successive figures"
    elif refined:
        marked = "a vague figure made precise later"
    else:
        runs = levels
        later = {id(v) for run in runs[1:] for v in run}
        if any(edition(v.article_id, w.article_id) for run in runs[1:] for v in run for w in runs[0]):
            marked = "a later edition of the same source changed it"
        elif _floors_raised(runs):
            marked = "a floor raised later"
        elif _through_the_day(runs, published, sentence_text):
            marked = "later moments of the same day"
        elif _one_named_claimant(runs):
            # One named claimant (the police, the ministry) giving a new figure later is that
            # claimant updating it; independent outlets that merely disagree name no common one.
            marked = f"{runs[0][0].claimant} gave the later figure"
        else:
            # A cue that the first level's own sentences carry too names the figure ("caps
            # rent increases at 2.5%" ... "at 3%"), not a change of it.
            first_cues = {
                c.group(0).casefold()
                for v in runs[0]
                if (c := _cue_near(v, _sentence(v, sentence_text)))
            }
            for v in values:
                if id(v) in later or any(v.article_id == w.article_id for run in runs[1:] for w in run):
                    m = _cue_near(v, _sentence(v, sentence_text))
                    if m and m.group(0).casefold() not in first_cues and _direction_fits(m.group(0), runs):
                        marked = f"the later report says {m.group(0)!r}"
                        break
    return _Evolution(tuple(tuple(r) for r in all_runs), marked)


_UP = re.compile(r"^(?:rose|risen|rises|rising|climbed|climbs|climbing|increased|increases|jumped|grew|grown|"
                 r"soared|mounted|mounting|swelled|up from)$", re.IGNORECASE)
_DOWN = re.compile(r"^(?:fell|fallen|dropped|declined|down from)$", re.IGNORECASE)


def _direction_fits(cue: str, runs: Sequence[Sequence[Value]]) -> bool:
    """Whether a cue of direction agrees with the change: "rose" cannot mark 18,000 → 12,000
    (it is about something else in the clause, "the ash column rose to 12 km")."""
    up, down = bool(_UP.match(cue)), bool(_DOWN.match(cue))
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
    parts = []
    for run in runs:
        own = {day_part(v, _sentence(v, sentence_text)) for v in run}
        if None in own or len(own) != 1:
            return False
        parts.append(own.pop())
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
    evo = _evolution(comparable, edition, published, sentence_text)
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
