"""Quality gate: main-text extraction on the AEB benchmark stays above its floor."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
AEB = REPO.parent / "shared" / "evaldata" / "aeb"


@pytest.mark.slow
def test_aeb_f1_floor():
    if not (AEB / "ground-truth.json").is_file():
        pytest.skip(f"AEB evaluation data not found at {AEB} (../shared is absent)")
    import gzip
    import json
    import logging

    logging.disable(logging.WARNING)
    spec = importlib.util.spec_from_file_location("extraction_bench", REPO / "benchmarks" / "extraction.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules["extraction_bench"] = bench
    spec.loader.exec_module(bench)
    from newsfuse.clean import clean
    from newsfuse.model import RawDocument

    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    pairs = []
    for key in sorted(truth):
        html = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        raw = RawDocument(source=key, kind="html", content=html, meta=(("url", truth[key]["url"]),))
        pairs.append((truth[key]["articleBody"], clean(raw).text))
    precision, recall, f1 = bench.score(pairs)
    # Measured 0.971 (P 0.966, R 0.976); the floor leaves room for library updates.
    assert f1 >= 0.96, (precision, recall, f1)
