"""Line-level leftover removal: rules, and the quality floor on the labelled pages."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsfuse.textclean import classify_lines, line_reason

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "line",
    [
        "Firefighters tackle the blaze on Monday. [Getty Images]",
        "Supporters celebrate outside the court (Reuters)",
        "The mayor opens the new bridge. Photo: City Council",
        "Rescue teams at work near the village. REUTERS/Ana Lopes",
        "FILE PHOTO: A view of the plant in 2019",
        "Players warm up before the match (Photo by Chris Doe/Sports Agency)",
    ],
)
def test_captions_are_removed(line):
    assert line_reason(line) == "photo caption"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("×", "interface symbol"),
        ("★★★★★ 4.8 on App Store", "app banner / store rating"),
        ("Get the app", "call to action (subscribe / follow / share)"),
        ("Sign up for our morning briefing, delivered to your inbox.", "call to action (subscribe / follow / share)"),
        ("Home > Business > Markets", "navigation crumbs"),
        ("We use cookies to personalise content. Accept all", "cookie notice"),
        ("By Priya Raman and Tom Ellis", "byline / reporting credit"),
        ("Updated 3 hours ago", "date line"),
        ("Updated: Oct 7, 2026 | Harbour Evening Desk", "date line"),
        ("Read more: Ten things to know about the vote", "link stub"),
        ("Tags: elections, parliament", "tags / topics"),
        ("12 comments", "interface text"),
        ("5 min read", "reading time / media control"),
    ],
)
def test_leftover_rules(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Oct 7, 2026 | The council voted to close the school after a long debate.",
    "Scores: Arsenal 2 | Chelsea 1",
])
def test_dated_prose_and_tables_are_kept(line):
    assert line_reason(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "The council said it would share the costs with the regional government.",
        "Shares in the company fell 4 percent after the app store rejected its update.",
        "Follow-up talks are planned for next week in Geneva.",
        "Why the plan matters",
        "Rescuers said the bridge had collapsed shortly after 6pm, trapping three cars.",
    ],
)
def test_article_lines_are_kept(line):
    assert line_reason(line) is None


def test_headline_kept_and_header_and_tail_removed():
    text = "\n".join(
        [
            "Download our app",
            "The Daily Example",
            "Ferry service resumes after winter break",
            "Passengers boarded the first ferry of the season on Saturday after a four-month winter pause.",
            "Operators said demand had been higher than expected, with most sailings sold out.",
            "What comes next",
            "Extra crossings will be added at weekends from May, the company said.",
            "More from Travel",
            "Ten quiet islands to visit this spring",
            "Train fares frozen for another year",
        ]
    )
    result = classify_lines(text)
    assert result.headline == "Ferry service resumes after winter break"
    roles = [v.role for v in result.lines]
    assert roles[:3] == ["leftover", "leftover", "headline"]
    assert roles[5] == "heading"  # section headings stay in the text
    assert roles[7:] == ["leftover"] * 3


def _scores():
    spec = importlib.util.spec_from_file_location("leftovers_bench", REPO / "benchmarks" / "leftovers.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["leftovers_bench"] = module
    spec.loader.exec_module(module)
    return module.evaluate(REPO / "tests" / "data" / "leftovers")


def test_labelled_pages_meet_floors():
    scores = _scores()
    assert scores.pages >= 40
    assert scores.precision >= 0.95, scores.errors
    assert scores.recall >= 0.95, scores.errors
    assert scores.headline_accuracy >= 0.9, scores.errors


def test_hard_wrapped_text_is_unwrapped_before_judging():
    import textwrap

    paragraphs = [
        "The regional parliament voted on Thursday to approve a water plan that limits irrigation during droughts and funds new reservoirs.",
        "Farmers said the limits were too strict, while environmental groups welcomed the plan but said it came too late for several rivers.",
        "The plan takes effect in January and will be reviewed after three years, the regional government said in a statement.",
    ]
    text = "Parliament approves drought plan\n\n" + "\n\n".join(textwrap.fill(p, 60) for p in paragraphs)
    result = classify_lines(text)
    assert result.headline == "Parliament approves drought plan"
    assert [v.text for v in result.lines if v.role == "body"] == paragraphs
    assert result.removed() == []


def test_table_rows_are_not_crumbs():
    assert line_reason("| 1 | Ana Novak | 5040 | 5 | 1 |") is None


def test_cjk_paragraph_counts_as_prose():
    from newsfuse.textclean import is_prose

    assert is_prose("先日、改造した端末を販売したとして、商標法違反の疑いで男性が逮捕されたというニュースがありました。")


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=25))
def test_every_line_gets_exactly_one_verdict(lines):
    text = "\n".join(lines)
    result = classify_lines(text)
    assert [v.index for v in result.lines] == list(range(len(result.lines)))
    heads = [v for v in result.lines if v.role == "headline"]
    assert len(heads) == (0 if result.headline_index is None else 1)
    assert all(v.reason for v in result.lines if v.role == "leftover")


@pytest.mark.parametrize(
    "line",
    [
        "Von der Leyen said on Tuesday that talks would continue.",
        "Download figures for the app rose by 20 percent last year.",
        "Tap water prices will rise by 6 percent in April.",
        '"The results tell us the lake existed for a long time," she said.',
    ],
)
def test_sentences_with_interface_words_are_kept(line):
    assert line_reason(line) is None


@pytest.mark.parametrize(
    "line",
    ["By Tuesday, rescuers had reached the village.", "By the end of the year, prices had doubled."],
)
def test_sentences_opening_with_by_are_not_bylines(line):
    assert line_reason(line) is None
