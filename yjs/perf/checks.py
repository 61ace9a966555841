"""What a load test checks on screen, worked out from the database before the people start clicking.

Both load tests use these: over the websocket protocol (yjs/perf/sessions.py) and in Chromium
(yjs/perf/loadtest.py). A page's first metric must equal a direct query of the file, so a filter
lost or misapplied under load shows up as a wrong figure rather than passing unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from yjs.data.db import Database
from yjs.domain import disclosure

# What a visit checks: the page's first metric against a direct query (demo areas shown). The Cohort
# explorer's metric is the cell key method's published figure, worked out here apart from the app's SQL:
# the children's count and key sum, and the noise joined from the long `ptable` (the app looks it up in a list).
FIGURE_CHECKS = {
    "Overview": "SELECT count(DISTINCT area) FROM inspection_summary",
    "Cohort explorer": """
        SELECT n, n + coalesce((SELECT pvalue FROM ptable
                                WHERE pcv = CASE WHEN n <= 750 THEN n ELSE (n - 1) % 250 + 501 END
                                  AND ckey = key_sum % 256), 0)
        FROM (SELECT count(*) AS n, coalesce(sum(record_key), 0) AS key_sum FROM cohort_facts WHERE is_demo)
    """,
}
# With "Your area" chosen, the Cohort explorer counts that area's children (the Overview still counts areas).
AREA_FIGURE_CHECKS = {
    "Cohort explorer": """
        SELECT n, n + coalesce((SELECT pvalue FROM ptable
                                WHERE pcv = CASE WHEN n <= 750 THEN n ELSE (n - 1) % 250 + 501 END
                                  AND ckey = key_sum % 256), 0)
        FROM (SELECT count(*) AS n, coalesce(sum(record_key), 0) AS key_sum FROM cohort_facts WHERE area = $area)
    """
}


def _shown(row: tuple) -> str:
    """The figure as the page shows it: a count, or the published figure of a cell of children."""
    if len(row) == 1:
        return f"{row[0]:,}"
    children, published = row
    return disclosure.show_count(None if children and not published else published)


def expected_figures(db: Path, areas: tuple[str, ...] = ()) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """The figures every visit should show, and those that depend on the person's area."""
    con = duckdb.connect()
    con.execute("ATTACH $path AS checked (READ_ONLY)", {"path": str(db)})
    con.execute("USE checked")
    try:
        figures = {page: _shown(con.execute(sql).fetchone()) for page, sql in FIGURE_CHECKS.items()}
        by_area = {
            area: {
                page: _shown(con.execute(sql, {"area": area}).fetchone()) for page, sql in AREA_FIGURE_CHECKS.items()
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
