"""Session 3's airtime planner: design a set meeting and see where its 180 minutes go."""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as w

from actionlearning.practice.airtime import (
    PRESETS,
    Block,
    MeetingDesign,
    MeetingPlan,
    PlanError,
    clock,
    fill_slots,
    plan_meeting,
)
from actionlearning.widgets.common import escape, static_note

# (field, label, lowest, highest): one slider each, in the order of a meeting
CONTROLS = (
    ("members", "Members in the set", 1, 16),
    ("presenters", "Presenters today", 0, 10),
    ("check_in", "Check-in", 0, 40),
    ("updates", "Updates", 0, 45),
    ("bidding", "Bidding", 0, 20),
    ("slot", "Each presenter slot", 0, 60),
    ("break_minutes", "Break", 0, 30),
    ("process_review", "Process review", 0, 40),
    ("check_out", "Check-out", 0, 30),
)
# Background colours for the bar, light enough for dark text in either JupyterLab theme.
COLOURS = {
    "check-in": "#cfe3ea",
    "updates": "#d9ead3",
    "bidding": "#fde9b8",
    "slot": "#9ec5d1",
    "break": "#e4e4e4",
    "process review": "#e3d2ec",
    "check-out": "#f6d5c7",
}
SHORT = {
    "check-in": "In",
    "updates": "Updates",
    "bidding": "Bids",
    "break": "Break",
    "process review": "Review",
    "check-out": "Out",
}
INK = "#1d2b30"


def bar(plan: MeetingPlan) -> str:
    """The meeting as one horizontal bar, with a scale, the planned end and any over-run."""
    scale = max(plan.total, plan.allocated) or 1
    pieces, slot_number = [], 0
    for b in plan.blocks:
        if b.stage == "slot":
            slot_number += 1
        text = str(slot_number) if b.stage == "slot" else SHORT[b.stage]
        title = f"{clock(b.start)} to {clock(b.end)}: {b.title}, {b.minutes} minutes"
        over = b.end > plan.total
        pieces.append(
            f'<div title="{escape(title)}" style="flex:0 0 {100 * b.minutes / scale:.3f}%;'
            f"background:{COLOURS[b.stage]};color:{INK};overflow:hidden;white-space:nowrap;"
            f"font-size:0.8em;line-height:2.4em;text-align:center;box-sizing:border-box;"
            f"border-right:1px solid #fff;{'outline:2px solid #b3261e;outline-offset:-2px;' if over else ''}\">"
            f"{escape(text) if b.minutes * 100 / scale >= 3 else ''}</div>"
        )
    if plan.unallocated:
        pieces.append(
            f'<div title="{plan.unallocated} minutes unallocated" style="flex:0 0 '
            f"{100 * plan.unallocated / scale:.3f}%;background:repeating-linear-gradient(45deg,#f4f4f4,"
            f'#f4f4f4 6px,#dcdcdc 6px,#dcdcdc 12px);color:{INK};font-size:0.8em;line-height:2.4em;'
            f'text-align:center;overflow:hidden;white-space:nowrap">spare</div>'
        )
    end = 100 * plan.total / scale
    ticks = "".join(
        f'<span style="position:absolute;left:{100 * m / scale:.3f}%;'
        f'transform:translateX({0 if m == 0 else -100 if m == scale else -50}%)">{clock(m)}</span>'
        for m in range(0, scale + 1, 30)
    )
    label = (
        f"The meeting as a bar: {plan.allocated} of {plan.total} minutes planned, "
        + ", ".join(f"{b.title} {b.minutes}" for b in plan.blocks)
    )
    return (
        f'<div role="img" aria-label="{escape(label)}" style="max-width:52em">'
        f'<div style="position:relative;display:flex;height:2.4em;border:1px solid #7a8c92;'
        f'border-radius:3px;overflow:hidden">{"".join(pieces)}'
        f'<div style="position:absolute;left:{end:.3f}%;top:0;bottom:0;border-left:3px solid '
        f'{"#b3261e" if plan.overrun else "transparent"}"></div></div>'
        f'<div style="position:relative;height:1.4em;font-size:0.75em;opacity:0.8">{ticks}</div></div>'
    )


def table(plan: MeetingPlan) -> str:
    """The timed agenda, each slot broken into its parts."""
    cell = "padding:0.15em 0.6em;text-align:left;vertical-align:top"
    rows = []
    for b in plan.blocks:
        weight = "font-weight:600;" if b.stage == "slot" else ""
        swatch = (
            '<span style="display:inline-block;width:0.8em;height:0.8em;margin-right:0.4em;'
            f'background:{COLOURS[b.stage]}"></span>'
        )
        what = "" if b.stage == "slot" else escape(b.what_happens)
        rows.append(
            f'<tr><td style="{cell}">{clock(b.start)}</td><td style="{cell};text-align:right">{b.minutes}</td>'
            f'<td style="{cell};{weight}white-space:nowrap">{swatch}{escape(b.title)}</td><td style="{cell}">{what}</td></tr>'
        )
        rows += [_part_row(p, cell) for p in b.part_blocks() if p.minutes]
    rows.append(
        f'<tr><td style="{cell}">{clock(plan.allocated)}</td><td style="{cell}"></td>'
        f'<td style="{cell}" colspan="2"><em>End: {plan.allocated} of {plan.total} minutes</em></td></tr>'
    )
    head = "".join(
        f'<th scope="col" style="{cell}">{h}</th>' for h in ("Start", "Minutes", "Block", "What happens")
    )
    return (
        '<table style="border-collapse:collapse;max-width:52em;font-size:0.9em">'
        f"<caption style=\"text-align:left;font-weight:600;padding:0.3em 0\">The plan</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _part_row(part: Block, cell: str) -> str:
    return (
        f'<tr style="opacity:0.85"><td style="{cell};padding-left:1.6em">{clock(part.start)}</td>'
        f'<td style="{cell};text-align:right">{part.minutes}</td>'
        f'<td style="{cell};padding-left:2em" colspan="2">{escape(part.title)}</td></tr>'
    )


def findings(plan: MeetingPlan) -> str:
    if not plan.warnings:
        head = (
            f"<p><strong>No warnings.</strong> The plan fills the {plan.total} minutes and "
            "keeps to the rules of thumb. Does it suit this set, at this stage of its life?</p>"
        )
    else:
        head = f"<p><strong>{len(plan.warnings)} warning{'s' if len(plan.warnings) > 1 else ''}</strong></p>"
    items = "".join(
        f'<li style="margin:0.2em 0"><strong>{"Warning" if f.severity == "warning" else "Note"}:</strong> '
        f"{escape(f.message)}</li>"
        for f in plan.findings
    )
    return f'<div role="status" aria-live="polite">{head}<ul style="margin-top:0">{items}</ul></div>'


class AirtimePlanner(w.VBox):
    """Sliders for the set and each stage; a bar, warnings and a timed agenda that follow them.

    Starts on the workable day (three slots of 35 for a set of nine). Every slider can be moved
    with the arrow keys once focused, and its number typed into the box beside it.
    """

    def __init__(self, design: MeetingDesign | None = None):
        design = (design or MeetingDesign()).validate()
        self._quiet = False
        self.preset = w.Dropdown(
            options=list(PRESETS),
            value=_preset_of(design),
            description="Start from",
            style={"description_width": "initial"},
            layout=w.Layout(width="26em"),
        )
        self.inputs: dict[str, w.IntSlider] = {}
        for name, label, low, high in CONTROLS:
            self.inputs[name] = w.IntSlider(
                value=getattr(design, name),
                min=low,
                max=max(high, getattr(design, name)),
                description=label,
                continuous_update=False,
                style={"description_width": "10.5em"},
                layout=w.Layout(width="25em"),
            )
            self.inputs[name].observe(self._on_change, names="value")
        self.total = design.total
        self.fill_button = w.Button(
            description="Share spare time across slots",
            tooltip="Make every slot as long as the time left allows; odd minutes go to the process review",
            layout=w.Layout(width="auto"),
        )
        self.reset_button = w.Button(description="Back to the workable day", layout=w.Layout(width="auto"))
        self.summary = w.HTML()
        self.bar = w.HTML()
        self.warnings = w.HTML()
        self.table = w.HTML()
        self.preset.observe(self._on_preset, names="value")
        self.fill_button.on_click(lambda _b: self.fill())
        self.reset_button.on_click(lambda _b: self.reset())
        sliders = [self.inputs[name] for name, *_ in CONTROLS]
        super().__init__(
            [
                static_note(
                    " Here you see the planner's first state, the workable day for a set of nine: "
                    "the sliders move, but the plan below them changes only when Python runs."
                ),
                w.HTML(
                    "<p>Move a slider (or focus it and use the arrow keys, or type in its box): "
                    "the bar, the warnings and the plan follow. Minutes are per stage; every "
                    "presenter gets one slot.</p>"
                ),
                self.preset,
                w.GridBox(sliders, layout=w.Layout(grid_template_columns="repeat(auto-fill, minmax(25em, 1fr))")),
                w.HBox([self.fill_button, self.reset_button]),
                self.summary,
                self.bar,
                self.warnings,
                self.table,
            ],
            layout=w.Layout(max_width="56em"),
        )
        self._refresh()

    # --- the logic's view of the controls ---

    @property
    def design(self) -> MeetingDesign:
        values = {name: slider.value for name, slider in self.inputs.items()}
        return MeetingDesign(total=self.total, **values)

    @property
    def plan(self) -> MeetingPlan:
        return plan_meeting(self.design)

    def set(self, **values: int) -> None:
        """Set several controls at once (as a trainee would, one after another), refreshing once."""
        checked = replace(self.design, **values).validate()
        self._quiet = True
        try:
            for name in values:
                slider = self.inputs[name]
                slider.max = max(slider.max, getattr(checked, name))
                slider.value = getattr(checked, name)
        finally:
            self._quiet = False
        self._refresh()

    def fill(self) -> None:
        """Equal slots as long as the time allows; odd minutes go to the process review."""
        filled = fill_slots(self.design)
        self.set(slot=filled.slot, process_review=filled.process_review)

    def reset(self) -> None:
        """Back to the workable day: three slots of 35, for a set of nine."""
        self._quiet = True
        try:
            self.preset.value = next(iter(PRESETS))
        finally:
            self._quiet = False
        self.set(**{name: getattr(PRESETS[self.preset.value], name) for name in self.inputs})

    # --- events ---

    def _on_preset(self, change) -> None:
        """A preset sets the stages; the set keeps its members."""
        if not self._quiet:
            preset = PRESETS[change["new"]]
            self.set(**{name: getattr(preset, name) for name in self.inputs if name != "members"})

    def _on_change(self, _change) -> None:
        if not self._quiet:
            self._refresh()

    def _refresh(self) -> None:
        try:
            plan = self.plan
        except PlanError as error:  # only reachable with out-of-range typed values
            self.warnings.value = "<p><strong>Cannot plan yet:</strong></p><ul>" + "".join(
                f"<li>{escape(p)}</li>" for p in error.problems
            ) + "</ul>"
            return
        d = self.design
        self.summary.value = (
            f"<p><strong>{plan.allocated} of {plan.total} minutes planned</strong>"
            f" &middot; {d.presenters} presenter{'s' if d.presenters != 1 else ''} of {d.members} members"
            f" &middot; slots of {d.slot} minutes"
            + (f" &middot; <strong>{plan.overrun} over</strong>" if plan.overrun else "")
            + (f" &middot; {plan.unallocated} spare" if plan.unallocated else "")
            + "</p>"
        )
        self.bar.value = bar(plan)
        self.warnings.value = findings(plan)
        self.table.value = table(plan)


def _preset_of(design: MeetingDesign) -> str:
    for name, preset in PRESETS.items():
        if preset == replace(design, members=preset.members):
            return name
    return next(iter(PRESETS))
