"""Auto-check helpers that the weekly exercises' test cells call.

Every check returns a :class:`CheckResult`: points per item with a reason a trainee can read.
Checks never raise on a trainee's answer, however malformed: a wrong type or a missing answer
scores zero and says why, so nobody is marked wrong without a reason.

In an nbgrader test cell, end with :func:`award`: it prints the reasons and returns the points
as the cell's value, which nbgrader takes as partial credit.

The core (results, readiness, multiple choice) is here; checks for one kind of answer live in
submodules, which test cells reach as ``checks.<module>.<function>`` (imported on first use).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ItemResult:
    item: str
    points: float
    possible: float
    reason: str

    @property
    def mark(self) -> str:
        if self.points >= self.possible:
            return "✓"
        return "½" if self.points > 0 else "✗"


@dataclass(frozen=True)
class CheckResult:
    title: str
    items: tuple[ItemResult, ...]

    @property
    def points(self) -> float:
        return sum(i.points for i in self.items)

    @property
    def possible(self) -> float:
        return sum(i.possible for i in self.items)

    @property
    def fraction(self) -> float:
        return self.points / self.possible if self.possible else 0.0

    def report(self) -> str:
        lines = [f"{self.title}: {self.points:g} of {self.possible:g}"]
        lines += [f"  {i.mark} {i.item}: {i.reason}" for i in self.items]
        return "\n".join(lines)


def award(result: CheckResult, points: float) -> float:
    """Print the result's reasons and return its share of ``points`` (nbgrader partial credit)."""
    print(result.report())
    return round(result.fraction * points, 2)


def _normalise(value: object) -> str:
    return str(value).strip().lower() if isinstance(value, str) else ""


def _answers_or_reason(answers: object, title: str, items: Iterable[str]) -> CheckResult | None:
    """A zero result explaining why, when ``answers`` is not a dictionary at all."""
    if isinstance(answers, Mapping):
        return None
    reason = (
        f"expected a dictionary such as {{'a': ...}}, but found {type(answers).__name__}; "
        "keep the shape of the answer cell and fill in each value"
    )
    return CheckResult(title, tuple(ItemResult(str(k), 0.0, 1.0, reason) for k in items))


def check_ready(answers: object, choices: Iterable[str], items: Iterable[str]) -> CheckResult:
    """Self-check before submitting: is every item answered with one of ``choices``?

    It reveals nothing about which answers are right.
    """
    choices = tuple(choices)
    items = tuple(items)
    title = "Ready to submit"
    wrong_shape = _answers_or_reason(answers, title, items)
    if wrong_shape:
        return wrong_shape
    allowed = " or ".join(repr(c) for c in choices)
    results = []
    for item in items:
        given = answers.get(item)
        if given is None:
            results.append(ItemResult(item, 0.0, 1.0, f"not answered yet: choose {allowed}"))
        elif _normalise(given) not in {c.lower() for c in choices}:
            results.append(ItemResult(item, 0.0, 1.0, f"{given!r} is not one of {allowed}"))
        else:
            results.append(ItemResult(item, 1.0, 1.0, "answered"))
    extra = sorted(set(map(str, answers)) - set(items))
    if extra:
        results.append(
            ItemResult(", ".join(extra), 0.0, 0.0, "not an item in this exercise; it is ignored")
        )
    return CheckResult(title, tuple(results))


def score_choices(
    answers: object, key: Mapping[str, str], reasons: Mapping[str, str] | None = None
) -> CheckResult:
    """One point per item whose answer matches ``key`` (case and spaces ignored).

    ``reasons`` explains each item's keyed answer; it is shown whether the answer was right or
    not, so the feedback teaches as well as scores.
    """
    reasons = reasons or {}
    title = "Your classification"
    wrong_shape = _answers_or_reason(answers, title, key)
    if wrong_shape:
        return wrong_shape
    results = []
    for item, expected in key.items():
        given = answers.get(item)
        why = reasons.get(item, "")
        if _normalise(given) == expected.lower():
            results.append(ItemResult(item, 1.0, 1.0, f"{expected}. {why}".strip()))
        elif given is None:
            results.append(ItemResult(item, 0.0, 1.0, f"not answered; the key says {expected}. {why}".strip()))
        else:
            results.append(
                ItemResult(item, 0.0, 1.0, f"you said {given!r}; the key says {expected}. {why}".strip())
            )
    return CheckResult(title, tuple(results))


def __getattr__(name: str):
    """``checks.contract`` and the like: a submodule, imported on first use."""
    from importlib import import_module, util

    if util.find_spec(f"{__name__}.{name}") is None:
        raise AttributeError(f"actionlearning.checks has no check module {name!r}")
    return import_module(f"{__name__}.{name}")
