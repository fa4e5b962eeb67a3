"""report.md: the brief and its evidence as Markdown, for pasting into notes and tickets.

Citations are numbers ``[1]`` per story, listed under "Articles".  Article text is escaped
so that pasted Markdown renders it as text: no HTML tags, links or tables come from it.
"""

from __future__ import annotations

import re

from ..model import Claim, RunResult, StoryResult
from .common import (
    SECTION_LABELS,
    STATUS_LABELS,
    article_name,
    independent_count,
    numbering,
    status_counts,
    story_articles,
)

# Characters that Markdown or inline HTML would interpret.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#!~])")


def md_escape(text: str | None) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def _cite(article_ids, numbers: dict[str, int]) -> str:
    return "".join(f"[{numbers[a]}]" for a in sorted(set(article_ids), key=lambda a: numbers.get(a, 0)) if a in numbers)


def _sources(n: int) -> str:
    return f"{n} independent source" + ("" if n == 1 else "s")


def _story(run: RunResult, s: StoryResult) -> list[str]:
    articles = story_articles(run, s)
    numbers = numbering(articles)
    claims = {c.id: c for c in s.claims}
    counts = status_counts(s.claims)
    lines = [f"## {md_escape(s.story.label)}", ""]
    summary = ", ".join(f"{n} {STATUS_LABELS[k].lower()}" for k, n in counts.items() if n)
    lines.append(
        f"{len(articles)} articles, {_sources(independent_count(s))}, {len(s.claims)} claims"
        + (f" ({summary})" if summary else "")
        + "."
    )
    lines += ["", "### Brief", ""]
    if not s.brief.sentences:
        lines.append("_No statement is carried by two independent sources._")
    section = None
    for b in s.brief.sentences:
        if b.section != section:
            section = b.section
            lines += [f"**{SECTION_LABELS.get(section, section.title())}**", ""]
        lines.append(f"- {md_escape(b.text)} {_cite(b.articles, numbers)} ({_sources(b.independent_sources)})")
        lines.append("")
    if s.brief.disagreements:
        lines += ["", "### Sources disagree", ""]
        for cid in s.brief.disagreements:
            lines.append(_disagreement(claims[cid], numbers))
    if s.brief.single_source:
        lines += ["", "### Reported by one source", ""]
        for cid in s.brief.single_source:
            c = claims[cid]
            lines.append(f"- {md_escape(c.text)} {_cite([m.article_id for m in c.mentions], numbers)}")
    if s.brief.event:
        lines += ["", "### Event record", "", "| field | value | support | articles | conflicts |", "|---|---|---|---|---|"]
        for f in s.brief.event:
            lines.append(
                f"| {md_escape(f.name)} | {md_escape(f.value)} | {f.support} | {_cite(f.articles, numbers)} "
                f"| {md_escape('; '.join(f.conflicts))} |"
            )
    unconfirmed = {aid: (n, total) for aid, n, total in s.unconfirmed}
    lines += ["", "### Articles", ""]
    for a in articles:
        when = a.published.isoformat() if a.published else "date unknown"
        extra = ""
        if a.id in unconfirmed:
            n, total = unconfirmed[a.id]
            extra = f" — {n} of {total} specific details unconfirmed by another source"
        lines.append(
            f"{numbers[a.id]}. {md_escape(article_name(a))}: {md_escape(a.title or '(no title)')} "
            f"({when}, `{a.id}`){extra}"
        )
    if s.links:
        lines += ["", "### Links", ""]
        for link in s.links:
            arrow = "→" if link.directed else "—"
            src, dst = numbers.get(link.source), numbers.get(link.target)
            lines.append(
                f"- [{src}] {arrow} [{dst}] {link.kind} ({link.score:.2f})"
                + (f": {md_escape(link.reason)}" if link.reason else "")
            )
    if s.groups:
        lines += ["", "### Independent sources", ""]
        for g in s.groups:
            lines.append(
                f"- {_cite(g.articles, numbers)}" + (f": {md_escape(g.reason)}" if g.reason else "")
            )
    return lines


def _disagreement(c: Claim, numbers: dict[str, int]) -> str:
    label = STATUS_LABELS[c.status].lower()
    head = f"- {md_escape(c.text)} ({label})"
    if not c.sides:
        return head + f" {_cite([m.article_id for m in c.mentions], numbers)}"
    sides = " vs ".join(f"**{md_escape(value)}** {_cite(arts, numbers)}" for value, arts in c.sides)
    return f"{head}: {sides}"


def render_markdown(run: RunResult) -> str:
    lines = ["# newsfuse report", ""]
    lines.append(f"{len(run.articles)} articles, {len(run.stories)} stories, {len(run.errors)} errors.")
    for s in run.stories:
        lines += [""] + _story(run, s)
    if run.errors:
        lines += ["", "## Errors", ""]
        for e in run.errors:
            name = e.input.replace("`", "'")
            lines.append(f"- `{name}`: {md_escape(e.reason)}")
    return "\n".join(lines).rstrip() + "\n"
