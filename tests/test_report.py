"""report: result.json (schema + golden), report.md (golden), report.html safety, claims.csv.

Goldens live in tests/data/report/; after an intended change regenerate them with
    NEWSFUSE_UPDATE_GOLDEN=1 pytest tests/test_report.py
and read the diff before keeping it.
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from newsfuse.model import Claim, Mention, RunResult, Value
from newsfuse.report import dump_json, render_html, render_markdown, story_to_json, to_json, write_outputs
from newsfuse.report.csvout import write_claims_csv
from newsfuse.schema import SCHEMAS, load_schema, validate

from .report_sample import XSS, build_run

GOLDEN = Path(__file__).parent / "data" / "report"
DOCS_SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schema"
UPDATE = os.environ.get("NEWSFUSE_UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"golden {path} missing; run with NEWSFUSE_UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden; see the module docstring"


def test_result_json_golden():
    check_golden("result.json", dump_json(to_json(build_run())))


def test_report_md_golden():
    check_golden("report.md", render_markdown(build_run()))


def test_result_json_matches_schema():
    data = to_json(build_run(xss=True))
    assert validate(data) == []
    assert validate(data["stories"][0]["event"], "event.schema.json") == []


def test_schema_rejects_bad_output():
    data = to_json(build_run())
    data["stories"][0]["claims"][0]["status"] = "probably"
    del data["articles"][0]["text"]
    problems = validate(data)
    assert any("probably" in p for p in problems)
    assert any("'text' is a required property" in p for p in problems)


def test_required_fields_present():
    data = to_json(build_run())
    article = data["articles"][0]
    for key in ("id", "source", "outlet", "title", "published", "story", "text", "language",
                "wire_credits", "dateline", "published_how", "removed"):
        assert key in article
    assert article["published"] == "2026-03-03T07:40:00+01:00"
    story = data["stories"][0]
    link = story["links"][0]
    assert {link["source"], link["target"]} == {"a1", "a2"} and link["direction"] == "source-to-target"
    claim = next(c for c in story["claims"] if c["id"] == "c-aboard")
    assert claim["status"] == "conflicting" and claim["independent_sources"] == 2
    assert {"id": "a3", "sentence": 1, "text": "Our reporters counted 230 people on board."} in claim["articles"]
    # "more than 200" is [200, ∞): JSON has no infinity, so the open end is null.
    open_ended = next(v for v in claim["values"] if v["normalized"] == ">200")
    assert open_ended["low"] == 200 and open_ended["high"] is None
    assert story["event"]["when"]["value"].endswith("+01:00")
    assert data["errors"] == [{"input": "inbox/broken.html",
                               "reason": "no article text left after cleaning (only navigation links)"}]


def test_json_is_strict_and_deterministic():
    text = dump_json(to_json(build_run()))
    json.loads(text, parse_constant=lambda c: pytest.fail(f"non-standard JSON constant {c}"))
    assert text == dump_json(to_json(build_run()))


def test_docs_schema_copies_are_current():
    for name in SCHEMAS:
        assert json.loads((DOCS_SCHEMA / name).read_text()) == load_schema(name), (
            f"docs/schema/{name} is stale: run `python -m newsfuse.schema docs/schema`"
        )


def test_story_to_json_is_the_story_of_to_json():
    run = build_run()
    assert story_to_json(run, run.stories[0]) == to_json(run)["stories"][0]


def test_markdown_cites_and_escapes():
    run = build_run(xss=True)
    run = replace(run, articles=run.articles[:3] + (replace(run.articles[3], title=XSS),))
    md = render_markdown(run)
    assert "[1][2][3][4] (2 independent sources)" in md
    assert "**212** [1][2] vs **230** [3]" in md
    assert "<script>" not in md and "\\<script\\>" in md
    assert "1 of 6 specific details unconfirmed" in md


def _no_external_resources(html: str) -> None:
    assert not re.search(r"<(?:link|iframe|object|embed|img|audio|video|source)\b", html, re.I)
    assert not re.search(r"<[^>]*\bsrc\s*=", html, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", html, re.I)


def test_html_is_self_contained_and_escaped():
    html = render_html(build_run(xss=True))
    _no_external_resources(html)
    assert "window.__nfPwned" in html  # the text is there ...
    assert "<script>window.__nfPwned" not in html  # ... but never as markup
    assert "&lt;script&gt;window.__nfPwned=1&lt;/script&gt;" in html
    assert 'onerror="window' not in html
    # The JSON block for the script cannot be closed by data.
    block = re.search(r'<script type="application/json" id="newsfuse-data">(.*?)</script>', html, re.S)
    assert block and "</" not in block.group(1)
    json.loads(block.group(1))
    # Exactly two script elements: the data block and the page's own script, no handlers.
    assert len(re.findall(r"<script\b", html)) == 2
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", html, re.I)


def test_html_csp_hash_matches_script():
    import base64
    import hashlib

    html = render_html(build_run())
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html


def test_html_shows_every_part():
    html = render_html(build_run())
    for needle in ("Sources disagree", "Reported by one source", "Event record", "Claims × articles",
                   "Articles side by side", "Who copied whom", "Timeline", "Removed while cleaning",
                   "Download our app for breaking news", "inbox/broken.html", 'marker-end="url(#s1-arrow-version)"',
                   'data-status="conflicting"'):
        assert needle in html, needle
    # Undirected links get no arrow.
    assert html.count("marker-end=") == 3


def test_write_outputs(tmp_path):
    paths = write_outputs(build_run(), tmp_path / "out")
    assert set(paths) == {"result.json", "report.md", "report.html", "claims.csv"}
    assert all(p.exists() and p.stat().st_size > 0 for p in paths.values())
    rows = list(csv.DictReader(paths["claims.csv"].open(encoding="utf-8")))
    assert len(rows) == len(build_run().stories[0].claims)
    assert rows[1]["status"] == "conflicting" and rows[1]["articles"] == "a1 a2 a3 a4"


def test_csv_defuses_formulas(tmp_path):
    run = build_run()
    story = run.stories[0]
    evil = Claim("c-evil", "=HYPERLINK(\"http://x\")", "single-source", (Mention("a1", 0, "=1+1"),), 1)
    run = replace(run, stories=(replace(story, claims=story.claims + (evil,)),))
    path = write_claims_csv(run, tmp_path / "claims.csv")
    last = list(csv.reader(path.open(encoding="utf-8")))[-1]
    assert last[5].startswith("'=")


def test_empty_run_renders():
    run = RunResult((), (), (), (), (), ())
    assert validate(to_json(run)) == []
    assert "No story was found" in render_html(run)
    assert render_markdown(run).startswith("# newsfuse report")


def test_value_without_finite_bounds():
    v = Value("count", "dozens", "dozens", "a1", 0, key="people", low=float("-inf"), high=float("inf"), precise=False)
    from newsfuse.report.jsonout import value_json

    assert value_json(v)["low"] is None and value_json(v)["high"] is None
