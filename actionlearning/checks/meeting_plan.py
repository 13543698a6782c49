"""A meeting plan for a set of nine (session 3, Part 1).

Each check reads the trainee's answer through :mod:`actionlearning.practice.airtime`, the same logic as
the airtime planner, so the exercise and the practice widget agree on what a workable meeting
is. Every constraint earns its own credit and gives its reason; nothing here raises on an
answer, however it is written.
"""

from __future__ import annotations

from dataclasses import replace

from actionlearning.checks import CheckResult, ItemResult
from actionlearning.practice import airtime

# --- Part 1: a meeting plan for a set of nine, three of whom have bid -------------------------

MEMBERS = 9
PRESENTERS = 3
MIN_UPDATES = 15
MIN_BIDDING = 5
MIN_BREAK = 5
# The set in the exercise asked, at its last process review, for more time to talk about how it
# works: ten minutes can do for a practised set, so a plan that honours the request gives 15 or more.
MIN_PROCESS_REVIEW = 15
MIN_CHECK_OUT = 5
PLAN_ITEMS = 7
# For the trainer's notes: the plans differ, so this is one answer that meets every constraint.
MODEL_PLAN = ("check-in 15, updates 20, bidding 5, slot 30, break 10, slot 30, slot 30, "
              "process review 30, check-out 10")


def _with_note(result: CheckResult, note: str) -> CheckResult:
    """``result`` with ``note``, for the trainer alone, on its first item."""
    if not result.items:
        return result
    first, *rest = result.items
    return CheckResult(result.title, (replace(first, note=note), *rest))


def score_meeting_plan(
    plan: object, members: int = MEMBERS, presenters: int = PRESENTERS
) -> CheckResult:
    """Seven constraints on a hand-written 180-minute plan, one point each, with reasons."""
    title = "Your meeting plan"
    try:
        reviewed = airtime.review_plan(plan, members)
    except airtime.PlanError as error:
        reason = "I could not read the plan, so none of it could be checked yet: " + "; ".join(
            error.problems
        )
        return CheckResult(title, (ItemResult("the plan", 0.0, PLAN_ITEMS, reason),))
    except Exception as error:  # never let a strange answer stop the grading
        reason = f"I could not read the plan ({type(error).__name__}); keep the shape of the answer cell"
        return CheckResult(title, (ItemResult("the plan", 0.0, PLAN_ITEMS, reason),))
    blocks = reviewed.blocks
    unusable = _not_a_plan(blocks)
    if unusable:
        return CheckResult(title, (ItemResult("the plan", 0.0, PLAN_ITEMS, unusable),))
    minutes = {s: sum(b.minutes for b in blocks if b.stage == s) for s in airtime.STAGES}
    updates, bidding = minutes["updates"], minutes["bidding"]
    review, check_out = minutes["process review"], minutes["check-out"]
    return _with_note(CheckResult(title, (
        _order(blocks),
        _total(reviewed),
        _slots(reviewed.slots, presenters),
        _check_in(minutes["check-in"], members),
        _both(
            "updates and bidding",
            (updates >= MIN_UPDATES,
             f"updates {updates} minutes (at least {MIN_UPDATES}: {members} people report on their actions)"),
            (bidding >= MIN_BIDDING, f"bidding {bidding} minutes (at least {MIN_BIDDING})"),
        ),
        _break(blocks),
        _both(
            "process review and check-out",
            (review >= MIN_PROCESS_REVIEW,
             f"process review {review} minutes (at least {MIN_PROCESS_REVIEW}: the set is new, and "
             "asked for more time to talk about how it works)"),
            (check_out >= MIN_CHECK_OUT, f"check-out {check_out} minutes (at least {MIN_CHECK_OUT})"),
        ),
    )), f"the key: no single plan; one that meets every constraint is {MODEL_PLAN}. Read the plan for "
        "what the trainee chose to give the set's request for more process review.")


MAX_BLOCKS = 15  # a three-hour meeting rarely has more than a dozen blocks
ONCE = ("check-in", "bidding", "process review", "check-out")


def _not_a_plan(blocks) -> str:
    """Why these blocks are not a meeting a set could follow (empty when they could be)."""
    if len(blocks) > MAX_BLOCKS:
        return (f"{len(blocks)} blocks: not a meeting a set could follow. Plan each stage as one "
                "block (the slots one each), about a dozen blocks in all")
    repeated = [s for s in ONCE if sum(1 for b in blocks if b.stage == s) > 1]
    if repeated:
        return (f"{', '.join(repeated)} more than once: not a meeting a set could follow. A meeting "
                "has one of each, in order")
    return ""


def _order(blocks) -> ItemResult:
    problems = airtime.sequence_problems(blocks)
    if not problems:
        return ItemResult(
            "order", 1.0, 1.0,
            "check-in first, updates and bidding before the slots, review and check-out at the end",
        )
    return ItemResult("order", 0.5 if len(problems) == 1 else 0.0, 1.0, " ".join(problems))


def _total(plan: airtime.MeetingPlan) -> ItemResult:
    added = f"the plan adds up to {plan.allocated}"
    if plan.overrun:
        return ItemResult(
            "180 minutes", 0.0, 1.0, f"{added}: {plan.overrun} minutes over; something would be squeezed"
        )
    if plan.unallocated:
        return ItemResult(
            "180 minutes", 0.0, 1.0, f"{added}: {plan.unallocated} minutes unallocated; give them to a stage"
        )
    return ItemResult("180 minutes", 1.0, 1.0, "the blocks add up to exactly 180 minutes")


def _slots(slots, presenters: int) -> ItemResult:
    name = f"{presenters} slots of {airtime.GOOD_SLOT}+"
    lengths = ", ".join(str(b.minutes) for b in slots) or "none"
    if len(slots) != presenters:
        return ItemResult(
            name, 0.0, 1.0,
            f"{len(slots)} presenter slots ({lengths}); {presenters} members bid and each needs a slot",
        )
    if all(b.minutes >= airtime.GOOD_SLOT for b in slots):
        return ItemResult(
            name, 1.0, 1.0, f"{presenters} slots ({lengths} minutes), each at least {airtime.GOOD_SLOT}"
        )
    if all(b.minutes >= airtime.MIN_SLOT for b in slots):
        return ItemResult(
            name, 0.5, 1.0,
            f"slots of {lengths} minutes: workable, but under {airtime.GOOD_SLOT} is tight for a new set",
        )
    return ItemResult(
        name, 0.0, 1.0,
        f"slots of {lengths} minutes: a slot under {airtime.MIN_SLOT} rarely gets past clarifying questions",
    )


def _check_in(given: int, members: int) -> ItemResult:
    needed = airtime.check_in_minutes(members)
    if given >= needed:
        return ItemResult(
            "check-in", 1.0, 1.0, f"{given} minutes: room for each of {members} voices (at least {needed})"
        )
    return ItemResult(
        "check-in", 0.0, 1.0,
        f"{given} minutes for {members} members; allow about a minute and a half each, {needed} or more",
    )


def _both(name: str, first: tuple[bool, str], second: tuple[bool, str]) -> ItemResult:
    met = [ok for ok, _ in (first, second)].count(True)
    reason = "; ".join(("✓ " if ok else "✗ ") + text for ok, text in (first, second))
    return ItemResult(name, met / 2, 1.0, reason)


def _break(blocks) -> ItemResult:
    stages = [b.stage for b in blocks]
    slots = [i for i, s in enumerate(stages) if s == "slot"]
    breaks = [i for i, s in enumerate(stages) if s == "break" and blocks[i].minutes >= MIN_BREAK]
    if not breaks:
        return ItemResult(
            "a break", 0.0, 1.0,
            f"no break of {MIN_BREAK} minutes or more; three hours without one wears down attention",
        )
    if slots and any(slots[0] < i < slots[-1] for i in breaks):
        return ItemResult("a break", 1.0, 1.0, "a break between presenter slots, when the set needs it")
    return ItemResult(
        "a break", 0.5, 1.0,
        "there is a break, but not between presenter slots; mid-meeting serves the set better",
    )


def timed(plan: object, members: int = MEMBERS) -> str:
    """A hand-written plan with its start times and the planner's review, or what stops it
    being read; for the trainee to look at while drafting. Never raises."""
    try:
        return airtime.review_plan(plan, members).to_text()
    except airtime.PlanError as error:
        return "Not readable yet:\n" + "\n".join(f"  {p}" for p in error.problems)
    except Exception as error:  # a strange answer: say so, and carry on
        return f"Not readable yet ({type(error).__name__}): keep the shape of the answer cell."
