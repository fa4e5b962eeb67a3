"""brief: the cited account, its sections, disagreements, single-source items, event record."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from newsfuse.brief import SECTIONS, write_brief
from newsfuse.model import Article, Claim, Mention, Sentence, SourceGroup, Story, Value

from .report_sample import build_run


def sample():
    run = build_run()
    s = run.stories[0]
    sentences = {}
    for sent in run.sentences:
        sentences.setdefault(sent.article_id, []).append(sent)
    return s.story, list(run.articles), sentences, list(s.claims), list(s.groups)


def test_sample_brief_structure():
    story, articles, sentences, claims, groups = sample()
    brief = write_brief(story, articles, sentences, claims, groups)
    body = brief.sentences
    assert body[0].section == "what" and body[0].claim_id == "c-aground"
    assert [SECTIONS.index(b.section) for b in body] == sorted(SECTIONS.index(b.section) for b in body)
    assert len({b.claim_id for b in body}) == len(body)
    all_text = {s.text for ss in sentences.values() for s in ss}
    assert all(b.text in all_text for b in body), "the brief quotes the articles' own sentences"
    by_id = {c.id: c for c in claims}
    for b in body:
        assert set(b.articles) == {m.article_id for m in by_id[b.claim_id].mentions}
        assert b.independent_sources == by_id[b.claim_id].independent_sources
    assert {b.section for b in body} >= {"what", "when", "figures", "reactions"}
    reaction = next(b for b in body if b.section == "reactions")
    assert "Alma Reyes" in reaction.text
    assert brief.disagreements == ("c-aboard", "c-tugs")
    assert "c-captain" in brief.single_source and "c-power" in brief.single_source
    assert not set(brief.single_source) & {b.claim_id for b in body}


def test_value_claim_avoids_disputed_sentence_and_evolving_quotes_latest():
    brief = write_brief(*sample())
    by_claim = {b.claim_id: b for b in brief.sentences}
    # c-time's first sentence also carries the disputed 212 → the other article's sentence.
    assert by_claim["c-time"].text.startswith("The ferry struck the sandbank")
    # The injury count rose: the brief states it as the latest report has it.
    assert by_claim["c-injured"].text == "Officials said five people were hurt."


def test_deterministic_under_input_order():
    story, articles, sentences, claims, groups = sample()
    a = write_brief(story, articles, sentences, claims, groups)
    b = write_brief(story, articles[::-1], sentences, claims[::-1], groups[::-1])
    assert a == b


def test_event_record():
    brief = write_brief(*sample())
    fields = {f.name: f for f in brief.event}
    assert fields["what"].support == 2
    assert fields["when"].value == "2026-03-03T06:15+01:00"
    assert fields["where"].value == "off Karsby"
    assert fields["who"].value == "Alma Reyes"
    aboard = fields["people:on board"]
    assert aboard.value == "212" and aboard.conflicts == ("230",) and aboard.articles == ("a1", "a2")
    assert fields["injured"].value == "5" and fields["injured"].conflicts == ("3",)


UTC = timezone.utc
T0 = datetime(2025, 6, 10, 9, 0, tzinfo=UTC)


def _story(texts: dict[str, list[str]]):
    articles, sentences = [], {}
    for i, (aid, lines) in enumerate(texts.items()):
        text, ss = "", []
        for j, line in enumerate(lines):
            if j:
                text += " "
            ss.append(Sentence(aid, j, line, len(text), len(text) + len(line)))
            text += line
        articles.append(Article(aid, aid, text, title=f"Title {aid}", published=T0 + timedelta(hours=i)))
        sentences[aid] = ss
    story = Story("s", "label", tuple(texts), T0, None)
    return story, articles, sentences


def _claim(cid, status, nodes, sentences, sources, values=(), key=""):
    mentions = tuple(Mention(a, i, sentences[a][i].text) for a, i in nodes)
    return Claim(cid, mentions[0].text, status, mentions, sources, tuple(values), key)


def test_single_source_story_still_gets_an_account():
    story, articles, sentences = _story({"x": [
        "The council approved the new library budget on Monday evening.",
        "The budget sets aside money for longer opening hours next year.",
        "Short line.",
    ]})
    claims = [_claim(f"c{i}", "single-source", [("x", i)], sentences, 1) for i in range(3)]
    brief = write_brief(story, articles, sentences, claims, [SourceGroup("g", ("x",))])
    assert [b.claim_id for b in brief.sentences][:1] == ["c0"]
    assert "c2" not in {b.claim_id for b in brief.sentences}, "fragments are not statements"


def test_no_duplicate_content_and_background():
    story, articles, sentences = _story({
        "x": ["Workers at the harbour walked out on Tuesday over unpaid wages.",
              "The harbour workers walked out over unpaid wages on Tuesday, union leaders said.",
              "The harbour was last closed by a strike in 2019, union records show."],
        "y": ["Harbour staff went on strike on Tuesday, demanding unpaid wages.",
              "Dock staff walked out over wages that went unpaid.",
              "A strike also closed the harbour in 2019."],
    })
    past = datetime(2019, 1, 1, tzinfo=UTC).timestamp(), datetime(2020, 1, 1, tzinfo=UTC).timestamp()
    claims = [
        _claim("lead", "corroborated", [("x", 0), ("y", 0)], sentences, 2),
        _claim("dup", "corroborated", [("x", 1), ("y", 1)], sentences, 2),
        _claim("past", "corroborated", [("x", 2), ("y", 2)], sentences, 2,
               [Value("date", "2019", "2019", a, 2, key="date:strike", low=past[0], high=past[1]) for a in "xy"]),
    ]
    groups = [SourceGroup("gx", ("x",)), SourceGroup("gy", ("y",))]
    brief = write_brief(story, articles, sentences, claims, groups)
    ids = [b.claim_id for b in brief.sentences]
    assert ids == ["lead", "past"], "a restatement of the lead is left out"
    assert brief.sentences[1].section == "background"


def test_sections_from_values_and_words():
    story, articles, sentences = _story({
        "x": ['"We will rebuild every house," the mayor said after touring the area.',
              "The fire started in a warehouse north of the old market district.",
              "At least 40 families lost their homes in the blaze overnight."],
        "y": ['The mayor vowed to rebuild every house after touring the area.',
              "The blaze began in a warehouse north of the old market.",
              "Some 40 families were left homeless by the overnight fire."],
    })
    place = [Value("place", "north of the old market", "old market", a, 1, key="place:started", qualifier="north of")
             for a in "xy"]
    count = [Value("count", "40", "40", a, 2, key="families", low=40, high=40) for a in "xy"]
    claims = [
        _claim("quote", "corroborated", [("x", 0), ("y", 0)], sentences, 2),
        _claim("where", "corroborated", [("x", 1), ("y", 1)], sentences, 2, place, key="place:started"),
        _claim("fig", "corroborated", [("x", 2), ("y", 2)], sentences, 2, count, key="families"),
    ]
    groups = [SourceGroup("gx", ("x",)), SourceGroup("gy", ("y",))]
    brief = write_brief(story, articles, sentences, claims, groups)
    sections = {b.claim_id: b.section for b in brief.sentences}
    # The articles open on a quote, but a reaction is no lead: the first factual claim is.
    assert sections == {"quote": "reactions", "where": "what", "fig": "figures"}
    assert [b.claim_id for b in brief.sentences] == ["where", "fig", "quote"]
    fields = {f.name: f.value for f in brief.event}
    assert fields["where"] == "north of old market" and fields["families"] == "40"


def test_other_stories_claims_are_ignored():
    story, articles, sentences, claims, groups = sample()
    stray = replace(claims[0], id="stray", mentions=(Mention("zz", 0, claims[0].text),))
    assert write_brief(story, articles, sentences, claims + [stray], groups) == write_brief(
        story, articles, sentences, claims, groups
    )


def test_one_dispute_listed_once_but_different_figures_kept():
    story, articles, sentences = _story({
        "x": ["Rescuers said 12 people were missing after the landslide on Sunday.",
              "The road was closed for 3 days, officials said."],
        "y": ["Rescuers said 14 people were missing after Sunday's landslide.",
              "Officials said the road would stay closed for 2 days."],
    })
    sides = (("12", ("x",)), ("14", ("y",)))
    groups = [SourceGroup("gx", ("x",)), SourceGroup("gy", ("y",))]
    missing = _claim("missing", "conflicting", [("x", 0), ("y", 0)], sentences, 2, key="missing")
    stmt = _claim("stmt", "conflicting", [("x", 0), ("y", 0)], sentences, 2)
    road = _claim("road", "conflicting", [("x", 1), ("y", 1)], sentences, 2, key="days:closed")
    road = replace(road, sides=(("3", ("x",)), ("2", ("y",))))
    same_numbers = replace(road, id="road2", sides=sides, key="other")
    claims = [replace(stmt, sides=sides), replace(missing, sides=sides), road, same_numbers]
    brief = write_brief(story, articles, sentences, claims, groups)
    assert brief.disagreements == ("missing", "road", "road2")


def test_opening_leads_when_nothing_corroborated_opens_the_articles():
    # The corroborated statement sits deep in the articles; the opening that two editions of
    # one wire story share (one source) says better what happened.
    filler = [f"Officials gave further detail number {i} about the response." for i in range(8)]
    story, articles, sentences = _story({
        "x": ["A ferry ran aground off the northern cape on Monday, the coast guard said.", *filler,
              "The port had been dredged two years ago."],
        "x2": ["A ferry ran aground off the northern cape on Monday, the coast guard said.", *filler,
               "The port had been dredged two years ago."],
        "y": [*(f"Residents described scene number {i} at the harbour." for i in range(9)),
              "The port was dredged two years ago."],
    })
    claims = [
        _claim("opening", "single-source", [("x", 0), ("x2", 0)], sentences, 1),
        _claim("deep", "corroborated", [("x", 9), ("x2", 9), ("y", 9)], sentences, 2),
    ]
    groups = [SourceGroup("gx", ("x", "x2")), SourceGroup("gy", ("y",))]
    brief = write_brief(story, articles, sentences, claims, groups)
    assert brief.sentences[0].claim_id == "opening" and brief.sentences[0].section == "what"
    assert brief.sentences[0].independent_sources == 1, "the lead still shows its real support"
    # A corroborated statement in the opening keeps the lead.
    claims[1] = _claim("deep", "corroborated", [("x", 1), ("x2", 1), ("y", 0)], sentences, 2)
    brief = write_brief(story, articles, sentences, claims, groups)
    assert brief.sentences[0].claim_id == "deep"


def test_event_record_merges_name_variants_of_one_actor():
    story, articles, sentences = _story({
        "x": ["Peru's Geophysical Institute measured the quake at magnitude 6.1 on Monday."],
        "y": ["The Geophysical Institute of Peru said the quake measured magnitude 6.1 on Monday."],
        "z": ["South Korea's Joint Chiefs of Staff said the drill ended on Monday."],
    })
    def org(cid, aid, text):
        v = Value("organization", text, text, aid, 0, key=f"org:{cid}")
        return _claim(cid, "single-source", [(aid, 0)], sentences, 1, [v], key=f"org:{cid}")
    claims = [
        org("igp1", "x", "Peru's Geophysical Institute"),
        org("igp2", "y", "Geophysical Institute of Peru"),
        org("jcs", "z", "South Korea's Joint Chiefs of Staff"),
        org("sk", "z", "South Korea"),
    ]
    groups = [SourceGroup(g, (g,)) for g in "xyz"]
    who = [f for f in write_brief(story, articles, sentences, claims, groups).event if f.name == "who"]
    igp = [f for f in who if "Geophysical" in f.value]
    assert len(igp) == 1 and set(igp[0].articles) == {"x", "y"} and igp[0].support == 2
    # A country's name alone is not its army's staff: two actors.
    assert {f.value for f in who} >= {"South Korea's Joint Chiefs of Staff", "South Korea"}
