"""Input readers: files, folders, JSONL/CSV, WARC archives, URLs, URL lists and feeds.

:func:`read_inputs` turns what the user named into :class:`RawDocument`\\ s, lazily and in a
deterministic order (inputs in the order given; folders in sorted path order; list, feed and
archive entries in file order).  It never raises for a bad item: each one becomes a single
:class:`InputError` naming it (path, ``path:line``, URL or ``archive#record``) and saying what
to do.  One module per input kind; see ``docs/ingest.md``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..model import InputError, RawDocument
from . import files
from .csv import read_csv
from .decode import ReadError, looks_like_feed, looks_like_html
from .feeds import read_feed
from .jsonl import read_jsonl
from .urls import Fetcher, Page, is_url, is_url_list, page_document, url_list_entries
from .warc import read_warc

__all__ = ["read_inputs", "is_url"]

Item = RawDocument | InputError


class _Network:
    """Creates the :class:`Fetcher` on first use, so that offline inputs never open a client."""

    def __init__(self, max_bytes: int, timeout: float) -> None:
        self.max_bytes, self.timeout = max_bytes, timeout
        self._fetcher: Fetcher | None = None

    def get(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(max_bytes=self.max_bytes, timeout=self.timeout)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def read_inputs(
    inputs: Sequence[str | os.PathLike[str]], *, max_bytes: int = 20_000_000, timeout: float = 15.0
) -> Iterator[Item]:
    """Every document in ``inputs`` (paths and http(s) URLs), or one error per bad item."""
    net = _Network(max_bytes, timeout)
    try:
        pending: list[str] = []  # consecutive URLs are fetched together, in parallel
        for raw in inputs:
            item = os.fspath(raw)  # library callers pass Path objects as often as strings
            if is_url(item):
                pending.append(item)
                continue
            if pending:
                yield from _urls(pending, net.get())
                pending = []
            yield from _path(item, max_bytes, net)
        if pending:
            yield from _urls(pending, net.get())
    finally:  # also when the caller stops early: no threads or sockets are left behind
        net.close()


def _urls(urls: Sequence[str | InputError], fetcher: Fetcher) -> Iterator[Item]:
    """Fetch URLs (errors from a list file pass through in place); feeds are expanded into items."""
    def fetch(entry: str | InputError) -> Page | InputError:
        return entry if isinstance(entry, InputError) else fetcher.fetch(entry)

    for result in fetcher.map_ordered(fetch, urls):
        if isinstance(result, InputError):
            yield result
        elif result.is_feed:
            yield from read_feed(result.url, result.body, fetcher, base_url=result.final_url)
        else:
            yield page_document(result)


def _path(item: str, max_bytes: int, net: _Network) -> Iterator[Item]:
    path = Path(item)
    try:
        if path.is_dir():
            for file in files.walk(path):
                yield from _file(file, max_bytes, net)
            return
        exists = path.exists()
    except OSError as exc:
        yield InputError(item, f"cannot read: {exc.strerror or exc}")
        return
    if not exists:
        if "://" in item:
            yield InputError(item, "only http:// and https:// addresses can be fetched")
        else:
            yield InputError(item, "no such file or folder; check the path")
        return
    yield from _file(path, max_bytes, net)


def _file(path: Path, max_bytes: int, net: _Network) -> Iterator[Item]:
    """One file through its reader; a reader bug costs that file only, never the other inputs."""
    try:
        yield from _read_file(path, max_bytes, net)
    except Exception as exc:  # noqa: BLE001 - the readers handle every expected failure themselves
        yield InputError(str(path), f"reading failed unexpectedly ({type(exc).__name__}: {exc}); please report this")


def _read_file(path: Path, max_bytes: int, net: _Network) -> Iterator[Item]:
    kind = files.kind_of(path)
    if kind == "jsonl":
        yield from read_jsonl(path, max_bytes=max_bytes)
        return
    if kind == "csv":
        yield from read_csv(path, max_bytes=max_bytes)
        return
    if kind == "warc":
        yield from read_warc(path, max_bytes=max_bytes)
        return
    try:
        kind, decoded = files.read_plain(path, max_bytes)
    except ReadError as exc:
        yield InputError(str(path), str(exc))
        return
    if kind == "text" and files.inner_name(path).endswith(".txt") and is_url_list(decoded.text):
        kind = "urls"
    if kind == "feed" and not looks_like_feed(decoded.text) and looks_like_html(decoded.text):
        kind = "html"  # an .xml file holding an XHTML page
    if kind == "urls":
        yield from _urls(list(url_list_entries(path, decoded.text)), net.get())
    elif kind == "feed":
        # Re-encoded as UTF-8 with the declaration dropped, so feedparser cannot misread it.
        yield from read_feed(str(path), _strip_xml_declaration(decoded.text).encode("utf-8"), net.get())
    elif kind in ("text", "html"):
        yield files.read_document(path, kind, decoded)


def _strip_xml_declaration(text: str) -> str:
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<?xml"):
        end = stripped.find("?>")
        if end != -1:
            return stripped[end + 2:]
    return text
