"""A thirty-trainee week on a real JupyterHub (tests/hub's end-to-end week, with thirty accounts):
each trainee signs in, fetches and submits in JupyterLab in Debian's Chromium; the grader account
collects and autogrades; the trainer marks every reflection in formgrader; feedback goes out and
each trainee fetches it. Prints how long each step took, and per trainee. Needs root (it makes
the accounts) and JupyterHub's proxy (`make test` installs it); skipped otherwise, saying why.

Run with ``python -m tests.bench.hub`` (or call ``run()``)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

TRAINEES = 30


def run() -> None:
    from playwright.sync_api import sync_playwright

    from tests.hub.hub_support import PROXY
    from tests.hub.hub_week import week_on_a_hub

    if os.geteuid() != 0 or not PROXY.exists():
        print("skipped: the hub's week makes real accounts (it needs root) and JupyterHub's proxy "
              f"({PROXY}; `make test` installs it)")
        return
    trainees = [f"alhubtrainee{i}" for i in range(1, TRAINEES + 1)]
    base = Path(tempfile.mkdtemp(prefix="al-hub-bench-"))
    base.chmod(0o755)
    try:
        marks = week_on_a_hub(base, sync_playwright, trainees)["timings"]
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"a week of {TRAINEES} trainees on JupyterHub     seconds   per trainee")
    before = 0.0
    for step, at in marks.items():
        print(f"  {step:38s} {at - before:7.1f}   {(at - before) / TRAINEES:7.2f}")
        before = at
    print(f"  {'release to feedback fetched':38s} {before:7.1f}   {before / TRAINEES:7.2f}")


if __name__ == "__main__":
    run()
