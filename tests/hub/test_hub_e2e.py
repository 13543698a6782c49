"""A cohort's week on a real JupyterHub, as its people would live it: JupyterHub on 127.0.0.1,
configured by `actionlearning cohort hub`, with real accounts made by the test (a trainer, two
trainees and the cohort's grader account), each person's JupyterLab running as them, in Debian's
Chromium.

The trainer signs in and, in a terminal of the formgrader server (the grader account's) opened
in the browser, types the cohort's command to release session 1; each trainee signs in, fetches
it in JupyterLab's Assignment List, types the answers into the notebook there, saves and
submits; in that terminal the trainer collects and autogrades (in the sandbox); the trainer marks
both trainees' reflections in formgrader, in its own tab, and releases feedback; each trainee
fetches their own feedback. Each trainee is refused formgrader (403), cannot list the exchange's
submissions or feedback or open the other's home, and fetches only their own feedback, which
carries no key."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.conftest import REPO, secret_lines
from tests.hub.hub_support import need_a_hub
from tests.hub.hub_week import TRAINEES, S, week_on_a_hub

pytestmark = [pytest.mark.hub, pytest.mark.browser, pytest.mark.pipeline]


@pytest.fixture(scope="module")
def week():
    need_a_hub()
    from playwright.sync_api import sync_playwright

    base = Path(tempfile.mkdtemp(prefix="al-hub-"))  # where every account can reach it
    base.chmod(0o755)
    try:
        yield week_on_a_hub(base, sync_playwright)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_each_trainee_fetches_submits_and_gets_their_own_feedback(week):
    seen = week["seen"]
    assert "2 submitted" in seen["collect"] or seen["collect"].count("submitted") >= 2, seen["collect"]
    assert "awaiting review" in seen["autograde"], seen["autograde"]
    assert "feedback released" in seen["feedback"], seen["feedback"]
    mine, theirs = TRAINEES
    assert f"For {mine} alone" in seen[f"{mine} feedback"] and f"For {theirs} alone" not in seen[f"{mine} feedback"]
    assert f"For {theirs} alone" in seen[f"{theirs} feedback"] and f"For {mine} alone" not in seen[f"{theirs} feedback"]


def test_feedback_on_the_hub_keeps_the_key(week):
    leaked = [line for line in secret_lines(REPO / "source" / S)
              for trainee in TRAINEES if line in week["seen"][f"{trainee} feedback"]]
    assert not leaked, leaked[:3]


def test_a_trainee_is_refused_formgrader_and_the_others_work(week):
    seen = week["seen"]
    for trainee in TRAINEES:
        assert seen[f"{trainee} formgrader"] == 403 and seen[f"{trainee} service"] == 403
    assert "Assignment List" in seen["trainee menu"] and not any("Formgrader" in m for m in seen["trainee menu"])
    for what in ("inbound", "feedback", "home", "cohort"):
        listed = seen[f"list {what}"]
        assert listed.returncode != 0 and "Permission denied" in listed.stderr, (what, listed.stdout)


def test_the_cohort_checked_who_submitted(week):
    assert week["seen"]["settings"]["check_owner"] is True  # real accounts: the exchange's owner is checked
    print("hub week, seconds from the start:", week["timings"])
