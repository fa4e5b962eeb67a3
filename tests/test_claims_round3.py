"""Third round of claims rules: each test can fail on the rule it names (written by hand)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsfuse.claims import build_claims
from newsfuse.crosscheck import assess, compatible
from newsfuse.model import Article, Sentence, SourceGroup, Story, Value
from newsfuse.timeexpr import find_dates
from newsfuse.values import earlier_events, extract_values

T0 = datetime(2031, 5, 4, 8, 0, tzinfo=UTC)


def val(aid, idx, text, low, high=None, *, key="count:injured", type="count", unit=None, precise=True,
        claimant=None, qualifier=None, span=(0, 0)):
    high = low if high is None else high
    return Value(type=type, text=text, normalized=text, article_id=aid, sentence_index=idx, key=key,
                 low=low, high=high, unit=unit, precise=precise, claimant=claimant, qualifier=qualifier,
                 span=span)


def groups_of(*members):
    return {aid: f"g{i}" for i, grp in enumerate(members) for aid in grp}


def pub(**hours):
    return {aid: T0 + timedelta(hours=h) for aid, h in hours.items()}


def extract(text, published=T0, aid="a"):
    art = Article(id=aid, source=aid, text=text, published=published)
    return extract_values(art, Sentence(aid, 0, text, 0, len(text)))


def test_month_with_next_year_resolves_to_next_year():
    got = [(d.text, d.normalized) for d in find_dates("The cuts end by the end of June next year.", T0)]
    assert got == [("June next year", "2032-06")]
    assert [d.normalized for d in find_dates("Sales fell in March last year.", T0)] == ["2030-03"]
    # "next year" alone is still the year.
    assert [d.normalized for d in find_dates("Growth will pick up next year.", T0)] == ["2032"]


def test_one_decimal_figure_on_the_rounding_edge_of_a_whole_one_disagrees():
    pct = lambda t, lo, hi: val("a", 0, t, lo, hi, key="percent:rent", type="quantity", unit="%")  # noqa: E731
    assert compatible(pct("2.5%", 2.45, 2.55), pct("3%", 2.5, 3.5)) is False
    assert compatible(pct("2.8%", 2.75, 2.85), pct("3%", 2.5, 3.5)) is True
    # A hedged whole figure may cover the half.
    hedged = val("b", 0, "about 3%", 2.5, 3.5, key="percent:rent", type="quantity", unit="%", qualifier="about")
    assert compatible(pct("2.5%", 2.45, 2.55), hedged) is True


def test_cue_shared_with_the_first_level_does_not_mark_a_change():
    vs = [val("a", 0, "2.5%", 2.45, 2.55, key="percent:increase", type="quantity", unit="%", span=(30, 34)),
          val("b", 0, "3%", 2.5, 3.5, key="percent:increase", type="quantity", unit="%", span=(30, 32))]
    texts = {("a", 0): "The law caps rent increases at 2.5% a year.",
             ("b", 0): "The law caps rent increases at 3% a year."}
    r = assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=5), sentence_text=texts)
    assert r.status == "conflicting"


def test_vote_tally_gives_its_sides_when_the_verb_says_who_won():
    got = {(v.key, v.normalized) for v in extract("Parliament approved the bill by 121 votes to 96.")}
    assert {("vote:favour", "121"), ("vote:against", "96"), ("tally:vote", "121–96")} <= got
    got = {(v.key, v.normalized) for v in extract("Deputies rejected the motion by 121 votes to 96.")}
    assert ("vote:against", "121") in got and ("vote:favour", "96") in got
    # No verb of passing or failing: no sides.
    assert not [v for v in extract("The count stood at 121 votes to 96.") if v.key.startswith("vote:")]


def test_vague_level_does_not_turn_a_dispute_into_an_evolution():
    vs = [val("a", 0, "several", 3, 7, precise=False), val("b", 0, "31", 31), val("c", 0, "27", 27)]
    r = assess(vs, groups_of(["a"], ["b"], ["c"]), pub(a=0, b=6, c=7))
    assert r.status == "conflicting"
    # A floor met by a later figure still reads as a rising toll.
    ok = [val("a", 0, "at least 12", 12, float("inf")), val("b", 0, "hundreds", 200, 999, precise=False),
          val("c", 0, "18", 18)]
    assert assess(ok, groups_of(["a"], ["b"], ["c"]), pub(a=0, b=3, c=6)).status == "evolving"


def test_moves_through_one_trading_day_are_evolving():
    s1 = "Its shares were down 9.8% by late morning."
    s2 = "Its shares closed down 11.4% on the day."
    vs = [val("a", 0, "9.8%", 9.75, 9.85, key="percent:share", type="quantity", unit="%",
              span=(s1.index("9.8%"), s1.index("9.8%") + 4)),
          val("b", 0, "11.4%", 11.35, 11.45, key="percent:share", type="quantity", unit="%",
              span=(s2.index("11.4%"), s2.index("11.4%") + 5))]
    texts = {("a", 0): s1, ("b", 0): s2}
    assert assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=5), sentence_text=texts).status == "evolving"
    # The other order (close, then morning) is a dispute.
    assert assess(vs, groups_of(["a"], ["b"]), pub(a=5, b=0), sentence_text=texts).status == "conflicting"


def test_threshold_after_of_is_no_measurement_and_or_more_is_a_floor():
    assert not [v for v in extract("Aftershocks of magnitude 5 or more may follow.") if v.type == "quantity"]
    six = [v for v in extract("Six people or more died.") if v.type == "count"]
    assert six and six[0].low == 6 and six[0].high == float("inf")


def _story(texts):
    arts, sents = [], {}
    for aid, (hours, text) in texts.items():
        arts.append(Article(id=aid, source=aid, text=text, published=T0 + timedelta(hours=hours)))
        sents[aid] = (Sentence(aid, 0, text, 0, len(text)),)
    return arts, sents


def test_earlier_event_in_the_story_window_is_keyed_by_its_own_date():
    arts, sents = _story({
        "a": (0, "The coast was shaken by a magnitude 5.8 quake on April 12, which damaged a church."),
        "b": (30, "A magnitude 6.9 quake struck the coast on Sunday."),
        "c": (2, "The same coast was hit by a magnitude 6.1 tremor in 2019."),
    })
    values = [v for a in arts for s in sents[a.id] for v in extract_values(a, s)]
    keyed = {v.article_id: v.key for v in earlier_events(values, arts, sents) if v.type == "quantity"}
    assert keyed["a"].endswith(":2031-04:past")
    assert not keyed["b"].endswith(":past")  # this event, dated after the first report
    assert keyed["c"].endswith(":past") and keyed["c"] != keyed["a"]
    claims = build_claims(Story("s", "s", ("a", "c", "b")), arts, sents, values, (),
                          [SourceGroup(f"g{a.id}", (a.id,)) for a in arts])
    assert not [c for c in claims if c.status == "conflicting"]


def test_definite_period_of_the_story_before_its_first_report_keeps_its_key():
    arts, sents = _story({
        "a": (0, "She had taken 38.5 percent in the first round on April 12."),
    })
    values = [v for a in arts for s in sents[a.id] for v in extract_values(a, s)]
    assert not [v for v in earlier_events(values, arts, sents) if v.key.endswith(":past")]


def test_cue_of_the_wrong_direction_does_not_mark_a_change():
    s1 = "The eruption released about 18,000 tonnes of gas."
    s2 = "It emitted 12,000 tonnes of gas and the ash column rose to 12 km."
    vs = [val("a", 0, "about 18,000 tonnes", 17_000, 19_000, key="mass:gas", type="quantity", unit="kg",
              span=(s1.index("about"), s1.index(" of"))),
          val("b", 0, "12,000 tonnes", 12_000, key="mass:gas", type="quantity", unit="kg",
              span=(s2.index("12,000"), s2.index("12,000") + 13))]
    texts = {("a", 0): s1, ("b", 0): s2}
    assert assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=9), sentence_text=texts).status == "conflicting"
    # The same cue with a figure that did rise marks the change.
    up = {("a", 0): s1, ("b", 0): "Emissions rose to 25,000 tonnes of gas."}
    vs2 = [vs[0], val("b", 0, "25,000 tonnes", 25_000, key="mass:gas", type="quantity", unit="kg",
                      span=(16, 29))]
    assert assess(vs2, groups_of(["a"], ["b"]), pub(a=0, b=9), sentence_text=up).status == "evolving"


def test_within_a_week_is_a_duration_of_seven_days():
    week = [v for v in extract("The panel must report within a week.") if v.type == "quantity"]
    assert [(v.text, v.normalized) for v in week] == [("a week", "7 d")]
    assert not [v for v in extract("Two days later the panel met for a day.") if v.text == "a day"]


def test_a_floor_raised_later_is_evolving_and_a_restated_floor_is_not():
    inf = float("inf")
    vs = [val("a", 0, "at least 48", 48, inf, key="count:flight"), val("b", 0, "more than 70", 71, inf,
                                                                      key="count:flight")]
    assert assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=14)).status == "evolving"
    same = [val("a", 0, "at least 200", 200, inf, key="count:flight"),
            val("b", 0, "more than 200", 201, inf, key="count:flight")]
    assert assess(same, groups_of(["a"], ["b"]), pub(a=0, b=14)).status == "corroborated"


def test_a_date_after_an_infinitive_is_keyed_by_that_verb():
    keys = {v.key for v in extract("The firm expects to complete the cuts by March 2032.") if v.type == "date"}
    assert keys == {"date:complete"}
    # A word after "to" that can be a noun is not taken for the verb.
    keys = {v.key for v in extract("Pupils went back to school on May 2.") if v.type == "date"}
    assert "date:school" not in keys
