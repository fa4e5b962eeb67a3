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
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from lemminflect import getAllLemmas

from .crosscheck import (
    COMPARABLE_TYPES,
    NUMERIC_TYPES,
    agrees,
    assess,
    compatible,
    contradicts,
    each_own_day,
    worst,
)
from .claimjoin import (
    UnionFind, grains_meet, join_event_day, join_one_day, join_other_keys, join_other_nouns, key_head,
    near_in_size, scopes_of, self_contradicting,
)
from .figures import is_forecast, phase, scope
from .grouping import StoryView, join_by_model
from .model import Article, Claim, Mention, ReuseLink, Sentence, SourceGroup, Story, Value
from .quotes import quotation_claims
from .values import earlier_events, same_key
from .zones import localize, redate, story_zone

# Values that are not claims about the world on their own: who said something, and what
# they said word for word, are carried by the statement claims instead.
_NOT_VALUE_CLAIMS = frozenset({"attribution", "quotation"})
_EDITION_KINDS = frozenset({"copy", "version"})
_REWRITE_KINDS = frozenset({"paraphrase", "expansion", "summary"})
# Values that count as "specific" details for the unconfirmed counts.
SPECIFIC_TYPES = COMPARABLE_TYPES | {"person", "organization"}
# How buckets keyed apart are joined over a story (see ``build_claims``): the hand rules, then
# the fitted grouping model on what they leave apart.  Chosen over the rules alone by a rule
# fixed before scoring a blind set written for the choice (docs/benchmarks.md, "Fourth round",
# "Choosing the default"); the model alone ("model") is for comparison.
JOINS = "both"
JOIN_MODES = ("rules", "model", "both", "none")


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
    joins: str = JOINS,
    grouping_models=None,
    collect=None,
) -> tuple[Claim, ...]:
    """Statement claims and value claims of one story, each with its final status.

    ``embedder`` (optional) tells whether two buckets of values with different keys share a
    predicate (see ``grouping``); without it lexical cues are used.  ``joins`` says how buckets
    keyed apart are joined over the story: ``"rules"`` (the hand rules of ``claimjoin``),
    ``"model"`` (the fitted model of ``grouping``), ``"both"`` (the rules, then the model on
    what they leave apart) or ``"none"``; the default is ``JOINS``;
    ``grouping_models`` replaces the shipped grouping models and ``collect(buckets, view)``
    receives the buckets the story-wide joins start from (both used when fitting them).
    Contradiction is decided on typed values only.
    """
    if joins not in JOIN_MODES:
        raise ValueError(f"joins must be one of {', '.join(JOIN_MODES)}, not {joins!r}")
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
    # Clock times written without a zone ("2:40 p.m.") read in the story's zone, when the
    # reports show it, so that they can be set against times given in GMT.
    zone = story_zone([a for a in articles if a.id in member],
                      {aid: ss for aid, ss in sentences.items() if aid in member})
    # Figures of sentences about an event before the story's first report are that event's.
    own = [v for v in values if v.article_id in member]
    read_in_zone = localize(redate(own, articles, sentences, zone), zone)
    # Which values the zone changed, by place (earlier_events below may re-key them).
    zoned = {_spot(b) for a, b in zip(own, read_in_zone) if a is not b}
    story_values = earlier_events(
        read_in_zone,
        [a for a in articles if a.id in member],
        {aid: ss for aid, ss in sentences.items() if aid in member},
    )
    values_at: dict[tuple[str, int], list[Value]] = {}
    for v in story_values:
        values_at.setdefault((v.article_id, v.sentence_index), []).append(v)

    # Only another edition of the same wire story can *update* a figure; articles grouped for
    # other reasons (shared rare details) that disagree are still in conflict.
    editions = {
        frozenset((link.source, link.target)) for link in links if link.kind in _EDITION_KINDS
    }
    # Rewrites (paraphrases, expansions, summaries) by the article they rewrite: two rewrites
    # that alone carry a figure corroborate it only weakly, their own origin not being shown.
    rewrites: dict[str, set[str]] = {}
    for link in links:
        if link.directed and link.kind in _REWRITE_KINDS:
            rewrites.setdefault(link.target, set()).add(link.source)
    # A report that ends with a list of its sources (cleaning removed a "Sources:" list) is
    # drawn from other reports too, whether or not the story holds them.
    for a in articles:
        if a.id in member and _lists_sources(a):
            rewrites.setdefault(a.id, set()).add("the reports it lists as its sources")
    ctx = _Context(group_of, published, text_of, editions, {k: frozenset(v) for k, v in rewrites.items()})
    statements = _statement_components(links, rank, member, text_of)
    aligned = {node: k for k, nodes in enumerate(statements) if len(nodes) > 1 for node in nodes}
    value_claims = _value_claims(
        story_values, rank, ctx, aligned, embedder, joins, grouping_models, collect
    )
    if zone is not None and zoned:
        # Say how the times and days were read: the reader can check the zone.
        note = f" Local times and days read at UTC{zone.offset_h:+g} ({zone.how})."
        value_claims = [
            replace(c, explanation=c.explanation + note) if any(_spot(v) in zoned for v in c.values) else c
            for c in value_claims
        ]
    claims = _statement_claims(statements, values_at, rank, ctx, value_claims)
    # Quotations printed by several articles: agreement on the words, or an altered quote.
    quote_claims = quotation_claims(story_values, text_of, group_of, rank)
    return tuple(claims + value_claims + quote_claims)


def _spot(v: Value) -> tuple[str, int, tuple[int, int], str]:
    return (v.article_id, v.sentence_index, v.span, v.type)


_SOURCES_LABEL = re.compile(r"^\W*sources?\b", re.IGNORECASE)


def _lists_sources(article: Article) -> bool:
    """Whether cleaning removed a "Sources:" list from the article (see ``textclean``)."""
    return any(r.reason == "related / sources list" and _SOURCES_LABEL.match(r.text) for r in article.removed)


@dataclass(frozen=True)
class _Context:
    """What every assessment in one story needs."""

    group_of: Mapping[str, str]
    published: Mapping[str, datetime | None]
    text_of: Mapping[tuple[str, int], str]
    editions: frozenset[frozenset[str]] | set[frozenset[str]]
    rewrites: Mapping[str, frozenset[str]] = field(default_factory=dict)  # rewrite → what it rewrites

    def assess(self, values: Sequence[Value], articles=()):
        result = assess(
            values, self.group_of, self.published, articles=articles,
            sentence_text=self.text_of, editions=self.editions,
        )
        if result.status == "corroborated":
            note = self.rewrites_only(set(articles) | {v.article_id for v in values})
            if note:
                result = replace(result, explanation=f"{result.explanation} {note}")
        return result

    def rewrites_only(self, supporters: set[str]) -> str:
        """A note when every supporting article is a rewrite of a report that does not carry the
        claim: the agreement may come from one unseen origin (weak corroboration)."""
        if not supporters or any(a not in self.rewrites for a in supporters):
            return ""
        if any(self.rewrites[a] & supporters for a in supporters):
            return ""
        pairs = "; ".join(f"{a} of {', '.join(sorted(self.rewrites[a]))}" for a in sorted(supporters))
        return (
            f"Weak corroboration: every article that carries it is a rewrite of another report that "
            f"does not ({pairs}), and the rewrites' own origin is not shown."
        )


def _statement_components(
    links: Sequence[ReuseLink],
    rank: Mapping[str, int],
    member: set[str],
    text_of: Mapping[tuple[str, int], str],
) -> list[list[tuple[str, int]]]:
    """Aligned sentences joined transitively, each component in publication order."""
    uf = UnionFind()
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
    out = []
    for nodes in components.values():
        nodes.sort(key=lambda n: (rank.get(n[0], 1 << 30), n[1]))
        out.append(nodes)
    out.sort(key=lambda nodes: (rank.get(nodes[0][0], 1 << 30), nodes[0][1]))
    return out


def _statement_claims(
    statements: Sequence[Sequence[tuple[str, int]]],
    values_at: Mapping[tuple[str, int], Sequence[Value]],
    rank: Mapping[str, int],
    ctx: _Context,
    value_claims: Sequence[Claim],
) -> list[Claim]:
    text_of = ctx.text_of
    claim_of = {id(v): c for c in value_claims for v in c.values}
    claims: list[Claim] = []
    for nodes in statements:
        mentions = tuple(Mention(aid, idx, text_of[(aid, idx)]) for aid, idx in nodes)
        vals = [v for n in nodes for v in values_at.get(n, ())]
        supporters = {aid for aid, _ in nodes}
        result = _assess_statement(vals, supporters, ctx, claim_of)
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
    return claims


def _assess_statement(vals, supporters, ctx: _Context, claim_of: Mapping[int, Claim]):
    """A statement's status: its support, made worse by a disagreement that the story's value
    claims found between values this statement carries from two of its articles.

    The value claims decide (they see every article's figures, the peak / current split and
    the history of a figure): two aligned sentences that differ in a figure take the status of
    that figure's claim, so a figure the story shows rising (16 → 41 → 44 bodies) is not a
    conflict in the one statement that holds 41 and 44.
    """
    base = ctx.assess((), articles=supporters)
    if len(supporters) < 2:
        return base
    bad: list[Claim] = []
    seen: set[str] = set()
    for v in vals:
        c = claim_of.get(id(v))
        if c is None or c.id in seen or c.status not in ("conflicting", "evolving", "divergent"):
            continue
        here = {w.article_id for w in vals if claim_of.get(id(w)) is c}
        if len(here) >= 2:
            seen.add(c.id)
            bad.append(c)
    if not bad:
        return base
    status = worst(c.status for c in bad)
    first = next(c for c in bad if c.status == status)
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


def _key_buckets(
    values: Sequence[Value],
    aligned: Mapping[tuple[str, int], object] | None = None,
    *,
    story: bool = False,
    text_of: Mapping[tuple[str, int], str] | None = None,
    embedder=None,
    published: Mapping[str, datetime | None] | None = None,
    joins: str = JOINS,
    grouping_models=None,
    collect=None,
    group_of: Mapping[str, str] | None = None,
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
    4. Over a whole story, a figure told with another noun joins (see ``join_other_nouns``),
       and so do agreeing dates of one event keyed by different verbs (``join_one_day``) and
       figures keyed by other nearby words (``join_other_keys``); then, with ``joins`` "model"
       or "both", buckets the fitted grouping model calls one figure (``grouping``).
    A figure stated as a peak ("at the height of the storm") is keyed apart from the current
    level of the same noun (prefix ``peak~``); a place named as the setting ("in X") apart
    from a place used as a reference point ("near X", "north of X"); and a figure bounded to a
    place that the story counts apart ("in the United States") never joins an unbounded one
    in steps 1b, 2 and 4 (see ``_distinct_scopes``).
    Bucketing by the exact key first keeps this near-linear; ``same_key`` is asked only
    between one representative of each bucket (keys of one bucket are identical).
    """
    exact: dict[tuple[str, str], list[Value]] = {}
    weak: list[Value] = []
    scoped = _distinct_scopes(values, text_of) if text_of is not None else {}
    for v in values:
        if v.type in _NOT_VALUE_CLAIMS:
            continue
        ph = phase(v, text_of.get((v.article_id, v.sentence_index), v.text)) if text_of is not None else ""
        if v.type in COMPARABLE_TYPES and _is_weak(v) and not ph:
            weak.append(v)
            continue
        key = v.key or f"{v.type}:{v.normalized.casefold()}"
        if ph:
            key = f"{ph}~{key}"
        if v.type == "place":
            key = f"{key}|{_place_class(v)}"
        exact.setdefault((v.type, key), []).append(v)
    names = sorted(exact)
    uf = UnionFind()
    for i, a in enumerate(names):
        uf.find(a)
        for b in names[i + 1 :]:
            if (
                exact[a][0].key
                and exact[b][0].key
                and same_key(exact[a][0], exact[b][0])
                and _name_phase(a) == _name_phase(b)
                and _place_part(a) == _place_part(b)
            ):
                uf.union(a, b)
    refined: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for t, key in names:
        # An earlier event's figure (":past") refines nothing of this event's.
        if ":" in key and t in NUMERIC_TYPES and not key.endswith(":past"):
            refined.setdefault((t, key_head(key)), []).append((t, key))
    for t, key in names:
        if ":" not in key and len(refined.get((t, key), ())) == 1:
            other = refined[(t, key)][0]
            if t == "count" and not near_in_size(exact[(t, key)], exact[other], _ONE_COUNT_REACH):
                continue  # "62,000 homes" (without power) is not the "63 homes" destroyed
            if other[1].endswith(":capacity"):
                continue  # what a ferry may carry is not how many it carried (values.py)
            uf.union((t, key), other)
    if story:
        # Over a whole story only: the evidence that an article tells two keys apart needs
        # the story's articles, not the few sentences of one aligned statement.
        _join_counts_of_one_noun(names, exact, uf, scoped, [v for v in weak if v.type == "time"])
    if aligned:
        _join_aligned(values, exact, aligned, uf, scoped)
    merged: dict[tuple[str, str], list[Value]] = {}
    for name in names:
        merged.setdefault(uf.find(name), []).extend(exact[name])
    buckets = list(merged.values())
    # id(value) → its phase ("peak"), for values keyed apart by one.
    peak = {id(v): _name_phase(name) for name in names if _name_phase(name) for v in exact[name]}

    loose: list[list[Value]] = []
    for v in sorted(weak, key=lambda v: (v.article_id, v.sentence_index, v.span)):
        best, best_n = None, 0
        for bucket in buckets + loose:
            if not _same_family(bucket[0], v) or id(bucket[0]) in peak:
                continue  # a weak value is read as the current level, never a peak
            # Joining takes agreement with the bucket and no contradiction of it: a weak value
            # that agrees with one member but contradicts another belongs to neither reading.
            if any(contradicts(v, w) for w in bucket):
                continue
            # A date joins dates of its own grain: "this year" is compatible with any day of
            # the year, yet it is not a second report of that day ("on Tuesday" / "this year").
            n = len({
                w.article_id for w in bucket
                if w.article_id != v.article_id and agrees(v, w) and grains_meet(v, w)
            })
            if n > best_n:
                best, best_n = bucket, n
        if best is not None:
            best.append(v)
        else:
            loose.append([v])
    out = buckets + loose
    if story and published is not None:
        # Days that are each their own report's "today" are two readings, not one claim;
        # splitting them first lets each day meet its own event's other dates below.
        out = [part for b in out for part in _split_own_days(b, published)]
    if story:
        view = StoryView(text_of or {}, peak, scoped, aligned or {}, group_of or {}, published or {})
        if collect is not None:
            collect(out, view)  # the buckets the story-wide joins start from (for fitting)
        if joins in ("rules", "both"):
            out = join_other_nouns(out, peak, text_of or {}, embedder, scoped)
            out = join_one_day(out, text_of or {}, embedder)
            out = join_event_day(out)
            out = join_other_keys(out, peak, text_of or {}, embedder, scoped, aligned)
        if joins in ("model", "both"):
            out = join_by_model(out, view, embedder, grouping_models)
    return out


def _distinct_scopes(
    values: Sequence[Value], text_of: Mapping[tuple[str, int], str]
) -> dict[int, str]:
    """Figures bounded to a place that the story counts apart: id(value) → place.

    "About 410,000 vehicles worldwide … including about 138,000 vehicles in the United
    States": an article that gives one noun's figure both bounded to a place and not (or
    bounded to another) shows that the place makes it another figure, so no figure of the
    story bounded to that place joins an unbounded one across keys (values of one exact key
    stay together: "28,500 troops in South Korea" and "28,500 troops on South Korean soil").
    Without such an article a place after a figure ("killed 12 people in Rampur") is only the
    setting.
    """
    found: dict[int, str] = {}
    by_article: dict[tuple[str, str, str], list[tuple[Value, str]]] = {}
    for v in values:
        if v.type not in NUMERIC_TYPES or not v.key:
            continue
        where = scope(v, text_of.get((v.article_id, v.sentence_index), v.text))
        by_article.setdefault((v.article_id, v.type, key_head(v.key)), []).append((v, where))
        if where:
            found[id(v)] = where
    distinct = {
        where
        for items in by_article.values()
        for _, where in items
        if where and any(other != where for _, other in items)
    }
    return {k: w for k, w in found.items() if w in distinct}


def _name_phase(name: tuple[str, str]) -> str:
    return name[1].split("~", 1)[0] if "~" in name[1] else ""


def _place_part(name: tuple[str, str]) -> str:
    return name[1].rsplit("|", 1)[1] if name[0] == "place" and "|" in name[1] else ""


# Relations that name the setting of a statement ("in Brescia", "at the airport") and those that
# name an extent ("across Ireland"); every other relation ("near", "outside", "off", "north
# of") uses the place as a reference point for where something is.  "The train derailed west
# of Brescia" and "the injured were taken to hospitals in Brescia" name one place for two
# different things, so the three kinds are never one claim; within a kind, relations are
# compared as before (bearing against bearing, region against region).
_SETTING = frozenset({"in", "at", "inside", "within", "into", "on", "onto", "aboard"})
_EXTENT = frozenset({"across", "throughout", "over", "all"})


def _place_class(v: Value) -> str:
    rel = (v.qualifier or v.normalized or v.text).casefold().split()
    first = rel[0] if rel else ""
    if first in _SETTING:
        return "setting"
    if first in _EXTENT:
        return "extent"
    return "reference"


# or two), a day (up to two, for zone spread), a month, a year or more.


# Quantity families whose key's second part is a nearby word, not a dimension.
_WORD_KEYED = frozenset({"area", "money"})
# Word-keyed dimensions of which a story usually states many different figures.
_MANY_PER_STORY = frozenset({"money"})


def _is_role_age(key: str) -> bool:
    """An age keyed by a role noun ("age:forward") or by nothing, not by a person's name
    ("age:marta"): ages of two named people are two facts."""
    if key_head(key) != "age":
        return False
    word = key.split(":", 1)[1] if ":" in key else ""
    return not word or "NOUN" in getAllLemmas(word)


def _join_counts_of_one_noun(
    names, exact, uf, scoped: Mapping[int, str] | None = None, loose_times: Sequence[Value] = ()
) -> None:
    """Counts of one specific noun join whatever verb governs them, unless an article tells
    them apart.

    Rewrites change the verb ("survivors were found" / "pulled out 18 survivors", "represents
    9,000 drivers" / "includes 7,500 drivers") far more often than a story counts one noun two
    ways; when it does ("nine miners trapped", "two miners rescued"), some article states both
    counts, and that article is the evidence that the verb separates them: a bucket joins a
    group of its noun only when exactly one group shares no article with it.  A generic noun
    ("person") counts people in every role and keeps its verb apart.  ``loose_times`` are the
    story's clock times without a key: a report's other times, keyed or not, compete with a
    time for the group it would join.
    """
    loose_by_article: dict[str, list[Value]] = {}
    for v in loose_times:
        loose_by_article.setdefault(v.article_id, []).append(v)
    by_noun: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for t, key in names:
        if t == "count" and key_head(key) not in _WEAK_KEYS:
            # An earlier event's count (":past") and a capacity (":capacity": what a ferry may
            # carry, not how many it carried) meet only their own kind.
            kind = t + "".join(m for m in (":past", ":capacity") if key.endswith(m))
            by_noun.setdefault((kind, key_head(key)), []).append((t, key))
        elif t == "time" and key.startswith("time:"):
            # Clock times keyed by the nearest verb ("struck", "timed", "was lost",
            # "disappeared from radar") meet the same way.
            by_noun.setdefault((t, "time"), []).append((t, key))
        elif t == "quantity" and (key_head(key) in _WORD_KEYED and ":" in key or _is_role_age(key)):
            # A quantity keyed by a nearby word ("area:hill", "area:burn") has the same
            # trouble: the word is whichever one the sentence put next to the figure; so has
            # an age keyed by the role noun ("the 23-year-old international" / "forward").
            unit = exact[(t, key)][0].unit or ""
            # An earlier event's figure (":past", see values.py) stays with its own kind.
            by_noun.setdefault((unit + (":past" if key.endswith(":past") else ""), key_head(key)), []).append((t, key))
    for same in by_noun.values():
        # A bucket in which one article states two incompatible figures ("a range of $4.0
        # billion to $4.2 billion", "two survivors" … "five survivors") is two things to that
        # article already; joining it to another word's figure would only guess which one.
        same = [n for n in same if not self_contradicting(exact[n])]
        if len(same) < 2:
            continue
        arts = {name: {v.article_id for v in exact[name]} for name in same}
        # Precise buckets first, larger first: the figure most articles state anchors its
        # group; a vague one ("dozens of miners" in a background sentence) only joins.
        precise = {n: any(v.precise for v in exact[n]) for n in same}
        same.sort(key=lambda n: (not precise[n], -len(arts[n]), n))
        groups: list[tuple[tuple[str, str], set[str]]] = []
        scope_of = {n: scopes_of(exact[n], scoped or {}) for n in same}
        for name in same:
            # A count bounded to a place the story counts apart ("in the United States") is
            # not the unbounded one ("worldwide"), whatever its verb.
            free = [g for g in groups if not (g[1] & arts[name]) and scope_of[g[0]] & scope_of[name]]
            if name[0] == "time":
                # Clock times of other moments of the story (the collapse at dawn, a rescue in
                # the afternoon) are not one time keyed by two verbs: times that can be placed
                # on one clock must be within a few hours, and of one report's times (a
                # timeline: the quake at 4:17, the alert at 4:29, its end at 5:31) only the
                # nearest to the group's can be that time.
                free = [
                    g for g in free
                    if _clock_near(exact[g[0]], exact[name])
                    and not _nearer_in_report(
                        exact[g[0]], exact[name],
                        [exact[o] for o in same if o != name and arts[o] & arts[name]]
                        + [[v] for a in arts[name] for v in loose_by_article.get(a, ())],
                    )
                ]
            if len(free) > 1:
                # Several counts of the noun are free: a figure within the vague tolerance
                # (factor 2) of exactly one of them is that figure reported differently;
                # figures further apart are different quantities ("€50m" valuation against a
                # "€58m" fee and "€6m" add-ons).
                near = [g for g in free if near_in_size(exact[g[0]], exact[name])]
                if len(near) > 1:
                    # Still several: the one that more articles state, if one stands out (the
                    # story's main figure is the one most reports give).
                    most = max(len(g[1]) for g in near)
                    near = [g for g in near if len(g[1]) == most]
                if len(near) == 1:
                    free = near
            if len(free) == 1 and name[0] == "count":
                # Counts of one noun orders of magnitude apart are two things ("62,000 homes"
                # without power / "63 homes" destroyed), however the verbs are read; a toll
                # that grows or two outlets' rival counts stay well within this.  (A veto on
                # the one free group: it must not make an ambiguous choice look clear.)
                free = [g for g in free if near_in_size(exact[g[0]], exact[name], _ONE_COUNT_REACH)]
            if len(free) == 1 and name[0] == "quantity" and key_head(name[1]) in _MANY_PER_STORY:
                # A sum of money is the one free figure of its currency only by chance: a story
                # states many (revenue, loss, charges, market value, estimates), unlike the one
                # area a fire burns or a flood covers, which grows.  It joins only within the
                # vague tolerance (factor 2); further off it is another sum ("$455 million"
                # profit a year ago / "$4.38bn" consensus).
                free = [g for g in free if near_in_size(exact[g[0]], exact[name])]
            if len(free) == 1:
                uf.union(free[0][0], name)
                free[0][1].update(arts[name])
            elif precise[name]:  # the first of its noun, or ambiguous between several counts
                groups.append((name, set(arts[name])))


# How far apart (a factor) the counts of one noun keyed by two verbs can be and still be one
# count reported twice.
_ONE_COUNT_REACH = 10.0
# How far apart two reports of one moment can put it: a disputed time ("3 p.m." / "6 p.m.") is
# a few hours off; the other moments a story times (the collapse, the rescue) are often further.
_CLOCK_REACH_S = 4 * 3600.0
_DAY_S = 86400.0


def _clock_near(a: Sequence[Value], b: Sequence[Value]) -> bool:
    """Whether some time of ``a`` is within ``_CLOCK_REACH_S`` of some time of ``b``; True when
    no pair can be placed on one clock (a floating wall-clock time against an instant when the
    story's zone is unknown)."""
    gap = _clock_gap(a, b)
    return gap == float("inf") or gap <= _CLOCK_REACH_S


def _nearer_in_report(group: Sequence[Value], times: Sequence[Value], others: Sequence[Sequence[Value]]) -> bool:
    """Whether another time of the same report lies nearer the group's time than ``times``."""
    gap = _clock_gap(group, times)
    return any(_clock_gap(group, other) < gap for other in others)


def _clock_gap(a: Sequence[Value], b: Sequence[Value]) -> float:
    """The least distance between a time of ``a`` and one of ``b`` (inf when none can be
    placed on one clock)."""
    gaps = [d for x in a for y in b if (d := _clock_distance(x, y)) is not None]
    return min(gaps, default=float("inf"))


def _clock_distance(x: Value, y: Value) -> float | None:
    if None in (x.low, x.high, y.low, y.high):
        return None
    units = {x.unit, y.unit}
    mx, my = (x.low + x.high) / 2, (y.low + y.high) / 2  # type: ignore[operator]
    if len(units) == 1 and units <= {"s", "local"}:
        return abs(mx - my)
    if units <= {"clock", "local"} or units <= {"utcclock", "s"}:
        d = abs(mx - my) % _DAY_S  # readings of one clock, the day unknown on one side
        return min(d, _DAY_S - d)
    return None


def _join_aligned(values, exact, aligned, uf, scoped: Mapping[int, str] | None = None) -> None:
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
            if v.type in NUMERIC_TYPES and key_head(v.key) != key_head(vs[0].key):
                continue
            if v.type in NUMERIC_TYPES and not near_in_size([v], [vs[0]]):
                continue  # a rewording keeps its figure near; one far off is another figure
            if scoped and scoped.get(id(v), "") != scoped.get(id(vs[0]), ""):
                continue  # bounded to another place the story counts apart
            if v.key.endswith(":past") != vs[0].key.endswith(":past"):
                continue  # an earlier event's figure is not this event's, however worded
            if _name_phase(name_of[id(v)]) != _name_phase(name_of[id(vs[0])]):
                continue  # a peak is not the current level, however aligned
            uf.union(name_of[id(vs[0])], name_of[id(v)])


def _same_family(a: Value, b: Value) -> bool:
    """Whether a weak value may join a bucket: same kind of thing, not only the same unit."""
    if a.type in ("date", "time") and b.type in ("date", "time"):
        return True
    if a.type == "count" or b.type == "count":
        # A count of people is not a count of shops: counts join only their own noun.
        return a.type == b.type and key_head(a.key) == key_head(b.key)
    return a.type == b.type and (a.unit or "") == (b.unit or "")


def _value_claims(
    values: Sequence[Value],
    rank: Mapping[str, int],
    ctx: _Context,
    aligned: Mapping[tuple[str, int], object] | None = None,
    embedder=None,
    joins: str = JOINS,
    grouping_models=None,
    collect=None,
) -> list[Claim]:
    text_of = ctx.text_of
    claims: list[Claim] = []
    buckets = _key_buckets(
        values, aligned, story=True, text_of=text_of, embedder=embedder, published=ctx.published,
        joins=joins, grouping_models=grouping_models, collect=collect, group_of=ctx.group_of,
    )
    for bucket in (part for b in buckets for part in _split_own_days(b, ctx.published)):
        bucket.sort(key=lambda v: (rank.get(v.article_id, 1 << 30), v.sentence_index, v.span))
        seen: set[tuple[str, int]] = set()
        mentions: list[Mention] = []
        for v in bucket:
            node = (v.article_id, v.sentence_index)
            if node not in seen:
                seen.add(node)
                mentions.append(Mention(v.article_id, v.sentence_index, text_of.get(node, v.text)))
        result = ctx.assess(bucket)
        if result.status == "conflicting" and all(
            is_forecast(v, text_of.get((v.article_id, v.sentence_index), v.text)) for v in bucket
        ) and all(v.claimant for v in bucket) and len({" ".join(v.claimant.casefold().split()) for v in bucket}) > 1:
            # Expectations that named forecasters each give (two analyst polls, two agencies'
            # outlooks) are each forecaster's own: when they differ, the sources give different
            # estimates, not incompatible facts.  An unattributed expectation stays a claim of
            # fact about what will happen ("expects charges of $180 million").
            result = replace(
                result, status="divergent",
                explanation="Forecasts or estimates differ between sources: "
                + result.explanation.split(": ", 1)[-1],
            )
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


def _split_own_days(bucket: list[Value], published: Mapping[str, datetime | None]) -> list[list[Value]]:
    """Split a bucket of dates into its agreeing parts when every disagreement between the
    parts is two different days that are each their own article's publication day.

    "Was 5% contained on Wednesday" in Wednesday's report and "23% on Thursday" in Thursday's
    are two readings of an ongoing action (crosscheck does not call them a conflict); kept in
    one claim, they would read as sources agreeing on one day.
    """
    if len(bucket) < 2 or any(v.type != "date" for v in bucket):
        return [bucket]
    uf = UnionFind()
    for i in range(len(bucket)):
        uf.find(i)
        for j in range(i):
            if agrees(bucket[i], bucket[j]):
                uf.union(i, j)
    parts: dict[int, list[Value]] = {}
    for i, v in enumerate(bucket):
        parts.setdefault(uf.find(i), []).append(v)
    if len(parts) < 2:
        return [bucket]
    roots = {i: uf.find(i) for i in range(len(bucket))}
    for i in range(len(bucket)):
        for j in range(i):
            if roots[i] != roots[j] and contradicts(bucket[i], bucket[j]):
                if not each_own_day(bucket[i], bucket[j], published):
                    return [bucket]
    return list(parts.values())


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
