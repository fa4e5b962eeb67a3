"""quotes: one quotation across articles, altered wording, misattribution."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsfuse.model import Article, Sentence
from newsfuse.quotes import quotation_claims, same_quotation
from newsfuse.values import extract_values

T0 = datetime(2026, 3, 3, 9, 0, tzinfo=timezone.utc)


def _claims(texts: dict[str, str], groups: dict[str, str] | None = None):
    values, text_of = [], {}
    for i, (aid, text) in enumerate(texts.items()):
        article = Article(aid, aid, text, published=T0)
        sentence = Sentence(aid, 0, text, 0, len(text))
        text_of[(aid, 0)] = text
        values += extract_values(article, sentence)
    group_of = groups or {aid: aid for aid in texts}
    return quotation_claims(values, text_of, group_of, {aid: i for i, aid in enumerate(texts)})


@pytest.mark.parametrize("a, b, same", [
    ("we will rebuild every house in this town", "we will rebuild every house in this town", True),
    ("model ally", "a model ally for the region and the world", True),  # a fragment
    ("we will rebuild every house in this town", "we will not rebuild every house in this town", True),
    ("we will rebuild every house in this town", "the budget for next year is not yet settled", False),
    ("very sad", "very bad", False),  # short quotes must be equal or contained
])
def test_same_quotation(a, b, same):
    assert same_quotation(a, b) is same


def test_same_words_from_two_sources_corroborate():
    claims = _claims({
        "x": 'The mayor said: "We will rebuild every house in this town."',
        "y": '"We will rebuild every house in this town," Mayor Ana Ruiz told reporters.',
    })
    assert [c.status for c in claims] == ["corroborated"]
    assert claims[0].independent_sources == 2 and {m.article_id for m in claims[0].mentions} == {"x", "y"}


def test_one_source_printing_a_quote_twice_is_single_source():
    claims = _claims({
        "x": 'The mayor said: "We will rebuild every house in this town."',
        "x2": 'The mayor said: "We will rebuild every house in this town."',
    }, groups={"x": "g", "x2": "g"})
    assert [c.status for c in claims] == ["single-source"]


def test_altered_quotation_is_divergent_and_names_the_change():
    claims = _claims({
        "x": 'The minister said: "We will not raise taxes on small businesses this year."',
        "y": 'The minister said: "We will raise taxes on small businesses this year."',
    })
    assert len(claims) == 1
    c = claims[0]
    assert c.status == "divergent"
    assert len(c.sides) == 2 and "not" in c.explanation
    assert {a for _, arts in c.sides for a in arts} == {"x", "y"}


def test_quotes_in_one_article_only_make_no_claim():
    assert _claims({"x": 'She said: "The bridge will open in May," and "it will be free."'}) == []


def test_same_words_from_two_named_speakers_are_flagged():
    claims = _claims({
        "x": '"The harbour will reopen within a week," Transport Minister Ana Ruiz said.',
        "y": '"The harbour will reopen within a week," Mayor Tomas Berg said.',
    })
    assert [c.status for c in claims] == ["divergent"]
    assert "different speakers" in claims[0].explanation
