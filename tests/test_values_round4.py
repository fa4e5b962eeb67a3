"""Value extraction, round 4: currencies named by ISO code or word, per-unit prices, air
pressure, floors of a building, ages by decade, British clock times, bearings from a common
reference point.  Every sentence here is written for the test."""

from __future__ import annotations

import math
from datetime import datetime, timezone

import pytest

from newsfuse.model import Article, Sentence
from newsfuse.units import CURRENCY_SYMBOLS, CURRENCY_WORDS, currency_after, currency_before
from newsfuse.values import compatible, extract_values, same_key

from .extract_helpers import only, sentence_values

UTC = timezone.utc
PUB = datetime(2026, 5, 12, 9, 0, tzinfo=UTC)


def values(text: str, article_text: str | None = None):
    return sentence_values(text, PUB, article_text)


def of_type(text: str, kind: str, **kw):
    return [v for v in values(text, **kw) if v.type == kind]


def one(text: str, kind: str, **kw):
    return only(of_type(text, kind, **kw), kind, text)


# ---------------------------------------------------------------- currencies


@pytest.mark.parametrize(
    "text, code, amount",
    [
        ("The brewery reported a quarterly profit of SEK 2.4 billion on Monday.", "SEK", 2.4e9),
        ("The port authority set aside NOK 310 million for the new quay.", "NOK", 310e6),
        ("Shareholders approved a buyback worth DKK 1.5bn last week.", "DKK", 1.5e9),
        ("The ministry paid ZAR 75 million to the contractor.", "ZAR", 75e6),
        ("The council borrowed PLN 40 million to rebuild the bridge.", "PLN", 40e6),
        ("The airline booked a charge of ISK 900 million for the grounding.", "ISK", 900e6),
        ("The county pledged KSh 250,000 to every displaced household.", "KES", 250_000),
        ("Investors put ₦45 billion into the refinery project.", "NGN", 45e9),
    ],
)
def test_iso_codes_and_symbols_before_a_figure(text, code, amount):
    v = one(text, "quantity")
    assert v.unit == code
    assert (v.low + v.high) / 2 == pytest.approx(amount)


@pytest.mark.parametrize(
    "text, code, amount",
    [
        ("The brewery earned 2.4 billion kronor in the quarter.", "SEK", 2.4e9),
        ("The fund lost 310 million Norwegian kroner last year.", "NOK", 310e6),
        ("The retailer spent 1.5 billion Danish kroner on new stores.", "DKK", 1.5e9),
        ("The mine was sold for 75 million rand in March.", "ZAR", 75e6),
        ("The club paid 40 million zlotys for the stadium roof.", "PLN", 40e6),
        ("The parties spent 900 million kronur on advertising.", "ISK", 900e6),
        ("The bank cut the fee to 200 pesos per transfer.", "MXN", 200),
        ("Exports reached 80 billion Chilean pesos in April.", "CLP", 80e9),
        ("The startup raised 30 million reais from local funds.", "BRL", 30e6),
        ("The province budgeted 12 billion yuan for flood defences.", "CNY", 12e9),
        ("The refinery will cost 640 billion rupees to finish.", "INR", 640e9),
        ("The central bank sold 3 billion lira worth of bonds.", "TRY", 3e9),
        ("Tickets rose to 95 Swiss francs this season.", "CHF", 95),
        ("The airport tax will be 60 shekels per passenger.", "ILS", 60),
        ("The fine was set at 500,000 Kenyan shillings.", "KES", 500_000),
        ("The lender earned 3.1 billion Swedish crowns in the quarter.", "SEK", 3.1e9),
        ("Imports cost 200 Egyptian pounds a tonne more.", "EGP", 200),
    ],
)
def test_currency_words_after_a_figure(text, code, amount):
    v = one(text, "quantity")
    assert v.unit == code, v
    assert (v.low + v.high) / 2 == pytest.approx(amount)


def test_pounds_alone_stay_a_mass_and_crowns_alone_no_currency():
    v = one("The baby weighed 9 pounds at birth.", "quantity")
    assert v.unit == "kg"
    assert not [v for v in values("The jeweller made 40 crowns for the pageant.") if v.type == "quantity"]


def test_currency_words_are_not_counts():
    # "kronor" used to be read as the counted noun of a count.
    assert not of_type("Profit fell to 3.2 billion kronor.", "count")


def test_code_and_word_spellings_of_one_amount_agree():
    a = one("Operating profit was SEK 1.4 billion in the period.", "quantity")
    b = one("Operating profit was 1.4 billion kronor in the period.", "quantity")
    assert a.unit == b.unit == "SEK"
    assert same_key(a, b) and compatible(a, b) is True


def test_code_amounts_that_differ_conflict():
    a = one("Operating profit was SEK 1.4 billion in the period.", "quantity")
    b = one("Operating profit was SEK 1.1 billion in the period.", "quantity")
    assert same_key(a, b) and compatible(a, b) is False


def test_english_words_and_acronyms_are_not_currency_codes():
    # "ALL 12 ..." in a headline, "TOP 10", a chip maker: not amounts.
    assert "ALL" not in CURRENCY_SYMBOLS and "TOP" not in CURRENCY_SYMBOLS and "AMD" not in CURRENCY_SYMBOLS
    assert currency_before("ALL 12", 4) is None
    assert currency_before("xSEK 5", 5) is None  # a code glued to a word is no code
    assert not [v for v in values("The team won TOP 10 honours.") if v.type == "quantity"]
    assert not [v for v in values("Delegates arrived in Dubai for COP 28 on Thursday.") if v.type == "quantity"]
    # "real" is an English adjective: only the plural "reais" names the currency.
    assert "real" not in CURRENCY_WORDS and CURRENCY_WORDS["reais"] == "BRL"


def test_cents_and_pence():
    assert currency_after(" cents a share", 0)[:2] == ("USD", 0.01)
    v = one("The chain lost 37 cents a share in the quarter.", "quantity")
    assert v.unit == "USD" and (v.low + v.high) / 2 == pytest.approx(0.37)
    v = one("The price of a loaf rose by 12 pence.", "quantity")
    assert v.unit == "GBP" and (v.low + v.high) / 2 == pytest.approx(0.12)


# ---------------------------------------------------------------- per-unit prices


def test_per_share_amounts_join_across_spellings_and_verbs():
    a = one("The board recommended a dividend of SEK 4.10 per share.", "quantity")
    b = one("It will pay shareholders 4.10 kronor a share as a payout.", "quantity")
    c = one("The board recommended a dividend of SEK 3.90 per share.", "quantity")
    assert a.key == b.key == c.key == "money:dividend:per-share"
    assert a.text.endswith("per share")
    assert compatible(a, b) is True and compatible(a, c) is False


def test_earnings_per_share_is_kept_apart_from_the_dividend():
    eps = one("The group posted a loss of $0.52 per share.", "quantity")
    div = one("The group paid a dividend of $0.52 per share.", "quantity")
    assert eps.key == "money:earnings:per-share"
    assert not same_key(eps, div)


def test_a_price_per_unit_is_not_a_total():
    per = one("Brent crude traded at $84 a barrel on Friday.", "quantity")
    assert per.key == "money:per-barrel"
    total = one("The producer earned $84 million on Friday.", "quantity")
    assert not same_key(per, total)


def test_an_amount_a_year_stays_a_total():
    # "a year" is the period a total covers; it must still meet "SEK 600 million" of savings.
    v = one("The plan will save 600 million kronor a year.", "quantity")
    assert "per" not in v.key


# ---------------------------------------------------------------- pressure


@pytest.mark.parametrize(
    "text, hpa",
    [
        ("The typhoon's central pressure fell to 925 millibars overnight.", 925),
        ("Forecasters measured a minimum central pressure of 962 mb.", 962),
        ("A deep low of 970 hPa will cross the coast on Sunday.", 970),
        ("The storm's pressure dropped to 28.35 inches of mercury.", 28.35 * 33.8639),
    ],
)
def test_air_pressure_is_a_quantity_in_hectopascals(text, hpa):
    v = one(text, "quantity")
    assert v.unit == "hPa" and v.key == "pressure"
    assert (v.low + v.high) / 2 == pytest.approx(hpa, rel=1e-3)
    assert not of_type(text, "count")


def test_megabytes_are_not_millibars():
    assert not [v for v in values("The update is a 950 MB download.") if v.unit == "hPa"]


def test_millibars_and_hectopascals_agree_and_disagree():
    a = one("The storm had a central pressure of 948 millibars at landfall.", "quantity")
    b = one("The storm had a central pressure of 948 hPa at landfall.", "quantity")
    c = one("The storm had a central pressure of 955 mb at landfall.", "quantity")
    assert compatible(a, b) is True and compatible(a, c) is False


# ---------------------------------------------------------------- floors


@pytest.mark.parametrize(
    "text, n",
    [
        ("A nine-storey hotel was evacuated after the blaze.", 9),
        ("The 14-story tower had no working sprinklers.", 14),
        ("Workers were pouring concrete for a three-floor car park.", 3),
        ("The council approved a six storey block of flats.", 6),
    ],
)
def test_storey_compounds_count_floors(text, n):
    v = one(text, "count")
    assert v.key == "floor" and v.low == v.high == n


def test_storey_compound_meets_plain_floors():
    a = one("A nine-storey hotel was evacuated.", "count")
    b = one("The hotel, nine floors of rooms over a lobby, was evacuated.", "count")
    c = one("A ten-storey hotel was evacuated.", "count")
    assert same_key(a, b) and compatible(a, b) is True
    assert same_key(a, c) and compatible(a, c) is False


def test_other_hyphen_compounds_stay_unread():
    assert not of_type("Leaders discussed a two-state solution.", "count")


# ---------------------------------------------------------------- decade ages


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Okafor, who is in his late 50s, founded the firm.", 56, 59),
        ("Okafor, in his early 30s, founded the firm.", 30, 33),
        ("Okafor, who is in his mid-40s, founded the firm.", 43, 46),
        ("Okafor, in his sixties, founded the firm.", 60, 69),
        ("Okafor, who is in his late forties, founded the firm.", 46, 49),
    ],
)
def test_decade_ages_are_intervals(text, low, high):
    v = one(text, "quantity")
    assert v.unit == "yr" and v.key == "age:okafor"
    assert v.low == low and v.high == pytest.approx(high + 1, abs=1e-6)


def test_decade_age_against_an_exact_age():
    a = one("Okafor, who is in his late 50s, founded the firm.", "quantity")
    b = one("The firm was founded by 57-year-old Daniel Okafor.", "quantity")
    c = one("The firm was founded by 51-year-old Daniel Okafor.", "quantity")
    assert a.key == b.key == c.key == "age:okafor"
    assert compatible(a, b) is True and compatible(a, c) is False


def test_decade_age_after_a_relative_clause_on_a_noun():
    v = one("The driver, who was in his early 60s, was unhurt.", "quantity")
    assert v.key == "age:driver"


def test_treated_in_hospital_is_not_still_in_hospital():
    assert not [v for v in values("Medics said 40 people had been treated in hospital.") if v.key == "hospitalised"]


def test_decade_age_of_a_pronoun_has_no_owner():
    v = one("He is in his early 70s and still races.", "quantity")
    assert v.key == "" and v.low == 70


def test_noun_before_decade_age_keys_it():
    v = one("A woman in her late 20s was arrested.", "quantity")
    assert v.key == "age:woman" and (v.low, math.floor(v.high)) == (26, 29)


# ---------------------------------------------------------------- clock times


@pytest.mark.parametrize(
    "text, hm",
    [
        ("The ferry left the harbour at 6.45am.", (6, 45)),
        ("Police closed the road at 9.20 p.m. on the night.", (21, 20)),
        ("The station reopened shortly after 11.05pm.", (23, 5)),
    ],
)
def test_dotted_clock_times(text, hm):
    v = one(text, "time")
    assert v.normalized.startswith(f"{hm[0]:02d}:{hm[1]:02d}")


def test_decimal_numbers_are_not_times():
    assert not of_type("Shares rose 6.45 per cent on the day.", "time")


def test_participle_after_the_is_no_event_verb():
    v = one("Officers cleared the remaining protesters at 9.20 p.m.", "time")
    assert v.key == "time:clear"


def test_set_off_is_a_departure():
    v = of_type("The convoy set off at 4.30am and reached the border by noon.", "time")[0]
    assert v.key == "time:depart"


# ---------------------------------------------------------------- bearings


def test_bearing_from_an_unnamed_city_centre():
    v = one("The warehouse stood in an industrial estate south-west of the city centre.", "place")
    assert v.normalized == "southwest of the city centre"
    w = one("The warehouse stood in an estate west of the city centre.", "place")
    assert same_key(v, w) and compatible(v, w) is False


def test_bearing_from_the_capital_without_a_name():
    v = one("The plane came down 40 km north-east of the capital.", "place")
    assert v.normalized == "northeast of the capital"


def test_bearing_from_a_named_common_noun_still_resolves():
    text = "The Tarvo volcano erupted. Ash fell west of the volcano."
    v = one("Ash fell west of the volcano.", "place", article_text=text)
    assert v.normalized == "west of Tarvo"


# ---------------------------------------------------------------- spans of hours


def test_span_of_hours_is_one_value_with_both_ends():
    v = one("Water will be shut off from 10pm to 5am in the old town.", "time")
    assert v.qualifier == "span" and v.normalized == "22:00–05:00 local"
    assert v.high - v.low == pytest.approx(7 * 3600 + 59)


@pytest.mark.parametrize(
    "other, agree",
    [
        ("The curfew runs from 10pm to 5am in the old town.", True),
        ("The curfew runs between midnight and 5am in the old town.", False),
        ("The curfew runs from 10pm to 6am in the old town.", False),
    ],
)
def test_spans_of_hours_agree_only_when_both_ends_do(other, agree):
    a = one("The curfew runs from 10pm to 5am in the old town.", "time")
    b = one(other, "time")
    assert a.key == b.key and compatible(a, b) is agree


def test_two_times_of_two_events_are_no_span():
    found = of_type("The ferry left at 9am and the bus left at 11am.", "time")
    assert [v.qualifier for v in found] == [None, None]


# ---------------------------------------------------------------- clock times in words


@pytest.mark.parametrize(
    "text, hm",
    [
        ("The vote count ended at half past three in the morning.", "03:30"),
        ("The ferry docked at a quarter to seven in the evening.", "18:45"),
        ("Sirens sounded at eleven o'clock at night.", "23:00"),
        ("The hearing resumed at about two in the afternoon.", "14:00"),
    ],
)
def test_clock_times_in_words(text, hm):
    v = one(text, "time")
    assert v.normalized.startswith(hm), v


def test_word_times_need_a_day_part_and_a_clock_reading():
    assert not of_type("Police questioned one of the two in the morning.", "time")
    assert not of_type("The talks ended at ten o'clock.", "time")  # morning or evening?


# ---------------------------------------------------------------- estimates of a noun


@pytest.mark.parametrize(
    "text",
    [
        "Police put the crowd at 14,000 on Sunday.",
        "Officials estimated the crowd at 14,000.",
        "The final count of the crowd was 14,000.",
        "Police raised their estimate of the crowd to 14,000.",
    ],
)
def test_estimates_of_a_crowd_are_keyed_by_it(text):
    v = one(text, "count")
    assert v.key == "crowd" and v.low == v.high == 14_000


# ---------------------------------------------------------------- number words


@pytest.mark.parametrize(
    "text, n",
    [
        ("Two dozen lifeboats joined the search.", 24),
        ("The army flew in three dozen medics.", 36),
        ("Half a million visitors came to the fair.", 500_000),
        ("Half a dozen ministers resigned.", 6),
    ],
)
def test_dozens_and_halves_as_number_words(text, n):
    v = one(text, "count")
    assert v.low == v.high == n


# ---------------------------------------------------------------- changes by a fraction


@pytest.mark.parametrize(
    "text, share",
    [
        ("House prices have climbed by a third since the war.", 100 / 3),
        ("The budget was cut by half in the spring.", 50.0),
        ("Ticket sales fell by a quarter this season.", 25.0),
        ("Output has grown by two-thirds in a decade.", 200 / 3),
    ],
)
def test_change_by_a_fraction_is_a_percentage(text, share):
    v = one(text, "quantity")
    assert v.unit == "%" and v.low <= share <= v.high


def test_change_by_a_fraction_meets_digits():
    a = one("House prices have climbed by a third since the war.", "quantity")
    b = one("House prices have risen 33% since the war.", "quantity")
    assert same_key(a, b) and compatible(a, b) is True


def test_fraction_of_a_point_is_not_a_change_share():
    assert not [v for v in values("The bank cut rates by a quarter point.") if v.unit == "%" and v.low > 1]


# ---------------------------------------------------------------- scores, tolls, hospital counts


@pytest.mark.parametrize(
    "text, label",
    [
        ("Porto Alegre United beat Real Vila Nova 3-1 on Sunday.", "3–1"),
        ("The hosts overcame Deportivo Santa Rita 1-0 in the replay.", "1–0"),
        ("Kilmarnock edged the Rovers 2-1 after extra time.", "2–1"),
    ],
)
def test_score_after_a_team_name(text, label):
    v = [v for v in values(text) if v.key == "tally:score"]
    assert len(v) == 1 and v[0].normalized == label


def test_half_time_score_is_kept_apart_from_the_final_score():
    half = [v for v in values("The hosts led Deportivo Santa Rita 1-0 at half-time.") if v.key.startswith("tally")]
    final = [v for v in values("The hosts beat Deportivo Santa Rita 2-1.") if v.key.startswith("tally")]
    assert half[0].key == "tally:score:interim" and final[0].key == "tally:score"


def test_range_with_a_capitalised_word_before_is_no_score():
    assert not [v for v in values("The Fed expects rates of 3-4 percent.") if v.key.startswith("tally")]


def test_toll_with_a_long_phrase_before_its_verb():
    v = one("The death toll from Sunday's landslide in the hills above the port rose to 12 on Monday.", "count")
    assert v.key == "death" and v.low == 12


@pytest.mark.parametrize(
    "text, n",
    [
        ("Nine passengers remained in hospital on Friday.", 9),
        ("Doctors said three were still in hospital.", 3),
        ("Officials said 14 people are still being treated in hospital.", 14),
    ],
)
def test_counts_still_in_hospital(text, n):
    v = [v for v in values(text) if v.type == "count" and v.key == "hospitalised"]
    assert len(v) == 1 and v[0].low == n


def test_magnitude_put_at_a_figure():
    v = one("Seismologists put the magnitude at 6.3 on Tuesday.", "quantity")
    assert v.key == "magnitude" and v.normalized == "6.3"
    assert not of_type("The agency put the inflation rate at 7.0.", "count")


def test_accented_words_are_whole_words_in_keys():
    v = one("The transfer fee paid to Atlética was €30 million.", "quantity")
    assert "tica" not in v.key


def test_counts_still_missing():
    v = [v for v in values("At least 12 died and at least 30 were still missing on Monday.") if v.key == "missing"]
    assert len(v) == 1 and v[0].low == 30


def test_cubic_metre_compound():
    v = one("Crews drained a 300-cubic-metre tank overnight.", "quantity")
    assert v.unit == "l" and (v.low + v.high) / 2 == pytest.approx(300_000)


def test_sentence_full_stop_is_not_part_of_a_time():
    v = one("Power came back at 4.45pm.", "time")
    assert v.text == "4.45pm"
    w = one("Power came back at 4.45 p.m.", "time")
    assert w.text == "4.45 p.m."


def test_age_apposed_to_a_modified_role_noun():
    v = one("A retired schoolteacher, 71, was rescued from the roof.", "quantity")
    assert v.key == "age:schoolteacher" and v.low == 71


def test_year_ago_comparison_does_not_make_the_sentence_an_earlier_event():
    from newsfuse.values import earlier_events

    def keys(text: str) -> list[str]:
        art = Article(id="a", source="test", text=text, published=PUB)
        s = Sentence("a", 0, text, 0, len(text))
        vals = earlier_events(extract_values(art, s), [art], {"a": [s]})
        return [v.key for v in vals if v.type == "quantity"]

    now = keys("The group made a loss of $90 million, or 12 cents a share, compared with a profit "
               "of $40 million a year ago.")
    assert "money:earnings:per-share" in now and not any(k.endswith(":past") for k in now)
    # A dated earlier event still keys its figures apart.
    then = keys("A magnitude 6.2 quake struck the region on March 3, 2019.")
    assert then and all(k.endswith(":past") for k in then)


# ---------------------------------------------------------------- weekdays a modal puts ahead


@pytest.mark.parametrize(
    "text, day",
    [
        ("The governor said schools would reopen on Monday.", "2026-05-18"),
        ("Schools will reopen on Monday.", "2026-05-18"),
        ("Talks are due to resume on Friday.", "2026-05-15"),
        ("The bridge would stay closed until Friday, officials said.", "2026-05-15"),
        # the modal is in another clause, after the date: the past Monday stays
        ("The quake struck on Monday and officials will assess the damage.", "2026-05-11"),
        ("He returned to work on Monday.", "2026-05-11"),
    ],
)
def test_weekday_in_a_future_clause_is_the_coming_one(text, day):
    # PUB is a Tuesday morning; "on Monday" is the day before unless a modal governs it.
    dates = of_type(text, "date")
    assert [v.normalized for v in dates] == [day]
