"""The brief: a short, cited account of one story built from the articles' own sentences.

Nothing here writes new prose.  Every sentence of the account is the representative
sentence of a claim (an article's own words), cited to the articles that carry it and the
number of independent sources behind it.  The steps:

1. **Candidates** — claims that two or more independent sources support (``corroborated``)
   or whose figure moved over time (``evolving``); disputed claims go to "Sources disagree",
   claims of one source to "Reported by one source".
2. **Rank** — more independent sources first, then more articles, then the claim stated
   earliest in its articles (news puts the essentials first: the inverted pyramid).
3. **No duplicate content** — a claim is skipped when it is stated in a sentence already
   used, or its words overlap a chosen sentence's too much.
4. **Sections** — each chosen sentence goes to what / when / where / who / figures /
   reactions / background, decided from its typed values and a few general English cues
   (reporting verbs of reaction, quotation marks, words that mark the past).
5. **Event record** — what, who, when, where and key figures, each with its value, its
   independent support, the articles, and the values that conflict with it.

Deterministic: every choice is ordered by explicit keys, ties broken by ids.
"""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from statistics import median

from .model import (
    Article,
    Brief,
    BriefSentence,
    Claim,
    EventField,
    Sentence,
    SourceGroup,
    Story,
    Value,
)
from .quotes import KEY as QUOTE_KEY

SECTIONS = ("what", "when", "where", "who", "figures", "reactions", "background")

# A brief is read in under a minute: about a paragraph of news.
MAX_BRIEF_SENTENCES = 8
# "Reported by one source" lists the single-source claims with the most specific details.
MAX_SINGLE_SOURCE = 12
MAX_FIGURES = 6
MAX_WHO = 4
# Two sentences sharing this share of their content words say the same thing for a reader
# (a paraphrase that the reuse stage did not align).  0.6 keeps sentences that share a
# subject but add a different fact; chosen by reading hand-written paraphrase pairs, not seeds.
DUPLICATE_OVERLAP = 0.6
# Dates further than this before the story's first report are background, not the event.
BACKGROUND_DAYS = 3.0
# Sentences shorter than this are headlines, bylines or section headings, not statements.
MIN_WORDS = 6
MAX_WORDS = 70

_BODY_STATUSES = ("corroborated", "evolving")
_DISPUTED = ("conflicting", "divergent")
_SPECIFIC = frozenset({"count", "quantity", "date", "time", "place", "person", "organization"})

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
# Function words carry no content; overlap is measured on the rest.  General English.
_STOP = frozenset(
    "a an the of in on at to for from by with and or but as is are was were be been has have had "
    "it its this that these those their his her they he she we you i not no said says say "
    "also after before over into than then there which who whom whose will would could should "
    "may might can about against between during up down out off".split()
)
# Verbs and nouns of reaction: someone responding to the event rather than reporting it.
# Verb forms only ("warned", not "a tsunami warning"): the noun names an event, not a reaction.
_REACTION = re.compile(
    r"\b(?:condemn(?:s|ed)|criticis(?:es|ed)|criticiz(?:es|ed)|denounc(?:es|ed)|welcom(?:es|ed)|"
    r"warn(?:s|ed)|urg(?:es|ed)|prais(?:es|ed)|vow(?:s|ed)|slamm(?:ed)|slams|respond(?:s|ed)|"
    r"react(?:s|ed)|reaction|protest(?:s|ed)|called (?:on|for)|demand(?:s|ed)|pledg(?:es|ed)|"
    r"condolences|deplor(?:es|ed)|applaud(?:s|ed)|reject(?:s|ed)|"
    r"express(?:es|ed) (?:concern|regret|shock|sympathy|support|outrage))\b",
    re.IGNORECASE,
)
# Quotation marks alone are often scare quotes; with a reporting verb they quote someone.
_SAID = re.compile(r"\b(?:said|says|told|added|stated|wrote|tweeted|posted|according to)\b", re.IGNORECASE)
# Words that mark what happened before the event: background for a reader.
# Past perfect ("had been injured") is left out: reported speech uses it for the event itself.
_BACKGROUND = re.compile(
    r"\b(?:previous(?:ly)?|last (?:year|month)|years? ago|months? ago|earlier this (?:year|month)|"
    r"since \d{4}|in \d{4}|history|historic(?:al|ally)?|first time since|decades?)\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[\"“”«»]|(?:^|\s)'[^']{12,}'")
_OPENS_ON_QUOTE = re.compile(r"""\s*["“«'‘]""")
_END = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")


def write_brief(
    story: Story,
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    claims: Sequence[Claim],
    groups: Sequence[SourceGroup],
) -> Brief:
    """The cited account, disagreements, single-source items and event record of one story."""
    member = set(story.articles) | {a.id for a in articles}
    claims = [c for c in claims if any(m.article_id in member for m in c.mentions)]
    lengths = {aid: max(len(ss), 1) for aid, ss in sentences.items()}
    titles = {a.id: _norm(a.title) for a in articles if a.title}
    group_of = {aid: g.id for g in groups for aid in g.articles}
    start = _story_start(story, articles)
    n_groups = len({group_of.get(a.id, a.id) for a in articles if a.id in member})

    # Quotation claims (key "quote") share their sentences with statement claims: they speak
    # in the disagreements (an altered quote), never as a body or single-source line of their own.
    usable = [c for c in claims if _statement_like(c, titles) and c.key != QUOTE_KEY]
    body_pool = [c for c in usable if c.status in _BODY_STATUSES]
    if n_groups <= 1:
        # One independent source only: its own account is all there is, so tell it (cited to
        # one source) rather than leave the brief to the few figures that changed.
        body_pool += [c for c in usable if c.status == "single-source"]
    disputed = {
        (m.article_id, m.sentence_index) for c in claims if c.status in _DISPUTED for m in c.mentions
    }
    published = {a.id: a.published for a in articles}
    texts = {c.id: _text_for(c, disputed, published, lengths) for c in body_pool}
    # A value claim whose every sentence is disputed on another count adds nothing the
    # "Sources disagree" part does not show better.
    body_pool = [c for c in body_pool if texts[c.id] is not None or not c.key]
    quoted = {c.id: texts[c.id] or c.text for c in body_pool}
    # The opening statement that several independent sources share may carry a figure they
    # state differently ("at least two" vs "several"); it still says best what happened.  It
    # may lead (the disagreement is shown under "Sources disagree"), never fill the body.
    contested = [
        c for c in usable
        if not c.key and c.status in _DISPUTED and c.independent_sources >= 2 and c not in body_pool
    ]
    # Openings that several articles share but that could not be checked across sources (on
    # the lexical path, rewrites in other words are not aligned): a fallback lead only.
    openings = [
        c for c in usable
        if not c.key and c not in body_pool and c not in contested and len(_articles(c)) >= 2
    ]
    for claim in (*contested, *openings):
        quoted.setdefault(claim.id, claim.text)
    # The lead is chosen first, so that value claims stated in the same sentence cannot crowd
    # the statement itself out of the brief.
    lead = _lead([*body_pool, *contested], lengths, start, quoted, openings)
    chosen = _pick(body_pool, lengths, MAX_BRIEF_SENTENCES, quoted, first=lead)
    body = []
    for claim in chosen:
        section = "what" if claim is lead else _section(claim, start, quoted[claim.id])
        body.append(
            BriefSentence(
                text=quoted[claim.id],
                claim_id=claim.id,
                articles=_cited(claim),
                independent_sources=claim.independent_sources,
                section=section,
            )
        )
    order = {c.id: _position(c, lengths) for c in chosen}
    body.sort(key=lambda b: (SECTIONS.index(b.section), order[b.claim_id], b.claim_id))

    used = {c.id for c in chosen}
    disagreements = _disagreements(claims, lengths)
    single = _single_source(
        [c for c in claims if c.status == "single-source" and c.id not in used and c.key != QUOTE_KEY],
        lengths,
        chosen,
    )
    event = _event(lead, claims, articles, group_of, start)
    return Brief(tuple(body), disagreements, single, event)


# --------------------------------------------------------------------------- selection


def _norm(text: str | None) -> str:
    return " ".join(_WORD.findall((text or "").casefold()))


_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)


def _name_words(name: str | None) -> frozenset[str]:
    """A name's words without possessives and function words, so that word order and "X's Y"
    against "Y of X" do not make two actors of one."""
    return _content_words(_POSSESSIVE.sub("", name or ""))


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _STOP)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """Same content for a reader: mostly the same words, and no different figures.

    Sentences built on one pattern ("X said item A rose by N") share most words yet state
    different facts; their numbers tell them apart.
    """
    if {w for w in a if w.isdigit()} != {w for w in b if w.isdigit()}:
        return False
    return _overlap(a, b) >= DUPLICATE_OVERLAP


def _reads_as_statement(text: str) -> bool:
    """A sentence of prose: neither a fragment nor an over-long run-on, closed by punctuation."""
    return MIN_WORDS <= len(_WORD.findall(text)) <= MAX_WORDS and bool(_END.search(text))


def _statement_like(claim: Claim, titles: Mapping[str, str]) -> bool:
    """Whether the claim's sentence reads as a statement (not a headline, heading or fragment)."""
    if not _reads_as_statement(claim.text):
        return False
    first = claim.mentions[0] if claim.mentions else None
    return not (first and titles.get(first.article_id) == _norm(claim.text))


def _text_for(
    claim: Claim,
    disputed: set[tuple[str, int]],
    published: Mapping[str, datetime | None],
    lengths: Mapping[str, int],
) -> str | None:
    """The sentence to quote for a claim: one not caught in a dispute about something else.

    A value claim's articles agree on its value, but its representative sentence may carry
    another, disputed figure; quoting that sentence as agreed would mislead.  For an evolving
    figure the latest report's sentence is quoted: it states the figure as it now stands.
    """
    clean = [m for m in claim.mentions if (m.article_id, m.sentence_index) not in disputed]
    if claim.status in _DISPUTED:
        clean = list(claim.mentions)
    if not clean:
        return None
    if claim.status == "evolving":
        def when(m):
            t = published.get(m.article_id)
            return (t is not None, t.timestamp() if t is not None else 0.0)

        return max(clean, key=when).text
    if not claim.key:
        return clean[0].text  # a statement claim: its mentions say the same thing
    # A value claim: the sentence nearest its article's top, where the fact is stated directly,
    # among those that read as prose (a value may sit in a dateline or an "Updated:" line).
    clean = [m for m in clean if _reads_as_statement(m.text)] or clean
    return min(clean, key=lambda m: (m.sentence_index / lengths.get(m.article_id, 1), m.article_id)).text


def _position(claim: Claim, lengths: Mapping[str, int]) -> float:
    """How early the claim comes in the articles that state it (0 = first sentence)."""
    spots = [m.sentence_index / lengths.get(m.article_id, 1) for m in claim.mentions]
    return min(spots) if spots else 1.0


def _typical_position(claim: Claim, lengths: Mapping[str, int]) -> float:
    """Where the claim usually comes (median over its articles): one article that happens to
    put a detail early does not make it an opening."""
    first: dict[str, float] = {}
    for m in claim.mentions:
        spot = m.sentence_index / lengths.get(m.article_id, 1)
        first[m.article_id] = min(spot, first.get(m.article_id, spot))
    return float(median(first.values())) if first else 1.0


def _articles(claim: Claim) -> set[str]:
    return {m.article_id for m in claim.mentions}


def _rank_key(claim: Claim, lengths: Mapping[str, int]) -> tuple:
    return (
        -claim.independent_sources,
        claim.status not in _BODY_STATUSES,  # checked across sources before unchecked
        -len(_articles(claim)),
        _position(claim, lengths),
        claim.id,
    )


def _pick(
    pool: Sequence[Claim],
    lengths: Mapping[str, int],
    limit: int,
    texts: Mapping[str, str],
    first: Claim | None = None,
) -> list[Claim]:
    """``first`` (the lead), then the best-supported claims whose sentences say something not yet said."""
    chosen: list[Claim] = [first] if first is not None else []
    spots = {(m.article_id, m.sentence_index) for c in chosen for m in c.mentions}
    words = [_content_words(texts[c.id]) for c in chosen]
    # Statement claims first on ties: their sentence is what the articles share, whereas a
    # value claim's articles may share only the figure.
    for claim in sorted(pool, key=lambda c: (_rank_key(c, lengths), bool(c.key))):
        if len(chosen) >= limit:
            break
        where = {(m.article_id, m.sentence_index) for m in claim.mentions}
        if where & spots:
            continue
        content = _content_words(texts[claim.id])
        if any(_duplicate(content, w) for w in words):
            continue
        chosen.append(claim)
        spots |= where
        words.append(content)
    return chosen


OPENING = 0.2  # share of an article's sentences that counts as its opening


def _lead(
    chosen: Sequence[Claim],
    lengths: Mapping[str, int],
    start: datetime | None,
    texts: Mapping[str, str],
    openings: Sequence[Claim] = (),
) -> Claim | None:
    """The lead: among the best-supported statements, the one the articles state first.

    Background is not a lead, nor a sentence that opens on a quotation (features often open
    on a quote).  A statement claim leads before a value claim: a value claim's sentence is
    only one of those carrying the figure, rarely what the articles open with.
    """
    if not chosen:
        return None
    factual = [
        c for c in chosen
        if _section(c, start, texts[c.id]) != "background" and not _OPENS_ON_QUOTE.match(texts[c.id])
    ] or list(chosen)
    statements = [c for c in factual if not c.key] or factual
    # Corroboration is enough to lead; beyond it, where the articles put a statement (their
    # opening) says more about what happened than one more source carrying a detail.
    top = max(c.independent_sources for c in statements)
    best = [c for c in statements if c.independent_sources >= min(top, 2)]
    lead = min(best, key=lambda c: (_position(c, lengths), -c.independent_sources, c.id))
    if _typical_position(lead, lengths) > OPENING:
        # Nothing corroborated sits in the articles' openings (rewrites that the lexical path
        # cannot align): an opening stated by several articles says what happened better than
        # a corroborated detail from deep in the text.
        opening = [
            c for c in (*statements, *openings)
            if _typical_position(c, lengths) <= OPENING and len(_articles(c)) >= 2
            and not _OPENS_ON_QUOTE.match(texts[c.id])
            # Nor a sentence about when it happened ("The tremor struck shortly before
            # midday, ..."): the "when" line of the brief carries it.
            and _section(c, start, texts[c.id]) not in ("background", "when")
        ]
        if opening:
            lead = min(opening, key=lambda c: (-c.independent_sources, -len(_articles(c)),
                                               _position(c, lengths), c.id))
    return lead


def _cited(claim: Claim) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for m in claim.mentions:
        seen.setdefault(m.article_id, None)
    return tuple(seen)


def _story_start(story: Story, articles: Sequence[Article]) -> datetime | None:
    if story.start is not None:
        return story.start
    dates = [a.published for a in articles if a.published is not None]
    return min(dates) if dates else None


def _types(claim: Claim) -> set[str]:
    return {v.type for v in claim.values}


def _is_past(v: Value, start: datetime | None) -> bool:
    if start is None or v.high is None or v.type not in ("date", "time"):
        return False
    if v.unit in ("clock", "utcclock"):
        return False  # a time of day with no date (seconds since midnight) dates nothing
    try:
        return v.high < (start - timedelta(days=BACKGROUND_DAYS)).timestamp()
    except (OverflowError, ValueError):
        return False


def _section(claim: Claim, start: datetime | None, text: str) -> str:
    """Which part of a news account a sentence belongs to, from its values and words.

    Order of the tests matters: a quoted reaction that names a date is still a reaction,
    a figure stated with a place is still a figure.
    """
    types = _types(claim)
    if "quotation" in types or _REACTION.search(text) or (_QUOTE.search(text) and _SAID.search(text)):
        return "reactions"
    dated = [v for v in claim.values if v.type in ("date", "time")]
    if (dated and all(_is_past(v, start) for v in dated)) or (not dated and _BACKGROUND.search(text)):
        return "background"
    if types & {"count", "quantity"}:
        return "figures"
    if "time" in types or (dated and claim.key and claim.key.split(":")[0] in ("date", "time")):
        return "when"
    if "place" in types:
        return "where"
    if types & {"person", "organization"} and not types & {"date", "time"}:
        return "who"
    if dated:
        return "when"
    return "what"


def _disagreements(claims: Sequence[Claim], lengths: Mapping[str, int]) -> tuple[str, ...]:
    """Disputed claims, one per dispute: value claims first (they carry the sides)."""
    disputed = sorted(
        (c for c in claims if c.status in _DISPUTED),
        key=lambda c: (not c.key, c.status != "conflicting", _rank_key(c, lengths)),
    )
    out: list[str] = []
    # A statement claim and a value claim often carry one dispute twice (the aligned sentences
    # and the figure in them): same values, a shared sentence.  Different figures that happen
    # to share numbers ("2 vs 3") stay apart because their sentences or keys differ.
    seen: list[tuple[str, frozenset[str], set[tuple[str, int]]]] = []
    for c in disputed:
        values = frozenset(value for value, _ in c.sides)
        spots = {(m.article_id, m.sentence_index) for m in c.mentions}
        if c.sides and any(
            values == pv and spots & ps and (not c.key or not pk or c.key == pk) for pk, pv, ps in seen
        ):
            continue
        seen.append((c.key, values, spots))
        out.append(c.id)
    return tuple(out)


def _single_source(
    claims: Sequence[Claim], lengths: Mapping[str, int], chosen: Sequence[Claim]
) -> tuple[str, ...]:
    """Single-source claims with specific details, one per sentence, most specific first."""
    spots = {(m.article_id, m.sentence_index) for c in chosen for m in c.mentions}

    def specific(c: Claim) -> int:
        return len({(v.type, v.normalized) for v in c.values if v.type in _SPECIFIC and v.precise})

    ranked = sorted(
        (c for c in claims if specific(c) > 0),
        key=lambda c: (-specific(c), bool(c.key), _position(c, lengths), c.id),
    )
    out: list[str] = []
    for c in ranked:
        where = {(m.article_id, m.sentence_index) for m in c.mentions}
        if where & spots:
            continue
        spots |= where
        out.append(c.id)
        if len(out) >= MAX_SINGLE_SOURCE:
            break
    return tuple(out)


# --------------------------------------------------------------------------- event record


def _groups_of(article_ids: Sequence[str], group_of: Mapping[str, str]) -> int:
    return len({group_of.get(a, a) for a in article_ids})


def _best_side(claim: Claim, group_of: Mapping[str, str]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(value, its articles, the other values) for a value claim: the best-supported side."""
    if claim.sides:
        ranked = sorted(
            claim.sides,
            key=lambda s: (-_groups_of(s[1], group_of), -len(s[1]), claim.sides.index(s)),
        )
        value, arts = ranked[0]
        return value, tuple(arts), tuple(v for v, _ in ranked[1:])
    first = claim.values[0] if claim.values else None
    return (first.normalized if first else claim.text), _cited(claim), ()


def _field(name: str, claim: Claim, group_of: Mapping[str, str], value: str | None = None) -> EventField:
    side, arts, others = _best_side(claim, group_of)
    return EventField(
        name=name,
        value=value if value is not None else side,
        support=_groups_of(arts, group_of) if claim.sides else claim.independent_sources,
        articles=arts,
        conflicts=others if claim.status in ("conflicting", "divergent", "evolving") else (),
    )


def _value_claims(claims: Sequence[Claim], types: set[str]) -> list[Claim]:
    # Keys ending ":past" are figures of an earlier event (values.py): background, not this
    # event's record.
    return [
        c for c in claims
        if c.key and not c.key.endswith(":past") and c.values and c.values[0].type in types
    ]


def _support_key(c: Claim) -> tuple:
    return (-c.independent_sources, -len(_articles(c)), c.key, c.id)


def _absolute(v: Value, articles: Mapping[str, Article]) -> str:
    """A date or time as an absolute ISO 8601 string with its time zone."""
    if v.low is None or v.low in (float("inf"), float("-inf")):
        return v.normalized
    art = articles.get(v.article_id)
    tz = (art.published.tzinfo if art and art.published and art.published.tzinfo else None) or timezone.utc
    moment = datetime.fromtimestamp(v.low, tz)
    if v.type == "time":
        # The normalised form is the stated minute; ``low`` is widened by "about"/"around".
        try:
            stated = datetime.fromisoformat(v.normalized)
        except (TypeError, ValueError):
            stated = None
        if stated is not None and stated.tzinfo is not None:
            moment = stated.astimezone(tz)
        return moment.isoformat(timespec="minutes")
    return f"{moment.date().isoformat()} ({moment.strftime('UTC%z')[:-2]}:{moment.strftime('%z')[-2:]})"


def _event(
    lead: Claim | None,
    claims: Sequence[Claim],
    articles: Sequence[Article],
    group_of: Mapping[str, str],
    start: datetime | None,
) -> tuple[EventField, ...]:
    fields: list[EventField] = []
    by_id = {a.id: a for a in articles}
    if lead is not None:
        fields.append(
            EventField("what", lead.text, lead.independent_sources, _cited(lead), ())
        )
    who = sorted(_value_claims(claims, {"person", "organization"}), key=_support_key)
    actors: list[tuple[frozenset[str], EventField]] = []

    def one_actor(a: frozenset[str], b: frozenset[str], person: bool) -> bool:
        # One name inside the other.  A person's surname alone is that person; for an
        # organisation the shorter name must keep at least half the words, since a short
        # remainder ("South Korea" in "South Korea's Joint Chiefs of Staff") is usually
        # the country, not the organisation.
        return (a <= b or b <= a) and (person or 2 * min(len(a), len(b)) >= max(len(a), len(b)))

    for c in who:
        value, _, _ = _best_side(c, group_of)
        words = _name_words(value)
        if not words:
            continue
        person = c.values[0].type == "person"
        # "Peru's Geophysical Institute", "Geophysical Institute of Peru" and "Geophysical
        # Institute" are one actor: the first (best-supported) name stands for all, citing
        # every article that names it either way.
        same = next((i for i, (w, _) in enumerate(actors) if one_actor(words, w, person)), None)
        if same is not None:
            w, f = actors[same]
            arts = tuple(dict.fromkeys((*f.articles, *_field("who", c, group_of).articles)))
            actors[same] = (w, replace(f, articles=arts, support=max(f.support, _groups_of(arts, group_of))))
            continue
        if len(actors) < MAX_WHO:
            actors.append((words, _field("who", c, group_of)))
    fields.extend(f for _, f in actors)
    # When: the best-supported date or time that is not background (close to the reports).
    when = [
        c
        for c in _value_claims(claims, {"time", "date"})
        if not any(_is_past(v, start) for v in c.values)
    ]
    # Support first: a corroborated date beats a time that one source gives; at equal
    # support the more precise time wins.
    when.sort(key=lambda c: (-c.independent_sources, c.values[0].type != "time", *_support_key(c)))
    if when:
        c = when[0]
        side, _, _ = _best_side(c, group_of)
        v = next((v for v in c.values if (v.normalized or v.text) == side), c.values[0])
        fields.append(_field("when", c, group_of, value=_absolute(v, by_id)))
    where = sorted(_value_claims(claims, {"place"}), key=_support_key)
    if where:
        c = where[0]
        side, _, _ = _best_side(c, group_of)
        v = next((v for v in c.values if (v.normalized or v.text) == side), c.values[0])
        label = f"{v.qualifier} {side}" if v.qualifier and not side.startswith(v.qualifier) else side
        fields.append(_field("where", c, group_of, value=label))
    figures = sorted(_value_claims(claims, {"count", "quantity"}), key=_support_key)
    seen_keys: set[str] = set()
    for c in figures:
        if c.key in seen_keys:
            continue
        seen_keys.add(c.key)
        fields.append(_field(c.key, c, group_of))
        if len(seen_keys) >= MAX_FIGURES:
            break
    return tuple(fields)
