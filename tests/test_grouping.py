"""The fitted grouping of value buckets (grouping.py): hard rules, the mechanism, the shipped model."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse import grouping
from newsfuse.grouping import StoryView, candidate_pairs, join_by_model, pair_features
from newsfuse.model import Value
from newsfuse.paraphrase import BaggedMLP


def val(aid, text, low, high=None, *, key="job:cut", type="count", unit=None, idx=0, sentence=None):
    high = low if high is None else high
    sentence = sentence or f"The company said it would {text} this year."
    start = sentence.find(text)
    return Value(type=type, text=text, normalized=text, article_id=aid, sentence_index=idx, key=key,
                 low=low, high=high, unit=unit, span=(start, start + len(text)) if start >= 0 else (0, 0))


def view_of(*values):
    text_of = {}
    for v in values:
        text_of.setdefault((v.article_id, v.sentence_index), f"The company said it would {v.text} this year.")
    return StoryView(text_of=text_of, peak={}, scoped={}, aligned={})


def constant_model(p: float, n_features: int) -> BaggedMLP:
    """A model that answers ``p`` for every pair (zero first layer, bias = logit p)."""
    logit = float(np.log(p / (1 - p)))
    return BaggedMLP(mean=np.zeros(n_features), scale=np.ones(n_features), w1=np.zeros((1, n_features, 2)),
                     b1=np.zeros((1, 2)), w2=np.zeros((1, 2)), b2=np.array([logit]))


def models(p_join: float):
    return {"lexical": constant_model(p_join, len(grouping.LEXICAL_FEATURES))}


def test_candidates_follow_the_rules_that_define_one_figure():
    jobs = [val("a", "cut 1,400 jobs", 1400)]
    posts = [val("b", "remove 1,650 posts", 1650, key="post:remove")]
    far = [val("c", "hire 9,000 staff", 9000, key="staff:hire")]  # more than twice as many
    same_article = [val("a", "close 1,500 offices", 1500, key="office:close", idx=1)]
    km = [val("d", "1,400 km", 1400, type="quantity", unit="km", key="distance")]  # another family
    buckets = [jobs, posts, far, same_article, km]
    pairs = candidate_pairs(buckets, view_of(*[v for b in buckets for v in b]))
    assert (0, 1) in pairs
    assert (1, 3) in pairs
    assert not {(0, 2), (1, 2), (0, 3), (0, 4), (1, 4)} & set(pairs)


def test_join_never_brings_two_values_of_one_article_together():
    a = [val("a", "cut 1,400 jobs", 1400)]
    b = [val("b", "shed 1,400 positions", 1400, key="position:shed")]
    c = [val("a", "close 1,300 branches", 1300, key="branch:close", idx=2)]
    out = join_by_model([list(a), list(b), list(c)], view_of(*a, *b, *c), models=models(0.99))
    assert sorted(len(x) for x in out) == [1, 2]
    assert all(len({v.article_id for v in x}) == len(x) for x in out)


def test_nothing_joins_below_the_threshold():
    a = [val("a", "cut 1,400 jobs", 1400)]
    b = [val("b", "shed 1,400 positions", 1400, key="position:shed")]
    out = join_by_model([list(a), list(b)], view_of(*a, *b), models=models(0.2))
    assert len(out) == 2


def test_features_have_one_column_per_name():
    a = [val("a", "cut 1,400 jobs", 1400)]
    b = [val("b", "shed 1,400 positions", 1400, key="position:shed")]
    f = pair_features([a, b], [(0, 1)], view_of(*a, *b))
    assert f.shape == (1, len(grouping.LEXICAL_FEATURES))
    assert np.isfinite(f).all()


def test_shipped_model_loads_with_every_kind_and_the_feature_count():
    shipped = grouping.load_models()
    assert set(grouping.KINDS) <= set(shipped)
    assert shipped["lexical"].mean.shape[0] == len(grouping.LEXICAL_FEATURES)
    assert shipped["embed"].mean.shape[0] == len(grouping.EMBED_FEATURES)


def test_a_wrong_model_file_is_a_clear_error(tmp_path):
    path = tmp_path / "g.npz"
    grouping.save_models(path, {"lexical": constant_model(0.9, 3)})
    wrong = grouping.read_models(path)
    a = [val("a", "cut 1,400 jobs", 1400)]
    b = [val("b", "shed 1,400 positions", 1400, key="position:shed")]
    with pytest.raises(ValueError, match="expects 3 features"):
        join_by_model([a, b], view_of(*a, *b), models=wrong)


def test_an_unknown_join_mode_is_a_clear_error():
    from newsfuse.claims import build_claims
    from newsfuse.model import Story

    with pytest.raises(ValueError, match="joins must be one of"):
        build_claims(Story("s", "s", ()), [], {}, [], [], [], joins="rule")


def test_meaning_the_rules_hold_stays_a_rule_of_the_candidates():
    day = 86400.0
    monday = [val("a", "on Monday", 5 * day, 6 * day - 1, type="date", key="date:open")]
    friday = [val("b", "on Friday", 9 * day, 10 * day - 1, type="date", key="date:sell")]
    evacuated = [val("a", "evacuate 5 people", 5, key="person:evacuate", idx=1)]
    rescued = [val("b", "rescue 9 people", 9, key="person:rescue", idx=1)]
    two = [val("c", "two victims", 2, key="victim")]
    three = [val("d", "three men", 3, key="man")]
    buckets = [monday, friday, evacuated, rescued, two, three]
    assert candidate_pairs(buckets, view_of(*[v for b in buckets for v in b])) == []


def test_no_join_without_evidence_of_one_predicate():
    a = [val("a", "52%", 52, type="quantity", unit="%", key="percent:turnout")]
    b = [val("b", "48 percent", 48, type="quantity", unit="%", key="percent:seat")]
    view = StoryView(
        text_of={("a", 0): "Turnout reached 52% in the capital.", ("b", 0): "The ruling party won 48 percent of seats."},
        peak={}, scoped={}, aligned={},
    )
    models = {"lexical": constant_model(0.99, len(grouping.LEXICAL_FEATURES))}
    assert len(join_by_model([list(a), list(b)], view, models=models)) == 2
    aligned = StoryView(text_of=view.text_of, peak={}, scoped={}, aligned={("a", 0): 1, ("b", 0): 1})
    assert len(join_by_model([list(a), list(b)], aligned, models=models)) == 1


def test_the_run_settings_default_is_the_claims_stage_default():
    from newsfuse.claims import JOIN_MODES, JOINS
    from newsfuse.pipeline import Settings

    assert Settings().grouping == JOINS and JOINS in JOIN_MODES
