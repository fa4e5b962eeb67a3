"""result.json: every record of a run as plain JSON (schema: docs/schema/result.schema.json).

Named ``jsonout`` so that ``import json`` inside this package still means the stdlib.
The layout follows the records in :mod:`newsfuse.model`; names are spelled out for readers
who never saw the Python side (``sentence`` not ``sentence_index``).  Infinite interval ends
("at least two" → [2, ∞)) become ``null``: JSON has no infinity.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime

from ..model import (
    Article,
    Brief,
    Claim,
    EventField,
    ReuseLink,
    RunResult,
    Sentence,
    StoryResult,
    Value,
)

SCHEMA_VERSION = "1"
EVENT_FIELDS = ("what", "who", "when", "where")


def _time(when: datetime | None) -> str | None:
    return when.isoformat() if when is not None else None


def _num(x: float | None) -> float | None:
    if x is None or not math.isfinite(x):
        return None
    return x


def story_of(run: RunResult) -> dict[str, str]:
    """Article id → story id (an article belongs to at most one story)."""
    return {aid: s.story.id for s in run.stories for aid in s.story.articles}


def sentences_by_article(run: RunResult) -> dict[str, list[Sentence]]:
    out: dict[str, list[Sentence]] = {}
    for s in run.sentences:
        out.setdefault(s.article_id, []).append(s)
    for ss in out.values():
        ss.sort(key=lambda s: s.index)
    return out


def article_json(a: Article, story: str | None, sentences: list[Sentence]) -> dict:
    return {
        "id": a.id,
        "source": a.source,
        "outlet": a.outlet,
        "title": a.title,
        "url": a.url,
        "published": _time(a.published),
        "published_how": a.published_how,
        "language": a.language,
        "wire_credits": list(a.wire_credits),
        "dateline": a.dateline,
        "story": story,
        "content_hash": a.content_hash,
        "text": a.text,
        "sentences": [{"index": s.index, "start": s.start, "end": s.end} for s in sentences],
        "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
    }


def value_json(v: Value) -> dict:
    return {
        "type": v.type,
        "text": v.text,
        "normalized": v.normalized,
        "article": v.article_id,
        "sentence": v.sentence_index,
        "key": v.key,
        "low": _num(v.low),
        "high": _num(v.high),
        "unit": v.unit,
        "precise": v.precise,
        "qualifier": v.qualifier,
        "claimant": v.claimant,
        "span": list(v.span),
    }


def link_json(link: ReuseLink) -> dict:
    return {
        "source": link.source,
        "target": link.target,
        "kind": link.kind,
        "score": round(link.score, 4),
        # When directed, ``source`` is the origin and ``target`` was derived from it.
        "direction": "source-to-target" if link.directed else "unknown",
        "pairs": [
            {"source": p.source, "target": p.target, "score": round(p.score, 4), "method": p.method}
            for p in link.pairs
        ],
        "changed": [list(pair) for pair in link.changed],
        "added": list(link.added),
        "reason": link.reason,
    }


def claim_json(c: Claim) -> dict:
    return {
        "id": c.id,
        "text": c.text,
        "status": c.status,
        "key": c.key,
        "independent_sources": c.independent_sources,
        "articles": [
            {"id": m.article_id, "sentence": m.sentence_index, "text": m.text} for m in c.mentions
        ],
        "values": [value_json(v) for v in c.values],
        "sides": [{"value": value, "articles": list(arts)} for value, arts in c.sides],
        "explanation": c.explanation,
    }


def field_json(f: EventField) -> dict:
    return {
        "name": f.name,
        "value": f.value,
        "support": f.support,
        "articles": list(f.articles),
        "conflicts": list(f.conflicts),
    }


def event_json(brief: Brief) -> dict:
    """The event record (schema: docs/schema/event.schema.json)."""
    first: dict[str, dict | None] = {"what": None, "when": None, "where": None}
    who: list[dict] = []
    figures: list[dict] = []
    for f in brief.event:
        if f.name == "who":
            who.append(field_json(f))
        elif f.name in first:
            if first[f.name] is None:
                first[f.name] = field_json(f)
        else:
            figures.append(field_json(f))
    return {"what": first["what"], "who": who, "when": first["when"], "where": first["where"], "figures": figures}


def brief_json(brief: Brief) -> dict:
    return {
        "sentences": [
            {
                "text": b.text,
                "claim": b.claim_id,
                "section": b.section,
                "articles": list(b.articles),
                "independent_sources": b.independent_sources,
            }
            for b in brief.sentences
        ],
        "disagreements": list(brief.disagreements),
        "single_source": list(brief.single_source),
    }


def story_to_json(run: RunResult, s: StoryResult) -> dict:
    """One story as JSON: the twin of its section in report.html (stored per story)."""
    del run  # the story record is self-contained; kept in the signature for callers
    return {
        "id": s.story.id,
        "label": s.story.label,
        "start": _time(s.story.start),
        "end": _time(s.story.end),
        "articles": list(s.story.articles),
        "links": [link_json(link) for link in s.links],
        "groups": [{"id": g.id, "articles": list(g.articles), "reason": g.reason} for g in s.groups],
        "claims": [claim_json(c) for c in s.claims],
        "brief": brief_json(s.brief),
        "event": event_json(s.brief),
        "unconfirmed": [
            {"article": aid, "unconfirmed": n, "specific": total} for aid, n, total in s.unconfirmed
        ],
    }


def to_json(run: RunResult) -> dict:
    """The whole run as a JSON-ready dict; deterministic for a given RunResult."""
    stories = story_of(run)
    by_article = sentences_by_article(run)
    settings: Mapping[str, str] = dict(run.settings)
    return {
        "schema_version": SCHEMA_VERSION,
        "settings": dict(sorted(settings.items())),
        "articles": [article_json(a, stories.get(a.id), by_article.get(a.id, [])) for a in run.articles],
        "stories": [story_to_json(run, s) for s in run.stories],
        "errors": [{"input": e.input, "reason": e.reason} for e in run.errors],
    }
