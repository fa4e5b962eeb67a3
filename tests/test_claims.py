"""Claims and cross-checking on hand-built values, links and groups (no other stage needed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsfuse.claims import build_claims, unconfirmed_counts
from newsfuse.crosscheck import assess
from newsfuse.model import Article, ReuseLink, Sentence, SentencePair, SourceGroup, Story, Value

T0 = datetime(2031, 5, 4, 8, 0, tzinfo=UTC)


def val(aid, idx, text, low, high=None, *, key="count:boats", type="count", unit=None,
        precise=True, claimant=None, normalized=None, qualifier=None):
    high = low if high is None else high
    return Value(type=type, text=text, normalized=normalized or text, article_id=aid,
                 sentence_index=idx, key=key, low=low, high=high, unit=unit, precise=precise,
                 claimant=claimant, qualifier=qualifier)


def groups_of(*members):
    return {aid: f"g{i}" for i, grp in enumerate(members) for aid in grp}


def pub(**hours):
    return {aid: T0 + timedelta(hours=h) for aid, h in hours.items()}


def test_conflict_between_independent_precise_values():
    vs = [val("a", 0, "3 boats", 3), val("b", 2, "four boats", 4)]
    r = assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=0))
    assert r.status == "conflicting"
    assert dict(r.sides) == {"3 boats": ("a",), "four boats": ("b",)}
    assert "3 boats" in r.explanation and "four boats" in r.explanation


def test_conflict_of_magnitudes_and_places():
    mags = [val("a", 0, "7.4", 7.4, key="magnitude", type="quantity"),
            val("b", 0, "7.6", 7.6, key="magnitude", type="quantity")]
    assert assess(mags, groups_of(["a"], ["b"]), pub(a=0, b=1)).status == "conflicting"
    places = [val("a", 1, "north of Ardmore", None, None, key="place:ardmore", type="place",
                  normalized="north of Ardmore", qualifier="north of"),
              val("b", 3, "northeast of Ardmore", None, None, key="place:ardmore", type="place",
                  normalized="northeast of Ardmore", qualifier="northeast of")]
    r = assess(places, groups_of(["a"], ["b"]), pub(a=0, b=0))
    assert r.status == "conflicting"


def test_leaving_out_a_figure_is_not_a_conflict():
    vs = [val("a", 0, "12", 12), val("a", 4, "3", 3), val("b", 1, "twelve", 12)]
    assert assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=0)).status == "corroborated"


def test_vague_against_precise_is_divergent():
    vs = [val("a", 0, "several boats", 3, 9, precise=False, normalized="several"),
          val("b", 0, "two boats", 2, normalized="2")]
    r = assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=0))
    assert r.status == "divergent"
    assert "vague" in r.explanation


def test_different_claimants_with_precise_values_conflict():
    # Two precise figures that cannot both be true leave the reader a choice, whoever gives them.
    vs = [val("a", 0, "two", 2, claimant="the port authority"),
          val("b", 0, "three", 3, claimant="the fishermen's union")]
    r = assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=0))
    assert r.status == "conflicting"
    assert "claimants" in r.explanation
    # Both voices inside one article: the article reports a dispute, a divergence.
    same = [val("a", 0, "two", 2, claimant="the port authority"),
            val("a", 3, "three", 3, claimant="the fishermen's union")]
    assert assess(same, groups_of(["a"]), pub(a=0)).status == "divergent"


def test_rising_toll_is_evolving_with_its_sequence():
    vs = [val("a", 0, "at least 10 dead", 10, key="count:dead"),
          val("b", 0, "15 dead", 15, key="count:dead"),
          val("c", 0, "22 dead", 22, key="count:dead"),
          val("d", 0, "15 people dead", 15, key="count:dead")]
    r = assess(vs, groups_of(["a"], ["b"], ["c"], ["d"]), pub(a=0, b=3, d=4, c=9))
    assert r.status == "evolving"
    assert [s[0] for s in r.sides] == ["at least 10 dead", "15 dead", "22 dead"]
    assert r.sides[1][1] == ("b", "d")
    assert "→" in r.explanation


def test_two_point_change_needs_a_mark_of_change():
    plain = [val("a", 0, "10", 10, key="count:dead"), val("b", 0, "15", 15, key="count:dead")]
    g, p = groups_of(["a"], ["b"]), pub(a=0, b=5)
    assert assess(plain, g, p).status == "conflicting"
    texts = {("a", 0): "Ten people died.", ("b", 0): "The toll has risen to 15."}
    assert assess(plain, g, p, sentence_text=texts).status == "evolving"
    # Coming back to an earlier figure is a dispute, not a change.
    zigzag = plain + [val("c", 0, "ten", 10, key="count:dead")]
    assert assess(zigzag, groups_of(["a"], ["b"], ["c"]), pub(a=0, b=5, c=9)).status == "conflicting"


def test_figure_that_rises_and_falls_is_evolving():
    vs = [val("a", 0, "180,000", 180_000, key="count:homes"), val("b", 0, "240,000", 240_000, key="count:homes"),
          val("c", 0, "95,000", 95_000, key="count:homes")]
    r = assess(vs, groups_of(["a"], ["b"], ["c"]), pub(a=0, b=5, c=20))
    assert r.status == "evolving"
    assert [s[0] for s in r.sides] == ["180,000", "240,000", "95,000"]


def test_vague_figure_made_precise_later_is_evolving():
    vs = [val("a", 0, "dozens", 24, 99, precise=False, key="count:hurt"),
          val("b", 0, "46", 46, key="count:hurt")]
    assert assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=6)).status == "evolving"
    # ... but at one moment it is a divergence.
    assert assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=0)).status == "divergent"


def test_change_between_editions_of_one_source_is_an_update():
    vs = [val("a1", 2, "one vessel", 1), val("a2", 2, "four vessels", 4)]
    r = assess(vs, groups_of(["a1", "a2"]), pub(a1=0, a2=2))
    assert r.status != "conflicting"
    assert "Updated between editions" in r.explanation


def test_agreement_after_normalisation_counts_groups_not_articles():
    dec = (datetime(2030, 12, 1, tzinfo=UTC).timestamp(), datetime(2031, 1, 1, tzinfo=UTC).timestamp())
    vs = [val("a", 0, "in December 2030", *dec, key="date:visit", type="date", normalized="2030-12"),
          val("b", 0, "last month", *dec, key="date:visit", type="date", normalized="2030-12"),
          val("c", 0, "last month", *dec, key="date:visit", type="date", normalized="2030-12")]
    r = assess(vs, groups_of(["a", "b"], ["c"]), pub(a=0, b=1, c=1))
    assert r.status == "corroborated"
    assert r.independent_sources == 2
    assert "December 2030" in r.explanation and "last month" in r.explanation
    alone = assess(vs[:2], groups_of(["a", "b"]), pub(a=0, b=1))
    assert alone.status == "single-source" and alone.independent_sources == 1


def _story():
    texts = {
        "a": ["Four boats sank off the cape.", "The harbour stayed closed."],
        "b": ["Three boats sank near the cape.", "Divers searched all night."],
        "c": ["Four boats were lost off the cape.", "A lighthouse keeper raised the alarm."],
    }
    arts = [Article(id=k, source=k, text=" ".join(v), published=T0 + timedelta(hours=i))
            for i, (k, v) in enumerate(texts.items())]
    sents = {}
    for a in arts:
        out, pos = [], 0
        for i, t in enumerate(texts[a.id]):
            out.append(Sentence(a.id, i, t, pos, pos + len(t)))
            pos += len(t) + 1
        sents[a.id] = tuple(out)
    values = [val("a", 0, "Four boats", 4), val("b", 0, "Three boats", 3),
              val("c", 0, "Four boats", 4), val("c", 1, "A lighthouse keeper", None, None,
                                                type="person", key="person:keeper",
                                                normalized="lighthouse keeper")]
    links = [ReuseLink("a", "b", "paraphrase", 0.5, pairs=(SentencePair(0, 0, 0.8, "embedding"),)),
             ReuseLink("b", "c", "paraphrase", 0.5, pairs=(SentencePair(0, 0, 0.7, "embedding"),))]
    groups = [SourceGroup("g1", ("a", "c")), SourceGroup("g2", ("b",))]
    story = Story("s", "boats", ("a", "b", "c"))
    return story, arts, sents, values, links, groups


def test_build_claims_joins_aligned_sentences_transitively_and_keys_values():
    story, arts, sents, values, links, groups = _story()
    claims = build_claims(story, arts, sents, values, links, groups)
    statements = [c for c in claims if not c.key]
    joined = [c for c in statements if len(c.mentions) == 3]
    assert len(joined) == 1
    assert {(m.article_id, m.sentence_index) for m in joined[0].mentions} == {("a", 0), ("b", 0), ("c", 0)}
    assert joined[0].text == "Four boats sank off the cape."  # the earliest report
    assert joined[0].status == "conflicting" and joined[0].independent_sources == 2
    singles = [c for c in statements if len(c.mentions) == 1]
    assert len(singles) == 3 and all(c.status == "single-source" for c in singles)
    boats = next(c for c in claims if c.key == "count:boats")
    assert boats.status == "conflicting"
    assert dict(boats.sides) == {"Four boats": ("a", "c"), "Three boats": ("b",)}
    # Ids are stable and unique.
    again = build_claims(story, list(reversed(arts)), sents, list(reversed(values)), links, groups)
    assert {c.id for c in again} == {c.id for c in claims}
    assert len({c.id for c in claims}) == len(claims)


def test_unconfirmed_counts_use_independence_groups():
    story, arts, sents, values, links, groups = _story()
    claims = build_claims(story, arts, sents, values, links, groups)
    counts = {aid: (u, n) for aid, u, n in unconfirmed_counts(claims, arts, groups)}
    # a's and c's "four" are one source (g1); b says three: nobody independent confirms either.
    assert counts == {"a": (1, 1), "b": (1, 1), "c": (2, 2)}
    merged = [SourceGroup("g1", ("a",)), SourceGroup("g2", ("b",)), SourceGroup("g3", ("c",))]
    claims = build_claims(story, arts, sents, values, links, merged)
    counts = {aid: (u, n) for aid, u, n in unconfirmed_counts(claims, arts, merged)}
    assert counts == {"a": (0, 1), "b": (1, 1), "c": (1, 2)}


def _two_articles(texts_a, texts_b):
    arts = [Article(id=k, source=k, text=" ".join(t), published=T0) for k, t in (("a", texts_a), ("b", texts_b))]
    sents = {}
    for a, texts in zip(arts, (texts_a, texts_b)):
        out, pos = [], 0
        for i, t in enumerate(texts):
            out.append(Sentence(a.id, i, t, pos, pos + len(t)))
            pos += len(t) + 1
        sents[a.id] = tuple(out)
    return arts, sents


def test_dates_without_a_measured_event_never_conflict():
    arts, sents = _two_articles(["The fair opened on Monday."], ["Tickets sold out on Friday."])
    day = lambda d: (datetime(2031, 5, d, tzinfo=UTC).timestamp(), datetime(2031, 5, d + 1, tzinfo=UTC).timestamp())  # noqa: E731
    values = [val("a", 0, "on Monday", *day(5), key="date", type="date", normalized="2031-05-05"),
              val("b", 0, "on Friday", *day(9), key="date", type="date", normalized="2031-05-09")]
    groups = [SourceGroup("g1", ("a",)), SourceGroup("g2", ("b",))]
    claims = build_claims(Story("s", "s", ("a", "b")), arts, sents, values, (), groups)
    assert not [c for c in claims if c.status in ("conflicting", "divergent", "evolving")]


def test_aligned_sentences_join_values_whose_keys_differ_by_verb():
    arts, sents = _two_articles(["The mayor in May 2030 praised the bridge plan."],
                                ["Last month the mayor welcomed the bridge plan."])
    may = (datetime(2030, 5, 1, tzinfo=UTC).timestamp(), datetime(2030, 6, 1, tzinfo=UTC).timestamp())
    values = [val("a", 0, "in May 2030", *may, key="date:praise", type="date", normalized="2030-05"),
              val("b", 0, "Last month", *may, key="date:welcome", type="date", normalized="2030-05")]
    groups = [SourceGroup("g1", ("a",)), SourceGroup("g2", ("b",))]
    link = ReuseLink("a", "b", "paraphrase", 0.9, pairs=(SentencePair(0, 0, 0.8, "embedding"),))
    with_link = build_claims(Story("s", "s", ("a", "b")), arts, sents, values, (link,), groups)
    dated = [c for c in with_link if c.key and len(c.values) == 2]
    assert len(dated) == 1 and dated[0].status == "corroborated" and dated[0].independent_sources == 2
    without = build_claims(Story("s", "s", ("a", "b")), arts, sents, values, (), groups)
    assert not [c for c in without if c.key and len(c.values) == 2]


def test_counts_of_one_noun_join_across_verbs_unless_an_article_separates_them():
    from newsfuse.claims import _key_buckets

    found = val("a", 0, "18 survivors", 18, key="survivor:find")
    pulled = val("b", 0, "22 survivors", 22, key="survivor:pull")
    buckets = _key_buckets([found, pulled], story=True)
    assert len(buckets) == 1  # a rewrite changed the verb, not the figure
    # One article states both "trapped" and "rescued" counts: the verb separates them there,
    # so a third article's "rescued" count cannot be placed with either.
    trapped = [val("c", 0, "nine miners", 9, key="miner:trap"), val("d", 0, "11 miners", 11, key="miner:trap")]
    both = [val("d", 1, "two miners", 2, key="miner:bring")]
    other = [val("e", 0, "four miners", 4, key="miner:rescue")]
    buckets = _key_buckets(trapped + both + other, story=True)
    keys = sorted(sorted({v.key for v in b}) for b in buckets)
    assert ["miner:trap"] in keys and ["miner:bring"] in keys and ["miner:rescue"] in keys
    # A generic noun keeps its verbs apart.
    people = [val("a", 0, "5 people", 5, key="person:evacuate"), val("b", 0, "9 people", 9, key="person:rescue")]
    assert len(_key_buckets(people, story=True)) == 2


def test_different_maxima_conflict_and_own_day_dates_do_not():
    up30 = val("a", 0, "up to 30 cm", 0, 0.000305, key="length:wave", type="quantity", unit="km",
               normalized="≤0.0003 km", qualifier="up to")
    up1m = val("b", 0, "up to one metre", 0, 0.0010005, key="length:wave", type="quantity", unit="km",
               normalized="≤0.001 km", qualifier="up to")
    assert assess([up30, up1m], groups_of(["a"], ["b"]), pub(a=0, b=1)).status == "conflicting"
    same = val("b", 0, "up to 0.3 m", 0, 0.00035, key="length:wave", type="quantity", unit="km",
               normalized="≤0.0003 km", qualifier="up to")
    assert assess([up30, same], groups_of(["a"], ["b"]), pub(a=0, b=1)).status == "corroborated"
    # Each report dates an ongoing action "today": the days differ because the reports do.
    day = 86400.0
    d0 = T0.replace(hour=0).timestamp()
    a = val("a", 0, "on Wednesday", d0, d0 + day - 1, key="date:contain", type="date", unit="s")
    b = val("b", 0, "on Thursday", d0 + day, d0 + 2 * day - 1, key="date:contain", type="date", unit="s")
    assert assess([a, b], groups_of(["a"], ["b"]), pub(a=2, b=26)).status != "conflicting"
    # The same two days from reports published on one day do conflict.
    assert assess([a, b], groups_of(["a"], ["b"]), pub(a=2, b=3)).status == "conflicting"


def test_an_earlier_events_figure_never_joins_this_events():
    from newsfuse.claims import _key_buckets

    now = val("a", 0, "magnitude 6.9", 6.9, key="magnitude", type="quantity", unit="")
    past = val("b", 0, "magnitude 8.4", 8.4, key="magnitude:past", type="quantity", unit="")
    buckets = _key_buckets([now, past], story=True)
    assert sorted(len(b) for b in buckets) == [1, 1]
