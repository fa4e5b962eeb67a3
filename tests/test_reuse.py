"""Unit tests of alignment, reuse links, groups and graph export, on text written for them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from xml.etree import ElementTree as ET

import pytest

from newsfuse import align as al
from newsfuse.model import Article
from newsfuse.provenance import to_dot, to_graphml
from newsfuse.reuse import link_story, source_groups
from newsfuse.segment import split_sentences

WIRE = [
    "Engineers closed the Varnholt river bridge on Monday after inspectors found cracks in two of its steel supports, the regional transport office said.",
    "About 14,000 vehicles cross the bridge every day, according to figures published by the office last year.",
    "Traffic was diverted through the old quarter, where queues stretched for several kilometres during the morning rush.",
    "Mayor Odile Prennat told reporters the repairs would take at least six weeks and cost an estimated 3.2 million euros.",
    "The bridge, built in 1974, was last renovated in 2009 and had passed its previous inspection without remarks.",
    "Local business owners warned that a long closure would hurt shops on both banks of the river.",
    "The transport office said ferries would run every twenty minutes from Tuesday to carry pedestrians and cyclists.",
    "A spokesman for the office declined to say whether heavy lorries had contributed to the damage.",
]

SECOND_EDITION = [
    WIRE[0],
    WIRE[1],
    WIRE[2],
    "Mayor Odile Prennat told reporters the repairs would take at least eight weeks and cost an estimated 4.5 million euros.",
    WIRE[4],
    WIRE[5],
    WIRE[6],
    "A spokesman for the office later said that heavy lorries were not to blame for the damage.",
    "An independent engineering firm has been asked to review all of the region's river crossings.",
]

UNRELATED = [
    "The city orchestra announced its winter season on Friday with three premieres by young composers.",
    "Tickets go on sale next month, and students will again pay half price for every concert.",
    "The conductor said the programme was built around folk melodies collected in mountain villages.",
]

ONE_FACT = [
    "Cyclists in the region have long asked for a separate lane on the main crossing.",
    "Engineers closed the Varnholt river bridge on Monday after inspectors found cracks in two of its steel supports, the regional transport office said.",
    "The cycling association plans a meeting next week to discuss safer routes for children.",
    "Its chairwoman said the group had written to the council four times since the spring.",
    "Members will also vote on a new logo and on the date of the summer ride.",
]

T0 = datetime(2031, 5, 12, 9, 0, tzinfo=timezone.utc)


def article(aid: str, sentences: list[str], **kw) -> Article:
    return Article(id=aid, source=f"test:{aid}", text="\n".join(sentences), **kw)


def run(*articles: Article, embedder=None):
    sents = {a.id: split_sentences(a) for a in articles}
    return link_story(list(articles), sents, embedder=embedder)


def link_of(links, a, b):
    for link in links:
        if {link.source, link.target} == {a, b}:
            return link
    return None


# --------------------------------------------------------------------------- align


def test_exact_copies_align_one_to_one_in_order():
    pairs = al.align(WIRE, WIRE)
    assert [(p.source, p.target) for p in pairs] == [(i, i) for i in range(len(WIRE))]
    assert all(p.method == "exact" and p.score == 1.0 for p in pairs)


def test_edited_sentence_aligns_through_anchors_and_repeats_pair_once():
    a = WIRE[:4]
    b = [WIRE[0], WIRE[1], WIRE[1], WIRE[2], SECOND_EDITION[3]]
    pairs = al.align(a, b)
    sources = [p.source for p in pairs]
    targets = [p.target for p in pairs]
    assert len(set(sources)) == len(sources) and len(set(targets)) == len(targets)  # one-to-one
    assert (3, 4) in {(p.source, p.target) for p in pairs}
    edited = next(p for p in pairs if p.source == 3)
    assert edited.method == "ngram" and edited.score < 1.0


def test_unrelated_sentences_do_not_align_lexically():
    assert al.align(WIRE, UNRELATED) == ()


def test_moved_paragraph_is_still_aligned():
    moved = WIRE[4:] + WIRE[:4]
    pairs = {(p.source, p.target) for p in al.align(WIRE, moved)}
    assert (0, 4) in pairs and (4, 0) in pairs


def test_lis_keeps_longest_increasing_chain():
    points = [(0, 5), (1, 1), (2, 2), (3, 0), (4, 3), (5, 4)]
    chain = [points[i] for i in al.increasing_chain(points)]
    assert chain == [(1, 1), (2, 2), (4, 3), (5, 4)]


def test_passages_split_at_gaps():
    filler = " ".join(f"w{k}" for k in range(40))
    a = al.prepare(["one two three four five six seven " + filler + " alpha beta gamma delta epsilon zeta"])
    b = al.prepare(["one two three four five six seven alpha beta gamma delta epsilon zeta"])
    assert len(al.anchor_passages(a, b)) == 2


def test_paraphrase_probability_prefers_the_edited_sentence_to_another():
    for cos_same, cos_other in ((None, None), (0.85, 0.3)):
        same = al.paraphrase_probability(WIRE[3], SECOND_EDITION[3], cos_same)
        other = al.paraphrase_probability(WIRE[3], WIRE[5], cos_other)
        assert 0.0 <= other < same <= 1.0


def test_numbers_that_differ_are_a_feature():
    f = al.pair_features("It cost 3.2 million euros.", "It cost 4.5 million euros.")
    assert f[al.FEATURES.index("numbers_differ")] == 1.0


# --------------------------------------------------------------------------- links


def test_identical_articles_are_copies():
    links, groups = run(article("a", WIRE), article("b", WIRE))
    assert [l.kind for l in links] == ["copy"]
    assert len(groups) == 1 and set(groups[0].articles) == {"a", "b"}


def test_second_edition_is_a_version_with_changed_and_added_sentences():
    first = article("first", WIRE, published=T0, wire_credits=("AFP",))
    later = article("later", SECOND_EDITION, published=T0 + timedelta(hours=3), wire_credits=("AFP",))
    links, groups = run(later, first)
    link = link_of(links, "first", "later")
    assert link is not None and link.kind == "version", link
    assert (link.source, link.target, link.directed) == ("first", "later", True)
    assert "published first" in link.reason
    assert (3, 3) in link.changed and (7, 7) in link.changed
    assert link.added == (8,)
    assert len(groups) == 1


def test_direction_from_wire_credit_when_times_are_unknown():
    wire = article("wire", WIRE, wire_credits=("Reuters",))
    reprint = article("reprint", SECOND_EDITION)
    link = link_of(run(reprint, wire)[0], "wire", "reprint")
    assert link.source == "wire" and link.directed and "wire credit" in link.reason


def test_verbatim_text_inside_a_much_longer_article_is_an_expansion():
    local = WIRE + [
        f"Resident number {k} said the detour added {k + 10} minutes to the daily drive to the hospital in town."
        for k in range(12)
    ]
    links, _ = run(article("wire", WIRE, published=T0), article("local", local, published=T0 + timedelta(hours=1)))
    link = link_of(links, "wire", "local")
    assert link.kind == "expansion" and link.source == "wire"
    assert link.added == tuple(range(len(WIRE), len(local)))


def test_one_sentence_quoted_verbatim_is_reuse_not_a_version():
    links, groups = run(article("wire", WIRE), article("club", ONE_FACT))
    link = link_of(links, "wire", "club")
    assert link is not None and link.kind == "expansion", link
    assert not link.directed  # no time, no credit, neither contains the other
    expected = (0, 1) if link.source == "wire" else (1, 0)
    assert [(p.source, p.target) for p in link.pairs] == [expected]
    assert len(groups) == 2  # an expansion adds its own material: still its own source


def test_nothing_shared_means_no_link_and_separate_groups():
    links, groups = run(article("wire", WIRE), article("music", UNRELATED))
    assert links == ()
    assert sorted(g.articles for g in groups) == [("music",), ("wire",)]


# --------------------------------------------------------------------------- groups

RUMOUR_A = [
    "A councillor claimed that the contractor Brekkvold Stålbygg had been paid 812,000 euros for welding work in 2027.",
    "The claim was repeated by several residents at a meeting on Tuesday evening.",
]
RUMOUR_B = [
    "Residents heard at Tuesday's meeting that Brekkvold Stålbygg received 812,000 euros in 2027 for welds on the supports.",
    "No documents were shown to back the figure.",
]
# A third report with specifics of its own: what independent reporters share by chance is
# measured on such pairs (reuse._suspected_copies).
PLAIN = [
    "Residents met on Tuesday evening at the Solvang community hall to discuss the closed Kvernes bridge.",
    "Several speakers, among them Ingrid Haugland, asked the council to publish the 2026 inspection report.",
]


def test_exclusive_rare_items_make_suspected_copies():
    arts = [article("x", RUMOUR_A), article("y", RUMOUR_B), article("z", PLAIN)]
    sents = {a.id: split_sentences(a) for a in arts}
    groups = source_groups(arts, (), sents)
    joined = next(g for g in groups if "x" in g.articles)
    assert set(joined.articles) == {"x", "y"}
    assert "suspected copying" in joined.reason and "812000" in joined.reason


def test_items_that_a_third_article_also_carries_prove_nothing():
    third = RUMOUR_A[:1] + PLAIN
    arts = [article("x", RUMOUR_A), article("y", RUMOUR_B), article("z", third)]
    sents = {a.id: split_sentences(a) for a in arts}
    groups = source_groups(arts, (), sents)
    assert all(len(g.articles) == 1 for g in groups) or not any(
        set(g.articles) == {"x", "y"} for g in groups
    )


def test_groups_partition_the_story():
    arts = [article("a", WIRE), article("b", SECOND_EDITION), article("c", ONE_FACT), article("d", UNRELATED)]
    _, groups = run(*arts)
    members = [aid for g in groups for aid in g.articles]
    assert sorted(members) == ["a", "b", "c", "d"]
    assert len({g.id for g in groups}) == len(groups)


# --------------------------------------------------------------------------- export


def test_dot_and_graphml_export():
    arts = [article("a", WIRE, outlet='The "Daily"'), article("b", SECOND_EDITION), article("c", ONE_FACT)]
    links, groups = run(*arts)
    dot = to_dot(links, groups, arts)
    assert dot.startswith("digraph") and '"a" -> "b"' in dot and '\\"Daily\\"' in dot
    root = ET.fromstring(to_graphml(links, groups, arts).split("\n", 1)[1])
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == 3
    assert len(root.findall(".//g:edge", ns)) == len(links)


# --------------------------------------------------------------------------- with the model


@pytest.mark.slow
def test_same_fact_in_own_words_is_an_independent_link_with_the_pair(embedder):
    own = [
        "Cyclists in the region have long asked for a separate lane on the main crossing.",
        "Since Monday the crossing is shut: inspectors say two of the steel supports of the Varnholt bridge are cracked.",
        "The cycling association plans a meeting next week to discuss safer routes for children.",
        "Its chairwoman said the group had written to the council four times since the spring.",
        "Members will also vote on a new logo and on the date of the summer ride.",
    ]
    links, groups = run(article("wire", WIRE), article("club", own), embedder=embedder)
    link = link_of(links, "wire", "club")
    assert link is not None and link.kind == "independent" and not link.directed, link
    expected = (0, 1) if link.source == "wire" else (1, 0)
    assert [(p.source, p.target) for p in link.pairs] == [expected]
    assert len(groups) == 2


@pytest.mark.slow
def test_paraphrase_in_order_with_embeddings(embedder):
    rewrite = [
        "On Monday engineers shut the bridge over the Varnholt after inspectors discovered cracked steel supports, according to the regional transport office.",
        "Roughly 14,000 cars and trucks use the crossing each day, the office's figures from last year show.",
        "Drivers were sent through the old quarter, where morning traffic backed up for kilometres.",
        "Repairs will last six weeks or more and are expected to cost around 3.2 million euros, Mayor Odile Prennat said.",
        "Built in 1974, the bridge was renovated in 2009 and had passed its last inspection with no comments.",
        "Shopkeepers on either bank fear that a lengthy closure will damage their trade.",
        "Starting Tuesday, ferries will leave every twenty minutes for people on foot or on bicycles, the office said.",
        "The office would not say if heavy trucks had played a part in the damage.",
    ]
    links, groups = run(article("wire", WIRE, wire_credits=("AFP",)), article("rewrite", rewrite), embedder=embedder)
    link = link_of(links, "wire", "rewrite")
    assert link is not None and link.kind == "paraphrase", link
    assert link.source == "wire" and link.directed
    assert any(p.method == "embedding" for p in link.pairs)
    assert len(groups) == 1


def test_sharing_as_much_as_every_other_pair_is_chance():
    # Four reports; every pair shares three rare names that the other two lack.  No pair
    # shares more than chance (the other pairs) gives, so no one is suspected of copying.
    from itertools import combinations

    ids = ["a", "b", "c", "d"]
    words: dict[str, list[str]] = {i: [] for i in ids}
    for k, (x, y) in enumerate(combinations(ids, 2)):
        for j in range(3):
            name = f"Zorvek{'abcdefgh'[k]}{'xyz'[j]}"
            words[x].append(name)
            words[y].append(name)
    arts = [article(i, [f"Officials named {' and '.join(w)} in the report."]) for i, w in words.items()]
    groups = source_groups(arts, (), {a.id: split_sentences(a) for a in arts})
    assert sorted(g.articles for g in groups) == [(i,) for i in ids]
