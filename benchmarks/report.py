"""Report benchmark: time and size of the brief and the four outputs on a large synthetic story.

No published anchor exists for report rendering; the figure that matters to a user is that
the outputs of a large story are written in well under the time the analysis takes, and that
report.html stays small enough to open on a phone.  The story is generated here (seeded):
N articles of S sentences; each of F facts is stated by a random subset of the articles, with
random statuses; articles fall into G independence groups.

Usage: python benchmarks/report.py [--articles 60] [--sentences 40] [--facts 800] [--groups 15]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from newsfuse.brief import write_brief
from newsfuse.model import (
    Article, Claim, Mention, ReuseLink, RunResult, Sentence, SourceGroup, Story, StoryResult, Value,
)
from newsfuse.report import dump_json, render_html, render_markdown, to_json, write_claims_csv

STATUSES = ("corroborated", "single-source", "conflicting", "divergent", "evolving")


def build(n_articles: int, n_sentences: int, n_facts: int, n_groups: int, seed: int = 7) -> RunResult:
    rng = random.Random(seed)
    t0 = datetime(2026, 5, 4, 6, 0, tzinfo=timezone.utc)
    facts = [f"Officials in district {f % 13} said that item {f} rose by {f % 50 + 2} units after the storm."
             for f in range(n_facts)]
    placed: dict[int, list[tuple[str, int]]] = {}
    articles, sentences = [], []
    for i in range(n_articles):
        aid = f"art{i:03d}"
        chosen = rng.sample(range(n_facts), n_sentences)
        text, spans = "", []
        for j, f in enumerate(chosen):
            if j:
                text += "\n\n" if j % 3 == 0 else " "
            spans.append(Sentence(aid, j, facts[f], len(text), len(text) + len(facts[f])))
            text += facts[f]
            placed.setdefault(f, []).append((aid, j))
        articles.append(Article(aid, f"bench/{aid}.txt", text, title=f"Report {i}", outlet=f"Outlet {i % 23}",
                                published=t0 + timedelta(minutes=17 * i), language="en"))
        sentences.extend(spans)
    group_of = {a.id: f"g{k % n_groups}" for k, a in enumerate(articles)}
    claims = []
    for f, nodes in sorted(placed.items()):
        status = "single-source" if len(nodes) == 1 else rng.choice(STATUSES)
        mentions = tuple(Mention(aid, j, facts[f]) for aid, j in nodes)
        values = tuple(Value("count", str(f % 50 + 2), str(f % 50 + 2), aid, j, key=f"item {f}",
                             low=f % 50 + 2, high=f % 50 + 2) for aid, j in nodes)
        sides = (((str(f % 50 + 2)), tuple(a for a, _ in nodes[:1])), (str(f % 50 + 3), tuple(a for a, _ in nodes[1:]))) \
            if status in ("conflicting", "divergent", "evolving") else ()
        claims.append(Claim(f"c{f:05d}", facts[f], status, mentions, len({group_of[a] for a, _ in nodes}),
                            values, f"item {f}", "synthetic", sides))
    groups = tuple(SourceGroup(g, tuple(a for a in group_of if group_of[a] == g)) for g in sorted(set(group_of.values())))
    links = tuple(ReuseLink(articles[i].id, articles[i + 1].id, "paraphrase", 0.3, True)
                  for i in range(0, n_articles - 1, 2))
    story = Story("bench", "Synthetic storm story", tuple(a.id for a in articles), articles[0].published,
                  articles[-1].published)
    by_article: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_article.setdefault(s.article_id, []).append(s)
    start = time.perf_counter()
    brief = write_brief(story, articles, by_article, claims, groups)
    build.brief_seconds = time.perf_counter() - start  # type: ignore[attr-defined]
    result = StoryResult(story, links, groups, tuple(claims), brief)
    return RunResult(tuple(articles), tuple(sentences), (), (result,), (), (("bench", "1"),))


def timed(fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="report benchmark")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--sentences", type=int, default=40)
    parser.add_argument("--facts", type=int, default=800)
    parser.add_argument("--groups", type=int, default=15)
    args = parser.parse_args(argv)
    run = build(args.articles, args.sentences, args.facts, args.groups)
    n_claims = len(run.stories[0].claims)
    print(f"story: {args.articles} articles x {args.sentences} sentences, {n_claims} claims, {args.groups} groups")
    print(f"write_brief      {build.brief_seconds:7.3f} s")  # type: ignore[attr-defined]
    data, t = timed(to_json, run)
    text, t2 = timed(dump_json, data)
    print(f"to_json+dump     {t + t2:7.3f} s   result.json {len(text.encode()) / 1e6:6.2f} MB")
    md, t = timed(render_markdown, run)
    print(f"render_markdown  {t:7.3f} s   report.md   {len(md.encode()) / 1e6:6.2f} MB")
    html, t = timed(render_html, run)
    print(f"render_html      {t:7.3f} s   report.html {len(html.encode()) / 1e6:6.2f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        _, t = timed(write_claims_csv, run, Path(tmp) / "claims.csv")
    print(f"write_claims_csv {t:7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
