"""Each page's script time under streamlit.testing, as `python -m yjs bench` reports it.

Run in a process of its own (yjs/perf/bench.py starts one), so that what one size's pages
leave in memory and in Streamlit's caches never flatters the next.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner

from yjs.app import cache
from yjs.app.errors import UNEXPECTED_ERROR
from yjs.app.navigation import PAGES, SHARED_FILTERS
from yjs.paths import ROOT
from yjs.perf.apptest import log_in, roles_file
from yjs.perf.measure import summary

_READING_PLAN = "Reading: Reading YJS HMIP Improvement Plan – December 2024"
_DEMO_PLAN = "Ravensgill Vale: Ravensgill Vale post-inspection improvement plan"
# The links each page is opened with in turn, by the page's URL path (PageSpec.url_path).
PAGE_VARIATIONS = {
    "plan": [
        {"demo": "false", "area": "Ealing"},
        {"demo": "false", "plan": _READING_PLAN, "view": "Timeline"},
        {"demo": "false", "plan": _READING_PLAN, "as_at": "2025-01-31"},
        {"demo": "true", "plan": _DEMO_PLAN, "view": "Progress over time"},
    ],
    "plans": [
        {"demo": "true"},
        {"demo": "false"},
        {"demo": "true", "area": "Thamesreach", "sort": "Overdue actions, most first"},
        {"demo": "true", "region": "London"},
    ],
    "highlight": [
        {"demo": "false"},
        {"demo": "false", "plan": _READING_PLAN, "previous": "2025-01-01"},
        {"demo": "true", "plan": _DEMO_PLAN, "meeting": "2024-06-30", "previous": "2024-01-31"},
    ],
    "overview": [
        {"demo": "true"},
        {"demo": "true", "region": "London"},
        {"demo": "false"},
        {"demo": "true", "area": "Ealing"},
        {"demo": "true", "region": "Wales"},
    ],
    "disproportionality": [
        {"demo": "true"},
        {"demo": "true", "compare": "Care experience"},
        {"demo": "true", "region": "London"},
        {"demo": "true", "area": "Thamesreach"},
        {"demo": "true", "compare": "Special educational needs (SEND)"},
    ],
    "disproportionality_by_area": [
        {"demo": "true"},
        {"demo": "true", "area": "Thamesreach", "stage": "Court rather than out-of-court (of those entering)"},
        {"demo": "true", "group": "Care-experienced children"},
        {"demo": "true", "region": "London", "group": "Asian children"},
    ],
    "cohort": [
        {"demo": "true"},
        {"demo": "true", "f_sex": "Female"},
        {"demo": "true", "rows": "Care status", "cols": "Offence"},
        {"demo": "true", "f_ethnicity": ["Black", "Mixed"], "f_disposal_type": "Court"},
        {"demo": "true", "region": "North West", "rows": "Age at start"},
    ],
    "benchmarking": [
        {"demo": "true", "area": "Thamesreach"},
        {"demo": "true", "area": "Hollowfirth", "indicator": "Proven reoffending (binary rate)"},
        {"demo": "true", "area": "Cwm Arian", "compare_with": "All areas"},
        {"demo": "false", "area": "Buckinghamshire"},
        {"demo": "true", "area": "Tinmoor", "indicator": "Education, training and employment"},
        {"demo": "false"},  # no area: every service ranked, the first visitor's view
    ],
    "scorecard": [
        {"demo": "true", "area": "Thamesreach"},
        {"demo": "true", "area": "Merrowdale"},
        {"demo": "true", "area": "Chalkdown", "compare_with": "All areas"},
        {"demo": "false", "area": "Buckinghamshire"},
        {"demo": "true", "area": "Forgebury"},
        {"demo": "true"},  # no area: every indicator's national picture
    ],
    "load": [{"kind": "indicators"}, {"kind": "inspections"}, {"kind": "cohort"}],
    "ratings": [
        {"demo": "true"},
        {"demo": "true", "show": "Every inspection", "sort": "Name"},
        {"demo": "true", "region": "London", "rating": "Good"},
        {"demo": "false"},
        {"demo": "true", "framework": "2025"},
    ],
    "profile": [
        {"demo": "false", "area": "Ealing"},
        {"demo": "true", "area": "Thamesreach"},
        {"demo": "false", "area": "Kingston and Richmond"},
        {"demo": "false", "area": "Reading"},
        {"demo": "true", "area": "Hollowfirth"},
    ],
    "compare": [
        {"demo": "false", "areas": ["Ealing", "Kingston and Richmond", "Reading"]},
        {"demo": "true", "areas": ["Thamesreach", "Larkspur", "Quillbridge", "Ealing"]},
        {"demo": "true", "areas": ["Cwm Arian", "Bryn Tawel"]},
        {"demo": "true", "area": "Thamesreach"},  # no choice: Your area and its closest peers
    ],
    "about": [{"demo": "false"}, {"demo": "true"}, {"demo": "false", "area": "Ealing"}],
    "audit": [{}, {"outcomes": "failed"}, {"events": "import"}],
    "presentation": [
        {"demo": "false", "area": "Ealing"},
        {"demo": "false", "area": "Ealing", "slide": "5"},
        {"demo": "true", "area": "Thamesreach", "present": "1", "slide": "4"},
        {"demo": "true", "area": "Hollowfirth", "present": "1", "slide": "2"},
    ],
}
BENCH_USER = "bench@example.org"  # an admin: the benchmark opens the admin-only pages too


def page_times(db: str, reruns: int) -> dict:
    """Each page's script time, by its file (PageSpec.path), as a filter change and as a first view.

    A filter change is what a person pays on a running server for a view never seen before: every
    result that depends on a filter is computed afresh, while the reference data (filter options,
    indicator catalogue) stays cached for the file's version, as it does in the app. A first view
    clears every cache too: the first person after a restart or an import.
    """
    os.environ["YJS_DB"] = db  # the app reads it on each run, so setting it after the imports is enough
    _compile_once_as_the_server_does()
    roles = roles_file(Path(db).parent, {BENCH_USER: "admin"})
    forget = {"filter_change": cache.clear_filtered_results, "first_view": st.cache_data.clear}
    results = {}
    for spec in PAGES:
        variations = PAGE_VARIATIONS[spec.url_path]
        times = {mode: [] for mode in forget}
        for run in range(reruns + 1):
            for mode, clear in forget.items():
                elapsed = _time_one_view(spec.path, variations[run % len(variations)], clear, roles)
                if run:  # the first run warms imports, not the page
                    times[mode].append(elapsed)
        results[spec.path] = {**summary(times["filter_change"]), "first_view": summary(times["first_view"])}
    return results


EMPTY_PAGE = "import streamlit as st\n\nst.empty()\n"


def floor_times(db: str, reruns: int) -> dict:
    """The floor: an empty script's run under streamlit.testing, timed as the pages are. Pages are also
    reported as multiples of it, which lets figures from machines of different speeds be compared."""
    del db  # the floor reads no data; the signature is the measurements' own
    times = []
    for run in range(reruns * 3 + 1):
        at = AppTest.from_string(EMPTY_PAGE, default_timeout=120).run()  # as a page's: timed on a later run
        started = time.perf_counter()
        at.run()
        if run:
            times.append(time.perf_counter() - started)
    return summary(times)


def _time_one_view(page: str, variation: dict, clear, roles: Path) -> float:
    """Seconds for one run of `page` opened with the link `variation`, after `clear` has emptied caches."""
    at = log_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=120), BENCH_USER, roles)
    for key in set(SHARED_FILTERS) & set(variation):  # the shared filters are read on the first run
        at.query_params[key] = variation[key]
    at.run()
    for key, value in variation.items():
        at.query_params[key] = value
    clear()
    started = time.perf_counter()
    at.switch_page(page).run()
    elapsed = time.perf_counter() - started
    caught = [e.value for e in at.error if UNEXPECTED_ERROR in e.value]  # shown with an id by yjs.app.errors
    if at.exception or caught:
        raise RuntimeError(f"{page}: {at.exception or caught}")
    return elapsed


def _compile_once_as_the_server_does() -> None:
    """The server compiles each script once for every session and rerun; AppTest compiles them again on
    each run (a fresh script cache), which would add the compile time to every page's figure."""
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared
