"""Line-level removal of web-page leftovers from plain-text articles.

Text copied out of a web page keeps the page's furniture: app banners, ratings, share and
subscribe prompts, photo captions, bylines, crumbs, cookie notices and trailing lists of
other headlines.  trafilatura cannot help once the HTML is gone, so this module judges
each line by general cues -- length, whether it ends a sentence, position relative to the
headline and the first paragraph of prose, list markers, credit patterns and a small
vocabulary of interface words -- and records a reason for every removal.

Decisions:
- The headline is the longest title-like line above the first prose paragraph; it goes to
  ``Article.title`` and is not part of the body text.
- Short non-prose lines above the headline are page header (masthead, slogan, banner).
- Section headings inside the article (short title-case lines between prose) are kept.
- Bylines and date-only lines are removed (their facts are read by ``metadata`` first).

Thresholds (word counts) were set on the project's own labelled pages in
tests/data/leftovers (and checked against trafilatura's output on AEB), never on the seeds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import metadata

# A prose paragraph: enough words to be a sentence of news text, ending like one.
PROSE_MIN_WORDS = 10
# A heading or headline is short; above this a line without a full stop is a paragraph.
TITLE_MAX_WORDS = 22
# Where a headline is sought: the page header rarely runs longer than this many lines.
HEADER_MAX_LINES = 15
# Items of a "Related"/"Sources" list are headlines or one-line teasers, not paragraphs.
LIST_ITEM_MAX_WORDS = 25
# Interface lines are short; longer lines with UI words are sentences about apps.
UI_MAX_WORDS = 8

# Chinese and Japanese have no spaces: two characters count as one word, about their
# average word length, so that length cues work across scripts.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]{{1,2}}|[^\W_{_CJK}]+(?:['’.-][^\W_{_CJK}]+)*")
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)\]」』）]*)$")
_INNER_SENTENCE = re.compile(r"[a-z]{2,}[.!?][\"'”’]?\s+[\[(]?[A-Z]")
# Addressed to the reader wherever it stands in the line: "Tell us via our form."
_READER_PROMPT = re.compile(
    r"(?:^|[.?!]\s+)(?:Tell us|Get in touch|Contact us|Email us|Let us know|Write to us|Send us)\b|"
    r"^(?:Do|Did|Are|Have) you (?:have|know|see|work|a current)\b.*\?|^If you (?:have been|are|were) (?:affected|struggling)\b|"
    r"^(?:Disclaimer|DISCLAIMER)\b|^(?:Note|NOTE|Editor'?s [Nn]ote)\s*:",
)
# "By" in other languages, only when names alone follow ("Von der Leyen said" is a sentence).
_FOREIGN_BYLINE = re.compile(r"^(?:Von|Por|Par|Door|Di|Av|Af|Od|Przez)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}$")
_CONTRIBUTED = re.compile(r"\bcontributed (?:reporting )?to this (?:report|story|article)\b|^Additional reporting by\b", re.I)
# "A sentence. (Club Media)": a short Title-Case credit in brackets closing a caption.
_BRACKET_CREDIT = re.compile(r"[.!?]\s*\((?:[A-Z][\w'’.&-]*\s?){1,4}\)$")
_HANDLES = re.compile(r"^(?:[@#][\w.]+[\s,;|]*)+$")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d\b|\b(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2}\b")
_LIST_MARKER = re.compile(r"^\s*(?:[-*•●▪◦–]|\d{1,2}[.)])\s+")

# Words that make up page furniture.  A short line made mostly of these is interface.
_UI_WORDS = frozenset(
    """
    share shares shared sharing tweet email e-mail print copy link links facebook twitter x whatsapp
    linkedin reddit telegram pinterest flipboard messenger threads bluesky instagram youtube tiktok
    download app apps install open subscribe subscribed subscription subscriptions unsubscribe sign
    signin signup login logout log register menu search close home advertisement advertisements ad ads
    advertising sponsored comments comment reply replies follow following followers like likes listen
    play pause video videos audio podcast podcasts gallery photo photos image images view views more
    read next previous prev back top skip content main navigation newsletter newsletters alert alerts
    notifications notification save saved bookmark accept cookies cookie settings manage preferences
    store google apple premium trial click tap icon logo e-paper epaper edition account feedback
    continue reading show hide expand collapse full screen fullscreen enlarge caption toggle
    rate rating ratings reviews review stars star get now here free today update updated loading
    rss feed feeds contact support donate membership member members login/register
    """.split()
)
_NEUTRAL = frozenset("up in on to the our us for this a an of and or with by your you it is all".split())

_RATING = re.compile(r"[★☆✩✭✮⭐]|\b\d(?:\.\d)?\s*(?:/\s*5|out of 5|stars?)\b", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:accept|consent|privacy|brows\w*|website|site|experience|agree|polic\w*|settings|personali[sz]\w*|partners)\b",
    re.I,
)
_CTA_START = re.compile(
    r"^(?:Sign (?:up|in)|Subscribe\b(?! (?:numbers|figures|rates|growth|base))|Follow (?:us|our|the|@|\w+ on)|"
    r"Download (?:the|our|it|now|free|for|on|from|this)\b|Get (?:the|our|breaking|the latest|unlimited|free|access|alerts|news)|"
    r"Join (?:us|our|the conversation|the discussion)|Share (?:this|on|via|your)|Click\b|Tap (?:here|to|on|the (?:button|icon|link))|"
    r"Register (?:now|today|here|for free|to|for)\b|Like us|Support (?:our|us|independent)|"
    r"Become a|Don'?t miss|Never miss|Stay (?:up to date|informed|updated|in the know|connected)|Want (?:more|to)|"
    r"(?:Enjoy(?:ed)?|Liked?|Loved?) (?:this|our|reading|what you)|Already a|Have a (?:news )?tip|Got a (?:news )?tip|Send us|Contact us|Email us|"
    r"Listen to (?:this|the|our)|Sign-up|Create (?:a|an|your) (?:free )?account|Log in|Read (?:the full|our|more)|"
    r"Watch (?:the|our|live|more)|Got a (?:story|question)|Have a (?:story|question)|Contact (?:our|the) (?:newsdesk|newsroom|team)|Tell us|"
    r"Try (?:it|our)|Start your|Upgrade|Unlock|Thank you for reading|Thanks for reading|"
    r"If you (?:value|enjoy|like)|This (?:content|article|story) is (?:for|available)|You have (?:\d+|reached)|"
    r"Receive|Add us|Turn on|Allow notifications|Open in app|Continue (?:in|with) (?:the )?app)",
    re.I,
)
_CTA_TARGET = re.compile(
    r"\b(?:newsletters?|inbox|apps?|e-?mails?|updates|alerts|notifications|channel|podcasts?|subscri\w*|account|"
    r"membership|members?|free trial|whatsapp|telegram|facebook|twitter|instagram|youtube|tiktok|linkedin|"
    r"google news|premium|us|tips?|journalism|reading|articles?|stories|briefing|digest|edition|reporting|comments?|friends?|thoughts)\b",
    re.I,
)
_STUB = re.compile(
    r"^(?:Watch|Read(?: more| also| next)?|Also read|See also|Related|More|Listen|Video|Podcast|Gallery|Photos|"
    r"Explainer|Live(?: updates)?|Recommended|Latest|Trending|Must read|Don'?t miss|Advertisement|Sponsored|"
    r"Opinion|Analysis|Background|Interactive|Graphic|In pictures|Quiz|Poll|Newsletter|Breaking)\b[^.:]{0,40}:",
    re.I,
)
_LIST_LABEL = re.compile(
    r"^(?:Sources?|References|Bibliography|Related(?: (?:articles?|stories|news|coverage|content|topics|links|reading|posts|videos))?|"
    r"More (?:from|on|in|stories|news|like this|about|to read|headlines|videos)\b.*|Read (?:more|next|also)(?: stories)?|"
    r"Most (?:read|popular|viewed|shared|watched|commented)(?: .*)?|Recommended(?: for you| reading| stories| articles)?|"
    r"You (?:may|might) (?:also )?(?:like|enjoy|be interested in|have missed)|Trending(?: now| stories| news)?|"
    r"Latest(?: news| stories| headlines| videos)?(?: .*)?|Further reading|See also|Also (?:read|on|in|see)\b.*|Top stories|Editor'?s'? picks?|"
    r"In other news|Popular(?: now| stories)?|About the (?:author|authors|writer|reporter)|What to read next|Up next|Keep reading|Don'?t miss|Around the web|"
    r"From (?:our|around|the) .*|Elsewhere .*|Other stories|Similar (?:articles|stories)|Related videos?|Watch next|"
    r"Tags?|Topics?|Filed under|Categories|Keywords|Sponsored (?:content|links|stories)|Promoted (?:content|stories|links))"
    r"\s*[:.]?$",
    re.I,
)
_TAGS = re.compile(r"^(?:Tags?|Topics?|Filed under|Categories|Category|Keywords|Labels|Subjects?)\s*:", re.I)
_BYLINE = re.compile(
    r"^(?:\(?\s*(?:By|BY|Written by|Words by|Story by|Report(?:ed)? by|Reporting by|Additional reporting by|"
    r"Editing by|Edited by|Writing by|Compiled by|Text by|Interview by|Photos? by|Video by|Fact[- ]checked by|Reviewed by)\s+)"
    r"[\w.'’ -]+",
)
_ROLE = re.compile(
    r"\b(?:correspondent|staff writer|reporter|editor|contributor|columnist|journalist|bureau chief|"
    r"senior writer|staff|writer|analyst|producer|news desk|newsdesk)\b",
    re.I,
)
_RELATIVE_TIME = re.compile(
    r"\b(?:\d+|an?|one)\s*(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s+ago\b|"
    r"\b(?:just now|yesterday|today)\b",
    re.I,
)
_READ_TIME = re.compile(
    r"\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s*(?:read|listen|watch)\b|\blisten to this (?:article|story)\b|"
    r"\b(?:estimated )?read(?:ing)? time\b|^\d{1,2}:\d{2}(?::\d{2})?$",
    re.I,
)
_CRUMB_SEP = re.compile(r"\s+(?:>|›|»|→|/|\||•|·|::)\s+|\s*(?:>|›|»|→)\s*")
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|Copyright\b)|\ball rights reserved\b|^This (?:article|story|piece) (?:was |is )?(?:first |originally )?"
    r"(?:published|appeared|produced)|^This (?:article|story|piece|report) (?:has been|was|is being) (?:updated|corrected|amended|changed)|"
    r"^A version of this (?:article|story)|^This (?:article|story|piece|report) is part of\b|^(?:Terms of (?:use|service)|Privacy policy)\b",
    re.I,
)
_ADVERT = re.compile(
    r"^(?:Advertisement|Advertising|ADVERTISEMENT|Sponsored(?: content)?|Ad|Promoted|Story continues below.*|"
    r"Article continues below.*|Continue reading (?:below|the main story).*|Scroll (?:down )?to continue.*|"
    r"Content continues below.*)$",
    re.I,
)
_CAPTION_START = re.compile(
    r"^(?:FILE PHOTO|File photo|PHOTO|Photo|Photograph|IMAGE|Image|Picture|Pictured|Above|Top|Main image|Caption|"
    r"Illustration|Graphic|Credit|Video|VIDEO|WATCH)\s*(?:\([^)]*\))?\s*[:|]",
)
_CREDIT_TAIL = re.compile(
    r"(?:"
    r"\[[^\[\]\d]{2,60}\]"  # "[AFP]", "[Getty Images]"; digits mean a citation ("[12]", "[Ch. 2]")
    r"|\((?:AP |AFP |Reuters )?(?:Photos?|Images?|Pictures?|Credit|File|Illustration|Courtesy|Supplied|Handout)\b[^()]{0,60}\)"
    rf"|\(\s*{metadata.AGENCY_LIST_PATTERN}(?:\s*(?:Photo|photo|via Getty Images)[^()]{{0,40}})?\s*\)"
    r"|(?i:photos?|photograph|images?|pictures?|credit|illustration|foto|source)\s*(?:by|:|/)\s*[^.]{2,80}"
    r"|(?i:courtesy of|supplied by|handout)\s*[^.]{0,60}"
    rf"|{metadata.AGENCY_PATTERN}/[A-Z][\w.'’ -]+"
    r"|(?:via|/|\|)\s*(?:Getty Images|Shutterstock|Alamy|EPA(?:-EFE)?|Bloomberg|Pool)[^.]{0,40}"
    r"|©\s*[^.]{2,60}"
    r"|\((?:[A-Z][\w.'’-]+\s){1,3}[A-Z][\w.'’-]+\s*/\s*[^()]{2,40}\)"  # "(Jane Roe/Agency)"
    r"|/\s*(?:Handout|Supplied|Pool|File)"
    r"|(?:Getty Images|Shutterstock|Alamy|EPA-EFE)"
    r")\s*\.?$",
)
_SYMBOLS_ONLY = re.compile(r"^[\W_]*$")


@dataclass(frozen=True)
class LineVerdict:
    """What cleaning decided about one line of the input (0-based ``index``)."""

    index: int
    text: str
    role: str  # "blank", "headline", "body", "heading", "leftover"
    reason: str | None = None


@dataclass(frozen=True)
class CleanedLines:
    lines: tuple[LineVerdict, ...]
    headline_index: int | None

    @property
    def headline(self) -> str | None:
        return None if self.headline_index is None else self.lines[self.headline_index].text

    def body(self) -> list[str]:
        return [v.text for v in self.lines if v.role in ("body", "heading")]

    def removed(self) -> list[LineVerdict]:
        return [v for v in self.lines if v.role == "leftover"]


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _ends_sentence(line: str) -> bool:
    """Ends like a sentence, looking past a closing wire credit ("... peninsula. AFP")."""
    s = line.rstrip()
    tail = metadata.trailing_credit(s)
    if tail:
        s = s[: len(s) - len(tail)].rstrip()
    return bool(_SENTENCE_END.search(s))


def is_prose(line: str) -> bool:
    """A paragraph of running text: enough words, ending like a sentence, or simply long."""
    n = len(_words(line))
    return (n >= PROSE_MIN_WORDS and _ends_sentence(line)) or n > TITLE_MAX_WORDS


def is_title_like(line: str) -> bool:
    """A headline or heading: short, no closing full stop, starting with a capital or digit."""
    s = _LIST_MARKER.sub("", line).strip()
    n = len(_words(s))
    if not (2 <= n <= TITLE_MAX_WORDS):
        return False
    if s.endswith((".", ":", ",", ";")) and not s.endswith("..."):
        return False
    if _INNER_SENTENCE.search(s):
        return False  # two sentences (a caption, a teaser) are not a title
    first = s.lstrip("\"'“‘«(")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


_BYLINE_LOWER_OK = frozenset(
    "by and in for with staff reporting editing writing additional compiled written reported edited "
    "de da di van von der den le la du of the at from via".split()
)


def _mostly_names(line: str) -> bool:
    """Names, roles and dates, not a sentence: "By Tuesday, rescuers had..." fails this."""
    lower = [w for w in _words(line) if w[:1].islower() and w.casefold() not in _BYLINE_LOWER_OK]
    return len(lower) <= 1 and not _ROLE.search(line.split(" ", 1)[0])


def _ui_ratio(line: str) -> tuple[int, float]:
    words = [w.lower() for w in _words(re.sub(r"\d+(?:[.,]\d+)?[kKmM]?", " ", line))]
    content = [w for w in words if w not in _NEUTRAL]
    if not content:
        return 0, 0.0
    ui = sum(1 for w in content if w in _UI_WORDS)
    return len(content), ui / len(content)


def _is_crumbs(line: str) -> bool:
    if line.lstrip().startswith("|"):
        return False  # a table row ("| 1 | Name | 5040 |"), which is article content
    parts = [p.strip() for p in _CRUMB_SEP.split(line) if p.strip()]
    arrows = bool(re.search(r"[>›»→]", line))
    if len(parts) < (2 if arrows else 3):
        return False
    if sum(bool(re.fullmatch(r"[\d.,:%+-]+", p)) for p in parts) * 2 >= len(parts):
        return False  # mostly figures: a table row or a score line, not navigation
    return all(len(_words(p)) <= 4 and not _ends_sentence(p) for p in parts)


def _is_date_only(line: str) -> bool:
    """A line that carries a date or time and a label, nothing else ("Updated 3 hours ago")."""
    s = metadata.DATE_WITH_YEAR_PATTERN.sub(" ", line)
    s = metadata.DATE_NO_YEAR_PATTERN.sub(" ", s)
    s = _RELATIVE_TIME.sub(" ", s)
    s = _NUMERIC_DATE.sub(" ", s)
    if s == line:
        return False
    s = re.sub(metadata.WEEKDAY_PATTERN, " ", s)
    s = re.sub(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{4}\b|\b[A-Z]{2,4}\b", " ", s)
    s = re.sub(
        r"\b(?:published|posted|updated|last|first|modified|date|on|at|am|pm|local time|time|edited|created|uhr|h)\b",
        " ",
        s,
        flags=re.I,
    )
    return len(_words(s)) == 0


def _is_dated_label(line: str) -> bool:
    """A date line with a short label beside it: "Updated: Oct 7, 2026 | Morning Desk"."""
    parts = [p.strip() for p in line.split("|") if p.strip()]
    if len(parts) < 2 or not any(_is_date_only(p) for p in parts):
        return False
    return all(
        _is_date_only(p) or (len(_words(p)) <= 5 and not _ends_sentence(p) and p[:1].isupper())
        for p in parts
    )


def line_reason(line: str) -> str | None:
    """Why ``line`` is page furniture wherever it stands, or None.  Position rules come later."""
    s = line.strip()
    if not s:
        return None
    words = _words(s)
    n = len(words)
    if _SYMBOLS_ONLY.match(s) or (n <= 1 and len(s) <= 2):
        return "interface symbol"
    if _HANDLES.match(s):
        return "social media handle"
    if _COOKIE.search(s) and _COOKIE_CONTEXT.search(s):
        return "cookie notice"
    if _RATING.search(s) and n <= UI_MAX_WORDS + 4:
        return "app banner / store rating"
    if metadata.is_credit_only(s):
        return "wire credit line"
    if _ADVERT.match(s):
        return "advertisement marker"
    if _TAGS.match(s):
        return "tags / topics"
    if _BYLINE.match(s) and n <= 20 and _mostly_names(s):
        return "byline / reporting credit"
    if _FOREIGN_BYLINE.match(s):
        return "byline / reporting credit"
    if _CONTRIBUTED.search(s) and n <= 40:
        return "byline / reporting credit"
    if n <= 10 and _ROLE.search(s) and not _ends_sentence(s) and ("|" in s or "," in s or n <= 5):
        return "byline / reporting credit"
    if _READ_TIME.search(s) and n <= UI_MAX_WORDS:
        return "reading time / media control"
    if n <= 14 and not is_prose(s) and (_is_date_only(s) or _is_dated_label(s)):
        return "date line"
    if _CAPTION_START.match(s) or (n >= 4 and _CREDIT_TAIL.search(s) and not metadata.find_dateline(s)):
        return "photo caption"
    if _COPYRIGHT.search(s) and n <= 40:
        return "copyright / republication note"
    if _STUB.match(s) and n <= 15 and not (n > 8 and _ends_sentence(s)):
        return "link stub"
    if _CTA_START.match(s) and _CTA_TARGET.search(s) and n <= 40:
        return "call to action (subscribe / follow / share)"
    if _READER_PROMPT.search(s) and n <= 40:
        return "note to readers (tips, help lines, disclaimers)"
    if s.endswith(("→", "»", "›", "▶", "➔")) and n <= 15:
        return "link stub"
    if _is_crumbs(s):
        return "navigation crumbs"
    if n <= UI_MAX_WORDS and not _ends_sentence(s):
        content, ratio = _ui_ratio(s)
        if content and ratio > 0.5:
            return "interface text"
    return None


def unwrap(text: str) -> str:
    """Join hard-wrapped lines (plain-text mail and wire feeds wrap at ~70 columns).

    Every judgement here is per line, so a paragraph broken into fragments would look like
    a run of headings.  Text counts as hard-wrapped when most lines are long, similar in
    length and do not end a sentence; then the lines of each blank-line-separated block
    are joined.  Anything else is returned unchanged.
    """
    lines = [l.rstrip() for l in text.splitlines()]
    nonblank = [l for l in lines if l.strip()]
    if len(nonblank) < 6:
        return text
    long_open = [l for l in nonblank if 50 <= len(l) <= 100 and not _ends_sentence(l)]
    widths = sorted(len(l) for l in nonblank)
    p90 = widths[int(0.9 * (len(widths) - 1))]
    if len(long_open) < 0.5 * len(nonblank) or p90 > 100:
        return text
    blocks, current = [], []
    for l in lines:
        if l.strip():
            current.append(l.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return "\n\n".join(blocks)


def classify_lines(text: str) -> CleanedLines:
    """Decide for every line of ``text`` whether it is headline, body, heading or leftover.

    Line indices refer to ``text`` as given, unless it was hard-wrapped (see ``unwrap``).
    """
    raw_lines = unwrap(text).splitlines()
    lines = [" ".join(l.split()) for l in raw_lines]
    reasons: list[str | None] = [line_reason(l) for l in lines]
    nonblank = [i for i, l in enumerate(lines) if l]

    def free(i: int) -> bool:
        return bool(lines[i]) and reasons[i] is None

    # The first prose paragraph anchors everything: the header lies above it.
    first_prose = next((i for i in nonblank if free(i) and is_prose(lines[i])), None)
    header_end = first_prose if first_prose is not None else (nonblank[-1] + 1 if nonblank else 0)
    header = [i for i in nonblank[:HEADER_MAX_LINES] if i < header_end]

    # Headline: the longest title-like free line in the header; ties go to the earlier.
    headline = None
    best = 0
    for i in header:
        if free(i) and is_title_like(lines[i]) and not _LIST_MARKER.match(lines[i]):
            n = len(_words(lines[i]))
            if n >= 3 and n > best:
                headline, best = i, n
    if headline is not None:
        for i in header:
            if i < headline and free(i) and not is_prose(lines[i]):
                reasons[i] = "page header above the headline"
    for k, i in enumerate(header):
        if i == headline or not free(i):
            continue
        if (metadata.trailing_credit(lines[i]) or _BRACKET_CREDIT.search(lines[i])) and len(
            _words(lines[i])
        ) <= 20 and not metadata.find_dateline(lines[i]):
            # Above the text, "A sentence. Agency" is a picture and its credit.
            reasons[i] = "photo caption"
            continue
        n = len(_words(lines[i]))
        if n <= 1:
            # A lone word between headline and text is a section or place label.
            reasons[i] = "page header label"
        elif n <= 4 and is_title_like(lines[i]):
            # A bare name next to a byline or date line is the byline's author.
            near = [header[j] for j in (k - 1, k + 1) if 0 <= j < len(header)]
            if any(reasons[j] in ("byline / reporting credit", "date line") for j in near):
                reasons[i] = "byline / reporting credit"

    # Labelled lists ("Sources:", "Related", "More from ...") after the article starts:
    # the label and the headline-like items under it go, until prose resumes.
    if first_prose is not None:
        i = first_prose + 1
        while i < len(lines):
            l = lines[i]
            if l and _LIST_LABEL.match(l) and len(_words(l)) <= 7:
                reasons[i] = reasons[i] or "related / sources list"
                j = i + 1
                while j < len(lines):
                    m = lines[j]
                    if m:
                        n = len(_words(m))
                        if n > LIST_ITEM_MAX_WORDS or (is_prose(m) and not _LIST_MARKER.match(m)):
                            break  # running text again: the list has ended
                        reasons[j] = reasons[j] or "related / sources list"
                    j += 1
                i = j
            else:
                i += 1

        # A closing reporting credit ("Reporting by ...; Editing by ...") ends the article:
        # what follows it, sentence or not, is the page's footer.
        closing = [
            i for i in nonblank
            if i > first_prose and reasons[i] in ("byline / reporting credit", "wire credit line")
        ]
        if closing and not any(free(j) and is_prose(lines[j]) for j in nonblank if j > closing[-1]):
            for j in nonblank:
                if j > closing[-1] and free(j):
                    reasons[j] = "footer after the closing credit"

        # Trailing lines after the last sentence of the article that are not sentences
        # (stray headlines, names, tags) are page furniture: a heading with nothing under
        # it is not article text.  A list introduced by a colon is kept.
        last_sentence = max(
            (i for i in nonblank if free(i) and i >= first_prose and (_ends_sentence(lines[i]) or is_prose(lines[i]))),
            default=first_prose,
        )
        tail = [i for i in nonblank if i > last_sentence and free(i)]
        intro_colon = lines[last_sentence].endswith(":")
        for i in tail:
            if _LIST_MARKER.match(lines[i]) and intro_colon:
                continue
            reasons[i] = "trailing lines after the article"

    verdicts: list[LineVerdict] = []
    for i, l in enumerate(lines):
        if not l:
            verdicts.append(LineVerdict(i, l, "blank"))
        elif i == headline:
            verdicts.append(LineVerdict(i, l, "headline"))
        elif reasons[i] is not None:
            verdicts.append(LineVerdict(i, l, "leftover", reasons[i]))
        elif is_title_like(l) and not is_prose(l):
            verdicts.append(LineVerdict(i, l, "heading"))
        else:
            verdicts.append(LineVerdict(i, l, "body"))
    return CleanedLines(tuple(verdicts), headline)
