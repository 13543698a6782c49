"""Auto-check helpers that the weekly exercises' test cells call.

Every check returns a :class:`CheckResult`: points per item with a reason a trainee can read.
Checks never raise on a trainee's answer, however malformed: a wrong type or a missing answer
scores zero and says why, so nobody is marked wrong without a reason.

In an nbgrader test cell, end with :func:`award`: it prints the reasons and returns the points
as the cell's value, which nbgrader takes as partial credit.
"""

from __future__ import annotations

import re
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


# --- an issue written as a question the presenter owns -----------------------------------

_WORD = re.compile(r"[\w’']+", re.UNICODE)
_OWNED_STEM = re.compile(r"^\s*(how|what)\s+(can|could|might|do|will|should)\s+(i|we)\b", re.I)
_OPEN_STEM = re.compile(r"^\s*(how|what)\b", re.I)
_CLOSED_STEM = re.compile(
    r"^\s*(should|can|could|would|will|do|does|did|is|are|am|was|were|have|has|shall|must)\b", re.I
)
_FIRST_PERSON = re.compile(r"\b(i|me|my|we|us|our)\b", re.I)
OWNED_QUESTION_MAX_WORDS = 30


def score_owned_question(text: object) -> CheckResult:
    """Four checks on an issue written as a question its presenter owns.

    Revans's problems are owned by the person who must act: a good set question is one open
    question, in the first person, about what the presenter can do, and short enough to hold
    in mind. Each check is worth a quarter and says why.
    """
    title = "Your issue as a question you own"
    if not isinstance(text, str) or not text.strip():
        reason = "no question yet: write your issue as one sentence, in quotation marks"
        return CheckResult(title, (ItemResult("question", 0.0, 4.0, reason),))
    question = " ".join(text.split())
    words = _WORD.findall(question)
    marks = question.count("?")
    results = [
        ItemResult(
            "one question",
            1.0 if marks == 1 and question.endswith("?") else 0.0,
            1.0,
            "one question, ending with a question mark"
            if marks == 1 and question.endswith("?")
            else f"found {marks} question marks; a set works best on one question, ending with '?'",
        ),
        _open_item(question),
        ItemResult(
            "owned",
            1.0 if _FIRST_PERSON.search(question) else 0.0,
            1.0,
            "in the first person, so it is yours to act on"
            if _FIRST_PERSON.search(question)
            else "no 'I', 'my' or 'we': whose question is it? Put yourself in it, as the one who will act",
        ),
        ItemResult(
            "short",
            1.0 if len(words) <= OWNED_QUESTION_MAX_WORDS else 0.0,
            1.0,
            f"{len(words)} words, short enough to hold in mind"
            if len(words) <= OWNED_QUESTION_MAX_WORDS
            else f"{len(words)} words; try {OWNED_QUESTION_MAX_WORDS} or fewer, keeping the heart of it",
        ),
    ]
    return CheckResult(title, tuple(results))


def _open_item(question: str) -> ItemResult:
    if _OWNED_STEM.match(question):
        return ItemResult("open", 1.0, 1.0, "an open 'How/What can I...' question invites action")
    if _OPEN_STEM.match(question):
        return ItemResult(
            "open", 0.5, 1.0,
            "open, but not yet about what you can do: try 'How can I...?' or 'What can I...?'",
        )
    if _CLOSED_STEM.match(question):
        return ItemResult(
            "open", 0.0, 1.0,
            "it can be answered yes or no, which closes the set's thinking; try 'How can I...?'",
        )
    return ItemResult("open", 0.0, 1.0, "start with 'How can I...' or 'What can I...' to open it up")
