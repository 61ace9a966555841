"""Every page clicked in the menu in Chromium, timed until it has settled, as `python -m yjs bench` reports it.

What a board chair feels moving between pages is not the script (yjs/perf/pagetimes.py) but the click until the
page has settled: the script has finished (the server's `script_finished` has arrived and Streamlit's running
indicator is gone), no element is stale (Streamlit marks the last run's elements `data-stale` until the new run
replaces or removes them), nothing is still loading (no skeleton) and every visible chart and table is drawn
(plotly's SVG laid out, the data grid's canvas present).

Each visit opens a deep link to another page (the launch page) carrying one of the page's PAGE_VARIATIONS, waits
for it to settle, then clicks the page in the menu: the shared filters travel with the session, the page's own
parameters do not (a menu link carries none). One Chromium, one tab, one visit at a time, a 1400x1000 window.
The server writes down each run's start and end (yjs/perf/timed_server.py), which splits a visit into the wait for
the server to start the run, the run, and what the browser still does after it (receiving and drawing); the
websocket's messages give the deltas and bytes each page sends.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import sync_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from yjs.app import present
from yjs.app.navigation import BY_URL, PageSpec, pages_for
from yjs.perf.chromium import CHROMIUM, CHROMIUM_ARGS
from yjs.perf.measure import summary
from yjs.perf.pagetimes import PAGE_VARIATIONS
from yjs.perf.server import start_background
from yjs.perf.timed_server import LOG_ENV, read_runs

TIMED_SERVER = "yjs.perf.timed_server"  # `streamlit run` that writes down each run's start and end

VIEWPORT = {"width": 1400, "height": 1000}
ROLE = "editor"  # a server without login makes everyone an editor: the admin-only Audit trail is not in its menu
LAUNCH, LAUNCH_FOR_LAUNCH = BY_URL["overview"], BY_URL["about"]
# Pages that open another when nothing is chosen: the Improvement plan without an area opens Plans across services.
FORWARDED_TO = {"plan": ("plans",)}
SETTLE_TIMEOUT_S = 60.0
POLL_S = 0.015

# What the page shows now, for `is_settled` to judge. Charts and tables hidden in a closed tab or expander need not be
# drawn until opened, so only visible ones count; the data grid may leave a table below the window undrawn until it
# is scrolled into view (seen on the Ratings matrix), so only the tables in the window count. Plotly draws every
# visible chart at once, in view or not.
SNAPSHOT_JS = """
() => {
  const count = (selector) => document.querySelectorAll(selector).length;
  const snapshot = {
    path: location.pathname,
    running: count('[data-testid="stStatusWidget"]'),
    stale: count('[data-stale="true"]'),
    skeletons: count('[data-testid="stSkeleton"]'),
    headings: document.querySelectorAll('[data-testid="stMainBlockContainer"] h1').length,
    exceptions: count('[data-testid="stException"]'),
    elements: count('[data-testid="stElementContainer"]'),
    charts: 0, charts_drawn: 0, tables: 0, tables_drawn: 0,
  };
  if (snapshot.running || snapshot.stale || snapshot.skeletons) {
    return snapshot;  // not settled: spare the page a layout for the visibility checks below
  }
  const visible = (el) => el.getClientRects().length > 0;
  const onScreen = (el) => visible(el) && el.getBoundingClientRect().top < window.innerHeight;
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(visible);
  const tables = [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(onScreen);
  snapshot.charts = charts.length;
  snapshot.charts_drawn = charts.filter((c) => {
    const plot = c.querySelector('.js-plotly-plot');
    return plot && plot._fullLayout && plot.querySelector('.main-svg');
  }).length;
  snapshot.tables = tables.length;
  snapshot.tables_drawn = tables.filter((t) => t.querySelector('canvas')).length;
  return snapshot;
}
"""


def page_path(url_path: str) -> str:
    """The browser's `location.pathname` for a page's URL path (the default page is the root)."""
    spec = BY_URL[url_path]
    return f"/{spec.url}"


def landing_paths(spec: PageSpec) -> tuple[str, ...]:
    return tuple(page_path(u) for u in (spec.url_path, *FORWARDED_TO.get(spec.url_path, ())))


def is_settled(snapshot: dict, paths: tuple[str, ...]) -> bool:
    """Whether a DOM snapshot (SNAPSHOT_JS) shows a page among `paths` settled: its run over, nothing stale or
    loading, a heading, and every visible chart and table drawn."""
    return (
        snapshot["path"].rstrip("/") in {p.rstrip("/") for p in paths}
        and snapshot["running"] == 0
        and snapshot["stale"] == 0
        and snapshot["skeletons"] == 0
        and snapshot["headings"] > 0
        and snapshot["charts_drawn"] == snapshot["charts"]
        and snapshot["tables_drawn"] == snapshot["tables"]
    )


def launch_link(spec: PageSpec, variation: dict) -> str:
    """The deep link (path and query) a visit to `spec` starts from: another page, with the variation's params.
    Never in presentation mode, which hides the menu (a person presenting does not click it)."""
    launch = LAUNCH_FOR_LAUNCH if spec is LAUNCH else LAUNCH
    query = urlencode({key: value for key, value in variation.items() if key != present.PARAM}, doseq=True)
    return f"/{launch.url}" + (f"?{query}" if query else "")


@dataclass
class Wire:
    """The websocket's messages since the click: whether the run's end has arrived, and what it sent."""

    started: float
    finished: float | None = None  # when script_finished, FINISHED_SUCCESSFULLY, was read
    deltas: int = 0
    bytes: int = 0
    bytes_by_element: dict[str, int] = field(default_factory=dict)

    def receive(self, payload: bytes, at: float) -> None:
        message = ForwardMsg()
        message.ParseFromString(payload)
        kind = message.WhichOneof("type")
        self.bytes += len(payload)
        if kind == "new_session":
            self.finished = None  # a rerun the app asks for starts the run again
        elif kind == "script_finished" and message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
            self.finished = at
        elif kind == "delta":
            self.deltas += 1
            if message.delta.WhichOneof("type") == "new_element":
                element = message.delta.new_element.WhichOneof("type")
                self.bytes_by_element[element] = self.bytes_by_element.get(element, 0) + len(payload)


@dataclass
class Visit:
    total_s: float
    wait_s: float  # the click to the server starting the run (the request, the server's queue)
    run_s: float  # the script's run on the server (with any rerun the app asks for), from its own log
    draw_s: float  # the server's end of the run to settled: what the browser still had to receive and draw
    deltas: int
    kb: float
    elements: int
    charts: int
    bytes_by_element: dict[str, int]


def split(clicked: float, settled: float, runs: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(wait, run, draw) seconds of a visit from the server's logged runs (wall clock): those that started after
    the click are its own."""
    own = [(start, end) for start, end in runs if start >= clicked]
    if not own:
        raise RuntimeError("the server logged no run for the click")
    first_start, last_end = own[0][0], max(end for _start, end in own)
    return first_start - clicked, sum(end - start for start, end in own), settled - last_end


def _snapshot(page) -> dict:
    return page.evaluate(SNAPSHOT_JS)


def _settle(page, paths: tuple[str, ...], wire: Wire | None = None) -> dict:
    """Poll until the page is settled (and, when watched, its run's end has arrived); the last snapshot.

    Until the run's end arrives the page is left alone (a snapshot's layout queries would slow what is measured).
    """
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    while True:
        if wire is None or wire.finished is not None:
            snapshot = _snapshot(page)
            if snapshot["exceptions"]:
                raise RuntimeError(f"an exception on {page.url}")
            if is_settled(snapshot, paths):
                return snapshot
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page.url} did not settle within {SETTLE_TIMEOUT_S:.0f} s")
        page.wait_for_timeout(POLL_S * 1000)


def _visit(page, url: str, spec: PageSpec, variation: dict, watch: dict) -> Visit:
    link = launch_link(spec, variation)
    page.goto(url + link)
    _settle(page, (link.split("?")[0],))
    link_box = page.locator(".st-key-menu").get_by_role("link", name=spec.title, exact=True).bounding_box()
    # A plain mouse click where the link is: Playwright's own click first waits for the link to hold still over
    # two frames, which a person does not, and which took 0.4-0.8 s on a busy machine.
    wire = watch["wire"] = Wire(time.perf_counter())
    clicked = time.time()
    page.mouse.click(link_box["x"] + link_box["width"] / 2, link_box["y"] + link_box["height"] / 2)
    snapshot = _settle(page, landing_paths(spec), wire)
    total, settled = time.perf_counter() - wire.started, time.time()
    watch["wire"] = None
    wait, run, draw = split(clicked, settled, _runs_ended_by(watch["run_log"], settled))
    return Visit(
        total_s=total,
        wait_s=wait,
        run_s=run,
        draw_s=draw,
        deltas=wire.deltas,
        kb=round(wire.bytes / 1024, 1),
        elements=snapshot["elements"],
        charts=snapshot["charts"],
        bytes_by_element=wire.bytes_by_element,
    )


def _runs_ended_by(log: Path, settled: float) -> list[tuple[float, float]]:
    """The server's runs, once the last one has been written down (it writes just after sending its end)."""
    for _attempt in range(100):
        runs = read_runs(log)
        if runs and runs[-1][1] <= settled:
            return runs
        time.sleep(0.01)
    return runs


def _watch_websocket(page, watch: dict) -> None:
    def on_socket(socket) -> None:
        def on_frame(payload) -> None:
            wire = watch.get("wire")
            if wire is not None and isinstance(payload, bytes):
                wire.receive(payload, time.perf_counter())

        socket.on("framereceived", on_frame)

    page.on("websocket", on_socket)


def figures(visits: list[Visit]) -> dict:
    """A page's summary: the click-to-settled median and p95, the split's medians, and what the page sends."""
    med = lambda values: round(statistics.median(values) * 1000)  # noqa: E731
    heaviest: dict[str, int] = {}
    for visit in visits:
        for element, size in visit.bytes_by_element.items():
            heaviest[element] = max(heaviest.get(element, 0), size)
    return {
        **summary([v.total_s for v in visits]),
        "wait_ms": med([v.wait_s for v in visits]),
        "run_ms": med([v.run_s for v in visits]),
        "draw_ms": med([v.draw_s for v in visits]),
        "deltas": max(v.deltas for v in visits),
        "kb": max(v.kb for v in visits),
        "elements": max(v.elements for v in visits),
        "charts": max(v.charts for v in visits),
        "heaviest": {k: round(v / 1024, 1) for k, v in sorted(heaviest.items(), key=lambda i: -i[1])[:3]},
    }


def _to_stderr(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def menu_clicks(db: str, visits: int, only: tuple[str, ...] = (), progress=_to_stderr) -> dict:
    """Each page's menu click until settled, `visits` times (after one unmeasured warm-up) with varied filters,
    by its file (PageSpec.path), with the machine's load average before and after (other work slows a browser
    more than a script). `only`: just these URL paths, for a quick look at a few pages."""
    run_log = Path(tempfile.mkdtemp(prefix="yjs-runs-")) / "runs.log"
    url, server = start_background(Path(db), module=TIMED_SERVER, env={LOG_ENV: str(run_log)})
    results = {"load_before": _load(), "skipped": skipped_pages(), "pages": {}}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport=VIEWPORT)
            watch: dict = {"wire": None, "run_log": run_log}
            _watch_websocket(page, watch)
            for spec in pages_for(ROLE):
                if only and spec.url_path not in only:
                    continue
                progress(f"clicking {spec.title} in the menu")
                variations = PAGE_VARIATIONS[spec.url_path]
                timed = [_visit(page, url, spec, variations[n % len(variations)], watch) for n in range(visits + 1)]
                results["pages"][spec.path] = figures(timed[1:])  # the first visit warms the caches and Chromium
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(run_log.parent, ignore_errors=True)
    results["load_after"] = _load()
    return results


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def skipped_pages() -> list[str]:
    """The pages a server without login leaves out of its menu (an editor's)."""
    shown = pages_for(ROLE)
    return [spec.title for spec in BY_URL.values() if spec not in shown]
