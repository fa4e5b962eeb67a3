"""Unit tests for typed values (values.py and its parser modules) on sentences written here."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsfuse.model import Article, Sentence
from newsfuse.segment import split_sentences
from newsfuse.values import compatible, extract_values, same_key

UTC = timezone.utc
# A Tuesday.
PUB = datetime(2026, 1, 27, 9, 0, tzinfo=UTC)
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"


def values(text: str, published: datetime | None = PUB, aid: str = "a"):
    art = Article(id=aid, source="test", text=text, published=published)
    return extract_values(art, Sentence(aid, 0, text, 0, len(text)))


def of_type(text: str, kind: str, **kw):
    return [v for v in values(text, **kw) if v.type == kind]


def one(text: str, kind: str, **kw):
    found = of_type(text, kind, **kw)
    assert len(found) == 1, f"expected one {kind} in {text!r}, got {found}"
    return found[0]


def day_start(y: int, m: int, d: int, tz=UTC) -> float:
    return datetime(y, m, d, tzinfo=tz).timestamp()


# ---------------------------------------------------------------- counts


@pytest.mark.parametrize(
    "text, key, low, high, precise",
    [
        ("The rebels seized two villages overnight.", "village", 2, 2, True),
        ("Police arrested at least two suspects.", "suspect", 2, math.inf, True),
        ("More than 300 protesters gathered.", "protester", 301, math.inf, True),
        ("Several trucks were stopped at the border.", "truck", 3, 7, False),
        ("Multiple fires broke out in the hills.", "fire", 2, math.inf, False),
        ("Dozens of shops were looted.", "shop", 24, 99, False),
        ("A single drone crossed the line.", "drone", 1, 1, True),
        ("A pair of eagles nested on the tower.", "eagle", 2, 2, True),
        ("Hundreds of volunteers arrived.", "volunteer", 200, 999, False),
        ("The company employs 28,500 workers.", "worker", 28500, 28500, True),
        ("Up to 40 boats joined the search.", "boat", 0, 40, True),
        ("Fewer than ten children attended.", "child", 0, 9, True),
        ("Twenty-two ministers resigned.", "minister", 22, 22, True),
    ],
)
def test_counts(text, key, low, high, precise):
    v = one(text, "count")
    assert v.key.split(":")[0] == key
    assert (v.low, v.high) == (low, high)
    assert v.precise is precise


def test_count_keys_carry_the_governing_verb():
    a = one("The army stations 4,000 troops in the north.", "count")
    b = one("About 4,000 troops were stationed in the north.", "count")
    c = one("The army dispatched thousands of troops to the front.", "count")
    assert a.key == b.key == "troop:station"
    assert c.key == "troop:dispatch" and not same_key(a, c)
    assert one("Several hundred soldiers crossed.", "count").low == 300


def test_scaled_count_spans_its_rounding():
    v = one("The city has 1.2 million residents.", "count")
    assert v.key.startswith("resident")
    assert v.low == pytest.approx(1_150_000) and v.high == pytest.approx(1_250_000)


def test_hedged_count_widens_by_five_percent():
    v = one("About 400 families were evacuated.", "count")
    assert v.low == pytest.approx(380) and v.high == pytest.approx(420)
    assert v.normalized == "≈400" and v.qualifier == "about"


def test_casualty_wording_shares_one_key():
    keys = {
        one(t, "count").key
        for t in (
            "At least 12 people were killed in the blast.",
            "The blast left 12 dead.",
            "The explosion killed 12 people.",
            "There were 12 deaths.",
        )
    }
    assert keys == {"death"}
    assert one("Five people were injured.", "count").key == "injured"


def test_standalone_vague_counts_of_victims():
    v = one("Dozens were injured when the roof fell.", "count")
    assert v.key == "injured" and v.precise is False and (v.low, v.high) == (24, 99)


def test_ordinals_years_and_ranks_are_not_counts():
    assert of_type("It was the second launch of the month.", "count") == []
    assert of_type("Elections were held in 2025.", "count") == []
    assert of_type("He is the agency's number two official.", "count") == []
    assert of_type("The 3rd battalion moved north.", "count") == []


# ---------------------------------------------------------------- quantities


def test_distance_with_parenthesised_conversion_is_one_value():
    qs = of_type("The convoy drove 350 kilometers (217 miles) before stopping.", "quantity")
    assert len(qs) == 1
    q = qs[0]
    assert q.text == "350 kilometers (217 miles)"
    assert q.key == "distance" and q.unit == "km"
    assert q.low <= 350 <= q.high


def test_altitude_key_from_nearest_dimension_word():
    q = one("The balloon reached a maximum altitude of about 80 km.", "quantity")
    assert q.key == "altitude"
    assert q.low == pytest.approx(79.5 * 0.95) and q.high == pytest.approx(80.5 * 1.05)
    d = one("The glider flew 350 km over the desert.", "quantity")
    assert d.key == "distance"


def test_distance_from_a_place_is_its_own_key():
    q = one("The quake struck about 80 km south of Tromso.", "quantity")
    assert q.key == "distance:tromso"
    flown = one("The drone flew 80 km.", "quantity")
    assert not same_key(q, flown)


def test_length_of_a_substance():
    assert one("Up to 160 mm of rain fell overnight.", "quantity").key == "length:rain"


def test_unreadable_keys_are_empty_and_never_compared():
    a = one("Results: 2026-01-20.", "date")
    b = one("Results: 2026-01-21.", "date")
    assert a.key == b.key == ""
    assert not same_key(a, b)


def test_unit_conversions():
    assert one("The storm moved at 100 mph.", "quantity").low == pytest.approx(99.5 * 1.609344)
    assert one("It moved at 20 knots.", "quantity").key == "speed"
    w = one("Officers seized 5 tonnes of cocaine.", "quantity")
    assert w.unit == "kg" and w.low == pytest.approx(4500) and w.key == "mass:cocaine"
    t = one("Temperatures hit 104 °F on Sunday.", "quantity")
    assert t.unit == "°C" and t.low < 40 < t.high
    a = one("The fire burned 2,000 hectares of forest.", "quantity")
    assert a.unit == "km2" and a.low == pytest.approx(19.995)


def test_money_percent_and_basis_points():
    m = one("The state approved $1.2 billion in aid.", "quantity")
    assert m.unit == "USD" and m.key == "money:aid"
    assert m.low == pytest.approx(1.15e9) and m.high == pytest.approx(1.25e9)
    e = one("The club paid €5m for the striker.", "quantity")
    assert e.unit == "EUR" and e.low == pytest.approx(4.5e6)
    assert compatible(m, e) is None  # never converted across currencies
    p = one("Inflation rose to 3.5% in March.", "quantity")
    assert p.unit == "%" and p.key == "percent:inflation"
    b = one("The bank cut rates by 25 basis points.", "quantity")
    assert b.unit == "%" and b.low == pytest.approx(0.245)


def test_a_change_is_not_a_level():
    vs = [v for v in values("The bank cut its policy rate by 25 basis points to 1.25%.") if v.type == "quantity"]
    # The change is keyed by the level it led to (see test_a_change_is_keyed_by_the_level_it_led_to).
    assert [v.key for v in vs] == ["percent:change-to:1.25", "percent:rate"]
    assert not same_key(vs[0], vs[1])


def test_negative_figures():
    vs = of_type("Prices fell 0.6% in May, a -0.6% rate, after minus 1.5% in April.", "quantity")
    assert [v.normalized for v in vs] == ["0.6 %", "-0.6 %", "-1.5 %"]
    assert vs[1].high < 0 and vs[2].text == "minus 1.5%"


def test_magnitude_both_orders():
    a = one("A magnitude 7.4 earthquake struck the coast.", "quantity")
    b = one("A 7.4-magnitude quake hit the region.", "quantity")
    assert a.key == b.key == "magnitude"
    assert compatible(a, b) is True
    c = one("A magnitude 6.1 quake hit the region.", "quantity")
    assert compatible(a, c) is False


def test_half_open_quantities():
    q = one("The missile has a range of more than 1,000 km.", "quantity")
    assert q.key == "range" and q.high == math.inf and q.low >= 1000
    u = one("Winds of up to 200 km/h were recorded.", "quantity")
    assert u.key == "speed:wind" and u.low == 0 and u.high == pytest.approx(200.5)


def test_durations_and_ages():
    d = one("The talks ended a four-year war.", "quantity")
    assert d.key == "duration:war" and d.unit == "d"
    a = one("A 45-year-old man was arrested.", "quantity")
    assert a.key == "age:man" and a.low <= 45 <= a.high
    b = one("The winner, Dana Moss, 41, thanked voters.", "quantity")
    assert b.key == "age:moss" and b.low == b.high == 41
    c = one("Moss, a 44-year-old lawyer, thanked voters.", "quantity")
    assert c.key == "age:moss" and compatible(b, c) is False


# ---------------------------------------------------------------- dates and times


def test_weekday_resolves_to_the_same_or_previous_day():
    v = one("The strike began on Tuesday, officials said.", "date")
    assert v.normalized == "2026-01-27"
    assert v.low == day_start(2026, 1, 27) and v.high == day_start(2026, 1, 28) - 1
    assert one("The vote took place early Thursday.", "date").normalized == "2026-01-22"
    assert one("The vote was held last Tuesday.", "date").normalized == "2026-01-20"


def test_relative_months_and_days():
    assert one("The minister resigned last month.", "date").normalized == "2025-12"
    assert one("The mayor resigned yesterday.", "date").normalized == "2026-01-26"
    assert one("Talks are due in October.", "date").normalized == "2026-10"  # future context
    assert one("The deal was signed in October.", "date").normalized == "2025-10"
    assert one("The plant closed three days ago.", "date").normalized == "2026-01-24"


def test_month_year_and_last_month_agree():
    a = one("The governor in December 2025 vetoed the bill.", "date")
    b = one("The governor last month vetoed the bill.", "date")
    assert a.key == b.key == "date:veto"
    assert (a.low, a.high) == (b.low, b.high)
    assert compatible(a, b) is True


def test_month_day_without_year_uses_nearest_year():
    assert one("The law took effect on Jan 27.", "date").normalized == "2026-01-27"
    # A date that names an event identifies it; it is no claim about the story's event.
    assert one("A January 4 raid left the town empty.", "date").key == ""
    late = datetime(2026, 1, 2, tzinfo=UTC)
    assert one("It happened on December 30.", "date", published=late).normalized == "2025-12-30"


def test_dates_in_the_articles_zone():
    tz = timezone(timedelta(hours=9))
    v = one("The vote was held on Tuesday.", "date", published=datetime(2026, 1, 27, 1, 0, tzinfo=tz))
    assert v.low == day_start(2026, 1, 27, tz)


def test_unresolved_without_publication_date():
    v = one("The minister resigned last month.", "date", published=None)
    assert v.low is None and v.precise is False
    w = one("The minister resigned on 5 March 2024.", "date", published=None)
    assert w.normalized == "2024-03-05" and w.precise


def test_local_time_with_gmt_is_one_exact_time():
    ts = of_type("The blast was heard around 3:50 p.m. local time (0650 GMT) on Tuesday.", "time")
    assert len(ts) == 1
    t = ts[0]
    instant = datetime(2026, 1, 27, 6, 50, tzinfo=UTC).timestamp()
    assert t.precise and t.low <= instant <= t.high
    assert t.text.startswith("around 3:50 p.m.") and t.text.endswith("GMT)")


def test_local_time_is_a_wall_clock_reading():
    local = one("The shop opened at 9:30 a.m. local time.", "time")
    zoned = one("The shop opened at 0030 GMT.", "time")
    assert local.unit == "clock" and zoned.unit == "s"  # no date in the sentence: a clock reading
    assert compatible(local, zoned) is True  # UTC+9 reconciles them
    assert same_key(local, zoned)
    later = one("The shop opened at 10:15 a.m.", "time")
    around = one("The shop opened around 9:40 a.m.", "time")
    assert compatible(local, later) is False
    assert compatible(local, around) is True


def test_dated_local_time_keeps_its_day():
    t = one("The shop opened at 9:30 a.m. on March 3, 2026.", "time")
    assert t.unit == "local" and t.normalized == "2026-03-03 09:30 local"
    c = one("The shop opened at 9:30 a.m.", "time")
    assert compatible(t, c) is True


def test_a_time_is_not_confirmed_by_its_day():
    d = one("Troops entered the city on Tuesday.", "date")
    t = one("Troops entered the city at 14:00 GMT.", "time")
    assert d.key == "date:enter" and t.key == "time:enter"
    assert not same_key(d, t)
    assert compatible(d, t) is True  # still comparable as instants when a caller asks


# ---------------------------------------------------------------- places


def test_bearings_to_one_anchor_conflict():
    a = one("The rocket was launched from an area north of Tromso.", "place")
    b = one("The rocket was launched from an area northeast of Tromso.", "place")
    assert a.normalized == "north of Tromso" and b.normalized == "northeast of Tromso"
    assert a.key == b.key == "place:tromso"
    assert compatible(a, b) is False
    assert compatible(a, a) is True


def test_coast_near_and_in():
    off = one("The ferry sank off the coast of Crete.", "place")
    assert off.qualifier == "off the coast of" and off.key == "place:crete:off"
    poss = one("The tanker ran aground off Norway's west coast.", "place")
    assert poss.normalized == "off the west coast of Norway"
    near = one("Fighting raged near Kharkiv overnight.", "place")
    assert near.precise is False
    inside = one("Thousands marched in Lisbon.", "place")
    assert inside.normalized == "in Lisbon"
    assert of_type("Officials from Japanese ministries met.", "place") == []


# ---------------------------------------------------------------- people, organisations


def test_people_with_titles_and_appositions():
    p = one("Prime Minister Sanna Virtanen visited the site.", "person")
    assert p.normalized == "Sanna Virtanen" and p.qualifier == "Prime Minister"
    q = one("Chief Cabinet Secretary Aiko Mori told reporters the plan was sound.", "person")
    assert q.normalized == "Aiko Mori" and q.qualifier == "Chief Cabinet Secretary"
    r = one("Maria Lopez, a professor at the University of Leeds, disagreed.", "person")
    assert r.normalized == "Maria Lopez" and "professor" in r.qualifier
    orgs = [v.normalized for v in of_type("Maria Lopez, a professor at the University of Leeds, disagreed.",
                                          "organization")]
    assert "University of Leeds" in orgs


def test_former_title_conflicts():
    a = one("Former Governor Jane Roe spoke.", "person")
    b = one("Governor Jane Roe spoke.", "person")
    assert same_key(a, b) and compatible(a, b) is False


# ---------------------------------------------------------------- attributions, quotations


def test_attribution_sets_claimant():
    vs = values("Three ships were damaged, the navy said on Monday.")
    att = [v for v in vs if v.type == "attribution"]
    assert [a.normalized for a in att] == ["navy"]
    count = next(v for v in vs if v.type == "count")
    assert count.claimant == "navy"


@pytest.mark.parametrize(
    "text, claimant",
    [
        ("According to state media, two ships collided.", "state media"),
        ("The port authority, citing the coast guard, said two ships collided.", "port authority"),
        ("Two ships collided, the Coast Guard reported.", "coast guard"),
        ('"We are safe," said Ana Silva, a local fisherman.', "ana silva"),
        ("Spain's Interior Ministry confirmed two arrests.", "spain interior ministry"),
    ],
)
def test_attributions(text, claimant):
    vs = values(text)
    assert any(v.type == "attribution" and v.normalized == claimant for v in vs), vs
    assert all(v.claimant == claimant for v in vs if v.type not in ("attribution",))


def test_titled_claimant_is_the_person():
    vs = values("Interior Minister Lena Holt said 30 officers were hurt.")
    assert [v.normalized for v in vs if v.type == "attribution"] == ["lena holt"]
    assert next(v for v in vs if v.type == "count").claimant == "lena holt"


def test_passive_reporting_is_not_an_attribution():
    assert of_type("No injuries were reported.", "attribution") == []


@pytest.mark.parametrize(
    "text, words",
    [
        ('She called it "a grave threat to peace."', "a grave threat to peace"),
        ("She called it “a grave threat”.", "a grave threat"),
        ("Il a parlé d'« une menace grave ».", "une menace grave"),
        ("‘Model partner’ visit ends", "model partner"),
    ],
)
def test_quotations(text, words):
    q = one(text, "quotation")
    assert q.normalized == words


def test_altered_quotation_is_detected():
    a = one('He said it "must be countered".', "quotation")
    b = one('He said it "must be stopped".', "quotation")
    c = one('He said it "must be countered now".', "quotation")
    assert compatible(a, b) is False
    assert compatible(a, c) is True  # a shorter excerpt of the same words


# ---------------------------------------------------------------- comparison semantics


def test_compatible_semantics():
    two = one("Rebels fired two rockets.", "count")
    least = one("Rebels fired at least two rockets.", "count")
    several = one("Rebels fired several rockets.", "count")
    five = one("Rebels fired five rockets.", "count")
    assert same_key(two, several) and same_key(two, five)
    assert compatible(two, least) is True
    assert compatible(least, several) is True and several.precise is False  # divergent, not conflicting
    assert compatible(two, five) is False
    dist = one("The drone flew 40 km.", "quantity")
    assert compatible(two, dist) is None
    assert not same_key(two, dist)


def test_values_carry_their_span_and_sentence():
    text = "Officials counted 14 boats near Lampedusa."
    art = Article(id="x", source="t", text="Intro. " + text, published=PUB)
    vs = extract_values(art, Sentence("x", 3, text, 7, 7 + len(text)))
    for v in vs:
        assert v.article_id == "x" and v.sentence_index == 3
        assert text[v.span[0]:v.span[1]] == v.text


def test_no_values_in_plain_text():
    assert values("nothing here at all") == ()
    assert values("") == ()


# ---------------------------------------------------------------- seeds

SEED_PUB = datetime(2026, 1, 27, tzinfo=UTC)


def _seed_values():
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (the shared folder is absent)")
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        art = Article(id=path.stem[:3], source=str(path), text=path.read_text(encoding="utf-8"),
                      published=SEED_PUB)
        out[art.id] = [v for s in split_sentences(art) for v in extract_values(art, s)]
    return out


@pytest.fixture(scope="module")
def seed_values():
    return _seed_values()


def test_seed_last_month_equals_december(seed_values):
    def month_vals(aid, text):
        return [v for v in seed_values[aid] if v.type == "date" and v.text.lower() == text]

    dec = month_vals("000", "december 2025")
    last = month_vals("001", "last month")
    assert dec and last
    assert any(same_key(a, b) and compatible(a, b) for a in dec for b in last)
    octo = month_vals("000", "october 2025")
    octo_bare = month_vals("001", "october")
    assert any(same_key(a, b) and compatible(a, b) for a in octo for b in octo_bare)


def test_seed_time_is_one_value(seed_values):
    times = [v for vs in seed_values.values() for v in vs if v.type == "time" and "GMT" in v.text]
    assert len(times) == 1
    t = times[0]
    assert "p.m." in t.text and t.precise
    assert t.low <= datetime(2026, 1, 27, 6, 50, tzinfo=UTC).timestamp() <= t.high


def test_seed_distances_altitude_and_troops(seed_values):
    all_vals = [v for vs in seed_values.values() for v in vs]
    dist = [v for v in all_vals if v.type == "quantity" and v.key == "distance"]
    assert len({v.article_id for v in dist}) == 2
    assert all(v.low <= 350 <= v.high for v in dist)
    assert all(compatible(a, b) for a in dist for b in dist)
    alt = [v for v in all_vals if v.type == "quantity" and v.key == "altitude"]
    assert len(alt) == 1 and alt[0].low <= 80 <= alt[0].high
    troops = [v for v in all_vals if v.type == "count" and v.precise and v.low <= 28500 <= v.high < math.inf]
    assert len({v.article_id for v in troops}) == 4
    assert len({v.key for v in troops}) == 1


def test_seed_missile_counts_differ_in_precision(seed_values):
    all_vals = [v for vs in seed_values.values() for v in vs]
    # Japan's "two" and South Korea's "several" detected missiles: one key, compatible, and
    # vague against precise (the caller calls that divergent).
    two = [v for v in all_vals if v.type == "count" and v.normalized == "2" and v.key.startswith("missile")]
    vague = [v for v in all_vals if v.type == "count" and not v.precise and v.qualifier in ("several", "multiple")]
    assert two and vague
    pairs = [(a, b) for a in two for b in vague if same_key(a, b)]
    assert pairs and all(compatible(a, b) is True and a.precise != b.precise for a, b in pairs)
    least = [v for v in all_vals if v.type == "count" and v.normalized == "≥2"]
    assert least and all(v.high == math.inf for v in least)


def test_seed_bearings_conflict(seed_values):
    all_vals = [v for vs in seed_values.values() for v in vs]
    bearings = [v for v in all_vals if v.type == "place" and v.qualifier in ("north of", "northeast of")]
    assert {v.qualifier for v in bearings} == {"north of", "northeast of"}
    a, b = bearings[0], bearings[-1]
    assert same_key(a, b) and compatible(a, b) is False


def test_speed_and_length_keys_name_what_is_measured():
    # Gusts and sustained winds are two figures; the noun a speed belongs to keys them apart.
    assert one("Gusts could reach 160 km/h near the coast.", "quantity").key == "speed:gust"
    assert one("It moved at 20 knots.", "quantity").key == "speed"  # no noun: the bare family
    # A length "of" a measured noun is that amount, whatever dimension word sits nearby.
    assert one("Stay away from the beach: waves of up to 40 centimetres are expected.", "quantity").key \
        == "length:wave"
    assert one("Snowfall of 25 cm closed the pass.", "quantity").key == "length:snow"
    # The anchor right after a distance outranks a dimension word of another clause.
    vals = of_type("It hit at a depth of 12 km, with its centre 30 km (19 miles) east of Tarvo.", "quantity")
    assert [v.key for v in vals] == ["depth", "distance:tarvo"]


def test_partitives_scales_and_named_bare_figures():
    # "five of the injured" is a part of a group, never the group's count.
    part = of_type("Five of the injured died in hospital.", "count")
    assert all(v.key != "injured" for v in part)
    whole = one("Four of its six carriages overturned.", "count")
    assert whole.key.startswith("carriage")
    lakh = one("Each family will get ₹4 lakh in compensation.", "quantity")
    assert lakh.low < 400_000 < lakh.high and lakh.high < 500_000
    assert one("The number of survivors of the crash rose to 22 overnight.", "count").key == "survivor"
    assert one("Survivors: 22.", "count").key == "survivor"
    # "until June 2030" ends a span; it is not when the signing happened.
    dates = of_type("He signed a contract on Saturday that runs until June 2030.", "date")
    assert [d.key for d in dates] == ["date:sign", "date:run:until"] or dates[-1].key.endswith(":until")


def test_repeat_counts_are_keyed_by_what_recurred():
    v = one("The plant had been fined four times since 2020.", "count")
    assert (v.key, v.low, v.high) == ("occurrence:fine", 4, 4)
    assert one("It had been fined twice since 2020.", "count").key == "occurrence:fine"
    # Multipliers are not occurrences.
    assert not of_type("The new plant is three times larger than the old one.", "count")
    assert not of_type("Prices rose twice as fast as wages.", "count")


def test_named_times_are_whole_words():
    # "afternoon" holds "noon" but names no clock time.
    assert not of_type("Tankers dropped water through the afternoon.", "time")
    assert one("The fire flared again at noon.", "time").normalized.startswith("12:00")


def test_decade_ages_and_past_events():
    dec = one("A woman in her 70s was hurt.", "quantity")
    assert dec.key == "age:woman" and dec.low == 70 and 79 < dec.high < 80
    # A figure of an earlier event gets its own key: no false conflict with this event's.
    old = one("A magnitude 7.1 quake in 2019 caused a similar alert.", "quantity", published=datetime(2026, 3, 2, tzinfo=UTC))
    assert old.key.endswith(":past")
    new = one("The magnitude 6.2 quake on Monday caused an alert.", "quantity", published=datetime(2026, 3, 2, tzinfo=UTC))
    assert not new.key.endswith(":past")
    # "since 2019" reaches the present: not a past event.
    since = one("Fines have reached 12 million euros since 2019.", "quantity", published=datetime(2026, 3, 2, tzinfo=UTC))
    assert not since.key.endswith(":past")


def test_irregular_past_verbs_name_the_event_of_a_time():
    assert one("The train left the tracks at 6:40 a.m.", "time").key == "time:leave"
    assert one("A fire that broke out around 1:15 p.m. on Tuesday spread fast.", "time").key == "time:break"


def test_scheduling_verbs_leave_the_event_to_the_noun():
    a = one("The next meeting is on August 12.", "date")
    b = one("The next meeting is scheduled for August 19.", "date")
    assert a.key == b.key == "date:meet"


def test_since_when_clause_is_an_earlier_event():
    v = one("It was the strongest since June 2001, when a magnitude 8.4 quake hit the coast.", "quantity",
            published=datetime(2026, 10, 7, tzinfo=UTC))
    assert v.key == "magnitude:past"


# ---------------------------------------------------------------- forms of their own (valueforms)


def _q(text: str, **kw):
    return [v for v in values(text, **kw) if v.type in ("quantity", "count")]


def test_vote_tallies_and_scores_compare_as_pairs():
    a = one("The committee voted 5-2 for the cut.", "quantity")
    b = one("It cut rates in a 6-1 vote on Wednesday.", "quantity")
    c = one("The board backed the plan 2-5 against.", "quantity")  # order does not matter
    assert a.key == b.key == "tally:vote" and a.normalized == "5–2" and b.normalized == "6–1"
    assert compatible(a, b) is False and compatible(a, a) is True
    assert c.normalized == "5–2" and compatible(a, c) is True
    assert one("The home side won 3-1 on Sunday.", "quantity").key == "tally:score"
    assert one("The Senate passed the bill 52-48.", "quantity").normalized == "52–48"
    # A range with a unit is no tally.
    assert all(v.unit != "tally" for v in _q("Banks cut loan rates by 10-15 basis points."))


def test_proportions_are_shares_in_percent():
    v = one("Only one in three trains would run on Tuesday.", "quantity")
    assert v.unit == "%" and v.key == "percent:train" and 31 < v.low < 33.3 < v.high < 36
    w = one("About 30% of scheduled trains were running.", "quantity")
    assert w.key == "percent:train"
    assert one("Two out of five voters stayed home.", "quantity").normalized == "≈40 %"
    assert not [v for v in _q("One in 2019 was lost.") if v.unit == "%"]  # a year, not a share


def test_fractions_of_a_unit():
    q = one("Rates fell by a quarter of a percentage point.", "quantity")
    bp = one("Rates fell by 25 basis points.", "quantity")
    assert q.unit == bp.unit == "%" and q.low == q.high == 0.25 and compatible(q, bp) is True
    assert one("The bank announced a half-point cut.", "quantity").low == 0.5
    mile = one("The fire was half a mile away.", "quantity")
    assert mile.unit == "km" and abs(mile.low - 0.8047) < 0.001


def test_exchange_rates_are_currency_per_currency():
    a = one("The baht weakened to 32.80 per dollar after the announcement.", "quantity") if False else \
        [v for v in _q("The baht weakened to 32.80 per dollar after the announcement.") if v.key.startswith("fx")][0]
    b = [v for v in _q("The currency traded at 32.85 against the dollar.") if v.key.startswith("fx")][0]
    c = [v for v in _q("The baht slid, with USD/THB touching 32.91 late in the session.") if v.key.startswith("fx")][0]
    assert a.key == b.key == c.key == "fx:usd" and a.unit == c.unit == "per USD"
    assert compatible(a, b) is False and compatible(a, a) is True
    eur = one("The euro rose to $1.0850.", "quantity")
    assert eur.key == "fx:eur" and eur.unit == "per EUR"


def test_ranks_of_a_counted_noun():
    a = one("Nakri is the ninth storm to hit Vietnam this year.", "quantity")
    b = one("Nakri is the eighth storm to reach Vietnam this year.", "quantity")
    assert a.key == b.key == "rank:storm" and a.low == 9 and compatible(a, b) is False
    assert one("It was the bank's second cut this year.", "quantity").key == "rank:cut"
    # An ordinal with no series after it is no rank.
    assert not _q("On the second day of the strike, trains ran.")


def test_storm_categories():
    a = one("Lena strengthened to a Category 4 hurricane.", "quantity")
    b = one("Lena made landfall as a category-three storm.", "quantity")
    assert a.key == b.key == "category" and compatible(a, b) is False


def test_scaled_figure_compounded_with_its_noun():
    v = one("The 0.41 million-vehicle recall is the largest yet.", "count")
    w = one("It would recall about 410,000 vehicles worldwide.", "count")
    assert v.key == w.key == "vehicle:recall" and compatible(v, w) is True
    assert not of_type("They back a two-state solution.", "count")


def test_names_between_a_figure_and_its_noun():
    v = one("Rheinwerk is recalling roughly 410,000 Kestrel and Kestrel Plus SUVs.", "count")
    assert v.key.startswith("suv") and v.normalized == "≈410,000"
    assert one("The notice covers 141,200 Kestrel SUVs.", "count").key.startswith("suv")


def test_spans_of_production_years_do_not_make_a_past_event():
    v = one("It is recalling 410,000 cars built between March 2021 and November 2023.", "count",
            published=datetime(2026, 4, 7, tzinfo=UTC))
    assert not v.key.endswith(":past")


def test_displacement_is_folded_like_casualties():
    pub = datetime(2026, 9, 24, tzinfo=UTC)
    assert one("The floods forced about 20,000 from their homes.", "count", published=pub).key == "displaced"
    got = {v.text: v.key for v in of_type("Officials said 21 people had died and 34,500 had been displaced.",
                                            "count", published=pub)}
    assert got == {"21 people": "death", "34,500": "displaced"}
    assert one("Displaced: about 41,000 people in Garissa.", "count", published=pub).key == "displaced"
    assert one("About 1,200 people were left homeless.", "count", published=pub).key == "displaced"
    # A specific noun keeps its own key.
    assert one("About 7,000 residents remain displaced.", "count", published=pub).key.startswith("resident")


def test_elided_noun_of_a_coordinated_count():
    got = {v.text: v.key for v in of_type("Police detained 40 protesters and 12 were later charged.", "count")}
    assert got["12"] == "protester:charge"


def test_people_on_board_are_occupants():
    assert one("The bus had 48 people on board.", "count").key == "occupant"
    assert one("The plane, carrying 132 people, crashed.", "count").key == "occupant"
    assert one("The bus was carrying 42 passengers.", "count").key == "passenger:carry"
    assert one("The city has 40,000 people.", "count").key != "occupant"


def test_a_partitive_with_a_determiner_counts_the_noun():
    assert one("The party won 163 of the 300 seats.", "count").key == "seat:win"


def test_aftershock_magnitudes_have_their_own_key():
    vals = {v.text: v.key for v in _q("A magnitude 5.1 aftershock followed the magnitude 6.8 earthquake.")}
    assert vals == {"magnitude 5.1": "magnitude:aftershock", "magnitude 6.8": "magnitude"}
    v = one("Dozens of aftershocks followed, the strongest a magnitude 5.4.", "quantity")
    assert v.key == "magnitude:aftershock"
    assert one("A 6.8-magnitude quake struck.", "quantity").key == "magnitude"


def test_dates_of_the_last_comparable_event_share_a_key():
    pub = datetime(2026, 9, 24, tzinfo=UTC)
    a = one("The river reached its highest level since 1997.", "date", published=pub)
    b = one("It was the highest reading since 2018.", "date", published=pub)
    c = one("The last comparable flood, in 2018, killed 30 people.", "date", published=pub)
    assert a.key == b.key == c.key == "date:last-comparable"
    assert compatible(a, b) is False and compatible(b, c) is True
    assert one("Protests have continued since 2019.", "date", published=pub).key == "date:continue"


def test_compound_durations_and_unit_ranges():
    v = one("He was sentenced to seven years and six months in prison.", "quantity")
    w = one("He was sentenced to seven years in prison.", "quantity")
    assert v.key == w.key and compatible(v, w) is False and abs(v.low / 365.2425 - 7.5) < 0.01
    assert abs(one("The flight took 2 hours 30 minutes.", "quantity").low * 24 - 2.5) < 0.02
    r = one("The Fed held rates in a range of 5.25%-5.50%.", "quantity")
    assert r.low < 5.25 and r.high > 5.5  # a range, not 5.25 and minus 5.5


def test_time_allowed_for_an_act_is_keyed_by_the_act():
    a = one("His lawyers have 30 days to appeal.", "quantity")
    b = one("His defence team has 20 days to lodge an appeal.", "quantity")
    assert a.key == b.key == "duration:appeal" and compatible(a, b) is False
    assert one("Residents were given 48 hours to leave.", "quantity").key == "duration:leave"
    # A purpose clause after a span that nobody was given is not what the span measures.
    assert one("It declared an emergency in the districts for 60 days to speed up aid.", "quantity").key != \
        "duration:speed"


def test_percent_keys_read_the_predicate():
    a = one("The fire was 5% contained on Wednesday.", "quantity")
    b = one("The fire had burned 11,200 acres and was 23% contained.", "quantity") if False else \
        [v for v in _q("The fire had burned 11,200 acres and was 23% contained.") if v.unit == "%"][0]
    assert a.key == b.key == "percent:contain"
    # A comparative after the figure is not what it measures; the subject before is.
    assert one("The shares closed 2.1 percent lower.", "quantity").key == "percent:share"
    assert one("Rheinwerk shares fell 2.1% in Frankfurt.", "quantity").key == "percent:share"
    # "40 percent of its usual services": the noun past the determiner.
    assert one("The operator ran 40 percent of its usual services.", "quantity").key == "percent:service"
    # With no noun before, the scope after: "in the first round".
    x = one("She had taken 38.5 percent in the first round.", "quantity")
    y = one("She had won 41 percent in the first round.", "quantity")
    assert x.key == y.key == "percent:round"
    # Change nouns after a figure say the kind of change.
    assert one("They demand a 4.5% wage increase.", "quantity").key == one("They want a 6% raise.", "quantity").key
    # "worth" links the thing to its value.
    assert one("He took bribes worth €2.3 million.", "quantity").key == "money:bribe"
    # An old level ("down from") measures what the figure before it measures.
    got = [v.key for v in _q("It sees the economy growing 1.7 percent, down from 2.0 percent previously.")]
    assert got[0] == got[1] != ""


def test_ages_written_with_aged():
    assert one("The victim, aged 41, was a teacher.", "quantity").key == "age:victim"
    assert one("A man aged 58 died.", "quantity").key == "age:man"


def test_altitude_of_a_descending_aircraft_and_anchor_after_town_of():
    a = one("The pilots were cleared to descend to 3,000 feet.", "quantity")
    b = one("Last contact: descending through about 900 metres in rain.", "quantity")
    assert a.key == b.key == "altitude" and compatible(a, b) is True
    t = one("It burned 16 km south of the town of Hemet.", "quantity")
    assert t.key == "distance:hemet"


def test_period_scopes_are_not_event_dates():
    assert not of_type("The economy will grow 1.7 percent this year.", "date")
    assert of_type("The law passed last year.", "date")


def test_place_keys_keep_relations_of_other_kinds_apart():
    near = one("The bus fell into a gorge near Rampur.", "place")
    inside = one("The injured were taken to hospital in Rampur.", "place")
    outside = one("The train derailed outside Rampur.", "place")
    north = one("The quake struck north of Rampur.", "place")
    northeast = one("The quake struck northeast of Rampur.", "place")
    assert len({near.key, inside.key, outside.key, north.key}) == 4
    assert not same_key(near, inside)
    assert same_key(north, northeast) and compatible(north, northeast) is False


def test_fractions_of_a_whole_are_shares():
    a = one("About a third of homes lost power.", "quantity")
    assert a.unit == "%" and a.key == "percent:home" and a.low < 33.3 < a.high
    b = one("Two-thirds of parliament backed the bill.", "quantity")
    assert abs((b.low + b.high) / 2 - 66.67) < 0.5
    c = one("More than half of the voters stayed home.", "quantity")
    assert c.low >= 50 and math.isinf(c.high) and c.key == "percent:voter"
    # A part named, not a share; a moment, not a rank.
    assert not _q("In the first half of the year, sales rose.")
    assert not _q("For the first time since 2010, it fell.")


def test_ages_in_apposition_to_a_role_noun_and_celsius_without_degree_sign():
    assert one("The driver, 52, was arrested.", "quantity").key == "age:driver"
    t = one("Temperatures reached 44.5C in the capital.", "quantity")
    assert t.unit == "°C" and t.low < 44.5 < t.high
    assert all(v.unit != "°C" for v in _q("The grade was a solid 5 C overall."))


def test_head_of_the_subject_before_its_prepositional_phrase():
    assert one("Prices in the euro zone rose 2.4% in May.", "quantity").key == "percent:price"
    assert one("Turnout in the capital was 61%.", "quantity").key == "percent:turnout"
    r = one("Children aged 5-12 were evacuated.", "quantity")
    assert r.key == "age:child" and r.low == 5 and r.high == 12


def test_a_term_given_by_its_end_date_is_also_a_duration():
    pub = datetime(2026, 8, 15, tzinfo=UTC)
    until = [v for v in values("He has signed a contract until June 2030.", published=pub) if v.type == "quantity"][0]
    five = one("He will sign a five-year contract.", "quantity", published=pub)
    four = one("He will sign a four-year contract.", "quantity", published=pub)
    assert until.key == five.key == "duration:contract" and until.text == "until June 2030"
    assert compatible(until, five) is False and compatible(until, four) is True
    # The date itself is still a date (the end of a span).
    assert one("He has signed a contract until June 2030.", "date", published=pub).key.endswith(":until")


def test_aftershock_named_before_an_adverb():
    v = one("Forty aftershocks followed, the strongest a magnitude 5.1 shortly before 8 a.m.", "quantity")
    assert v.key == "magnitude:aftershock"


def test_a_change_is_keyed_by_the_level_it_led_to():
    a = one("The bank cut its one-day repurchase rate by 25 basis points to 1.25% on Wednesday.", "quantity") \
        if False else _q("The bank cut its one-day repurchase rate by 25 basis points to 1.25% on Wednesday.")[0]
    b = _q("The central bank lowered borrowing costs by a quarter of a percentage point to 1.25 percent.")[0]
    c = _q("The currency slid after the bank's 25bp cut to 1.25%.")[0]
    assert a.key == b.key == c.key == "percent:change-to:1.25"
    assert compatible(a, b) is True and compatible(a, c) is True
    # Another rate of the story, cut with no level given, keeps its own key.
    d = one("Lenders cut their loan rates by 10 to 15 basis points.", "quantity")
    assert d.key != a.key
    # "from X to Y" names two levels, not a change; nor does a range written twice.
    assert all("change-to" not in v.key for v in _q("Inflation rose from 2.4% to 2.9%."))
    assert all("change-to" not in v.key for v in _q("Support is estimated at 30% to 40%."))
    assert _q("The club raised its offer by €5m to €62m.")[0].key == "money:change-to:62 million"


def test_a_figure_keyed_within_its_own_conjunct():
    got = {v.text: v.key for v in _q("He was sentenced to 12 years in prison and fined $1.5 million.")}
    assert got == {"12 years": "duration:prison", "$1.5 million": "money:fine"}
    got = {v.text: v.key for v in _q("Shares fell 2.1% and the index rose 0.8 percent.")}
    assert got == {"2.1%": "percent:share", "0.8 percent": "percent:index"}


def test_rain_measured_in_a_relative_clause():
    a = one("The downpour, which measured 210 mm at the station, flooded seven counties.", "quantity")
    b = one("The river rose after 160 mm of rain fell.", "quantity")
    c = one("Rainfall of 620 mm was recorded.", "quantity")
    assert a.key == b.key == c.key == "length:rain" and compatible(a, b) is False


# ------------------------------------------------- generalisation round: forms read since


@pytest.mark.parametrize(
    "text, key, n",
    [
        ("The bill passed with 121 in favour and 98 against.", "vote:against", 98),
        ("Lawmakers voted it down, with 96 votes against.", "vote:against", 96),
        ("The motion carried; 121 in favour.", "vote:favour", 121),
        ("The vote saw 11 abstentions.", "vote:abstention", 11),
    ],
)
def test_side_of_a_vote(text, key, n):
    found = [v for v in of_type(text, "count") if v.key == key]
    assert len(found) == 1 and found[0].low == found[0].high == n


def test_side_counts_need_a_vote_and_spelled_tallies_need_a_cue():
    assert not [v for v in of_type("It was two against one in the final.", "count") if v.key.startswith("vote")]
    t = one("The bill passed by 121 votes to 96.", "quantity")
    assert t.key == "tally:vote" and t.normalized == "121–96"
    assert not [v for v in of_type("Prices rose from 10 to 15 percent.", "quantity") if v.key.startswith("tally")]


@pytest.mark.parametrize(
    "text, n",
    [
        ("Thirty people were injured, 11 of them seriously, police said.", 11),
        ("Of the 27 people injured, eight were in serious condition.", 8),
        ("Eight were seriously injured in the blast.", 8),
    ],
)
def test_part_of_a_count_in_a_condition(text, n):
    found = [v for v in of_type(text, "count") if v.key == "condition:serious"]
    assert len(found) == 1 and found[0].low == n


def test_size_of_a_body_written_as_a_hyphenated_modifier():
    v = one("The ministry set up a five-member committee.", "count")
    assert v.key == "member:committee" and v.low == 5
    assert one("A 12-person jury was sworn in.", "count").key == "person:jury"
    assert not of_type("They back a two-state solution.", "count")
    assert not of_type("Twenty-two ministers resigned.", "count")[0].key.startswith("two")
    assert one("After a nine-hour debate, it passed.", "quantity").unit == "d"


def test_fahrenheit_without_degree_sign_power_and_taka():
    f = one("The old record, 117.3F, stood for years.", "quantity")
    assert f.unit == "°C" and abs(f.low - 47.4) < 0.1
    g = one("Demand reached 41.3 gigawatts on Monday evening.", "quantity")
    m = one("Demand reached 41,300 megawatts on Monday evening.", "quantity")
    assert g.unit == m.unit == "MW" and compatible(g, m) is True
    a = one("Families will receive Tk 25,000 each.", "quantity")
    b = one("Families will receive 25,000 taka each.", "quantity")
    assert a.unit == b.unit == "BDT" and compatible(a, b) is True


def test_bearing_from_a_common_noun_takes_the_articles_one_name_for_it():
    text = "Ash covered Guamote, 50 km west of the volcano."
    art = Article(id="a", source="t", text="The Sangay volcano erupted on Sunday. " + text, published=PUB)
    found = [v for v in extract_values(art, Sentence("a", 1, text, 38, 38 + len(text))) if v.type == "place"]
    assert [v.key for v in found] == ["place:sangay"] and found[0].normalized == "west of Sangay"
    # Two names for "the volcano" in the article: no way to tell which, so no place.
    art2 = Article(id="a", source="t", text="The Sangay volcano and the Reventador volcano erupted. " + text,
                   published=PUB)
    assert not [v for v in extract_values(art2, Sentence("a", 1, text, 0, len(text))) if v.type == "place"]


def test_an_earlier_events_own_date_is_keyed_past():
    pub = datetime(2026, 9, 7, tzinfo=UTC)
    v = one("It is the deadliest accident since June 2020, when a launch sank in the river.", "date",
            published=pub)
    assert v.key.endswith(":past")
    assert not one("The launch sank on Saturday.", "date", published=pub).key.endswith(":past")
