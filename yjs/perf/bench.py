"""`python -m yjs bench`: how fast the app is, measured, printed and written as JSON.

It builds databases of the requested sizes in a temporary folder and measures: the build, every
page's script time (streamlit.testing, 10+ reruns with varied filters: yjs/perf/pagetimes.py), the
cohort explorer's filter change in a real browser, the server's peak memory (yjs/perf/browser.py),
every page's menu click in the browser until it has settled (yjs/perf/page_clicks.py),
the same cohort aggregations done the common way (a pandas DataFrame held in memory) as a baseline
(yjs/perf/baseline.py), many sessions at once (yjs/perf/sessions.py), and cohort imports against
DuckDB's own reading of the same files (yjs/perf/imports.py).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from yjs.paths import ROOT
from yjs.perf import imports
from yjs.perf.baseline import AGGREGATIONS
from yjs.perf.browser import filter_changes
from yjs.store.build import DEFAULT_COHORT_SIZE, build

# The modules whose measurements run in fresh interpreters, named rather than imported: the page times
# import the app and its Streamlit caches, which this process has no use for.
PAGE_TIMES = "yjs.perf.pagetimes"
PAGE_CLICKS = "yjs.perf.page_clicks"
BASELINE = "yjs.perf.baseline"


def time_pages(db: Path, reruns: int) -> dict:
    """Each page's script time under streamlit.testing, cycling through varied filters."""
    return _in_subprocess(PAGE_TIMES, "page_times", db, reruns)


def baseline_comparison(db: str, reruns: int) -> dict:
    """The cohort aggregations done our way (DuckDB, per rerun) and the common way (pandas).

    Ratios are ours / theirs: for the whole rerun (`time_ratio`) and for each aggregation on its
    own (`time_ratios`), each side paying for the filtering that aggregation needs.
    """
    ours = _in_subprocess(BASELINE, "aggregate_with_duckdb", db, reruns)
    theirs = _in_subprocess(BASELINE, "aggregate_with_pandas", db, reruns)
    return {
        "duckdb": ours,
        "pandas": theirs,
        "time_ratio": round(ours["median_ms"] / theirs["median_ms"], 2),
        "time_ratios": {
            name: round(ours["aggregations"][name]["median_ms"] / theirs["aggregations"][name]["median_ms"], 2)
            for name in AGGREGATIONS
        },
        "memory_ratio": round(ours["peak_rss_mb"] / theirs["peak_rss_mb"], 2),
    }


def _in_subprocess(module: str, function: str, db: Path | str, reruns: int) -> dict:
    """Run a measurement in a fresh interpreter, so its memory and caches are its own."""
    code = f"import json, {module} as m; print(json.dumps(m.{function}({str(db)!r}, {reruns})))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3600,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    if result.returncode:
        raise RuntimeError(f"{module}.{function} failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def build_database(folder: Path, cohort_size: int) -> dict:
    path = folder / f"bench-{cohort_size}.duckdb"
    started = time.perf_counter()
    build(path, cohort_size=cohort_size)
    return {
        "path": str(path),
        "cohort_rows": cohort_size,
        "build_s": round(time.perf_counter() - started, 1),
        "size_mb": round(path.stat().st_size / 2**20, 1),
    }


def run(
    cohort_size: int,
    sessions: int,
    reruns: int,
    browser: bool,
    import_sizes: tuple[int, ...] = (),
    imports_only: bool = False,
    progress=print,
) -> dict:
    results = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "sizes": [],
    }
    with tempfile.TemporaryDirectory(prefix="yjs-bench-") as folder:
        for size in sorted({DEFAULT_COHORT_SIZE, cohort_size}):
            progress(f"building a database with {size:,} cohort rows")
            entry = build_database(Path(folder), size)
            if not imports_only:
                measure_pages(entry, sessions, reruns, browser, progress)
            results["sizes"].append(entry)
        default, largest = results["sizes"][0], results["sizes"][-1]
        sizes = tuple(size for size in import_sizes if size <= largest["cohort_rows"])
        if sizes:  # files made from the largest database, imported into copies of the default one
            results["imports"] = imports.measure(Path(largest["path"]), Path(default["path"]), sizes, progress)
    return results


def measure_pages(entry: dict, sessions: int, reruns: int, browser: bool, progress) -> None:
    progress("timing an empty page's script, then every page's")
    entry["floor"] = _in_subprocess(PAGE_TIMES, "floor_times", entry["path"], reruns)
    entry["pages"] = time_pages(Path(entry["path"]), reruns)
    progress("comparing with the pandas baseline")
    entry["baseline"] = baseline_comparison(entry["path"], reruns)
    if browser:
        progress("timing filter changes in the browser")
        entry["browser"] = filter_changes(Path(entry["path"]), reruns, sessions)
        progress("clicking every page in the menu in the browser")
        entry["page_clicks"] = _in_subprocess(PAGE_CLICKS, "menu_clicks", entry["path"], reruns)
