"""Fifth round of claims behaviour: the story's own day, claimant names, reports that list their
sources, and clock times of one report's timeline."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from newsfuse.claimjoin import claimants_meet, join_event_day
from newsfuse.claims import _lists_sources, build_claims
from newsfuse.model import Article, Removal, Sentence, SourceGroup, Story
from newsfuse.values import extract_values

from .test_claims_round3 import val

T0 = datetime(2026, 10, 6, 9, 0, tzinfo=timezone.utc)


def test_the_day_most_reports_give_is_one_claim_whatever_the_verb():
    day = 86400.0
    base = 1786492800.0  # 2026-08-12 00:00 UTC
    d = lambda aid, text, key: val(aid, 0, text, base, base + day - 1, key=key, type="date")  # noqa: E731
    buckets = [[d("a", "on Thursday", "date:slam")], [d("b", "on Thursday", "date:spare")],
               [d("c", "November 12", "date:make")], [val("d", 0, "on Friday", base + day, base + 2 * day - 1,
                                                          key="date:open", type="date")]]
    out = join_event_day(buckets)
    assert len(out) == 2
    assert sorted(v.article_id for v in out[0]) == ["a", "b", "c"]
    # Two days reported equally often: no day is the story's own.
    tie = [[d("a", "on Thursday", "date:x")], [d("b", "on Thursday", "date:y")],
           [val("c", 0, "on Friday", base + day, base + 2 * day - 1, key="date:z", type="date")],
           [val("d", 0, "on Friday", base + day, base + 2 * day - 1, key="date:w", type="date")]]
    assert len(join_event_day(tie)) == 4


def test_claimants_meet_on_a_distinctive_word_not_on_a_kind_of_body():
    assert claimants_meet({"marion county emergency manager ruth hoekstra"}, {"marion county emergency management"})
    assert claimants_meet({"police"}, {"police in ghana"})
    assert not claimants_meet({"health ministry"}, {"interior ministry"})
    assert not claimants_meet({"police"}, {"organisers"})
    assert not claimants_meet(set(), {"police"})


def test_a_report_that_lists_its_sources_is_derived():
    listing = Article(id="x", source="x", text="t", removed=(Removal("Sources:", "related / sources list"),))
    related = Article(id="y", source="y", text="t", removed=(Removal("Related", "related / sources list"),))
    assert _lists_sources(listing) and not _lists_sources(related)


def _story(texts, removed=None):
    arts, sents = [], {}
    for aid, (hours, text) in texts.items():
        arts.append(Article(id=aid, source=aid, text=text, published=T0 + timedelta(hours=hours),
                            removed=(removed or {}).get(aid, ())))
        sents[aid] = (Sentence(aid, 0, text, 0, len(text)),)
    return arts, sents


def _claims(arts, sents, links=()):
    values = [v for a in arts for s in sents[a.id] for v in extract_values(a, s)]
    story = Story("s", "s", tuple(a.id for a in arts), arts[0].published, arts[-1].published)
    return build_claims(story, arts, sents, values, links, [SourceGroup(f"g{a.id}", (a.id,)) for a in arts])


def test_a_figure_carried_by_a_rewrite_and_a_source_listing_report_is_weak_corroboration():
    from newsfuse.model import ReuseLink

    arts, sents = _story({
        "w": (0, "The rocket was launched from the coast on Tuesday, the agency said."),
        "r": (2, "The rocket flew about 350 kilometres before it fell into the sea."),
        "f": (3, "It travelled approximately 350 km before falling into the sea."),
    }, removed={"f": (Removal("Sources:", "related / sources list"),)})
    links = [ReuseLink(source="w", target="r", kind="expansion", score=0.3, directed=True)]
    found = [c for c in _claims(arts, sents, links) if c.key and any("350" in v.text for v in c.values)]
    assert found and found[0].status == "corroborated"
    assert "Weak corroboration" in found[0].explanation and "lists as its sources" in found[0].explanation


def test_of_a_reports_timeline_only_the_nearest_time_joins_anothers_time():
    arts, sents = _story({
        "a": (0, "The quake struck shortly after 4 a.m., officials said."),
        "b": (1, "The navy issued a tsunami alert at 4:29 a.m. and cancelled it at 7:31 a.m."),
    })
    holding = [c for c in _claims(arts, sents) if any("7:31" in v.text for v in c.values)]
    assert holding
    for c in holding:
        assert {v.article_id for v in c.values} == {"b"}, c.explanation


def test_rival_estimates_that_fall_and_then_rise_past_the_first_are_a_dispute():
    from newsfuse.crosscheck import assess

    from .test_claims_round3 import groups_of, pub

    fee = lambda aid, m: val(aid, 0, f"€{m} million", m * 1e6, key="money:fee", type="quantity", unit="EUR")  # noqa: E731
    trough = [fee("a", 18), fee("b", 12), fee("c", 21)]
    assert assess(trough, groups_of(["a"], ["b"], ["c"]), pub(a=0, b=5, c=20)).status == "conflicting"
    # One way only is a figure on the move.
    rising = [fee("a", 12), fee("b", 18), fee("c", 21)]
    assert assess(rising, groups_of(["a"], ["b"], ["c"]), pub(a=0, b=5, c=20)).status == "evolving"


def test_counts_of_one_noun_orders_of_magnitude_apart_stay_apart():
    arts, sents = _story({
        "a": (0, "Utilities said roughly 62,000 homes were without power on Tuesday night."),
        "b": (5, "The tornado destroyed 63 homes in the town, the county said."),
    })
    for c in _claims(arts, sents):
        texts = {v.text for v in c.values}
        assert not ({"roughly 62,000 homes", "63 homes"} <= texts), c.explanation


def test_a_running_total_that_falls_is_no_update():
    from newsfuse.crosscheck import assess

    from .test_claims_round3 import groups_of, pub

    vs = [val("a", 0, "23 schools", 23, key="count:school", span=(24, 34)),
          val("b", 0, "19 schools", 19, key="count:school", span=(26, 36))]
    texts = {("a", 0): "Cases were confirmed at 23 schools, officials said.",
             ("b", 0): "So far cases have reached 19 schools in the region."}
    assert assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=8), sentence_text=texts).status == "conflicting"
    rising = [val("a", 0, "19 schools", 19, key="count:school", span=(24, 34)),
              val("b", 0, "23 schools", 23, key="count:school", span=(26, 36))]
    texts = {("a", 0): "Cases were confirmed at 19 schools, officials said.",
             ("b", 0): "So far cases have reached 23 schools in the region."}
    assert assess(rising, groups_of(["a"], ["b"]), pub(a=0, b=8), sentence_text=texts).status == "evolving"


def test_two_ages_of_one_person_are_a_dispute_not_an_update():
    from newsfuse.crosscheck import assess

    from .test_claims_round3 import groups_of, pub

    age = lambda aid, n: val(aid, 0, f"{n}-year-old", n, key="age:leader", type="quantity", unit="yr",  # noqa: E731
                             claimant="police")
    result = assess([age("a", 34), age("b", 29)], groups_of(["a"], ["b"]), pub(a=0, b=10))
    assert result.status == "conflicting", result.explanation
