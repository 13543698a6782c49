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


def test_score_choices_gives_credit_per_item_with_reasons():
    result = checks.score_choices({"a": " PUZZLE ", "b": "puzzle"}, KEY, {"b": "people differ"})
    assert (result.points, result.possible) == (1, 3)
    report = result.report()
    assert "you said 'puzzle'; the key says problem. people differ" in report
    assert "c: not answered; the key says puzzle" in report


@pytest.mark.parametrize("answer", [None, "puzzle", ["puzzle"], 3])
def test_malformed_answers_score_zero_with_a_reason_and_never_raise(answer):
    result = checks.score_choices(answer, KEY)
    assert result.points == 0 and result.possible == 3
    assert "expected a dictionary" in result.report()


def test_award_prints_reasons_and_returns_partial_credit(capsys):
    value = checks.award(checks.score_choices({"a": "puzzle"}, KEY), points=3)
    assert value == 1.0
    assert "Your classification: 1 of 3" in capsys.readouterr().out


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
