"""Consistency of the team-written data: the demo corpus (examples/) and the labelled claims set."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CLAIMS = ROOT / "benchmarks" / "data" / "claims"
CLAIMS_FIT = ROOT / "benchmarks" / "data" / "claims-fit"


def _load_checker():
    spec = importlib.util.spec_from_file_location("claims_check", CLAIMS / "check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stories_json_labels_every_example_and_nothing_else():
    labels = json.loads((EXAMPLES / "STORIES.json").read_text(encoding="utf-8"))
    files = labels["files"]
    on_disk = {p.name for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"}}
    labelled_files = {k for k in files if "#" not in k}
    assert labelled_files == on_disk
    ids = {json.loads(line)["id"] for line in (EXAMPLES / "more.jsonl").read_text(encoding="utf-8").splitlines() if line}
    assert {k.split("#", 1)[1] for k in files if k.startswith("more.jsonl#")} == ids
    assert set(files.values()) == set(labels["stories"])


def test_more_jsonl_records_have_the_fields_ingest_reads():
    for line in (EXAMPLES / "more.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert {"id", "outlet", "title", "published", "text"} <= set(record)


def test_claims_labels_are_verbatim_and_minimums_reached(capsys):
    checker = _load_checker()
    assert checker.main(["check.py", str(CLAIMS)]) == 0, capsys.readouterr().err


def test_grouping_fit_set_labels_are_verbatim(capsys):
    # The stories the grouping model is fitted on, with their "distinct" traps.
    checker = _load_checker()
    assert checker.main(["check.py", str(CLAIMS_FIT)]) == 0, capsys.readouterr().err


def test_claims_checker_fails_on_a_distinct_trap_missing_from_its_article(tmp_path):
    checker = _load_checker()
    story = json.loads(next(iter(sorted(CLAIMS_FIT.glob("*.json")))).read_text(encoding="utf-8"))
    story["distinct"][0]["mentions"][0]["text"] = "no such words anywhere"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(story), encoding="utf-8")
    errors, _ = checker.check_story(bad)
    assert any("distinct[0]" in e and "is not in the text" in e for e in errors)


def test_claims_checker_fails_on_a_mention_missing_from_its_article(tmp_path):
    checker = _load_checker()
    story = json.loads(next(iter(sorted(CLAIMS.glob("*.json")))).read_text(encoding="utf-8"))
    story["expected"][0]["mentions"][0]["text"] = "no such words anywhere"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(story), encoding="utf-8")
    errors, _ = checker.check_story(bad)
    assert any("is not in the text" in e for e in errors)
