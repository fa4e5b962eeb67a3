"""Reuse and alignment benchmark: Clough–Stevenson graded reuse, MRPC sentence paraphrase.

Clough–Stevenson (../shared/evaldata/reuse/clough-stevenson): each answer is aligned with
its source text by newsfuse.align (anchors + embeddings) and measured by newsfuse.reuse:
``verbatim`` (share of the answer's text in aligned sentences, weighted by in-order token
overlap) and ``specific`` (share of the answer's word information, −log frequency, found in
the source).  Grades come from thresholds on them — reuse when verbatim ≥ a or specific ≥ b
(the rule of reuse.PairMeasures.derived); then cut / light / heavy by verbatim — chosen by
leave-one-task-out cross-validation (the five source texts are the folds, so no threshold
sees the answers it grades).  The fixed thresholds the library uses are also scored.

MRPC (../shared/evaldata/paraphrase/mrpc-train.tsv): each pair goes through ``align`` as two
one-sentence articles; the decision is "aligned with score ≥ PARAPHRASE_P".  The library's
paraphrase model (newsfuse.paraphrase: a bag of small networks over explainable features) was
fitted on all of MRPC train, so that figure is in-sample; the honest figure is the nested
10-fold CV printed after it: in each outer fold the hyperparameters are chosen by inner 5-fold
CV on the training part only, the bag is fitted there and scored on the held-out tenth.
``--fit`` refits both variants (with and without the embedding cosine) on all of MRPC and
writes src/newsfuse/data/paraphrase.npz.  ``--extended`` also cross-validates logistic
regression on the same features, for comparison.

Usage: python benchmarks/reuse.py [--no-embed] [--fit] [--extended] [--quick] [--cache DIR] [--skip-cs] [--skip-mrpc]
"""

from __future__ import annotations

import argparse
import hashlib
import csv
import sys
import time
import warnings
from itertools import product
from pathlib import Path

import numpy as np

from newsfuse import align as al
from newsfuse import paraphrase as pp
from newsfuse import reuse
from newsfuse.model import Article
from newsfuse.segment import split_sentences

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CS = SHARED / "evaldata" / "reuse" / "clough-stevenson"
MRPC = SHARED / "evaldata" / "paraphrase" / "mrpc-train.tsv"
GRADES = ("cut", "light", "heavy", "non")
MODEL_PATH = Path(__file__).resolve().parents[1] / "src" / "newsfuse" / "data" / pp.MODEL_RESOURCE


class TableEmbedder:
    """Serves vectors computed in one batch, so each benchmark sentence is embedded once.

    With ``cache`` (a folder), vectors are kept in a file there between runs (MRPC's 7,816
    sentences take about a minute on two cores)."""

    def __init__(self, embedder, texts, cache: Path | None = None):
        self.name = embedder.name
        unique = sorted(set(texts))
        self.table = {}
        file = None
        if cache is not None:
            key = hashlib.sha1("\n".join([embedder.name, *unique]).encode()).hexdigest()[:16]
            file = cache / f"newsfuse-embeddings-{key}.npy"
            if file.exists():
                matrix = np.load(file)
                self.table = {t: matrix[k] for k, t in enumerate(unique)}
                return
        matrix = embedder.encode(unique)
        if file is not None:
            cache.mkdir(parents=True, exist_ok=True)
            np.save(file, matrix)
        self.table = {t: matrix[k] for k, t in enumerate(unique)}

    def encode(self, texts):
        return np.stack([self.table[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # the corpus mixes UTF-8 and Latin-1 files
        return raw.decode("latin-1")


def sentences(text: str, aid: str):
    return split_sentences(Article(id=aid, source=aid, text=text))


def prf(pred, gold, positive) -> tuple[float, float]:
    tp = sum(p == positive and g == positive for p, g in zip(pred, gold))
    fp = sum(p == positive and g != positive for p, g in zip(pred, gold))
    fn = sum(p != positive and g == positive for p, g in zip(pred, gold))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return (2 * prec * rec / (prec + rec) if prec + rec else 0.0), sum(p == g for p, g in zip(pred, gold)) / len(gold)


def macro_f1(pred, gold) -> float:
    return float(np.mean([prf(pred, gold, c)[0] for c in GRADES]))


# --------------------------------------------------------------------------- Clough–Stevenson


def cs_measures(embedder):
    with open(CS / "file_information.csv", encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["Category"] in GRADES]  # not the 5 originals
    texts = {}
    for r in rows:
        texts[r["File"]] = sentences(read_text(CS / r["File"]), "answer")
    for task in {r["Task"] for r in rows}:
        texts[task] = sentences(read_text(CS / f"orig_task{task}.txt"), "source")
    emb = None
    if embedder is not None:
        emb = TableEmbedder(embedder, [s.text for ss in texts.values() for s in ss])
    out = []
    for r in rows:
        src, ans = texts[r["Task"]], texts[r["File"]]
        pairs = al.align(src, ans, embedder=emb)
        a, b = al.prepare(src), al.prepare(ans)
        m = reuse.measure(a, b, pairs, reuse.word_information(a, "en"), reuse.word_information(b, "en"))
        out.append((r["Task"], r["Category"], m.verbatim_b, m.specific_b, m.derived))
    return out


def grade(verbatim, specific, t):
    t_verbatim, t_specific, t_light, t_cut = t
    if verbatim < t_verbatim and specific < t_specific:
        return "non"
    if verbatim >= t_cut:
        return "cut"
    if verbatim >= t_light:
        return "light"
    return "heavy"


def cs_report(measures) -> None:
    grid = np.round(np.arange(0.0, 1.0, 0.02), 2)
    tasks = sorted({m[0] for m in measures})
    pred2, pred4, gold4, fold_t = [], [], [], []
    for task in tasks:  # leave one source text out
        train = [m for m in measures if m[0] != task]
        test = [m for m in measures if m[0] == task]
        # The same rule as reuse.PairMeasures.derived: verbatim >= a or specific >= b.
        t_v, t_s = max(
            product(grid, grid),
            key=lambda ab: sum(((m[2] >= ab[0]) or (m[3] >= ab[1])) == (m[1] != "non") for m in train),
        )
        best, best_acc = None, -1.0
        for tl, tc in product(grid, grid):
            if tc <= tl:
                continue
            acc = sum(grade(m[2], m[3], (t_v, t_s, tl, tc)) == m[1] for m in train)
            if acc > best_acc:
                best, best_acc = (t_v, t_s, tl, tc), acc
        fold_t.append(best)
        for m in test:
            g = grade(m[2], m[3], best)
            pred4.append(g)
            pred2.append("reuse" if g != "non" else "non")
            gold4.append(m[1])
    gold2 = ["reuse" if g != "non" else "non" for g in gold4]
    f1, acc = prf(pred2, gold2, "reuse")
    print(f"Clough-Stevenson ({len(measures)} answers), thresholds by leave-one-task-out CV:")
    print(f"  2-way reuse/non: accuracy {acc:.3f}  F1(reuse) {f1:.3f}")
    acc4 = sum(p == g for p, g in zip(pred4, gold4)) / len(gold4)
    print(f"  4-way cut/light/heavy/non: accuracy {acc4:.3f}  macro-F1 {macro_f1(pred4, gold4):.3f}")
    print("  fold thresholds (verbatim, specific, light, cut):", [tuple(map(float, t)) for t in fold_t])
    fixed = ["reuse" if m[4] else "non" for m in measures]
    f1, acc = prf(fixed, ["reuse" if m[1] != "non" else "non" for m in measures], "reuse")
    print(
        f"  library rule (VERBATIM_MIN={reuse.VERBATIM_MIN}, SPECIFIC_MIN={reuse.SPECIFIC_MIN}, "
        f"chosen from these folds): 2-way accuracy {acc:.3f}  F1 {f1:.3f}"
    )


# --------------------------------------------------------------------------- MRPC


def mrpc_rows():
    with open(MRPC, encoding="utf-8-sig") as fh:
        lines = fh.read().splitlines()[1:]
    rows = [line.split("\t") for line in lines if line.strip()]
    return [(int(r[0]), r[3], r[4]) for r in rows]


# Hyperparameters tried for the bagged networks (one hidden layer of h units, L2 penalty
# alpha); chosen by inner 5-fold CV inside every outer fold, and on all of MRPC by --fit.
GRID = tuple((h, a) for h in (16, 32) for a in (0.3, 1.0, 3.0))
BAG = 5  # networks averaged (different random initialisations); steadies the decision


def _mlp(hidden: int, alpha: float, seed: int):
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), MLPClassifier((hidden,), alpha=alpha, max_iter=2000, random_state=seed))


def choose(F, y) -> tuple[int, float]:
    """The GRID point with the best 5-fold CV accuracy on (F, y)."""
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    warnings.filterwarnings("ignore", category=UserWarning, module="sklearn")
    inner = StratifiedKFold(5, shuffle=True, random_state=1)
    scores = {g: cross_val_score(_mlp(*g, 0), F, y, cv=inner).mean() for g in GRID}
    return max(GRID, key=lambda g: (scores[g], -g[0], g[1]))  # ties: fewer units, more penalty


def fit_bag(F, y, hidden: int, alpha: float) -> pp.BaggedMLP:
    """Fit BAG networks and export their parameters for the numpy-only predictor."""
    nets = [_mlp(hidden, alpha, seed).fit(F, y) for seed in range(BAG)]
    scaler = nets[0][0]  # the same data, so every pipeline's scaler is the same
    return pp.BaggedMLP(
        mean=scaler.mean_,
        scale=scaler.scale_,
        w1=np.stack([n[1].coefs_[0] for n in nets]),
        b1=np.stack([n[1].intercepts_[0] for n in nets]),
        w2=np.stack([n[1].coefs_[1][:, 0] for n in nets]),
        b2=np.array([n[1].intercepts_[1][0] for n in nets]),
    )


def nested_cv(F, y, label: str):
    """10-fold CV of the whole fitting procedure (GRID choice by inner CV, then the bag)."""
    from sklearn.model_selection import StratifiedKFold

    prob = np.zeros(len(y))
    chosen = []
    for tr, te in StratifiedKFold(10, shuffle=True, random_state=0).split(F, y):
        g = choose(F[tr], y[tr])
        chosen.append(g)
        prob[te] = fit_bag(F[tr], y[tr], *g).predict(F[te])
    pred = prob >= al.PARAPHRASE_P
    f1, acc = prf(list(pred), list(y == 1), True)
    print(f"  {label}: nested 10-fold CV accuracy {acc:.3f}  F1 {f1:.3f}  (chosen {chosen})", flush=True)
    return prob


def _cv_logistic(X, y) -> tuple[float, float]:
    """10-fold CV accuracy / F1 of standardised L2 logistic regression, C by inner 5-fold CV."""
    from sklearn.linear_model import LogisticRegressionCV
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    # scikit-learn 1.9 announces changes of LogisticRegressionCV defaults; the ones used
    # here (L2, accuracy as the inner score) are what this experiment means.
    warnings.filterwarnings("ignore", category=FutureWarning, module="sklearn")
    model = make_pipeline(StandardScaler(), LogisticRegressionCV(Cs=np.logspace(-2, 1, 4), cv=5, max_iter=5000))
    p = cross_val_predict(model, X, y, cv=StratifiedKFold(10, shuffle=True, random_state=0))
    f1, acc = prf(list(p == 1), list(y == 1), True)
    return acc, f1


def align_decisions(rows, emb, held_out: dict | None = None, kind: str = "embed") -> tuple[np.ndarray, np.ndarray]:
    """Each pair through align() as two one-sentence articles: (paraphrase?, aligned at all?).

    With ``held_out`` ((s1, s2) -> probability of the ``kind`` model), that model's probability
    for a pair is replaced by this one (out-of-fold in nested CV) wherever align() asks for it."""
    library = al.paraphrase_probability

    def probability(a, b, cos=None):
        p = held_out.get((a, b)) if held_out is not None and (cos is None) == (kind == "lexical") else None
        return library(a, b, cos) if p is None else p

    pred, aligned = [], []
    al.paraphrase_probability = probability  # align() looks the function up at call time
    try:
        for _, s1, s2 in rows:
            pairs = al.align([s1], [s2], embedder=emb)
            aligned.append(bool(pairs))
            pred.append(bool(pairs) and pairs[0].score >= al.PARAPHRASE_P)
    finally:
        al.paraphrase_probability = library
    return np.array(pred), np.array(aligned)


def mrpc_report(embedder, fit: bool, extended: bool = False, nested: bool = True, cache: Path | None = None) -> None:
    rows = mrpc_rows()
    y = np.array([r[0] for r in rows])
    emb = TableEmbedder(embedder, [t for r in rows for t in r[1:]], cache) if embedder is not None else None
    cos = np.array([float(emb.table[s1] @ emb.table[s2]) for _, s1, s2 in rows]) if emb else None
    t0 = time.perf_counter()
    kinds = {"lexical": np.array([pp.features(s1, s2) for _, s1, s2 in rows])}
    if emb:
        kinds["embed"] = np.array([pp.features(s1, s2, c) for (_, s1, s2), c in zip(rows, cos)])
    t_features = time.perf_counter() - t0
    if fit:
        if not emb:
            print("--fit needs the embedding model (both variants are written together)", file=sys.stderr)
            return
        models = {}
        for kind in pp.KINDS:
            g = choose(kinds[kind], y)
            models[kind] = fit_bag(kinds[kind], y, *g)
            print(f"fitted paraphrase model '{kind}' on all MRPC pairs: hidden {g[0]}, alpha {g[1]}")
        pp.save_models(MODEL_PATH, models)
        pp.load_models.cache_clear()  # the run below scores the model just written
        print(f"wrote {MODEL_PATH}")
    t0 = time.perf_counter()
    pred_a, aligned = align_decisions(rows, emb)
    dt = time.perf_counter() - t0
    acc = float((pred_a == (y == 1)).mean())
    f1, _ = prf(list(pred_a), list(y == 1), True)
    print(f"MRPC train ({len(rows)} pairs, {'embeddings' if emb else 'lexical only'}), align() decision:")
    print(f"  accuracy {acc:.3f}  F1 {f1:.3f}  (shipped model, fitted on this set: in-sample; always-yes {y.mean():.3f})")
    acc_al = float((np.array(aligned) == (y == 1)).mean())
    print(f"  'aligned at all' as the decision: accuracy {acc_al:.3f}  ({dt:.1f} s for all pairs)")
    print(f"  features: {t_features:.1f} s for {len(kinds)} x {len(rows)} pairs")
    shown = ("embed",) if emb else ("lexical",)
    if nested:
        for kind in shown:
            prob = nested_cv(kinds[kind], y, f"paraphrase model '{kind}' alone (bag of {BAG} networks)")
            # The alignment's decision with each pair scored by the model that did not see it.
            held_out = {(s1, s2): p for (_, s1, s2), p in zip(rows, prob)}
            pred_cv, _ = align_decisions(rows, emb, held_out, kind)
            f1, acc = prf(list(pred_cv), list(y == 1), True)
            print(f"  align() decision with those held-out probabilities: accuracy {acc:.3f}  F1 {f1:.3f}"
                  "  <- the honest figure")
    if emb:
        from sklearn.model_selection import StratifiedKFold

        accs = []
        for tr, te in StratifiedKFold(10, shuffle=True, random_state=0).split(cos, y):
            grid = np.arange(0.4, 0.95, 0.01)
            t = max(grid, key=lambda t: ((cos[tr] >= t) == y[tr]).mean())
            accs.append(((cos[te] >= t) == y[te]).mean())
        print(f"  cosine threshold alone, 10-fold CV: accuracy {np.mean(accs):.3f}")
    if extended:
        print("  logistic regression on the same features (C by nested CV):")
        for kind in shown:
            acc, f1 = _cv_logistic(kinds[kind], y)
            print(f"    '{kind}': accuracy {acc:.3f}  F1 {f1:.3f}", flush=True)
            base = kinds[kind][:, : len(al.FEATURES) - (0 if kind == "embed" else 1)]
            acc, f1 = _cv_logistic(base, y)
            print(f"    '{kind}', align.FEATURES only: accuracy {acc:.3f}  F1 {f1:.3f}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-embed", action="store_true")
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("--extended", action="store_true", help="also cross-validate logistic regression for comparison")
    ap.add_argument("--quick", action="store_true", help="skip the nested CV of the paraphrase model (minutes)")
    ap.add_argument("--cache", type=Path, help="folder to keep MRPC sentence embeddings in between runs")
    ap.add_argument("--skip-cs", action="store_true")
    ap.add_argument("--skip-mrpc", action="store_true")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"evaluation data not found at {SHARED}", file=sys.stderr)
        return 2
    embedder = None
    if not args.no_embed:
        from newsfuse.embed import load_embedder

        embedder = load_embedder()
    if args.fit and not args.skip_mrpc:  # refit first, so that Clough-Stevenson uses the new model
        mrpc_report(embedder, args.fit, args.extended, not args.quick, args.cache)
    if not args.skip_cs:
        t0 = time.perf_counter()
        cs_report(cs_measures(embedder))
        print(f"  ({time.perf_counter() - t0:.0f} s)")
    if not args.fit and not args.skip_mrpc:
        mrpc_report(embedder, args.fit, args.extended, not args.quick, args.cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
