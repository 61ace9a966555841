"""A deep link is the first request a fresh server gets: it opens its page cleanly, with the app's menu and
filters, whether the server was started by `make run` or by plain `streamlit run app.py`."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from tests.support.browser import ROOT, screenshot, wait_for_app
from yjs.perf.server import free_port, start_background, wait_until_served

DEEP_LINKS = (("cohort?demo=true", "Cohort explorer"), ("ratings?demo=true&region=Wales", "Ratings matrix"))


def check_first_request(browser, url: str, path: str, title: str) -> None:
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    try:
        page.goto(f"{url}/{path}")
        wait_for_app(page)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        navigation = page.locator(".st-key-menu")
        expect(navigation.get_by_role("link", name="Overview")).to_be_visible()
        expect(navigation.get_by_role("heading", name="Inspections")).to_be_visible()  # the menu's sections
        expect(page.get_by_test_id("stSidebar").get_by_text("Show demo areas")).to_be_visible()
        expect(page.get_by_text("Demo data on screen").first).to_be_visible()
        screenshot(page, f"deep-link-{path.split('?')[0]}", height=1200)
    finally:
        page.context.close()


@pytest.mark.parametrize(("path", "title"), DEEP_LINKS)
def test_a_deep_link_opens_cleanly_under_plain_streamlit_run(browser, demo_db, path, title):
    url, process = start_background(demo_db)  # `python -m streamlit run app.py`: a fresh process each time
    try:
        check_first_request(browser, url, path, title)
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_deep_link_opens_cleanly_under_make_run(browser, demo_db):
    if not shutil.which("make") or not (ROOT / ".venv" / ".run-installed").exists():
        pytest.skip("make run needs `make` and the project's .venv (made by make test)")
    port = free_port()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"PORT={port}", f"YJS_DB={demo_db}"],
        cwd=ROOT,
        env={**os.environ, "YJS_DB": str(demo_db)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        url, _ = wait_until_served(f"http://127.0.0.1:{port}", process)
        check_first_request(browser, url, *DEEP_LINKS[0])
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=20)
