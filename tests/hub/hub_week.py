"""A cohort's week on a real JupyterHub, driven as its people would live it (tests/hub's
end-to-end test, and `make bench` for thirty trainees): see test_hub_e2e.py for what it does."""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from actionlearning.cohort.hub import PASSWORD_ENV, HubPlan, write_hub
from actionlearning.cohort.store import load_cohort
from tests import cohort_support as ts
from tests.conftest import REPO
from tests.hub.hub_support import PROXY, accounts, as_account, free_ports, reachable, running_hub
from tests.site.browsing import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS

COHORT = "alhub"
TRAINER, GRADER = "alhubtrainer", f"grader-{COHORT}"
TRAINEES = ["alhubtrainee1", "alhubtrainee2"]
PASSWORD = "a shared password for the hub test"
S, NB = ts.SESSION, ts.NOTEBOOK
MARKED = ("part-c", "reflection")  # what the trainer marks in session 1


def _cohort_command(*argv: str, base: Path):
    return as_account(GRADER, sys.executable, "-m", "actionlearning", "cohort", *argv,
                      "--home", str(base / "cohorts"), "--exchange", str(base / "exchange"), cwd=base)


def _trainers_terminal(context, hub: str, base: Path):
    """A terminal of the formgrader server (the grader account's), opened in the trainer's browser
    from its JupyterLab's launcher, as the trainers' page says; the cohort's folders set."""
    page = context.new_page()
    page.goto(f"{hub}/services/{COHORT}/lab")
    page.locator(".jp-LauncherCard", has_text="Terminal").first.click(timeout=120_000)
    page.locator(".jp-Terminal .xterm").first.wait_for(timeout=60_000)
    page.locator(".jp-Terminal .xterm").first.click()
    page.keyboard.type(f"export ACTIONLEARNING_HOME={base / 'cohorts'} ACTIONLEARNING_EXCHANGE={base / 'exchange'}\n")
    return page


def _type_in(terminal, *argv: str) -> str:
    """Type an `actionlearning cohort` command into the trainer's terminal; what it printed, once
    it has finished (it must succeed)."""
    name = argv[0]
    log, done = Path(f"/home/{GRADER}/{name}.log"), Path(f"/home/{GRADER}/{name}.exit")
    terminal.locator(".jp-Terminal .xterm").first.click()
    terminal.keyboard.type(f"actionlearning cohort {' '.join(argv)} > ~/{name}.log 2>&1; echo $? > ~/{name}.exit\n")
    code = _wait_for(lambda: done.is_file() and done.read_text().strip(), f"`cohort {name}` in the terminal", 600)
    assert code == "0", log.read_text("utf-8", "replace")
    return log.read_text("utf-8")


# Each answer cell as it was given, found by its first line, and what the trainee types there.
ANSWER_CELLS = {"answer-kinds": "kinds = {", "answer-calls": "calls = {", "answer-question": "my_question = "}
REFLECTION_CELL = "Write your reflection here."


def _answer_in_lab(context, hub: str, user: str, answers: dict[str, str], reflection: str) -> None:
    """Open the fetched notebook in the trainee's JupyterLab and type the answers into its cells,
    then save, as a trainee does."""
    page = context.new_page()
    page.goto(f"{hub}/user/{user}/lab/tree/{COHORT}/{S}/{NB}")
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=120_000)
    for grade_id, text in answers.items():
        cell = page.locator(".jp-CodeCell", has_text=ANSWER_CELLS[grade_id]).first
        cell.locator(".cm-content").click()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(text)  # as typed, without the editor's automatic indents
        page.keyboard.press("Escape")
    if reflection:
        cell = page.locator(".jp-MarkdownCell", has_text=REFLECTION_CELL).first
        cell.dblclick()
        cell.locator(".cm-content").click()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(reflection)
        page.keyboard.press("Escape")
    page.keyboard.press("Control+s")
    page.wait_for_function("() => !document.querySelector('.lm-TabBar-tab.jp-mod-current.jp-mod-dirty')",
                           timeout=30_000)
    page.close()


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


def week_on_a_hub(base: Path, sync_playwright, trainees_: list[str] = TRAINEES) -> dict:
    """The week, for ``trainees_`` (the first answers everything, the rest part); what each step
    showed, and the seconds from the start at which each step was done (`make bench` reads them)."""
    timings, seen = {}, {}
    started = time.monotonic()

    def mark(step):
        timings[step] = round(time.monotonic() - started, 1)

    with accounts([TRAINER, GRADER, *trainees_]), reachable(Path(sys.base_prefix), REPO, base):
        (base / "exchange").mkdir(mode=0o777)
        (base / "exchange").chmod(0o1777)  # nbgrader's exchange: everyone writes, nobody lists others'
        roster = base / "roster.csv"
        roster.write_text("id,first_name,last_name,email\n" + "".join(
            f"{t},Trainee,{t[len('alhubtrainee'):]},\n" for t in trainees_), "utf-8")
        roster.chmod(0o644)
        (base / "cohorts").mkdir()
        shutil.chown(base / "cohorts", GRADER, GRADER)
        start = (date.today() - timedelta(days=3)).isoformat()
        _cohort_command("create", COHORT, "--roster", str(roster), "--meetings", "9", "--start", start, base=base)
        cohort = load_cohort(base / "cohorts", COHORT)

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
            trainer, _ = _sign_in(browser, TRAINER, hub)
            terminal = _trainers_terminal(trainer, hub, base)
            seen["release"] = _type_in(terminal, "release", COHORT, S)
            mark("released")
            trainees = {}
            for i, trainee in enumerate(trainees_):
                context, page = _sign_in(browser, trainee, hub)
                trainees[trainee] = (context, page)
                _assignment_list(page)
                _row(page, "#released_assignments_list").locator("button", has_text="Fetch").click()
                _row(page, "#fetched_assignments_list").wait_for(timeout=60_000)
                fetched = Path(f"/home/{trainee}/{COHORT}/{S}/{NB}")
                assert fetched.is_file(), f"{trainee}'s fetched notebook is not at {fetched}"
                chosen = tuple(ANSWER_CELLS) if i == 0 else ("answer-kinds",)  # all, or part 1 alone
                _answer_in_lab(context, hub, trainee, {g: ts.answer_of(cohort, g) for g in chosen},
                               ts.REFLECTION if i == 0 else "")
                saved = json.loads(fetched.read_text("utf-8"))
                typed = "".join("".join(c["source"]) for c in saved["cells"])
                assert all(ts.answer_of(cohort, g) in typed for g in chosen), f"{trainee}'s answers were not saved"
                _row(page, "#fetched_assignments_list").locator("button", has_text="Submit").click()
                _row(page, "#submitted_assignments_list").wait_for(timeout=60_000)
            mark("submitted")

            seen["collect"] = _type_in(terminal, "collect", COHORT, S)
            seen["autograde"] = _type_in(terminal, "autograde", COHORT, S)
            mark("autograded")

            grader = trainer.new_page()  # formgrader in its own tab (blank in Lab's panel since JupyterHub 4.1)
            assert grader.goto(f"{formgrader}/manage_assignments").status == 200
            submissions = grader.request.get(f"{formgrader}/api/submitted_notebooks/{S}/{NB[:-6]}").json()
            assert {s["student"] for s in submissions} == set(trainees_)
            for submission in submissions:
                grader.goto(f"{formgrader}/submissions/{submission['id']}/?index=0")
                grader.locator(f"input.score#{MARKED[-1]}").wait_for(timeout=60_000)
                grader.wait_for_load_state("networkidle")  # a mark typed before the page settles is lost
                for grade_id in MARKED:
                    with grader.expect_response(lambda r: "/formgrader/api/grade/" in r.url
                                                and r.request.method == "PUT", timeout=30_000) as saved:
                        grader.fill(f"input.score#{grade_id}", "2" if submission["student"] == trainees_[0] else "1")
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

            seen["feedback"] = _type_in(terminal, "feedback", COHORT, S)
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
        me, other = trainees_[:2]
        for what, path in (("inbound", exchange / "inbound"), ("feedback", exchange / "feedback"),
                           ("home", Path(f"/home/{other}")), ("cohort", cohort.root)):
            seen[f"list {what}"] = as_account(me, "ls", str(path), check=False)
        with (cohort.root / "cohort.json").open() as settings:
            seen["settings"] = json.load(settings)
    return {"seen": seen, "timings": timings, "cohort": cohort}
