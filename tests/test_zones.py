"""The story's time zone: local clock times set against times in GMT (zones.py, claims.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from newsfuse.claims import build_claims
from newsfuse.model import Article, Sentence, SourceGroup, Story
from newsfuse.timeexpr import stated_offsets
from newsfuse.values import extract_values
from newsfuse.zones import localize, place_offset, redate, story_zone

from .test_claims_round3 import val

T0 = datetime(2026, 8, 12, 6, 0, tzinfo=timezone.utc)
SUMMER = datetime(2026, 7, 1, tzinfo=timezone.utc)
WINTER = datetime(2026, 1, 15, tzinfo=timezone.utc)


def _story(texts: dict[str, tuple[float, str]]):
    arts, sents = [], {}
    for aid, (hours, text) in texts.items():
        arts.append(Article(id=aid, source=aid, text=text, published=T0 + timedelta(hours=hours)))
        sents[aid] = (Sentence(aid, 0, text, 0, len(text)),)
    return arts, sents


def _claims(texts):
    arts, sents = _story(texts)
    values = [v for a in arts for s in sents[a.id] for v in extract_values(a, s)]
    story = Story("s", "s", tuple(a.id for a in arts), arts[0].published, arts[-1].published)
    return build_claims(story, arts, sents, values, (), [SourceGroup(f"g{a.id}", (a.id,)) for a in arts])


def test_a_report_that_pairs_local_and_gmt_states_the_offset():
    assert stated_offsets("It struck at 3:50 p.m. local time (0650 GMT) on Tuesday.") == [9.0]
    assert stated_offsets("It struck at 0650 GMT (3:50 p.m. local time).") == [9.0]
    assert stated_offsets("Rescuers reached her at 5.45am (0015 GMT).") == [5.5]
    assert stated_offsets("The alert came at 9 a.m. (2000 GMT).") == [13.0]  # Tonga, not -11
    assert stated_offsets("It struck at 3:50 p.m. on Tuesday.") == []


def test_places_give_their_offset_on_the_date_daylight_saving_included():
    assert place_offset("Nairobi", SUMMER) == (3.0, "Africa/Nairobi")
    assert place_offset("LISBON".title(), SUMMER)[0] == 1.0
    assert place_offset("Lisbon", WINTER)[0] == 0.0
    assert place_offset("Kenya", SUMMER) == (3.0, "")
    assert place_offset("Spain", SUMMER)[0] == 2.0  # Madrid and Ceuta outvote the Canaries
    assert place_offset("Argentina", SUMMER)[0] == -3.0  # twelve zones, one offset


def test_countries_spanning_several_offsets_and_ambiguous_names_give_none():
    for name in ("United States", "Brazil", "Russia", "Indonesia", "Australia", "Georgia", "Jordan"):
        assert place_offset(name, SUMMER) is None, name
    # Backward links of the zone database are not city names ("Australia/North").
    assert place_offset("North", SUMMER) is None


def test_story_zone_from_a_stated_pair_beats_the_places():
    arts, sents = _story({
        "a": (0, "LISBON, Aug 12 (Wire) - The quake struck at 3:50 p.m. local time (0650 GMT)."),
        "b": (1, "Lisbon residents ran into the streets."),
    })
    zone = story_zone(arts, sents)
    assert zone is not None and zone.offset_h == 9.0 and "stated" in zone.how


def test_story_zone_needs_more_than_half_of_the_reports():
    arts, sents = _story({
        "a": (0, "NAIROBI, Aug 12 (Wire) - A building collapsed in Nairobi."),
        "b": (1, "Rescuers in Nairobi worked through the night."),
        "c": (2, "The collapse killed nine people, officials said."),
    })
    zone = story_zone(arts, sents)
    assert zone is not None and zone.offset_h == 3.0
    # One foreign desk's dateline among reports that name no known place is no majority.
    arts, sents = _story({
        "a": (0, "SINGAPORE (Wire) - A crush at a stadium killed 12 people."),
        "b": (1, "Witnesses described panic at the gates."),
        "c": (2, "The promoter apologised."),
    })
    assert story_zone(arts, sents) is None


def test_localize_turns_floating_times_into_instants_and_utc_clock_readings():
    dated = val("a", 0, "2:40 p.m.", 1786545600.0, 1786545659.0, key="time:free", type="time", unit="local")
    clock = val("a", 0, "2:40 p.m.", 52800.0, 52859.0, key="time:free", type="time", unit="clock")
    zone = story_zone(*_story({"a": (0, "Nairobi: a girl was freed."), "b": (1, "In Nairobi, joy.")}))
    out = localize([dated, clock], zone)
    assert out[0].unit == "s" and out[0].low == dated.low - 3 * 3600
    assert out[1].unit == "utcclock" and out[1].low == 52800.0 - 3 * 3600
    assert "UTC+3" in out[0].normalized
    assert localize([dated], None) == [dated]


def test_local_time_and_gmt_agree_once_the_zone_is_known():
    claims = _claims({
        "a": (0, "NAIROBI, Aug 12 (Wire) - The girl was freed at 2:40 p.m. in Nairobi, police said."),
        "b": (3, "In Nairobi, the girl was freed at 1140 GMT, the fire brigade said."),
    })
    times = [c for c in claims if c.key.startswith("time")]
    agreed = [c for c in times if c.status == "corroborated" and {v.article_id for v in c.values} == {"a", "b"}]
    assert agreed
    assert "read at UTC+3" in agreed[0].explanation and "Nairobi" in agreed[0].explanation


def test_local_time_and_gmt_that_differ_conflict_once_the_zone_is_known():
    claims = _claims({
        "a": (0, "NAIROBI, Aug 12 (Wire) - The girl was freed at 2:40 p.m. in Nairobi, police said."),
        "b": (3, "In Nairobi, the girl was freed at 1540 GMT, the fire brigade said."),
    })
    times = [c for c in claims if c.key.startswith("time")]
    assert any(c.status == "conflicting" for c in times)


def test_days_are_read_in_the_story_zone_not_the_wire_timestamps():
    # A wire stamped 16:25 UTC on Monday 16 November writes "early on Tuesday" about a quake at
    # 3:25 on Tuesday in Port Vila (UTC+11, stated by the report itself).
    monday = datetime(2026, 11, 16, 16, 25, tzinfo=timezone.utc)
    text = "The quake struck early on Tuesday at 2:14 a.m. local time (1514 GMT), officials said."
    art = Article(id="w", source="w", text=text, published=monday)
    sents = {"w": (Sentence("w", 0, text, 0, len(text)),)}
    values = list(extract_values(art, sents["w"][0]))
    zone = story_zone([art], sents)
    assert zone is not None and zone.offset_h == 11.0
    before = next(v for v in values if v.type == "date")
    assert before.normalized == "2026-11-10"  # read in UTC: the Tuesday before
    after = next(v for v in redate(values, [art], sents, zone) if v.type == "date")
    assert after.normalized == "2026-11-17"
    # Reports already stamped in the story's zone are left as they are.
    local = Article(id="w", source="w", text=text, published=monday.astimezone(timezone(timedelta(hours=11))))
    same = list(extract_values(local, sents["w"][0]))
    assert redate(same, [local], sents, zone) == same


def test_a_report_dated_by_its_day_only_keeps_that_day():
    # Stamped at midnight UTC because only its date is known: in Peru (UTC-5) that is the
    # evening before, but the report's "Wednesday" is still the day it is dated.
    day_only = datetime(2026, 10, 21, 0, 0, tzinfo=timezone.utc)  # a Wednesday
    text = "Flights were halted until Wednesday morning in Piura, Peru."
    art = Article(id="d", source="d", text=text, published=day_only)
    sents = {"d": (Sentence("d", 0, text, 0, len(text)),)}
    zone = story_zone([art], sents)
    assert zone is not None and zone.offset_h == -5.0
    dates = [v for v in redate(list(extract_values(art, sents["d"][0])), [art], sents, zone) if v.type == "date"]
    assert dates and dates[0].normalized == "2026-10-21"
