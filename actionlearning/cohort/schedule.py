"""A cohort's schedule: when each meeting happens, and when each exercise is released and due.

Meetings fall in the weeks the programme gives them (spread evenly over its twenty weeks, or
over ``weeks``), on the start date's weekday, at the meeting time in the cohort's time zone.
Each exercise is released when its meeting ends and is due at 23:59 on the day before the
next meeting; the last meeting's exercises are due ``LAST_DUE_DAYS`` days after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from actionlearning.cohort.problems import CohortError
from actionlearning.course.plans import meeting_plans
from actionlearning.course.programme import Programme, Session, load_programme, meeting_week

DEFAULT_TIMEZONE = "Europe/London"
DEFAULT_TIME = time(10, 0)
LAST_DUE_DAYS = 21  # the one-to-one readiness reviews fall within a fortnight; the last exercise a week after
DUE_TIME = time(23, 59)


@dataclass(frozen=True)
class ScheduledMeeting:
    number: int
    week: int
    sessions: tuple[Session, ...]
    start: datetime  # aware, in the cohort's time zone
    end: datetime

    @property
    def title(self) -> str:
        return " + ".join(s.title for s in self.sessions)


@dataclass(frozen=True)
class ScheduledExercise:
    session: Session
    meeting: ScheduledMeeting
    release: datetime  # when the meeting ends
    due: datetime

    @property
    def slug(self) -> str:
        return self.session.slug


@dataclass(frozen=True)
class Schedule:
    meetings: tuple[ScheduledMeeting, ...]
    exercises: tuple[ScheduledExercise, ...]

    def exercise(self, slug: str) -> ScheduledExercise:
        for e in self.exercises:
            if e.slug == slug:
                return e
        known = ", ".join(e.slug for e in self.exercises)
        raise CohortError(f"There is no exercise {slug!r} in this cohort's programme; use one of {known}.")


def timezone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CohortError(
            f"Unknown time zone {name!r}; use a name such as Europe/London or Europe/Dublin."
        ) from None


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CohortError(f"{text!r} is not a date in the form YYYY-MM-DD, e.g. 2026-01-14.") from None


def parse_time(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise CohortError(f"{text!r} is not a time in the form HH:MM, e.g. 09:30.") from None


def build_schedule(
    count: int,
    start: date,
    *,
    weeks: int | None = None,
    at: time = DEFAULT_TIME,
    tz: str = DEFAULT_TIMEZONE,
    programme: Programme | None = None,
) -> Schedule:
    """The schedule of the ``count``-meeting programme starting on ``start``."""
    programme = programme or load_programme()
    zone = timezone(tz)
    weeks = weeks or programme.weeks_for(count)
    if weeks < count:
        raise CohortError(f"{count} meetings cannot be spread over {weeks} weeks; give at least {count}.")
    # A meeting lasts as long as its plan (four hours in the six-meeting programme, a day in the
    # three); a programme other than the course's own has no plans, only its session length.
    own = programme is load_programme()
    lengths = [p.minutes for p in meeting_plans(count)] if own else [programme.session_minutes] * count
    meetings = []
    for m, minutes in zip(programme.meetings(count), lengths, strict=True):
        week = meeting_week(m.number - 1, count, weeks)
        day = start + timedelta(weeks=week - 1)
        begins = datetime.combine(day, at, tzinfo=zone)
        meetings.append(ScheduledMeeting(m.number, week, m.sessions, begins, begins + timedelta(minutes=minutes)))
    exercises = []
    for i, m in enumerate(meetings):
        if i + 1 < len(meetings):
            due_day = meetings[i + 1].start.date() - timedelta(days=1)
        else:
            due_day = m.start.date() + timedelta(days=LAST_DUE_DAYS)
        due = datetime.combine(due_day, DUE_TIME, tzinfo=zone)
        for s in m.sessions:
            exercises.append(ScheduledExercise(s, m, m.end, due))
    return Schedule(tuple(meetings), tuple(exercises))
