"""Session 8's transcript replay: a presenter slot that pauses at key moments, so the trainee can
write what they notice and compare it with an experienced facilitator's note."""

from __future__ import annotations

import os
from pathlib import Path

import ipywidgets as w

from actionlearning.practice.replay import Comparison, Line, Replay, Transcript, load_transcripts
from actionlearning.widgets.common import card, escape, static_note

HOW_TO = (
    "<p>Choose a transcript. It plays to its first pause: read what has happened so far, then "
    "write in the notes box what you notice and what you might do, or not do, if you were "
    "facilitating. Press <strong>Compare</strong> to see an experienced facilitator's note "
    "beside yours, then <strong>Play to next pause</strong>. At the end, "
    "<strong>Export notes</strong> gives you everything as Markdown for your log.</p>"
    '<p style="font-size:0.9em;opacity:0.85">Keyboard: Tab moves between the controls, the '
    "arrow keys choose a transcript, and Enter or Space presses the focused button. Write before "
    "you compare: the point is to practise your own noticing.</p>"
)
NOTES_PLACEHOLDER = "What do you notice? What might you do, or not do?"
STATIC_EXTRA = (
    " On this page you can read the first part of the first transcript and its first pause."
)


def _line_html(line: Line, facilitator: str) -> str:
    if line.is_direction:
        return f'<p style="margin:0.35em 0;font-style:italic;opacity:0.85">{escape(line.says)}</p>'
    mark = " (facilitating)" if line.who == facilitator else ""
    return (
        f'<p style="margin:0.35em 0"><strong>{escape(line.who)}{mark}:</strong> '
        f"{escape(line.says)}</p>"
    )


def lines_html(lines: tuple[Line, ...], facilitator: str) -> str:
    return "".join(_line_html(line, facilitator) for line in lines)


def scene_html(t: Transcript) -> str:
    cast = "".join(
        f"<li><strong>{escape(p.name)}</strong>, {escape(p.role)}</li>" for p in t.people
    )
    return card(t.set, t.situation) + (
        '<details style="margin:0.3em 0"><summary>Who is in the set</summary>'
        f'<ul style="margin:0.3em 0">{cast}</ul></details>'
    )


def comparison_html(comp: Comparison) -> str:
    """Two columns, the trainee's notes and the experienced facilitator's; they stack on a
    narrow screen."""
    if comp.wrote_notes:
        yours = "".join(f"<p style='margin:0.3em 0'>{escape(p)}</p>" for p in comp.yours.strip().splitlines() if p.strip())
    else:
        yours = (
            "<p><em>You wrote nothing at this pause. That's allowed; next time, try a line or "
            "two before you compare, even a guess.</em></p>"
        )
    column = "flex:1 1 18em;border-left:4px solid {};padding:0.3em 0.8em;min-width:14em"
    return (
        '<div style="display:flex;flex-wrap:wrap;gap:1em;margin:0.5em 0" role="group" '
        f'aria-label="Your notes and an experienced facilitator\'s note at pause {comp.pause.number}">'
        f'<div style="{column.format("#8c6d4a")}"><div style="font-size:0.85em;opacity:0.8">'
        f"Your notes</div>{yours}</div>"
        f'<div style="{column.format("#4a7c8c")}"><div style="font-size:0.85em;opacity:0.8">'
        f"An experienced facilitator: {escape(comp.pause.moment)}</div>"
        f"<p style='margin:0.3em 0'>{escape(comp.pause.note)}</p></div></div>"
        "<p><em>Where do you differ? Neither note is the answer: what did you see that they did "
        "not, and what did they see that you did not?</em></p>"
    )


class TranscriptReplay(w.VBox):
    """Choose a transcript; play it to each pause; write notes; compare; export.

    Each transcript keeps its own replay, so switching between them loses nothing. ``folder``
    is where *Save as Markdown* writes (the current folder by default).
    """

    def __init__(self, transcripts: tuple[Transcript, ...] | None = None,
                 folder: str | os.PathLike | None = None):
        self.transcripts = transcripts or load_transcripts()
        self.folder = Path(folder) if folder is not None else None
        self.replays = {t.id: Replay(t) for t in self.transcripts}
        self.choose = w.Dropdown(
            options=[(t.title, t.id) for t in self.transcripts],
            value=self.transcripts[0].id,
            description="Transcript",
            layout=w.Layout(width="100%"),
        )
        self.scene = w.HTML()
        self.earlier = w.HTML()
        self.segment = w.HTML()
        self.pause_view = w.HTML()
        self.notes = w.Textarea(
            placeholder=NOTES_PLACEHOLDER,
            description="Your notes",
            style={"description_width": "initial"},
            layout=w.Layout(width="100%", height="7em"),
        )
        self.compare_button = w.Button(
            description="Compare",
            icon="columns",
            tooltip="Show an experienced facilitator's note beside yours",
        )
        self.play_button = w.Button(
            description="Play to next pause",
            button_style="primary",
            icon="play",
            tooltip="Keep your notes and play on to the next pause",
            layout=w.Layout(width="auto"),  # the default width cuts its label short
        )
        self.restart_button = w.Button(
            description="Start again", icon="undo", tooltip="Replay this transcript from the start, clearing its notes"
        )
        self.comparison = w.HTML()
        self.export_button = w.Button(
            description="Export notes", icon="file-text", tooltip="Your notes so far, as Markdown"
        )
        self.save_button = w.Button(
            description="Save as Markdown",
            icon="save",
            tooltip="Write the export to a file only you can read",
            layout=w.Layout(display="none"),
        )
        self.export = w.Textarea(
            description="Markdown",
            layout=w.Layout(width="100%", height="14em", display="none"),
        )
        self.status = w.HTML()
        self.choose.observe(self._on_choose, names="value")
        self.compare_button.on_click(lambda _b: self.compare())
        self.play_button.on_click(lambda _b: self.play())
        self.restart_button.on_click(lambda _b: self.restart())
        self.export_button.on_click(lambda _b: self.export_notes())
        self.save_button.on_click(lambda _b: self.save())
        super().__init__(
            [
                static_note(STATIC_EXTRA),
                w.HTML(HOW_TO),
                self.choose,
                self.scene,
                self.earlier,
                self.segment,
                self.pause_view,
                self.notes,
                w.HBox(
                    [self.compare_button, self.play_button, self.restart_button],
                    layout=w.Layout(flex_flow="row wrap"),
                ),
                self.comparison,
                w.HBox([self.export_button, self.save_button], layout=w.Layout(flex_flow="row wrap")),
                self.status,
                self.export,
            ],
            layout=w.Layout(max_width="56em"),
        )
        # A useful first state, also on the static website: the first transcript, played to
        # its first pause, with the prompts showing.
        self._begin()
        self._show()

    @property
    def replay(self) -> Replay:
        return self.replays[self.choose.value]

    # --- actions (the buttons call these; the tests may too) ---

    def play(self) -> None:
        """Keep the notes at this pause, then play on to the next pause or the end."""
        replay = self.replay
        if replay.finished:
            return
        self._keep_notes()
        replay.play()
        self._hide_export()
        self._show()

    def compare(self) -> Comparison | None:
        """Show the experienced facilitator's note beside the trainee's notes."""
        replay = self.replay
        if replay.pause is None:
            return None
        comp = replay.compare(self.notes.value)
        self.comparison.value = comparison_html(comp)
        return comp

    def restart(self) -> None:
        self.replay.restart()
        self._begin()
        self._hide_export()
        self._show()

    def export_notes(self) -> str:
        """Put the notes so far, as Markdown, in the export box; return them."""
        self._keep_notes()
        text = self.replay.to_markdown()
        self.export.value = text
        self.export.layout.display = None
        self.save_button.layout.display = None
        self.status.value = (
            "<p>Your notes, as Markdown: copy them into your log, or save them as a file.</p>"
        )
        return text

    def save(self) -> Path | None:
        """Write the export to a Markdown file readable by its owner only; return its path."""
        text = self.export_notes()
        folder = self.folder or Path.cwd()
        path = folder / f"replay-notes-{self.replay.transcript.id}.md"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.chmod(path, 0o600)
        except OSError as error:
            self.status.value = (
                f"<p>Could not save to {escape(str(path))}: {escape(error.strerror or str(error))}. "
                "Copy the Markdown below instead.</p>"
            )
            return None
        self.status.value = (
            f"<p>Saved to <code>{escape(str(path))}</code>, readable by you only. Your notes are "
            "yours: share them with your trainer or supervisor if you choose.</p>"
        )
        return path

    # --- events ---

    def _on_choose(self, change) -> None:
        old = self.replays.get(change["old"])
        if old is not None and old.pause is not None:
            old.write(self.notes.value)
        self._begin()
        self._hide_export()
        self._show()

    # --- views ---

    def _begin(self) -> None:
        if not self.replay.started:
            self.replay.play()

    def _keep_notes(self) -> None:
        if self.replay.pause is not None:
            self.replay.write(self.notes.value)

    def _hide_export(self) -> None:
        self.export.layout.display = "none"
        self.save_button.layout.display = "none"
        self.export.value = ""
        self.status.value = ""

    def _show(self) -> None:
        replay = self.replay
        t = replay.transcript
        self.scene.value = scene_html(t)
        segments = replay.segments
        current = segments[-1] if segments else None
        earlier = segments[:-1]
        if earlier:
            parts = []
            for seg in earlier:
                parts.append(lines_html(seg.lines, t.facilitator))
                if seg.pause:
                    parts.append(
                        f'<p style="margin:0.4em 0;font-size:0.85em;opacity:0.8">'
                        f"Pause {seg.pause.number}: {escape(seg.pause.at)}</p>"
                    )
            self.earlier.value = (
                '<details style="margin:0.3em 0"><summary>Earlier in the slot</summary>'
                f'<div style="padding-left:0.8em">{"".join(parts)}</div></details>'
            )
        else:
            self.earlier.value = ""
        self.segment.value = (
            f'<div style="border-left:4px solid #4a7c8c;padding:0.2em 0.9em;margin:0.3em 0">'
            f"{lines_html(current.lines, t.facilitator) if current else ''}</div>"
        )
        pause = replay.pause
        total = len(t.pauses)
        if pause is not None:
            prompts = "".join(f"<li>{escape(p)}</li>" for p in pause.prompts)
            self.pause_view.value = (
                f'<div role="status" aria-live="polite"><p><strong>Pause {pause.number} '
                f"of {total}:</strong> {escape(pause.at)}</p>"
                f'<ul style="margin:0.2em 0">{prompts}</ul></div>'
            )
            self.notes.value = replay.notes.get(pause.number, "")
            self.notes.disabled = False
            self.compare_button.disabled = False
            self.play_button.disabled = False
            if pause.number in replay.compared:
                self.comparison.value = comparison_html(replay.comparison(pause))
            else:
                self.comparison.value = ""
            self.play_button.description = (
                "Play to next pause" if pause.number < total else "Play to the end"
            )
        else:
            self.pause_view.value = (
                '<div role="status" aria-live="polite"><p><strong>The end of the slot.</strong> '
                f"{escape(replay.summary())} Export your notes for your log, or choose another "
                "transcript.</p></div>"
            )
            self.notes.value = ""
            self.notes.disabled = True
            self.compare_button.disabled = True
            self.play_button.disabled = True
            self.comparison.value = ""
