"""Fourth round of claims behaviour: rising floors reported out of order, the grouping model."""

from __future__ import annotations

from newsfuse.crosscheck import assess

from .test_claims_round3 import groups_of, pub, val

INF = float("inf")


def _floor(aid, low, text=None):
    return val(aid, 0, text or f"at least {low}", low, INF, key="count:death")


def test_floors_of_one_day_and_a_stale_reprint_still_read_as_a_rising_toll():
    # ≥4 first; a day later one outlet says ≥12 while three say ≥9 (articles dated by their day),
    # and a reprint after that still says ≥9: floors never dispute each other.
    vs = [_floor("a", 4), _floor("b", 9), _floor("c", 12), _floor("d", 9), _floor("e", 9)]
    result = assess(vs, groups_of(*[[x] for x in "abcde"]), pub(a=0, b=24, c=24, d=24, e=30))
    assert result.status == "evolving"
    assert [side for side, _ in result.sides] == ["at least 4", "at least 9", "at least 12"]
    assert "floor raised" in result.explanation


def test_floors_first_reported_together_are_no_change():
    # Two outlets at one moment, "at least 9" and "at least 12": no earlier report, no rise.
    vs = [_floor("a", 9), _floor("b", 12)]
    assert assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=0)).status == "corroborated"


def test_a_higher_floor_reported_before_a_lower_one_is_no_rise():
    vs = [_floor("a", 12), _floor("b", 9), _floor("c", 20)]
    result = assess(vs, groups_of(["a"], ["b"], ["c"]), pub(a=0, b=5, c=10))
    assert "floor raised" not in result.explanation


def _rewrites_story(linked: bool):
    from newsfuse.claims import build_claims
    from newsfuse.model import ReuseLink, SourceGroup, Story

    from .test_claims_round3 import _story
    from newsfuse.values import extract_values

    arts, sents = _story({
        "w": (0, "The rocket was launched from the coast on Tuesday, the agency said."),
        "r1": (2, "The rocket flew about 350 kilometres before it fell into the sea."),
        "r2": (3, "It travelled approximately 350 km before falling into the sea."),
    })
    values = [v for a in arts for s in sents[a.id] for v in extract_values(a, s)]
    links = []
    if linked:
        links = [ReuseLink(source="w", target=r, kind="expansion", score=0.3, directed=True) for r in ("r1", "r2")]
    groups = [SourceGroup(id=a.id, articles=(a.id,)) for a in arts]
    story = Story("s", "s", tuple(a.id for a in arts), arts[0].published, arts[-1].published)
    claims = build_claims(story, arts, sents, values, links, groups)
    return [c for c in claims if c.key and any("350" in v.text for v in c.values)]


def test_a_figure_only_two_rewrites_carry_is_weak_corroboration():
    found = _rewrites_story(linked=True)
    assert found and found[0].status == "corroborated"
    assert "Weak corroboration" in found[0].explanation
    assert "r1 of w" in found[0].explanation


def test_independent_reports_of_a_figure_are_plain_corroboration():
    found = _rewrites_story(linked=False)
    assert found and found[0].status == "corroborated"
    assert "Weak corroboration" not in found[0].explanation
