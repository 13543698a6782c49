"""Reviewing reflections: JupyterLab on the cohort folder, opening nbgrader's formgrader where the
work is.

formgrader reads the ``nbgrader_config.py`` in the folder JupyterLab starts in, so starting
there puts it on this cohort's gradebook and submissions alone. It opens in a tab of its own:
under JupyterHub 4.1 and later, formgrader inside JupyterLab's frame can stay blank.

It opens on the first exercise with work waiting for the trainer, and :func:`waiting` lists every
submission with a part still to mark, each one click away. MathJax comes from the trainer's own
server (jupyter-server-mathjax, which enables itself when installed), not a CDN. A template of ours, first on ``JUPYTER_PATH``, points
nbconvert's MathJax macro there, so formgrader works offline.
"""

from __future__ import annotations

import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from actionlearning.cohort import nbgrader_course
from actionlearning.cohort.store import Cohort

FORMGRADER = "/formgrader"
TEMPLATES = Path(__file__).with_name("templates")  # nbconvert/templates/base/mathjax.html.j2


@dataclass(frozen=True)
class Waiting:
    """A submitted notebook with a part the trainer still has to mark."""

    session: str
    notebook: str
    trainee: str
    submission: str  # formgrader's id for the submitted notebook

    def url(self, base: str) -> str:
        return f"{base}{FORMGRADER}/submissions/{self.submission}/"


def waiting(cohort: Cohort) -> list[Waiting]:
    """Every submitted notebook with a part still to mark, by session, notebook and trainee."""
    from nbgrader.api import Gradebook

    if not nbgrader_course.has_gradebook(cohort):
        return []
    found = []
    with nbgrader_course.quiet(), Gradebook(nbgrader_course.db_url(cohort), cohort.course_id) as gb:
        for assignment in sorted(gb.assignments, key=lambda a: a.name):
            for submission in assignment.submissions:
                for nb in submission.notebooks:
                    if any(g.needs_manual_grade for g in nb.grades):
                        found.append(Waiting(assignment.name, nb.name, submission.student.id, nb.id))
    return sorted(found, key=lambda w: (w.session, w.notebook, w.trainee))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_page(work: list[Waiting]) -> str:
    """Where formgrader opens: the first notebook with work waiting (a list of its submissions,
    those to mark flagged), else its list of assignments."""
    if not work:
        return FORMGRADER
    return f"{FORMGRADER}/gradebook/{work[0].session}/{work[0].notebook}"


def review_command(cohort: Cohort, port: int | None = None, browser: bool = True,
                   work: list[Waiting] | None = None, allow_root: bool = False) -> list[str]:
    """The command that starts JupyterLab for review, on ``port`` (else a free one)."""
    port = port or free_port()
    jupyter = Path(sys.executable).with_name("jupyter")
    command = [str(jupyter) if jupyter.exists() else "jupyter", "lab",
               f"--ServerApp.root_dir={cohort.root}", f"--LabApp.default_url={start_page(work or [])}",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if not browser:
        command.append("--no-browser")
    if allow_root:
        command.append("--allow-root")
    return command


def review_environment() -> dict[str, str]:
    """The environment JupyterLab starts in: our MathJax template first on JUPYTER_PATH."""
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(TEMPLATES), env.get("JUPYTER_PATH")]))
    return env
