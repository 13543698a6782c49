"""Assessing a turn: the first real question decides the form, and every sentence may add issues."""

from __future__ import annotations

from dataclasses import dataclass

from actionlearning.practice.questions.classify import Clause, classify_sentence
from actionlearning.practice.questions.feedback import feedback_for
from actionlearning.practice.questions.sentences import WORD, normalise, split_sentences
from actionlearning.practice.questions.vocabulary import (
    ISSUES,
    LONG_REASON,
    LONG_WORDS,
    REFLECTION_START,
)


@dataclass(frozen=True)
class QuestionAssessment:
    """What :func:`assess` makes of one turn.

    ``form`` is ``None`` exactly when ``is_question`` is false. ``issues`` holds names from
    :data:`ISSUES` in that order. ``benefit_of_doubt`` is true when the form was read as open
    although the wording could be taken as closed (for example "Do you want to say more?").
    ``text`` is the text as given.
    """

    is_question: bool
    form: str | None
    issues: tuple[str, ...]
    feedback: str
    suggestion: str | None = None
    benefit_of_doubt: bool = False
    text: str = ""

# --------------------------------------------------------------------------------------------
# Assessing a turn


def _empty(text: str) -> QuestionAssessment:
    return QuestionAssessment(
        text=text,
        is_question=False,
        form=None,
        issues=(),
        feedback=(
            "There's nothing here yet. Write the question you would ask the presenter, in "
            "your own words; an open question beginning 'What' or 'How' is a good place to start."
        ),
        suggestion="What would a good outcome look like for you?",
    )


def assess(text: str) -> QuestionAssessment:
    """Assess one turn of set talk as a question. Never raises."""
    if not isinstance(text, str):
        text = "" if text is None else _safe_str(text)
    return assess_safely(text)[0]


def assess_safely(text: str) -> tuple[QuestionAssessment, str]:
    """The assessment and the main question's subtype (for score reasons). Never raises."""
    try:
        return _assess(text)
    except Exception:  # pragma: no cover - a last line of defence; the rules should not raise
        return QuestionAssessment(
            text=text,
            is_question=False,
            form=None,
            issues=(),
            feedback=(
                "Sorry, this couldn't be read as a question. Try writing it as one short "
                "sentence, as you would say it to the presenter."
            ),
        ), ""


def _safe_str(value: object) -> str:
    try:
        return str(value)
    except Exception:
        return ""


# Said where the reading rests on a cue that experienced facilitators weigh differently.
DOUBT = (
    " This is a judgement call: experienced facilitators might hear it differently. If you "
    "meant it otherwise, say why; you may be right."
)


def _assess(text: str) -> tuple[QuestionAssessment, str]:
    if not text.strip():
        return _empty(text), ""
    norm, capped = normalise(text)
    sentences = split_sentences(norm)
    if not sentences:
        return QuestionAssessment(
            text=text,
            is_question=False,
            form=None,
            issues=(),
            feedback=(
                "There are no words here to read as a question. Try writing the question you "
                "would ask the presenter, for example 'What matters most to you in this?'"
            ),
            suggestion="What matters most to you in this?",
        ), ""
    clauses = [classify_sentence(s) for s in sentences]
    real = [c for c in clauses if c.kind in ("question", "request")]
    meta = [c for c in clauses if c.kind == "meta"]
    words = sum(s.words for s in sentences)
    if capped:
        words = max(words, len(WORD.findall(norm)))

    if not real and not meta:
        return _not_question(text, clauses), ""

    main = real[0] if real else meta[0]
    asked = real if real else meta[:1]
    count = len(asked) + sum(c.extra for c in asked)
    low_turn = " ".join(s.low for s in sentences)

    found = set()
    if any(c.advice for c in asked) or any(c.advice_stmt for c in clauses):
        found.add("advice")
    if any(c.rhetorical for c in asked):
        found.add("rhetorical")
    elif any(c.leading for c in asked):
        found.add("leading")
    if any(c.why for c in asked):
        found.add("why")
    if count > 1:
        found.add("stacked")
    if words >= LONG_WORDS or LONG_REASON.search(low_turn):
        found.add("long")
    issues = tuple(i for i in ISSUES if i in found)
    feedback, suggestion = feedback_for(main, issues, count, words, asked)
    if issues and any(c.doubt for c in asked):
        feedback += DOUBT
    return QuestionAssessment(
        text=text,
        is_question=True,
        form=main.form,
        issues=issues,
        feedback=feedback,
        suggestion=suggestion,
        benefit_of_doubt=main.benefit and main.form == "open",
    ), main.subtype


def _not_question(text: str, clauses: list[Clause]) -> QuestionAssessment:
    if any(c.advice_stmt for c in clauses):
        return QuestionAssessment(
            text=text,
            is_question=False,
            form=None,
            issues=(),
            feedback=(
                "This reads as advice rather than a question: it offers your own solution. "
                "In a set the presenter finds their own way, so try turning your idea into an "
                "open question about the options they see."
            ),
            suggestion="What options have you considered?",
        )
    first = clauses[0].core if clauses else ""
    if REFLECTION_START.match(first + " ") or first.startswith(
        ("what i'm hearing", "i'm hearing", "i notice", "i'm noticing", "it sounds", "sounds")
    ):
        return QuestionAssessment(
            text=text,
            is_question=False,
            form=None,
            issues=(),
            feedback=(
                "This is a statement, not a question: said back to the presenter it works as a "
                "reflection, which can help them feel heard. If you want to invite more, add "
                "an open question or an invitation such as 'Say more about that.'"
            ),
            suggestion="Say more about that.",
        )
    return QuestionAssessment(
        text=text,
        is_question=False,
        form=None,
        issues=(),
        feedback=(
            "This is a statement rather than a question. That's fine as a comment; if you want "
            "to help the presenter explore, try an open question that uses their own words."
        ),
        suggestion="What would help you most right now?",
    )
