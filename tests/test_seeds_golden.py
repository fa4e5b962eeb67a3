"""The findings of ../shared/seeds/FINDINGS.md that the whole pipeline must reach.

Runs the real pipeline (with the offline embedding model) once over the five seed articles.
Nothing in newsfuse knows these files: the assertions here are the analyst's findings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.model import RunResult, StoryResult
from newsfuse.pipeline import Settings, run

from .conftest import SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_run(embedder) -> RunResult:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (../shared is absent)")
    return run([str(SEEDS)], Settings(), embedder=embedder)


def ids_by_prefix(result: RunResult) -> dict[str, str]:
    return {Path(a.source).name[:3]: a.id for a in result.articles}


def the_story(result: RunResult) -> StoryResult:
    assert len(result.stories) == 1, [s.story.label for s in result.stories]
    return result.stories[0]


def test_one_story(seeds_run):
    story = the_story(seeds_run)
    assert len(story.story.articles) == 5
    assert not seeds_run.errors


def link_between(story: StoryResult, a: str, b: str):
    for link in story.links:
        if {link.source, link.target} == {a, b}:
            return link
    return None


def test_afp_editions_are_versions(seeds_run):
    ids = ids_by_prefix(seeds_run)
    story = the_story(seeds_run)
    link = link_between(story, ids["000"], ids["001"])
    assert link is not None and link.kind == "version", link
    assert link.changed, "the changed sentences between the editions must be listed"


def test_paraphrase_in_wire_family(seeds_run):
    ids = ids_by_prefix(seeds_run)
    story = the_story(seeds_run)
    kinds = {
        link.kind
        for other in ("000", "001")
        if (link := link_between(story, ids["003"], ids[other])) is not None
    }
    assert "paraphrase" in kinds, kinds
    family = next(g for g in story.groups if ids["000"] in g.articles)
    assert {ids["000"], ids["001"], ids["003"]} <= set(family.articles)


def claims_with(story: StoryResult, article: str, needle: str):
    return [
        c
        for c in story.claims
        if any(v.article_id == article and needle.lower() in v.text.lower() for v in c.values)
    ]


def test_last_month_agrees_with_december(seeds_run):
    ids = ids_by_prefix(seeds_run)
    story = the_story(seeds_run)
    december = claims_with(story, ids["000"], "December 2025")
    assert december, "the 'December 2025' value must be part of a claim"
    both = [c for c in december if any(v.article_id == ids["001"] and "last month" in v.text.lower() for v in c.values)]
    assert both, "'last month' (Jan 2026) and 'December 2025' must fall in one claim"
    assert all(c.status not in ("conflicting",) for c in both)


def test_jcs_count_differs(seeds_run):
    ids = ids_by_prefix(seeds_run)
    story = the_story(seeds_run)
    several = claims_with(story, ids["001"], "several")
    assert several
    flagged = [c for c in several if c.status in ("conflicting", "divergent", "evolving")]
    assert flagged, [(c.status, c.text) for c in several]


@pytest.mark.parametrize("needle", ["3:50", "80 k"])
def test_single_source_specifics(seeds_run, needle):
    ids = ids_by_prefix(seeds_run)
    story = the_story(seeds_run)
    found = claims_with(story, ids["002"], needle)
    assert found, f"no claim carries {needle!r} from the expanded rewrite"
    assert any(c.status == "single-source" and c.independent_sources == 1 for c in found)
    for claim in found:
        assert claim.mentions and all(m.text for m in claim.mentions)
