"""The built handbook in a real browser: Debian's Chromium, driven by Playwright's Python API,
against the site served on 127.0.0.1. Requests to anywhere else are refused, so a widget that
renders only with a CDN fails here rather than for a trainee on a locked-down network."""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import REPO, site_lock
from tests.site.test_book import toc_files

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = REPO / "_build" / "screenshots"
# The same flags the machine's own checks use: no background traffic, no sandbox as root.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def need_chromium() -> None:
    """Skip without Debian's Chromium, saying why; in CI, fail instead."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing in CI: .ci/run should have installed Debian's chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); CI always runs these")


@pytest.fixture(scope="module")
def browser():
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    # as the publishers' guide asks of a web server: Pyodide's module scripts and WebAssembly
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript",
                      ".js": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="module")
def site(built_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def open_page(browser, url):
    """Load a page; return it with the console errors and refused off-site requests seen."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, offsite = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def local_only(route):
        if route.request.url.startswith("http://127.0.0.1"):
            route.continue_()
        else:
            offsite.append(route.request.url)
            route.abort()

    page.route("**/*", local_only)
    response = page.goto(url, wait_until="load")
    assert response and response.ok, f"{url} answered {response and response.status}"
    page.wait_for_load_state("networkidle")
    return page, errors, offsite


def test_the_site_root_leads_to_the_landing_page(browser, site):
    page, errors, _ = open_page(browser, f"{site}/index.html")
    page.wait_for_url("**/book/intro.html")
    assert page.locator("article h1").first.inner_text().startswith("Action Learning Set Facilitation")
    assert errors == []
    page.close()


PAGES = [f"{name}.html" for name in toc_files()]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_cleanly_links_resolve_and_passes_axe(browser, site, built_site, path):
    from axe_playwright_python.sync_playwright import Axe

    page, errors, offsite = open_page(browser, f"{site}/{path}")
    assert page.locator("article h1").first.is_visible()
    assert errors == [], f"{path}: console errors {errors}"
    assert offsite == [], f"{path}: requests beyond this machine {offsite}"
    # every internal link resolves to a file of the site, and its #fragment to an element there
    links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    for url in {u for u in links if u.startswith(site)}:
        target, _, fragment = url[len(site) + 1:].partition("#")
        file = built_site / (target.split("?")[0] or "index.html")
        assert file.is_file(), f"{path} links to {url}, which does not exist"
        if fragment and file.suffix == ".html":
            html = file.read_text("utf-8")
            assert f'id="{fragment}"' in html, f"{path} links to #{fragment}, missing in {target}"
    # no serious or critical accessibility violations; images carry alt text
    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], f"{path}: {serious}"
    assert page.locator("img:not([alt])").count() == 0
    page.close()


def test_search_for_questioning_finds_the_questioning_sessions(browser, site):
    page, errors, _ = open_page(browser, f"{site}/search.html?q=questioning")
    page.wait_for_selector("#search-results li", timeout=15000)
    found = page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.getAttribute('href'))")
    assert any("session-04" in href for href in found), found
    assert any("session-05" in href for href in found), found
    assert errors == []
    page.close()


@pytest.mark.parametrize("path", [p for p in PAGES if "/sessions/" in p])
def test_the_widgets_on_session_pages_render(browser, site, path):
    page, errors, _ = open_page(browser, f"{site}/{path}")
    widgets = page.locator(".jupyter-widgets.widget-vbox")
    widgets.first.wait_for(state="visible", timeout=15000)
    assert page.locator(".al-static-only").first.is_visible()
    assert errors == []
    page.close()


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("path", PAGES)
def test_on_a_phone_each_page_fits_and_its_menu_opens(browser, site, path):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site}/{path}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"], "wider than the phone"
    clipped = page.evaluate("""() => [...document.querySelectorAll('.jupyter-widgets .jupyter-button')]
        .filter(b => b.offsetParent && b.scrollWidth > b.clientWidth + 1).map(b => b.textContent.trim())""")
    assert clipped == [], f"buttons cut short: {clipped}"
    page.locator("button.primary-toggle:visible").first.click()
    contents = page.locator("dialog[open]")
    contents.wait_for(timeout=5000)
    # a page other than this one, to see the menu take the reader there
    name, target = ("The programme", "programme") if path != "book/programme.html" else (
        re.compile(r"^Session 1:"), "sessions/session-01")
    link = contents.get_by_role("link", name=name)
    assert link.is_visible()
    link.click()
    page.wait_for_url(f"**/book/{target}.html")
    page.close()


def test_static_widget_controls_are_inert_and_say_why(browser, site):
    page, errors, _ = open_page(browser, f"{site}/book/sessions/session-04.html")
    ask = page.get_by_role("button", name="Ask").first
    ask.wait_for(state="visible", timeout=15000)
    assert ask.is_disabled() and "Practise live" in ask.get_attribute("title")
    box = page.get_by_placeholder("Type a question for the presenter, then press Enter").first
    assert not box.is_editable() and box.get_attribute("aria-disabled") == "true"
    assert errors == []
    page.close()


def test_the_issue_sorter_renders_on_the_static_page(browser, site):
    page, errors, _ = open_page(browser, f"{site}/book/sessions/session-01.html")
    widget = page.locator(".jupyter-widgets.widget-vbox").first
    widget.wait_for(state="visible", timeout=15000)
    assert page.get_by_role("button", name="Puzzle").first.is_visible()
    assert page.get_by_role("button", name="Check").first.is_visible()
    note = page.locator(".al-static-only").first
    assert note.is_visible() and "Practise live" in note.inner_text()
    live = page.get_by_role("link", name="Practise live")
    assert live.is_visible()
    assert live.get_attribute("href") == "../../lite/notebooks/index.html?path=book/sessions/session-01.ipynb"
    assert "Issue 1 of" in widget.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widget.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "session-01-widget.png"))
    assert errors == []
    page.close()


def test_landing_page_screenshot(browser, site):
    page, _, _ = open_page(browser, f"{site}/index.html")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "landing.png"), full_page=True)
    assert (SCREENSHOTS / "landing.png").stat().st_size > 10_000
    page.close()


def test_make_pdf_prints_the_whole_handbook(browser):
    """`make pdf`: the book as one page, printed by the same Chromium (the fixture checks it is there)."""
    import subprocess
    import sys

    with site_lock():
        result = subprocess.run(
            ["make", "--no-print-directory", "-C", str(REPO), "pdf", f"BIN={Path(sys.executable).parent}",
             f"CHROMIUM={CHROMIUM}"],
            capture_output=True, text=True,
        )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    pdf = REPO / "_build" / "handbook-trainee.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") >= 20


def run_all_until(page, widget, seen: list[str] | None = None) -> None:
    """Run All Cells in JupyterLab or JupyterLite until ``widget`` shows. Run All is queued until
    the kernel is up, but on a busy machine the first request can be lost while the page is
    still settling, so ask again if nothing has run; accept a dialog (a kernel choice, a notice)
    that would block the menu, noting it in ``seen``."""
    seen = seen if seen is not None else []
    for attempt in range(3):
        dialog = page.locator(".jp-Dialog")
        if dialog.count() and dialog.first.is_visible():
            seen.append(f"dialog: {dialog.first.inner_text()[:300]}")
            accept = page.locator(".jp-Dialog .jp-mod-accept")
            if accept.count():
                accept.first.click()
            else:  # a notice with only a way to close it
                page.keyboard.press("Escape")
        page.get_by_text("Run", exact=True).first.click()
        page.get_by_text("Run All Cells", exact=True).first.click()
        try:
            widget.wait_for(state="visible", timeout=90000)
            return
        except Exception as exc:
            if attempt == 2:
                raise AssertionError(f"the widget never showed; dialogs seen: {seen}") from exc
            page.keyboard.press("Escape")


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
