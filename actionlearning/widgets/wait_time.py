"""Session 5's wait-time practice: a presenter who goes deeper the longer the set waits."""

from __future__ import annotations

import ipywidgets as w

from actionlearning.practice.wait_time import (
    BANDS,
    MAX_SECONDS,
    Moment,
    Response,
    load_moments,
    respond,
    say_seconds,
)
from actionlearning.widgets.common import card, escape, later, static_note

HOW_TO = (
    "<p>Choose a moment. A set member has just asked the presenter a question. Set how many "
    "seconds the set stays silent, then press <strong>Wait</strong> to hear how far the "
    "presenter gets, and what a set member typically says to break the silence at that point. "
    "Tick <em>Wait in real time</em> to sit through the silence yourself: notice what happens "
    "in you as it runs.</p>"
    "<p style=\"font-size:0.9em;opacity:0.85\">Keyboard: Tab moves between the controls, the "
    "arrow keys move the slider, and Enter or Space presses Wait.</p>"
)
DEFAULT_SECONDS = 2


def depth_meter(depth: int) -> str:
    """How deep the presenter got, as dots with the same words for a screen reader."""
    total = len(BANDS)
    dots = "●" * depth + "○" * (total - depth)
    return (
        f'<div><strong>Depth reached:</strong> <span aria-hidden="true" '
        f'style="letter-spacing:0.2em">{dots}</span> {depth} of {total}</div>'
    )


def describe(response: Response) -> str:
    """A response as HTML: what the presenter said, who broke the silence and how, the note."""
    m, filler = response.moment, response.filler
    said = "".join(
        f'<li style="margin:0.25em 0">{"<strong>" if n == response.depth else ""}'
        f"{escape(text)}{'</strong>' if n == response.depth else ''}</li>"
        for n, text in enumerate(response.heard, start=1)
    )
    if response.deepest:
        next_step = (
            f"This is as deep as this moment goes. As facilitator, what would you do now: wait "
            f"again, or ask {escape(m.presenter)} one short question?"
        )
    else:
        next_step = f"Try a longer silence: what else might {escape(m.presenter)} find?"
    return (
        depth_meter(response.depth)
        + f"<p>After <strong>{escape(response.duration)}</strong> of silence "
        f"({escape(response.band.label)}), {escape(m.presenter)} has said:</p><ol>{said}</ol>"
        + card(f"Then {filler.who} breaks the silence ({filler.label})", filler.says)
        + f"<p><strong>Facilitator's note.</strong> {escape(response.note)}</p>"
        + f"<p><em>{next_step}</em></p>"
    )


class WaitTime(w.VBox):
    """Choose a moment and a length of silence; press Wait; read what emerged and the note.

    ``clock`` is how many real seconds pass for each second of silence when waiting in real
    time (the tests make it tiny).
    """

    def __init__(self, moments: tuple[Moment, ...] | None = None, seconds: int = DEFAULT_SECONDS,
                 clock: float = 1.0):
        self.moments = moments or load_moments()
        self.clock = clock
        self._timer = None  # what later() returned, while waiting
        self.last: Response | None = None
        self.choose = w.Dropdown(
            options=[(m.title, n) for n, m in enumerate(self.moments)],
            value=0,
            description="Moment",
            layout=w.Layout(width="100%"),
        )
        self.scene = w.HTML()
        self.seconds = w.IntSlider(
            value=min(max(int(seconds), 0), MAX_SECONDS),
            min=0,
            max=MAX_SECONDS,
            step=1,
            description="Seconds of silence",
            continuous_update=False,
            style={"description_width": "initial"},
            layout=w.Layout(width="32em", max_width="100%"),
        )
        self.realtime = w.Checkbox(value=False, description="Wait in real time", indent=False)
        self.wait_button = w.Button(
            description="Wait",
            button_style="primary",
            icon="hourglass-half",
            tooltip="Let the silence run for the chosen number of seconds",
        )
        self.status = w.HTML()
        self.response = w.HTML()
        self.choose.observe(self._on_choose, names="value")
        self.seconds.observe(self._on_seconds, names="value")
        self.wait_button.on_click(lambda _b: self.wait())
        super().__init__(
            [
                static_note(),
                w.HTML(HOW_TO),
                self.choose,
                self.scene,
                w.HBox([self.seconds, self.realtime, self.wait_button],
                       layout=w.Layout(flex_flow="row wrap", align_items="center")),
                self.status,
                self.response,
            ],
            layout=w.Layout(max_width="56em"),
        )
        self._show_scene()
        # A useful first state, also on the static website: what a quick-fill set hears.
        self._reveal(respond(self.moment, self.seconds.value))

    @property
    def moment(self) -> Moment:
        return self.moments[self.choose.value]

    # --- actions ---

    def wait(self) -> Response | None:
        """Let the chosen silence run. Returns the response at once, or None while waiting in
        real time (the response then appears when the time is up)."""
        self._cancel_timer()
        response = respond(self.moment, self.seconds.value)
        delay = response.seconds * self.clock
        if not self.realtime.value or delay <= 0:
            self._reveal(response)
            return response
        self._set_waiting(True)
        self.response.value = ""
        self.status.value = (
            f"<p><em>The set is silent for {response.duration}. Stay with it: what do "
            f"you feel the urge to say?</em></p>"
        )
        self._timer = later(delay, self._reveal, response)
        return None

    # --- events ---

    def _on_choose(self, _change) -> None:
        self._cancel_timer()
        self._show_scene()
        self._show_pending()

    def _on_seconds(self, _change) -> None:
        if self._timer is None:
            self._show_pending()

    # --- views ---

    def _show_scene(self) -> None:
        m = self.moment
        self.scene.value = card(f"{m.presenter}, {m.role}", m.situation) + card(
            f"{m.asker} asks {m.presenter}", m.question
        )

    def _show_pending(self) -> None:
        self.last = None
        self.response.value = ""
        self.status.value = (
            f"<p>Press <strong>Wait</strong> to let the silence run for "
            f"{say_seconds(self.seconds.value)}.</p>"
        )

    def _reveal(self, response: Response) -> None:
        self._timer = None
        self._set_waiting(False)
        self.last = response
        self.status.value = ""
        self.response.value = describe(response)

    def _set_waiting(self, waiting: bool) -> None:
        for control in (self.choose, self.seconds, self.realtime, self.wait_button):
            control.disabled = waiting

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
            self._set_waiting(False)
