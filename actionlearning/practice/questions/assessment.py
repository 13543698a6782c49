"""Assessing a turn: the first real question decides the form, and every sentence may add issues."""

from __future__ import annotations

from dataclasses import dataclass

from actionlearning.practice.questions.classify import Clause, classify_sentence
from actionlearning.practice.questions.feedback import feedback_for
from actionlearning.practice.questions.learned import features, learned_issues
from actionlearning.practice.questions.sentences import WORD, Sentence, normalise, split_sentences
from actionlearning.practice.questions.vocabulary import (
    COURTESY,
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
    ``text`` is the text as given. ``judgement_calls`` holds the issues read from a cue that
    experienced facilitators weigh differently (a hedge, or the learned second opinion alone):
    the feedback says so, and the exercises' marks hold back less for them.
    """

    is_question: bool
    form: str | None
    issues: tuple[str, ...]
    feedback: str
    suggestion: str | None = None
    benefit_of_doubt: bool = False
    text: str = ""
    judgement_calls: tuple[str, ...] = ()

# --------------------------------------------------------------------------------------------
# Assessing a turn


def _no_question(text: str, feedback: str, suggestion: str | None = None) -> QuestionAssessment:
    """An assessment of a turn that holds no question to assess."""
    return QuestionAssessment(text=text, is_question=False, form=None, issues=(), feedback=feedback,
                              suggestion=suggestion)


def _empty(text: str) -> QuestionAssessment:
    return _no_question(
        text,
        (
            "There's nothing here yet. Write the question you would ask the presenter, in "
            "your own words; an open question beginning 'What' or 'How' is a good place to start."
        ),
        "What would a good outcome look like for you?",
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
        return _no_question(
            text,
            (
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


@dataclass
class _Reading:
    """What the rules make of a turn that holds a question, before any feedback is written."""

    sentences: list[Sentence]
    main: Clause
    asked: list[Clause]
    count: int  # real questions asked, counting those inside a sentence
    words: int
    issues: tuple[str, ...]

    def features(self) -> set[str]:
        return features(self.sentences, self.main.form, self.main.subtype, self.issues)


def _read(sentences: list[Sentence], norm: str, capped: bool) -> _Reading | list[Clause]:
    """The rules' reading of a turn, or its clauses when none of them is a question."""
    clauses = [classify_sentence(s) for s in sentences]
    real = [c for c in clauses if c.kind in ("question", "request")]
    meta = [c for c in clauses if c.kind == "meta"]
    if not real and (not meta or COURTESY.match(meta[0].core)):
        return clauses  # no question, or only courtesy ("Can I just pause us there?")
    words = sum(s.words for s in sentences)
    if capped:
        words = max(words, len(WORD.findall(norm)))
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
    return _Reading(sentences, main, asked, count, words, issues)


def rule_features(text: str) -> set[str] | None:
    """The learned models' features for a turn the rules read as a question (else ``None``):
    the one way the trainer and :func:`assess` see a turn."""
    norm, capped = normalise(text)
    sentences = split_sentences(norm)
    reading = _read(sentences, norm, capped) if sentences else None
    return reading.features() if isinstance(reading, _Reading) else None


def _assess(text: str) -> tuple[QuestionAssessment, str]:
    if not text.strip():
        return _empty(text), ""
    norm, capped = normalise(text)
    sentences = split_sentences(norm)
    if not sentences:
        return _no_question(
            text,
            (
                "There are no words here to read as a question. Try writing the question you "
                "would ask the presenter, for example 'What matters most to you in this?'"
            ),
            "What matters most to you in this?",
        ), ""
    reading = _read(sentences, norm, capped)
    if not isinstance(reading, _Reading):
        return _not_question(text, reading), ""
    main, asked, issues = reading.main, reading.asked, reading.issues
    # The models' second opinion adds what the rules did not hear, as a judgement call.
    added = learned_issues(reading.features(), issues)
    issues = tuple(i for i in ISSUES if i in {*issues, *added})
    doubtful = {*added, *(i for c in asked for i in c.doubtful)}
    judgement_calls = tuple(i for i in issues if i in doubtful)
    feedback, suggestion = feedback_for(main, issues, reading.count, reading.words, asked)
    if judgement_calls:
        feedback += DOUBT
    return QuestionAssessment(
        text=text,
        is_question=True,
        form=main.form,
        issues=issues,
        feedback=feedback,
        suggestion=suggestion,
        benefit_of_doubt=main.benefit and main.form == "open",
        judgement_calls=judgement_calls,
    ), main.subtype


def _not_question(text: str, clauses: list[Clause]) -> QuestionAssessment:
    if any(c.advice_stmt for c in clauses):
        return _no_question(
            text,
            (
                "This reads as advice rather than a question: it offers your own solution. "
                "In a set the presenter finds their own way, so try turning your idea into an "
                "open question about the options they see."
            ),
            "What options have you considered?",
        )
    first = clauses[0].core if clauses else ""
    if REFLECTION_START.match(first + " ") or first.startswith(
        ("what i'm hearing", "i'm hearing", "i notice", "i'm noticing", "it sounds", "sounds")
    ):
        return _no_question(
            text,
            (
                "This is a statement, not a question: said back to the presenter it works as a "
                "reflection, which can help them feel heard. If you want to invite more, add "
                "an open question or an invitation such as 'Say more about that.'"
            ),
            "Say more about that.",
        )
    return _no_question(
        text,
        (
            "This is a statement rather than a question. That's fine as a comment; if you want "
            "to help the presenter explore, try an open question that uses their own words."
        ),
        "What would help you most right now?",
    )
