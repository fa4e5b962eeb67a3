"""JSON Lines: one article per line (``.jsonl``, ``.ndjson``, optionally gzipped).

Each line is an object with ``text`` (plain text) or ``html`` (a page), and optionally ``id``,
``url``, ``outlet``, ``title``, ``published`` (ISO 8601), ``author``, ``language``.  The
fields go into the document's meta (``id`` keeps the article's identity; ``via=jsonl``).  A line
that is not such an object becomes one error named ``file.jsonl:LINE``; the other lines go on.
Lines must be UTF-8.  ``max_bytes`` applies per line; the file itself may be any size (it is
streamed).  :mod:`.csv` shares :func:`record_document`.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..model import InputError, RawDocument
from .decode import ReadError

META_FIELDS = ("id", "url", "outlet", "title", "published", "author", "language")


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ReadError(f"must be a string, not {type(value).__name__}")
    text = str(value).strip()
    return text or None


def record_document(fields: Mapping[str, Any], source: str, via: str) -> RawDocument:
    """A document from one record's fields; :class:`ReadError` when it has no usable content."""
    text, markup = fields.get("text"), fields.get("html")
    for name, value in (("text", text), ("html", markup)):
        if value is not None and not isinstance(value, str):
            raise ReadError(f"field {name!r} must be a string, not {type(value).__name__}")
    if markup and markup.strip():
        kind, content = "html", markup
    elif text and text.strip():
        kind, content = "text", text
    else:
        raise ReadError("no article: the record needs a non-empty 'text' or 'html' field")
    meta: list[tuple[str, str]] = []
    for name in META_FIELDS:
        try:
            value = _scalar(fields.get(name))
        except ReadError as exc:
            raise ReadError(f"field {name!r} {exc}") from None
        if value is not None:
            meta.append((name, value))
    meta.append(("via", via))
    return RawDocument(source=source, kind=kind, content=content, meta=tuple(meta))  # type: ignore[arg-type]


def open_binary(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def read_jsonl(path: Path, *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """Every line of ``path`` as a document or an error; a damaged file stops with one error."""
    number = 0
    try:
        with open_binary(path) as fh:
            while True:
                line = fh.readline(max_bytes + 1)
                if not line:
                    break
                number += 1
                name = f"{path}:{number}"
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass  # skip the remainder of the oversized line
                    yield InputError(name, f"line too large: more than {max_bytes:,} bytes (raise --max-bytes)")
                    continue
                if not line.strip():
                    continue
                try:
                    yield _line_document(line, name)
                except ReadError as exc:
                    yield InputError(name, str(exc))
    except EOFError:
        yield InputError(f"{path}:{number + 1}", "truncated gzip: the file ends early; the lines before were read")
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield InputError(f"{path}:{number + 1}", f"corrupt gzip ({exc}); the lines before were read")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")


def _line_document(line: bytes, name: str) -> RawDocument:
    try:
        text = line.decode("utf-8-sig" if name.endswith(":1") else "utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not UTF-8 ({exc.reason} at byte {exc.start}); JSON Lines must be UTF-8") from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"broken JSON: {exc.msg} (column {exc.colno}); fix or remove this line") from None
    if not isinstance(record, dict):
        raise ReadError(f"a line must be a JSON object with 'text' or 'html', not a {type(record).__name__}")
    return record_document(record, name, "jsonl")
