"""MinHash signatures and banded LSH over word n-grams, vectorised in numpy.

Why not datasketch directly: its ``MinHash`` hashes every shingle in a Python loop with
SHA-1 and keeps one object per document; here a whole document's shingles are hashed and
permuted in a few numpy operations, and a signature is a plain ``uint32`` array that
pickles and stores cheaply.  ``benchmarks/stories_scale.py`` measures both on the same
corpus.  Python's ``hash()`` is salted per process, so tokens are hashed with CRC-32 (stable
across runs and machines) and shingles are combined with fixed odd multipliers.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np

_U64 = np.uint64


@dataclass(frozen=True)
class MinHasher:
    """Signatures of ``num_perm`` min-wise hashes over word ``ngram``-shingles.

    The permutations are multiply-shift hashes ``(a*x + b) >> 32`` with odd ``a`` drawn
    from a seeded generator, so a signature depends only on the text and the settings.
    """

    num_perm: int = 64
    ngram: int = 5
    seed: int = 20260127
    _a: np.ndarray = field(init=False, repr=False, compare=False)
    _b: np.ndarray = field(init=False, repr=False, compare=False)
    _mix: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rng = np.random.default_rng(self.seed)
        a = rng.integers(1, 2**63, size=self.num_perm, dtype=np.uint64) | _U64(1)
        b = rng.integers(0, 2**63, size=self.num_perm, dtype=np.uint64)
        mix = rng.integers(1, 2**63, size=self.ngram, dtype=np.uint64) | _U64(1)
        object.__setattr__(self, "_a", a)
        object.__setattr__(self, "_b", b)
        object.__setattr__(self, "_mix", mix)

    def shingle_hashes(self, tokens: Sequence[str]) -> np.ndarray:
        """64-bit hashes of the document's distinct word n-grams (all tokens if fewer)."""
        if not tokens:
            return np.zeros(0, dtype=np.uint64)
        th = np.fromiter(
            (zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens)
        )
        n = max(1, len(th) - self.ngram + 1)
        k = min(self.ngram, len(th))
        # uint64 arithmetic wraps modulo 2**64: deterministic, and mixing is all we need.
        with np.errstate(over="ignore"):
            h = np.zeros(n, dtype=np.uint64)
            for j in range(k):
                h = h + th[j : j + n] * self._mix[j]
            h ^= h >> _U64(29)
        return np.unique(h)

    def signature(self, tokens: Sequence[str]) -> np.ndarray:
        """The ``num_perm`` minima as ``uint32``; all ``0xFFFFFFFF`` for an empty text."""
        h = self.shingle_hashes(tokens)
        if h.size == 0:
            return np.full(self.num_perm, 0xFFFFFFFF, dtype=np.uint32)
        with np.errstate(over="ignore"):
            permuted = (h[:, None] * self._a[None, :] + self._b[None, :]) >> _U64(32)
        return permuted.min(axis=0).astype(np.uint32)


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


class LSHIndex:
    """Banded LSH: keys whose signatures agree on all rows of any band are candidates.

    With ``bands`` × ``rows`` = ``num_perm``, pairs of Jaccard ``s`` collide with probability
    ``1 - (1 - s**rows)**bands``; the default 16 × 4 puts the S-curve's midpoint near 0.5,
    the level of reprints and lightly edited copies.
    """

    def __init__(self, bands: int = 16, rows: int = 4) -> None:
        self.bands = bands
        self.rows = rows
        self._buckets: list[dict[bytes, list[Hashable]]] = [defaultdict(list) for _ in range(bands)]

    def _keys(self, sig: np.ndarray) -> list[bytes]:
        if len(sig) < self.bands * self.rows:
            raise ValueError(
                f"signature has {len(sig)} hashes; LSH needs bands*rows = {self.bands * self.rows}"
            )
        return [sig[i * self.rows : (i + 1) * self.rows].tobytes() for i in range(self.bands)]

    def query(self, sig: np.ndarray) -> set[Hashable]:
        found: set[Hashable] = set()
        for band, key in zip(self._buckets, self._keys(sig)):
            hit = band.get(key)
            if hit:
                found.update(hit)
        return found

    def insert(self, key: Hashable, sig: np.ndarray) -> None:
        for band, k in zip(self._buckets, self._keys(sig)):
            band[k].append(key)
