"""Rendering rounds and debriefs: plain text for the terminal, Markdown for the reflective log.

No view framework here; the command line prints these, and a widget may show the Markdown.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Iterable

from actionlearning.simulation.schema import MOVES, Choice, Line, Moment, Scenario

if TYPE_CHECKING:
    from actionlearning.simulation.engine import Debrief, Step

WIDTH = 88
_FRACTIONS = {0.25: "¼", 0.5: "½", 0.75: "¾"}


def minutes(x: float) -> str:
    """12.5 -> '12½ min'."""
    whole = int(x // 1)
    part = _FRACTIONS.get(x - whole, "")
    if part and whole == 0:
        return f"{part} min"
    return f"{whole}{part} min"


def signed(x: float) -> str:
    text = str(int(x)) if float(x).is_integer() else f"{x:g}"
    return f"+{text}" if x > 0 else ("±0" if x == 0 else text.replace("-", "−"))


def number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def effects_text(choice: Choice, scenario: Scenario) -> str:
    titles = {m.name: m.title.lower() for m in scenario.measures}
    return ", ".join(f"{titles[k]} {signed(v)}" for k, v in choice.effects.items() if v) or "none"


def session_title(number: int) -> str:
    try:
        from actionlearning.programme import load_programme

        return load_programme().session(number).title
    except Exception:
        return ""


def _wrap(text: str, indent: str = "", first: str | None = None) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=indent if first is None else first, subsequent_indent=indent
    )


# --- plain text -------------------------------------------------------------------------------


def line_text(line: Line, scenario: Scenario) -> str:
    if line.is_narration:
        return _wrap(line.text, "    ", "  * ")
    name = scenario.member(line.speaker).name
    return _wrap(f"“{line.text}”", "    ", f"  {name}: ")


def lines_text(lines: Iterable[Line], scenario: Scenario) -> str:
    return "\n".join(line_text(line, scenario) for line in lines)


def introduction_text(scenario: Scenario) -> str:
    s = scenario
    title = session_title(s.session)
    out = [
        s.title,
        "=" * len(s.title),
        f"Session {s.session}{': ' + title if title else ''}  ({s.id})",
        "",
        _wrap(s.setting),
        "",
        "The set (you are the facilitator):",
    ]
    for m in s.members:
        mark = "  [presenting]" if m.id == s.presenter.member else ""
        out.append(_wrap(f"{m.name}, {m.role}, {m.organisation}.{mark} {m.tendencies}", "      ",
                         "  - "))
    presenter = s.member(s.presenter.member).name
    out += ["", _wrap(f"{presenter}'s issue: “{s.presenter.issue}”"), ""]
    stages = ", ".join(f"{st.title.lower()} {minutes(st.minutes)}" for st in s.stages)
    out.append(_wrap(f"Time: {stages} ({minutes(s.minutes)} in all)."))
    return "\n".join(out)


def moment_text(scenario: Scenario, moment: Moment, clock: float, stage_left: float) -> str:
    stage = scenario.stage(moment.stage)
    head = f"-- {stage.title} · {minutes(clock)} in · {minutes(stage_left)} left in this stage --"
    return "\n".join([head, lines_text(moment.lines, scenario)])


def choices_text(moment: Moment) -> str:
    out = [moment.prompt]
    for i, c in enumerate(moment.choices, 1):
        out.append(_wrap(c.label, "     ", f"  {i}. "))
    return "\n".join(out)


def step_text(step: Step, scenario: Scenario) -> str:
    out = [_wrap(f"You chose {step.index + 1}: {step.choice.label}", "    ", "> ")]
    if step.choice.response:
        out.append(lines_text(step.choice.response, scenario))
    return "\n".join(out)


def ending_text(moment: Moment) -> str:
    e = moment.ending
    return "\n".join([f"Ending: {e.title} ({e.outcome})", _wrap(e.text)])


def debrief_text(d: Debrief) -> str:
    s = d.scenario
    out = ["Debrief", "=======", f"Ending: {d.ending.title} ({d.outcome}). "
           f"Time used: {minutes(d.clock)} of {minutes(s.minutes)}.", ""]
    out.append("Your path, with feedback:")
    for step in d.steps:
        c = step.choice
        out.append(_wrap(f"{step.number}. [{step.stage.title}] {c.label}", "     ", "  "))
        out.append(_wrap(f"{MOVES[c.move].capitalize()}; {minutes(c.minutes)}; "
                         f"{effects_text(c, s)}.", "     "))
        out.append(_wrap(c.feedback, "     "))
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
        out.append(_wrap(f"Decision {step.number} ({step.stage.title.lower()}): you chose "
                         f"“{step.choice.label}”", "     ", "  - "))
        out.append(_wrap(f"An experienced facilitator would choose: “{expert.label}”", "     "))
        out.append(_wrap(f"Why: {expert.feedback}", "     "))
    off = [st for st in d.steps if st.expert_index is None]
    if off:
        out.append(_wrap("At decision" + ("s " if len(off) > 1 else " ")
                         + ", ".join(str(st.number) for st in off)
                         + " you were off the expert's route and the scenario gives no expert "
                         "choice to compare.", "  ", "  "))
    return "\n".join(out)


# --- Markdown -------------------------------------------------------------------------------


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
