"""What a load test checks on screen, worked out from the database before the people start clicking.

Both load tests use these: over the websocket protocol (yjs/perf/sessions.py) and in Chromium
(yjs/perf/loadtest.py). A page's first metric must equal a direct query of the file, so a filter
lost or misapplied under load shows up as a wrong figure rather than passing unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from yjs.data.db import Database

# What a visit checks: the page's first metric against a direct query (demo areas shown).
FIGURE_CHECKS = {
    "Overview": "SELECT count(DISTINCT area) FROM inspection_summary",
    "Cohort explorer": "SELECT count(*) FROM cohort_facts WHERE is_demo",
}
# With "Your area" chosen, the Cohort explorer counts that area's children (the Overview still counts areas).
AREA_FIGURE_CHECKS = {"Cohort explorer": "SELECT count(*) FROM cohort_facts WHERE area = $area"}


def expected_figures(db: Path, areas: tuple[str, ...] = ()) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """The figures every visit should show, and those that depend on the person's area."""
    con = duckdb.connect()
    con.execute("ATTACH $path AS checked (READ_ONLY)", {"path": str(db)})
    con.execute("USE checked")
    try:
        figures = {page: f"{con.execute(sql).fetchone()[0]:,}" for page, sql in FIGURE_CHECKS.items()}
        by_area = {
            area: {
                page: f"{con.execute(sql, {'area': area}).fetchone()[0]:,}" for page, sql in AREA_FIGURE_CHECKS.items()
            }
            for area in areas
        }
        return figures, by_area
    finally:
        con.close()


def demo_areas(db: Path, count: int) -> tuple[str, ...]:
    """`count` demo areas (fewer if there are fewer), one for each person of a load test."""
    database = Database(db)
    try:
        options = database.query("read/areas/areas_with_inspection_years")
    finally:
        database.close()
    return tuple(options.loc[options["is_demo"], "area"].head(count))
