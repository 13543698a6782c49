"""The logic of session 3's airtime planner: designs, plans, slot parts and the review."""

import pytest

from actionlearning.practice import airtime
from actionlearning.practice.airtime import MeetingDesign, PlanError, plan_meeting


def codes(plan):
    return {f.code for f in plan.findings}


def test_the_default_is_the_curriculums_workable_day_and_raises_no_warning():
    plan = plan_meeting()
    assert [(b.stage, b.minutes) for b in plan.blocks] == [
        ("check-in", 15), ("updates", 20), ("bidding", 10), ("slot", 35), ("break", 10),
        ("slot", 35), ("slot", 35), ("process review", 10), ("check-out", 10),
    ]
    assert plan.allocated == 180 and plan.overrun == plan.unallocated == 0
    assert plan.warnings == ()
    assert codes(plan) == {"rotation"}  # three of nine present: a note, not a warning
    assert [r[0] for r in plan.rows()][:4] == ["0:00", "0:15", "0:35", "0:45"]
    assert plan.blocks[-1].end == 180


@pytest.mark.parametrize("preset", list(airtime.PRESETS.values()))
def test_both_presets_fill_the_day_without_warnings(preset):
    plan = plan_meeting(preset)
    assert plan.allocated == 180 and not plan.warnings
    assert all(b.minutes >= airtime.GOOD_SLOT for b in plan.slots)


def test_the_break_falls_at_the_slot_boundary_nearest_mid_meeting():
    three = [b.stage for b in plan_meeting().blocks]
    assert three.index("break") == 4  # after the first of three slots (1:20)
    four = plan_meeting(airtime.PRESETS["Workable day: four slots of 28"])
    assert [b.stage for b in four.blocks].index("break") == 5  # after the second of four
    assert [b.stage for b in plan_meeting(presenters=0).blocks][3] == "break"  # after bidding


@pytest.mark.parametrize("minutes", [0, 1, 9, 10, 20, 25, 28, 35, 40, 60, 90])
def test_a_slot_splits_into_its_parts_in_whole_minutes_that_add_up(minutes):
    parts = dict(airtime.split_slot(minutes))
    assert tuple(parts) == airtime.SLOT_PARTS
    assert sum(parts.values()) == minutes
    assert parts["presentation"] <= airtime.MAX_PRESENTATION
    if minutes >= 20:
        assert parts["exploratory"] == max(parts.values())  # the heart of a slot
        assert all(parts.values())


def test_the_slot_split_for_the_workable_day():
    assert airtime.split_slot(35) == (
        ("presentation", 5), ("clarifying", 5), ("exploratory", 16), ("summary", 4), ("actions", 5)
    )
    slot = plan_meeting().slots[0]
    parts = slot.part_blocks()
    assert [p.start for p in parts] == [45, 50, 55, 71, 75] and parts[-1].end == slot.end
    assert "Exploratory questions 16" in slot.what_happens


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"slot": 19}, "short-slot"),
        ({"slot": 22}, "tight-slot"),
        ({"process_review": 0, "check_out": 20}, "no-process-review"),
        ({"check_out": 0, "process_review": 20}, "no-check-out"),
        ({"slot": 40}, "overrun"),
        ({"slot": 30}, "unallocated"),
        ({"check_in": 10, "updates": 25}, "short-check-in"),
        ({"members": 2, "check_in": 15}, "too-many-presenters"),
        ({"presenters": 0}, "no-slots"),
        ({"break_minutes": 0, "updates": 30}, "no-break"),
        ({"updates": 0, "check_in": 35}, "no-updates"),
    ],
)
def test_each_rule_of_thumb_is_reported(changes, code):
    plan = plan_meeting(**changes)
    assert code in codes(plan), plan.to_text()


def test_warnings_say_how_much_and_what_to_do():
    over = plan_meeting(slot=40)
    assert over.overrun == 15
    message = next(f.message for f in over.findings if f.code == "overrun")
    assert "15 minutes over" in message and "Shorten" in message
    spare = plan_meeting(slot=30)
    assert spare.unallocated == 15 and "15 minutes are unallocated" in spare.to_text()
    assert "1 minute is unallocated" in plan_meeting(slot=34, updates=22).to_text()
    assert "runs 1 minute over" in plan_meeting(updates=21).to_text()
    short = plan_meeting(members=10, check_in=12, updates=23)
    assert "(15 minutes)" in next(f.message for f in short.findings if f.code == "short-check-in")
    assert [f.severity for f in plan_meeting(slot=22, process_review=0, check_out=35).findings][:2] == [
        "warning", "warning",
    ]  # warnings before notes


def test_check_in_allows_a_minute_and_a_half_per_member():
    assert [airtime.check_in_minutes(n) for n in (8, 9, 10, 12)] == [12, 14, 15, 18]


def test_the_arithmetic_helpers():
    assert airtime.max_presenters(100, 25) == 4
    assert airtime.max_presenters(100, 35) == 2
    assert airtime.max_presenters(-5) == 0
    assert airtime.equal_slot(100, 3) == 33 and airtime.equal_slot(100, 0) == 0
    assert airtime.meetings_to_rotate(9, 3) == 3 and airtime.meetings_to_rotate(10, 4) == 3
    with pytest.raises(PlanError, match="use 1 or more"):
        airtime.meetings_to_rotate(9, 0)
    with pytest.raises(PlanError, match="positive"):
        airtime.max_presenters(100, 0)
    filled = airtime.fill_slots(MeetingDesign(presenters=4))
    assert (filled.slot, filled.process_review) == (26, 11)  # the odd minute goes to the review
    assert plan_meeting(filled).allocated == 180
    assert airtime.fill_slots(MeetingDesign(presenters=2, check_in=170)).slot == 35  # no time left
    assert airtime.fill_slots(MeetingDesign(presenters=0)).slot == 35
    assert airtime.clock(0) == "0:00" and airtime.clock(185) == "3:05"


def test_a_bad_design_names_every_problem_and_what_to_do():
    with pytest.raises(PlanError) as caught:
        MeetingDesign(members="9", presenters=True, slot=-1, check_out=3.5).validate()
    problems = caught.value.problems
    assert len(problems) == 4
    assert problems[0].startswith("Members: expected a whole number from 1 to 20, got '9' (str)")
    assert "Presenters: expected a whole number" in problems[1] and "(bool)" in problems[1]
    assert "Minutes per presenter slot (slot): -1 is outside 0 to 180" in problems[2]
    assert "such as 35" in problems[2]
    assert "Check-out minutes (check_out)" in problems[3]
    with pytest.raises(PlanError, match="outside 1 to 20"):
        plan_meeting(members=0)


@pytest.mark.parametrize(
    "name, stage",
    [
        ("Check-in", "check-in"), ("check out", "check-out"), ("Closing round", "check-out"),
        ("Updates on actions", "updates"), ("bidding for time", "bidding"), ("Tea break", "break"),
        ("Process review", "process review"), ("learning review", "process review"),
        ("Slot 2: Dev", "slot"), ("presenter 3", "slot"), ("lunch", "break"), ("time-out", "process review"),
        ("something else", None), (3, None),
    ],
)
def test_block_names_are_read_generously(name, stage):
    assert airtime.stage_of(name) == stage


def test_a_block_of_zero_minutes_is_left_out():
    assert [b.stage for b in airtime.read_plan([("check-in", 15), ("bidding", 0), ("slot", 30)])] == ["check-in", "slot"]


def test_a_hand_written_plan_is_read_timed_and_reviewed():
    plan = airtime.review_plan(
        {"check-in": 15, "updates": 20, "bids": 10, "Slot 1": 35, "break": 10, "Slot 2": 35,
         "Slot 3": 35, "process review": 10.0, "check-out": 10},
        members=9,
    )
    assert plan.allocated == 180 and not plan.warnings
    assert plan.slots[1].label == "Slot 2" and plan.slots[1].start == 90


@pytest.mark.parametrize(
    "plan, fragment",
    [
        (None, "the plan is a NoneType; write it as a list of (block, minutes) pairs"),
        ("check-in 15", "the plan is a str"),
        ([], "the plan is empty"),
        ([("check-in", 15), ("networking", 5)], "block 2 ('networking'): not a stage"),
        ([("check-in", "15")], "block 1 ('check-in'): minutes should be a whole number"),
        ([("check-in", -5)], "-5 minutes; give each block 0 to 180 minutes"),
        ([("check-in", 15, "x")], "block 1: ('check-in', 15, 'x') is not a (block, minutes) pair"),
    ],
)
def test_an_unreadable_plan_says_where_and_what_to_do(plan, fragment):
    with pytest.raises(PlanError) as caught:
        airtime.read_plan(plan)
    assert fragment in str(caught.value)


def test_order_problems_are_sentences():
    blocks = airtime.read_plan([("bidding", 10), ("slot", 30), ("updates", 10), ("process review", 5),
                                ("slot", 30), ("check-in", 10), ("check-in", 5)])
    problems = airtime.sequence_problems(blocks)
    assert "It opens with bidding: a check-in first brings everyone in." in problems
    assert any(p.startswith("It ends with check-in") for p in problems)
    assert any(p.startswith("Updates come after the first presenter slot") for p in problems)
    assert any(p.startswith("The process review comes before the last slot") for p in problems)
    assert "Check-in appears 2 times: once is usual." in problems
    assert airtime.sequence_problems(plan_meeting().blocks) == []
    assert airtime.sequence_problems(()) == ["The plan has no blocks."]


def test_a_rotation_counts_airtime_per_member():
    members = ("Ann", "Bo", "Cy")
    rotation = airtime.read_rotation({"meeting 1": ["ann", " Bo "], 2: ["Ann"]}, members, 3)
    assert rotation.meetings == {1: ("Ann", "Bo"), 2: ("Ann",), 3: ()}
    assert rotation.counts(members) == {"Ann": 2, "Bo": 1, "Cy": 0}
    assert rotation.meeting_of("Ann") == [1, 2]


@pytest.mark.parametrize(
    "rotation, fragment",
    [
        (["Ann"], "the rotation is a list; write it as a dictionary"),
        ({4: ["Ann"]}, "meeting 4: use the meeting numbers 1 to 3"),
        ({"first": ["Ann"]}, "meeting 'first': use the meeting numbers"),
        ({1: "Ann"}, "meeting 1: expected a list of names"),
        ({1: ["Zed"]}, "meeting 1: 'Zed' is not a member of this set; members are Ann, Bo, Cy"),
    ],
)
def test_an_unreadable_rotation_says_what_to_do(rotation, fragment):
    with pytest.raises(PlanError) as caught:
        airtime.read_rotation(rotation, ("Ann", "Bo", "Cy"), 3)
    assert fragment in str(caught.value)


def test_the_logic_imports_no_widgets():
    import subprocess
    import sys

    code = "import sys, actionlearning.practice.airtime; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
