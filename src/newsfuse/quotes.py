"""Quotation claims: the same quotation across articles, and quotations that were altered.

A quotation is evidence of its own kind: when two outlets print the same words between quote
marks, either both heard them or one copied the other; when they print *nearly* the same words,
one of them altered the quote (a dropped "not", a softened verb, a changed figure), and a
fact-checker wants to see both versions side by side.  Statement claims cannot show this:
sentence alignment and embeddings treat a quote and its altered form as the same statement.

Quotations (``Value`` of type ``quotation``, normalised to casefolded words by
:mod:`newsfuse.attribution`) are grouped across the story's articles:

* the same words, or one quotation a fragment of the other ("model ally" inside a longer
  quote), are one quotation: ``corroborated`` when at least two independent sources print it,
  else ``single-source``;
* close but different word sequences (a normalised edit similarity of at least
  ``SIMILAR_MIN`` over quotations of at least ``MIN_WORDS`` words) are one quotation printed in
  different words: ``divergent``, with each wording as a side and the words that differ named;
* the same words attributed to two different named speakers are also ``divergent``.

Only quotations that two or more articles carry become claims: a quotation in one article is
already part of its sentence's statement claim.  Grouping is transitive (union-find), so a
chain of small edits across editions stays one quotation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from rapidfuzz.distance import Indel

from .attribution import normalize_claimant
from .model import Claim, Mention, Value

KEY = "quote"  # the key of quotation values (values.py) and of the claims made here

# Edit similarity (rapidfuzz Indel, normalised 0–1 over characters of the casefolded words)
# from which two quotations count as one quotation in two wordings.  Quotes of one speaker about
# different things rarely share 80% of their characters in order; an altered quote (a word
# dropped, swapped or negated in a sentence-long quote) keeps well above it.
SIMILAR_MIN = 0.8
MIN_WORDS = 4  # shorter quotes ("model ally") are matched only when equal or contained
FRAGMENT_MIN_WORDS = 2  # a fragment must have this many words to stand for a longer quote


def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def same_quotation(a: str, b: str) -> bool:
    """Whether two normalised quotations are one quotation (equal, fragment or close wording)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short.split()) >= FRAGMENT_MIN_WORDS and _contains(long_, short):
        return True
    if min(len(a.split()), len(b.split())) < MIN_WORDS:
        return False
    return Indel.normalized_similarity(a, b) >= SIMILAR_MIN


def _maximal_forms(forms: Sequence[str]) -> list[str]:
    """The wordings that are not fragments of another wording, longest first."""
    out: list[str] = []
    for f in sorted(set(forms), key=lambda s: (-len(s), s)):
        if not any(_contains(g, f) for g in out):
            out.append(f)
    return out


def _difference(a: str, b: str) -> str:
    only_a = [w for w in a.split() if w not in set(b.split())]
    only_b = [w for w in b.split() if w not in set(a.split())]
    parts = []
    if only_a:
        parts.append(f"only in the first: {' '.join(only_a[:8])}")
    if only_b:
        parts.append(f"only in the second: {' '.join(only_b[:8])}")
    return "; ".join(parts) or "the same words in another order"


def _claim_id(values: Sequence[Value]) -> str:
    parts = ["quotation"] + sorted(f"{v.article_id}\t{v.sentence_index}\t{v.span[0]}\t{v.span[1]}" for v in values)
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def quotation_claims(
    values: Sequence[Value],
    text_of: Mapping[tuple[str, int], str],
    group_of: Mapping[str, str],
    rank: Mapping[str, int],
) -> list[Claim]:
    """Claims for quotations that two or more articles print (see the module docstring).

    ``text_of`` maps (article id, sentence index) to the sentence; ``group_of`` maps an article
    to its independence group; ``rank`` orders articles by publication (the earliest report's
    sentence represents the claim).
    """
    quotes = [v for v in values if v.type == "quotation" and v.normalized]
    # A speaker counts only when named: the claimant is a person named in the same sentence
    # ("the mayor" and "Mayor Ana Ruiz" are not two speakers; "Ana Ruiz" and "Tomas Berg" are).
    people = {
        (v.article_id, v.sentence_index, normalize_claimant(v.normalized)) for v in values if v.type == "person"
    }

    def speaker(v: Value) -> str | None:
        return v.claimant if v.claimant and (v.article_id, v.sentence_index, v.claimant) in people else None

    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            if quotes[i].article_id != quotes[j].article_id and same_quotation(
                quotes[i].normalized, quotes[j].normalized
            ):
                parent[find(i)] = find(j)
    clusters: dict[int, list[Value]] = {}
    for i, q in enumerate(quotes):
        clusters.setdefault(find(i), []).append(q)

    claims = []
    for members in clusters.values():
        articles = {v.article_id for v in members}
        if len(articles) < 2:
            continue
        members.sort(key=lambda v: (rank.get(v.article_id, len(rank)), v.article_id, v.sentence_index, v.span))
        forms = _maximal_forms([v.normalized for v in members])
        sides = tuple(
            (f, tuple(dict.fromkeys(v.article_id for v in members if _contains(f, v.normalized))))
            for f in forms
        )
        groups = {group_of.get(a, a) for a in articles}
        speakers = {speaker(v) for v in members} - {None}
        # "Ruiz" and "Ana Ruiz" are one speaker.
        distinct_speakers = [s for s in speakers if not any(s != t and f" {s} " in f" {t} " for t in speakers)]
        first = members[0]
        if len(forms) > 1:
            status = "divergent"
            explanation = (
                f"The quotation is printed in {len(forms)} wordings: "
                + " vs ".join(f"“{f}” ({', '.join(arts)})" for f, arts in sides)
                + f". {_difference(forms[0], forms[1]).capitalize()}."
            )
        elif len(distinct_speakers) > 1:
            status = "divergent"
            explanation = (
                "The same words are attributed to different speakers: "
                + " vs ".join(
                    f"{s} ({', '.join(dict.fromkeys(v.article_id for v in members if speaker(v) == s))})"
                    for s in sorted(distinct_speakers)
                )
                + "."
            )
        else:
            status = "corroborated" if len(groups) >= 2 else "single-source"
            explanation = (
                f"The same words are quoted in {len(articles)} articles from "
                f"{len(groups)} independent source{'s' if len(groups) != 1 else ''}."
            )
        mentions = tuple(
            dict.fromkeys(
                Mention(v.article_id, v.sentence_index, text_of.get((v.article_id, v.sentence_index), v.text))
                for v in members
            )
        )
        claims.append(Claim(
            id=_claim_id(members),
            text=text_of.get((first.article_id, first.sentence_index), first.text),
            status=status,
            mentions=mentions,
            independent_sources=len(groups),
            values=tuple(members),
            key=KEY,
            explanation=explanation,
            sides=sides if len(sides) > 1 else (),
        ))
    claims.sort(key=lambda c: c.id)
    return claims
