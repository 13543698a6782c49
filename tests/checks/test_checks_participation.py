"""Session 7's checks: reading an airtime chart, choosing a response, naming dynamics, and the
optional Gini coefficient for the curious."""

import ast
import json

import pytest

from actionlearning import checks
from actionlearning.checks import participation as cp
from actionlearning.practice import participation as pa
from tests.conftest import REPO
from tests.grading_support import score_answer

NOTEBOOK = REPO / "source" / "session-07" / "participation.ipynb"
KEY_GINI = pa.gini(cp.exercise_seconds())


def _master():
    return json.loads(NOTEBOOK.read_text("utf-8"))


def _setup_names():
    """LOG and MEMBERS as the exercise notebook shows them to the trainee."""
    setup = next(c for c in _master()["cells"] if c.get("id") == "setup")
    tree = ast.parse("".join(setup["source"]))
    return {
        t.id: ast.literal_eval(node.value)
        for node in tree.body if isinstance(node, ast.Assign)
        for t in node.targets if isinstance(t, ast.Name)
    }


def test_the_notebook_shows_the_log_the_checks_use():
    names = _setup_names()
    assert [tuple(t) for t in names["LOG"]] == list(cp.EXERCISE_LOG)
    assert tuple(names["MEMBERS"]) == cp.EXERCISE_MEMBERS


def test_the_log_separates_time_from_turns_and_hides_the_silent_member():
    seconds, turns = cp.exercise_seconds(), cp.exercise_turns()
    assert seconds["Priya"] == 0 and sum(seconds.values()) == 1355
    assert "Priya" not in {speaker for speaker, _s in cp.EXERCISE_LOG}  # only the roster shows her
    # Leah speaks often and briefly, Rashid rarely and long: "who took the time" is Rashid
    assert turns["Leah"] > 2 * turns["Rashid"] and seconds["Rashid"] > 2 * seconds["Leah"]
    questioners = [p for p in cp.EXERCISE_MEMBERS if p not in (cp.FACILITATOR, cp.PRESENTER)]
    assert max(questioners, key=seconds.get) == "Rashid" and max(questioners, key=turns.get) == "Leah"
    # the keyed reason says Rashid and Leah took three quarters of the questioners' time
    assert (seconds["Rashid"] + seconds["Leah"]) / sum(seconds[p] for p in questioners) == pytest.approx(0.75, abs=0.01)
    # the spoken-least trap: Beth is the least of those who appear in the log
    spoke = {p: s for p, s in seconds.items() if s}
    assert min(spoke, key=spoke.get) == "Beth"


def test_the_chart_shows_everyone_with_turns_seconds_and_shares_and_no_verdicts():
    text = cp.chart_text()
    for person in cp.EXERCISE_MEMBERS:
        assert person in text
    assert "Owen (presenter)" in text and "Facilitator (you)" in text
    priya = next(line for line in text.splitlines() if line.strip().startswith("Priya"))
    assert priya.split()[1:4] == ["0", "0", "0%"]
    rashid = next(line for line in text.splitlines() if line.strip().startswith("Rashid"))
    assert rashid.split()[1:4] == ["4", "290", "21%"]
    assert "1,355 seconds" in text and "14% each" in text
    for verdict in ("Gini", "flag", "quiet", "dominant", "never spoke"):
        assert verdict.lower() not in text.lower()  # the reading is the trainee's


# --- the self-checks: shape only ---------------------------------------------------------------


def test_reading_ready_checks_each_question_against_its_own_choices():
    ready = cp.reading_ready({"a": " rashid", "b": "Nadia", "c": "b", "d": None})
    report = ready.report()
    assert "a: answered" in report and "c: answered" in report
    assert "'Nadia' is not one of 'Facilitator'" in report
    assert "d: not answered yet" in report
    wrong_but_tidy = {"a": "Leah", "b": "Beth", "c": "A", "d": "D"}
    assert cp.reading_ready(wrong_but_tidy).fraction == 1  # it cannot tell right from wrong
    assert cp.reading_ready(None).points == 0


def test_response_ready_wants_a_letter_for_each_moment():
    assert cp.response_ready({"a": "c", "b": " B "}).fraction == 1
    report = cp.response_ready({"a": "C.", "b": ["A", "B"], "z": "A"}).report()
    assert "'C.' is not one of 'A', 'B', 'C', 'D'" in report
    assert "z: not an item in this exercise" in report


def test_dynamics_ready_checks_each_scene_against_its_own_choices():
    report = cp.dynamics_ready({"a": "pairing", "b": "dependence", "c": None}).report()
    assert "'pairing' is not one of 'forming'" in report
    assert "b: answered" in report  # "dependence" is read as dependency
    assert "c: not answered yet" in report
    assert cp.dynamics_ready({"a": "storming", "b": "pairing", "c": "victim"}).fraction == 1
    assert cp.dynamics_ready(None).points == 0


def test_dynamics_are_normalised():
    assert cp.normalise_dynamics({"b": "fight-flight", "c": "rescuing"}) == {"b": "fight/flight", "c": "rescuer"}
    assert cp.normalise_dynamics({"b": "Fight or flight"}) == {"b": "fight/flight"}
    assert cp.normalise_dynamics("not a dict") == "not a dict"


# --- the marked parts, scored as the grader scores them ------------------------------------------


@pytest.mark.parametrize(
    ("code", "fraction"),
    [
        ('reading = {"a": "Rashid", "b": "Priya", "c": "B", "d": "C"}', 1),
        ('reading = {"a": "rashid ", "b": " PRIYA", "c": "b", "d": "c"}', 1),
        ('reading = {"a": "Leah", "b": "Priya", "c": "B", "d": "C"}', 0.75),  # turns, not time
        ('reading = {"a": "Rashid", "b": "Beth", "c": "B", "d": "C"}', 0.75),  # the silent member missed
        ('reading = {"a": "Rashid", "b": "Priya", "c": "C", "d": "B"}', 0.5),  # an even spread; a guess at why
        ('reading = {"a": "B", "b": "B", "c": "B", "d": "B"}', 0),  # a pattern, not a reading
        ('reading = {"a": None, "b": None, "c": None, "d": None}', 0),
    ],
)
def test_reading_the_chart_is_scored_item_by_item(code, fraction):
    got, result = score_answer(_master(), "answer-reading", code)
    assert got == fraction, result.report(trainer=True)


def test_the_reading_feedback_gives_no_key_and_the_trainer_sees_it():
    _got, result = score_answer(_master(), "answer-reading", 'reading = {"a": "Leah", "b": "Beth", "c": "A", "d": "D"}')
    trainee, trainer = result.report(), result.report(trainer=True)
    assert "Rashid" not in trainee and "Priya" not in trainee and "the key" not in trainee
    assert "the key: Rashid" in trainer and "the key: Priya" in trainer


@pytest.mark.parametrize(
    ("code", "fraction"),
    [
        ('responses = {"a": "C", "b": "B"}', 1),
        ('responses = {"a": "A", "b": "B"}', 1),  # bringing Priya in: accepted as fair, with its own feedback
        ('responses = {"a": "C", "b": "D"}', 0.5),  # a figure treated as a standard
        ('responses = {"a": "D", "b": "C"}', 0),
        ('responses = "C, B"', 0),
    ],
)
def test_what_you_would_do_is_scored_item_by_item(code, fraction):
    got, result = score_answer(_master(), "answer-responses", code)
    assert got == fraction, result.report(trainer=True)


def test_bringing_priya_in_is_accepted_with_its_own_feedback_and_the_key_stays_with_the_trainer():
    _got, result = score_answer(_master(), "answer-responses", 'responses = {"a": "A", "b": "B"}')
    trainee, trainer = result.report(), result.report(trainer=True)
    assert checks.ACCEPTED in trainee and "agreed" in trainee
    assert "the key" not in trainee and "developing level" not in trainee
    assert "the key: C" in trainer and "Accepted as fair: 'A'" in trainer


def test_the_marked_parts_need_no_calculation_and_the_gini_is_marked_nowhere():
    master = _master()
    marked = [c for c in master["cells"] if c["metadata"].get("nbgrader", {}).get("grade")
              or c["metadata"].get("nbgrader", {}).get("task")]
    assert sum(c["metadata"]["nbgrader"]["points"] for c in marked) == 10
    automatic = sum(c["metadata"]["nbgrader"]["points"] for c in marked if c["cell_type"] == "code")
    assert automatic == 5
    # the reflection, which the page says deserves the most time, carries at least as much
    reflection = next(c for c in marked if c["metadata"]["nbgrader"]["grade_id"] == "reflection")
    assert reflection["metadata"]["nbgrader"]["points"] >= automatic
    assert not any("gini(" in "".join(c["source"]) or "gini_airtime" in "".join(c["source"])
                   for c in marked if c["cell_type"] == "code")
    optional = next(c for c in master["cells"] if c.get("id") == "curious-gini")
    assert optional["metadata"]["nbgrader"]["grade"] is False
    assert score_answer(master, "curious-gini", "".join(optional["source"])) == (None, None)


# --- for the curious: the Gini coefficient, never marked -----------------------------------------


def _pairs(values):
    values = list(values)
    n, total = len(values), sum(values)
    return sum(abs(a - b) for a in values for b in values) / (2 * n * total)


def test_a_right_function_and_value_are_confirmed_with_the_figures():
    result = cp.try_gini(_pairs, _pairs(cp.exercise_seconds().values()))
    assert result.fraction == 1, result.report()
    assert f"{KEY_GINI:.2f}" in result.report() and "questioners alone" in result.report()
    questioners = [s for p, s in cp.exercise_seconds().items() if p not in (cp.FACILITATOR, cp.PRESENTER)]
    assert cp.try_gini(pa.gini, pa.gini(questioners)).fraction == 1
    assert "not marked" in result.title


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (lambda v: _pairs(v) * len(v) / (len(v) - 1), "n / (n - 1)"),
        (lambda v: 2 * _pairs(v), "twice too big"),
        (lambda v: _pairs(v) / 2, "ordered pair"),
    ],
)
def test_the_usual_slips_in_a_function_are_named(func, hint):
    item = cp.try_gini(func, None).items[0]
    assert item.points < 1 and hint in item.reason, item.reason


def test_a_function_that_only_knows_the_worked_cases_shows_it_on_fresh_lists():
    table = {tuple(v): e for v, e, _w in cp.WORKED_CASES}
    item = cp.try_gini(lambda v: table.get(tuple(v), 0.0), None, seed=1).items[0]
    assert item.points < 1 and "fresh list" in item.reason


def test_a_figure_on_turns_or_without_priya_is_not_the_log_s():
    turns = pa.gini(cp.exercise_turns())
    item = cp.try_gini(pa.gini, turns).items[1]
    assert item.points == 0 and "turns" in item.reason


# --- robustness --------------------------------------------------------------------------------

STRANGE = [None, "", 0, 1.5, "0.5", [], {}, set(), ["Owen", 0.5], {"a": "half"}, {1: 2},
           {"a": float("nan")}, {"a": None}, {"a": True}, object(), {"a": ["Rashid"]},
           {"a": -1, "b": 2}]


@pytest.mark.parametrize("answer", STRANGE, ids=range(len(STRANGE)))
def test_nothing_raises_on_a_strange_answer(answer):
    for result in (
        cp.reading_ready(answer),
        cp.response_ready(answer),
        cp.dynamics_ready(answer),
        cp.try_gini(answer, answer),
        checks.score_choices(cp.normalise_dynamics(answer), {"a": "storming"}),
    ):
        assert result.points < result.possible or result.possible == 0
        assert result.report()


def test_a_function_that_misbehaves_is_caught():
    def loud(values):
        raise RuntimeError("boom")

    def mutates(values):
        values.clear()
        return 0.0

    for func in (loud, lambda v: "0.5", mutates, print, len):
        result = cp.try_gini(func, KEY_GINI)
        assert result.items[0].points < 1 and result.report()
    assert "raised RuntimeError" in cp.try_gini(loud).report()
    assert "not a function" in cp.try_gini(0.5).report()
