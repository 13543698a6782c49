"""Reviewing reflections: JupyterLab on the cohort folder, opening nbgrader's formgrader.

formgrader reads the ``nbgrader_config.py`` in the folder JupyterLab starts in, so starting
there puts it on this cohort's gradebook and submissions alone. It opens in a tab of its own:
under JupyterHub 4.1 and later, formgrader inside JupyterLab's frame can stay blank.
"""

from __future__ import annotations

import sys
from pathlib import Path

from actionlearning.cohort.store import Cohort

FORMGRADER = "/formgrader"


def review_command(cohort: Cohort, port: int | None = None, browser: bool = True) -> list[str]:
    jupyter = Path(sys.executable).with_name("jupyter")
    command = [str(jupyter) if jupyter.exists() else "jupyter", "lab",
               f"--ServerApp.root_dir={cohort.root}", f"--LabApp.default_url={FORMGRADER}"]
    if port:
        command.append(f"--ServerApp.port={port}")
    if not browser:
        command.append("--no-browser")
    return command
