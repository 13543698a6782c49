"""The suite neither reads nor writes the user's own Jupyter state, and leaves a clean clone
clean. A trainer who has used `make lab` has a workspace that reopens their notebooks, settings
that autosave every second, a stale server file and an IPython start-up script; the JupyterLab
test and the exercises check are run in a clean copy of the repository with that state in its
home folder, and the checkpoint copies `make lab` leaves beside notebooks in its tree; they must
pass, leave the copy as git had it, and leave the state as it was."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import PRIVATE_FOLDERS, PRIVATE_STATE, REPO
from tests.site.browsing import need_chromium

pytestmark = pytest.mark.browser
EXERCISE = "exercises/session-04/coding-questions.ipynb"
LAB_TEST = "tests/site/test_live.py::test_make_lab_opens_a_session_page_as_a_notebook_with_live_widgets"
GIT = ["git", "-c", "user.name=Workbook tests", "-c", "user.email=tests@example.org"]


def _clean_clone(dest: Path) -> None:
    """What a commit of the working tree would hold, as a fresh clone of it."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, listed.split(b"\0")):
        source = REPO / os.fsdecode(name)
        if source.exists() or source.is_symlink():  # not deleted in the working tree
            (dest / os.fsdecode(name)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / os.fsdecode(name), follow_symlinks=False)
    for step in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "a clean clone"]):
        subprocess.run([*GIT, *step], cwd=dest, check=True, capture_output=True)


def _used_jupyter(home: Path, marker: Path) -> None:
    """The state a trainer's own use of JupyterLab leaves in their home folder."""
    files = {
        ".jupyter/lab/workspaces/default-37a8.jupyterlab-workspace": json.dumps({
            "data": {
                "layout-restorer:data": {"main": {"dock": {"type": "tab-area", "currentIndex": 0,
                                                           "widgets": [f"notebook:{EXERCISE}"]},
                                                  "current": f"notebook:{EXERCISE}"}},
                f"notebook:{EXERCISE}": {"data": {"path": EXERCISE, "factory": "Notebook"}},
            },
            "metadata": {"id": "default"}}),
        ".jupyter/lab/user-settings/@jupyterlab/docmanager-extension/plugin.jupyterlab-settings":
            json.dumps({"autosave": True, "autosaveInterval": 1}),
        ".jupyter/lab/user-settings/@jupyterlab/apputils-extension/themes.jupyterlab-settings":
            json.dumps({"theme": "JupyterLab Dark"}),
        ".local/share/jupyter/runtime/jpserver-999999.json": json.dumps({
            "base_url": "/", "hostname": "localhost", "pid": 999999, "port": 8888, "secure": False,
            "token": "stale", "root_dir": "/nowhere", "url": "http://localhost:8888/"}),
        ".local/share/jupyter/runtime/jpserver-999999-open.html": "<html></html>",
        ".ipython/profile_default/startup/00-mine.py": f"open({str(marker)!r}, 'w').write('ran')\n",
    }
    for name, text in files.items():
        (home / name).parent.mkdir(parents=True, exist_ok=True)
        (home / name).write_text(text, encoding="utf-8")


JUPYTER_STATE = (".jupyter", ".local/share/jupyter", ".ipython", ".local/share/actionlearning")


def _checkpoints_as_make_lab_leaves_them(clone: Path) -> list[str]:
    """JupyterLab keeps a copy of each notebook it opens in .ipynb_checkpoints beside it."""
    made = []
    for name in (EXERCISE, "source/session-04/coding-questions.ipynb", "book/sessions/session-04.md"):
        path = clone / name
        copy = path.parent / ".ipynb_checkpoints" / f"{path.stem}-checkpoint{path.suffix}"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(path.read_bytes())
        made.append(str(copy.parent.relative_to(clone)))
    return sorted(made)


def _snapshot(home: Path) -> dict[str, bytes]:
    """Every file of the user's Jupyter state (and their cohorts), with its content."""
    return {str(p.relative_to(home)): p.read_bytes() for folder in JUPYTER_STATE
            for p in (home / folder).rglob("*") if p.is_file()}


def test_a_used_jupyter_changes_neither_the_results_nor_the_repository(tmp_path):
    need_chromium()
    clone, home, marker = tmp_path / "clone", tmp_path / "home", tmp_path / "startup-script-ran"
    _clean_clone(clone)
    left_by_lab = _checkpoints_as_make_lab_leaves_them(clone)
    _used_jupyter(home, marker)
    before = _snapshot(home)
    env = {k: v for k, v in os.environ.items()
           if k not in PRIVATE_FOLDERS and k != PRIVATE_STATE and not k.startswith(("JUPYTER", "XDG_"))}
    # a temporary folder of its own, where Jupyter's fallbacks would go (short: Chromium's
    # socket path there must fit in 108 bytes)
    scratch = Path(tempfile.mkdtemp(prefix="al-"))
    env["HOME"], env["TMPDIR"] = str(home), str(scratch)
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", LAB_TEST, "tests/course/test_exercises.py",
                               "source/session-04"],
                              cwd=clone, env=env, capture_output=True, text=True, timeout=900)
        fallbacks = [str(p) for p in scratch.rglob("jupyter_checkpoints")]  # the shared fallback
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    assert "passed" in done.stdout and "skipped" not in done.stdout, done.stdout[-3000:]

    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True)
    assert status.stdout == "", f"the tests left the clone changed:\n{status.stdout}"
    checkpoints = [str(p.relative_to(clone)) for p in clone.rglob(".ipynb_checkpoints")
                   if str(p.relative_to(clone)) not in left_by_lab]
    assert not checkpoints + fallbacks, f"JupyterLab checkpoints left behind: {checkpoints + fallbacks}"
    assert _snapshot(home) == before, "the tests changed the user's Jupyter state"
    assert not marker.exists(), "a kernel ran the user's IPython start-up script"
