"""Collect from the exchange: each trainee's newest submission, on nbgrader's own collect.

The exchange's inbound folder is only read; nbgrader works on its copies in ``submitted/``.
Collecting from returned files instead (``--from``) is :mod:`~actionlearning.cohort.collect_returned`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from actionlearning.cohort import nbgrader_course
from actionlearning.cohort.collect_returned import collect_returned
from actionlearning.cohort.problems import CohortError, Problem, first_fatal
from actionlearning.cohort.records import Records, keep_log
from actionlearning.cohort.roster import Trainee
from actionlearning.cohort.status import (
    Batch,
    Progress,
    check_released,
    check_session,
    no_progress,
    screen_submission,
    stamp,
    status_rows,
    status_rows_for,
    submission_dir,
)
from actionlearning.cohort.store import Cohort, make_private, private_umask

# --- collect ---------------------------------------------------------------------------------


def collect(cohort: Cohort, session: str, *, source: Path | None = None,
            progress: Progress = no_progress) -> Batch:
    """Collect ``session`` from the exchange, or from a zip or folder of returned notebooks."""
    check_session(cohort, session)
    check_released(cohort, session)
    records = Records(cohort, session)
    api = nbgrader_course.open_api(cohort)
    roster = cohort.roster
    if source is None and not _inbound(cohort).is_dir():
        raise CohortError(
            f"There is no exchange folder for {cohort.name} at {_inbound(cohort)}: release the "
            f"exercise to the exchange first, give --exchange if it is elsewhere, or collect "
            "returned files with --from.")
    result: dict[str, str] = {}
    unmatched: list[Problem] = []
    with private_umask():
        if source is not None:  # nbgrader's ZipCollect takes the whole batch at once
            result, unmatched = collect_returned(cohort, session, Path(source), api, records)
        for i, t in enumerate(roster):
            if source is None:
                result[t.id] = _collect_exchange(cohort, session, t, api, records)
            if submission_dir(cohort, session, t.id).is_dir():
                screen_submission(cohort, session, t.id, records)
            row = status_rows_for(cohort, session, records, api, t.id)
            row.result = result.get(t.id, "")
            progress(i + 1, len(roster), row)
        if source is None:
            unmatched = _unknown_in_exchange(cohort, session)
            records.set_unmatched("exchange", unmatched)
    make_private(cohort.root)
    rows = status_rows(cohort, session, records, api)
    for row in rows:
        row.result = result.get(row.trainee.id, "")
    return Batch("collect", session, rows, unmatched)


def _inbound(cohort: Cohort) -> Path:
    return Path(cohort.exchange) / cohort.course_id / "inbound"


def _inbound_entries(cohort: Cohort, session: str) -> list[tuple[str, datetime | None, Path]]:
    """(username, time, folder) of each submission of ``session`` in the exchange."""
    from nbgrader.utils import parse_utc

    found = []
    folder = _inbound(cohort)
    if not folder.is_dir():
        return found
    for path in folder.glob(f"*+{session}+*"):
        parts = path.name.rsplit("+", 3)  # as nbgrader splits it: user+assignment+time[+random]
        if len(parts) < 3:
            continue
        user, _, stamp = parts[0], parts[1], parts[2]
        try:
            when = parse_utc(stamp)
        except (ValueError, OverflowError):
            when = None
        found.append((user, when, path))
    return found


def _collect_exchange(cohort: Cohort, session: str, trainee: Trainee, api, records: Records) -> str:
    from nbgrader.utils import temp_attrs

    mine = sorted((e for e in _inbound_entries(cohort, session) if e[0] == trainee.id),
                  key=lambda e: e[1] or datetime.min, reverse=True)
    if not mine:
        records.set(trainee.id, "exchange", [], submissions=0)
        return "nothing in the exchange"
    with nbgrader_course.quiet(), temp_attrs(api.coursedir, student_id=trainee.id):
        result = api.collect(session, update=True)
    log = keep_log(cohort, session, trainee.id, "collect", result)
    problems: list[Problem] = []
    if not (result or {}).get("success"):
        problems.append(Problem(
            "collect-failed",
            f"nbgrader could not collect the submission from the exchange: {nbgrader_course.last_words(result or {}, 2)}",
            f"see the log {log}; check that you can read {mine[0][2]}", fatal=True))
    if len(mine) > 1:
        problems.append(Problem(
            "several-submissions",
            f"{len(mine)} submissions in the exchange; collected the newest "
            f"({mine[0][1]:%Y-%m-%d %H:%M} UTC), the others stay in the exchange untouched",
            "nothing, unless an earlier one is the one to grade"))
    problems += _compare_with_inbound(cohort, session, trainee.id, mine[0][2], api)
    records.set(trainee.id, "exchange", problems, submissions=len(mine), newest=stamp(mine[0][1]))
    return "collected from the exchange" if not first_fatal(problems) else "could not collect"


def _compare_with_inbound(cohort: Cohort, session: str, trainee: str, entry: Path, api) -> list[Problem]:
    """Notebooks the trainee handed in that nbgrader did not copy, or that have the wrong name."""
    expected = [p.name for p in nbgrader_course.release_notebooks(cohort, session)]
    given = sorted(p for p in entry.rglob("*") if p.is_file() and p.name not in (
        "timestamp.txt", "submission_secret.txt"))
    notebooks = [p for p in given if p.suffix == ".ipynb"]
    collected = submission_dir(cohort, session, trainee)
    limit_kb = api.coursedir.max_file_size
    problems = []
    for name in expected:
        path = entry / name
        if path.is_file() and not (collected / name).is_file():
            size = path.stat().st_size
            if size > limit_kb * 1000:
                problems.append(Problem(
                    "too-large",
                    f"{name} is {size / 1e6:.0f} MB, over the exchange's limit of {limit_kb / 1000:.0f} MB "
                    "(almost certainly cell outputs), so nbgrader did not collect it",
                    "ask the trainee to clear outputs (Edit > Clear Outputs of All Cells), save and "
                    "submit again; or raise CourseDirectory.max_file_size in the cohort's "
                    "nbgrader_config.py and collect again", fatal=True))
            else:
                problems.append(Problem("not-collected", f"{name} was handed in but not collected",
                                        "collect again; if it persists, see the collect log", fatal=True))
        elif not path.is_file():
            others = [p.name for p in notebooks if p.name not in expected]
            if others:
                problems.append(Problem(
                    "wrong-name", f"no {name} in the submission, but {', '.join(others)}",
                    f"ask the trainee to rename it {name} and submit again, or collect it with "
                    f"--from a folder holding it renamed {trainee}-{name}", fatal=True))
            elif given:
                problems.append(Problem(
                    "not-a-notebook",
                    f"no notebook in the submission, only {', '.join(p.name for p in given)}",
                    "ask the trainee to submit the exercise notebook itself", fatal=True))
            else:
                problems.append(Problem("empty-submission", "the submission in the exchange is empty",
                                        "ask the trainee to submit again", fatal=True))
    return problems


def _unknown_in_exchange(cohort: Cohort, session: str) -> list[Problem]:
    ids = {t.id for t in cohort.roster}
    return [Problem(
        "unknown-trainee",
        f"a submission in the exchange from {user!r} ({path.name}), who is not on the roster",
        "if it is a trainee whose login differs from their roster id, correct the roster id; "
        "otherwise it can be ignored (it was not collected)", fatal=True)
        for user, _, path in sorted(_inbound_entries(cohort, session), key=lambda e: e[2].name)
        if user not in ids]
