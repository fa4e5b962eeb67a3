"""Check the labelled claims set: every mention is a verbatim substring of its article, and the set is big enough.

Usage: python benchmarks/data/claims/check.py [DATA_DIR]
Exits non-zero, naming the file and the item, when a label is wrong or a minimum is not reached.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

MINIMUMS = {"stories": 10, "conflict": 40, "evolving": 20, "agreement": 20}
RELATIONS = {"conflict", "evolving", "agreement"}


def check_story(path: Path) -> tuple[list[str], Counter]:
    errors: list[str] = []
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("story", "description", "articles", "expected"):
        if key not in data:
            errors.append(f"{path.name}: missing key {key!r}")
    articles = {}
    for a in data.get("articles", []):
        for key in ("id", "outlet", "published", "title", "text"):
            if key not in a:
                errors.append(f"{path.name}: article {a.get('id')!r} lacks {key!r}")
        if a.get("id") in articles:
            errors.append(f"{path.name}: duplicate article id {a['id']!r}")
        try:
            if datetime.fromisoformat(a["published"]).tzinfo is None:
                errors.append(f"{path.name}: article {a['id']!r} published has no UTC offset")
        except (KeyError, ValueError) as exc:
            errors.append(f"{path.name}: article {a.get('id')!r} bad published: {exc}")
        articles[a.get("id")] = a
    if not 3 <= len(articles) <= 6:
        errors.append(f"{path.name}: {len(articles)} articles, expected 3-6")
    counts: Counter = Counter()
    for n, item in enumerate(data.get("expected", [])):
        where = f"{path.name}: expected[{n}] ({item.get('about')!r})"
        rel = item.get("relation")
        if rel not in RELATIONS:
            errors.append(f"{where}: unknown relation {rel!r}")
            continue
        counts[rel] += 1
        mentions = item.get("mentions", [])
        if len({m["article"] for m in mentions}) < 2:
            errors.append(f"{where}: needs mentions from at least two articles")
        for m in mentions:
            art = articles.get(m["article"])
            if art is None:
                errors.append(f"{where}: unknown article {m['article']!r}")
            elif m["text"] not in art["text"]:
                errors.append(f"{where}: {m['text']!r} is not in the text of article {m['article']!r}")
        if rel == "evolving":
            times = [datetime.fromisoformat(articles[m["article"]]["published"]) for m in mentions if m["article"] in articles]
            if times != sorted(times):
                errors.append(f"{where}: evolving mentions are not in publication order")
    # Optional "distinct" traps: values that look alike but are different things (used to fit
    # the grouping model, benchmarks/grouping.py).
    for n, item in enumerate(data.get("distinct", [])):
        where = f"{path.name}: distinct[{n}] ({item.get('about')!r})"
        counts["distinct"] += 1
        mentions = item.get("mentions", [])
        if len({m.get("article") for m in mentions}) < 2:
            errors.append(f"{where}: needs mentions from at least two articles")
        for m in mentions:
            art = articles.get(m.get("article"))
            if art is None:
                errors.append(f"{where}: unknown article {m.get('article')!r}")
            elif m.get("text", "") not in art["text"]:
                errors.append(f"{where}: {m.get('text')!r} is not in the text of article {m['article']!r}")
    return errors, counts


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    files = sorted(root.glob("*.json"))
    total: Counter = Counter(stories=len(files))
    errors: list[str] = []
    for path in files:
        errs, counts = check_story(path)
        errors += errs
        total += counts
        print(f"{path.name:40s} articles={len(json.loads(path.read_text())['articles'])} "
              f"conflict={counts['conflict']} evolving={counts['evolving']} agreement={counts['agreement']} "
              f"distinct={counts['distinct']}")
    print(f"TOTAL stories={total['stories']} conflict={total['conflict']} evolving={total['evolving']} "
          f"agreement={total['agreement']} distinct={total['distinct']}")
    for key, need in MINIMUMS.items():
        if total[key] < need:
            errors.append(f"too few {key}: {total[key]} < {need}")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
