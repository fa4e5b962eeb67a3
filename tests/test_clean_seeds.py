"""The cleaning facts of ../shared/seeds/FINDINGS.md ("Cleaning"), checked on the real seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.clean import clean
from newsfuse.model import RawDocument

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _seed(prefix: str):
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (../shared is absent in this checkout)")
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return clean(RawDocument(source=str(path), kind="text", content=path.read_text(encoding="utf-8")))


def test_001_banner_and_caption_removed_headline_kept():
    a = _seed("001")
    removed = [r.text for r in a.removed]
    first_lines = (SEEDS / next(SEEDS.glob("001_*.txt")).name).read_text(encoding="utf-8").splitlines()[:6]
    for line in first_lines:
        assert line.strip() in removed, line
    caption = [r for r in a.removed if r.reason == "photo caption"]
    assert len(caption) == 1 and caption[0].text.endswith("[AFP]")
    assert a.title and a.title not in removed and a.title not in a.text
    assert "AFP" in a.wire_credits
    assert a.published is not None and a.published.date().isoformat() == "2026-01-27"


def test_004_sources_list_and_watch_stub_removed():
    a = _seed("004")
    reasons = [r.reason for r in a.removed]
    assert reasons.count("related / sources list") == 5  # the label and its four headlines
    assert "link stub" in reasons
    assert "Sources:" not in a.text and "Watch:" not in a.text
    assert a.published is not None and a.published.date().isoformat() == "2026-01-27"


def test_003_headings_kept():
    a = _seed("003")
    assert a.title and a.removed == ()
    headings = [l for l in a.text.split("\n") if len(l.split()) <= 8 and not l.endswith(".")]
    assert len(headings) >= 3  # section headings stay in the text
    assert a.published is None  # "Tuesday, January 27" carries no year


def test_000_wire_credit_and_dateline():
    a = _seed("000")
    assert a.wire_credits == ("AFP",)
    assert a.dateline == "SEOUL"
    assert not a.text.rstrip().endswith("AFP")
    assert a.published is None  # "Jan 27" carries no year


def test_002_dated_dateline():
    a = _seed("002")
    assert a.dateline == "Seoul/Tokyo"
    assert a.published is not None and a.published.date().isoformat() == "2026-01-27"
    assert a.published_how.startswith("text:dateline")


def test_all_seeds_are_english():
    for prefix in ("000", "001", "002", "003", "004"):
        a = _seed(prefix)
        assert a.language in ("en", None)
