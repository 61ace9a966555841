"""A load test in Chromium (`python -m yjs loadtest --browser`): N people clicking through every page at
once for a bounded time, on loopback. The default loadtest speaks Streamlit's websocket protocol instead
(yjs/perf/sessions.py), because on a small machine the tabs' rendering starves the server they measure.

It serves a database on a free loopback port, opens N browser sessions in Debian's Chromium,
and has each click through the pages in menu order until the time is up. On every visit it checks
that no exception is shown and that the figures the Overview and the Cohort explorer put on screen
equal a direct query of the database. It samples the server's memory throughout. Nothing leaves
the machine, every loop ends at the deadline, and the server is stopped whatever happens.
"""

from __future__ import annotations

import asyncio
import re
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import async_playwright, expect

from yjs.app.navigation import pages_for
from yjs.perf.checks import expected_figures
from yjs.perf.chromium import CHROMIUM, CHROMIUM_ARGS, wait_until_idle
from yjs.perf.measure import percentile, rss_mb
from yjs.perf.server import start_background


@dataclass
class LoadReport:
    sessions: int
    seconds: float
    visits: int = 0
    figures_checked: int = 0
    filters_dropped: int = 0  # visits whose link lost ?demo=true (see _person)
    errors: list[str] = field(default_factory=list)
    page_times: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)  # sampled every second

    @property
    def p95_s(self) -> float:
        return percentile(self.page_times, 0.95) if self.page_times else float("nan")

    @property
    def memory_growth_mb(self) -> float:
        """The server's memory at the end against after the first half: a leak keeps climbing."""
        if len(self.rss_mb) < 4:
            return 0.0
        half = len(self.rss_mb) // 2
        return round(max(self.rss_mb[half:]) - max(self.rss_mb[:half]), 1)

    def lines(self) -> list[str]:
        median = statistics.median(self.page_times) if self.page_times else float("nan")
        return [
            f"{self.sessions} concurrent sessions for {self.seconds:.0f} s: {self.visits} page visits, "
            f"{self.figures_checked} figures checked against the database, {len(self.errors)} errors, "
            f"{self.filters_dropped} links that lost their filters on a click",
            f"page time: median {median:.2f} s, p95 {self.p95_s:.2f} s",
            f"server memory: start {self.rss_mb[0] if self.rss_mb else 0:.0f} MB, peak "
            f"{max(self.rss_mb, default=0):.0f} MB, growth over the second half {self.memory_growth_mb:+.0f} MB",
            *(f"error: {error}" for error in self.errors[:20]),
        ]


# Improvement plan with no area chosen opens Plans across services (yjs/app/plan_progress.py).
FORWARDED_TO = {"plan": ("plans",)}


async def _person(browser, url: str, deadline: float, expected: dict, report: LoadReport, number: int) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    try:
        try:
            await page.goto(f"{url}/?demo=true", timeout=120_000)
            await wait_until_idle(page)
        except Exception as exc:
            report.errors.append(f"session {number}, first page: {str(exc).splitlines()[0][:200]}")
            return
        specs = pages_for("editor")
        step = number  # people start at different pages
        while time.monotonic() < deadline:
            spec = specs[step % len(specs)]
            step += 1
            started = time.perf_counter()
            try:
                await page.locator(".st-key-menu").get_by_role("link", name=spec.title, exact=True).click()
                landing = "|".join(re.escape(u) for u in (spec.url, *FORWARDED_TO.get(spec.url, ())))
                await page.wait_for_url(re.compile(rf"^{re.escape(url)}/({landing})(\?|$)"), timeout=120_000)
                await wait_until_idle(page)
                if "demo=true" not in page.url:
                    # Streamlit's frontend can drop the bound filters from the link when a tab is clicked while
                    # its last page is still running (seen about once in fifty visits with three tabs on two
                    # cores): the page then rightly shows real areas only. Counted and reported, and the
                    # person opens the link again, as a reader would.
                    report.filters_dropped += 1
                    await page.goto(f"{url}/{spec.url}?demo=true", timeout=120_000)
                    await wait_until_idle(page)
                if spec.title in expected:  # the figure settles on the database's value, or it is an error
                    report.figures_checked += 1
                    metric = page.get_by_test_id("stMetricValue").first
                    try:
                        await expect(metric).to_have_text(expected[spec.title], timeout=60_000)
                    except AssertionError:
                        report.errors.append(
                            f"session {number}, {spec.title}: shows {await metric.inner_text()}, "
                            f"the database says {expected[spec.title]}"
                        )
                report.page_times.append(time.perf_counter() - started)
                report.visits += 1
            except Exception as exc:  # one failed visit is an error to report, not the end of the test
                report.errors.append(f"session {number}, {spec.title}: {str(exc).splitlines()[0][:200]}")
    finally:
        await context.close()


async def _people(url: str, sessions: int, seconds: float, expected: dict, report: LoadReport) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(_person(browser, url, deadline, expected, report, n) for n in range(sessions)))
        await browser.close()


def run(db: Path, sessions: int = 25, seconds: float = 120, progress=print) -> LoadReport:
    """Serve `db`, drive `sessions` people for `seconds`, and report. Stops by itself."""
    report = LoadReport(sessions, seconds)
    expected, _by_area = expected_figures(db)
    url, server = start_background(db)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(1.0):
            try:
                report.rss_mb.append(rss_mb(server.pid))
            except OSError:
                return

    sampler = threading.Thread(target=sample, daemon=True)
    try:
        progress(f"serving {db} at {url}; {sessions} sessions for {seconds:.0f} s")
        report.rss_mb.append(rss_mb(server.pid))
        sampler.start()
        asyncio.run(_people(url, sessions, seconds, expected, report))
    finally:
        done.set()
        server.terminate()
        server.wait(timeout=30)
    return report
