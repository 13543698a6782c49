"""The Question Lab: ask a presenter questions and get instant feedback on each."""

from __future__ import annotations

import ipywidgets as w

from actionlearning.practice.question_lab import ISSUE_LABELS, QuestionLog, load_issues
from actionlearning.practice.questions import QuestionAssessment, assess
from actionlearning.widgets.common import card, escape, later, static_note

EXAMPLE = "Have you thought about asking the head to chair it?"


def describe(a: QuestionAssessment) -> str:
    """One assessment as a short HTML block: form, flags, feedback and a suggestion."""
    if not a.is_question:
        form = "not a question"
    else:
        form = f"{a.form} question"
    flags = ", ".join(ISSUE_LABELS[i] for i in a.issues)
    head = f"<strong>{escape(form.capitalize())}</strong>" + (f" &middot; {escape(flags)}" if flags else "")
    body = f"<div>{escape(a.feedback)}</div>"
    if a.suggestion:
        body += f"<div><em>Try:</em> {escape(a.suggestion)}</div>"
    return f"<div>{head}</div>{body}"


class QuestionLab(w.VBox):
    """A presenter's issue at the top; the trainee's questions below, each assessed as typed
    (after a pause) and logged on Enter or "Ask"; a summary to copy into a reflection."""

    def __init__(self, debounce: float = 0.35):
        self.debounce = debounce
        self._timer = None  # what later() returned, while waiting
        self.issues = load_issues()
        self.questions = QuestionLog()
        self.choose = w.Dropdown(
            options=[(f"{i.presenter}, {i.role}", n) for n, i in enumerate(self.issues)],
            value=0,
            description="Presenter",
            layout=w.Layout(width="100%"),
        )
        self.issue = w.HTML()
        self.box = w.Text(
            placeholder="Type a question for the presenter, then press Enter",
            description="Your question",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=w.Layout(width="100%"),
        )
        self.ask_button = w.Button(description="Ask", button_style="primary", tooltip="Add this question to your log")
        self.clear_button = w.Button(description="Start again", tooltip="Clear the log for this presenter")
        self.feedback = w.HTML(f"<div><em>For example</em>, &ldquo;{escape(EXAMPLE)}&rdquo;:</div>{describe(assess(EXAMPLE))}")
        self.history = w.HTML()
        self.summary = w.Textarea(description="Summary", layout=w.Layout(width="100%", height="7em"))
        self.choose.observe(self._on_choose, names="value")
        self.box.observe(self._on_typing, names="value")
        self.box.on_msg(self._on_text_message)
        self.ask_button.on_click(lambda _b: self.ask())
        self.clear_button.on_click(lambda _b: self._reset())
        super().__init__(
            [static_note(), self.choose, self.issue, w.HBox([self.box, self.ask_button, self.clear_button]),
             self.feedback, self.history, self.summary],
            layout=w.Layout(max_width="56em"),
        )
        self._show_issue()

    @property
    def presenter(self) -> str:
        return self.issues[self.choose.value].presenter

    # --- actions ---

    def ask(self) -> QuestionAssessment | None:
        """Log what is in the box, show its feedback, and clear the box for the next question."""
        self._cancel_timer()
        text = self.box.value
        if not text.strip():
            self.feedback.value = describe(assess(text))
            return None
        result = self.questions.ask(text)
        self.feedback.value = f"<div>&ldquo;{escape(text.strip())}&rdquo;</div>{describe(result)}"
        self.box.value = ""
        self._cancel_timer()  # clearing the box is not typing
        self._show_log()
        return result

    def preview(self) -> None:
        """Feedback on the question as typed so far, without logging it."""
        text = self.box.value
        if text.strip():
            self.feedback.value = describe(assess(text))

    # --- events ---

    def _on_text_message(self, _widget, content, _buffers) -> None:
        if content.get("event") == "submit":  # Enter in the text box
            self.ask()

    def _on_typing(self, _change) -> None:
        self._cancel_timer()
        if self.debounce <= 0:
            self.preview()
        else:
            self._timer = later(self.debounce, self.preview)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _on_choose(self, _change) -> None:
        self._reset()
        self._show_issue()

    def _reset(self) -> None:
        self.questions.clear()
        self.box.value = ""
        self._cancel_timer()
        self._show_log()

    # --- views ---

    def _show_issue(self) -> None:
        i = self.issues[self.choose.value]
        self.issue.value = card(f"{i.presenter}, {i.role}, says", i.issue)
        self._show_log()

    def _show_log(self) -> None:
        rows = "".join(
            f"<tr><td>{n}</td><td>{escape(e.text)}</td><td>{escape(e.form or 'not a question')}</td>"
            f"<td>{escape(', '.join(ISSUE_LABELS[i] for i in e.issues) or '—')}</td></tr>"
            for n, e in enumerate(self.questions.entries, start=1)
        )
        self.history.value = (
            "<table><thead><tr><th>#</th><th>Your question</th><th>Form</th><th>Flagged</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>" if rows else "<p><em>Your questions will be listed here.</em></p>"
        )
        self.summary.value = self.questions.summary(self.presenter)
