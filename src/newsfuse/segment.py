"""Split an article's text into sentences with their character spans.

blingfire's finite-state splitter is fast and keeps "Mr.", "U.S." and "p.m." inside
sentences; it needs no download (nltk's punkt does).  We split paragraphs first so a
headline or a section heading without a full stop never fuses with the next sentence.
"""

from __future__ import annotations

import re

import blingfire

from .model import Article, Sentence

_PARAGRAPH = re.compile(r"[^\n]+")


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    text = article.text
    for para in _PARAGRAPH.finditer(text):
        chunk = para.group()
        if not chunk.strip():
            continue
        _, offsets = blingfire.text_to_sentences_and_offsets(chunk)
        for start, end in offsets:
            piece = chunk[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            s = para.start() + start + lead
            sentences.append(
                Sentence(article.id, len(sentences), stripped, s, s + len(stripped))
            )
    return tuple(sentences)
