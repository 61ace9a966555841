"""Debian's Chromium as both browser measurements launch it, and how they tell that a page has settled.

Shared by the benchmark's filter changes (yjs/perf/browser.py) and the Chromium load test
(yjs/perf/loadtest.py), neither of which should import the other for it.
"""

from __future__ import annotations

import os

from yjs.app.errors import UNEXPECTED_ERROR

# The system's browser (Playwright never downloads one here); YJS_CHROMIUM points elsewhere.
CHROMIUM = os.environ.get("YJS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


async def wait_until_idle(page) -> None:
    """Wait until the page shows its heading and Streamlit's running indicator has gone; an exception shown
    on the page is an error, as a person would read it."""
    await page.get_by_test_id("stMainBlockContainer").get_by_role("heading").first.wait_for(timeout=120_000)
    await page.get_by_test_id("stStatusWidget").wait_for(state="detached", timeout=120_000)
    if await page.get_by_test_id("stException").count() or await page.get_by_text(UNEXPECTED_ERROR).count():
        raise RuntimeError(f"an exception on {page.url}")
