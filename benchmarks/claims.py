"""Claims benchmark: conflicts, evolving figures and agreements on the labelled stories.

Runs the real stages (segment → values → reuse → claims) on every story in
``benchmarks/data/claims/*.json`` and prints precision and recall of

* conflicts   (expected ``conflict``  ↔ predicted status ``conflicting``),
* evolving    (expected ``evolving``  ↔ predicted status ``evolving``),
* agreements  (expected ``agreement`` ↔ predicted status ``corroborated``).

Matching.  A predicted claim *covers* an expected item when, for at least two of the item's
mentioned articles, the claim holds a value from that article whose surface text contains the
mentioned text or is contained in it (case-insensitive, whole words).  An expected item is
found when a claim with the matching status covers it.  A predicted conflicting / evolving
*value* claim is a true positive when it covers an expected item of that relation (statement
claims echo the statuses of the value claims they hold; ``--with-statements`` counts them too).  Agreement
precision is taken over predicted corroborated *value* claims whose values have at least two
different surface forms (agreement after normalisation); agreements are not labelled
exhaustively, so that precision is a lower bound; ``--show-agreements`` prints the predicted
agreements that cover no labelled item, to review them.

Several data directories may be given; each is scored and printed on its own (a held-out set
is never pooled with the set the rules were written from).

Usage: python benchmarks/claims.py [--no-embed] [--verbose] [--show-agreements] [--joins HOW]
       [--grouping-model FILE] [DATA_DIR ...]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import datetime
from pathlib import Path

from newsfuse.claims import build_claims
from newsfuse.model import Article, Claim, Story
from newsfuse.quotes import KEY as QUOTE_KEY
from newsfuse.segment import split_sentences

DATA = Path(__file__).resolve().parent / "data" / "claims"
STATUS = {"conflict": "conflicting", "evolving": "evolving", "agreement": "corroborated"}


def load_story(path: Path) -> tuple[dict, list[Article]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = [
        Article(
            id=a["id"],
            source=f"{path.name}#{a['id']}",
            text=a["text"],
            title=a.get("title"),
            outlet=a.get("outlet"),
            published=datetime.fromisoformat(a["published"]),
            published_how="benchmark",
        )
        for a in data["articles"]
    ]
    return data, articles


def run_story(articles: list[Article], embedder, **claim_options) -> tuple[Claim, ...]:
    from newsfuse.reuse import link_story
    from newsfuse.values import extract_values

    sentences = {a.id: split_sentences(a) for a in articles}
    values = [v for a in articles for s in sentences[a.id] for v in extract_values(a, s)]
    links, groups = link_story(articles, sentences, embedder=embedder)
    ordered = sorted(articles, key=lambda a: a.published)
    story = Story("bench", "bench", tuple(a.id for a in ordered), ordered[0].published, ordered[-1].published)
    return build_claims(story, articles, sentences, values, links, groups, embedder=embedder, **claim_options)


def _contains(a: str, b: str) -> bool:
    """Whether ``b`` occurs in ``a`` as whole words (so "2" does not match inside "12")."""
    a, b = a.casefold().strip(), b.casefold().strip()
    if not b:
        return False
    return re.search(r"(?<!\w)" + re.escape(b) + r"(?!\w)", a) is not None


def covers(claim: Claim, item: dict) -> bool:
    hits = set()
    for m in item["mentions"]:
        for v in claim.values:
            if v.article_id == m["article"] and (_contains(v.text, m["text"]) or _contains(m["text"], v.text)):
                hits.add(m["article"])
                break
    return len(hits) >= 2


def _where(claims: tuple[Claim, ...], item: dict) -> list[str]:
    """For a missed item: which value claim holds each mention, with its key and status."""
    lines = []
    for m in item["mentions"]:
        hits = [
            (c, v)
            for c in claims
            if c.key
            for v in c.values
            if v.article_id == m["article"] and (_contains(v.text, m["text"]) or _contains(m["text"], v.text))
        ]
        if not hits:
            lines.append(f"       {m['article']:>4} {m['text']!r}: no value")
        for c, v in hits[:3]:
            lines.append(
                f"       {m['article']:>4} {m['text']!r}: {v.type} key={v.key!r} norm={v.normalized!r} "
                f"claimant={v.claimant!r} -> claim {c.id[:6]} {c.status}"
            )
    return lines


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def _agreement_line(claim: Claim) -> str:
    forms = " | ".join(
        f"{v.article_id}:{v.text!r}={v.normalized}" for v in claim.values
    )
    return f"key={claim.key} [{forms}]"


def evaluate(
    files, embedder=None, *, log=None, show_agreements=None, with_statements: bool = False, **claim_options
) -> dict[str, dict[str, int]]:
    """Tallies per relation: tp (true-positive predictions), pred, found, expected.

    ``log`` receives misses and false positives; ``show_agreements`` receives the predicted
    agreements (corroborated value claims with two or more surface forms) that cover no
    labelled agreement — not necessarily wrong, since agreements are not labelled exhaustively.
    Statement claims (aligned sentences) take their status from the value claims of the
    figures they hold, so they are echoes, not predictions of their own; ``with_statements``
    counts them too (the scoring of earlier rounds).
    """
    tally = new_tally()
    for path in files:
        data, articles = load_story(path)
        claims = run_story(articles, embedder, **claim_options)
        score_story(data, claims, tally, log=log, show_agreements=show_agreements, with_statements=with_statements)
    return tally


def new_tally() -> dict[str, dict[str, int]]:
    return {rel: {"tp": 0, "pred": 0, "found": 0, "expected": 0} for rel in STATUS}


def score_story(
    data: dict, claims, tally: dict[str, dict[str, int]], *, log=None, show_agreements=None,
    with_statements: bool = False,
) -> None:
    """Add one story's predictions to ``tally`` (see ``evaluate`` for the arguments)."""
    expected = data["expected"]
    for rel, status in STATUS.items():
        items = [e for e in expected if e["relation"] == rel]
        # Quotation claims (quotes.py) are about wording, which these labels do not cover.
        predicted = [
            c for c in claims
            if c.status == status and (c.key or with_statements) and c.key != QUOTE_KEY
        ]
        if rel == "agreement":
            predicted = [
                c for c in predicted if c.key and len({v.text.casefold().strip() for v in c.values}) >= 2
            ]
        t = tally[rel]
        t["expected"] += len(items)
        t["pred"] += len(predicted)
        for e in items:
            if any(covers(c, e) for c in predicted):
                t["found"] += 1
            elif log:
                log(f"  MISS {rel} [{data['story']}] {e['about']}: {[m['text'] for m in e['mentions']]}")
                for line in _where(claims, e):
                    log(line)
        for c in predicted:
            if any(covers(c, e) for e in items):
                t["tp"] += 1
            elif rel == "agreement":
                if show_agreements:
                    show_agreements(f"  UNLABELLED agreement [{data['story']}] {_agreement_line(c)}")
            elif log:
                log(f"  FP   {rel} [{data['story']}] {c.key}: {c.explanation[:160]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="*", default=[str(DATA)], help="directories of labelled stories")
    ap.add_argument("--no-embed", action="store_true", help="run reuse without sentence embeddings")
    ap.add_argument("-v", "--verbose", action="store_true", help="print misses and false positives")
    ap.add_argument(
        "--show-agreements", action="store_true",
        help="print predicted agreements that cover no labelled item (to review or label)",
    )
    ap.add_argument(
        "--with-statements", action="store_true",
        help="also count statement claims as predictions (they echo the value claims' statuses)",
    )
    ap.add_argument(
        "--joins", choices=("model", "rules", "both", "none"), default=None,
        help="how buckets keyed apart are joined over a story (default: the library's)",
    )
    ap.add_argument(
        "--grouping-model", type=Path, default=None,
        help="a grouping model file (.npz, from benchmarks/grouping.py --fit --out) instead of the shipped one",
    )
    args = ap.parse_args(argv)
    claim_options: dict = {}
    if args.joins:
        claim_options["joins"] = args.joins
    if args.grouping_model:
        from newsfuse.grouping import read_models

        claim_options["grouping_models"] = read_models(args.grouping_model)
    sets = [(d, sorted(Path(d).glob("*.json"))) for d in args.data]
    for d, files in sets:
        if not files:
            print(f"no labelled stories in {d}", file=sys.stderr)
            return 1
    embedder = None
    if not args.no_embed:
        from newsfuse.embed import load_embedder

        embedder = load_embedder()
    for d, files in sets:
        started = time.perf_counter()
        tally = evaluate(
            files, embedder, log=print if args.verbose else None,
            show_agreements=print if args.show_agreements else None,
            with_statements=args.with_statements, **claim_options,
        )
        elapsed = time.perf_counter() - started
        print(f"data: {d}")
        print(f"stories: {len(files)}  embedder: {getattr(embedder, 'name', 'none')}  time: {elapsed:.1f}s")
        for rel, t in tally.items():
            print(
                f"{rel:10s} precision {_ratio(t['tp'], t['pred']):.3f} ({t['tp']}/{t['pred']})  "
                f"recall {_ratio(t['found'], t['expected']):.3f} ({t['found']}/{t['expected']})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
