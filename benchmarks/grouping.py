"""Grouping model: fit and cross-validate the decision that two buckets of values state one figure.

Reads the team-written labelled stories (``benchmarks/data/claims*/``, never the blind
held-out sets), runs the real stages up to the claims stage's story-wide joins, and labels
every candidate pair of buckets (``grouping.candidate_pairs``):

* one figure   — both buckets hold a mention of one labelled conflict, evolving figure or
  agreement;
* two things   — the buckets hold the two sides of a labelled "distinct" trap, or mentions of
  two different labelled items, or their figures disagree and no label joins them (conflicts
  and evolving figures are labelled exhaustively, so a disagreement nobody labelled is two
  things);
* unknown      — agreeing figures that no label covers (agreements are not labelled
  exhaustively): left out.

Then, grouped by story (no story is in its own training fold), it prints the pair-level
accuracy and AUC of the model, and the claims benchmark's figures on each story with the
model fitted without that story ("model"), next to the hand rules ("rules") on the same
stories.  The stories in ``claims-fit/`` were never read by anyone writing the rules, so on
them the comparison is fair to both.

``--fit`` fits both variants (with and without embeddings) on every labelled story and writes
``src/newsfuse/data/grouping.npz``.

Usage: python benchmarks/grouping.py [--no-embed] [--fit [--out FILE]] [--folds K] [DATA_DIR ...]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from claims import STATUS, _contains, load_story, new_tally, score_story  # noqa: E402

from newsfuse import grouping  # noqa: E402
from newsfuse.claims import build_claims  # noqa: E402
from newsfuse.crosscheck import contradicts  # noqa: E402
from newsfuse.model import Story  # noqa: E402
from newsfuse.paraphrase import BaggedMLP  # noqa: E402
from newsfuse.segment import split_sentences  # noqa: E402

DEV_SETS = ("claims", "claims-heldout", "claims-fit", "claims-fit2")
MODEL_PATH = HERE.parent / "src" / "newsfuse" / "data" / grouping.MODEL_RESOURCE
# The networks: one hidden layer, bagged; small because the pairs are a few thousand.
HIDDEN, ALPHA, BAG = 16, 1e-2, 5


def _hits(v, mention) -> bool:
    return v.article_id == mention["article"] and (_contains(v.text, mention["text"]) or _contains(mention["text"], v.text))


class StoryRun:
    """One labelled story run through the stages once; claims can then be rebuilt cheaply."""

    def __init__(self, path: Path, embedder):
        from newsfuse.reuse import link_story
        from newsfuse.values import extract_values

        self.path = path
        self.data, self.articles = load_story(path)
        self.embedder = embedder
        self.sentences = {a.id: split_sentences(a) for a in self.articles}
        self.values = [v for a in self.articles for s in self.sentences[a.id] for v in extract_values(a, s)]
        self.links, self.groups = link_story(self.articles, self.sentences, embedder=embedder)
        ordered = sorted(self.articles, key=lambda a: a.published)
        self.story = Story("bench", "bench", tuple(a.id for a in ordered), ordered[0].published, ordered[-1].published)

    def claims(self, **kw):
        return build_claims(
            self.story, self.articles, self.sentences, self.values, self.links, self.groups,
            embedder=self.embedder, **kw,
        )

    def _buckets(self):
        """The buckets the story-wide joins start from, and what the pair features read."""
        got = {}
        self.claims(joins="none", collect=lambda b, v: got.update(buckets=[list(x) for x in b], view=v))
        return got["buckets"], got["view"]

    def pairs(self) -> tuple[np.ndarray, np.ndarray, int]:
        """Features and labels of the labelled candidate pairs, and how many were left unknown."""
        buckets, view = self._buckets()
        pairs = grouping.candidate_pairs(buckets, view)
        if not pairs:
            return np.zeros((0, 0)), np.zeros(0), 0
        feats = grouping.pair_features(buckets, pairs, view, self.embedder)
        expected = self.data["expected"]
        distinct = self.data.get("distinct", [])

        def items(b):
            return {k for k, e in enumerate(expected) for m in e["mentions"] for v in b if _hits(v, m)}

        def traps(b):
            return {(k, n) for k, d in enumerate(distinct) for n, m in enumerate(d["mentions"]) for v in b if _hits(v, m)}

        item_of = {i: items(buckets[i]) for p in pairs for i in p}
        trap_of = {i: traps(buckets[i]) for p in pairs for i in p}
        rows, labels, unknown = [], [], 0
        for row, (i, j) in zip(feats, pairs):
            if item_of[i] & item_of[j]:
                label = 1
            elif any(k == k2 and n != n2 for k, n in trap_of[i] for k2, n2 in trap_of[j]):
                label = 0
            elif item_of[i] and item_of[j]:
                label = 0
            elif any(contradicts(x, y) for x in buckets[i] for y in buckets[j]):
                label = 0
            else:
                unknown += 1
                continue
            rows.append(row)
            labels.append(label)
        return np.array(rows), np.array(labels), unknown


def fit_bag(F: np.ndarray, y: np.ndarray) -> BaggedMLP:
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(F)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    Z = (F - scaler.mean_) / scale
    # Balance the classes by resampling the positives (MLPClassifier takes no sample weights).
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    nets = []
    for seed in range(BAG):
        rng = np.random.default_rng(seed)
        extra = rng.choice(pos, size=max(0, len(neg) - len(pos)), replace=True) if len(pos) else pos
        idx = np.concatenate([np.arange(len(y)), extra])
        net = MLPClassifier((HIDDEN,), alpha=ALPHA, max_iter=3000, random_state=seed).fit(Z[idx], y[idx])
        nets.append(net)
    return BaggedMLP(
        mean=scaler.mean_, scale=scale,
        w1=np.stack([n.coefs_[0] for n in nets]), b1=np.stack([n.intercepts_[0] for n in nets]),
        w2=np.stack([n.coefs_[1][:, 0] for n in nets]), b2=np.array([n.intercepts_[1][0] for n in nets]),
    )


def _stack(tables) -> tuple[np.ndarray, np.ndarray]:
    tables = [t for t in tables if len(t[1])]
    return np.vstack([t[0] for t in tables]), np.concatenate([t[1] for t in tables])


def _auc(y: np.ndarray, p: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def _line(name: str, tally: dict) -> str:
    parts = []
    for rel in STATUS:
        t = tally[rel]
        p = t["tp"] / t["pred"] if t["pred"] else float("nan")
        r = t["found"] / t["expected"] if t["expected"] else float("nan")
        parts.append(f"{rel[:5]} {p:.3f}/{r:.3f}")
    return f"  {name:<7} " + "  ".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="*", help="labelled story directories (default: the development sets)")
    ap.add_argument("--no-embed", action="store_true", help="cross-validate the lexical variant only")
    ap.add_argument("--fit", action="store_true", help="fit both variants on all stories and write the model")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--pairs-only", action="store_true", help="cross-validate the pair decisions only (fast)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH, help="where --fit writes the model (default: the shipped file)")
    args = ap.parse_args(argv)
    dirs = [Path(d) for d in args.data] or [HERE / "data" / d for d in DEV_SETS]
    if any(re.search(r"heldout[2-9]", str(d)) for d in dirs):
        print("the blind held-out sets are scored by benchmarks/claims.py only, never fitted on", file=sys.stderr)
        return 2
    files = sorted(f for d in dirs if d.is_dir() for f in d.glob("*.json"))
    if not files:
        print("no labelled stories found", file=sys.stderr)
        return 1
    embedder = None
    if not args.no_embed or args.fit:
        from newsfuse.embed import load_embedder

        embedder = load_embedder()
    variants = [("lexical", None)] + ([("embed", embedder)] if embedder is not None else [])
    started = time.perf_counter()
    fitted = {}
    for kind, emb in variants:
        runs = [StoryRun(f, emb) for f in files]
        tables = [r.pairs() for r in runs]
        n_pos = sum(int(t[1].sum()) for t in tables if len(t[1]))
        n_all = sum(len(t[1]) for t in tables)
        n_unknown = sum(t[2] for t in tables)
        print(f"{kind}: {len(runs)} stories, {n_all} labelled pairs ({n_pos} one figure), {n_unknown} unknown")
        if args.fit:
            fitted[kind] = fit_bag(*_stack(tables))
            continue
        folds = [list(range(k, len(runs), args.folds)) for k in range(args.folds)]
        ys, ps = [], []
        tallies = {name: new_tally() for name in ("rules", "model", "both")}
        by_set: dict[str, dict[str, dict]] = {}
        for test in folds:
            model = fit_bag(*_stack([t for k, t in enumerate(tables) if k not in test]))
            models = {kind: model}
            for k in test:
                F, y = tables[k][:2]
                if len(y):
                    ys.append(y)
                    ps.append(model.predict(F))
                for name in () if args.pairs_only else tallies:
                    kw = {"joins": name} if name == "rules" else {"joins": name, "grouping_models": models}
                    claims = runs[k].claims(**kw)
                    score_story(runs[k].data, claims, tallies[name])
                    score_story(runs[k].data, claims, by_set.setdefault(runs[k].path.parent.name, {}).setdefault(name, new_tally()))
        y, p = np.concatenate(ys), np.concatenate(ps)
        print(f"  pairs, {args.folds}-fold by story: accuracy {((p >= 0.5) == y).mean():.3f}  AUC {_auc(y, p):.3f}"
              f"  (always 'two things': {1 - y.mean():.3f})")
        if args.pairs_only:
            continue
        print("  claims benchmark, P/R of conflicts, evolving, agreements; each story scored with the model fitted without it:")
        for name, t in tallies.items():
            print(_line(name, t))
        for set_name, per in by_set.items():
            print(f"  {set_name}:")
            for name, t in per.items():
                print("  " + _line(name, t))
    if args.fit:
        grouping.save_models(args.out, fitted)
        print(f"wrote {args.out}")
    print(f"time: {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
