"""Driving the app in Debian's Chromium from a test: wait for it, choose from its lists, photograph it.

Browser tests wait on the app's own state (the running indicator, the skeleton, plotly's layout),
never on a fixed sleep.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from playwright.sync_api import expect

from yjs.perf.server import start_background

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"


@contextlib.contextmanager
def served(db: Path):
    """The app on a free loopback port, reading `db`, stopped afterwards."""
    url, process = start_background(db)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_for_app(page) -> None:
    """The script has finished: the app is mounted and Streamlit's running indicator is gone."""
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
