"""Places with their spatial relation: ``northeast of Pyongyang``, ``off the east coast of X``.

A place is a capitalised name (the *anchor*) after a spatial relation.  The relation is kept
because it is what reports disagree on: "north of X" and "northeast of X" name different
areas.  No gazetteer is used (none is installable offline with honest coverage); the anchor
is compared as text, so "the Sea of Japan" and "the East Sea" are different anchors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMPASS = (r"north-?north-?east|north-?north-?west|south-?south-?east|south-?south-?west|"
            r"north-?east|north-?west|south-?east|south-?west|north|south|east|west")
_REGION = (r"north-?eastern|north-?western|south-?eastern|south-?western|northern|southern|"
           r"eastern|western|central")
# A capitalised name: words that start upper-case, joined by lower-case particles.
_WORDN = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w-]{1,40}(?:['’][A-Z][\w-]{0,40})?)"  # "A", "I" start sentences
_NAME = (r"(?P<GROUP>" + _WORDN + r"(?:\s+(?:of\s+(?:the\s+)?|de\s+|del\s+|al-|la\s+|and\s+)?" + _WORDN + r"){0,8})")
PLACE_RE = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<dir>(?i:{_COMPASS}))(?:\s*(?:of|from))\s+(?:the\s+)?{_NAME.replace('GROUP', 'a1')}"
    rf"|(?P<off>(?i:off))\s+(?:the\s+)?(?:(?P<coast_dir>(?i:{_COMPASS}|{_REGION}))?\s*coast\s+of\s+(?:the\s+)?)?"
    rf"{_NAME.replace('GROUP', 'a2')}(?:['’]s?\s+(?P<coast2>(?:(?i:{_COMPASS}|{_REGION})\s+)?coast))?"
    rf"|(?P<rel>(?i:in|near|outside|inside|towards?|across|into|nearby))\s+"
    rf"(?:(?P<region>(?i:{_REGION}))\s+)?(?:the\s+)?{_NAME.replace('GROUP', 'a3')}"
    r")",
)
# Capitalised words that start a name but are not places: months, weekdays, pronoun-like
# sentence openers.  A general list, not a topic list.
NOT_PLACES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday i the a an this that it he she
    they we mr mrs ms dr""".split()
)
# Endings of nationality and regional adjectives ("Japanese", "Western", "Korean").
_ADJECTIVAL = re.compile(r"(?:ese|ern|an|ian|ish|ic|ch|i)$")
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)")
_FUNCTION_WORDS = frozenset(
    """a an the of in on at to from by for with and or but as than that which who when where while
    is was were are be been has have had will would could should may might can said says told
    after before since until during amid over under near off into toward towards across about
    this these those its their his her it they he she we also still""".split()
)
# Relations that say "close to" rather than where exactly.
# "from X" is not taken at all: it names sources and origins ("a statement from X") as often
# as places.
VAGUE_RELATIONS = frozenset({"near", "nearby", "towards", "toward", "across"})


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    relation: str  # "northeast of", "off the east coast of", "in", "near", "in northern"
    anchor: str
    precise: bool


def _compass(word: str) -> str:
    return word.lower().replace("-", "")


def find_places(text: str, taken: list[tuple[int, int]] | None = None) -> list[Place]:
    out: list[Place] = []
    for m in PLACE_RE.finditer(text):
        group = "a1" if m.group("a1") else "a2" if m.group("a2") else "a3"
        anchor = m.group(group)
        if not anchor:
            continue
        anchor = re.sub(r"['’]s?$", "", anchor).strip()
        words = anchor.split()
        if not words or words[0].lower() in NOT_PLACES:
            continue
        a_start = m.start(group)
        nxt = _NEXT_WORD.match(text, m.end(group))
        if (nxt and nxt.group(1) not in _FUNCTION_WORDS and not nxt.group(1).endswith(("ed", "ing", "ly"))
                and _ADJECTIVAL.search(m.group(group))):
            continue  # "from Japanese officials": the name modifies a noun, it is no place
        if taken and any(a_start < e and s < a_start + len(anchor) for s, e in taken):
            continue
        if m.group("dir"):
            relation = f"{_compass(m.group('dir'))} of"
        elif m.group("off"):
            coast = m.group("coast_dir") or ""
            if m.group("coast2"):
                coast = m.group("coast2").rsplit(" ", 1)[0] if " " in m.group("coast2") else ""
                relation = f"off the {_compass(coast) + ' ' if coast else ''}coast of"
            elif "coast" in m.group():
                relation = f"off the {_compass(coast) + ' ' if coast else ''}coast of"
            else:
                relation = "off"
        else:
            relation = m.group("rel").lower()
            if relation == "toward":
                relation = "towards"
            if m.group("region"):
                relation = f"{relation} {m.group('region').lower().replace('-', '')}"
        precise = relation.split()[0] not in VAGUE_RELATIONS
        out.append(Place(m.start(), m.end(), m.group(), relation, anchor, precise))
    return out


_ABBREV = {"n": "north", "s": "south", "e": "east", "w": "west", "ne": "northeast", "nw": "northwest",
           "se": "southeast", "sw": "southwest", "nne": "northnortheast", "nnw": "northnorthwest",
           "sse": "southsoutheast", "ssw": "southsouthwest"}


def normalize_relation(text: str) -> str:
    """A relation in the canonical spelling used here ("N of" → "north of", "north-east" → "northeast")."""
    words = text.lower().replace("-", "").split()
    return " ".join(_ABBREV.get(w, w) for w in words)


def relations_conflict(a: str, b: str) -> bool:
    """Whether two relations to one anchor describe different areas.

    Only relations of one kind are compared: two compass bearings ("north of" vs "northeast
    of"), two regions ("in northern" vs "in southern"), two coasts.  "near X" or "in X"
    against a bearing is a difference of detail, not of fact.
    """
    a, b = normalize_relation(a), normalize_relation(b)
    if a == b:
        return False
    ka, kb = _kind(a), _kind(b)
    return ka is not None and ka == kb


def _kind(rel: str) -> str | None:
    if rel.endswith(" of") and rel.split()[0] not in ("off",):
        return "bearing"
    if rel.startswith("off the") and rel != "off the coast of":
        return "coast"
    parts = rel.split()
    if len(parts) == 2 and parts[0] == "in":
        return "region"
    return None


# Second nouns of a place compound: "the city centre", "the town square", "the river mouth".
_COMPOUND_HEADS = r"centre|center|square|border|mouth|bank|limits|outskirts|port|harbour|harbor|airport|station"
# "west of the volcano", "50 km north of the city": a bearing from a common noun.  The noun
# stands for a place the article names elsewhere ("the Sangay volcano", "the city of Quito");
# ``anchor_for`` finds that name, and without exactly one such name the place is not read.
_COMMON_RE = re.compile(
    rf"(?<![\w-])(?P<dir>(?i:{_COMPASS}))\s+(?:of|from)\s+the\s+(?P<noun>[a-z]{{3,}})\b"
    rf"(?:\s+(?P<noun2>{_COMPOUND_HEADS})\b)?(?!\s+(?:of\s+)?[A-Z])"
)


def find_common_anchored(text: str, taken: list[tuple[int, int]] | None = None) -> list[Place]:
    """Bearings from "the <noun>"; the Place's anchor is the lower-case noun, to be resolved
    by :func:`anchor_for` against the article."""
    out = []
    for m in _COMMON_RE.finditer(text):
        if taken and any(m.start() < e and s < m.end() for s, e in taken):
            continue
        noun = m.group("noun")
        if noun in _FUNCTION_WORDS:
            continue
        if m.group("noun2"):
            noun = f"{noun} {m.group('noun2')}"
        out.append(Place(m.start(), m.end(), m.group(), f"{_compass(m.group('dir'))} of", noun, True))
    return out


def anchor_for(noun: str, article_text: str) -> str | None:
    """The one name the article gives the thing it calls "the <noun>": "the Sangay volcano",
    "Sangay volcano", "the volcano Sangay", "the <noun> of X".  None when the article names
    none, or several (then "the <noun>" could be any of them)."""
    n = re.escape(noun)
    names = set()
    for pat in (rf"{_WORDN}(?:\s+{_WORDN}){{0,3}}(?=\s+{n}\b)", rf"(?<=\b{n}\s)(?:of\s+)?{_WORDN}(?:\s+{_WORDN}){{0,3}}"):
        for m in re.finditer(pat, article_text):
            name = re.sub(r"^of\s+", "", m.group()).strip()
            words = name.split()
            # Drop sentence-initial or title words that are not part of the name ("The").
            while words and words[0].lower() in NOT_PLACES:
                words = words[1:]
            if words:
                names.add(" ".join(words))
    return next(iter(names)) if len(names) == 1 else None
