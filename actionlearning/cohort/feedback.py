"""Feedback: generate each autograded trainee's feedback and release it to them alone."""

from __future__ import annotations

import os
from pathlib import Path

from actionlearning.cohort import nbgrader_course
from actionlearning.cohort.lock import one_writer
from actionlearning.cohort.problems import CohortError, Problem
from actionlearning.cohort.records import Records, keep_log
from actionlearning.cohort.status import (
    FEEDBACK,
    Batch,
    Progress,
    check_released,
    check_session,
    no_progress,
    read_timestamp,
    stamp,
    status_rows,
    status_rows_for,
    submission_dir,
)
from actionlearning.cohort.store import Cohort, make_private, private_umask

# --- feedback --------------------------------------------------------------------------------


HELD_BACK = "held back: awaiting your review"


@one_writer("feedback")
def feedback(cohort: Cohort, session: str, *, partial: bool = False,
             progress: Progress = no_progress) -> Batch:
    """Generate feedback for every autograded trainee whose trainer-marked parts are all graded,
    and release it to them alone.

    Feedback waits for review: while anyone's reflection (or another part the trainer marks) is
    still ungraded, nothing is sent unless ``partial``, which sends what is ready and holds the
    rest back, saying whose.
    """
    check_session(cohort, session)
    check_released(cohort, session)
    records = Records(cohort, session)
    api = nbgrader_course.open_api(cohort)
    with nbgrader_course.quiet():
        done = set(api.get_autograded_students(session))
    waiting = [r.trainee.id for r in status_rows(cohort, session, records, api)
               if r.trainee.id in done and r.review]
    if waiting and not partial:
        raise CohortError(
            f"{len(waiting)} of {len(done)} autograded trainees still have parts waiting for your "
            f"review ({', '.join(waiting)}), so no feedback was sent. Grade them in formgrader "
            f"(`actionlearning cohort review {cohort.name}`), or send the feedback that is ready now "
            f"with `actionlearning cohort feedback {cohort.name} {session} --partial`.")
    roster = cohort.roster
    outcome: dict[str, str] = {}
    for i, t in enumerate(roster):
        if t.id not in done:
            outcome[t.id] = "no feedback (not autograded)"
        elif t.id in waiting:
            outcome[t.id] = HELD_BACK
        else:
            outcome[t.id] = _feedback_one(cohort, session, t.id, api, records)
        row = status_rows_for(cohort, session, records, api, t.id)
        row.result = outcome[t.id]
        progress(i + 1, len(roster), row)
    make_private(cohort.root)
    rows = status_rows(cohort, session, records, api)
    for row in rows:
        row.result = outcome.get(row.trainee.id, "")
        if row.trainee.id in done and row.trainee.id not in waiting:
            row.notes += records.problems(row.trainee.id, "feedback")
    batch = Batch("feedback", session, rows)
    if waiting:
        batch.messages.append(
            f"Held back for your review: {', '.join(waiting)}. Grade their parts in formgrader "
            f"(`actionlearning cohort review {cohort.name}`), then run feedback again.")
    return batch


def _feedback_one(cohort: Cohort, session: str, trainee: str, api, records: Records) -> str:
    from nbgrader.utils import notebook_hash

    # which submission the feedback is on: a newer one, collected since, has none yet
    on = {"timestamp": stamp(read_timestamp(submission_dir(cohort, session, trainee)))}

    with nbgrader_course.quiet(), private_umask():
        result = api.generate_feedback(session, trainee, force=True)
    log = keep_log(records, trainee, "feedback", result)
    if not result.get("success"):
        records.set(trainee, "feedback", [Problem(
            "feedback-failed", f"nbgrader could not generate feedback: {nbgrader_course.last_words(result, 1)}",
            f"see nbgrader's log {log}")], ok=False)
        return "could not generate feedback"
    made = cohort.root / FEEDBACK / trainee / session
    pages = sorted(made.glob("*.html"))
    secret = made / "submission_secret.txt"
    if not secret.is_file():
        records.set(trainee, "feedback", [Problem(
            "feedback-by-hand", "this submission came outside the exchange, so its feedback cannot "
            "be released there", f"send {', '.join(str(p) for p in pages)} to the trainee yourself")],
            ok=True, released=False, **on)
        return "feedback ready to send"
    with nbgrader_course.quiet():
        result = api.release_feedback(session, trainee)
    released = keep_log(records, trainee, "release-feedback", result)
    if not (result or {}).get("success"):
        records.set(trainee, "feedback", [Problem(
            "release-failed", f"feedback was generated but could not be released to the exchange: "
            f"{nbgrader_course.last_words(result or {}, 1)}",
            f"send {', '.join(str(p) for p in pages)} to the trainee yourself, or fix the exchange "
            f"and run feedback again (nbgrader's log: {released})")], ok=False)
        return "feedback not released"
    # nbgrader copies the page with its mode, which is ours (0600); the trainee, another user on
    # a shared machine, must read it: it sits under a secret name in a folder no one can list.
    out = Path(cohort.exchange) / cohort.course_id / "feedback"
    key = secret.read_text("utf-8")  # exactly as nbgrader reads it
    for page in pages:
        target = out / f"{notebook_hash(secret=key, notebook_id=page.stem)}.html"
        if target.is_file():
            os.chmod(target, 0o644)
    records.set(trainee, "feedback", [], ok=True, released=True, **on)
    return "feedback released"
