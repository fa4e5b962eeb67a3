"""Property tests for the value parsers: numbers, units, dates, and a fuzz test."""

from __future__ import annotations

import math
import os
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.model import Article, Sentence
from newsfuse.numbers import parse_number
from newsfuse.values import compatible, extract_values

UTC = timezone.utc
# More examples for a deeper local run: NEWSFUSE_PROP_EXAMPLES=2000 pytest tests/test_values_props.py
_N = int(os.environ.get("NEWSFUSE_PROP_EXAMPLES", "150"))
# No deadline: the first call loads lemminflect's tables (about a second on 2 cores).
_SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_1000(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(f"{_SMALL[n // 100]} hundred")
        n %= 100
        if n:
            parts.append("and")
    if n >= 20:
        parts.append(_TENS[n // 10] + (f"-{_SMALL[n % 10]}" if n % 10 else ""))
    elif n or not parts:
        parts.append(_SMALL[n])
    return " ".join(parts)


def to_words(n: int) -> str:
    """English words for ``n`` (written independently of the parser, for the round trip)."""
    if n == 0:
        return "zero"
    chunks = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (1, "")):
        q, n = divmod(n, scale)
        if q:
            chunks.append(_below_1000(q) + (f" {name}" if name else ""))
    return " ".join(chunks)


def values(text: str, published: datetime | None = datetime(2026, 1, 27, 12, tzinfo=UTC)):
    art = Article(id="p", source="prop", text=text, published=published)
    return extract_values(art, Sentence("p", 0, text, 0, len(text)))


@settings(max_examples=_N, **_SETTINGS)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_integers_with_commas_parse_back(n):
    assert parse_number(f"{n:,}").value == n
    assert parse_number(str(n)).value == n


@settings(max_examples=_N, **_SETTINGS)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_integers_in_words_parse_back(n):
    assert parse_number(to_words(n)).value == n


@settings(max_examples=_N, **_SETTINGS)
@given(st.integers(min_value=2, max_value=9_999_999).filter(lambda n: not 1600 <= n <= 2299))
def test_counts_in_sentences_parse_back(n):
    for written in (f"{n:,}", to_words(n)):
        counts = [v for v in values(f"Officials said {written} cars were damaged.") if v.type == "count"]
        assert len(counts) == 1, (written, counts)
        assert counts[0].low == counts[0].high == n
        assert counts[0].key == "car:damage"


_UNITS = [("km", 1.0), ("kilometres", 1.0), ("miles", 1.609344), ("mi", 1.609344), ("feet", 0.0003048),
          ("m", 0.001), ("nautical miles", 1.852)]


@settings(max_examples=_N, **_SETTINGS)
@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(_UNITS))
def test_length_conversion_round_trip(n, unit):
    name, factor = unit
    (q,) = [v for v in values(f"The road runs {n:,} {name} through the valley.") if v.type == "quantity"]
    assert q.unit == "km"
    assert q.low <= n * factor <= q.high
    # Converting back from the canonical interval gives the written figure within its rounding.
    assert math.isclose(q.low / factor, n - 0.5, rel_tol=1e-9)
    assert math.isclose(q.high / factor, n + 0.5, rel_tol=1e-9)


@settings(max_examples=_N, **_SETTINGS)
@given(st.integers(min_value=10, max_value=20_000), st.sampled_from(["km", "kilometers"]))
def test_parenthesised_conversion_is_absorbed(n, name):
    miles = round(n / 1.609344)
    text = f"The pipeline runs {n:,} {name} ({miles:,} miles) to the coast."
    qs = [v for v in values(text) if v.type == "quantity"]
    assert len(qs) == 1
    assert qs[0].text.endswith("miles)")
    inverse = [v for v in values(f"The pipeline runs {miles:,} miles ({n:,} {name}) to the coast.")
               if v.type == "quantity"]
    assert len(inverse) == 1
    assert compatible(qs[0], inverse[0]) is True


_FORMATS = [
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d.day} {d:%B} {d.year}",
    lambda d: f"{d:%b}. {d.day}, {d.year}" if d.month != 5 else f"{d:%B} {d.day}, {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d:%A}, {d:%B} {d.day}, {d.year}",
]


@settings(max_examples=_N, **_SETTINGS)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
       st.integers(min_value=-400, max_value=400), st.integers(min_value=-11, max_value=13))
def test_dates_in_any_format_resolve_to_themselves(d, shift, offset):
    tz = timezone(timedelta(hours=offset))
    base = datetime.combine(d + timedelta(days=shift), datetime.min.time(), tz) + timedelta(hours=10)
    start = datetime.combine(d, datetime.min.time(), tz).timestamp()
    for fmt in _FORMATS:
        written = fmt(d)
        dates = [v for v in values(f"The court ruled on {written}, lawyers said.", base) if v.type == "date"]
        assert len(dates) == 1, (written, dates)
        assert dates[0].normalized == d.isoformat()
        assert dates[0].low == start and dates[0].high == start + 86399


@settings(max_examples=_N * 100 // 150, **_SETTINGS)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2080, 12, 31)))
def test_weekday_and_relative_words_resolve_against_base(d):
    base = datetime.combine(d, datetime.min.time(), UTC) + timedelta(hours=15)
    weekday = f"{d:%A}"
    (v,) = [v for v in values(f"The strike began on {weekday}.", base) if v.type == "date"]
    assert v.normalized == d.isoformat()
    (y,) = [v for v in values("The strike began yesterday.", base) if v.type == "date"]
    assert y.normalized == (d - timedelta(days=1)).isoformat()
    (m,) = [v for v in values("The strike began last month.", base) if v.type == "date"]
    prev = (d.replace(day=1) - timedelta(days=1))
    assert m.normalized == f"{prev.year:04d}-{prev.month:02d}"


_NEWSY = st.lists(
    st.sampled_from(list("0123456789,.:;-–()\"“”‘’«»$€£%°/ ")
                             + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
                             + ["km ", "miles ", "at least ", "about ", "p.m. ", "GMT ", "north of ",
                                "said ", "according to ", "January ", "Tuesday ", "last month ", "million ",
                                "several ", "dozens of ", "President ", "Ministry ", "magnitude ", "é", "中",
                                "\u200b", "\n", "\t"]),
    max_size=80,
).map("".join)


@settings(max_examples=_N * 300 // 150, **_SETTINGS)
@given(st.one_of(_NEWSY, st.text(max_size=200)), st.sampled_from([None, datetime(2026, 1, 27, tzinfo=UTC)]))
def test_fuzz_never_crashes(text, published):
    for v in values(text, published):
        assert 0 <= v.span[0] <= v.span[1] <= len(text)
        assert text[v.span[0]:v.span[1]] == v.text
        if v.low is not None and v.high is not None:
            assert v.low <= v.high
