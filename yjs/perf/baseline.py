"""The cohort explorer's aggregations done our way (DuckDB, per rerun) and the common way (pandas).

Each side runs in a process of its own (yjs/perf/bench.py starts them), so its peak memory is its own:
this module imports only what both sides need, so that neither pays for the other's libraries.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from yjs.data.db import Database
from yjs.domain.cohort import DIMENSIONS, cohort_params, kpi_rows
from yjs.perf.measure import peak_rss_mb, summary

FILTERS = [
    {},
    {"sex": ["Female"]},
    {"ethnicity": ["Black", "Mixed"]},
    {"disposal_type": ["Court"]},
    {"care_status": ["Looked after"], "sex": ["Male"]},
]
AGGREGATIONS = ("facets", "crosstab", "kpis")
CROSSTAB = ("ethnicity", "disposal_type")  # rows and columns, each child also counted by reoffending outcome


def aggregate_with_duckdb(db: str, reruns: int) -> dict:
    """The cohort explorer's queries, through the app's Database class, each filtering on its own."""
    database = Database(Path(db))
    areas = database.query("read/areas/areas_with_inspection_years")["area"].tolist()
    indicators = database.query("read/indicators/kpi_definitions")  # reference data: the app caches it per file version
    runs = {"total": [], **{name: [] for name in AGGREGATIONS}}
    for run in range(reruns):
        params = cohort_params(areas, 2019, 2026, FILTERS[run % len(FILTERS)])
        timed = _timer(runs)
        with timed("facets"):
            database.query("read/cohort/children_by_every_dimension", **params)
        with timed("crosstab"):
            database.query("read/cohort/children_by_two_dimensions", **params, row_dim=CROSSTAB[0], col_dim=CROSSTAB[1])
        with timed("kpis"):
            kpi_rows(dict(database.query("read/cohort/kpi_counts", **params).itertuples(index=False)), indicators)
        runs["total"].append(sum(runs[name][-1] for name in AGGREGATIONS))
    return _figures(runs)


def aggregate_with_pandas(db: str, reruns: int) -> dict:
    """The same aggregations as ours on a DataFrame held in memory: filtered once per rerun, then grouped.

    Each aggregation's own figure adds the rerun's filtering to its grouping (ours filters in each
    query); the total pays for the filtering once.
    """
    con = duckdb.connect(db, read_only=True)
    frame = con.execute("SELECT * FROM cohort_facts").df()  # held in memory, as many dashboards do
    areas = [area for (area,) in con.execute("SELECT name FROM areas").fetchall()]
    con.close()
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
            pandas_kpi_counts(subset)
        runs["total"].append(sum(runs[name][-1] for name in ("filter", *AGGREGATIONS)))
        for name in AGGREGATIONS:
            runs[name][-1] += runs["filter"][-1]
    return _figures(runs)


def pandas_kpi_counts(subset) -> dict[str, int]:
    """The thirteen counts of queries/read/cohort/kpi_counts.sql (before perturbation)."""
    return {name: int(mask.sum()) for name, mask in pandas_kpi_children(subset).items()}


def pandas_kpi_children(subset) -> dict:
    """The children each of the thirteen counts of queries/read/cohort/kpi_counts.sql counts, as masks
    over `subset`: only those whose order has ended.

    Public because tests/unit/test_cohort_queries.py checks the SQL against it: both must agree."""
    ended = subset["order_ended"].astype(bool)

    def flag(column: str):
        return subset[column].fillna(False).astype(bool) & ended

    out_of_court = (subset["disposal_type"].astype(str) == "Out-of-court") & ended
    return {
        "accommodation_n": flag("suitable_accommodation_at_end"),
        "accommodation_d": subset["suitable_accommodation_at_end"].notna() & ended,
        "ete_n": flag("in_ete_at_end"),
        "ended_d": ended,
        "send_n": flag("send_formal_plan"),
        "send_d": flag("has_send"),
        "mental_health_n": flag("mental_health_support"),
        "mental_health_d": flag("has_mental_health_need"),
        "substance_n": flag("substance_misuse_support"),
        "substance_d": flag("has_substance_need"),
        "oocd_n": flag("completed") & out_of_court,
        "oocd_d": out_of_court,
        "wider_n": flag("wider_services"),
    }


def _timer(runs: dict[str, list[float]]):
    """`with timed(name):` appends the block's wall time to runs[name]."""

    @contextmanager
    def timed(name: str):
        started = time.perf_counter()
        yield
        runs[name].append(time.perf_counter() - started)

    return timed


def _figures(runs: dict[str, list[float]]) -> dict:
    return {
        **summary(runs["total"]),
        "aggregations": {name: summary(runs[name]) for name in AGGREGATIONS},
        "peak_rss_mb": peak_rss_mb(),
    }
