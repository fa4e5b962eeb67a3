"""Paraphrase decision for sentence alignment: "do these two sentences say the same thing?"

Features of a sentence pair, all explainable (which words, names and numbers the two share
or do not), and a small model over them fitted on the MRPC news paraphrase corpus by
``python benchmarks/reuse.py --fit`` (10-fold nested cross-validated there; the figures are in
docs/benchmarks.md, "Reuse and alignment").  The model is a bag of five one-hidden-layer
networks over standardised features; its parameters are package data
(``data/paraphrase.npz``) and prediction here needs numpy only (scikit-learn fits it in the
benchmark and is not a run-time dependency).

Two variants: ``embed`` uses the cosine of the two sentences' embeddings as well, ``lexical``
is fitted without it for pairs that have no embedding.

Feature groups (see ``features``):

* ``base`` — the seven features alignment has always used (cosine, in-order overlap, Jaccard,
  containment, disagreeing numbers, length ratio, unmatched words);
* ``extended`` — capitalised-name and number mismatch, word 1–4-gram precisions,
  information-weighted overlap (information = 7 − wordfreq Zipf frequency), character
  3–6-gram overlaps, rapidfuzz ratios;
* ``difference`` — what one sentence says that the other does not, after lemmatisation:
  content words, their information, numbers, names, negation; smoothed sentence BLEU, word
  edit distance (TER-like) and a METEOR-like lemma F-mean with fragmentation penalty.

Which sentence comes first is arbitrary (in MRPC and in alignment), so every one-directional
figure enters as the pair (smaller, larger).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from lemminflect import getAllLemmas
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein
from wordfreq import zipf_frequency

MODEL_RESOURCE = "paraphrase.npz"  # in the package's data/ folder
KINDS = ("embed", "lexical")

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")
_NAME = re.compile(r"[A-Za-z][\w'-]*")
_NEGATION = frozenset({"not", "no", "never", "nor", "none", "nothing", "without", "nt", "cannot"})
# Information (7 − Zipf) above which a word counts as a content word: Zipf below 5, i.e. rarer
# than 100 per million words ("said", "which" and the function words are above).
CONTENT_INFO = 2.0


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; punctuation and quote styles do not matter."""
    return _WORD.findall(text.lower())


def numbers(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


def names(text: str) -> set[str]:
    """Capitalised words after the first: a crude, model-free stand-in for named entities."""
    words = _NAME.findall(text)
    return {w.lower() for w in words[1:] if w[0].isupper()}


# The two caches below only memoise pure functions of a word (wordfreq and lemminflect
# lookups cost ~0.1 ms each and the same words recur in every pair); they cannot change results.
@lru_cache(maxsize=65536)
def information(word: str) -> float:
    """7 − Zipf frequency in English: about 0 for "the", 7 for a word wordfreq has never seen."""
    return max(0.0, 7.0 - zipf_frequency(word, "en"))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A dictionary lemma (verb, then noun, adjective, adverb reading), else the word itself."""
    lemmas = getAllLemmas(word)
    for pos in ("VERB", "NOUN", "ADJ", "ADV"):
        if pos in lemmas:
            return lemmas[pos][0].lower()
    return word


def base_features(s1: str, s2: str, cos: float | None = None) -> list[float]:
    """cos, lcs, jaccard, containment, numbers_differ, length_ratio, unmatched (cos 0 if None)."""
    ta, tb = tokens(s1), tokens(s2)
    sa, sb = set(ta), set(tb)
    inter = len(sa & sb)
    na, nb = numbers(s1), numbers(s2)
    la, lb = len(ta), len(tb)
    return [
        0.0 if cos is None else float(cos),
        float(Indel.normalized_similarity(ta, tb)) if (ta or tb) else 1.0,
        inter / (len(sa | sb) or 1),
        inter / (min(len(sa), len(sb)) or 1),
        len(na ^ nb) / len(na | nb) if (na or nb) else 0.0,
        min(la, lb) / (max(la, lb) or 1),
        float(len(sa - sb) + len(sb - sa)),
    ]


def _min_max(x: float, y: float) -> list[float]:
    return [float(min(x, y)), float(max(x, y))]


def _negated(toks) -> bool:
    # tokens() splits "didn't" into "didn" + "t", so a trailing "n" before "t" is a negation too.
    return any(t in _NEGATION or (t == "t" and k and toks[k - 1].endswith("n")) for k, t in enumerate(toks))


@dataclass(frozen=True)
class _View:
    """What the features need from one sentence, computed once per sentence text."""

    text: str
    tokens: tuple[str, ...]
    names: frozenset[str]
    numbers: frozenset[str]
    word_grams: tuple[frozenset, ...]  # word 1- to 4-grams
    char_grams: tuple[frozenset, ...]  # character 3- to 6-grams of the lower-cased text
    word_counts: tuple[Counter, ...]  # word 1- to 4-gram multisets (for BLEU's clipping)
    lemmas: tuple[str, ...]
    negated: bool


# Sentences recur in many pairs (every article pair of a story); this memo of a pure
# function of the text only saves recomputing them.
@lru_cache(maxsize=8192)
def _view(text: str) -> _View:
    t = tokens(text)
    low = text.lower()
    return _View(
        text,
        tuple(t),
        frozenset(names(text)),
        numbers(text),
        tuple(frozenset(tuple(t[i : i + n]) for i in range(len(t) - n + 1)) for n in (1, 2, 3, 4)),
        tuple(frozenset(low[i : i + n] for i in range(len(low) - n + 1)) for n in (3, 4, 5, 6)),
        tuple(Counter(tuple(t[i : i + n]) for i in range(len(t) - n + 1)) for n in (1, 2, 3, 4)),
        tuple(lemma(w) for w in t),
        _negated(t),
    )


def extended_features(s1: str, s2: str) -> list[float]:
    """Names, numbers, word and character n-grams, information, fuzzy ratios (39 figures)."""
    va, vb = _view(s1), _view(s2)
    a, b = va.tokens, vb.tokens
    sa, sb = set(a), set(b)
    na, nb = va.names, vb.names
    ua, ub = va.numbers, vb.numbers
    out = [
        len(na ^ nb) / len(na | nb) if na | nb else 0.0,
        *_min_max(len(na - nb), len(nb - na)),
        float(bool(na - nb) and bool(nb - na)),
        float(bool(ua ^ ub)),
        float(len(ua ^ ub)),
        float(bool(ua - ub) and bool(ub - ua)),
    ]
    for ga, gb in zip(va.word_grams, vb.word_grams):
        shared = len(ga & gb)
        out += _min_max(shared / (len(ga) or 1), shared / (len(gb) or 1))
    ia, ib, ii = (sum(map(information, s)) for s in (sa, sb, sa & sb))
    out += _min_max(ii / (ia or 1), ii / (ib or 1))
    out += _min_max(sum(map(information, sa - sb)), sum(map(information, sb - sa)))
    out += [abs(len(a) - len(b)), len(a) + len(b)]
    for ga, gb in zip(va.char_grams, vb.char_grams):
        shared = len(ga & gb)
        out += _min_max(shared / (len(ga) or 1), shared / (len(gb) or 1))
        out.append(shared / ((len(ga) + len(gb) - shared) or 1))
    out += [
        fuzz.ratio(s1, s2) / 100,
        fuzz.token_set_ratio(s1, s2) / 100,
        fuzz.token_sort_ratio(s1, s2) / 100,
        fuzz.partial_ratio(s1, s2) / 100,
        float(('"' in s1) != ('"' in s2)),  # one side quotes, the other reports
        abs(len(s1) - len(s2)) / (max(len(s1), len(s2)) or 1),
    ]
    return out


def _bleu(cand: _View, ref: _View) -> float:
    """Sentence BLEU-4 with add-one smoothing of n>1 precisions (Lin & Och 2004).

    Hand-written (a dozen lines) from the sentences' cached n-gram counts; sacrebleu would
    re-tokenise every pair."""
    if not cand.tokens or not ref.tokens:
        return 0.0
    logs = 0.0
    for n in (1, 2, 3, 4):
        total = max(0, len(cand.tokens) - n + 1)
        gc, gr = cand.word_counts[n - 1], ref.word_counts[n - 1]
        if len(gc) == total and len(gr) == max(0, len(ref.tokens) - n + 1):
            hit = len(cand.word_grams[n - 1] & ref.word_grams[n - 1])  # no repeats: sets suffice
        else:
            hit = sum((gc & gr).values())  # clipped counts
        add = 0 if n == 1 else 1
        logs += math.log((hit + add) / (total + add) if (hit + add) else 1e-9)
    bp = min(0.0, 1 - len(ref.tokens) / len(cand.tokens))
    return math.exp(logs / 4 + bp)


def _meteor(la: Sequence[str], lb: Sequence[str]) -> float:
    """METEOR-like F-mean over lemma matches with a fragmentation penalty (chunks).

    Hand-written: METEOR proper needs WordNet synonyms, which are not installed; exact lemma
    matches with its F-mean (recall-weighted) and chunk penalty keep its order sensitivity."""
    positions: dict[str, list[int]] = {}
    for j in range(len(lb) - 1, -1, -1):
        positions.setdefault(lb[j], []).append(j)  # reversed: pop() gives the first unused
    align = [positions[t].pop() if positions.get(t) else -1 for t in la]
    m = sum(k >= 0 for k in align)
    if not m:
        return 0.0
    p, r = m / len(la), m / len(lb)
    fmean = 10 * p * r / (r + 9 * p)
    chunks = 0
    prev = -2
    for k in align:
        if k < 0:
            prev = -2
            continue
        if k != prev + 1:
            chunks += 1
        prev = k
    return fmean * (1 - 0.5 * (chunks / m) ** 3)


def difference_features(s1: str, s2: str) -> list[float]:
    """What one sentence says that the other does not, after lemmatisation (19 figures)."""
    va, vb = _view(s1), _view(s2)
    a, b = va.tokens, vb.tokens
    la, lb = set(va.lemmas), set(vb.lemmas)
    lemma_of = dict(zip(a, va.lemmas)) | dict(zip(b, vb.lemmas))
    only_a = [t for t in set(a) if lemma_of[t] not in lb]
    only_b = [t for t in set(b) if lemma_of[t] not in la]
    content_a = [t for t in only_a if information(t) > CONTENT_INFO]
    content_b = [t for t in only_b if information(t) > CONTENT_INFO]
    ia = [information(t) for t in only_a] or [0.0]
    ib = [information(t) for t in only_b] or [0.0]
    edits = Levenshtein.distance(a, b)  # word-level edit distance: TER without block shifts
    meteor_ab, meteor_ba = _meteor(va.lemmas, vb.lemmas), _meteor(vb.lemmas, va.lemmas)
    return [
        *_min_max(len(content_a), len(content_b)),
        *_min_max(max(ia), max(ib)),
        *_min_max(sum(ia), sum(ib)),
        float(any(t[0].isdigit() for t in only_a)) + float(any(t[0].isdigit() for t in only_b)),
        float(any(t in va.names for t in only_a)) + float(any(t in vb.names for t in only_b)),
        float(va.negated != vb.negated),
        *_min_max(len(only_a) / (len(set(a)) or 1), len(only_b) / (len(set(b)) or 1)),
        *_min_max(_bleu(va, vb), _bleu(vb, va)),
        Levenshtein.normalized_distance(a, b),
        *_min_max(edits / (len(a) or 1), edits / (len(b) or 1)),
        (meteor_ab + meteor_ba) / 2,
        *_min_max(meteor_ab, meteor_ba),
    ]


# --------------------------------------------------------------------------- model


def features(s1: str, s2: str, cos: float | None = None) -> np.ndarray:
    """The model's input for one pair: with ``cos`` the ``embed`` variant's, else ``lexical``'s."""
    base = base_features(s1, s2, cos)
    rest = extended_features(s1, s2) + difference_features(s1, s2)
    if cos is None:
        return np.array(base[1:] + rest)
    return np.array(base + rest + [float(cos) ** 2])


@dataclass(frozen=True)
class BaggedMLP:
    """Mean probability of a few one-hidden-layer ReLU networks over standardised features.

    ``w1`` is (networks, features, hidden), ``b1`` (networks, hidden), ``w2`` (networks,
    hidden), ``b2`` (networks,) — scikit-learn's MLPClassifier parameters, stacked."""

    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Probabilities for the rows of ``x`` (one row per pair)."""
        x = np.atleast_2d(x)
        if x.shape[1] != self.mean.shape[0]:
            raise ValueError(
                f"paraphrase model expects {self.mean.shape[0]} features, got {x.shape[1]}: the model "
                "file and features() disagree; refit with `python benchmarks/reuse.py --fit`"
            )
        z = (x - self.mean) / self.scale
        hidden = np.maximum(0.0, np.einsum("pf,nfh->nph", z, self.w1) + self.b1[:, None, :])
        logit = np.einsum("nph,nh->np", hidden, self.w2) + self.b2[:, None]
        return (1.0 / (1.0 + np.exp(-np.clip(logit, -50, 50)))).mean(axis=0)


@lru_cache(maxsize=1)
def load_models() -> dict[str, BaggedMLP]:
    """The fitted models, by kind (read once; the file is package data)."""
    ref = resources.files("newsfuse") / "data" / MODEL_RESOURCE
    try:
        with ref.open("rb") as fh, np.load(fh) as z:
            arrays = {k: z[k] for k in z.files}
    except FileNotFoundError as exc:
        raise RuntimeError(
            f"paraphrase model newsfuse/data/{MODEL_RESOURCE} is missing: reinstall newsfuse "
            "or refit it with `python benchmarks/reuse.py --fit`"
        ) from exc
    models = {}
    for kind in KINDS:
        parts = {f: arrays[f"{kind}.{f}"] for f in ("mean", "scale", "w1", "b1", "w2", "b2")}
        models[kind] = BaggedMLP(**parts)
    return models


def save_models(path, models: dict[str, BaggedMLP]) -> None:
    """Write fitted models (used by ``benchmarks/reuse.py --fit``)."""
    arrays = {}
    for kind, m in models.items():
        for f in ("mean", "scale", "w1", "b1", "w2", "b2"):
            arrays[f"{kind}.{f}"] = np.asarray(getattr(m, f), dtype=np.float64)
    np.savez_compressed(path, **arrays)


def probability(s1: str, s2: str, cos: float | None = None) -> float:
    """Probability that the two sentences are paraphrases (MRPC's sense of "equivalent")."""
    kind = "lexical" if cos is None else "embed"
    return float(load_models()[kind].predict(features(s1, s2, cos))[0])
