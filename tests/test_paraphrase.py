"""Behavioural tests of the paraphrase model (newsfuse.paraphrase), on sentences written for them."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse import paraphrase as pp

REPORT = "The regional council approved a budget of 48 million euros for new tram lines on Thursday."
REWORDED = "On Thursday the regional council passed a 48 million euro budget for new tram lines."
OTHER_NUMBER = "The regional council approved a budget of 93 million euros for new tram lines on Thursday."
UNRELATED = "A heavy storm closed mountain passes and cut power to several villages overnight."
NEGATED = "The regional council did not approve a budget of 48 million euros for new tram lines on Thursday."


def test_model_file_loads_with_both_variants():
    models = pp.load_models()
    assert set(models) == set(pp.KINDS)
    for kind, cos in (("embed", 0.5), ("lexical", None)):
        m = models[kind]
        n = len(pp.features(REPORT, REWORDED, cos))
        assert m.mean.shape == (n,) and m.scale.shape == (n,)
        assert m.w1.shape[1] == n and m.w1.shape[0] == m.w2.shape[0] == m.b2.shape[0]


@pytest.mark.parametrize("cos", [None, 0.1, 0.5, 0.95])
@pytest.mark.parametrize("pair", [(REPORT, REWORDED), (REPORT, UNRELATED), ("", ""), ("Yes.", REPORT)])
def test_probabilities_are_probabilities(pair, cos):
    p = pp.probability(*pair, cos)
    assert 0.0 <= p <= 1.0


@pytest.mark.parametrize("cos_para, cos_other", [(None, None), (0.9, 0.1)])
def test_paraphrase_scores_above_unrelated_sentence(cos_para, cos_other):
    assert pp.probability(REPORT, REWORDED, cos_para) > 0.5
    assert pp.probability(REPORT, UNRELATED, cos_other) < 0.2


@pytest.mark.parametrize("cos", [None, 0.95])
def test_changed_number_lowers_the_score(cos):
    assert pp.probability(REPORT, OTHER_NUMBER, cos) < pp.probability(REPORT, REPORT, cos)
    f_same = pp.features(REPORT, REPORT, cos)
    f_changed = pp.features(REPORT, OTHER_NUMBER, cos)
    assert not np.array_equal(f_same, f_changed)


def test_order_of_the_two_sentences_does_not_matter():
    for cos in (None, 0.8):
        assert pp.probability(REPORT, REWORDED, cos) == pytest.approx(pp.probability(REWORDED, REPORT, cos))


def test_negation_and_lemmas_are_seen():
    a, b = pp.tokens(REPORT), pp.tokens(NEGATED)
    assert pp._negated(b) and not pp._negated(a)
    assert pp.lemma("approved") == "approve" and pp.lemma("lines") == "line"
    assert pp.information("the") < 1.0 < pp.information("tram")


def test_identical_sentences_have_full_overlap_features():
    f = pp.base_features(REPORT, REPORT, 1.0)
    assert f[:4] == [1.0, 1.0, 1.0, 1.0] and f[4] == 0.0 and f[6] == 0.0


def test_predictor_matches_a_hand_computed_network():
    rng = np.random.default_rng(0)
    m = pp.BaggedMLP(
        mean=np.zeros(3), scale=np.ones(3), w1=rng.normal(size=(2, 3, 4)), b1=rng.normal(size=(2, 4)),
        w2=rng.normal(size=(2, 4)), b2=rng.normal(size=2),
    )
    x = rng.normal(size=3)
    expected = np.mean(
        [1 / (1 + np.exp(-(np.maximum(0, x @ m.w1[k] + m.b1[k]) @ m.w2[k] + m.b2[k]))) for k in range(2)]
    )
    assert m.predict(x)[0] == pytest.approx(expected)


def test_model_refuses_features_of_another_length():
    m = pp.load_models()["lexical"]
    with pytest.raises(ValueError, match="expects"):
        m.predict(np.zeros(m.mean.shape[0] + 1))
