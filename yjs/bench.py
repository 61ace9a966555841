"""`python -m yjs bench`: how fast the app is, measured, printed and written as JSON.

It builds databases of the requested sizes in a temporary folder and measures: the build, every
page's script time (streamlit.testing, 10+ reruns with varied filters), the cohort explorer's
filter change in a real browser, the server's peak memory, the same cohort aggregations done the
common way (a pandas DataFrame held in memory) as a baseline, and many sessions at once.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from yjs.build import DEFAULT_COHORT_SIZE, build
from yjs.paths import ROOT

_READING_PLAN = "Reading: Reading YJS HMIP Improvement Plan – December 2024"
_DEMO_PLAN = "Ravensgill Vale: Ravensgill Vale post-inspection improvement plan"
PAGE_VARIATIONS = {
    "pages/improvement_plan.py": [{"demo": "false"}, {"demo": "false", "plan": _READING_PLAN, "view": "Timeline"},
                                  {"demo": "false", "plan": _READING_PLAN, "as_at": "2025-01-31"},
                                  {"demo": "true", "plan": _DEMO_PLAN, "view": "Progress over time"}],
    "pages/highlight_report.py": [{"demo": "false"}, {"demo": "false", "plan": _READING_PLAN, "previous": "2025-01-01"},
                                  {"demo": "true", "plan": _DEMO_PLAN, "meeting": "2024-06-30", "previous": "2024-01-31"}],
    "pages/overview.py": [{"demo": "true"}, {"demo": "true", "region": "London"}, {"demo": "false"},
                          {"demo": "true", "area": "Ealing"}, {"demo": "true", "region": "Wales"}],
    "pages/disproportionality.py": [{"demo": "true"}, {"demo": "true", "compare": "Care experience"},
                                    {"demo": "true", "region": "London"}, {"demo": "true", "area": "Thamesreach"},
                                    {"demo": "true", "compare": "Special educational needs (SEND)"}],
    "pages/cohort_explorer.py": [{"demo": "true"}, {"demo": "true", "f_sex": "Female"},
                                 {"demo": "true", "rows": "Care status", "cols": "Offence"},
                                 {"demo": "true", "f_ethnicity": ["Black", "Mixed"], "f_disposal_type": "Court"},
                                 {"demo": "true", "region": "North West", "rows": "Age at start"}],
    "pages/benchmarking.py": [{"demo": "true", "area": "Thamesreach"},
                              {"demo": "true", "area": "Hollowfirth", "indicator": "Proven reoffending (binary rate)"},
                              {"demo": "true", "area": "Cwm Arian", "compare_with": "All areas"},
                              {"demo": "false", "area": "Buckinghamshire"},
                              {"demo": "true", "area": "Tinmoor", "indicator": "Education, training and employment"}],
    "pages/scorecard.py": [{"demo": "true", "area": "Thamesreach"}, {"demo": "true", "area": "Merrowdale"},
                           {"demo": "true", "area": "Chalkdown", "compare_with": "All areas"},
                           {"demo": "false", "area": "Buckinghamshire"}, {"demo": "true", "area": "Forgebury"}],
    "pages/load_data.py": [{"kind": "indicators"}, {"kind": "inspections"}, {"kind": "cohort"}],
    "pages/ratings_matrix.py": [{"demo": "true"}, {"demo": "true", "show": "Every inspection", "sort": "Name"},
                                {"demo": "true", "region": "London", "rating": "Good"}, {"demo": "false"},
                                {"demo": "true", "framework": "2025"}],
    "pages/area_profile.py": [{"demo": "false", "area": "Ealing"}, {"demo": "true", "area": "Thamesreach"},
                              {"demo": "false", "area": "Kingston and Richmond"}, {"demo": "false", "area": "Reading"},
                              {"demo": "true", "area": "Hollowfirth"}],
    "pages/compare.py": [{"demo": "false", "areas": ["Ealing", "Kingston and Richmond", "Reading"]},
                         {"demo": "true", "areas": ["Thamesreach", "Larkspur", "Quillbridge", "Ealing"]},
                         {"demo": "true", "areas": ["Cwm Arian", "Bryn Tawel"]}],
    "pages/audit_trail.py": [{}, {"outcomes": "failed"}, {"events": "import"}],
    "pages/presentation.py": [{"demo": "false", "area": "Ealing"}, {"demo": "false", "area": "Ealing", "slide": "5"},
                              {"demo": "true", "area": "Thamesreach", "present": "1", "slide": "4"},
                              {"demo": "true", "area": "Hollowfirth", "present": "1", "slide": "2"}],
}


SHARED_FILTERS = {"demo", "region", "area", "period"}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> dict:
    return {"median_ms": round(statistics.median(values) * 1000, 1), "p95_ms": round(percentile(values, 0.95) * 1000, 1),
            "runs": len(values)}


def time_pages(db: Path, reruns: int) -> dict:
    """Each page's script time under streamlit.testing, cycling through varied filters."""
    return _in_subprocess("page_times", db, reruns)


def page_times(db: str, reruns: int) -> dict:
    """Each page's script time, as a filter change and as a first view.

    A filter change is what a person pays on a running server for a view never seen before: every
    result that depends on a filter is computed afresh, while the reference data (filter options,
    indicator catalogue) stays cached for the file's version, as it does in the app. A first view
    clears every cache too: the first person after a restart or an import.
    """
    os.environ["YJS_DB"] = db
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from yjs import appdata
    from yjs.apptest_login import log_in, roles_file

    _compile_once_as_the_server_does()
    roles = roles_file(Path(db).parent, {"bench@example.org": "admin"})  # every page, the admin's ones too
    forget = {"filter_change": appdata.clear_filtered_results, "first_view": st.cache_data.clear}
    results = {}
    for page, variations in PAGE_VARIATIONS.items():
        times = {mode: [] for mode in forget}
        for run in range(reruns + 1):
            for mode, clear in forget.items():
                at = log_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=120), "bench@example.org", roles)
                variation = variations[run % len(variations)]
                for key in SHARED_FILTERS & set(variation):  # the shared filters are read on the first run
                    at.query_params[key] = variation[key]
                at.run()
                for key, value in variation.items():
                    at.query_params[key] = value
                clear()
                started = time.perf_counter()
                at.switch_page(page).run()
                elapsed = time.perf_counter() - started
                if at.exception:
                    raise RuntimeError(f"{page}: {at.exception}")
                if run:  # the first run warms imports, not the page
                    times[mode].append(elapsed)
        results[page] = {**summary(times["filter_change"]), "first_view": summary(times["first_view"])}
    return results


def _compile_once_as_the_server_does() -> None:
    """The server compiles each script once for every session and rerun; AppTest compiles them again on
    each run (a fresh script cache), which would add the compile time to every page's figure."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def baseline_comparison(db: str, reruns: int) -> dict:
    """The cohort aggregations done our way (DuckDB, per rerun) and the common way (pandas).

    Ratios are ours / theirs: for the whole rerun (`time_ratio`) and for each aggregation on its
    own (`time_ratios`), each side paying for the filtering that aggregation needs.
    """
    ours = _in_subprocess("aggregate_with_duckdb", db, reruns)
    theirs = _in_subprocess("aggregate_with_pandas", db, reruns)
    return {"duckdb": ours, "pandas": theirs,
            "time_ratio": round(ours["median_ms"] / theirs["median_ms"], 2),
            "time_ratios": {name: round(ours["aggregations"][name]["median_ms"] / theirs["aggregations"][name]["median_ms"], 2)
                            for name in AGGREGATIONS},
            "memory_ratio": round(ours["peak_rss_mb"] / theirs["peak_rss_mb"], 2)}


FILTERS = [{}, {"sex": ["Female"]}, {"ethnicity": ["Black", "Mixed"]}, {"disposal_type": ["Court"]},
           {"care_status": ["Looked after"], "sex": ["Male"]}]
AGGREGATIONS = ("facets", "crosstab", "kpis")
CROSSTAB = ("ethnicity", "disposal_type")  # rows and columns, each child also counted by reoffending outcome


def aggregate_with_duckdb(db: str, reruns: int) -> dict:
    """The cohort explorer's queries, through the app's Database class, each filtering on its own."""
    from yjs.cohort import cohort_params, kpi_rows
    from yjs.db import Database

    database = Database(Path(db))
    areas = database.query("shared/filter_options")["area"].tolist()
    indicators = database.query("cohort/kpi_indicators")  # reference data: the app caches it per file version
    runs = {"total": [], **{name: [] for name in AGGREGATIONS}}
    for run in range(reruns):
        params = cohort_params(areas, 2019, 2026, FILTERS[run % len(FILTERS)])
        timed = _timer(runs)
        with timed("facets"):
            database.query("cohort/facets", **params)
        with timed("crosstab"):
            database.query("cohort/crosstab", **params, row_dim=CROSSTAB[0], col_dim=CROSSTAB[1])
        with timed("kpis"):
            kpi_rows(database.query("cohort/kpi_counts", **params).iloc[0].to_dict(), indicators)
        runs["total"].append(sum(runs[name][-1] for name in AGGREGATIONS))
    return _figures(runs)


def aggregate_with_pandas(db: str, reruns: int) -> dict:
    """The same aggregations as ours on a DataFrame held in memory: filtered once per rerun, then grouped.

    Each aggregation's own figure adds the rerun's filtering to its grouping (ours filters in each
    query); the total pays for the filtering once.
    """
    import duckdb

    con = duckdb.connect(db, read_only=True)
    frame = con.execute("SELECT * FROM cohort_facts").df()  # held in memory, as many dashboards do
    areas = [area for (area,) in con.execute("SELECT name FROM areas").fetchall()]
    con.close()
    from yjs.cohort import DIMENSIONS

    runs = {"total": [], "filter": [], **{name: [] for name in AGGREGATIONS}}
    for run in range(reruns):
        chosen = FILTERS[run % len(FILTERS)]
        timed = _timer(runs)
        with timed("filter"):
            mask = frame["start_year"].between(2019, 2026) & frame["area"].isin(areas)
            for column, values in chosen.items():
                mask &= frame[column].astype(str).isin(values)
            subset = frame[mask]
        with timed("facets"):
            for dimension in DIMENSIONS:
                subset[dimension.key].astype(str).value_counts()
        with timed("crosstab"):
            subset.groupby([subset[key].astype(str) for key in (*CROSSTAB, "reoffending")]).size()
        with timed("kpis"):
            _pandas_kpi_counts(subset)
        runs["total"].append(sum(runs[name][-1] for name in ("filter", *AGGREGATIONS)))
        for name in AGGREGATIONS:
            runs[name][-1] += runs["filter"][-1]
    return _figures(runs)


def _pandas_kpi_counts(subset) -> dict[str, int]:
    """The thirteen counts of queries/cohort/kpi_counts.sql, over the children whose order has ended."""
    ended = subset[subset["order_ended"]]
    flag = {column: ended[column].fillna(False).astype(bool)
            for column in ("suitable_accommodation_at_end", "in_ete_at_end", "send_formal_plan", "has_send",
                           "mental_health_support", "has_mental_health_need", "substance_misuse_support",
                           "has_substance_need", "completed", "wider_services")}
    out_of_court = ended["disposal_type"].astype(str) == "Out-of-court"
    return {"accommodation_n": int(flag["suitable_accommodation_at_end"].sum()),
            "accommodation_d": int(ended["suitable_accommodation_at_end"].notna().sum()),
            "ete_n": int(flag["in_ete_at_end"].sum()), "ended_d": len(ended),
            "send_n": int(flag["send_formal_plan"].sum()), "send_d": int(flag["has_send"].sum()),
            "mental_health_n": int(flag["mental_health_support"].sum()),
            "mental_health_d": int(flag["has_mental_health_need"].sum()),
            "substance_n": int(flag["substance_misuse_support"].sum()),
            "substance_d": int(flag["has_substance_need"].sum()),
            "oocd_n": int((flag["completed"] & out_of_court).sum()), "oocd_d": int(out_of_court.sum()),
            "wider_n": int(flag["wider_services"].sum())}


def _timer(runs: dict[str, list[float]]):
    """`with timed(name):` appends the block's wall time to runs[name]."""
    from contextlib import contextmanager

    @contextmanager
    def timed(name: str):
        started = time.perf_counter()
        yield
        runs[name].append(time.perf_counter() - started)
    return timed


def _figures(runs: dict[str, list[float]]) -> dict:
    return {**summary(runs["total"]), "aggregations": {name: summary(runs[name]) for name in AGGREGATIONS},
            "peak_rss_mb": _peak_rss_mb()}


def status_mb(pid: int | str, field_name: str) -> float:
    """A memory figure of /proc/PID/status in MB: VmRSS now, VmHWM the peak over the process's life."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field_name}:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def _peak_rss_mb(pid: int | str = "self") -> float:
    return status_mb(pid, "VmHWM")


def _in_subprocess(function: str, db: Path | str, reruns: int) -> dict:
    """Run a measurement in a fresh interpreter, so its memory and caches are its own."""
    code = f"import json, yjs.bench as b; print(json.dumps(b.{function}({str(db)!r}, {reruns})))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=3600,
                            env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if result.returncode:
        raise RuntimeError(f"{function} failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def build_database(folder: Path, cohort_size: int) -> dict:
    path = folder / f"bench-{cohort_size}.duckdb"
    started = time.perf_counter()
    build(path, cohort_size=cohort_size)
    return {"path": str(path), "cohort_rows": cohort_size, "build_s": round(time.perf_counter() - started, 1),
            "size_mb": round(path.stat().st_size / 2**20, 1)}


def run(cohort_size: int, sessions: int, reruns: int, browser: bool, progress=print) -> dict:
    from yjs import bench_browser

    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
               "sizes": []}
    with tempfile.TemporaryDirectory(prefix="yjs-bench-") as folder:
        for size in sorted({DEFAULT_COHORT_SIZE, cohort_size}):
            progress(f"building a database with {size:,} cohort rows")
            entry = build_database(Path(folder), size)
            progress("timing every page's script")
            entry["pages"] = time_pages(Path(entry["path"]), reruns)
            progress("comparing with the pandas baseline")
            entry["baseline"] = baseline_comparison(entry["path"], reruns)
            if browser:
                progress("timing filter changes in the browser")
                entry["browser"] = bench_browser.filter_changes(Path(entry["path"]), reruns, sessions)
            results["sizes"].append(entry)
    return results
