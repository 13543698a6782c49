"""The browser tests' fixtures: one Chromium per test module, and the built site served."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

from tests.site.browsing import CHROMIUM, CHROMIUM_ARGS, QuietHandler, need_chromium


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
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
