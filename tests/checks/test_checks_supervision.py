"""The session 9 check: a supervision contract and development plan, partial credit with reasons,
never raising."""

import pytest

from actionlearning import checks
from actionlearning.checks.supervision import ELEMENT_NAMES, score_supervision_plan

CONTRACT = """\
- We meet for ninety minutes every four weeks while I facilitate my first two sets.
- What I bring stays between us. The one exception: if either of us is worried that someone may be at risk of harm, or about unsafe practice, it is acted on that day through the procedures that apply to us; we talk it through first only where that is safe and causes no delay.
- I bring an episode from my sets and my reflective log, and send a line about what I want a couple of days before.
- Supervision is for developing my skills, for keeping to the standards and contracts I have agreed with sets and sponsors, and for support with what the work stirs up in me.
- My sponsor releases two hours a month for supervision and does not ask what is said. They hear the practical facts: that supervision is taking place, my attendance, my starting stage and any change of stage.
- We review this agreement after three sessions."""

GOALS = [
    {
        "goal": "Stay with silence longer before I speak",
        "action": "Count to ten after each question and note in my log what happened",
        "when": "At each of my next three set meetings",
    },
    {
        "goal": "Hand the running of the process review to the set",
        "action": "Invite a member to lead the process review",
        "when": "By the fourth meeting, in March",
    },
]


def _points(result):
    return {item.item: item.points for item in result.items}


def test_a_full_contract_and_plan_scores_every_element_and_quotes_what_it_found():
    result = score_supervision_plan(CONTRACT, GOALS)
    assert [i.item for i in result.items] == list(ELEMENT_NAMES)
    assert result.points == result.possible == 7
    report = result.report()
    assert "found 'We meet for ninety minutes every four weeks" in report
    assert "all three: formative, normative and restorative in 'Supervision is for" in report
    assert "when 'By the fourth meeting, in March'" in report
    assert "what your sponsor agrees to and what they hear: 'My sponsor releases two hours" in report


def test_the_module_is_reached_through_checks():
    assert checks.supervision.score_supervision_plan(CONTRACT, GOALS).points == 7


@pytest.mark.parametrize(
    "contract, element, points",
    [
        ("We meet monthly for an hour.", "frequency and length", 1),
        ("Ninety-minute sessions, every six weeks.", "frequency and length", 1),
        ("We meet after each set meeting, for 45 minutes.", "frequency and length", 1),
        ("Six sessions over the year, each 1.5 hours.", "frequency and length", 1),
        ("We meet monthly.", "frequency and length", 0.5),
        ("Sessions last two hours.", "frequency and length", 0.5),
        ("We meet when needed.", "frequency and length", 0),
        ("It is confidential unless someone is at risk of harm, in which case we agree together who to tell.",
         "confidentiality and its limits", 1),
        ("What we discuss stays between us. If you have concerns about my practice, you will tell me first.",
         "confidentiality and its limits", 1),
        ("Supervision is confidential unless someone is at risk of harm.", "confidentiality and its limits", 0.5),
        ("Supervision is confidential.", "confidentiality and its limits", 0.5),
        ("If there is a safeguarding concern we follow the procedure.", "confidentiality and its limits", 0.5),
        ("Everything is confidential, no exceptions.", "confidentiality and its limits", 0.25),
        ("We meet monthly.", "confidentiality and its limits", 0),
        ("I bring an episode from one of my sets.", "what you bring", 1),
        ("I set the agenda and send it two days before.", "what you bring", 1),
        ("I will come prepared.", "what you bring", 0.5),
        ("We meet monthly.", "what you bring", 0),
        ("Formative, normative and restorative.", "functions covered", 1),
        ("It helps me learn, keeps me to ethical standards, and looks after my wellbeing.", "functions covered", 1),
        ("It helps me develop and keeps me to good practice.", "functions covered", 0.5),
        ("It is for my development.", "functions covered", 0.25),
        ("It supports my development.", "functions covered", 0.25),
        ("We meet monthly.", "functions covered", 0),
        ("My employer releases my time and never asks what we discuss. They hear only my stage.",
         "the sponsor's part", 1),
        ("Under our three-way contract the programme lead is told my stage and my attendance.",
         "the sponsor's part", 0.5),
        # Drafted from the supervision page's 'What your sponsor hears', as Session 9 suggests.
        ("My line manager releases my time and does not ask what is said. They hear the practical "
         "facts: that supervision is taking place, my attendance, my starting stage and any change "
         "of stage, and nothing of what I bring, my ratings or my reviews.", "the sponsor's part", 1),
        ("My sponsor gives me two hours a month of time for supervision.", "the sponsor's part", 0.5),
        ("The contract is three-way, with my sponsor.", "the sponsor's part", 0.25),
        ("We meet monthly.", "the sponsor's part", 0),
    ],
)
def test_each_contract_element_gives_partial_credit(contract, element, points):
    assert _points(score_supervision_plan(contract, GOALS))[element] == points


@pytest.mark.parametrize(
    "goal, points",
    [
        ({"goal": "Use silence", "action": "Wait ten seconds after each question", "when": "next meeting"}, 1),
        ({"goal": "Use silence", "action": "Ask the set for feedback on my pace", "when": "by 30 June 2027"}, 1),
        ({"goal": "Use silence", "action": "Ask the set for feedback on my pace", "when": "15/06"}, 1),
        ({"goal": "Use silence", "action": "Ask the set for feedback at the next meeting", "when": ""}, 1),
        ({"goal": "Use silence", "action": "Ask the set for feedback on my pace", "when": "soon"}, 0.5),
        ({"goal": "Use silence", "action": "Ask the set for feedback on my pace", "when": ""}, 0.5),
        ({"goal": "Use silence", "action": "Be better at silence", "when": "in April"}, 0.5),
        ({"goal": "Use silence", "action": "", "when": "in April"}, 0.5),
        ({"goal": "Use silence", "action": "work on it", "when": "ongoing"}, 0.25),
        ({"goal": "Use silence", "action": "silence", "when": ""}, 0.25),
        ("Ask a member to lead the process review at my third meeting", 1),
    ],
)
def test_each_goal_needs_an_action_and_a_when(goal, points):
    result = score_supervision_plan(CONTRACT, [goal, GOALS[1]])
    assert _points(result)["development goal 1"] == points


def test_two_goals_are_needed_and_blank_ones_are_not_counted():
    blank = {"goal": "", "action": "", "when": ""}
    report = score_supervision_plan(CONTRACT, [GOALS[0], blank]).report()
    assert "✗ development goal 2: no second goal yet" in report
    assert score_supervision_plan(CONTRACT, GOALS[0]).points == 6  # one goal, not in a list


def test_the_same_goal_twice_counts_once():
    report = score_supervision_plan(CONTRACT, [GOALS[0], dict(GOALS[0])]).report()
    assert "the same goal as goal 1" in report


def test_with_more_than_two_goals_the_two_most_complete_count():
    vague = {"goal": "Be calmer", "action": "work on it", "when": "soon"}
    result = score_supervision_plan(CONTRACT, [vague, *GOALS])
    assert result.points == 7
    assert "the two most complete of your 3 goals count" in result.report()


def test_reasons_say_what_to_consider_adding():
    report = score_supervision_plan("We meet monthly. I want to learn.", []).report()
    assert "for how long will you meet each time?" in report
    assert "what about normative and restorative?" in report
    assert "nothing found on confidentiality" in report
    assert "no development goals yet" in report
    assert "nothing found on your sponsor or employer" in report


@pytest.mark.parametrize("value", [None, "", "   ", 3, ["a", 2], {"x": "y"}, b"bytes", 4.5, [None], [{"goal": 3}]])
def test_malformed_or_empty_answers_score_zero_with_a_reason_and_never_raise(value):
    result = score_supervision_plan(value, value)
    assert result.points <= 0.5 and result.possible == 7
    assert all(item.reason for item in result.items)


def test_the_blank_answer_cell_scores_zero():
    blank = [{"goal": "", "action": "", "when": ""}, {"goal": "", "action": "", "when": ""}]
    assert score_supervision_plan("", blank).points == 0


def test_very_long_input_is_handled_quickly():
    result = score_supervision_plan("we meet monthly for an hour and it is confidential " * 5000, GOALS * 50)
    assert result.points >= 3
