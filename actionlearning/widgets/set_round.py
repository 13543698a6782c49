"""SetRound: play a simulated set round as its facilitator, and read the debrief."""

from __future__ import annotations

import ipywidgets as w

from actionlearning.simulation import Debrief, Line, Round, Scenario, play
from actionlearning.simulation.text import minutes, number, signed
from actionlearning.widgets.common import card, escape, static_note

TRANSCRIPT_STYLE = "max-height:26em;overflow-y:auto;padding-right:0.5em"


class SetRound(w.VBox):
    """The transcript unfolds; at each decision the trainee picks one of the choices (buttons
    1 to 4, reachable by Tab and Enter); feedback follows each choice; the round ends in a
    debrief with the airtime drawn as bars, and the path as Markdown to copy."""

    def __init__(self, scenario: Scenario | str, coach: bool = True):
        self.round = Round(scenario)
        self.scenario = s = self.round.scenario
        self.coach = coach
        self.intro = w.HTML(
            f"<h4 style='margin:0.2em 0'>{escape(s.title)}</h4><p>{escape(s.setting)}</p>"
            + card(f"{s.name_of(s.presenter.member)}, presenting", s.presenter.issue)
        )
        self.status = w.HTML()
        self.transcript = w.HTML()
        self.prompt = w.HTML()
        self.buttons = [
            w.Button(description=f"Choice {n}", layout=w.Layout(width="8em")) for n in range(1, 5)
        ]
        for index, button in enumerate(self.buttons):
            button.on_click(lambda _b, i=index: self.choose(i))
        self.feedback = w.HTML()
        self.debrief_view = w.HTML()
        self.export = w.Textarea(
            description="Your path",
            layout=w.Layout(width="100%", height="12em", display="none"),
            style={"description_width": "initial"},
        )
        self.restart_button = w.Button(description="Start again", tooltip="Play this round again")
        self.restart_button.on_click(lambda _b: self.restart())
        worked = play(s, s.expert_path).debrief()
        super().__init__(
            [
                static_note(_worked_path_html(worked)),
                self.intro,
                self.status,
                self.transcript,
                self.prompt,
                w.HBox(self.buttons),
                self.feedback,
                self.debrief_view,
                self.export,
                self.restart_button,
            ],
            layout=w.Layout(max_width="58em"),
        )
        self._show()

    # --- actions ---

    def choose(self, index: int) -> None:
        step = self.round.choose(index)
        self.feedback.value = (
            f"<div style='border-top:1px solid #ccc;padding-top:0.4em'><strong>You chose:</strong> "
            f"{escape(step.choice.label)}</div><p>{escape(step.choice.feedback)}</p>"
            if self.coach
            else ""
        )
        self._show()

    def restart(self) -> None:
        self.round.restart()
        self.feedback.value = ""
        self._show()

    # --- views ---

    def _show(self) -> None:
        r, s = self.round, self.scenario
        self.status.value = (
            f"<strong>{escape(r.stage.title)}</strong> &middot; minute {number(r.clock)} of "
            f"{number(s.minutes)} &middot; {minutes(max(r.stage_time_left, 0))} left in this stage"
            + (f" &middot; decision {r.decision}" if not r.finished else "")
        )
        self.transcript.value = self._transcript_html()
        if r.finished:
            self.prompt.value = ""
            for button in self.buttons:
                button.layout.display = "none"
            debrief = r.debrief()
            self.debrief_view.value = debrief_html(debrief)
            self.export.value = debrief.to_markdown()
            self.export.layout.display = None
            return
        items = "".join(f"<li>{escape(c.label)}</li>" for c in r.choices)
        self.prompt.value = f"<p><strong>{escape(r.moment.prompt)}</strong></p><ol>{items}</ol>"
        for n, button in enumerate(self.buttons):
            button.layout.display = None if n < len(r.choices) else "none"
            if n < len(r.choices):
                button.tooltip = r.choices[n].label
        self.debrief_view.value = ""
        self.export.value = ""
        self.export.layout.display = "none"

    def _transcript_html(self) -> str:
        parts = []
        for step in self.round.steps:
            parts += [self._line(line) for line in step.moment.lines]
            parts.append(f"<p><strong>You:</strong> {escape(step.choice.label)}</p>")
            parts += [self._line(line) for line in step.choice.response]
        parts += [self._line(line) for line in self.round.moment.lines]
        return f"<div style='{TRANSCRIPT_STYLE}'>{''.join(parts)}</div>"

    def _line(self, line: Line) -> str:
        if line.is_narration:
            return f"<p><em>{escape(line.text)}</em></p>"
        return f"<p><strong>{escape(self.scenario.name_of(line.speaker))}:</strong> {escape(line.text)}</p>"


def debrief_html(d: Debrief) -> str:
    """The debrief: the ending, the measures, airtime as bars, and where the path differed."""
    ending = d.ending
    measures = "".join(
        f"<tr><td>{escape(m.title)}</td><td>{number(m.start)}</td><td>{number(m.end)}</td>"
        f"<td>{signed(m.change)}</td></tr>"
        for m in d.measures
    )
    bars = "".join(
        f"<div style='display:flex;align-items:center;gap:0.5em;margin:2px 0'>"
        f"<span style='width:11em'>{escape(a.name)}</span>"
        f"<span role='img' aria-label='{a.share:.0%} of the airtime' style='display:inline-block;"
        f"height:0.9em;width:{max(a.share * 60, 0.3):.1f}%;"
        f"background:{'#c0632b' if a.person == 'facilitator' else '#4a7c8c'}'></span>"
        f"<span>{minutes(a.minutes)} ({a.share:.0%})</span></div>"
        for a in d.airtime
    )
    if d.followed_expert:
        differences = "<p>Your path matched an experienced facilitator's at every decision.</p>"
    else:
        differences = "<ul>" + "".join(
            f"<li>Decision {st.number}: you chose &ldquo;{escape(st.choice.label)}&rdquo;; an "
            f"experienced facilitator might have chosen &ldquo;{escape(st.expert_choice.label)}&rdquo;. "
            f"{escape(st.expert_choice.feedback)}</li>"
            for st in d.differences
        ) + "</ul>"
    return (
        f"<h4>{escape(ending.title)}</h4><p>{escape(ending.text)}</p>"
        "<h5>The measures</h5><table><thead><tr><th>Measure</th><th>Start</th><th>End</th>"
        f"<th>Change</th></tr></thead><tbody>{measures}</tbody></table>"
        f"<h5>Airtime</h5>{bars}"
        f"<h5>Where your path differed</h5>{differences}"
        "<p>Copy your path below into your reflection: what did you notice, and what would you "
        "try next time?</p>"
    )


def _worked_path_html(d: Debrief) -> str:
    return (
        "<details style='margin-top:0.5em'><summary>Read one worked path through this round "
        "(an experienced facilitator's choices)</summary>"
        f"<div style='white-space:pre-wrap;font-size:0.9em'>{escape(d.to_text())}</div></details>"
    )
