"""CSV with a header row and the JSONL columns (``id``, ``text`` or ``html``, ``url``, ``outlet``,
``title``, ``published``, ...), read with the standard :mod:`csv` module; UTF-8, optionally gzipped.

A row without content is one error named ``file.csv:LINE`` (the line the row starts on); the
other rows go on.  A header without a ``text`` or ``html`` column is one error for the file.
``max_bytes`` applies per field.
"""

from __future__ import annotations

import csv
import io
import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..model import InputError, RawDocument
from .decode import ReadError
from .jsonl import open_binary, record_document


def read_csv(path: Path, *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    line = 1
    try:
        with open_binary(path) as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as fh:
            # The csv module refuses fields over 128 KB by default; an article body can be larger.
            # The limit is process-wide, so only ever raise it.
            csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
            reader = csv.DictReader(fh)
            header = reader.fieldnames
            if not header or not ({"text", "html"} & {h.strip().lower() for h in header}):
                yield InputError(str(path), f"no 'text' or 'html' column in the header {header!r}; the first row must name the columns")
                return
            line = reader.line_num + 1
            for row in reader:
                name = f"{path}:{line}"
                line = reader.line_num + 1
                fields = {(k or "").strip().lower(): v for k, v in row.items() if k is not None}
                if None in row:
                    yield InputError(name, f"{len(row[None])} more fields than the header has columns; quote fields that contain commas")
                    continue
                try:
                    yield record_document(fields, name, "csv")
                except ReadError as exc:
                    yield InputError(name, str(exc))
    except UnicodeDecodeError as exc:
        yield InputError(f"{path}:{line}", f"not UTF-8 ({exc.reason}); re-save the file as UTF-8 (rows before were read)")
    except csv.Error as exc:
        yield InputError(f"{path}:{line}", f"malformed CSV ({exc}); rows before were read")
    except EOFError:
        yield InputError(f"{path}:{line}", "truncated gzip: the file ends early; rows before were read")
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield InputError(f"{path}:{line}", f"corrupt gzip ({exc}); rows before were read")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
