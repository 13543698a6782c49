"""Session 7's checks: shares and a Gini coefficient from an airtime log, and naming dynamics."""

import ast
import json

import pytest

from actionlearning import checks
from actionlearning.checks import participation as cp
from actionlearning.practice import participation as pa
from tests.conftest import REPO

NOTEBOOK = REPO / "source" / "session-07" / "participation.ipynb"
KEY_SHARES = pa.shares(cp.exercise_seconds())
KEY_GINI = pa.gini(cp.exercise_seconds())


def _setup_names():
    """LOG and MEMBERS as the exercise notebook shows them to the trainee."""
    nb = json.loads(NOTEBOOK.read_text("utf-8"))
    setup = next(c for c in nb["cells"] if c.get("id") == "setup")
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


def test_the_exercise_log_separates_the_usual_slips():
    seconds, turns = cp.exercise_seconds(), cp.exercise_turns()
    assert seconds["Priya"] == 0 and sum(seconds.values()) == 1355
    # time and turns tell different stories: Leah speaks often and briefly, Rashid rarely and long
    assert turns["Leah"] > 2 * turns["Rashid"] and seconds["Rashid"] > 2 * seconds["Leah"]
    variants = [
        KEY_GINI,
        pa.gini(turns),
        pa.gini({k: v for k, v in seconds.items() if k != "Priya"}),
        pa.gini({k: v for k, v in turns.items() if k != "Priya"}),
        pa.gini({k: v for k, v in seconds.items() if k != "Facilitator"}),
        pa.gini([s for _p, s in cp.EXERCISE_LOG]),
        KEY_GINI * 7 / 6,
        1 - KEY_GINI,
    ]
    gaps = [abs(a - b) for i, a in enumerate(variants) for b in variants[i + 1:]]
    assert min(gaps) > 2 * cp.MATCH
    assert all(abs(v - KEY_GINI) > cp.GINI_TOLERANCE for v in variants[1:])


# --- part 1 ----------------------------------------------------------------------------------


def test_right_shares_score_full_marks():
    result = cp.score_shares(KEY_SHARES)
    assert result.fraction == 1, result.report()
    rounded = {k: round(v, 3) for k, v in KEY_SHARES.items()}
    assert cp.score_shares(rounded).fraction == 1
    lower = {k.lower(): v for k, v in KEY_SHARES.items()}  # names matched without case
    assert cp.score_shares(lower).fraction == 1


@pytest.mark.parametrize(
    ("answer", "points", "reason"),
    [
        ({k: 100 * v for k, v in KEY_SHARES.items()}, 3, "percentages"),
        (pa.shares(cp.exercise_turns()), None, "shares of the turns, not of the time"),
        ({k: v for k, v in KEY_SHARES.items() if k != "Priya"}, None, "Priya is missing"),
        (pa.shares({k: v for k, v in cp.exercise_seconds().items() if k != "Facilitator"}), None,
         "without the facilitator"),
        ({k: s / 60 for k, s in cp.exercise_seconds().items()}, None, "minutes per person"),
        ({**KEY_SHARES, "Nadia": 0}, 3.5, "not on the roster: Nadia"),
    ],
)
def test_the_usual_slips_earn_partial_credit_with_a_reason(answer, points, reason):
    result = cp.score_shares(answer)
    assert 0 < result.points < result.possible, result.report()
    if points is not None:
        assert result.points == points
    assert reason in result.report()


def test_shares_ready_reveals_shape_not_answers():
    assert cp.shares_ready(KEY_SHARES).fraction == 1
    wrong_but_tidy = {k: 1 / 7 for k in cp.EXERCISE_MEMBERS}
    assert cp.shares_ready(wrong_but_tidy).fraction == 1  # it cannot tell right from wrong
    report = cp.shares_ready({"Owen": 54, "Rashid": 46}).report()
    assert "missing: Facilitator" in report and "add up to 100" in report and "percentages" in report


# --- part 2 ----------------------------------------------------------------------------------


def _pairs(values):
    values = list(values)
    n, total = len(values), sum(values)
    return sum(abs(a - b) for a in values for b in values) / (2 * n * total)


def test_a_right_function_and_value_score_full_marks():
    result = cp.score_gini(cp.gini_on_cases(_pairs), _pairs(cp.exercise_seconds().values()))
    assert result.fraction == 1, result.report()
    assert cp.score_gini(cp.gini_on_cases(pa.gini), round(KEY_GINI, 3)).fraction == 1
    ready = cp.gini_self_check(_pairs, 0.5)
    assert ready.fraction == 1 and "hand-worked" in ready.report()


@pytest.mark.parametrize(
    ("value", "points", "reason"),
    [
        (pa.gini(cp.exercise_turns()), 0.5, "number of turns"),
        (pa.gini({k: v for k, v in cp.exercise_seconds().items() if k != "Priya"}), 1.0, "without Priya"),
        (pa.gini([s for _p, s in cp.EXERCISE_LOG]), 0.5, "single turns"),
        (KEY_GINI * 7 / 6, 1.5, "sample form"),
        (100 * KEY_GINI, 1.5, "percentage"),
        (1 - KEY_GINI, 0.5, "one minus"),
        (0.3, 0.0, "not the coefficient for this log"),
    ],
)
def test_gini_slips_are_recognised(value, points, reason):
    item = cp.score_gini(cp.gini_on_cases(pa.gini), value).items[1]
    assert item.points == points and reason in item.reason, item.reason


def test_function_slips_are_explained():
    sample = cp.score_gini(cp.gini_on_cases(lambda v: _pairs(v) * len(v) / (len(v) - 1)), KEY_GINI).items[0]
    assert 0 < sample.points < 2 and "n / (n - 1)" in sample.reason
    percent = cp.score_gini(cp.gini_on_cases(lambda v: 100 * _pairs(v)), KEY_GINI).items[0]
    assert "100 times" in percent.reason
    half = cp.score_gini(cp.gini_on_cases(lambda v: _pairs(v) / 2), KEY_GINI).items[0]
    assert "ordered pair" in half.reason
    unsorted = cp.score_gini(cp.gini_on_cases(lambda v: 2 * sum(i * x for i, x in enumerate(v, 1)) / (len(v) * sum(v)) - (len(v) + 1) / len(v)), KEY_GINI).items[0]
    assert 0 < unsorted.points < 2 and "different order" in unsorted.reason


# --- part 3 ----------------------------------------------------------------------------------

KEY = {"a": "storming", "b": "pairing", "c": "victim"}


def test_dynamics_are_normalised_then_scored_with_score_choices():
    answers = {"a": " Storming ", "b": "Pairing", "c": "VICTIM"}
    assert checks.score_choices(cp.normalise_dynamics(answers), KEY).fraction == 1
    assert cp.normalise_dynamics({"b": "fight-flight", "c": "rescuing"}) == {"b": "fight/flight", "c": "rescuer"}
    assert cp.normalise_dynamics({"b": "Fight or flight"}) == {"b": "fight/flight"}
    assert cp.normalise_dynamics("not a dict") == "not a dict"


def test_dynamics_ready_checks_each_scene_against_its_own_choices():
    report = cp.dynamics_ready({"a": "pairing", "b": "dependence", "c": None}).report()
    assert "'pairing' is not one of 'forming'" in report
    assert "b: answered" in report  # "dependence" is read as dependency
    assert "c: not answered yet" in report
    assert cp.dynamics_ready(KEY).fraction == 1
    assert cp.dynamics_ready(None).points == 0


# --- robustness --------------------------------------------------------------------------------

STRANGE = [None, "", 0, 1.5, "0.5", [], {}, set(), ["Owen", 0.5], {"Owen": "half"}, {1: 2},
           {"Owen": float("nan")}, {"Owen": None}, {"Owen": True}, object(), {"Owen": [0.5]},
           {"Owen": -1, "Beth": 2}]


@pytest.mark.parametrize("answer", STRANGE, ids=range(len(STRANGE)))
def test_nothing_raises_on_a_strange_answer(answer):
    for result in (
        cp.score_shares(answer),
        cp.shares_ready(answer),
        cp.score_gini(cp.gini_on_cases(answer), answer),
        cp.gini_self_check(answer, answer),
        cp.dynamics_ready(answer),
        checks.score_choices(cp.normalise_dynamics(answer), KEY),
    ):
        assert result.points < result.possible or result.possible == 0
        assert result.report()


def test_a_function_that_misbehaves_is_caught():
    def loud(values):
        raise RuntimeError("boom")

    def wrong_type(values):
        return "0.5"

    def mutates(values):
        values.clear()
        return 0.0

    for func in (loud, wrong_type, mutates, print, len):
        result = cp.score_gini(cp.gini_on_cases(func), KEY_GINI)
        assert result.items[0].points < 2 and result.report()
    assert "raised RuntimeError" in cp.score_gini(cp.gini_on_cases(loud), None).report()
    assert "not a function" in cp.score_gini(cp.gini_on_cases(0.5), None).report()


def test_blank_answers_score_zero_and_right_answers_full_marks():
    assert cp.score_shares({}).points == 0
    assert cp.score_gini(cp.gini_on_cases(lambda values: None), None).points == 0
    assert checks.score_choices(cp.normalise_dynamics({"a": None, "b": None, "c": None}), KEY).points == 0
    assert cp.score_shares(KEY_SHARES).fraction == 1
    assert cp.score_gini(cp.gini_on_cases(pa.gini), KEY_GINI).fraction == 1


COMPUTED = """
seconds = {name: 0 for name in MEMBERS}
for speaker, secs in LOG:
    seconds[speaker] += secs
shares = {name: secs / sum(seconds.values()) for name, secs in seconds.items()}
"""


def test_shares_typed_in_rather_than_computed_earn_nothing():
    assert cp.score_shares(KEY_SHARES, code=COMPUTED).fraction == 1
    typed = "shares = {" + ", ".join(f"{k!r}: {v:.3f}" for k, v in KEY_SHARES.items()) + "}"
    for code in (typed, "if LOG:\n    " + typed):
        result = cp.score_shares(KEY_SHARES, code=code)
        assert result.points == 0 and "typed in, not computed" in result.report()


def test_a_gini_value_typed_in_earns_nothing_for_the_value():
    cases = cp.gini_on_cases(pa.gini)
    computed = "def gini(values):\n    return 0\ngini_airtime = gini(list(seconds.values()))"
    assert cp.score_gini(cases, KEY_GINI, code=computed).fraction == 1
    typed = f"def gini(values):\n    return 0\ngini_airtime = {KEY_GINI:.3f}"
    assert cp.score_gini(cases, KEY_GINI, code=typed).items[1].points == 0


def test_the_function_is_tried_on_fresh_lists_so_a_table_of_answers_fails():
    table = {tuple(v): e for v, e, _w in cp.HIDDEN_CASES}
    result = cp.score_gini(cp.gini_on_cases(lambda v: table.get(tuple(v), 0.0)), KEY_GINI)
    assert result.items[0].points < 2 * len(cp.HIDDEN_CASES) / (len(cp.HIDDEN_CASES) + cp.RANDOM_CASES) + 0.01


def test_forged_results_for_easy_lists_are_refused():
    forged = [{"values": [1, 1, 2], "result": 1 / 9, "problem": ""}] * 12
    assert cp.score_gini(forged, KEY_GINI).items[0].points == 0
    assert cp.score_gini("0.5", KEY_GINI).items[0].points == 0
