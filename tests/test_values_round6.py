"""Value extraction, round 6: which figures an earlier date governs (a date in a relative
clause, an origin participle, a "than" or a "since" clause dates only its own clause), and
figures that were missed: "a capacity of 50,000", "estimated the crowd at the rally at about
8,000", demonyms counted out of work, hyphenated amounts ("a 2.5-billion-euro plan"), the
Ghanaian cedi sign, capacities ("licensed to carry 90 passengers") and clock times in a zone
named by region or place ("6:30 a.m. Hawaii time").  Every sentence here is written for the
test."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsfuse.model import Article
from newsfuse.segment import split_sentences
from newsfuse.timeexpr import find_times, named_zone
from newsfuse.values import earlier_events, extract_values

from .extract_helpers import only, sentence_values

UTC = timezone.utc
PUB = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)


def values(text: str):
    return sentence_values(text, PUB)


def by_text(text: str, surface: str):
    return only([v for v in values(text) if v.text == surface], f"value {surface!r}", text)


# ---------------------------------------------------------------- which figures a past date governs


@pytest.mark.parametrize(
    "text, surface",
    [
        # A relative clause dates the person's appointment, not her age.
        ("The 58-year-old Okafor, who became chief executive in 2019, has promised a recovery.", "58-year-old"),
        ("Chief executive Lena Brandt, 49, who took charge in 2020, will stay on.", "49"),
        # A restrictive relative clause ends with its date; the main verb's figures are this story's.
        ("The fund that collapsed in 2022 took in $40m from 230 savers, the court heard.", "230 savers"),
        ("The fund that collapsed in 2022 took in $40m from 230 savers, the court heard.", "$40m"),
        # An origin participle dates the thing, not what it has now.
        ("Founded in 1987 in Porto, the lender runs 44 branches and employs about 1,300 people.", "44 branches"),
        ("Founded in 1987 in Porto, the lender runs 44 branches and employs about 1,300 people.",
         "about 1,300 people"),
        ("The Aurora, a ferry built in 2001, was licensed to carry 90 passengers.", "90 passengers"),
        # "than in 2022" compares; the seats won now are not the 2022 ones.
        ("The Green Front fell to 11 seats, three fewer than in 2022, when it held 14.", "11 seats"),
        # A relative clause on the figure's noun: the rise is this story's, its start date is not.
        ("Drivers are protesting against a 15% rise in diesel prices that took effect in March 2025.", "15%"),
    ],
)
def test_a_date_in_a_modifier_does_not_make_other_figures_past(text, surface):
    assert not by_text(text, surface).key.endswith(":past")


@pytest.mark.parametrize(
    "text, surface",
    [
        # The date of the main clause still governs the whole sentence.
        ("In 2021, the collapse of a four-storey block in Kibera killed 9 people.", "9 people"),
        # A "when" clause hung on a compared date is that date's.
        ("The Green Front fell to 11 seats, three fewer than in 2022, when it held 14 seats.", "14 seats"),
        # Inside the relative clause: the earlier figure.
        ("The lender, which lost 300 staff in 2019, is now hiring.", "300 staff"),
        # A restrictive clause later in the sentence: its noun phrase and what follows are that time's.
        ("Residents recalled the magnitude 7.9 quake that hit the coast in 2004, killing 80 people.",
         "magnitude 7.9"),
        ("Residents recalled the magnitude 7.9 quake that hit the coast in 2004, killing 80 people.", "80 people"),
        # An indefinite subject is another, earlier thing: its predicate is that time's too.
        ("A similar footbridge, which collapsed in 2018, killed 17 people.", "17 people"),
    ],
)
def test_figures_a_past_date_governs_stay_past(text, surface):
    key = by_text(text, surface).key
    assert key and key.endswith(":past"), key


def test_since_clause_reaches_the_present():
    text = "The bank has cut rates by 300 basis points since it began easing in March 2024."
    assert not by_text(text, "300 basis points").key.endswith(":past")
    # The date itself is still the earlier event's.
    assert by_text(text, "March 2024").key.endswith(":past")


@pytest.mark.parametrize(
    "text, surface",
    [
        # "since" an earlier event (no verb of its own): the last comparable event stays apart.
        ("The strike is the longest since a four-day walkout in 2016 over bus fares.", "four-day"),
        # A record "set in" a year is that year's level.
        ("The reading beat the old record of 45.1C, set in June 2019, by a wide margin.", "45.1C"),
        # A clause hung on the dated noun phrase is that time's.
        ("It was larger than the rally in May 2024, which drew about 12,000 people.", "about 12,000 people"),
        # "had stood since": the date's own preposition, not a clause.
        ("The old mark, 113.2F, had stood since June 2019.", "113.2F"),
    ],
)
def test_earlier_levels_stay_past(text, surface):
    key = by_text(text, surface).key
    assert key and key.endswith(":past"), key


def _story(*texts_and_dates):
    arts = [Article(id=f"a{i}", source="t", text=t, published=p) for i, (t, p) in enumerate(texts_and_dates)]
    sents = {a.id: split_sentences(a) for a in arts}
    vals = [v for a in arts for s in sents[a.id] for v in extract_values(a, s)]
    return earlier_events(vals, arts, sents)


def test_story_level_earlier_event_keys_only_governed_figures():
    pub = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)
    out = _story(
        ("Lorry drivers began a strike on Monday. They oppose an 18% increase in fuel duty that took effect "
         "on September 1.", pub),
        ("Lorry drivers are on strike. A magnitude 5.2 quake struck the region on September 3.", pub),
    )
    rise = next(v for v in out if v.text == "18%")
    quake = next(v for v in out if v.text.startswith("magnitude"))
    assert not rise.key.endswith(":past")
    assert quake.key.endswith(":past")  # an earlier event, introduced as one, stays apart


# ---------------------------------------------------------------- missed figures


def test_capacity_and_crowd_of():
    v = by_text("The arena, on the edge of the town, has a capacity of 42,000.", "42,000")
    assert v.type == "count" and v.key == "capacity" and v.low == 42000
    w = by_text("The match was played before a crowd of 7,400 at the old ground.", "7,400")
    assert w.key == "crowd"


def test_collective_noun_as_subject():
    v = by_text("The festival's total attendance reached 81,300, organisers said.", "81,300")
    assert v.key == "attendance"


def test_estimate_of_an_object_with_a_place():
    v = by_text("Police estimated the crowd at the main rally at about 6,000 on Saturday.", "about 6,000")
    assert v.key == "crowd" and v.low < 6000 < v.high


@pytest.mark.parametrize(
    "text, surface",
    [
        ("The rate fell to 5.2%, with 1.9 million Kenyans out of work, the bureau said.", "1.9 million Kenyans"),
        ("The survey put the rate at 5.2%, or 1,900,000 unemployed Kenyans.", "1,900,000 unemployed Kenyans"),
    ],
)
def test_the_unemployed_counted_by_a_demonym(text, surface):
    assert by_text(text, surface).key == "unemployed"


@pytest.mark.parametrize("text", ["He was interviewed by 7 Action News on Monday.",
                                  "Floods hit the district of North 24 Parganas overnight."])
def test_a_name_is_still_no_counted_noun(text):
    assert not [v for v in values(text) if v.type == "count"]


def test_hyphenated_scale_and_currency():
    v = by_text("The cabinet approved a 2.5-billion-euro rescue yesterday.", "2.5-billion-euro")
    assert v.unit == "EUR" and v.low <= 2.5e9 <= v.high and v.key == "money:rescue"
    w = by_text("The city won a $3-million grant for the port.", "$3-million")
    assert w.unit == "USD" and w.low <= 3e6 <= w.high


def test_cedi_sign_with_its_letters():
    v = by_text("Each day of the shutdown costs the economy GH₵0.8 billion, officials said.", "GH₵0.8 billion")
    assert v.unit == "GHS" and v.low <= 0.8e9 <= v.high


def test_capacity_phrases_share_a_key():
    a = by_text("The ferry was licensed to carry 90 passengers.", "90 passengers")
    b = by_text("The ferry was licensed for 110 passengers, records show.", "110 passengers")
    assert a.key == b.key == "passenger:capacity"
    c = by_text("The ferry had about 140 passengers on board.", "about 140 passengers")
    assert c.key != a.key  # who was aboard is another fact than what it may carry


# ---------------------------------------------------------------- clock times in a named zone


def test_region_zone_follows_daylight_saving():
    assert named_zone("Eastern", datetime(2026, 7, 1, tzinfo=UTC)) == (-4.0, -4.0)
    assert named_zone("Eastern", datetime(2026, 12, 1, tzinfo=UTC)) == (-5.0, -5.0)
    assert named_zone("Eastern Standard", datetime(2026, 7, 1, tzinfo=UTC)) == (-5.0, -5.0)
    assert named_zone("Hawaii", None) == (-10.0, -10.0)
    assert named_zone("Pacific", None) == (-8.0, -7.0)
    assert named_zone("Sunday", datetime(2026, 7, 1, tzinfo=UTC)) is None


def test_place_zone_through_zones_module():
    assert named_zone("Tokyo", datetime(2026, 7, 1, tzinfo=UTC)) == (9.0, 9.0)


def test_clock_time_in_a_named_zone_is_an_instant():
    t = find_times("The first waves were due at about 4:45 a.m. Hawaii time, the centre said.", PUB)
    assert len(t) == 1 and t[0].text == "at about 4:45 a.m. Hawaii time"
    assert not t[0].floating and t[0].normalized == "2026-10-20T14:45Z"


def test_unknown_zone_word_is_left_out_of_the_time():
    t = find_times("Doors open at 7 p.m. Friday time permitting.", PUB)
    assert [x.text for x in t] == ["7 p.m."] and t[0].floating


def test_time_before_a_named_zone_gets_its_event_key():
    v = by_text("The quake struck at 3:10 a.m. Pacific time, the survey said.", "3:10 a.m. Pacific time")
    assert v.key == "time:strike"
