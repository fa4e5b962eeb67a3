"""report.html: one self-contained page per run (no network: CSS and JS are inlined).

Safety: every string that comes from an article goes through Jinja2's autoescape; the data
for the page's script is embedded with ``tojson`` (which escapes ``<``, ``>``, ``&`` and
quotes, so ``</script>`` in an article cannot close the block); the script attaches its
listeners with ``addEventListener`` — no inline handler is ever built from data.

The provenance graph's layout is computed here, deterministically: articles on a time axis
(publication order) and one lane per independence group, edges drawn as arcs so that links
between articles of one lane stay apart.
"""

from __future__ import annotations

import base64
import hashlib
import math
from datetime import datetime
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..model import Article, Claim, RunResult, Sentence, StoryResult
from .common import (
    LINK_KINDS,
    SECTION_LABELS,
    STATUS_HELP,
    STATUS_LABELS,
    STATUS_RANK,
    STATUSES,
    article_name,
    independent_count,
    numbering,
    status_counts,
    story_articles,
)
from .jsonout import event_json, sentences_by_article

# Categorical colours for independence groups (Tableau 10: distinct, print-safe).
GROUP_COLOURS = (
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2",
    "#edc948", "#e15759", "#9c755f", "#ff9da7", "#bab0ac",
)


@lru_cache(maxsize=1)
def _env() -> Environment:
    # Cached because building the environment is pure and costs template parsing each time.
    env = Environment(
        loader=PackageLoader("newsfuse.report", "templates"),
        autoescape=select_autoescape(["html", "j2", "svg"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def _script(env: Environment) -> str:
    source, _, _ = env.loader.get_source(env, "report.js")  # type: ignore[union-attr]
    return source


def _when(dt: datetime | None) -> str:
    if dt is None:
        return "date unknown"
    text = dt.strftime("%d %b %Y, %H:%M").lstrip("0")
    if dt.tzinfo is not None:
        offset = dt.strftime("%z")
        text += " UTC" if offset in ("+0000", "") else f" {offset[:3]}:{offset[3:]}"
    return text


def _cites(ids, numbers: dict[str, int], info: dict[str, dict]) -> list[dict]:
    return [info[a] for a in sorted(set(ids), key=lambda a: numbers.get(a, 1 << 30)) if a in info]


def _segments(article: Article, sentences: list[Sentence], claims_at: dict) -> list[dict]:
    """The article's text cut into plain stretches and sentences tagged with their claims."""
    out: list[dict] = []
    pos = 0
    text = article.text
    for s in sentences:
        if s.start < pos or s.end > len(text):
            continue  # overlapping or stale span: keep the text whole rather than garble it
        if s.start > pos:
            out.append({"text": text[pos : s.start]})
        found: list[Claim] = claims_at.get((article.id, s.index), [])
        seg: dict = {"text": text[s.start : s.end], "index": s.index}
        if found:
            best = max(found, key=lambda c: (STATUS_RANK[c.status], not c.key))
            link = next((c for c in found if not c.key), found[0])
            seg.update(status=best.status, claim=link.id, claims=" ".join(c.id for c in found))
        out.append(seg)
        pos = s.end
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out


def _graph(articles: list[Article], story: StoryResult, numbers: dict[str, int], prefix: str) -> dict:
    """Nodes on a time axis, one lane per independence group; edges as arcs."""
    group_index: dict[str, int] = {}
    lanes: list[str] = []
    for g in story.groups:
        for aid in g.articles:
            group_index.setdefault(aid, len(lanes))
        lanes.append(g.id)
    for a in articles:
        if a.id not in group_index:
            group_index[a.id] = len(lanes)
            lanes.append(f"alone:{a.id}")
    used_lanes = sorted({group_index[a.id] for a in articles})
    lane_row = {lane: i for i, lane in enumerate(used_lanes)}
    step, lane_h, margin = 132, 92, 56
    width = max(2 * margin + step * max(len(articles) - 1, 1), 360)
    height = 2 * margin + lane_h * max(len(used_lanes) - 1, 0) + 24
    pos: dict[str, tuple[float, float]] = {}
    nodes = []
    for i, a in enumerate(articles):
        x = margin + (step * i if len(articles) > 1 else (width - 2 * margin) / 2)
        y = margin + lane_h * lane_row[group_index[a.id]]
        pos[a.id] = (x, y)
        name = article_name(a)
        nodes.append({
            "x": round(x, 1), "y": round(y, 1), "num": numbers[a.id], "id": a.id,
            "colour": GROUP_COLOURS[group_index[a.id] % len(GROUP_COLOURS)],
            "label": name if len(name) <= 16 else name[:15] + "…",
            "title": f"[{numbers[a.id]}] {name}: {a.title or ''}",
        })
    edges = []
    for k, link in enumerate(story.links):
        if link.source not in pos or link.target not in pos:
            continue
        (x1, y1), (x2, y2) = pos[link.source], pos[link.target]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1.0
        r = 19.0  # node radius + gap, so arrows end at the circle's edge
        bend = 0.18 * dist * (1 if k % 2 == 0 else -1)
        cx, cy = (x1 + x2) / 2 - dy / dist * bend, (y1 + y2) / 2 + dx / dist * bend
        sx, sy = _toward(x1, y1, cx, cy, r)
        ex, ey = _toward(x2, y2, cx, cy, r)
        edges.append({
            "d": f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}",
            "kind": link.kind,
            "directed": link.directed,
            "marker": f"{prefix}-arrow-{link.kind}",
            "title": f"[{numbers[link.source]}] {'→' if link.directed else '—'} [{numbers[link.target]}] "
            f"{link.kind} ({link.score:.2f}) {link.reason}".strip(),
        })
    return {
        "width": round(width), "height": round(height), "nodes": nodes, "edges": edges,
        "kinds": [k for k in LINK_KINDS if any(e["kind"] == k for e in edges)],
        "lanes": len(used_lanes),
    }


def _toward(x: float, y: float, tx: float, ty: float, r: float) -> tuple[float, float]:
    dx, dy = tx - x, ty - y
    d = math.hypot(dx, dy) or 1.0
    return x + dx / d * r, y + dy / d * r


def _timeline(articles: list[Article], numbers: dict[str, int], story: StoryResult) -> dict:
    dated = [a for a in articles if a.published is not None]
    width, margin = 520, 36
    points = []
    if dated:
        t0 = min(a.published.timestamp() for a in dated)  # type: ignore[union-attr]
        t1 = max(a.published.timestamp() for a in dated)  # type: ignore[union-attr]
        span = t1 - t0
        for i, a in enumerate(sorted(dated, key=lambda a: (a.published, numbers[a.id]))):
            t = a.published.timestamp()  # type: ignore[union-attr]
            x = margin + ((t - t0) / span * (width - 2 * margin) if span else (width - 2 * margin) / 2)
            points.append({
                "x": round(x, 1), "num": numbers[a.id], "when": _when(a.published),
                "name": article_name(a), "row": i % 2,
            })
        start, end = _when(min(a.published for a in dated)), _when(max(a.published for a in dated))  # type: ignore[type-var]
    else:
        start = end = ""
    published = {a.id: a.published for a in articles}
    evolving = []
    for c in story.claims:
        if c.status != "evolving" or not c.key:
            continue
        steps = sorted(
            c.values,
            key=lambda v: (published.get(v.article_id) is None,
                           published[v.article_id].timestamp() if published.get(v.article_id) else 0,
                           numbers.get(v.article_id, 0)),
        )
        seen: set[tuple[str, str]] = set()
        rows = []
        for v in steps:
            if (v.article_id, v.normalized) in seen or v.article_id not in numbers:
                continue
            seen.add((v.article_id, v.normalized))
            value = v.normalized or v.text
            if rows and rows[-1]["value"] == value:
                rows[-1]["nums"].append(numbers[v.article_id])  # same level, one more report
                continue
            rows.append({"value": value, "nums": [numbers[v.article_id]],
                         "when": _when(published.get(v.article_id))})
        evolving.append({"key": c.key, "claim": c.id, "steps": rows})
    undated = [numbers[a.id] for a in articles if a.published is None]
    return {"width": width, "points": points, "start": start, "end": end,
            "evolving": evolving, "undated": undated}


def _story_view(run: RunResult, s: StoryResult, index: int, by_article: dict) -> dict:
    articles = story_articles(run, s)
    numbers = numbering(articles)
    prefix = f"s{index}"
    group_of = {aid: g.id for g in s.groups for aid in g.articles}
    info = {
        a.id: {"num": numbers[a.id], "name": article_name(a), "title": a.title or "", "when": _when(a.published),
               "anchor": f"{prefix}-a{numbers[a.id]}"}
        for a in articles
    }
    claims = {c.id: c for c in s.claims}
    claims_at: dict[tuple[str, int], list[Claim]] = {}
    for c in s.claims:
        for m in c.mentions:
            claims_at.setdefault((m.article_id, m.sentence_index), []).append(c)
    unconfirmed = {aid: (n, total) for aid, n, total in s.unconfirmed}
    graph = _graph(articles, s, numbers, prefix)
    colour = {n["id"]: n["colour"] for n in graph["nodes"]}

    sections: list[dict] = []
    for b in s.brief.sentences:
        if not sections or sections[-1]["key"] != b.section:
            sections.append({"key": b.section, "label": SECTION_LABELS.get(b.section, b.section.title()), "items": []})
        claim = claims.get(b.claim_id)
        sections[-1]["items"].append({
            "text": b.text, "claim": b.claim_id, "status": claim.status if claim else "corroborated",
            "sources": b.independent_sources, "cites": _cites(b.articles, numbers, info),
        })
    disagreements = []
    for cid in s.brief.disagreements:
        c = claims[cid]
        sides = [{"value": value, "cites": _cites(arts, numbers, info)} for value, arts in c.sides]
        disagreements.append({"claim": c.id, "text": c.text, "status": c.status, "sides": sides, "key": c.key,
                              "cites": _cites([m.article_id for m in c.mentions], numbers, info),
                              "explanation": c.explanation})
    single = [
        {"claim": cid, "text": claims[cid].text,
         "cites": _cites([m.article_id for m in claims[cid].mentions], numbers, info)}
        for cid in s.brief.single_source
    ]
    matrix = []
    for c in s.claims:
        present = {m.article_id for m in c.mentions}
        matrix.append({
            "id": c.id, "text": c.text, "status": c.status, "sources": c.independent_sources, "key": c.key,
            "explanation": c.explanation,
            "cells": [{"num": numbers[a.id], "on": a.id in present} for a in articles],
        })
    event = event_json(s.brief)
    evolving = {c.key for c in s.claims if c.status == "evolving" and c.key}
    event_rows = []

    def row(f: dict, label: str) -> dict:
        # An evolving figure's other values are its history, not a dispute.
        return dict(f, label=label, cites=_cites(f["articles"], numbers, info), evolving=f["name"] in evolving)

    for name in ("what", "when", "where"):
        if event[name]:
            event_rows.append(row(event[name], name))
        if name == "what":
            event_rows.extend(row(f, "who") for f in event["who"])
    event_rows.extend(row(f, f["name"]) for f in event["figures"])
    groups_view = []
    for g in s.groups:
        nums = sorted(numbers[a] for a in g.articles if a in numbers)
        if nums:
            first = next(a for a in articles if numbers[a.id] == nums[0])
            groups_view.append({"nums": nums, "reason": g.reason, "colour": colour.get(first.id, GROUP_COLOURS[0])})
    grouped = {aid for g in s.groups for aid in g.articles}
    for a in articles:
        if a.id not in grouped:  # an article in no group is a source of its own
            groups_view.append({"nums": [numbers[a.id]], "reason": "", "colour": colour[a.id]})
    article_views = []
    for a in articles:
        n, total = unconfirmed.get(a.id, (None, None))
        article_views.append({
            "num": numbers[a.id], "id": a.id, "anchor": info[a.id]["anchor"], "name": article_name(a),
            "title": a.title, "when": _when(a.published), "how": a.published_how, "language": a.language,
            "wire": ", ".join(a.wire_credits), "dateline": a.dateline, "source": a.source, "url": a.url,
            "colour": colour.get(a.id, GROUP_COLOURS[0]), "group": group_of.get(a.id, ""),
            "segments": _segments(a, by_article.get(a.id, []), claims_at),
            "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
            "unconfirmed": n, "specific": total,
        })
    payload = {
        "id": prefix,
        "claims": {
            c.id: {"status": c.status, "sentences": [f"{m.article_id}:{m.sentence_index}" for m in c.mentions]}
            for c in s.claims
        },
    }
    return {
        "prefix": prefix, "id": s.story.id, "label": s.story.label, "start": _when(s.story.start) if s.story.start else "",
        "end": _when(s.story.end) if s.story.end else "", "n_articles": len(articles),
        "n_sources": independent_count(s), "n_claims": len(s.claims), "counts": status_counts(s.claims),
        "sections": sections, "disagreements": disagreements, "single": single, "matrix": matrix,
        "event": event_rows, "articles": article_views, "groups": groups_view, "graph": graph,
        "timeline": _timeline(articles, numbers, s), "payload": payload,
        "links": [
            {"source": numbers.get(link.source), "target": numbers.get(link.target), "kind": link.kind,
             "score": link.score, "directed": link.directed, "reason": link.reason,
             "changed": len(link.changed), "added": len(link.added)}
            for link in s.links
        ],
    }


def render_html(run: RunResult) -> str:
    """The whole run as one HTML page that needs nothing but a browser."""
    by_article = sentences_by_article(run)
    stories = [_story_view(run, s, i, by_article) for i, s in enumerate(run.stories, 1)]
    settings = dict(run.settings)
    env = _env()
    template = env.get_template("report.html.j2")
    script = _script(env)
    return template.render(
        script=Markup(script),
        # The page's Content-Security-Policy allows exactly this script and nothing else: an
        # injected script (were escaping ever to fail) would not run, nor fetch anything.
        script_hash="sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii"),
        stories=stories,
        errors=[{"input": e.input, "reason": e.reason} for e in run.errors],
        n_articles=len(run.articles),
        settings=sorted(settings.items()),
        statuses=STATUSES,
        status_labels=STATUS_LABELS,
        status_help=STATUS_HELP,
        link_kinds=LINK_KINDS,
        payload={"stories": [s["payload"] for s in stories]},
        unassigned=[
            {"id": a.id, "name": article_name(a), "title": a.title}
            for a in run.articles
            if not any(a.id in s.story.articles for s in run.stories)
        ],
    )
