"""The CLI end to end, on inputs written here (lexical path: no model loading)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsfuse.cli import app

STORY_A = (
    "Flood waters cut the town of Marlow\n\n"
    "MARLOW, March 3 (Wire) – Flood waters rose above the river banks in Marlow on Tuesday, "
    "forcing 1,200 residents from their homes, the county emergency office said.\n\n"
    "Officials said at least three bridges were closed and two schools would stay shut until Friday.\n\n"
    "The river peaked at 5.2 meters, the highest level since 1998, according to the water agency."
)
STORY_B = (
    "Marlow river floods town\n\n"
    "Flood waters rose above the river banks in Marlow on Tuesday and forced about 1,200 residents "
    "from their homes, the county emergency office said. The river peaked at 5.4 meters, the water "
    "agency said, the highest level since 1998. At least three bridges were closed."
)


def write_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.txt").write_text(STORY_A, encoding="utf-8")
    (folder / "b.txt").write_text(STORY_B, encoding="latin-1")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    lines = [
        json.dumps({"id": "j1", "text": STORY_A.replace("1,200", "1,300"), "outlet": "Daily",
                    "published": "2026-03-03T12:00:00+00:00", "title": "Marlow floods"}),
        '{"id": "broken", "text": "unterminated',
    ]
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_run_partial_inputs(tmp_path):
    inputs = tmp_path / "in"
    write_inputs(inputs)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(inputs), "--out", str(out), "--db", str(tmp_path / "n.db"), "--model", "none"]
    )
    assert result.exit_code == 3, result.output
    data = json.loads((out / "result.json").read_text())
    ids = {a["id"] for a in data["articles"]}
    assert "j1" in ids and len(ids) == 3
    bad = {Path(e["input"].split(":")[0]).name for e in data["errors"]}
    assert {"empty.txt", "binary.txt", "more.jsonl"} <= bad
    for error in data["errors"]:
        assert error["reason"]
    latin = next(a for a in data["articles"] if a["source"].endswith("b.txt"))
    assert "1,200 residents" in latin["text"]
    assert (out / "report.html").exists() and (out / "report.md").exists()
    assert all(a["story"] for a in data["articles"])


def test_rerun_adds_nothing_twice(tmp_path):
    inputs = tmp_path / "in"
    write_inputs(inputs)
    args = ["run", str(inputs), "--out", str(tmp_path / "out"), "--db", str(tmp_path / "n.db"), "--model", "none"]
    CliRunner().invoke(app, args)
    first = json.loads((tmp_path / "out" / "result.json").read_text())
    CliRunner().invoke(app, args)
    second = json.loads((tmp_path / "out" / "result.json").read_text())
    assert [a["id"] for a in first["articles"]] == [a["id"] for a in second["articles"]]
    from newsfuse.store import Store

    assert Store(tmp_path / "n.db").count_articles() == 3
    listed = CliRunner().invoke(app, ["stories", "--db", str(tmp_path / "n.db"), "--json"])
    assert listed.exit_code == 0, listed.output
    stories = json.loads(listed.output)
    assert sum(len(s["articles"]) for s in stories) == 3


def test_nothing_readable_fails(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(
        app, ["run", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"), "--db", str(tmp_path / "n.db"), "--model", "none"]
    )
    assert result.exit_code == 1


def test_help_teaches():
    result = CliRunner().invoke(app, ["run", "--help"])
    assert result.exit_code == 0
    assert "--out" in result.output and "--model" in result.output


def test_stories_without_db(tmp_path):
    result = CliRunner().invoke(app, ["stories", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert "newsfuse run" in result.output


def test_graph_outputs(tmp_path):
    inputs = tmp_path / "in"
    write_inputs(inputs)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        ["run", str(inputs), "--out", str(out), "--db", str(tmp_path / "n.db"), "--model", "none",
         "--graph", "dot", "--graph", "graphml"],
    )
    assert result.exit_code == 3, result.output
    dots = list(out.glob("story-*.dot"))
    graphmls = list(out.glob("story-*.graphml"))
    assert dots and len(dots) == len(graphmls)
    assert dots[0].read_text().startswith("digraph")
    import xml.etree.ElementTree as ET

    ET.parse(graphmls[0])  # well-formed
    bad = CliRunner().invoke(app, ["run", str(inputs), "--out", str(out), "--graph", "png", "--model", "none"])
    assert bad.exit_code == 2


def test_grouping_option_is_recorded_and_checked(tmp_path):
    import json

    inputs = tmp_path / "in"
    write_inputs(inputs)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(inputs), "--out", str(out), "--db", str(tmp_path / "n.db"), "--model", "none",
              "--grouping", "rules"],
    )
    assert result.exit_code in (0, 3), result.output
    settings = json.loads((out / "result.json").read_text(encoding="utf-8"))["settings"]
    assert settings["grouping"] == "rules"
    bad = CliRunner().invoke(app, ["run", str(inputs), "--out", str(out), "--grouping", "magic", "--model", "none"])
    assert bad.exit_code == 2
    assert "--grouping" in bad.output
