"""Group articles into stories: incremental, inside a time window, cheapest signal first.

Each arriving article is compared with the stories whose publication span lies within
``window_days`` of its own date (no constraint when a date is unknown), using, in order of
cost:

1. **near copies** — MinHash/LSH over word 5-grams (:mod:`newsfuse.minhash`); an estimated
   Jaccard of ``near_duplicate`` or more joins the copy's story outright;
2. **lexical similarity** — cosine between the article's TF-IDF vector and the story's
   centroid and its closest member, with names (capitalised words inside sentences) and numbers weighted up: they are
   what distinguishes one shooting or one earthquake from the next, where topic words cannot;
3. **sentence embeddings** of the title and lead (optional), for rewrites that share facts
   but not words;
4. **the event's own days** — dates in the lead resolved against publication
   (:mod:`newsfuse.eventdate`): a shared day raises the score, days that cannot be reconciled
   lower it, which is what keeps apart two look-alike events a few days apart.

The best-scoring story above ``join`` takes the article; any further story that the article
also matches above ``bridge`` is merged into it (the article is the evidence that joins
them).  Otherwise the article opens a story.  Then the article's story is merged with any
neighbour whose average linkage (mean member-pair score) reaches ``merge``.  Story linkage is
lowered when the two stories' central people differ (:func:`_persons`: two arrests of two
players of one team), and an article still alone after agglomeration is adopted by a clearly
best neighbour at a lower bar (``StoryParams.adopt``): short reports share too few words.

:func:`cluster_stories` is a loop over :class:`StoryIndex` that first learns the IDF weights
from the whole input, adds the articles in publication order (ties by id) with merging
deferred, then runs :meth:`StoryIndex.consolidate` — average-linkage agglomeration in order of
evidence — so its result does not depend on the order of the input.  A :class:`StoryIndex` used on its own
(the store adding articles as they arrive) learns IDF as it goes; its results can then depend
slightly on arrival order.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from array import array
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import itemgetter

import numpy as np

from .eventdate import resolve_dates
from .minhash import LSHIndex, MinHasher, jaccard
from .model import Article, Sentence, Story

ALGORITHM = "stories/2"


@dataclass(frozen=True)
class StoryParams:
    """Every setting that changes the clustering; stored with results via :meth:`as_pairs`.

    Thresholds were calibrated on the validation splits in ``../shared/evaldata/events``
    (ECB+ validation: 308 documents, 26 events, no dates; GVC validation: 78 articles, 37
    shootings, with dates) by the grid in ``benchmarks/stories.py --calibrate``; the values
    chosen maximise the mean BCubed F1 of the two sets (figures in docs/benchmarks.md).
    """

    join: float = 0.40  # lexical(+embedding) score at which an article joins a story
    bridge: float = 0.50  # score at which an article also pulls a second story into the first
    merge: float = 0.20  # average linkage (mean member-pair score) at which two stories merge
    near_duplicate: float = 0.5  # estimated 5-gram Jaccard of a near copy
    # Embeddings only add evidence above ``embed_offset``: leads of two different events of one
    # kind (two shootings, two quakes) reach cosines of 0.5-0.6 and more, so a mixed-in
    # cosine pulls look-alikes together (ECB+ precision fell to 0.86); only near-paraphrased
    # leads count.
    embed_weight: float = 0.2  # score added for an embedding cosine of 1.0
    embed_offset: float = 0.6  # embedding cosine below which the leads give no evidence
    # Central actors (see _persons): two stories whose named people barely overlap (cosine of
    # their person-mention distributions under ``person_floor``) are two events of one kind —
    # two arrests of players of one team share team, city, charge and wording, not the player.
    # One article's people are weak evidence (a report may centre on a witness or an official:
    # on ECB+ validation a quarter of same-event article pairs share no person), so the penalty
    # grows with the number of members naming someone on the smaller side and reaches
    # ``person_penalty`` at ``person_support`` members.  It lowers story linkage, and vetoes
    # an article bridging two stories whose people differ; a single article joining is not
    # checked (a story-side penalty there changed nothing on the validation sets).
    # Calibrated on the ECB+ and GVC validation sets only (benchmarks/stories.py --calibrate:
    # penalty 0.1-0.2 × support 5-12 tie; at cosine floor 0.2 ECB+ topic 35 stays merged; a
    # full penalty from one member on costs ECB+ recall 0.946 → 0.905 and GVC 0.906 → 0.889).
    person_penalty: float = 0.1
    person_floor: float = 0.3
    person_support: int = 12
    # A story of one article left after agglomeration joins its best neighbour when the average
    # linkage reaches ``adopt`` (under ``merge``) and beats the runner-up by ``adopt_margin``×:
    # short reports and briefs share too few weighted terms to reach ``merge`` with a long
    # story, yet their best neighbour is clear.  Calibrated on ECB+ and GVC validation only:
    # there, lone articles' linkage to their own event is 0.15-0.20 and to any other event at
    # most 0.125 (same topic, other event; GVC's one-article shootings reach 0.08 at most).
    # Lower values keep raising ECB+ recall (0.10: F1 0.992, 0.06: 0.995) only because ECB+
    # has no one-article events to lose precision on, so 0.14 — above every wrong linkage
    # seen — is kept.
    adopt: float = 0.14
    adopt_margin: float = 1.3
    date_bonus: float = 0.05  # the lead names a day the story names too
    # both name days, none within a day of each other; 0.1 and 0.2 tie on the validation sets
    # (ECB+ has no dates, GVC few look-alikes), 0.3 split one more GVC event
    date_penalty: float = 0.20
    name_boost: float = 2.0  # weight of capitalised words inside sentences
    number_boost: float = 3.0  # weight of tokens with digits
    title_weight: float = 2.0  # a title word counts as this many body words
    vector_terms: int = 100  # an article keeps its heaviest terms only (classic TDT truncation)
    index_terms: int = 12  # terms per article used to find candidate stories
    candidates: int = 40  # earlier articles scored per article, by shared index terms
    member_terms: int = 60  # terms kept per article for article-to-article similarity
    link_weight: float = 0.5  # share of the best single member's similarity in a story's score
    lead_sentences: int = 3  # sentences read for event dates and embeddings
    posting_limit: int = 256  # most recent articles kept per index term

    def as_pairs(self) -> tuple[tuple[str, str], ...]:
        from dataclasses import asdict

        return (("algorithm", ALGORITHM),) + tuple(sorted((k, str(v)) for k, v in asdict(self).items()))


# Function words, plus weekday and month names: days are compared as resolved dates, and as
# capitalised words they would get the name boost and join unrelated stories of one week.
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our ours out over own same she should so
    some such than that the their theirs them then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you
    your said says say told according would could may might must new one two three last first
    year years week day days time people mr mrs ms dr monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tonight""".split()
)
_TOKEN = re.compile(r"\w+(?:[’'.\-]\w+)*")
_WORD = re.compile(r"\w+")
_SENTENCE_END = frozenset(".!?\"“”‘’'\n:—–-•|([")
_COPY = 1e9  # the score of a near copy: above any similarity, whatever the thresholds
_MINHASHER = MinHasher()  # immutable settings object, not state: safe to share


def _weighted_terms(text: str, params: StoryParams, scale: float, into: dict[str, list[float]]) -> None:
    """Add term frequencies (× ``scale``) and the highest boost seen to ``into``."""
    for m in _TOKEN.finditer(text):
        tok = m.group()
        low = tok.lower()
        if low in _STOP or (len(low) < 2 and not low.isdigit()):
            continue
        if not tok.isalpha() and any(c.isdigit() for c in tok):
            boost = params.number_boost
        elif tok[0].isupper():
            before = text[max(0, m.start() - 3) : m.start()].rstrip()
            initial = not before or before[-1] in _SENTENCE_END
            boost = 1.0 if initial else params.name_boost
        else:
            boost = 1.0
        entry = into.get(low)
        if entry is None:
            into[low] = [scale, boost]
        else:
            entry[0] += scale
            if boost > entry[1]:
                entry[1] = boost


def _raw_terms(article: Article, params: StoryParams) -> dict[str, list[float]]:
    terms: dict[str, list[float]] = {}
    if article.title:
        _weighted_terms(article.title, params, params.title_weight, terms)
    _weighted_terms(article.text, params, 1.0, terms)
    return terms


# A capitalised word (hyphenated parts allowed; a possessive 's is left outside) and runs of
# them separated by single spaces, an initial ("J.") allowed inside a run.
_CAP_WORD = r"[A-Z][a-z]+(?:-?[A-Z]?[a-z]+)*(?!\w)"  # Smith, McDonald, Smith-Jones
_CAP_RUN = re.compile(r"(?<![\w’'])" + _CAP_WORD + r"(?:[ \t]+(?:[A-Z]\.[ \t]+)?" + _CAP_WORD + r")*")
_DETERMINERS = frozenset("the a an this that these those our their its his her".split())


def _persons(text: str) -> dict[str, float]:
    """Salient people of ``text``: surname → share of person mentions (sums to 1, or empty).

    No named-entity model is available offline, so people are recognised by how news writes
    them, not by a list of names: introduced in full ("Given Surname": a run of two or more
    capitalised words ending in the surname) and then referred to by the surname alone.  A run
    that a determiner precedes ("the Highway Patrol", "the Surgeon General") names a body, a
    title or a place, and its words are not surnames.  Headline-case lines are skipped (every
    word is capitalised there).  Only people named in full and mentioned at least twice count:
    the central actors, not people quoted in passing.
    """
    full: Counter = Counter()
    alone: Counter = Counter()
    excluded: set[str] = set()
    for line in text.splitlines():
        words = line.split()
        if len(words) >= 4 and sum(w[:1].isupper() for w in words) > 0.6 * len(words):
            continue
        for m in _CAP_RUN.finditer(line):
            run = [w for w in m.group().split() if not w.endswith(".")]
            before = line[max(0, m.start() - 12) : m.start()].split()
            if (before and before[-1].lower() in _DETERMINERS) or run[0].lower() in _DETERMINERS:
                excluded.update(run)
                continue
            # words that open a sentence are capitalised whatever they are: drop stop words
            while run and run[0].lower() in _STOP:
                run = run[1:]
            if len(run) >= 2 and run[-1].lower() not in _STOP:
                full[run[-1]] += 1
            elif len(run) == 1:
                alone[run[0]] += 1
    people = {w.lower(): full[w] + alone[w] for w in full
              if w not in excluded and alone[w] >= 1 and full[w] + alone[w] >= 2}
    total = sum(people.values())
    return {w: c / total for w, c in people.items()} if total else {}


def _person_overlap(a: Mapping[str, float], b: Mapping[str, float]) -> float | None:
    """Cosine of two person-mention distributions; None when either side names nobody."""
    if not a or not b:
        return None
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return _dot(a, b) / (na * nb) if na and nb else None


def document_frequencies(articles: Iterable[Article], params: StoryParams = StoryParams()) -> Counter:
    """In how many of ``articles`` each term occurs (the IDF that :class:`StoryIndex` can take)."""
    df: Counter = Counter()
    for a in articles:
        df.update(_raw_terms(a, params).keys())
    return df


def _lead(article: Article, sentences: Sequence[Sentence], n: int) -> str:
    parts = [article.title] if article.title else []
    if sentences:
        parts.extend(s.text for s in sentences[:n])
    else:
        parts.append(article.text[:600])
    return "\n".join(parts)


def _heaviest(weights: Mapping[str, float], n: int) -> list[tuple[str, float]]:
    """The ``n`` heaviest (term, weight) pairs, ties by term: two C-level stable sorts."""
    items = sorted(weights.items())
    items.sort(key=itemgetter(1), reverse=True)
    return items[:n]


def _dot(vec: Mapping[str, float], other: Mapping[str, float]) -> float:
    get = other.get
    return sum(w * get(t, 0.0) for t, w in vec.items())


@dataclass
class _Story:
    members: list[int]
    centroid: dict[str, float]
    norm: float
    start: float | None
    end: float | None
    days: Counter
    embedding: np.ndarray | None
    first: int  # earliest member (publication, then id): names the story
    persons: dict[str, float]  # sum of the members' person distributions (_persons)
    person_docs: int  # members that name someone


@dataclass(frozen=True)
class _Member:
    id: str
    published: datetime | None
    headline: str


class StoryIndex:
    """Stories built one article at a time; ``add`` returns the article's current story id.

    Story ids are the hash of the earliest member's id (publication order, then id), so an id
    changes only when an earlier article joins or two stories merge; ``stories()`` gives the
    current partition.  Pass ``document_frequencies`` (and ``documents``) to fix the IDF weights
    — :func:`cluster_stories` does — otherwise they are learned from the articles added so far.
    """

    def __init__(
        self,
        *,
        embedder=None,
        window_days: float = 7.0,
        params: StoryParams = StoryParams(),
        document_frequencies: Mapping[str, int] | None = None,
        documents: int = 0,
        merge_on_add: bool = True,
    ) -> None:
        self.embedder = embedder
        self.merge_on_add = merge_on_add
        self.window = window_days * 86400.0
        self.params = params
        self._fixed_idf = document_frequencies is not None
        self._df: dict[str, int] = dict(document_frequencies or {})
        self._n = documents if self._fixed_idf else 0
        self._members: list[_Member] = []
        self._by_id: dict[str, int] = {}
        self._story_of: list[int] = []  # member → story (resolve with _find)
        self._parent: dict[int, int] = {}
        self._stories: dict[int, _Story] = {}
        self._lsh = LSHIndex()
        self._signatures: list[np.ndarray] = []
        self._postings: dict[str, deque[int]] = {}  # index term → recent members
        self._vectors: list[tuple[tuple[str, ...], array]] = []  # member → truncated vector
        self._edges: list[tuple[int, int]] = []  # (member, story it resembled when added)

    # ------------------------------------------------------------------ weights
    def _idf(self, term: str) -> float:
        # smoothed IDF (as scikit-learn's): never zero, so a tiny corpus still has weights
        return math.log((self._n + 1) / (self._df.get(term, 0) + 1)) + 1.0

    def _vector(self, raw: Mapping[str, list[float]]) -> dict[str, float]:
        # sublinear tf: a name repeated ten times is not ten times the evidence
        weights = {t: (1.0 + math.log(max(tf, 1.0))) * b * self._idf(t) for t, (tf, b) in raw.items()}
        if len(weights) > self.params.vector_terms:
            weights = dict(_heaviest(weights, self.params.vector_terms))
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    # ------------------------------------------------------------------ union-find
    def _find(self, s: int) -> int:
        root = s
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[s] != root:
            self._parent[s], s = root, self._parent[s]
        return root

    def _compatible(self, a: _Story, b: _Story) -> bool:
        if a.start is None or b.start is None:
            return True
        return a.start - self.window <= b.end and b.start - self.window <= a.end  # type: ignore[operator]

    def _in_window(self, ts: float | None, s: _Story) -> bool:
        if ts is None or s.start is None:
            return True
        return s.start - self.window <= ts <= s.end + self.window  # type: ignore[operator]

    @staticmethod
    def _date_relation(days: Sequence[date], story_days: Counter) -> int:
        """+1 when a lead day is within a day of one of the story's, -1 when none is, 0 unknown."""
        if not days or not story_days:
            return 0
        for d in days:
            for k in (d, d - timedelta(days=1), d + timedelta(days=1)):
                if k in story_days:
                    return 1
        return -1

    # ------------------------------------------------------------------ adding
    def add(
        self, article: Article, sentences: Sequence[Sentence] = (), embedding: np.ndarray | None = None
    ) -> str:
        """Place ``article`` in a story (joining, opening or merging stories); return its id."""
        if article.id in self._by_id:
            return self.story_id(article.id)
        p = self.params
        raw = _raw_terms(article, p)
        if not self._fixed_idf:
            self._n += 1
            for t in raw:
                self._df[t] = self._df.get(t, 0) + 1
        vec = self._vector(raw)
        ts = article.published.timestamp() if article.published else None
        lead = _lead(article, sentences, p.lead_sentences)
        # days in the publication's own time zone: "Tuesday" is local
        days = list(dict.fromkeys(resolve_dates(lead, article.published)))[:4]
        if embedding is None and self.embedder is not None:
            embedding = self.embedder.encode([lead[:1000]])[0]
        signature = _MINHASHER.signature(_WORD.findall(article.text.lower()))
        persons = _persons(f"{article.title}\n{article.text}" if article.title else article.text)

        # 1. near copies
        scores: dict[int, float] = {}
        if len(article.text) >= 200:  # too short a text has too few shingles to call a copy
            for other in self._lsh.query(signature):
                root = self._find(self._story_of[other])  # type: ignore[arg-type]
                story = self._stories[root]
                if root not in scores and self._in_window(ts, story):
                    # a copy whose lead names other days is a template reused for another
                    # event (automated quake or sports reports): let the full score decide
                    if (jaccard(signature, self._signatures[other]) >= p.near_duplicate
                            and self._date_relation(days, story.days) >= 0):
                        scores[root] = _COPY

        # 2-4. lexical, embedding and event-date evidence on candidate stories
        ranked_terms = _heaviest(vec, max(p.member_terms, p.index_terms))
        index_terms = [t for t, _ in ranked_terms[: p.index_terms]]
        # Candidates are earlier articles sharing index terms; a story is scored by its
        # centroid (what the story is about) and by its closest member (the nearest
        # neighbour is the same event for every ECB+ validation document, while centroids
        # of stories that grow blur: calibration in docs/benchmarks.md).
        shared: Counter = Counter()
        for t in index_terms:
            shared.update(self._postings.get(t, ()))
        nearest: dict[int, float] = {}
        # most_common breaks ties by first insertion, i.e. by posting order: deterministic
        for m, _ in shared.most_common(p.candidates):
            root = self._find(self._story_of[m])
            terms, weights = self._vectors[m]
            get = vec.get
            sim = sum(w * get(t, 0.0) for t, w in zip(terms, weights))
            if sim > nearest.get(root, -1.0):
                nearest[root] = sim
        for root in sorted(nearest):
            if root in scores:
                continue
            story = self._stories[root]
            if not self._in_window(ts, story):
                continue
            centroid = _dot(vec, story.centroid) / story.norm
            score = (1.0 - p.link_weight) * centroid + p.link_weight * nearest[root]
            if embedding is not None and story.embedding is not None:
                e = float(embedding @ story.embedding) / (float(np.linalg.norm(story.embedding)) or 1.0)
                score += p.embed_weight * max(0.0, e - p.embed_offset) / (1.0 - p.embed_offset)
            rel = self._date_relation(days, story.days)
            if rel > 0:
                score += p.date_bonus
            elif rel < 0 and ts is not None:
                # Without a publication date only fully written dates resolve, and in undated
                # leads those are as often background as the event (in ECB+ calibration the
                # penalty cost F1); so only dated articles are penalised.
                score -= p.date_penalty
            scores[root] = score

        member = len(self._members)
        self._members.append(_Member(article.id, article.published, _headline(article, sentences)))
        self._by_id[article.id] = member
        self._signatures.append(signature)
        top = ranked_terms[: p.member_terms]
        self._vectors.append((tuple(sys.intern(t) for t, _ in top), array("f", (w for _, w in top))))
        if len(article.text) >= 200:
            self._lsh.insert(member, signature)

        joined = sorted(((s, r) for r, s in scores.items() if s >= p.join or s == _COPY),
                        key=lambda x: (-x[0], x[1]))
        if not joined:
            root = member  # stories are numbered by their first member
            self._parent[root] = root
            self._stories[root] = _Story(
                [member], dict(vec), 1.0, ts, ts, Counter(days),
                None if embedding is None else np.array(embedding, dtype=np.float32), member,
                dict(persons), 1 if persons else 0,
            )
        else:
            root = joined[0][1]
            self._join(root, member, vec, ts, days, embedding, persons)
            for s, other in joined[1:]:
                if s < p.bridge and s != _COPY:
                    break
                other = self._find(other)
                root = self._find(root)
                sr, so = self._stories.get(root), self._stories.get(other)
                if other != root and self._compatible(sr, so):
                    # one article is not evidence enough against days or people that differ
                    if (self._date_relation(list(so.days), sr.days) >= 0
                            and self._person_cost(sr.persons, sr.person_docs, so.persons, so.person_docs) == 0.0):
                        root = self._union(root, other)
        root = self._find(root)
        # Remember which stories this article resembled: consolidate() only weighs pairs of
        # stories that some member found while being added (retrieval already bounded by
        # window and candidates), instead of every pair sharing a common word.
        for other, sim in nearest.items():
            if sim >= 0.5 * p.merge:
                self._edges.append((member, other))
        if self.merge_on_add:
            neighbours = {self._find(r) for r in list(scores) + list(nearest)} - {root}
            root = self._merge_neighbours(root, neighbours)
        self._story_of.append(root)
        for t in index_terms:
            q = self._postings.get(t)
            if q is None:
                q = self._postings[t] = deque(maxlen=p.posting_limit)
            q.append(member)
        return self._story_key(root)

    def _linkage(self, a: _Story, b: _Story) -> float:
        """Average similarity of the two stories' member pairs (UPGMA), with the same embedding
        and event-day evidence as an article's score.  Member vectors are unit length, so the
        mean pairwise cosine is the dot product of the centroid sums over the pair count."""
        p = self.params
        small, large = (a.centroid, b.centroid) if len(a.centroid) < len(b.centroid) else (b.centroid, a.centroid)
        pairs = len(a.members) * len(b.members)
        score = _dot(small, large) / pairs
        if a.embedding is not None and b.embedding is not None:
            e = float(a.embedding @ b.embedding) / pairs
            score += p.embed_weight * max(0.0, e - p.embed_offset) / (1.0 - p.embed_offset)
        score -= self._person_cost(a.persons, a.person_docs, b.persons, b.person_docs)
        rel = self._date_relation(list(a.days), b.days)
        if rel > 0:
            score += p.date_bonus
        elif rel < 0 and a.start is not None and b.start is not None:
            score -= p.date_penalty
        return score

    def _person_cost(self, a: Mapping[str, float], na: int, b: Mapping[str, float], nb: int) -> float:
        """Score lost by two stories (``na``/``nb`` members naming someone) whose people differ."""
        p = self.params
        overlap = _person_overlap(a, b)
        if overlap is None or overlap >= p.person_floor:
            return 0.0
        return p.person_penalty * min(1.0, min(na, nb) / p.person_support)

    def _merge_neighbours(self, root: int, neighbours: set[int]) -> int:
        """Merge into ``root``'s story, best first, every neighbour whose average linkage
        reaches ``merge``: the article just added may be the evidence that joins them."""
        p = self.params
        while neighbours:
            story = self._stories[root]
            best, best_score = None, p.merge
            for other in sorted(neighbours):
                candidate = self._stories.get(other)
                if candidate is None or not self._compatible(story, candidate):
                    continue
                score = self._linkage(story, candidate)
                if score >= best_score:
                    best, best_score = other, score
            if best is None:
                break
            neighbours.discard(best)
            root = self._union(root, best)
            neighbours = {self._find(r) for r in neighbours} - {root}
        return root

    def consolidate(self) -> int:
        """Agglomerate stories globally, best average linkage first, down to ``merge``.

        Arrival order decides which merges ``add`` sees first; this pass redoes them in the
        order of evidence (UPGMA), which is what batch clustering wants (ECB+ validation F1
        0.895 → 0.956, docs/benchmarks.md).  Candidate pairs are the stories that a member
        resembled when it was added.  Then articles still alone are adopted by a clearly best
        neighbour (:meth:`_adopt_singletons`).  Returns the number of merges, adoptions included.
        """
        import heapq

        p = self.params
        neighbours: dict[int, set[int]] = {r: set() for r in self._stories}
        for member, other in self._edges:
            a, b = self._find(self._story_of[member]), self._find(other)
            if a != b:
                neighbours[a].add(b)
                neighbours[b].add(a)
        size = {r: len(s.members) for r, s in self._stories.items()}
        heap: list[tuple[float, int, int, int, int]] = []

        def push(a: int, b: int) -> None:
            a, b = min(a, b), max(a, b)
            sa, sb = self._stories[a], self._stories[b]
            if self._compatible(sa, sb):
                score = self._linkage(sa, sb)
                if score >= p.merge:
                    heapq.heappush(heap, (-score, a, b, len(sa.members), len(sb.members)))

        for a in sorted(neighbours):
            for b in sorted(neighbours[a]):
                if a < b:
                    push(a, b)
        merges = 0
        while heap:
            _, a, b, na, nb = heapq.heappop(heap)
            if a not in self._stories or b not in self._stories:
                continue
            if size[a] != na or size[b] != nb:
                continue  # stale: one side has grown since; its fresh pairs were pushed
            root = self._union(a, b)
            gone = b if root == a else a
            merges += 1
            size[root] = len(self._stories[root].members)
            neighbours[root] = (neighbours[a] | neighbours[b]) - {a, b}
            del neighbours[gone]
            for other in sorted(neighbours[root]):
                if other in self._stories:
                    neighbours[other].discard(gone)
                    neighbours[other].add(root)
                    push(root, other)
        return merges + self._adopt_singletons(neighbours)

    def _adopt_singletons(self, neighbours: dict[int, set[int]]) -> int:
        """Give each story of one article to its clearly best neighbour (see ``StoryParams.adopt``).

        Offers are computed against the stories as agglomeration left them and applied best
        first, so the result does not depend on which lone article is looked at first.  Hosts
        are stories of two or more articles: two lone articles are paired only by ``merge``.
        """
        p = self.params
        offers: list[tuple[float, int, int]] = []
        for root in sorted(neighbours):
            story = self._stories.get(root)
            if story is None or len(story.members) != 1:
                continue
            scored = sorted(
                ((self._linkage(story, self._stories[o]), o) for o in neighbours[root]
                 if o in self._stories and len(self._stories[o].members) > 1
                 and self._compatible(story, self._stories[o])),
                key=lambda x: (-x[0], x[1]))
            if not scored or scored[0][0] < p.adopt:
                continue
            if len(scored) > 1 and scored[0][0] < p.adopt_margin * max(scored[1][0], 0.0):
                continue
            offers.append((-scored[0][0], root, scored[0][1]))
        merges = 0
        for _, root, other in sorted(offers):
            a, b = self._find(root), self._find(other)
            if a != b and len(self._stories[a].members) == 1:
                self._union(a, b)
                merges += 1
        return merges

    def _join(self, root: int, member: int, vec: Mapping[str, float], ts: float | None,
              days: Sequence[date], embedding: np.ndarray | None, persons: Mapping[str, float]) -> None:
        s = self._stories[root]
        for t, w in persons.items():
            s.persons[t] = s.persons.get(t, 0.0) + w
        s.person_docs += 1 if persons else 0
        s.members.append(member)
        s.first = min(s.first, member, key=self._order_key)
        for t, w in vec.items():
            s.centroid[t] = s.centroid.get(t, 0.0) + w
        self._prune(s)
        if ts is not None:
            s.start = ts if s.start is None else min(s.start, ts)
            s.end = ts if s.end is None else max(s.end, ts)  # type: ignore[type-var]
        s.days.update(days)
        if embedding is not None:
            s.embedding = np.array(embedding, dtype=np.float32) if s.embedding is None else s.embedding + embedding

    def _prune(self, s: _Story) -> None:
        # a long-running story would otherwise drag every word of every member along
        limit = 4 * self.params.vector_terms
        if len(s.centroid) > 2 * limit:
            s.centroid = dict(_heaviest(s.centroid, limit))
        s.norm = math.sqrt(sum(w * w for w in s.centroid.values())) or 1.0

    def _union(self, a: int, b: int) -> int:
        sa, sb = self._stories[a], self._stories[b]
        if len(sb.members) > len(sa.members) or (len(sb.members) == len(sa.members) and b < a):
            a, b, sa, sb = b, a, sb, sa
        self._parent[b] = a
        del self._stories[b]
        sa.members.extend(sb.members)
        sa.first = min(sa.first, sb.first, key=self._order_key)
        for t, w in sb.centroid.items():
            sa.centroid[t] = sa.centroid.get(t, 0.0) + w
        self._prune(sa)
        if sb.start is not None:
            sa.start = sb.start if sa.start is None else min(sa.start, sb.start)
            sa.end = sb.end if sa.end is None else max(sa.end, sb.end)  # type: ignore[type-var]
        sa.days.update(sb.days)
        for t, w in sb.persons.items():
            sa.persons[t] = sa.persons.get(t, 0.0) + w
        sa.person_docs += sb.person_docs
        if sb.embedding is not None:
            sa.embedding = sb.embedding if sa.embedding is None else sa.embedding + sb.embedding
        return a

    # ------------------------------------------------------------------ reading
    def _order_key(self, m: int) -> tuple:
        pub = self._members[m].published
        return (pub is None, pub.timestamp() if pub else 0.0, self._members[m].id)

    def _ordered(self, members: Iterable[int]) -> list[int]:
        return sorted(members, key=self._order_key)

    def _story_key(self, root: int) -> str:
        first = self._stories[root].first
        return "story-" + hashlib.sha1(self._members[first].id.encode("utf-8")).hexdigest()[:12]

    def story_id(self, article_id: str) -> str:
        """The current story of an added article; ``KeyError`` names an unknown id."""
        if article_id not in self._by_id:
            raise KeyError(f"article {article_id!r} has not been added to this StoryIndex")
        return self._story_key(self._find(self._story_of[self._by_id[article_id]]))

    def __len__(self) -> int:
        return len(self._members)

    def stories(self) -> list[Story]:
        """The current stories, earliest first; each labelled with its most central headline."""
        out: list[Story] = []
        for root, s in self._stories.items():
            members = self._ordered(s.members)
            dated = [self._members[m].published for m in members if self._members[m].published]
            out.append(
                Story(
                    id=self._story_key(root),
                    label=self._label(s, members),
                    articles=tuple(self._members[m].id for m in members),
                    start=min(dated) if dated else None,
                    end=max(dated) if dated else None,
                )
            )
        out.sort(key=lambda st: (st.start is None, st.start.timestamp() if st.start else 0.0, st.id))
        return out

    def _label(self, s: _Story, members: Sequence[int]) -> str:
        best, best_score = "", -1.0
        for m in members:  # earliest first, so ties go to the earliest headline
            headline = self._members[m].headline
            if not headline:
                continue
            raw: dict[str, list[float]] = {}
            _weighted_terms(headline, self.params, 1.0, raw)
            score = _dot(self._vector(raw), s.centroid) if raw else 0.0
            if score > best_score:
                best, best_score = headline, score
        return best


def _headline(article: Article, sentences: Sequence[Sentence]) -> str:
    text = article.title or (sentences[0].text if sentences else article.text.strip().split("\n")[0])
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "…"


def cluster_stories(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    *,
    embedder=None,
    window_days: float = 7.0,
    params: StoryParams = StoryParams(),
) -> list[Story]:
    """Partition ``articles`` into stories (see the module docstring); earliest story first.

    The result does not depend on the order of ``articles``: IDF is learned from all of them
    first, and they are added in publication order (undated last), ties broken by id.
    ``embedder`` (from :func:`newsfuse.embed.load_embedder`) adds the embedding signal; the
    title and first sentences of every article are encoded in one batch.
    """
    unique = {a.id: a for a in articles}
    ordered = sorted(
        unique.values(),
        key=lambda a: (a.published is None, a.published.timestamp() if a.published else 0.0, a.id),
    )
    index = StoryIndex(
        embedder=embedder,
        window_days=window_days,
        params=params,
        document_frequencies=document_frequencies(ordered, params),
        documents=len(ordered),
        merge_on_add=False,  # consolidate() below merges in order of evidence instead
    )
    embeddings: list[np.ndarray | None] = [None] * len(ordered)
    if embedder is not None and ordered:
        leads = [_lead(a, sentences.get(a.id, ()), params.lead_sentences)[:1000] for a in ordered]
        embeddings = list(embedder.encode(leads))
    for a, e in zip(ordered, embeddings):
        index.add(a, sentences.get(a.id, ()), embedding=e)
    index.consolidate()
    return index.stories()
