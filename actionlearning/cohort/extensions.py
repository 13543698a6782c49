"""Extensions and lateness: a later due date for one trainee's exercise, and how each submission
stands against its due date.

Extensions live in the cohort's ``extensions.json`` (private to the trainer, like the rest of the
cohort folder), as local times in the cohort's time zone. A submission is *on time* by the
exercise's due date, *within extension* after it but by the trainee's extension, and otherwise
*late*, by how long. The cohort's policy (``LATE_POLICY``) is to record lateness and never to
penalise it: scores are the automatic checks' whatever the time, and the report shows when each
piece of work came in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from actionlearning.cohort.lock import one_writer
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.schedule import DUE_TIME
from actionlearning.cohort.store import Cohort, write_private

FILE = "extensions.json"
LATE_POLICY = "recorded, never penalised"


@dataclass(frozen=True)
class Timing:
    """How a submission stands against its due date."""

    late: bool = False
    text: str = ""  # on time | within extension (to Fri 13 Mar 23:59) | late by 2 days 3 h | ""


def load_extensions(cohort: Cohort) -> dict[str, dict[str, datetime]]:
    """Every extension: trainee id -> session -> the new due date (aware)."""
    path = cohort.root / FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
        return {t: {s: datetime.fromisoformat(until) for s, until in sessions.items()}
                for t, sessions in data.items()}
    except (ValueError, AttributeError, TypeError) as exc:
        raise CohortError(f"{path} is damaged ({exc}); fix it or delete it and grant the extensions "
                          "again with `actionlearning cohort extend`.") from None


def _save(cohort: Cohort, extensions: dict[str, dict[str, datetime]]) -> None:
    data = {t: {s: until.isoformat() for s, until in sorted(sessions.items())}
            for t, sessions in sorted(extensions.items()) if sessions}
    write_private(cohort.root / FILE, json.dumps(data, indent=1) + "\n")


def parse_until(text: str, cohort: Cohort) -> datetime:
    """``YYYY-MM-DD`` (by the usual due time, 23:59) or ``YYYY-MM-DDTHH:MM``, in the cohort's zone."""
    try:
        if "T" in text or " " in text:
            moment = datetime.fromisoformat(text)
        else:
            moment = datetime.combine(date.fromisoformat(text), DUE_TIME)
    except ValueError:
        raise CohortError(f"{text!r} is not a date: write YYYY-MM-DD (due by {DUE_TIME:%H:%M} that day) "
                          "or YYYY-MM-DDTHH:MM, e.g. 2027-03-12 or 2027-03-12T17:00.") from None
    zone = ZoneInfo(cohort.timezone)
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


@one_writer("extend")
def grant_extension(cohort: Cohort, trainee: str, session: str, until: datetime) -> datetime:
    """Give ``trainee`` until ``until`` for ``session``; returns the exercise's own due date."""
    if trainee not in {t.id for t in cohort.roster}:
        raise CohortError(f"{trainee!r} is not on {cohort.name}'s roster; the ids are: "
                          + ", ".join(t.id for t in cohort.roster) + ".")
    due = cohort.schedule.exercise(session).due
    if until <= due:
        raise CohortError(f"{session} is due {due:%a %d %b %Y %H:%M} already; an extension must end "
                          f"after that, and {until:%a %d %b %Y %H:%M} does not.")
    extensions = load_extensions(cohort)
    extensions.setdefault(trainee, {})[session] = until
    _save(cohort, extensions)
    return due


@one_writer("extend")
def cancel_extension(cohort: Cohort, trainee: str, session: str) -> bool:
    """Take back an extension; False when there was none."""
    extensions = load_extensions(cohort)
    if session not in extensions.get(trainee, {}):
        return False
    del extensions[trainee][session]
    _save(cohort, extensions)
    return True


def _span(delta: timedelta) -> str:
    """A duration as a trainer would say it: "3 days 4 h", "5 h 10 min", "12 min"."""
    minutes = max(1, int(delta.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} day{'s' if days > 1 else ''}" + (f" {hours} h" if hours else "")
    if hours:
        return f"{hours} h" + (f" {minutes} min" if minutes else "")
    return f"{minutes} min"


def timing(submitted: datetime | None, due: datetime, until: datetime | None) -> Timing:
    """How a submission at ``submitted`` (naive UTC, as nbgrader keeps it, or aware) stands against
    ``due`` and an extension to ``until``."""
    if submitted is None:
        return Timing()
    if submitted.tzinfo is None:
        submitted = submitted.replace(tzinfo=timezone.utc)
    if submitted <= due:
        return Timing(False, "on time")
    if until is not None and submitted <= until:
        return Timing(False, f"within extension (to {until:%a %d %b %H:%M})")
    return Timing(True, f"late by {_span(submitted - (until or due))}")
