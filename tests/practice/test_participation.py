"""Session 7's participation logic: airtime, shares, the Gini coefficient, flags and the chart."""

import random
import re

import pytest
import yaml

from actionlearning.practice import participation as pa

# --- the log ---------------------------------------------------------------------------------


def test_airtime_from_a_log_adds_each_persons_turns_and_keeps_the_silent():
    log = [("Dev", 30), ("Amara", 45), ("Dev", 15), ("Nadia", 10)]
    seconds = pa.airtime_from_log(log, members=["Nadia", "Dev", "Amara", "Jo"])
    assert seconds == {"Nadia": 10, "Dev": 45, "Amara": 45, "Jo": 0}
    assert list(seconds) == ["Nadia", "Dev", "Amara", "Jo"]  # members first, in their order
    assert pa.turns_from_log(log, ["Nadia", "Dev", "Amara", "Jo"]) == {"Nadia": 1, "Dev": 2, "Amara": 1, "Jo": 0}
    # someone not on the roster is still counted, after the members
    assert pa.airtime_from_log([("Sam", 5)], ["Jo"]) == {"Jo": 0, "Sam": 5}


def test_a_bad_log_names_every_bad_turn():
    with pytest.raises(pa.ParticipationError) as caught:
        pa.airtime_from_log([("Dev", 30), ("Jo",), ("", 4), ("Amara", -5), ("Tom", "long"), ("Sam", True)])
    problems = caught.value.problems
    assert len(problems) == 5
    assert problems[0].startswith("turn 2") and "pair" in problems[0]
    assert problems[1].startswith("turn 3") and "name" in problems[1]
    assert problems[2].startswith("turn 4 (Amara)") and "0 or more" in problems[2]
    assert problems[3].startswith("turn 5 (Tom)")
    assert problems[4].startswith("turn 6 (Sam)")  # True is not a number of seconds
    with pytest.raises(pa.ParticipationError, match="list of"):
        pa.airtime_from_log("Dev 30")


# --- shares and the Gini coefficient ---------------------------------------------------------


def test_shares_are_fractions_that_sum_to_one():
    s = pa.shares({"a": 30, "b": 60, "c": 0, "d": 30})
    assert s == {"a": 0.25, "b": 0.5, "c": 0.0, "d": 0.25}
    assert sum(s.values()) == pytest.approx(1)
    with pytest.raises(pa.ParticipationError, match="nobody has any airtime"):
        pa.shares({"a": 0, "b": 0})
    with pytest.raises(pa.ParticipationError, match="for b"):
        pa.shares({"a": 1, "b": "x"})


# Hand-computed: sum over ordered pairs of |xi - xj|, divided by 2 * n * sum(x).
HAND_WORKED = [
    ([5, 5, 5, 5], 0.0),  # every difference is 0
    ([0, 0, 0, 12], 0.75),  # 6 pairs differ by 12, twice over: 72 / (2 * 4 * 12) = 72 / 96
    ([0, 10], 0.5),  # 20 / 40
    ([1, 2, 3], 2 / 9),  # 2 * (1 + 2 + 1) = 8; 2 * 3 * 6 = 36
    ([3, 0, 2, 1], 5 / 12),  # 2 * (1 + 2 + 3 + 1 + 2 + 1) = 20; 2 * 4 * 6 = 48
    ([1, 1, 4], 1 / 3),  # 2 * (0 + 3 + 3) = 12; 2 * 3 * 6 = 36
    ([2, 4, 6, 8], 0.25),  # 2 * (2+4+6+2+4+2) = 40; 2 * 4 * 20 = 160
]


@pytest.mark.parametrize(("values", "expected"), HAND_WORKED)
def test_gini_matches_hand_worked_values(values, expected):
    assert pa.gini(values) == pytest.approx(expected, abs=1e-12)
    assert pa.gini_by_pairs(values) == pytest.approx(expected, abs=1e-12)


def test_gini_ignores_order_and_unit_and_takes_a_mapping():
    assert pa.gini([30, 60, 90]) == pytest.approx(pa.gini([1 / 6, 1 / 3, 1 / 2]))
    assert pa.gini([90, 30, 60]) == pytest.approx(2 / 9)
    assert pa.gini({"Dev": 1, "Jo": 2, "Tom": 3}) == pytest.approx(2 / 9)


def test_gini_reaches_its_maximum_when_one_voice_has_all_the_time():
    for n in range(1, 12):
        assert pa.gini([0] * (n - 1) + [7]) == pytest.approx(pa.max_gini(n))
    assert pa.max_gini(7) == pytest.approx(6 / 7)


def test_the_single_pass_formula_agrees_with_the_definition():
    rnd = random.Random(7)
    for _ in range(200):
        values = [rnd.choice([0, rnd.uniform(0, 600)]) for _ in range(rnd.randint(1, 12))]
        if sum(values) == 0:
            continue
        assert pa.gini(values) == pytest.approx(pa.gini_by_pairs(values), abs=1e-12)
        assert 0 <= pa.gini(values) <= pa.max_gini(len(values)) + 1e-12


def test_gini_refuses_what_it_cannot_measure():
    with pytest.raises(pa.ParticipationError, match="nobody has any airtime"):
        pa.gini([0, 0, 0])
    with pytest.raises(pa.ParticipationError, match="at least one person"):
        pa.gini([])
    with pytest.raises(pa.ParticipationError):
        pa.gini([1, -2])


# --- a participation and its flags -----------------------------------------------------------


def _kinds(p):
    return {(f.kind, f.person) for f in p.flags}


def test_more_than_a_third_is_flagged_but_exactly_a_third_is_not():
    over = pa.Participation({"A": 35, "B": 30, "C": 35, "F": 0}, facilitator="F")
    assert ("dominant", "A") in _kinds(over) and ("dominant", "C") in _kinds(over)
    third = pa.Participation({"A": 1, "B": 1, "C": 1})
    assert not [f for f in third.flags if f.kind == "dominant"]


def test_the_presenter_is_not_flagged_for_speaking_in_their_own_slot():
    p = pa.Participation({"Pres": 60, "A": 15, "B": 15, "F": 5}, facilitator="F", presenter="Pres")
    assert ("dominant", "Pres") not in _kinds(p)
    q = pa.Participation({"Pres": 60, "A": 15, "B": 15, "F": 5}, facilitator="F")
    assert ("dominant", "Pres") in _kinds(q)


def test_the_facilitator_over_a_tenth_is_flagged_and_at_a_tenth_is_not():
    assert ("facilitator", "F") in _kinds(pa.Participation({"F": 11, "A": 45, "B": 44}, facilitator="F"))
    assert ("facilitator", "F") not in _kinds(pa.Participation({"F": 10, "A": 45, "B": 45}, facilitator="F"))
    # nobody else is held to a tenth
    assert not _kinds(pa.Participation({"A": 30, "B": 30, "C": 40 - 1e-6, "F": 0}, facilitator="F")) - {
        ("dominant", "C")
    }


def test_silent_and_quiet_members_are_flagged_against_the_other_members():
    p = pa.Participation(
        {"F": 2, "Pres": 60, "A": 20, "B": 15, "C": 3, "D": 0}, facilitator="F", presenter="Pres"
    )
    kinds = _kinds(p)
    assert ("silent", "D") in kinds
    # members' airtime is 38; an equal share of it is a quarter; C has 3 / 38, under half of that
    assert ("quiet", "C") in kinds
    assert ("quiet", "B") not in kinds  # 15 / 38 is well over an eighth
    assert not any(person in ("F", "Pres") for kind, person in kinds if kind in ("quiet", "silent"))
    quiet = next(f for f in p.flags if f.kind == "quiet")
    assert "questioners'" in quiet.message and "8%" in quiet.message


def test_a_balanced_set_with_a_quiet_facilitator_has_no_flags():
    p = pa.Participation({"F": 3, "A": 20, "B": 19, "C": 21, "D": 18}, facilitator="F")
    assert p.flags == ()
    assert "No flags" in pa.flags_html(p)


def test_roles_must_be_people_in_the_log():
    with pytest.raises(pa.ParticipationError, match="facilitator 'Zoe'"):
        pa.Participation({"A": 1}, facilitator="Zoe")
    with pytest.raises(pa.ParticipationError, match="different people"):
        pa.Participation({"A": 1, "B": 1}, facilitator="A", presenter="A")
    with pytest.raises(pa.ParticipationError, match="nobody has any airtime"):
        pa.Participation({"A": 0})


def test_from_minutes_and_from_log_agree():
    by_log = pa.Participation.from_log([("A", 90), ("B", 30), ("A", 30)], ["A", "B", "C"], facilitator="B")
    by_minutes = pa.Participation.from_minutes({"A": 2, "B": 0.5, "C": 0}, facilitator="B")
    assert by_log.seconds == by_minutes.seconds and by_log.shares == by_minutes.shares
    assert by_log.turns == {"A": 2, "B": 1, "C": 0}
    assert by_minutes.minutes == {"A": 2, "B": 0.5, "C": 0}


def test_questioners_gini_leaves_out_facilitator_and_presenter():
    p = pa.Participation({"F": 5, "P": 100, "A": 10, "B": 10}, facilitator="F", presenter="P")
    assert p.questioners == ("A", "B") and p.questioners_gini == 0
    assert p.gini > 0.5
    assert pa.Participation({"F": 5, "A": 10}, facilitator="F").questioners_gini is None


def test_summary_text_lists_everyone_largest_first_with_roles_and_flags():
    p = pa.Participation({"F": 30, "P": 120, "A": 60, "B": 0}, facilitator="F", presenter="P")
    text = pa.summary_text(p)
    lines = text.splitlines()
    assert lines[1].strip().startswith("P (presenter): 2.0 min, 57%")
    assert "F (facilitator): 0.5 min, 14%" in text
    assert "Gini coefficient: " in text and "Among the questioners alone" in text
    assert "Flag: The facilitator, F, had 14%" in text and "Flag: B did not speak at all" in text


# --- the chart -------------------------------------------------------------------------------


def test_the_chart_is_plain_html_with_a_row_per_person_largest_first():
    p = pa.Participation({"Nadia": 30, "Amara": 300, "Dev": 120, "Jo": 0}, facilitator="Nadia", presenter="Amara")
    html = pa.bar_chart_html(p, caption="Amara's slot")
    assert "<script" not in html.lower() and "onclick" not in html.lower()
    assert "<caption" in html and "Amara&#x27;s slot" in html
    rows = re.findall(r'<th scope="row"[^>]*>(.*?)</th>', html)
    assert [re.sub(r"<.*", "", r).strip() for r in rows] == ["Amara", "Dev", "Nadia", "Jo"]
    assert "(presenter)" in rows[0] and "(facilitator)" in rows[2]
    assert "&#9873;" in rows[3] and "&#9873;" not in rows[1]  # Jo never spoke: flagged
    # bar widths are shares over a common scale: Amara's is the longest, Jo's is zero
    widths = [float(w) for w in re.findall(r"height:100%;width:([\d.]+)%", html)]
    assert widths[0] == max(widths) and widths[3] == 0 and widths[0] < 100
    assert "5.0 min" in html and "67%" in html and "Gini 0." in html


def test_the_chart_escapes_names():
    p = pa.Participation({"<b>Dev</b>": 10, "Jo & co": 5})
    html = pa.bar_chart_html(p)
    assert "<b>Dev</b>" not in html and "&lt;b&gt;Dev&lt;/b&gt;" in html and "Jo &amp; co" in html


def test_the_chart_can_keep_the_given_order():
    p = pa.Participation({"A": 1, "B": 5})
    rows = re.findall(r'<th scope="row"[^>]*>([^<]*)', pa.bar_chart_html(p, sort=False))
    assert [r.strip() for r in rows] == ["A", "B"]


# --- the simulated meetings ------------------------------------------------------------------


def test_every_packaged_meeting_loads_and_reads_true():
    meetings = pa.load_meetings()
    assert len(meetings) >= 4 and len({m.id for m in meetings}) == len(meetings)
    for m in meetings:
        p = m.participation
        assert len(m.log) >= 20, m.id
        assert set(p.people) == set(m.members) and m.facilitator in m.members
        assert all(seconds % 5 == 0 for _speaker, seconds in m.log), m.id
        assert 10 <= p.total_seconds / 60 <= 40, m.id
        assert len(m.notice) >= 2 and all(q.endswith("?") or q.endswith(".") for q in m.notice)
        assert "TODO" not in m.setting and m.setting.endswith(".")
        pa.bar_chart_html(p)  # renders


def test_the_meetings_show_different_patterns():
    by_id = {m.id: m.participation for m in pa.load_meetings()}
    assert ("facilitator", "Grace") in _kinds(by_id["first-meeting"])  # the widget's first state
    assert ("dominant", "Martin") in _kinds(by_id["two-voices"]) and ("silent", "Tunde") in _kinds(by_id["two-voices"])
    pairing = by_id["pairing"]
    assert pairing.shares["Niamh"] < min(pairing.shares["Ravi"], pairing.shares["Erin"])
    working = by_id["a-working-set"]
    assert working.flags == () and working.questioners_gini < 0.15 < working.gini
    amara = by_id["amaras-slot"]
    assert ("quiet", "Jo") in _kinds(amara) and amara.shares["Nadia"] < 0.1


def test_a_worked_example_chart_for_the_book():
    html = pa.chart("amaras-slot")
    assert "Amara&#x27;s slot" in html and "Jo" in html
    with pytest.raises(KeyError, match="known simulated meetings: first-meeting"):
        pa.meeting("no-such-meeting")


def test_a_malformed_meetings_file_names_meeting_field_and_turn():
    data = yaml.safe_load(
        """
meetings:
  - id: one
    title: One
    setting: A setting.
    segment: a slot
    facilitator: Zed
    presenter: A
    members: [A, B, A]
    log: [[A, 30], [C, 10], [B, 0], [B]]
    notice: ["Why?"]
  - id: one
    title: Two
  - just text
"""
    )
    with pytest.raises(pa.ParticipationError) as caught:
        pa.parse_meetings(data, "test.yaml")
    text = str(caught.value)
    assert "meeting 1 (one): a member is listed twice" in text
    assert "meeting 1 (one): the facilitator 'Zed' is not in members" in text
    assert "log turn 2" in text and "log turn 3" in text and "log turn 4" in text
    assert "meeting 2 (one): missing setting, segment, facilitator, members, log, notice" in text
    assert "meeting 3: expected a mapping" in text
    with pytest.raises(pa.ParticipationError, match="top-level 'meetings:'"):
        pa.parse_meetings([], "test.yaml")
    with pytest.raises(pa.ParticipationError, match="no meetings"):
        pa.parse_meetings({"meetings": []}, "test.yaml")
