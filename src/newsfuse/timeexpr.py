"""Dates and times in news text, resolved against the article's publication time and zone.

Expressions are found with our own regular expressions and resolved with ``datetime`` and
``dateutil.relativedelta``.  dateparser is not used per expression: it reads ``0650 GMT``
as the year 650, drops ``p.m.`` from ``3:50`` inside ``search_dates``, and costs
milliseconds a call, while the regexes already capture every field (day, month, year,
weekday, offset) that the resolution needs.

Resolution rules (``base`` = the publication time in its own zone; UTC when naive):

* a date is the interval of its local day, month or year in POSIX seconds ``[start, end-1]``;
* a weekday ("Tuesday", "early Thursday") is the most recent such day on or before ``base``
  (the same day when it matches); "next Tuesday" the first after; "last Tuesday" the last
  strictly before;
* a month without a year ("in October") is the most recent such month at or before
  ``base``'s month, unless the sentence speaks of the future (``next``, ``will``, ...);
  a month and day without a year is the candidate year nearest to ``base`` (ties: the past);
* ``last month``/``this year``/``yesterday``/``3 days ago`` count calendar units from ``base``;
* a clock time with a named zone (``0650 GMT``) is an exact instant (a minute, POSIX seconds);
  a clock time without one ("3:50 p.m. local time") is a *floating* wall-clock time: the local
  date and time read as if UTC (``Value.unit`` "local"), because the event's zone is unknown and
  the article's zone is often another; a parenthesised zone form gives the instant instead.
  With no date in the sentence either, only the clock reading is kept (``unit`` "clock",
  seconds since midnight): the publication day is not the event's day often enough.
  Two floating times compare as clock readings; a floating time and an instant are compatible
  when some UTC offset in use (-12..+14 h) reconciles them.  Over a story, the claims stage
  reads floating times in the story's zone when the reports show it (``zones.py``).  "about/around" widens a time by
  15 minutes.

With no publication time, expressions that need it stay unresolved (low/high None,
precise=False); absolute dates with a year are resolved in UTC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from dateutil.relativedelta import relativedelta

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
# Zone abbreviations as (min, max) UTC offsets in hours; "ET" covers EST and EDT.
ZONES = {
    "gmt": (0, 0), "utc": (0, 0), "z": (0, 0), "bst": (1, 1), "cet": (1, 1), "cest": (2, 2),
    "eet": (2, 2), "eest": (3, 3), "msk": (3, 3), "ist": (5.5, 5.5), "ict": (7, 7),
    "wib": (7, 7), "sgt": (8, 8), "hkt": (8, 8), "pht": (8, 8), "awst": (8, 8), "jst": (9, 9),
    "kst": (9, 9), "aest": (10, 10), "aedt": (11, 11), "nzst": (12, 12), "nzdt": (13, 13),
    "est": (-5, -5), "edt": (-4, -4), "et": (-5, -4), "cst": (-6, -6), "cdt": (-5, -5),
    "ct": (-6, -5), "mst": (-7, -7), "mdt": (-6, -6), "mt": (-7, -6), "pst": (-8, -8),
    "pdt": (-7, -7), "pt": (-8, -7),
}
ANYWHERE = (-12.0, 14.0)  # every UTC offset in use, in hours
AROUND_S = 15 * 60

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
        r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?=\.?\s+\d))\b(?:(?<=[a-z])\.(?=\s+\d))?")
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|2[0-2])\d\d)"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
_MOD = r"(?:(?P<mod>early|earlier|late|later|mid|last|next|this|coming|past)[\s-]+)?"
_ZONE = "|".join(sorted((z.upper() for z in ZONES if z != "z"), key=len, reverse=True))

# Ordered: the first pattern that claims a span wins, so longer forms come first.
DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")),
    ("mdy", re.compile(rf"(?:{_WD},?\s+)?{_MOD}{_MON}\s+{_DAY}(?![\d:])(?:,?\s+{_YEAR}(?!\d))?{_PART}")),
    ("dmy", re.compile(rf"(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR}(?!\d))?")),
    ("my", re.compile(rf"{_MOD}{_MON},?\s+(?:of\s+)?{_YEAR}(?!\d)")),
    # "June next year": the year words belong to the month (before "unit" claims "next year").
    ("monrel", re.compile(rf"\b{_MOD}{_MON}\s+(?P<yrel>next|last|this)\s+year\b")),
    ("ago", re.compile(r"\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                       r"\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.IGNORECASE)),
    ("rel", re.compile(r"\b(?:(?P<mod>early|late)\s+)?(?P<rel>yesterday|today|tomorrow|tonight|last night|"
                       r"this morning|this afternoon|this evening)\b", re.IGNORECASE)),
    # "by the end of the decade", "by the end of this year": a deadline named by the period it
    # closes; news writes "by the end of the decade" for the year ending in 0 that follows
    # ("by 2030" written in the 2020s), so the decade resolves to that year.
    ("endof", re.compile(r"\b(?P<prep>by|until|till|before)\s+the\s+end\s+of\s+(?:the|this)\s+"
                         r"(?P<unit>decade|year)\b", re.IGNORECASE)),
    ("unit", re.compile(r"\b(?P<dir>last|this|next|past|earlier this|later this|coming)\s+"
                        r"(?P<unit>week|weekend|month|year)\b", re.IGNORECASE)),
    ("wd", re.compile(rf"\b(?:(?P<mod>last|next|this|coming|early|late)\s+)?{_WD}(?:'s|’s)?{_PART}")),
    # The preposition may open the sentence ("In March, ...", "Since 2019, ..."): it is matched
    # in either case; the month name keeps its capital ("may" is a verb).
    ("mon", re.compile(rf"\b(?P<prep>(?i:in|since|until|till|by|from|during|through|before|after|of|"
                       rf"early|late|mid|last|next|this|coming))[\s-]+(?:(?P<mod2>early|late|mid)[\s-]+)?{_MON}")),
    ("year", re.compile(rf"\b(?P<prep>(?i:in|since|until|by|from|during|through|before|after|early|late|mid|of))"
                        rf"[\s-]+{_YEAR}(?!\d|,\d|\s*(?:%|percent))")),
]

_TIME_CORE = (
    # "5:40am" and the British "5.40am" / "8.15 p.m." (only with am/pm: a bare "5.40" is a number).
    # The final dot only after "a.m"/"p.m": in "at 2.30pm." it ends the sentence.
    r"(?:(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap](?:\.\s?m\b\.?|\s?m\b))"
    r"|(?P<h24>[01]\d|2[0-3]):?(?P<mi24>[0-5]\d)(?=\s*(?:" + _ZONE + r"|local time|hours|hrs|h)\b)"
    r"|(?P<hc>[01]?\d|2[0-3]):(?P<mic>[0-5]\d)(?![\d:])"
    r"|(?P<named>\b(?:noon|midday|midnight)\b))"
)
# "5:14 a.m. Hawaii time", "9 p.m. Eastern time", "8am Sydney time": a zone named by a region
# or a place.  Capitalised (case-sensitive inside the case-blind pattern) so that "at 5 p.m.
# every time" is no zone; read by ``named_zone``, and left out of the time when unknown.
_NAMED_ZONE = r"(?P<nzone>(?-i:[A-Z][a-zà-ÿ'’-]+(?:[ -][A-Z][a-zà-ÿ'’-]+){0,2}))\s+(?i:time)\b"
_TIME_ZONE = (r"(?:\s*(?:(?P<local>local time)|(?P<zone>" + _ZONE + r")(?P<zoff>[+-]\d{1,2})?)\b|\s+"
              + _NAMED_ZONE + ")?")
_NEAR_HEDGES = (r"(?:shortly|just|soon|a\s+little|a\s+bit|not\s+long|moments?|minutes)\s+(?:after|before)|"
                r"just\s+(?:gone|past)")
TIME_RE = re.compile(
    # "a little after 4 a.m.", "soon after 9 p.m.": within the hour, like "shortly after"; the
    # longer hedges come first so that the bare "after" (a whole day wide) never wins them.
    r"(?:(?P<hedge>about|around|approximately|roughly|at about|at around|" + _NEAR_HEDGES + r"|after|before)\s+)?"
    r"(?<![\d:.])" + _TIME_CORE + _TIME_ZONE
    + r"(?:\s*\(\s*(?P<alt>" + _TIME_CORE.replace("?P<", "?P<a_") + _TIME_ZONE.replace("?P<", "?P<a_")
    + r")\s*\))?",
    re.IGNORECASE,
)
# Every date pattern needs one of these; most sentences have none, and one search is cheaper
# than ten.
_DATE_HINT = re.compile(r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day\b|yesterday|tonight|"
                        r"morning|afternoon|evening|night|week|month|year|decade|ago", re.IGNORECASE)
_TIME_HINT = re.compile(r"\d|noon|midday|midnight|morning|afternoon|evening|night", re.IGNORECASE)
# A modal or a scheduling phrase, then at most four words (the verb and its object), right
# before a date: the date is in the clause that the modal puts in the future.
_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|shall|'ll|(?:due|set|scheduled|expected|planned|plans?|going|hopes?|aims?)\s+to)"
    r"(?:\s+not)?(?:\s+[A-Za-z'’-]+){1,4}\s+(?:on|by|until|till|before|from|next)?\s*$",
    re.IGNORECASE,
)
FUTURE_RE = re.compile(r"\b(?:will|next|upcoming|scheduled|planned|plans?|expected|due|later this|coming)\b",
                       re.IGNORECASE)


@dataclass(frozen=True)
class TimeExpr:
    type: str  # "date" or "time"
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    normalized: str
    precise: bool
    qualifier: str | None = None
    day: date | None = None  # the local day a date names, for anchoring clock times
    floating: bool = False  # a clock time with no zone: low/high are wall-clock seconds
    clock: bool = False  # ... and with no date either: low/high are seconds since midnight


def _tz(published: datetime | None) -> tzinfo:
    if published is None or published.tzinfo is None:
        return timezone.utc
    return published.tzinfo


def _base(published: datetime | None) -> datetime | None:
    if published is None:
        return None
    if published.tzinfo is None:
        return published.replace(tzinfo=timezone.utc)
    return published


def _interval(start: date, end: date, tz: tzinfo) -> tuple[float, float]:
    """[start, end) of local days as POSIX seconds, end made inclusive."""
    a = datetime.combine(start, time(0), tz).timestamp()
    b = datetime.combine(end, time(0), tz).timestamp()
    return a, b - 1


def _day_expr(kind: str, m: re.Match[str], d: date, tz: tzinfo, precise: bool = True,
              qualifier: str | None = None) -> TimeExpr:
    lo, hi = _interval(d, d + timedelta(days=1), tz)
    return TimeExpr(kind, m.start(), m.end(), m.group(), lo, hi, d.isoformat(), precise, qualifier, d)


def _month_expr(m: re.Match[str], y: int, mon: int, tz: tzinfo, qualifier: str | None) -> TimeExpr:
    start = date(y, mon, 1)
    lo, hi = _interval(start, start + relativedelta(months=1), tz)
    return TimeExpr("date", m.start(), m.end(), m.group(), lo, hi, f"{y:04d}-{mon:02d}", True, qualifier)


def _year_expr(m: re.Match[str], y: int, tz: tzinfo, qualifier: str | None) -> TimeExpr:
    lo, hi = _interval(date(y, 1, 1), date(y + 1, 1, 1), tz)
    return TimeExpr("date", m.start(), m.end(), m.group(), lo, hi, f"{y:04d}", True, qualifier)


def _unresolved(m: re.Match[str], qualifier: str | None = None) -> TimeExpr:
    return TimeExpr("date", m.start(), m.end(), m.group(), None, None, m.group().strip(), False, qualifier)


def _safe_date(y: int, mon: int, d: int) -> date | None:
    try:
        return date(y, mon, d)
    except ValueError:
        return None


_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _resolve(kind: str, m: re.Match[str], base: datetime | None, tz: tzinfo, future: bool) -> TimeExpr | None:
    g = m.groupdict()
    today = base.astimezone(tz).date() if base else None
    mod = (g.get("mod") or "").lower() or None
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["month"]), int(g["day"]))
        return _day_expr("date", m, d, tz) if d else None
    if kind in ("mdy", "dmy"):
        mon = MONTHS[g["mon"].lower()]
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        if g.get("year"):
            d = _safe_date(int(g["year"]), mon, day)
            return _day_expr("date", m, d, tz, qualifier=mod) if d else None
        if today is None:
            return _unresolved(m, mod)
        cands = [c for y in (today.year - 1, today.year, today.year + 1) if (c := _safe_date(y, mon, day))]
        if not cands:
            return None
        d = min(cands, key=lambda c: (abs((c - today).days), c > today))
        return _day_expr("date", m, d, tz, qualifier=mod)
    if kind == "monrel":
        if today is None:
            return _unresolved(m, mod)
        y = today.year + {"next": 1, "last": -1}.get(g["yrel"].lower(), 0)
        return _month_expr(m, y, MONTHS[g["mon"].lower()], tz, mod)
    if kind == "my":
        return _month_expr(m, int(g["year"]), MONTHS[g["mon"].lower()], tz, mod)
    if kind == "endof":
        if today is None:
            return _unresolved(m, g["prep"].lower())
        y = today.year if g["unit"].lower() == "year" else (today.year // 10 + 1) * 10
        return _year_expr(m, y, tz, g["prep"].lower())
    if kind == "ago":
        if today is None:
            return _unresolved(m)
        n = int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"].lower()]
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            return _day_expr("date", m, today - timedelta(days=n), tz)
        if unit == "week":
            start = today - timedelta(weeks=n)
            lo, hi = _interval(start - timedelta(days=3), start + timedelta(days=4), tz)
            return TimeExpr("date", m.start(), m.end(), m.group(), lo, hi, f"~{start.isoformat()}", False)
        if unit == "month":
            start = today - relativedelta(months=n)
            return _month_expr(m, start.year, start.month, tz, None)
        return _year_expr(m, today.year - n, tz, None)
    if kind == "rel":
        if today is None:
            return _unresolved(m, mod)
        rel = g["rel"].lower()
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(rel, 0)
        return _day_expr("date", m, today + timedelta(days=shift), tz, qualifier=mod)
    if kind == "unit":
        if today is None:
            return _unresolved(m)
        direction = g["dir"].lower()
        unit = g["unit"].lower()
        step = -1 if direction in ("last", "past") else 1 if direction in ("next", "coming") else 0
        if unit in ("week", "weekend"):
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
            first = monday + timedelta(days=5) if unit == "weekend" else monday
            lo, hi = _interval(first, monday + timedelta(days=7), tz)
            return TimeExpr("date", m.start(), m.end(), m.group(), lo, hi, f"week of {monday.isoformat()}",
                            True, direction)
        if unit == "month":
            start = date(today.year, today.month, 1) + relativedelta(months=step)
            expr = _month_expr(m, start.year, start.month, tz, direction)
        else:
            expr = _year_expr(m, today.year + step, tz, direction)
        if direction == "earlier this" and expr.low is not None:
            _, hi = _interval(today, today + timedelta(days=1), tz)
            return TimeExpr("date", expr.start, expr.end, expr.text, expr.low, hi, expr.normalized, True, direction)
        return expr
    if kind == "wd":
        if today is None:
            return _unresolved(m, mod)
        wd = WEEKDAYS[g["wd"].lower()]
        back = (today.weekday() - wd) % 7
        if mod == "last":
            back = back or 7
        if mod in ("next", "coming") or (future and mod == "this"):
            d = today + timedelta(days=((wd - today.weekday()) % 7) or 7)
        elif not mod and _MODAL_BEFORE.search(m.string[max(0, m.start() - 60) : m.start()]):
            # "schools would reopen on Monday", "talks are due to resume on Friday": a weekday
            # in a clause that a modal or a "due to" puts in the future is the coming one (the
            # same day when it is today).  Only the clause before the date counts: "struck on
            # Monday, and officials will assess the damage" keeps the past Monday.
            d = today + timedelta(days=(wd - today.weekday()) % 7)
        else:
            d = today - timedelta(days=back)
        return _day_expr("date", m, d, tz, qualifier=mod if mod not in ("this",) else None)
    if kind == "mon":
        prep = g["prep"].lower()
        # "May" is also a verb: only trust it after a preposition that takes a date.
        mon = MONTHS[g["mon"].lower()]
        if today is None:
            return _unresolved(m, prep)
        y = today.year
        if prep in ("next", "coming") or (future and prep not in ("last", "since", "early", "late", "mid")
                                          and mon > today.month):
            y = today.year if mon > today.month else today.year + 1
        elif mon > today.month or (prep == "last" and mon == today.month):
            y = today.year - 1
        q = g.get("mod2") or (prep if prep not in ("in", "of", "during") else None)
        expr = _month_expr(m, y, mon, tz, q)
        # The preposition is not part of the date's text.
        off = m.start("mon") if prep in ("in", "of", "during", "by", "from", "since", "until", "till",
                                         "through", "before", "after") and not g.get("mod2") else m.start()
        return TimeExpr("date", off, expr.end, m.string[off:m.end()], expr.low, expr.high, expr.normalized,
                        True, q)
    if kind == "year":
        prep = g["prep"].lower()
        expr = _year_expr(m, int(g["year"]), tz, prep if prep in ("early", "late", "mid", "since", "until",
                                                                  "by", "before", "after") else None)
        off = m.start("year") if prep in ("in", "of", "during", "from", "through") else m.start()
        return TimeExpr("date", off, expr.end, m.string[off:m.end()], expr.low, expr.high, expr.normalized,
                        True, expr.qualifier)
    return None


def find_dates(text: str, published: datetime | None) -> list[TimeExpr]:
    """Dates in ``text`` (one sentence), non-overlapping, in text order."""
    if not _DATE_HINT.search(text):
        return []
    base = _base(published)
    tz = _tz(published)
    future = bool(FUTURE_RE.search(text))
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            try:
                expr = _resolve(kind, m, base, tz, future)
            except (ValueError, OverflowError, KeyError):
                expr = None  # an impossible date ("February 30") is not a date
            if expr is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(expr)
    out.sort(key=lambda e: e.start)
    return out


def _clock(g: dict, prefix: str = "") -> tuple[int, int] | None:
    def get(name: str) -> str | None:
        return g.get(prefix + name)

    if get("named"):
        return (0, 0) if get("named").lower() == "midnight" else (12, 0)
    if get("h") is not None:
        h, mi = int(get("h")), int(get("mi") or 0)
        if not 1 <= h <= 12:
            return None
        pm = get("ap").lower().startswith("p")
        return (h % 12 + (12 if pm else 0), mi)
    if get("h24") is not None:
        return int(get("h24")), int(get("mi24"))
    if get("hc") is not None:
        return int(get("hc")), int(get("mic"))
    return None


def _zone(g: dict, prefix: str = "") -> tuple[float, float] | None:
    z = g.get(prefix + "zone")
    if not z:
        return None
    lo, hi = ZONES[z.lower()]
    off = g.get(prefix + "zoff")
    if off:
        lo, hi = lo + int(off), hi + int(off)
    return lo, hi


# Time-zone names of North America and Australia, which news writes as a region ("Eastern
# time", "Hawaii time") rather than as a place: the IANA zone that keeps each region's clock, so
# that the offset follows daylight saving on the day; "Standard"/"Daylight" fix it.  A closed
# table: these are the regions the zone names of those countries use (the US Naval Observatory
# and Australia's Bureau of Meteorology name them so); any other name is looked up as a place.
_REGION_ZONES = {
    "eastern": "America/New_York", "central": "America/Chicago", "mountain": "America/Denver",
    "pacific": "America/Los_Angeles", "alaska": "America/Anchorage", "hawaii": "Pacific/Honolulu",
    "hawaiian": "Pacific/Honolulu", "hawaii-aleutian": "Pacific/Honolulu", "atlantic": "America/Halifax",
    "newfoundland": "America/St_Johns", "australian eastern": "Australia/Sydney",
    "australian central": "Australia/Adelaide", "australian western": "Australia/Perth",
    "us eastern": "America/New_York", "us central": "America/Chicago", "us mountain": "America/Denver",
    "us pacific": "America/Los_Angeles",
}


def named_zone(name: str, when: date | datetime | None) -> tuple[float, float] | None:
    """The UTC offset (low, high hours) of a zone named by region or place ("Hawaii", "Eastern
    Standard", "Sydney") on ``when``; without a day, the region's standard and daylight offsets
    as a range.  None when the name is no zone this module or ``zones.place_offset`` knows."""
    import zoneinfo

    words = " ".join(name.split()).casefold()
    fixed = None
    for suffix, which in ((" standard", "std"), (" daylight", "dst")):
        if words.endswith(suffix):
            words, fixed = words[: -len(suffix)], which
    iana = _REGION_ZONES.get(words)
    if iana is not None:
        tz = zoneinfo.ZoneInfo(iana)
        jan = datetime(2026, 1, 15, 12, tzinfo=timezone.utc).astimezone(tz).utcoffset()
        jul = datetime(2026, 7, 15, 12, tzinfo=timezone.utc).astimezone(tz).utcoffset()
        offs = sorted(o.total_seconds() / 3600 for o in (jan, jul) if o is not None)
        if fixed == "std":
            return (offs[0], offs[0])
        if fixed == "dst":
            return (offs[-1], offs[-1])
        if when is None:
            return (offs[0], offs[-1])
        noon = datetime.combine(when, time(12), timezone.utc) if not isinstance(when, datetime) else when
        off = noon.astimezone(tz).utcoffset()
        return (off.total_seconds() / 3600,) * 2 if off is not None else None
    if fixed is not None or when is None:
        return None
    # Imported here: zones reads this module's ``stated_offsets`` at import time.
    from .zones import place_offset

    noon = datetime.combine(when, time(12), timezone.utc) if not isinstance(when, datetime) else when
    found = place_offset(name, noon)
    return (found[0], found[0]) if found else None


def find_times(text: str, published: datetime | None, day: date | None = None,
               taken: list[tuple[int, int]] | None = None) -> list[TimeExpr]:
    """Clock times in ``text``; ``day`` is the local day they fall on (default: publication day).

    A bare "15:50" is only taken with a zone, "local time" or a hedge, because "3:2" scores,
    ratios and verse numbers share the form.
    """
    if not _TIME_HINT.search(text):
        return []
    base = _base(published)
    tz = _tz(published)
    dated = day is not None
    if day is None and base is not None:
        day = base.astimezone(tz).date()
    out: list[TimeExpr] = []
    for m in TIME_RE.finditer(text):
        if taken and any(m.start() < e and s < m.end() for s, e in taken):
            continue
        g = m.groupdict()
        hm = _clock(g)
        if hm is None:
            continue
        zone = _zone(g)
        end = m.end()
        if zone is None and g.get("nzone"):
            zone = named_zone(g["nzone"], day)
            if zone is None:
                end = m.start("nzone")  # "at 5 p.m. Sunday time" is no zone: not part of the time
                while end > 0 and text[end - 1].isspace():
                    end -= 1
        if g.get("hc") is not None and not (zone or g.get("local") or g.get("hedge")):
            continue
        hedge = " ".join((g.get("hedge") or "").lower().split()) or None
        alt_hm = _clock(g, "a_") if g.get("alt") else None
        alt_zone = _zone(g, "a_") if alt_hm else None
        if zone is None and alt_zone is not None:
            # "3:50 p.m. local time (0650 GMT)": the zone form names the instant.
            hm, zone = alt_hm, alt_zone
        start = m.start("hedge") if g.get("hedge") else m.start()
        out.append(_time_expr(text, start, end if not g.get("alt") else m.end(), hm, zone, hedge, day, dated))
    for m in WORD_TIME_RE.finditer(text):
        if any(m.start() < t.end and t.start < m.end() for t in out):
            continue
        if taken and any(m.start() < e and s < m.end() for s, e in taken):
            continue
        hm = _word_clock(m)
        if hm is None:
            continue
        hedge = " ".join((m.group("hedge") or "").lower().split()) or None
        out.append(_time_expr(text, m.start(), m.end(), hm, None, hedge, day, dated))
    out.sort(key=lambda t: t.start)
    return out


def _time_expr(text: str, start: int, end: int, hm: tuple[int, int], zone: tuple[float, float] | None,
               hedge: str | None, day: date | None, dated: bool) -> TimeExpr:
    normalized = f"{hm[0]:02d}:{hm[1]:02d}"
    floating = zone is None
    if floating:
        zone = (0.0, 0.0)  # wall-clock seconds: the local date and time read as if UTC
        normalized += " local"
    else:
        normalized = f"{hm[0]:02d}:{hm[1]:02d} UTC{_fmt_off(zone)}" if zone != (0, 0) else \
            f"{hm[0]:02d}:{hm[1]:02d} UTC"
    assert zone is not None
    if day is None and not floating:
        return TimeExpr("time", start, end, text[start:end], None, None, normalized, False, hedge)
    if floating and (not dated or day is None):
        # No date in the sentence and no zone: only the clock reading is known (the day may
        # be the publication day or the one before), so keep seconds since midnight.
        wall = float(hm[0] * 3600 + hm[1] * 60)
        normalized = f"{hm[0]:02d}:{hm[1]:02d} local"
    else:
        assert day is not None
        wall = datetime.combine(day, time(hm[0], hm[1]), timezone.utc).timestamp()
    lo = wall - zone[1] * 3600
    hi = wall - zone[0] * 3600 + 59
    if hedge in ("about", "around", "approximately", "roughly", "at about", "at around"):
        lo, hi = lo - AROUND_S, hi + AROUND_S
    elif hedge and re.fullmatch(r"(?:\S+\s+)*(?:after|gone|past)", hedge):
        hi += 3600 if hedge != "after" else 86400
    elif hedge and re.fullmatch(r"(?:\S+\s+)*before", hedge):
        lo -= 3600 if hedge != "before" else 86400
    if not floating:
        assert day is not None
        instant = datetime.fromtimestamp(wall - zone[0] * 3600, timezone.utc)
        normalized = f"{instant:%Y-%m-%dT%H:%M}Z" if zone[0] == zone[1] else f"{day.isoformat()} {normalized}"
    elif dated and day is not None:
        normalized = f"{day.isoformat()} {normalized}"
    return TimeExpr("time", start, end, text[start:end], lo, hi, normalized, True, hedge, day,
                    floating, clock=floating and (not dated or day is None))


_HOUR_WORDS = {w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)}
_MINUTE_WORDS = {"half": 30, "quarter": 15, "a quarter": 15, "five": 5, "ten": 10, "twenty": 20,
                 "twenty-five": 25, "twenty five": 25}
# "half past two in the morning", "a quarter to six in the evening", "ten o'clock at night",
# "about four in the afternoon".  A day part is required: "two to three" alone is a
# range of anything.  Hand-written: dateparser's search_dates does not read these phrases.
WORD_TIME_RE = re.compile(
    r"(?:(?P<hedge>about|around|approximately|roughly|" + _NEAR_HEDGES + r")\s+)?"
    r"\b(?:(?P<mins>half|a\s+quarter|quarter|twenty[\s-]five|twenty|ten|five)\s+(?P<dir>past|after|to)\s+)?"
    r"(?P<hour>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|1[0-2]|[1-9])\b"
    r"(?:\s+o['’]clock)?"
    r"(?:\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night)))?",
    re.IGNORECASE,
)


def _word_clock(m: re.Match[str]) -> tuple[int, int] | None:
    part = (m.group("part") or ("night" if m.group("night") else "")).lower()
    if not part:
        return None  # "ten o'clock" alone: morning or evening is not said
    if not (m.group("mins") or m.group("hedge") or _WORD_TIME_BEFORE.search(m.string, max(0, m.start() - 8),
                                                                             m.start())):
        return None  # "one of the two in the morning": a count, unless a preposition makes it a time
    raw = m.group("hour").lower()
    h = _HOUR_WORDS.get(raw) or int(raw)
    if h not in _DAY_PART_HOURS[part]:
        return None  # "two in the evening" is no reading of a clock
    mins = _MINUTE_WORDS.get(re.sub(r"\s+", " ", (m.group("mins") or "").lower()), 0)
    if m.group("dir") and m.group("dir").lower() == "to":
        h, mins = (h - 1) or 12, 60 - mins
    if part in ("afternoon", "evening") or (part == "night" and 6 <= h < 12):
        h = h % 12 + 12
    else:  # the morning, or the small hours of the night ("two at night", "twelve at night")
        h = h % 12
    return h, mins


_WORD_TIME_BEFORE = re.compile(r"\b(?:at|by|until|till|from|to|since|after|before|and)\s+$", re.IGNORECASE)
_DAY_PART_HOURS = {"morning": range(1, 13), "afternoon": (12, 1, 2, 3, 4, 5, 6), "evening": range(5, 13),
                   "night": (8, 9, 10, 11, 12, 1, 2, 3, 4)}


def _fmt_off(zone: tuple[float, float]) -> str:
    lo, hi = zone
    return f"{lo:+g}" if lo == hi else f"{lo:+g}..{hi:+g}"


def find_dates_and_times(text: str, published: datetime | None) -> tuple[list[TimeExpr], list[TimeExpr]]:
    """The dates and the clock times of one sentence; a clock time falls on the sentence's first
    dated day (else the publication day), and never inside a date."""
    dates = find_dates(text, published)
    day = next((d.day for d in dates if d.day is not None), None)
    return dates, find_times(text, published, day, [(d.start, d.end) for d in dates])


def stated_offsets(text: str) -> list[float]:
    """UTC offsets (hours east) that ``text`` states by pairing a local clock time with a zoned
    one: "3:50 p.m. local time (0650 GMT)" → [9.0]; "0650 GMT (3:50 p.m.)" too.

    The pair is the one place a report says which zone its other clock times are in; the
    story's other "2:40 p.m." readings can then be set against times given in GMT.
    """
    if not _TIME_HINT.search(text):
        return []
    out: list[float] = []
    for m in TIME_RE.finditer(text):
        g = m.groupdict()
        if not g.get("alt"):
            continue
        here, there = _clock(g), _clock(g, "a_")
        zone_here, zone_there = _zone(g), _zone(g, "a_")
        if here is None or there is None or (zone_here is None) == (zone_there is None):
            continue
        (local, zoned, zone) = (here, there, zone_there) if zone_here is None else (there, here, zone_here)
        if zone is None or zone[0] != zone[1]:
            continue  # "ET" is -5 or -4: no single offset to learn
        minutes = (local[0] * 60 + local[1]) - (zoned[0] * 60 + zoned[1]) + zone[0] * 60
        hours = (minutes / 60.0 + 12) % 24 - 12  # into -12..+12
        if hours <= -11:
            hours += 24  # -11 and -12 are all but uninhabited; +13 / +14 (Tonga, Kiribati) are not
        if (hours * 4).is_integer():  # offsets are whole quarter hours
            out.append(hours)
    return out
