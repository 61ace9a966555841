"""What the inspection pages read: latest inspections, ratings by standard, one inspection in detail.

Every function takes a `query(name, **params)` callable (the app's cached one, or `Database.query`).
"""

from __future__ import annotations

import pandas as pd

from yjs.data.db import Query
from yjs.domain.filters import FIRST_YEAR, LAST_YEAR, Filters


def latest_inspections(query: Query, filters: Filters) -> pd.DataFrame:
    """The latest inspection of each area on show, published within the filters' years, best score first."""
    return query("read/ratings/latest_inspection_by_area", **filters.scope())


def inspections_by_year(query: Query, filters: Filters) -> pd.DataFrame:
    return query("read/ratings/inspections_by_year_and_rating", **filters.scope())


def good_or_better_by_standard(query: Query, filters: Filters) -> pd.DataFrame:
    return query("read/ratings/good_or_better_by_standard", **filters.scope())


def ratings_matrix(
    query: Query,
    filters: Filters,
    *,
    areas: list[str] = (),
    every: bool = False,
    frameworks: list[int] = (),
    overall_ratings: list[str] = (),
) -> pd.DataFrame:
    """One row per inspection and standard (a NULL code where no standard is rated); empty lists mean all."""
    return query(
        "read/ratings/ratings_by_inspection_and_standard",
        **filters.scope(),
        areas=list(areas),
        every=every,
        frameworks=list(frameworks),
        overall_ratings=list(overall_ratings),
    )


def latest_ratings_of(query: Query, areas: list[str]) -> pd.DataFrame:
    """The latest inspection's ratings of each of `areas`, demo or not, whatever its year."""
    return ratings_matrix(query, Filters(show_demo=True, year_from=FIRST_YEAR, year_to=LAST_YEAR), areas=areas)


def inspections_of_area(query: Query, area: str) -> pd.DataFrame:
    return query("read/ratings/inspections_of_area", area=area)


def standards_of_inspection(query: Query, inspection_id: int) -> pd.DataFrame:
    return query("read/ratings/standards_of_inspection", inspection_id=int(inspection_id))


def key_questions_of_inspection(query: Query, inspection_id: int) -> pd.DataFrame:
    return query("read/ratings/key_questions_of_inspection", inspection_id=int(inspection_id))


def recommendations_of_inspection(query: Query, inspection_id: int) -> pd.DataFrame:
    return query("read/ratings/recommendations_of_inspection", inspection_id=int(inspection_id))


def findings_of_inspection(query: Query, inspection_id: int) -> pd.DataFrame:
    return query("read/ratings/findings_of_inspection", inspection_id=int(inspection_id))


def latest_scored_inspections(query: Query, demo: bool) -> pd.DataFrame:
    """Each area's latest inspection scored out of 36, for one kind of area (real or demo)."""
    return query("read/ratings/latest_scored_inspection_by_area", demo=demo)


def latest_inspection_scores(query: Query, demo: bool) -> pd.DataFrame:
    """Each area's latest inspection where it has a score, for the scatter against an indicator."""
    return query("read/ratings/latest_inspection_score_by_area", demo=demo)
