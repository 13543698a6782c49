"""Where each trainee stands on a session: the shared core every step of the week builds on.

A session's folders (submitted/, autograded/, feedback/), the checks that a session exists and
has been released, screening a collected submission, and each trainee's :class:`Row` (status,
automatic score, a reflection waiting for review) as the batch tables and the report show it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from actionlearning.cohort import nbgrader_course
from actionlearning.cohort.extensions import load_extensions, timing
from actionlearning.cohort.problems import CohortError, Problem, first_fatal
from actionlearning.cohort.records import Records
from actionlearning.cohort.roster import Trainee
from actionlearning.cohort.screening import screen
from actionlearning.cohort.store import Cohort

SUBMITTED, AUTOGRADED, FEEDBACK, DOWNLOADED = "submitted", "autograded", "feedback", "downloaded"

# What has happened to a trainee's work on a session, in the order it happens (the tables' status).
MISSING, FAILED = "missing", "failed"
AWAITING_REVIEW, FEEDBACK_READY, RETURNED = "awaiting review", "feedback ready", "returned"
STATUSES = (MISSING, FAILED, SUBMITTED, AUTOGRADED, AWAITING_REVIEW, FEEDBACK_READY, RETURNED)


@dataclass
class Row:
    """One trainee's state for a session, as a batch or the report shows it."""

    trainee: Trainee
    status: str = MISSING  # one of STATUSES: what has happened to the work so far
    timing: str = ""  # on time | within extension (to ...) | late by ...; "" when nothing came in
    late: bool = False  # after its due date, and after any extension
    reason: str = ""  # why it failed, and what to do
    score: float | None = None  # automatic score, once autograded
    max_score: float | None = None
    review: bool = False  # a reflection awaits the trainer's review
    notes: list[Problem] = field(default_factory=list)
    failure: Problem | None = None
    result: str = ""  # what this batch did for the trainee

    @property
    def score_text(self) -> str:
        return "" if self.score is None else f"{self.score:g}/{self.max_score:g}"


@dataclass
class Batch:
    step: str
    session: str
    rows: list[Row]
    unmatched: list[Problem] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


Progress = Callable[[int, int, Row], None]


def no_progress(i: int, n: int, row: Row) -> None:
    pass


# --- shared helpers ------------------------------------------------------------------------


def check_session(cohort: Cohort, session: str):
    """The scheduled exercise ``session``, which must exist in source/."""
    exercise = cohort.schedule.exercise(session)
    if not (cohort.root / "source" / session).is_dir():
        raise CohortError(
            f"The exercise for {session} is not written yet: {cohort.repository / 'source' / session} "
            "does not exist. Sessions with exercises: "
            + ", ".join(sorted(p.name for p in (cohort.root / "source").glob("session-*"))) + "."
        )
    return exercise


def check_released(cohort: Cohort, session: str) -> list[Path]:
    notebooks = nbgrader_course.release_notebooks(cohort, session)
    if not notebooks:
        raise CohortError(
            f"{session} has not been released to this cohort yet: run "
            f"`actionlearning cohort release {cohort.name} {session}` first."
        )
    return notebooks


def submission_dir(cohort: Cohort, session: str, trainee: str) -> Path:
    return cohort.root / SUBMITTED / trainee / session


def read_timestamp(folder: Path) -> datetime | None:
    """A submission's time (naive UTC, as nbgrader keeps it) from its timestamp.txt."""
    from nbgrader.utils import parse_utc

    path = folder / "timestamp.txt"
    if not path.is_file():
        return None
    try:
        return parse_utc(path.read_text("utf-8").strip())
    except (ValueError, OverflowError):
        return None


def stamp(moment: datetime | None) -> str | None:
    return moment.isoformat(sep=" ") if moment else None


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _release_copy(cohort: Cohort, session: str) -> dict[str, dict]:
    return {p.name: json.loads(p.read_text("utf-8")) for p in nbgrader_course.release_notebooks(cohort, session)}


def screen_submission(cohort: Cohort, session: str, trainee: str, records: Records) -> list[Problem]:
    """Screen what was collected for ``trainee`` and record it against the submission's time."""
    folder = submission_dir(cohort, session, trainee)
    release = _release_copy(cohort, session)
    problems: list[Problem] = []
    for name, nb in release.items():
        path = folder / name
        if path.is_file():
            problems += screen(path, nb)
    records.set(trainee, "screen", problems, timestamp=stamp(read_timestamp(folder)))
    return problems


def is_current(entry: dict, timestamp: datetime | None) -> bool:
    return bool(entry) and entry.get("timestamp") == stamp(timestamp)


def status_rows(cohort: Cohort, session: str, records: Records | None = None, api=None,
                only: str | None = None) -> list[Row]:
    """Every trainee's status, score and review flag for ``session`` (or only that of ``only``)."""
    records = records or Records(cohort, session)
    due = cohort.schedule.exercise(session).due
    extensions = load_extensions(cohort)
    expected = [p.name for p in nbgrader_course.release_notebooks(cohort, session)]
    grades = _grades(cohort, session, api)
    rows = []
    for t in cohort.roster:
        if only is not None and t.id != only:
            continue
        folder = submission_dir(cohort, session, t.id)
        timestamp = read_timestamp(folder)
        collected = any((folder / n).is_file() for n in expected) if expected else folder.is_dir()
        channel = records.problems(t.id, "exchange", "returned")
        screened = records.step(t.id, "screen")
        graded = records.step(t.id, "autograde")
        later = []
        if is_current(screened, timestamp):
            later += [Problem.from_dict(p) for p in screened.get("problems", [])]
        if is_current(graded, timestamp):
            later += [Problem.from_dict(p) for p in graded.get("problems", [])]
        row = Row(t)
        if collected:
            failure = first_fatal(later)
            # what went wrong on the way in no longer stops anything once a notebook is here
            row.notes = [Problem(p.kind, p.what, p.todo) for p in channel] + [
                p for p in later if p is not failure]
            row.status = SUBMITTED
            when = timing(timestamp, due, extensions.get(t.id, {}).get(session))
            row.late, row.timing = when.late, when.text
        else:
            failure = first_fatal(channel)
            row.notes = [p for p in channel if p is not failure]
        if failure:
            row.status, row.failure, row.reason = FAILED, failure, str(failure)
        if t.id in grades and not failure:
            row.score, row.max_score, row.review = grades[t.id]
            row.status = AWAITING_REVIEW if row.review else AUTOGRADED
            sent = records.step(t.id, "feedback")
            if not row.review and sent.get("ok") and is_current(sent, timestamp):
                row.status = RETURNED if sent.get("released") else FEEDBACK_READY
        rows.append(row)
    return rows


def _grades(cohort: Cohort, session: str, api=None) -> dict[str, tuple[float, float, bool]]:
    """Automatic score, its maximum, and whether a reflection awaits review, for each trainee
    whose current submission nbgrader has autograded."""
    from nbgrader.api import Gradebook, MissingEntry

    if not nbgrader_course.has_gradebook(cohort):
        return {}
    api = api or nbgrader_course.open_api(cohort)
    with nbgrader_course.quiet():
        done = api.get_autograded_students(session)
        found = {}
        with Gradebook(nbgrader_course.db_url(cohort), cohort.course_id) as gb:
            for trainee in done:
                try:
                    s = gb.find_submission(session, trainee)
                except MissingEntry:
                    continue
                review = any(g.needs_manual_grade for nb in s.notebooks for g in nb.grades)
                found[trainee] = (float(s.code_score), float(s.max_code_score), review)
    return found


def status_rows_for(cohort, session, records, api, trainee_id: str) -> Row:
    return status_rows(cohort, session, records, api, only=trainee_id)[0]
