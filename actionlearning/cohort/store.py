"""Where cohorts live, and what a cohort folder holds.

The home folder is ``--home``, else ``$ACTIONLEARNING_HOME``, else
``$XDG_DATA_HOME/actionlearning/cohorts`` (``~/.local/share/actionlearning/cohorts``). It must
be outside the repository: cohort data never goes near git or the website. Each cohort is a
folder named after it, and is also an nbgrader course folder::

    NAME/
      cohort.json          settings: programme variant, start date, time zone, exchange...
      roster.csv           the roster, as checked
      nbgrader_config.py   loads the repository's nbgrader_config.py, then this cohort's settings
      source -> REPO/source  the one set of trainer masters every cohort shares
      gradebook.db         nbgrader's gradebook for this cohort alone (or a PostgreSQL database
                           named in cohort.json: actionlearning.cohort.gradebook_db)
      release/ submitted/ autograded/ feedback/ downloaded/   nbgrader's folders
      records/SESSION.json what each batch found for each trainee (problems, notes)
      logs/SESSION/RUN/    nbgrader's log of each step for each trainee, a folder for each run
      .lock                held by the command changing the cohort (release, collect, autograde,
                           feedback): one at a time

Everything in a cohort folder is readable by its owner only (folders 0700, files 0600 or 0400).
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.roster import Trainee, read_roster
from actionlearning.cohort.sandbox import Limits
from actionlearning.course.exercises import EXCHANGE_ENV
from actionlearning.cohort.schedule import (
    DEFAULT_TIMEZONE,
    Schedule,
    build_schedule,
    parse_date,
    parse_time,
)

HOME_ENV = "ACTIONLEARNING_HOME"
NBGRADER_EXCHANGE = "/usr/local/share/nbgrader/exchange"  # nbgrader's own default
SETTINGS = "cohort.json"
DEFAULT_TIMEOUT = 120  # seconds a cell may run while autograding


def default_home() -> Path:
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "actionlearning" / "cohorts"


def resolve_home(flag: str | os.PathLike | None = None) -> Path:
    """The cohort home: the flag, else $ACTIONLEARNING_HOME, else the default."""
    return Path(flag or os.environ.get(HOME_ENV) or default_home()).expanduser().resolve()


def resolve_exchange(flag: str | os.PathLike | None = None) -> str | None:
    """The exchange root asked for by the flag or $ACTIONLEARNING_EXCHANGE, if any."""
    value = flag or os.environ.get(EXCHANGE_ENV)
    return str(Path(value).expanduser().resolve()) if value else None


def repository_root() -> Path:
    """The workbook repository this package runs from (it holds source/ and nbgrader_config.py)."""
    from actionlearning.course.exercises import CourseError, find_course_root

    try:
        return find_course_root(Path(__file__).resolve().parent)
    except CourseError:
        return find_course_root()


# --- permissions ---------------------------------------------------------------------------


@contextmanager
def private_umask():
    """Files and folders created inside are readable by their owner only."""
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def make_private(path: Path) -> None:
    """Take group and other permissions off ``path`` and everything below it.

    Symbolic links are neither followed nor changed (a cohort's ``source`` link points into the
    repository, which is not ours to change)."""
    if path.is_symlink() or not path.exists():
        return
    if path.is_file():
        _strip(path)
        return
    for folder, dirs, files in os.walk(path):
        for name in files:
            _strip(Path(folder) / name)
        for name in dirs:
            _strip(Path(folder) / name)
    _strip(path)


def _strip(path: Path) -> None:
    if path.is_symlink():
        return
    mode = stat.S_IMODE(path.lstat().st_mode)
    if mode & 0o077:
        os.chmod(path, mode & 0o700 | 0o400)


def write_private(path: Path, text: str) -> None:
    """Write ``text`` atomically to ``path`` (UTF-8), readable by the owner only. A file name
    that was not valid in the file system's encoding is written with its bytes escaped."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- cohorts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cohort:
    name: str
    root: Path
    meetings: int
    start: date
    weeks: int | None
    at: time
    timezone: str
    exchange: str
    repository: Path
    created: datetime
    salt: str  # secret, for the stable anonymous codes of reports
    timeout: int
    sandbox: Limits = Limits()  # what one notebook may use while it is graded
    # Collect from the exchange only what the trainee's own account handed in. Off only where
    # every trainee's files belong to one account (JupyterHub with containers): see collect.
    check_owner: bool = True
    # The gradebook's PostgreSQL URL (actionlearning.cohort.gradebook_db); empty: the sqlite file
    # in the cohort's folder.
    database: str = ""

    @property
    def course_id(self) -> str:
        """nbgrader's course id, which names the cohort in the exchange."""
        return self.name

    @property
    def schedule(self) -> Schedule:
        return build_schedule(self.meetings, self.start, weeks=self.weeks, at=self.at, tz=self.timezone)

    @property
    def roster(self) -> list[Trainee]:
        return read_roster(self.root / "roster.csv")

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "meetings": self.meetings,
            "start": self.start.isoformat(),
            "weeks": self.weeks,
            "time": self.at.strftime("%H:%M"),
            "timezone": self.timezone,
            "exchange": self.exchange,
            "repository": str(self.repository),
            "created": self.created.isoformat(),
            "salt": self.salt,
            "timeout": self.timeout,
            "sandbox": self.sandbox.to_dict(),
            "check_owner": self.check_owner,
            "database": self.database,
        }

    @classmethod
    def from_dict(cls, root: Path, data: dict) -> Cohort:
        return cls(
            name=data["name"],
            root=root,
            meetings=int(data["meetings"]),
            start=parse_date(data["start"]),
            weeks=data.get("weeks"),
            at=parse_time(data.get("time", "10:00")),
            timezone=data.get("timezone", DEFAULT_TIMEZONE),
            exchange=data.get("exchange") or NBGRADER_EXCHANGE,
            repository=Path(data["repository"]),
            created=datetime.fromisoformat(data["created"]),
            salt=data["salt"],
            timeout=int(data.get("timeout", DEFAULT_TIMEOUT)),
            sandbox=Limits.from_dict(data.get("sandbox")),
            check_owner=_flag(data.get("check_owner", True), "check_owner"),
            database=str(data.get("database") or ""),
        )


def _flag(value, name: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be true or false, not {value!r}")
    return value


def load_cohort(home: Path, name: str) -> Cohort:
    root = home / name
    settings = root / SETTINGS
    if not settings.is_file():
        known = ", ".join(c.name for c in list_cohorts(home)) or "none yet"
        raise CohortError(
            f"No cohort named {name!r} in {home} (cohorts there: {known}). Create it with "
            "`actionlearning cohort create`, or point --home or "
            f"{HOME_ENV} at the folder that holds it."
        )
    try:
        cohort = Cohort.from_dict(root, json.loads(settings.read_text("utf-8")))
    except (ValueError, KeyError) as exc:
        raise CohortError(f"{settings} is damaged ({exc!r}); restore it from a backup.") from exc
    if not (root / "source").is_dir():
        raise CohortError(
            f"The cohort's link to the exercises, {root / 'source'}, is broken (the repository "
            f"was at {cohort.repository}). Relink it: ln -sfn /path/to/workbook/source {root / 'source'}"
        )
    return cohort


def list_cohorts(home: Path) -> list[Cohort]:
    if not home.is_dir():
        return []
    found = []
    for folder in sorted(home.iterdir()):
        if folder.name.startswith(".") or not (folder / SETTINGS).is_file():
            continue
        try:
            found.append(Cohort.from_dict(folder, json.loads((folder / SETTINGS).read_text("utf-8"))))
        except (ValueError, KeyError):
            continue
    return found


def with_exchange(cohort: Cohort, exchange: str | None) -> Cohort:
    """The cohort, using ``exchange`` instead of the recorded exchange root when one is given."""
    return cohort if not exchange else Cohort(**{**cohort.__dict__, "exchange": exchange})
