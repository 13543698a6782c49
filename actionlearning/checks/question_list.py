"""A trainee's list of questions, each assessed as the Question Lab would (sessions 4 and 5)."""

from __future__ import annotations

from actionlearning.checks import CheckResult, ItemResult
from actionlearning.practice.questions import score_questions


def score_question_list(texts: object, title: str = "Your questions") -> CheckResult:
    """A point per open question with nothing flagged; partial credit and the reason otherwise."""
    if isinstance(texts, str):
        texts = [texts]
    if not isinstance(texts, (list, tuple)) or not texts:
        reason = "expected a list of questions, each in quotation marks, such as [\"What matters most to you here?\"]"
        return CheckResult(title, (ItemResult("questions", 0.0, 1.0, reason),))
    score = score_questions(list(texts))
    return CheckResult(
        title,
        tuple(
            ItemResult(_short(item.text), item.points, 1.0, item.reason)
            for item in score.items
        ),
    )


def _short(text: object, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
