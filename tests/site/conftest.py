"""The browser tests' fixtures: one Chromium per test module, and the built site served."""

from __future__ import annotations

import pytest

from tests.site.browsing import CHROMIUM, CHROMIUM_ARGS, need_chromium, serving


@pytest.fixture(scope="module")
def browser():
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(built_site):
    with serving(built_site) as address:
        yield address
