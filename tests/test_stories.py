"""Story clustering: look-alike events, rewrites, order independence, bridging, the seeds.

All texts here are written for these tests (invented towns, people and events).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from newsfuse.eventdate import resolve_dates
from newsfuse.minhash import LSHIndex, MinHasher, jaccard
from newsfuse.model import Article
from newsfuse.segment import split_sentences
from newsfuse.stories import StoryIndex, StoryParams, cluster_stories

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
UTC = timezone.utc


def art(aid: str, title: str, text: str, published: datetime | None = None) -> Article:
    return Article(id=aid, source=f"test:{aid}", text=text, title=title, published=published)


def run(articles, **kw):
    sentences = {a.id: split_sentences(a) for a in articles}
    return cluster_stories(articles, sentences, **kw)


def partition(stories) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


# Two fires at the same warehouse district, three days apart, told with the same words.
FIRE_1 = datetime(2031, 3, 4, 15, 0, tzinfo=UTC)  # a Tuesday
FIRE_2 = datetime(2031, 3, 7, 15, 0, tzinfo=UTC)  # a Friday


def fire(aid: str, day: str, published: datetime, variant: int, event: int = 0) -> Article:
    """A warehouse fire in Valdrin; ``event`` 0 and 1 are two different fires in one district."""
    if event == 0:
        openings = [
            f"A large fire tore through a paper warehouse in the Brennholt industrial zone on {day}, "
            "sending thick smoke over the river port, the Valdrin fire brigade said.",
            f"Firefighters in Valdrin battled a blaze at a Brennholt paper warehouse on {day} as "
            "smoke drifted across the river port, brigade officials said.",
            f"Smoke covered the Valdrin river port on {day} after fire broke out in a paper "
            "warehouse of the Brennholt industrial zone, according to the fire brigade.",
        ]
        body = ("Crews from six stations were sent to Kessel Street and residents were told to keep "
                "windows closed. Nobody was reported hurt. Brigade chief Anton Meller said the roof "
                "collapsed within an hour.")
    else:
        openings = [
            f"Two workers were treated for smoke inhalation after fire hit a furniture depot in "
            f"Brennholt on {day}, Valdrin fire officials said.",
            f"A furniture depot on Amber Quay in Brennholt went up in flames on {day}, and two "
            "workers needed treatment, the Valdrin brigade said.",
            f"Fire gutted a Brennholt furniture depot on Amber Quay on {day}; two staff inhaled "
            "smoke, according to Valdrin firefighters.",
        ]
        body = ("Four engines reached Amber Quay within minutes. Spokeswoman Lise Darrow said the "
                "depot's sprinklers had failed. The port road was closed until the evening.")
    return art(aid, f"Brennholt warehouse fire in Valdrin ({variant})", openings[variant % 3] + "\n" + body, published)


def test_event_dates_resolve_against_publication():
    pub = datetime(2031, 3, 5, 9, 0, tzinfo=UTC)  # a Wednesday
    days = resolve_dates("Mirel, Mar 5 - The quake on Tuesday followed one on Feb. 27 and 3 March 2030.", pub)
    assert [d.isoformat() for d in days] == ["2031-03-05", "2031-03-04", "2031-02-27", "2030-03-03"]
    # Wednesday in a Wednesday article is that day, not a week before
    assert resolve_dates("on Wednesday", pub)[0].isoformat() == "2031-03-05"
    # without a publication date only fully written dates resolve
    assert [d.isoformat() for d in resolve_dates("on Tuesday, March 4, 2031", None)] == ["2031-03-04"]


def test_minhash_is_stable_and_estimates_jaccard():
    words = ("the quick brown fox jumps over the lazy dog near the old mill " * 3).split()
    h = MinHasher()
    a, b = h.signature(words), MinHasher().signature(words)
    assert np.array_equal(a, b)  # no salted hash: same text, same signature
    other = h.signature("completely unrelated words about harbour cranes and cargo ships".split())
    assert jaccard(a, b) == 1.0 and jaccard(a, other) < 0.2
    lsh = LSHIndex()
    lsh.insert("x", a)
    assert lsh.query(b) == {"x"} and lsh.query(other) == set()


def test_look_alike_events_are_separated_by_their_dates():
    articles = [fire(f"t{i}", "Tuesday", FIRE_1 + timedelta(hours=i), i) for i in range(3)]
    articles += [fire(f"f{i}", "Friday", FIRE_2 + timedelta(hours=i), i, event=1) for i in range(3)]
    stories = run(articles)
    assert partition(stories) == {frozenset({"t0", "t1", "t2"}), frozenset({"f0", "f1", "f2"})}
    # the same texts without the day signal would be one story: the date is what separates them
    assert len(run(articles, params=StoryParams(date_penalty=0.0, date_bonus=0.0))) == 1


def test_publication_window_separates_events_without_dates_in_text():
    a = [fire(f"a{i}", "the same day", FIRE_1 + timedelta(hours=i), i) for i in range(2)]
    b = [fire(f"b{i}", "the same day", FIRE_1 + timedelta(days=30, hours=i), i) for i in range(2)]
    assert partition(run(a + b)) == {frozenset({"a0", "a1"}), frozenset({"b0", "b1"})}
    assert len(run(a + b, window_days=60)) == 1


def test_order_independence():
    articles = [fire(f"t{i}", "Tuesday", FIRE_1 + timedelta(hours=i), i) for i in range(3)]
    articles += [fire(f"f{i}", "Friday", FIRE_2 + timedelta(hours=i), i, event=1) for i in range(3)]
    articles += [art("u", "Council approves new tram line", "The Osterby city council approved a "
                     "tram line to the airport on Thursday after a long debate about its cost.", FIRE_2)]
    reference = run(articles)
    rng = random.Random(7)
    for _ in range(5):
        shuffled = articles[:]
        rng.shuffle(shuffled)
        again = run(shuffled)
        assert [(s.id, s.articles, s.label) for s in again] == [(s.id, s.articles, s.label) for s in reference]


def test_story_record_is_complete():
    articles = [fire(f"t{i}", "Tuesday", FIRE_1 + timedelta(hours=i), i) for i in range(3)]
    (story,) = run(articles)
    assert story.articles == ("t0", "t1", "t2")  # publication order
    assert story.start == FIRE_1 and story.end == FIRE_1 + timedelta(hours=2)
    assert story.label.startswith("Brennholt warehouse fire")
    assert story.id.startswith("story-")


REWRITE_A = art(
    "r1", "Lake Tarvo ferry runs aground, 40 passengers rescued",
    "The passenger ferry Morwen ran aground on a sandbank in Lake Tarvo on Sunday evening, and "
    "all 40 passengers were taken off by rescue boats, the Tarvo coast guard said. The captain "
    "reported low water after a dry summer. The Morwen will be towed to Ketterby harbour.",
    datetime(2031, 8, 10, 20, 0, tzinfo=UTC),
)
REWRITE_B = art(
    "r2", "Rescue boats bring 40 people ashore after Morwen grounding",
    "Forty people aboard the Morwen had to be brought ashore by rescue crews when the vessel "
    "struck a sandbank on Lake Tarvo late on Sunday, coast guard officials in Tarvo said. Its "
    "master blamed the unusually low lake level; the boat is to be pulled to Ketterby.",
    datetime(2031, 8, 11, 7, 0, tzinfo=UTC),
)
UNRELATED = art(
    "u1", "Ketterby library reopens after renovation",
    "The Ketterby public library reopened on Sunday after two years of renovation work, with a "
    "new reading room and a children's wing, the town council said.",
    datetime(2031, 8, 10, 12, 0, tzinfo=UTC),
)


def test_rewrites_are_joined_lexically():
    stories = run([REWRITE_A, REWRITE_B, UNRELATED])
    assert partition(stories) == {frozenset({"r1", "r2"}), frozenset({"u1"})}


@pytest.mark.slow
def test_rewrites_are_joined_with_embeddings(embedder):
    stories = run([REWRITE_A, REWRITE_B, UNRELATED], embedder=embedder)
    assert partition(stories) == {frozenset({"r1", "r2"}), frozenset({"u1"})}


def test_bridging_article_merges_two_stories():
    t = datetime(2031, 5, 2, 9, 0, tzinfo=UTC)
    first = art("p1", "Gallery director Ines Varga resigns",
                "Ines Varga resigned as director of the Orlen National Gallery, board chairman "
                "Tomas Reil said, giving no reason.", t)
    second = art("p2", "Orlen police search Halvik storage unit",
                 "Police in Orlen searched a storage unit in the Halvik district rented by the "
                 "Skarn Foundation and seized crates of paintings, a police spokesman said.", t)
    bridge = art("p3", "Varga resignation linked to Skarn Foundation paintings found in Halvik",
                 "Ines Varga resigned as director of the Orlen National Gallery after police found "
                 "crates of the Skarn Foundation's paintings in a Halvik storage unit, board "
                 "chairman Tomas Reil said. Police in Orlen seized the paintings.", t)
    index = StoryIndex()
    a = index.add(first, split_sentences(first))
    b = index.add(second, split_sentences(second))
    assert a != b and len(index.stories()) == 2
    index.add(bridge, split_sentences(bridge))
    assert len(index.stories()) == 1
    assert index.story_id("p1") == index.story_id("p2") == index.story_id("p3")
    with pytest.raises(KeyError, match="p9"):
        index.story_id("p9")


def test_exact_copy_joins_through_minhash_even_with_a_new_title():
    text = fire("x", "Tuesday", FIRE_1, 0).text * 2
    a = art("c1", "One title", text, FIRE_1)
    b = art("c2", "Something else entirely", text, FIRE_1 + timedelta(hours=1))
    index = StoryIndex(params=StoryParams(join=2.0))  # lexical path disabled: only copies can join
    assert index.add(a) == index.add(b)


def _seed_articles() -> list[Article]:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"seed articles not found at {SHARED / 'seeds'} (../shared is absent)")
    from newsfuse.clean import clean
    from newsfuse.model import RawDocument

    return [clean(RawDocument(p.name, "text", p.read_text(encoding="utf-8")))
            for p in sorted((SHARED / "seeds").glob("*.txt"))]


def test_seeds_are_one_story():
    seeds = _seed_articles()
    stories = run(seeds)
    assert len(stories) == 1, [s.label for s in stories]


def _example_articles() -> tuple[list[Article], dict[str, str]]:
    import json

    from newsfuse.clean import clean
    from newsfuse.model import RawDocument

    examples = Path(__file__).resolve().parents[1] / "examples"
    labels_path = examples / "STORIES.json"
    if not labels_path.is_file():
        pytest.skip(f"no example labels at {labels_path}")
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["files"]
    articles, gold = [], {}
    for name, label in sorted(labels.items()):
        if "#" in name:
            file, rid = name.split("#")
            for line in (examples / file).read_text(encoding="utf-8").splitlines():
                row = json.loads(line) if line.strip() else {}
                if row.get("id") == rid:
                    meta = tuple((k, str(v)) for k, v in row.items() if k != "text")
                    a = clean(RawDocument(name, "text", row["text"], meta))
        else:
            kind = "html" if name.endswith(".html") else "text"
            a = clean(RawDocument(name, kind, (examples / name).read_text(encoding="utf-8")))
        articles.append(a)
        gold[a.id] = label
    return articles, gold


def test_seeds_never_merge_with_look_alike_example_stories():
    seeds = _seed_articles()
    examples, gold = _example_articles()
    for a in seeds:
        gold[a.id] = "seeds"
    stories = run(seeds + examples)
    found = {frozenset(s.articles) for s in stories}
    expected = {frozenset(a for a, g in gold.items() if g == label) for label in set(gold.values())}
    # every story is pure; the seeds are one story
    assert all(len({gold[a] for a in s}) == 1 for s in found)
    assert frozenset(a.id for a in seeds) in found
    assert len(found) <= len(expected) + 1


def test_undated_articles_have_no_window_and_dated_ones_do():
    a = REWRITE_A
    b = Article(id="r2u", source="t", text=REWRITE_B.text, title=REWRITE_B.title, published=None)
    assert len(run([a, b])) == 1
    late = Article(id="r2l", source="t", text=REWRITE_B.text, title=REWRITE_B.title,
                   published=REWRITE_A.published + timedelta(days=40))
    assert len(run([a, late])) == 2


def test_incremental_add_is_idempotent_and_settings_are_recorded():
    index = StoryIndex()
    first = index.add(REWRITE_A, split_sentences(REWRITE_A))
    assert index.add(REWRITE_A) == first and len(index) == 1
    pairs = dict(StoryParams().as_pairs())
    assert pairs["algorithm"].startswith("stories/") and "join" in pairs and "merge" in pairs


def test_empty_input():
    assert cluster_stories([], {}) == []
    assert StoryIndex().stories() == []


# ---------------------------------------------------------------- central people, lone articles
def test_persons_are_named_in_full_then_by_surname():
    from newsfuse.stories import _persons

    text = ("Harbour Kestrels winger Tobin Aslett was arrested on Tuesday. Aslett was released on "
            "bail, the Dunmore Harbour Police said. Coach Mara Quell declined to comment.\n"
            "The Harbour Police said Aslett had been stopped near the Kestrels stadium. "
            "Police chief Edda Rowe told reporters the case was routine.")
    people = _persons(text)
    # Aslett: named in full, then alone three times; Quell and Rowe: once each (passing
    # mentions); "Police": a run that a determiner opens names a body, not a person
    assert set(people) == {"aslett"}
    assert abs(sum(people.values()) - 1.0) < 1e-9
    assert _persons("") == {} and _persons("no capitals here at all") == {}
    # headline-case lines are skipped: every word is capitalised there
    assert _persons("Kestrels Winger Tobin Aslett Arrested Near Stadium\nAslett Aslett") == {}


def _arrest(aid: str, player: str, surname: str, variant: int, event: int) -> Article:
    """Two arrests of two players of one invented team: same team, town, charge and words."""
    if event == 0:
        leads = [
            f"Harbour Kestrels winger {player} was arrested on suspicion of drunk driving early on "
            f"Tuesday, Dunmore police said. {surname} was released on bail hours later.",
            f"Dunmore police arrested Kestrels winger {player} on suspicion of drunk driving. "
            f"{surname} failed a roadside breath test near the harbour bridge.",
            f"Kestrels winger {player} faces a drunk-driving charge after his arrest in Dunmore; "
            f"{surname} told the club he would fight it.",
        ]
    else:
        leads = [
            f"Harbour Kestrels defender {player} has been charged with drunk driving after a crash "
            f"outside a Dunmore nightclub, police said. {surname} was unhurt.",
            f"Police in Dunmore said Kestrels defender {player} was detained on suspicion of drunk "
            f"driving after his car hit a wall. {surname} was bailed.",
            f"{player}, the Kestrels defender, was held by Dunmore police on a drunk-driving "
            f"charge; {surname} is the second Kestrels player arrested this season.",
        ]
    body = f" The Harbour Kestrels said they were aware of the arrest of {surname} and would comment later."
    return art(aid, "", leads[variant % 3] + body)


def test_different_central_people_keep_look_alike_stories_apart():
    from dataclasses import replace

    first = [_arrest(f"a{i}", "Tobin Aslett", "Aslett", i, 0) for i in range(3)]
    second = [_arrest(f"b{i}", "Rudi Fenwell", "Fenwell", i, 1) for i in range(3)]
    # full penalty from one member on: three reports a side are below the default support
    base = replace(StoryParams(), person_support=1)
    merged = run(first + second, params=replace(base, person_penalty=0.0))
    assert len(merged) == 1, "the test needs look-alikes that words alone merge"
    apart = run(first + second, params=base)
    assert partition(apart) == {frozenset(a.id for a in first), frozenset(a.id for a in second)}


def test_lone_short_report_is_adopted_by_its_clear_story():
    from dataclasses import replace

    reports = [fire(f"f{i}", "Tuesday", FIRE_1 + timedelta(hours=i), i) for i in range(3)]
    # a one-line follow-up: one shared name, too few weighted terms to reach ``merge``
    short = art("s1", "", "Meller: the roof fell in within an hour.", FIRE_1 + timedelta(hours=5))
    other = [fire(f"g{i}", "Friday", FIRE_2 + timedelta(hours=i), i, event=1) for i in range(3)]
    alone = run(reports + [short] + other, params=replace(StoryParams(), adopt=1.0))
    assert frozenset({"s1"}) in partition(alone), "the test needs a report that merge leaves alone"
    adopted = run(reports + [short] + other)
    assert frozenset({"f0", "f1", "f2", "s1"}) in partition(adopted)
    assert frozenset({"g0", "g1", "g2"}) in partition(adopted)
