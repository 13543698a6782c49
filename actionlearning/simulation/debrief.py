"""What a finished round amounts to, and how it reads: the trainee's steps, the ending, the
measures and airtime, as plain text for the terminal and Markdown for the reflective log.

The engine (:mod:`~actionlearning.simulation.engine`) builds a :class:`Debrief`; nothing here
plays a round.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from actionlearning.simulation.schema import (
    FACILITATOR,
    MOVES,
    Choice,
    Ending,
    Line,
    Moment,
    Scenario,
    Stage,
)
from actionlearning.simulation.text import (
    effects_text,
    lines_text,
    minutes,
    number,
    session_title,
    signed,
    wrap,
)


@dataclass(frozen=True)
class Step:
    """One decision the trainee made, and where it left the round."""

    number: int  # 1-based: the first decision is 1
    moment: Moment
    index: int  # 0-based choice index
    choice: Choice
    stage: Stage  # the stage the choice was made (and its minutes charged) in
    clock_before: float
    clock_after: float
    stage_time_left: float  # in ``stage`` after the choice
    measures_after: Mapping[str, float]
    expert_index: int | None  # the expert's 0-based choice here, if the scenario gives one

    @property
    def expert_choice(self) -> Choice | None:
        if self.expert_index is None:
            return None
        return self.moment.choices[self.expert_index]

    @property
    def differs(self) -> bool:
        """True when the scenario gives an expert choice here and the trainee chose otherwise."""
        return self.expert_index is not None and self.index != self.expert_index


@dataclass(frozen=True)
class AirtimeShare:
    person: str  # member id, or "facilitator"
    name: str
    minutes: float
    share: float  # of all airtime in the round, 0..1


@dataclass(frozen=True)
class MeasureChange:
    name: str
    title: str
    description: str
    start: float
    end: float

    @property
    def change(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Debrief:
    """What a finished round amounted to: the path with feedback, the ending, the measures,
    airtime per person, and where the trainee's choices differed from an expert's."""

    scenario: Scenario
    steps: tuple[Step, ...]
    ending_moment: Moment
    clock: float
    measures: tuple[MeasureChange, ...]
    airtime: tuple[AirtimeShare, ...]

    @property
    def ending(self) -> Ending:
        assert self.ending_moment.ending is not None
        return self.ending_moment.ending

    @property
    def outcome(self) -> str:
        return self.ending.outcome

    @property
    def path(self) -> tuple[int, ...]:
        """The 0-based choices made."""
        return tuple(s.index for s in self.steps)

    @property
    def differences(self) -> tuple[Step, ...]:
        """The steps where the trainee chose differently from an experienced facilitator."""
        return tuple(s for s in self.steps if s.differs)

    @property
    def followed_expert(self) -> bool:
        return self.path == self.scenario.expert_path

    @property
    def interventions(self) -> int:
        """Decisions where the facilitator did something other than stay silent."""
        return sum(1 for s in self.steps if s.choice.move != "silence")

    @property
    def facilitator_share(self) -> float:
        return next(a.share for a in self.airtime if a.person == FACILITATOR)

    def measure(self, name: str) -> MeasureChange:
        return next(m for m in self.measures if m.name == name)

    def to_markdown(self) -> str:
        """The round as Markdown, for the trainee's reflective log."""
        return debrief_markdown(self)

    def to_text(self) -> str:
        """The debrief as plain text, for a terminal."""
        return debrief_text(self)


def step_text(step: Step, scenario: Scenario) -> str:
    out = [wrap(f"You chose {step.index + 1}: {step.choice.label}", "    ", "> ")]
    if step.choice.response:
        out.append(lines_text(step.choice.response, scenario))
    return "\n".join(out)


def debrief_text(d: Debrief) -> str:
    s = d.scenario
    out = ["Debrief", "=======", f"Ending: {d.ending.title} ({d.outcome}). "
           f"Time used: {minutes(d.clock)} of {minutes(s.minutes)}.", ""]
    out.append("Your path, with feedback:")
    for step in d.steps:
        c = step.choice
        out.append(wrap(f"{step.number}. [{step.stage.title}] {c.label}", "     ", "  "))
        out.append(wrap(f"{MOVES[c.move].capitalize()}; {minutes(c.minutes)}; "
                         f"{effects_text(c, s)}.", "     "))
        out.append(wrap(c.feedback, "     "))
        out.append("")
    out.append("Measures:")
    for m in d.measures:
        out.append(
            f"  {m.title:<28} {number(m.start):>4} -> {number(m.end):>4}  ({signed(m.change)})"
        )
    out += ["", "Airtime:"]
    for a in d.airtime:
        out.append(f"  {a.name:<28} {minutes(a.minutes):>10}  {a.share:>4.0%}")
    out.append(f"  You made {d.interventions} intervention{'s' if d.interventions != 1 else ''} "
               f"in {len(d.steps)} decisions.")
    out += ["", "Where you differed from an experienced facilitator:"]
    if not d.differences:
        out.append("  Nowhere: you made the choices an experienced facilitator would make.")
    for step in d.differences:
        expert = step.expert_choice
        out.append(wrap(f"Decision {step.number} ({step.stage.title.lower()}): you chose "
                         f"“{step.choice.label}”", "     ", "  - "))
        out.append(wrap(f"An experienced facilitator would choose: “{expert.label}”", "     "))
        out.append(wrap(f"Why: {expert.feedback}", "     "))
    off = [st for st in d.steps if st.expert_index is None]
    if off:
        out.append(wrap("At decision" + ("s " if len(off) > 1 else " ")
                         + ", ".join(str(st.number) for st in off)
                         + " you were off the expert's route and the scenario gives no expert "
                         "choice to compare.", "  ", "  "))
    return "\n".join(out)


def _md_lines(lines: Iterable[Line], scenario: Scenario) -> list[str]:
    out = []
    for line in lines:
        if line.is_narration:
            out.append(f"> *{line.text}*")
        else:
            out.append(f"> **{scenario.member(line.speaker).name}:** {line.text}")
        out.append(">")
    if out:
        out.pop()
    return out


def debrief_markdown(d: Debrief) -> str:
    s = d.scenario
    title = session_title(s.session)
    out = [
        f"# {s.title}",
        "",
        f"*A simulated set round: scenario `{s.id}`, session {s.session}"
        f"{' (' + title + ')' if title else ''}. You were the facilitator.*",
        "",
        s.setting,
        "",
        f"**The presenter's issue** ({s.member(s.presenter.member).name}): "
        f"“{s.presenter.issue}”",
        "",
        "**The set:** " + "; ".join(f"{m.name}, {m.role}, {m.organisation}" for m in s.members)
        + ".",
        "",
        "## The round",
    ]
    for step in d.steps:
        c = step.choice
        out += [
            "",
            f"### Decision {step.number}: {step.stage.title}, "
            f"{minutes(step.clock_before)} in",
            "",
            *_md_lines(step.moment.lines, s),
            "",
            f"**You:** {c.label} *({MOVES[c.move]}; {minutes(c.minutes)})*",
        ]
        if c.response:
            out += ["", *_md_lines(c.response, s)]
        out += ["", f"**Feedback:** {c.feedback}", "", f"**Effects:** {effects_text(c, s)}."]
        if step.differs:
            out += ["", f"**An experienced facilitator would choose:** {step.expert_choice.label}"]
    end = d.ending_moment
    out += ["", f"### Ending: {d.ending.title} ({d.outcome})", "", *_md_lines(end.lines, s), "",
            d.ending.text]

    out += ["", "## Measures", "", "| Measure | Start | End | Change |", "|---|---:|---:|---:|"]
    for m in d.measures:
        label = f"{m.title}" + (f": {m.description}" if m.description else "")
        out.append(f"| {label} | {number(m.start)} | {number(m.end)} | {signed(m.change)} |")

    out += ["", "## Airtime", "", f"Time used: {minutes(d.clock)} of {minutes(s.minutes)}. "
            f"You intervened at {d.interventions} of {len(d.steps)} decisions.", "",
            "| Who | Minutes | Share |", "|---|---:|---:|"]
    for a in d.airtime:
        out.append(f"| {a.name} | {number(a.minutes)} | {a.share:.0%} |")

    out += ["", "## Where you differed from an experienced facilitator", ""]
    if not d.differences:
        out.append("Nowhere: you made the choices an experienced facilitator would make. "
                   "Which of them was hardest to make, and why?")
    for step in d.differences:
        out += [
            f"- **Decision {step.number}** ({step.stage.title.lower()}). You: {step.choice.label}",
            f"  An experienced facilitator: {step.expert_choice.label}",
            f"  Why: {step.expert_choice.feedback}",
        ]
    off = [st.number for st in d.steps if st.expert_index is None]
    if off:
        out += ["", f"At decision{'s' if len(off) > 1 else ''} {', '.join(map(str, off))} you "
                "were off the expert's route, where the scenario gives no expert choice: what "
                "would you do there now?"]

    out += [
        "",
        "## For your reflective log",
        "",
        "Gibbs's cycle, applied to this round. Write a few lines under each.",
        "",
        "- **Description.** What happened at the decision you most want to think about?",
        "- **Feelings.** What were you thinking and feeling as you chose?",
        "- **Evaluation.** What went well for the presenter and the set, and what less well?",
        "- **Analysis.** Which ideas (Revans, Marquardt, McGill and Brockbank, Bion, Karpman, "
        "Edmonstone ...) help make sense of it?",
        "- **Conclusion.** What else could you have done, and at what cost?",
        "- **Action plan.** What will you try the next time you meet a moment like this?",
        "",
    ]
    return "\n".join(out)
