"""A cohort file imported through the Load data page of a real server, in Chromium, as `bench` measures it.

The person's way: `streamlit run app.py` on loopback (local mode: an editor), the file chosen in the
page's uploader, the check, the click on Import, until the page says "Imported". The server's memory is
what people's servers pay: its peak over the whole visit (VmHWM, upload included) beside its memory
before the upload, and the peak of the process a large import runs in (yjs/importers/isolated.py),
sampled while it lives. streamlit.testing is no yardstick here: it keeps copies of an upload that a
server does not.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from yjs.perf.chromium import CHROMIUM, CHROMIUM_ARGS
from yjs.perf.measure import peak_rss_mb, rss_mb, status_mb
from yjs.perf.server import start_background

TIMEOUT_MS = 600_000


class ChildPeaks:
    """The highest resident memory seen in any process below `pid`, sampled every 20 ms in a thread."""

    def __init__(self, pid: int):
        self.pid, self.peak_mb, self._stop = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> ChildPeaks:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            for child in _descendants(self.pid):
                try:
                    self.peak_mb = max(self.peak_mb, status_mb(child, "VmHWM"))
                except OSError:  # it ended between the listing and the reading
                    continue


def _descendants(pid: int | str) -> list[str]:
    """Every process below `pid`: an import is forked from the server's forkserver, a grandchild."""
    found = []
    for child in _children(pid):
        found += [child, *_descendants(child)]
    return found


def _children(pid: int | str) -> list[str]:
    """The process's children, whichever of its threads started them."""
    children = []
    for listing in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            children += listing.read_text().split()
        except OSError:  # the thread ended
            continue
    return children


def upload_and_import(db: Path, csv: Path) -> dict:
    """Seconds from choosing the file to "Imported", the check's share, and the memory figures."""
    url, server = start_background(db)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/load?kind=cohort")
            expect(page.get_by_test_id("stFileUploaderDropzoneInput")).to_be_attached(timeout=60_000)
            before_mb = rss_mb(server.pid)
            with ChildPeaks(server.pid) as children:
                started = time.perf_counter()
                page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(csv))
                button = page.get_by_role("button", name=re.compile(r"^Import [\d,]+ rows$"))
                expect(button).to_be_visible(timeout=TIMEOUT_MS)
                checked = time.perf_counter()
                button.click()
                expect(page.get_by_text(re.compile(r"^Imported\."))).to_be_visible(timeout=TIMEOUT_MS)
                done = time.perf_counter()
            browser.close()
        return {
            "s": done - started,
            "check_s": round(checked - started, 2),
            "peak_mb": peak_rss_mb(server.pid),
            "server_before_mb": round(before_mb),
            "import_process_peak_mb": round(children.peak_mb),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
