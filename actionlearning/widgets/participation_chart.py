"""Session 7's participation chart: who had the airtime in a simulated meeting, and what if?"""

from __future__ import annotations

import math
from collections.abc import Mapping

import ipywidgets as w

from actionlearning.practice.participation import (
    Meeting,
    Participation,
    ParticipationError,
    bar_chart_html,
    flags_html,
    load_meetings,
    max_gini,
    minutes_text,
)
from actionlearning.widgets.common import escape, static_note

TALLY_ID = "your-tally"
TALLY_NOTICE = (
    "Who had the most airtime, and who the least? Does that match how the meeting felt?",
    "Where are you in the chart, and what were you doing with your airtime?",
    "What would you want to understand before you said anything to the set about it?",
)
EDITED_NOTICE = (
    "You have changed the minutes. What would have to happen in the room for these numbers "
    "to be true, and what might you, as facilitator, do to help it happen?"
)


def _tally(minutes: Mapping[str, float], facilitator: str | None, presenter: str | None) -> Meeting:
    """A trainee's own tally (minutes per person) as a meeting the chart can show."""
    checked = Participation.from_minutes(minutes, facilitator, presenter)  # raises with reasons
    return Meeting(
        id=TALLY_ID,
        title="Your own tally",
        setting="The minutes you entered, one figure per person.",
        segment="your tally",
        facilitator=facilitator,
        presenter=presenter,
        members=checked.people,
        log=tuple((p, s) for p, s in checked.seconds.items() if s > 0),
        notice=TALLY_NOTICE,
    )


class ParticipationChart(w.VBox):
    """Choose a simulated meeting to see its airtime chart, shares, Gini coefficient and flags;
    then move anyone's minutes with the sliders to see what changes.

    Starts on a first meeting in which the set leans on its facilitator. Every control can be
    reached with Tab: the meeting list opens with the arrow keys, each slider moves with the
    arrow keys and takes a typed number in its box, and the button works with Enter or Space.

    ``ParticipationChart(minutes={"Nadia": 2, "Dev": 9, ...}, facilitator="Nadia")`` charts your
    own tally from a live set, and puts it first.
    """

    def __init__(
        self,
        meeting: str | None = None,
        minutes: Mapping[str, float] | None = None,
        facilitator: str | None = None,
        presenter: str | None = None,
    ):
        meetings = list(load_meetings())
        if minutes is not None:
            meetings.insert(0, _tally(minutes, facilitator, presenter))
        self.meetings = {m.id: m for m in meetings}
        first = meeting or meetings[0].id
        if first not in self.meetings:
            raise KeyError(f"no simulated meeting {first!r}; known: {', '.join(self.meetings)}")
        self._quiet = False
        self.minutes: dict[str, float] = {}
        self.edited = False
        self.choice = w.Dropdown(
            options=[(m.title, m.id) for m in meetings],
            value=first,
            description="Meeting",
            layout=w.Layout(width="32em", max_width="100%"),
        )
        self.about = w.HTML()
        self.source = w.HTML()
        self.summary = w.HTML()
        self.chart = w.HTML()
        self.flags = w.HTML()
        self.notice = w.HTML()
        self.sliders: dict[str, w.FloatSlider] = {}
        self.slider_box = w.GridBox(
            layout=w.Layout(grid_template_columns="repeat(auto-fill, minmax(24em, 1fr))")
        )
        self.reset_button = w.Button(
            description="Back to the log",
            tooltip="Undo your changes: show the observer's log for this meeting again",
            disabled=True,
            layout=w.Layout(width="auto"),
        )
        self.choice.observe(self._on_choice, names="value")
        self.reset_button.on_click(lambda _b: self.reset())
        super().__init__(
            [
                static_note(
                    " Here you see the first simulated meeting. Live, you can choose another "
                    "and change anyone's minutes to see how the shares, the Gini coefficient "
                    "and the flags respond."
                ),
                w.HTML(
                    "<p>Choose a meeting to see who had the airtime. Then try the sliders "
                    "(focus one and use the arrow keys, or type a number in its box): what if "
                    "the facilitator had said less, or a quiet member more?</p>"
                ),
                self.choice,
                self.about,
                self.source,
                self.summary,
                self.chart,
                self.flags,
                self.notice,
                w.HTML("<p style='margin-bottom:0'><strong>Minutes per person</strong></p>"),
                self.slider_box,
                self.reset_button,
            ],
            layout=w.Layout(max_width="56em"),
        )
        self.show_meeting(first)

    # --- what the trainee can do ---

    @property
    def meeting(self) -> Meeting:
        return self.meetings[self.choice.value]

    @property
    def participation(self) -> Participation:
        m = self.meeting
        return Participation.from_minutes(self.minutes, m.facilitator, m.presenter)

    def show_meeting(self, meeting_id: str) -> None:
        """Show a meeting's log as the observer kept it, with a slider per person."""
        if self.choice.value != meeting_id:
            self.choice.value = meeting_id  # comes back here through _on_choice
            return
        m = self.meetings[meeting_id]
        logged = m.participation
        self.minutes = dict(logged.minutes)
        self.edited = False
        top = max(10, math.ceil(max(self.minutes.values()) * 1.5))
        self._quiet = True
        try:
            self.sliders = {}
            for person in m.members:
                role = logged.role(person)
                slider = w.FloatSlider(
                    value=round(self.minutes[person], 1),
                    min=0,
                    max=top,
                    step=0.1,
                    readout_format=".1f",
                    description=f"{person} ({role})" if role else person,
                    description_allow_html=False,
                    continuous_update=False,
                    style={"description_width": "11em"},
                    layout=w.Layout(width="24em"),
                )
                slider.observe(lambda change, p=person: self._on_slider(p, change), names="value")
                self.sliders[person] = slider
            self.slider_box.children = tuple(self.sliders.values())
        finally:
            self._quiet = False
        self.about.value = _about(m)
        self._refresh()

    def set_minutes(self, minutes: Mapping[str, float]) -> None:
        """Change several people's minutes at once, as a trainee would one after another."""
        unknown = [p for p in minutes if p not in self.sliders]
        if unknown:
            raise KeyError(f"not in this meeting: {', '.join(unknown)}; choose from {', '.join(self.sliders)}")
        self._quiet = True
        try:
            for person, value in minutes.items():
                slider = self.sliders[person]
                slider.max = max(slider.max, math.ceil(value))
                slider.value = value
                self.minutes[person] = float(slider.value)
        finally:
            self._quiet = False
        self.edited = True
        self._refresh()

    def reset(self) -> None:
        """Back to the observer's log for the chosen meeting."""
        self.show_meeting(self.choice.value)

    # --- events ---

    def _on_choice(self, change) -> None:
        if not self._quiet:
            self.show_meeting(change["new"])

    def _on_slider(self, person: str, change) -> None:
        if self._quiet:
            return
        self.minutes[person] = float(change["new"])
        self.edited = True
        self._refresh()

    def _refresh(self) -> None:
        m = self.meeting
        self.reset_button.disabled = not self.edited
        if self.edited:
            self.source.value = (
                "<p><em>Showing your changed minutes.</em> Use <strong>Back to the log</strong> "
                "to see the meeting as it was logged.</p>"
            )
        elif m.id == TALLY_ID:
            self.source.value = "<p><em>Showing the minutes you entered.</em></p>"
        else:
            self.source.value = (
                f"<p><em>Showing the observer's log: {len(m.log)} turns, rounded to the nearest "
                "five seconds.</em></p>"
            )
        try:
            p = self.participation
        except ParticipationError as error:
            self.summary.value = f"<p><strong>Nothing to chart yet:</strong> {escape(str(error))}.</p>"
            self.chart.value = self.flags.value = ""
            self.notice.value = ""
            return
        self.summary.value = _summary(p)
        self.chart.value = bar_chart_html(p, caption=f"{m.title}: {m.segment}")
        self.flags.value = flags_html(p)
        questions = list(m.notice) + ([EDITED_NOTICE] if self.edited else [])
        self.notice.value = (
            "<p style='margin-bottom:0.2em'><strong>Questions to sit with</strong></p><ul style='margin-top:0'>"
            + "".join(f"<li>{escape(q)}</li>" for q in questions)
            + "</ul>"
        )


def _about(m: Meeting) -> str:
    roles = []
    if m.facilitator:
        roles.append(f"facilitator {escape(m.facilitator)}")
    if m.presenter:
        roles.append(f"presenter {escape(m.presenter)}")
    roles_text = f" ({'; '.join(roles)})" if roles else ""
    return (
        f"<p>{escape(m.setting)}</p>"
        f"<p style='opacity:0.85'><strong>Logged:</strong> {escape(m.segment)}{roles_text}.</p>"
    )


def _summary(p: Participation) -> str:
    parts = [
        f"<strong>{minutes_text(p.total_seconds)}</strong> of talk, {len(p.people)} people",
        f"an equal share {100 * p.equal_share:.0f}%",
        f"<strong>Gini {p.gini:.2f}</strong> (0 even; {max_gini(len(p.people)):.2f} one voice only)",
    ]
    if p.questioners_gini is not None and (p.facilitator or p.presenter):
        who = "questioners" if p.presenter else "members"
        parts.append(f"Gini among the {who} alone <strong>{p.questioners_gini:.2f}</strong>")
    return "<p>" + " &middot; ".join(parts) + "</p>"
