"""Local files and folders.

Folders are read recursively in sorted path order (so every run sees the same order); hidden
files and folders (name starting with ``.``) are skipped, and so are files whose extension no
reader knows and a folder's own README / LICENSE / CHANGELOG files and other Markdown files named
in capitals (``NOTES.md``).  A file named explicitly is always read: an unknown extension is sniffed (HTML if
it looks like markup, a feed if it has an RSS/Atom root, text otherwise).

Kinds by extension (a trailing ``.gz`` is unwrapped first): ``.txt`` ``.md`` → text (unless the
``.txt`` is a URL list, see :mod:`.urls`), ``.html`` ``.htm`` ``.xhtml`` → html, ``.jsonl``
``.ndjson`` → :mod:`.jsonl`, ``.csv`` → :mod:`.csv`, ``.warc`` (``.warc.gz``) → :mod:`.warc`,
``.urls`` → URL list, ``.xml`` ``.rss`` ``.atom`` → feed.

Limits: ``max_bytes`` per file, counted after decompression (a gzip bomb stops there).
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from ..model import RawDocument
from .decode import Decoded, ReadError, decode_bytes, looks_like_feed, looks_like_html

Kind = Literal["text", "html", "jsonl", "csv", "warc", "urls", "feed", "unknown"]

_BY_SUFFIX: dict[str, Kind] = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
    ".warc": "warc",
    ".urls": "urls",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}


def inner_name(path: Path) -> str:
    """The file name without a trailing ``.gz``, lower-cased: what decides the kind."""
    name = path.name.lower()
    return name[:-3] if name.endswith(".gz") else name


def kind_of(path: Path) -> Kind:
    return _BY_SUFFIX.get(Path(inner_name(path)).suffix, "unknown")


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


# Files that folders of articles commonly carry about themselves; read as articles they would
# join stories as noise.  Named explicitly, they are still read.
_HOUSEKEEPING = frozenset({"readme", "license", "licence", "changelog", "contributing", "authors", "notice"})


def _skipped(name: str) -> bool:
    stem = name.split(".")[0]
    # Besides the usual housekeeping names, a Markdown file named in capitals (NOTES.md,
    # FINDINGS.md, TODO.md) is by convention a document about the folder, not an article.
    shouting_md = name.lower().endswith((".md", ".md.gz")) and stem.isupper() and len(stem) > 1
    return name.startswith(".") or stem.lower() in _HOUSEKEEPING or shouting_md


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` that some reader knows, recursively, in sorted order, hidden ones skipped.

    Symbolic links to folders are not followed (they can loop); links to files are read.
    """
    entries = sorted(os.scandir(folder), key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False) and entry.name.startswith("."):
            continue
        if not entry.is_dir(follow_symlinks=False) and _skipped(entry.name):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from walk(path)
        elif entry.is_file() and kind_of(path) != "unknown":
            yield path


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes (gunzipped for ``.gz``), refusing more than ``max_bytes``."""
    try:
        if is_gzip(path):
            with gzip.open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        else:
            size = path.stat().st_size
            if size > max_bytes:
                raise ReadError(f"too large: {size:,} bytes (limit {max_bytes:,}; raise --max-bytes or split the file)")
            data = path.read_bytes()
    except EOFError:
        raise ReadError("truncated gzip: the compressed data ends early; re-download or re-compress the file") from None
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise ReadError(f"corrupt gzip ({exc}); re-download or re-compress the file") from None
    except PermissionError:
        raise ReadError("cannot read: permission denied") from None
    except IsADirectoryError:
        raise ReadError("is a folder, not a file") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise ReadError(f"too large: more than {max_bytes:,} bytes once decompressed (raise --max-bytes)")
    return data


def sniff(decoded: Decoded) -> Kind:
    if looks_like_feed(decoded.text):
        return "feed"
    return "html" if looks_like_html(decoded.text) else "text"


def read_document(path: Path, kind: Literal["text", "html"], decoded: Decoded) -> RawDocument:
    return RawDocument(source=str(path), kind=kind, content=decoded.text, encoding=decoded.encoding)


def read_plain(path: Path, max_bytes: int) -> tuple[Kind, Decoded]:
    """Read and decode a single-document file; returns its kind (sniffed when the extension is unknown)."""
    decoded = decode_bytes(read_bytes(path, max_bytes))
    kind = kind_of(path)
    if kind == "unknown":
        kind = sniff(decoded)
    return kind, decoded
