"""Release: generate a session's trainee version for the cohort, with its due date, and put it
in the exchange (or hand it out as files)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from actionlearning.cohort import nbgrader_course
from actionlearning.cohort.lock import one_writer
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.status import check_session
from actionlearning.cohort.store import Cohort, make_private, private_umask

# --- release ---------------------------------------------------------------------------------


@dataclass
class Released:
    session: str
    files: list[Path]
    due: datetime
    already: bool = False
    exchange: str | None = None  # the exchange folder released to, if any
    exchange_error: str | None = None


@one_writer("release")
def release(cohort: Cohort, session: str, *, force: bool = False, exchange: bool = True) -> Released:
    """Generate the trainee version of ``session`` for this cohort (with its due date in the
    gradebook) and release it to the exchange. Already released: nothing happens unless ``force``."""
    exercise = check_session(cohort, session)
    overrides = {"ExchangeReleaseAssignment": {"force": True}} if force else {}
    api = nbgrader_course.open_api(cohort, **overrides)
    files = nbgrader_course.release_notebooks(cohort, session)
    with nbgrader_course.quiet():
        released = session in api.get_released_assignments() if api.exchange_is_functional else False
    if files and not force and (released or not exchange):
        return Released(session, files, exercise.due, already=True,
                        exchange=str(Path(cohort.exchange) / cohort.course_id) if released else None)
    with nbgrader_course.quiet(), private_umask():
        nbgrader_course.checked(api.generate_assignment(session, force=True, create=True),
                       f"Generating the trainee version of {session}")
        nbgrader_course.set_due_date(cohort, session, exercise.due)
    files = nbgrader_course.release_notebooks(cohort, session)
    done = Released(session, files, exercise.due)
    if exchange:
        with nbgrader_course.quiet():
            result = api.release_assignment(session)
        try:
            nbgrader_course.checked(result, f"Releasing {session} to the exchange {cohort.exchange}")
            done.exchange = str(Path(cohort.exchange) / cohort.course_id)
        except CohortError as exc:
            done.exchange_error = (
                f"{exc}\nThe exercise is ready to hand out as files instead: "
                f"{', '.join(str(f) for f in files)}. To use an exchange, give --exchange DIR or set "
                "ACTIONLEARNING_EXCHANGE to a folder everyone can reach."
            )
    make_private(cohort.root)
    return done
