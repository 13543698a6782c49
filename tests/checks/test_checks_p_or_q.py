"""Session 1's P or Q check: the key where it is clear; either answer, with a reason of its own,
where an issue could fairly go either way; feedback that never names the key."""

import pytest

from actionlearning import checks
from actionlearning.checks.p_or_q import MIXED, ready, score_calls

KEY = {"a": "P", "b": "Q", "c": "P", "d": "Q", "e": "P", "f": "P"}
REASONS = {
    "a": "The agreement itself answers this one.",
    "b": "Nobody can hand her one service; questions help.",
    "c": "The hours figure comes first, then the board.",
    "d": "Another model will not move the partners.",
    "e": "It can be looked up in the guidance.",
    "f": "Everything waits on what the contracts allow.",
}


def _item(result, name):
    return next(i for i in result.items if i.item == name)


def test_the_key_with_reasons_earns_every_point():
    result = score_calls(KEY, REASONS, KEY)
    assert (result.points, result.possible) == (6, 6)


def test_the_other_reading_of_each_mixed_issue_earns_its_point_with_its_own_feedback():
    other = dict(KEY, c="Q", d="P", f="Q")
    result = score_calls(other, REASONS, KEY, {"c": "the sum first"})
    assert result.points == 6
    report = result.report()
    for item in MIXED:
        said = other[item]
        assert MIXED[item][said] in report
        assert f"you said {said}, with a reason: accepted" in report
    assert "the key" not in report and "the sum first" not in report
    assert "the key: P, though either answer earns the mark with a reason. the sum first" in result.report(trainer=True)


def test_a_mixed_issue_without_a_reason_earns_nothing_and_says_why():
    result = score_calls(KEY, {**REASONS, "d": "", "f": "P"}, KEY)
    assert _item(result, "d").points == 0 and _item(result, "f").points == 0
    assert "the reasoning is what earns the mark" in _item(result, "d").reason
    assert result.points == 4


def test_a_reason_copied_to_another_issue_is_not_a_reason_for_this_one():
    same = {k: "the facts come first before questions" for k in "abcdef"}
    result = score_calls(KEY, same, KEY)
    assert [_item(result, k).points for k in "cdf"] == [0, 0, 0]


def test_a_clear_issue_is_scored_against_the_key_without_naming_it():
    result = score_calls(dict(KEY, a="q", b=" q "), REASONS, KEY)
    assert _item(result, "a").points == 0 and _item(result, "b").points == 1
    assert "you said 'q': not the reading we would give" in _item(result, "a").reason


def test_one_answer_for_every_issue_is_a_pattern_and_earns_nothing():
    result = score_calls({k: "P" for k in "abcdef"}, REASONS, KEY)
    assert result.points == 0 and checks.PATTERN in result.report()


@pytest.mark.parametrize("calls", [None, "P", ["P", "Q"], 3, {k: "P+Q" for k in "abcdef"}, {k: None for k in "abcdef"}])
def test_malformed_or_hedged_answers_score_zero_and_never_raise(calls):
    assert score_calls(calls, REASONS, KEY).points == 0


@pytest.mark.parametrize("reasons", [None, "because", ["a"], {k: 3 for k in "abcdef"}])
def test_malformed_reasons_never_raise(reasons):
    result = score_calls(KEY, reasons, KEY)
    assert result.points == 3  # the clear issues still count


def test_ready_says_what_is_missing_without_revealing_the_key():
    result = ready({"a": "P", "b": "maybe", "c": None, "d": "Q"}, {"a": "a reason of a few words"})
    report = result.report()
    assert "a: answered, with a reason" in report
    assert "'maybe' is not one of 'P' or 'Q'" in report
    assert "c: not answered yet" in report
    assert "now add a line of reasoning" in report
    assert "the key" not in report and "accepted" not in report
    assert ready("P", {}).points == 0


def test_the_module_is_reached_through_checks():
    assert checks.p_or_q.score_calls(KEY, REASONS, KEY).points == 6
