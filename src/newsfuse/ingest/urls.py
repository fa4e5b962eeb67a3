"""Fetch web pages: single URLs and files that list URLs.

URL-list rule: a file is a URL list when its name ends in ``.urls`` (every non-empty line that
is not a ``#`` comment must then be an http(s) URL; other lines are reported as errors), or
when it ends in ``.txt`` and *every* non-empty, non-comment line is one http(s) URL and nothing
else (a text article never consists of bare URLs only).  Lines are fetched in file order.

Fetching: httpx with a per-operation timeout (connect, each read) of ``timeout`` seconds and a
whole-download limit of twice that; bodies are streamed and refused past ``max_bytes``; at most
5 redirects; a User-Agent naming newsfuse; at most :data:`PER_HOST` requests to one host at a
time over a pool of :data:`WORKERS` threads.  Only ``text/html`` / ``application/xhtml+xml``
pages and RSS/Atom feeds are accepted.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import httpx

from .. import __version__
from ..model import InputError, RawDocument
from .decode import ReadError, decode_bytes, looks_like_feed, looks_like_html

USER_AGENT = f"newsfuse/{__version__} (+https://github.com/newsfuse)"
MAX_REDIRECTS = 5
WORKERS = 4  # small: newsfuse reads news sites, it must not hammer them
PER_HOST = 2  # concurrent requests to one host, the usual politeness bound of crawlers

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
_XML_TYPES = ("application/xml", "text/xml")

T = TypeVar("T")
R = TypeVar("R")


def is_url(s: str) -> bool:
    """An absolute http(s) URL with a host and no whitespace."""
    if not s or any(ch.isspace() for ch in s):
        return False
    try:
        parts = urlsplit(s)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


@dataclass(frozen=True)
class Page:
    """A fetched response that passed the checks: decoded text, and whether it is a feed."""

    url: str  # as requested
    final_url: str  # after redirects
    text: str
    encoding: str
    is_feed: bool
    body: bytes  # kept for feeds: feedparser reads the XML declaration itself


class Fetcher:
    """One HTTP client and the per-host limits, shared by every fetch of one ``read_inputs`` call."""

    def __init__(self, *, max_bytes: int, timeout: float) -> None:
        self.max_bytes = max_bytes
        self.timeout = timeout
        self._client = httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5"},
        )
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="newsfuse-fetch")
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _host_slot(self, url: str) -> threading.Semaphore:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            return self._hosts.setdefault(host, threading.Semaphore(PER_HOST))

    def fetch(self, url: str) -> Page | InputError:
        """Fetch one URL; every failure becomes an :class:`InputError` naming the URL."""
        try:
            with self._host_slot(url):
                return self._fetch(url)
        except ReadError as exc:
            return InputError(url, str(exc))
        except httpx.TooManyRedirects:
            return InputError(url, f"more than {MAX_REDIRECTS} redirects (a redirect loop?); open the URL in a browser and pass the final address")
        except httpx.TimeoutException as exc:
            return InputError(url, f"timed out after {self.timeout:g} s ({type(exc).__name__}); retry later or raise --timeout")
        except httpx.ConnectError as exc:
            return InputError(url, f"could not connect ({exc or 'connection refused'}); check the address and your network")
        except httpx.UnsupportedProtocol as exc:
            return InputError(url, f"unsupported address: {exc}")
        except httpx.HTTPError as exc:
            return InputError(url, f"download failed: {type(exc).__name__}: {exc}")
        except httpx.InvalidURL as exc:
            return InputError(url, f"invalid address: {exc}")
        except Exception as exc:  # noqa: BLE001 - runs on a pool thread: anything escaping would end the whole run
            return InputError(url, f"download failed unexpectedly: {type(exc).__name__}: {exc}")

    def _fetch(self, url: str) -> Page:
        deadline = time.monotonic() + 2 * self.timeout
        with self._client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise ReadError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip() + ": the server refused the page")
            if response.status_code >= 300:  # a redirect without a usable Location
                raise ReadError(f"HTTP {response.status_code} redirect without a target")
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and not (ctype in _HTML_TYPES or ctype in _FEED_TYPES or ctype in _XML_TYPES):
                raise ReadError(f"not an HTML page or feed (content type {ctype}); newsfuse reads news pages only")
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > self.max_bytes:
                raise ReadError(f"too large: {int(length):,} bytes (limit {self.max_bytes:,}; raise --max-bytes)")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise ReadError(f"too large: more than {self.max_bytes:,} bytes (raise --max-bytes)")
                if time.monotonic() > deadline:
                    raise ReadError(f"download took longer than {2 * self.timeout:g} s; retry later or raise --timeout")
                chunks.append(chunk)
            body = b"".join(chunks)
            final_url = str(response.url)
            charset = response.charset_encoding
        decoded = decode_bytes(body, declared=charset)
        # Sniffed whatever the label: feeds served as text/html or text/xml are common.
        is_feed = ctype in _FEED_TYPES or looks_like_feed(decoded.text)
        if not is_feed and ctype in _XML_TYPES and not looks_like_html(decoded.text):
            raise ReadError(f"XML that is neither an RSS/Atom feed nor an HTML page (content type {ctype})")
        if not is_feed and not ctype and not looks_like_html(decoded.text):
            raise ReadError("no content type and the body does not look like HTML")
        return Page(url, final_url, decoded.text, decoded.encoding, is_feed, body if is_feed else b"")

    def map_ordered(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``fn`` over ``items`` on the pool, results in input order, a bounded window ahead."""
        window: deque[Future[R]] = deque()
        for item in items:
            window.append(self._pool.submit(fn, item))
            if len(window) >= 4 * WORKERS:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()

    def fetch_many(self, urls: Iterable[str]) -> Iterator[Page | InputError]:
        return self.map_ordered(self.fetch, urls)


def page_document(page: Page, meta: tuple[tuple[str, str], ...] = ()) -> RawDocument:
    return RawDocument(
        source=page.url,
        kind="html",
        content=page.text,
        meta=(("url", page.final_url),) + meta,
        encoding=page.encoding,
    )


# --------------------------------------------------------------------------- URL lists

_COMMENT = "#"


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith(_COMMENT):
            out.append((number, stripped))
    return out


def is_url_list(text: str) -> bool:
    """The ``.txt`` rule: at least one line, and every non-empty, non-comment line is a URL."""
    lines = _lines(text)
    return bool(lines) and all(is_url(line) for _, line in lines)


def url_list_entries(path: Path | str, text: str) -> Iterator[str | InputError]:
    """The URLs of a list file in order; a line that is not a URL becomes an error for ``path:line``."""
    for number, line in _lines(text):
        if is_url(line):
            yield line
        else:
            shown = line if len(line) <= 80 else line[:77] + "..."
            yield InputError(f"{path}:{number}", f"not an http(s) URL: {shown!r}; a URL list holds one address per line")
