"""The training meetings' timed plans: every programme's plans keep the course's own rules of
thumb, and a plan that breaks one is named with the rule."""

import dataclasses

import pytest

from actionlearning.course.plans import (
    Block,
    Plan,
    PlanError,
    _parse_plan,
    breaches,
    meeting_plans,
    plan,
    plan_table,
    rule_breaches,
)
from actionlearning.course.programme import MEETING_COUNTS, load_programme
from tests.conftest import REPO


@pytest.mark.parametrize("count", MEETING_COUNTS)
def test_every_programme_keeps_the_rules(count):
    assert rule_breaches(count) == []


@pytest.mark.parametrize("count", MEETING_COUNTS)
def test_each_variant_meeting_has_one_length_and_covers_the_programme(count):
    plans = meeting_plans(count)
    assert [p.sessions for p in plans] == [
        tuple(s.number for s in m.sessions) for m in load_programme().meetings(count)
    ]
    assert len({p.minutes for p in plans}) == 1
    assert all(sum(b.minutes for b in p.blocks) == p.minutes for p in plans)


def test_the_nine_sessions_are_three_hours_and_everyone_leads_a_slot_as_the_programme_page_says():
    plans = meeting_plans(9)
    assert {p.minutes for p in plans} == {180}
    slots = sum(len(p.of_kind("slot")) for p in plans)
    assert slots >= max(load_programme().group_size), f"{slots} trainee-facilitated slots"
    led = [p.sessions[0] for p in plans if p.of_kind("contracting")]
    words = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    page = (REPO / "book" / "programme.md").read_text("utf-8")
    page = " ".join(page.split())
    assert f"there are {words[slots - 10]} trainee-facilitated presenter slots" in page
    assert f"Sessions {', '.join(map(str, led[:-1]))} and {led[-1]}" in page


def _good() -> Plan:
    blocks = [
        Block(15, "check-in", "Check-in", "A round."),
        Block(15, "input", "Input", "Ideas.", ("A", "B")),
        Block(30, "demonstration", "Demonstration", "The trainer facilitates."),
        Block(10, "debrief", "Debrief", "Facilitator first."),
        Block(30, "slot", "Slot", "A trainee facilitates, with a co-facilitator keeping time."),
        Block(10, "debrief", "Debrief", "Facilitator first."),
        Block(15, "readiness-review", "Readiness", "In threes."),
        Block(15, "process-review", "Process review", "What helped?"),
        Block(20, "ending", "Ending", "Appreciations."),
    ]
    return Plan("session-01", sum(b.minutes for b in blocks), (1,), ("framing", "silence"), tuple(blocks))


def test_a_plan_keeping_every_rule_has_no_breaches():
    assert breaches((_good(),), group=10) == []


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        (lambda b: b[:3] + b[4:], "'Demonstration' is not followed directly by a debrief"),
        (lambda b: [dataclasses.replace(b[0], minutes=10)] + b[1:], "the check-in has 10 minutes"),
        (lambda b: [b[0], dataclasses.replace(b[1], frameworks=("A", "B", "C"))] + b[2:], "carries 3 frameworks"),
        (lambda b: [b[0], dataclasses.replace(b[1], minutes=12)] + b[2:], "carries 2 frameworks in 12 minutes"),
        (lambda b: b[:4] + b[6:], "the last meeting needs at least one trainee-facilitated slot"),
        (lambda b: b[:2] + b[4:6] + b[2:4] + b[6:], "demonstration before any trainee's slot"),
        (lambda b: b[:6] + b[7:], "the last meeting needs a readiness review"),
        (lambda b: b[:7] + b[8:], "the process review has less than 15 minutes"),
        (lambda b: b[:8] + [dataclasses.replace(b[8], minutes=10)], "ending needs at least 20 minutes"),
        (lambda b: b[:8], "no check-out or ending"),
        (lambda b: b[:4] + [dataclasses.replace(b[4], what="A trainee facilitates.")] + b[5:],
         "'Slot' does not say what its co-facilitator does"),
    ],
)
def test_each_rule_names_its_breach(change, rule):
    good = _good()
    bad = dataclasses.replace(good, blocks=tuple(change(list(good.blocks))))
    assert any(rule in message for message in breaches((bad,), group=10)), breaches((bad,), group=10)


def test_a_later_meeting_without_updates_is_named():
    first, second = _good(), dataclasses.replace(_good(), name="session-02")
    assert "session-02: no updates block" in " ".join(breaches((first, second), group=10))


def test_a_malformed_plan_names_the_file_the_block_and_the_fault():
    raw = {
        "observe": ["framing", "charisma"],
        "blocks": [
            {"minutes": 15, "kind": "check-in", "title": "Check-in", "what": "A round."},
            {"minutes": 20, "kind": "lecture", "title": "Talk", "what": "Slides."},
            {"minutes": 20, "kind": "skills", "title": "Pairs", "what": "Practice.", "frameworks": ["A"]},
            {"kind": "break", "title": "Break"},
        ],
    }
    with pytest.raises(PlanError) as caught:
        _parse_plan(raw, "session-02", "plans/session-02.yaml", (2,), 180)
    message = str(caught.value)
    assert "plans/session-02.yaml: observe must name 2 or 3 competences" in message
    assert "block 2: kind 'lecture' is not one of" in message
    assert "block 3: only input blocks name frameworks" in message
    assert "block 4: each block needs minutes, kind, title and what" in message


def test_blocks_that_do_not_fill_the_meeting_are_refused():
    raw = {"observe": ["framing", "silence"], "blocks": [{"minutes": 15, "kind": "check-in", "title": "C", "what": "W"}]}
    with pytest.raises(PlanError, match="add up to 15 minutes, not the meeting's 180"):
        _parse_plan(raw, "session-02", "plans/session-02.yaml", (2,), 180)


def test_the_table_computes_start_times_and_escapes_pipes():
    good = _good()
    good = dataclasses.replace(good, blocks=(dataclasses.replace(good.blocks[0], what="a | b"),) + good.blocks[1:])
    table = plan_table(good).splitlines()
    assert table[2].startswith("| 0:00 | 15 | Check-in | a \\| b |")
    assert table[4].startswith("| 0:30 | 30 | Demonstration |")
    assert plan("session-03").name == "session-03"
    with pytest.raises(KeyError, match="six-meeting N"):
        plan("session-10")
