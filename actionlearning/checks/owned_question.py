"""An issue written as a question its presenter owns (session 1)."""

from __future__ import annotations

import re

from actionlearning.checks import CheckResult, ItemResult

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
