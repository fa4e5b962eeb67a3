"""Who said it, who is named, and what was quoted.

* **attributions**: reporting verbs (``said``, ``told``, ``reported``, ``according to``,
  ``citing``, ``announced``, ``confirmed``...) and their subjects, found before the verb
  ("Japan's Defense Ministry confirmed"), after it (", said Yang Moo-jin") or after the
  preposition ("according to officials");
* **people and organisations**: no statistical NER model can be installed offline, so names
  come from capitalisation guided by titles ("Prime Minister Sanae Takaichi"), appositions
  ("X, a professor at Y") and organisation head words ("Ministry", "University");
* **quotations**: text inside straight or curly double quotes, « », and curly single quotes
  (headlines use them), normalised to casefolded words so that altered quotes show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    kind: str  # "attribution", "person", "organization", "quotation"
    start: int
    end: int
    text: str
    name: str  # claimant, person or organisation name, or quoted words
    role: str | None = None


_CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w-]{0,40}(?:['’][A-Z][\w-]{0,40})?)"
_CAPSEQ = rf"{_CAP}(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+|de\s+|al-)?{_CAP}){{0,8}}"
_POSS = r"['’]s"

REPORT_VERBS = (
    r"said|says|say|told|tells|reported|reports|announced|announces|confirmed|confirms|stated|"
    r"states|added|adds|noted|warned|claimed|claims|insisted|wrote|tweeted|posted|explained|"
    r"declared|disclosed|revealed|acknowledged|denied|estimated|estimates|quoted|alleged|"
    r"argued|suggested|asserted|predicted|indicated"
)
_SUBJ_WORD = r"(?:[A-Z][\w.-]{0,40}(?:['’]s)?|[a-z][\w-]{0,40}(?:['’]s)?)"
# Subject before the verb: up to 8 words back to a clause boundary, skipping an adverb or
# auxiliary between subject and verb ("also said", "has said").
BEFORE_RE = re.compile(
    rf"(?:^|[,;:—–(“\"]\s*|\b(?:that|and|but|while|as)\s+)"
    rf"(?P<subj>{_SUBJ_WORD}(?:\s+{_SUBJ_WORD}){{0,7}}?)"
    rf"(?:,\s+(?:citing|quoting|according to)\s[^,]{{1,80}},)?"
    rf"\s+(?:(?:also|later|earlier|previously|separately|again|had|has|have|further|"
    rf"[a-z]+ly)\s+)?(?P<verb>{REPORT_VERBS})\b"
)
# Subject after the verb: ', said Yang Moo-jin' / '," said the ministry'.
AFTER_RE = re.compile(
    rf"(?:[,”\"]\s*)(?P<verb>said|says|added|wrote|stated|noted|warned)\s+"
    rf"(?P<subj>(?:the\s+)?{_CAPSEQ}(?:\s+[a-z]+)?|the\s+[a-z]+(?:\s+[a-z]+)?)"
)
PREP_RE = re.compile(
    rf"\b(?P<verb>(?i:according to|citing|quoting|cited by|quoted by))\s+"
    rf"(?P<subj>(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){{0,6}}?[\w’'-]+)(?=\s*(?:[,.;:)]|$|\s+(?:as|that|which|who|on|after|before|when)\b))"
)
# Words that cannot be a claimant on their own (a verb phrase caught before "said").
_NOT_SUBJECT = frozenset(
    """it this that which who what there here they he she we i you also and or but it's""".split()
)

_CLAUSE_WORDS = frozenset({"would", "could", "will", "should", "can", "may", "might", "must", "to", "ran",
                           "went", "did", "does", "not", "never", "his", "her", "their", "its", "my", "our",
                           "your", "this", "these", "those", "he", "she", "they", "we", "i", "you", "it"})
_AUXILIARIES = frozenset({"had", "has", "have", "having", "also", "later", "earlier", "previously", "again"})
_PASSIVE = frozenset({"was", "were", "been", "be", "being", "is", "are", "widely", "not"})

# A cited source names someone: a capitalised name, or a word for people, bodies or documents.
_SOURCE_LIKE = re.compile(
    r"[A-Z]|\b(?:officials?|sources?|ministry|ministries|agency|agencies|media|police|authorit(?:y|ies)|"
    r"government|report|reports|statement|data|figures|survey|spokes(?:man|woman|person)|documents?|"
    r"analysts?|experts?|witness(?:es)?|residents?|army|military|navy|guard|service|office|department|"
    r"press|newspaper|broadcaster|council|committee)\b"
)

TITLES = (
    r"Vice President|President|Prime Minister|Deputy Prime Minister|Chief Cabinet Secretary|"
    r"Cabinet Secretary|Foreign Minister|Defen[cs]e Minister|Finance Minister|Interior Minister|"
    r"Minister|Secretary of State|Secretary-General|Secretary General|Under Secretary|"
    r"Undersecretary|Deputy Secretary|Secretary|Chancellor|Senator|Sen\.|Representative|Rep\.|"
    r"Governor|Gov\.|Mayor|Lieutenant General|Lt\. Gen\.|Major General|Maj\. Gen\.|General|Gen\.|"
    r"Admiral|Adm\.|Colonel|Col\.|Captain|Capt\.|Sergeant|Sgt\.|Dr\.|Dr|Professor|Prof\.|"
    r"Mr\.|Mr|Mrs\.|Mrs|Ms\.|Ms|Judge|Chief Justice|Justice|Ambassador|Pope|King|Queen|"
    r"Crown Prince|Prince|Princess|Sheikh|Speaker|Chairman|Chairwoman|Chair|CEO|Chief Executive|"
    r"Commissioner|Director|Inspector|Archbishop|Bishop|Cardinal|Rabbi|Imam|Emperor|Commander|"
    r"Attorney General|Police Chief|Spokesman|Spokeswoman|Spokesperson|spokesman|spokeswoman|"
    r"spokesperson|leader|Leader|chief|Chief|envoy|Envoy|lawmaker|minister|president|coach|"
    r"Deputy|Sen|Rep"
)
_NAME_WORD = r"(?:[A-Z][a-z'’]{1,40}(?:-[A-Za-z][a-z'’]{1,40})?|[A-Z]\.)"
TITLE_RE = re.compile(
    rf"(?P<pre>(?:(?:[Ff]ormer|[Ff]irst|[Tt]hen|[Aa]cting|[Ii]ncoming|[Oo]utgoing|[A-Z][\w.]{{0,40}})[\s-]){{0,3}})"
    rf"(?P<title>(?:{TITLES}))"
    rf"(?P<of>(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]{{0,40}}(?:\s+[A-Z][\w-]{{0,40}}){{0,4}}?){{0,3}})"
    rf"\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
)
_ROLE_WORD = r"(?!(?:at|of|with|for|from|in)\s+(?:the\s+)?[A-Z])[a-z][\w’'-]{0,40}"
APPOS_RE = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),\s+(?P<role>(?:a|an|the|[A-Z][\w-]{{0,40}}{_POSS})\s+"
    rf"{_ROLE_WORD}(?:\s+{_ROLE_WORD}){{0,6}})(?:\s+(?:at|of|with|for|from|in)\s+"
    rf"(?P<org>(?:the\s+)?{_CAPSEQ}))?(?=\s*[,.;:)]|\s+(?:said|says|told|who|and)\b|$)"
)
ORG_HEADS = (
    r"Ministry|Department|Agency|Council|Committee|Party|Army|Navy|Air Force|Forces|University|"
    r"Institute|Bank|Corporation|Corp\.?|Inc\.?|Ltd\.?|Company|Group|Association|Organi[sz]ation|"
    r"Commission|Union|Court|Parliament|Congress|Assembly|Senate|Staff|Guard|Police|Service|"
    r"Office|Foundation|Fund|Authority|Board|Bureau|Cent(?:er|re)|Network|News|Press|Times|Post|"
    r"Journal|Administration|Command|Coalition|Alliance|Federation|"
    r"League|Club|Society|Trust|Airlines|Airways|Motors|Holdings|Technologies|Systems|Exchange"
)
ORG_RE = re.compile(
    rf"(?<![\w’'])(?P<org>(?:{_CAP}(?:\s+{_CAP}){{0,4}}{_POSS}\s+)?(?:{_CAP}(?:\s+of(?:\s+the)?)?\s+){{0,5}}?(?:{ORG_HEADS})\b"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,6}})?)"
)
# "Maria Lopez, a professor at X, said": the name before an apposition is the subject.
APPOS_SAID_RE = re.compile(
    rf"(?P<subj>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),\s+(?:a|an|the)\s[^,;]{{1,100}},\s+"
    rf"(?:(?:also|later|earlier|further)\s+)?(?P<verb>{REPORT_VERBS})\b"
)
# Capitalised words that make a name a place or an institution, never a person.
_NOT_PERSON_WORDS = frozenset(
    """County City Township Boulevard Street Avenue Road Park School Schools High College Hospital
    Church Airport Station Bridge River Lake Mountain Island Beach Square Hall Center Centre Mall
    Highway Drive Lane Court Heights Valley Village""".split()
)
_ORG_HEAD_RE = re.compile(rf"\b(?:{ORG_HEADS})\b")
_TITLE_WORDS = frozenset(w for t in TITLES.split("|") for w in t.split())


def _strip_possessive(name: str) -> str:
    return re.sub(r"['’]s?$", "", name)


QUOTE_RE = re.compile(
    r"\"(?P<q1>[^\"]{2,}?)\"|“(?P<q2>[^”“]{2,}?)”|«\s?(?P<q3>[^»]{2,}?)\s?»"
    r"|(?<![\w])‘(?P<q4>[^‘’]*?\w[^‘’]*?)’(?![\w])"
)
_WORDS = re.compile(r"\w+")


def normalize_words(text: str) -> str:
    """Casefolded words without punctuation: the form quotations are compared in."""
    return " ".join(_WORDS.findall(text.casefold()))


def normalize_claimant(text: str) -> str:
    """A claimant as compared across articles: casefolded, no leading article or punctuation."""
    t = text.replace("’", "'").casefold().strip(" ,.;:")
    t = re.sub(r"^(?:the|a|an)\s+", "", t)
    t = re.sub(r"'s\b", "", t)
    return re.sub(r"[^\w&-]+", " ", t).strip()


def find_quotations(text: str) -> list[Found]:
    out = []
    for m in QUOTE_RE.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        words = normalize_words(inner)
        if not words:
            continue
        out.append(Found("quotation", m.start(), m.end(), m.group(), words))
    return out


def _clean_subject(subj: str) -> str | None:
    subj = subj.strip(" ,;:\"“”")
    words = subj.split()
    # "the man who police say": the subject of the reporting verb follows the relative word.
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in ("who", "which", "that", "whom", "when", "where"):
            words = words[i + 1:]
            break
    # Drop leading lower-case clause words that the lazy match could not exclude
    # ("missiles, Tokyo and Seoul" is cut at the comma already; "then the ministry").
    while words and words[0].lower() in ("then", "so", "but", "and", "yet", "now", "meanwhile", "because",
                                         "since", "if", "although", "though", "when", "as", "while", "after",
                                         "before", "until", "unless", "once"):
        words = words[1:]
    if any(w.lower() in _CLAUSE_WORDS for w in words):
        return None  # "Collins ran to the department and would say": a clause, not a subject
    # "... as officials planning ..." : a subject ends before a participle.
    for i, w in enumerate(words):
        if i and w.islower() and w.endswith("ing"):
            words = words[:i]
            break
    while words and words[-1].lower() in ("at", "in", "of", "from", "for", "on", "with", "by", "to"):
        words = words[:-1]
    if not words:
        return None
    if words[-1].lower() in _PASSIVE:
        return None  # "No damage was reported": a passive, nobody is claiming
    if words[-1].islower() and words[-1].endswith("ed"):
        return None  # "Police responded to reports": a verb, so "reports" is a noun
    if all(w.lower().endswith("ly") or w.lower() in _NOT_SUBJECT for w in words):
        return None
    if len(words) == 1 and words[0].lower() in _NOT_SUBJECT:
        return None
    if all(w.lower() in _NOT_SUBJECT for w in words):
        return None
    if all(w.lower() in _AUXILIARIES for w in words):
        return None  # "..., trade unions, had said": the auxiliary of a subject left of the comma
    return " ".join(words)


def find_attributions(text: str) -> list[Found]:
    out: list[Found] = []
    for m in PREP_RE.finditer(text):
        subj = _clean_subject(m.group("subj"))
        if subj and m.group("verb").lower() in ("citing", "quoting") and not _SOURCE_LIKE.search(subj):
            continue  # "citing inflation": a reason, not a source
        if subj:
            out.append(Found("attribution", m.start(), m.end(), m.group(), subj, m.group("verb").lower()))
    for m in AFTER_RE.finditer(text):
        subj = _clean_subject(m.group("subj"))
        if subj:
            out.append(Found("attribution", m.start("verb"), m.end(), text[m.start("verb"):m.end()], subj,
                             m.group("verb").lower()))
    for m in APPOS_SAID_RE.finditer(text):
        out.append(Found("attribution", m.start(), m.end(), m.group(), m.group("subj"), m.group("verb").lower()))
    for m in BEFORE_RE.finditer(text):
        subj = _clean_subject(m.group("subj"))
        if not subj:
            continue
        s = m.start("subj")
        if any(f.start <= s < f.end for f in out):
            continue
        out.append(Found("attribution", s, m.end(), text[s:m.end()], subj, m.group("verb").lower()))
    out.sort(key=lambda f: f.start)
    return out


_NOT_NAME_START = frozenset(
    """The A An This That These Those It He She They We In On At For And But Or As Of By From
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)


def find_people(text: str) -> list[Found]:
    out: list[Found] = []
    for m in TITLE_RE.finditer(text):
        name_words = m.group("name").split()
        of = m.group("of")
        if of:
            # "Under Secretary of Defense for Policy Elbridge Colby": the name is the last
            # two capitalised words of the run; the rest belongs to the title.
            run = (of + " " + m.group("name")).split()
            name_words = run[-2:] if len(m.group("name").split()) <= 2 else m.group("name").split()[-2:]
            of = " ".join(run[: len(run) - len(name_words)])
        while name_words and name_words[0] in _NOT_NAME_START:
            name_words = name_words[1:]
        if (not name_words or name_words[0] in _TITLE_WORDS or _ORG_HEAD_RE.search(" ".join(name_words))
                or any(w.strip("'’s") in _NOT_PERSON_WORDS or "'" in w or "’" in w for w in name_words)):
            continue  # "Chief Cabinet Secretary" alone: a title with no name after it
        name = _strip_possessive(" ".join(name_words))
        pre = m.group("pre").strip()
        pre_words = [w for w in pre.split() if w not in _NOT_NAME_START]
        role = " ".join(pre_words + [m.group("title")] + ([of.strip()] if of else []))
        start = m.start("pre") + (len(pre) - len(" ".join(pre_words)) if pre else 0)
        out.append(Found("person", start, m.end(), text[start:m.end()], name, role.strip()))
    for m in APPOS_RE.finditer(text):
        if any(f.start <= m.start("name") < f.end for f in out):
            continue
        words = m.group("name").split()
        role = m.group("role")
        last = role.split()[-1]
        if words[0] in _NOT_NAME_START or _ORG_HEAD_RE.search(m.group("name")) or any(
            w in _NOT_PERSON_WORDS for w in words) or (
            last.endswith("s") and not last.endswith("ss")
        ):
            continue  # an organisation or a plural ("Jiji Press, the projectiles") is no person
        if m.group("org"):
            role += text[m.end("role"):m.start("org")] + m.group("org")
        out.append(Found("person", m.start(), m.end(), m.group(), _strip_possessive(m.group("name")), role))
    return out


def find_organizations(text: str) -> list[Found]:
    out = []
    for m in ORG_RE.finditer(text):
        words = list(re.finditer(r"\S+", m.group("org")))
        while words and words[0].group() in _NOT_NAME_START:
            words = words[1:]
        if not words:
            continue
        start = m.start("org") + words[0].start()
        name = " ".join(w.group() for w in words)
        out.append(Found("organization", start, m.end(), text[start:m.end()], name))
    return out
