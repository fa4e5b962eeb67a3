"""Who copied whom: reuse links between the articles of a story, and independence groups.

For every pair of articles the sentences are aligned (:mod:`newsfuse.align`); the alignment
is summarised in a few explainable measures and turned into a link:

* ``copy``        near verbatim: both articles are almost wholly the same wording;
* ``version``     another edition of the same text: most of the shorter article is the same
                  wording, some sentences changed (``changed``) or were added (``added``);
* ``paraphrase``  most of the source's sentences come back, in order, in other words;
* ``expansion``   a rewrite that carries part of the source and adds much material;
* ``summary``     a shorter rewrite of the source;
* ``independent`` the two share some statements (aligned pairs are listed, so claims can be
                  corroborated across them) but too little to say one derives from the other.
                  Pairs that share no aligned sentence get no link at all: absence of a link
                  means nothing in common, and a story of n articles does not grow n² links.

Direction (``directed=True``) comes, in this order, from publication time, wire credits (a
rewrite without the credit derives from the credited text), and containment (the side whose
material the other contains is the source).  ``reason`` says which evidence was used.

Independence groups: links of kind copy / version / paraphrase / summary join articles into
one origin.  Then a simple, explainable form of copy-aware truth discovery (Dong, Berti-Equille
& Srivastava 2009: sources that share values which others do not carry are likely copying):
two groups that share at least ``MIN_EXCLUSIVE`` specific items — numbers and words that are
rare in the language — that no other group of the story carries, and more of them than the
story's other pairs of groups share by chance (a Poisson test at ``COPY_ALPHA``), are joined as
suspected copies, even when their wording differs.  Items carried by three or more groups are
common knowledge of the story and prove nothing.  Every article belongs to exactly one group.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from . import align as al
from .model import Article, ReuseLink, Sentence, SentencePair, SourceGroup

# Reuse against independent writing, measured on the shorter article: either its aligned
# text keeps the other's wording (VERBATIM_MIN: character-weighted in-order token overlap of
# aligned sentences) or it carries the other's specific words (SPECIFIC_MIN: share of its
# words' information, −log frequency, found in the other).  Both thresholds were chosen by
# leave-one-task-out cross-validation on the Clough–Stevenson graded reuse corpus
# (benchmarks/reuse.py; 2-way accuracy in docs/benchmarks.md); the folds agreed on
# 0.12–0.16 and 0.40–0.42.
VERBATIM_MIN = 0.16
SPECIFIC_MIN = 0.42
DERIVED_MIN = 0.4  # share of the shorter article aligned, for rewrites to be told apart
COPY_MIN = 0.9  # both sides this much in the same wording: a copy
VERSION_MIN = 0.5  # shorter side this much in the same wording: an edition of the same text
PARAPHRASE_SOURCE_MIN = 0.6  # the source's share that a paraphrase carries over
IN_ORDER_MIN = 0.8  # share of aligned pairs that keep order in a paraphrase
SHORTER = 0.8  # a target this much shorter is a summary
SAME_TIME_S = 60.0  # publication times closer than this tell no direction

# Copy-aware grouping: specific items shared exclusively by two sources.  One shared rare name
# or figure happens between independent reporters of the same event; it takes several, and
# more than chance gives (COPY_ALPHA).  No labelled data exists for this here.
MIN_EXCLUSIVE = 3
# Significance of that count against chance sharing (see _suspected_copies): the conventional
# 1% level, not fitted on any data.
COPY_ALPHA = 0.01
RARE_ZIPF = 3.0  # wordfreq Zipf frequency below which a word counts as specific (≈1 per million words)

SAME_ORIGIN = ("copy", "version", "paraphrase", "summary")


@dataclass(frozen=True)
class PairMeasures:
    """What an alignment of article a with article b amounts to (shares of characters)."""

    pairs: tuple[SentencePair, ...]
    cover_a: float  # share of a's text in aligned sentences
    cover_b: float
    equal_a: float  # share of a's text in pairs of (nearly) the same wording
    equal_b: float
    in_order: float  # share of pairs on the longest in-order chain
    chars_a: int
    chars_b: int
    verbatim_a: float = 0.0  # share of a's text, weighted by in-order token overlap with b
    verbatim_b: float = 0.0
    specific_a: float = 0.0  # share of a's word information found in b
    specific_b: float = 0.0

    @property
    def shorter_cover(self) -> float:
        return self.cover_a if self.chars_a <= self.chars_b else self.cover_b

    @property
    def shorter_equal(self) -> float:
        return self.equal_a if self.chars_a <= self.chars_b else self.equal_b

    @property
    def derived(self) -> bool:
        """Whether the shorter article reuses the other (see VERBATIM_MIN, SPECIFIC_MIN)."""
        short_a = self.chars_a <= self.chars_b
        verbatim = self.verbatim_a if short_a else self.verbatim_b
        specific = self.specific_a if short_a else self.specific_b
        return verbatim >= VERBATIM_MIN or specific >= SPECIFIC_MIN


def word_information(prepared: al.Prepared, language: str | None) -> dict[str, float]:
    """Each distinct word of an article with its information, 7 − Zipf frequency (≥ 0).

    Zipf 7 is "the"; a word seen once per million words has Zipf 3.  Without frequencies for
    the language every word weighs 1 (plain word containment)."""
    from wordfreq import available_languages, zipf_frequency

    lang = (language or "en").split("-")[0].lower()
    words = {w for t in prepared.tokens for w in t}
    if lang not in available_languages():
        return {w: 1.0 for w in words}
    return {w: max(0.0, 7.0 - zipf_frequency(w, lang)) for w in words}


def specific_share(info_a: Mapping[str, float], info_b: Mapping[str, float]) -> float:
    """Share of a's word information that b also carries."""
    total = sum(info_a.values())
    return sum(v for w, v in info_a.items() if w in info_b) / total if total else 0.0


def measure(
    a: al.Prepared,
    b: al.Prepared,
    pairs: Sequence[SentencePair],
    info_a: Mapping[str, float] | None = None,
    info_b: Mapping[str, float] | None = None,
) -> PairMeasures:
    if info_a is None:
        info_a = word_information(a, None)
    if info_b is None:
        info_b = word_information(b, None)
    len_a = [len(t) for t in a.texts]
    len_b = [len(t) for t in b.texts]
    tot_a, tot_b = sum(len_a) or 1, sum(len_b) or 1
    equal = [
        p for p in pairs
        if p.method == "exact" or al.lexical_similarity(a.tokens[p.source], b.tokens[p.target]) >= al.EQUAL
    ]
    chain = al.increasing_chain([(p.source, p.target) for p in sorted(pairs, key=lambda p: p.source)])
    sim = [al.lexical_similarity(a.tokens[p.source], b.tokens[p.target]) for p in pairs]
    return PairMeasures(
        pairs=tuple(pairs),
        cover_a=sum(len_a[p.source] for p in pairs) / tot_a,
        cover_b=sum(len_b[p.target] for p in pairs) / tot_b,
        equal_a=sum(len_a[p.source] for p in equal) / tot_a,
        equal_b=sum(len_b[p.target] for p in equal) / tot_b,
        in_order=len(chain) / len(pairs) if pairs else 0.0,
        chars_a=sum(len_a),
        chars_b=sum(len_b),
        verbatim_a=sum(len_a[p.source] * x for p, x in zip(pairs, sim)) / tot_a,
        verbatim_b=sum(len_b[p.target] * x for p, x in zip(pairs, sim)) / tot_b,
        specific_a=specific_share(info_a, info_b),
        specific_b=specific_share(info_b, info_a),
    )


# --------------------------------------------------------------------------- direction


def _direction(x: Article, y: Article, m: PairMeasures) -> tuple[bool, bool, str]:
    """(x is the source, directed, why) for a pair measured as m (a = x, b = y)."""
    if x.published and y.published:
        dt = (y.published - x.published).total_seconds()
        if abs(dt) >= SAME_TIME_S:
            first = x if dt > 0 else y
            return dt > 0, True, f"{first.id} was published first"
    cx, cy = set(x.wire_credits), set(y.wire_credits)
    if cx and not cy:
        return True, True, f"{x.id} carries the wire credit ({', '.join(sorted(cx))}) that {y.id} lacks"
    if cy and not cx:
        return False, True, f"{y.id} carries the wire credit ({', '.join(sorted(cy))}) that {x.id} lacks"
    if abs(m.cover_a - m.cover_b) >= 0.2:
        contained = x if m.cover_a > m.cover_b else y
        return m.cover_a > m.cover_b, True, f"the other article contains most of {contained.id}"
    return True, False, "no evidence of direction (same time or unknown, same credits, neither contains the other)"


# --------------------------------------------------------------------------- classification


def classify(m: PairMeasures) -> str:
    """The kind of link for measures taken with a = source, b = target."""
    if not m.pairs or not m.derived:
        return "independent"
    if m.equal_a >= COPY_MIN and m.equal_b >= COPY_MIN:
        return "copy"
    if m.shorter_equal >= VERSION_MIN:
        # The same wording on both sides is an edition; the same wording wrapped in much new
        # material (a local paper around wire copy) is an expansion, or a cut-down summary.
        if min(m.equal_a, m.equal_b) >= VERSION_MIN:
            return "version"
        return "expansion" if m.chars_b > m.chars_a else "summary"
    if m.cover_a >= PARAPHRASE_SOURCE_MIN and m.cover_b >= DERIVED_MIN and m.in_order >= IN_ORDER_MIN:
        return "paraphrase"
    if m.chars_b <= SHORTER * m.chars_a and m.cover_b >= DERIVED_MIN:
        return "summary"
    # Carries part of the source, in its own words, next to material of its own.
    return "expansion"


def _explain(kind: str, src: Article, tgt: Article, m: PairMeasures, why: str, n_changed: int, n_added: int) -> str:
    shares = (
        f"{len(m.pairs)} aligned sentence pairs; {m.cover_a:.0%} of {src.id} and {m.cover_b:.0%} of "
        f"{tgt.id} aligned, {m.equal_a:.0%} / {m.equal_b:.0%} in the same wording; "
        f"{m.in_order:.0%} of pairs in order; {m.specific_a:.0%} / {m.specific_b:.0%} of each side's "
        f"specific words found in the other"
    )
    what = {
        "copy": "near-verbatim copy",
        "version": f"another edition of the same text ({n_changed} sentences changed, {n_added} added)",
        "paraphrase": "the source's sentences in order, in other words",
        "expansion": f"a rewrite that adds material ({n_added} sentences with no counterpart)",
        "summary": "a shorter rewrite",
        "independent": "shares some statements, in its own words and with its own specifics",
    }[kind]
    return f"{what}: {shares}. Direction: {why}."


def _flip(pairs: Sequence[SentencePair]) -> tuple[SentencePair, ...]:
    return tuple(sorted((SentencePair(p.target, p.source, p.score, p.method) for p in pairs), key=lambda p: p.source))


def _swap(m: PairMeasures) -> PairMeasures:
    return PairMeasures(
        _flip(m.pairs), m.cover_b, m.cover_a, m.equal_b, m.equal_a, m.in_order, m.chars_b, m.chars_a,
        m.verbatim_b, m.verbatim_a, m.specific_b, m.specific_a,
    )


def make_link(
    x: Article,
    y: Article,
    a: al.Prepared,
    b: al.Prepared,
    pairs: Sequence[SentencePair],
    info_x: Mapping[str, float] | None = None,
    info_y: Mapping[str, float] | None = None,
) -> ReuseLink | None:
    """The link between x and y from their alignment (pairs index a = x, b = y), or None."""
    if not pairs:
        return None
    m = measure(a, b, pairs, info_x or word_information(a, x.language), info_y or word_information(b, y.language))
    x_first, directed, why = _direction(x, y, m)
    src, tgt, ps, pt = (x, y, a, b) if x_first else (y, x, b, a)
    if not x_first:
        m = _swap(m)
    kind = classify(m)
    changed = tuple(
        (p.source, p.target) for p in m.pairs
        if p.method != "exact" and ps.keys[p.source] != pt.keys[p.target]
    )
    matched = {p.target for p in m.pairs}
    added = tuple(j for j in range(len(pt.texts)) if j not in matched and pt.tokens[j])
    score = round(m.shorter_cover, 4)
    return ReuseLink(
        source=src.id,
        target=tgt.id,
        kind=kind,  # type: ignore[arg-type]
        score=score,
        directed=directed and kind != "independent",
        pairs=m.pairs,
        changed=changed if kind != "independent" else (),
        added=added if kind != "independent" else (),
        reason=_explain(kind, src, tgt, m, why, len(changed), len(added)),
    )


# --------------------------------------------------------------------------- the story


def _order_key(a: Article) -> tuple:
    ts = a.published.timestamp() if a.published else float("inf")
    return (ts, a.id)


def link_story(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    *,
    embedder=None,
) -> tuple[tuple[ReuseLink, ...], tuple[SourceGroup, ...]]:
    """Reuse links for every pair of the story's articles that shares material, and groups.

    Anchored (lexical) alignment runs for every pair; sentences that no pair matched in
    near-same wording somewhere are embedded once for the whole story (when ``embedder`` is
    given) and compared by cosine only where anchors did not already align them."""
    arts = sorted({a.id: a for a in articles}.values(), key=_order_key)
    prep = {a.id: al.prepare(sentences.get(a.id, ())) for a in arts}
    lexical = {
        (x.id, y.id): al.lexical_pairs(prep[x.id], prep[y.id]) for x, y in combinations(arts, 2)
    }
    info = {a.id: word_information(prep[a.id], a.language) for a in arts}
    vectors: dict[str, np.ndarray | None] = {a.id: None for a in arts}
    if embedder is not None:
        need: set[str] = set()
        for (xi, yi), lex in lexical.items():
            done_x, done_y = al.strongly_matched(prep[xi], prep[yi], lex)
            need.update(t for i, t in enumerate(prep[xi].texts) if i not in done_x)
            need.update(t for j, t in enumerate(prep[yi].texts) if j not in done_y)
        table = al.embed_texts(embedder, sorted(need))
        vectors = {a.id: al.vectors_for(prep[a.id].texts, table) for a in arts}

    links: list[ReuseLink] = []
    for x, y in combinations(arts, 2):
        pairs = al.align_prepared(prep[x.id], prep[y.id], vectors[x.id], vectors[y.id], lexical[(x.id, y.id)])
        link = make_link(x, y, prep[x.id], prep[y.id], pairs, info[x.id], info[y.id])
        if link is not None:
            links.append(link)
    groups = source_groups(arts, links, sentences)
    return tuple(links), groups


# --------------------------------------------------------------------------- groups


class _UnionFind:
    def __init__(self, items: Sequence[str]):
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: str, y: str) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def specific_items(article: Article, sentences: Sequence[Sentence]) -> frozenset[str]:
    """Numbers and words rare in the article's language: the specific values an article carries.

    Rarity comes from wordfreq's general-language frequencies, so names and technical terms
    count and everyday words do not.  Without frequencies for the language, only numbers and
    capitalised words inside a sentence count."""
    from wordfreq import available_languages, zipf_frequency

    lang = (article.language or "en").split("-")[0].lower()
    known = lang in available_languages()
    items: set[str] = set()
    for s in sentences:
        items.update("#" + n.replace(",", "") for n in _NUMBER.findall(s.text))
        for k, w in enumerate(_WORD.finditer(s.text)):
            word = w.group()
            if known:
                if zipf_frequency(word.lower(), lang) < RARE_ZIPF:
                    items.add(word.lower())
            elif k > 0 and word[0].isupper():
                items.add(word.lower())
    return frozenset(items)


def _poisson_tail(k: int, lam: float) -> float:
    """P(X ≥ k) for X ~ Poisson(lam)."""
    if k <= 0:
        return 1.0
    term, below = math.exp(-lam), 0.0
    for i in range(k):
        below += term
        term *= lam / (i + 1)
    return max(0.0, 1.0 - below)


def _suspected_copies(
    ids: Sequence[str], items: Mapping[str, frozenset[str]], uf: "_UnionFind"
) -> list[tuple[str, str, str]]:
    """Pairs of sources that share more exclusive specifics than chance allows (joined in ``uf``).

    Copy-aware truth discovery (Dong et al. 2009) treats values that two sources alone share as
    evidence of copying.  How much evidence depends on the story: reporters of one event share
    some rare names and figures by chance, the more so when the story has few sources or long
    articles.  So the count is tested against a null model of independent sources: the items
    that exactly two sources carry fall on pairs of sources in proportion to the product of
    their numbers of specific items, at the rate the story's other pairs show; a pair is
    suspected when its count is at least
    MIN_EXCLUSIVE and its Poisson tail probability under that expectation is below
    COPY_ALPHA.  Sources are the groups already joined by reuse links, so an item that two
    editions of one wire story and a third article carry counts as shared by two sources.
    """
    root_items: dict[str, set[str]] = {}
    for aid in ids:
        root_items.setdefault(uf.find(aid), set()).update(items[aid])
    roots = sorted(root_items, key=ids.index)
    if len(roots) < 3:  # "carried by no one else" means nothing with two sources
        return []
    carriers: dict[str, list[str]] = {}
    for root in roots:
        for it in root_items[root]:
            carriers.setdefault(it, []).append(root)
    shared: dict[tuple[str, str], list[str]] = {}
    for it, who in carriers.items():
        if len(who) == 2:
            shared.setdefault((who[0], who[1]), []).append(it)
    total = sum(len(v) for v in shared.values())
    size = {r: len(root_items[r]) for r in roots}
    norm = sum(size[x] * size[y] for i, x in enumerate(roots) for y in roots[i + 1:]) or 1
    notes = []
    for (x, y), exclusive in sorted(shared.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        # The chance rate comes from the other pairs (leave this pair out, so that copying
        # cannot explain itself away), with the Jeffreys prior's half count so that a story
        # whose other pairs share nothing still expects something.
        others = norm - size[x] * size[y]
        rate = (total - len(exclusive) + 0.5) / others if others > 0 else float("inf")
        expected = rate * size[x] * size[y]
        p = _poisson_tail(len(exclusive), expected)
        if len(exclusive) < MIN_EXCLUSIVE or p >= COPY_ALPHA or uf.find(x) == uf.find(y):
            continue
        uf.union(x, y)
        shown = ", ".join(sorted(e.lstrip("#") for e in exclusive)[:8])
        notes.append((x, y, (
            f"suspected copying: {x} and {y} share {len(exclusive)} specific items that no other "
            f"source carries ({shown}); {expected:.1f} expected by chance, p = {p:.3f}"
        )))
    return notes


def source_groups(
    articles: Sequence[Article],
    links: Sequence[ReuseLink],
    sentences: Mapping[str, Sequence[Sentence]],
) -> tuple[SourceGroup, ...]:
    """Partition the story's articles into independent sources (see the module docstring)."""
    ids = [a.id for a in articles]
    uf = _UnionFind(ids)
    why: dict[str, list[str]] = {i: [] for i in ids}
    for link in links:
        if link.kind in SAME_ORIGIN:
            uf.union(link.source, link.target)
            why[link.target].append(f"{link.target} is a {link.kind} of {link.source}")

    items = {a.id: specific_items(a, sentences.get(a.id, ())) for a in articles}
    copy_notes = _suspected_copies(ids, items, uf) if len(ids) >= 3 else []

    by_root: dict[str, list[str]] = {}
    for i in ids:
        by_root.setdefault(uf.find(i), []).append(i)
    groups: list[SourceGroup] = []
    for k, (root, members) in enumerate(sorted(by_root.items(), key=lambda kv: ids.index(kv[1][0])), 1):
        reasons = [r for m in members for r in why[m]]
        reasons += [note for x, _, note in copy_notes if uf.find(x) == root]
        if len(members) == 1:
            reasons.append(f"{members[0]} derives from no other article of the story")
        groups.append(SourceGroup(id=f"source-{k}", articles=tuple(members), reason="; ".join(reasons)))
    return tuple(groups)


def to_dot(links, groups, articles) -> str:
    """Graphviz DOT of the story's reuse graph (see :mod:`newsfuse.provenance`)."""
    from .provenance import to_dot as _to_dot

    return _to_dot(links, groups, articles)


def to_graphml(links, groups, articles) -> str:
    """GraphML of the story's reuse graph (see :mod:`newsfuse.provenance`)."""
    from .provenance import to_graphml as _to_graphml

    return _to_graphml(links, groups, articles)
