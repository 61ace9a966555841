"""A real Streamlit server on a free loopback port and Debian's Chromium driven by Playwright.

Never `playwright install`: the browser is /usr/bin/chromium. Without it the tests skip on a
user's machine, but under CI=true they fail, because CI must run them.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from yjs.serve import start_background

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("YJS_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@contextlib.contextmanager
def served(db: Path):
    """The app on a free loopback port, reading `db`, stopped afterwards."""
    url, process = start_background(db)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def app_url(demo_db):
    with served(demo_db) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing; CI must run the browser tests (.ci/run installs chromium)")
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def wait_for_app(page) -> None:
    """The script has finished: the app is mounted and Streamlit's running indicator is gone."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stApp")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stMainBlockContainer").get_by_role("heading").first).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=30_000)


def screenshot(page, name: str, height: int = 2600) -> Path:
    """The whole page: Streamlit scrolls inside its own container, so grow the window instead."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": height})
    wait_for_app(page)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')].every(p => p._fullLayout)")
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": width, "height": 900})
    return path


def choose(page, combobox, text: str, attempts: int = 3) -> None:
    """Pick the option starting with `text` from a select or multiselect, as a person would.

    Typing filters the list and Enter takes the match. A rerun that lands while the list is open
    can close it, so try again (bounded) until the choice shows in the widget.
    """
    import re

    from playwright.sync_api import expect

    widget = combobox.locator("xpath=ancestor::*[@data-testid='stMultiSelect' or @data-testid='stSelectbox'][1]")
    for attempt in range(attempts):
        wait_for_app(page)
        is_selectbox = widget.get_attribute("data-testid") == "stSelectbox"
        combobox.click()
        page.keyboard.type(text)
        option = page.get_by_role("option", name=re.compile(rf"^{re.escape(text)}"))
        try:
            expect(option.first).to_be_visible(timeout=5_000)
            if is_selectbox:  # a click takes the option and closes the list; Escape would clear the choice
                option.first.click()
                expect(combobox).to_have_value(re.compile(rf"^{re.escape(text)}"), timeout=5_000)
            else:
                page.keyboard.press("Enter")
                page.keyboard.press("Escape")
                expect(widget).to_contain_text(text, timeout=5_000)
            return
        except AssertionError:
            page.keyboard.press("Escape")
            if attempt == attempts - 1:
                raise
