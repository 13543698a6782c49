"""Create a cohort: check its name, home and roster, then build its folder all or nothing.

The folder is built under a hidden temporary name and renamed into place only when complete,
so an interrupted create leaves no half-made cohort behind.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
from datetime import date, datetime, time, timezone
from pathlib import Path

from actionlearning.cohort import gradebook_db, nbgrader_course
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.roster import id_problem, read_roster, write_roster
from actionlearning.cohort.schedule import DEFAULT_TIME, DEFAULT_TIMEZONE
from actionlearning.cohort.store import (
    DEFAULT_TIMEOUT,
    HOME_ENV,
    NBGRADER_EXCHANGE,
    SETTINGS,
    Cohort,
    load_cohort,
    make_private,
    private_umask,
    repository_root,
    resolve_exchange,
    write_private,
)
from actionlearning.course.programme import MEETING_COUNTS


def check_name(name: str) -> None:
    why = id_problem(name)
    if why:
        raise CohortError(f"Cannot use {name!r} as a cohort name: {why.replace('the id', 'the name')}.")


def check_home(home: Path, repository: Path) -> None:
    try:
        home.resolve().relative_to(repository.resolve())
    except ValueError:
        return
    raise CohortError(
        f"The cohort home {home} is inside the repository {repository}; trainees' work must never "
        f"be kept where git or the website could pick it up. Use --home or {HOME_ENV} to choose a "
        "folder outside it (the default is ~/.local/share/actionlearning/cohorts)."
    )


def create_cohort(
    home: Path,
    name: str,
    roster: Path,
    meetings: int,
    start: date,
    *,
    weeks: int | None = None,
    at: time = DEFAULT_TIME,
    tz: str = DEFAULT_TIMEZONE,
    exchange: str | None = None,
    timeout: int = DEFAULT_TIMEOUT,
    repository: Path | None = None,
    check_owner: bool = True,
    database: str | None = None,
) -> Cohort:
    """Create the cohort ``name`` under ``home``: all or nothing."""
    check_name(name)
    if meetings not in MEETING_COUNTS:
        raise CohortError(f"Choose 3, 6 or 9 meetings, not {meetings}.")
    if timeout < 1:
        raise CohortError(f"The cell time limit must be at least 1 second, not {timeout}.")
    repository = (repository or repository_root()).resolve()
    check_home(home, repository)
    trainees = read_roster(roster)  # raises before anything is created
    database = gradebook_db.checked_url(database, name) if database else ""
    final = home / name
    if final.exists():
        raise CohortError(f"A cohort named {name!r} already exists in {home}; choose another name.")
    cohort = Cohort(
        name=name, root=final, meetings=meetings, start=start, weeks=weeks, at=at, timezone=tz,
        exchange=exchange or resolve_exchange() or NBGRADER_EXCHANGE, repository=repository,
        created=datetime.now(timezone.utc).replace(microsecond=0), salt=secrets.token_hex(16),
        timeout=timeout, check_owner=check_owner, database=database,
    )
    _ = cohort.schedule  # raises on a bad time zone or too few weeks, still before anything is created
    if database:
        gradebook_db.ensure_database(database)  # raises if the server can't be reached, still before
    with private_umask():
        home.mkdir(parents=True, exist_ok=True)
        for stale in home.glob(f".{name}.creating-*"):  # left by a create that was killed
            shutil.rmtree(stale, ignore_errors=True)
        building = Path(tempfile.mkdtemp(dir=home, prefix=f".{name}.creating-"))
        try:
            staged = Cohort(**{**cohort.__dict__, "root": building})
            write_private(building / SETTINGS, json.dumps(cohort.to_dict(), indent=2) + "\n")
            write_roster(trainees, building / "roster.csv")
            (building / "source").symlink_to(repository / "source", target_is_directory=True)
            nbgrader_course.write_config(staged)
            nbgrader_course.add_trainees(staged, trainees)
            make_private(building)
            os.rename(building, final)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
    return load_cohort(home, name)
