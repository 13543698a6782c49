"""Session 1's issue sorter: puzzle or problem, P or Q, one issue at a time."""

from __future__ import annotations

import ipywidgets as w

from actionlearning.practice.puzzles import KINDS, Sorting
from actionlearning.widgets.common import card, escape, static_note


class IssueSorter(w.VBox):
    """Deal each issue; the trainee judges it twice, checks, and reads the trainers' reasoning."""

    def __init__(self, sorting: Sorting | None = None):
        self.sorting = sorting or Sorting()
        self.progress = w.HTML()
        self.issue = w.HTML()
        self.kind = w.ToggleButtons(
            options=[(k.capitalize(), k) for k in KINDS],
            value=None,
            description="Is it a",
            tooltips=["It has a right answer an expert could give", "No single right answer; people differ"],
            style={"description_width": "initial"},
        )
        self.calls = w.ToggleButtons(
            options=[("P: programmed knowledge", "P"), ("Q: questioning insight", "Q")],
            value=None,
            description="It calls for",
            style={"description_width": "initial", "button_width": "auto"},
        )
        self.check_button = w.Button(description="Check", button_style="primary", disabled=True)
        self.next_button = w.Button(description="Next issue", disabled=True)
        self.restart_button = w.Button(description="Start again")
        self.feedback = w.HTML()
        self.summary = w.Textarea(
            layout=w.Layout(width="100%", height="6em", display="none"),
            description="Summary",
            disabled=False,
        )
        self.kind.observe(self._on_choice, names="value")
        self.calls.observe(self._on_choice, names="value")
        self.check_button.on_click(self._on_check)
        self.next_button.on_click(self._on_next)
        self.restart_button.on_click(self._on_restart)
        super().__init__(
            [
                static_note(),
                self.progress,
                self.issue,
                self.kind,
                self.calls,
                w.HBox([self.check_button, self.next_button, self.restart_button]),
                self.feedback,
                self.summary,
            ],
            layout=w.Layout(max_width="52em"),
        )
        self._show_card()

    # --- views of the logic's state ---

    def _show_card(self) -> None:
        s = self.sorting
        self._show_progress(on_card=min(len(s.judgements) + 1, len(s.cards)))
        if s.current is None:
            self.issue.value = card("All sorted", s.summary())
            self.summary.value = s.summary()
            self.summary.layout.display = None
            for control in (self.kind, self.calls, self.check_button, self.next_button):
                control.disabled = True
            return
        self.issue.value = card("A set member says", s.current.issue)
        self.kind.value = None
        self.calls.value = None
        self.kind.disabled = self.calls.disabled = False
        self.check_button.disabled = True
        self.next_button.disabled = True
        self.feedback.value = ""

    def _show_progress(self, on_card: int) -> None:
        s = self.sorting
        self.progress.value = (
            f"<strong>Issue {on_card} of {len(s.cards)}</strong>"
            f" &middot; {s.points} of {s.possible} judgements matched so far"
        )

    def _on_choice(self, _change) -> None:
        self.check_button.disabled = self.kind.value is None or self.calls.value is None

    def _on_check(self, _button) -> None:
        judgement = self.sorting.answer(self.kind.value, self.calls.value)
        self.kind.disabled = self.calls.disabled = self.check_button.disabled = True
        self.next_button.disabled = False
        self.next_button.description = "Next issue" if not self.sorting.finished else "See summary"
        self.feedback.value = (
            f"<p><strong>{escape(judgement.headline)}</strong></p><p>{escape(judgement.card.why)}</p>"
        )
        self._show_progress(on_card=len(self.sorting.judgements))

    def _on_next(self, _button) -> None:
        self._show_card()

    def _on_restart(self, _button) -> None:
        self.sorting.restart()
        self.summary.layout.display = "none"
        self.summary.value = ""
        self._show_card()

