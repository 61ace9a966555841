"""Concurrent sessions measured over the protocol (yjs/perf/protocol.py): page times, errors, and what the
server spent (peak memory, CPU) while they clicked. Used by `python -m yjs loadtest` and `bench --sessions`.
"""

from __future__ import annotations

import os
import resource
import threading
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from yjs.app.navigation import PAGES
from yjs.perf.checks import demo_areas, expected_figures
from yjs.perf.measure import peak_rss_mb, rss_mb, summary
from yjs.perf.protocol import Settings, Tally, drive, in_own_loop
from yjs.perf.server import start_background

_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    """The process's user + system CPU seconds (its threads included) from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _ms(seconds: list[float]) -> dict:
    return {**summary(seconds), "max_ms": round(max(seconds) * 1000, 1)}


@dataclass
class SessionsReport:
    sessions: int
    seconds: float
    settings: Settings
    tally: Tally = field(default_factory=Tally)
    rss_mb: list[float] = field(default_factory=list)  # the server's, sampled every half second
    peak_rss_mb: float = float("nan")  # the server's VmHWM: its peak over its whole life
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0
    warm_up_s: float = 0.0  # the untimed first visit of every page

    @property
    def errors(self) -> list[str]:
        return self.tally.errors

    @property
    def times(self) -> list[float]:
        return [seconds for _page, seconds in self.tally.visits]

    @property
    def elapsed_s(self) -> float:
        return max(self.tally.last_end - self.tally.first_start, 1e-9)

    def pages(self) -> dict[str, dict]:
        by_page = defaultdict(list)
        for page, seconds in self.tally.visits:
            by_page[page].append(seconds)
        return {page: _ms(times) for page, times in by_page.items()}

    def figures(self) -> dict:
        """The JSON the benchmark keeps (`sessions`, `errors`, `median_ms`, `p95_ms` as before)."""
        times = self.times or [float("nan")]
        return {
            "sessions": self.sessions,
            "errors": len(self.errors),
            **_ms(times),
            "visits": len(self.tally.visits),
            "figures_checked": self.tally.figures_checked,
            "seconds": round(self.elapsed_s, 1),
            "visits_per_s": round(len(self.tally.visits) / self.elapsed_s, 2),
            "think_s": list(self.settings.think_s),
            "warm_up_ms": round(self.warm_up_s * 1000),
            "areas": len(self.settings.areas),
            "server_peak_rss_mb": self.peak_rss_mb,
            "server_cpu_cores": round(self.server_cpu_s / self.elapsed_s, 2),
            "client_cpu_cores": round(self.client_cpu_s / self.elapsed_s, 2),
            "pages": self.pages(),
            "error_reasons": self.errors[:20],
        }

    def lines(self) -> list[str]:
        f = self.figures()
        lines = [
            f"{self.sessions} sessions over the websocket protocol for {f['seconds']} s (think "
            f"{f['think_s'][0]:g}-{f['think_s'][1]:g} s, "
            + ("each with a demo area of their own" if f["areas"] else "no area chosen")
            + f"): {f['visits']} page visits, "
            f"{f['figures_checked']} figures checked against the database, {f['errors']} errors "
            f"(after an untimed first visit of every page: {f['warm_up_ms']} ms)",
            f"page time: median {f['median_ms']:.0f} ms, p95 {f['p95_ms']:.0f} ms, max {f['max_ms']:.0f} ms",
            f"throughput: {f['visits_per_s']} pages/s; server CPU {f['server_cpu_cores']} cores "
            f"(load generator {f['client_cpu_cores']}); server peak memory {self.peak_rss_mb:.0f} MB",
            f"  {'page':<22}{'visits':>7}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}",
        ]
        lines += [
            f"  {page:<22}{p['runs']:>7}{p['median_ms']:>11.0f}{p['p95_ms']:>9.0f}{p['max_ms']:>9.0f}"
            for page, p in f["pages"].items()
        ]
        return lines + [f"error: {error}" for error in self.errors[:20]]


def measure(
    url: str, pids: int | list[int], sessions: int, seconds: float, settings: Settings | None = None
) -> SessionsReport:
    """Drive `sessions` people at `url`, sampling the memory and CPU of the server processes `pids`
    meanwhile (their sums: several replicas behind a proxy; none for a server running elsewhere)."""
    pids = [pids] if isinstance(pids, int) else list(pids)
    report = SessionsReport(sessions, seconds, settings or Settings())
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            try:
                report.rss_mb.append(sum(rss_mb(pid) for pid in pids))
            except OSError:
                return

    # One person visits every page first, untimed: a fresh server's first runs import plotly, pandas and the
    # pages' modules (seconds, once per process), which is not what many people clicking cost.
    warm = in_own_loop(drive(url, 1, 600, replace(report.settings, think_s=(0, 0), clicks=len(PAGES))))
    report.warm_up_s = sum(seconds for _page, seconds in warm.visits)
    sampler = threading.Thread(target=sample, daemon=True)
    server_cpu, client_cpu = _servers_cpu_s(pids), _own_cpu_s()
    sampler.start()
    try:
        report.tally = in_own_loop(drive(url, sessions, seconds, report.settings))
    finally:
        done.set()
    report.tally.errors[:0] = [f"warming up: {error}" for error in warm.errors]
    report.server_cpu_s = _servers_cpu_s(pids) - server_cpu
    report.client_cpu_s = _own_cpu_s() - client_cpu
    report.peak_rss_mb = sum(peak_rss_mb(pid) for pid in pids) if pids else float("nan")
    return report


def _servers_cpu_s(pids: list[int]) -> float:
    return sum(_cpu_s(pid) for pid in pids)


def _own_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def checked_settings(db: Path, sessions: int = 0, **options) -> Settings:
    """Settings whose visits also check the Overview's and the Cohort explorer's first figure.

    With `sessions`, each person chooses a demo area of their own as "Your area" (people from different
    services), so the area pages compute `sessions` different views rather than serve one from the cache.
    """
    areas = demo_areas(db, sessions) if sessions else ()
    figures, by_area = expected_figures(db, areas)
    return Settings(figures=figures, areas=areas, area_figures=by_area, **options)


def run(
    db: Path, sessions: int = 25, seconds: float = 120, settings: Settings | None = None, progress=print
) -> SessionsReport:
    """Serve `db` on loopback, measure, and stop the server whatever happens."""
    settings = settings or checked_settings(db)
    url, server = start_background(db)
    try:
        progress(f"serving {db} at {url}; {sessions} sessions over the websocket protocol for {seconds:.0f} s")
        return measure(url, server.pid, sessions, seconds, settings)
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_at(
    url: str, db: Path, sessions: int, seconds: float, settings: Settings, pids: list[int] = (), progress=print
) -> SessionsReport:
    """The same against a server already running at `url` (one process, or replicas behind a proxy)
    serving `db`, the file the figures are checked against; `pids`: its processes, when they are local."""
    progress(f"{sessions} sessions at {url} over the websocket protocol for {seconds:.0f} s")
    return measure(url, list(pids), sessions, seconds, settings)
