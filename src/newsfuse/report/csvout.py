"""claims.csv: one row per claim, for spreadsheets."""

from __future__ import annotations

import csv
from pathlib import Path

from ..model import RunResult

COLUMNS = (
    "story", "claim", "status", "independent_sources", "key", "text",
    "articles", "sentences", "values", "sides", "explanation",
)
# A cell starting with one of these is run as a formula by spreadsheet programs
# (CSV injection); article text is untrusted, so such cells get a leading apostrophe.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _safe(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(_FORMULA):
        return "'" + cell
    return cell


def claim_rows(run: RunResult) -> list[list[object]]:
    rows: list[list[object]] = []
    for s in run.stories:
        for c in s.claims:
            rows.append([
                s.story.id,
                c.id,
                c.status,
                c.independent_sources,
                c.key,
                c.text,
                " ".join(m.article_id for m in c.mentions),
                " ".join(f"{m.article_id}:{m.sentence_index}" for m in c.mentions),
                "; ".join(f"{v.type}={v.normalized}" for v in c.values),
                "; ".join(f"{value} ({' '.join(arts)})" for value, arts in c.sides),
                c.explanation,
            ])
    return rows


def write_claims_csv(run: RunResult, path: str | Path) -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in claim_rows(run):
            writer.writerow([_safe(cell) for cell in row])
    return path
