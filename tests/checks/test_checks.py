import pytest

from actionlearning import checks

KEY = {"a": "puzzle", "b": "problem", "c": "puzzle"}


def test_ready_says_what_is_missing_without_revealing_the_key():
    result = checks.check_ready({"a": "Puzzle", "b": None, "c": "riddle", "z": "x"}, ("puzzle", "problem"), "abc")
    report = result.report()
    assert "✓ a: answered" in report
    assert "b: not answered yet: choose 'puzzle' or 'problem'" in report
    assert "c: 'riddle' is not one of" in report
    assert "z: not an item" in report
    assert result.points == 1 and result.possible == 3


def test_score_choices_gives_credit_per_item_and_keeps_the_key_for_the_trainer():
    result = checks.score_choices({"a": " PUZZLE ", "b": "puzzle"}, KEY, {"b": "people differ"})
    assert (result.points, result.possible) == (1, 3)
    report = result.report()
    assert "✓ a: agreed" in report
    assert "✗ b: you said 'puzzle': not the reading we would give" in report
    assert "✗ c: not answered" in report
    assert "problem" not in report and "people differ" not in report  # the key stays out
    trainer = result.report(trainer=True)
    assert "for the trainer: the key: problem. people differ" in trainer


def test_a_fair_second_reading_earns_full_credit_without_naming_the_key():
    accept = {"b": {"puzzle": "some would look it up"}}
    result = checks.score_choices({"a": "puzzle", "b": "Puzzle", "c": "puzzle"}, KEY, accept=accept)
    assert result.points == 3
    assert f"b: {checks.ACCEPTED}" in result.report() and "problem" not in result.report()
    assert "Accepted as fair: 'Puzzle', some would look it up" in result.report(trainer=True)


def test_an_answer_outside_the_choices_is_named_as_such():
    result = checks.score_choices({"a": "puzzle/problem"}, KEY, choices=("puzzle", "problem"))
    assert "'puzzle/problem' is not one of the answers offered" in result.report()


def test_one_answer_for_every_item_earns_nothing():
    key = {"a": "advice", "b": "leading", "c": "open", "d": "advice"}
    result = checks.score_choices({k: "advice" for k in key}, key)
    assert result.points == 0 and checks.PATTERN in result.report()
    # a genuine reading that happens to agree on most items is not a pattern
    assert checks.score_choices({"a": "advice", "b": "leading", "c": "advice", "d": "advice"}, key).points == 3


@pytest.mark.parametrize("answer", [None, "puzzle", ["puzzle"], 3])
def test_malformed_answers_score_zero_with_a_reason_and_never_raise(answer):
    result = checks.score_choices(answer, KEY)
    assert result.points == 0 and result.possible == 3
    assert "expected a dictionary" in result.report()


@pytest.mark.parametrize(
    "question, points",
    [
        ("How can I help the two teams I now manage to build one way of working?", 4),
        ("What could we do to make the front door real?", 4),
        ("What is stopping the partners from committing money?", 2.5),  # open, not owned
        ("Should I escalate to the director?", 3),  # closed
        ("How can I? And what should I do?", 3),  # two questions
        ("", 0),
        (None, 0),
        ("How can I " + "really " * 40 + "change this?", 3),
    ],
)
def test_owned_question_partial_credit(question, points):
    assert checks.owned_question.score_owned_question(question).points == points


def test_owned_question_reasons_are_readable():
    report = checks.owned_question.score_owned_question("Should the service change its criteria").report()
    assert "found 0 question marks" in report
    assert "answered yes or no" in report
    assert "Put yourself in it" in report
