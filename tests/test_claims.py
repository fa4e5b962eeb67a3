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
    # No content word in common: only the alignment says the two sentences are one statement
    # (with shared words, ``claimjoin.join_one_day`` would join the agreeing dates on its own).
    arts, sents = _two_articles(["The mayor in May 2030 praised the bridge plan."],
                                ["Last month the city's leader welcomed it."])
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
    # so a third article's count far from both in size cannot be placed with either.
    trapped = [val("c", 0, "nine miners", 9, key="miner:trap"), val("d", 0, "11 miners", 11, key="miner:trap")]
    both = [val("d", 1, "two miners", 2, key="miner:bring")]
    other = [val("e", 0, "40 miners", 40, key="miner:rescue")]
    buckets = _key_buckets(trapped + both + other, story=True)
    keys = sorted(sorted({v.key for v in b}) for b in buckets)
    assert ["miner:trap"] in keys and ["miner:bring"] in keys and ["miner:rescue"] in keys
    # Within the vague tolerance (factor 2) of exactly one of them, it is that figure.
    other = [val("e", 0, "four miners", 4, key="miner:rescue")]
    keys = sorted(sorted({v.key for v in b}) for b in _key_buckets(trapped + both + other, story=True))
    assert ["miner:bring", "miner:rescue"] in keys and ["miner:trap"] in keys
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


# ------------------------------------------------------------ grouping, second round


def _sentences(*pairs):
    """(article, index) → sentence text, for the context cues."""
    return {(aid, idx): text for aid, idx, text in pairs}


def _span(v, sentence):
    start = sentence.index(v.text)
    return Value(**{**v.__dict__, "span": (start, start + len(v.text))})


def test_peak_is_keyed_apart_from_the_current_level():
    from newsfuse.claims import _key_buckets

    s_now = "About 90,000 homes were still without power on Saturday, the utility said."
    s_peak = "At the height of the storm, 300,000 homes lost power."
    s_other = "Around 250,000 homes lost power at the height of the storm."
    now = _span(val("a", 0, "About 90,000 homes", 90000, key="home"), s_now)
    peak = _span(val("a", 1, "300,000 homes", 300000, key="home"), s_peak)
    other = _span(val("b", 0, "Around 250,000 homes", 250000, key="home:lose"), s_other)
    text_of = _sentences(("a", 0, s_now), ("a", 1, s_peak), ("b", 0, s_other))
    buckets = _key_buckets([now, peak, other], story=True, text_of=text_of)
    groups = sorted(sorted(v.text for v in b) for b in buckets)
    assert groups == [["300,000 homes", "Around 250,000 homes"], ["About 90,000 homes"]]
    # Two peaks told with other nouns by other claimants meet on a shared predicate ("lost").
    s_cust = "Around 260,000 customers lost power at the height of the storm, the operator said."
    cust = _span(val("c", 0, "Around 260,000 customers", 260000, key="customer:lose", claimant="operator"),
                 s_cust)
    text_of[("c", 0)] = s_cust
    buckets = _key_buckets([now, peak, cust], story=True, text_of=text_of)
    groups = sorted(sorted(v.text for v in b) for b in buckets)
    assert groups == [["300,000 homes", "Around 260,000 customers"], ["About 90,000 homes"]]
    # "peak" as an adjective names a kind of measurement, not a moment.
    from newsfuse.figures import phase

    gust = val("a", 0, "158 km/h", 158, type="quantity", key="speed:gust")
    assert phase(gust, "a peak gust of 158 km/h") == ""
    assert phase(gust, "gusts reached 158 km/h at the peak of the storm") == "peak"
    # A present-moment word nearer the figure than the peak phrase makes it the current level.
    mixed = "At the height of the storm 310,000 homes lost power; 95,000 are still without it."
    assert phase(_span(val("a", 0, "310,000 homes", 310000), mixed), mixed) == "peak"
    assert phase(_span(val("a", 0, "95,000", 95000), mixed), mixed) == ""


def test_one_figure_with_other_nouns_joins_by_claimant_and_shared_predicate():
    from newsfuse.claims import _key_buckets

    s1 = "More than 180,000 homes and businesses were left without electricity, the utility said."
    s2 = "About 95,000 customers were still without electricity this morning, the utility said."
    a = _span(val("a", 0, "More than 180,000 homes", 180000, key="home", claimant="utility"), s1)
    b = _span(val("b", 0, "About 95,000 customers", 95000, key="customer", claimant="utility"), s2)
    text_of = _sentences(("a", 0, s1), ("b", 0, s2))
    assert len(_key_buckets([a, b], story=True, text_of=text_of)) == 1
    # Another claimant, no embedder: the lexical cue is too weak on its own.
    b2 = Value(**{**b.__dict__, "claimant": "the regulator"})
    assert len(_key_buckets([a, b2], story=True, text_of=text_of)) == 2
    # An article that states both counts tells them apart.
    b3 = Value(**{**b.__dict__, "article_id": "a", "sentence_index": 1})
    text_of[("a", 1)] = s2
    assert len(_key_buckets([a, b3], story=True, text_of=text_of)) == 2
    # Figures far apart in size are different quantities.
    b4 = Value(**{**b.__dict__, "low": 9000.0, "high": 9000.0})
    assert len(_key_buckets([a, b4], story=True, text_of=text_of)) == 2
    # A count that one article gives two ways is not one figure: it joins no other noun.
    s3 = "Later 150,000 homes were left without electricity, the utility said."
    a2 = _span(val("a", 2, "150,000 homes", 150000, key="home", claimant="utility"), s3)
    text_of[("a", 2)] = s3
    assert len(_key_buckets([a, a2, b], story=True, text_of=text_of)) == 2


class _FakeEmbedder:
    """Embeds a text as the indicator of the words it holds from a tiny vocabulary, so that
    paraphrases (same words) are similar and other clauses are not."""

    name = "fake"
    vocab = ("bus", "board", "carry", "kill", "injure")

    def encode(self, texts):
        import numpy as np

        rows = []
        for t in texts:
            low = t.casefold()
            v = np.array([1.0 if w in low else 0.0 for w in self.vocab] + [0.1], dtype=np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.stack(rows)


def test_one_figure_with_other_nouns_joins_by_embedding_and_not_a_whole_with_its_part():
    from newsfuse.claims import _key_buckets

    s1 = "The bus, carrying 42 passengers from the coast, skidded on a bend."
    s2 = "Officials said the bus carrying 48 people on board was old."
    s3 = "At least 12 people were killed and 25 injured when the bus fell."
    p = _span(val("a", 0, "42 passengers", 42, key="passenger:carry"), s1)
    q = _span(val("b", 0, "48 people", 48, key="person"), s2)
    inj = _span(val("a", 1, "25 injured", 25, key="injured"), s3)
    text_of = _sentences(("a", 0, s1), ("b", 0, s2), ("a", 1, s3))
    buckets = _key_buckets([p, q, inj], story=True, text_of=text_of, embedder=_FakeEmbedder())
    groups = sorted(sorted(v.text for v in b) for b in buckets)
    assert ["42 passengers", "48 people"] in groups and ["25 injured"] in groups
    # "Occupants: 66 (passengers and crew)" counts a whole that holds the passengers.
    s4 = "Occupants: 66 (passengers and crew) on the bus, carrying them on board."
    occ = _span(val("c", 0, "66", 66, key="occupant"), s4)
    text_of[("c", 0)] = s4
    buckets = _key_buckets([p, occ], story=True, text_of=text_of, embedder=_FakeEmbedder())
    assert len(buckets) == 2


def test_places_as_setting_and_as_reference_point_are_two_claims():
    from newsfuse.claims import _key_buckets

    west = val("a", 0, "west of Brescia", 0, type="place", key="place:brescia", normalized="west of Brescia")
    near = val("b", 0, "near Brescia", 0, type="place", key="place:brescia", normalized="near Brescia")
    inside = val("c", 0, "in Brescia", 0, type="place", key="place:brescia", normalized="in Brescia")
    groups = sorted(sorted(v.text for v in b) for b in _key_buckets([west, near, inside]))
    assert groups == [["in Brescia"], ["near Brescia", "west of Brescia"]]


def test_weak_dates_join_only_dates_of_their_grain_and_zone_edges_do_not_agree():
    from newsfuse.claims import _key_buckets
    from newsfuse.crosscheck import compatible

    day = 86400.0
    d0 = T0.replace(hour=0).timestamp()
    tuesday = val("a", 0, "on Tuesday", d0, d0 + day - 1, key="date:strike", type="date", unit="s")
    tuesday_b = val("b", 0, "Tuesday", d0, d0 + day - 1, key="date:strike", type="date", unit="s")
    year = val("c", 0, "this year", d0 - 100 * day, d0 + 200 * day, key="date", type="date", unit="s")
    buckets = _key_buckets([tuesday, tuesday_b, year])
    assert sorted(len(b) for b in buckets) == [1, 2]
    # One day read in two zones shares most of itself; the next day shares only the offset.
    shifted = val("d", 0, "Tuesday", d0 + 8 * 3600, d0 + day + 8 * 3600 - 1, type="date", unit="s")
    wednesday_utc = val("e", 0, "Wednesday", d0 + day - 8 * 3600, d0 + 2 * day - 8 * 3600 - 1, type="date", unit="s")
    assert compatible(tuesday, shifted) is True
    assert compatible(tuesday, wednesday_utc) is False


def test_own_day_dates_are_split_not_corroborated():
    from newsfuse.claims import _split_own_days

    day = 86400.0
    d0 = T0.replace(hour=0).timestamp()
    a = val("a", 0, "on Wednesday", d0, d0 + day - 1, key="date:contain", type="date", unit="s")
    b = val("b", 0, "on Thursday", d0 + day, d0 + 2 * day - 1, key="date:contain", type="date", unit="s")
    assert len(_split_own_days([a, b], pub(a=2, b=26))) == 2
    assert len(_split_own_days([a, b], pub(a=2, b=3))) == 1  # a real disagreement stays one claim


def test_ceiling_against_a_plain_figure_well_below_it_conflicts():
    up10 = val("a", 0, "up to €10 million", 0, 10.5e6, key="money:add-on", type="quantity", unit="EUR",
               normalized="≤10 million EUR", qualifier="up to")
    six = val("b", 0, "€6 million", 5.5e6, 6.5e6, key="money:add-on", type="quantity", unit="EUR",
              normalized="6 million EUR")
    ten = val("b", 0, "€10 million", 9.5e6, 10.5e6, key="money:add-on", type="quantity", unit="EUR",
              normalized="10 million EUR")
    assert assess([up10, six], groups_of(["a"], ["b"]), pub(a=0, b=1)).status == "conflicting"
    assert assess([up10, ten], groups_of(["a"], ["b"]), pub(a=0, b=1)).status == "corroborated"


def test_statement_takes_the_status_of_its_figures_value_claim():
    """Aligned sentences holding 41 and 44 bodies of a figure the story shows rising are not
    a conflict of their own."""
    texts = {"a": "Rescuers recovered 16 bodies.", "b": "By Monday 41 bodies had been recovered.",
             "c": "By Monday 44 bodies had been recovered."}
    sents = {k: [Sentence(k, 0, t, 0, len(t))] for k, t in texts.items()}
    arts = [Article(id=k, source=k, text=v[0].text, published=T0 + timedelta(hours=h))
            for k, v, h in zip("abc", sents.values(), (0, 12, 24))]
    values = [
        val("a", 0, "16 bodies", 16, key="body:recover"),
        val("b", 0, "41 bodies", 41, key="body:recover"),
        val("c", 0, "44 bodies", 44, key="body:recover"),
    ]
    links = (ReuseLink("b", "c", "paraphrase", 0.5, pairs=(SentencePair(0, 0, 0.9, "embedding"),)),)
    groups = (SourceGroup("g1", ("a",)), SourceGroup("g2", ("b",)), SourceGroup("g3", ("c",)))
    claims = build_claims(Story("s", "s", ("a", "b", "c")), arts, sents, values, links, groups)
    figure = next(c for c in claims if c.key)
    statement = next(c for c in claims if not c.key and len(c.mentions) == 2)
    assert figure.status == "evolving"
    assert statement.status == "evolving"


def test_agreeing_dates_of_one_event_join_across_verbs_but_never_conflict():
    from newsfuse.claims import _key_buckets

    day = 86400.0
    d0 = T0.replace(hour=0).timestamp()
    s1 = "One person died on Friday as Storm Vela swept across the island."
    s2 = "Storm Vela struck the island on Friday with gusts of 150 km/h."
    s3 = "Ferries were cancelled on Saturday as Storm Vela moved north."
    a = _span(val("a", 0, "on Friday", d0, d0 + day - 1, key="date:die", type="date", unit="s"), s1)
    b = _span(val("b", 0, "on Friday", d0, d0 + day - 1, key="date:strike", type="date", unit="s"), s2)
    c = _span(val("c", 0, "on Saturday", d0 + day, d0 + 2 * day - 1, key="date:cancel", type="date", unit="s"), s3)
    text_of = _sentences(("a", 0, s1), ("b", 0, s2), ("c", 0, s3))
    groups = sorted(sorted(v.article_id for v in bk) for bk in _key_buckets([a, b, c], story=True, text_of=text_of))
    assert groups == [["a", "b"], ["c"]]  # Saturday shares "Storm Vela" but not the day
    # Contexts with nothing in common stay apart.
    s4 = "Schools reopened on Friday."
    d = _span(val("d", 0, "on Friday", d0, d0 + day - 1, key="date:reopen", type="date", unit="s"), s4)
    text_of[("d", 0)] = s4
    groups = sorted(sorted(v.article_id for v in bk) for bk in _key_buckets([a, d], story=True, text_of=text_of))
    assert groups == [["a"], ["d"]]


def test_place_bound_figures_are_keyed_apart_when_an_article_counts_them_apart():
    from newsfuse.claims import _key_buckets

    s1 = "The firm will recall about 400,000 cars worldwide, including about 138,000 cars in Canada."
    s2 = "The notice covers 141,200 cars in Canada built last year."
    world = _span(val("a", 0, "about 400,000 cars", 400000, key="car:recall", qualifier="about"), s1)
    local = _span(val("a", 0, "about 138,000 cars", 138000, key="car:include", qualifier="about"), s1)
    other = _span(val("b", 0, "141,200 cars", 141200, key="car:cover"), s2)
    text_of = _sentences(("a", 0, s1), ("b", 0, s2))
    buckets = _key_buckets([world, local, other], story=True, text_of=text_of)
    groups = sorted(sorted(v.text for v in bk) for bk in buckets)
    assert groups == [["141,200 cars", "about 138,000 cars"], ["about 400,000 cars"]]
    # Without an article that counts "in Canada" apart, the place is only the setting.
    groups = _key_buckets([world, other], story=True, text_of=text_of)
    assert len(groups) == 1


def test_hedged_figure_against_an_exact_one_allows_only_its_last_digit():
    from newsfuse.crosscheck import compatible

    about = val("a", 0, "about 138,000 vehicles", 131100, 144900, qualifier="about", normalized="≈138,000")
    exact = val("b", 0, "141,200", 141200)
    near = val("b", 0, "138,400", 138400)
    assert compatible(about, exact) is False
    assert compatible(about, near) is True
    round_ = val("a", 0, "about 140,000 vehicles", 133000, 147000, qualifier="about", normalized="≈140,000")
    assert compatible(round_, exact) is True


def test_an_article_does_not_contradict_itself():
    """A later value that the article's own earlier value contradicts is a part or another
    thing ("two workers died" after "nine killed"; an earlier quake's date; a village west of
    the town whose southwest the epicentre is), not a rival to other articles' values."""
    nine = val("a", 0, "at least nine people", 9, float("inf"), key="death")
    two = val("a", 5, "two workers", 2, key="death")
    three = val("b", 7, "three victims", 3, key="death")
    twelve = val("b", 0, "at least 12 people", 12, float("inf"), key="death")
    r = assess([nine, two, twelve, three], groups_of(["a"], ["b"]), pub(a=0, b=0))
    assert r.status != "conflicting"
    day = 86400.0
    d0 = T0.replace(hour=0).timestamp()
    today = val("a", 0, "on Tuesday", d0, d0 + day - 1, key="date:strike", type="date", unit="s")
    before = val("a", 9, "on September 14", d0 - 22 * day, d0 - 21 * day - 1, key="date:strike",
                 type="date", unit="s")
    other = val("b", 0, "October 6", d0, d0 + day - 1, key="date:strike", type="date", unit="s")
    assert assess([today, before, other], groups_of(["a"], ["b"]), pub(a=0, b=1)).status == "corroborated"
    # Two articles that differ on the first value they give still conflict.
    other_bad = val("b", 0, "October 7", d0 + day, d0 + 2 * day - 1, key="date:strike", type="date", unit="s")
    assert assess([today, before, other_bad], groups_of(["a"], ["b"]), pub(a=0, b=1)).status == "conflicting"


class _TwoWayEmbedder:
    """Texts with "victims" at cosine 0.6 from every other text."""

    name = "two-way"

    def encode(self, texts):
        import numpy as np

        return np.array([[0.6, 0.8] if "victims" in t else [1.0, 0.0] for t in texts], dtype=np.float32)


def test_small_counts_that_disagree_need_a_close_paraphrase_to_join():
    from newsfuse.claims import _key_buckets

    s1 = "Officers found three people with gunshot wounds."
    s2 = "The two victims were taken to hospital."
    a = _span(val("a", 0, "three people", 3, key="person:find"), s1)
    b = _span(val("b", 0, "two victims", 2, key="victim:take"), s2)
    text_of = _sentences(("a", 0, s1), ("b", 0, s2))
    assert len(_key_buckets([a, b], story=True, text_of=text_of, embedder=_TwoWayEmbedder())) == 2
    # The same similarity joins larger figures (30 vs 20), and small ones that agree.
    a30 = _span(val("a", 0, "30 people", 30, key="person:find"), s1.replace("three", "30"))
    b20 = _span(val("b", 0, "20 victims", 20, key="victim:take"), s2.replace("two", "20"))
    text_of = _sentences(("a", 0, s1.replace("three", "30")), ("b", 0, s2.replace("two", "20")))
    assert len(_key_buckets([a30, b20], story=True, text_of=text_of, embedder=_TwoWayEmbedder())) == 1
    b3 = _span(val("b", 0, "three victims", 3, key="victim:take"), s2.replace("two", "three"))
    text_of = _sentences(("a", 0, s1), ("b", 0, s2.replace("two", "three")))
    assert len(_key_buckets([a, b3], story=True, text_of=text_of, embedder=_TwoWayEmbedder())) == 1


# ------------------------------------------------- generalisation round (other keys, statuses)


def _q(aid, sentence, text, low, *, key, unit="%", claimant=None, type="quantity", high=None):
    v = val(aid, 0, text, low, high, key=key, type=type, unit=unit, claimant=claimant)
    return _span(v, sentence)


def test_one_share_keyed_by_different_words_joins_on_shared_context():
    from newsfuse.claims import _key_buckets

    s_a = "The firm will cut about 2,400 jobs, or 9% of its workforce, and close a plant."
    s_b = "It plans to eliminate about 2,400 jobs, some 11 percent of its staff, and close a plant."
    a = _q("a", s_a, "9%", 9, key="percent:workforce")
    b = _q("b", s_b, "11 percent", 11, key="percent:staff")
    text_of = _sentences(("a", 0, s_a), ("b", 0, s_b))
    buckets = _key_buckets([a, b], story=True, text_of=text_of)
    assert len(buckets) == 1
    # Far apart in size (beyond the cross-key factor), the same words do not make one figure.
    c = _q("b", s_b.replace("11 percent", "40 percent"), "40 percent", 40, key="percent:staff")
    text_of = _sentences(("a", 0, s_a), ("b", 0, s_b.replace("11 percent", "40 percent")))
    assert len(_key_buckets([a, c], story=True, text_of=text_of)) == 2


def test_other_key_join_needs_shared_context_and_never_swallows_an_articles_other_figure():
    from newsfuse.claims import _key_buckets

    s_a = "Turnout reached 52% in the capital, officials said."
    s_b = "The ruling party won 48 percent of seats in the north."
    a = _q("a", s_a, "52%", 52, key="percent:turnout")
    b = _q("b", s_b, "48 percent", 48, key="percent:seat")
    text_of = _sentences(("a", 0, s_a), ("b", 0, s_b))
    assert len(_key_buckets([a, b], story=True, text_of=text_of)) == 2  # nothing in common
    # An article that states both figures tells them apart: the workforce share never joins
    # the bucket of a figure its own article gives separately.
    s_c1 = "The cuts amount to 9% of the workforce at the plant."
    s_c2 = "The cuts amount to 10% of the workforce overall."
    c1 = _q("c", s_c1, "9%", 9, key="percent:plant")
    c2 = Value(**{**_q("c", s_c2, "10%", 10, key="percent:overall").__dict__, "sentence_index": 1})
    text_of = _sentences(("c", 0, s_c1), ("c", 1, s_c2))
    assert len(_key_buckets([c1, c2], story=True, text_of=text_of)) == 2


def test_disagreeing_dates_across_verbs_need_more_than_shared_words():
    from newsfuse.claims import _key_buckets

    day = 86400.0
    d0 = datetime(2031, 5, 7, tzinfo=UTC).timestamp()
    s_a = "Rescuers brought two miners out of the coal mine on Wednesday."
    s_b = "Work stopped at the coal mine on Thursday after the last miner was found."
    a = _span(val("a", 0, "Wednesday", d0, d0 + day - 1, key="date:bring", type="date"), s_a)
    b = _span(val("b", 0, "Thursday", d0 + day, d0 + 2 * day - 1, key="date:stop", type="date"), s_b)
    text_of = _sentences(("a", 0, s_a), ("b", 0, s_b))
    assert len(_key_buckets([a, b], story=True, text_of=text_of)) == 2


def test_one_named_claimant_updating_a_figure_is_evolving():
    a = val("a", 0, "about 3,000", 3000, claimant="police", key="person:gather")
    b = val("b", 0, "some 8,000", 8000, claimant="Police", key="person:gather")
    assert assess([a, b], groups_of(["a"], ["b"]), pub(a=0, b=6)).status == "evolving"
    # Two different claimants at different times, nothing marking a change: a conflict.
    c = val("b", 0, "some 8,000", 8000, claimant="organisers", key="person:gather")
    assert assess([a, c], groups_of(["a"], ["b"]), pub(a=0, b=6)).status == "conflicting"


def test_one_day_read_in_zones_twelve_hours_apart_is_not_a_conflict():
    ny = timedelta(hours=-4)
    sg = timedelta(hours=8)
    start = lambda off: datetime(2031, 5, 8, tzinfo=UTC).timestamp() - off.total_seconds()  # noqa: E731
    a = val("a", 0, "Thursday", start(ny), start(ny) + 86399, key="date:report", type="date")
    b = val("b", 0, "Thursday", start(sg), start(sg) + 86399, key="date:report", type="date")
    assert assess([a, b], groups_of(["a"], ["b"]), pub(a=0, b=1)).status == "corroborated"


def test_forecasts_are_keyed_apart_from_results_and_named_forecasters_diverge():
    from newsfuse.claims import _key_buckets
    from newsfuse.figures import is_forecast

    s_est = "Revenue missed the analysts' average estimate of $4.41 billion, according to Data Co."
    s_res = "Revenue was $4.27 billion in the quarter."
    est = _q("a", s_est, "$4.41 billion", 4.41e9, key="money:estimate", unit="USD", claimant="data co")
    res = _q("b", s_res, "$4.27 billion", 4.27e9, key="money:revenue", unit="USD")
    assert is_forecast(est, s_est) and not is_forecast(res, s_res)
    text_of = _sentences(("a", 0, s_est), ("b", 0, s_res))
    assert len(_key_buckets([est, res], story=True, text_of=text_of)) == 2
    assert not is_forecast(_q("a", "An estimated 5,000 people fled.", "5,000", 5000, key="person", unit=None,
                              type="count"), "An estimated 5,000 people fled.")
    # Two named forecasters' different estimates of one figure: divergent, not conflicting.
    s_other = "Analysts expected $4.5 billion, according to Poll Inc."
    other = _q("c", s_other, "$4.5 billion", 4.5e9, key="money:estimate", unit="USD", claimant="poll inc")
    arts, sents = _two_articles([s_est], [s_other])
    est_b = Value(**{**other.__dict__, "article_id": "b"})
    groups = [SourceGroup("g1", ("a",)), SourceGroup("g2", ("b",))]
    claims = build_claims(Story("s", "s", ("a", "b")), arts, sents, [est, est_b], (), groups)
    money = [c for c in claims if c.key.endswith("money:estimate")]
    assert money and money[0].status == "divergent"


def test_sums_of_money_keyed_by_other_words_join_only_when_near():
    from newsfuse.claims import _key_buckets

    profit = [val(a, 0, "$455 million", 455e6, key="money:profit", type="quantity", unit="USD") for a in "ab"]
    consensus = [val("c", 0, "$4.38bn", 4.38e9, key="money:consensus", type="quantity", unit="USD")]
    assert len(_key_buckets(profit + consensus, story=True)) == 2  # ten times apart: another sum
    fee = [val(a, 0, "€58 million", 58e6, key="money:fee", type="quantity", unit="EUR") for a in "ab"]
    value = [val("c", 0, "€62m", 62e6, key="money:purchase", type="quantity", unit="EUR")]
    assert len(_key_buckets(fee + value, story=True)) == 1
    # One article's range ("$4.0 billion to $4.2 billion") is two figures to it: not joined.
    rng = [val("c", 0, "$4.0 billion", 4.0e9, key="money:range", type="quantity", unit="USD"),
           val("c", 0, "$4.2 billion", 4.2e9, key="money:range", type="quantity", unit="USD")]
    est = [val(a, 0, "$4.41 billion", 4.41e9, key="money:estimate", type="quantity", unit="USD") for a in "ab"]
    assert len(_key_buckets(rng + est, story=True)) == 2
