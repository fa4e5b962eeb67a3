"""The local time zone of a story, so that clock times written without a zone can be checked.

Reports of one event give its times in two ways: "at 2:40 p.m." (the wall clock where it
happened) and "at 1140 GMT" (wire style).  Without the place's UTC offset the two can only be
called compatible when *some* offset in use reconciles them, which makes almost any pair of
times with the same minutes "agree" and no pair of them conflict.  This module finds the offset
from what the reports say, strongest evidence first:

1. a report that pairs the two forms itself ("3:50 p.m. local time (0650 GMT)");
2. else one vote per report: its dateline ("NAIROBI, Aug 11 (Wire) –"), or the places it names
   most often, looked up as a city with a time zone of its own or a country whose
   time zones (nearly) all share one offset; an offset that more than half the reports give wins.

The offset is the one in force on the story's publication dates (daylight saving included),
from the IANA zone database (``zoneinfo``; names of countries and cities from babel's CLDR
data).  When the evidence disagrees or names a country spanning several offsets (the United
States, Russia, Brazil...), no zone is guessed and times stay as they were: floating.
"""

from __future__ import annotations

import re
import zoneinfo
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta, timezone
from functools import lru_cache

from .metadata import find_dateline
from .model import Article, Sentence, Value
from .timeexpr import TimeExpr, find_dates_and_times, stated_offsets

# Regions of the zone database whose zones are named after a city (not "Etc/GMT+3", "US/Eastern").
_REGIONS = frozenset({"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe",
                      "Indian", "Pacific"})
# Share of a country's zones that must share an offset for the country's name to give it: Spain
# (Madrid, Ceuta / the Canaries), Portugal (Lisbon, Madeira / the Azores) and Argentina (twelve
# zones, one offset) pass; Ecuador's mainland / Galápagos split does not, nor do the United
# States, Canada, Russia, Brazil, Mexico, Australia or Indonesia.
_COUNTRY_SHARE = 2 / 3
# Capitalised names of one to three words (with "of", "de", "la" inside), the candidates to look up.
_NAME = re.compile(r"\b[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:(?:of|de|da|do|del|la|el|the)\s+)?[A-ZÀ-Þ][\w'’.-]+){0,2}")
# Place names that are as often something else in English news: a US state ("Atlanta,
# Georgia", "New Jersey" read from its tail) or a first name ("Jordan", "Chad").
_AMBIGUOUS = frozenset({"georgia", "jordan", "chad", "jersey"})


@dataclass(frozen=True)
class StoryZone:
    """The UTC offset of a story's local clock times, and how it was found."""

    offset_h: float  # hours east of UTC on the story's dates
    how: str  # "stated in a report (a1: ...)", "dateline of a1: NAIROBI (Africa/Nairobi)", ...


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(city name → zone, country name → its zones), casefolded names."""
    from babel import Locale
    from babel.core import get_global

    cities: dict[str, str] = {}
    english = Locale("en")
    # CLDR's canonical zones, not every name of the zone database: its backward links include
    # "Australia/North" and "Australia/West", which capitalised words match.
    for zone in sorted(get_global("zone_territories")):
        parts = zone.split("/")
        # Two parts only: "America/Indiana/Knox" names a county seat ("Knox", "Center") that a
        # capitalised word in a sentence matches by accident.
        if len(parts) != 2 or parts[0] not in _REGIONS:
            continue
        cities.setdefault(parts[1].replace("_", " ").casefold(), zone)
    for zone, names in english.time_zones.items():
        city = names.get("city") if hasattr(names, "get") else None
        if city and zone.split("/")[0] in _REGIONS:
            cities.setdefault(city.casefold(), zone)
    for name in _AMBIGUOUS:
        cities.pop(name, None)
    countries: dict[str, tuple[str, ...]] = {}
    territory_zones = get_global("territory_zones")
    for code, name in english.territories.items():
        if len(code) == 2 and code in territory_zones and name.casefold() not in _AMBIGUOUS:
            countries[name.casefold()] = tuple(territory_zones[code])
    return cities, countries


def _offset(zone: str, when: datetime) -> float | None:
    try:
        off = when.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    return off.total_seconds() / 3600 if off is not None else None


@lru_cache(maxsize=8192)  # one story asks for the same few names in every sentence
def place_offset(name: str, when: datetime) -> tuple[float, str] | None:
    """(UTC offset, zone) of a city or country ``name`` on ``when`` (zone "" for a country);
    None when unknown or when the country spans several offsets."""
    cities, countries = _places()
    key = " ".join(name.split()).strip(" ,.").casefold()
    if key in cities:
        off = _offset(cities[key], when)
        return (off, cities[key]) if off is not None else None
    zones = countries.get(key)
    if not zones:
        return None
    offsets = Counter(o for o in (_offset(z, when) for z in zones) if o is not None)
    if not offsets:
        return None
    off, n = offsets.most_common(1)[0]
    if n < _COUNTRY_SHARE * len(zones):
        return None
    return off, ""  # a country: no one of its zones is "the" zone


def _dateline_place(article: Article) -> str | None:
    if article.dateline:
        return article.dateline
    first = article.text.lstrip().split("\n", 1)[0]
    found = find_dateline(first)
    return found.place if found else None


def _names_offset(names: Sequence[str], when: datetime) -> tuple[float, str, str] | None:
    """The first of ``names`` (or of their comma / slash parts) that gives an offset."""
    for name in names:
        for part in [name] + re.split(r"\s*[,/]\s*", name):
            words = part.split()
            # "In Nairobi", "Rescuers Nairobi": a capitalised word that opens the sentence is
            # read into the name, so shorter tails are tried after the whole.
            for k in range(len(words)):
                tail = " ".join(words[k:])
                found = place_offset(tail.title() if tail.isupper() else tail, when)
                if found is not None:
                    return found[0], found[1], tail
    return None


def story_zone(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> StoryZone | None:
    """The UTC offset of the story's local clock times, or None when the reports do not show it."""
    dated = sorted(a.published for a in articles if a.published is not None)
    stated: Counter[float] = Counter()
    example: dict[float, str] = {}
    for a in articles:
        for s in sentences.get(a.id, ()):
            for off in stated_offsets(s.text):
                stated[off] += 1
                example.setdefault(off, f"{a.id}: {s.text.strip()[:80]}")
    if stated:
        best = _majority(stated)
        return StoryZone(best, f"stated in a report ({example[best]})") if best is not None else None
    if not dated:
        return None  # the offset of a place depends on the date (daylight saving time)
    when = dated[len(dated) // 2]
    # One vote per report: its dateline, else the places it names most often.
    votes: Counter[float] = Counter()
    seen: dict[float, str] = {}
    for a in articles:
        found, how = _names_offset(_dateline_names(a), when), "dateline"
        if found is None:
            found, how = _most_named(a, sentences, when), "places named"
        if found is not None:
            votes[found[0]] += 1
            seen.setdefault(found[0], f"{how} of {a.id}: {found[2]} ({found[1] or f'UTC{found[0]:+g}'})")
    if not votes:
        return None
    # More than half of all the reports, not only of those that name a known place: a wire
    # desk's dateline ("SINGAPORE (Wire) – Indonesian police said ...") is one report's vote.
    best, n = votes.most_common(1)[0]
    return StoryZone(best, seen[best]) if n > len(articles) / 2 else None


def _majority(votes: Counter[float]) -> float | None:
    best, n = votes.most_common(1)[0]
    return best if n > sum(votes.values()) / 2 else None


def _dateline_names(article: Article) -> list[str]:
    place = _dateline_place(article)
    return [place] if place else []


def _most_named(
    article: Article, sentences: Mapping[str, Sequence[Sentence]], when: datetime
) -> tuple[float, str, str] | None:
    """The offset of the places an article names most often (the first named among equals):
    a report names where it happened more often than the places it compares it with."""
    count: Counter[float] = Counter()
    first: dict[float, tuple[float, str, str]] = {}
    for s in sentences.get(article.id, ()):
        for m in _NAME.finditer(s.text):
            found = _names_offset([m.group(0)], when)
            if found is not None:
                count[found[0]] += 1
                first.setdefault(found[0], found)
    if not count:
        return None
    top = max(count.values())
    return next(first[off] for off in first if count[off] == top)


def redate(
    values: Sequence[Value],
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    zone: StoryZone | None,
) -> list[Value]:
    """Dates and clock times re-read against each report's publication time in the story's zone.

    The values stage resolves "on Tuesday", "yesterday" and the day of "at 4:20 a.m." against
    the publication time in the report's own zone; a wire stamped in UTC at 16:25 on Monday
    writes "early on Tuesday" about a quake at 3:25 on Tuesday in Vanuatu (UTC+11), and read in
    UTC that Tuesday is the one before.  Read in the story's zone, every report's days are the
    event's local days.  Values whose text the second reading does not find are kept as they were.
    """
    if zone is None:
        return list(values)
    tz = timezone(timedelta(hours=zone.offset_h))
    published = {a.id: a.published for a in articles}
    redo = {
        aid for aid, p in published.items()
        if p is not None and p.utcoffset() != tz.utcoffset(None)
    }
    if not redo:
        return list(values)
    text_of = {(aid, s.index): s.text for aid, ss in sentences.items() if aid in redo for s in ss}
    read: dict[tuple[str, int], dict[tuple[int, int], TimeExpr]] = {}
    out: list[Value] = []
    for v in values:
        node = (v.article_id, v.sentence_index)
        if v.article_id not in redo or v.type not in ("date", "time") or node not in text_of:
            out.append(v)
            continue
        if node not in read:
            read[node] = _read_when(text_of[node], _local_base(published[v.article_id], tz))  # type: ignore[arg-type]
        t = read[node].get(v.span)
        if t is None or t.type != v.type or t.low is None or t.high is None:
            out.append(v)
            continue
        out.append(replace(
            v, low=t.low, high=t.high, normalized=t.normalized, precise=t.precise,
            unit="clock" if t.clock else "local" if t.floating else "s",
        ))
    return out


def _local_base(published: datetime, tz: timezone) -> datetime:
    """The publication time in the story's zone.  A report dated by its day only (stamped at
    midnight: a date in the page's metadata, a dateline) names that local day, not midnight UTC,
    which in the Americas is the evening before: it is read at noon of that day."""
    if (published.hour, published.minute, published.second, published.microsecond) == (0, 0, 0, 0):
        return datetime.combine(published.date(), time(12, 0), tz)
    return published.astimezone(tz)


def _read_when(text: str, base: datetime) -> dict[tuple[int, int], TimeExpr]:
    """The dates and clock times of one sentence read against ``base`` (as the values stage
    reads them), by span."""
    dates, times = find_dates_and_times(text, base)
    return {(e.start, e.end): e for e in dates + times}


def localize(values: Sequence[Value], zone: StoryZone | None) -> list[Value]:
    """Clock times written without a zone, read in the story's zone: a dated wall-clock time
    ("14:40 local" on a day) becomes an instant (unit "s"); a bare clock reading becomes a
    reading of the UTC clock (unit "utcclock", seconds since midnight UTC)."""
    if zone is None:
        return list(values)
    shift = zone.offset_h * 3600
    label = f"UTC{zone.offset_h:+g}"
    out: list[Value] = []
    for v in values:
        if v.type != "time" or v.unit not in ("local", "clock") or v.low is None or v.high is None:
            out.append(v)
            continue
        low, high = v.low - shift, v.high - shift
        unit = "s"
        if v.unit == "clock":
            low, high, unit = low % 86400, (low % 86400) + (high - low), "utcclock"
        out.append(replace(
            v, low=low, high=high, unit=unit,
            normalized=f"{v.normalized.removesuffix(' local')} {label}",
        ))
    return out


__all__ = ["StoryZone", "localize", "place_offset", "redate", "story_zone"]
