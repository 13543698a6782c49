"""The handbook on a phone (390 px wide): every page fits, nothing in a widget is cut short,
and the menu button opens the table of contents and takes the reader to another page."""

from __future__ import annotations

import re

import pytest

from tests.site.browsing import CLIPPED_BUTTONS, PAGES, PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGES)
def test_on_a_phone_each_page_fits_and_its_menu_opens(browser, site, path):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site}/{path}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"], "wider than the phone"
    assert page.evaluate(CLIPPED_BUTTONS) == [], "buttons cut short"
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
