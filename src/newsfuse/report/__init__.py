"""Outputs of a run: result.json, report.md, report.html and claims.csv.

Every function takes the whole :class:`~newsfuse.model.RunResult` and returns data (a dict, a
string) or writes one file; nothing here runs a stage.  ``to_json`` is the contract that the
JSON Schema in ``newsfuse/schema/result.schema.json`` describes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ..model import RunResult
from .csvout import write_claims_csv
from .html import render_html
from .jsonout import story_to_json, to_json
from .markdown import render_markdown

__all__ = [
    "to_json", "story_to_json", "render_markdown", "render_html", "write_claims_csv", "write_outputs",
    "dump_json",
]


def dump_json(data: dict) -> str:
    """result.json's text: UTF-8, indented, stable (no sorting: the layout order is meaningful)."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_outputs(run: RunResult, out_dir: str | Path, graphs: Sequence[str] = ()) -> dict[str, Path]:
    """Write the four outputs into ``out_dir`` (created if needed); return name → path.

    ``graphs`` may name ``dot`` and/or ``graphml``: each story's provenance graph is then
    also written as ``story-<id>.dot`` / ``story-<id>.graphml``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        "result.json": out / "result.json",
        "report.md": out / "report.md",
        "report.html": out / "report.html",
        "claims.csv": out / "claims.csv",
    }
    paths["result.json"].write_text(dump_json(to_json(run)), encoding="utf-8")
    paths["report.md"].write_text(render_markdown(run), encoding="utf-8")
    paths["report.html"].write_text(render_html(run), encoding="utf-8")
    write_claims_csv(run, paths["claims.csv"])
    if graphs:
        from ..provenance import to_dot, to_graphml

        writers = {"dot": to_dot, "graphml": to_graphml}
        by_id = {a.id: a for a in run.articles}
        for story in run.stories:
            members = [by_id[a] for a in story.story.articles if a in by_id]
            for fmt in graphs:
                name = f"story-{story.story.id}.{fmt}"
                paths[name] = out / name
                paths[name].write_text(writers[fmt](story.links, story.groups, members), encoding="utf-8")
    return paths
