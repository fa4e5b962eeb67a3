"""Round 4 of cross-checking: what tells a figure that changed over time from a dispute.

All sentences and figures are invented for these tests.
"""

from __future__ import annotations

from newsfuse.crosscheck import _cue_for, assess

from .test_claims_round3 import groups_of, pub, val

INF = float("inf")


def sv(aid, sentence, text, low, high=None, *, key="count:person", **kw):
    """A value placed in its sentence (span set), so that cues can be read around it."""
    start = sentence.index(text)
    return val(aid, 0, text, low, high, key=key, span=(start, start + len(text)), **kw)


def texts(*pairs):
    return {(aid, 0): sentence for aid, sentence in pairs}


# --- which figure a cue belongs to -------------------------------------------------------------


def test_a_verb_of_change_about_another_figure_marks_nothing():
    # "dropped 80 metres" is about the fall, not about the passengers: two outlets disagree.
    s_a = "The coach was carrying 52 passengers when it left the mountain road, police said."
    s_b = "The coach was carrying 52 passengers, the operator confirmed."
    s_c = "The coach was carrying 47 passengers when it skidded off the road and dropped 80 metres."
    vs = [sv("a", s_a, "52 passengers", 52), sv("b", s_b, "52 passengers", 52), sv("c", s_c, "47 passengers", 47)]
    result = assess(vs, groups_of(["a", "b"], ["c"]), pub(a=0, b=5, c=20),
                    sentence_text=texts(("a", s_a), ("b", s_b), ("c", s_c)), editions=set())
    assert result.status == "conflicting"
    assert _cue_for(vs[2], s_c) is None


def test_a_verb_whose_object_is_the_figure_states_a_movement_not_an_update():
    # "fell 4.1%" is the size of the fall; a later outlet with another size disputes it.
    s_a = "Shares in the brewer closed down 5.3 per cent."
    s_b = "The brewer's shares fell 4.1% on Monday, exchange data showed."
    vs = [sv("a", s_a, "5.3 per cent", 5.3, key="percent:share", type="quantity", unit="%"),
          sv("b", s_b, "4.1%", 4.1, key="percent:share", type="quantity", unit="%")]
    result = assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=26), sentence_text=texts(("a", s_a), ("b", s_b)))
    assert result.status == "conflicting"
    assert _cue_for(vs[1], s_b) is None


def test_a_verb_of_change_with_to_marks_the_new_level():
    s_a = "Nine people were hurt in the fire, officials said."
    s_b = "The number of people hurt rose to 14 overnight."
    vs = [sv("a", s_a, "Nine", 9), sv("b", s_b, "14", 14)]
    result = assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=12), sentence_text=texts(("a", s_a), ("b", s_b)))
    assert result.status == "evolving"
    assert "rose to" in result.explanation
    assert _cue_for(sv("c", "Police raised their estimate of the crowd to 9,000.", "9,000", 9000),
                    "Police raised their estimate of the crowd to 9,000.") == "raised to"
    # A noun that looks like a verb ("rent increases to 3%") is no cue.
    s_n = "The bill limits rent increases to 3% a year."
    assert _cue_for(sv("d", s_n, "3%", 3, key="percent:rent", type="quantity", unit="%"), s_n) is None


def test_an_adverb_cue_belongs_to_the_figure_nearest_to_it():
    s = "More than 700 travellers slept at the station, while about 2,000 suitcases were still waiting."
    travellers = sv("a", s, "More than 700", 700, INF)
    suitcases = sv("a", s, "about 2,000", 1900, 2100, key="count:suitcase")
    assert _cue_for(travellers, s) is None
    assert _cue_for(suitcases, s) == "still"
    s_r = "Orders were lifted for two hamlets, but about 6,000 villagers remain displaced."
    assert _cue_for(sv("b", s_r, "about 6,000", 5500, 6500), s_r) == "remain"


# --- the same source changing its own figure ---------------------------------------------------


def test_a_later_report_of_the_same_source_with_another_figure_is_an_update():
    # A wire says 12 wounded in the morning and 29 in the evening (a rewrite, not linked as an
    # edition); an independent outlet repeats 29 later: the count grew, nobody disputes it.
    s_a = "Medics had treated 12 wounded people by mid-morning, the fire chief said."
    s_b = "Medics treated 29 wounded people at two clinics."
    s_c = "Another 29 people were wounded."
    vs = [sv("a", s_a, "12", 12), sv("b", s_b, "29", 29), sv("c", s_c, "29", 29)]
    result = assess(vs, groups_of(["a", "b"], ["c"]), pub(a=0, b=7, c=14),
                    sentence_text=texts(("a", s_a), ("b", s_b), ("c", s_c)), editions=set())
    assert result.status == "evolving"
    assert "same source" in result.explanation


def test_a_vague_later_report_of_the_same_source_is_no_new_count():
    vs = [val("a", 0, "about 1.4 million", 1.3e6, 1.5e6, key="count:resident"),
          val("b", 0, "many", 5, INF, key="count:resident", precise=False)]
    result = assess(vs, groups_of(["a", "b"]), pub(a=0, b=6), editions=set())
    assert result.status != "evolving"


def test_an_independent_outlet_that_merely_differs_later_disputes_the_figure():
    # Two reports of one wire agree on 36; an independent outlet later says 33, no cue.
    s = "The lorry was carrying {} workers, according to the site manager."
    vs = [val("a", 0, "36", 36), val("b", 0, "36", 36), val("c", 0, "33", 33)]
    sentence_text = {("a", 0): s.format(36), ("b", 0): s.format(36), ("c", 0): s.format(33)}
    result = assess(vs, groups_of(["a", "b"], ["c"]), pub(a=0, b=4, c=18),
                    sentence_text=sentence_text, editions=set())
    assert result.status == "conflicting"


# --- three or more levels ----------------------------------------------------------------------


def test_levels_that_come_back_inside_the_range_reported_are_a_dispute():
    # 6 → 9 → 7 from three independent outlets, no cue: scattered estimates of one figure.
    vs = [val("a", 0, "6", 6, key="count:storey"), val("b", 0, "9", 9, key="count:storey"),
          val("c", 0, "7", 7, key="count:storey")]
    assert assess(vs, groups_of(["a"], ["b"], ["c"]), pub(a=0, b=10, c=20)).status == "conflicting"


def test_levels_that_each_set_a_new_high_or_low_are_evolving():
    vs = [val("a", 0, "10", 10), val("b", 0, "15", 15), val("c", 0, "22", 22)]
    result = assess(vs, groups_of(["a"], ["b"], ["c"]), pub(a=0, b=10, c=20))
    assert result.status == "evolving"
    assert "3 successive figures" in result.explanation


# --- floors ------------------------------------------------------------------------------------


def test_a_floor_met_later_by_a_higher_count_is_a_rising_toll_even_with_a_vague_level_between():
    vs = [val("a", 0, "at least 8", 8, INF, key="count:death"),
          val("b", 0, "hundreds", 200, 999, key="count:death", precise=False),
          val("c", 0, "15", 15, key="count:death")]
    result = assess(vs, groups_of(["a"], ["b"], ["c"]), pub(a=0, b=10, c=20))
    assert result.status == "evolving"
    assert "floor raised" in result.explanation


def test_a_vague_many_is_no_floor_raised_by_a_later_count():
    vs = [val("a", 0, "many", 5, INF, key="count:patient", precise=False), val("b", 0, "63", 63, key="count:patient")]
    result = assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=10))
    assert result.status != "evolving"


def test_one_precise_level_among_vague_ones_is_no_change_even_with_a_cue():
    # "thousands" → "many" → 31,000 ("in total"): vague figures carry no order, and 31,000 is no
    # refinement of "thousands" (it lies outside it), so nothing reads as a figure that moved.
    s_c = "In total, 31,000 supporters marched to the stadium."
    vs = [val("a", 0, "thousands of", 2000, 9999, key="count:supporter", precise=False),
          val("b", 0, "many", 5, INF, key="count:supporter", precise=False),
          sv("c", s_c, "31,000", 31000, key="count:supporter")]
    result = assess(vs, groups_of(["a"], ["b"], ["c"]), pub(a=0, b=10, c=20),
                    sentence_text=texts(("c", s_c)))
    assert result.status != "evolving"
    # A vague figure made precise later is still a change: "dozens" → 46.
    vs = [val("a", 0, "dozens", 24, 99, key="count:hurt", precise=False), val("b", 0, "46", 46, key="count:hurt")]
    assert assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=10)).status == "evolving"


# --- a market reading during the session, then the close ----------------------------------------


def test_a_reading_during_the_session_then_the_close_is_one_figure_moving():
    from newsfuse.figures import during_session

    s_a = "The benchmark index was up 0.9%, led by miners."
    s_b = "The benchmark index closed 1.3% higher, its best day in a month."
    a = sv("a", s_a, "0.9%", 0.9, key="percent:index", type="quantity", unit="%")
    b = sv("b", s_b, "1.3%", 1.3, key="percent:index", type="quantity", unit="%")
    assert during_session(a, s_a) and not during_session(b, s_b)
    result = assess([a, b], groups_of(["a"], ["b"]), pub(a=0, b=6), sentence_text=texts(("a", s_a), ("b", s_b)))
    assert result.status == "evolving"
    assert "same day" in result.explanation
    # The close first and a reading "during the session" later is no later moment: a dispute.
    a2 = sv("a", s_b, "1.3%", 1.3, key="percent:index", type="quantity", unit="%")
    b2 = sv("b", s_a, "0.9%", 0.9, key="percent:index", type="quantity", unit="%")
    late = assess([a2, b2], groups_of(["a"], ["b"]), pub(a=0, b=6), sentence_text=texts(("a", s_b), ("b", s_a)))
    assert late.status == "conflicting"
    # A completed day's move ("gained 0.9% on Tuesday") is not a reading during the session.
    s_c = "The benchmark index gained 0.9% on Tuesday."
    assert not during_session(sv("c", s_c, "0.9%", 0.9, key="percent:index", type="quantity", unit="%"), s_c)


# --- provisional and final figures -----------------------------------------------------------


def test_an_estimate_replaced_later_by_a_figure_stated_without_reserve_is_evolving():
    s_a = "Attendance was estimated at 41,000 by the organisers' office."
    s_b = "Attendance was 43,500, the organisers' office said."
    vs = [sv("a", s_a, "41,000", 41000, key="count:attendance"), sv("b", s_b, "43,500", 43500, key="count:attendance")]
    result = assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=8), sentence_text=texts(("a", s_a), ("b", s_b)))
    assert result.status == "evolving"
    assert "provisional" in result.explanation
    # Both stated without reserve, by independent outlets: a dispute.
    s_c = "Attendance was 41,000, the organisers' office said."
    vs[0] = sv("a", s_c, "41,000", 41000, key="count:attendance")
    plain = assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=8), sentence_text=texts(("a", s_c), ("b", s_b)))
    assert plain.status == "conflicting"


def test_a_final_count_marks_the_later_figure():
    s_b = "The final tally of ballots spoiled was 2,310."
    b = sv("b", s_b, "2,310", 2310, key="count:ballot")
    assert _cue_for(b, s_b) == "final tally"
    vs = [val("a", 0, "1,950", 1950, key="count:ballot"), b]
    result = assess(vs, groups_of(["a"], ["b"]), pub(a=0, b=14), sentence_text=texts(("b", s_b)))
    assert result.status == "evolving"


def test_up_from_at_the_end_of_the_clause_marks_the_figure_it_follows():
    s = "The operator ran 45 percent of its regular services on Thursday afternoon, up from Wednesday."
    assert _cue_for(sv("a", s, "45 percent", 45, key="percent:service", type="quantity", unit="%"), s) == "up from"
    # Another figure between: "up from" belongs to it.
    s2 = "The operator ran 45 percent of its services, and 12 extra buses, up from Wednesday."
    assert _cue_for(sv("a", s2, "45 percent", 45, key="percent:service", type="quantity", unit="%"), s2) is None
