"""Time and airtime in a set meeting: the logic of session 3's airtime planner.

A set meeting has a recognisable sequence: check-in, updates on last time's actions, bidding
for airtime, presenter slots, a break, a process review and a check-out. This module turns a
meeting's design (how many members, how many presenters, how long each stage) into a timed
plan, splits each presenter slot into its parts, and reviews any plan, the planner's or one a
trainee writes by hand, against a few rules of thumb:

- presenter slots of at least 20 minutes, and preferably 25 or more;
- some time for a process review, and a check-out;
- the stages fill the meeting exactly: no over-run, no unallocated time;
- a check-in of about a minute and a half per member;
- no more presenters than members.

The rules are prompts for a facilitator's judgement, not laws: the review says what it
noticed, why it matters, and what might be done. Nothing here imports ipywidgets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

MEETING_MINUTES = 180
MIN_SLOT = 20  # below this a slot rarely gets past the surface
GOOD_SLOT = 25  # the safer floor, especially for a set new to the method
CHECK_IN_PER_MEMBER = 1.5  # minutes: enough for everyone's voice to be in the room

# The stages of a meeting, in their usual order, with a label and what happens in each.
STAGES = ("check-in", "updates", "bidding", "slot", "break", "process review", "check-out")
STAGE_LABELS = {
    "check-in": "Check-in",
    "updates": "Updates",
    "bidding": "Bidding",
    "slot": "Presenter slot",
    "break": "Break",
    "process review": "Process review",
    "check-out": "Check-out",
}
STAGE_PURPOSE = {
    "check-in": "A round: how each person is arriving; ground rules revisited if needed.",
    "updates": "Each member reports on last time's actions: what happened, what they learnt.",
    "bidding": "Who needs time today, how much, and what for; airtime balanced over meetings.",
    "slot": "One presenter's issue.",
    "break": "A pause; the facilitator checks the time left against the plan.",
    "process review": "How did we work today? What helped, what went well, what could be better?",
    "check-out": "What each person takes away: actions and learning.",
}

# The parts of a presenter slot, with the share of the slot each usually takes. Exploratory
# questioning is the heart of a slot and takes whatever the others leave.
SLOT_PARTS = ("presentation", "clarifying", "exploratory", "summary", "actions")
SLOT_PART_LABELS = {
    "presentation": "Presentation (uninterrupted)",
    "clarifying": "Clarifying questions",
    "exploratory": "Exploratory questions",
    "summary": "Presenter's summary",
    "actions": "Actions and commitment",
}
_SLOT_SHARES = {"presentation": 0.15, "clarifying": 0.15, "exploratory": 0.45, "summary": 0.10, "actions": 0.15}
MAX_PRESENTATION = 7  # "a few minutes": longer, and the set is listening to a report

# Input ranges for a design: (lowest, highest), checked by MeetingDesign.validate().
LIMITS = {
    "members": (1, 20),
    "presenters": (0, 20),
    "check_in": (0, 180),
    "updates": (0, 180),
    "bidding": (0, 180),
    "slot": (0, 180),
    "break_minutes": (0, 180),
    "process_review": (0, 180),
    "check_out": (0, 180),
    "total": (30, 600),
}
FIELD_LABELS = {
    "members": "members",
    "presenters": "presenters",
    "check_in": "check-in minutes",
    "updates": "updates minutes",
    "bidding": "bidding minutes",
    "slot": "minutes per presenter slot",
    "break_minutes": "break minutes",
    "process_review": "process review minutes",
    "check_out": "check-out minutes",
    "total": "meeting length in minutes",
}


class PlanError(ValueError):
    """A design or a hand-written plan that cannot be read; the message names each problem,
    where it is, and what to do."""

    def __init__(self, problems: Sequence[str]):
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class MeetingDesign:
    """What a facilitator decides before a meeting: the set, the presenters, the stage lengths.

    Every presenter gets a slot of ``slot`` minutes. The defaults are the workable 180-minute
    day: check-in 15, updates 20, bidding 10, three slots of 35, a break of 10, and 20 minutes
    for the process review and check-out.
    """

    members: int = 9
    presenters: int = 3
    check_in: int = 15
    updates: int = 20
    bidding: int = 10
    slot: int = 35
    break_minutes: int = 10
    process_review: int = 10
    check_out: int = 10
    total: int = MEETING_MINUTES

    def validate(self) -> MeetingDesign:
        """The design itself, or a PlanError naming every value that is not usable."""
        problems = []
        for f in fields(self):
            value = getattr(self, f.name)
            low, high = LIMITS[f.name]
            label = FIELD_LABELS[f.name].capitalize()
            if FIELD_LABELS[f.name] != f.name:
                label += f" ({f.name})"
            if isinstance(value, bool) or not isinstance(value, int):
                problems.append(
                    f"{label}: expected a whole number from {low} to {high}, "
                    f"got {value!r} ({type(value).__name__}); type a number such as {_example(f.name)}"
                )
            elif not low <= value <= high:
                problems.append(
                    f"{label}: {value} is outside {low} to {high}; "
                    f"choose a value in that range, such as {_example(f.name)}"
                )
        if problems:
            raise PlanError(problems)
        return self

    @property
    def others(self) -> int:
        """Minutes for everything except the presenter slots."""
        return (
            self.check_in + self.updates + self.bidding + self.break_minutes
            + self.process_review + self.check_out
        )

    @property
    def allocated(self) -> int:
        return self.others + self.presenters * self.slot


def _example(name: str) -> int:
    return getattr(MeetingDesign(), name)


# Two workable days from the curriculum, and a starting point for each.
PRESETS = {
    "Workable day: three slots of 35": MeetingDesign(),
    "Workable day: four slots of 28": MeetingDesign(
        presenters=4, slot=28, check_in=15, updates=15, bidding=8, break_minutes=10,
        process_review=12, check_out=8,
    ),
}


@dataclass(frozen=True)
class Block:
    """One block of a meeting: its stage, label, length and start (minutes from the start)."""

    stage: str
    minutes: int
    label: str = ""
    start: int = 0
    parts: tuple[tuple[str, int], ...] = ()

    @property
    def end(self) -> int:
        return self.start + self.minutes

    @property
    def title(self) -> str:
        return self.label or STAGE_LABELS[self.stage]

    def part_blocks(self) -> tuple[Block, ...]:
        """A slot's parts as blocks of their own, timed from the slot's start."""
        blocks, start = [], self.start
        for part, minutes in self.parts:
            blocks.append(Block(self.stage, minutes, SLOT_PART_LABELS[part], start))
            start += minutes
        return tuple(blocks)

    @property
    def what_happens(self) -> str:
        if self.stage == "slot" and self.parts:
            return "; ".join(f"{SLOT_PART_LABELS[p]} {m}" for p, m in self.parts if m)
        return STAGE_PURPOSE[self.stage]


@dataclass(frozen=True)
class Finding:
    """Something the review noticed: a ``warning`` to act on, or a ``note`` to weigh."""

    code: str
    severity: str
    message: str


@dataclass(frozen=True)
class MeetingPlan:
    blocks: tuple[Block, ...]
    findings: tuple[Finding, ...]
    members: int
    total: int = MEETING_MINUTES

    @property
    def allocated(self) -> int:
        return sum(b.minutes for b in self.blocks)

    @property
    def unallocated(self) -> int:
        return max(0, self.total - self.allocated)

    @property
    def overrun(self) -> int:
        return max(0, self.allocated - self.total)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def notes(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "note")

    @property
    def slots(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.stage == "slot")

    def rows(self) -> list[tuple[str, int, str, str]]:
        """(start, minutes, block, what happens), as in a session plan table."""
        return [(clock(b.start), b.minutes, b.title, b.what_happens) for b in self.blocks]

    def to_text(self) -> str:
        lines = [f"{s:>5}  {m:>3}  {t}: {w}" for s, m, t, w in self.rows()]
        lines.append(f"{clock(self.allocated):>5}  end ({self.allocated} of {self.total} minutes)")
        lines += [f"{f.severity.upper()}: {f.message}" for f in self.findings]
        return "\n".join(lines)


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm, the way session plans show start times."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def split_slot(minutes: int) -> tuple[tuple[str, int], ...]:
    """A presenter slot's minutes shared across its parts, in whole minutes that add up.

    The presentation takes about 15% but never more than a few minutes; clarifying questions
    and actions about 15% each; the summary about 10%; exploratory questions the rest.
    """
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0:
        raise PlanError([f"slot length: expected a whole number of minutes, 0 or more, got {minutes!r}"])
    exact = {p: minutes * share for p, share in _SLOT_SHARES.items()}
    exact["presentation"] = min(exact["presentation"], MAX_PRESENTATION)
    whole = {p: math.floor(x) for p, x in exact.items()}
    spare = minutes - sum(whole.values())
    # largest remainders first; anything still spare (a capped presentation) goes to exploratory
    for p in sorted(SLOT_PARTS, key=lambda p: exact[p] - whole[p], reverse=True):
        if spare <= 0:
            break
        if exact[p] - whole[p] > 0:
            whole[p] += 1
            spare -= 1
    whole["exploratory"] += spare
    return tuple((p, whole[p]) for p in SLOT_PARTS)


def max_presenters(available: int, min_slot: int = GOOD_SLOT) -> int:
    """How many slots of at least ``min_slot`` minutes fit into ``available`` minutes."""
    if min_slot <= 0:
        raise PlanError([f"min_slot: expected a positive number of minutes, got {min_slot!r}"])
    return max(0, available) // min_slot


def equal_slot(available: int, presenters: int) -> int:
    """The longest equal slot, in whole minutes, for ``presenters`` in ``available`` minutes."""
    return max(0, available) // presenters if presenters > 0 else 0


def meetings_to_rotate(members: int, per_meeting: int) -> int:
    """Meetings needed for every member to present once, at ``per_meeting`` presenters each."""
    if per_meeting <= 0:
        raise PlanError(["per_meeting: with no presenters per meeting nobody ever presents; use 1 or more"])
    return math.ceil(members / per_meeting)


def check_in_minutes(members: int) -> int:
    """The shortest check-in that gives each member about a minute and a half."""
    return math.ceil(members * CHECK_IN_PER_MEMBER)


def fill_slots(design: MeetingDesign) -> MeetingDesign:
    """The design with equal slots as long as the time left allows; the odd minutes that
    equal slots cannot use go to the process review, the usual home for spare time."""
    design.validate()
    available = design.total - design.others
    if design.presenters == 0 or available <= 0:
        return design
    slot = min(LIMITS["slot"][1], equal_slot(available, design.presenters))
    spare = max(0, available - slot * design.presenters)
    review = min(LIMITS["process_review"][1], design.process_review + spare)
    return replace(design, slot=slot, process_review=review)


def _break_position(start_of_slots: int, presenters: int, slot: int, total: int) -> int:
    """After how many slots the break falls: at the slot boundary nearest mid-meeting."""
    ends = [start_of_slots + k * slot for k in range(presenters + 1)]
    # ties go to the earlier boundary, so a long afternoon is not left without a pause
    return min(range(presenters + 1), key=lambda k: (abs(ends[k] - total / 2), k))


def plan_meeting(design: MeetingDesign | None = None, **changes: int) -> MeetingPlan:
    """The timed plan for a design (the workable day by default), with its review."""
    design = replace(design or MeetingDesign(), **changes).validate()
    blocks: list[Block] = []

    def add(stage: str, minutes: int, label: str = "", parts=()) -> None:
        start = blocks[-1].end if blocks else 0
        blocks.append(Block(stage, minutes, label, start, tuple(parts)))

    opening = (("check-in", design.check_in), ("updates", design.updates), ("bidding", design.bidding))
    for stage, minutes in opening:
        if minutes:
            add(stage, minutes)
    start_of_slots = blocks[-1].end if blocks else 0
    break_after = _break_position(start_of_slots, design.presenters, design.slot, design.total)
    if break_after == 0 and design.break_minutes:
        add("break", design.break_minutes)  # before the first slot, or after bidding if none
    for n in range(1, design.presenters + 1):
        add("slot", design.slot, f"Presenter slot {n}", split_slot(design.slot))
        if n == break_after and design.break_minutes:
            add("break", design.break_minutes)
    for stage, minutes in (("process review", design.process_review), ("check-out", design.check_out)):
        if minutes:
            add(stage, minutes)
    findings = review(blocks, design.members, design.total)
    if design.presenters and design.slot:
        findings += _rotation_note(design.members, design.presenters)
    return MeetingPlan(tuple(blocks), tuple(findings), design.members, design.total)


def _rotation_note(members: int, presenters: int) -> list[Finding]:
    if presenters >= members:
        return []
    rounds = meetings_to_rotate(members, presenters)
    return [Finding(
        "rotation", "note",
        f"{presenters} of {members} members present today: bidding decides who, and it takes "
        f"{rounds} meetings for everyone to have a slot. Whoever waits today goes near the front next time.",
    )]


# --- reviewing any plan: the planner's, or one written by hand ---------------------------------

_KEYWORDS = (  # first match wins, so "check-out" is tested before "check-in"
    ("check-out", ("check-out", "check out", "checkout", "closing")),
    ("check-in", ("check-in", "check in", "checkin", "opening round", "arrival")),
    ("updates", ("update", "report back", "progress", "last time", "actions")),
    ("bidding", ("bid", "airtime")),
    ("break", ("break", "tea", "coffee", "lunch", "pause")),
    ("process review", ("process", "review", "reflection", "time-out", "time out")),
    ("slot", ("slot", "present", "issue")),
)


def stages_named(name: object) -> list[str]:
    """Every stage a hand-written block name mentions, in the planner's order of precedence."""
    if not isinstance(name, str):
        return []
    text = " ".join(name.lower().replace("_", " ").split())
    return [stage for stage, words in _KEYWORDS if any(word in text for word in words)]


def stage_of(name: object) -> str | None:
    """The stage a hand-written block name stands for ("Slot 2: Dev" is a slot), or None."""
    named = stages_named(name)
    return named[0] if named else None


def read_plan(plan: object) -> tuple[Block, ...]:
    """Blocks, timed from the start, from a hand-written plan.

    A plan is a list of ``(block, minutes)`` pairs in meeting order, or a dictionary of
    ``block: minutes`` (in the order written). Raises PlanError naming each unreadable block.
    """
    if isinstance(plan, Mapping):
        pairs = list(plan.items())
    elif isinstance(plan, (list, tuple)):
        pairs = list(plan)
    else:
        raise PlanError([
            f"the plan is a {type(plan).__name__}; write it as a list of (block, minutes) pairs, "
            "such as [('check-in', 15), ('updates', 20), ...]"
        ])
    if not pairs:
        raise PlanError(["the plan is empty; add the meeting's blocks as (block, minutes) pairs, in order"])
    problems, blocks, start = [], [], 0
    names = ", ".join(STAGE_LABELS[s].lower() for s in STAGES)
    for n, pair in enumerate(pairs, start=1):
        where = f"block {n}"
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            problems.append(f"{where}: {pair!r} is not a (block, minutes) pair; write it like ('bidding', 10)")
            continue
        name, minutes = pair
        where = f"block {n} ({name!r})"
        named = stages_named(name)
        stage = named[0] if len(named) == 1 else None
        if not named:
            problems.append(f"{where}: not a stage I recognise; name it as one of: {names}")
        elif len(named) > 1:
            problems.append(f"{where}: names {len(named)} stages at once ({', '.join(named)}); "
                            "give each stage a block of its own")
        if isinstance(minutes, float) and minutes.is_integer():
            minutes = int(minutes)
        if isinstance(minutes, bool) or not isinstance(minutes, int):
            problems.append(f"{where}: minutes should be a whole number, not {minutes!r}")
            continue
        if not 0 <= minutes <= MEETING_MINUTES:
            problems.append(f"{where}: {minutes} minutes; give each block 0 to {MEETING_MINUTES} minutes")
            continue
        if stage and minutes:  # a block of 0 minutes is left out
            label = name.strip() if stage == "slot" else ""
            parts = split_slot(minutes) if stage == "slot" else ()
            blocks.append(Block(stage, minutes, label, start, parts))
        start += minutes
    if problems:
        raise PlanError(problems)
    return tuple(blocks)


def sequence_problems(blocks: Sequence[Block]) -> list[str]:
    """Where the order of a plan departs from the usual sequence, each as a sentence."""
    stages = [b.stage for b in blocks]
    if not stages:
        return ["The plan has no blocks."]
    problems = []
    slots = [i for i, s in enumerate(stages) if s == "slot"]
    if stages[0] != "check-in":
        problems.append(f"It opens with {STAGE_LABELS[stages[0]].lower()}: a check-in first brings everyone in.")
    if stages[-1] != "check-out":
        problems.append(f"It ends with {STAGE_LABELS[stages[-1]].lower()}: a check-out last closes the meeting.")
    if slots:
        for stage in ("updates", "bidding"):
            if any(s == stage and i > slots[0] for i, s in enumerate(stages)):
                problems.append(
                    f"{STAGE_LABELS[stage]} come after the first presenter slot: "
                    "updates and bidding set up the slots, so they come before them."
                )
        reviews = [i for i, s in enumerate(stages) if s == "process review"]
        if reviews and max(reviews) < slots[-1]:
            problems.append(
                "The process review comes before the last slot: review the meeting once its work is done "
                "(a short time-out mid-meeting is fine as well)."
            )
    for stage in ("check-in", "updates", "bidding", "process review", "check-out"):
        if stages.count(stage) > 1:
            problems.append(f"{STAGE_LABELS[stage]} appears {stages.count(stage)} times: once is usual.")
    return problems


def review(blocks: Sequence[Block], members: int, total: int = MEETING_MINUTES) -> list[Finding]:
    """What a facilitator might notice in a plan: warnings first, each with what to do."""
    found: list[Finding] = []
    minutes = {s: sum(b.minutes for b in blocks if b.stage == s) for s in STAGES}
    slots = [b for b in blocks if b.stage == "slot"]
    allocated = sum(b.minutes for b in blocks)
    if allocated > total:
        found.append(Finding(
            "overrun", "warning",
            f"The plan runs {_minutes(allocated - total, verb=False)} over the {total}: "
            "something will be squeezed, usually the process review or the last presenter. "
            "Shorten a stage or plan one fewer slot.",
        ))
    elif allocated < total:
        found.append(Finding(
            "unallocated", "warning",
            f"{_minutes(total - allocated)} unallocated. Give the time to the presenter slots or the "
            "process review, or plan to finish early and say so at the start.",
        ))
    short = [b for b in slots if b.minutes < MIN_SLOT]
    tight = [b for b in slots if MIN_SLOT <= b.minutes < GOOD_SLOT]
    if short:
        found.append(Finding(
            "short-slot", "warning",
            f"{_slot_list(short)} under {MIN_SLOT} minutes: too short to get beyond clarifying questions. "
            f"Plan fewer presenters, or take time from updates or bidding, so each slot has {GOOD_SLOT} or more.",
        ))
    if tight:
        found.append(Finding(
            "tight-slot", "note",
            f"{_slot_list(tight)} under {GOOD_SLOT} minutes: workable for a practised set, tight for a new one.",
        ))
    if slots and len(slots) > members:
        found.append(Finding(
            "too-many-presenters", "warning",
            f"{len(slots)} presenter slots for {members} members: someone would present twice. "
            f"Plan {members} slots at most, and longer ones.",
        ))
    if not slots:
        found.append(Finding(
            "no-slots", "warning",
            "There are no presenter slots: the set's work happens in them. Plan at least one.",
        ))
    needed = check_in_minutes(members)
    if minutes["check-in"] < needed:
        found.append(Finding(
            "short-check-in", "warning",
            (f"A check-in of {minutes['check-in']} minutes" if minutes["check-in"] else "No check-in")
            + f" for {members} members: allow about a minute and a half each ({needed} minutes), "
            "so that every voice is in the room early.",
        ))
    if not minutes["process review"]:
        found.append(Finding(
            "no-process-review", "warning",
            "No process review: the set loses its chance to learn how it works. "
            "Keep at least 10 minutes, more while the set is new.",
        ))
    if not minutes["check-out"]:
        found.append(Finding(
            "no-check-out", "warning",
            "No check-out: members leave without naming their actions and learning. Keep 5 minutes or more.",
        ))
    if not minutes["break"] and total >= 120:
        found.append(Finding(
            "no-break", "note",
            f"No break in {total} minutes: attention and patience fade, and so does the quality of questions.",
        ))
    if not minutes["updates"]:
        found.append(Finding(
            "no-updates", "note",
            "No updates: fine at a first meeting; after that, reporting on actions is how the "
            "set learns from them.",
        ))
    order = sequence_problems(blocks)
    if order:
        found.append(Finding("order", "warning", "Order: " + " ".join(order)))
    return sorted(found, key=lambda f: f.severity != "warning")


def _minutes(n: int, verb: bool = True) -> str:
    words = f"{n} minute" + ("" if n == 1 else "s")
    return words + ((" is" if n == 1 else " are") if verb else "")


def _slot_list(slots: Sequence[Block]) -> str:
    lengths = sorted({b.minutes for b in slots})
    if len(slots) == 1:
        return f"One slot of {slots[0].minutes} minutes is"
    return f"{len(slots)} slots ({', '.join(map(str, lengths))} minutes) are"


def review_plan(plan: object, members: int, total: int = MEETING_MINUTES) -> MeetingPlan:
    """A hand-written plan read, timed and reviewed; PlanError if it cannot be read."""
    blocks = read_plan(plan)
    return MeetingPlan(blocks, tuple(review(blocks, members, total)), members, total)


# --- airtime over several meetings --------------------------------------------------------------


@dataclass(frozen=True)
class Rotation:
    """Who presents at which meeting, read from ``{meeting: [names]}``."""

    meetings: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def counts(self, members: Sequence[str]) -> dict[str, int]:
        """How many times each member presents (0 for those who never do)."""
        counts = {m: 0 for m in members}
        for names in self.meetings.values():
            for name in names:
                counts[name] = counts.get(name, 0) + 1
        return counts

    def meeting_of(self, name: str) -> list[int]:
        return [n for n, names in sorted(self.meetings.items()) if name in names]


def read_rotation(rotation: object, members: Sequence[str], meetings: int) -> Rotation:
    """A rotation from ``{1: ["Name", ...], 2: [...], ...}``; names matched to ``members``
    ignoring case and spaces. Raises PlanError naming each unreadable part."""
    if not isinstance(rotation, Mapping):
        raise PlanError([
            f"the rotation is a {type(rotation).__name__}; write it as a dictionary, "
            "{1: ['Name', ...], 2: [...], 3: [...]}"
        ])
    lookup = {m.strip().lower(): m for m in members}
    problems, read = [], {}
    for key, names in rotation.items():
        number = _meeting_number(key)
        if number is None or not 1 <= number <= meetings:
            problems.append(f"meeting {key!r}: use the meeting numbers 1 to {meetings} as keys")
            continue
        if isinstance(names, str) or not isinstance(names, (list, tuple, set)):
            problems.append(f"meeting {number}: expected a list of names, such as ['{members[0]}'], got {names!r}")
            continue
        matched = []
        for name in names:
            found = lookup.get(name.strip().lower()) if isinstance(name, str) else None
            if found is None:
                problems.append(
                    f"meeting {number}: {name!r} is not a member of this set; "
                    f"members are {', '.join(members)}"
                )
            else:
                matched.append(found)
        read[number] = tuple(matched)
    if problems:
        raise PlanError(problems)
    return Rotation({n: read.get(n, ()) for n in range(1, meetings + 1)})


def _meeting_number(key: object) -> int | None:
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key
    if isinstance(key, str):
        digits = "".join(ch for ch in key if ch.isdigit())
        return int(digits) if digits else None
    return None
