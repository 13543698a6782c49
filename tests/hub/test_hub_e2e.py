"""A cohort's week on a real JupyterHub, as its people would live it: JupyterHub on 127.0.0.1,
configured by `actionlearning cohort hub`, with real accounts made by the test (a trainer, two
trainees and the cohort's grader account), each person's JupyterLab running as them, in Debian's
Chromium.

The trainer releases session 1 (the cohort's command, as the grader account, as in formgrader's
terminal); each trainee signs in, fetches it in JupyterLab's Assignment List, answers and submits
there; the trainer collects and autogrades (in the sandbox), marks both trainees' reflections in
formgrader, in its own tab, and releases feedback; each trainee fetches their own feedback. Each
trainee is refused formgrader (403), cannot list the exchange's submissions or feedback or open
the other's home, and fetches only their own feedback, which carries no key."""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from actionlearning.cohort.hub import PASSWORD_ENV, HubPlan, write_hub
from actionlearning.cohort.store import load_cohort
from tests import cohort_support as ts
from tests.conftest import REPO, secret_lines
from tests.hub.hub_support import (
    PROXY,
    accounts,
    as_account,
    free_ports,
    need_a_hub,
    reachable,
    running_hub,
)
from tests.site.browsing import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS

pytestmark = [pytest.mark.hub, pytest.mark.browser, pytest.mark.pipeline]

COHORT = "alhub"
TRAINER, GRADER = "alhubtrainer", f"grader-{COHORT}"
TRAINEES = ["alhubtrainee1", "alhubtrainee2"]
PASSWORD = "a shared password for the hub test"
S, NB = ts.SESSION, ts.NOTEBOOK
MARKED = ("part-c", "reflection")  # what the trainer marks in session 1
MARKS = {TRAINEES[0]: "2", TRAINEES[1]: "1"}


def _cohort_command(*argv: str, base: Path):
    return as_account(GRADER, sys.executable, "-m", "actionlearning", "cohort", *argv,
                      "--home", str(base / "cohorts"), "--exchange", str(base / "exchange"), cwd=base)


def _sign_in(browser, user: str, hub: str):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(f"{hub}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{user}/lab**", timeout=120_000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").wait_for(timeout=120_000)
    return context, page


def _assignment_list(page):
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
    page.wait_for_selector("#released_assignments_list", timeout=30_000)


def _row(page, listing: str):
    exact = re.compile(rf"^\s*{re.escape(S)}\s*$")
    return page.locator(f"{listing} .list_item", has=page.locator(".item_name", has_text=exact)).first


def _wait_for(found, what: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = found()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"waited {seconds:.0f} s for {what}")


@pytest.fixture(scope="module")
def week():
    need_a_hub()
    from playwright.sync_api import sync_playwright

    base = Path(tempfile.mkdtemp(prefix="al-hub-"))  # where every account can reach it
    base.chmod(0o755)
    try:
        yield _week(base, sync_playwright)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _week(base: Path, sync_playwright) -> dict:
    timings, seen = {}, {}
    started = time.monotonic()

    def mark(step):
        timings[step] = round(time.monotonic() - started, 1)

    with accounts([TRAINER, GRADER, *TRAINEES]), reachable(Path(sys.base_prefix), REPO, base):
        (base / "exchange").mkdir(mode=0o777)
        (base / "exchange").chmod(0o1777)  # nbgrader's exchange: everyone writes, nobody lists others'
        roster = base / "roster.csv"
        roster.write_text("id,first_name,last_name,email\n" + "".join(
            f"{t},Trainee,{t[-1]},\n" for t in TRAINEES), "utf-8")
        roster.chmod(0o644)
        (base / "cohorts").mkdir()
        shutil.chown(base / "cohorts", GRADER, GRADER)
        start = (date.today() - timedelta(days=3)).isoformat()
        _cohort_command("create", COHORT, "--roster", str(roster), "--meetings", "9", "--start", start, base=base)
        cohort = load_cohort(base / "cohorts", COHORT)
        _cohort_command("release", COHORT, S, base=base)
        mark("released")

        port, hub_port, proxy_port, service_port = free_ports(4)
        plan = HubPlan(cohort=cohort, trainers=(TRAINER,), out=base / "hub", proxy=str(PROXY),
                       port=port, hub_port=hub_port, proxy_api_port=proxy_port, service_port=service_port,
                       authenticator="shared-password")
        write_hub(plan)
        hub = f"http://127.0.0.1:{port}"
        formgrader = f"{hub}/services/{COHORT}/formgrader"
        with running_hub(base / "hub" / "jupyterhub_config.py", hub, {PASSWORD_ENV: PASSWORD},
                         base / "hub.log"), sync_playwright() as p:
            mark("hub up")
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            trainees = {}
            for i, trainee in enumerate(TRAINEES):
                context, page = _sign_in(browser, trainee, hub)
                trainees[trainee] = (context, page)
                _assignment_list(page)
                _row(page, "#released_assignments_list").locator("button", has_text="Fetch").click()
                _row(page, "#fetched_assignments_list").wait_for(timeout=60_000)
                fetched = Path(f"/home/{trainee}/{COHORT}/{S}/{NB}")
                assert fetched.is_file(), f"{trainee}'s fetched notebook is not at {fetched}"
                answered = ts.answered(cohort) if i == 0 else ts.answered(cohort, only=("answer-kinds",))
                # the answers go into the fetched file as the trainee (typing in Lab: tests/site)
                as_account(trainee, "tee", str(fetched), stdin=ts.dumps(answered))
                _row(page, "#fetched_assignments_list").locator("button", has_text="Submit").click()
                _row(page, "#submitted_assignments_list").wait_for(timeout=60_000)
            mark("both submitted")

            seen["collect"] = _cohort_command("collect", COHORT, S, base=base).stdout
            seen["autograde"] = _cohort_command("autograde", COHORT, S, base=base).stdout
            mark("autograded")

            context, _ = _sign_in(browser, TRAINER, hub)
            grader = context.new_page()  # formgrader in its own tab (blank in Lab's panel since JupyterHub 4.1)
            assert grader.goto(f"{formgrader}/manage_assignments").status == 200
            submissions = grader.request.get(f"{formgrader}/api/submitted_notebooks/{S}/{NB[:-6]}").json()
            assert {s["student"] for s in submissions} == set(TRAINEES)
            for submission in submissions:
                grader.goto(f"{formgrader}/submissions/{submission['id']}/?index=0")
                grader.locator(f"input.score#{MARKED[-1]}").wait_for(timeout=60_000)
                grader.wait_for_load_state("networkidle")  # a mark typed before the page settles is lost
                for grade_id in MARKED:
                    with grader.expect_response(lambda r: "/formgrader/api/grade/" in r.url
                                                and r.request.method == "PUT", timeout=30_000) as saved:
                        grader.fill(f"input.score#{grade_id}", MARKS[submission["student"]])
                        grader.press(f"input.score#{grade_id}", "Tab")
                    assert saved.value.ok
                with grader.expect_response(lambda r: "/formgrader/api/comment/" in r.url
                                            and r.request.method == "PUT", timeout=30_000) as saved:
                    comment = grader.locator(f"textarea.comment#{MARKED[-1]}-comment")
                    comment.fill(f"For {submission['student']} alone: your questions opened things up.")
                    comment.press("Tab")
                assert saved.value.ok
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            grader.screenshot(path=str(SCREENSHOTS / "hub-formgrader.png"))
            mark("reviewed in formgrader")

            seen["feedback"] = _cohort_command("feedback", COHORT, S, base=base).stdout
            for trainee, (context, page) in trainees.items():
                page.click("#refresh_assignments_list")
                button = _row(page, "#submitted_assignments_list").locator("button", has_text="Fetch Feedback")
                button.wait_for(timeout=60_000)
                button.click()
                pages = _wait_for(lambda: list(Path(f"/home/{trainee}/{COHORT}/{S}/feedback").glob("*/*.html")),
                                  f"{trainee}'s feedback")
                seen[f"{trainee} feedback"] = "\n".join(p.read_text("utf-8") for p in pages)
            mark("feedback fetched")

            for trainee, (context, page) in trainees.items():
                probe = context.new_page()
                seen[f"{trainee} formgrader"] = probe.goto(f"{formgrader}/manage_assignments").status
                seen[f"{trainee} service"] = probe.goto(f"{hub}/services/{COHORT}/").status
                probe.close()
            page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
            seen["trainee menu"] = page.locator(".lm-Menu-itemLabel").all_inner_texts()
            page.keyboard.press("Escape")
            browser.close()
        exchange = Path(cohort.exchange) / COHORT
        me, other = TRAINEES
        for what, path in (("inbound", exchange / "inbound"), ("feedback", exchange / "feedback"),
                           ("home", Path(f"/home/{other}")), ("cohort", cohort.root)):
            seen[f"list {what}"] = as_account(me, "ls", str(path), check=False)
        with (cohort.root / "cohort.json").open() as settings:
            seen["settings"] = json.load(settings)
    return {"seen": seen, "timings": timings, "cohort": cohort}


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
