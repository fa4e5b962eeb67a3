"""Helpers for the value-extraction tests: one sentence read as a whole article."""

from __future__ import annotations

from datetime import datetime

from newsfuse.model import Article, Sentence, Value
from newsfuse.values import extract_values


def sentence_values(text: str, published: datetime | None, article_text: str | None = None) -> tuple[Value, ...]:
    """The values of ``text`` as the one sentence of an article (``article_text`` when the
    article holds more than the sentence) published at ``published``."""
    art = Article(id="a", source="test", text=article_text or text, published=published)
    return extract_values(art, Sentence("a", 0, text, 0, len(text)))


def only(found: list[Value], what: str, text: str) -> Value:
    """The one value of ``found``; fails naming ``what`` was looked for in ``text``."""
    assert len(found) == 1, f"expected one {what} in {text!r}, got {found}"
    return found[0]
