"""The handbook's pages running for real: in JupyterLab as `make lab` sets it up, and live on the
website itself (JupyterLite, Python in the browser), at desktop and phone widths, with every
request beyond this machine refused and counted, the Python worker's included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.site.browsing import PHONE, SCREENSHOTS, run_all_until

pytestmark = pytest.mark.browser


def test_make_lab_opens_a_session_page_as_a_notebook_with_live_widgets(browser, tmp_path):
    """What `make lab` sets up: JupyterLab opens the page as a notebook (jupytext), its cells
    run, and the widget answers a click; the website's note stays hidden there."""
    import socket
    import subprocess
    import sys
    import time

    from actionlearning.site.lab_settings import write_overrides

    write_overrides(Path(sys.prefix))
    # JupyterLab takes cells scrolled out of view out of the page; Run All scrolls to the end,
    # so keep every cell in the page for the widget to be found (the settings are the tests' own)
    tracker = Path(os.environ["JUPYTERLAB_SETTINGS_DIR"], "@jupyterlab", "notebook-extension",
                   "tracker.jupyterlab-settings")
    tracker.parent.mkdir(parents=True, exist_ok=True)
    tracker.write_text('{"windowingMode": "none"}', encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    lab = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", "--ServerApp.token=workbook-test", f"--ServerApp.root_dir={REPO}",
         "--LabApp.news_url=", "--LabServerApp.extra_labextensions_path=[]",
         # opening a page makes a checkpoint copy of it: keep those out of the repository (an
         # absolute folder is used as it is; a root_dir elsewhere falls back to a shared /tmp)
         f"--FileCheckpoints.checkpoint_dir={tmp_path / 'checkpoints'}"],
        stdout=subprocess.DEVNULL, stderr=(tmp_path / "lab.log").open("w"),
    )
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        console: list[str] = []
        page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
        for _ in range(60):  # the server takes a few seconds to start
            try:
                page.goto(f"http://127.0.0.1:{port}/lab/tree/book/sessions/session-01.md?token=workbook-test")
                break
            except Exception:
                time.sleep(1)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120000)
        widget = page.locator(".jp-OutputArea .jupyter-widgets.widget-vbox").filter(
            has=page.get_by_role("button", name="Puzzle")).first
        try:
            run_all_until(page, widget, seen=console)
        except Exception as exc:
            log = (tmp_path / "lab.log").read_text("utf-8", errors="replace")[-4000:]
            outputs = page.locator(".jp-OutputArea").all_inner_texts()[:6]
            raise AssertionError(f"the widget did not appear in JupyterLab: {exc}\noutputs: {outputs}\n"
                                 f"console: {console[-15:]}\n{log}") from exc
        widget.scroll_into_view_if_needed()
        widget.get_by_role("button", name="Puzzle").click()
        widget.get_by_role("button", name="Q: questioning insight").click()
        widget.get_by_role("button", name="Check").click()
        page.wait_for_function(
            "() => /judgements matched so far/.test(document.body.innerText) && "
            "!/0 of 0 judgements/.test(document.body.innerText)", timeout=30000)
        assert not page.locator(".al-static-only").first.is_visible()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        widget.screenshot(path=str(SCREENSHOTS / "lab-session-01-widget.png"))
        page.close()
    finally:
        lab.terminate()
        lab.wait(timeout=30)


# --- the live handbook: JupyterLite in the site ----------------------------------------------


def _live(browser, site, docname: str, width: int = 1280, button: str = "Practise live"):
    """Open a page, press one of its live buttons, and return the live notebook's tab, with the
    requests that tried to leave this machine (refused: they include the Python worker's)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    offsite: list[str] = []

    def local_only(route):
        if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            offsite.append(route.request.url)
            route.abort()

    context.route("**/*", local_only)
    page = context.new_page()
    page.goto(f"{site}/{docname}.html")
    with context.expect_page() as opened:
        page.get_by_role("link", name=button).click()
    live = opened.value
    live.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)
    return context, live, offsite


@pytest.mark.parametrize("width", [1280, PHONE["width"]])
def test_session_1_runs_live_in_the_browser(browser, site, width):
    context, live, offsite = _live(browser, site, "book/sessions/session-01", width)
    sorter = live.locator(".jp-OutputArea .jupyter-widgets.widget-vbox").filter(
        has=live.get_by_role("button", name="Puzzle")).first
    run_all_until(live, sorter)
    assert not live.locator(".al-static-only").first.is_visible()
    sorter.get_by_role("button", name="Puzzle").click()
    sorter.get_by_role("button", name="Q: questioning insight").click()
    sorter.get_by_role("button", name="Check").click()
    live.wait_for_function("() => /1 of 1 judgements matched so far|judgements matched so far/"
                           ".test(document.body.innerText)", timeout=30000)
    assert "Traceback" not in live.locator(".jp-Notebook").inner_text()
    assert offsite == []
    context.close()


def test_session_4_question_lab_answers_live(browser, site):
    context, live, offsite = _live(browser, site, "book/sessions/session-04")
    lab = live.locator(".jp-OutputArea .jupyter-widgets.widget-vbox").filter(
        has=live.get_by_role("button", name="Ask")).first
    run_all_until(live, lab)
    box = lab.get_by_placeholder("Type a question for the presenter, then press Enter")
    box.fill("Have you thought about asking HR?")
    lab.get_by_role("button", name="Ask").click()
    # the log's row, as Python judged the question
    lab.get_by_role("row").filter(has_text="Have you thought about asking HR?").filter(
        has_text="advice in disguise").wait_for(timeout=30000)
    box.fill("What matters most to you in this?")  # typing previews after a pause, in the browser too
    lab.get_by_text("This is an open question").wait_for(timeout=30000)
    assert "Traceback" not in live.locator(".jp-Notebook").inner_text()
    assert offsite == []
    context.close()


def test_the_weeks_exercise_runs_live_and_downloads_as_a_notebook(browser, site, tmp_path):
    context, live, offsite = _live(browser, site, "book/sessions/session-01", button="This week's exercise, live")
    ready = live.locator(".jp-OutputArea-output").filter(has_text="Ready. Answer each part")
    run_all_until(live, ready)
    # answer part (a) in its cell, as a trainee types, then run the self-check below it
    answer = live.locator(".jp-CodeCell").filter(has_text='"a": None').first
    answer.locator(".cm-content").click()
    live.keyboard.press("Control+a")
    live.keyboard.type('kinds = {"a": "puzzle", "b": "problem", "c": "puzzle", "d": "problem", '
                       '"e": "puzzle", "f": "problem"}')
    live.keyboard.press("Shift+Enter")  # runs the answer, moves to the self-check
    live.keyboard.press("Shift+Enter")
    live.get_by_text("6 of 6", exact=False).first.wait_for(timeout=30000)
    assert "Traceback" not in live.locator(".jp-Notebook").inner_text()
    live.get_by_text("File", exact=True).first.click()
    with live.expect_download() as got:
        live.get_by_text("Download", exact=True).first.click()
    saved = tmp_path / got.value.suggested_filename
    got.value.save_as(saved)
    import json

    nb = json.loads(saved.read_text("utf-8"))
    assert saved.name.endswith("why-action-learning.ipynb") and nb["nbformat"] == 4
    assert any('"a": "puzzle"' in "".join(c["source"]) for c in nb["cells"])
    # what the cohort's collect --from reads: the grade cells' ids, as released
    ids = [c["metadata"].get("nbgrader", {}).get("grade_id") for c in nb["cells"]]
    released = json.loads((REPO / "exercises/session-01/why-action-learning.ipynb").read_text("utf-8"))
    assert ids == [c["metadata"].get("nbgrader", {}).get("grade_id") for c in released["cells"]]
    assert offsite == []
    context.close()
