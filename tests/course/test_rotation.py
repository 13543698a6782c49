"""The presenter rotation for a graduate's own set: fair counts, no back-to-back turns that could be
avoided, turns spread out, and bad input refused with a message saying what is allowed.

Every property is checked from the rotation's meetings themselves, not from its own summary."""

import itertools
import math

import pytest

from actionlearning.course.rotation import (
    MAX_SLOTS,
    rotation,
    rotation_table,
    summary_table,
    unavoidable_back_to_back,
)

COMBINATIONS = list(itertools.product(range(5, 13), (3, 6, 9), (2, 3)))


def _counts(r):
    presented = [m for meeting in r.presenters for m in meeting]
    return [presented.count(m) for m in range(1, r.members + 1)]


def _back_to_back(r):
    return sum(len(set(a) & set(b)) for a, b in itertools.pairwise(r.presenters))


def test_all_forty_eight_combinations_are_covered():
    assert len(COMBINATIONS) == 8 * 3 * 2


@pytest.mark.parametrize(("members", "meetings", "slots"), COMBINATIONS)
def test_every_meeting_fills_its_slots_with_different_members(members, meetings, slots):
    r = rotation(members, meetings, slots)
    assert len(r.presenters) == meetings
    for meeting in r.presenters:
        assert len(meeting) == slots
        assert len(set(meeting)) == slots, f"a member presents twice in one meeting: {meeting}"
        assert set(meeting) <= set(range(1, members + 1))


@pytest.mark.parametrize(("members", "meetings", "slots"), COMBINATIONS)
def test_counts_are_fair_to_within_one(members, meetings, slots):
    r = rotation(members, meetings, slots)
    counts = _counts(r)
    total = meetings * slots
    assert sum(counts) == total
    assert max(counts) - min(counts) <= 1
    assert min(counts) == total // members and max(counts) == math.ceil(total / members)


@pytest.mark.parametrize(("members", "meetings", "slots"), [c for c in COMBINATIONS if c[0] >= 2 * c[2]])
def test_nobody_presents_in_two_consecutive_meetings(members, meetings, slots):
    # With at least twice as many members as slots, back-to-back turns can always be avoided.
    r = rotation(members, meetings, slots)
    assert _back_to_back(r) == 0
    for m in range(1, members + 1):
        turns = r.turns(m)
        assert all(b - a >= 2 for a, b in itertools.pairwise(turns)), f"member {m}: {turns}"


@pytest.mark.parametrize(("members", "meetings", "slots"), COMBINATIONS)
def test_turns_are_spread_out_evenly(members, meetings, slots):
    r = rotation(members, meetings, slots)
    allowed = {members // slots, math.ceil(members / slots)}
    for m in range(1, members + 1):
        turns = r.turns(m)
        assert {b - a for a, b in itertools.pairwise(turns)} <= allowed, f"member {m}: {turns}"


@pytest.mark.parametrize(("members", "meetings", "slots"), COMBINATIONS)
def test_the_summary_agrees_with_the_rotation(members, meetings, slots):
    r = rotation(members, meetings, slots)
    s = r.summary()
    counts = _counts(r)
    assert s.slots == meetings * slots
    assert (s.fewest, s.most) == (min(counts), max(counts))
    assert s.with_most == counts.count(max(counts))
    assert s.never == counts.count(0)
    assert s.back_to_back == _back_to_back(r) == s.unavoidable
    assert (s.unavoidable == 0) == (members >= 2 * slots or meetings == 1)
    gaps = [b - a for m in range(1, members + 1) for a, b in itertools.pairwise(r.turns(m))]
    assert s.shortest_gap == (min(gaps) if gaps else None)


@pytest.mark.parametrize(("members", "slots"), [(8, 5), (8, 6), (9, 5), (10, 6), (11, 6)])
@pytest.mark.parametrize("meetings", (3, 6, 9))
def test_when_back_to_back_cannot_be_avoided_there_are_as_few_as_possible(members, meetings, slots):
    # Two meetings need 2 * slots presenters from the members: at least 2 * slots - members
    # of them present in both. The rotation has exactly that many, and counts stay fair.
    r = rotation(members, meetings, slots)
    least = (2 * slots - members) * (meetings - 1)
    assert least > 0
    assert _back_to_back(r) == least == unavoidable_back_to_back(members, meetings, slots)
    assert max(_counts(r)) - min(_counts(r)) <= 1


def test_twelve_members_over_three_meetings_share_nine_slots():
    s = rotation(12, 3, 3).summary()
    assert (s.slots, s.fewest, s.most, s.never) == (9, 0, 1, 3)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((4, 6, 3), "members must be a whole number from 5 to 12, the sets this handbook"),
        ((4, 6, 3), "plans for, not 4"),
        ((13, 6, 3), "not 13 (a larger set is better split into two)"),
        ((10.0, 6, 3), "members must be a whole number from 5 to 12"),
        (("10", 6, 3), "not '10'"),
        ((True, 6, 3), "members must be a whole number"),
        ((10, 4, 3), "meetings must be 3, 6 or 9, the lengths of series this handbook plans for"),
        ((10, 4, 3), "not 4"),
        ((10, 0, 3), "meetings must be 3, 6 or 9"),
        ((10, None, 3), "meetings must be 3, 6 or 9"),
        ((10, 6, 0), "slots must be a whole number of presenter slots a meeting from 1 to 6"),
        ((10, 6, 0), "not 0: six slots of 20 minutes"),
        ((10, 6, -2), "slots must be a whole number"),
        ((10, 6, MAX_SLOTS + 1), f"not {MAX_SLOTS + 1}"),
        ((10, 6, 2.5), "not 2.5"),
    ],
)
def test_bad_input_is_refused_with_a_message(args, message):
    with pytest.raises(ValueError) as caught:
        rotation(*args)
    assert message in str(caught.value)


def test_a_member_outside_the_set_has_no_turns_to_ask_about():
    with pytest.raises(ValueError, match="member must be from 1 to 10, not 11"):
        rotation(10, 6, 3).turns(11)


def test_the_tables_for_the_handbook():
    summary = summary_table([rotation(12, 3, 3), rotation(10, 6, 3)]).splitlines()
    assert summary[0].startswith("| Members | Meetings | Slots a meeting | Slots in all |")
    assert summary[2] == "| 12 | 3 | 3 | 9 | 0 or 1 (9 have 1) | 3 | one turn at most |"
    assert summary[3] == "| 10 | 6 | 3 | 18 | 1 or 2 (8 have 2) | 0 | 3 meetings apart |"
    grid = rotation_table(rotation(10, 6, 3)).splitlines()
    assert grid[0] == "| Member | 1 | 2 | 3 | 4 | 5 | 6 | Presentations |"
    assert len(grid) == 2 + 10
    assert grid[2] == "| A | ● |  |  | ● |  |  | 2 |"
    assert sum(line.count("●") for line in grid) == 18
