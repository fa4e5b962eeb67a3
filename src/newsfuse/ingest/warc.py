"""WARC archives (``.warc``, ``.warc.gz``) via warcio, e.g. Common Crawl CC-NEWS.

Every ``response`` record whose HTTP status is 2xx and whose content type is HTML (and every
HTML ``resource`` record) becomes one document: ``source = "archive.warc.gz#<WARC-Record-ID>"`` (the record's index when it has no
ID), meta ``url`` (WARC-Target-URI) and ``crawled`` (WARC-Date).  Other records (requests,
metadata, images, redirects, errors) are skipped: an archive is mostly such records and they
are not articles.  The charset comes from the HTTP header, then the page, then detection.
A record over ``max_bytes`` is one error.  A malformed or truncated archive yields one error at
the record where reading failed and keeps every record read before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import InputError, RawDocument
from .decode import ReadError, decode_bytes

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_warc(path: Path, *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    done = 0  # records fully handled: an error names the one after them
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    try:
        with fh:
            archive = ArchiveIterator(fh)
            end = 0  # where the last complete record ends in the file
            for index, record in enumerate(archive, start=1):
                done = index - 1
                # What warcio yields for a header cut off mid-way: no type, or no Content-Length
                # (both mandatory in WARC 1.0/1.1).
                if not record.rec_type or not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                    raise ValueError(f"record {index} has an incomplete WARC header")
                item = _record(path, index, record, max_bytes)
                archive.read_to_end(record)
                # warcio stops quietly at a cut: a record shorter than its Content-Length, or
                # bytes left after the last record it could parse, are how a truncation shows.
                if getattr(record.raw_stream, "limit", 0):
                    raise ValueError(f"record {index} is {record.raw_stream.limit:,} bytes shorter than its Content-Length")
                # A gzip member cut before its trailer still decompresses; zlib knows it ended early.
                decompressor = getattr(archive.reader, "decompressor", None)
                if decompressor is not None and not getattr(decompressor, "eof", True):
                    raise ValueError(f"record {index}: its gzip member ends early")
                if item is not None:
                    yield item
                done = index
                end = archive.get_record_offset() + archive.get_record_length()
            fh.seek(end)
            if fh.read(64).strip():
                raise ValueError("unreadable data after the last complete record")
    except Exception as exc:  # noqa: BLE001 - warcio, gzip and zlib raise unrelated types on damage
        reason = str(exc) or type(exc).__name__
        if isinstance(exc, ArchiveLoadFailed) and done == 0:
            yield InputError(str(path), f"not a WARC archive or damaged at the start ({reason})")
        else:
            yield InputError(f"{path}#{done + 1}", f"archive truncated or damaged after {done} records ({reason}); the records before were read")


def _record(path: Path, index: int, record: object, max_bytes: int) -> RawDocument | InputError | None:
    rec_headers = record.rec_headers  # type: ignore[attr-defined]
    record_id = (rec_headers.get_header("WARC-Record-ID") or "").strip("<> ")
    name = f"{path}#{record_id or index}"
    http = record.http_headers  # type: ignore[attr-defined]
    if record.rec_type == "response" and http is not None:
        status = http.get_statuscode() or ""
        content_type = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":  # wget / browsertrix store pages without HTTP headers
        status, content_type = "200", rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if not status.startswith("2") or content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
        return None
    body = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    if len(body) > max_bytes:
        return InputError(name, f"record too large: more than {max_bytes:,} bytes (raise --max-bytes)")
    try:
        decoded = decode_bytes(body, declared=_charset(content_type))
    except ReadError as exc:
        return InputError(name, str(exc))
    meta = [("url", rec_headers.get_header("WARC-Target-URI") or ""), ("crawled", rec_headers.get_header("WARC-Date") or "")]
    return RawDocument(source=name, kind="html", content=decoded.text,
                       meta=tuple((k, v) for k, v in meta if v), encoding=decoded.encoding)
