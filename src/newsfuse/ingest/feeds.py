"""RSS and Atom feeds (a URL or a local ``.xml`` / ``.rss`` / ``.atom`` file), via feedparser.

Each item is followed to its page (fetched with :mod:`.urls`); the item's title, published date
and link go into the page's meta, with ``via=feed``.  When the page cannot be fetched, the item's
own content or summary stands in for it if it carries at least :data:`MIN_WORDS` words
(``via=feed-content``, and ``fetch_error`` says why the page was not used); otherwise the item
is an error.  A feed that feedparser cannot read and that yields no items is one error.

feedparser is only ever given bytes: it must not fetch anything itself, since its own HTTP
client has none of our limits.
"""

from __future__ import annotations

import calendar
import html
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin

import feedparser

from ..model import InputError, RawDocument
from .urls import Fetcher, Page, is_url, page_document

# A feed teaser is one or two sentences (roughly 20-60 words); even a short news brief runs past
# 100 words.  80 keeps full-text feeds (content:encoded) and drops teasers, which are not
# articles and would only add noise as single-source "claims".
MIN_WORDS = 80


_TAG = re.compile(r"<[^>]*>")


def _text_of(fragment: str) -> str:
    # Only words are counted here, so removing tags with a pattern is enough; the full
    # extraction happens later in clean.py.
    return html.unescape(_TAG.sub(" ", fragment))


def _iso(entry: Any, name: str) -> str | None:
    parsed = entry.get(f"{name}_parsed")
    if parsed:
        # feedparser normalises dates to UTC struct_time; timegm keeps them UTC.
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).isoformat()
    raw = entry.get(name)
    return raw.strip() if isinstance(raw, str) and raw.strip() else None


def _own_content(entry: Any) -> str:
    for part in entry.get("content") or ():
        value = part.get("value") or ""
        if value.strip():
            return value
    return entry.get("summary") or ""


def _as_document(source: str, entry: Any, content: str, meta: tuple[tuple[str, str], ...]) -> RawDocument:
    title = entry.get("title") or ""
    if "<" in content:
        # A fragment of paragraphs: wrap it into a page so that main-text extraction sees an
        # article with its headline, as it would on the site.
        content = (
            f"<html><head><title>{html.escape(title)}</title></head>"
            f"<body><article><h1>{html.escape(title)}</h1>{content}</article></body></html>"
        )
        kind = "html"
    else:
        content = f"{title}\n\n{html.unescape(content)}" if title else html.unescape(content)
        kind = "text"
    return RawDocument(source=source, kind=kind, content=content, meta=meta)  # type: ignore[arg-type]


def read_feed(source: str, data: bytes, fetcher: Fetcher, *, base_url: str | None = None) -> Iterator[RawDocument | InputError]:
    """Every item of the feed in ``data`` as a page (or its own content), or an error per item."""
    parsed = feedparser.parse(data, response_headers={"content-location": base_url} if base_url else None)
    # feedparser is lenient: a cut-off document still gives "entries" with nothing in them.
    entries = [e for e in parsed.entries if e.get("link") or e.get("title") or _own_content(e).strip()]
    if not entries:
        if parsed.bozo:
            yield InputError(source, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')}); check that the address is a feed")
        else:
            yield InputError(source, "the feed has no items")
        return
    feed_title = (parsed.feed.get("title") or "").strip()

    def item_meta(entry: Any) -> tuple[tuple[str, str], ...]:
        pairs = [("title", (entry.get("title") or "").strip()), ("published", _iso(entry, "published") or _iso(entry, "updated") or ""),
                 ("feed", source), ("feed_title", feed_title)]
        return tuple((k, v) for k, v in pairs if v)

    links: list[str | None] = []
    for entry in entries:
        link = (entry.get("link") or "").strip()
        if link and base_url:
            link = urljoin(base_url, link)
        links.append(link if is_url(link) else None)

    def fetch(link: str | None) -> Page | InputError | None:
        return fetcher.fetch(link) if link else None

    for index, (entry, link, result) in enumerate(zip(entries, links, fetcher.map_ordered(fetch, links)), start=1):
        meta = item_meta(entry)
        if isinstance(result, Page) and not result.is_feed:
            yield page_document(result, meta + (("via", "feed"),))
            continue
        if isinstance(result, Page):
            why = "the item links to another feed, not to a page"
        elif isinstance(result, InputError):
            why = f"its page could not be fetched: {result.reason}"
        else:
            why = "the item has no http(s) link"
        name = link or f"{source}#item{index}"
        content = _own_content(entry)
        words = len(_text_of(content).split())
        if words >= MIN_WORDS:
            extra = (("url", link),) if link else ()
            yield _as_document(name, entry, content, extra + meta + (("via", "feed-content"), ("fetch_error", why)))
        else:
            label = repr(entry.get("title")) if entry.get("title") else f"#{index}"
            yield InputError(name, f"feed item {label}: {why}, and the item itself carries only {words} words (needs {MIN_WORDS})")
