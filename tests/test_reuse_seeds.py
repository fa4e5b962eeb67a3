"""Who copied whom on the five seed articles (../shared/seeds), through clean → segment → reuse.

The expectations are the analyst's findings in ../shared/seeds/FINDINGS.md; nothing in
newsfuse knows these files.  Skips when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.clean import clean
from newsfuse.model import RawDocument
from newsfuse.reuse import link_story, to_dot
from newsfuse.segment import split_sentences

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds(embedder):
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (../shared is absent)")
    articles = [
        clean(RawDocument(source=str(p), kind="text", content=p.read_text(encoding="utf-8")))
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    prefix = {a.id: Path(a.source).name[:3] for a in articles}
    sentences = {a.id: split_sentences(a) for a in articles}
    links, groups = link_story(articles, sentences, embedder=embedder)
    return articles, prefix, links, groups


def between(seeds, x: str, y: str):
    _, prefix, links, _ = seeds
    for link in links:
        if {prefix[link.source], prefix[link.target]} == {x, y}:
            return link
    return None


def test_wire_editions_are_versions_with_changes_listed(seeds):
    link = between(seeds, "000", "001")
    assert link is not None and link.kind == "version", link
    assert len(link.changed) >= 3
    assert all(0 <= s and 0 <= t for s, t in link.changed)


@pytest.mark.parametrize("edition", ["000", "001"])
def test_paraphrase_of_the_wire_story(seeds, edition):
    _, prefix, _, _ = seeds
    link = between(seeds, "003", edition)
    assert link is not None and link.kind == "paraphrase", link
    assert prefix[link.source] == edition and link.directed  # the credited wire text is the source
    assert len(link.pairs) >= 10


def test_expanded_rewrites(seeds):
    _, prefix, links, _ = seeds
    link = between(seeds, "002", "001")
    assert link is not None and link.kind == "expansion" and prefix[link.target] == "002", link
    assert len(link.added) > len(link.pairs)
    involving_004 = [l for l in links if "004" in (prefix[l.source], prefix[l.target])]
    assert any(l.kind == "expansion" for l in involving_004), [(l.kind, l.reason) for l in involving_004]


def test_wire_family_is_one_source(seeds):
    articles, prefix, _, groups = seeds
    members = sorted(aid for g in groups for aid in g.articles)
    assert members == sorted(a.id for a in articles)  # a partition
    family = next(g for g in groups if any(prefix[a] == "000" for a in g.articles))
    assert {prefix[a] for a in family.articles} == {"000", "001", "003"}


def test_graph_export(seeds):
    articles, _, links, groups = seeds
    dot = to_dot(links, groups, articles)
    assert dot.count("->") == len(links)
