"""Session 9's supervision explorer: look at an episode from your sets through the seven eyes."""

from __future__ import annotations

import datetime as dt
import os

import ipywidgets as w

from actionlearning.practice.supervision import OWN_TITLE, Exploration, Eye, Model, load_model
from actionlearning.widgets.common import card, escape, static_note

OWN = "own"
HOW_TO = (
    "<p>Choose an episode from a new facilitator's sets, or write one of your own. Say what "
    "you want from supervision, then step through the seven eyes: read each eye's questions "
    "and write what you notice. The explorer keeps your notes for each episode while the page "
    "is open, shows which eyes you have not looked through yet, and turns your notes into a "
    "supervision log you can copy or save.</p>"
    '<p style="font-size:0.9em;opacity:0.85">Keyboard: Tab moves between the controls; the '
    "arrow keys change a drop-down's choice; Space ticks a box; Enter or Space presses a "
    "button.</p>"
)
CONFIRM_CLEAR = "Click again to clear"


def eye_view(eye: Eye, total: int, prompt: str, own: bool) -> str:
    """One eye as HTML: its name and focus, what it looks at, its questions, and the episode's prompt."""
    questions = "".join(f'<li style="margin:0.2em 0">{escape(q)}</li>' for q in eye.questions)
    if prompt:
        extra = card("For this episode, a supervisor might wonder", prompt)
    elif own:
        extra = (
            "<p><em>Your own episode: which of these questions brings something new into "
            "view?</em></p>"
        )
    else:
        extra = ""
    return (
        f'<div role="region" aria-label="Eye {eye.number} of {total}">'
        f'<h3 style="margin:0.4em 0 0.1em;font-size:1.2em">Eye {eye.number} of {total}: {escape(eye.name)}</h3>'
        f'<div style="opacity:0.8;font-size:0.9em">{escape(eye.focus)}</div>'
        f"<p>{escape(eye.description)}</p>"
        f'<p style="margin-bottom:0.2em"><strong>Questions to explore</strong></p>'
        f'<ul style="margin-top:0">{questions}</ul>{extra}</div>'
    )


def progress_view(exploration: Exploration) -> str:
    """Which eyes have notes: a dot per eye, and the same in words for a screen reader."""
    dots = "".join(
        f'<span title="{escape(e.label)}" style="margin-right:0.35em">'
        f'{e.number}{"●" if e in exploration.explored else "○"}</span>'
        for e in exploration.model.eyes
    )
    done, total = len(exploration.explored), len(exploration.model.eyes)
    waiting = ", ".join(e.label for e in exploration.unexplored)
    rest = f" Not yet explored: {escape(waiting)}." if waiting else ""
    return (
        f'<div><span aria-hidden="true">{dots}</span> '
        f"<strong>Explored {done} of {total} eyes.</strong>{rest}</div>"
    )


class SupervisionExplorer(w.VBox):
    """Pick an episode or write your own; step through the seven eyes; write notes; export.

    ``folder`` is where *Save log to a file* writes (the current folder by default), and
    ``date`` the date the log carries (today by default).
    """

    def __init__(
        self,
        model: Model | None = None,
        folder: str | os.PathLike = ".",
        date: dt.date | None = None,
    ):
        self.model = model or load_model()
        self.folder = folder
        self.date = date or dt.date.today()
        self.explorations: dict[str, Exploration] = {}
        self._loading = False

        self.choose = w.Dropdown(
            options=[(e.title, e.id) for e in self.model.episodes] + [(OWN_TITLE, OWN)],
            value=self.model.episodes[0].id if self.model.episodes else OWN,
            description="Episode",
            layout=w.Layout(width="100%"),
        )
        self.episode = w.HTML()
        self.own_title = w.Text(
            description="Title",
            placeholder="A few words to name the episode",
            layout=w.Layout(width="100%"),
        )
        self.own_text = w.Textarea(
            description="What happened",
            placeholder="What happened in your set, in a few sentences: who, what was said, what you did.",
            layout=w.Layout(width="100%", height="7em"),
            style={"description_width": "initial"},
        )
        self.own_box = w.VBox([self.own_title, self.own_text], layout=w.Layout(display="none"))
        self.question = w.Text(
            description="What I want from supervision",
            placeholder="In a sentence: what would make this supervision worth it for you?",
            layout=w.Layout(width="99%"),
            style={"description_width": "initial"},
        )
        self.functions = {
            f.id: w.Checkbox(value=False, description=f.name, indent=False,
                          layout=w.Layout(width="9em", flex="0 0 9em"))
            for f in self.model.functions
        }
        function_rows = [
            w.HBox([self.functions[f.id], w.HTML(f'<span style="font-size:0.9em">{escape(f.description)}</span>')],
                   layout=w.Layout(align_items="center"))
            for f in self.model.functions
        ]
        self.eye = w.Dropdown(
            options=[(e.label, e.id) for e in self.model.eyes],
            value=self.model.eyes[0].id,
            description="Eye",
            layout=w.Layout(width="28em", max_width="100%"),
        )
        auto = {"width": "auto"}
        self.previous_button = w.Button(description="Previous eye", icon="arrow-left", layout=auto)
        self.next_button = w.Button(description="Next eye", icon="arrow-right", layout=auto)
        self.eye_text = w.HTML()
        self.notes = w.Textarea(
            description="My notes",
            placeholder="What do you notice through this eye?",
            layout=w.Layout(width="100%", height="8em"),
        )
        self.progress = w.HTML()
        self.export_button = w.Button(
            description="Show my log", button_style="primary", icon="clipboard", layout=auto,
            tooltip="Turn your notes into a supervision log entry (Markdown) you can copy",
        )
        self.save_button = w.Button(
            description="Save log to a file", icon="save", layout=auto,
            tooltip="Write the log as a Markdown file in this notebook's folder, readable by you alone",
        )
        self.clear_button = w.Button(description="Clear this episode", icon="eraser", layout=auto)
        self.status = w.HTML()
        self.log_box = w.Textarea(
            description="Log",
            layout=w.Layout(width="100%", height="16em", display="none"),
        )

        self.choose.observe(self._on_choose, names="value")
        self.own_title.observe(self._on_own, names="value")
        self.own_text.observe(self._on_own, names="value")
        self.question.observe(self._on_question, names="value")
        for box in self.functions.values():
            box.observe(self._on_functions, names="value")
        self.eye.observe(self._on_eye, names="value")
        self.notes.observe(self._on_notes, names="value")
        self.previous_button.on_click(lambda _b: self.step(-1))
        self.next_button.on_click(lambda _b: self.step(1))
        self.export_button.on_click(lambda _b: self.export())
        self.save_button.on_click(lambda _b: self.save())
        self.clear_button.on_click(lambda _b: self._on_clear())

        super().__init__(
            [
                static_note(),
                w.HTML(HOW_TO),
                self.choose,
                self.episode,
                self.own_box,
                self.question,
                w.HTML("<p style=\"margin:0.4em 0 0.1em\"><strong>Which functions of supervision do "
                       "you want this time?</strong> (Proctor)</p>"),
                *function_rows,
                w.HBox([self.eye, self.previous_button, self.next_button],
                       layout=w.Layout(flex_flow="row wrap", align_items="center", margin="0.6em 0 0 0")),
                self.eye_text,
                self.notes,
                self.progress,
                w.HBox([self.export_button, self.save_button, self.clear_button],
                       layout=w.Layout(flex_flow="row wrap")),
                self.status,
                self.log_box,
            ],
            layout=w.Layout(max_width="56em"),
        )
        self._show_episode()

    # --- state ---

    @property
    def exploration(self) -> Exploration:
        """The exploration of the chosen episode, kept while the widget lives."""
        key = self.choose.value
        if key not in self.explorations:
            episode = None if key == OWN else self.model.episode(key)
            self.explorations[key] = Exploration(episode, date=self.date, model=self.model)
        return self.explorations[key]

    @property
    def current_eye(self) -> Eye:
        return self.model.eye(self.eye.value)

    # --- actions ---

    def step(self, by: int) -> None:
        """Move to the previous (-1) or next (+1) eye, stopping at the first and the seventh."""
        ids = [e.id for e in self.model.eyes]
        index = min(max(ids.index(self.eye.value) + by, 0), len(ids) - 1)
        self.eye.value = ids[index]

    def export(self) -> str:
        """Show the log in the box below the buttons, and return it."""
        self._reset_clear()
        text = self.exploration.to_markdown()
        self.log_box.value = text
        self.log_box.layout.display = None
        self.status.value = "<p>Your log is below: select it all (Ctrl+A or Cmd+A in the box) and copy it.</p>"
        return text

    def save(self):
        """Write the log to a new Markdown file; say where, or what went wrong."""
        self._reset_clear()
        try:
            path = self.exploration.save(self.folder)
        except OSError as error:
            self.status.value = (
                f"<p>The log could not be saved ({escape(str(error))}). Use <strong>Show my "
                "log</strong> and copy it instead.</p>"
            )
            return None
        self.status.value = (
            f"<p>Saved to <code>{escape(str(path))}</code>, readable by you alone.</p>"
        )
        return path

    # --- events ---

    def _on_choose(self, _change) -> None:
        self._reset_clear()
        self.status.value = ""
        self.log_box.value = ""
        self.log_box.layout.display = "none"
        self._show_episode()

    def _on_own(self, _change) -> None:
        if self._loading:
            return
        self._reset_clear()
        self.exploration.own_title = self.own_title.value
        self.exploration.own_text = self.own_text.value

    def _on_question(self, _change) -> None:
        if not self._loading:
            self._reset_clear()
            self.exploration.question = self.question.value

    def _on_functions(self, _change) -> None:
        if not self._loading:
            self._reset_clear()
            self.exploration.set_functions(fid for fid, box in self.functions.items() if box.value)

    def _on_eye(self, _change) -> None:
        self._reset_clear()
        self._show_eye()

    def _on_notes(self, _change) -> None:
        if self._loading:
            return
        self._reset_clear()
        self.exploration.set_note(self.eye.value, self.notes.value)
        self.progress.value = progress_view(self.exploration)

    def _on_clear(self) -> None:
        if self.clear_button.description != CONFIRM_CLEAR:
            self.clear_button.description = CONFIRM_CLEAR
            self.clear_button.button_style = "warning"
            self.status.value = (
                "<p>This removes your notes, question and choices for this episode. Click again "
                "to clear them, or carry on writing to keep them.</p>"
            )
            return
        self.exploration.clear()
        if self.exploration.own:
            self.exploration.own_title = self.exploration.own_text = ""
        self._reset_clear()
        self.status.value = "<p>Cleared. Start again from the first eye.</p>"
        self.log_box.value = ""
        self.log_box.layout.display = "none"
        self._show_episode()
        self.eye.value = self.model.eyes[0].id

    # --- views ---

    def _reset_clear(self) -> None:
        """Stand down a pending 'Click again to clear', and its warning."""
        if self.clear_button.description == CONFIRM_CLEAR:
            self.status.value = ""
        self.clear_button.description = "Clear this episode"
        self.clear_button.button_style = ""

    def _show_episode(self) -> None:
        x = self.exploration
        self._loading = True
        try:
            if x.own:
                self.episode.value = (
                    "<p>Write an episode from your own set practice, keeping other people "
                    "anonymous: what happened, who was there, what you did.</p>"
                )
                self.own_box.layout.display = None
                self.own_title.value = x.own_title
                self.own_text.value = x.own_text
            else:
                e = x.episode
                self.episode.value = card(f"{e.facilitator}. {e.setting}", e.text)
                self.own_box.layout.display = "none"
            self.question.value = x.question
            for fid, box in self.functions.items():
                box.value = fid in x.functions
        finally:
            self._loading = False
        self._show_eye()

    def _show_eye(self) -> None:
        x, eye = self.exploration, self.current_eye
        self.eye_text.value = eye_view(eye, len(self.model.eyes), x.prompt(eye), x.own)
        self._loading = True
        try:
            self.notes.value = x.note(eye)
        finally:
            self._loading = False
        self.previous_button.disabled = eye.number == 1
        self.next_button.disabled = eye.number == len(self.model.eyes)
        self.progress.value = progress_view(x)
