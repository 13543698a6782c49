"""The built handbook in a real browser: Debian's Chromium, driven by Playwright's Python API,
against the site served on 127.0.0.1. Requests to anywhere else are refused, so a widget that
renders only with a CDN fails here rather than for a trainee on a locked-down network."""

from __future__ import annotations

import pytest

from tests.site.browsing import CLIPPED_BUTTONS, PAGE_BYTES, PAGE_LIMIT, PAGES, SCREENSHOTS, open_page

pytestmark = pytest.mark.browser


def test_the_site_root_leads_to_the_landing_page(browser, site):
    page, errors, _ = open_page(browser, f"{site}/index.html")
    page.wait_for_url("**/book/intro.html")
    assert page.locator("article h1").first.inner_text().startswith("Action Learning Set Facilitation")
    assert errors == []
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_cleanly_links_resolve_and_passes_axe(browser, site, built_site, path):
    from axe_playwright_python.sync_playwright import Axe

    page, errors, offsite = open_page(browser, f"{site}/{path}")
    assert page.locator("article h1").first.is_visible()
    assert errors == [], f"{path}: console errors {errors}"
    assert offsite == [], f"{path}: requests beyond this machine {offsite}"
    assert page.evaluate(CLIPPED_BUTTONS) == [], f"{path}: widget buttons cut short"
    weight = page.evaluate(PAGE_BYTES)
    assert weight <= PAGE_LIMIT, f"{path} weighs {weight / 1e6:.2f} MB with what it fetches: see `make bench`"
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
