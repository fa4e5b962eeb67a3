"""Helpers shared by the Markdown and HTML reports: citation numbers, counts, labels."""

from __future__ import annotations

from ..model import Article, Claim, RunResult, StoryResult

STATUSES = ("corroborated", "evolving", "divergent", "conflicting", "single-source")
STATUS_LABELS = {
    "corroborated": "Corroborated",
    "evolving": "Evolving",
    "divergent": "Divergent",
    "conflicting": "Conflicting",
    "single-source": "Single source",
}
STATUS_HELP = {
    "corroborated": "stated by two or more independent sources that agree",
    "evolving": "a figure that changes as later reports come out",
    "divergent": "vague against precise, or different claimants",
    "conflicting": "independent sources give incompatible precise values",
    "single-source": "only one independent source states it",
}
# The most telling status wins when a sentence belongs to several claims.
STATUS_RANK = {"conflicting": 4, "evolving": 3, "divergent": 2, "corroborated": 1, "single-source": 0}
SECTION_LABELS = {
    "what": "What happened",
    "when": "When",
    "where": "Where",
    "who": "Who",
    "figures": "Figures",
    "reactions": "Reactions",
    "background": "Background",
}
LINK_KINDS = ("copy", "version", "paraphrase", "expansion", "summary", "independent")


def story_articles(run: RunResult, story: StoryResult) -> list[Article]:
    """The story's articles in the story's order (publication order where known)."""
    by_id = {a.id: a for a in run.articles}
    return [by_id[aid] for aid in story.story.articles if aid in by_id]


def numbering(articles: list[Article]) -> dict[str, int]:
    """Article id → citation number, 1-based, in story order."""
    return {a.id: i for i, a in enumerate(articles, 1)}


def article_name(a: Article) -> str:
    return a.outlet or a.title or a.source


def status_counts(claims: tuple[Claim, ...] | list[Claim]) -> dict[str, int]:
    counts = {s: 0 for s in STATUSES}
    for c in claims:
        counts[c.status] = counts.get(c.status, 0) + 1
    return counts


def independent_count(story: StoryResult) -> int:
    group_of = {aid: g.id for g in story.groups for aid in g.articles}
    return len({group_of.get(aid, aid) for aid in story.story.articles})
