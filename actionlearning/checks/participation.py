"""Reading participation balance from an airtime log, and naming group dynamics (session 7).

The exercise shows an observer's log of one presenter slot (:data:`EXERCISE_LOG`) and the chart
drawn from it (:func:`chart_text`), and asks the trainee to notice and judge what it shows: who
took the time and who did not, what the figures can and cannot say, and what a facilitator
might do. Those are choices with a defensible key, scored in the hidden tests with
:func:`actionlearning.checks.score_choices`; this module gives the choices and the self-checks,
which say whether each answer is ready and never whether it is right. Naming the dynamic in
three short scenes is scored the same way.

The arithmetic behind the chart (each person's share, and a Gini coefficient for the spread) is
an optional extra for the curious, never marked: :func:`try_gini` tries a trainee's own function
on cases worked by hand and on fresh lists, and says how it did. The figures come from
:mod:`actionlearning.practice.participation`, the same logic as the participation chart.

Nothing here raises on an answer, however it is written.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from numbers import Real

from actionlearning.checks import CheckResult, ItemResult, choices_ready
from actionlearning.practice import participation as pa

# --- the log in the exercise (the notebook shows the same list; a test keeps them equal) ------

FACILITATOR = "Facilitator"
PRESENTER = "Owen"
EXERCISE_MEMBERS = ("Facilitator", "Owen", "Rashid", "Leah", "Marcus", "Priya", "Beth")
EXERCISE_LOG = (
    ("Facilitator", 20), ("Leah", 15), ("Owen", 90), ("Rashid", 70), ("Owen", 75),
    ("Leah", 10), ("Owen", 60), ("Marcus", 30), ("Owen", 65), ("Rashid", 85), ("Owen", 45),
    ("Leah", 15), ("Owen", 40), ("Leah", 20), ("Owen", 35), ("Beth", 20), ("Owen", 15),
    ("Rashid", 60), ("Owen", 30), ("Leah", 15), ("Owen", 25), ("Facilitator", 15), ("Owen", 50),
    ("Marcus", 25), ("Owen", 30), ("Leah", 10), ("Owen", 20), ("Rashid", 75), ("Owen", 25),
    ("Leah", 15), ("Owen", 20), ("Beth", 30), ("Owen", 35), ("Leah", 20), ("Owen", 20),
    ("Leah", 15), ("Owen", 20), ("Marcus", 35), ("Owen", 30), ("Facilitator", 25),
)

LETTERS = ("A", "B", "C", "D")
# Part 1 (reading the chart): two names, then two judgements, each one of four statements.
READING_CHOICES = {"a": EXERCISE_MEMBERS, "b": EXERCISE_MEMBERS, "c": LETTERS, "d": LETTERS}
# Part 2 (what the facilitator might do): two moments, each one of four responses.
RESPONSE_CHOICES = {"a": LETTERS, "b": LETTERS}


def exercise_seconds() -> dict[str, float]:
    return pa.airtime_from_log(EXERCISE_LOG, EXERCISE_MEMBERS)


def exercise_turns() -> dict[str, int]:
    return pa.turns_from_log(EXERCISE_LOG, EXERCISE_MEMBERS)


# --- the observer's chart ---------------------------------------------------------------------

BAR = "█"
POINTS_PER_BLOCK = 2  # percentage points of the airtime a block of the bar stands for


def chart_text(log=EXERCISE_LOG, members=EXERCISE_MEMBERS, *, facilitator: str | None = FACILITATOR,
               presenter: str | None = PRESENTER, title: str = "The observer's chart of Owen's slot") -> str:
    """An airtime log as an observer's chart in plain text: each person, in the roster's order,
    with their turns, seconds and share of all the airtime, and a bar. No flags and no verdicts:
    the reading is the trainee's."""
    seconds = pa.airtime_from_log(log, members)
    turns = pa.turns_from_log(log, members)
    share = pa.shares(seconds)
    total = sum(seconds.values())
    labels = {p: p + (" (you)" if p == facilitator else " (presenter)" if p == presenter else "")
              for p in seconds}
    width = max(len(label) for label in labels.values())
    lines = [
        f"{title}: {sum(turns.values())} turns, {total:,.0f} seconds (about "
        f"{round(total / 60):.0f} minutes) in all",
        "",
        f"  {'Person':<{width}}  Turns  Seconds  Share",
    ]
    for person in seconds:
        percent = 100 * share[person]
        bar = BAR * round(percent / POINTS_PER_BLOCK)
        lines.append(f"  {labels[person]:<{width}}  {turns[person]:>5}  {seconds[person]:>7.0f}  "
                     f"{percent:>4.0f}%  {bar}".rstrip())
    lines += [
        "",
        f"  Each {BAR} is {POINTS_PER_BLOCK} percentage points of the airtime. An equal share for "
        f"{len(seconds)} people would be {100 / len(seconds):.0f}% each.",
    ]
    return "\n".join(lines)


# --- self-checks for answers chosen from lists ------------------------------------------------


def reading_ready(answers: object) -> CheckResult:
    """Self-check for part 1: two names from the roster and two letters."""
    return choices_ready(answers, READING_CHOICES)


def response_ready(answers: object) -> CheckResult:
    """Self-check for part 2: a letter for each moment."""
    return choices_ready(answers, RESPONSE_CHOICES)


# --- naming the dynamic -----------------------------------------------------------------------

TUCKMAN_STAGES = ("forming", "storming", "norming", "performing", "adjourning")
BASIC_ASSUMPTIONS = ("dependency", "fight/flight", "pairing")
DRAMA_ROLES = ("rescuer", "persecutor", "victim")
DYNAMICS_CHOICES = {"a": TUCKMAN_STAGES, "b": BASIC_ASSUMPTIONS, "c": DRAMA_ROLES}

_SYNONYMS = {
    "dependence": "dependency", "dependent": "dependency",
    "fight-flight": "fight/flight", "fight flight": "fight/flight", "fight or flight": "fight/flight",
    "fight / flight": "fight/flight", "fight": "fight/flight", "flight": "fight/flight",
    "paring": "pairing", "pair": "pairing",
    "rescue": "rescuer", "rescuing": "rescuer", "persecuting": "persecutor",
    "persecution": "persecutor", "victimhood": "victim",
    "form": "forming", "storm": "storming", "norm": "norming", "perform": "performing",
    "adjourn": "adjourning",
}


def normalise_dynamics(answers: object) -> object:
    """The same answers with common spellings made canonical ("fight-flight" becomes
    "fight/flight", "rescuing" becomes "rescuer"); anything that is not a dictionary unchanged."""
    if not isinstance(answers, Mapping):
        return answers
    out = {}
    for item, given in answers.items():
        if isinstance(given, str):
            text = " ".join(given.strip().lower().split())
            out[item] = _SYNONYMS.get(text, text)
        else:
            out[item] = given
    return out


def dynamics_ready(answers: object) -> CheckResult:
    """Self-check: is each vignette answered with one of its own choices?"""
    return choices_ready(normalise_dynamics(answers), DYNAMICS_CHOICES)


# --- for the curious, never marked: a Gini coefficient of one's own ----------------------------

# (values, expected, what it tests): cases worked by hand in the notebook
WORKED_CASES = (
    ([0, 10], 0.5, "two people, one silent"),
    ([1, 2, 3], 2 / 9, "[1, 2, 3], worked in the text"),
    ([5, 5, 5, 5], 0.0, "everyone equal"),
    ([0, 0, 0, 12], 0.75, "one voice among four: (n - 1) / n"),
    ([3, 0, 2, 1], 5 / 12, "the same people in a different order"),
    ([600, 1200, 1800], 2 / 9, "seconds rather than minutes: the unit makes no difference"),
)
FRESH_CASES = 4  # fresh lists each time, so that a function that only knows the examples shows it
CLOSE = 0.005  # how near the coefficient for the log counts as the same figure


def _num(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _call(func: object, values: list) -> tuple[float | None, str]:
    """The trainee's function on ``values``: (result, problem) and never an exception."""
    if not callable(func):
        return None, f"gini is {type(func).__name__}, not a function: keep `def gini(values):`"
    try:
        result = func(list(values))
    except Exception as error:
        return None, f"gini({values}) raised {type(error).__name__}: {error}"
    if result is None:
        return None, f"gini({values}) returned None: the function needs to return its result"
    number = _num(result)
    if number is None:
        return None, f"gini({values}) returned {result!r}, not a number"
    return number, ""


def _fresh(seed: int | None) -> list[list[int]]:
    import random

    rng = random.Random(seed)
    lists = []
    for _ in range(FRESH_CASES):
        values = [rng.randint(0, 300) for _ in range(rng.randint(3, 9))]
        if len(set(values)) < 2:
            values[0] += 7
        lists.append(values)
    return lists


def _function_item(func: object, seed: int | None) -> ItemResult:
    runs = [(list(v), e, w) for v, e, w in WORKED_CASES]
    runs += [(v, pa.gini(v), "this fresh list") for v in _fresh(seed)]
    right, notes, ratios = 0, [], []
    for values, expected, what in runs:
        got, problem = _call(func, values)
        if problem:
            notes.append(problem)
        elif abs(got - expected) <= 1e-6 + 1e-4 * abs(expected):
            right += 1
        else:
            notes.append(f"gini({values}) gave {got:.4f}; {what} should give {expected:.4f}")
            if expected:
                ratios.append((got / expected, len(values)))
    if right == len(runs):
        return ItemResult("your function", 1.0, 1.0,
                          f"right on all {len(runs)} cases, the worked ones and {FRESH_CASES} fresh lists")
    hint = ""
    if ratios and all(abs(r - n / (n - 1)) < 1e-3 for r, n in ratios):
        hint = (" These are the sample form, multiplied by n / (n - 1); a set is the whole "
                "population, so leave that factor out.")
    elif ratios and all(abs(r - 2) < 1e-3 for r, _n in ratios):
        hint = " These are twice too big: divide the sum of differences by 2 n times the total."
    elif ratios and all(abs(r - 0.5) < 1e-3 for r, _n in ratios):
        hint = " These are half what they should be: the formula counts every ordered pair, (i, j) and (j, i)."
    return ItemResult("your function", right / len(runs), 1.0,
                      f"{right} of {len(runs)} cases right. " + "; ".join(notes[:3]) + "." + hint)


def _value_item(value: object) -> ItemResult:
    seconds = exercise_seconds()
    room = pa.gini(seconds)
    questioners = pa.gini([seconds[p] for p in EXERCISE_MEMBERS if p not in (FACILITATOR, PRESENTER)])
    got = _num(value)
    if value is None:
        return ItemResult("Owen's slot", 0.0, 1.0, "not tried yet: set gini_airtime with your function")
    if got is None:
        return ItemResult("Owen's slot", 0.0, 1.0, f"{value!r} is not a number")
    if abs(got - room) <= CLOSE:
        return ItemResult("Owen's slot", 1.0, 1.0,
                          f"{got:.2f}, the figure for the whole room. Most of it is Owen's own time in "
                          f"his own slot; among the five questioners alone it is {questioners:.2f}, "
                          "which says more about how the questioning was shared")
    if abs(got - questioners) <= CLOSE:
        return ItemResult("Owen's slot", 1.0, 1.0,
                          f"{got:.2f}, the figure for the questioners alone; for the whole room, "
                          f"Owen and you included, it is {room:.2f}")
    return ItemResult("Owen's slot", 0.0, 1.0,
                      f"{got:.3f} is not the figure for this log, for the whole room ({room:.2f}) or "
                      f"for the questioners alone ({questioners:.2f}): is everyone in, Priya's zero "
                      "included, and is it seconds rather than turns?")


def try_gini(func: object, value: object = None, *, seed: int | None = None) -> CheckResult:
    """For the curious, never marked: the trainee's ``gini`` function on the worked cases and on
    fresh lists, and their figure for Owen's slot beside the chart's. Since nothing is marked,
    it says what the figures are."""
    title = "For the curious (not marked)"
    try:
        return CheckResult(title, (_function_item(func, seed), _value_item(value)))
    except Exception as error:  # never let a strange answer stop the notebook
        return CheckResult(title, (ItemResult("gini", 0.0, 1.0, f"could not try it ({type(error).__name__})"),))
