"""Scoring a list of attempts: partial credit with a reason per item, for the auto-checked exercises."""

from __future__ import annotations

from dataclasses import dataclass

from actionlearning.practice.questions.assessment import assess_safely
from actionlearning.practice.questions.vocabulary import FORMS

# Issues that cost half the credit in score_questions; the rest cost all of it.
_HALF_ISSUES = frozenset({"why", "stacked", "long"})

@dataclass(frozen=True)
class ItemScore:
    text: str
    points: float
    reason: str


@dataclass(frozen=True)
class QuestionScore:
    """Partial credit over a list of attempts: ``points`` out of ``possible`` (one per item)."""

    points: float
    possible: float
    items: tuple[ItemScore, ...]
    summary: str = ""

    @property
    def fraction(self) -> float:
        return self.points / self.possible if self.possible else 0.0

# --------------------------------------------------------------------------------------------
# Scoring a list of attempts


def score_questions(texts: list[str], *, want: str = "open") -> QuestionScore:
    """Score attempts at writing questions of the form ``want`` ("open" or "closed").

    Each item earns 1.0 for a question of the wanted form with no issue; 0.5 for the wanted
    form with only a why, long or stacked issue, or advice or leading read as a judgement call
    (``QuestionAssessment.judgement_calls``), or where it is open only with the benefit of the
    doubt; 0.0 for the other form, advice, leading, rhetorical, or not a question. A
    non-string item scores 0 with a reason; an empty list scores 0 out of 0.
    """
    if want not in FORMS:
        raise ValueError(f"want must be 'open' or 'closed', not {want!r}")
    if texts is None:
        items_in: list[object] = []
    elif isinstance(texts, str):
        items_in = [texts]
    else:
        try:
            items_in = list(texts)
        except TypeError:
            items_in = [texts]
    items = tuple(_score_item(item, want) for item in items_in)
    points = float(sum(i.points for i in items))
    possible = float(len(items))
    if not items:
        summary = "There were no questions to score: write at least one and check again."
    else:
        summary = f"{_fmt(points)} out of {_fmt(possible)}."
    return QuestionScore(points=points, possible=possible, items=items, summary=summary)


def _fmt(x: float) -> str:
    return f"{x:g}"


_ISSUE_REASONS = {
    "advice": "it is advice in the form of a question, carrying your own idea",
    "leading": "it is a leading question: its wording signals the answer you expect",
    "rhetorical": "it is judgemental or rhetorical rather than curious",
    "why": "it starts with 'why', which can invite justification",
    "stacked": "it asks more than one question at once",
    "long": "it is long enough to have started becoming a statement",
}
_CLOSED_KIND = {
    "fact": "it asks for a specific fact",
    "choice": "it offers a choice of answers",
    "scale": "it asks for a number",
    "reflection": "it is a reflection said as a question, so it invites agreement",
    "tag": "it invites agreement",
    "meta": "it asks permission",
    "suggestion": "it offers one option to accept or reject",
}


def _try(suggestion: str | None) -> str:
    return f" Try something like: '{suggestion}'" if suggestion else ""


def _score_item(item: object, want: str) -> ItemScore:
    if not isinstance(item, str):
        return ItemScore(
            text=_safe_repr(item),
            points=0.0,
            reason="No marks: this item isn't text, so there is nothing to score.",
        )
    if not item.strip():
        return ItemScore(item, 0.0, "No marks: this one is empty; write a question here.")
    a, subtype = assess_safely(item)
    if not a.is_question:
        return ItemScore(
            item, 0.0, "No marks: this is a statement rather than a question." + _try(a.suggestion)
        )
    blocking = [i for i in a.issues if i not in _HALF_ISSUES and i not in a.judgement_calls]
    if blocking:
        return ItemScore(
            item, 0.0, f"No marks: {_ISSUE_REASONS[blocking[0]]}." + _try(a.suggestion)
        )
    if a.form != want:
        if a.form == "closed":
            kind = _CLOSED_KIND.get(subtype, "it can be answered 'yes' or 'no'")
            why = f"it is a closed question ({kind}), and an open one was asked for"
        else:
            why = "it is an open question, and a closed one was asked for"
        hint = _try(a.suggestion) if want == "open" else ""
        return ItemScore(item, 0.0, f"No marks: {why}." + hint)
    half = [i for i in a.issues if i in _HALF_ISSUES]
    if half:
        return ItemScore(
            item,
            0.5,
            f"Half marks: {_article(want)} {want} question, but "
            f"{_join(_ISSUE_REASONS[i] for i in half)}."
            + _try(a.suggestion),
        )
    if a.judgement_calls:
        return ItemScore(
            item,
            0.5,
            f"Half marks: {_article(want)} {want} question, but it may be heard this way: "
            f"{_join(_ISSUE_REASONS[i] for i in a.judgement_calls)}. Experienced facilitators "
            "could hear it either way; if you meant it otherwise, say why in your reflection."
            + _try(a.suggestion),
        )
    if a.benefit_of_doubt and want == "open":
        return ItemScore(
            item,
            0.5,
            "Half marks: it can be read as open, but its wording could also be answered 'yes' "
            "or 'no'; make the invitation plain." + _try(a.suggestion),
        )
    return ItemScore(
        item, 1.0, f"Full marks: a clear {want} question with none of the common issues."
    )


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _join(parts) -> str:
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]






def _safe_repr(value: object) -> str:
    try:
        r = repr(value)
    except Exception:
        r = f"<{type(value).__name__}>"
    return r[:200]
