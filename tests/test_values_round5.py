"""Value extraction, round 5: currency letters glued to a figure, the minute of a match, "by
the end of the decade", economic growth named by its verb, "N of the owner's M nouns", bare
figures whose counted noun comes before them, and claimants that are only an auxiliary.
Every sentence here is written for the test."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsfuse.attribution import find_attributions
from newsfuse.values import compatible

from .extract_helpers import only, sentence_values

UTC = timezone.utc
PUB = datetime(2026, 5, 12, 9, 0, tzinfo=UTC)


def values(text: str):
    return sentence_values(text, PUB)


def of_type(text: str, kind: str):
    return [v for v in values(text) if v.type == kind]


def by_text(text: str, surface: str):
    return only([v for v in values(text) if v.text == surface], f"value {surface!r}", text)


# ---------------------------------------------------------------- glued currency letters


@pytest.mark.parametrize(
    "text, surface, code, amount",
    [
        ("The smugglers asked the families for N250 million before talks broke down.", "N250 million", "NGN", 250e6),
        ("Each trader was fined N75,000 by the market authority.", "N75,000", "NGN", 75_000),
        ("The contract for the bridge is worth R3.4bn, the province said.", "R3.4bn", "ZAR", 3.4e9),
        ("The union wants a R1,200 monthly increase for miners.", "R1,200", "ZAR", 1_200),
    ],
)
def test_glued_currency_letter(text, surface, code, amount):
    v = by_text(text, surface)
    assert v.type == "quantity" and v.unit == code
    assert v.low <= amount <= v.high
    assert v.key.startswith("money:")


@pytest.mark.parametrize(
    "text",
    [
        "Nurses asked for more N95 masks on the ward.",
        "The crash closed the N7 near the border for hours.",
        "Viewers rated the film R18 in the survey.",
    ],
)
def test_letter_and_digits_that_are_no_money(text):
    assert not [v for v in values(text) if v.key.startswith("money:")], values(text)


def test_glued_letter_and_currency_word_agree():
    a = by_text("The insurer paid N40 million to the farmers.", "N40 million")
    b = by_text("The insurer paid 40 million naira to the farmers.", "40 million naira")
    assert a.unit == b.unit == "NGN" and a.low == b.low


# ---------------------------------------------------------------- minute of a match


def test_match_minute_is_read_and_keyed_by_the_event():
    a = by_text("Okafor headed the winner in the 78th minute to send the hosts through.", "78th minute")
    b = by_text("The visitors were sunk by a winning goal in the 81st minute.", "81st minute")
    c = by_text("A low drive settled the game in the 78th minute, the coach said.", "78th minute")
    assert a.key == b.key == c.key == "minute:winner"
    assert compatible(a, c) is True
    assert compatible(a, b) is False


def test_match_minutes_of_different_events_are_keyed_apart():
    red = by_text("The defender saw a red card in the 35th minute.", "35th minute")
    goal = by_text("The opener came in the 12th minute from a corner.", "12th minute")
    assert red.key == "minute:red-card" and goal.key == "minute:opener"


def test_plain_minutes_are_still_durations():
    v = by_text("The power cut lasted 45 minutes.", "45 minutes")
    assert v.unit != "match minute"


# ---------------------------------------------------------------- end of the decade


def test_end_of_the_decade_is_the_next_round_year():
    d = by_text("The ministry wants every bus to be electric by the end of the decade.", "by the end of the decade")
    plain = by_text("The ministry wants every bus to be electric by 2030.", "by 2030")
    assert d.type == "date" and d.normalized == "2030" == plain.normalized
    assert compatible(d, plain) is True


def test_end_of_the_year_is_this_year():
    d = by_text("The line should reopen before the end of the year, the operator said.", "before the end of the year")
    assert d.normalized == "2026"


# ---------------------------------------------------------------- growth named by its verb


@pytest.mark.parametrize(
    "text",
    [
        "The central bank now expects the economy to grow 1.9% this year.",
        "The institute sees the economy expanding 1.9 percent in 2026.",
        "Official data showed GDP grew by 1.9% in the first quarter.",
        "The bank cut its forecast for economic growth to 1.9%.",
    ],
)
def test_economic_growth_has_one_key(text):
    (v,) = [v for v in of_type(text, "quantity") if v.unit == "%"]
    assert v.key == "percent:growth"


def test_growth_of_a_named_thing_keeps_its_noun():
    (v,) = [v for v in of_type("Exports grew 7% in March.", "quantity") if v.unit == "%"]
    assert v.key != "percent:growth"


# ---------------------------------------------------------------- measured word


def test_time_phrase_after_a_figure_is_not_what_it_measures():
    (v,) = [v for v in of_type("Tuition fees rose 6% last year.", "quantity") if v.unit == "%"]
    assert v.key != "percent:year" and v.key.startswith("percent:")


def test_when_word_after_a_time_is_no_noun_modifier():
    v = by_text("The dam gave way at 4:40 a.m. yesterday, engineers said.", "4:40 a.m.")
    assert v.key == "time:give"
    noun = by_text("The 4:40 a.m. ferry was cancelled.", "4:40 a.m.")
    assert noun.key == ""


@pytest.mark.parametrize(
    "text, key",
    [
        ("The alliance won 31.5% of ballots cast in the capital.", "percent:vote"),
        ("The alliance won 31.5% of the vote in the capital.", "percent:vote"),
        ("The alliance led with 31.5% of ballots counted.", "percent:counted"),
    ],
)
def test_share_of_ballots_cast_is_a_vote_share(text, key):
    (v,) = [v for v in of_type(text, "quantity") if v.unit == "%"]
    assert v.key == key


def test_capitalised_name_at_sentence_start_is_not_the_measured_noun():
    (v,) = [v for v in of_type("Prime Minister Tan's party fell to 18.2% in the poll.", "quantity") if v.unit == "%"]
    assert v.key != "percent:prime"


# ---------------------------------------------------------------- N of the owner's M nouns


def test_part_of_an_owned_total_counts_the_part():
    v = [v for v in of_type("The Greens won 17 of the council's 45 seats.", "count")]
    assert [x.normalized for x in v] == ["17"]
    assert v[0].key.startswith("seat")


def test_plain_partitive_stays_keyless():
    (v,) = of_type("Three of the injured were flown to the capital.", "count")
    assert v.key == ""


# ---------------------------------------------------------------- noun before a bare figure


def test_number_participle_takes_the_noun_of_an_earlier_figure():
    v = by_text("Four more miners were rescued overnight, bringing the number rescued to 29.", "29")
    assert v.type == "count" and v.key == "miner:rescue"


def test_number_participle_of_casualties():
    v = by_text("The number killed in the landslide has risen to 31.", "31")
    assert v.key == "death"


def test_freed_state_after_an_elided_noun():
    v = by_text("Of the 40 sailors seized in May, 37 are now free.", "37")
    assert v.key == "sailor:free"


@pytest.mark.parametrize(
    "text, surface, key",
    [
        ("Arrests rose to 17 after a second night of unrest.", "17", "arrest"),
        ("Hospital admissions have climbed to 240 this week.", "240", "admission"),
    ],
)
def test_plural_subject_of_a_change_verb_is_counted(text, surface, key):
    v = by_text(text, surface)
    assert v.type == "count" and v.key == key


@pytest.mark.parametrize(
    "text",
    [
        "Inflation rose to 4 in the index, the office said.",
        "Mercedes rose to 9 in the standings.",
    ],
)
def test_singular_or_named_subject_gives_no_count(text):
    assert not of_type(text, "count"), values(text)


# ---------------------------------------------------------------- claimants


def test_auxiliary_alone_is_no_claimant():
    text = "The alliance, a group of 30 charities and churches, had said before the vote that it opposed the bill."
    assert all(f.normalized != "had" for f in find_attributions(text))
    assert all(v.claimant != "had" for v in values(text))


def test_claimant_with_auxiliary_is_kept():
    text = "Organisers had said 5,000 people would attend."
    (v,) = of_type(text, "count")
    assert v.claimant == "organisers"


# ---------------------------------------------------------------- a date that opens the sentence


@pytest.mark.parametrize(
    "text, surface, norm",
    [
        ("In 2021, a smaller quake damaged the same bridge.", "2021", "2021"),
        ("Since 2019, the line has carried fewer passengers.", "Since 2019", "2019"),
        ("In March, the council voted to close the pool.", "March", "2026-03"),
        ("By 2030 every new bus must be electric.", "By 2030", "2030"),
    ],
)
def test_date_with_a_capitalised_preposition(text, surface, norm):
    d = by_text(text, surface)
    assert d.type == "date" and d.normalized == norm


def test_sentence_opening_past_year_marks_the_figures_as_past():
    (c,) = [v for v in of_type("In 2019, a fire at the same depot killed 9 workers.", "count")]
    assert c.key.endswith(":past")


def test_may_the_verb_is_still_no_date():
    assert not of_type("Officials said the road may reopen soon.", "date")


# ---------------------------------------------------------------- adjectives before a figure


def test_adjective_is_not_what_a_figure_measures():
    (v,) = [v for v in of_type("The regulator has raised fees by a cumulative 12% since 2024.", "quantity")
            if v.unit == "%"]
    assert v.key.startswith("percent:fee:change")


def test_change_by_a_further_amount():
    (v,) = [v for v in of_type("Fuel prices rose by a further 3.5% in June.", "quantity") if v.unit == "%"]
    assert v.key == "percent:price:change"


def test_the_number_rose_takes_the_key_of_the_earlier_figure():
    text = "Police detained 12 protesters, and the figure rose to 19 by night."
    first, later = [v for v in of_type(text, "count")]
    assert later.normalized == "19" and later.key == first.key
    hurt = of_type("Four people were hurt in the crash and the number later rose to seven.", "count")
    assert [v.key for v in hurt] == ["injured", "injured"]


def test_the_number_rose_with_no_earlier_figure_gives_nothing():
    assert not of_type("The number rose to 7 on Sunday.", "count")
