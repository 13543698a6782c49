"""Participation balance from an airtime log, and naming group dynamics (session 7).

The exercise gives an observer's log of one presenter slot (:data:`EXERCISE_LOG`) and asks the
trainee to compute, in their own code, each person's share of the airtime and the Gini
coefficient; then to name the dynamic in three short vignettes. The keys come from
:mod:`actionlearning.practice.participation`, the same logic as the participation chart.

Checks give partial credit and say why, and recognise the usual slips: shares given as
percentages, shares of turns rather than of time, a silent member or the facilitator left out,
a Gini coefficient computed on counts of turns, on single turns, or with the n / (n - 1)
sample correction. Nothing here raises on an answer, however it is written.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from numbers import Real

from actionlearning.checks import CheckResult, ItemResult, _answers_or_reason
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

SHARE_TOLERANCE = 0.005  # per person: half a percentage point
SUM_TOLERANCE = 0.01
GINI_TOLERANCE = 0.005
MATCH = 0.002  # how close an answer must be to a known slip to be recognised as it

# (values, expected, what it tests): hand-worked cases for a trainee's gini(values)
SELF_CHECK_CASES = (
    ([5, 5, 5, 5], 0.0, "everyone equal"),
    ([0, 0, 0, 12], 0.75, "one voice among four: (n - 1) / n"),
    ([1, 2, 3], 2 / 9, "[1, 2, 3], worked in the text"),
    ([3, 0, 2, 1], 5 / 12, "the same people in a different order"),
)
HIDDEN_CASES = SELF_CHECK_CASES + (
    ([0, 10], 0.5, "two people, one silent"),
    ([600, 1200, 1800], 2 / 9, "seconds rather than minutes: the unit makes no difference"),
)


def exercise_seconds() -> dict[str, float]:
    return pa.airtime_from_log(EXERCISE_LOG, EXERCISE_MEMBERS)


def exercise_turns() -> dict[str, int]:
    return pa.turns_from_log(EXERCISE_LOG, EXERCISE_MEMBERS)


def _num(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _by_name(answers: Mapping) -> dict[str, object]:
    """The trainee's dictionary with names matched to the roster, ignoring case and spaces."""
    roster = {m.lower(): m for m in EXERCISE_MEMBERS}
    out = {}
    for key, value in answers.items():
        name = roster.get(str(key).strip().lower(), str(key).strip())
        out[name] = value
    return out


# --- part 1: shares ---------------------------------------------------------------------------


def shares_ready(shares: object) -> CheckResult:
    """Self-check: the shape of the answer, without saying whether any share is right."""
    title = "Ready to submit"
    try:
        return _shares_ready(shares, title)
    except Exception as error:  # never let a strange answer stop the self-check
        return CheckResult(title, (ItemResult("shares", 0.0, 1.0, f"could not read the answer ({type(error).__name__})"),))


def _shares_ready(shares: object, title: str) -> CheckResult:
    wrong = _answers_or_reason(shares, title, ("shares",))
    if wrong:
        return wrong
    given = _by_name(shares)
    if not given:
        return CheckResult(title, (ItemResult("shares", 0.0, 1.0, "not answered yet: fill in the shares dictionary"),))
    missing = [m for m in EXERCISE_MEMBERS if m not in given]
    extra = [k for k in given if k not in EXERCISE_MEMBERS]
    bad = [k for k, v in given.items() if _num(v) is None]
    total = sum(_num(v) for v in given.values() if _num(v) is not None)
    items = [
        ItemResult("everyone", 0.0 if missing or extra else 1.0, 1.0,
                   "everyone on the roster has a share" if not (missing or extra) else
                   "; ".join(filter(None, [
                       f"missing: {', '.join(missing)} (everyone in the room counts, even at zero)" if missing else "",
                       f"not on the roster: {', '.join(extra)}" if extra else "",
                   ]))),
        ItemResult("numbers", 0.0 if bad else 1.0, 1.0,
                   "every share is a number" if not bad else f"not a number: {', '.join(bad)}"),
        ItemResult("adds up", 1.0 if abs(total - 1) <= SUM_TOLERANCE else 0.0, 1.0,
                   f"the shares add up to {total:.3f}" + (
                       "" if abs(total - 1) <= SUM_TOLERANCE else
                       " (these look like percentages: give fractions such as 0.25)" if abs(total - 100) <= 1 else
                       "; shares of a whole should add up to 1")),
    ]
    return CheckResult(title, tuple(items))


def score_shares(shares: object, code: str | None = None) -> CheckResult:
    """Each person's share of the airtime in the exercise's log: everyone included (1), adding
    up to 1 (1), and each share within half a percentage point (2, in proportion).

    ``code`` is the answer cell's source, as text: shares typed in rather than computed from
    ``LOG`` earn nothing, since the exercise is to compute them.
    """
    title = "Your shares of the airtime"
    typed = typed_in(code, pa.shares(exercise_seconds()).values()) if code is not None else ""
    if typed:
        return CheckResult(title, (ItemResult("shares", 0.0, 4.0, typed),))
    try:
        return _score_shares(shares, title)
    except Exception as error:  # never let a strange answer stop the grading
        reason = f"could not read the answer ({type(error).__name__}); keep the shape of the answer cell"
        return CheckResult(title, (ItemResult("shares", 0.0, 4.0, reason),))


def _score_shares(shares: object, title: str) -> CheckResult:
    if not isinstance(shares, Mapping):
        reason = (f"expected a dictionary of name: share, but found {type(shares).__name__}; "
                  "keep the shape of the answer cell")
        return CheckResult(title, (ItemResult("shares", 0.0, 4.0, reason),))
    given = _by_name(shares)
    if not given:
        return CheckResult(title, (ItemResult("shares", 0.0, 4.0, "not answered: the shares dictionary is empty"),))
    key = pa.shares(exercise_seconds())
    numbers = {k: _num(v) for k, v in given.items()}
    total = sum(v for v in numbers.values() if v is not None)
    percent = abs(total - 100) <= 1
    scale = 100.0 if percent else 1.0
    values = {k: (v / scale if v is not None else None) for k, v in numbers.items()}

    # everyone
    missing = [m for m in EXERCISE_MEMBERS if m not in given]
    extra = [k for k in given if k not in EXERCISE_MEMBERS]
    if not missing and not extra:
        everyone = ItemResult("everyone", 1.0, 1.0,
                              "all seven people, including Priya at zero and the facilitator")
    else:
        why = []
        if "Priya" in missing:
            why.append("Priya is missing: she never spoke, so her share is 0, and leaving her out "
                       "hides exactly what an airtime chart is for")
        if FACILITATOR in missing:
            why.append("the facilitator is missing: their airtime is part of the room's, and worth watching")
        others = [m for m in missing if m not in ("Priya", FACILITATOR)]
        if others:
            why.append(f"missing: {', '.join(others)}")
        if extra:
            why.append(f"not on the roster: {', '.join(map(str, extra))}")
        everyone = ItemResult("everyone", 0.0 if missing else 0.5, 1.0, "; ".join(why))

    # adds up to 1
    if abs(total - 1) <= SUM_TOLERANCE:
        adds = ItemResult("adds up to 1", 1.0, 1.0, f"the shares add up to {total:.3f}")
    elif percent:
        adds = ItemResult("adds up to 1", 0.0, 1.0,
                          f"these add up to {total:.1f}: percentages, not fractions. The shares are "
                          "marked as if divided by 100, but give fractions such as 0.25")
    else:
        adds = ItemResult("adds up to 1", 0.0, 1.0,
                          f"the shares add up to {total:.3f}, not 1: each share should be a person's "
                          "seconds divided by everyone's seconds, all seven included")

    # each share
    right = [m for m in EXERCISE_MEMBERS
             if values.get(m) is not None and abs(values[m] - key[m]) <= SHARE_TOLERANCE]
    fraction = len(right) / len(EXERCISE_MEMBERS)
    if len(right) == len(EXERCISE_MEMBERS):
        each = ItemResult("each share", 2.0, 2.0,
                          f"every share is right; Owen, presenting, has {key['Owen']:.0%}, "
                          f"Rashid {key['Rashid']:.0%}, Priya none")
    else:
        wrong = [m for m in EXERCISE_MEMBERS if m not in right]
        each = ItemResult("each share", round(2 * fraction, 2), 2.0,
                          f"{len(right)} of {len(EXERCISE_MEMBERS)} right. " + _share_slip(values, wrong, key))
    return CheckResult(title, (everyone, adds, each))


def _close_to(values: Mapping[str, float | None], variant: Mapping[str, float], tol: float = MATCH) -> bool:
    common = [k for k in variant if values.get(k) is not None]
    return len(common) >= 3 and all(abs(values[k] - variant[k]) <= tol for k in common)


def _share_slip(values, wrong, key) -> str:
    by_turns = pa.shares(exercise_turns())
    if _close_to(values, by_turns):
        turns = exercise_turns()
        return (f"These are shares of the turns, not of the time: Leah asks {turns['Leah']} short "
                f"questions and Rashid {turns['Rashid']} long ones. Total the seconds each person "
                "spoke, then divide by all the seconds.")
    seconds = exercise_seconds()
    no_fac = pa.shares({k: v for k, v in seconds.items() if k != FACILITATOR})
    if FACILITATOR not in values and _close_to(values, no_fac):
        return "These are shares of the members' time without the facilitator; include everyone."
    no_pres = pa.shares({k: v for k, v in seconds.items() if k != PRESENTER})
    if PRESENTER not in values and _close_to(values, no_pres):
        return "These leave out Owen, the presenter; the question asks for everyone's share of all the airtime."
    if _close_to(values, {k: s / 60 for k, s in seconds.items()}, tol=0.05):
        return "These look like minutes per person; divide each by the total to get shares."
    if _close_to(values, seconds, tol=0.5):
        return "These look like seconds per person; divide each by the total to get shares."
    detail = ", ".join(f"{m}{' (missing)' if values.get(m) is None else ''}" for m in wrong)
    return f"Not yet right: {detail}. Check each person's total seconds against the log."


_LITERAL = re.compile(r"(?<![\w.])(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?")


def typed_in(code: str | None, answers, tolerance: float = SHARE_TOLERANCE, *,
             uses: str = r"\bLOG\b", what: str = "uses LOG") -> str:
    """Why ``code`` (an answer cell's source) looks typed in rather than computed: it never
    matches ``uses`` (``what`` says what that is), or it writes one of the ``answers`` as a
    number. Empty when it looks computed."""
    code = code or ""
    if not re.search(uses, code):
        return (f"typed in, not computed: the cell never {what}. The exercise is to compute the "
                "answer in your own code")
    targets = [a for a in answers if 0 < a < 1]
    for literal in _LITERAL.findall(code):
        number = float(literal)
        if any(abs(number - a) <= tolerance for a in targets):
            return (f"typed in, not computed: the cell writes {literal} as a number. The exercise is "
                    "to compute the answer in your own code")
    return ""


# --- part 2: the Gini coefficient -------------------------------------------------------------

RANDOM_CASES = 6  # fresh lists each time the notebook runs, so no table of answers can help


def gini_on_cases(func: object, *, seed: int | None = None) -> list[dict]:
    """Run the trainee's ``func`` on the hand-worked cases, on fresh random lists and on the same
    lists sorted (in the trainee's kernel); each result as plain values for :func:`checks.hand_in`."""
    import random

    rng = random.Random(seed)
    inputs = [list(values) for values, _expected, _what in HIDDEN_CASES]
    fresh = []
    for _ in range(RANDOM_CASES):
        values = [rng.randint(0, 300) for _ in range(rng.randint(3, 9))]
        while values == sorted(values) or len(set(values)) < 2:
            rng.shuffle(values)
            values[0] += 7
        fresh.append(values)
    inputs += fresh + [sorted(v) for v in fresh]
    results = []
    for values in inputs:
        got, problem = _call(func, list(values))
        results.append({"values": values, "result": got, "problem": problem})
    return results


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


def _function_item(func: object, cases, possible: float) -> ItemResult:
    """The trainee's function, called here, on ``cases``: for the self-check in their kernel."""
    runs = []
    for values, expected, what in cases:
        got, problem = _call(func, values)
        runs.append((values, expected, what, got, problem))
    item = _judge_runs(runs, possible)
    return item if item.points < possible else ItemResult(
        item.item, possible, possible, f"right on all {len(runs)} hand-worked cases")


def _judge_runs(runs, possible: float) -> ItemResult:
    """``runs`` of (values, expected, what, got, problem): credit in proportion, with the slip named."""
    ok, notes, ratios = 0, [], []
    for values, expected, what, got, problem in runs:
        if problem:
            notes.append(problem)
            continue
        if abs(got - expected) <= 1e-6 + 1e-4 * abs(expected):
            ok += 1
        else:
            notes.append(f"gini({values}) gave {got:.4f}; {what} should give {expected:.4f}")
            if expected:
                ratios.append((got / expected, len(values)))
    if ok == len(runs):
        return ItemResult("your function", possible, possible, f"right on all {len(runs)} cases, hand-worked and fresh")
    hint = ""
    if ratios and all(abs(r - n / (n - 1)) < 1e-3 for r, n in ratios):
        hint = (" The results are the sample form, multiplied by n / (n - 1); a set is the whole "
                "population, so leave that factor out.")
    elif ratios and all(abs(r - 100) < 1e-3 for r, _n in ratios):
        hint = " The results are 100 times too big: give the coefficient as a fraction from 0 to 1."
    elif ratios and all(abs(r - 2) < 1e-3 for r, _n in ratios):
        hint = " The results are twice too big: divide the sum of differences by 2 n times the total."
    elif ratios and all(abs(r - 0.5) < 1e-3 for r, _n in ratios):
        hint = (" The results are half what they should be: the formula counts every ordered pair, "
                "(i, j) and (j, i).")
    points = round(possible * ok / len(runs), 2)
    return ItemResult("your function", points, possible,
                      f"{ok} of {len(runs)} cases right. " + "; ".join(notes[:3]) + "." + hint)


def _handed_in_runs(cases: object) -> tuple[list, list, str]:
    """The handed-in runs of the trainee's function on the hand-worked cases and on fresh lists,
    checked: every hand-worked case must be there, and the fresh lists both shuffled and sorted,
    each an honest list of numbers."""
    if not isinstance(cases, list):
        return [], [], "your function's results were not handed in: keep the grade cell as it is"
    worked = [list(v) for v, _e, _w in HIDDEN_CASES]
    known, fresh = [], []
    for entry in cases:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("values"), list):
            return [], [], "your function's results were not handed in in the expected shape"
        values = entry["values"]
        if not values or len(values) > 50 or any(_num(v) is None or v < 0 for v in values):
            return [], [], "your function's results were handed in for lists that are not counts of time"
        got = _num(entry.get("result"))
        problem = entry.get("problem") if isinstance(entry.get("problem"), str) else ""
        if got is None and not problem:
            problem = f"gini({values}) did not return a number"
        if values in worked:
            what = next(w for v, _e, w in HIDDEN_CASES if list(v) == values)
            known.append((values, pa.gini(values), what, got, problem[:200]))
        else:
            fresh.append((values, pa.gini(values), "this fresh list", got, problem[:200]))
    shuffled = [r for r in fresh if r[0] != sorted(r[0]) and len(set(r[0])) >= 2]
    ordered = [r for r in fresh if r[0] == sorted(r[0]) and len(set(r[0])) >= 2]
    if (len(known) < len(worked) or len(shuffled) < RANDOM_CASES
            or sorted(sorted(r[0]) for r in shuffled) != sorted(r[0] for r in ordered)):
        return [], [], "your function's results were not handed in for every case: keep the grade cell as it is"
    return known, fresh, ""


def _right(run) -> bool:
    _values, expected, _what, got, problem = run
    return not problem and abs(got - expected) <= 1e-6 + 1e-4 * abs(expected)


def _judge_fresh(known: list, fresh: list, possible: float) -> ItemResult:
    """Credit from the fresh lists alone (the hand-worked cases are public, so they only help to
    name a slip): full when right on all of them, half when right only once a list is sorted,
    a quarter for a consistent slip such as the sample form, in proportion otherwise."""
    diagnosis = _judge_runs(known + fresh, possible)
    if all(_right(r) for r in fresh):
        return ItemResult("your function", possible, possible,
                          f"right on all {len(known + fresh)} cases, hand-worked and fresh")
    shuffled = [r for r in fresh if r[0] != sorted(r[0])]
    ordered = [r for r in fresh if r[0] == sorted(r[0])]
    if ordered and all(_right(r) for r in ordered) and not any(_right(r) for r in shuffled):
        return ItemResult("your function", possible / 2, possible,
                          "right on the lists when they are sorted, wrong on the same people in a "
                          "different order: sort the values inside the function, or use the "
                          "formula that compares every pair")
    if "The results are" in diagnosis.reason and not any(_right(r) for r in fresh):
        return ItemResult("your function", possible / 4, possible, diagnosis.reason)
    share = sum(_right(r) for r in fresh) / len(fresh)
    return ItemResult("your function", round(possible * share, 2), possible, diagnosis.reason)


def gini_self_check(func: object, value: object) -> CheckResult:
    """Self-check: the trainee's function on the hand-worked cases, and whether the value for
    the log is a number in range. It does not say whether that value is right."""
    title = "Ready to submit"
    try:
        value_num = _num(value)
        if value is None:
            val = ItemResult("gini_airtime", 0.0, 1.0, "not answered yet: set gini_airtime")
        elif value_num is None:
            val = ItemResult("gini_airtime", 0.0, 1.0, f"{value!r} is not a number")
        elif not 0 <= value_num < 1:
            val = ItemResult("gini_airtime", 0.0, 1.0,
                             f"{value_num:g} is outside 0 to 1: is it a percentage, or on the wrong figures?")
        else:
            val = ItemResult("gini_airtime", 1.0, 1.0, f"{value_num:.3f}, a number between 0 and 1")
        return CheckResult(title, (_function_item(func, SELF_CHECK_CASES, 1.0), val))
    except Exception as error:
        return CheckResult(title, (ItemResult("gini", 0.0, 1.0, f"could not check ({type(error).__name__})"),))


def score_gini(cases: object, value: object, code: str | None = None) -> CheckResult:
    """The trainee's gini function on the hand-worked cases and on fresh random lists (2, from
    :func:`gini_on_cases`), and their coefficient for the exercise's log (2), with partial credit
    for recognisable slips. ``code`` is the answer cell's source: a coefficient typed in rather
    than computed earns nothing for the value."""
    title = "Your Gini coefficient"
    try:
        known, fresh, problem = _handed_in_runs(cases)
        function = (ItemResult("your function", 0.0, 2.0, problem) if problem
                    else _judge_fresh(known, fresh, 2.0))
        typed = ""
        if code is not None:
            typed = typed_in(code, [pa.gini(exercise_seconds())], GINI_TOLERANCE,
                             uses=r"(?<!def )\bgini\s*\(", what="calls your gini function")
        value_item = ItemResult("the set's Gini", 0.0, 2.0, typed) if typed else _value_item(value)
        return CheckResult(title, (function, value_item))
    except Exception as error:  # never let a strange answer stop the grading
        reason = f"could not check the answer ({type(error).__name__}); keep the shape of the answer cell"
        return CheckResult(title, (ItemResult("gini", 0.0, 4.0, reason),))


def _value_item(value: object) -> ItemResult:
    seconds, turns = exercise_seconds(), exercise_turns()
    key = pa.gini(seconds)
    if value is None:
        return ItemResult("the set's Gini", 0.0, 2.0, "not answered: set gini_airtime to your coefficient")
    got = _num(value)
    if got is None:
        return ItemResult("the set's Gini", 0.0, 2.0, f"{value!r} is not a number")
    if abs(got - key) <= GINI_TOLERANCE:
        return ItemResult("the set's Gini", 2.0, 2.0,
                          f"{got:.3f}: right. Most of it is Owen's long answers in his own slot; "
                          f"among the questioners alone the figure is "
                          f"{pa.gini([seconds[m] for m in EXERCISE_MEMBERS if m not in (FACILITATOR, PRESENTER)]):.2f}")
    n = len(EXERCISE_MEMBERS)
    slips = (
        (pa.gini(turns), 0.5, f"computed on the number of turns, not on the time: Leah's "
         f"{turns['Leah']} short questions count for more than Rashid's {turns['Rashid']} long ones. "
         "Use each person's total seconds"),
        (pa.gini({k: v for k, v in seconds.items() if k != "Priya"}), 1.0,
         "computed without Priya: she never spoke, and her zero is part of the inequality"),
        (pa.gini({k: v for k, v in turns.items() if k != "Priya"}), 0.5,
         "computed on the number of turns and without Priya: use everyone's total seconds"),
        (pa.gini({k: v for k, v in seconds.items() if k != FACILITATOR}), 1.0,
         "computed without the facilitator: the question asks about everyone in the room"),
        (pa.gini([s for _p, s in EXERCISE_LOG]), 0.5,
         "computed on the single turns, not on each person's total: add up each person's seconds first"),
        (key * n / (n - 1), 1.5, "the sample form, multiplied by n / (n - 1): a set is the whole population"),
        (key * 100, 1.5, "a percentage: give the coefficient as a fraction from 0 to 1"),
        (1 - key, 0.5, "one minus the coefficient: 0 should mean perfectly even"),
    )
    for variant, points, why in slips:
        if abs(got - variant) <= MATCH * max(1.0, abs(variant)):
            return ItemResult("the set's Gini", points, 2.0, f"{got:.3f} looks {why}.")
    return ItemResult("the set's Gini", 0.0, 2.0,
                      f"{got:.3f} is not the coefficient for this log. Check each person's total "
                      "seconds, everyone included, and then your function on them.",
                      f"the key: {key:.3f}")


# --- part 3: naming the dynamic ---------------------------------------------------------------

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
    title = "Ready to submit"
    wrong = _answers_or_reason(answers, title, DYNAMICS_CHOICES)
    if wrong:
        return wrong
    answers = normalise_dynamics(answers)
    items = []
    for item, choices in DYNAMICS_CHOICES.items():
        given = answers.get(item)
        allowed = ", ".join(repr(c) for c in choices)
        if given is None:
            items.append(ItemResult(item, 0.0, 1.0, f"not answered yet: choose one of {allowed}"))
        elif given not in choices:
            items.append(ItemResult(item, 0.0, 1.0, f"{given!r} is not one of {allowed}"))
        else:
            items.append(ItemResult(item, 1.0, 1.0, "answered"))
    return CheckResult(title, tuple(items))
