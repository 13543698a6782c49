"""The Question Lab's logic: presenters' issues to practise on, and a log of the questions a
trainee asks, each assessed by :func:`actionlearning.practice.questions.assess`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from actionlearning.course.datafiles import read_yaml
from actionlearning.practice.questions import QuestionAssessment, assess

ISSUES_FILE = "presenter_issues.yaml"
# How each flagged issue is named to a trainee.
ISSUE_LABELS = {
    "advice": "advice in disguise",
    "leading": "leading",
    "why": "a 'why' question",
    "stacked": "stacked questions",
    "long": "long",
    "rhetorical": "rhetorical or judgemental",
}


@dataclass(frozen=True)
class PresenterIssue:
    id: str
    presenter: str
    role: str
    issue: str


@cache
def load_issues() -> tuple[PresenterIssue, ...]:
    data = read_yaml(ISSUES_FILE)
    issues = []
    for n, raw in enumerate(data["issues"], start=1):
        try:
            issues.append(PresenterIssue(**{k: str(raw[k]).strip() for k in ("id", "presenter", "role", "issue")}))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{ISSUES_FILE}: issue {n} needs id, presenter, role and issue ({exc})") from exc
    return tuple(issues)


@dataclass
class QuestionLog:
    """The questions a trainee has asked one presenter, in order, with their assessments."""

    entries: list[QuestionAssessment] = field(default_factory=list)

    def ask(self, text: str) -> QuestionAssessment:
        """Assess ``text`` and log it if it is worth logging (anything but empty input)."""
        result = assess(text)
        if text.strip():
            self.entries.append(result)
        return result

    def clear(self) -> None:
        self.entries.clear()

    @property
    def questions(self) -> list[QuestionAssessment]:
        return [e for e in self.entries if e.is_question]

    @property
    def clean_open(self) -> int:
        """Open questions with nothing flagged."""
        return sum(1 for e in self.questions if e.form == "open" and not e.issues)

    def count(self, issue: str) -> int:
        return sum(1 for e in self.entries if issue in e.issues)

    def summary(self, presenter: str = "the presenter") -> str:
        """A few lines a trainee can copy into their reflection."""
        asked = len(self.questions)
        if not self.entries:
            return "No questions asked yet."
        lines = [f"I asked {presenter} {asked} question{'s' if asked != 1 else ''}."]
        if asked:
            open_ = sum(1 for e in self.questions if e.form == "open")
            lines.append(f"Open: {open_} of {asked} ({100 * open_ // asked}%); open with nothing flagged: {self.clean_open}.")
        flagged = {issue: self.count(issue) for issue in ISSUE_LABELS}
        named = [f"{ISSUE_LABELS[issue]}: {n}" for issue, n in flagged.items() if n]
        lines.append("Flagged: " + (", ".join(named) if named else "nothing") + ".")
        if flagged["advice"]:
            lines.append(f"Advice in disguise caught: {flagged['advice']}.")
        statements = len(self.entries) - asked
        if statements:
            lines.append(f"Statements rather than questions: {statements}.")
        return "\n".join(lines)
