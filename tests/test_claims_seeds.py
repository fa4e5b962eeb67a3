"""Claims on the five seed articles: the value items of FINDINGS.md, through the real stages.

Inputs are built with the real stages (clean when it is importable, segment, values, reuse);
nothing in the claims code knows these files.  Articles are named here by their file prefix
("000" …) only to read the result.
"""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime

import pytest

from newsfuse.model import Article, RawDocument, Story

from .conftest import SEEDS

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS} (../shared is absent in this checkout)"
)

_MISSING = [m for m in ("newsfuse.values", "newsfuse.reuse") if importlib.util.find_spec(m) is None]


@pytest.fixture(scope="module")
def seed_run():
    if _MISSING:
        pytest.xfail(f"neighbouring stage not written yet: {', '.join(_MISSING)}")
    return run_seeds()


def run_seeds():
    """Build every stage's input from the seed files and return (claims, names, unconfirmed, groups, links)."""
    from newsfuse.claims import build_claims, unconfirmed_counts
    from newsfuse.reuse import link_story
    from newsfuse.segment import split_sentences
    from newsfuse.values import extract_values

    articles: dict[str, Article] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        article = None
        if importlib.util.find_spec("newsfuse.clean") is not None:
            from newsfuse.clean import clean

            try:
                article = clean(RawDocument(source=str(path), kind="text", content=raw))
            except Exception:  # a cleaning failure must not hide what claims do
                article = None
        if article is None or article.published is None:
            article = Article(
                id=path.name[:3], source=str(path), text=raw, published=datetime(2026, 1, 27, tzinfo=UTC)
            )
        articles[path.name[:3]] = article
    members = list(articles.values())
    sentences = {a.id: split_sentences(a) for a in members}
    values = [v for a in members for s in sentences[a.id] for v in extract_values(a, s)]
    links, groups = link_story(members, sentences, embedder=None)
    story = Story("seeds", "seeds", tuple(a.id for a in members))
    claims = build_claims(story, members, sentences, values, links, groups)
    name = {a.id: n for n, a in articles.items()}
    unconfirmed = {name[aid]: (u, n) for aid, u, n in unconfirmed_counts(claims, members, groups)}
    return claims, name, unconfirmed, groups, links


def _value_claims(seed_run, *pieces: tuple[str, str]):
    """Value claims holding, for every (article, text) piece, a value of that article with that text."""
    claims, name = seed_run[0], seed_run[1]
    out = []
    for c in claims:
        if not c.key:
            continue
        if all(
            any(name[v.article_id] == art and text.casefold() in v.text.casefold() for v in c.values)
            for art, text in pieces
        ):
            out.append(c)
    return out


def _articles(claim, name, text):
    return {name[v.article_id] for v in claim.values if text.casefold() in v.text.casefold()}


def test_us_troops_figure_is_corroborated_across_groups(seed_run):
    found = _value_claims(seed_run, ("000", "28,500"), ("002", "28,500"))
    assert found, "no value claim joins the 28,500 of 000 and 002"
    c = found[0]
    assert c.status == "corroborated" and c.independent_sources >= 2
    assert {"000", "001", "002", "003"} <= _articles(c, seed_run[1], "28,500")


def test_december_and_last_month_agree_after_normalisation(seed_run):
    found = _value_claims(seed_run, ("000", "December 2025"), ("001", "last month"))
    assert found, "December 2025 (000) and last month (001) are not one claim"
    c = found[0]
    assert c.status == "corroborated", c.explanation
    assert c.independent_sources >= 2  # 002 states it too, outside the wire family


def test_october_and_october_2025_agree(seed_run):
    found = _value_claims(seed_run, ("000", "October 2025"), ("001", "October"))
    assert found, "October 2025 (000) and October (001) are not one claim"
    assert all(c.status not in ("conflicting", "divergent") for c in found)


def test_missile_count_differs_by_claimant_and_precision(seed_run):
    found = _value_claims(seed_run, ("000", "two"), ("001", "several"))
    assert found, "the counts 'two' and 'several' are not compared"
    c = found[0]
    assert c.status == "divergent", c.explanation
    sides = dict(c.sides)
    assert any("2" in s or "two" in s.casefold() for s in sides)


def test_launch_area_north_against_northeast_conflicts(seed_run):
    found = _value_claims(seed_run, ("002", "north of Pyongyang"), ("004", "northeast of Pyongyang"))
    assert found, "north of / northeast of the same anchor are not compared"
    c = found[0]
    assert c.status == "conflicting", c.explanation
    assert {a for _, arts in c.sides for a in arts} >= {v.article_id for v in c.values if v.type == "place"}


def test_distance_is_shared_by_the_two_rewrites_only(seed_run):
    found = _value_claims(seed_run, ("002", "350"), ("004", "350"))
    assert found, "the 350 km of 002 and 004 are not one claim"
    c = found[0]
    assert c.status in ("corroborated", "single-source") and c.status != "conflicting"
    assert _articles(c, seed_run[1], "350") == {"002", "004"}
    # Both are rewrites (004 lists the reports it draws on): FINDINGS calls it weak corroboration.
    if c.status == "corroborated":
        assert "Weak corroboration" in c.explanation, c.explanation


@pytest.mark.parametrize("text", ["3:50", "80"])
def test_single_source_specifics_of_the_expanded_rewrite(seed_run, text):
    found = _value_claims(seed_run, ("002", text))
    assert found, f"no value claim holds {text!r} of 002"
    assert any(c.status == "single-source" and c.independent_sources == 1 for c in found)


def test_rewrites_carry_the_most_unconfirmed_specifics(seed_run):
    unconfirmed = seed_run[2]
    assert unconfirmed["002"][0] > unconfirmed["000"][0]
    assert unconfirmed["004"][0] > unconfirmed["001"][0]
    assert all(0 <= u <= n for u, n in unconfirmed.values())
