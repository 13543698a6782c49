"""Timed plans of the training meetings: each session of the nine-meeting programme, and each
meeting of the six- and three-meeting programmes, block by block.

The plans live in ``data/plans/`` (``session-01.yaml`` ... ``session-09.yaml``,
``six-meeting.yaml``, ``three-meeting.yaml``). The handbook renders them as session plan tables,
the observation sheets read each meeting's focus competences, and :func:`rule_breaches` holds
every plan to the course's own rules of thumb. ``python -m actionlearning.course.plans`` lists
any breach.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from actionlearning.course.competences import load_framework
from actionlearning.course.programme import load_programme

KINDS = (
    "check-in", "updates", "input", "skills", "demonstration", "opening", "contracting", "slot",
    "debrief", "break", "closing-round", "process-review", "readiness-review", "check-out", "ending",
)
FACILITATED = ("slot", "demonstration", "contracting")  # blocks a debrief must follow
VARIANT_FILES = {6: "six-meeting", 3: "three-meeting"}

# The course's rules of thumb, as the handbook teaches them.
CHECK_IN_MINUTES_A_PERSON = 1.5
DEBRIEF_MINUTES = (5, 10)
FRAMEWORKS_PER_INPUT = 2
MINUTES_PER_FRAMEWORK = 7
PROCESS_REVIEW_MINUTES = 15
ENDING_MINUTES = 20

PLANS = resources.files("actionlearning.course").joinpath("data/plans")


class PlanError(ValueError):
    """A plan file is malformed."""


@dataclass(frozen=True)
class Block:
    minutes: int
    kind: str
    title: str
    what: str
    frameworks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    name: str  # "session-03", or "six-meeting 2"
    minutes: int
    sessions: tuple[int, ...]
    observe: tuple[str, ...]
    blocks: tuple[Block, ...]
    sheet_note: str = ""  # for the observers, where the meeting differs (no facilitator, say)

    def starts(self) -> list[int]:
        """Each block's start, in minutes from the beginning of the meeting."""
        out, t = [], 0
        for b in self.blocks:
            out.append(t)
            t += b.minutes
        return out

    def of_kind(self, *kinds: str) -> list[Block]:
        return [b for b in self.blocks if b.kind in kinds]


def _parse_plan(raw: object, name: str, where: str, sessions: tuple[int, ...], minutes: int) -> Plan:
    problems = []
    if not isinstance(raw, dict) or not isinstance(raw.get("blocks"), list):
        raise PlanError(f"{where}: expected a mapping with observe and a list of blocks")
    known = {c.id for c in load_framework().competences}
    observe = tuple(map(str, raw.get("observe") or ()))
    if not 2 <= len(observe) <= 3 or not set(observe) <= known:
        problems.append(
            f"{where}: observe must name 2 or 3 competences from competences.yaml "
            f"({', '.join(sorted(known))}), not {list(observe)}"
        )
    blocks = []
    for n, b in enumerate(raw["blocks"], start=1):
        at = f"{where}: block {n}"
        if not isinstance(b, dict) or not all(b.get(k) for k in ("minutes", "kind", "title", "what")):
            problems.append(f"{at}: each block needs minutes, kind, title and what")
            continue
        if b["kind"] not in KINDS:
            problems.append(f"{at}: kind {b['kind']!r} is not one of {', '.join(KINDS)}")
        if b.get("frameworks") and b["kind"] != "input":
            problems.append(f"{at}: only input blocks name frameworks")
        if not isinstance(b["minutes"], int) or b["minutes"] <= 0:
            problems.append(f"{at}: minutes must be a whole number above 0, not {b['minutes']!r}")
            continue
        blocks.append(Block(b["minutes"], str(b["kind"]), str(b["title"]), " ".join(str(b["what"]).split()),
                            tuple(map(str, b.get("frameworks") or ()))))
    total = sum(b.minutes for b in blocks)
    if not problems and total != minutes:
        problems.append(f"{where}: the blocks add up to {total} minutes, not the meeting's {minutes}")
    if problems:
        raise PlanError("\n".join(problems))
    return Plan(name, minutes, sessions, observe, tuple(blocks), " ".join(str(raw.get("sheet_note") or "").split()))


def _read(stem: str) -> object:
    path = PLANS.joinpath(f"{stem}.yaml")
    if not path.is_file():
        raise PlanError(f"plans/{stem}.yaml is missing: every meeting of every programme needs a plan")
    try:
        return yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise PlanError(f"plans/{stem}.yaml is not valid YAML: {exc}") from exc


@cache
def meeting_plans(count: int) -> tuple[Plan, ...]:
    """The plans of the ``count``-meeting programme, meeting by meeting."""
    programme = load_programme()
    meetings = programme.meetings(count)  # raises for a count with no programme
    if count == len(programme.sessions):
        out = []
        for s in programme.sessions:
            raw = _read(s.slug)
            minutes = int(raw.get("minutes", 0)) if isinstance(raw, dict) else 0
            out.append(_parse_plan(raw, s.slug, f"plans/{s.slug}.yaml", (s.number,), minutes))
        return tuple(out)
    stem = VARIANT_FILES[count]
    data = _read(stem)
    if not isinstance(data, dict) or not isinstance(data.get("meetings"), list):
        raise PlanError(f"plans/{stem}.yaml: expected minutes and a list of meetings")
    if len(data["meetings"]) != len(meetings):
        raise PlanError(f"plans/{stem}.yaml: {len(data['meetings'])} meetings planned; the programme has {len(meetings)}")
    plans = []
    for meeting, raw in zip(meetings, data["meetings"], strict=True):
        where = f"plans/{stem}.yaml: meeting {meeting.number}"
        covers = tuple(s.number for s in meeting.sessions)
        if isinstance(raw, dict) and tuple(raw.get("sessions") or ()) != covers:
            raise PlanError(f"{where}: covers sessions {raw.get('sessions')}; programme.yaml says {list(covers)}")
        plans.append(_parse_plan(raw, f"{stem} {meeting.number}", where, covers, int(data.get("minutes", 0))))
    return tuple(plans)


def plan(name: str) -> Plan:
    """A plan by the name the handbook's directive uses: "session-03" or "six-meeting 2"."""
    for count in sorted(load_programme().variants, reverse=True):
        for p in meeting_plans(count):
            if p.name == name:
                return p
    raise KeyError(f"No plan called {name!r}: use session-01 ... session-09, or six-meeting N, three-meeting N")


def rule_breaches(count: int) -> list[str]:
    """Every way the ``count``-meeting programme's plans break the course's rules of thumb."""
    return breaches(meeting_plans(count), max(load_programme().group_size))


def breaches(plans: tuple[Plan, ...], group: int) -> list[str]:
    """Every way a programme's ``plans``, in order, for a group of up to ``group``, break the rules."""
    out = []
    for index, p in enumerate(plans):
        first, last = index == 0, index == len(plans) - 1

        def breach(message: str, p: Plan = p) -> None:
            out.append(f"{p.name}: {message}")

        check_in = sum(b.minutes for b in p.of_kind("check-in"))
        if check_in < CHECK_IN_MINUTES_A_PERSON * group:
            breach(f"the check-in has {check_in} minutes; {CHECK_IN_MINUTES_A_PERSON} a person for {group} is "
                   f"{CHECK_IN_MINUTES_A_PERSON * group:g}")
        for b, after in zip(p.blocks, p.blocks[1:] + (None,)):
            if b.kind in FACILITATED and not (
                after and after.kind == "debrief" and DEBRIEF_MINUTES[0] <= after.minutes <= DEBRIEF_MINUTES[1]
            ):
                breach(f"'{b.title}' is not followed directly by a debrief of {DEBRIEF_MINUTES[0]} to "
                       f"{DEBRIEF_MINUTES[1]} minutes")
            if b.kind == "slot" and "co-facilitat" not in b.what.lower():
                breach(f"'{b.title}' does not say what its co-facilitator does (every slot has a lead and a "
                       "co-facilitator)")
            if b.kind == "input":
                n = len(b.frameworks)
                if not 1 <= n <= FRAMEWORKS_PER_INPUT or b.minutes < MINUTES_PER_FRAMEWORK * n:
                    breach(f"'{b.title}' carries {n} frameworks in {b.minutes} minutes; at most "
                           f"{FRAMEWORKS_PER_INPUT}, and {MINUTES_PER_FRAMEWORK} minutes each")
        if not first and not p.of_kind("updates"):
            breach("no updates block: members report on their actions from the meeting before")
        if sum(b.minutes for b in p.of_kind("process-review")) < PROCESS_REVIEW_MINUTES:
            breach(f"the process review has less than {PROCESS_REVIEW_MINUTES} minutes")
        if not p.of_kind("check-out", "ending"):
            breach("no check-out or ending")
        kinds = [b.kind for b in p.blocks]
        if first and ("demonstration" not in kinds or ("slot" in kinds and kinds.index("slot") < kinds.index("demonstration"))):
            breach("the first meeting needs the trainer's demonstration before any trainee's slot")
        if last:
            if not p.of_kind("readiness-review"):
                breach("the last meeting needs a readiness review")
            if not p.of_kind("slot"):
                breach("the last meeting needs at least one trainee-facilitated slot")
            if sum(b.minutes for b in p.of_kind("ending")) < ENDING_MINUTES:
                breach(f"the programme's ending needs at least {ENDING_MINUTES} minutes")
    return out


def plan_table(p: Plan) -> str:
    """The plan as the handbook's Markdown table: start, minutes, block, what happens."""
    rows = ["| Start | Minutes | Block | What happens |", "|---|---:|---|---|"]
    for start, b in zip(p.starts(), p.blocks, strict=True):
        what = b.what.replace("|", "\\|")
        rows.append(f"| {start // 60}:{start % 60:02d} | {b.minutes} | {b.title} | {what} |")
    return "\n".join(rows)


def main() -> int:
    problems = []
    for count in sorted(load_programme().variants, reverse=True):
        try:
            problems += rule_breaches(count)
        except (PlanError, KeyError) as exc:
            problems.append(str(exc))
    for line in problems:
        print(line)
    print("Every plan keeps the course's rules." if not problems else f"{len(problems)} problem(s).")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
