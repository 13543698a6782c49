"""The weekly exercises: trainer masters in source/, trainee versions in exercises/.

nbgrader does the work (its API, configured by the repository's nbgrader_config.py); this
module finds the course, loads that configuration, and regenerates the trainee versions.
`make exercises` runs ``python -m actionlearning.course.exercises generate``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

CONFIG_FILE = "nbgrader_config.py"
EXCHANGE_ENV = "ACTIONLEARNING_EXCHANGE"
LEAK_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS",
                "BEGIN MARK SCHEME", "END MARK SCHEME")


def nbgrader_helpers_on_path() -> None:
    """nbgrader starts helper programs (alembic, for a new gradebook; kernels) by name: make
    sure this Python's own bin folder is searched, as it is not when a script in `.venv/bin`
    runs without the environment activated."""
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join(filter(None, [bindir, os.environ.get("PATH")]))


class CourseError(RuntimeError):
    """nbgrader reported a failure; the message carries its log."""


def find_course_root(start: Path | None = None) -> Path:
    """The repository folder holding nbgrader_config.py, searching upwards from ``start``."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file() and (folder / "source").is_dir():
            return folder
    raise CourseError(
        f"No {CONFIG_FILE} with a source/ folder beside it in {start} or above; "
        "run this from inside the workbook's repository."
    )


def course_config(root: Path, **overrides: dict) -> Config:
    """The course's nbgrader configuration, with ``overrides`` merged over it.

    ``overrides`` maps a configurable class name to its settings, for example
    ``CourseDirectory={"root": "/tmp/course"}``.
    """
    config = PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config()
    exchange = os.environ.get(EXCHANGE_ENV)
    if exchange:  # as the cohort commands do: nbgrader looks there, not in its shared default
        config.Exchange.root = str(Path(exchange).expanduser())
    for section, values in overrides.items():
        for key, value in values.items():
            config[section][key] = value
    return config


def session_ids(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "source").glob("session-*") if p.is_dir())


def notebooks(folder: Path) -> list[Path]:
    """Every notebook below ``folder``, leaving out the copies JupyterLab keeps in
    ``.ipynb_checkpoints`` whenever a notebook is opened."""
    return sorted(p for p in folder.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def generate(root: Path, release_directory: str | None = None, only: list[str] | None = None) -> list[str]:
    """Regenerate the trainee versions of the exercises; return the session ids generated.

    With ``release_directory`` (a path), write there instead of exercises/: the tests use it
    to compare a fresh generation with what is committed.
    """
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    settings = {"root": str(root)}
    if release_directory:
        settings["release_directory"] = str(release_directory)
    config = course_config(
        root,
        CourseDirectory=settings,
        # Trainee versions only: no gradebook is written in the repository.
        GenerateAssignment={"no_database": True},
        SaveCells={"enabled": False},
    )
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    done = []
    for sid in only or session_ids(root):
        result = api.generate_assignment(sid, force=True, create=False)
        if not result["success"]:
            raise CourseError(f"nbgrader could not generate {sid}:\n{result.get('error') or result.get('log')}")
        done.append(sid)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m actionlearning.course.exercises")
    parser.add_argument("command", choices=["generate"])
    parser.add_argument("sessions", nargs="*", help="session ids, e.g. session-01 (default: all)")
    args = parser.parse_args(argv)
    try:
        root = find_course_root()
        for sid in generate(root, only=args.sessions or None):
            print(f"generated exercises/{sid} from source/{sid}")
    except CourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
