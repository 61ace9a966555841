"""Browser measurements for the benchmark: filter changes, server memory, many sessions at once
(those over Streamlit's websocket protocol, yjs/perf/sessions.py, not in Chromium)."""

from __future__ import annotations

import re
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from yjs.app.navigation import BY_URL
from yjs.perf import sessions as protocol_sessions
from yjs.perf.chromium import CHROMIUM, CHROMIUM_ARGS
from yjs.perf.measure import peak_rss_mb, summary
from yjs.perf.server import start_background

SESSION_SECONDS = 60  # how long the concurrent sessions click, at each database size
ETHNICITIES = ("Black", "Asian", "Mixed", "Other", "White")
COHORT_EXPLORER = BY_URL["cohort"]  # the page whose filters the benchmark changes


def _idle(page) -> None:
    expect(page.get_by_test_id("stMainBlockContainer").get_by_role("heading").first).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)


def _time_filter_changes(page, url: str, reruns: int) -> list[float]:
    page.goto(f"{url}/{COHORT_EXPLORER.url}?demo=true")
    _idle(page)
    page.get_by_text("Filter the children").click()
    metric = page.get_by_test_id("stMetricValue").first
    times = []
    for run in range(reruns):  # alternately choose an ethnic group and remove it again
        group = ETHNICITIES[(run // 2) % len(ETHNICITIES)]
        before = metric.inner_text()
        if run % 2 == 0:
            page.get_by_role("combobox", name="Ethnicity").click()
            target = page.get_by_role("option", name=re.compile(rf"^{group} \("))
        else:
            target = page.get_by_role("button", name=re.compile(rf"^Remove {group} \("))
        target.wait_for()
        started = time.perf_counter()
        target.click()
        page.keyboard.press("Escape")  # the list stays open after a choice; close it as a person would
        expect(metric).not_to_have_text(before, timeout=60_000)
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)
        times.append(time.perf_counter() - started)
    return times


def filter_changes(db: Path, reruns: int, sessions: int) -> dict:
    url, server = start_background(db)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            result = {"filter_change": summary(_time_filter_changes(page, url, reruns))}
            browser.close()
        if sessions:  # over the websocket protocol: 25 Chromium tabs would starve the server they measure
            settings = protocol_sessions.checked_settings(db, sessions)
            result["sessions"] = protocol_sessions.measure(
                url, server.pid, sessions, SESSION_SECONDS, settings
            ).figures()
        result["server_peak_rss_mb"] = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return result
