"""Metadata that an article states in its own text: dateline, wire credits, dates, outlet.

Datelines and credits follow wire-service conventions ("SEOUL (Reuters) -",
"TOKYO, January 27. /TASS/.", a trailing "AFP"), so they are matched with patterns; the
list of news agencies is domain knowledge, not tuning.  Dates are located with patterns
(English month names and ISO forms) and parsed by dateparser; a date without a year is
never completed by guessing, only against a base date the caller knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

import dateparser

# Canonical name -> spellings found in credits.  Order matters only for the output order.
WIRE_AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters", "REUTERS", "Thomson Reuters"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Yonhap": ("Yonhap", "YONHAP"),
    "Kyodo": ("Kyodo", "KYODO"),
    "Jiji": ("Jiji Press", "Jiji", "JIJI"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "Xinhua": ("Xinhua", "XINHUA"),
    "TASS": ("TASS", "Tass"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "Bloomberg": ("Bloomberg",),
    "UPI": ("UPI", "United Press International"),
    "PTI": ("PTI", "Press Trust of India"),
    "ANI": ("ANI",),
    "IANS": ("IANS",),
    "AAP": ("AAP", "Australian Associated Press"),
    "Canadian Press": ("The Canadian Press", "Canadian Press"),
    "PA": ("PA Media", "PA"),
    "Anadolu": ("Anadolu Agency", "Anadolu", "AA"),
    "Bernama": ("Bernama", "BERNAMA"),
    "Antara": ("Antara", "ANTARA"),
    "KCNA": ("KCNA",),
    "CNA": ("Central News Agency",),
    "Europa Press": ("Europa Press",),
    "ANP": ("ANP",),
    "Belga": ("Belga",),
    "APA": ("APA",),
    "Lusa": ("Lusa",),
    "PAP": ("PAP",),
    "IRNA": ("IRNA",),
    "WAM": ("WAM",),
    "SPA": ("SPA", "Saudi Press Agency"),
    "MENA": ("MENA",),
    "Prensa Latina": ("Prensa Latina",),
    "Notimex": ("Notimex",),
    "AGI": ("AGI",),
    "Ukrinform": ("Ukrinform",),
    "VNA": ("VNA", "Vietnam News Agency"),
    "PNA": ("PNA", "Philippine News Agency"),
    "NTB": ("NTB",),
    "Ritzau": ("Ritzau",),
    "BSS": ("BSS",),
    "APP": ("APP", "Associated Press of Pakistan"),
}
_SPELLING = {s: canon for canon, spellings in WIRE_AGENCIES.items() for s in spellings}
# Longest first so "Associated Press" wins over "AP" and "Jiji Press" over "Jiji".
_AGENCY_ALT = "|".join(re.escape(s) for s in sorted(_SPELLING, key=len, reverse=True))
AGENCY_PATTERN = rf"(?:{_AGENCY_ALT})"
AGENCY_LIST_PATTERN = rf"{AGENCY_PATTERN}(?:\s*(?:/|,|and|&)\s*{AGENCY_PATTERN})*"

# Credit forms, each unambiguous enough to count as the article's (or its picture's) source.
_CREDIT_PATTERNS = [
    re.compile(rf"\[\s*({AGENCY_LIST_PATTERN})\s*\]"),  # "[AFP]"
    re.compile(rf"\(\s*({AGENCY_LIST_PATTERN})\s*\)"),  # "(Reuters)", "(AP)"
    re.compile(rf"/\s*({AGENCY_LIST_PATTERN})\s*/"),  # "/TASS/"
    re.compile(rf"(?:^|[.!?\"”’)]\s+|[–—-]\s*)({AGENCY_LIST_PATTERN})\.?\s*$", re.M),  # trailing "AFP"
    re.compile(rf"^\s*[–—-]?\s*({AGENCY_LIST_PATTERN})\s*$", re.M),  # a line that is only a credit
    re.compile(rf"\b(?:told|with|via|from|contributed by|reported by|\u00a9|©|Copyright)\s+(?:the\s+)?({AGENCY_LIST_PATTERN})\b"),
    re.compile(rf"\b({AGENCY_LIST_PATTERN})\s+(?:contributed|photo|Photo|PHOTO|via Getty)"),
    re.compile(rf"(?:Photo|Image|Picture|Photograph|Credit|Source)s?\s*:\s*({AGENCY_LIST_PATTERN})\b"),
    re.compile(rf"\b({AGENCY_LIST_PATTERN})/[A-Z][a-z]+"),  # "REUTERS/Kim Hong-Ji"
]
_AGENCY_RE = re.compile(rf"(?<![\w-]){AGENCY_PATTERN}(?![\w-])")


def wire_credits(text: str) -> tuple[str, ...]:
    """Agencies the text credits, canonical names in order of first appearance.

    A mere mention ("according to Yonhap") is not a credit; "told AFP", "[AFP]",
    "(Reuters)", "/TASS/" and a trailing "AFP" are.
    """
    found: list[tuple[int, str]] = []
    for pattern in _CREDIT_PATTERNS:
        for m in pattern.finditer(text):
            group = m.group(1)
            for a in _AGENCY_RE.finditer(group):
                found.append((m.start(1) + a.start(), _SPELLING[a.group()]))
    seen: dict[str, int] = {}
    for pos, name in sorted(found):
        seen.setdefault(name, pos)
    return tuple(seen)


def is_credit_only(line: str) -> bool:
    """True for a line that carries nothing but a wire credit ("AFP", "— Reuters/AP")."""
    return bool(re.fullmatch(rf"\s*[–—-]?\s*[(\[]?\s*{AGENCY_LIST_PATTERN}\s*[)\]]?\.?\s*", line))


def trailing_credit(line: str) -> str | None:
    """The credit token ending a paragraph after its last sentence ("... peninsula. AFP")."""
    m = re.search(rf"(?<=[.!?\"”’])\s+[–—-]?\s*({AGENCY_LIST_PATTERN})\.?\s*$", line)
    return m.group(0) if m else None


# --------------------------------------------------------------------------- dates

MONTHS_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY_PATTERN = r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?,?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?)"
DATE_WITH_YEAR_PATTERN = re.compile(
    rf"(?:{WEEKDAY_PATTERN}\s+)?(?:"
    rf"{MONTHS_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS_PATTERN},?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"){_TIME}?",
)
DATE_NO_YEAR_PATTERN = re.compile(rf"(?:{MONTHS_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{MONTHS_PATTERN})\b")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)")
# Zones that dateparser resolves by name; anything else parsed naive is read as UTC.
_PUBLISHED_LABEL = re.compile(
    r"^\s*(?:Published|Posted|First published|Updated|Last updated|Date|Publication date)\b\s*(?:on|:)?\s*",
    re.I,
)


def _parse(text: str, base: datetime | None = None) -> tuple[datetime, bool] | None:
    """Parse one located date string; returns (aware datetime, zone was stated)."""
    # Located strings are absolute dates; skipping dateparser's relative ("3 days ago")
    # parser, which compiles many patterns per call, makes parsing several times faster.
    settings: dict = {"PREFER_DATES_FROM": "current_period", "DATE_ORDER": "MDY", "PARSERS": ["absolute-time"]}
    if base is not None:
        # The base is when the page was seen (crawl, feed): the article is from before it.
        settings["RELATIVE_BASE"] = base.replace(tzinfo=None)
        settings["PREFER_DATES_FROM"] = "past"
    # dateparser reads "08.12 GMT" as a date fragment; a colon makes it a time.
    cleaned = re.sub(r"(\d{1,2})\.(\d{2})(?=\s*(?:[ap]\.?m|[A-Z]{2,4}\b|$))", r"\1:\2", text)
    cleaned = re.sub(r"\b(\d{1,2})(st|nd|rd|th)\b", r"\1", cleaned)
    dt = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if dt is None:
        return None
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc), False
    return dt, True


@dataclass(frozen=True)
class FoundDate:
    value: datetime
    how: str  # "text:dateline", "text:published-line", "text:first-lines", "url"


def date_in(text: str, how: str, base: datetime | None = None) -> FoundDate | None:
    """The first full date (with a year) in ``text``; a year-less date only against ``base``."""
    m = DATE_WITH_YEAR_PATTERN.search(text)
    if m:
        parsed = _parse(m.group(0))
        if parsed:
            dt, zoned = parsed
            return FoundDate(dt, how if zoned else f"{how} (UTC assumed)")
    if base is not None:
        m = DATE_NO_YEAR_PATTERN.search(text)
        if m:
            parsed = _parse(m.group(0), base)
            if parsed:
                return FoundDate(parsed[0], f"{how} (year from base)")
    return None


def date_from_url(url: str | None) -> FoundDate | None:
    """A /2026/01/27/ style date in a URL path (day precision, UTC assumed)."""
    if not url:
        return None
    m = _URL_DATE.search(urlsplit(url).path)
    if not m:
        return None
    try:
        dt = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), tzinfo=timezone.utc)
    except ValueError:
        return None
    return FoundDate(dt, "url (UTC assumed)")


def is_published_line(line: str) -> bool:
    return bool(_PUBLISHED_LABEL.match(line))


def parse_meta_date(value: str | None) -> tuple[datetime, bool] | None:
    """An ISO 8601 (or looser) date from a container's metadata; (aware datetime, zone stated)."""
    if not value or not value.strip():
        return None
    v = value.strip()
    try:
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        parsed = _parse(v)
        return parsed
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc), False
    return dt, True


# --------------------------------------------------------------------------- dateline

_PLACE_WORD_CAPS = r"[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+"
_PLACE_WORD_TITLE = r"[A-ZÀ-Þ][\w.'’-]+"
_DATELINE = re.compile(
    rf"^(?P<place>(?:{_PLACE_WORD_TITLE})(?:(?:\s+|\s*/\s*|,\s+)(?:{_PLACE_WORD_TITLE})){{0,3}}?)"
    rf"(?P<date>,\s+(?:{WEEKDAY_PATTERN}\s+)?(?:{MONTHS_PATTERN}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{MONTHS_PATTERN}(?:\s+\d{{4}})?))?"
    rf"\s*(?P<agency>\(\s*{AGENCY_LIST_PATTERN}\s*\)|\.?\s*/\s*{AGENCY_LIST_PATTERN}\s*/\.?)?"
    rf"\s*(?P<sep>[–—]|--?|:)?\s+(?=\S)"
)


@dataclass(frozen=True)
class Dateline:
    place: str
    date_text: str | None
    agency: str | None


def find_dateline(paragraph: str) -> Dateline | None:
    """A wire-style dateline opening ``paragraph``: place, optional date, optional agency.

    Accepted when the place is in capitals ("SEOUL –"), or when a date or an agency
    follows it ("Seoul/Tokyo, January 27, 2026 –", "Tokyo (Kyodo) -"): a title-case word
    followed by a dash alone is too often an ordinary sentence opening.
    """
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    place, date, agency, sep = m.group("place"), m.group("date"), m.group("agency"), m.group("sep")
    if agency is None and sep is None:
        return None
    if len(place) > 40:
        return None
    caps = re.fullmatch(rf"{_PLACE_WORD_CAPS}(?:(?:\s+|\s*/\s*|,\s+){_PLACE_WORD_CAPS})*", place)
    if not (caps or date or agency or "/" in place):
        return None
    if agency is None and sep == ":" and not (caps or date):
        return None
    date_text = date.lstrip(", ").strip() if date else None
    agency_name = None
    if agency:
        a = _AGENCY_RE.search(agency)
        agency_name = _SPELLING[a.group()] if a else None
    return Dateline(place.strip(" ,"), date_text, agency_name)


# --------------------------------------------------------------------------- outlet


def outlet_from_url(url: str | None) -> str | None:
    """The registrable-looking host of ``url`` without "www." ("apnews.com")."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None
