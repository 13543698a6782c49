"""What the weekly exercises' grade cells call: plain values in, points and reasons out.

Every check returns a :class:`CheckResult`: points per item, each with a ``reason`` the trainee
can read and, where a key is involved, a ``note`` for the trainer alone (the keyed answer and
why). Reasons never give the key away, so feedback can be handed back and passed on without
becoming the next cohort's answer sheet. Checks never raise on a trainee's answer, however
malformed: a wrong type or a missing answer scores zero and says why.

A grade cell has two halves. The visible half runs in the trainee's kernel: it hands the
answers in as plain values (:func:`hand_in`) and prints a self-check that says what is missing
or malformed. The hidden half (the hidden tests) holds the key; it never runs in the trainee's
kernel. The grader runs it in a clean namespace of its own, on the handed-in answers, and it
ends with an expression whose value is a :class:`CheckResult` (see
:mod:`actionlearning.course.grading`).

The core (results, readiness, multiple choice) is here; checks for one kind of answer live in
submodules, which grade cells reach as ``checks.<module>.<function>`` (imported on first use).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from actionlearning.checks.answers import hand_in

__all__ = ["CheckResult", "ItemResult", "check_ready", "choices_ready", "hand_in", "keyed", "same_for_all", "score_choices"]

# What a trainee reads for a keyed item they did not get: an invitation, never the answer.
LOOK_AGAIN = "not the reading we would give: look again, and bring it to your trainer if you disagree"
# What a trainee reads when their answer differs from the key but is a fair reading too.
ACCEPTED = "accepted: a fair reading of this one, though not the only one"


@dataclass(frozen=True)
class ItemResult:
    item: str
    points: float
    possible: float
    reason: str  # for the trainee: what was found, never the key
    note: str = ""  # for the trainer alone: the keyed answer and the reasoning behind it

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

    def report(self, *, trainer: bool = False) -> str:
        """The result as text: the trainee's reasons, and with ``trainer`` the notes as well."""
        lines = [f"{self.title}: {self.points:g} of {self.possible:g}"]
        for i in self.items:
            lines.append(f"  {i.mark} {i.item}: {i.reason}")
            if trainer and i.note:
                lines.append(f"      for the trainer: {i.note}")
        return "\n".join(lines)


def keyed(item: str, given: object, expected: str, why: str = "", *, agrees: bool,
          accepted: str = "", unreadable: str = "") -> ItemResult:
    """One item scored against a key: the trainee's reason says whether it agrees, never what
    the key is; the trainer's note gives the key and ``why``.

    ``accepted`` is the trainers' reason for accepting a different answer as a fair reading
    (full credit; the reason goes in the note, since it would name the key). ``unreadable``
    says why ``given`` is not one of the allowed answers.
    """
    note = f"the key: {expected}. {why}".strip()
    if agrees:
        return ItemResult(item, 1.0, 1.0, "agreed", note)
    if accepted:
        return ItemResult(item, 1.0, 1.0, ACCEPTED, f"{note} Accepted as fair: {given!r}, {accepted}")
    if given is None:
        return ItemResult(item, 0.0, 1.0, "not answered", note)
    if unreadable:
        return ItemResult(item, 0.0, 1.0, unreadable, note)
    return ItemResult(item, 0.0, 1.0, f"you said {_shown(given)}: {LOOK_AGAIN}", note)


# One answer given to every item is a pattern, not a reading of each (and it would earn whatever
# share of the key happens to use that answer): with this many items or more, it earns nothing.
PATTERN_ITEMS = 4
PATTERN = "the same answer for every item is a pattern, not a reading of each one, so it earns nothing"


def same_for_all(given: Iterable[object], expected: Iterable[object]) -> bool:
    """True when one answer was given to every item while the key uses more than one."""
    given, expected = [g for g in given], list(expected)
    said = {_normalise(g) if isinstance(g, str) else repr(g) for g in given}
    return (len(expected) >= PATTERN_ITEMS and len(set(map(str, expected))) > 1
            and len(said) == 1 and None not in given)


def as_pattern(result: CheckResult) -> CheckResult:
    """``result`` with every item's points taken away for answering by pattern."""
    return CheckResult(result.title, tuple(
        ItemResult(i.item, 0.0, i.possible, PATTERN, i.note) for i in result.items))


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _normalise(value: object) -> str:
    """An answer as compared with the choices: case and runs of spaces ignored."""
    return " ".join(value.lower().split()) if isinstance(value, str) else ""


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
    return choices_ready(answers, {item: choices for item in items})


def choices_ready(answers: object, choices: Mapping[str, Iterable[str]]) -> CheckResult:
    """Self-check before submitting: is each item answered with one of its own ``choices``
    (case and spaces ignored)? It reveals nothing about which answers are right."""
    title = "Ready to submit"
    wrong_shape = _answers_or_reason(answers, title, choices)
    if wrong_shape:
        return wrong_shape
    results = []
    for item, allowed in choices.items():
        allowed = tuple(allowed)
        named = ", ".join(repr(c) for c in allowed)
        offered = " or ".join(repr(c) for c in allowed) if len(allowed) == 2 else f"one of {named}"
        given = answers.get(item)
        if given is None:
            results.append(ItemResult(item, 0.0, 1.0, f"not answered yet: choose {offered}"))
        elif _normalise(given) not in {_normalise(c) for c in allowed}:
            results.append(ItemResult(item, 0.0, 1.0, f"{given!r} is not one of {named}"))
        else:
            results.append(ItemResult(item, 1.0, 1.0, "answered"))
    extra = sorted(set(map(str, answers)) - set(choices))
    if extra:
        results.append(
            ItemResult(", ".join(extra), 0.0, 0.0, "not an item in this exercise; it is ignored")
        )
    return CheckResult(title, tuple(results))


def score_choices(
    answers: object,
    key: Mapping[str, str],
    reasons: Mapping[str, str] | None = None,
    *,
    accept: Mapping[str, Mapping[str, str]] | None = None,
    choices: Iterable[str] | None = None,
    title: str = "Your classification",
) -> CheckResult:
    """One point per item whose answer matches ``key`` (case and spaces ignored).

    ``reasons`` explains each keyed answer, for the trainer's notes. ``accept`` maps an item to
    the other answers that can fairly be given, each with the trainers' reason, for full credit. ``choices`` (the allowed answers) lets an answer outside them be named as such.
    """
    reasons = reasons or {}
    accept = accept or {}
    allowed = {c.lower() for c in choices} if choices is not None else None
    wrong_shape = _answers_or_reason(answers, title, key)
    if wrong_shape:
        return wrong_shape
    results = []
    for item, expected in key.items():
        given = answers.get(item)
        said = _normalise(given)
        fair = {k.lower(): v for k, v in accept.get(item, {}).items()}
        outside = allowed is not None and given is not None and said not in allowed
        results.append(keyed(
            item, given, expected, reasons.get(item, ""), agrees=said == expected.lower(),
            accepted=fair.get(said, ""),
            unreadable=f"{_shown(given)} is not one of the answers offered" if outside else "",
        ))
    result = CheckResult(title, tuple(results))
    if same_for_all((answers.get(i) for i in key), key.values()):
        return as_pattern(result)
    return result


def __getattr__(name: str):
    """``checks.contract`` and the like: a submodule, imported on first use."""
    from importlib import import_module, util

    if util.find_spec(f"{__name__}.{name}") is None:
        raise AttributeError(f"actionlearning.checks has no check module {name!r}")
    return import_module(f"{__name__}.{name}")
