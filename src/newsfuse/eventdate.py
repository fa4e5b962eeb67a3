"""The calendar days an article's lead talks about, resolved against its publication date.

Used by story clustering to tell look-alike events apart (two earthquakes in one region on
different days).  The forms news leads use are few and fixed — weekday names, "Oct. 6",
"6 October 2026", "yesterday" — so they are recognised with one regular expression and
resolved by hand.  Why not dateparser here: it costs ~5 ms per call (clustering must run at
hundreds of articles per second), and with ``PREFER_DATES_FROM='past'`` it reads "Wednesday"
in an article published on a Wednesday as the week before, while news means the same day.
Vague periods ("last month", "last week") are not days, so they cannot separate two events
a week apart; they are left to ``values.py``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}
_MONTH = (
    r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    r"\b(?:"
    + _MONTH.format(g="m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)\d\d)\b)?"
    + r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format(g="m2")
    + r"(?:,?\s+(?P<y2>(?:19|20)\d\d)\b)?"
    + r"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    + r"|(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    + r"|(?P<rel>(?i:yesterday|today|tonight|last night|this morning))"
    + r")"
)  # case-sensitive on purpose: "may 5" is rarely a date, "May 5" usually is


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve_dates(text: str, published: datetime | None) -> list[date]:
    """Every day named in ``text``, in order of appearance.

    Forms without a year, weekdays and "yesterday" need ``published`` (local date of the
    article); without it only fully written dates are returned.  A weekday is the latest
    such day on or before publication (news reports the past); a month and day without a
    year take the publication year, or the previous one when that would put the day more
    than a week after publication ("Dec 30" in a 2 January article).
    """
    base = published.date() if published is not None else None
    out: list[date] = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        found: date | None = None
        if g["m1"] or g["m2"]:
            month = _month_key(g["m1"] or g["m2"])
            day = int(g["d1"] or g["d2"])
            year = g["y1"] or g["y2"]
            if year:
                found = _safe_date(int(year), month, day)
            elif base is not None:
                found = _safe_date(base.year, month, day)
                if found is not None and found > base + timedelta(days=7):
                    found = _safe_date(base.year - 1, month, day)
        elif g["iso"]:
            y, mo, d = (int(x) for x in g["iso"].split("-"))
            found = _safe_date(y, mo, d)
        elif g["wd"] and base is not None:
            back = (base.weekday() - _WEEKDAYS[g["wd"].lower()]) % 7
            found = base - timedelta(days=back)
        elif g["rel"] and base is not None:
            found = base - timedelta(days=1) if g["rel"].lower() == "yesterday" else base
        if found is not None:
            out.append(found)
    return out


def _month_key(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:3]]
