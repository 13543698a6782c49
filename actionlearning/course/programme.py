"""The programme: nine sessions over about twenty weeks, and its 3-, 6- and 9-meeting variants.

Everything here comes from ``data/programme.yaml``, the one source of truth that the handbook,
the schedule and the cohort workflow read.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

MEETING_COUNTS = (3, 6, 9)


class ProgrammeError(ValueError):
    """The programme data file is malformed."""


@dataclass(frozen=True)
class Session:
    number: int
    title: str
    themes: str
    practice: str
    exercise: str

    @property
    def slug(self) -> str:
        """The name shared by the handbook page, the exercise folder and the cohort commands."""
        return f"session-{self.number:02d}"

    @property
    def page(self) -> str:
        """The handbook page, relative to the repository root, without its suffix."""
        return f"book/sessions/{self.slug}"


@dataclass(frozen=True)
class Meeting:
    number: int
    week: int
    sessions: tuple[Session, ...]

    @property
    def title(self) -> str:
        return " + ".join(s.title for s in self.sessions)


@dataclass(frozen=True)
class Programme:
    title: str
    weeks: int
    session_minutes: int
    group_size: tuple[int, int]
    sessions: tuple[Session, ...]
    variants: dict[int, tuple[tuple[int, ...], ...]]
    variant_weeks: dict[int, int] = dataclasses.field(default_factory=dict)

    def weeks_for(self, count: int) -> int:
        """The weeks the ``count``-meeting variant spreads over: its own, or the course's."""
        return self.variant_weeks.get(count, self.weeks)

    def session(self, key: int | str) -> Session:
        """A session by number (1) or slug ("session-01")."""
        for s in self.sessions:
            if key in (s.number, s.slug):
                return s
        known = ", ".join(s.slug for s in self.sessions)
        raise KeyError(f"No session {key!r} in the programme; known sessions: {known}")

    def meetings(self, count: int) -> tuple[Meeting, ...]:
        """The meetings of the ``count``-meeting variant, with the week each falls in."""
        if count not in self.variants:
            raise ValueError(
                f"There is no {count}-meeting programme; choose one of "
                f"{', '.join(map(str, sorted(self.variants)))}."
            )
        groups = self.variants[count]
        return tuple(
            Meeting(i + 1, meeting_week(i, count, self.weeks_for(count)), tuple(self.session(n) for n in g))
            for i, g in enumerate(groups)
        )


def meeting_week(index: int, count: int, weeks: int) -> int:
    """The week (1-based) of meeting ``index`` (0-based) when ``count`` meetings spread evenly
    from week 1 to week ``weeks``."""
    if count == 1:
        return 1
    return 1 + math.floor(index * (weeks - 1) / (count - 1) + 0.5)


DATA = resources.files("actionlearning.course").joinpath("data/programme.yaml")


@cache
def load_programme() -> Programme:
    text = DATA.read_text("utf-8")
    return parse_programme(yaml.safe_load(text))


def parse_programme(data: dict) -> Programme:
    """Build and check a Programme from the parsed YAML, naming any inconsistency."""
    try:
        course = data["course"]
        sessions = tuple(
            Session(
                number=int(s["number"]),
                title=str(s["title"]),
                themes=str(s["themes"]),
                practice=str(s["practice"]),
                exercise=str(s["exercise"]),
            )
            for s in data["sessions"]
        )
        variants = {
            int(k): tuple(tuple(int(n) for n in group) for group in v)
            for k, v in data["variants"].items()
        }
        programme = Programme(
            title=str(course["title"]),
            weeks=int(course["weeks"]),
            session_minutes=int(course["session_minutes"]),
            group_size=tuple(course["group_size"]),
            sessions=sessions,
            variants=variants,
            variant_weeks={int(k): int(v) for k, v in (data.get("variant_weeks") or {}).items()},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ProgrammeError(f"programme.yaml is malformed: {exc!r}") from exc
    numbers = [s.number for s in sessions]
    if numbers != list(range(1, len(sessions) + 1)):
        raise ProgrammeError(f"programme.yaml: sessions must be numbered 1..n in order, not {numbers}")
    for count, groups in variants.items():
        covered = [n for g in groups for n in g]
        if len(groups) != count or covered != numbers:
            raise ProgrammeError(
                f"programme.yaml: the {count}-meeting variant must have {count} meetings covering "
                f"every session once, in order; it covers {covered}"
            )
    return programme


# --- Markdown tables for the handbook's programme page ------------------------------------

Linker = Callable[[Session], "str | None"]


def _title(session: Session, link: Linker | None) -> str:
    """The session's title, as a MyST link to its page when ``link`` gives a target."""
    target = link(session) if link else None
    return f"{{doc}}`{session.title} <{target}>`" if target else session.title


def sessions_table(programme: Programme | None = None, link: Linker | None = None) -> str:
    """The sessions as a Markdown table: week, session, themes, practice and exercise."""
    programme = programme or load_programme()
    weeks = {m.sessions[0].number: m.week for m in programme.meetings(len(programme.sessions))}
    rows = [
        "| Week | Session | Themes | Practice | Weekly exercise |",
        "|---:|---|---|---|---|",
    ]
    for s in programme.sessions:
        rows.append(
            f"| {weeks[s.number]} | {s.number}. {_title(s, link)} | {s.themes} "
            f"| {s.practice} | {s.exercise} |"
        )
    return "\n".join(rows)


def variants_table(programme: Programme | None = None, link: Linker | None = None) -> str:
    """For each shorter variant, which sessions each meeting covers, in which week, with which
    exercises. (The full programme, one session a meeting, is :func:`sessions_table`.)"""
    programme = programme or load_programme()
    rows = ["| Meetings | Meeting | Week | Sessions covered | Exercises |", "|---:|---:|---:|---|---|"]
    shorter = [c for c in programme.variants if c < len(programme.sessions)]
    for count in sorted(shorter, reverse=True):
        for m in programme.meetings(count):
            covered = "<br>".join(f"{s.number}. {_title(s, link)}" for s in m.sessions)
            exercises = ", ".join(f"`{s.slug}`" for s in m.sessions)
            label = f"**{count}**" if m.number == 1 else ""
            rows.append(f"| {label} | {m.number} | {m.week} | {covered} | {exercises} |")
    return "\n".join(rows)
