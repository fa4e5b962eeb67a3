"""Sentence alignment between two articles of a story.

Two kinds of evidence, cheapest first (the way passim aligns reprints):

1. **Anchors.**  Word n-grams that occur exactly once in each article are anchors.  The
   longest increasing subsequence of anchors (ordered by position in ``a``, increasing in
   ``b``) keeps the ones that agree on order; gaps split the chain into passages; leftover
   anchors get further chains so a moved paragraph is still found.  Each anchor votes for the
   sentence pair it falls in; those pairs are scored lexically.  Exact and near-exact copies
   are aligned here without any model.
2. **Embeddings.**  Sentences that no anchor matched in near-same wording are compared by
   cosine of their sentence embeddings (computed once per sentence by the caller, or here);
   pairs must be among each other's two nearest and reach ``ALIGN_COS`` or the paraphrase
   model's 0.5.  This finds paraphrases without scoring every pair of sentences.

Every candidate pair gets a probability of saying the same thing from ``paraphrase`` (a small
model over explainable features — cosine, shared words, n-grams, names and numbers, what one
sentence says that the other does not — fitted on the MRPC news paraphrase corpus by
``benchmarks/reuse.py --fit``; nested 10-fold cross-validated there).  The final alignment is
one-to-one and order-aware: the maximum-weight chain of pairs that keeps order on both sides,
then confident pairs that moved.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Indel

from . import paraphrase
from .model import Sentence, SentencePair

ANCHOR_N = 5  # passim's default n-gram order for reprint detection
PASSAGE_GAP = 20  # tokens; a longer gap between consecutive anchors starts a new passage
MAX_CHAINS = 3  # in-order anchor chains tried per pair (the first, then moved material)
TOP_K = 2  # embedding candidates must be among each other's TOP_K nearest sentences
EMBED_FLOOR = 0.45  # cosine below which a pair is not even scored (MRPC: <2% of paraphrases)
PARAPHRASE_P = 0.5  # probability at which a pair is called a paraphrase (MRPC decision)
# Cosine from which two sentences are aligned as the same statement even when the paraphrase
# model doubts (rewrites elaborate: "same statement" is looser than MRPC's "equivalent").
# The cosine threshold with the best accuracy on MRPC train (10-fold CV in benchmarks/reuse.py).
ALIGN_COS = 0.68
LEXICAL_KEEP = 0.6  # in-order token overlap above which an anchored pair is one edited sentence
FRAGMENT_KEEP = 0.8  # share of the shorter sentence found in order in the longer one
MOVED_MIN = 0.8  # evidence a pair needs to be aligned out of order (moved material)
EQUAL = 0.9  # in-order token overlap from which two sentences count as the same wording

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")

# The seven features alignment has always computed for a pair (paraphrase.base_features);
# "lcs" is the in-order overlap the alignment keeps as evidence of one edited sentence.
FEATURES = ("cos", "lcs", "jaccard", "containment", "numbers_differ", "length_ratio", "unmatched")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; punctuation and quote styles do not matter for alignment."""
    return _WORD.findall(text.lower())


def numbers(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


def lexical_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """2·LCS/(|a|+|b|) over tokens: 1 for the same wording, high for small edits, in order."""
    if not a and not b:
        return 1.0
    return float(Indel.normalized_similarity(list(a), list(b)))


def containment(a: Sequence[str], b: Sequence[str]) -> float:
    """LCS over the shorter side: 1 when one sentence is a verbatim fragment of the other."""
    la, lb = len(a), len(b)
    if not la or not lb:
        return 0.0
    lcs = (la + lb - Indel.distance(list(a), list(b))) / 2
    return lcs / min(la, lb)


def pair_features(a_text: str, b_text: str, cos: float | None = None) -> np.ndarray:
    """The features of FEATURES for one sentence pair (cos 0 when unknown)."""
    return np.array(paraphrase.base_features(a_text, b_text, cos))


def paraphrase_probability(a_text: str, b_text: str, cos: float | None = None) -> float:
    """Probability that the two sentences say the same thing (``paraphrase.probability``)."""
    return paraphrase.probability(a_text, b_text, cos)


# --------------------------------------------------------------------------- prepared text


@dataclass(frozen=True)
class Prepared:
    """One article's sentences as alignment needs them; built once per article per story."""

    texts: tuple[str, ...]
    tokens: tuple[tuple[str, ...], ...]
    keys: tuple[str, ...]  # normalised wording: equal keys are exact copies
    flat_sentence: tuple[int, ...]  # sentence index of each token of the article
    ngrams: dict  # n-gram -> position of its only occurrence (repeated n-grams are not anchors)


def prepare(sentences: Sequence[Sentence | str], n: int = ANCHOR_N) -> Prepared:
    texts = tuple(s if isinstance(s, str) else s.text for s in sentences)
    toks = tuple(tuple(tokens(t)) for t in texts)
    flat: list[str] = []
    owner: list[int] = []
    for i, t in enumerate(toks):
        flat.extend(t)
        owner.extend([i] * len(t))
    counts: Counter = Counter()
    first: dict = {}
    for p in range(len(flat) - n + 1):
        g = tuple(flat[p : p + n])
        counts[g] += 1
        first.setdefault(g, p)
    unique = {g: p for g, p in first.items() if counts[g] == 1}
    return Prepared(texts, toks, tuple(" ".join(t) for t in toks), tuple(owner), unique)


# --------------------------------------------------------------------------- anchors


def increasing_chain(points: Sequence[tuple[int, int]]) -> list[int]:
    """Indices of a longest chain of points increasing in both coordinates (O(k log k)).

    Hand-written because it is a dozen lines; points come sorted by their first coordinate
    with distinct first coordinates (each anchor position occurs once)."""
    tails: list[int] = []  # smallest b ending a chain of each length
    tail_idx: list[int] = []
    prev = [-1] * len(points)
    for i, (_, b) in enumerate(points):
        k = bisect_left(tails, b)
        if k == len(tails):
            tails.append(b)
            tail_idx.append(i)
        else:
            tails[k] = b
            tail_idx[k] = i
        prev[i] = tail_idx[k - 1] if k else -1
    out: list[int] = []
    i = tail_idx[-1] if tail_idx else -1
    while i >= 0:
        out.append(i)
        i = prev[i]
    return out[::-1]


@dataclass(frozen=True)
class Passage:
    """A run of in-order anchors: token spans [a_start, a_end) and [b_start, b_end)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    anchors: int


def anchor_passages(a: Prepared, b: Prepared, n: int = ANCHOR_N) -> list[Passage]:
    """Shared passages: chains of rare n-grams in order, split at gaps (passim's method)."""
    points = sorted((pa, b.ngrams[g]) for g, pa in a.ngrams.items() if g in b.ngrams)
    passages: list[Passage] = []
    for _ in range(MAX_CHAINS):
        if not points:
            break
        chain_idx = increasing_chain(points)
        chain = [points[i] for i in chain_idx]
        taken = set(chain_idx)
        points = [p for i, p in enumerate(points) if i not in taken]
        start = 0
        for k in range(1, len(chain) + 1):
            if k == len(chain) or (
                chain[k][0] - chain[k - 1][0] > PASSAGE_GAP or chain[k][1] - chain[k - 1][1] > PASSAGE_GAP
            ):
                run = chain[start:k]
                passages.append(
                    Passage(run[0][0], run[-1][0] + n, run[0][1], run[-1][1] + n, len(run))
                )
                start = k
        if len(chain) < 2:  # a lone anchor left over is noise, not moved material
            break
    return passages


def _anchor_votes(a: Prepared, b: Prepared, passages: Sequence[Passage]) -> Counter:
    """Sentence pairs that the passages' anchors fall in, with how many anchors each."""
    votes: Counter = Counter()
    for p in passages:
        la, lb = p.a_end - p.a_start, p.b_end - p.b_start
        # Walk both spans in step: aligned passages have (nearly) the same token sequence.
        for off in range(min(la, lb)):
            votes[(a.flat_sentence[p.a_start + off], b.flat_sentence[p.b_start + off])] += 1
    return votes


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True)
class Candidate:
    a: int
    b: int
    probability: float  # that the two say the same thing (paraphrase model)
    lexical: float  # in-order token overlap (or a verbatim fragment's share of it)
    method: str
    cos: float = 0.0

    @property
    def weight(self) -> float:
        """Strength of the evidence that the two are one statement, for choosing among pairs."""
        return max(self.probability, self.lexical, self.cos)


def lexical_pairs(a: Prepared, b: Prepared) -> dict[tuple[int, int], str]:
    """Sentence pairs with lexical evidence: identical wording, or anchors falling in both."""
    out: dict[tuple[int, int], str] = {}
    by_key: dict[str, list[int]] = {}
    for j, kb in enumerate(b.keys):
        if kb:
            by_key.setdefault(kb, []).append(j)
    for i, ka in enumerate(a.keys):
        for j in by_key.get(ka, ()) if ka else ():
            out[(i, j)] = "exact"
    for pair in _anchor_votes(a, b, anchor_passages(a, b)):
        out.setdefault(pair, "ngram")
    return out


def strongly_matched(a: Prepared, b: Prepared, lexical: dict[tuple[int, int], str]) -> tuple[set[int], set[int]]:
    """Sentences of each side that an anchored pair already matches in near-same wording."""
    done_a: set[int] = set()
    done_b: set[int] = set()
    for (i, j), method in lexical.items():
        if method == "exact" or lexical_similarity(a.tokens[i], b.tokens[j]) >= EQUAL:
            done_a.add(i)
            done_b.add(j)
    return done_a, done_b


def candidates(
    a: Prepared,
    b: Prepared,
    lexical: dict[tuple[int, int], str],
    a_vectors: np.ndarray | None = None,
    b_vectors: np.ndarray | None = None,
) -> list[Candidate]:
    """Score the lexical pairs, then add embedding pairs among sentences not matched yet."""
    out: dict[tuple[int, int], Candidate] = {}
    for (i, j), method in lexical.items():
        if method == "exact":
            out[(i, j)] = Candidate(i, j, 1.0, 1.0, "exact")
            continue
        cos = _cosine(a_vectors, b_vectors, i, j)
        lex = lexical_similarity(a.tokens[i], b.tokens[j])
        # Near-same wording is one statement whatever the model says, and the pair's weight is
        # at least ``lex`` anyway: skip the model (most anchored pairs in a story; ~1 ms each).
        p = lex if lex >= EQUAL else paraphrase_probability(a.texts[i], b.texts[j], cos)
        # An anchored pair with most tokens in order is one sentence edited (a number or a
        # word changed): keep it even when the paraphrase model doubts, so that the changed
        # values can be compared downstream.
        # A fragment copied verbatim out of a longer sentence is reuse too.
        frag = containment(a.tokens[i], b.tokens[j])
        if lex >= LEXICAL_KEEP or p >= PARAPHRASE_P or frag >= FRAGMENT_KEEP:
            # The probability stays the model's (the pair's score is the paraphrase decision);
            # the lexical evidence, fragment included, enters the weight for choosing pairs.
            out[(i, j)] = Candidate(i, j, p, max(lex, frag * lex**0.5), "ngram", cos or 0.0)

    if a_vectors is None or b_vectors is None or not len(a.texts) or not len(b.texts):
        return list(out.values())
    done_a, done_b = strongly_matched(a, b, lexical)
    rows = [i for i in range(len(a.texts)) if i not in done_a and a_vectors[i].any()]
    cols = [j for j in range(len(b.texts)) if j not in done_b and b_vectors[j].any()]
    if rows and cols:
        sims = a_vectors[rows] @ b_vectors[cols].T
        # Only pairs that are among each other's TOP_K nearest: a statement has one or two
        # counterparts, and a story's sentences are all somewhat alike, so this bounds the
        # candidates per article pair at O(n) instead of O(n²).
        k_r, k_c = min(TOP_K, len(cols)), min(TOP_K, len(rows))
        row_kth = -np.partition(-sims, k_r - 1, axis=1)[:, k_r - 1 : k_r]
        col_kth = -np.partition(-sims, k_c - 1, axis=0)[k_c - 1 : k_c, :]
        keep = (sims >= EMBED_FLOOR) & (sims >= row_kth) & (sims >= col_kth)
        for r, c in zip(*np.nonzero(keep)):
            i, j = rows[int(r)], cols[int(c)]
            if (i, j) in out:
                continue
            cos = float(sims[r, c])
            p = paraphrase_probability(a.texts[i], b.texts[j], cos)
            if p >= PARAPHRASE_P or cos >= ALIGN_COS:
                out[(i, j)] = Candidate(i, j, p, lexical_similarity(a.tokens[i], b.tokens[j]), "embedding", cos)
    return list(out.values())


def _cosine(av: np.ndarray | None, bv: np.ndarray | None, i: int, j: int) -> float | None:
    """Cosine of two unit rows, or None when either sentence was not embedded (zero row)."""
    if av is None or bv is None or not av[i].any() or not bv[j].any():
        return None
    return float(av[i] @ bv[j])


def one_to_one(cands: Sequence[Candidate]) -> list[Candidate]:
    """Maximum-weight chain of pairs increasing on both sides, then confident moved pairs.

    The chain is a weighted LIS over the sparse candidates (O(k²) on k candidates, which stay
    few because only anchored or embedding-close pairs are candidates)."""
    if not cands:
        return []
    order = sorted(cands, key=lambda c: (c.a, c.b))
    best = [c.weight for c in order]
    prev = [-1] * len(order)
    for k, c in enumerate(order):
        for m in range(k):
            d = order[m]
            if d.a < c.a and d.b < c.b and best[m] + c.weight > best[k]:
                best[k] = best[m] + c.weight
                prev[k] = m
    k = max(range(len(order)), key=best.__getitem__)
    chain: list[Candidate] = []
    while k >= 0:
        chain.append(order[k])
        k = prev[k]
    used_a = {c.a for c in chain}
    used_b = {c.b for c in chain}
    moved: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-c.weight, c.a, c.b)):
        # A pair out of order must stand on strong evidence: same wording or a clear paraphrase.
        if c.a in used_a or c.b in used_b or c.weight < MOVED_MIN:
            continue
        moved.append(c)
        used_a.add(c.a)
        used_b.add(c.b)
    return sorted(chain + moved, key=lambda c: (c.a, c.b))


def align_prepared(
    a: Prepared,
    b: Prepared,
    a_vectors: np.ndarray | None = None,
    b_vectors: np.ndarray | None = None,
    lexical: dict[tuple[int, int], str] | None = None,
) -> tuple[SentencePair, ...]:
    if lexical is None:
        lexical = lexical_pairs(a, b)
    chosen = one_to_one(candidates(a, b, lexical, a_vectors, b_vectors))
    return tuple(
        SentencePair(c.a, c.b, round(c.probability, 4), c.method)  # type: ignore[arg-type]
        for c in chosen
    )


def align(
    a_sents: Sequence[Sentence | str],
    b_sents: Sequence[Sentence | str],
    *,
    embedder=None,
) -> tuple[SentencePair, ...]:
    """Align two articles' sentences one-to-one; ``source`` indexes ``a``, ``target`` ``b``.

    With ``embedder=None`` only lexical evidence is used.  Only sentences that anchors left
    without a near-same counterpart are embedded, each once."""
    a, b = prepare(a_sents), prepare(b_sents)
    lexical = lexical_pairs(a, b)
    av = bv = None
    if embedder is not None:
        done_a, done_b = strongly_matched(a, b, lexical)
        need = [t for i, t in enumerate(a.texts) if i not in done_a]
        need += [t for j, t in enumerate(b.texts) if j not in done_b]
        table = embed_texts(embedder, need)
        av, bv = vectors_for(a.texts, table), vectors_for(b.texts, table)
    return align_prepared(a, b, av, bv, lexical)


def embed_texts(embedder, texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Embed each distinct text once."""
    unique = sorted(set(texts))
    if not unique:
        return {}
    matrix = embedder.encode(unique)
    return {t: matrix[k] for k, t in enumerate(unique)}


def vectors_for(texts: Sequence[str], table: dict[str, np.ndarray]) -> np.ndarray:
    """Rows for ``texts``; a text with no vector gets a zero row (treated as not embedded)."""
    dim = next(iter(table.values())).shape[0] if table else 1
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for k, t in enumerate(texts):
        v = table.get(t)
        if v is not None:
            out[k] = v
    return out
