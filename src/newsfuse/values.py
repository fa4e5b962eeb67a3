"""Typed values: what a sentence states, normalised so that articles can be compared.

``extract_values(article, sentence)`` returns counts, quantities, dates, times, places,
people, organisations, attributions and quotations as :class:`~newsfuse.model.Value`
records; ``same_key`` and ``compatible`` say which values measure the same thing and
whether they can both be true.  The parsers live in small modules: ``numbers`` (number
words, qualifiers, word lemmas), ``units`` (unit lexicon and conversions), ``timeexpr``
(dates and times), ``places`` (spatial relations), ``attribution`` (claimants, names,
quotations).

Key grammar (``Value.key``: what a value measures, taken from the text, lower case)
----------------------------------------------------------------------------------
* count:        ``<noun>:<verb>``     the counted noun's singular lemma ("missiles" → "missile",
                                      "people" → "person") and the lemma of the verb that governs
                                      the count, right before it or after its noun ("fired two
                                      missiles" / "two missiles were fired" → ``missile:fire``);
                                      ``<noun>`` alone when there is none.  The verb keeps "28,500
                                      troops stationed" apart from "thousands of troops
                                      dispatched": one noun, two facts.  Casualty wording is
                                      folded into two keys because every topic with victims uses it and
                                      reports vary the wording freely: ``death`` ("12 dead",
                                      "12 deaths", "12 people were killed", "killed 12",
                                      "death toll of 12") and ``injured`` ("injured",
                                      "wounded", "injuries"); displacement likewise into
                                      ``displaced`` ("displaced", "forced from their homes",
                                      "left homeless") when no specific noun is counted.
                                      ``hospitalised`` ("four remained in hospital") and
                                      ``missing`` ("40 were still missing", "unaccounted
                                      for") likewise, whatever the noun; ``floor`` for
                                      "a seven-storey building" / "seven floors"; a figure an
                                      estimate names ("put the crowd at 18,000", "the final
                                      count of the crowd was 22,000") → ``crowd``.
                                      "48 people on board" → ``occupant``; a figure whose noun
                                      an earlier figure of the sentence named ("21 people died
                                      and 34,500 had been evacuated") → ``person:evacuate``.
                                      "1,150 crew members" → ``crew`` (the group, not "member");
                                      a part placed somewhere ("600 of the positions are in
                                      Sweden", "750 of them will be in Sweden") → ``job:in:sweden``.
* quantity:     ``<dimension>``       length values: ``distance`` (default), ``altitude``,
                                      ``height``, ``depth``, ``width``, ``length``, ``range``,
                                      ``radius``, ``diameter`` from the nearest dimension word,
                                      outranked by the words right at the figure ("15 metres
                                      across" → ``width``, "above sea level" → ``altitude``,
                                      "rose 600 metres into the air" → ``height``, "below the
                                      surface" → ``depth``); a bare length joined to a keyed one
                                      ("a wave of 1.4 metres at X, and 0.6 metres at Y") takes
                                      its key;
                ``size:<noun>``       the noun after a hyphenated length ("a 22-mile path",
                                      "a 1.2-metre water main" → ``size:main``; path/track,
                                      ship/vessel/boat are one noun each);
                                      ``speed``, ``magnitude``, ``temperature``, ``age``,
                                      ``pressure`` (hPa: mb, millibars, inHg) as is;
                ``distance:<anchor>`` a length measured from a place ("80 km south of
                                      Tromso" → ``distance:tromso``);
                ``length:<noun>``     an amount of a substance ("160 mm of rain"), or a thing
                                      "measuring" a length ("hailstones measuring 2.75 inches");
                ``<family>:<word>``   other families refined by the nearest measured word:
                                      ``percent:inflation``, ``money:aid``, ``duration:invasion``,
                                      ``mass:cocaine``, ``area:forest`` (empty when no word is
                                      found, see below), with ``:change`` appended after "by"
                                      ("cut by 25 basis points" ≠ "cut to 1.25%");
                ``money:per-<unit>``  a price of one unit ("$84 a barrel" → ``money:per-barrel``);
                                      per share ``money:dividend:per-share`` or
                                      ``money:earnings:per-share`` by the nearest of dividend /
                                      payout or loss / profit / earnings words;
                ``age:<who>``         the apposed name or the noun ("Moss, 41" → ``age:moss``,
                                      "a 48-year-old man" → ``age:man``, "the driver, 52," /
                                      "a man aged 58" → ``age:driver`` / ``age:man``,
                                      "52-year-old Ana Ortiz" → ``age:ortiz``); decade ages
                                      "X, who is in her late 40s" → ``age:x`` over 46–49;
                ``<family>:change-to:<level>``  a change stated with the level it led to ("cut
                                      by 25 basis points to 1.25%", "a 25bp cut to 1.25%");
                ``magnitude:aftershock``  a magnitude of an aftershock (or foreshock);
                ``duration:<act>``    time allowed for an act ("have 30 days to appeal"), also
                                      derived from "a contract until June 2030" (valuecues);
                ``tally:vote`` / ``tally:score`` (``tally:score:interim`` at half-time),
                ``fx:<currency>``, ``rank:<noun>``,
                ``category``, ``percent:<noun>`` of a proportion: see ``valueforms``.
* date / time:  ``date:<event>`` / ``time:<event>``  the lemma of the nearest event verb in
                                      the clause ("fired" → ``date:fire``; a passive or
                                      object-taking "confirmed" counts, the reporting one does
                                      not), or a gathering right before the time ("a news
                                      conference called at 8 a.m." → ``time:conference``);
                                      empty when none (see below).  A date that names an event
                                      ("a January 4 launch", "Tuesday's launches") gets an empty
                                      key too: it identifies which launch, it does not claim when
                                      the story's launch happened, and stories often recall an
                                      earlier event of the same kind.  ``date:last-comparable``:
                                      "the highest since 1997", "the last comparable flood, in
                                      2018", whatever the verb.  "this year" / "next year" are
                                      a figure's scope, not a date: no value.  A span of
                                      clock hours ("from 11pm to 6am", "between noon and 8
                                      p.m.") is one time value, ``time:<event>:span`` or
                                      ``time:span``, qualifier ``span``, low/high its two ends;
                                      two spans agree only when both ends do.
* place:        ``place:<anchor>``    the anchor name casefolded ("place:pyongyang") for a compass
                                      bearing ("north of"), which meet and can conflict;
                                      ``place:<anchor>:<kind>`` for the other relations
                                      ("place:rampur:in", "place:rampur:near", "place:crete:off"):
                                      "in X" and "near X" are different statements, neither
                                      corroborating nor contradicting each other.  The relation
                                      is in ``qualifier`` and ``normalized``.  A bearing from
                                      an unnamed reference point ("north-east of the city
                                      centre", "south of the capital") keeps it as the anchor
                                      ("place:the city centre") when the article names none.
* person:       ``person:<name>``; organization: ``org:<name>``; attribution:
                ``attribution``; quotation: ``quote``.
* empty key:    what the value measures could not be read from the text.  ``same_key`` is
                False for it, so such a value is never compared with a different figure (a
                date with no event against another date would be a false conflict); the claims
                stage groups key-less values by ``type:normalized``.

Intervals and precision
-----------------------
Numbers are intervals ``[low, high]`` in the family's canonical unit (``units``).  A written
figure spans its own rounding (half a unit of the last digit; 0 for counts written without a
scale word, so "28,500 troops" is exactly 28,500).  Hedges (``about``, ``approximately``,
``some``...) widen by 5% each side, ``nearly``/``almost`` give ``[0.9·n, n]``; ``at least``,
``more than``, ``up to``, ``fewer than`` make half-open intervals (``more than 300`` people is
``[301, inf)``).  Vague quantifiers have conventional intervals and ``precise=False``
("several" 3–7, "dozens of" 24–99, "multiple" 2–inf).  Dates and times: see ``timeexpr``.

Comparison (``compatible``): intervals that overlap agree; disjoint intervals do not; a
vague value is compared with a factor-2 tolerance (``VAGUE_TOLERANCE``: "two" vs "several"
is compatible), and the caller tells divergence from ``precise``; two compass bearings to one
anchor ("north of X" / "northeast of X") are incompatible; clock times without a zone are
reconciled with instants through any UTC offset in use; values of different types, units or
anchors are not comparable (None).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone

from .attribution import (
    Found,
    find_attributions,
    find_organizations,
    find_people,
    find_quotations,
    normalize_claimant,
    normalize_words,
)
from .model import Article, Sentence, Value
from .numbers import (
    EXACT_WORDS,
    NUMBER_RE,
    NUMBER_TAIL_RE,
    QUANT_WORD_RE,
    STOPWORDS,
    VAGUE,
    any_verb_lemma,
    is_invariant_plural,
    apply_qualifier,
    noun_lemma,
    number_from_match,
    parse_number,
    qualifier_before,
    verb_lemma,
)
from lemminflect import getAllLemmas, getInflection

from .places import anchor_for, find_common_anchored, find_places, relations_conflict
from .valuecues import CLAUSE_BREAK, comparison_date, displacement, place_key, purpose, span_until
from .valueforms import (
    Form,
    find_categories,
    find_compound_counts,
    find_condition_counts,
    find_side_counts,
    tally_sides,
    find_fractions,
    find_proportions,
    find_ranks,
    find_rates,
    find_tallies,
)
from .timeexpr import ANYWHERE, TimeExpr, find_dates, find_dates_and_times
from .units import (
    CURRENCY_WORDS,
    GLUED_CURRENCY,
    GLUED_CURRENCY_RE,
    SHORT_AFTER_SYMBOL_RE,
    SHORT_SCALE,
    currency_after,
    currency_before,
    format_amount,
    unit_at,
)

__all__ = ["extract_values", "compatible", "same_key"]

_PAREN_RE = re.compile(r"\([^()]*\)")
_VAGUE_SCALE = re.compile(r"\s+(hundred|thousand|million|billion)\b(?:\s+of\b)?", re.IGNORECASE)
_RANK_BEFORE = re.compile(r"\b(?:number|No\.|no\.|#)\s*$")
# Letters of any script: "Atlética" is one word, not "Atl" and "tica".
_WORD_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*")
_DIGIT = re.compile(r"\d")
# Words a second figure may follow inside one phrase ("fourteen of 22 economists", "163 of the
# 300 seats").
_BEFORE_FIGURE = frozenset({"of", "the", "its", "their", "his", "her", "our", "these", "those"})
_CLAUSE_BREAK = CLAUSE_BREAK
_RANGE_RE = re.compile(r"\s*(?:-|–|—|to|and)\s*")
# "2nd" is an ordinal, "60s" a decade or an age bracket: neither is a count.
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|s|'s|’s)\b", re.IGNORECASE)
_CONVERSION_RE = re.compile(
    r"\s*[(\[]\s*(?:about|approximately|approx\.|around|some|roughly|nearly|almost|or|~)?\s*"
)
# "magnitude 6.1", "M6.1", and "put the magnitude at 6.1" / "revised the magnitude to 6.1".
_MAGNITUDE_BEFORE = re.compile(r"(?:\bmagnitude|\bM)[\s-]?$|\bmagnitude\s+(?:at|of|to|was|is|as)\s+$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"[\s-](?:magnitude|on the richter scale)\b", re.IGNORECASE)
_TOLL_BEFORE = re.compile(r"\b(?P<mod>[a-z]+)\s+(?:toll|tally|count)\b[^.]{0,25}$", re.IGNORECASE)
# "The death toll from an explosion at a plant east of the city rose to three": the toll's
# verb of change may stand far from it when a phrase about the event comes between.
_TOLL_FAR_BEFORE = re.compile(
    r"\b(?P<mod>[a-z]+)\s+(?:toll|tally)\b[^.;:]{0,100}?\b(?:rose|risen|climbed|jumped|reached|hit|stood|"
    r"stands|increased|grew|was|is|now)\s+(?:to\s+|at\s+)?$", re.IGNORECASE)

# Casualty wording folded into two keys (see the module docstring for why).
_DEATH_WORDS = frozenset({"dead", "death", "fatality", "killed", "died", "die", "kill", "killing",
                          "life", "dying", "perished", "slain"})
_INJURY_WORDS = frozenset({"injured", "injury", "wounded", "wound", "hurt", "injure", "injuring",
                           "wounding"})
_LINKING = frozenset({"were", "was", "have", "has", "had", "been", "are", "is", "being", "reportedly",
                      "were", "confirmed", "believed", "feared", "left"})
# Words a count never counts: multipliers and measure words that are not units.
_NOT_COUNTED = frozenset({"time", "times", "percent", "per", "o'clock", "-", "fold", "point", "points"})
# Verbs of change that read as nouns to a lemmatiser ("rose", "hit"): never what is measured.
_CHANGE_VERBS = frozenset({"rose", "fell", "grew", "hit", "stood", "reached", "jumped", "climbed", "dropped",
                           "declined", "increased", "decreased", "stands", "rises", "falls", "soared",
                           "slipped", "gained", "lost", "totaled", "totalled", "topped", "cut", "raised"})
# Words near a figure that never say what it measures: bearings and sides.
_NOT_MEASURED = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                           "southwest", "northern", "southern", "eastern", "western", "central", "left",
                           "right", "top", "bottom", "side"})
# Dimension words for length values.
_DIMENSIONS = {
    "altitude": "altitude", "elevation": "altitude", "apogee": "altitude", "height": "height",
    "high": "height", "tall": "height", "depth": "depth", "deep": "depth", "width": "width",
    "wide": "width", "length": "length", "long": "length", "range": "range", "radius": "radius",
    "diameter": "diameter", "distance": "distance", "flew": "distance", "flown": "distance",
    "traveled": "distance", "travelled": "distance", "away": "distance", "fly": "distance",
    "beneath": "depth", "underground": "depth",
    # An aircraft descending or cruising "to 3,000 feet" / "through 900 metres" is at a height.
    "descend": "altitude", "descending": "altitude", "descended": "altitude", "cruising": "altitude",
}
_DIMENSION_RE = re.compile(r"\b(" + "|".join(_DIMENSIONS) + r")\b", re.IGNORECASE)
_PLAIN_FAMILIES = frozenset({"speed", "magnitude", "temperature", "age", "pressure"})
# Reporting verbs and auxiliaries are not the event a date belongs to.
_NOT_EVENTS = frozenset({"say", "tell", "report", "announce", "confirm", "state", "add", "note",
                         "claim", "write", "accord", "cite", "quote", "be", "have", "do", "know",
                         "call", "base"})


# ---------------------------------------------------------------- helpers


def _fmt(x: float) -> str:
    return format_amount(x)


def _words_after(text: str, pos: int, n: int) -> list[re.Match[str]]:
    out = []
    for m in _WORD_RE.finditer(text, pos):
        gap = (out[-1].end() if out else pos, m.start())
        # A figure between two words ends the phrase ("of chaparral 16 km south"), except
        # after "of" ("fourteen of 22 economists" counts economists).
        if _CLAUSE_BREAK.search(text, *gap) or out and out[-1].group().lower() not in _BEFORE_FIGURE \
                and _DIGIT.search(text, *gap):
            break
        out.append(m)
        if len(out) >= n:
            break
    return out


def _words_before(text: str, pos: int, n: int) -> list[re.Match[str]]:
    """Up to ``n`` words before ``pos`` in the same clause, nearest first."""
    # A bounded window keeps long inputs linear: no clause reaches 300 characters back.
    lo = max(0, pos - 300)
    cut = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        cut = m.end()
    words = list(_WORD_RE.finditer(text, cut, pos))
    return words[::-1][:n]


_FROM_ANCHOR = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?\s+(?:of|from)|from|off)"
    r"\s+(?:the\s+)?(?:(?:town|city|village|port|capital|district|province|county|island|region)\s+of\s+)?"
    r"([A-Za-z][\w-]{1,40})", re.IGNORECASE)
# A minus sign stands after a space or an opening bracket; after a figure or "%" the dash
# joins a range ("5.25%-5.50%").
_NEGATIVE = re.compile(r"(?:(?<![\w%°)-])[-−]|\b(?:minus|negative)\s+)$", re.IGNORECASE)
_MAG_SHORT = re.compile(r"\bM\s?(?P<m>\d(?:\.\d{1,2})?)\b")
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
# "cut rates by a cumulative 400 basis points", "by a further 0.5%": still a change.
_BY_A_BEFORE = re.compile(r"\bby\s+an?\s+(?:[a-z]+\s+)?$")
_MODALS = frozenset({"can", "could", "may", "might", "will", "would", "shall", "should", "must", "to"})
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_PARTITIVE = re.compile(r"\s+of\s+(?:them\b|the|these|those|its|their|our|his|her)\s+(?![\w.-]+['’]s\s+(?:[\d,.]+\b|(?:two|three|four|five|six|seven|eight|nine|ten|dozen)\b))(?![\d,.]+\b|(?:two|three|four|five|six|seven|eight|nine|ten|dozen)\b)", re.IGNORECASE)
# "22 of the assembly's 51 seats": an owner between "of the" and the total.
_OWNER_THEN_TOTAL = re.compile(r"['’]s\s+(?=[\d,.]*\d|(?:two|three|four|five|six|seven|eight|nine|ten|dozen)\b)",
                               re.IGNORECASE)
# "the number of survivors of Sunday's crash rose to 22": the counted noun, then (in the same
# clause-free stretch) a verb of level that puts the bare figure after it.
_NUMBER_OF = re.compile(
    r"\b(?:number|total|tally|count|estimate|size)\s+of\s+(?:the\s+|its\s+|their\s+)?([a-z]+)\b[^.;:]{0,60}?"
    r"\b(?:(?:rose|risen|climbed|jumped|fell|dropped|reached|hit|stood|stands|increased|decreased|grew|is|was|"
    r"now)\s+(?:to\s+|at\s+)?|to\s+|at\s+)$")
# "Police put the crowd at 18,000", "estimated attendance at 85,000": an estimate of the object.
_PUT_AT = re.compile(
    r"\b(?:put|puts|putting|estimated|estimates|estimating|placed|places|placing|pegged|pegs|pegging)\s+"
    r"(?:the\s+|its\s+|their\s+|his\s+|her\s+)?([a-z]{3,})"
    # "estimated the crowd at the main march at about 8,000": the object may carry a place.
    r"(?:\s+(?:at|in|on|outside|near|for)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?\s+at\s+$")
_CAPACITY_BEFORE = re.compile(
    r"\b(?:(?:licen[cs]ed|certified|designed|rated|approved|authori[sz]ed|permitted|allowed|cleared|built|"
    r"equipped|able)\s+(?:to\s+(?:carry|hold|seat|accommodate|take|transport)|for)|"
    r"(?:can|could)\s+(?:carry|hold|seat|accommodate)|capacity\s+(?:of|for))\s+"
    r"(?:up\s+to\s+|a\s+maximum\s+of\s+|as\s+many\s+as\s+)?$", re.IGNORECASE)
# "a capacity of 50,000", "a crowd of 9,800", "a workforce of 2,300": a collective noun whose
# size the bare figure after "of" gives.  A closed list: "of" after most nouns is partitive or
# possessive ("the first of 12", "a group of 12 countries" has its own noun after the figure).
_COLLECTIVE_OF = re.compile(
    r"\b(capacity|crowd|audience|attendance|workforce|population|membership|congregation|turnout|"
    r"headcount|fleet|electorate)\s+"
    # "a capacity of 50,000", and the noun as subject: "total attendance reached 67,700".
    r"(?:of|reached|was|is|stood\s+at|stands\s+at|rose\s+to|fell\s+to|climbed\s+to|totalled|totaled|"
    r"numbered|came\s+to)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|"
    r"more\s+than\s+|over\s+|up\s+to\s+|at\s+least\s+|just\s+(?:over|under)\s+)?$", re.IGNORECASE)
_LABEL_BEFORE = re.compile(r"^\W*([A-Za-z]+):\s*$")
_NOUN_OF = re.compile(r"\b([A-Za-z]{3,})\s+of\s+$")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _qualifier(text: str, start: int) -> tuple[str | None, str | None, int]:
    """The qualifier ending at ``start`` (looked for in a short window, for linear time)."""
    lo = max(0, start - 40)
    q, kind, at = qualifier_before(text[lo:start])
    return q, kind, lo + at


_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


def _head_noun(text: str, pos: int) -> tuple[str, int] | None:
    """The counted noun after a number: the first plural noun or the last word of the phrase."""
    words = _words_after(text, pos, 6)
    if words and words[0].group().lower() == "of":
        words = words[1:]
        if words and words[0].group().lower() in ("the", "these", "those", "its", "their", "them"):
            if words[0].group().lower() == "them":
                # "1,400 roles ..., and about 750 of them will be in Sweden": a part of the
                # group the nearest earlier count names; None when there is none.
                return _antecedent_noun(text, pos)
            words = words[1:]
            owner = _OWNER_THEN_TOTAL.match(text, words[0].end() - 2) if words else None
            if owner:
                # "11 of the council's 15 seats": the figure counts what the total after the
                # owner counts.
                total = NUMBER_RE.match(text, owner.end())
                return _head_noun(text, total.end()) if total else None
    if words and words[0].group()[:1].isupper():
        # "410,000 Kestrel and Kestrel Plus SUVs", "3,000 Tesla cars": names modifying the noun.
        for m in words[1:]:
            w = m.group()
            if _ACRONYM_PLURAL.fullmatch(w) or (w.islower() and w not in STOPWORDS and noun_lemma(w) != w):
                return noun_lemma(w.lower()), m.end()
            if not (w[:1].isupper() or w.lower() in ("and", "&")):
                break
    collected: list[re.Match[str]] = []
    for m in words:
        w = m.group()
        lw = w.lower().strip("'’-")
        if not lw or lw in STOPWORDS:
            break
        if collected and (lw.endswith("ly") or lw in _CHANGE_VERBS or verb_lemma(lw) or lw in _TIME_DEICTICS):
            break  # "a rescue yesterday": a time word ends the phrase
        if collected and w[0].isupper() and not collected[-1].group()[0].isupper() and not _people_plural(text, m):
            break
        collected.append(m)
        lemma = noun_lemma(lw)
        if lemma != lw or lw.endswith("s") and not lw.endswith("ss"):
            break  # a plural noun ends the phrase: "two ballistic missiles"
    if not collected:
        return None
    head = collected[-1]
    lw = head.group().lower().strip("'’-")
    if lw in _NOT_COUNTED or lw in EXACT_WORDS or not lw.isalpha() and "-" not in lw:
        return None
    if noun_lemma(lw) == "member" and len(collected) > 1:
        modifier = collected[-2].group().lower()
        if modifier.isalpha() and modifier not in STOPWORDS and "NOUN" in getAllLemmas(modifier):
            # "1,150 crew members", "staff members", "family members": the group counted, so
            # that they meet "1,210 crew"; "member" alone would join every group of the story.
            return noun_lemma(modifier), head.end()
    return noun_lemma(lw), head.end()


_PART_PLACE = re.compile(
    r"(?:\s+(?:being|to\s+be)\s+[a-z]+)?\s+(?:(?:are|is|were|was|will\s+be|would\s+be)\s+(?:based\s+|located\s+)?)?"
    r"(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+)")
# Words for one counted thing in a cut: a job, a role, a position, a post.
_JOB_WORDS = frozenset({"job", "role", "position", "post"})


def _placed_part(text: str, pos: int, head: str | None) -> str:
    """``<noun>:in:<place>`` for a part of a group said to be in a place (see ``_PART_PLACE``),
    else the empty key of a part."""
    m = _PART_PLACE.match(text, pos)
    if not m or not head:
        return ""
    noun = "job" if head in _JOB_WORDS else head
    return f"{noun}:in:{m.group('place').lower()}"


_ABOARD_VERBS = frozenset({None, "have", "carry", "be", "board", "remain", "travel"})


def _coordinated_verb(text: str, start: int) -> str | None:
    """The verb before the first conjunct when a count is the second ("sickened 112 passengers
    and 14 crew members"); None when the count is not after "and"."""
    lo = max(0, start - 120)
    if not re.search(r"\band\s+$", text[lo:start]):
        return None
    for brk in CLAUSE_BREAK.finditer(text, lo, start):
        if not (brk.group() == "," and text[brk.start() - 1:brk.start()].isdigit()):
            lo = brk.end()  # a comma inside "2,400" ends no clause
    # Not ``_words_before``: the first conjunct's figure would end the phrase there.
    for m in reversed(list(_WORD_RE.finditer(text, lo, start))[-8:-1]):
        w = m.group().lower()
        lemma = verb_lemma(w) or _irregular_past(w, "x")
        if w in ("had", "has", "have"):
            return "have"
        if lemma:
            return lemma
    return None


_COUNTED_BEFORE = re.compile(r"(?<![\w.,])\d[\d,.]*\s+([a-z]{3,})\b")


def _antecedent_noun(text: str, pos: int) -> tuple[str, int] | None:
    """The plural noun of the last "<figure> <noun>" before ``pos`` (what "of them" refers to),
    with the end of "them"."""
    found = [m for m in _COUNTED_BEFORE.finditer(text, max(0, pos - 200), pos)
             if m.group(1) not in STOPWORDS and noun_lemma(m.group(1)) != m.group(1)]
    them = re.match(r"\s+of\s+them\b", text[pos:])
    if not found or not them:
        return None
    return noun_lemma(found[-1].group(1)), pos + them.end()


# Words that count in the singular form: casualty adjectives used as nouns, and nouns whose
# plural lemminflect does not list as invariant.
_PLURAL_AS_IS = frozenset({"dead", "injured", "wounded", "missing", "killed", "aircraft", "staff", "crew",
                           "livestock", "fish", "deer", "offspring", "spacecraft", "series", "species",
                           "homeless", "displaced"})


_NAME_THEN_NUMBER = re.compile(r"\b([A-Z][\w'’-]*)\s+[\d.,]+(?:\s+(?:million|billion|thousand))?\s+(?:[a-z]+\s+)?$")


def _people_plural(text: str, m: re.Match[str]) -> bool:
    """Whether the capitalised word ``m`` is a plural noun of people named by their nation or
    group ("2.08 million Filipinos out of work", "300 unemployed Kenyans"), not a name: a plural
    whose lemma differs (lemminflect knows the demonyms) and after which the name goes on with
    no capitalised word ("7 Action News", "3 Doors Down" are names)."""
    w = m.group()
    if not (w[:1].isupper() and w[1:].islower() and w.endswith("s")) or noun_lemma(w.lower()) == w.lower():
        return False
    named = _NAME_THEN_NUMBER.search(text, max(0, m.start() - 60), m.start())
    if named and named.group(1).lower() not in STOPWORDS:
        return False  # "North 24 Parganas", "Route 66 Riders": the figure is part of a name
    nxt = _WORD_RE.search(text, m.end())
    return not (nxt and nxt.group()[:1].isupper() and text[m.end():nxt.start()].strip() == "")


# "2.08 million Filipinos out of work", "2,150,000 unemployed Filipinos", "40,000 jobless":
# the unemployed, the figure labour statistics publish every month, one fact whatever noun
# counts them (people, workers, a demonym).
_JOBLESS_BEFORE = re.compile(r"\b(?:unemployed|jobless)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_JOBLESS_AFTER = re.compile(r"\s+(?:were\s+|are\s+|remained\s+|remain\s+)?(?:out\s+of\s+work|unemployed|jobless|"
                            r"without\s+(?:a\s+)?jobs?)\b", re.IGNORECASE)


def _jobless(text: str, start: int, head_end: int, head: str | None) -> bool:
    if head in ("unemployed", "jobless"):
        return True
    head_start = text.rfind(" ", 0, head_end) + 1  # the head word as written, not its lemma
    return bool(head and _JOBLESS_BEFORE.search(text, max(0, head_start - 40), head_start)) \
        or bool(_JOBLESS_AFTER.match(text, head_end))


def _plausible_head(text: str, hn: tuple[str, int], lo: float, hi: float, kind: str) -> bool:
    """Whether the noun after a number is what it counts.

    Not when the noun is singular after a figure above one ("the 9500 block", "a 911 call":
    the number names something) or a capitalised name in running text ("7 Action News").
    """
    word = text[max(0, hn[1] - 60):hn[1]].rsplit(None, 1)[-1].strip("'’")
    if word.lower() == "them":
        return True  # "750 of them": the noun is the earlier count's (``_antecedent_noun``)
    last = _WORD_RE.match(text, hn[1] - len(word)) if word else None
    if word[:1].isupper() and not _ACRONYM_PLURAL.fullmatch(word) and not (last and _people_plural(text, last)):
        letters = [w for w in _WORD_RE.findall(text) if w.lower() not in STOPWORDS]
        title_case = letters and sum(w[0].isupper() for w in letters) >= 0.8 * len(letters)
        if not title_case:
            return False
    if kind == "num" and lo > 1 and hi > 1:
        lw = word.lower()
        if (noun_lemma(lw) == lw and not lw.endswith("s") and not is_invariant_plural(lw)
                and lw not in _PLURAL_AS_IS):
            return False
    return True


def _casualty(text: str, start: int, head_end: int | None, head: str | None) -> str | None:
    """'death'/'injured' when the count is of victims, else None (see the key grammar)."""
    if head in _DEATH_WORDS:
        return "death"
    if head in _INJURY_WORDS:
        return "injured"
    if head_end is not None:
        for m in _words_after(text, head_end, 4):
            w = m.group().lower()
            if w in _DEATH_WORDS or verb_lemma(w) in ("kill", "die"):
                return "death"
            if w in _INJURY_WORDS or verb_lemma(w) in ("injure", "wound"):
                return "injured"
            if w not in _LINKING:
                break
    before = _words_before(text, start, 1)
    if before:
        w = before[0].group().lower()
        lemma = verb_lemma(w) or w
        if lemma in ("kill", "killing"):
            return "death"
        if lemma in ("injure", "wound"):
            return "injured"
    return None


_SCALE_COMPOUND = re.compile(r"-(?P<noun>[a-z]{3,})\s+(?P<head>[a-z]{3,})\b")
_GENERIC_PEOPLE = frozenset({"person", "people", "persons"})
# "-storey"/"-floor" compounds and the unhyphenated British "seven storey block" (but not plain
# "seven floors", whose verb the head-noun path keeps: "three floors were gutted").
_STOREYS = re.compile(r"(?:-(?:storey|story|storied|storeyed|floor)|\s(?:storey|storied|storeyed))(?=\s+[a-z])",
                      re.IGNORECASE)
_CARRYING = re.compile(r"\b(?:carrying|carried|carries|carry)\s+$", re.IGNORECASE)
_ABOARD = re.compile(r"\s+(?:were\s+|was\s+)?(?:on\s+board|aboard)\b", re.IGNORECASE)
_PARTICIPLE_AFTER = re.compile(
    r"\s+(?:have|has|had|were|was|are|is)\s+(?:(?:been|now|also|reportedly|later|since|subsequently|then)\s+){0,2}"
    # "61 are now free": the state the freed are in, the same fact as "61 have been freed".
    r"(?P<v>[a-z]+(?:ed|en|wn)|free)\b")


_IN_HOSPITAL = re.compile(
    r"\s+(?:(?:were|was|are|is|remained|remain|remains|stayed|stay|stays|being|had\s+been|have\s+been|has\s+been)\s+)"
    # "are being treated in hospital" is who is there now; "had been treated in hospital" counts
    # everyone treated since, another figure: only the first is read.
    r"(?:(?:still|now|also|being\s+treated|being\s+kept|kept|in\s+a\s+(?:serious|critical|stable)\s+condition)\s+){0,3}"
    r"(?:in\s+(?:the\s+)?hospital|hospitali[sz]ed)\b", re.IGNORECASE)


_STILL_MISSING = re.compile(
    r"\s+(?:(?:were|was|are|is|remained|remain|remains|still|now|reported|listed\s+as|feared)\s+){1,3}"
    r"(?:missing|unaccounted\s+for)\b", re.IGNORECASE)


def _casualty_state(text: str, pos: int) -> str | None:
    """"hospitalised" or "missing" when the words after a count say the counted are in
    hospital or missing."""
    if _IN_HOSPITAL.match(text, pos):
        return "hospitalised"
    if _STILL_MISSING.match(text, pos):
        return "missing"
    return None


def _elided_count(text: str, start: int, end: int) -> tuple[str, str] | None:
    """A figure with its noun left out because an earlier figure of the sentence named it:
    "21 people had died and 34,500 had been evacuated" → (person, person:evacuate)."""
    pm = _PARTICIPLE_AFTER.match(text, end)
    if not pm:
        return None
    verb = "free" if pm.group("v") == "free" else verb_lemma(pm.group("v"))
    if not verb or verb in _NOT_EVENTS:
        return None
    noun = None
    for prev in NUMBER_RE.finditer(text, max(0, start - 150), start):
        hn = _head_noun(text, prev.end())
        if hn and hn[1] <= start:
            noun = hn[0]
    if noun is None:
        return None
    return noun, f"{noun}:{verb}"


_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "these", "those", "a", "an"})
_AUX = frozenset({"were", "was", "had", "have", "has", "been", "being", "are", "is", "reportedly", "be",
                  "also", "still", "then", "later", "all"})


_APPOS_NAME = re.compile(r"([A-Z][\w'’-]{1,40}),\s+(?:(?:an?|the)\s+)?$")


# "bringing the number freed to 61", "the number killed has risen to 40": the counted are
# named by what happened to them, not by a noun.
_NUMBER_DONE = re.compile(
    r"\bnumber\s+(?:of\s+(?:people|those)\s+)?(?P<v>[a-z]+(?:ed|en|wn))\b(?:[^.;:]{0,40}?\s)?(?:to|at)\s+$")
# "Arrests rose to 11", "casualties have climbed to 40": a plural subject, then a verb of
# change that puts the bare figure after it.
_SUBJECT_ROSE_TO = re.compile(
    r"(?:^|\b)(?P<n>[A-Za-z][a-z]{2,})\s+(?:(?:has|have|had)\s+)?(?:(?:later|since|now|then|also|further)\s+)?"
    r"(?:rose|risen|climbed|jumped|fell|dropped|increased|decreased|grew|grown|reached|swelled|swollen)\s+"
    r"(?:to\s+)?$")


_FIGURE_ROSE_TO = re.compile(
    r"\b(?:the|that|this)\s+(?:number|figure|total|tally|count)\s+(?:(?:has|have|had)\s+)?"
    r"(?:(?:later|since|now|then|also|further|subsequently)\s+)?"
    r"(?:rose|risen|climbed|jumped|fell|dropped|increased|decreased|grew|grown|reached|swelled)\s+(?:to\s+)?$")
_MORE_AFTER = re.compile(r"\s+(?:more|other|additional|further|extra)\b", re.IGNORECASE)


def _noun_before(text: str, start: int, before_text: str) -> str | None:
    """The key of a bare figure whose counted noun stands before it, as the subject of a verb
    of change ("arrests rose to 11") or as "the number <participle>" ("the number freed to 61")."""
    done = _NUMBER_DONE.search(before_text)
    if done:
        verb = verb_lemma(done.group("v"))
        if not verb or verb in _NOT_EVENTS:
            return None
        casualty = _casualty(done.group("v") + " ", 0, None, done.group("v"))
        if casualty:
            return casualty
        # The counted noun is the one an earlier figure of the sentence named ("three more
        # pupils were found, bringing the number freed to 61").
        noun = None
        for prev in NUMBER_RE.finditer(text, max(0, start - 200), start - len(before_text) + done.start()):
            more = _MORE_AFTER.match(text, prev.end())  # "three more pupils"
            hn = _head_noun(text, more.end() if more else prev.end())
            if hn:
                noun = hn[0]
        return f"{noun}:{verb}" if noun else verb
    figure = _FIGURE_ROSE_TO.search(before_text)
    if figure:
        # "three people were hurt and the number later rose to five": the figure updates the
        # count an earlier figure of the sentence gave, and takes its key.
        key = None
        for prev in NUMBER_RE.finditer(text, max(0, start - 200), start - len(before_text) + figure.start()):
            hn = _head_noun(text, prev.end())
            if hn:
                verb = _count_verb(text, prev.start(), hn[1])
                key = _casualty(text, prev.start(), hn[1], hn[0]) or (f"{hn[0]}:{verb}" if verb else hn[0])
        return key
    subj = _SUBJECT_ROSE_TO.search(before_text)
    if subj:
        word = subj.group("n")
        at = start - len(before_text) + subj.start("n")
        if word[0].isupper() and text[:at].strip(" \"'“‘("):
            return None  # a name in running text ("Apple rose to 180"), not a counted noun
        lw = word.lower()
        lemma = noun_lemma(lw)
        if lw in STOPWORDS or verb_lemma(lw) or (lemma == lw and lw not in _PLURAL_AS_IS):
            return None  # only a plural noun counts ("shares rose to", not "inflation rose to 3")
        return _casualty(lw + " ", 0, None, lemma) or lemma
    return None


def _amount_noun(word: str) -> str:
    """A measured noun in its base form: "rainfall" and "rain", "snowfall" and "snow" measure
    one amount (English forms such compounds with "-fall"); the words for a heavy rain
    ("downpour", "deluge", "precipitation") measure the same amount of water."""
    word = word[:-4] if word.endswith("fall") and len(word) > 6 else word
    return _RAIN_WORDS.get(word, word)


_RAIN_WORDS = {"downpour": "rain", "deluge": "rain", "precipitation": "rain", "showers": "rain", "shower": "rain",
               "rains": "rain"}
# "<noun>, which measured / totalled / reached 210 mm": the relative clause's subject is measured.
_MEASURED_REL = re.compile(
    r"\b([a-z]{3,}),?\s+(?:which|that)\s+(?:measured|totalled|totaled|reached|amounted\s+to|came\s+to)\s+$")


# A personal name of two or more capitalised words (any script's letters): one word alone is as
# often a nationality or a title ("a 52-year-old Briton").
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][^\W\d_]+[-'’]?\s+){1,3}(?P<last>[A-Z][^\W\d_'’-]+(?:-[A-Z][^\W\d_]+)?)\b")


def _age_key(text: str, start: int, end: int) -> str:
    """Whose age: "Name, 41," / "Name, a 41-year-old" → ``age:name``; "a 48-year-old man" →
    ``age:man``; else ``age``."""
    named = _APPOS_NAME.search(text, max(0, start - 50), start)
    if named:
        return f"age:{named.group(1).lower()}"
    person = _NAME_AFTER.match(text, end)
    if person:
        # "52-year-old Ana María Ortiz": keyed by the surname, as "Ortiz, 52," is.
        return f"age:{person.group('last').lower()}"
    hn = _head_noun(text, end)
    return f"age:{hn[0]}" if hn else "age"


def _count_verb(text: str, start: int, head_end: int) -> str | None:
    """The verb that governs a count: the one right before it ("fired two missiles", "stations
    28,500 troops") or after its noun ("two missiles were detected").  It splits one noun's
    counts by what was done ("troops stationed" vs "troops dispatched"), see the key grammar."""
    for m in _words_before(text, start, 3):
        w = m.group().lower()
        if w in _DETERMINERS:
            continue
        lemma = any_verb_lemma(w) if not w.endswith("ly") else None
        if lemma and lemma not in _NOT_EVENTS and w not in STOPWORDS:
            return lemma
        break
    for m in _words_after(text, head_end, 4):
        w = m.group().lower()
        if w in _AUX or w.endswith("ly"):
            continue
        lemma = verb_lemma(w)
        if lemma and lemma not in _NOT_EVENTS:
            return lemma
        break
    return None


def _context_word(text: str, start: int, end: int, *, nouns_only: bool = False) -> str | None:
    """The nearest content word in the clause: the noun a figure modifies, else one before."""
    after = _words_after(text, end, 4)
    if after and after[0].group().lower() in ("more", "extra", "additional", "less") and len(after) > 1:
        after = after[1:]  # "up to €10 million more in add-ons": what the figure adds to
    if after and after[0].group().lower() in _COMPARATIVES:
        after = []  # "closed 2.1 percent lower": the comparison, not what moved (that comes before)
    if after and not nouns_only:
        w = after[0].group()
        if w.islower() and verb_lemma(w) and w.endswith("ed") and _COPULA_BEFORE.search(
                text, max(0, start - 40), start):
            # "was 5% contained", "is 80% complete": the predicate says what the share is of.
            return verb_lemma(w)
    if after:
        w = after[0].group()
        pos = after[0].start() if after[0].start() > end else end
        if w.lower() in ("of", "in", "for", "on") and len(after) > 1:
            pos = after[0].end()  # "$5 million in aid", "5 tonnes of cocaine"
            w = after[1].group()
            if after[0].group().lower() == "of" and (w.lower() in _DETERMINERS or verb_lemma(w)):
                # "40 percent of its usual services", "30% of scheduled trains": the noun of the
                # phrase, past its determiner and modifiers.
                hn = _head_noun(text, after[0].start())
                if hn and not verb_lemma(text[hn[1] - len(hn[0]):hn[1]]) and hn[0] not in _DETERMINERS:
                    return hn[0]
        if w.lower() in _CHANGE_NOUNS and text[end:pos].strip() == "":
            return _CHANGE_NOUNS[w.lower()]  # "a 25bp cut", "a 6% raise"
        # Lower case only: "in March" is a date, not what is measured.
        if w.islower() and w not in STOPWORDS and w not in _CHANGE_VERBS and not w.endswith("ly") \
                and not verb_lemma(w) and w not in _TIME_DEICTICS:
            hn = _head_noun(text, pos)
            if hn and hn[0] not in ("last", "next", "this"):
                # "a 4.5% wage increase" and "a 6% raise" state one kind of change.
                return _CHANGE_NOUNS.get(hn[0], hn[0]) if text[end:pos].strip() == "" else hn[0]
    # Lower-case words only: names and weekdays are not what a figure measures.
    # The unit words of an earlier figure are not what this one measures ("by 25 basis points
    # to 1.25%": "points" is not what 1.25% measures).
    unit_spans = []
    for prev in NUMBER_RE.finditer(text, max(0, start - 80), start):
        u = unit_at(text, prev.end())
        if u:
            unit_spans.append((prev.end(), u.end))
    words = [_POSSESSIVE.sub("", m.group().lower()) for m in _words_before(text, start, 8)
             if not _overlaps(m.span(), unit_spans)
             and (m.group().islower() or not text[:m.start()].strip(" \"'“‘(")
                  and not _NAME_GOES_ON.match(text, m.end()))]
    words = _own_conjunct(words)
    nouns = [w for w in words if w not in STOPWORDS and w not in _CHANGE_VERBS and not w.endswith("ly")
             and not verb_lemma(w) and not NUMBER_RE.fullmatch(w) and w not in _NOT_MEASURED
             and w not in _NOT_COUNTED and w not in _VALUE_LINKS and w not in _FRACTION_WORDS
             and not _adjective_only(w)

             and unit_at(" " + w, 0) is None]
    if nouns_only:
        # A bare verb after a modal or "to" ("gusts could reach 160 km/h") is no noun.
        after_modal = {w for w, prev in zip(words, words[1:]) if prev in _MODALS}
        nouns = [w for w in nouns if w not in after_modal]
    if nouns:
        head = _pp_head(words, set(nouns))
        if head:
            return noun_lemma(head)
        return noun_lemma(nouns[0])  # "inflation rose to 3%": what changed, not how
    if nouns_only:
        return None
    rel = _RELATIVE_BEFORE.search(text, max(0, start - 120), start)
    if rel:
        # "headline inflation, which stood at minus 0.6%": the relative clause's figure
        # measures the noun it hangs on.
        w = rel.group(1).lower()
        if w not in STOPWORDS and not verb_lemma(w) and w not in _NOT_MEASURED:
            return noun_lemma(w)
    scope = _IN_SCOPE.match(text, end)
    if scope:
        # No noun before: "had taken 38.5 percent in the first round" is a share of the round,
        # whichever verb ("took", "won") put it there.
        hn = _head_noun(text, scope.end())
        if hn and hn[0] not in ("last", "next", "this") and not verb_lemma(hn[0]):
            return hn[0]
    for w in words:
        if w not in STOPWORDS and w not in _CHANGE_VERBS and verb_lemma(w):
            return verb_lemma(w)
    return None


# "rose 4% last year", "to 3% next month": a time phrase after the figure, never what it measures.
_TIME_DEICTICS = frozenset({"last", "next", "this", "every", "each", "per", "yesterday", "today", "tomorrow", "tonight"})


# A capitalised word followed by another: the first word of a sentence that is a name or a
# title ("Prime Minister X's party slumped to 20.6%"), not a lower-case noun written at the start.
_NAME_GOES_ON = re.compile(r"\s+[A-Z]")


def _adjective_only(word: str) -> bool:
    """"a cumulative 400 basis points", "an additional 2%": a word English uses only as an
    adjective describes the figure, it is not the thing measured."""
    lemmas = getAllLemmas(word)
    return "ADJ" in lemmas and "NOUN" not in lemmas


# Nouns of change after a figure ("a 6% raise", "a 25bp cut"): the direction of the change is
# what they say, whichever synonym a writer chose.
_CHANGE_NOUNS = {w: "increase" for w in ("increase", "raise", "rise", "hike", "gain", "jump", "boost")}
_CHANGE_NOUNS.update({w: "decrease" for w in ("decrease", "cut", "reduction", "fall", "drop", "decline", "loss")})
# Words that link a thing to its value ("bribes worth €2.3 million", "a deal valued at"): the
# thing is what the figure measures, not the link.
_VALUE_LINKS = frozenset({"worth", "valued", "totalling", "totaling", "amounting", "priced", "costing"})
_RELATIVE_BEFORE = re.compile(r"\b([a-z]{3,}),\s+(?:which|that)\s+[^,;:()]*$")
# Prepositions that attach a modifier to the noun before them ("prices in the euro zone",
# "turnout in the capital"): the head of the phrase is the noun left of them.
_PP = frozenset({"in", "of", "at", "on", "across", "within", "among", "around", "throughout"})


def _pp_head(words: list[str], nouns: set[str]) -> str | None:
    """The head noun when the nearest noun before a figure sits in a prepositional phrase:
    "prices in the euro zone rose 2.4%" → "prices" (``words`` nearest first)."""
    head = None
    after_prep = False
    for w in words:
        if w in nouns:
            if head is None or after_prep:
                head = w
                after_prep = False
            continue
        if w in _PP and head is not None:
            after_prep = True
            continue
        if w in STOPWORDS or w.endswith("ly") or head is None:
            continue  # the verb between the subject and its figure ("prices … rose 2.4%")
        break  # a verb or another word before the subject phrase ends it
    return head


# Fraction and unit words of an earlier figure ("by a quarter of a percentage point to 1.25%").
_FRACTION_WORDS = frozenset({"half", "quarter", "quarters", "third", "thirds", "percentage"})
def _own_conjunct(words: list[str]) -> list[str]:
    """The words of the figure's own conjunct: "sentenced to 12 years in prison and fined $1.5
    million" → "fined" (``words`` nearest first); a verb, then "and", starts another predicate."""
    seen_verb = False
    for i, w in enumerate(words):
        if w in ("and", "or", "but") and seen_verb:
            return words[:i]
        if verb_lemma(w) or w in _CHANGE_VERBS:
            seen_verb = True
        elif w not in STOPWORDS:
            return words  # a noun before any verb: the subject is in this conjunct
    return words


_POSSESSIVE = re.compile(r"['’]s?$")
_COMPARATIVES = frozenset({"lower", "higher", "up", "down", "more", "less", "above", "below", "stronger",
                           "weaker", "better", "worse", "ahead", "behind", "cheaper", "dearer"})
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been|being|remains|remained|stood)\s+(?:now\s+|only\s+|just\s+)?$",
                            re.IGNORECASE)
_IN_SCOPE = re.compile(r"\s+(?:in|of|for)\s+(?:the|its|their|this)\s+(?=[a-z])")


def _event_word(text: str, start: int, end: int) -> str | None:
    """The event a date or time belongs to: the nearest verb; None when the date names an
    event as a noun modifier ("a January 4 launch": see the key grammar)."""
    # A parenthesis ("(also known as X)") sits between a verb and its date; hide it, keeping
    # offsets, so that it neither cuts the clause nor offers its own verbs.
    text = _PAREN_RE.sub(lambda p: " " * len(p.group()), text)
    # The colon of a clock time ("fell at 4:50 a.m. yesterday") is no clause break.
    text = _CLOCK_COLON.sub(".", text)
    after = _words_after(text, end, 2)
    if after and text[end:after[0].start()].strip() in ("", "'s", "’s"):
        w = after[0].group().lower().strip("'’")
        # A verb form that is also a noun ("on Tuesday rose to seven") follows a date as its
        # clause's verb, and a capitalised word after "a.m." starts the next sentence: neither
        # makes the date a noun modifier.
        if w not in STOPWORDS and not verb_lemma(w) and not w.endswith("ly") and w.isalpha() \
                and w not in _MOMENT_WORDS and w not in _NOT_MEASURED and w not in _CHANGE_VERBS \
                and not _irregular_past(w, "") \
                and not (text[end - 1] == "." and after[0].group()[0].isupper()):
            return None
    before = _words_before(text, start, 25)
    noun = _event_noun(before)
    if noun:
        return noun
    for i, m in enumerate(before):
        prev = before[i + 1].group() if i + 1 < len(before) else ""
        if prev.lower() in _DETERMINERS and m.group().lower().endswith(("ing", "ed")):
            continue  # "dispersed the remaining crowd": a participle after "the" is an adjective
        if m.group().lower() in ("set", "sets", "setting") and _SET_OFF.match(text, m.end()):
            return "depart"  # "set off at 3 p.m.", "set out", "set sail": a departure, not a schedule
        lemma = verb_lemma(m.group()) or _irregular_past(m.group(), prev) or _bare_verb(m.group(), prev)
        if lemma == "confirm" and (prev.lower() in _PASSIVE_AUX or _CONFIRM_OBJECT.match(text, m.end())):
            # "the first case was confirmed on March 3", "confirmed the result at 4:45 p.m.":
            # the event, not a report of one ("officials confirmed on Monday that ...").
            return lemma
        if lemma and lemma not in _NOT_EVENTS and lemma not in _SCHEDULING:
            return lemma
    skip = re.match(r"\s*,", text[end:])  # "In December 2025, Kim labeled ..."
    for m in _words_after(text, end + (skip.end() if skip else 0), 8):
        if m.group().lower() in _SUBORDINATORS:
            break  # "on Friday morning after the cyclone made landfall": another clause's verb
        lemma = verb_lemma(m.group())
        if lemma and lemma not in _NOT_EVENTS:
            return lemma
    return None


# Words after a date or time that say when, not what ("at 4 a.m. yesterday", "at 6.15am local
# time"): the date is no noun modifier before them.
_MOMENT_WORDS = frozenset({"yesterday", "today", "tonight", "tomorrow", "local", "sharp", "monday", "tuesday",
                           "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon",
                           "evening", "night", "overnight"})


# Only "to": after a modal ("would reopen on Monday") the date is of a plan whose weekday
# direction timeexpr guesses (FUTURE_RE has no "would"), and keying it made the examples set a
# planned reopening against a past one.
_INFINITIVE_MARKERS = frozenset({"to"})


def _bare_verb(word: str, previous: str) -> str | None:
    """A bare verb after "to" ("to complete the cuts by March"), when the word is no noun:
    ``verb_lemma`` leaves bare forms out because most are nouns in news prose ("test",
    "report"), but after "to" a word that cannot be a noun is the verb."""
    if previous.lower() not in _INFINITIVE_MARKERS or not word.isalpha():
        return None
    lemmas = getAllLemmas(word.lower())
    verb = lemmas.get("VERB")
    if not verb or "NOUN" in lemmas or verb[0] != word.lower():
        return None
    return verb[0]


# Verbs that put an event on a calendar: "the meeting is scheduled for August 19" dates the
# meeting, so the event is the word before them.
_SET_OFF = re.compile(r"\s+(?:off|out|sail)\b", re.IGNORECASE)
_SCHEDULING = frozenset({"schedule", "reschedule", "plan", "set", "slate", "due", "expect"})


# "was confirmed on March 3", "as confirmed by the office at 5:20 p.m.": a passive "confirmed"
# dates the thing confirmed; the active reporting verb ("officials confirmed on Monday") does not.
_PASSIVE_AUX = frozenset({"was", "were", "been", "is", "are", "be", "being", "as", "first", "officially"})
# Not "when": "since June 2020, when a launch sank" names what happened on the date.
_SUBORDINATORS = frozenset({"after", "before", "while", "since", "because", "until", "whereas", "although",
                            "though"})
_CONFIRM_OBJECT = re.compile(r"\s+(?:the|a|an|its|their)\s+[a-z]+", re.IGNORECASE)
_CLOCK_COLON = re.compile(r"(?<=\d):(?=\d\d)")
# Events named by a noun right before their time: "a news conference called at 8 a.m.", "at a
# briefing at 11 a.m.".  A closed list of gatherings and broadcasts, because after most nouns
# the time belongs to the clause's verb ("entered the branch at 10:15 a.m.").
_EVENT_NOUNS = frozenset({"conference", "briefing", "meeting", "session", "hearing", "speech", "address",
                          "summit", "ceremony", "call", "statement", "bulletin", "announcement", "vote",
                          "debate", "rally", "vigil", "funeral", "match", "kickoff", "kick-off", "launch"})
_NOUN_TIME_LINK = frozenset({"at", "on", "around", "about", "called", "held", "convened", "scheduled"})
# "a briefing that began at eight": a relative clause of the noun's start.
_RELATIVE_START = frozenset({"began", "begun", "started", "opened", "starts", "begins", "opens"})
# One kind of event under two names: reports call one press event a conference or a briefing.
_EVENT_NOUN_KIND = {"briefing": "conference", "presser": "conference", "kick-off": "kickoff"}


def _event_noun(before: list[re.Match[str]]) -> str | None:
    """The gathering a time is of, when a noun from ``_EVENT_NOUNS`` stands just before it
    (linked by "at", "called", "held"): "a news conference called at 8 a.m." → "conference"."""
    i = 0
    while i < min(len(before), 5):
        w = before[i].group().lower()
        if w in _EVENT_NOUNS:
            return _EVENT_NOUN_KIND.get(w, w) if i > 0 else None
        if w in _RELATIVE_START and i + 1 < len(before) and before[i + 1].group().lower() in ("that", "which"):
            i += 2
            continue
        if w not in _NOUN_TIME_LINK:
            return None
        i += 1
    return None


# Irregular verbs whose past is the bare form ("the quake hit at 4:17 a.m."): read as verbs
# after a subject noun, never after a determiner or "to".
_SAME_FORM_PAST = frozenset({"hit", "burst", "spread", "shut", "hurt", "quit", "split", "shed", "struck"})


def _irregular_past(word: str, previous: str) -> str | None:
    """The verb of an irregular past form that is also a noun or adjective ("left the
    tracks", "broke out", "hit the coast"), when no determiner or "to" before it makes it one."""
    w = word.lower()
    if not w.isalpha() or w in STOPWORDS or previous.lower() in _DETERMINERS | {"to"}:
        return None
    base = any_verb_lemma(w)
    if base == w and w in _SAME_FORM_PAST and previous and previous.lower() not in _DETERMINERS | _MODALS:
        return base  # "the quake hit at", "it hit at"; not "a direct hit", "to hit"
    if not base or base == w:
        return None
    past = getInflection(base, tag="VBD")
    return base if past and w in past else None


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


# ---------------------------------------------------------------- numbers


def _number_candidates(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    cands = [(m.start(), m.end(), "num", m) for m in NUMBER_RE.finditer(text)]
    cands += [(m.start(), m.end(), "word", m) for m in QUANT_WORD_RE.finditer(text)]
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[tuple[int, int, str, re.Match[str]]] = []
    last_end = -1
    for c in cands:
        if c[0] >= last_end:
            out.append(c)
            last_end = c[1]
    return out


# "within a week", "within an hour": one unit of time as a limit.  Only after "within": "for a
# week" or "a day" elsewhere are too often idiom ("a day after", "once a week").
_WITHIN_ONE = re.compile(r"\bwithin\s+(?P<q>an?)\s+(?P<u>(?:hour|day|week|month|year)s?)\b", re.IGNORECASE)


def _numeric_values(text: str, taken: list[tuple[int, int]], base: dict) -> list[Value]:
    out: list[Value] = []
    consumed: list[tuple[int, int]] = list(taken)
    # Forms the number pattern does not read, each with the part that must be free and its
    # reader (a value, or None to leave the place to the numbers below).
    special = (
        (_MAG_SHORT, 0, _short_magnitude),  # "M6.8": the seismologists' shorthand
        # "N120 million", "R2.5bn": a currency letter glued to the figure, which the number
        # pattern (no letter may touch a figure) does not read.
        (GLUED_CURRENCY_RE, 0, _glued_money),
        (_MATCH_MINUTE, 0, _match_minute),
        (_WITHIN_ONE, "q", _within_one),  # "within a week", as "within seven days"
    )
    for pattern, part, read in special:
        for mm in pattern.finditer(text):
            if _overlaps(mm.span(part), consumed):
                continue
            v = read(text, mm, base)
            if v is not None:
                out.append(v)
                consumed.append(v.span)
    for start, end, kind, m in _number_candidates(text):
        if _overlaps((start, end), consumed):
            continue
        value = _one_number(text, start, end, kind, m, base)
        if value is not None:
            out.append(value)
            consumed.append(value.span)
    return out


def _short_magnitude(text: str, mm: re.Match[str], base: dict) -> Value:
    x = float(mm.group("m"))
    r = 0.05 if "." in mm.group("m") else 0.5
    return _quantity(text, mm.start(), mm.end(), x - r, x + r, None, None, "magnitude", "", 1.0, 0.0, True,
                     base, label_value=x)


def _within_one(text: str, mm: re.Match[str], base: dict) -> Value | None:
    """"within a week": a time limit of one unit."""
    um = unit_at(text, mm.start("u") - 1)
    u = um.unit if um is not None else None
    if u is None or u.family != "duration":
        return None
    return _quantity(text, mm.start("q"), mm.end("u"), 1.0, 1.0, None, None, u.family, u.canonical, u.factor,
                     0.0, True, base, label_value=1.0)


def _glued_money(text: str, mm: re.Match[str], base: dict) -> Value | None:
    m = NUMBER_TAIL_RE.match(text, mm.start("num"))
    num = number_from_match(m) if m else None
    if num is None:
        return None
    end = m.end()
    scale = 1.0
    short = SHORT_AFTER_SYMBOL_RE.match(text, end)
    if short and not m.group("scale"):
        scale = SHORT_SCALE[short.group("short").lower()]
        end = short.end()
    code = GLUED_CURRENCY[mm.group("cur")]
    q_words, q_kind, q_start = _qualifier(text, mm.start())
    lo, hi = num.value - num.rounding, num.value + num.rounding
    return _quantity(text, q_start if q_words else mm.start(), end, lo * scale, hi * scale, q_words, q_kind,
                     f"money:{code}", code, 1.0, 0.0, True, base, label_value=num.value * scale)


# "in the 87th minute", "the 90th-minute penalty", "a 45th minute equaliser": the minute of a
# match an event happened in, a fact reports dispute like a clock time.  Keyed by the act or
# thing of the clause ("minute:winner", "minute:score"), never by the bare word: a match has
# many minutes.
_MATCH_MINUTE = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)[\s-]+minute\b", re.IGNORECASE)
_MINUTE_EVENT = re.compile(r"\b(winner|winning goal|equali[sz]er|opener|goal|penalty|red card|own goal|"
                           r"try|header|strike|sending-off|substitution|"
                           # "settled the match", "sealed the win": the winning goal, in sports idiom
                           r"(?:settled?|settling|decided?|deciding|sealed?|sealing|clinched?|clinching)\s+"
                           r"(?:the|a|an)\s+(?:match|game|tie|win|victory|title|final))\b", re.IGNORECASE)


def _match_minute(text: str, mm: re.Match[str], base: dict) -> Value:
    n = float(mm.group("n"))
    near = [(abs(e.start() - mm.start()), e.group(1).lower()) for e in
            _MINUTE_EVENT.finditer(text, max(0, mm.start() - 80), min(len(text), mm.end() + 40))]
    word = min(near)[1] if near else _context_word(text, mm.start(), mm.end())
    word = "winner" if word and (word == "winning goal" or " " in word and not word.endswith(("goal", "card"))) \
        else word.replace(" ", "-") if word else word
    return Value(type="quantity", text=mm.group(), normalized=f"minute {_fmt(n)}", key=f"minute:{word}" if word else "",
                 low=n - 1, high=n, unit="match minute", precise=True, span=mm.span(), **base)


def _one_number(text: str, start: int, end: int, kind: str, m: re.Match[str], base: dict) -> Value | None:
    precise = True
    integer = True
    round_lo = round_hi = 0.0
    is_range = False
    if kind == "word":
        word = m.group("qw").lower()
        if word in VAGUE:
            lo, hi = VAGUE[word]
            precise = False
            label = word
            scale = _VAGUE_SCALE.match(text, end)
            if scale and word in ("several", "a few", "few", "a couple of", "many", "a handful of"):
                # "several hundred soldiers": the vague multiplier of a scale word.
                factor = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
                          "billion": 1_000_000_000}[scale.group(1).lower()]
                lo, hi = lo * factor, hi * factor
                label = f"{word} {scale.group(1).lower()}"
                end = scale.end()
        else:
            lo = hi = EXACT_WORDS[word]
            label = _fmt(lo)
            if word == "both":
                return None  # "both" counts what was named before, not a new figure
        num_value = None
    else:
        num = number_from_match(m)
        if num is None:
            return None
        if _ORDINAL_SUFFIX.match(text, end):
            return None  # "2nd" is an ordinal
        raw = m.group()
        digits = m.group("digits")
        if digits and re.fullmatch(r"(?:1[6-9]|2[0-2])\d\d", digits) and not currency_before(text, start):
            return None  # a bare four-digit year ("2025") is a date, not a figure
        if m.group("words") and raw.lower() == "one":
            nxt = _words_after(text, end, 1)
            if not nxt or nxt[0].group().lower() in ("of", "another", "day", "another's"):
                return None  # "one of", "one another": a pronoun, not a figure
        if _RANK_BEFORE.search(text[max(0, start - 8):start]):
            return None  # "number three official": a rank, not a count
        neg = _NEGATIVE.search(text, max(0, start - 10), start)
        if neg and m.group("digits"):
            # "-0.6%", "minus 0.6%": a signed figure (inflation, growth, temperatures).
            num = replace(num, value=-num.value)
            start = neg.start()
        num_value = num.value
        lo, hi = num.value - num.rounding, num.value + num.rounding
        round_lo = round_hi = num.rounding
        if (m.group("digits") and 0 < num.value < 120 and num.value == int(num.value)
                and _APPOS_NAME.search(text, max(0, start - 50), start) and re.match(r"\s*,", text[end:end + 3])
                and not _APPOS_NAME.search(text, max(0, start - 50), start).group().rstrip().endswith(("a", "an", "the"))):
            # "Moldovan, 41, said": the age apposition of news style.
            return _quantity(text, start, end, num.value, num.value, None, None, "age", "yr", 1.0, 0.0, True,
                             base, label_value=num.value)
        role = _APPOS_ROLE.search(text, max(0, start - 40), start)
        if (role and m.group("digits") and 0 < num.value < 120 and num.value == int(num.value)
                and re.match(r"\s*,", text[end:end + 3]) and not verb_lemma(role.group(1))
                and role.group(1) not in STOPWORDS):
            # "The driver, 52, was arrested": the same apposition after a role noun.
            v = _quantity(text, start, end, num.value, num.value, None, None, "age", "yr", 1.0, 0.0, True,
                          base, label_value=num.value)
            return replace(v, key=f"age:{noun_lemma(role.group(1))}")
        if (m.group("digits") and 0 < num.value < 130 and num.value == int(num.value)
                and _AGED.search(text, max(0, start - 8), start)):
            # "The victim, aged 41," / "a man aged 41": an age, keyed like "Moss, 41".
            a_start = _AGED.search(text, max(0, start - 8), start).start()
            upto = _AGE_TO.match(text, end)  # "children aged 5-12", "aged 18 to 25"
            top = float(upto.group(1)) if upto and float(upto.group(1)) > num.value else num.value
            a_end = upto.end() if top > num.value else end
            v = _quantity(text, a_start, a_end, num.value, top, None, None, "age", "yr", 1.0, 0.0, True,
                          base, label_value=None if top > num.value else num.value)
            who = _WHO_AGED.search(text, max(0, a_start - 40), a_start)
            if who and who.group(1).lower() not in STOPWORDS and not verb_lemma(who.group(1)):
                v = replace(v, key=f"age:{noun_lemma(who.group(1).lower())}")
            return v
        integer = num.value == int(num.value)
        label = _fmt(num.value)
        # Ranges: "300-400 km", "between 300 and 400", "300 to 400".
        rng = _RANGE_RE.match(text, end)
        if rng:
            m2 = NUMBER_TAIL_RE.match(text, rng.end())
            joiner = rng.group().strip()
            if m2 and joiner == "-" and re.fullmatch(r"\d{3}", raw) and re.fullmatch(r"\d{4}", m2.group()):
                return None  # "373-7393": a telephone number
            if m2 and (joiner != "and" or _BETWEEN.search(text, max(0, start - 12), start)):
                n2 = number_from_match(m2)
                if n2 is not None and n2.value > num.value:
                    # "1.2 to 1.5 million": the scale of the second applies to the first.
                    if m2.group("scale") and not m.group("scale") and m.group("digits"):
                        bare2 = float(m2.group("digits").replace(",", ""))
                        mult = n2.value / bare2 if bare2 else 1.0
                        lo, num_value = num.value * mult, num.value * mult
                    hi = n2.value + n2.rounding
                    round_hi = n2.rounding
                    label = f"{_fmt(num_value)}–{_fmt(n2.value)}"
                    is_range = True
                    end = m2.end()
                    if _BETWEEN.search(text, max(0, start - 12), start):
                        start = _BETWEEN.search(text, max(0, start - 12), start).start()
    q_words, q_kind, q_start = _qualifier(text, start)
    span_start = q_start if q_words else start

    # ---- money
    cur = currency_before(text, start) if kind == "num" else None
    scale = 1.0
    if cur:
        short = SHORT_AFTER_SYMBOL_RE.match(text, end)
        if short and not m.group("scale") and not m.group("short"):
            scale = SHORT_SCALE[short.group("short").lower()]
            end = short.end()
        code, cstart = cur
        q_words, q_kind, q_start = _qualifier(text, cstart)
        span_start = q_start if q_words else cstart
        return _quantity(text, span_start, end, lo * scale, hi * scale, q_words, q_kind, f"money:{code}",
                         code, 1.0, 0.0, precise, base, label_value=num_value * scale if num_value else None)
    if kind == "num":
        after = currency_after(text, end)
        if after:
            code, scale, cend = after
            return _quantity(text, span_start, cend, lo * scale, hi * scale, q_words, q_kind, f"money:{code}",
                             code, 1.0, 0.0, precise, base, label_value=num_value * scale if num_value else None)
        # ---- magnitude
        before = text[max(0, start - 20):start]
        mag_after = _MAGNITUDE_AFTER.match(text, end)
        if num_value is not None and num_value < 11 and (_MAGNITUDE_BEFORE.search(before) or mag_after):
            mstart = start - (len(before) - _MAGNITUDE_BEFORE.search(before).start()) \
                if _MAGNITUDE_BEFORE.search(before) else start
            mend = mag_after.end() if mag_after else end
            q_words, q_kind, q_start = _qualifier(text, mstart)
            return _quantity(text, q_start if q_words else mstart, mend, num_value - num.rounding,
                             num_value + num.rounding, q_words, q_kind, "magnitude", "", 1.0, 0.0, True, base,
                             label_value=num_value)
        # ---- units
        u = unit_at(text, end)
        if u is not None:
            unit = u.unit
            uend = u.end
            conv = _CONVERSION_RE.match(text, uend)
            if conv:
                m3 = NUMBER_RE.match(text, conv.end())
                if m3:
                    u3 = unit_at(text, m3.end())
                    close = re.match(r"\s*[)\]]", text[u3.end:]) if u3 else None
                    if u3 and u3.unit.family == unit.family and close:
                        uend = u3.end + close.end()  # "350 kilometers (217 miles)": one value
            rng2 = _UNIT_RANGE.match(text, uend) if not is_range and not conv else None
            if rng2:
                u5 = unit_at(text, rng2.end())
                n5 = number_from_match(rng2)
                if (u5 is not None and u5.unit == unit and u5.text.casefold() == u.text.casefold()
                        and n5 is not None and n5.value > (num_value or lo)):
                    # "5.25%-5.50%", "20C to 25C": a range with the unit written twice.
                    hi = n5.value + n5.rounding
                    is_range = True
                    uend = u5.end
            part = _COMPOUND_RE.match(text, uend) if not is_range and not conv else None
            n4 = number_from_match(part) if part else None
            u4 = unit_at(text, part.end()) if part else None
            if n4 is not None and u4 is not None and u4.unit.family == unit.family \
                    and u4.unit.factor < unit.factor and unit.offset == u4.unit.offset == 0:
                # "seven years and six months", "5 feet 10 inches", "2 hours 30 minutes": one
                # figure in two units; the smaller part sets the rounding.
                extra = n4.value * u4.unit.factor / unit.factor
                r4 = n4.rounding * u4.unit.factor / unit.factor
                mid = (num_value or lo) + extra
                lo, hi, num_value = mid - r4, mid + r4, mid
                uend = u4.end
            return _quantity(text, span_start, uend, lo, hi, q_words, q_kind, unit.family, unit.canonical,
                             unit.factor, unit.offset, precise, base,
                             label_value=None if is_range else num_value, integer=False)
    # ---- counts
    compound = _SCALE_COMPOUND.match(text, end) if kind == "num" and (m.group("scale") or lo >= 1000) else None
    if compound and unit_at(text, end) is None:
        # "a 0.41 million-vehicle recall", "a 10,000-page report": a large figure compounded
        # with its noun still counts it; the noun it modifies is what happened to them.
        noun = noun_lemma(compound.group("noun"))
        act = any_verb_lemma(compound.group("head"))
        key = f"{noun}:{act}" if act and act not in _NOT_EVENTS else noun
        lo2, hi2 = apply_qualifier(q_kind, lo, hi, integer=not m.group("scale"))
        return Value(type="count", text=text[span_start:compound.end("noun")], normalized=_label(q_kind, label, lo2, hi2, True),
                     key=key, low=lo2, high=hi2, unit=None, precise=True, qualifier=q_words,
                     span=(span_start, compound.end("noun")), **base)
    storeys = _STOREYS.match(text, end)
    if storeys and (num_value is None or num_value == int(num_value)):
        # "a seven-storey building", "the 12-floor tower": the number of floors, the same fact
        # as "seven floors" elsewhere (which the head-noun path keys ``floor``).
        lo2, hi2 = apply_qualifier(q_kind, lo + round_lo, hi - round_hi, integer=True)
        return Value(type="count", text=text[span_start:storeys.end()], normalized=_label(q_kind, label, lo2, hi2, True),
                     key="floor", low=lo2, high=hi2, unit=None, precise=precise, qualifier=q_words,
                     span=(span_start, storeys.end()), **base)
    if text[end:end + 1] == "-" and unit_at(text, end) is None:
        return None  # "two-state solution": a compound adjective, not a count
    hn = _head_noun(text, end) if not _casualty_state(text, end) else None  # "four remained in hospital"
    if hn and hn[0] in _GENERIC_PEOPLE and (_ABOARD.match(text, hn[1]) or _CARRYING.search(
            text, max(0, span_start - 20), span_start)):
        # "66 people on board": everyone aboard, crew included, as a fact box's "Occupants: 66".
        hn = ("occupant", hn[1])
    aboard = bool(hn and _ABOARD.match(text, hn[1]))
    if hn and not _plausible_head(text, hn, lo, hi, kind):
        if not _NUMBER_OF.search(text[max(0, span_start - 100):span_start]):
            return None
        hn = None  # "the number of survivors rose to 22 overnight": the noun came before
    head = hn[0] if hn else None
    if hn and kind == "word" and m.group("qw").lower() == "multiple":
        word = text[max(0, hn[1] - 60):hn[1]].rsplit(None, 1)[-1].lower()
        if noun_lemma(word) == word:
            return None  # "multiple rocket launcher": an adjective, not a count
    key = _casualty(text, span_start, hn[1] if hn else end, head)
    if key is None and (head is None or head in _GENERIC_PEOPLE):
        key = displacement(text, span_start, hn[1] if hn else end)
    if key is None:
        # "six people were still in hospital", "nine passengers remained in hospital", "40
        # were still missing": the count of the hospitalised or the missing, whichever noun
        # and verb (casualties are keyed by what happened to them, as "death" and "injured"
        # are), one fact that reports update and dispute.
        key = _casualty_state(text, hn[1] if hn else end)
    if key is None and _jobless(text, span_start, hn[1] if hn else end, head):
        key = "unemployed"
    if key is None and head is None:
        elided = _elided_count(text, span_start, end)
        if elided:
            head, key = elided
    if key is None and head is None:
        toll = (_TOLL_BEFORE.search(text, max(0, span_start - 60), span_start)
                or _TOLL_FAR_BEFORE.search(text, max(0, span_start - 140), span_start))
        if toll and _NUMBER_OF.search(text[max(0, span_start - 100):span_start]):
            toll = None  # "the final count of the crowd was 22,000": the noun after "of" says what
        if toll:
            mod = noun_lemma(toll.group("mod"))
            key = "death" if mod in _DEATH_WORDS else "injured" if mod in _INJURY_WORDS else mod
    if key is None and head == "occupant":
        key = "occupant"  # everyone aboard, whichever verb ("carrying", "had … on board")
    if key is None and head:
        verb = _count_verb(text, span_start, hn[1] if hn else end)
        if _CAPACITY_BEFORE.search(text, max(0, span_start - 50), span_start):
            # "licensed to carry 120 passengers", "licensed for 180 passengers", "can seat 500
            # people": what the thing may hold, a standing fact of it, whichever verb says so.
            key = f"{head}:capacity"
        elif aboard and (verb or _coordinated_verb(text, span_start)) not in _ABOARD_VERBS:
            key = f"{head}:{verb or _coordinated_verb(text, span_start)}"
        elif aboard:
            # "had 150 passengers on board" and "carrying 150 passengers": one fact; not
            # "sickened 14 crew members aboard", which another verb governs.
            key = f"{head}:carry"
        elif verb is None and _coordinated_verb(text, span_start) == "carry":
            key = f"{head}:carry"  # "carrying about 2,980 passengers and 1,210 crew": both carried
        else:
            key = f"{head}:{verb}" if verb else head
    if key is None and head is None:
        # A bare figure whose noun comes before it: "the number of survivors ... rose to 22",
        # or a fact-box label "Survivors: 22".
        before_text = text[max(0, span_start - 100):span_start]
        named = (_NUMBER_OF.search(before_text) or _PUT_AT.search(before_text) or _LABEL_BEFORE.search(before_text)
                 or _COLLECTIVE_OF.search(text, max(0, start - 60), start))
        if named and kind == "num" and "." in m.group():
            named = None  # "put the rate at 7.0": a measure written to a decimal, not a count
        if named and named.group(1).lower() not in STOPWORDS:
            noun = noun_lemma(named.group(1).lower())
            key = _casualty(noun + " ", 0, None, noun) or noun
        if key is None:
            key = _noun_before(text, span_start, before_text)
    if not key:
        return None
    if _PARTITIVE.match(text, end):
        # "five of the injured died", "nineteen of the injured remain in hospital": a part of
        # a group, not its size, and parts of one group can be many: no key, so that such a
        # figure only meets the same figure ("four of its six carriages" counts carriages).
        # A part placed somewhere is its own fact, though: "about 600 of the positions are in
        # Sweden" and "750 of them will be in Sweden" are two reports of one share.
        key = _placed_part(text, hn[1] if hn else end, head)
    span_end = hn[1] if hn else end
    if kind == "num" and num_value is not None and num_value != int(num_value) and not m.group("scale"):
        return None  # "2.5 missiles": a decimal without a unit is a figure of something unnamed
    if kind == "num" and (m.group("scale") or m.group("short")):
        integer = False
    elif kind == "num":
        lo, hi = lo + round_lo, hi - round_hi  # a count is exact: "28,500 troops" is 28,500
    lo2, hi2 = apply_qualifier(q_kind, lo, hi, integer=integer)
    normalized = _label(q_kind, label, lo2, hi2, precise)
    return Value(
        type="count", text=text[span_start:span_end], normalized=normalized, key=key, low=lo2, high=hi2,
        unit=None, precise=precise, qualifier=q_words or (m.group().lower() if not precise else None),
        span=(span_start, span_end), **base,
    )


def _label(q_kind: str | None, label: str, lo: float, hi: float, precise: bool, unit: str = "") -> str:
    u = f" {unit}" if unit else ""
    if not precise:
        top = "" if math.isinf(hi) else f"–{_fmt(hi)}"
        return f"{label} ({_fmt(lo)}{top}{u})" if top else f"{label} (≥{_fmt(lo)}{u})"
    sign = {"min": "≥", "gt": ">", "max": "≤", "lt": "<", "about": "≈", "nearly": "nearly "}.get(q_kind or "", "")
    return f"{sign}{label}{u}"


_PER_UNIT = re.compile(
    r"\s+(?:per|a|an|each)\s+(?P<n>shares?|barrels?|ounces?|tonnes?|tons?|litres?|liters?|gallons?|kilos?|"
    r"kilograms?|head|person|capita|households?|nights?|tickets?|passengers?|megawatt[- ]hours?|kilowatt[- ]hours?)\b",
    re.IGNORECASE)
# What a per-share amount is: a payout to shareholders or a result (profit or loss) divided by
# the shares; a story about company results prints both, so they are keyed apart.
_PER_SHARE_KIND = re.compile(r"\b(?P<d>dividends?|payouts?|distributions?)\b|\b(?P<e>loss|losses|earnings|profits?|"
                             r"income|EPS)\b", re.IGNORECASE)


def _per_unit_kind(text: str, start: int, per: re.Match[str]) -> str:
    noun = per.group("n").lower().replace(" ", "-")
    noun = noun_lemma(noun) if noun not in ("head", "capita") else noun
    if noun != "share":
        return f"per-{noun}"
    # The nearest such word on either side: "a dividend of SEK 2 per share", "2 kronor a share
    # as a payout".
    kinds = [(start - k.end(), k) for k in _PER_SHARE_KIND.finditer(text, max(0, start - 90), start)]
    kinds += [(k.start() - per.end(), k) for k in _PER_SHARE_KIND.finditer(text, per.end(), per.end() + 40)]
    if not kinds:
        return "per-share"
    nearest = min(kinds, key=lambda dk: dk[0])[1]
    return f"{'dividend' if nearest.group('d') else 'earnings'}:per-share"


# What a growth rate is of when no noun says "growth": the economy, by any of its names.
_OF_BALLOTS = re.compile(r"\s+of\s+(?:the\s+|all\s+)?(?:ballots|votes|ballot\s+papers)"
                         r"(?:\s+(?P<v>cast|counted|tallied|processed|counted\s+so\s+far|in|reported))?\b",
                         re.IGNORECASE)
# The economy, by any of its names, then at most a few words ("the economy to", "GDP in the
# quarter") before the verb of growth.
_ECONOMY_BEFORE = re.compile(r"\b(?:economy|economies|GDP|gross domestic product)\b(?:\s+[\w'’-]+){0,4}\s+$",
                             re.IGNORECASE)
_GROWTH_VERB_BEFORE = re.compile(r"\b(?:grow|grows|grew|grown|growing|expand|expands|expanded|expanding|"
                                 r"contract|contracts|contracted|contracting|shrink|shrinks|shrank|shrunk|"
                                 r"shrinking)\s+(?:by\s+)?(?:an?\s+)?(?:annual(?:ised|ized)?\s+)?$",
                                 re.IGNORECASE)


def _quantity(text: str, start: int, end: int, lo: float, hi: float, q_words: str | None, q_kind: str | None,
              family: str, canonical: str, factor: float, offset: float, precise: bool, base: dict,
              *, label_value: float | None, integer: bool = False) -> Value:
    lo_c, hi_c = lo * factor + offset, hi * factor + offset
    lo_c, hi_c = apply_qualifier(q_kind, lo_c, hi_c, integer=False)
    if family == "length":
        dims = [(abs(d.start() - start), _DIMENSIONS[d.group(1).lower()])
                for d in _DIMENSION_RE.finditer(text, max(0, start - 120), end + 120)]
        key = min(dims)[1] if dims else "distance"
        rel = _FROM_ANCHOR.match(text, end)
        of = re.match(r"\s+of\s+", text[end:end + 6])
        hn = _head_noun(text, end + of.end()) if of and not dims else None
        # The noun the figure is "of" ("waves of up to 30 cm", "a depth of 10 km", "rainfall
        # of 620 mm") says what it measures more surely than any dimension word nearby.
        _, _, q_at = _qualifier(text, start)
        noun_of = _NOUN_OF.search(text, max(0, q_at - 40), q_at)
        measured = None
        if noun_of and (noun_of.group(1).islower() or noun_of.start() == 0):
            w = noun_of.group(1).lower()
            if w not in STOPWORDS and not verb_lemma(w) and w not in _NOT_MEASURED:
                measured = w
        rel_m = _MEASURED_REL.search(text, max(0, q_at - 80), q_at)
        if measured is None and rel_m and rel_m.group(1).lower() not in STOPWORDS:
            measured = rel_m.group(1).lower()  # "the downpour, which measured 210 mm"
        if measured in _DIMENSIONS:
            key = _DIMENSIONS[measured]
        elif hn:
            key = f"length:{_amount_noun(hn[0])}"  # "160 mm of rain", "30 cm of snow": an amount
        elif rel and (key == "distance" or min(dims)[0] > abs(rel.start() - end)):
            # "80 km south of the capital" measures where, not how far something went; the
            # anchor right after the figure outranks a dimension word of a neighbouring clause
            # ("at a depth of 10 km, with its epicentre 27 km northeast of X").
            key = f"distance:{rel.group(1).lower()}"
        elif measured and key == "distance":
            key = f"length:{_amount_noun(noun_lemma(measured))}"
        key = _length_key(text, start, end, q_at, key)
    elif family == "age":
        key = _age_key(text, start, end)
    elif family == "speed":
        # What moves at that speed: "gusts of 166 km/h" and "sustained winds of 150 km/h" are
        # two figures of one storm.
        word = _context_word(text, start, end, nouns_only=True)
        key = f"speed:{word}" if word else "speed"
    elif family == "magnitude":
        key = _magnitude_key(text, start, end)
    elif family in _PLAIN_FAMILIES:
        key = family
    elif family == "duration" and (act := purpose(text, end, start)):
        # "30 days to appeal", "20 days to lodge an appeal": the time allowed for an act is
        # keyed by the act, whoever has it.
        key = f"duration:{act}"
    else:
        fam = "money" if family.startswith("money:") else family
        word = _context_word(text, start, end)
        quoted = CURRENCY_WORDS.get(word or "") if fam == "money" else None
        if quoted and quoted != canonical:
            # "the euro rose to $1.0850": the price of one currency in another, an exchange
            # rate keyed like "32.80 per dollar" (valueforms) by the currency quoted.
            lo_r, hi_r = lo_c, hi_c
            return Value(type="quantity", text=text[start:end], normalized=f"{_fmt(label_value or lo_r)} per {quoted}",
                         key=f"fx:{quoted.lower()}", low=lo_r, high=hi_r, unit=f"per {quoted}", precise=precise,
                         qualifier=q_words, span=(start, end), **base)
        # With no measured word the family alone would join unrelated figures of a story
        # ("3%" of one thing, "5%" of another) into a false conflict: leave the key empty.
        grows = _GROWTH_VERB_BEFORE.search(text, max(0, start - 40), start) if fam == "percent" else None
        if grows and _ECONOMY_BEFORE.search(text, max(0, grows.start() - 60), grows.start()):
            # "sees the economy growing 1.7 percent", "GDP expanded 2.4%": the rate of economic
            # growth, the fact "a growth forecast of 1.7%" states with the noun.
            word = "growth"
            growth_rate = True  # "grew by 2%" is the rate itself, not a change of it
        else:
            growth_rate = False
        ballots = _OF_BALLOTS.match(text, end) if fam == "percent" else None
        if ballots:
            # "28.1% of ballots cast" is a vote share, the fact "28.1% of the vote" states;
            # "61% of ballots counted" is how far the count has got, another fact entirely.
            word = "counted" if ballots.group("v") and ballots.group("v").lower() != "cast" else "vote"
        key = f"{fam}:{word}" if word else ""
        if key and not growth_rate and (_BY_BEFORE.search(text, max(0, start - 4), start)
                                        or _BY_A_BEFORE.search(text, max(0, start - 30), start)):
            key += ":change"  # "cut rates by 25 basis points" is a change, "to 1.25%" a level
        per = _PER_UNIT.match(text, end) if fam == "money" else None
        if per:
            # "SEK 2.50 per share", "2.75 kronor a share", "$80 a barrel": a price of one unit,
            # never the same fact as a total ("a dividend of SEK 3 billion") and keyed by the
            # unit, whatever verb or noun sits nearby ("proposing", "payout", "dividend").
            key = f"money:{_per_unit_kind(text, start, per)}"
            end = per.end()
    if label_value is not None:
        shown = _fmt(label_value * factor + offset)
    else:  # a range: "5-10 km"
        shown = f"{_fmt(lo_c)}–{_fmt(hi_c)}"
    normalized = _label(q_kind, shown, lo_c, hi_c, precise, canonical)
    return Value(
        type="quantity", text=text[start:end], normalized=normalized, key=key, low=lo_c, high=hi_c,
        unit=canonical, precise=precise, qualifier=q_words, span=(start, end), **base,
    )


# What a length measures, read from the words right around it; these outrank a dimension word
# elsewhere in the sentence ("about 8 metres deep and 15 metres across": the second is a width).
_DIM_AFTER = re.compile(
    r"(?:\s+|-)(?:(?P<adj>deep|wide|across|high|tall|long|thick|in\s+diameter)|"
    r"in\s+(?P<noun>depth|width|height|length|diameter|breadth))\b", re.IGNORECASE)
_MEASURING_BEFORE = re.compile(r"\b([A-Za-z]{3,})\s+(?:measuring|that\s+measured|which\s+measured)\s+$")
_DIM_ADJ = {"deep": "depth", "wide": "width", "across": "width", "high": "height", "tall": "height",
            "long": "length", "thick": "depth", "breadth": "width"}
# "3,200 metres above sea level" is an altitude; "2.5 metres above its normal level", "rose about
# 600 metres into the air" a height; "1,500 feet below the surface" a depth.
_ALTITUDE_AFTER = re.compile(r"\s+(?:above|below)\s+(?:mean\s+)?sea\s+level\b", re.IGNORECASE)
_HEIGHT_AFTER = re.compile(r"(?:\s*\([^()]{0,30}\))?\s+(?:above\s+(?:the|its|their|normal|usual)\b|into\s+the\s+"
                           r"(?:air|sky|atmosphere|stratosphere)\b|(?:high|up)\s+into\b)", re.IGNORECASE)
_DEPTH_AFTER = re.compile(r"\s+(?:below|beneath|under)\s+(?:the\s+)?(?:surface|ground|seabed|sea\s+floor|"
                          r"seafloor|water|sea)\b", re.IGNORECASE)
_RISE_BEFORE = re.compile(r"\b(?:rose|risen|rising|rises|climbed|soared|towered|peaked)\s+(?:to\s+|at\s+)?$",
                          re.IGNORECASE)
# "a 22-mile path", "a 1.2-metre water main", "the 5,230-metre (17,160-foot) volcano": the
# noun after a hyphenated length adjective is what it measures.
_HYPHEN_UNIT = re.compile(r"-[a-z]+(?:\s*\([^()]*\))?$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+([a-z]{3,})(?:\s+([a-z]{3,}))?\b")
# Words for one measured thing: a tornado's "path" and "track", a "ship" and a "vessel".
_LENGTH_NOUNS = {"track": "path", "trail": "path", "swath": "path", "swathe": "path", "route": "path",
                 "ship": "vessel", "liner": "vessel", "boat": "vessel", "ferry": "vessel", "hailstone": "hail"}


def _noun_word(word: str, *, verb_ok: bool) -> bool:
    """Whether ``word`` is a noun; unless ``verb_ok``, not a finite verb form that reads as one
    ("the 5,286-metre volcano lies ...", "a 9-metre boat capsized")."""
    lemmas = getAllLemmas(word)
    finite = "VERB" in lemmas and (word.endswith(("s", "ed")) or word not in lemmas.get("NOUN", ()))
    return "NOUN" in lemmas and word not in STOPWORDS and (verb_ok or not finite)


def _length_key(text: str, start: int, end: int, q_at: int, key: str) -> str:
    """The key of a length from its nearest cues (see ``_DIM_AFTER``), else ``key``."""
    measuring = _MEASURING_BEFORE.search(text, max(0, q_at - 40), q_at)
    if measuring and measuring.group(1).lower() not in STOPWORDS:
        # "hailstones measuring 2.75 inches across": the hailstones' size, keyed as "hail of
        # 7 cm" is, not the width of whatever else the story measures ("800 metres wide").
        noun = noun_lemma(measuring.group(1).lower()) or measuring.group(1).lower()
        return f"length:{_amount_noun(_LENGTH_NOUNS.get(noun, noun))}"  # as "hail of 7 cm"
    after = _DIM_AFTER.match(text, end)
    if after:
        word = (after.group("adj") or after.group("noun")).lower().split()[-1]
        return _DIM_ADJ.get(word) or _DIMENSIONS.get(word, key)
    if _ALTITUDE_AFTER.match(text, end):
        return "altitude"
    if _DEPTH_AFTER.match(text, end):
        return "depth"
    if _HYPHEN_UNIT.search(text, start, end):
        nouns = _NOUN_AFTER.match(text, end)
        head = None
        if nouns and nouns.group(1) not in STOPWORDS:
            if nouns.group(2) and _noun_word(nouns.group(2), verb_ok=False):
                head = nouns.group(2)  # "a four-foot water main", "an 11-metre wooden boat"
            elif _noun_word(nouns.group(1), verb_ok=True):
                head = nouns.group(1)
        if head:
            head = noun_lemma(head) or head
            # "size:": the thing's own dimension, never an amount of it ("80 metres of water
            # main" is ``length:main``, "a 1.2-metre water main" its width).
            return _DIMENSIONS.get(head) or f"size:{_LENGTH_NOUNS.get(head, head)}"
    if key.startswith(("length:", "distance:")) or key not in ("distance", "length", "depth", "altitude"):
        return key
    if _HEIGHT_AFTER.match(text, end) or _RISE_BEFORE.search(text, max(0, q_at - 20), q_at):
        return "height"
    return key


# "The driver, 52,", "a volunteer firefighter, 34,", "the former club captain, 61,".
_APPOS_ROLE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+){0,2}([a-z]{3,}),\s+$")
_AGE_TO = re.compile(r"\s?(?:-|–|to)\s?(\d{1,3})\b")
_AGED = re.compile(r"\baged\s+$", re.IGNORECASE)
_WHO_AGED = re.compile(r"\b([A-Za-z][\w'’-]+),?\s+$")
_UNIT_RANGE = re.compile(r"\s?(?:-|–)\s?" + NUMBER_RE.pattern.replace(r"(?<![\w.,:/])(?<!\w-)", ""),
                         re.IGNORECASE)
_COMPOUND_RE = re.compile(r"(?:\s*,\s*|\s+and\s+|\s+)" + NUMBER_RE.pattern, re.IGNORECASE)
_SECONDARY_SHOCK = re.compile(r"\b(?P<w>(?:after|fore)-?shocks?)\b", re.IGNORECASE)
_MAIN_SHOCK = re.compile(r"\b(?:earthquake|quake|temblor|main\s?shock)s?\b", re.IGNORECASE)


def _magnitude_key(text: str, start: int, end: int) -> str:
    """``magnitude`` for the main shock, ``magnitude:aftershock`` (or ``:foreshock``) when the
    figure qualifies a secondary shock ("a magnitude 5.1 aftershock", "the largest aftershock,
    of magnitude 5.1"): a story's aftershocks are other events than its earthquake."""
    hn = _head_noun(text, end)
    if hn and (hn[0].endswith("ly") or verb_lemma(hn[0]) or hn[0] in _NOT_MEASURED):
        hn = None  # "a magnitude 5.1 shortly before 8 a.m.": no noun follows
    if hn:
        word = hn[0]
        m = _SECONDARY_SHOCK.fullmatch(word)
        return f"magnitude:{noun_lemma(m.group('w').lower().replace('-', ''))}" if m else "magnitude"
    window = text[max(0, start - 100):start]
    sec = list(_SECONDARY_SHOCK.finditer(window))
    main = list(_MAIN_SHOCK.finditer(window))
    if sec and (not main or main[-1].start() < sec[-1].start()):
        return f"magnitude:{noun_lemma(sec[-1].group('w').lower().replace('-', ''))}"
    return "magnitude"


# ---------------------------------------------------------------- the stage


def extract_values(article: Article, sentence: Sentence) -> tuple[Value, ...]:
    """Every typed value ``sentence`` states, dates resolved against ``article.published``."""
    text = sentence.text
    base = {"article_id": sentence.article_id or article.id, "sentence_index": sentence.index}
    values: list[Value] = []
    taken: list[tuple[int, int]] = []

    dates, times = find_dates_and_times(text, article.published)
    times, spans = _clock_spans(text, times, base)
    values.extend(spans)
    taken.extend(v.span for v in spans)
    for t in sorted(dates + times, key=lambda e: e.start):
        taken.append((t.start, t.end))
        if _SCOPE_PERIOD.fullmatch(t.text):
            # "growth this year", "the ninth storm this year", "back on target next year": the
            # period a figure covers, not the date of an event; as a date it would only meet
            # other years of other figures.
            continue
        values.append(_time_value(text, t, base))
        span_value = span_until(text, t, article.published, base)
        if span_value is not None:
            values.append(span_value)

    quotes = find_quotations(text)
    quote_spans = [(q.start, q.end) for q in quotes]
    forms = _form_values(text, taken, base)
    values.extend(forms)
    taken.extend(v.span for v in forms)
    numeric = _previous_levels(text, _numeric_values(text, taken, base))
    values.extend(numeric)
    taken.extend(v.span for v in numeric)
    repeats = _repeat_counts(text, taken, base) + _decade_ages(text, taken, base)
    values.extend(repeats)
    taken.extend(v.span for v in repeats)
    values = _changes_to_levels(text, values)
    values = _trailing_bounds(text, values)
    values = _elided_lengths(text, values)
    past = _past_dates(dates, article.published, text)
    if past or (dates and _past_dates(dates, article.published, text, since=True)):
        # The sentence is about an earlier event ("a magnitude 7.4 quake in December 2023"):
        # its figures are that event's, never a second report of this one's; keyed by that
        # (Not keyed by that event's year: "a launch built in 1998" / "built in 2004" is one
        # disputed fact of this story's vessel, and a year in the key would hide it.)
        # Only the figures a past date governs: "Seidl, 61, who took over in 2021" dates her
        # appointment, not her age (see ``date_scope``).
        values = [replace(v, key=f"{v.key}:past")
                  if v.type in ("count", "quantity") and v.key and any(_governs(text, d, v.span) for d in past)
                  else v for v in values]
        # The earlier event's own date ("since June 2020, when a launch sank") is that event's
        # date, not a second report of this one's: keyed apart like its figures.  Only dates that
        # are themselves far before publication; a sentence may date this event too.  The date
        # of "the last comparable event" has its own key already.
        limit = article.published.timestamp() - PAST_EVENT_DAYS * 86400 if article.published else None
        # A date in a "since" clause starts the span its figure covers, so that figure is this
        # story's; the date itself is still the earlier event's ("since it began easing in 2023").
        past_or_since = _past_dates(dates, article.published, text, since=True)
        values = [replace(v, key=f"{v.key}:past")
                  if v.type == "date" and v.key and limit is not None and v.high is not None and v.high < limit
                  and not v.key.endswith(":past") and v.key != "date:last-comparable"
                  and any(_governs(text, d, v.span) for d in past_or_since) else v
                  for v in values]

    places = find_places(text, taken)
    for p in find_common_anchored(text, taken + [(p.start, p.end) for p in places]):
        name = anchor_for(p.anchor, article.text or "")
        if name:
            places.append(replace(p, anchor=name))
        elif " " in p.anchor or p.anchor in _SELF_ANCHORS:
            # "north-east of the city centre", "south of the capital": a reference point every
            # report of the story shares even when it is never named; kept as written.
            places.append(replace(p, anchor=f"the {p.anchor}"))
    for p in places:
        values.append(Value(
            type="place", text=p.text, normalized=f"{p.relation} {p.anchor}", key=place_key(p.relation, p.anchor),
            precise=p.precise, qualifier=p.relation, span=(p.start, p.end), **base,
        ))
    people = find_people(text)
    for f in people:
        values.append(Value(
            type="person", text=f.text, normalized=f.name, key=f"person:{f.name.casefold()}",
            qualifier=f.role, span=(f.start, f.end), **base,
        ))
    for f in find_organizations(text):
        values.append(Value(
            type="organization", text=f.text, normalized=f.name, key=f"org:{normalize_claimant(f.name)}",
            span=(f.start, f.end), **base,
        ))
    attributions = [_as_person(a, people)
                    for a in find_attributions(text) if not _overlaps((a.start, a.start + 1), quote_spans)]
    for a in attributions:
        values.append(Value(
            type="attribution", text=a.text, normalized=normalize_claimant(a.name), key="attribution",
            qualifier=a.role, span=(a.start, a.end), **base,
        ))
    for q in quotes:
        values.append(Value(
            type="quotation", text=q.text, normalized=q.name, key="quote", span=(q.start, q.end), **base,
        ))
    claimant = _claimant(attributions)
    if claimant:
        values = [v if v.type == "attribution" else _with_claimant(v, claimant) for v in values]
    values.sort(key=lambda v: (v.span, v.type))
    return tuple(values)


# "A wave of 1.4 metres was recorded at X, and 0.6 metres at Y", "a wave of 0.4 metres, far
# smaller than the 4.6 feet measured at Y": a bare length joined to a keyed one repeats its noun.
_ELIDED_LINK = re.compile(r"(?:,\s*(?:and|but|while)?|\band|\bthan(?:\s+the)?|;)\s+(?:only\s+|just\s+)?$",
                          re.IGNORECASE)
_KEYED_LENGTH = ("length:", "height", "depth", "width", "altitude")


def _elided_lengths(text: str, values: list[Value]) -> list[Value]:
    """Lengths keyed only "distance" that repeat the measured noun of an earlier length in the
    sentence (see ``_ELIDED_LINK``), keyed like it."""
    out: list[Value] = []
    for v in values:
        if v.type == "quantity" and v.unit == "km" and v.key == "distance":
            prev = [u for u in out if u.type == "quantity" and u.unit == "km" and u.span[1] <= v.span[0]
                    and u.key.startswith(_KEYED_LENGTH)]
            if prev and v.span[0] - prev[-1].span[1] < 120 \
                    and _ELIDED_LINK.search(text, max(0, v.span[0] - 30), v.span[0]):
                v = replace(v, key=prev[-1].key)
        out.append(v)
    return out


_SELF_ANCHORS = frozenset({"capital", "city", "town", "village", "airport", "border", "coast", "port", "harbour",
                           "harbor", "island", "mainland", "epicentre", "epicenter"})
# "from 11pm to 6am", "between midnight and 6 a.m.", "9am-5pm": hours of a curfew, a cut, an
# opening.  Read as one value whose low and high are the two ends, because reports disagree on
# an end ("from midnight" against "from 11pm"), which two overlapping intervals would hide.
_SPAN_JOIN = re.compile(r"\s*(?:-|–|to|until|till|and)\s*$", re.IGNORECASE)
_SPAN_FROM = re.compile(r"\b(?P<w>from|between)\s+$", re.IGNORECASE)
SPAN_QUALIFIER = "span"
_HHMM = re.compile(r"\d\d:\d\d")


def _clock_spans(text: str, times: list[TimeExpr], base: dict) -> tuple[list[TimeExpr], list[Value]]:
    """Pairs of clock times that open and close one span, as span values; the other times."""
    rest: list[TimeExpr] = []
    spans: list[Value] = []
    i = 0
    ordered = sorted(times, key=lambda t: t.start)
    while i < len(ordered):
        t1 = ordered[i]
        t2 = ordered[i + 1] if i + 1 < len(ordered) else None
        joiner = _SPAN_JOIN.fullmatch(text, t1.end, t2.start) if t2 else None
        opener = _SPAN_FROM.search(text, max(0, t1.start - 10), t1.start)
        if (t2 is None or joiner is None or t1.low is None or t2.low is None or t1.high is None
                or t2.high is None or t1.qualifier or t1.floating != t2.floating or t1.clock != t2.clock
                or (joiner.group().strip().lower() == "and") != bool(opener and opener.group("w").lower() == "between")
                or (opener is None and joiner.group().strip().lower() not in ("-", "–", "to"))):
            rest.append(t1)
            i += 1
            continue
        lo, hi = t1.low, t2.high
        if hi <= lo:
            hi += 86400  # "from 11pm to 6am": the end is the next morning
        start = opener.start() if opener else t1.start
        label = "–".join(_HHMM.search(t.normalized).group() for t in (t1, t2))  # type: ignore[union-attr]
        event = _event_word(text, start, t2.end)
        spans.append(Value(
            type="time", text=text[start:t2.end], normalized=f"{label} {'local' if t1.floating else 'UTC'}",
            key=f"time:{event}:span" if event else "time:span", low=lo, high=hi,
            unit="clock" if t1.clock else "local" if t1.floating else "s", precise=True, qualifier=SPAN_QUALIFIER,
            span=(start, t2.end), **base,
        ))
        i += 2
    return rest, spans


def _span_ends_agree(a: Value, b: Value) -> bool:
    """Two spans of hours agree when both ends do (within the minute they are written to)."""
    alo, ahi, blo, bhi = a.low, a.high, b.low, b.high  # type: ignore[assignment]
    if a.unit != b.unit:
        alo, ahi, blo, bhi = alo % 86400, ahi % 86400, blo % 86400, bhi % 86400
    return abs(alo - blo) < 60 and abs(ahi - bhi) < 60


_SCOPE_PERIOD = re.compile(r"(?:this|next|later\s+this|earlier\s+this|the\s+coming|coming)\s+(?:year|decade|century)",
                           re.IGNORECASE)


_FROM_LEVEL = re.compile(r"\b(?:up|down|rising|falling|higher|lower|revised|cut|raised)?\s*from\s+$", re.IGNORECASE)


def _previous_levels(text: str, found: list[Value]) -> list[Value]:
    """"1.7 percent this year, down from 2.0 percent": the old level of the figure before it
    measures what that figure measures, whatever words stand next to it."""
    out: list[Value] = []
    for v in found:
        if v.type == "quantity" and out:
            prev = next((w for w in reversed(out) if w.type == "quantity" and w.unit == v.unit and w.key), None)
            if prev is not None and prev.key != v.key and _FROM_LEVEL.search(text, max(0, v.span[0] - 14),
                                                                            v.span[0]):
                v = replace(v, key=prev.key)
        out.append(v)
    return out


# Between a change and the level it led to: " to ", " cut to ", " rise to ".
_TO_LEVEL = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?to\s+$")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_CHANGE_NOUN_BETWEEN = re.compile(r"^\s*(?:[a-z]+\s+)?(?:" + "|".join(
    ("increase", "raise", "rise", "hike", "gain", "jump", "boost", "decrease", "cut", "reduction", "fall", "drop",
     "decline", "loss")) + r")\b")


def _changes_to_levels(text: str, values: list[Value]) -> list[Value]:
    """"cut by 25 basis points to 1.25%", "a quarter-point cut to 1.25 percent", "rose 0.2
    percentage points to 4.1%": a change keyed by the level it led to (``<family>:change-to:<level>``).

    The words around a change name the rate loosely ("its repurchase rate", "borrowing costs",
    "the bank's cut"), while reports of one decision agree on where it landed; two different
    rates of one story (a policy rate, banks' loan rates) land on different levels.
    """
    figures = sorted((v for v in values if v.type == "quantity" and v.unit), key=lambda v: v.span)
    renamed: dict[int, Value] = {}
    for v, w in zip(figures, figures[1:]):
        if v.unit != w.unit or w.low is None or w.high is None or v.key.endswith(":past"):
            continue
        between = text[v.span[1]:w.span[0]]
        if not _TO_LEVEL.match(between):
            continue
        if _FROM_BEFORE.search(text, max(0, v.span[0] - 6), v.span[0]):
            continue  # "from 2.9% to 2.4%": two levels, not a change and its level
        before = _words_before(text, v.span[0], 1)
        verb_before = bool(before) and (before[0].group().lower() in _CHANGE_VERBS
                                        or bool(verb_lemma(before[0].group())))
        if not (v.key.endswith(":change") or verb_before or _CHANGE_NOUN_BETWEEN.match(between)
                or _BY_BEFORE.search(text, max(0, v.span[0] - 4), v.span[0])):
            continue  # "estimated at 30% to 40%": a range written twice, not a change
        family = v.key.split(":", 1)[0] if v.key else ("percent" if v.unit == "%" else v.unit)
        level = _fmt((w.low + w.high) / 2)
        renamed[id(v)] = replace(v, key=f"{family}:change-to:{level}")
    return [renamed.get(id(v), v) for v in values]


def _form_values(text: str, taken: list[tuple[int, int]], base: dict) -> list[Value]:
    """Tallies, proportions, fractions of a unit, exchange rates and ranks (``valueforms``),
    found before plain numbers so that "5-2" is not read as a range or "ninth" skipped."""
    out: list[Value] = []
    used = list(taken)
    found = (find_rates(text) + find_fractions(text) + find_tallies(text) + find_proportions(text)
             + find_ranks(text) + find_categories(text) + find_side_counts(text)
             + find_condition_counts(text) + find_compound_counts(text))
    for f in found:
        if _overlaps((f.start, f.end), used):
            continue
        v = _form_value(text, f, base)
        if v is not None:
            out.append(v)
            used.append(v.span)
            # Each side of a vote tally, comparable with another report's side count.
            out.extend(_form_value(text, side, base) for side in tally_sides(text, f))  # type: ignore[misc]
    return out


def _form_value(text: str, f: Form, base: dict) -> Value | None:
    span = (f.start, f.end)
    if f.kind == "fraction":
        u = unit_at(text, f.end - len(f.unit) - 1) if f.unit != "percentage point" else None
        unit = u.unit if u is not None else unit_at(" percentage point", 0).unit  # type: ignore[union-attr]
        q_words, q_kind, q_start = _qualifier(text, f.start)
        return _quantity(text, q_start if q_words else f.start, f.end, f.low, f.high, q_words, q_kind, unit.family,
                         unit.canonical, unit.factor, 0.0, True, base, label_value=f.low)
    if f.kind == "proportion":
        hn = _head_noun(text, f.end)
        word = hn[0] if hn else _context_word(text, f.start, f.end)
        q_words, q_kind, q_start = _qualifier(text, f.start)
        lo, hi = f.low, f.high
        if q_kind not in (None, "about"):
            lo = hi = (f.low + f.high) / 2  # "more than half": a bound on the share itself
        lo, hi = apply_qualifier(q_kind, lo, hi, integer=False)
        label = f.label if q_kind in (None, "about") else _label(q_kind, f.label.lstrip("≈"), lo, hi, True)
        return Value(type="quantity", text=text[q_start if q_words else f.start:f.end], normalized=label,
                     key=f"percent:{word}" if word else "", low=lo, high=hi, unit="%", precise=True,
                     qualifier=q_words or "about", span=(q_start if q_words else f.start, f.end), **base)
    if f.kind == "tally":
        return Value(type="quantity", text=text[f.start:f.end], normalized=f.label, key=f"tally:{f.about}",
                     low=f.low, high=f.high, unit="tally", precise=True, span=span, **base)
    if f.kind == "rate":
        return Value(type="quantity", text=text[f.start:f.end], normalized=f.label, key=f"fx:{f.about.lower()}",
                     low=f.low, high=f.high, unit=f.unit, precise=True, span=span, **base)
    if f.kind == "category":
        return Value(type="quantity", text=text[f.start:f.end], normalized=f.label, key="category",
                     low=f.low, high=f.high, unit="category", precise=True, span=span, **base)
    if f.kind == "count":
        # Side, condition and compound counts (valueforms): a plain count keyed by the form.
        about = ":".join(noun_lemma(w) for w in f.about.split(":"))
        return Value(type="count", text=text[f.start:f.end], normalized=f.label, key=about,
                     low=f.low, high=f.high, precise=True, span=span, **base)
    if f.kind == "rank":
        return Value(type="quantity", text=text[f.start:f.end], normalized=f.label,
                     key=f"rank:{noun_lemma(f.about)}", low=f.low, high=f.high, unit="rank", precise=True,
                     span=span, **base)
    return None


# How often something happened: "twice", "three times", "12 times" — not a multiplier
# ("three times as many", "twice the size", "five times higher").
_REPEAT_RE = re.compile(
    r"\b(?:(?P<twice>twice|thrice)|(?P<n>\d{1,3}|" + "|".join(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"])
    + r")\s+times)\b(?!\s+(?:as|the|that|more|less|fewer|over|higher|lower|larger|bigger|smaller|"
    r"greater|faster|slower|longer|shorter|what|its|their|his|her)\b)(?!-)", re.IGNORECASE)


# Verbs that never say what recurred ("cited twice" does: a citation is what happened).
_NOT_REPEATED = frozenset({"say", "tell", "be", "have", "do", "accord", "add", "note", "know"})


def _repeat_counts(text: str, taken: list[tuple[int, int]], base: dict) -> list[Value]:
    """Counts of occurrences, keyed by the verb of what recurred ("cited ... twice" →
    ``occurrence:cite``); without a verb there is no saying what recurred, so no value."""
    out = []
    for m in _REPEAT_RE.finditer(text):
        if _overlaps(m.span(), taken):
            continue
        if m.group("twice"):
            n = 2.0 if m.group("twice").lower() == "twice" else 3.0
        else:
            num = parse_number(m.group("n"))
            if num is None:
                continue
            n = num.value
        verb = next((lem for w in _words_before(text, m.start(), 8)
                     if (lem := verb_lemma(w.group())) and lem not in _NOT_REPEATED), None)
        if not verb:
            continue
        out.append(Value(
            type="count", text=m.group(), normalized=_fmt(n), key=f"occurrence:{verb}", low=n, high=n,
            unit=None, precise=True, qualifier=None, span=m.span(), **base,
        ))
    return out


# How far before publication a stated date puts its sentence in another, earlier event.
# A general reading of news prose (a report's own event lies days, not a year, back), not
# fitted to any data.
# "5 or more", "100 km/h or higher": a floor written after the figure.
_OR_MORE = re.compile(r"\s+(?:or|and)\s+(?:more|greater|higher|above|over|stronger|larger)\b", re.IGNORECASE)
# "aftershocks of magnitude 5 or more", "gusts of 100 km/h or more", "quakes above 6": the floor
# names a class of things (a threshold), not a measurement of this event.
_CLASS_OF = re.compile(r"\b(?:of|above|over|exceeding)\s+(?:(?:a\s+)?magnitude\s+)?$", re.IGNORECASE)


def _trailing_bounds(text: str, values: list[Value]) -> list[Value]:
    """Figures followed by "or more": a class threshold after "of" ("aftershocks of magnitude
    5 or more") is dropped, since it measures nothing and would only be set against this
    event's figures; otherwise the figure is a floor ("five or more people died" → ≥5)."""
    out: list[Value] = []
    for v in values:
        if v.type not in ("count", "quantity") or v.span == (0, 0) or not _OR_MORE.match(text, v.span[1]):
            out.append(v)
            continue
        if _CLASS_OF.search(text[max(0, v.span[0] - 30) : v.span[0]]):
            continue
        if v.qualifier or not v.precise or v.low is None or v.high is None:
            out.append(v)
            continue
        unit = f" {v.unit}" if v.unit and v.type == "quantity" and v.unit not in v.normalized else ""
        out.append(replace(v, low=v.low, high=math.inf, qualifier="or more", normalized=f"≥{v.normalized}{unit}"))
    return out


PAST_EVENT_DAYS = 365
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)
_SPAN_START = re.compile(r"^(?:since|from|until|till|through|by)\b", re.IGNORECASE)


# A story's first report may come a day or two after its event (overnight, across zones, a
# weekly or a follow-up wire): only a date that ends more than this many days before the first
# report is clearly another, earlier event.  Three days is a judgement, not a fit: the labelled
# sets (benchmarks/data/claims, claims-heldout) give the same figures with 1 to 7 days.
EARLIER_EVENT_MARGIN_DAYS = 3


def _event_tag(d: TimeExpr, published: datetime | None) -> str:
    """The earlier event's own date as part of a key: its month when within a year of
    publication ("2026-09"), else its year ("2001"), so that two earlier events never meet."""
    when = datetime.fromtimestamp(d.high, timezone.utc)  # type: ignore[arg-type]
    recent = published is not None and d.high > published.timestamp() - PAST_EVENT_DAYS * 86400  # type: ignore[operator]
    return f"{when.year:04d}-{when.month:02d}" if recent else f"{when.year:04d}"


def _past_key(key: str, tag: str) -> str:
    base = key[: -len(":past")] if key.endswith(":past") else key
    return f"{base}:{tag}:past"


def earlier_events(
    values: Sequence[Value], articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]],
) -> list[Value]:
    """``values`` with the figures of sentences about an event before the story keyed apart.

    ``extract_values`` sees one article and keys ":past" only what lies a year back; over a
    story, a sentence dated clearly before the story's first report ("shaken by a magnitude
    5.8 quake on September 14", "two weeks after a 6.9 quake struck on Oct 6") is about an
    earlier event, and its figures are that event's.  Each earlier event is keyed by its own
    date (":2026-09:past", ":2001:past") so that two earlier events do not meet each other;
    a follow-up that dates this event (after the first report) keeps its keys.
    """
    firsts = [a.published.timestamp() for a in articles if a.published is not None]
    if not firsts:
        return list(values)
    limit = min(firsts) - EARLIER_EVENT_MARGIN_DAYS * 86400
    by_id = {a.id: a for a in articles}
    values_at: dict[tuple[str, int], list[Value]] = {}
    for v in values:
        values_at.setdefault((v.article_id, v.sentence_index), []).append(v)
    tags: dict[tuple[str, int], tuple[str, list[TimeExpr], datetime | None]] = {}
    for aid, ss in sentences.items():
        article = by_id.get(aid)
        if article is None:
            continue
        for sentence in ss:
            if not _DATE_HINT_EARLY.search(sentence.text):
                continue
            dates = find_dates(sentence.text, article.published)
            before = [d for d in dates if _past_date(d, sentence.text, dates, limit)]
            if before and _introduces_event(sentence.text, values_at.get((aid, sentence.index), ())):
                tags[(aid, sentence.index)] = (sentence.text, before, article.published)
    out = []
    for v in values:
        tag = None
        if (v.article_id, v.sentence_index) in tags:
            # The earliest date that governs the figure (see ``date_scope``); none: this event's.
            text, before, published = tags[(v.article_id, v.sentence_index)]
            own = [d for d in before if _governs(text, d, v.span)]
            tag = _event_tag(min(own, key=lambda d: d.high), published) if own else None
        if tag and v.key and not v.key.endswith(":past") and (
            v.type in ("count", "quantity")
            or (v.type == "date" and v.high is not None and v.high < limit and v.key != "date:last-comparable")
        ):
            v = replace(v, key=_past_key(v.key, tag))
        out.append(v)
    return out


# "a magnitude 5.8 quake", "an 8.4 earthquake": an indefinite article right before a figure.
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)


def _introduces_event(text: str, values: Sequence[Value]) -> bool:
    """Whether a figure of the sentence sits in an indefinite noun phrase ("shaken by a
    magnitude 5.8 quake on September 14"): the indefinite article brings in a new referent,
    while the story's own event and its periods are definite ("the first round on May 3",
    "the quarter ended Sept. 30") even when dated before the first report."""
    for v in values:
        if v.type not in ("count", "quantity") or v.span == (0, 0):
            continue
        if _INDEFINITE_BEFORE.search(text[max(0, v.span[0] - 30) : v.span[0]]):
            return True
    return False


# Every date pattern needs a digit, a month or a relative word; most sentences have none.
_DATE_HINT_EARLY = re.compile(r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day\b|week|month|year|ago",
                              re.IGNORECASE)


_BARE_WEEKDAY = re.compile(r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?"
                           r"(?:\s+(?:morning|afternoon|evening|night))?", re.IGNORECASE)


# "a loss of $312 million, compared with a profit of $455 million a year ago", "up from 3.1% a
# year earlier": a relative date in a comparison dates the figure compared with, not the event
# the sentence reports.  Only relative dates: "compared with the 2004 quake, which killed ..."
# does tell an earlier event.
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against|up\s+from|down\s+from|than)\b"
                              r"[^.;]{0,60}$", re.IGNORECASE)
_RELATIVE_DATE = re.compile(r"(?:an?|one|two|three)\s+(?:years?|quarters?|months?)\s+(?:ago|earlier|before)$|"
                            r"(?:in\s+)?(?:the\s+same\s+\w+\s+)?(?:of\s+)?last\s+year$|the\s+previous\s+year$",
                            re.IGNORECASE)


def _comparison_date(d: TimeExpr, text: str) -> bool:
    return bool(_RELATIVE_DATE.search(d.text.strip())) and bool(
        _COMPARED_BEFORE.search(text, max(0, d.start - 80), d.start))


def _past_date(d: TimeExpr, text: str, dates: list[TimeExpr], limit: float) -> bool:
    """Whether ``d`` dates the sentence to an event before ``limit`` (see ``_past_dates``).
    A bare weekday is not enough: it names a day of the week around publication, and its
    direction (last or next) is a guess ("trains would run on Tuesday")."""
    if _BARE_WEEKDAY.fullmatch(d.text.strip()) or _comparison_date(d, text) or _since_clause(text, d):
        return False
    spans = any(_SPAN_OPEN.search(text, max(0, e.start - 10), e.start) for e in dates)
    return (
        d.high is not None and d.high < limit
        and (not _SPAN_START.match(d.text) or bool(_WHEN_AFTER.match(text, d.end)))
        and not (spans and bool(_SPAN_PART.search(text, max(0, d.start - 10), d.start)))
    )


def _past_dates(dates: list[TimeExpr], published, text: str = "", *, since: bool = False) -> list[TimeExpr]:
    """The dates of ``dates`` that date the sentence to an event far before publication ("in
    2019", "in December 2023"); "since 2023" starts a span that reaches the present, so it does
    not, unless a "when" clause tells the earlier event ("the strongest since June 2001, when a
    magnitude 8.4 quake ..."); nor does a "since" clause (``_since_clause``) unless ``since``."""
    if published is None:
        return []
    limit = published.timestamp() - PAST_EVENT_DAYS * 86400
    # "built between March 2021 and November 2023", "made from 2019 to 2022": a period that
    # describes the things counted, not an earlier event the sentence is about.
    spans = any(_SPAN_OPEN.search(text, max(0, d.start - 10), d.start) for d in dates)
    return [
        d for d in dates
        if d.high is not None and d.high < limit
        and (not _SPAN_START.match(d.text) or _WHEN_AFTER.match(text, d.end))
        and not (spans and _SPAN_PART.search(text, max(0, d.start - 10), d.start))
        and not _comparison_date(d, text)
        and (since or not _since_clause(text, d))
    ]


# "has cut rates by 375 basis points since it began easing in mid-2023": a date in a "since"
# clause starts a span that reaches the present, like "since 2023" itself.
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,8}$", re.IGNORECASE)


def _since_clause(text: str, d: TimeExpr) -> bool:
    """Whether ``d`` sits in a "since" clause with a verb of its own ("since it began easing in
    2023"); "the largest since a five-day walkout in 2015" names the last comparable event,
    an earlier event whose figures stay apart."""
    m = _SINCE_CLAUSE.search(text, max(0, d.start - 70), d.start)
    if not m or _MODIFIER_BREAK.search(text, m.start(), d.start) or _WHEN_AFTER.match(text, d.end):
        return False
    words = text[m.start():d.start].split()[1:]
    return any(
        verb_lemma(w.lower()) and not w.lower().endswith("ing")
        and (i == 0 or words[i - 1].lower() not in _DETERMINERS)
        for i, w in enumerate(words)
    )


_SPAN_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_SPAN_PART = re.compile(r"\b(?:from|between|to|and|until|till|through)\s+$", re.IGNORECASE)


# Where a date sits in a modifier of one noun, it dates that noun, not the sentence's figures:
# "Seidl, who took over in 2021, has staked ...", "The scheme that unravelled in 2023 took in
# $23.6m from 112 clients", "Founded in 1991, BBR runs 58 branches", "a vessel built in 1998,
# was licensed to carry 120 passengers", "fell to 14 seats, four fewer than in 2024".  Only the
# figures inside that modifier (and a "when" clause hung on its date: "than in 2024, when it held
# 18") belong to the earlier time.  Hand-written (no parser offline): the modifier opens at a
# relative pronoun, a "than" or an origin participle, and closes at the next comma
# (a non-restrictive clause) or at the date itself (a restrictive one, whose noun's own verb
# follows it).
_MODIFIER_OPEN = re.compile(
    r"(?P<comma>,\s*)?\b(?P<w>who|whom|whose|which|that|than|"
    # The participles that date a thing's origin ("built in 1998", "founded in 1991"): a
    # standing fact of the thing, not an event the sentence reports.
    r"(?:built|founded|established|opened|constructed|launched|created|formed|incorporated|born|"
    r"set(?:\s+up)?|completed|acquired|listed|elected|appointed|named|hired|introduced|adopted|enacted|"
    r"signed|inaugurated|commissioned|installed|designed|made))\b",
    re.IGNORECASE)
# Not the comma of "6,000" nor the colon of "9:05".
_MODIFIER_BREAK = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()\u2013\u2014]|\s-\s")
# "said that in 2019 ...": a reporting verb's complement is the report itself, not a modifier.
_THAT_COMPLEMENT = re.compile(
    r"\b(?:said|says|say|told\s+\w+|announced|reported|added|stated|warned|noted|confirmed|claimed|"
    r"argued|showed|shows|found|believes?d?|estimated|expected|hoped|feared|knew|know|agreed|admitted|"
    r"insisted|suggested|revealed|explained|acknowledged)\s+$", re.IGNORECASE)
# Auxiliaries before a participle make it the sentence's own verb ("was built in 1998").
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PARTICIPLES = ("built", "founded", "established", "opened", "constructed", "launched", "created", "formed",
                "incorporated", "born", "set", "completed", "acquired", "listed", "elected", "appointed", "named",
                "hired", "introduced", "adopted", "enacted", "signed", "inaugurated", "commissioned", "installed",
                "designed", "made")


# The last preposition or verb before a noun phrase: where the phrase a restrictive clause
# modifies begins ("an 18% increase in | fuel prices that took effect ...").
_NP_BOUNDARY = re.compile(
    r".*\b(?:of|in|on|at|for|from|with|by|to|against|about|over|after|before|during|into|"
    r"is|are|was|were|be|been|has|have|had|[a-z]+ed|said|says)\s+", re.IGNORECASE | re.DOTALL)
_INDEFINITE_SUBJECT = re.compile(r"\s*(?:an?|another)\s+[^,;:()]*$", re.IGNORECASE)
_WHICH_AFTER = re.compile(r"\s*,\s*(?:which|who|where)\b", re.IGNORECASE)


def date_scope(text: str, d: TimeExpr) -> tuple[int, int]:
    """The span of ``text`` whose figures the date ``d`` dates: the modifier it sits in (see
    ``_MODIFIER_OPEN``), or the whole sentence when it sits in the main clause."""
    segment_start = 0
    for b in _MODIFIER_BREAK.finditer(text, 0, d.start):
        segment_start = b.end()
    opener = None
    for m in _MODIFIER_OPEN.finditer(text, max(0, segment_start - 3), d.start):
        w = m.group("w").lower()
        if w == "that" and _THAT_COMPLEMENT.search(text, max(0, m.start("w") - 30), m.start("w")):
            continue
        if w.split()[0] in _PARTICIPLES and (
                _AUXILIARY.search(text, max(0, m.start("w") - 30), m.start("w"))
                or not re.match(r"\s+(?:\w+\s+){0,3}?(?:in|on|during|last|this)\b", text[m.end("w"):d.start + 1])):
            continue  # "was built in 1998", "completed the sale ...": the clause's own verb
        opener = m
    if opener is None or _INDEFINITE_SUBJECT.match(text[: opener.start()]):
        # "A similar bridge, which collapsed in 2018, killed 43 people": a subject brought in by
        # an indefinite article is another, earlier thing; the whole sentence is its.
        return (0, len(text))
    start = opener.start("w")
    if opener.group("w").lower() == "set":
        # "the previous record of 47.4C, set in August 2021": what is set is a level, the
        # figure of the noun phrase the participle hangs on, so that phrase is dated too.
        start = segment_start
        if opener.group("comma"):
            breaks = [b.end() for b in _MODIFIER_BREAK.finditer(text, 0, opener.start())]
            start = breaks[-1] if breaks else 0
    restrictive = not opener.group("comma") and opener.start() != segment_start and \
        opener.group("w").lower() in ("who", "whom", "whose", "which", "that")
    end = d.end
    if restrictive:
        # A restrictive clause picks out its noun phrase, so the figures of that phrase are the
        # dated thing's ("the magnitude 8.4 quake that struck in 2001").  In the subject ("The
        # fund that collapsed in 2022 took in $40m") the sentence's own verb follows the date;
        # later in the sentence the clause runs on to its end ("... in 2001, killing 70").
        np = _NP_BOUNDARY.search(text, segment_start, opener.start())
        start = np.end() if np else segment_start
        if np is not None or segment_start > 0:
            end = len(text)
    else:
        b = _MODIFIER_BREAK.search(text, d.end)
        end = b.start() if b else len(text)
    # "the march in April 2025, which drew about 35,000": a clause hung on the dated noun
    # phrase is that time's, as a "when" clause is.
    when = _WHEN_AFTER.match(text, d.end) or _WHICH_AFTER.match(text, d.end)
    if when:
        b = _MODIFIER_BREAK.search(text, when.end())
        end = b.start() if b else len(text)
    return (start, end)


def _governs(text: str, d: TimeExpr, span: tuple[int, int]) -> bool:
    """Whether date ``d`` dates the figure at ``span`` (see ``date_scope``)."""
    lo, hi = date_scope(text, d)
    return span == (0, 0) or lo <= span[0] and span[1] <= hi


_DECADE_AGE = re.compile(
    r"\bin\s+(?:his|her|their)\s+(?:(?P<part>early|mid|late)[\s-]*)?"
    r"(?:(?P<d>[1-9]0)['’]?s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
    re.IGNORECASE)
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                 "eighties": 80, "nineties": 90}
# The thirds of a decade as speakers use them: "early 40s" 40-43, "mid-40s" 43-46, "late 40s"
# 46-49 (overlapping by a year: the words are not exact).
_DECADE_PART = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}
_DECADE_NOUN = re.compile(r"\b(?P<noun>[a-z]+)\s+$")
_DECADE_WHO = re.compile(r"\b(?P<noun>[a-z]{3,}),?\s+who\s+(?:is|was)\s+(?:now\s+|still\s+)?$")
_DECADE_NAME = re.compile(r"(?P<name>[A-Z][\w'’-]{1,40}),?\s+(?:who\s+(?:is|was)\s+(?:now\s+|still\s+)?)?$")


def _decade_ages(text: str, taken: list[tuple[int, int]], base: dict) -> list[Value]:
    """"A man in his 60s" (60-69), "X, who is in her late 40s" (46-49): an age interval, keyed
    like "a 48-year-old man" (``age:man``) or "X, 48," (``age:x``)."""
    out = []
    for m in _DECADE_AGE.finditer(text):
        span = m.span()
        if _overlaps(span, taken):
            continue
        noun = _DECADE_NOUN.search(text, max(0, span[0] - 40), span[0])
        name = _DECADE_NAME.search(text, max(0, span[0] - 60), span[0])
        if noun and noun.group("noun") not in STOPWORDS and not verb_lemma(noun.group("noun")):
            key = f"age:{noun_lemma(noun.group('noun'))}"
        elif name and name.group("name").lower() not in STOPWORDS:
            key = f"age:{name.group('name').lower()}"
        elif (who := _DECADE_WHO.search(text, max(0, span[0] - 60), span[0])) and who.group("noun") not in STOPWORDS:
            key = f"age:{noun_lemma(who.group('noun'))}"  # "The woman, who was in her 70s"
        else:
            key = ""  # "he is in his 50s": whose age is not said here; meets only the same figure
        d = float(m.group("d")) if m.group("d") else float(_DECADE_WORDS[m.group("w").lower()])
        part = (m.group("part") or "").lower() or None
        lo, hi = d + _DECADE_PART[part][0], d + _DECADE_PART[part][1]
        out.append(Value(
            type="quantity", text=text[span[0]:span[1]], normalized=f"{_fmt(lo)}–{_fmt(hi)} yr",
            key=key, low=lo, high=hi + 1 - 1e-9, unit="yr", precise=True,
            qualifier=part, span=span, **base,
        ))
    return out


def _as_person(a: Found, people: list[Found]) -> Found:
    """An attribution to a titled person names the person: "Chief Cabinet Secretary X said" → X,
    so that "X said" elsewhere is the same claimant."""
    for p in people:
        if p.name and p.name in a.name and len(p.name) < len(a.name):
            return replace(a, name=p.name)
    return a


def _claimant(attributions: list[Found]) -> str | None:
    """The sentence's claimant: the reporting subject, else the source it cites."""
    direct = [a for a in attributions if a.role not in ("citing", "quoting")]
    chosen = direct[0] if direct else (attributions[0] if attributions else None)
    return normalize_claimant(chosen.name) if chosen else None


def _with_claimant(v: Value, claimant: str) -> Value:
    return replace(v, claimant=claimant)


def _time_value(text: str, t: TimeExpr, base: dict) -> Value:
    event = _event_word(text, t.start, t.end)
    # With no event word, an empty key: such dates only meet identical dates (the claims stage
    # groups key-less values by their normalised form), never conflict with other dates.
    key = f"{t.type}:{event}" if event else ""
    if comparison_date(text, t):
        # Whatever the verb, the date of the last comparable event: "date:last-comparable".
        key = "date:last-comparable"
    elif key and _UNTIL_BEFORE.search(text, max(0, t.start - 12), t.start):
        # "signed on Saturday ... until June 2030": the end of a span, not when it happened.
        key += ":until"
    return Value(
        type=t.type, text=t.text, normalized=t.normalized, key=key, low=t.low, high=t.high,
        unit=("clock" if t.clock else "local" if t.floating else "s") if t.low is not None else None,
        precise=t.precise,
        qualifier=t.qualifier,
        span=(t.start, t.end), **base,
    )


# ---------------------------------------------------------------- comparison

_TIMELIKE = frozenset({"date", "time"})
# Vague quantifiers are conventions, not bounds ("several" is usually 3-7, yet reports say
# "several" of two): a vague count or quantity is compared with a factor-2 tolerance, so that
# "two" against "several" is compatible but divergent, and "dozens" against 28,500 is not.
VAGUE_TOLERANCE = 2.0


def _loose(v: Value) -> tuple[float, float]:
    lo, hi = v.low, v.high  # type: ignore[assignment]
    if v.precise or v.type not in ("count", "quantity"):
        return lo, hi  # type: ignore[return-value]
    return (lo / VAGUE_TOLERANCE if lo > 0 else lo), (hi * VAGUE_TOLERANCE if hi > 0 else hi)


def same_key(a: Value, b: Value) -> bool:
    """Whether two values measure the same thing: the same non-empty key and type.

    A time is not the same key as its day ("date:launch" vs "time:launch"): a second source
    for the day does not confirm the hour.
    """
    return bool(a.key) and a.key == b.key and a.type == b.type


def compatible(a: Value, b: Value) -> bool | None:
    """Whether two values can both be true; None when they are not comparable.

    Overlapping intervals agree (a vague value that overlaps a precise one is compatible; the
    caller reads ``precise`` to call that a divergence); disjoint intervals disagree; two
    different bearings to one anchor disagree; different types, units or anchors, and
    unresolved dates, are not comparable.
    """
    if a.type != b.type and not {a.type, b.type} <= _TIMELIKE:
        return None
    if a.type in ("count", "quantity") or a.type in _TIMELIKE:
        if None in (a.low, a.high, b.low, b.high):
            return None
        if a.qualifier == b.qualifier == SPAN_QUALIFIER and a.type == b.type == "time":
            return _span_ends_agree(a, b)
        alo, ahi = _loose(a)
        blo, bhi = _loose(b)
        if "utcclock" in (a.unit, b.unit) and a.type == b.type == "time":
            # A clock reading put in UTC by the story's zone (zones.py) against an instant or
            # another such reading: compare the time of day, around midnight too.
            if not {a.unit, b.unit} <= {"utcclock", "s"}:
                return None
            return _day_circle_overlap((alo, ahi), (blo, bhi))
        if "clock" in (a.unit, b.unit) and a.type == b.type == "time" and a.unit != b.unit:
            if "s" in (a.unit, b.unit):
                return True  # a clock reading with no day or zone fits some offset of any instant
            # A clock reading against a dated wall-clock time: compare the time of day.
            alo, ahi = (alo % 86400, ahi % 86400) if a.unit == "local" else (alo, ahi)
            blo, bhi = (blo % 86400, bhi % 86400) if b.unit == "local" else (blo, bhi)
            if alo > ahi or blo > bhi:
                return True  # wraps midnight: too rare to judge
        elif {a.unit, b.unit} == {"local", "s"} and a.type in _TIMELIKE and b.type in _TIMELIKE:
            # A wall-clock time against an instant: compatible when some UTC offset in use
            # turns the one into the other.
            if a.unit == "local":
                alo, ahi = alo - ANYWHERE[1] * 3600, ahi - ANYWHERE[0] * 3600
            else:
                blo, bhi = blo - ANYWHERE[1] * 3600, bhi - ANYWHERE[0] * 3600
        elif (a.unit or "") != (b.unit or ""):
            return None
        return alo <= bhi and blo <= ahi
    if a.type == "place":
        if a.key != b.key:
            return None
        return not relations_conflict(_relation(a), _relation(b))
    if a.type == "person":
        if a.key != b.key:
            return None
        return not _roles_conflict(a.qualifier, b.qualifier)
    if a.type == "quotation":
        x, y = a.normalized, b.normalized
        return x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} "
    if a.type in ("organization", "attribution"):
        return True if normalize_words(a.normalized) == normalize_words(b.normalized) else None
    return None


def _day_circle_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two intervals overlap as times of day (seconds, modulo one day)."""
    day = 86400.0
    if a[1] - a[0] >= day or b[1] - b[0] >= day:
        return True
    start = b[0] - (b[0] // day) * day + (a[0] // day) * day
    return any(a[0] <= start + k * day + (b[1] - b[0]) and start + k * day <= a[1] for k in (-1, 0, 1))


def _relation(v: Value) -> str:
    """A place value's relation: its qualifier, else its normalised text without the anchor."""
    if v.qualifier:
        return v.qualifier
    anchor = v.key.split(":")[1] if v.key.count(":") >= 1 else ""
    norm = v.normalized.casefold()
    return norm[: norm.rfind(anchor)].strip() if anchor and anchor in norm else norm


_FORMER = re.compile(r"\b(?:former|ex|then)\b", re.IGNORECASE)


def _roles_conflict(a: str | None, b: str | None) -> bool:
    """"Former President" against "President" for one person: a change of status."""
    if not a or not b:
        return False
    fa, fb = bool(_FORMER.search(a)), bool(_FORMER.search(b))
    if fa == fb:
        return False
    core = lambda r: set(normalize_words(_FORMER.sub(" ", r)).split())  # noqa: E731
    return bool(core(a) & core(b))
