"""Figures that news writes in a form of their own, not as "<number> <unit>".

Each finder returns :class:`Form` records (span, interval, unit, a label and the word that
says what the figure is about); ``values`` turns them into ``Value`` records and keys them.

* tallies      "voted 5-2", "a 6-1 vote", "won 3-1": a pair of counts, compared as a pair;
* proportions  "one in three trains", "two out of five voters": a share, in percent;
* fractions    "a quarter of a percentage point", "half a mile", "a half-point cut": a
               fraction of a unit;
* rates        "32.80 per dollar", "USD/THB touching 32.91": an exchange rate, currency per
               currency;
* categories   "a Category 4 hurricane": a storm's level on its scale;
* ranks        "the ninth storm to hit X this year", "its second cut this year": the rank of
               a counted noun in a series;
* side counts  "98 against", "121 votes in favour", "11 abstentions": one side of a vote;
* conditions   "11 of them seriously", "eight were in serious condition": the part of a count
               in a stated condition, keyed by the condition;
* compounds    "a five-member committee", "a 12-person jury": a count written as a hyphenated
               modifier, keyed by the counted noun and the noun it describes.

Hand-written (regular expressions over the sentence) because no installed library reads
these forms; each pattern is an English construction of news prose, not a topic's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lemminflect import getAllLemmas

from .numbers import STOPWORDS, UNITS, parse_number, verb_lemma
from .units import CURRENCY_SYMBOLS, CURRENCY_WORDS, unit_at

__all__ = ["Form", "find_tallies", "find_proportions", "find_fractions", "find_rates", "find_ranks",
           "find_categories", "find_side_counts", "tally_sides", "find_condition_counts", "find_compound_counts"]


@dataclass(frozen=True)
class Form:
    kind: str  # "tally", "proportion", "fraction", "rate", "rank"
    start: int
    end: int
    low: float
    high: float
    label: str  # the normalised figure as shown ("5–2", "33.33 %", "rank 9")
    about: str  # what the figure is about: "vote", a counted noun, a currency code ("" if unknown)
    unit: str = ""  # for fractions: the unit text matched; for rates: "per USD"


# ---------------------------------------------------------------- tallies

# Words that make "5-2" a vote or a score and not a range: before the pair ("voted 5-2", "won
# 3-1", "by a 6-1 margin") or after it ("a 6-1 vote", "a 2-0 win").
_VOTE_WORDS = (r"vote|votes|voted|voting|ballot|ruling|ruled|decision|decided|majority|verdict|split|margin|"
               r"passed|approved|rejected|confirmed|adopted|backed|endorsed|upheld|overturned|struck")
_SCORE_WORDS = (r"won|win|wins|winning|beat|beats|beating|beaten|defeated|defeat|defeating|lost|lose|loses|losing|"
                r"drew|draw|drawing|victory|score|scored|scoreline|lead|led|leading|edged|edging|edge|thrashed|"
                r"thrashing|routed|trounced|downed|overcame|stunned|held|hammered")
_TALLY_RE = re.compile(r"(?<![\w.,/:–-])(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?![\w/:%–-]|[.,]\d)")
# The cue may stand a few lower-case words before the pair ("passed the bill 52-48").
_TALLY_BEFORE = re.compile(rf"\b(?P<w>{_VOTE_WORDS}|{_SCORE_WORDS})\b(?:\s+[a-z]+){{0,3}}\s*$", re.IGNORECASE)
# A score verb and its object team, whose name may be several capitalised words ("beating
# Real Sociedad 2-1", "led Grêmio Serrano 1-0 at half-time").
_SCORE_TEAM_BEFORE = re.compile(rf"\b(?P<w>{_SCORE_WORDS})\s+(?:the\s+)?(?:[A-Z][\w'’.&-]*\s+){{1,4}}$")
_TALLY_AFTER = re.compile(rf"\s+(?:[a-z]+\s+)?(?P<w>{_VOTE_WORDS}|{_SCORE_WORDS})\b", re.IGNORECASE)
_VOTE_RE = re.compile(rf"^(?:{_VOTE_WORDS})$", re.IGNORECASE)


# "by 121 votes to 96", "voted 121 to 96": a tally written out with "to"; a cue word before it
# is required (without one, "from 10 to 15" is a range).
_TALLY_TO_RE = re.compile(r"(?<![\w.,/:–-])(?P<a>\d{1,3})\s+(?:votes?\s+)?to\s+(?P<b>\d{1,3})(?![\w/:%–-]|[.,]\d)")


_INTERIM = re.compile(r"\s+(?:at|by|going\s+into)\s+(?:the\s+)?(?:half[\s-]?time|the\s+break|the\s+interval|"
                      r"the\s+end\s+of\s+the\s+(?:first|second|third)\s+(?:half|period|quarter|set|innings))\b",
                      re.IGNORECASE)


def find_tallies(text: str) -> list[Form]:
    """Vote tallies and scores.  The pair is ordered larger first: "5-2" and "2-5" report one
    tally (which side won is told by the words, not by the order)."""
    out = []
    hyphen = [(m, True) for m in _TALLY_RE.finditer(text)]
    spelled = [(m, False) for m in _TALLY_TO_RE.finditer(text)]
    for m, may_follow in hyphen + spelled:
        before = (_TALLY_BEFORE.search(text, max(0, m.start() - 40), m.start())
                  or _SCORE_TEAM_BEFORE.search(text, max(0, m.start() - 60), m.start()))
        after = _TALLY_AFTER.match(text, m.end()) if may_follow else None
        cue = before or after
        if not cue:
            continue  # "10-15 basis points", "1997-2001": a range, not a tally
        a, b = int(m.group("a")), int(m.group("b"))
        hi, lo = max(a, b), min(a, b)
        # One number stands for the pair so that interval comparison tells pairs apart;
        # 1000 exceeds any side the pattern reads (three digits).
        code = float(hi * 1000 + lo)
        about = "vote" if _VOTE_RE.match(cue.group("w")) else "score"
        if about == "score" and _INTERIM.match(text, m.end()):
            # "led 1-0 at half-time": the score of part of a game, which the final score (2-1)
            # does not contradict.
            about = "score:interim"
        out.append(Form("tally", m.start(), m.end(), code, code, f"{hi}–{lo}", about))
    return out


# Which side won a vote, told by the verb: a tally "by 121 votes to 96" gives the larger side to
# the winner.  General verbs of adopting and rejecting, not words of any topic.
_VOTE_PASSED = re.compile(r"\b(?:approv|pass|adopt|back|endors|ratif|carri|won\b|wins?\b|elected)\w*",
                          re.IGNORECASE)
_VOTE_FAILED = re.compile(r"\b(?:reject|defeat|vot(?:ed|es|ing) down|turned down|fail|block|lost\b|sank\b)\w*",
                          re.IGNORECASE)


def tally_sides(text: str, tally: Form) -> list[Form]:
    """The two sides of a vote tally as side counts ("approved by 121 votes to 96" → 121
    ``vote:favour``, 96 ``vote:against``), so that a tally can be set against a side count
    another report gives ("98 against").  None when the sentence does not say whether the
    motion passed or failed (or says both), since the larger side is the winner's."""
    if tally.kind != "tally" or tally.about != "vote":
        return []
    passed, failed = bool(_VOTE_PASSED.search(text)), bool(_VOTE_FAILED.search(text))
    if passed == failed:
        return []
    hi, lo = divmod(int(tally.low), 1000)
    win, lose = ("favour", "against") if passed else ("against", "favour")
    return [Form("count", tally.start, tally.end, float(hi), float(hi), f"{hi}", f"vote:{win}"),
            Form("count", tally.start, tally.end, float(lo), float(lo), f"{lo}", f"vote:{lose}")]


# ---------------------------------------------------------------- proportions

_SMALL = "|".join(sorted(UNITS, key=len, reverse=True))
_PROPORTION_RE = re.compile(
    rf"(?<![\w.,-])(?P<k>\d{{1,3}}|{_SMALL})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<n>\d{{1,4}}|{_SMALL}|ten)\b"
    r"(?![.,]\d)",
    re.IGNORECASE,
)
# A stated ratio is a rounded figure ("one in three" for 31% or 35%): it is read with the
# same hedge as "about" (numbers.HEDGE).
_RATIO_HEDGE = 0.05


# "half of the voters", "a third of homes", "two-thirds of parliament", "three quarters of the
# city": a fraction of a whole, as a share.
_PART_WORDS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
               "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
_PART_OF_RE = re.compile(
    r"(?<![\w-])(?:(?P<n>a|one|two|three|four)[\s-]+)?(?P<f>half|thirds?|quarters?|fifths?|tenths?)\s+of\s+"
    r"(?!an?\s)(?=(?:the|its|their|his|her|all|[a-z]+)\b)",
    re.IGNORECASE,
)


# "the first half of the year", "the other half", "its northern third": a part named, not a share.
_PART_OF_NOT = re.compile(r"\b(?:the|its|their|his|her|first|second|last|other|top|bottom|upper|lower|"
                          r"northern|southern|eastern|western|latter|former)\s+(?:\w+\s+)?$", re.IGNORECASE)


# "rents have climbed by a third", "cut by half": a change by a fraction of the level, as the
# percentage a report with digits writes ("risen 33%").
_PART_BY_RE = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbing|jumped|increased|increasing|grown|grew|growing|fell|fallen|"
    r"falling|dropped|declined|cut|reduced|slashed|shrunk|shrank|expanded|raised|lowered|up|down)\s+by\s+"
    r"(?P<part>(?:(?P<n>a|one|two|three)[\s-]+)?(?P<f>half|thirds?|quarters?|fifths?|tenths?))\b"
    r"(?!\s+of\b|[\s-]+(?:a\s+)?(?:percentage|point))",
    re.IGNORECASE,
)


def _part_share(n_word: str | None, word: str) -> float | None:
    """The share in percent that "two-thirds" or "a quarter" names; None when the words do not
    make a fraction as written ("two third", "a thirds")."""
    word = word.lower()
    n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, None: 1}[(n_word or "").lower() or None]
    if word == "half" and n_word and n != 1:
        return None
    if word.endswith("s") and n < 2 or not word.endswith("s") and n > 1 and word != "half":
        return None
    share = 100.0 * n * _PART_WORDS[word]
    return share if share < 100 else None


def find_proportions(text: str) -> list[Form]:
    """"one in three", "two out of five", "1 in 4", "a third of", "two-thirds of": a share, as a
    percentage; "climbed by a third": a change, as a percentage."""
    out = []
    for m in _PART_BY_RE.finditer(text):
        share = _part_share(m.group("n"), m.group("f"))
        if share is None:
            continue
        out.append(Form("proportion", m.start("part"), m.end("part"), share * (1 - _RATIO_HEDGE),
                        share * (1 + _RATIO_HEDGE), f"≈{share:.4g} %", ""))
    for m in _PART_OF_RE.finditer(text):
        word = m.group("f").lower()
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, None: 1}[(m.group("n") or "").lower() or None]
        if word == "half" and m.group("n") and n != 1:
            continue
        if word.endswith("s") and n < 2 or not word.endswith("s") and n > 1 and word != "half":
            continue  # "two third of" / "a thirds of": not a fraction as written
        share = 100.0 * n * _PART_WORDS[word]
        if share >= 100 or _PART_OF_NOT.search(text, max(0, m.start() - 25), m.start()):
            continue
        end = m.start() + m.group().rstrip().lower().rfind(" of")
        out.append(Form("proportion", m.start(), end, share * (1 - _RATIO_HEDGE), share * (1 + _RATIO_HEDGE),
                        f"≈{share:.4g} %", ""))
    for m in _PROPORTION_RE.finditer(text):
        k, n = parse_number(m.group("k")), parse_number(m.group("n"))
        if k is None or n is None or not 0 < k.value < n.value or n.value > 1000:
            continue
        if re.fullmatch(r"1[6-9]\d\d|20\d\d", m.group("n")):
            continue  # "one in 2019": a year
        share = 100.0 * k.value / n.value
        out.append(Form("proportion", m.start(), m.end(), share * (1 - _RATIO_HEDGE), share * (1 + _RATIO_HEDGE),
                        f"≈{share:.4g} %", ""))
    return out


# ---------------------------------------------------------------- fractions of a unit

_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3}
_FRACTION_RE = re.compile(
    r"(?<![\w-])(?:(?P<n>a|one|two|three)[\s-]+)?(?P<f>half|quarters?|thirds?)\s+(?:of\s+)?(?:an?\s+)",
    re.IGNORECASE,
)
# "a quarter-point cut", "a half-point rise": the rate-setters' shorthand for a fraction of a
# percentage point.
_POINT_RE = re.compile(r"(?<![\w-])(?P<f>half|quarter)[\s-]+(?:percentage[\s-]+)?point\b", re.IGNORECASE)


def find_fractions(text: str) -> list[Form]:
    """"a quarter of a percentage point", "half a mile", "three quarters of an hour" as a
    fraction times the unit (the caller converts the unit); "a quarter-point cut" as 0.25 of a
    percentage point."""
    out = []
    for m in _FRACTION_RE.finditer(text):
        u = unit_at(text, m.end() - 1)
        if u is None:
            continue
        mult = {"a": 1, "one": 1, "two": 2, "three": 3, None: 1}[(m.group("n") or "").lower() or None]
        f = mult * _FRACTIONS[m.group("f").lower()]
        if f >= 1:
            continue
        out.append(Form("fraction", m.start(), u.end, f, f, m.group(), "", text[m.end():u.end]))
    for m in _POINT_RE.finditer(text):
        if any(m.start() < f.end and f.start < m.end() for f in out):
            continue
        f = _FRACTIONS[m.group("f").lower()]
        out.append(Form("fraction", m.start(), m.end(), f, f, m.group(), "", "percentage point"))
    return out


# ---------------------------------------------------------------- exchange rates

_CURRENCY_NAMES = "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
_CODES = "|".join(sorted({c for c in CURRENCY_SYMBOLS.values()} | {"THB", "MXN", "SGD", "HKD", "TWD", "ZAR",
                                                                    "SEK", "NOK", "DKK", "PLN", "IDR", "PHP",
                                                                    "MYR", "VND", "BRL", "TRY", "ILS", "NZD"}))
_PER_RE = re.compile(
    rf"(?<![\w.,])(?P<x>\d{{1,6}}(?:\.\d+)?)\s+(?:per|to\s+the|to\s+one|against\s+the|a)\s+"
    rf"(?:(?:U\.?S\.?|US|American)\s+)?(?P<cur>{_CURRENCY_NAMES})\b",
    re.IGNORECASE,
)
_PAIR_RE = re.compile(rf"\b(?P<base>{_CODES})\s?/\s?(?P<quote>{_CODES})\b")
_PAIR_FIGURE = re.compile(r"(?:\s+[a-z]+){0,3}?\s+(?:at\s+|to\s+|of\s+)?(?P<x>\d{1,6}\.\d+)\b")


def find_rates(text: str) -> list[Form]:
    """Exchange rates: "32.80 per dollar", "1.08 against the euro", "USD/THB at 32.91".

    The rate is keyed by the currency it is quoted against (the one after "per", or the base
    of a pair, which market convention writes first): a story about one currency quotes it
    against one other.
    """
    out = []
    for m in _PER_RE.finditer(text):
        code = CURRENCY_WORDS[m.group("cur").lower()]
        x = float(m.group("x"))
        r = _rounding(m.group("x"))
        out.append(Form("rate", m.start(), m.end(), x - r, x + r, f"{m.group('x')} per {code}", code, f"per {code}"))
    for m in _PAIR_RE.finditer(text):
        fig = _PAIR_FIGURE.match(text, m.end())
        if not fig:
            continue
        if any(fig.start("x") < f.end and f.start < fig.end("x") for f in out):
            continue
        code = m.group("base")
        x = float(fig.group("x"))
        r = _rounding(fig.group("x"))
        out.append(Form("rate", fig.start("x"), fig.end("x"), x - r, x + r, f"{fig.group('x')} per {code}", code,
                        f"per {code}"))
    return out


def _rounding(raw: str) -> float:
    return 0.5 * 10 ** -(len(raw.split(".", 1)[1])) if "." in raw else 0.5


# ---------------------------------------------------------------- categories

# "a Category 4 hurricane", "category-five cyclone": the storm scales (Saffir-Simpson and the
# regional scales built like it) write their level so.
_CATEGORY_RE = re.compile(r"\b[Cc]ategory[\s-](?P<n>[1-5]|one|two|three|four|five)\b(?![.,]\d)")


def find_categories(text: str) -> list[Form]:
    out = []
    for m in _CATEGORY_RE.finditer(text):
        n = parse_number(m.group("n"))
        if n is None:
            continue
        out.append(Form("category", m.start(), m.end(), n.value, n.value, f"category {n.value:g}", "category"))
    return out


# ---------------------------------------------------------------- ranks

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}
_ORD = "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th)"
# "the ninth storm to hit", "its second cut this year", "the third fatal crash of the year":
# an ordinal before a noun, then what makes it a place in a series — an infinitive of what
# happened, or the period the series runs over.
_RANK_RE = re.compile(
    rf"(?:\b(?:the|its|their|his|her|our)|\w['’]s)\s+(?P<o>{_ORD})\s+(?:[a-z][a-z-]+\s+){{0,2}}(?P<noun>[a-z][a-z-]+)"
    rf"(?=\s+(?:to\s+[a-z]+|(?:this|of\s+the|so\s+far\s+this|in\s+a|in\s+the\s+past)\s+"
    rf"(?:year|season|month|week|decade|century|row)|in\s+(?:a\s+row|succession)|since\b|so\s+far\b))",
    re.IGNORECASE,
)


_TIME_PARTS = frozenset({"time", "times", "half", "quarter", "day", "week", "month", "year", "decade", "century",
                         "hour", "minute", "season", "term", "night", "morning", "evening", "weekend"})
_INFINITIVE = re.compile(r"\s+to\s+([a-z]+)", re.IGNORECASE)


def find_ranks(text: str) -> list[Form]:
    """The rank of a counted noun in a series, keyed by the noun (the caller lemmatises)."""
    out = []
    for m in _RANK_RE.finditer(text):
        words = text[m.end("o"):m.end("noun")].lower().split()
        if any(w in STOPWORDS or verb_lemma(w) for w in words):
            continue  # "the third individual was connected": no noun phrase after the ordinal
        if m.group("noun").lower() in _TIME_PARTS:
            continue  # "the first time since", "the second day of the strike": a moment, not a count
        inf = _INFINITIVE.match(text, m.end("noun"))
        if inf and not getAllLemmas(inf.group(1).lower()).get("VERB"):
            continue  # "… to the": no infinitive of what happened
        o = m.group("o").lower()
        n = _ORDINALS.get(o)
        if n is None:
            n = int(re.match(r"\d+", o).group())
        out.append(Form("rank", m.start("o"), m.end("noun"), float(n), float(n), f"rank {n}", m.group("noun").lower()))
    return out


# ---------------------------------------------------------------- counts in forms of their own

_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
# A figure in digits ("1,200", "98") or a number word, optionally hyphenated ("twenty-seven").
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_NUMBER_WORDS})(?:-(?:{_NUMBER_WORDS}))?)"

# "98 against", "121 votes in favour", "with 11 abstentions": a side of a vote.  The figure
# itself has no noun ("98 against"), so it is keyed by the side; the sentence must be about a
# vote (a vote word nearby), or "against" would read "two against one" in any story.
_SIDE_RE = re.compile(
    rf"(?<![\w.,-])(?P<n>{_NUM})\s+(?:votes?\s+)?(?P<side>in\s+favou?r|against|abstentions?|abstained)\b",
    re.IGNORECASE,
)
_VOTE_CONTEXT = re.compile(rf"\b(?:{_VOTE_WORDS}|in\s+favou?r|abstentions?|abstained|lawmakers|deputies|MPs)\b",
                           re.IGNORECASE)


def find_side_counts(text: str) -> list[Form]:
    """One side of a vote, keyed ``vote:against`` / ``vote:favour`` / ``vote:abstention``."""
    if not _VOTE_CONTEXT.search(text):
        return []
    out = []
    for m in _SIDE_RE.finditer(text):
        n = parse_number(m.group("n"))
        if n is None:
            continue
        side = m.group("side").lower().split()[-1]
        side = {"favor": "favour", "abstentions": "abstention", "abstained": "abstention"}.get(side, side)
        out.append(Form("count", m.start(), m.end(), n.value, n.value, f"{n.value:g}", f"vote:{side}"))
    return out


# "11 of them seriously", "eight were seriously injured", "eight were in serious condition":
# the part of a count in a condition.  Keyed by the condition's adjective so that the part
# never meets the whole ("27 injured, eight of them seriously").
_MANNER = {"seriously": "serious", "critically": "critical", "severely": "severe", "gravely": "grave",
           "slightly": "slight", "lightly": "light", "badly": "bad"}
_CONDITION_RE = re.compile(
    rf"(?<![\w.,-])(?P<n>{_NUM})\s+(?:of\s+(?:them|whom|those|these)\s+|people\s+)?"
    rf"(?:(?:were|are|was|is|remain|remained|remains)\s+)?"
    rf"(?:(?P<adv>{'|'.join(_MANNER)})\b|in\s+(?P<adj>serious|critical|grave|stable|severe)\s+condition\b)",
    re.IGNORECASE,
)


def find_condition_counts(text: str) -> list[Form]:
    out = []
    for m in _CONDITION_RE.finditer(text):
        n = parse_number(m.group("n"))
        if n is None:
            continue
        cond = _MANNER[m.group("adv").lower()] if m.group("adv") else m.group("adj").lower()
        out.append(Form("count", m.start(), m.end(), n.value, n.value, f"{n.value:g}", f"condition:{cond}"))
    return out


# "a five-member committee", "a 12-person jury", "a three-judge panel": the size of a body
# written as a hyphenated modifier.  Only nouns of the members of a body: most hyphenated
# numbers name a kind, not a size ("a two-state solution", "a three-point plan", "a two-party
# system"); units ("a nine-hour debate") and ages are read elsewhere.
_MEMBER_NOUNS = "member|members|person|people|man|men|woman|women|judge|justice|seat|nation|country"
_COMPOUND_RE = re.compile(
    rf"(?<![\w.,-])(?P<n>{_NUM})-(?P<noun>(?:{_MEMBER_NOUNS}))\s+(?P<head>[a-z]+)\b", re.IGNORECASE)
_NOT_COUNTED = frozenset({"old", "odd", "plus", "fold", "way", "time", "times", "point", "percent"})


def find_compound_counts(text: str) -> list[Form]:
    out = []
    for m in _COMPOUND_RE.finditer(text):
        noun, head = m.group("noun").lower(), m.group("head").lower()
        if noun in _NOT_COUNTED or noun in _TIME_PARTS or unit_at(text, m.start("noun") - 1) is not None:
            continue
        if parse_number(noun) is not None or parse_number(f"{m.group('n')}-{noun}") is not None:
            continue  # "twenty-two ministers": one number word, not a compound
            continue
        if head in STOPWORDS or not getAllLemmas(noun).get("NOUN") or not getAllLemmas(head).get("NOUN"):
            continue
        n = parse_number(m.group("n"))
        if n is None:
            continue
        out.append(Form("count", m.start(), m.end(), n.value, n.value, f"{n.value:g}", f"{noun}:{head}"))
    return out
