"""Main-text extraction quality of newsfuse.clean on the AEB benchmark (181 real pages).

Usage: python benchmarks/extraction.py [--raw-trafilatura]

Scoring follows the benchmark's own definition (evaldata/README.md): tokens are ``\\w+``
matches, each text is a multiset of 4-token shingles, per page tp/fp/fn are the multiset
overlaps normalised to sum 1, precision and recall come from the means over pages and F1
from those two.  Anchor: trafilatura 2.x F1 0.958 (P 0.938, R 0.978).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AEB = REPO.parent / "shared" / "evaldata" / "aeb"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_scores(truth: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    rows = [page_scores(t, p) for t, p in pairs]
    tp = sum(r[0] for r in rows) / len(rows)
    fp = sum(r[1] for r in rows) / len(rows)
    fn = sum(r[2] for r in rows) / len(rows)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw-trafilatura", action="store_true", help="score trafilatura.extract with defaults instead")
    args = parser.parse_args()
    if not (AEB / "ground-truth.json").is_file():
        print(f"AEB data not found at {AEB}", file=sys.stderr)
        return 2
    import logging

    logging.disable(logging.WARNING)  # trafilatura/htmldate warn on odd pages; figures only here
    from newsfuse.clean import clean
    from newsfuse.model import RawDocument

    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        html = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        pages.append((key, html))
    pairs, failures = [], 0
    start = time.perf_counter()
    for key, html in pages:
        url = truth[key].get("url")
        if args.raw_trafilatura:
            import trafilatura

            pred = trafilatura.extract(html, url=url) or ""
        else:
            raw = RawDocument(source=f"aeb/{key}", kind="html", content=html, meta=(("url", url),) if url else ())
            try:
                pred = clean(raw).text
            except ValueError:
                pred, failures = "", failures + 1
        pairs.append((truth[key].get("articleBody", ""), pred))
    elapsed = time.perf_counter() - start
    p, r, f = score(pairs)
    label = "trafilatura.extract (defaults)" if args.raw_trafilatura else "newsfuse.clean (html)"
    print(f"{label} on AEB: {len(pairs)} pages, {failures} without text")
    print(f"precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}   (anchor: trafilatura 2.x F1 0.958, P 0.938, R 0.978)")
    what = "trafilatura only" if args.raw_trafilatura else "whole clean(): trafilatura, htmldate, metadata, language id"
    print(f"speed {len(pairs) / elapsed:.1f} pages/s on one process ({elapsed:.1f} s, {what})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
