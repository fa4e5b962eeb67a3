"""Cost of link_story as a story grows: synthetic stories of n articles × 40 sentences.

Articles are made from three "wire" originals: each copies most sentences of one original,
edits some (two words replaced), drops a few, and adds sentences of its own — the mix of
versions and rewrites a real story has.  Words are pseudo-words drawn from a Zipf law, made
here (no text is copied from anywhere).  Pseudo-words cut into many word pieces, so the
model's time per sentence is higher here than on news (~150 sentences/s on 2 cores).  Prints seconds per story with and without the
embedding model, and the number of sentences embedded (each once per story).

Usage: python benchmarks/reuse_scale.py [--no-embed] [--sizes 10,20,50]
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from newsfuse.model import Article
from newsfuse.reuse import link_story
from newsfuse.segment import split_sentences

SENTENCES = 40


class CountingEmbedder:
    def __init__(self, inner):
        self.inner = inner
        self.name = inner.name
        self.count = 0
        self.seconds = 0.0

    def encode(self, texts):
        self.count += len(texts)
        t0 = time.perf_counter()
        out = self.inner.encode(texts)
        self.seconds += time.perf_counter() - t0
        return out


def make_vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    syllables = ["ka", "lo", "mi", "tu", "re", "san", "vel", "dor", "ip", "na", "shu", "bre", "to", "ga", "lin"]
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def sentence(rng: random.Random, vocab: list[str], weights: list[float]) -> str:
    words = rng.choices(vocab, weights=weights, k=rng.randint(12, 28))
    return " ".join(words).capitalize() + "."


def make_story(n: int, seed: int = 0) -> list[Article]:
    rng = random.Random(seed)
    vocab = make_vocabulary(rng)
    weights = [1.0 / (k + 1) for k in range(len(vocab))]
    originals = [[sentence(rng, vocab, weights) for _ in range(SENTENCES)] for _ in range(3)]
    articles = []
    for k in range(n):
        origin = originals[k % 3]
        out = []
        for s in origin:
            r = rng.random()
            if r < 0.1:
                continue  # dropped
            if r < 0.3:  # edited: two words replaced
                words = s[:-1].split()
                for _ in range(2):
                    words[rng.randrange(len(words))] = rng.choice(vocab)
                s = " ".join(words) + "."
            out.append(s)
            if rng.random() < 0.1:
                out.append(sentence(rng, vocab, weights))  # material of its own
        out = out[:SENTENCES]
        articles.append(Article(id=f"a{k:03d}", source=f"synthetic:{k}", text="\n".join(out)))
    return articles


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-embed", action="store_true")
    ap.add_argument("--sizes", default="10,20,50")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    embedder = None
    if not args.no_embed:
        from newsfuse.embed import load_embedder

        inner = load_embedder()
        embedder = CountingEmbedder(inner) if inner is not None else None
    print(f"synthetic stories, {SENTENCES} sentences per article (2-core CPU)")
    for n in sizes:
        arts = make_story(n)
        sents = {a.id: split_sentences(a) for a in arts}
        total = sum(len(s) for s in sents.values())
        t0 = time.perf_counter()
        links, groups = link_story(arts, sents)
        lexical_s = time.perf_counter() - t0
        line = f"  {n:3d} articles ({total} sentences, {n * (n - 1) // 2} pairs): lexical {lexical_s:6.2f} s"
        if embedder is not None:
            embedder.count, embedder.seconds = 0, 0.0
            t0 = time.perf_counter()
            links, groups = link_story(arts, sents, embedder=embedder)
            total_s = time.perf_counter() - t0
            line += (
                f"; with embeddings {total_s:6.2f} s, of which the model {embedder.seconds:.2f} s "
                f"({embedder.count} sentences embedded once each)"
            )
        line += f"; {len(links)} links, {len(groups)} groups"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
