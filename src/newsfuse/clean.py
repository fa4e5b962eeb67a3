"""CLEAN stage: one raw document in, one ``Article`` out.

HTML goes through trafilatura (main text, title, site name, canonical URL) and htmldate
(original publication date); plain text goes through line-level leftover removal
(``textclean``).  Both then read what the text itself says (``metadata``: dateline, wire
credits, dates) and get a language (``language``), a content hash and a stable id.

Decisions:
- Publication date, first that answers: the container's metadata ("meta:<via>"), htmldate
  on the page ("html:htmldate"), a dated dateline ("text:dateline"), a "Published ..." line
  ("text:published-line"), a date or byline line ("text:date-line"), a full date in the
  first lines ("text:first-lines"), a photo caption's date ("text:caption": when the picture
  was taken, so last), a date in the URL path ("url").  A date without a zone is read as UTC and ``published_how`` says
  "(UTC assumed)".  A year-less date gets a year only from a base date the metadata gave
  (meta "crawled" of a WARC record or "fetched"), never from today's date.
- Article.id: meta "id" when given; else sha256 of the URL when there is one; else sha256
  of the source's file name (never its absolute path) and the content hash -- stable across
  runs and machines, and two different files with one text stay two articles.
- The headline is not part of ``Article.text``; it is ``Article.title`` unless the
  metadata gives a title.  Section headings stay in the text.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import datetime
from pathlib import PurePath

from . import metadata
from .language import detect_language
from .model import Article, RawDocument, Removal
from .textclean import classify_lines, is_prose

# trafilatura settings chosen on the AEB benchmark (benchmarks/extraction.py): precision
# mode without comments gives F1 0.967 against 0.953 for the defaults (same scorer).
TRAFILATURA_OPTIONS = {"include_comments": False, "favor_precision": True, "include_tables": True}
# Precision-mode results shorter than this are checked against recall mode, and replaced
# when they hold less than RECALL_RATIO of its text (AEB: 1 page in 181 changes, F1 +0.002).
SHORT_TEXT_CHARS = 1000
RECALL_RATIO = 0.4
# How many leading non-blank lines may carry the article's date ("a date in the first lines").
DATE_LINES = 12
# How many opening paragraphs may carry the dateline.
DATELINE_PARAGRAPHS = 3


def content_hash(text: str) -> str:
    """sha256 of the text casefolded, without punctuation, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    no_punct = "".join(ch if not unicodedata.category(ch).startswith(("P", "S")) else " " for ch in folded)
    return hashlib.sha256(" ".join(no_punct.split()).encode("utf-8")).hexdigest()


def article_id(raw: RawDocument, url: str | None, text_hash: str) -> str:
    given = raw.get("id")
    if given:
        return given
    if url:
        return hashlib.sha256(f"url:{url.strip()}".encode("utf-8")).hexdigest()[:16]
    name = PurePath(raw.source.replace("\\", "/")).name
    return hashlib.sha256(f"file:{name}\n{text_hash}".encode("utf-8")).hexdigest()[:16]


def _as_utc_note(dt: datetime, zoned: bool, how: str) -> tuple[datetime, str]:
    return dt, how if zoned else f"{how} (UTC assumed)"


def _extract_html(raw: RawDocument) -> tuple[str, dict[str, str | None]]:
    """Main text (paragraphs one per line) and page metadata; raises ValueError when empty."""
    import trafilatura

    url = raw.get("url")
    doc = trafilatura.bare_extraction(raw.content, url=url, with_metadata=True, **TRAFILATURA_OPTIONS)
    text = (doc.text if doc is not None else "") or ""
    if len(text) < SHORT_TEXT_CHARS:
        # Precision mode now and then keeps only a fragment of the article (or nothing);
        # when recall mode finds much more, the fragment was a miss.  Only short results
        # are re-checked, so the second pass costs little.  Calibrated on AEB.
        doc2 = trafilatura.bare_extraction(
            raw.content, url=url, with_metadata=True, include_comments=False, favor_recall=True
        )
        text2 = (doc2.text if doc2 is not None else "") or ""
        if len(text.strip()) < RECALL_RATIO * len(text2.strip()):
            doc, text = doc2, text2
    if not text.strip():
        raise ValueError("no article text found after cleaning (trafilatura found no main text in the page)")
    meta = {
        "title": getattr(doc, "title", None),
        "author": getattr(doc, "author", None),
        "sitename": getattr(doc, "sitename", None),
        "url": getattr(doc, "url", None),
    }
    return text, meta


def _html_date(raw: RawDocument) -> str | None:
    import htmldate

    try:
        return htmldate.find_date(raw.content, url=raw.get("url"), original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on malformed trees; a missing date is not an error
        return None


def _same_line(a: str, b: str) -> bool:
    fa, fb = content_hash(a), content_hash(b)
    if fa == fb:
        return True
    # "<h1> headline" against "<title> headline | Site name"
    na, nb = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    return len(na) >= 12 and nb.startswith(na)


def _normalise_paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.splitlines() if p.strip()]


def clean(raw: RawDocument) -> Article:
    """Clean one raw document into an Article; ValueError(reason) when no article text is left."""
    if not raw.content or not raw.content.strip():
        raise ValueError("no article text found after cleaning (the input is empty)")

    removed: list[Removal] = []
    page: dict[str, str | None] = {}
    headline: str | None = None
    dated_lines: list[str] = []
    caption_lines: list[str] = []
    if raw.kind == "html":
        text, page = _extract_html(raw)
        paragraphs = _normalise_paragraphs(text)
        if not any(is_prose(p) for p in paragraphs):
            raise ValueError("no article text found after cleaning (page is navigation only)")
        title = page.get("title")
        if title and paragraphs and _same_line(paragraphs[0], title):
            # trafilatura sometimes keeps the <h1>; the headline is the title, not body text.
            removed.append(Removal(paragraphs.pop(0), "headline (moved to title)"))
        removed.append(Removal("(page outside the main text)", "boilerplate (trafilatura)"))
        header_lines = paragraphs
    else:
        verdicts = classify_lines(raw.content)
        headline = verdicts.headline
        paragraphs = verdicts.body()
        removed.extend(Removal(v.text, v.reason or "leftover") for v in verdicts.removed())
        header_lines = [l for l in (" ".join(x.split()) for x in raw.content.splitlines()) if l]
        top = [v for v in verdicts.lines if v.role != "blank"][:DATE_LINES]
        # Date and byline lines state when the article was published; a caption's date is
        # when the picture was taken, so captions come last.
        dated_lines = [v.text for v in top if v.reason in ("date line", "byline / reporting credit")]
        caption_lines = [v.text for v in top if v.reason == "photo caption"]
        if not paragraphs:
            why = "page is navigation only" if removed else "no paragraph of text"
            raise ValueError(f"no article text found after cleaning ({why})")

    # A credit closing the last paragraph ("... peninsula. AFP") is not article text.
    credits_source = "\n".join(header_lines if raw.kind == "text" else paragraphs)
    if paragraphs:
        tail = metadata.trailing_credit(paragraphs[-1])
        if tail:
            paragraphs[-1] = paragraphs[-1][: len(paragraphs[-1]) - len(tail)].rstrip()
            removed.append(Removal(tail.strip(), "wire credit"))
    body = "\n".join(p for p in paragraphs if p)
    if not body.strip():
        raise ValueError("no article text found after cleaning (only a wire credit was left)")

    # Wire credits: anywhere in the input (captions and credit lines included).
    credits = list(metadata.wire_credits(credits_source))
    author = page.get("author")
    if author:
        for name in metadata.wire_credits(f"({author})"):
            if name not in credits:
                credits.append(name)

    # Dateline in the opening paragraphs.
    dateline = None
    for p in paragraphs[:DATELINE_PARAGRAPHS]:
        dateline = metadata.find_dateline(p)
        if dateline:
            if dateline.agency and dateline.agency not in credits:
                credits.insert(0, dateline.agency)
            break

    # URL and outlet.
    url = raw.get("url") or page.get("url")
    outlet = raw.get("outlet") or page.get("sitename") or metadata.outlet_from_url(url)

    # Publication date.
    published: datetime | None = None
    how: str | None = None
    meta_date = metadata.parse_meta_date(raw.get("published"))
    if meta_date:
        published, how = _as_utc_note(meta_date[0], meta_date[1], f"meta:{raw.get('via') or 'input'}")
    if published is None and raw.kind == "html":
        found = metadata.parse_meta_date(_html_date(raw))
        if found:
            published, how = _as_utc_note(found[0], found[1], "html:htmldate")
    if published is None:
        # A year-less date ("January 27") is completed only against a date the container
        # knew (a WARC crawl date, a feed's fetch date); otherwise it is left unknown.
        seen = metadata.parse_meta_date(raw.get("crawled") or raw.get("fetched"))
        base = seen[0] if seen else None
        candidates = []
        if dateline and dateline.date_text:
            candidates.append((dateline.date_text, "text:dateline"))
        candidates += [(l, "text:published-line") for l in header_lines[:DATE_LINES] if metadata.is_published_line(l)]
        candidates += [(l, "text:date-line") for l in dated_lines]
        first = [l for l in header_lines[:DATE_LINES] if l not in caption_lines]
        candidates.append(("\n".join(first), "text:first-lines"))
        candidates += [(l, "text:caption") for l in caption_lines]
        for chunk, label in candidates:
            found_text = metadata.date_in(chunk, label, base=base)
            if found_text:
                published, how = found_text.value, found_text.how
                break
    if published is None:
        from_url = metadata.date_from_url(url)
        if from_url:
            published, how = from_url.value, from_url.how

    title = raw.get("title") or page.get("title") or headline
    chash = content_hash(body)
    return Article(
        id=article_id(raw, url, chash),
        source=raw.source,
        text=body,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        published_how=how,
        # A language the container states (a JSONL field) wins over a guess.
        language=raw.get("language") or detect_language(f"{title or ''}\n{body}"),
        wire_credits=tuple(credits),
        dateline=dateline.place if dateline else None,
        removed=tuple(removed),
        content_hash=chash,
    )


__all__ = ["clean", "content_hash", "article_id", "TRAFILATURA_OPTIONS"]

