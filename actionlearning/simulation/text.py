"""How a scenario's parts read as text: times, numbers, lines, moments, choices and endings.

No view framework here; the command line prints these, and the debrief and the practice widget
build on them.
"""

from __future__ import annotations

import textwrap
from typing import Iterable

from actionlearning.simulation.schema import Choice, Line, Moment, Scenario

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
        from actionlearning.course.programme import load_programme

        return load_programme().session(number).title
    except Exception:
        return ""


def wrap(text: str, indent: str = "", first: str | None = None) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=indent if first is None else first, subsequent_indent=indent
    )


# --- plain text -------------------------------------------------------------------------------


def line_text(line: Line, scenario: Scenario) -> str:
    if line.is_narration:
        return wrap(line.text, "    ", "  * ")
    name = scenario.member(line.speaker).name
    return wrap(f"“{line.text}”", "    ", f"  {name}: ")


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
        wrap(s.setting),
        "",
        "The set (you are the facilitator):",
    ]
    for m in s.members:
        mark = "  [presenting]" if m.id == s.presenter.member else ""
        out.append(wrap(f"{m.name}, {m.role}, {m.organisation}.{mark} {m.tendencies}", "      ",
                         "  - "))
    presenter = s.member(s.presenter.member).name
    out += ["", wrap(f"{presenter}'s issue: “{s.presenter.issue}”"), ""]
    stages = ", ".join(f"{st.title.lower()} {minutes(st.minutes)}" for st in s.stages)
    out.append(wrap(f"Time: {stages} ({minutes(s.minutes)} in all)."))
    return "\n".join(out)


def moment_text(scenario: Scenario, moment: Moment, clock: float, stage_left: float) -> str:
    stage = scenario.stage(moment.stage)
    head = f"-- {stage.title} · {minutes(clock)} in · {minutes(stage_left)} left in this stage --"
    return "\n".join([head, lines_text(moment.lines, scenario)])


def choices_text(moment: Moment) -> str:
    out = [moment.prompt]
    for i, c in enumerate(moment.choices, 1):
        out.append(wrap(c.label, "     ", f"  {i}. "))
    return "\n".join(out)


def ending_text(moment: Moment) -> str:
    e = moment.ending
    return "\n".join([f"Ending: {e.title} ({e.outcome})", wrap(e.text)])


# --- Markdown -------------------------------------------------------------------------------
