"""A cohort as an nbgrader course: its configuration file, its API and its gradebook.

The cohort folder's ``nbgrader_config.py`` loads the repository's (the course layout every
cohort shares), then sets what is the cohort's own: its folder, course id, exchange, release
folder and grading settings. The Python API and formgrader read the same file, so the command
line and JupyterLab always agree.
"""

from __future__ import annotations

import logging
import os
import warnings
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from actionlearning.cohort import gradebook_db
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.roster import Trainee
from actionlearning.cohort.store import Cohort, private_umask
from actionlearning.course.exercises import nbgrader_helpers_on_path

CONFIG_FILE = "nbgrader_config.py"
RELEASE = "release"

CONFIG_TEMPLATE = '''"""nbgrader configuration for the cohort {name!r}, written by `actionlearning cohort create`.

It loads the workbook's own nbgrader_config.py (the course layout every cohort shares), then
sets what belongs to this cohort. formgrader reads this file when JupyterLab is started here
(`actionlearning cohort review {name}`).
"""

from pathlib import Path

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

SHARED = {shared!r}
if not Path(SHARED).is_file():
    raise FileNotFoundError(
        f"This cohort's settings load the workbook's {{SHARED}}, which is missing: if the "
        "workbook moved, correct SHARED in this file and the 'source' link beside it."
    )
load_subconfig(SHARED)  # noqa: F821

HERE = Path(__file__).resolve().parent
c.CourseDirectory.root = str(HERE)
c.CourseDirectory.course_id = {course_id!r}
c.CourseDirectory.source_directory = "source"  # a link to the workbook's source/
c.CourseDirectory.release_directory = {release!r}  # this cohort's own copy of the trainee versions
c.CourseDirectory.db_url = {db_url}
c.Exchange.root = {exchange!r}

# A cell that runs longer than this (seconds) is stopped, and the rest of the notebook graded.
c.ExecutePreprocessor.timeout = {timeout!r}
# A graded cell the trainee deleted is put back from the master before grading.
c.OverwriteCells.add_missing_cells = True
# Trainees' work is readable by the trainer alone.
c.Autograde.permissions = 400
c.GenerateFeedback.permissions = 600
'''


nbgrader_helpers_on_path()


def write_config(cohort: Cohort) -> Path:
    from actionlearning.cohort.store import write_private

    path = cohort.root / CONFIG_FILE
    write_private(path, CONFIG_TEMPLATE.format(
        name=cohort.name, shared=str(cohort.repository / CONFIG_FILE), course_id=cohort.course_id,
        release=RELEASE, exchange=cohort.exchange, timeout=cohort.timeout,
        db_url=repr(cohort.database) if cohort.database else "f\"sqlite:///{HERE / 'gradebook.db'}\"",
    ))
    return path


def nbgrader_config(cohort: Cohort, **overrides: dict):
    """The cohort's nbgrader configuration (its file), with ``overrides`` merged over it."""
    from actionlearning.course.exercises import course_config

    overrides.setdefault("Exchange", {})["root"] = cohort.exchange  # the exchange may be overridden
    try:
        return course_config(cohort.root, **overrides)
    except FileNotFoundError as exc:
        raise CohortError(str(exc)) from exc


@contextmanager
def quiet():
    """Keep nbgrader's warnings and unhandled log lines off the trainer's screen (each step's log
    is kept in the cohort's logs/ folder instead)."""
    logger = logging.getLogger("traitlets")
    null = logging.NullHandler()
    logger.addHandler(null)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            yield
        finally:
            logger.removeHandler(null)


@contextmanager
def restored_environment(name: str = "NBGRADER_EXECUTION"):
    """nbgrader sets ``NBGRADER_EXECUTION`` while it runs a notebook and does not unset it when
    the run fails (a kernel that dies, a Ctrl-C): put it back, so nothing started later in this
    process (JupyterLab, another kernel) believes it is being graded."""
    before = os.environ.get(name)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def open_api(cohort: Cohort, **overrides: dict):
    """nbgrader's API on the cohort."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    config = nbgrader_config(cohort, **overrides)
    with quiet():
        return NbGraderAPI(CourseDirectory(config=config), config=config)


def checked(result: dict | None, what: str) -> str:
    """The log of a successful nbgrader call; raises with nbgrader's own words otherwise."""
    if result is None:
        raise CohortError(f"{what}: nbgrader's exchange is not available on this system (it needs POSIX).")
    if not result.get("success"):
        raise CohortError(f"{what} failed. nbgrader said:\n{last_words(result)}")
    return result.get("log", "")


def last_words(result: dict, lines: int = 12) -> str:
    """The informative end of a failed nbgrader call: its error and warning lines."""
    log = (result.get("log") or "").splitlines()
    picked = [line for line in log if line.startswith(("[ERROR]", "[CRITICAL]", "[WARNING]"))]
    error = (result.get("error") or "").strip().splitlines()
    tail = picked[-lines:] or log[-lines:]
    if error:
        tail.append(error[-1])
    return "\n".join(tail).strip() or "(no details)"


def add_trainees(cohort: Cohort, trainees: list[Trainee]) -> None:
    """Put the roster in the cohort's gradebook, so formgrader shows names."""
    from nbgrader.api import Gradebook

    with quiet(), private_umask(), Gradebook(db_url(cohort), cohort.course_id) as gb:
        for t in trainees:
            gb.update_or_create_student(t.id, first_name=t.first_name, last_name=t.last_name,
                                        email=t.email or None)


def db_url(cohort: Cohort) -> str:
    return cohort.database or gradebook_db.sqlite_url(cohort.root)


def has_gradebook(cohort: Cohort) -> bool:
    """Whether nbgrader has begun the cohort's gradebook (a PostgreSQL one always has: its
    database is made when the cohort is)."""
    return bool(cohort.database) or (cohort.root / gradebook_db.SQLITE_FILE).is_file()


def set_due_date(cohort: Cohort, session: str, due: datetime) -> None:
    from nbgrader.api import Gradebook

    naive_utc = due.astimezone(timezone.utc).replace(tzinfo=None)
    with quiet(), Gradebook(db_url(cohort), cohort.course_id) as gb:
        gb.update_or_create_assignment(session, duedate=naive_utc)


def release_notebooks(cohort: Cohort, session: str) -> list[Path]:
    return sorted((cohort.root / RELEASE / session).glob("*.ipynb"))
