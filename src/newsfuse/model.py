"""The records that flow between newsfuse's stages.

Every record is a frozen dataclass of plain values (str, int, float, datetime, tuples of
records), so it can be pickled to a Dask worker, stored as JSON in SQLite and compared in
tests.  Stages are functions from records to records; nothing here does any work beyond
trivial derived properties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class RawDocument:
    """One input item as a reader found it, before cleaning.

    ``kind`` says how ``content`` must be read: ``html`` goes through main-text
    extraction, ``text`` through line-level leftover removal.  ``meta`` carries what the
    container knew (a JSONL line's fields, a feed item's date, a WARC record's URL); keys
    used downstream: ``id``, ``url``, ``outlet``, ``title``, ``published`` (ISO 8601 str).
    """

    source: str  # path, path:line, URL, or archive#record — names the item in errors
    kind: Literal["html", "text"]
    content: str
    meta: tuple[tuple[str, str], ...] = ()
    encoding: str = "utf-8"

    def get(self, key: str, default: str | None = None) -> str | None:
        for k, v in self.meta:
            if k == key:
                return v
        return default


@dataclass(frozen=True)
class InputError:
    """An input that could not be used, and why.  Collected, never raised past a reader."""

    input: str
    reason: str


@dataclass(frozen=True)
class Removal:
    """A piece of text that cleaning removed, with the rule that removed it."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    text: str  # cleaned main text; sentence spans index into it
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None  # timezone-aware when known
    published_how: str | None = None  # "metadata", "jsonl", "text:dateline", "htmldate", ...
    language: str | None = None
    wire_credits: tuple[str, ...] = ()  # "AFP", "Reuters", ...
    dateline: str | None = None  # "SEOUL", "Seoul/Tokyo"
    removed: tuple[Removal, ...] = ()
    content_hash: str = ""  # hash of normalised text: exact duplicates share it


@dataclass(frozen=True)
class Sentence:
    article_id: str
    index: int
    text: str
    start: int  # character span in Article.text
    end: int


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True)
class Story:
    id: str
    label: str
    articles: tuple[str, ...]  # article ids, in publication order where known
    start: datetime | None = None
    end: datetime | None = None


# --------------------------------------------------------------------------- reuse

LinkKind = Literal["copy", "version", "paraphrase", "expansion", "summary", "independent"]


@dataclass(frozen=True)
class SentencePair:
    """Two aligned sentences: ``source`` indexes the link's source article."""

    source: int
    target: int
    score: float  # 0..1
    method: Literal["exact", "ngram", "embedding"]


@dataclass(frozen=True)
class ReuseLink:
    source: str  # article id; the earlier/origin side when ``directed``
    target: str
    kind: LinkKind
    score: float  # share of the shorter article covered by aligned material, 0..1
    directed: bool = False
    pairs: tuple[SentencePair, ...] = ()
    changed: tuple[tuple[int, int], ...] = ()  # (source idx, target idx) aligned but not equal
    added: tuple[int, ...] = ()  # target sentence indices with no counterpart in source
    reason: str = ""


@dataclass(frozen=True)
class SourceGroup:
    """Articles that derive from one origin: they count as one independent source."""

    id: str
    articles: tuple[str, ...]
    reason: str = ""


# --------------------------------------------------------------------------- values

ValueType = Literal[
    "count", "quantity", "date", "time", "place", "person", "organization",
    "attribution", "quotation",
]


@dataclass(frozen=True)
class Value:
    """One typed thing a sentence states, normalised so that values can be compared.

    Numeric values are intervals ``[low, high]`` in the canonical unit of their family
    (``at least two`` → [2, inf), ``about 350 km`` → [332.5, 367.5]).  Dates and times are
    intervals of POSIX seconds (a day, a month).  ``key`` says what the value measures,
    taken from the text ("missiles", "distance:flew", "date:criticized"); values are only
    compared when their keys match.  ``precise`` is False for vague values ("several").
    """

    type: ValueType
    text: str  # surface text as written
    normalized: str  # human-readable canonical form: "350 km", "2026-01-27", "≥2"
    article_id: str
    sentence_index: int
    key: str = ""
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    precise: bool = True
    qualifier: str | None = None  # "at least", "about", "north of", ...
    claimant: str | None = None  # who the sentence attributes it to
    span: tuple[int, int] = (0, 0)  # within the sentence text


# --------------------------------------------------------------------------- claims

ClaimStatus = Literal["corroborated", "single-source", "conflicting", "divergent", "evolving"]


@dataclass(frozen=True)
class Mention:
    """Where an article states a claim."""

    article_id: str
    sentence_index: int
    text: str


@dataclass(frozen=True)
class Claim:
    id: str
    text: str  # a representative sentence
    status: ClaimStatus
    mentions: tuple[Mention, ...]
    independent_sources: int
    values: tuple[Value, ...] = ()
    key: str = ""  # the value key the claim is about, when it is a value claim
    explanation: str = ""
    sides: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (normalised value, article ids)


# --------------------------------------------------------------------------- brief


@dataclass(frozen=True)
class BriefSentence:
    text: str
    claim_id: str
    articles: tuple[str, ...]
    independent_sources: int
    section: str  # "what", "when", "where", "who", "figures", "reactions", "background"


@dataclass(frozen=True)
class EventField:
    name: str  # what, who, when, where, or a figure key
    value: str
    support: int  # independent sources
    articles: tuple[str, ...]
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Brief:
    sentences: tuple[BriefSentence, ...]
    disagreements: tuple[str, ...]  # claim ids
    single_source: tuple[str, ...]  # claim ids
    event: tuple[EventField, ...] = ()


@dataclass(frozen=True)
class StoryResult:
    """Everything newsfuse found about one story."""

    story: Story
    links: tuple[ReuseLink, ...]
    groups: tuple[SourceGroup, ...]
    claims: tuple[Claim, ...]
    brief: Brief
    unconfirmed: tuple[tuple[str, int, int], ...] = ()  # (article id, unconfirmed, specific)


@dataclass(frozen=True)
class RunResult:
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    values: tuple[Value, ...]
    stories: tuple[StoryResult, ...]
    errors: tuple[InputError, ...]
    settings: tuple[tuple[str, str], ...] = field(default=())
