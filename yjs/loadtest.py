"""A load test in Chromium (`python -m yjs loadtest --browser`): N people clicking through every page at
once for a bounded time, on loopback. The default loadtest speaks Streamlit's websocket protocol instead
(yjs/load_sessions.py), because on a small machine the tabs' rendering starves the server they measure.

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

import duckdb

from yjs.bench import status_mb
from yjs.bench_browser import CHROMIUM, CHROMIUM_ARGS, _wait_idle
from yjs.serve import start_background

# What a visit checks: the page's first metric against a direct query (demo areas shown).
FIGURE_CHECKS = {
    "Overview": "SELECT count(DISTINCT area) FROM inspection_summary",
    "Cohort explorer": "SELECT count(*) FROM cohort_facts WHERE is_demo",
}
# With "Your area" chosen, the Cohort explorer counts that area's children (the Overview still counts areas).
AREA_FIGURE_CHECKS = {"Cohort explorer": "SELECT count(*) FROM cohort_facts WHERE area = $area"}


@dataclass
class LoadReport:
    sessions: int
    seconds: float
    visits: int = 0
    figures_checked: int = 0
    filters_dropped: int = 0   # visits whose link lost ?demo=true (see _person)
    errors: list[str] = field(default_factory=list)
    page_times: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)   # sampled every second

    @property
    def p95_s(self) -> float:
        ordered = sorted(self.page_times) or [float("nan")]
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def memory_growth_mb(self) -> float:
        """The server's memory at the end against after the first half: a leak keeps climbing."""
        if len(self.rss_mb) < 4:
            return 0.0
        half = len(self.rss_mb) // 2
        return round(max(self.rss_mb[half:]) - max(self.rss_mb[:half]), 1)

    def lines(self) -> list[str]:
        median = statistics.median(self.page_times) if self.page_times else float("nan")
        return [f"{self.sessions} concurrent sessions for {self.seconds:.0f} s: {self.visits} page visits, "
                f"{self.figures_checked} figures checked against the database, {len(self.errors)} errors, "
                f"{self.filters_dropped} links that lost their filters on a click",
                f"page time: median {median:.2f} s, p95 {self.p95_s:.2f} s",
                f"server memory: start {self.rss_mb[0] if self.rss_mb else 0:.0f} MB, peak "
                f"{max(self.rss_mb, default=0):.0f} MB, growth over the second half {self.memory_growth_mb:+.0f} MB",
                *(f"error: {error}" for error in self.errors[:20])]


def expected_figures(db: Path, areas: tuple[str, ...] = ()) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """The figures every visit should show, and those that depend on the person's area."""
    con = duckdb.connect()
    con.execute("ATTACH $path AS checked (READ_ONLY)", {"path": str(db)})
    con.execute("USE checked")
    try:
        figures = {page: f"{con.execute(sql).fetchone()[0]:,}" for page, sql in FIGURE_CHECKS.items()}
        by_area = {area: {page: f"{con.execute(sql, {'area': area}).fetchone()[0]:,}"
                          for page, sql in AREA_FIGURE_CHECKS.items()} for area in areas}
        return figures, by_area
    finally:
        con.close()


def demo_areas(db: Path, count: int) -> tuple[str, ...]:
    """`count` demo areas (fewer if there are fewer), one for each person of a load test."""
    from yjs.db import Database

    database = Database(db)
    try:
        options = database.query("shared/filter_options")
    finally:
        database.close()
    return tuple(options.loc[options["is_demo"], "area"].head(count))


async def _person(browser, url: str, deadline: float, expected: dict, report: LoadReport, number: int) -> None:
    from playwright.async_api import expect

    from yjs.navigation import pages_for

    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    try:
        try:
            await page.goto(f"{url}/?demo=true", timeout=120_000)
            await _wait_idle(page)
        except Exception as exc:
            report.errors.append(f"session {number}, first page: {str(exc).splitlines()[0][:200]}")
            return
        specs = pages_for("editor")
        step = number   # people start at different pages
        while time.monotonic() < deadline:
            spec = specs[step % len(specs)]
            step += 1
            started = time.perf_counter()
            try:
                await page.get_by_test_id("stSidebarNav").get_by_role("link", name=spec.title).click()
                await page.wait_for_url(re.compile(rf"^{re.escape(url)}/{re.escape(spec.url)}(\?|$)"), timeout=120_000)
                await _wait_idle(page)
                if "demo=true" not in page.url:
                    # Streamlit's frontend can drop the bound filters from the link when a tab is clicked while
                    # its last page is still running (seen about once in fifty visits with three tabs on two
                    # cores): the page then rightly shows real areas only. Counted and reported, and the
                    # person opens the link again, as a reader would.
                    report.filters_dropped += 1
                    await page.goto(f"{url}/{spec.url}?demo=true", timeout=120_000)
                    await _wait_idle(page)
                if spec.title in expected:   # the figure settles on the database's value, or it is an error
                    report.figures_checked += 1
                    metric = page.get_by_test_id("stMetricValue").first
                    try:
                        await expect(metric).to_have_text(expected[spec.title], timeout=60_000)
                    except AssertionError:
                        report.errors.append(f"session {number}, {spec.title}: shows {await metric.inner_text()}, "
                                             f"the database says {expected[spec.title]}")
                report.page_times.append(time.perf_counter() - started)
                report.visits += 1
            except Exception as exc:   # one failed visit is an error to report, not the end of the test
                report.errors.append(f"session {number}, {spec.title}: {str(exc).splitlines()[0][:200]}")
    finally:
        await context.close()


async def _people(url: str, sessions: int, seconds: float, expected: dict, report: LoadReport) -> None:
    from playwright.async_api import async_playwright

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
                report.rss_mb.append(status_mb(server.pid, "VmRSS"))
            except OSError:
                return

    sampler = threading.Thread(target=sample, daemon=True)
    try:
        progress(f"serving {db} at {url}; {sessions} sessions for {seconds:.0f} s")
        report.rss_mb.append(status_mb(server.pid, "VmRSS"))
        sampler.start()
        asyncio.run(_people(url, sessions, seconds, expected, report))
    finally:
        done.set()
        server.terminate()
        server.wait(timeout=30)
    return report
