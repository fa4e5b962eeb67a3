"""A small hand-built RunResult (a fictional story) for the report and brief tests.

Written for these tests: the town, ship and people are invented.  Sentences are given one
by one so that their spans are exact without running the segmenter.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from newsfuse.brief import write_brief
from newsfuse.model import (
    Article,
    Claim,
    InputError,
    Mention,
    Removal,
    ReuseLink,
    RunResult,
    Sentence,
    SentencePair,
    SourceGroup,
    Story,
    StoryResult,
    Value,
)

CET = timezone(timedelta(hours=1))
DAY = datetime(2026, 3, 3, tzinfo=CET)
XSS = 'Readers posted <script>window.__nfPwned=1</script> and <img src=x onerror="window.__nfPwned=2"> below.'

TEXTS = {
    "a1": [
        "KARSBY – A passenger ferry ran aground off the island of Karsby early on Tuesday, the regional coast guard said.",
        "The coast guard said 212 passengers and crew were on board the Nordlys when it struck a sandbank at 6:15 a.m. local time.",
        "Three people were treated for minor injuries, according to the harbour authority.",
        "Two tugboats were sent to pull the vessel free at high tide.",
        'Transport minister Alma Reyes called the grounding "unacceptable" and ordered an inquiry.',
        "The same ferry lost power in the strait in March 2024.",
    ],
    "a2": [
        "KARSBY – A passenger ferry ran aground off the island of Karsby early on Tuesday, the regional coast guard said.",
        "The coast guard said 212 passengers and crew were on board the Nordlys when it struck a sandbank at 6:15 a.m. local time.",
        "Five people were treated for minor injuries, the harbour authority said later.",
        "Two tugboats were sent to pull the vessel free at high tide.",
        'Transport minister Alma Reyes called the grounding "unacceptable" and ordered an inquiry.',
        "The same ferry lost power in the strait in March 2024.",
    ],
    "a3": [
        "The ferry Nordlys hit a sandbank near Karsby on Tuesday morning, stranding its passengers for hours.",
        "Our reporters counted 230 people on board.",
        "The ferry struck the sandbank at about 6:15 a.m., the captain told the station.",
        'Captain Ivo Marsh said the fog was "thick as wool" when the ferry left port.',
        "Passengers were taken ashore by lifeboat before noon.",
        "Several tugboats and a lifeboat reached the ferry within an hour.",
        "Transport minister Alma Reyes has ordered an inquiry into the grounding.",
    ],
    "a4": [
        "Story snapshot: a ferry carrying more than 200 people ran aground off Karsby on Tuesday.",
        "Officials said five people were hurt.",
    ],
}
TITLES = {
    "a1": "Ferry runs aground off Karsby with 212 aboard",
    "a2": "Ferry aground off Karsby, five hurt",
    "a3": "Nordlys stuck on sandbank near Karsby",
    "a4": "What we know about the Karsby ferry",
}
OUTLETS = {"a1": "Coastal Wire", "a2": "Daily Tide", "a3": "Harbour Radio", "a4": "ViewFeed"}
HOURS = {"a1": (7, 40), "a2": (9, 10), "a3": (10, 5), "a4": (12, 30)}


def _article(aid: str, sentences: list[str]) -> tuple[Article, tuple[Sentence, ...]]:
    text, spans = "", []
    for i, s in enumerate(sentences):
        if i:
            text += "\n\n" if i % 2 == 0 else " "
        spans.append(Sentence(aid, i, s, len(text), len(text) + len(s)))
        text += s
    hour, minute = HOURS[aid]
    removed = ()
    if aid == "a1":
        removed = (Removal("Download our app for breaking news", "boilerplate:app-banner"),
                   Removal("Photo: coast guard handout", "caption"))
    elif aid == "a4":
        removed = (Removal("Sources: three headlines", "source-list"),)
    article = Article(
        id=aid,
        source=f"inbox/{aid}.txt",
        text=text,
        title=TITLES[aid],
        outlet=OUTLETS[aid],
        published=DAY.replace(hour=hour, minute=minute),
        published_how="metadata",
        language="en",
        wire_credits=("CW",) if aid in ("a1", "a2") else (),
        dateline="KARSBY" if aid in ("a1", "a2") else None,
        removed=removed,
        content_hash=f"hash-{aid}",
    )
    return article, tuple(spans)


def _v(type_, text, norm, aid, idx, key, low=None, high=None, precise=True, qualifier=None, unit=None):
    return Value(type_, text, norm, aid, idx, key=key, low=low, high=high, unit=unit,
                 precise=precise, qualifier=qualifier)


def _claim(cid, status, nodes, sources, values=(), key="", sides=(), explanation="", sentences=None):
    mentions = tuple(Mention(aid, idx, sentences[aid][idx].text) for aid, idx in nodes)
    return Claim(cid, mentions[0].text, status, mentions, sources, tuple(values), key, explanation, tuple(sides))


def build_run(xss: bool = False) -> RunResult:
    texts = {k: list(v) for k, v in TEXTS.items()}
    if xss:
        texts["a4"].append(XSS)
    built = {aid: _article(aid, ss) for aid, ss in texts.items()}
    articles = [built[a][0] for a in ("a1", "a2", "a3", "a4")]
    sentences = {aid: built[aid][1] for aid in built}
    day = (DAY.timestamp(), DAY.timestamp() + 86400)
    t615 = DAY.replace(hour=6, minute=15).timestamp()
    count = lambda t, n, aid, i, key, **kw: _v("count", t, str(n), aid, i, key, n, n, **kw)  # noqa: E731
    S = sentences
    claims = [
        _claim("c-aground", "corroborated", [("a1", 0), ("a2", 0), ("a3", 0), ("a4", 0)], 2,
               [_v("date", "Tuesday", "2026-03-03", a, 0, "date:ran aground", *day) for a in ("a1", "a2", "a3", "a4")],
               explanation="stated by 2 independent sources", sentences=S),
        _claim("c-aboard", "conflicting", [("a1", 1), ("a2", 1), ("a3", 1), ("a4", 0)], 2,
               [count("212", 212, "a1", 1, "people:on board"), count("212", 212, "a2", 1, "people:on board"),
                count("230", 230, "a3", 1, "people:on board"),
                _v("count", "more than 200", ">200", "a4", 0, "people:on board", 200, float("inf"), qualifier="more than")],
               key="people:on board", sides=[("212", ("a1", "a2")), ("230", ("a3",))],
               explanation="'212' (a1, a2) vs '230' (a3)", sentences=S),
        _claim("c-time", "corroborated", [("a1", 1), ("a3", 2)], 2,
               [_v("time", "6:15 a.m. local time", "2026-03-03T06:15+01:00", "a1", 1, "time:struck", t615, t615 + 60),
                _v("time", "about 6:15 a.m.", "2026-03-03T06:15+01:00", "a3", 2, "time:struck", t615, t615 + 60,
                   qualifier="about")],
               key="time:struck", explanation="stated by 2 independent sources", sentences=S),
        _claim("c-injured", "evolving", [("a1", 2), ("a2", 2), ("a4", 1)], 1,
               [count("Three", 3, "a1", 2, "injured"), count("Five", 5, "a2", 2, "injured"),
                count("five", 5, "a4", 1, "injured")],
               key="injured", sides=[("3", ("a1",)), ("5", ("a2", "a4"))],
               explanation="the figure rose from 3 to 5 in later editions", sentences=S),
        _claim("c-tugs", "divergent", [("a1", 3), ("a2", 3), ("a3", 5)], 2,
               [count("Two", 2, "a1", 3, "tugboats"), count("Two", 2, "a2", 3, "tugboats"),
                _v("count", "Several", "several", "a3", 5, "tugboats", 3, 9, precise=False)],
               key="tugboats", sides=[("2", ("a1", "a2")), ("several", ("a3",))],
               explanation="vague 'several' against precise '2'", sentences=S),
        _claim("c-inquiry", "corroborated", [("a1", 4), ("a2", 4), ("a3", 6)], 2,
               [_v("person", "Alma Reyes", "Alma Reyes", a, i, "person:transport minister") for a, i in
                (("a1", 4), ("a2", 4), ("a3", 6))]
               + [_v("quotation", '"unacceptable"', "unacceptable", "a1", 4, "quote:Alma Reyes")],
               explanation="stated by 2 independent sources", sentences=S),
        _claim("c-reyes", "corroborated", [("a1", 4), ("a2", 4), ("a3", 6)], 2,
               [_v("person", "Alma Reyes", "Alma Reyes", a, i, "person:transport minister") for a, i in
                (("a1", 4), ("a2", 4), ("a3", 6))],
               key="person:transport minister", explanation="stated by 2 independent sources", sentences=S),
        _claim("c-place", "corroborated", [("a1", 0), ("a2", 0), ("a3", 0), ("a4", 0)], 2,
               [_v("place", "off the island of Karsby", "Karsby", "a1", 0, "place:aground", qualifier="off"),
                _v("place", "off the island of Karsby", "Karsby", "a2", 0, "place:aground", qualifier="off"),
                _v("place", "near Karsby", "Karsby", "a3", 0, "place:aground", qualifier="near"),
                _v("place", "off Karsby", "Karsby", "a4", 0, "place:aground", qualifier="off")],
               key="place:aground", explanation="stated by 2 independent sources", sentences=S),
        _claim("c-power", "single-source", [("a1", 5), ("a2", 5)], 1,
               [_v("date", "March 2024", "2024-03", a, 5, "date:lost power",
                   datetime(2024, 3, 1, tzinfo=CET).timestamp(), datetime(2024, 4, 1, tzinfo=CET).timestamp())
                for a in ("a1", "a2")],
               explanation="one independent source (a1, a2 are one wire story)", sentences=S),
        _claim("c-captain", "single-source", [("a3", 3)], 1,
               [_v("person", "Ivo Marsh", "Ivo Marsh", "a3", 3, "person:captain"),
                _v("quotation", '"thick as wool"', "thick as wool", "a3", 3, "quote:Ivo Marsh")],
               explanation="one independent source", sentences=S),
        _claim("c-ashore", "single-source", [("a3", 4)], 1,
               [_v("time", "before noon", "≤2026-03-03T12:00+01:00", "a3", 4, "time:taken ashore",
                   DAY.timestamp(), DAY.replace(hour=12).timestamp(), precise=False)],
               explanation="one independent source", sentences=S),
    ]
    if xss:
        claims.append(_claim("c-xss", "single-source", [("a4", 2)], 1, explanation="one independent source",
                             sentences=S))
    groups = (
        SourceGroup("g1", ("a1", "a2", "a4"), "a2 is a later edition of a1's wire story; a4 summarises a1"),
        SourceGroup("g2", ("a3",), "own reporting"),
    )
    links = (
        ReuseLink("a1", "a2", "version", 0.86, True,
                  tuple(SentencePair(i, i, 1.0 if i != 2 else 0.7, "exact" if i != 2 else "ngram") for i in range(6)),
                  ((2, 2),), (), "same wire story; later edition changes the injury count"),
        ReuseLink("a1", "a4", "summary", 0.41, True, (SentencePair(0, 0, 0.62, "embedding"),), (), (1,),
                  "a4 condenses a1's lead"),
        ReuseLink("a3", "a4", "paraphrase", 0.33, True, (SentencePair(1, 0, 0.55, "embedding"),), (), (),
                  "a4 restates a3's count in new words"),
        ReuseLink("a1", "a3", "independent", 0.12, False, (), (), (), "same event, no shared wording"),
    )
    story = Story("st-karsby", "Ferry runs aground off Karsby", ("a1", "a2", "a3", "a4"),
                  articles[0].published, articles[-1].published)
    brief = write_brief(story, articles, sentences, claims, groups)
    result = StoryResult(story, links, groups, tuple(claims), brief,
                         (("a1", 1, 6), ("a2", 2, 6), ("a3", 3, 7), ("a4", 0, 3)))
    return RunResult(
        articles=tuple(articles),
        sentences=tuple(s for a in articles for s in sentences[a.id]),
        values=tuple(v for c in claims if c.key for v in c.values),
        stories=(result,),
        errors=(InputError("inbox/broken.html", "no article text left after cleaning (only navigation links)"),),
        settings=(("model", "none"), ("newsfuse", "0.1.0"), ("window_days", "7.0")),
    )
