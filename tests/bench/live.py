"""The live handbook as a trainee meets it: from pressing Practise live on session 1 to the
first answer computed by Python in the browser, on a first visit (nothing cached) and on a
return visit (the browser's cache kept), with what a first visit transfers. The site is served
as the publishers' guide asks (actionlearning/site/serving.py, QuietHandler); the aims are at most 20 s
and 5 s on this machine, whose load is printed too, as other work on it slows the browser.

Run with ``python -m tests.bench.live`` (or call ``run()``). Prints figures only.
"""

from __future__ import annotations

import gzip
import os
import time

from tests.conftest import SITE, build_book, site_lock
from tests.site.browsing import CHROMIUM, CHROMIUM_ARGS, keep_local, run_all_until, serving, site_files

PAGE = "book/sessions/session-01"


def _first_response(context, base: str) -> float:
    """Seconds from pressing Practise live to the issue sorter's first judgement."""
    page = context.new_page()
    page.goto(f"{base}/{PAGE}.html")
    started = time.perf_counter()
    with context.expect_page() as opened:
        page.get_by_role("link", name="Practise live").click()
    live = opened.value
    sorter = live.locator(".jp-OutputArea .jupyter-widgets.widget-vbox").filter(
        has=live.get_by_role("button", name="Puzzle")).first
    live.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)
    run_all_until(live, sorter)
    sorter.get_by_role("button", name="Puzzle").click()
    sorter.get_by_role("button", name="Q: questioning insight").click()
    sorter.get_by_role("button", name="Check").click()
    live.wait_for_function("() => /judgements matched so far/.test(document.body.innerText)", timeout=60000)
    elapsed = time.perf_counter() - started
    live.close()
    page.close()
    return elapsed


def run() -> None:
    from playwright.sync_api import sync_playwright

    with site_lock():
        result = build_book()
    if result.returncode != 0:
        raise SystemExit(f"the handbook did not build:\n{result.stdout[-3000:]}")
    fetched: list[str] = []
    offsite: list[str] = []

    with serving(SITE) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.route("**/*", keep_local(base, fetched, offsite))
        cold = _first_response(context, base)
        first_visit = list(fetched)
        cached = _first_response(context, base)  # the same browser: its cache kept
        browser.close()

    files = site_files(SITE, first_visit)
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    app = sum(f.stat().st_size for f in (SITE / "lite").rglob("*") if f.is_file())
    print(f"machine's load when measured:     {os.getloadavg()[0]:6.1f}   (cores: {os.cpu_count()})")
    print(f"first live answer, first visit:   {cold:6.1f} s   (aim at most 20 s)")
    print(f"first live answer, return visit:  {cached:6.1f} s   (aim at most 5 s)")
    print(f"first visit, files fetched:       {len(files):6d}")
    print(f"first visit, transferred:         {raw / 1e6:6.1f} MB raw, {packed / 1e6:.1f} MB gzipped")
    print(f"the live app in the site:         {app / 1e6:6.1f} MB")
    print(f"requests beyond this machine:     {len(offsite):6d}")


if __name__ == "__main__":
    run()
