"""Value extraction, round 7: keys for values that used to get only their unit family or none.

Lengths keyed by what they measure (the noun after "a 30-mile", "metres across", "rose ... into
the air", "above sea level"), a bare length that repeats the noun of the length before it, dates
and times keyed by the verb or the gathering that governs them, "crew members" counted as crew,
"a little after 4 a.m." read within the hour, and "about 750 of them" read at all.  Every
sentence here is written for the test."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsfuse.timeexpr import find_times

from .extract_helpers import only, sentence_values

UTC = timezone.utc
PUB = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)


def values(text: str):
    return sentence_values(text, PUB)


def key_of(text: str, surface: str) -> str:
    return only([v for v in values(text) if v.text == surface], f"value {surface!r}", text).key


# ---------------------------------------------------------------- lengths


@pytest.mark.parametrize(
    "text, surface, key",
    [
        # The noun after a hyphenated length adjective; a tornado's path and track are one thing.
        ("The twister stayed on the ground along a 14-mile path toward Dunmore.", "14-mile", "size:path"),
        ("Surveyors said it carved a 19-mile track across the county.", "19-mile", "size:path"),
        # A compound noun: its head, not the modifier.
        ("Crews said a 0.9-metre gas main under the street had cracked.", "0.9-metre", "size:main"),
        ("A three-foot gas main beneath the junction split open.", "three-foot", "size:main"),
        # A finite verb after the noun is not its head.
        ("An 11-metre wooden boat capsized near the reef.", "11-metre", "size:vessel"),
        ("The 3,410-metre peak lies west of the valley.", "3,410-metre", "size:peak"),
        # The adjective right after the figure outranks a dimension word elsewhere.
        ("The pit was about 6 metres deep and 11 metres across, engineers said.", "11 metres", "width"),
        ("By noon the pit was 9 metres deep and around 14 metres wide.", "around 14 metres", "width"),
        ("A layer of soot about three inches thick covered the yard.", "about three inches", "depth"),
        # Height and altitude from the words around the figure.
        ("The smoke rose about 800 feet over the refinery.", "about 800 feet", "height"),
        ("The plume climbed about 400 metres into the air before drifting north.", "about 400 metres", "height"),
        ("The lake rose 1.8 metres above its normal level.", "1.8 metres", "height"),
        ("The pass lies at 2,900 metres above sea level.", "2,900 metres", "altitude"),
        ("The gallery caved in about 900 feet below the surface.", "about 900 feet", "depth"),
    ],
)
def test_length_keys_say_what_is_measured(text, surface, key):
    assert key_of(text, surface) == key


def test_a_bare_length_repeats_the_noun_of_the_length_before_it():
    text = "A swell of 1.1 metres reached the harbour gauge, and 0.7 metres the outer buoy, the agency said."
    assert key_of(text, "0.7 metres") == key_of(text, "1.1 metres") == "length:swell"
    text = "The buoy logged a swell of 0.5 metres, far smaller than the 3.2 feet seen at the harbour."
    assert key_of(text, "3.2 feet") == "length:swell"


def test_a_thing_measuring_a_length_is_its_size_not_a_width_of_the_story():
    # The tornado's width and a hailstone's size are two facts.
    assert key_of("Hailstones measuring 4 cm across fell on the town.", "4 cm") \
        == key_of("Hail of about 2 inches fell on the town.", "about 2 inches") == "length:hail"
    assert key_of("The funnel was 600 metres across at its widest.", "600 metres") == "width"


def test_unrelated_bare_lengths_stay_apart():
    # No measured noun before: nothing to repeat.
    text = "The convoy drove 120 km north, and 15 km east."
    assert key_of(text, "15 km") == "distance"


# ---------------------------------------------------------------- dates and times


@pytest.mark.parametrize(
    "text, surface, key",
    [
        # A passive "confirmed" dates the thing confirmed.
        ("The first infection was confirmed on May 14 in a nursery pupil.", "May 14", "date:confirm"),
        # A verb whose past is its bare form ("hit"), with a parenthesised UTC form.
        ("The tremor hit at 3:12 a.m. local time (1812 GMT) off the coast.", "3:12 a.m. local time (1812 GMT)",
         "time:hit"),
        # A capitalised word after "a.m." starts the next sentence; it modifies nothing.
        ("The warehouse came down at about 5:40 a.m. Witnesses said 20 people worked there.",
         "at about 5:40 a.m.", "time:come"),
        # A bearing after the time is no noun the time modifies.
        ("The blaze that broke out shortly before 2 p.m. northwest of the town is still burning.",
         "shortly before 2 p.m.", "time:break"),
        # The colon of a clock time ends no clause: the day after it has the time's verb.
        ("The roof fell in at 5:20 a.m. yesterday, police said.", "yesterday", "date:fall"),
        ("The crush happened at around 8:10 p.m. on Friday near Gate 2.", "Friday", "date:happen"),
        # A pronoun subject before a bare-form past; an active "confirmed" with an object.
        ("It hit at 1:05 a.m. local time about 80 km off the coast.", "1:05 a.m. local time", "time:hit"),
        ("The count was certified by the commission, which confirmed the result at 6:10 p.m.", "6:10 p.m.",
         "time:confirm"),
        # A verb after the date but in an "after" clause is another event's.
        ("This was the scene in the port on Monday morning after the storm made landfall on Sunday.",
         "Monday morning", ""),
        # A gathering named right before the time.
        ("The minister spoke at a news conference called at 9 a.m. in the capital.", "9 a.m.", "time:conference"),
        ("The plan was announced at a press briefing at 11 a.m. on Monday.", "11 a.m.", "time:conference"),
        # A verb form that reads as a noun ("rose") after a date is its clause's verb, not a
        # noun the date modifies; the earlier date keeps its own verb.
        ("The toll from the storms that tore across the plains on Monday rose to nine on Tuesday.", "Monday",
         "date:tear"),
        ("The toll from the storms that tore across the plains on Monday rose to nine on Tuesday.", "Tuesday",
         "date:rise"),
    ],
)
def test_date_and_time_keys_name_their_event(text, surface, key):
    assert key_of(text, surface) == key


def test_a_reporting_confirm_still_dates_nothing_of_its_own():
    # The active reporting verb is not the event: the date is not keyed "confirm".
    assert key_of("Police confirmed on Monday that the driver had been arrested.", "Monday") != "date:confirm"


def test_a_time_noun_phrase_subject_keeps_its_verb():
    # "The match began at ...": the verb, not the subject noun.
    assert key_of("The match began at 1900 GMT in great heat.", "1900 GMT") == "time:begin"


@pytest.mark.parametrize("hedge", ["a little after", "soon after", "just after", "shortly after"])
def test_near_hedges_after_a_time_reach_an_hour_not_a_day(hedge):
    text = f"The alarm sounded {hedge} 4 a.m. on Monday."
    (t,) = find_times(text, PUB)
    assert t.text.startswith(hedge)
    assert t.high - t.low < 2 * 3600


def test_just_before_reaches_back_an_hour():
    (t,) = find_times("The line went dead just before 11 p.m. on Monday.", PUB)
    assert t.qualifier == "just before"
    assert t.high - t.low < 2 * 3600


# ---------------------------------------------------------------- counts


def test_members_of_a_named_group_count_the_group():
    assert key_of("The ship carried 2,400 guests and 1,020 crew members on board.", "1,020 crew members") \
        == key_of("The ship was carrying 2,400 guests and 980 crew.", "980 crew") == "crew:carry"
    assert key_of("Police detained 12 party members after the march.", "12 party members").startswith("party")


def test_aboard_does_not_override_another_verb():
    # "sickened ... aboard": the count of the sick, not of everyone on board.
    assert key_of("A virus has sickened 80 guests and 9 crew members aboard the liner.", "9 crew members") \
        == "crew:sicken"


def test_a_part_of_an_earlier_count_is_read():
    text = "The firm will cut 900 jobs, and about 400 of them were notified by letter, it said."
    found = [v for v in values(text) if v.text == "about 400 of them"]
    assert len(found) == 1
    assert found[0].low == pytest.approx(380) and found[0].high == pytest.approx(420)
    assert found[0].key == ""  # a part of a group: only meets the same figure


def test_a_part_placed_somewhere_is_keyed_by_the_place():
    # Two reports of one share, worded with "of them" and "of the positions".
    a = key_of("The bank will cut 900 roles, and about 400 of them will be in Ireland, it said.", "about 400 of them")
    b = key_of("About 350 of the positions are in Ireland.", "About 350 of the positions")
    assert a == b == "job:in:ireland"
    # Another place is another fact.
    assert key_of("About 200 of the positions are in Portugal.", "About 200 of the positions") != a


def test_the_second_of_two_carried_counts_is_carried_too():
    assert key_of("The liner is carrying about 2,400 guests and 1,010 crew.", "1,010 crew") == "crew:carry"
