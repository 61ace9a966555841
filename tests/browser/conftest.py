"""A real Streamlit server on a free loopback port and Debian's Chromium driven by Playwright.

Never `playwright install`: the browser is /usr/bin/chromium. Without it the tests skip on a
user's machine, but under CI=true they fail, because CI must run them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.browser import served
from yjs.perf import chromium

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(chromium.CHROMIUM)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


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
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=chromium.CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    yield page
    context.close()
