"""Session 6's checks: action statements with an owner, a concrete verb, a time and a commitment,
and the facilitator's questions that draw such an action out without supplying it."""

import pytest

from actionlearning import checks
from actionlearning.checks.actions import (
    commitment_item,
    owner_item,
    score_action,
    score_action_questions,
    score_actions,
    verb_item,
    when_item,
)

ITEMS = "abc"
GOOD = {
    "a": {"action": "I will phone the chair of trustees on Monday and ask for time at the "
                    "board on 14 March.", "commitment": 7},
    "b": {"action": "I'll meet the nurse, just the two of us, before the next meeting.",
          "commitment": 6},
    "c": {"action": "I'm going to ask three families what they want from the hub within two weeks.",
          "commitment": "8/10"},
}


def points(results):
    return {r.item.split(", ")[1]: r.points for r in results}


def test_good_actions_earn_every_point_with_a_reason_each():
    result = score_actions(GOOD, ITEMS)
    assert (result.points, result.possible) == (12, 12)
    assert len(result.items) == 12 and all(i.reason for i in result.items)
    assert "'phone': something someone could see you do" in result.report()
    assert "'before the next meeting' gives a time" in result.report()


@pytest.mark.parametrize(
    "text, score, fragment",
    [
        ("I will email Jo by Friday", 1, "first person"),
        ("I'll ask the heads on Tuesday", 1, "first person"),
        ("Dev and I will meet the heads on Tuesday", 1, "first person"),
        ("We will email the heads by Friday", 0.5, "'we' shares the action"),
        ("Email the heads by Friday", 0.5, "a to-do note"),
        ("Dev will email the heads by Friday", 0, "'Dev will'"),
        ("Someone should present it to the board", 0, "'Someone'"),
        ("Comms to be sorted before the launch", 0, "'to be sorted'"),
        ("The trustees need to be told about the proposal", 0, "'The trustees need to'"),
        ("Present i-THRIVE to the board", 0.5, "a to-do note"),  # "i-THRIVE" is not "I"
        ("Someone should present i-THRIVE to the board", 0, "'Someone'"),
        ("The hub, the launch, the comms", 0, "I can't see who"),
    ],
)
def test_owner(text, score, fragment):
    item = owner_item(text, "a")
    assert item.points == score, item.reason
    assert fragment in item.reason


@pytest.mark.parametrize(
    "text, score, fragment",
    [
        ("I will phone Jo on Monday", 1, "'phone'"),
        ("I'll be meeting the heads on Monday", 1, "'be meeting'"),
        ("I'll be at the heads' forum on Thursday", 1, "'be at'"),
        ("I will find out from the ICB by Friday", 1, "'find out'"),
        ("I emailed them", 1, "'emailed'"),
        ("I'll have a word with Jo on Friday", 1, "I read 'have'"),  # benefit of the doubt
        ("Thursday's team meeting: ask them what the hub is for", 1, "'ask'"),
        ("I'll try to meet Jo before the next meeting", 0.5, "'try' leaves a way out"),
        ("I might ring the heads on Monday", 0.5, "'might' leaves a way out"),
        ("I'll maybe ring the heads on Monday", 0.5, "'maybe' leaves a way out"),
        ("I'll ask families what they want by Friday", 1, "'ask'"),  # "want" is not a hedge here
        ("I'll ring Jo on 3 May", 1, "'ring'"),  # nor is the month of May
        ("Someone should present it", 0.5, "'should' leaves a way out"),
        ("I will think about the families", 0, "'think about'"),
        ("I'll look into the data by Friday", 0, "'look into'"),
        ("I will start thinking about it", 0, "'start thinking'"),
        ("I'll have a think about it", 0, "'have a think'"),
        ("I will improve communication with schools", 0, "'improve'"),
        ("I'll sort out the rota", 0, "'sort out'"),
        ("I will", 0, "I can't find what you will do"),
        ("The launch, before Easter", 0, "I can't find what you will do"),
    ],
)
def test_verb(text, score, fragment):
    item = verb_item(text, "a")
    assert item.points == score, item.reason
    assert fragment in item.reason


@pytest.mark.parametrize(
    "text, score, fragment",
    [
        ("I will email Jo by Friday", 1, "'Friday'"),
        ("I'll ring her before the next meeting", 1, "'before the next meeting'"),
        ("I will ring her before we next meet", 1, "'before we next meet'"),
        ("I'll meet them on 12 March", 1, "'12 March'"),
        ("I'll meet them on March 12th", 1, "'March 12th'"),
        ("I'll meet them on 12/03", 1, "'12/03'"),
        ("I'll meet them on the 14th", 1, "'the 14th'"),
        ("I'll write it up within two weeks", 1, "'within two weeks'"),
        ("I'll write it up in the next fortnight", 1, "'in the next fortnight'"),
        ("I'll write it up this week", 1, "'this week'"),
        ("I'll write it up by the end of the month", 1, "end of the month"),
        ("I'll ring them tomorrow", 1, "'tomorrow'"),
        ("I'll write a paper for the board", 1, "'for the board'"),
        ("I'll email them before the launch", 1, "'before the launch'"),
        ("I will email them soon", 0, "'soon' is a hope"),
        ("I will email them at some point", 0, "'at some point' is a hope"),
        ("I will email them when I get a chance", 0, "is a hope"),
        ("I will email them before I speak to Hamid", 0.5, "'before I speak to Hamid'"),
        ("I will email them", 0, "no date or time frame"),
    ],
)
def test_when(text, score, fragment):
    item = when_item(text, "a")
    assert item.points == score, item.reason
    assert fragment in item.reason


@pytest.mark.parametrize(
    "value, score, fragment",
    [
        (7, 1, "7 out of 10"),
        (7.5, 1, "7.5 out of 10"),
        ("7", 1, "7 out of 10"),
        ("7/10", 1, "7 out of 10"),
        ("7 out of 10", 1, "7 out of 10"),
        ("seven", 1, "7 out of 10"),
        ("about 6", 1, "6 out of 10"),
        (3, 1, "honest"),
        (10, 1, "a ten"),
        (None, 0, "no commitment yet"),
        ("", 0, "no commitment yet"),
        ("yes", 0, "'yes' is easy to say"),
        ("Definitely!", 0, "easy to say"),
        (0, 0, "off the scale"),
        (11, 0, "off the scale"),
        (-3, 0, "off the scale"),
        (True, 0, "found bool"),
        (float("nan"), 0, "found float"),
        ([7], 0, "found list"),
        ("quite a lot really, given everything", 0, "expected a number"),
    ],
)
def test_commitment(value, score, fragment):
    item = commitment_item(value, "a")
    assert item.points == score, item.reason
    assert fragment in item.reason


def test_the_shapes_a_trainee_might_use_are_all_read():
    text = "I will email the heads by Friday"
    for answer in (
        {"action": text, "commitment": 8},
        {"Action": text, "How committed": "8"},
        (text, 8),
        [text, "8/10"],
        text + ". Commitment 8/10",
        text + " (8 out of 10)",
    ):
        assert sum(r.points for r in score_action(answer, "a")) == 4, answer


def test_a_commitment_inside_the_text_is_not_read_as_a_date():
    results = score_action("I will email the heads, commitment 7/10", "a")
    assert points(results) == {"owner": 1, "verb": 1, "when": 0, "commitment": 1}


def test_a_vague_action_earns_little_and_says_what_to_add():
    results = score_action(
        {"action": "I should probably think about talking to the nurse at some point.", "commitment": "yes"},
        "b",
    )
    assert points(results) == {"owner": 1, "verb": 0.5, "when": 0, "commitment": 0}
    assert all(r.item.startswith("b, ") for r in results)


@pytest.mark.parametrize(
    "actions",
    [None, "I will email Jo", 42, ["a"], {}, {"a": None, "b": "", "c": {}},
     {"a": 5, "b": [], "c": {"action": None, "commitment": None}}],
)
def test_unreadable_or_blank_answers_score_zero_with_reasons_and_never_raise(actions):
    result = score_actions(actions, ITEMS)
    assert result.points == 0 and result.possible == 12
    assert all(i.reason for i in result.items)


def test_odd_text_never_raises():
    for text in ("?", "!!!", "🙂", "a" * 50_000, "I " * 20_000, "\x00I will\u202e", "by " * 5000,
                 "I will " + "really " * 3000 + "ask", "1/10 " * 3000, "I'll ring on 99/99/9999"):
        for r in score_action({"action": text, "commitment": text}, "a"):
            assert 0 <= r.points <= 1 and r.reason


def test_odd_objects_never_raise():
    class Weird:
        def __str__(self):
            raise RuntimeError("no")

    for answer in (Weird(), {"action": Weird(), "commitment": Weird()}, {Weird(): 1}, (None,), ()):
        for r in score_action(answer, "a"):
            assert r.points == 0 and r.reason


def test_extra_items_are_ignored_and_said_so():
    result = score_actions(dict(GOOD, z={"action": "I will ask", "commitment": 5}), ITEMS)
    assert result.points == 12 and result.possible == 12
    assert "z: not an item in this exercise" in result.report()


def test_the_self_check_gives_partial_credit_with_reasons():
    answers = dict(GOOD, c={"action": "I'll think about it", "commitment": None})
    result = checks.actions.score_actions(answers, ITEMS)
    assert result.fraction == 0.75
    out = result.report()
    assert "Your action statements: 9 of 12" in out
    assert "✗ c, verb: 'think about'" in out and "✓ c, owner" in out


def test_commitments_are_checked_against_the_case():
    case = {"a": 7, "b": 5}
    right = {"a": {"action": "x", "commitment": 7}, "b": {"action": "y", "commitment": "five"}}
    assert checks.actions.score_commitments(right, case).fraction == 1
    tens = {k: {"action": "I will ask Friday", "commitment": 10} for k in "abc"}
    result = checks.actions.score_commitments(tens, case)
    assert result.points == 0 and "not the commitment the presenter gave" in result.report()
    assert "7" not in result.report() and "the case gives 7" in result.report(trainer=True)
    for shape in (None, [], "7", {"a": None}):
        assert checks.actions.score_commitments(shape, case).points == 0


# --- the facilitator's questions that draw the action out (Part 3, a and b) ------------------------

QUESTIONS = {
    "a": [
        "You said the trustees need to be told. What part of that is yours to do?",
        "By when?",
        "How committed are you to that, from 1 to 10?",
    ],
    "b": [
        "What makes it a five and not a three?",
        "What, if anything, would you be ready to do before we next meet?",
        "When would you like us to ask you how it went?",
    ],
}


def _by_item(result):
    return {r.item: r for r in result.items}


def test_questions_that_leave_the_action_to_the_presenter_read_in_full():
    result = score_action_questions(QUESTIONS, "ab")
    assert result.fraction == 1, result.report()
    found = _by_item(result)
    for item in "ab":
        for element in ("owner", "verb", "when", "commitment"):
            assert found[f"{item}, {element}"].points == 1


@pytest.mark.parametrize(
    "question, points, fragment",
    [
        ("Could you phone the chair of trustees on Monday?", 0, "carries an action of your own"),
        ("Have you thought about meeting her on Friday?", 0, "carries an action of your own"),
        ("Can we get that up to an eight?", 0, "nudges the number upwards"),
        ("Only a five?", 0, "nudges the number upwards"),
        ("Will you do it?", 0.5, "one polite answer"),
        ("What will you do first?", 1, "leaves the content to the presenter"),
        ("When will you talk to her?", 1, "closed, which is fine"),
        ("What would make it a six?", 1, "leaves the content"),
    ],
)
def test_each_question_is_read_for_whether_it_supplies_the_action(question, points, fragment):
    item = _by_item(score_action_questions({"a": [question]}, "a"))["a, question 1"]
    assert item.points == points, item.reason
    assert fragment in item.reason


def test_elements_count_only_from_questions_that_leave_the_action_to_the_presenter():
    result = score_action_questions({"a": ["Could you email the chair by Friday, from 1 to 10?"]}, "a")
    found = _by_item(result)
    assert found["a, question 1"].points == 0
    assert found["a, when"].points == 0 and found["a, commitment"].points == 0
    assert "nothing yet asks when" in found["a, when"].reason


def test_the_same_questions_for_both_presenters_are_noticed():
    same = ["What will you do?", "By when?"]
    found = _by_item(score_action_questions({"a": same, "b": list(same)}, "ab"))
    assert found["b, this case"].points == 0.5 and "same questions as for a" in found["b, this case"].reason
    assert "a, this case" not in found


def test_more_than_three_questions_are_noticed():
    found = _by_item(score_action_questions({"a": ["What will you do?"] * 2 + ["By when?", "Who with?", "How?"]}, "a"))
    assert found["a, how many"].points == 0.5


@pytest.mark.parametrize(
    "answers",
    [None, "What now?", 3, ["a"], {}, {"a": None, "b": ""}, {"a": ["", "  "], "b": [None, 4]},
     {"a": {"x": 1}, "b": 7}],
)
def test_unreadable_or_blank_questions_never_raise(answers):
    result = score_action_questions(answers, "ab")
    assert result.points == 0 and all(i.reason for i in result.items)


def test_odd_question_text_never_raises():
    for text in ("?", "!!!", "🙂?", "a" * 50_000 + "?", "What\x00 now?", "\u202e?who", "you " * 5000):
        for r in score_action_questions({"a": [text]}, "a").items:
            assert 0 <= r.points <= r.possible and r.reason


def test_extra_presenters_are_ignored_and_said_so():
    result = score_action_questions(dict(QUESTIONS, z=["What now?"]), "ab")
    assert result.fraction == 1 and "z: not an item in this exercise" in result.report()
