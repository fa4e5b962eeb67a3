"""Fitted grouping: whether two buckets of a story's values state one figure.

The claims stage first groups values by key, and keys come from the words beside a value, so
a rewrite that changes the noun or the verb ("cut 9% of its staff" / "shed nine percent of its
workforce"; "evacuated 1,200 people" / "moved 1,200 residents out") splits one figure in two.
The hand rules that join such buckets (``claimjoin``) were written from read misses and
transfer poorly to stories nobody had read (docs/benchmarks.md, "Held-out sets").  Here the
decision is a small model fitted on labelled pairs of buckets (``benchmarks/grouping.py
--fit``): the team-written stories say which values state one figure (conflicts, evolving
figures, agreements) and which look alike but are different things (the "distinct" traps).
The claims stage runs it after the hand rules, on what they leave apart (``claims.JOINS``,
``build_claims(joins=...)``, ``newsfuse run --grouping``).

What stays a rule is what follows from the meaning of a claim, not from the data: the two
buckets are counts or quantities of one unit, of one event; no article states both (an article
that gives two figures tells them apart); both are peaks or neither; both are bounded to the
same place; the figures are near enough to be one figure misreported (within the vague
tolerance, factor 2); and the further limits of ``candidate_pairs`` (no dates, no one noun
under two verbs, no whole and its part, no small counts that disagree, no two named claimants'
figures), which a first version left to the model and which it got wrong in short stories.  A
pair also needs some evidence of one predicate (``_evidence``).  The model weighs the rest: how
alike the two contexts are (sentence embeddings of the masked contexts when an embedder is
given, shared content words always), whether the reuse stage aligned their sentences, whether
the counted nouns are alike, the claimants, how small and how far apart the figures are, and
whether each bucket is the other's best match.  Pairs join best first, a join never brings two
buckets of one article together, and two groups join only when their buckets fit on average
(average linkage), so that one likely pair cannot pull in a bucket the rest of its group does
not fit.

The parameters ship as package data (``data/grouping.npz``, read with numpy); scikit-learn is
only used to fit them.  Two variants are fitted: with the embedding features and without.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib import resources

import numpy as np

from .claimjoin import (
    _DATE_REACH, _SAME_PREDICATE, _SMALL, _WHEN_WORDS, UnionFind, _claimant_key, _names_other, _size, claimants_meet,
    grain, key_head, regroup, self_contradicting,
)
from .crosscheck import agrees, contradicts
from .figures import content_lemmas, context, is_forecast, similarities
from .model import Value
from .numbers import noun_lemma
from .paraphrase import BaggedMLP
from .values import VAGUE_TOLERANCE

MODEL_RESOURCE = "grouping.npz"
KINDS = ("lexical", "embed")
# Probability above which two buckets join.  0.5 is the decision the model was fitted for
# (balanced log-loss); it is not searched on any labelled set.
THRESHOLD = 0.5

# One unit of each date grain, to measure how far apart two dates are in their own grain.
_GRAIN_WIDTH = {"clock": 3600.0, "day": 86400.0, "month": 30 * 86400.0, "year": 365 * 86400.0}
# Two figures further apart than the vague tolerance (factor 2: "about 300" / "600") are not
# one figure misreported.
_NEAR = VAGUE_TOLERANCE
LEXICAL_FEATURES = (
    "is_count", "is_quantity", "is_when", "same_head", "same_verb", "agree_all", "contradict_share",
    "log_gap", "both_small", "log_size", "both_precise", "shared_words", "jaccard", "lexical_mutual_best",
    "aligned", "same_claimant", "other_claimants", "names_other", "log_articles", "log_rivals",
    "early_both", "forecast_differs", "vague_any", "key_words_shared", "key_in_other_context",
    "names_shared", "names_disjoint", "same_source", "log_hours_apart",
)
EMBED_FEATURES = LEXICAL_FEATURES + ("cos_best", "cos_mean", "cos_mutual_best", "head_cos")


def _key_verb(key: str) -> str:
    parts = key.split(":")
    return parts[1] if len(parts) > 1 else ""


# Parts of a key that name its dimension or mark it, not what is counted or done.
_KEY_MARKS = frozenset({"past", "date", "time", "percent", "money", "distance", "duration", "age", "count",
                        "quantity", "length", "area", "mass", "speed", "volume", "temperature", "n"})


def _key_words(key: str) -> set[str]:
    """The words of a key that say what is counted or done ("arrest:make" → arrest, make)."""
    out = set()
    for part in key.split(":"):
        for w in part.replace("~", " ").replace("|", " ").split():
            w = w.casefold()
            if w and w not in _KEY_MARKS and w.isalpha():
                out.add(noun_lemma(w))
    return out


def family(bucket: Sequence[Value]) -> tuple[str, str, bool] | None:
    """("count", "", past), ("quantity", unit, past) or ("when", grain, past); None when the
    bucket mixes families or is of another type.  ``past`` marks an earlier event's figure."""
    kinds = set()
    for v in bucket:
        past = (v.key or "").endswith(":past")
        if v.type == "count":
            kinds.add(("count", "", past))
        elif v.type == "quantity" and v.unit:
            kinds.add(("quantity", v.unit, past))
        elif v.type in ("date", "time") and v.low is not None and v.high is not None:
            kinds.add(("when", grain(v), past))
        else:
            return None
    return next(iter(kinds)) if len(kinds) == 1 else None


def _near(a: Sequence[Value], b: Sequence[Value], fam: tuple[str, str, bool]) -> bool:
    if fam[0] == "when":
        reach = _DATE_REACH.get(fam[1], 0.0)
        return any(
            max(x.low, y.low) - min(x.high, y.high) <= reach  # negative when they overlap
            for x in a for y in b
        )
    for x in a:
        sx = _size(x)
        for y in b:
            sy = _size(y)
            if sx is not None and sy is not None and max(sx, sy) <= _NEAR * min(sx, sy):
                return True
    return False


def _gap(a: Sequence[Value], b: Sequence[Value], fam: tuple[str, str, bool]) -> float:
    """How far apart the closest figures of two buckets are: |log ratio| for figures, the gap in
    units of the grain for dates (0 when they overlap)."""
    best = math.inf
    for x in a:
        for y in b:
            if fam[0] == "when":
                g = max(0.0, max(x.low, y.low) - min(x.high, y.high)) / _GRAIN_WIDTH.get(fam[1], 86400.0)
                best = min(best, math.log1p(g))
            else:
                sx, sy = _size(x), _size(y)
                if sx and sy:
                    best = min(best, abs(math.log(sx / sy)))
    return best if best != math.inf else 0.0


@dataclass(frozen=True)
class StoryView:
    """What the pair features read from a story besides the buckets."""

    text_of: Mapping[tuple[str, int], str]
    peak: Mapping[int, str]  # id(value) → phase ("peak") of values keyed apart by one
    scoped: Mapping[int, str]  # id(value) → place bound the story counts apart
    aligned: Mapping[tuple[str, int], object]  # (article, sentence) → aligned statement
    group_of: Mapping[str, str] = field(default_factory=dict)  # article → independence group
    published: Mapping[str, datetime | None] = field(default_factory=dict)


def candidate_pairs(buckets: Sequence[Sequence[Value]], view: StoryView) -> list[tuple[int, int]]:
    """Pairs of buckets that may state one figure; the model decides which do.

    Besides the rules of the module docstring, what the hand rules hold as meaning rather than
    evidence stays a rule here too: dates are not candidates (a story dates many events in like
    words; agreeing dates of one event are joined by ``claimjoin.join_one_day`` and aligned
    sentences, and a date joined by a guess would set two events against each other); counts of
    one noun under two verbs are not either (a generic noun keeps its verbs apart: "5 people
    evacuated" / "9 people rescued"); nor a count whose context names the other's noun (a whole
    and its part: "66 (passengers and crew)" / "42 passengers"), small counts (below ten) that
    disagree (a story's small counts are many and close), or figures that named claimants each
    give as their own (the utility's and the regulator's).
    """
    fam = {}
    for i, b in enumerate(buckets):
        f = family(b) if b else None
        if f is not None and f[0] != "when" and not self_contradicting(b) and any(v.precise for v in b):
            fam[i] = f
    arts = {i: {v.article_id for v in buckets[i]} for i in fam}
    phase = {i: view.peak.get(id(buckets[i][0]), "") for i in fam}
    scope = {i: {view.scoped.get(id(v), "") for v in buckets[i]} for i in fam}
    heads = {i: key_head(buckets[i][0].key or "") for i in fam}
    claimants = {i: _claimants(buckets[i]) for i in fam}
    idx = sorted(fam)

    def allowed(i: int, j: int) -> bool:
        bi, bj = buckets[i], buckets[j]
        if fam[i][0] == "count":
            if heads[i] == heads[j]:
                return False
            if _names_other(bi, view.text_of, heads[j]) or _names_other(bj, view.text_of, heads[i]):
                return False
            small = all((_size(v) or 0) < _SMALL for v in (*bi, *bj))
            if small and not all(agrees(x, y) for x in bi for y in bj):
                return False
        return not (claimants[i] and claimants[j] and not claimants_meet(claimants[i], claimants[j]))

    return [
        (i, j)
        for n, i in enumerate(idx)
        for j in idx[n + 1 :]
        if fam[i] == fam[j]
        and not arts[i] & arts[j]
        and phase[i] == phase[j]
        and scope[i] & scope[j]
        and _near(buckets[i], buckets[j], fam[i])
        and allowed(i, j)
    ]


def _contexts(bucket: Sequence[Value], text_of) -> list[str]:
    return sorted({context(v, text_of.get((v.article_id, v.sentence_index), v.text)) for v in bucket})


def _claimants(bucket: Sequence[Value]) -> set[str]:
    return {_claimant_key(v) for v in bucket} - {""}


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z'’-]+")


def _names(bucket: Sequence[Value], text_of) -> set[str]:
    """Capitalised words in the figures' contexts, less the first word and words of time: the
    parties, places and people a figure is told of ("27.4% for the Progressive Party")."""
    out = set()
    for v in bucket:
        words = context(v, text_of.get((v.article_id, v.sentence_index), v.text))
        for w in _NAME.findall(words):
            low = w.casefold()
            if low not in _WHEN_WORDS and low not in _NOT_NAMES:
                out.add(low)
    return out


# Capitalised words that are no names: the context window drops punctuation, so a sentence
# that starts inside it ("… said. The …", "… officials said. About …") shows its first word
# capitalised; "N" is the masked figure.
_NOT_NAMES = frozenset({"the", "a", "an", "in", "on", "at", "of", "and", "but", "he", "she", "it", "they", "we",
                        "about", "more", "some", "nearly", "almost", "around", "by", "for", "n"})


def _hours_apart(a: Sequence[Value], b: Sequence[Value], published: Mapping[str, datetime | None]) -> float:
    """log(1 + hours) between the earliest reports of two buckets (0 when a time is unknown)."""
    ta = [t for v in a if (t := published.get(v.article_id)) is not None]
    tb = [t for v in b if (t := published.get(v.article_id)) is not None]
    if not ta or not tb:
        return 0.0
    return math.log1p(abs((min(ta) - min(tb)).total_seconds()) / 3600.0)


def _mutual_best(pairs: Sequence[tuple[int, int]], score: Sequence[float]) -> list[float]:
    """1 for a pair that is each bucket's best-scoring candidate, 0.5 for one side's, else 0."""
    best: dict[int, float] = {}
    for (i, j), s in zip(pairs, score):
        best[i] = max(best.get(i, -1.0), s)
        best[j] = max(best.get(j, -1.0), s)
    return [((s >= best[i]) + (s >= best[j])) / 2.0 for (i, j), s in zip(pairs, score)]


def pair_features(
    buckets: Sequence[Sequence[Value]],
    pairs: Sequence[tuple[int, int]],
    view: StoryView,
    embedder=None,
) -> np.ndarray:
    """One row per pair: ``EMBED_FEATURES`` with an embedder, else ``LEXICAL_FEATURES``."""
    if not pairs:
        return np.zeros((0, len(EMBED_FEATURES if embedder is not None else LEXICAL_FEATURES)))
    used = sorted({i for p in pairs for i in p})
    text_of = view.text_of
    ctx = {i: _contexts(buckets[i], text_of) for i in used}
    own = {i: {w for v in buckets[i] for w in content_lemmas(v.text)} for i in used}
    claimants = {i: _claimants(buckets[i]) for i in used}
    lemmas = {
        i: set().union(*(content_lemmas(t) for t in ctx[i])) - _WHEN_WORDS
        - {w for c in claimants[i] for w in content_lemmas(c)}
        for i in used
    }
    heads = {i: key_head(buckets[i][0].key or "") for i in used}
    key_words = {i: set().union(*(_key_words(v.key or "") for v in buckets[i])) for i in used}
    all_lemmas = {i: set().union(*(content_lemmas(t) for t in ctx[i])) for i in used}
    names = {i: _names(buckets[i], text_of) for i in used}
    groups = {i: {view.group_of.get(v.article_id, v.article_id) for v in buckets[i]} for i in used}
    fam = {i: family(buckets[i]) for i in used}
    statements = {
        i: {view.aligned[(v.article_id, v.sentence_index)] for v in buckets[i]
            if (v.article_id, v.sentence_index) in view.aligned}
        for i in used
    }
    rivals: dict[int, int] = {}
    for i, j in pairs:
        rivals[i] = rivals.get(i, 0) + 1
        rivals[j] = rivals.get(j, 0) + 1

    rows: list[list[float]] = []
    jaccards: list[float] = []
    for i, j in pairs:
        bi, bj = buckets[i], buckets[j]
        f = fam[i]
        cross = [(x, y) for x in bi for y in bj]
        n_contra = sum(contradicts(x, y) for x, y in cross)
        sizes = [s for v in (*bi, *bj) if (s := _size(v)) is not None]
        drop = own[i] | own[j]
        wi, wj = lemmas[i] - drop, lemmas[j] - drop
        shared = len(wi & wj)
        jac = shared / len(wi | wj) if wi | wj else 0.0
        jaccards.append(jac)
        fc_i = any(is_forecast(v, text_of.get((v.article_id, v.sentence_index), v.text)) for v in bi)
        fc_j = any(is_forecast(v, text_of.get((v.article_id, v.sentence_index), v.text)) for v in bj)
        rows.append([
            float(f[0] == "count"),
            float(f[0] == "quantity"),
            float(f[0] == "when"),
            float(heads[i] == heads[j] and bool(heads[i])),
            float(_key_verb(bi[0].key or "") == _key_verb(bj[0].key or "") and bool(_key_verb(bi[0].key or ""))),
            float(all(agrees(x, y) for x, y in cross)),
            n_contra / len(cross),
            _gap(bi, bj, f),
            float(f[0] != "when" and bool(sizes) and max(sizes) < 10),
            math.log10(1.0 + min(sizes)) if sizes and f[0] != "when" else 0.0,
            float(any(v.precise for v in bi) and any(v.precise for v in bj)),
            float(min(shared, 5)),
            jac,
            0.0,  # lexical_mutual_best, filled below
            float(bool(statements[i] & statements[j])),
            float(claimants_meet(claimants[i], claimants[j])),
            float(bool(claimants[i]) and bool(claimants[j]) and not claimants_meet(claimants[i], claimants[j])),
            float(_names_other(bi, text_of, heads[j]) or _names_other(bj, text_of, heads[i])),
            math.log(len({v.article_id for v in bi}) + len({v.article_id for v in bj})),
            math.log(max(rivals[i], rivals[j])),
            float(min(v.sentence_index for v in bi) < 3 and min(v.sentence_index for v in bj) < 3),
            float(fc_i != fc_j),
            float(not all(v.precise for v in (*bi, *bj))),
            float(bool(key_words[i] & key_words[j])),
            float(bool(key_words[i] & all_lemmas[j]) or bool(key_words[j] & all_lemmas[i])),
            float(min(len(names[i] & names[j]), 3)),
            float(bool(names[i]) and bool(names[j]) and not names[i] & names[j]),
            float(bool(groups[i] & groups[j])),
            _hours_apart(bi, bj, view.published),
        ])
    lex_best = _mutual_best(pairs, jaccards)
    col = LEXICAL_FEATURES.index("lexical_mutual_best")
    for row, b in zip(rows, lex_best):
        row[col] = b
    if embedder is None:
        return np.array(rows, dtype=np.float64)

    texts = sorted({t for i in used for t in ctx[i]})
    index = {t: k for k, t in enumerate(texts)}
    sim = np.array(similarities(texts, embedder))
    head_words = sorted({heads[i] for i in used if heads[i]})
    hindex = {h: k for k, h in enumerate(head_words)}
    hsim = np.array(similarities(head_words, embedder)) if head_words else np.zeros((0, 0))
    cos_best, cos_mean, head_cos = [], [], []
    for i, j in pairs:
        block = sim[np.ix_([index[t] for t in ctx[i]], [index[t] for t in ctx[j]])]
        cos_best.append(float(block.max()))
        cos_mean.append(float(block.mean()))
        if heads[i] and heads[j]:
            head_cos.append(float(hsim[hindex[heads[i]], hindex[heads[j]]]))
        else:
            head_cos.append(0.0)
    emb_best = _mutual_best(pairs, cos_best)
    extra = np.array([cos_best, cos_mean, emb_best, head_cos], dtype=np.float64).T
    return np.hstack([np.array(rows, dtype=np.float64), extra])


_PARTS = ("mean", "scale", "w1", "b1", "w2", "b2")


def _models(fh) -> dict[str, BaggedMLP]:
    with np.load(fh) as z:
        arrays = {k: z[k] for k in z.files}
    kinds = sorted({k.rsplit(".", 1)[0] for k in arrays})
    return {kind: BaggedMLP(**{f: arrays[f"{kind}.{f}"] for f in _PARTS}) for kind in kinds}


@lru_cache(maxsize=1)
def load_models() -> dict[str, BaggedMLP]:
    """The fitted grouping models, by kind (read once; the file is package data)."""
    ref = resources.files("newsfuse") / "data" / MODEL_RESOURCE
    try:
        with ref.open("rb") as fh:
            return _models(fh)
    except FileNotFoundError as exc:
        raise RuntimeError(
            f"grouping model newsfuse/data/{MODEL_RESOURCE} is missing: reinstall newsfuse "
            "or refit it with `python benchmarks/grouping.py --fit`"
        ) from exc


def read_models(path) -> dict[str, BaggedMLP]:
    """Grouping models from a file written by ``save_models`` (to try a refitted model)."""
    with open(path, "rb") as fh:
        return _models(fh)


def save_models(path, models: Mapping[str, BaggedMLP]) -> None:
    """Write fitted models (used by ``benchmarks/grouping.py --fit``)."""
    arrays = {
        f"{kind}.{f}": np.asarray(getattr(m, f), dtype=np.float64)
        for kind, m in models.items()
        for f in _PARTS
    }
    np.savez_compressed(path, **arrays)


def _predict(model: BaggedMLP, feats: np.ndarray) -> np.ndarray:
    if feats.shape[1] != model.mean.shape[0]:
        raise ValueError(
            f"grouping model expects {model.mean.shape[0]} features, got {feats.shape[1]}: the model file "
            "and pair_features() disagree; refit with `python benchmarks/grouping.py --fit`"
        )
    return model.predict(feats)


def _evidence(feats: np.ndarray, embedded: bool) -> np.ndarray:
    """1 for pairs with some evidence of one predicate, else 0: their sentences were aligned,
    their contexts share a content word beyond the figures' own words, or (with an embedder)
    the contexts are paraphrases by the hand rules' bar (``claimjoin._SAME_PREDICATE``).  The
    model weighs evidence; where there is none ("turnout reached 52%" / "won 48 percent of
    seats"), what it would weigh is only that the two figures are alike, which many of a
    story's figures are."""
    names = EMBED_FEATURES if embedded else LEXICAL_FEATURES
    has = (feats[:, names.index("aligned")] > 0) | (feats[:, names.index("shared_words")] > 0)
    if embedded:
        has |= feats[:, names.index("cos_best")] >= _SAME_PREDICATE
    return has.astype(np.float64)


def join_by_model(
    buckets: list[list[Value]],
    view: StoryView,
    embedder=None,
    models: Mapping[str, BaggedMLP] | None = None,
    threshold: float = THRESHOLD,
) -> list[list[Value]]:
    """Join the candidate pairs the model calls one figure, most probable first, never bringing
    two buckets of one article together.  ``models`` defaults to the shipped ones."""
    pairs = candidate_pairs(buckets, view)
    if not pairs:
        return buckets
    model = (models or load_models())["embed" if embedder is not None else "lexical"]
    feats = pair_features(buckets, pairs, view, embedder)
    prob = _predict(model, feats) * _evidence(feats, embedder is not None)
    p_of = {pair: float(p) for pair, p in zip(pairs, prob)}
    arts = {i: {v.article_id for v in buckets[i]} for p in pairs for i in p}
    members = {i: [i] for i in arts}
    uf = UnionFind()

    def linkage(ri: int, rj: int) -> float:
        # Average linkage over every pair of buckets the join would bring together; a pair that
        # is no candidate (another family, too far apart) counts as 0.  One likely pair must not
        # pull a third bucket into a group whose other members it does not fit.
        total = sum(p_of.get((min(a, b), max(a, b)), 0.0) for a in members[ri] for b in members[rj])
        return total / (len(members[ri]) * len(members[rj]))

    for k in sorted(range(len(pairs)), key=lambda k: (-prob[k], pairs[k])):
        if prob[k] < threshold:
            break
        ri, rj = uf.find(pairs[k][0]), uf.find(pairs[k][1])
        if ri == rj or arts[ri] & arts[rj] or linkage(ri, rj) < threshold:
            continue
        uf.union(ri, rj)
        root = uf.find(ri)
        arts[root] = arts[ri] | arts[rj]
        members[root] = members[ri] + members[rj]
    return regroup(buckets, uf, arts)

