"""Quality gate: claims on the team-written labelled stories (benchmarks/data/claims).

Runs the real stages without sentence embeddings (fast) and asserts floors pinned a little
below what was measured (docs/benchmarks.md, "Claims").  A change that loses conflicts,
evolving figures or agreements fails here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "benchmarks" / "data" / "claims"

# Measured without embeddings (2-core CPU): conflict P 0.708 R 0.362; evolving P 0.947
# R 0.565; agreement P 0.500 R 0.550.  Floors sit a little below.
FLOORS = {
    "conflict": (0.65, 0.33),
    "evolving": (0.85, 0.50),
    "agreement": (0.45, 0.50),
}


@pytest.fixture(scope="module")
def tally():
    files = sorted(DATA.glob("*.json"))
    if not files:
        pytest.skip(f"no labelled stories in {DATA}")
    spec = importlib.util.spec_from_file_location("claims_benchmark", REPO / "benchmarks" / "claims.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)  # type: ignore[union-attr]
    return bench.evaluate(files, None)


@pytest.mark.parametrize("relation", sorted(FLOORS))
def test_floor(tally, relation):
    t = tally[relation]
    precision = t["tp"] / t["pred"] if t["pred"] else 0.0
    recall = t["found"] / t["expected"] if t["expected"] else 0.0
    p_floor, r_floor = FLOORS[relation]
    assert precision >= p_floor, f"{relation} precision {precision:.3f} < {p_floor} ({t})"
    assert recall >= r_floor, f"{relation} recall {recall:.3f} < {r_floor} ({t})"
