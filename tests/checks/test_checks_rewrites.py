"""Session 5's check: advice in disguise rewritten as open questions."""

import json
from pathlib import Path

import pytest

from actionlearning import checks
from actionlearning.checks.rewrites import carries_idea, is_copy, score_rewrite, score_rewrites

ORIGINALS = {
    "a": "Have you thought about asking the head teachers to co-chair the group?",
    "b": "Why don't you just take it straight to the partnership board?",
    "c": "Could you not ask the ICB for a six-month extension?",
    "d": "Wouldn't it be better to wait until the new clinical director starts?",
    "e": "What about trying office hours for staff, two afternoons a week?",
}
GOOD = {
    "a": "How do you read the head teachers' absence?",
    "b": "What do you see as your options for moving it on?",
    "c": "What are you weighing up before your trustees meet?",
    "d": "What do you make of what the nurse keeps telling the team?",
    "e": "What happens for you when a colleague brings you a worry at the end of the day?",
}
MASTER = Path(__file__).resolve().parents[2] / "source" / "session-05" / "advice-in-disguise.ipynb"


def _master_cell(grade_id: str) -> str:
    cells = json.loads(MASTER.read_text("utf-8"))["cells"]
    return next("".join(c["source"]) for c in cells
                if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


def test_the_masters_models_are_these_and_the_self_check_reads_them_as_open():
    """Trainers calibrate on the master's model rewrites, so they must meet its own rubric (no
    premise that keeps the original route), and the trainee's self-check must not flag them."""
    names: dict = {}
    exec(_master_cell("setup").replace("from actionlearning import checks", ""), names)
    solution = _master_cell("answer-rewrite").split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
    exec(solution, names)
    assert names["ORIGINALS"] == ORIGINALS and names["rewrites"] == GOOD
    result = score_rewrites(names["rewrites"], names["ORIGINALS"])
    assert result.fraction == 1, result.report()
    for item, text in GOOD.items():
        assert not carries_idea(text, ORIGINALS[item]), item


def test_good_rewrites_score_full_marks_with_reasons():
    result = score_rewrites(GOOD, ORIGINALS)
    assert (result.points, result.possible) == (5, 5)
    assert all("open question" in i.reason for i in result.items)


@pytest.mark.parametrize(
    "rewrite, points, reason",
    [
        # a copy of the original, exactly or nearly
        (ORIGINALS["a"], 0, "word for word"),
        ("have you thought about asking the head teachers to co-chair the group", 0, "word for word"),
        # still advice in disguise, in another closed form
        ("Have you considered a co-chair from the schools?", 0, "still offers advice"),
        # advice said as a statement
        ("You should ask the heads to co-chair it.", 0, "advice said as a statement"),
        # still judging, in a closed question
        ("Isn't it a bit of a cop-out not to ask the heads?", 0, "judges or confronts"),
        # open in form, but still leading or judging
        ("What's so frightening about asking the heads?", 0.25, "leads towards an answer"),
        ("How could you let it get this far?", 0.25, "judges or confronts"),
        # a reflection: not a question, not advice
        ("It sounds like the heads feel left out.", 0.25, "not a question yet"),
        # the advice has gone, but the question is closed
        ("Is the group important to the heads?", 0.5, "question is closed"),
        # open, but carrying the original idea in an open wrapper
        ("What do you think about asking the head teachers to co-chair it?", 0.5, "carries the original idea"),
        # open, and fine
        ("What do you make of the heads' absence?", 1, "open question"),
        ("Tell me more about the heads.", 1, "open question"),
    ],
)
def test_partial_credit_with_a_reason(rewrite, points, reason):
    item = score_rewrite(rewrite, ORIGINALS["a"], item="a")
    assert item.points == points and item.possible == 1, item.reason
    assert reason in item.reason


def test_a_partial_reason_carries_the_assessments_feedback():
    from actionlearning.practice.questions import assess

    text = "Is the group important to the heads?"
    assert assess(text).feedback in score_rewrite(text, ORIGINALS["a"]).reason


def test_full_marks_note_why_stacked_and_long_without_penalty():
    item = score_rewrite("Why did the heads stop coming?", ORIGINALS["a"])
    assert item.points == 1 and "starts with 'why'" in item.reason


def test_the_same_rewrite_twice_earns_half_the_second_time():
    rewrites = dict(GOOD, b=GOOD["a"].upper())
    result = score_rewrites(rewrites, ORIGINALS)
    b = result.items[1]
    assert b.points == 0.5 and "the same as your rewrite for a" in b.reason
    assert result.points == 4.5


def test_copy_and_idea_detection():
    assert is_copy("Could you not ask the ICB for a six month extension", ORIGINALS["c"])
    assert not is_copy("What would you want the ICB to understand?", ORIGINALS["c"])
    assert not is_copy("", ORIGINALS["c"])
    assert carries_idea("How would asking the head teachers to co-chair the group land?", ORIGINALS["a"])
    assert not carries_idea(GOOD["a"], ORIGINALS["a"])


@pytest.mark.parametrize(
    "answers",
    [None, "What now?", ["a", "b"], 3, {"a": 3, "b": ["x"], "c": None, "d": "", "e": "   "}, {}],
)
def test_malformed_answers_score_zero_with_a_reason_and_never_raise(answers):
    result = score_rewrites(answers, ORIGINALS)
    assert result.points == 0 and result.possible == 5
    assert all(i.reason for i in result.items)


def test_odd_text_never_raises():
    for text in ("?", "!!!", "🙂?", "a" * 50_000 + "?", "What\x00 now?", "\u202e?who", "ICB " * 5000):
        item = score_rewrite(text, ORIGINALS["c"])
        assert 0 <= item.points <= 1 and item.reason


def test_extra_items_are_ignored_and_said_so():
    result = score_rewrites(dict(GOOD, z="What now?"), ORIGINALS)
    assert result.points == 5 and result.possible == 5
    assert "z: not an item in this exercise" in result.report()


def test_the_self_check_gives_partial_credit(capsys):
    rewrites = dict(GOOD, e="")
    result = checks.rewrites.score_rewrites(rewrites, ORIGINALS)
    assert result.fraction == 0.8
    out = result.report()
    assert "Your rewrites: 4 of 5" in out and "✗ e: not answered yet" in out
