"""What each page of the handbook weighs as a first visit loads it: the page and every file it
fetches, raw and as a server compressing with gzip would send them, beside the 2 MB a page may
weigh uncompressed (the live app aside: see live.py).

Run with ``python -m tests.bench.pages`` (or call ``run()``). Prints figures only.
"""

from __future__ import annotations

import gzip

from tests.conftest import SITE, build_book, site_lock
from tests.site.browsing import CHROMIUM, CHROMIUM_ARGS, PAGE_LIMIT, PAGES, keep_local, serving, site_files


def _fetched(browser, base: str, path: str) -> set:
    """The site's files a first visit to ``path`` fetches (a fresh browser context: no cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    urls: list[str] = []
    context.route("**/*", keep_local(base, urls))
    page = context.new_page()
    page.goto(f"{base}/{path}")
    page.wait_for_load_state("networkidle")
    context.close()
    return site_files(SITE, urls)


def run() -> None:
    from playwright.sync_api import sync_playwright

    with site_lock():
        result = build_book()
    if result.returncode != 0:
        raise SystemExit(f"the handbook did not build:\n{result.stdout[-3000:]}")
    packed_size: dict = {}
    rows = []
    with serving(SITE) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in PAGES:
            files = _fetched(browser, base, path)
            for f in files - packed_size.keys():
                packed_size[f] = len(gzip.compress(f.read_bytes(), 6))
            heaviest = max(files, key=lambda f: f.stat().st_size)
            rows.append((path, len(files), sum(f.stat().st_size for f in files),
                         sum(packed_size[f] for f in files), heaviest))
        browser.close()
    print(f"{'page':44} {'files':>5} {'raw MB':>7} {'gzip MB':>8}  heaviest file")
    for path, count, raw, packed, heaviest in rows:
        print(f"{path:44} {count:5d} {raw / 1e6:7.2f} {packed / 1e6:8.2f}  "
              f"{heaviest.relative_to(SITE)} ({heaviest.stat().st_size / 1e6:.2f} MB)")
    raws = [raw for _, _, raw, _, _ in rows]
    packed = [p for _, _, _, p, _ in rows]
    print(f"heaviest page: {max(raws) / 1e6:.2f} MB raw ({max(raws) / PAGE_LIMIT:.2f}× the 2 MB limit), "
          f"{max(packed) / 1e6:.2f} MB gzipped ({max(raws) / max(packed):.1f}× smaller)")


if __name__ == "__main__":
    run()
