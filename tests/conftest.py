"""Shared fixtures: the repository, the built handbook, and what must never leak from source/."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from actionlearning.course.exercises import nbgrader_helpers_on_path

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "_build" / "html"
TRAINER_SITE = REPO / "_build" / "trainer" / "_build" / "html"
REGION = ("SOLUTION", "HIDDEN TESTS", "MARK SCHEME")

# tests/data holds fixtures, some of them deliberately broken notebooks: never collect them.
collect_ignore_glob = ["data/*"]

# nbgrader and Jupyter start helper programs (alembic, kernels) from PATH.
nbgrader_helpers_on_path()


PRIVATE_STATE = "ACTIONLEARNING_TEST_STATE"
PRIVATE_FOLDERS = {
    "JUPYTER_CONFIG_DIR": "jupyter/config",  # nbgrader_config.py, jupyter_server_config.py...
    "JUPYTER_DATA_DIR": "jupyter/data",
    "JUPYTER_RUNTIME_DIR": "jupyter/runtime",  # server and kernel connection files
    "JUPYTERLAB_SETTINGS_DIR": "jupyter/lab/user-settings",
    "JUPYTERLAB_WORKSPACES_DIR": "jupyter/lab/workspaces",  # what Lab reopens
    "IPYTHONDIR": "ipython",  # the kernels' profile and startup scripts
    "ACTIONLEARNING_HOME": "cohorts",
    "ACTIONLEARNING_EXCHANGE": "exchange",
    "ACTIONLEARNING_WORKSPACE": "workspace",  # a trainee's lab (make lab)
}


def _private_jupyter_state() -> None:
    """Give every Jupyter server, kernel, nbgrader call and cohort command in the tests folders of
    their own, so the suite neither reads nor writes the user's: a workspace that reopens their
    notebooks, their settings, stale runtime files, their cohorts, nbgrader's shared exchange.
    Made once by the first pytest process (xdist's workers inherit it) and removed by it at exit."""
    if os.environ.get(PRIVATE_STATE) and Path(os.environ[PRIVATE_STATE]).is_dir():
        return
    import atexit
    import shutil
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="actionlearning-tests-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    os.environ[PRIVATE_STATE] = str(root)
    for variable, folder in PRIVATE_FOLDERS.items():
        os.environ[variable] = str(root / folder)
        (root / folder).mkdir(parents=True, exist_ok=True)


_private_jupyter_state()


def secret_lines(source: Path = REPO / "source", min_length: int = 24,
                 regions: tuple[str, ...] = REGION) -> set[str]:
    """Every distinctive line inside a solution, hidden-test or mark-scheme region (or only the
    ``regions`` named) of the trainer masters: text that must never reach a trainee's notebook
    or the website. ``source`` may be the masters' folder or one session's."""
    found: set[str] = set()
    for path in list(source.glob("session-*/*.ipynb")) + list(source.glob("*.ipynb")):
        for cell in json.loads(path.read_text("utf-8"))["cells"]:
            inside = False
            for line in "".join(cell["source"]).splitlines():
                if any(f"BEGIN {r}" in line for r in regions):
                    inside = True
                elif any(f"END {r}" in line for r in regions):
                    inside = False
                elif inside and len(line.strip()) >= min_length:
                    found.add(line.strip())
    return found


def build_book(path: Path = REPO, edition: str = "trainee") -> subprocess.CompletedProcess:
    """Build a book with the command `make book` uses (the Makefile's `html` target)."""
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), "html",
         f"BIN={Path(sys.executable).parent}", f"BOOK={path}", f"EDITION={edition}"],
        capture_output=True,
        text=True,
    )


@contextmanager
def site_lock():
    """One build of the repository's handbook at a time: pytest-xdist runs test modules side by
    side, and builds share _build/ (and its execution cache)."""
    lock = REPO / "_build" / ".build.lock"
    lock.parent.mkdir(exist_ok=True)
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _built(edition: str, site: Path) -> Path:
    """Build an edition once per test run, whichever worker asks first. A second build, even
    with nothing changed, rewrites the site's lite/ folder (jupyterlite-sphinx builds it afresh)
    under the feet of another worker's browser tests."""
    stamp = REPO / "_build" / f".built-for-tests-{edition}"
    with site_lock():
        if not (stamp.is_file() and stamp.read_text("utf-8") == os.environ[PRIVATE_STATE]):
            result = build_book(edition=edition)
            if result.returncode != 0:
                pytest.fail(f"the {edition} edition did not build:\n{result.stdout[-6000:]}\n{result.stderr[-6000:]}")
            stamp.write_text(os.environ[PRIVATE_STATE], "utf-8")
    return site


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The trainee edition, built (incrementally) from the working tree."""
    return _built("trainee", SITE)


@pytest.fixture(scope="session")
def trainer_site() -> Path:
    """The trainer edition, with facilitator notes and the trainers' masters."""
    return _built("trainer", TRAINER_SITE)



# The longest modules, started first so that the short ones fill in around them at the end
# (pytest-xdist deals the first modules collected to the workers in turn, then hands out the
# rest as each finishes); their figures: `--durations=0`.
LONGEST_FIRST = (
    "tests/course/test_grading_cheats.py", "tests/hub/", "tests/cohort/test_hostile_returned.py",
    "tests/site/test_pdf.py", "tests/site/test_browser.py", "tests/site/test_live.py",
    "tests/cohort/test_cohort_workflow.py", "tests/cohort/test_cohort_postgres.py",
    "tests/cohort/test_cohort_lock.py", "tests/site/test_phone.py",
)


def _started_at(item) -> int:
    return next((i for i, prefix in enumerate(LONGEST_FIRST) if item.nodeid.startswith(prefix)),
                len(LONGEST_FIRST))


def pytest_collection_modifyitems(config, items):
    """The longest modules first (LONGEST_FIRST). Tests that grade notebooks need the grading
    sandbox (Debian's bubblewrap): outside CI, where it is missing, they skip and say why; CI
    installs it and always runs them."""
    import os

    items.sort(key=_started_at)  # stable: each module's own order is kept

    from actionlearning.cohort.sandbox import unavailable

    why = unavailable() if any("pipeline" in item.keywords for item in items) else ""
    if why and not os.environ.get("CI"):
        skip = pytest.mark.skip(reason=f"the grading sandbox cannot run here ({why}); CI always runs these")
        for item in items:
            if "pipeline" in item.keywords:
                item.add_marker(skip)
