"""Golden files for the whole pipeline on the bundled examples (lexical path).

The goldens pin today's complete output of `newsfuse run examples/ --model none`: any change
to a stage shows up here as a diff to review.  After an intended change, regenerate with
NEWSFUSE_UPDATE_GOLDEN=1 and read the diff before committing it.
"""

from __future__ import annotations

import os

import pytest

from newsfuse.pipeline import Settings, run
from newsfuse.report import dump_json, render_markdown, to_json
from newsfuse.schema import validate

from .conftest import EXAMPLES, REPO

GOLDEN = REPO / "tests" / "data" / "examples"
UPDATE = os.environ.get("NEWSFUSE_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def examples_run():
    cwd = os.getcwd()
    os.chdir(REPO)  # sources are recorded as given: keep them relative and machine-independent
    try:
        return run(["examples"], Settings(model=None), embedder=None)
    finally:
        os.chdir(cwd)


def check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"golden {path} missing; run with NEWSFUSE_UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden; if the change is intended, regenerate with "
        "NEWSFUSE_UPDATE_GOLDEN=1 and review the diff"
    )


def test_examples_two_stories(examples_run):
    assert not examples_run.errors
    assert len(examples_run.stories) == 2
    assert all(len(s.story.articles) == 7 for s in examples_run.stories)


def test_examples_result_json_golden(examples_run):
    data = to_json(examples_run)
    assert validate(data) == []
    check("result.json", dump_json(data))


def test_examples_report_md_golden(examples_run):
    check("report.md", render_markdown(examples_run))
