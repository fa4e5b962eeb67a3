"""Story clustering quality: BCubed precision, recall and F1.

Sets:
* ECB+ validation (``../shared/evaldata/events/ecbplus-val.jsonl``): 308 documents, 26 events,
  no dates.  Anchor: document clusters of Barhom et al. 2019 reach BCubed F1 0.976 (test split).
* GVC validation (``gvc-val.jsonl``): 78 articles, 37 shootings, with publication dates.
  No published anchor; goal 0.85.
* the seeds (``../shared/seeds/*.txt``): one story, must come out as one cluster;
* the seeds together with ``examples/`` (labels in ``examples/STORIES.json``): the seeds'
  story and the two look-alike example stories must stay apart.

Each set is run without and with the sentence-embedding model (``--no-embed`` skips the model).
``--calibrate`` prints a grid over the main thresholds on the two validation sets, then one over
the person-name penalty and lone-article adoption (how the defaults in ``StoryParams`` were
chosen: only the two validation sets are used).

Usage: python benchmarks/stories.py [--no-embed] [--calibrate]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from newsfuse.model import Article
from newsfuse.segment import split_sentences
from newsfuse.stories import StoryParams, cluster_stories

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVENTS = SHARED / "evaldata" / "events"
EXAMPLES = REPO / "examples"


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall, F1 (Bagga & Baldwin 1998) of item → cluster maps."""
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for item, g in gold.items():
        by_gold[g].add(item)
        by_pred[predicted[item]].add(item)
    p = r = 0.0
    for item in gold:
        same_pred = by_pred[predicted[item]]
        same_gold = by_gold[gold[item]]
        correct = len(same_pred & same_gold)
        p += correct / len(same_pred)
        r += correct / len(same_gold)
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    dt = datetime.fromisoformat(value)
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def load_events(name: str) -> tuple[list[Article], dict[str, str]]:
    articles, gold = [], {}
    with open(EVENTS / name, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            articles.append(
                Article(
                    id=row["id"],
                    source=f"{name}#{row['id']}",
                    text=row["text"],
                    title=row.get("title"),
                    published=_parse_date(row.get("published")),
                )
            )
            gold[row["id"]] = row["event"]
    return articles, gold


def _clean_file(path: Path) -> list[Article]:
    """Articles from a seeds/examples file through the real clean stage.

    Built as RawDocuments here (ingest may not exist in every checkout); a file that clean
    refuses is read raw, so the benchmark still measures clustering.
    """
    from newsfuse.clean import clean
    from newsfuse.model import RawDocument

    raws: list[RawDocument] = []
    if path.suffix == ".jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                meta = tuple((k, str(v)) for k, v in row.items() if k != "text" and v is not None)
                raws.append(RawDocument(f"{path.name}#{row['id']}", "text", row["text"], meta))
    else:
        kind = "html" if path.suffix in (".html", ".htm") else "text"
        raws.append(RawDocument(path.name, kind, path.read_text(encoding="utf-8")))
    out = []
    for raw in raws:
        try:
            out.append(clean(raw))
        except Exception:  # noqa: BLE001 - a clean bug must not hide clustering figures
            out.append(Article(id=raw.get("id") or raw.source, source=raw.source, text=raw.content))
    return out


def load_seeds_and_examples() -> tuple[list[Article], dict[str, str], list[str]]:
    """Seeds labelled 'seeds'; examples labelled from STORIES.json when present."""
    articles, gold, notes = [], {}, []
    if not SHARED.is_dir():
        return articles, gold, [f"seeds skipped: {SHARED} is absent"]
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        for a in _clean_file(path):
            articles.append(a)
            gold[a.id] = "seeds"
    labels_path = EXAMPLES / "STORIES.json"
    if not labels_path.is_file():
        notes.append(f"examples skipped: no labels file at {labels_path}")
        return articles, gold, notes
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["files"]
    for path in sorted(EXAMPLES.iterdir()):
        if path.name in ("README.md", "STORIES.json"):
            continue
        for a in _clean_file(path):
            key = a.source if path.suffix == ".jsonl" else path.name
            label = labels.get(key)
            if label is None:
                notes.append(f"example {key} has no label in STORIES.json; left out")
                continue
            articles.append(a)
            gold[a.id] = label
    return articles, gold, notes


def evaluate(articles: list[Article], gold: dict[str, str], embedder, params: StoryParams,
             window_days: float = 7.0) -> tuple[float, float, float, int, float]:
    sentences = {a.id: split_sentences(a) for a in articles}
    t0 = time.perf_counter()
    stories = cluster_stories(articles, sentences, embedder=embedder, params=params, window_days=window_days)
    elapsed = time.perf_counter() - t0
    predicted = {aid: s.id for s in stories for aid in s.articles}
    p, r, f = bcubed(gold, predicted)
    return p, r, f, len(stories), elapsed


def calibrate(sets: dict[str, tuple[list[Article], dict[str, str]]], embedder) -> None:
    """The grid the defaults of StoryParams were chosen on: best mean F1 of the two sets."""
    base = StoryParams()
    grid = []
    for join in (0.3, 0.4, 0.5):
        for merge in (0.15, 0.18, 0.2, 0.22, 0.25):
            for penalty in (0.1, 0.2, 0.3):
                if embedder is None:
                    grid.append(replace(base, join=join, merge=merge, date_penalty=penalty))
                else:
                    for weight, offset in ((0.2, 0.6), (0.2, 0.7), (0.5, 0.7), (0.5, 0.35)):
                        grid.append(replace(base, join=join, merge=merge, date_penalty=penalty,
                                            embed_weight=weight, embed_offset=offset))
    if embedder is not None:  # encode each lead once for the whole grid
        embedder = _Cached(embedder)
    rows = []
    for params in grid:
        fs = [evaluate(a, g, embedder, params)[2] for a, g in sets.values()]
        rows.append((sum(fs) / len(fs), fs, params))
    rows.sort(key=lambda r: -r[0])
    for mean, fs, params in rows[:10]:
        print(f"mean F1 {mean:.3f}  " + "  ".join(f"{n} {f:.3f}" for n, f in zip(sets, fs))
              + f"  join={params.join} merge={params.merge} date_penalty={params.date_penalty}"
              + (f" embed_weight={params.embed_weight} embed_offset={params.embed_offset}" if embedder else ""))
    # Second grid, at the defaults above: the person-name penalty and the adoption of lone
    # articles (StoryParams.person_* and adopt*); adopt=1.0 switches adoption off.  All rows
    # are printed: the defaults were taken from the plateau, not the single best row.
    print("-- person penalty × support × adopt (other settings at their defaults)")
    for penalty in (0.0, 0.05, 0.1, 0.2):
        for support in (1, 5, 12):
            for adopt in (1.0, 0.10, 0.14, 0.16):
                params = replace(base, person_penalty=penalty, person_support=support, adopt=adopt)
                res = [evaluate(a, g, embedder, params) for a, g in sets.values()]
                print(f"person_penalty={penalty} person_support={support} adopt={adopt}  "
                      + "  ".join(f"{n} P {r[0]:.3f} R {r[1]:.3f} F1 {r[2]:.3f}" for n, r in zip(sets, res)))


class _Cached:
    """An embedder that encodes each distinct text once (calibration runs the same leads often)."""

    def __init__(self, embedder) -> None:
        self.embedder, self.name, self.cache = embedder, embedder.name, {}

    def encode(self, texts):
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.embedder.encode(missing)))
        return np.stack([self.cache[t] for t in texts])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-embed", action="store_true", help="lexical path only")
    ap.add_argument("--calibrate", action="store_true", help="grid over thresholds on the validation sets")
    args = ap.parse_args(argv)
    if not EVENTS.is_dir():
        print(f"evaluation data not found at {EVENTS}", file=sys.stderr)
        return 2
    sets = {"ECB+": load_events("ecbplus-val.jsonl"), "GVC": load_events("gvc-val.jsonl")}
    embedders: list[tuple[str, object]] = [("lexical", None)]
    if not args.no_embed:
        from newsfuse.embed import load_embedder

        model = load_embedder()
        if model is None:
            print("embedding model not installed; lexical only")
        else:
            embedders.append(("embeddings", model))
    if args.calibrate:
        for name, emb in embedders:
            print(f"== calibration, {name}")
            calibrate(sets, emb)
        return 0
    seeds, seeds_gold, notes = load_seeds_and_examples()
    for note in notes:
        print(note)
    params = StoryParams()
    print(f"{'set':<22}{'mode':<12}{'P':>7}{'R':>7}{'F1':>7}{'stories':>9}{'gold':>6}{'sec':>7}")
    for mode, emb in embedders:
        for name, (articles, gold) in sets.items():
            p, r, f, n, sec = evaluate(articles, gold, emb, params)
            print(f"{name:<22}{mode:<12}{p:7.3f}{r:7.3f}{f:7.3f}{n:9d}{len(set(gold.values())):6d}{sec:7.2f}")
        if seeds:
            only = [a for a in seeds if seeds_gold[a.id] == "seeds"]
            p, r, f, n, sec = evaluate(only, {a.id: "seeds" for a in only}, emb, params)
            print(f"{'seeds':<22}{mode:<12}{p:7.3f}{r:7.3f}{f:7.3f}{n:9d}{1:6d}{sec:7.2f}")
            p, r, f, n, sec = evaluate(seeds, seeds_gold, emb, params)
            print(f"{'seeds+examples':<22}{mode:<12}{p:7.3f}{r:7.3f}{f:7.3f}{n:9d}"
                  f"{len(set(seeds_gold.values())):6d}{sec:7.2f}")
            stories = cluster_stories(seeds, {a.id: split_sentences(a) for a in seeds}, embedder=emb, params=params)
            for s in stories:
                labels = sorted({seeds_gold[a] for a in s.articles})
                print(f"    {len(s.articles):2d} articles {labels}  label: {s.label[:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
