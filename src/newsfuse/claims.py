"""Claims: what the articles of one story state, grouped so that sources can be counted.

Two kinds of claim come out of :func:`build_claims`:

* **statement claims** — sentences that the reuse stage aligned across articles, joined
  transitively (union-find over (article, sentence) nodes: if A's 3rd sentence is aligned with
  B's 5th and B's 5th with C's 2nd, the three are one statement).  A sentence aligned with
  nothing is a single-article statement claim.
* **value claims** — the story's typed values with the same key (what they measure), from
  every article, whether or not their sentences were aligned: rewrites put a figure in new
  words and new places, so comparing only aligned sentences would miss most disagreements.

The status of each claim comes from :func:`newsfuse.crosscheck.assess`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from lemminflect import getAllLemmas

from .crosscheck import COMPARABLE_TYPES, NUMERIC_TYPES, agrees, assess, compatible, contradicts, worst
from .model import Article, Claim, Mention, ReuseLink, Sentence, SourceGroup, Story, Value
from .values import same_key

# Values that are not claims about the world on their own: who said something, and what
# they said word for word, are carried by the statement claims instead.
_NOT_VALUE_CLAIMS = frozenset({"attribution", "quotation"})
_EDITION_KINDS = frozenset({"copy", "version"})
# Values that count as "specific" details for the unconfirmed counts.
SPECIFIC_TYPES = COMPARABLE_TYPES | {"person", "organization"}


class _UnionFind:
    """Plain union-find; hand-written because it is ten lines and needs no dependency."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Deterministic root: the smaller node, so results never depend on input order.
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def _group_map(articles: Sequence[Article], groups: Sequence[SourceGroup]) -> dict[str, str]:
    group_of = {aid: g.id for g in groups for aid in g.articles}
    for a in articles:
        group_of.setdefault(a.id, f"alone:{a.id}")  # an ungrouped article is its own source
    return group_of


def _claim_id(kind: str, key: str, mentions: Sequence[Mention], values: Sequence[Value] = ()) -> str:
    """Stable id: a hash of the sorted mentions (and, for a value claim, its key and value
    spans, so two claims read from the same sentences never share an id)."""
    parts = [kind, key] + [f"{m.article_id}\t{m.sentence_index}" for m in sorted(mentions, key=_mention_order)]
    parts += sorted(f"{v.article_id}\t{v.sentence_index}\t{v.span[0]}\t{v.span[1]}\t{v.type}" for v in values)
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def _mention_order(m: Mention) -> tuple[str, int]:
    return (m.article_id, m.sentence_index)


def build_claims(
    story: Story,
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    values: Sequence[Value],
    links: Sequence[ReuseLink],
    groups: Sequence[SourceGroup],
    *,
    embedder=None,
) -> tuple[Claim, ...]:
    """Statement claims and value claims of one story, each with its final status.

    ``embedder`` is accepted for the stage contract; alignment already happened in the
    reuse stage and contradiction is decided on typed values, so no embedding is needed.
    """
    del embedder
    member = {a.id for a in articles} | set(story.articles)
    group_of = _group_map(articles, groups)
    published: dict[str, datetime | None] = {a.id: a.published for a in articles}
    # Publication order decides the representative sentence: the earliest report first.
    rank = {
        a.id: i
        for i, a in enumerate(
            sorted(articles, key=lambda a: (a.published is None, a.published.timestamp() if a.published else 0, a.id))
        )
    }
    text_of: dict[tuple[str, int], str] = {
        (aid, s.index): s.text for aid, ss in sentences.items() if aid in member for s in ss
    }
    story_values = [v for v in values if v.article_id in member]
    values_at: dict[tuple[str, int], list[Value]] = {}
    for v in story_values:
        values_at.setdefault((v.article_id, v.sentence_index), []).append(v)

    # Only another edition of the same wire story can *update* a figure; articles grouped for
    # other reasons (shared rare details) that disagree are still in conflict.
    editions = {
        frozenset((link.source, link.target)) for link in links if link.kind in _EDITION_KINDS
    }
    ctx = _Context(group_of, published, text_of, editions)
    claims = _statement_claims(links, values_at, rank, member, ctx)
    aligned = {(m.article_id, m.sentence_index): c.id for c in claims if len(c.mentions) > 1 for m in c.mentions}
    claims += _value_claims(story_values, rank, ctx, aligned)
    return tuple(claims)


@dataclass(frozen=True)
class _Context:
    """What every assessment in one story needs."""

    group_of: Mapping[str, str]
    published: Mapping[str, datetime | None]
    text_of: Mapping[tuple[str, int], str]
    editions: frozenset[frozenset[str]] | set[frozenset[str]]

    def assess(self, values: Sequence[Value], articles=()):
        return assess(
            values, self.group_of, self.published, articles=articles,
            sentence_text=self.text_of, editions=self.editions,
        )


def _statement_claims(
    links: Sequence[ReuseLink],
    values_at: Mapping[tuple[str, int], Sequence[Value]],
    rank: Mapping[str, int],
    member: set[str],
    ctx: _Context,
) -> list[Claim]:
    text_of = ctx.text_of
    uf = _UnionFind()
    for node in text_of:
        uf.find(node)
    for link in links:
        if link.source not in member or link.target not in member:
            continue
        for pair in link.pairs:
            a, b = (link.source, pair.source), (link.target, pair.target)
            if a in text_of and b in text_of:
                uf.union(a, b)
    components: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for node in text_of:
        components.setdefault(uf.find(node), []).append(node)

    claims: list[Claim] = []
    for nodes in components.values():
        nodes.sort(key=lambda n: (rank.get(n[0], 1 << 30), n[1]))
        mentions = tuple(Mention(aid, idx, text_of[(aid, idx)]) for aid, idx in nodes)
        vals = [v for n in nodes for v in values_at.get(n, ())]
        supporters = {aid for aid, _ in nodes}
        result = _assess_statement(vals, supporters, ctx)
        claims.append(
            Claim(
                id=_claim_id("statement", "", mentions),
                text=mentions[0].text,
                status=result.status,  # type: ignore[arg-type]
                mentions=mentions,
                independent_sources=result.independent_sources,
                values=tuple(vals),
                key="",
                explanation=result.explanation,
                sides=result.sides,
            )
        )
    claims.sort(key=lambda c: (rank.get(c.mentions[0].article_id, 1 << 30), c.mentions[0].sentence_index))
    return claims


def _assess_statement(vals, supporters, ctx: _Context):
    """A statement's status: its support, made worse by any disagreement among its values."""
    base = ctx.assess((), articles=supporters)
    if len(supporters) < 2:
        return base
    found = [
        ctx.assess(bucket, articles=supporters)
        for bucket in _key_buckets(vals)
        if len({v.article_id for v in bucket}) >= 2
    ]
    bad = [r for r in found if r.status in ("conflicting", "evolving", "divergent")]
    if not bad:
        return base
    status = worst(r.status for r in bad)
    first = next(r for r in bad if r.status == status)
    return type(base)(status, base.independent_sources, f"{base.explanation} {first.explanation}", first.sides)


# Keys that do not say what a value measures: a bare date or time, the values stage's default
# length dimension and unit families without a measured word (see the key grammar in
# values.py), and "person", which counts people in every role.  Two such values that differ
# are usually two different things, so they are never set against each other; they join a
# claim only by agreeing with its values.
_WEAK_KEYS = frozenset({"date", "time", "distance", "money", "percent", "duration", "mass", "area",
                        "volume", "person", "count", "quantity"})


def _is_weak(v: Value) -> bool:
    return not v.key or v.key in _WEAK_KEYS


def _head(key: str) -> str:
    return key.split(":", 1)[0]


def _key_buckets(
    values: Sequence[Value], aligned: Mapping[tuple[str, int], object] | None = None, *, story: bool = False
) -> list[list[Value]]:
    """Values grouped by what they measure.

    1. Values with a specific key: by exact key, then keys that ``same_key`` joins; a bare
       noun key ("passenger") joins the one refined key of that noun ("passenger:carry") when
       there is exactly one — the bare key is compatible with any refinement, and with one
       candidate there is no ambiguity.
    2. Two buckets join when aligned sentences of two articles (one statement, ``aligned``
       maps (article, sentence) → statement) each carry exactly one value of one family, one
       in each bucket: rewording changes the verb a key is read from ("bashed" / "criticized"),
       not what the aligned statement's date or figure is about.
    3. Values with a weak key (see ``_WEAK_KEYS``) join the bucket of the same type whose
       values they agree with in most articles, else form buckets of mutually agreeing values.
    Bucketing by the exact key first keeps this near-linear; ``same_key`` is asked only
    between one representative of each bucket (keys of one bucket are identical).
    """
    exact: dict[tuple[str, str], list[Value]] = {}
    weak: list[Value] = []
    for v in values:
        if v.type in _NOT_VALUE_CLAIMS:
            continue
        if v.type in COMPARABLE_TYPES and _is_weak(v):
            weak.append(v)
            continue
        key = v.key or f"{v.type}:{v.normalized.casefold()}"
        exact.setdefault((v.type, key), []).append(v)
    names = sorted(exact)
    uf = _UnionFind()
    for i, a in enumerate(names):
        uf.find(a)
        for b in names[i + 1 :]:
            if exact[a][0].key and exact[b][0].key and same_key(exact[a][0], exact[b][0]):
                uf.union(a, b)
    refined: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for t, key in names:
        # An earlier event's figure (":past") refines nothing of this event's.
        if ":" in key and t in NUMERIC_TYPES and not key.endswith(":past"):
            refined.setdefault((t, _head(key)), []).append((t, key))
    for t, key in names:
        if ":" not in key and len(refined.get((t, key), ())) == 1:
            uf.union((t, key), refined[(t, key)][0])
    if story:
        # Over a whole story only: the evidence that an article tells two keys apart needs
        # the story's articles, not the few sentences of one aligned statement.
        _join_counts_of_one_noun(names, exact, uf)
    if aligned:
        _join_aligned(values, exact, aligned, uf)
    merged: dict[tuple[str, str], list[Value]] = {}
    for name in names:
        merged.setdefault(uf.find(name), []).extend(exact[name])
    buckets = list(merged.values())

    loose: list[list[Value]] = []
    for v in sorted(weak, key=lambda v: (v.article_id, v.sentence_index, v.span)):
        best, best_n = None, 0
        for bucket in buckets + loose:
            if not _same_family(bucket[0], v):
                continue
            # Joining takes agreement with the bucket and no contradiction of it: a weak value
            # that agrees with one member but contradicts another belongs to neither reading.
            if any(contradicts(v, w) for w in bucket):
                continue
            n = len({w.article_id for w in bucket if w.article_id != v.article_id and agrees(v, w)})
            if n > best_n:
                best, best_n = bucket, n
        if best is not None:
            best.append(v)
        else:
            loose.append([v])
    return buckets + loose


# Quantity families whose key's second part is a nearby word, not a dimension.
_WORD_KEYED = frozenset({"area", "money"})


def _is_role_age(key: str) -> bool:
    """An age keyed by a role noun ("age:forward") or by nothing, not by a person's name
    ("age:marta"): ages of two named people are two facts."""
    if _head(key) != "age":
        return False
    word = key.split(":", 1)[1] if ":" in key else ""
    return not word or "NOUN" in getAllLemmas(word)


def _join_counts_of_one_noun(names, exact, uf) -> None:
    """Counts of one specific noun join whatever verb governs them, unless an article tells
    them apart.

    Rewrites change the verb ("survivors were found" / "pulled out 18 survivors", "represents
    9,000 drivers" / "includes 7,500 drivers") far more often than a story counts one noun two
    ways; when it does ("nine miners trapped", "two miners rescued"), some article states both
    counts, and that article is the evidence that the verb separates them: a bucket joins a
    group of its noun only when exactly one group shares no article with it.  A generic noun
    ("person") counts people in every role and keeps its verb apart.
    """
    by_noun: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for t, key in names:
        if t == "count" and _head(key) not in _WEAK_KEYS:
            by_noun.setdefault((t + (":past" if key.endswith(":past") else ""), _head(key)), []).append((t, key))
        elif t == "time" and key.startswith("time:"):
            # Clock times keyed by the nearest verb ("struck", "timed", "was lost",
            # "disappeared from radar") meet the same way.
            by_noun.setdefault((t, "time"), []).append((t, key))
        elif t == "quantity" and (_head(key) in _WORD_KEYED and ":" in key or _is_role_age(key)):
            # A quantity keyed by a nearby word ("area:hill", "area:burn") has the same
            # trouble: the word is whichever one the sentence put next to the figure; so has
            # an age keyed by the role noun ("the 23-year-old international" / "forward").
            unit = exact[(t, key)][0].unit or ""
            # An earlier event's figure (":past", see values.py) stays with its own kind.
            by_noun.setdefault((unit + (":past" if key.endswith(":past") else ""), _head(key)), []).append((t, key))
    for same in by_noun.values():
        if len(same) < 2:
            continue
        arts = {name: {v.article_id for v in exact[name]} for name in same}
        # Precise buckets first, larger first: the figure most articles state anchors its
        # group; a vague one ("dozens of miners" in a background sentence) only joins.
        precise = {n: any(v.precise for v in exact[n]) for n in same}
        same.sort(key=lambda n: (not precise[n], -len(arts[n]), n))
        groups: list[tuple[tuple[str, str], set[str]]] = []
        for name in same:
            free = [g for g in groups if not (g[1] & arts[name])]
            if len(free) == 1:
                uf.union(free[0][0], name)
                free[0][1].update(arts[name])
            elif precise[name]:  # the first of its noun, or ambiguous between several counts
                groups.append((name, set(arts[name])))


def _join_aligned(values, exact, aligned, uf) -> None:
    name_of = {id(v): name for name, vs in exact.items() for v in vs}
    per_sentence: dict[tuple[tuple[str, int], str], list[Value]] = {}
    for v in values:
        if id(v) in name_of and v.type in COMPARABLE_TYPES:
            fam = "when" if v.type in ("date", "time") else f"{v.type}:{v.unit or ''}"
            per_sentence.setdefault(((v.article_id, v.sentence_index), fam), []).append(v)
    by_statement: dict[tuple[object, str], list[Value]] = {}
    for (node, fam), vs in per_sentence.items():
        if len(vs) == 1 and node in aligned:
            by_statement.setdefault((aligned[node], fam), []).append(vs[0])
    for vs in by_statement.values():
        for v in vs[1:]:
            if v.article_id == vs[0].article_id or compatible(v, vs[0]) is None:
                continue
            # Figures keep their counted noun / dimension across rewordings; only the verb part
            # of the key may differ.  Dates and times carry no noun of their own.
            if v.type in NUMERIC_TYPES and _head(v.key) != _head(vs[0].key):
                continue
            if v.key.endswith(":past") != vs[0].key.endswith(":past"):
                continue  # an earlier event's figure is not this event's, however worded
            uf.union(name_of[id(vs[0])], name_of[id(v)])


def _same_family(a: Value, b: Value) -> bool:
    """Whether a weak value may join a bucket: same kind of thing, not only the same unit."""
    if a.type in ("date", "time") and b.type in ("date", "time"):
        return True
    if a.type == "count" or b.type == "count":
        # A count of people is not a count of shops: counts join only their own noun.
        return a.type == b.type and _head(a.key) == _head(b.key)
    return a.type == b.type and (a.unit or "") == (b.unit or "")


def _value_claims(
    values: Sequence[Value],
    rank: Mapping[str, int],
    ctx: _Context,
    aligned: Mapping[tuple[str, int], object] | None = None,
) -> list[Claim]:
    text_of = ctx.text_of
    claims: list[Claim] = []
    for bucket in _key_buckets(values, aligned, story=True):
        bucket.sort(key=lambda v: (rank.get(v.article_id, 1 << 30), v.sentence_index, v.span))
        seen: set[tuple[str, int]] = set()
        mentions: list[Mention] = []
        for v in bucket:
            node = (v.article_id, v.sentence_index)
            if node not in seen:
                seen.add(node)
                mentions.append(Mention(v.article_id, v.sentence_index, text_of.get(node, v.text)))
        result = ctx.assess(bucket)
        key = bucket[0].key or f"{bucket[0].type}:{bucket[0].normalized}"
        claims.append(
            Claim(
                id=_claim_id("value", key, mentions, bucket),
                text=mentions[0].text,
                status=result.status,  # type: ignore[arg-type]
                mentions=tuple(mentions),
                independent_sources=result.independent_sources,
                values=tuple(bucket),
                key=key,
                explanation=result.explanation,
                sides=result.sides,
            )
        )
    claims.sort(key=lambda c: (rank.get(c.mentions[0].article_id, 1 << 30), c.mentions[0].sentence_index, c.key))
    return claims


def unconfirmed_counts(
    claims: Sequence[Claim], articles: Sequence[Article], groups: Sequence[SourceGroup]
) -> tuple[tuple[str, int, int], ...]:
    """Per article: (id, specific values that no independent source confirms, specific values).

    A specific value is a precise count, quantity, date, time, place, person or organisation.
    It is confirmed when a value of the same claim from an article of *another* independence
    group is compatible with it — a copy of the same wire story confirms nothing.
    """
    group_of = _group_map(articles, groups)
    specific: dict[str, set[tuple]] = {a.id: set() for a in articles}
    confirmed: dict[str, set[tuple]] = {a.id: set() for a in articles}
    for claim in claims:
        if not claim.key:
            continue  # statement claims repeat the values of the value claims
        for v in claim.values:
            if v.article_id not in specific or v.type not in SPECIFIC_TYPES or not v.precise:
                continue
            ident = (v.sentence_index, v.span, v.text, v.type)
            specific[v.article_id].add(ident)
            if any(
                group_of.get(w.article_id, w.article_id) != group_of[v.article_id] and agrees(v, w)
                for w in claim.values
            ):
                confirmed[v.article_id].add(ident)
    return tuple(
        (a.id, len(specific[a.id] - confirmed[a.id]), len(specific[a.id])) for a in articles
    )
