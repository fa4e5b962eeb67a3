"""Story-wide joins of value buckets: one figure told with other nouns, one day told with
other verbs (used by :mod:`newsfuse.claims`).

The claims stage first groups values by key.  Keys come from the words next to a value, so a
rewrite that changes the noun ("42 passengers" / "48 people on board") or the verb ("struck
on January 30" / "swept across Ireland on Friday") splits one claim in two.  The joins here
put such buckets back together on evidence that generalises: no article states both, the
figures are near in size (or the dates agree), and the contexts describe one predicate —
by sentence embeddings when an embedder is given, else by shared content words and the same
claimant.  Both joins work on whole buckets, best evidence first, and never bring two
buckets of one article together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .crosscheck import agrees, contradicts
from .figures import content_lemmas, context, similarities
from .model import Value
from .numbers import noun_lemma
from .values import VAGUE_TOLERANCE


class UnionFind:
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


def key_head(key: str) -> str:
    return key.split(":", 1)[0]


# Widths of a date or time interval that mark its grain: a clock reading (minutes to an hour
_GRAINS = ((3 * 3600, "clock"), (3 * 86400, "day"), (45 * 86400, "month"))


def grains_meet(a: Value, b: Value) -> bool:
    """Whether two dates are of one grain.  A year says too little about a day ("this year" /
    "on Tuesday"), and a clock reading is another claim than its day.  A day and its month
    ("May 26" / "May") are kept apart too: a weak date says nothing of what happened, and a
    coarser one agrees with too much (tried: it joined unrelated days to a month)."""
    return grain(a) == grain(b)


def grain(v: Value) -> str:
    if v.type not in ("date", "time") or v.low is None or v.high is None:
        return v.type
    width = v.high - v.low
    for limit, name in _GRAINS:
        if width <= limit:
            return name
    return "year"


def scopes_of(vs: Sequence[Value], scoped: Mapping[int, str]) -> set[str]:
    """The place bounds of a bucket's values ("" for an unbounded one)."""
    return {scoped.get(id(v), "") for v in vs}


def _size(v: Value) -> float | None:
    if v.low is None or v.high is None:
        return None
    lo = v.low if v.low != float("-inf") else v.high
    hi = v.high if v.high != float("inf") else v.low
    mid = (lo + hi) / 2
    return abs(mid) if mid and mid == mid and abs(mid) != float("inf") else None


def near_in_size(a: Sequence[Value], b: Sequence[Value], factor: float = VAGUE_TOLERANCE) -> bool:
    """Whether some figure of ``a`` is within ``factor`` of some figure of ``b``."""
    for x in a:
        sx = _size(x)
        if sx is None:
            continue
        for y in b:
            sy = _size(y)
            if sy is not None and max(sx, sy) <= factor * min(sx, sy):
                return True
    return False


# Cosine similarity of two figures' masked contexts (figure → "N", about fifteen words) from
# which they are read as one predicate; a little less is enough when one claimant gives both.
# all-MiniLM-L6-v2 gives paraphrases of one clause ("the bus had N people on board" / "the
# bus, carrying N passengers") 0.7 and more, and unrelated clauses of one story (same topic
# words) 0.2-0.45.  Both values were read off the similarities printed for the candidate
# pairs of the team-written claims set (in-sample, see docs/benchmarks.md), not searched.
_SAME_PREDICATE = 0.5
_SAME_PREDICATE_ONE_CLAIMANT = 0.45
# For small counts that disagree: unrelated small counts of one shooting story (GVC validation
# articles: "two victims" / "three people with gunshot wounds") reach 0.6-0.66.
_SAME_PREDICATE_SMALL = 0.7
_SMALL = 10


def join_other_nouns(
    buckets: list[list[Value]],
    peak: Mapping[int, str],
    text_of: Mapping[tuple[str, int], str],
    embedder=None,
    scoped: Mapping[int, str] | None = None,
) -> list[list[Value]]:
    """Join counts of one figure told with different nouns ("42 passengers" / "48 people on
    board"; "homes and businesses" / "premises" / "customers" without power).

    Two count buckets join when all of this holds: their nouns differ; no article states both
    (an article that gives "12 killed" and "25 injured" tells its two counts apart, so counts
    of one article are never one figure); both are peaks or both are not; their figures are
    within the vague tolerance (factor 2) of each other; and they share a predicate: their
    masked contexts are paraphrases by the embedder, or, without one, one claimant gives both
    and the contexts share a content word other than the nouns and the claimant's name (the
    lexical cue is weak, so it asks for both).  Both counts bounded to one place that the story
    counts apart (``scoped``, see ``claims._distinct_scopes``), or both peaks (``peak``), count
    as one claimant.  Small counts that disagree need a close paraphrase.  Pairs are joined
    best evidence first, and a join never brings two counts of one article together.
    """
    cand = [i for i, b in enumerate(buckets) if _other_noun_candidate(b)]
    if len(cand) < 2:
        return buckets
    arts = {i: {v.article_id for v in buckets[i]} for i in cand}
    heads = {i: key_head(buckets[i][0].key or "") for i in cand}
    scope_of = {i: scopes_of(buckets[i], scoped or {}) for i in cand}
    ctx = _contexts(buckets, cand, text_of)
    pairs = [
        (i, j)
        for n, i in enumerate(cand)
        for j in cand[n + 1 :]
        if heads[i] != heads[j]
        and not arts[i] & arts[j]
        and peak.get(id(buckets[i][0]), "") == peak.get(id(buckets[j][0]), "")
        and scope_of[i] & scope_of[j]
        and near_in_size(buckets[i], buckets[j])
        and not _names_other(buckets[i], text_of, heads[j])
        and not _names_other(buckets[j], text_of, heads[i])
    ]
    if not pairs:
        return buckets
    claimants = {i: {_claimant_key(v) for v in buckets[i]} - {""} for i in cand}

    def same_place(i: int, j: int) -> bool:
        # Both counts bounded to one place the story counts apart ("in the United States"),
        # or both stated as the peak: evidence of the same kind as one claimant.
        return bool(scope_of[i] & scope_of[j] - {""}) or bool(peak.get(id(buckets[i][0])))
    scored = []
    if embedder is not None:
        best_of = _best_similarity(cand, ctx, embedder)
        for i, j in pairs:
            best = best_of(i, j)
            bar = _SAME_PREDICATE_ONE_CLAIMANT if claimants_meet(claimants[i], claimants[j]) or same_place(i, j) \
                else _SAME_PREDICATE
            if _small(buckets[i]) and _small(buckets[j]) and not _all_agree(buckets[i], buckets[j]):
                # Small counts (one to nine) of a story's people are many and close in size
                # ("two victims", "three men", "one fatal"): a disagreement across nouns needs a
                # close paraphrase, not a shared topic.
                bar = max(bar, _SAME_PREDICATE_SMALL)
            if best >= bar:
                scored.append((best, i, j))
    else:
        for i, j in pairs:
            one = claimants[i] | claimants[j] if claimants_meet(claimants[i], claimants[j]) else set()
            if not one and not same_place(i, j):
                continue
            if _small(buckets[i]) and _small(buckets[j]) and not _all_agree(buckets[i], buckets[j]):
                continue  # the lexical cue is too weak for small counts that disagree
            drop = {heads[i], heads[j]} | {w for c in one for w in content_lemmas(c)}
            shared = _shared_words(ctx[i], ctx[j], drop)
            if shared:
                scored.append((float(shared), i, j))
    return _merge_pairs(buckets, cand, arts, scored)


def _small(bucket: Sequence[Value]) -> bool:
    """Whether every figure of a bucket, as stated ("at least one" is one), is below ten."""
    return all((_size(v) or 0) < _SMALL for v in bucket)


def _all_agree(a: Sequence[Value], b: Sequence[Value]) -> bool:
    return all(agrees(x, y) for x in a for y in b)


def _names_other(bucket: Sequence[Value], text_of: Mapping[tuple[str, int], str], noun: str) -> bool:
    """Whether a figure's own context names the other count's noun beside it ("Occupants: 66
    (passengers and crew)"): the figure then counts a whole that holds that noun, or goes
    with it, rather than the same thing under another name."""
    for v in bucket:
        words = context(v, text_of.get((v.article_id, v.sentence_index), v.text))
        own = {noun_lemma(w) for w in v.text.split()}
        if noun in {noun_lemma(w) for w in words.split()} - own:
            return True
    return False


def _other_noun_candidate(bucket: Sequence[Value]) -> bool:
    """A count of a named noun (not a bare figure), of this event, with a precise figure, that
    each article states one way."""
    if not bucket or any(v.type != "count" for v in bucket):
        return False
    key = bucket[0].key or ""
    if not key or key_head(key) in ("count", "quantity") or any(v.key.endswith(":past") for v in bucket):
        return False
    # An article that gives two incompatible figures in the bucket ("two survivors" … "five
    # survivors") shows it is not one figure: joining it to another noun would only guess.
    if self_contradicting(bucket):
        return False
    return any(v.precise for v in bucket)


def self_contradicting(bucket: Sequence[Value]) -> bool:
    """Whether one article gives two incompatible figures in the bucket ("two survivors" …
    "five survivors"): the bucket is then not one figure."""
    return any(
        contradicts(a, b) for n, a in enumerate(bucket) for b in bucket[n + 1 :] if a.article_id == b.article_id
    )


def _claimant_key(v: Value) -> str:
    return " ".join((v.claimant or "").casefold().split())


# Words of a claimant's name that say what kind of body or speaker it is, not which one: "the
# health ministry" and "the interior ministry" share "ministry" and are two claimants, while
# "Marion County emergency management" and "Marion County emergency manager Ruth Hoekstra"
# share "marion" and "emergency" and are one.
_GENERIC_CLAIMANT = frozenset(
    "official spokesman spokeswoman spokesperson source authority ministry department office agency "
    "service government statement report figure data national state regional local provincial county "
    "city federal public general chief head director minister manager senior top".split()
)


def claimants_meet(a: set[str], b: set[str]) -> bool:
    """Whether two sets of claimant keys name one claimant: a key in common, or a distinctive
    word in common (one body named two ways by two reports)."""
    if a & b:
        return True
    words = lambda keys: set().union(*(content_lemmas(k) for k in keys)) - _GENERIC_CLAIMANT  # noqa: E731
    return bool(words(a) & words(b))


# Words of a date's context that say when, not what happened: they are the date itself.
_WHEN_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december morning afternoon evening night "
    "today yesterday tomorrow day week month year early late midnight noon dawn".split()
)


def join_one_day(
    buckets: list[list[Value]],
    text_of: Mapping[tuple[str, int], str],
    embedder=None,
) -> list[list[Value]]:
    """Join dates of one event that different verbs key apart ("struck on January 30" /
    "swept across Ireland on Friday" / "after yesterday's storm").

    Dates keyed by their verb are kept apart because articles date many events; joining them
    by verb alone set the day of a medical against the day of a signing.  Here two date
    buckets join only when every value of one agrees with every value of the other at the
    same grain (the same day, the same month), no article states both, and their contexts
    describe one event (paraphrases by the embedder, or a content word in common that is not
    a word of time).  Since the joined values agree, this can only find agreement, never
    create a conflict.
    """
    cand = [
        i for i, b in enumerate(buckets)
        if b and all(v.type == "date" and not v.key.endswith(":past") for v in b)
    ]
    if len(cand) < 2:
        return buckets
    arts = {i: {v.article_id for v in buckets[i]} for i in cand}
    ctx = _contexts(buckets, cand, text_of)
    pairs = [
        (i, j)
        for n, i in enumerate(cand)
        for j in cand[n + 1 :]
        if not arts[i] & arts[j]
        and all(agrees(x, y) and grain(x) == grain(y) for x in buckets[i] for y in buckets[j])
    ]
    if not pairs:
        return buckets
    scored = []
    if embedder is not None:
        best_of = _best_similarity(cand, ctx, embedder)
        for i, j in pairs:
            best = best_of(i, j)
            if best >= _SAME_PREDICATE:
                scored.append((best, i, j))
    else:
        for i, j in pairs:
            shared = _shared_words(ctx[i], ctx[j], _WHEN_WORDS)
            if shared:
                scored.append((float(shared), i, j))
    return _merge_pairs(buckets, cand, arts, scored)


# How many reports must give one day, and more of them than give any other, for it to be read
# as the story's own day (below).
_EVENT_DAY_ARTICLES = 3


def join_event_day(buckets: list[list[Value]]) -> list[list[Value]]:
    """Join every bucket of the story's own day: the day that the most reports give.

    Reports of one event date it with whatever verb their sentence has ("slammed into the coast
    on Thursday" / "made landfall on November 12" / "yesterday's storm"), and their contexts
    are often too unlike for ``join_one_day``.  A story is about an event, and the day that
    more reports give than any other is that event's day, whatever the verb: each report of it
    confirms it.  Only day-grain dates of this event (not ``:past``) whose values all agree with
    that day join, so this too can only find agreement.
    """
    cand = [
        i for i, b in enumerate(buckets)
        if b and all(v.type == "date" and not v.key.endswith(":past") and grain(v) == "day" for v in b)
    ]
    if len(cand) < 2:
        return buckets
    cand.sort(key=lambda i: (-len({v.article_id for v in buckets[i]}), i))
    days: list[tuple[Value, list[int], set[str]]] = []  # (representative, buckets, articles)
    for i in cand:
        for rep, members, arts in days:
            if all(agrees(v, rep) for v in buckets[i]):
                members.append(i)
                arts.update(v.article_id for v in buckets[i])
                break
        else:
            if all(agrees(v, buckets[i][0]) for v in buckets[i]):
                days.append((buckets[i][0], [i], {v.article_id for v in buckets[i]}))
    days.sort(key=lambda d: -len(d[2]))
    if not days or len(days[0][2]) < _EVENT_DAY_ARTICLES or (len(days) > 1 and len(days[1][2]) == len(days[0][2])):
        return buckets
    members = days[0][1]
    if len(members) < 2:
        return buckets
    uf = UnionFind()
    for i in members[1:]:
        uf.union(members[0], i)
    return regroup(buckets, uf, set(members))


def _contexts(buckets, cand, text_of) -> dict[int, list[str]]:
    """Each candidate bucket's value contexts (``figures.context``), read from their sentences."""
    return {
        i: [context(v, text_of.get((v.article_id, v.sentence_index), v.text)) for v in buckets[i]]
        for i in cand
    }


def _best_similarity(cand, ctx, embedder):
    """``best(i, j)``: the highest cosine between a context of bucket i and one of bucket j
    (every distinct context embedded once)."""
    texts = sorted({t for i in cand for t in ctx[i]})
    index = {t: k for k, t in enumerate(texts)}
    sim = similarities(texts, embedder)

    def best(i: int, j: int) -> float:
        return max(sim[index[a]][index[b]] for a in ctx[i] for b in ctx[j])

    return best


def _shared_words(ctx_i, ctx_j, drop) -> int:
    """How many content lemmas (less ``drop``) two buckets' contexts have in common."""
    words_i = set().union(*(content_lemmas(t) for t in ctx_i)) - drop
    words_j = set().union(*(content_lemmas(t) for t in ctx_j)) - drop
    return len(words_i & words_j)


def _merge_pairs(buckets, cand, arts, scored) -> list[list[Value]]:
    """Join scored bucket pairs, best first, never bringing two buckets of one article together."""
    uf = UnionFind()
    group_arts = {i: set(arts[i]) for i in cand}
    for _, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or group_arts[ri] & group_arts[rj]:
            continue
        uf.union(ri, rj)
        group_arts[uf.find(i)] = group_arts[ri] | group_arts[rj]
    return regroup(buckets, uf, arts)


def regroup(buckets: list[list[Value]], uf: UnionFind, joined) -> list[list[Value]]:
    """The buckets with those of one union-find root (among ``joined`` indices) merged into the
    first of them; the order of first appearance is kept."""
    merged: dict[int, list[Value]] = {}
    out: list[list[Value]] = []
    for i, b in enumerate(buckets):
        if i in joined:
            root = uf.find(i)
            if root in merged:
                merged[root].extend(b)
                continue
            merged[root] = b
        out.append(b)
    return out


# --------------------------------------------------------------------------- other keys
#
# Quantities and dates are keyed by their dimension plus the nearest word ("percent:workforce"
# / "percent:staff", "date:open" / "date:operate"), and that word is whichever one a writer put
# next to the figure.  ``join_other_keys`` joins such buckets on evidence that does not depend
# on the word: the same type and unit family (or date grain), figures near in size, no article
# stating both, and a shared predicate.  It can join disagreeing figures, so it is the most
# conservative of the joins: every condition must hold, and without an embedder the lexical
# cue asks for two shared content words (or one and the same claimant) and never joins dates.

# Cosine of masked contexts for a join across keys.  Above ``_SAME_PREDICATE`` (0.5): a join
# here can set two figures against each other, and unrelated clauses of one story reach 0.45
# (see above), so a margin is kept.  Chosen from the in-sample claims set's printed
# similarities, not searched on the development set.
_SAME_PREDICATE_OTHER_KEY = 0.55
# Content words two contexts must share without an embedder (one fewer with one claimant).
_SHARED_WORDS = 2
# Nearness of two precise figures joined across keys: tighter than the vague tolerance (2),
# because here the join may set them against each other.  Different quantities of one story
# often lie within a factor 2 of each other (in-sample: "90% of ballots counted" / "received
# 47.4%"); one figure misreported rarely does ("5 km" / "three kilometres" is 1.67).
_OTHER_KEY_FACTOR = 1.75
# How far apart two dates of one grain may be and still be one date misreported: about one
# unit of the next coarser grain (a clock reading within a day, a day within a season, a
# month within a year, a year within a decade).  Dates further apart are different events.
_DATE_REACH = {"clock": 86400.0, "day": 92 * 86400.0, "month": 366 * 86400.0, "year": 10 * 366 * 86400.0}


def _family(bucket: Sequence[Value]) -> tuple[str, str, bool] | None:
    """The comparable family of a bucket: ("quantity", unit, past) or ("date", grain, past),
    else None.  ``past`` marks an earlier event's figure (key ":past", see values.py): it
    only ever meets another earlier event's figure."""
    kinds = {(v.type, _dimension(v), (v.key or "").endswith(":past")) for v in bucket}
    if len(kinds) != 1:
        return None
    kind = next(iter(kinds))
    return kind if kind[0] in ("quantity", "date") and kind[1] else None


def _dimension(v: Value) -> str:
    """What a value's figure is of: a quantity's unit, a date's grain.  Counts are not joined
    here: other nouns are ``join_other_nouns``'s, and one generic noun keyed by two verbs
    ("people evacuated" / "people moved") joined by embeddings set two figures of one story
    into a false sequence (tried, in-sample embedding run)."""
    if v.type == "quantity":
        return v.unit or ""
    if v.type == "date":
        return grain(v)
    return ""


def _other_key_candidate(bucket: Sequence[Value]) -> bool:
    """A quantity or date of one family, with a precise value, that each article states one
    way."""
    if not bucket or _family(bucket) is None:
        return False
    if self_contradicting(bucket):
        return False
    return any(v.precise for v in bucket)


def _dates_near(a: Sequence[Value], b: Sequence[Value], name: str) -> bool:
    reach = _DATE_REACH.get(name, 0.0)
    for x in a:
        for y in b:
            if None in (x.low, x.high, y.low, y.high):
                continue
            gap = max(x.low, y.low) - min(x.high, y.high)  # negative when they overlap
            if gap <= reach:
                return True
    return False


def join_other_keys(
    buckets: list[list[Value]],
    peak: Mapping[int, str],
    text_of: Mapping[tuple[str, int], str],
    embedder=None,
    scoped: Mapping[int, str] | None = None,
    aligned: Mapping[tuple[str, int], object] | None = None,
) -> list[list[Value]]:
    """Join quantities or dates of one thing keyed by different nearby words ("9% of the
    workforce" / "nine percent of staff"; "opened in 1962" / "has operated since 1958").

    Two buckets join when all of this holds: both are of one family (type and unit, or date
    grain) and both are this event's or both an earlier event's (":past"); no article states
    both (an article that gives two figures keyed apart tells them apart, so a claim never
    swallows them); both are peaks (or forecasts) or both not, bounded to one place; the
    figures are near (within ``_OTHER_KEY_FACTOR``; dates within ``_DATE_REACH`` of their grain); and they share a
    predicate: a figure of each sits in sentences the reuse stage aligned (``aligned``), or
    their masked contexts are paraphrases by the embedder (``_SAME_PREDICATE_OTHER_KEY``; for
    dates a close paraphrase, ``_SAME_PREDICATE_SMALL``), or, without an embedder and for
    figures only, the contexts share ``_SHARED_WORDS`` content words other than words of time
    and the values' own words (one suffices when one claimant gives both).  Pairs join best
    evidence first.
    """
    cand = [i for i, b in enumerate(buckets) if _other_key_candidate(b)]
    if len(cand) < 2:
        return buckets
    fam = {i: _family(buckets[i]) for i in cand}
    arts = {i: {v.article_id for v in buckets[i]} for i in cand}
    scope_of = {i: scopes_of(buckets[i], scoped or {}) for i in cand}

    def near(i: int, j: int) -> bool:
        kind, name, _ = fam[i]
        if kind == "date":
            return _dates_near(buckets[i], buckets[j], name)
        return near_in_size(buckets[i], buckets[j], _OTHER_KEY_FACTOR)

    pairs = [
        (i, j)
        for n, i in enumerate(cand)
        for j in cand[n + 1 :]
        if fam[i] == fam[j]
        and not arts[i] & arts[j]
        and peak.get(id(buckets[i][0]), "") == peak.get(id(buckets[j][0]), "")
        and scope_of[i] & scope_of[j]
        and near(i, j)
    ]
    if not pairs:
        return buckets
    ctx = _contexts(buckets, cand, text_of)
    statements = {
        i: {aligned[(v.article_id, v.sentence_index)] for v in buckets[i] if (v.article_id, v.sentence_index) in (aligned or {})}
        for i in cand
    }
    claimants = {i: {_claimant_key(v) for v in buckets[i]} - {""} for i in cand}
    best_of = _best_similarity(cand, ctx, embedder) if embedder is not None else None
    scored = []
    for i, j in pairs:
        if statements[i] & statements[j] and fam[i][0] != "date":
            # One aligned statement: the strongest evidence for figures.  Not for dates: an
            # aligned sentence pair often carries two dates of two things ("struck on Thursday;
            # schools stay closed until Monday"), and ``claims._join_aligned`` already joins the
            # one date each sentence gives.
            scored.append((2.0, i, j))
            continue
        if best_of is not None:
            best = best_of(i, j)
            # Dates ask for a close paraphrase: a story dates many events in like words, and
            # two neighbouring days of two events ("announced on Tuesday" / "confirmed on
            # Wednesday") reach 0.55-0.65 (in-sample embedding run).
            bar = _SAME_PREDICATE_SMALL if fam[i][0] == "date" else _SAME_PREDICATE_OTHER_KEY
            if best >= bar:
                scored.append((best, i, j))
            continue
        if fam[i][0] == "date":
            # Shared words say little about which day: a story dates many events with the same
            # topic words ("miners brought out on Wednesday" / "at the mine on Thursday").
            # Dates that agree are joined by ``join_one_day``; disagreeing ones need more.
            continue
        one = claimants[i] | claimants[j] if claimants_meet(claimants[i], claimants[j]) else set()
        # The words of the values themselves (units, "basis points", the counted noun) are
        # shared by any two figures of one dimension: they are no evidence of one predicate.
        own = {w for b in (buckets[i], buckets[j]) for v in b for w in content_lemmas(v.text)}
        drop = _WHEN_WORDS | own | {w for c in one for w in content_lemmas(c)}
        shared = _shared_words(ctx[i], ctx[j], drop)
        if shared >= (_SHARED_WORDS - 1 if one else _SHARED_WORDS):
            scored.append((shared / 10.0, i, j))
    return _merge_pairs(buckets, cand, arts, scored)
