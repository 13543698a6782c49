"""Collect from the exchange: each trainee's newest submission, on nbgrader's own collect.

The exchange's inbound folder is only read; nbgrader works on its copies in ``submitted/``.
Collecting from returned files instead (``--from``) is :mod:`~actionlearning.cohort.collect_returned`."""

from __future__ import annotations

from pathlib import Path

from actionlearning.cohort import inbound, nbgrader_course
from actionlearning.cohort.collect_returned import collect_returned
from actionlearning.cohort.lock import one_writer
from actionlearning.cohort.problems import CohortError, Problem, first_fatal
from actionlearning.cohort.records import Records, keep_log
from actionlearning.cohort.roster import Trainee
from actionlearning.cohort.status import (
    Batch,
    Progress,
    check_released,
    check_session,
    no_progress,
    read_timestamp,
    screen_submission,
    stamp,
    status_rows,
    status_rows_for,
    submission_dir,
)
from actionlearning.cohort.store import Cohort, make_private, private_umask
from actionlearning.cohort.untrusted import printable, regular_files

NOT_CHECKED = ("submissions were collected whichever account made them (check_owner is off in the "
               "cohort's cohort.json): only right where every trainee's files belong to one account")

# --- collect ---------------------------------------------------------------------------------


@one_writer("collect")
def collect(cohort: Cohort, session: str, *, source: Path | None = None,
            progress: Progress = no_progress) -> Batch:
    """Collect ``session`` from the exchange, or from a zip or folder of returned notebooks."""
    check_session(cohort, session)
    check_released(cohort, session)
    records = Records(cohort, session)
    api = nbgrader_course.open_api(cohort)
    roster = cohort.roster
    if source is None and not inbound.inbound(cohort).is_dir():
        raise CohortError(
            f"There is no exchange folder for {cohort.name} at {inbound.inbound(cohort)}: release the "
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
    messages = [] if source is not None or cohort.check_owner else [NOT_CHECKED]
    return Batch("collect", session, rows, unmatched, messages)


def _collect_exchange(cohort: Cohort, session: str, trainee: Trainee, api, records: Records) -> str:
    from nbgrader.utils import capture_log

    claimed = inbound.claimed_by(trainee, inbound.entries(cohort, session))
    own = [e for e in claimed if inbound.is_own(e, trainee, cohort.check_owner)]
    forged = [e for e in claimed if e not in own]
    problems = [_refused(e, trainee, fatal=not own) for e in forged]
    if not own:
        records.set(trainee.id, "exchange", problems, submissions=0)
        return "refused a forgery" if forged else "nothing in the exchange"
    newest = own[0]
    before = read_timestamp(submission_dir(cohort, session, trainee.id))
    with nbgrader_course.quiet():
        app = inbound.OwnedCollect(
            coursedir=api.coursedir, authenticator=api.authenticator, parent=api, update=True,
            entry=str(newest.path), trainee=trainee.id,
            replace=before is not None and before in {e.when for e in forged})
        app.coursedir.assignment_id = session
        result = capture_log(app)
    log = keep_log(records, trainee.id, "collect", result)
    if not (result or {}).get("success"):
        problems.append(Problem(
            "collect-failed",
            f"nbgrader could not collect the submission from the exchange: {nbgrader_course.last_words(result or {}, 2)}",
            f"see the log {log}; check that you can read {newest.shown}", fatal=True))
    if len(own) > 1:
        problems.append(Problem(
            "several-submissions",
            f"{len(own)} submissions in the exchange; collected the newest "
            f"({f'{newest.when:%Y-%m-%d %H:%M} UTC' if newest.when else 'its time unknown'}), "
            "the others stay in the exchange untouched",
            "nothing, unless an earlier one is the one to grade"))
    problems += inbound.skipped_problems(app.skipped)
    problems += _compare_with_inbound(cohort, session, trainee.id, newest.path, api)
    records.set(trainee.id, "exchange", problems, submissions=len(own), newest=stamp(newest.when),
                entry=newest.path.name)
    return "collected from the exchange" if not first_fatal(problems) else "could not collect"


def _refused(entry: inbound.Entry, trainee: Trainee, fatal: bool) -> Problem:
    if not entry.is_folder:
        what = f"{entry.shown} in the exchange is a link or a file, not a submission folder"
    else:
        what = (f"a submission in this trainee's name, {entry.shown}, was made by the account "
                f"'{printable(entry.owner)}', not theirs ('{printable(trainee.account)}')")
    return Problem(
        "forged-submission", what + "; it was not collected",
        "find out who made it, and remove it from the exchange once looked into. If the trainee "
        "really submits from that account, put it in the roster's username column; the trainee's "
        "own submissions are unaffected", fatal=fatal)


def _compare_with_inbound(cohort: Cohort, session: str, trainee: str, entry: Path, api) -> list[Problem]:
    """Notebooks the trainee handed in that nbgrader did not copy, or that have the wrong name."""
    expected = [p.name for p in nbgrader_course.release_notebooks(cohort, session)]
    given = [p for p in regular_files(entry)[0] if p.name not in ("timestamp.txt", "submission_secret.txt")]
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
    names = {name for t in cohort.roster for name in (t.id, t.account)}
    return [Problem(
        "unknown-trainee",
        f"a submission in the exchange from {printable(e.claims)!r} ({e.shown}), who is not on the roster",
        "if it is a trainee whose account differs from their roster id, put the account in the "
        "roster's username column; otherwise it can be ignored (it was not collected)", fatal=True)
        for e in sorted(inbound.entries(cohort, session), key=lambda e: e.path.name)
        if e.claims not in names]
