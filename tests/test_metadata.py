"""Datelines, wire credits and dates read from an article's own text."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsfuse import metadata


@pytest.mark.parametrize(
    "paragraph, place, date_text, agency",
    [
        ("HAVANA – Officials said on Monday that the storm had passed.", "HAVANA", None, None),
        ("Lima/Quito, March 3, 2025 – Both governments signed the accord.", "Lima/Quito", "March 3, 2025", None),
        ("OSLO, March 3. /TASS/. The ministry confirmed the visit.", "OSLO", "March 3", "TASS"),
        ("CHICAGO (Reuters) - Grain futures rose on Tuesday.", "CHICAGO", None, "Reuters"),
        ("NAIROBI, Kenya (AP) — Rescuers searched through the night.", "NAIROBI, Kenya", None, "AP"),
        ("Madrid, 4 June (EFE) - The court ruled on Friday.", "Madrid", "4 June", "EFE"),
    ],
)
def test_datelines_found(paragraph, place, date_text, agency):
    d = metadata.find_dateline(paragraph)
    assert d is not None, paragraph
    assert (d.place, d.date_text, d.agency) == (place, date_text, agency)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The Pentagon – which declined to comment – said nothing more.",
        "Officials said: the bridge will reopen in May.",
        "In a significant move, the council voted to raise taxes.",
    ],
)
def test_ordinary_openings_are_not_datelines(paragraph):
    assert metadata.find_dateline(paragraph) is None


@pytest.mark.parametrize(
    "text, credits",
    [
        ("Markets closed higher on Friday. AFP", ("AFP",)),
        ("Crowds gathered in the square. [Reuters]\nThe vote was held on Sunday.", ("Reuters",)),
        ("BERLIN (dpa) - Talks resumed.", ("dpa",)),
        ("The minister told Kyodo that talks would continue.", ("Kyodo",)),
        ("TOKYO, May 2. /TASS/. Trade rose.", ("TASS",)),
        ("Flooding hit the coast.\n— Xinhua", ("Xinhua",)),
        ("Flooding hit the coast. (Yonhap)", ("Yonhap",)),
        ("A protester in the capital. REUTERS/Jane Roe", ("Reuters",)),
        ("Prices rose 3 percent.\n(Reporting by Ann Lee; Editing by Tom Wu) (AP)", ("AP",)),
    ],
)
def test_wire_credits_in_any_position(text, credits):
    assert metadata.wire_credits(text) == credits


def test_a_mention_is_not_a_credit():
    assert metadata.wire_credits("According to Yonhap, the talks failed, and Reuters could not confirm it.") == ()


def test_trailing_credit_is_isolated():
    assert metadata.trailing_credit("The talks ended without a deal. AFP").strip() == "AFP"
    assert metadata.trailing_credit("He spoke to AFP") is None


def test_full_date_with_zone():
    found = metadata.date_in("Updated: Tue 14 Jan 2025 08.12 GMT", "text:published-line")
    assert found is not None
    assert found.value == datetime(2025, 1, 14, 8, 12, tzinfo=timezone.utc)
    assert found.how == "text:published-line"


def test_date_without_zone_is_utc_and_says_so():
    found = metadata.date_in("March 3, 2025", "text:dateline")
    assert found.value == datetime(2025, 3, 3, tzinfo=timezone.utc)
    assert found.how == "text:dateline (UTC assumed)"


def test_no_year_means_no_date_without_a_base():
    assert metadata.date_in("on Tuesday, March 3, officials said", "text:first-lines") is None


def test_no_year_resolved_against_a_base():
    base = datetime(2025, 3, 10, tzinfo=timezone.utc)
    found = metadata.date_in("on Tuesday, March 3, officials said", "text:first-lines", base=base)
    assert found is not None and found.value.date().isoformat() == "2025-03-03"
    assert "year from base" in found.how


def test_url_date():
    found = metadata.date_from_url("https://example.org/world/2024/11/05/vote-count/")
    assert found.value == datetime(2024, 11, 5, tzinfo=timezone.utc)


def test_meta_date_keeps_zone():
    dt, zoned = metadata.parse_meta_date("2025-06-01T09:30:00+02:00")
    assert zoned and dt.utcoffset().total_seconds() == 7200


def test_outlet_from_url():
    assert metadata.outlet_from_url("https://www.example-news.co.uk/a/b") == "example-news.co.uk"
    assert metadata.outlet_from_url(None) is None
