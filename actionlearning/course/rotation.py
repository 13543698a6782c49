"""Presenter rotation for a set of 5 to 12 members meeting 3, 6 or 9 times.

With three presenter slots a meeting most members of a large set present rarely: twelve members
over three meetings share nine slots. :func:`rotation` shares the slots out as fairly as the
arithmetic allows, and :class:`Summary` gives the figures a facilitator and a sponsor need.

The rotation goes round the members in a fixed order, ``slots`` at a time, and starts again from
the first member when it reaches the last. Three properties follow, and the tests check them:

- **Fair counts.** Every member presents ``meetings * slots // members`` times or once more: no
  rotation can be more even.
- **No back-to-back turns that could be avoided.** Two consecutive meetings take ``2 * slots``
  consecutive places in the order, so a member presents in both only when ``2 * slots`` exceeds
  the members, and then exactly ``2 * slots - members`` do: the fewest possible, since two
  meetings need ``2 * slots`` presenters from ``members`` people. With eight or more members and
  up to four slots, nobody ever presents twice running.
- **Spread out.** The meetings between one member's turns are ``members // slots`` or one more,
  so nobody waits much longer than anyone else.

The order itself is only a default. In a set it is the members, through bidding and their own
agreement, who decide who presents when; the rotation shows what is possible and what is fair.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

MEMBERS = range(5, 13)  # the sets this handbook prepares facilitators for, and smaller ones
MEETING_COUNTS = (3, 6, 9)
MAX_SLOTS = 6  # six slots of 20 minutes, the shortest that works, already fill two hours


@dataclass(frozen=True)
class Summary:
    slots: int  # presenter slots in all, over the whole series
    fewest: int  # the fewest presentations any member has
    most: int  # the most presentations any member has
    with_most: int  # how many members have the most
    never: int  # how many members never present
    back_to_back: int  # times a member presents in two consecutive meetings
    unavoidable: int  # the fewest back-to-back turns any rotation could have
    shortest_gap: int | None  # fewest meetings between a member's turns (None: nobody repeats)


@dataclass(frozen=True)
class Rotation:
    members: int
    meetings: int
    slots: int
    presenters: tuple[tuple[int, ...], ...]  # for each meeting, its presenters, numbered from 1

    def turns(self, member: int) -> tuple[int, ...]:
        """The meetings (numbered from 1) in which ``member`` (numbered from 1) presents."""
        if not 1 <= member <= self.members:
            raise ValueError(f"member must be from 1 to {self.members}, not {member!r}")
        return tuple(n for n, meeting in enumerate(self.presenters, 1) if member in meeting)

    def counts(self) -> dict[int, int]:
        """Each member's number of presentations."""
        return {m: len(self.turns(m)) for m in range(1, self.members + 1)}

    def summary(self) -> Summary:
        counts = self.counts().values()
        fewest, most = min(counts), max(counts)
        back_to_back = sum(len(set(a) & set(b)) for a, b in pairwise(self.presenters))
        gaps = [
            later - earlier
            for m in range(1, self.members + 1)
            for earlier, later in pairwise(self.turns(m))
        ]
        return Summary(
            slots=sum(len(p) for p in self.presenters),
            fewest=fewest,
            most=most,
            with_most=sum(1 for c in counts if c == most),
            never=sum(1 for c in counts if c == 0),
            back_to_back=back_to_back,
            unavoidable=unavoidable_back_to_back(self.members, self.meetings, self.slots),
            shortest_gap=min(gaps) if gaps else None,
        )


def _check(members: object, meetings: object, slots: object) -> None:
    def whole(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    if not whole(members) or members not in MEMBERS:
        larger = whole(members) and members > MEMBERS[-1]
        split = " (a larger set is better split into two)" if larger else ""
        raise ValueError(
            f"members must be a whole number from {MEMBERS[0]} to {MEMBERS[-1]}, the sets this "
            f"handbook plans for, not {members!r}{split}"
        )
    if not whole(meetings) or meetings not in MEETING_COUNTS:
        raise ValueError(
            f"meetings must be {', '.join(map(str, MEETING_COUNTS[:-1]))} or {MEETING_COUNTS[-1]}, "
            f"the lengths of series this handbook plans for, not {meetings!r}"
        )
    if not whole(slots) or not 1 <= slots <= MAX_SLOTS:
        raise ValueError(
            f"slots must be a whole number of presenter slots a meeting from 1 to {MAX_SLOTS}, "
            f"not {slots!r}: six slots of 20 minutes, the shortest that works, already fill two "
            "hours"
        )


def unavoidable_back_to_back(members: int, meetings: int, slots: int) -> int:
    """The fewest times, over a series, that any rotation has a member present in two
    consecutive meetings: two meetings need ``2 * slots`` presenters from ``members`` people."""
    _check(members, meetings, slots)
    return max(0, 2 * slots - members) * (meetings - 1)


def rotation(members: int, meetings: int, slots: int = 3) -> Rotation:
    """A fair rotation of presenters for ``members`` people, ``meetings`` meetings and ``slots``
    presenter slots a meeting. Raises ValueError, saying what is allowed, for anything else."""
    _check(members, meetings, slots)
    return Rotation(
        members,
        meetings,
        slots,
        tuple(
            tuple(place % members + 1 for place in range(n * slots, (n + 1) * slots))
            for n in range(meetings)
        ),
    )


# --- Markdown tables for the handbook ------------------------------------------------------


def label(member: int) -> str:
    """A member's letter: 1 is A, 12 is L."""
    return string.ascii_uppercase[member - 1]


def _each(s: Summary) -> str:
    if s.fewest == s.most:
        return str(s.most)
    have = "has" if s.with_most == 1 else "have"
    return f"{s.fewest} or {s.most} ({s.with_most} {have} {s.most})"


def summary_table(rotations: Iterable[Rotation]) -> str:
    """One row for each rotation: its size, its slots, what each member gets and how far apart."""
    rows = [
        (
            "| Members | Meetings | Slots a meeting | Slots in all | Presentations each "
            "| Never present | A member's turns, at closest |"
        ),
        "|---:|---:|---:|---:|---|---:|---:|",
    ]
    for r in rotations:
        s = r.summary()
        gap = "one turn at most" if s.shortest_gap is None else f"{s.shortest_gap} meetings apart"
        cells = (r.members, r.meetings, r.slots, s.slots, _each(s), s.never, gap)
        rows.append("| " + " | ".join(map(str, cells)) + " |")
    return "\n".join(rows)


def rotation_table(r: Rotation) -> str:
    """The rotation as a grid: a row for each member, a column for each meeting, a dot (●) in
    each meeting the member presents, and their total."""
    head = " | ".join(f"{n}" for n in range(1, r.meetings + 1))
    rows = [
        f"| Member | {head} | Presentations |",
        "|---|" + ":---:|" * r.meetings + "---:|",
    ]
    for m in range(1, r.members + 1):
        turns = set(r.turns(m))
        marks = " | ".join("●" if n in turns else "" for n in range(1, r.meetings + 1))
        rows.append(f"| {label(m)} | {marks} | {len(turns)} |")
    return "\n".join(rows)
