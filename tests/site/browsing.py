"""What the browser tests share: Debian's Chromium driven by Playwright's Python API (never a
browser of Playwright's own), the built site served on 127.0.0.1 as a web server should serve it,
and running a notebook's cells in JupyterLab or JupyterLite."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from actionlearning.site.serving import serving  # noqa: F401 (the tests import it from here)
from tests.conftest import REPO
from tests.site.test_book import toc_files

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


PHONE = {"width": 390, "height": 844}
# the text of every visible widget button too narrow for its label ("Play to next pa…")
CLIPPED_BUTTONS = """() => [...document.querySelectorAll('.jupyter-widgets .jupyter-button')]
    .filter(b => b.offsetParent && b.scrollWidth > b.clientWidth + 1).map(b => b.textContent.trim())"""
PAGES = [f"{name}.html" for name in toc_files()]  # every page of the site, as built


# What a page weighs as loaded: the page and every file it fetched, uncompressed (the figure
# the publishers' guide's 2 MB is about), whether or not the browser had them cached.
PAGE_BYTES = """() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
    .reduce((bytes, entry) => bytes + entry.decodedBodySize, 0)"""
PAGE_LIMIT = 2_000_000


def keep_local(base: str, fetched: list[str], offsite: list[str] | None = None):
    """A Playwright route handler for the benchmarks: requests to ``base`` go through and are
    noted in ``fetched``; a page's own data: and blob: addresses go through; anything else is
    refused (and noted in ``offsite``)."""
    def handle(route):
        url = route.request.url
        if url.startswith(base):
            fetched.append(url)
            route.continue_()
        elif url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            if offsite is not None:
                offsite.append(url)
            route.abort()
    return handle


def site_files(site: Path, urls) -> set[Path]:
    """The files of the built site that ``urls`` fetched."""
    files = {site / urlparse(url).path.lstrip("/") for url in urls}
    return {f for f in files if f.is_file()}


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


# a cell that has run or is queued to: its prompt shows [*] or [n]
RAN_OR_QUEUED = r"\[(\*|\d+)\]"
LOST_AFTER = 20  # seconds with no cell queued: the Run All request was lost


def run_all_until(page, widget, seen: list[str] | None = None) -> None:
    """Run All Cells in JupyterLab or JupyterLite until ``widget`` shows. Run All queues every
    cell ([*]) until the kernel is up, but on a busy machine the request can be lost while the
    page is still settling: if no cell is queued after LOST_AFTER seconds, ask again. Accept a
    dialog (a kernel choice, a notice) that would block the menu, noting it in ``seen``."""
    seen = seen if seen is not None else []
    prompts = page.locator(".jp-InputArea-prompt").filter(has_text=re.compile(RAN_OR_QUEUED))
    if page.locator("#jp-main-statusbar").count():  # JupyterLab (the live app has no status bar)
        try:  # a request made once the kernel is up is not lost: wait for it ("| Idle")
            page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\|\s*Idle")).first.wait_for(timeout=60000)
        except Exception:
            seen.append("the kernel did not say it was idle within 60 s; running all anyway")
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
        asked = time.monotonic()
        while time.monotonic() - asked < 90:
            if widget.is_visible():
                return
            if time.monotonic() - asked > LOST_AFTER and prompts.count() == 0:
                seen.append(f"Run All lost (attempt {attempt + 1}): nothing queued after {LOST_AFTER} s")
                break
            page.wait_for_timeout(500)
        page.keyboard.press("Escape")
    raise AssertionError(f"the widget never showed; seen: {seen[-10:]}")
