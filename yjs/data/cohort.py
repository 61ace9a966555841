"""What the cohort pages ask of the database: aggregates only, never child-level rows.

Every count of children arrives perturbed by the cell key method (yjs/domain/disclosure.py), NA where
the perturbation withheld it; the functions here only arrange the figures.

Every function takes a `query(name, **params)` callable (the app's cached one, or `Database.query`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from yjs.data.db import Query
from yjs.domain import disclosure
from yjs.domain.cohort import BY_KEY, DIMENSIONS, TOTAL, cohort_params, kpi_rows, ordered


@dataclass(frozen=True)
class CohortScope:
    areas: tuple[str, ...]
    year_from: int
    year_to: int
    selections: dict[str, list[str]] = field(default_factory=dict)

    def params(self, **overrides) -> dict:
        selections = {**self.selections, **overrides}
        return cohort_params(list(self.areas), self.year_from, self.year_to, selections)

    def without_filters(self) -> CohortScope:
        return CohortScope(self.areas, self.year_from, self.year_to, {})


def scope_summary(query: Query, areas: list[str]) -> dict:
    return query("read/cohort/cohort_summary", areas=list(areas)).iloc[0].to_dict()


def facet_counts(query: Query, scope: CohortScope) -> dict[str, dict[str, int | None]]:
    """Children per option of every filter, each under all the other filters (faceted search), as
    perturbed figures (None where withheld; an option nobody holds is absent: a true zero).

    One grouping-sets pass serves every dimension without a selection; a dimension with a
    selection is counted again with its own filter lifted, so its other options show what
    choosing them would add.
    """
    frame = query("read/cohort/children_by_every_dimension", **scope.params())
    counts: dict[str, dict[str, int | None]] = {d.key: {} for d in DIMENSIONS}
    for dimension, value, children in frame.itertuples(index=False):
        if not pd.isna(value) and not scope.selections.get(dimension):
            counts[dimension][value] = disclosure.figure(children)
    for key, chosen in scope.selections.items():
        if chosen:
            own = query("read/cohort/children_by_dimension", **scope.params(**{key: []}), dim=key)
            counts[key] = {v: disclosure.figure(n) for _dim, v, n in own.itertuples(index=False) if not pd.isna(v)}
    return counts


def _two_dimension_counts(query: Query, scope: CohortScope, row_dim: str, col_dim: str) -> pd.DataFrame:
    """One (cached) pass serves a cross-tab, its totals and the reoffending table by its rows."""
    return query("read/cohort/children_by_two_dimensions", **scope.params(), row_dim=row_dim, col_dim=col_dim)


def crosstab(query: Query, scope: CohortScope, row_dim: str, col_dim: str) -> pd.DataFrame:
    """Children by two dimensions, perturbed, rows and columns in their natural order, with a Total
    row and column whose figures are cells of their own (NA where withheld, 0 a true zero)."""
    frame = _two_dimension_counts(query, scope, row_dim, col_dim)
    return counts_table(frame, row_dim, col_dim)


def counts_table(frame: pd.DataFrame, row_dim: str, col_dim: str) -> pd.DataFrame:
    frame = frame[frame["measure"] == "children"]
    rows = pd.Index([*ordered(BY_KEY[row_dim], frame.loc[~frame["all_rows"], "row_value"].unique()), TOTAL])
    columns = pd.Index([*ordered(BY_KEY[col_dim], frame.loc[~frame["all_columns"], "col_value"].unique()), TOTAL])
    # Each figure into its place in a grid of zeros: a cell no row names holds no child (a true zero), and a
    # withheld figure stays NA. (Placing by position is a fifth of the time of reindex and unstack.)
    grid = np.zeros((len(rows), len(columns)))
    at_row = rows.get_indexer(frame["row_value"].where(~frame["all_rows"], TOTAL))
    at_column = columns.get_indexer(frame["col_value"].where(~frame["all_columns"], TOTAL))
    grid[at_row, at_column] = frame["children"].to_numpy(dtype="float64", na_value=np.nan)
    table = pd.DataFrame(grid, index=rows, columns=columns).astype("Int64")
    table.index.name, table.columns.name = BY_KEY[row_dim].label, BY_KEY[col_dim].label
    return table


def kpis(query: Query, scope: CohortScope) -> pd.DataFrame:
    counts = query("read/cohort/kpi_counts", **scope.params())
    figures = {name: disclosure.figure(children) for name, children in counts.itertuples(index=False)}
    return kpi_rows(figures, query("read/indicators/kpi_definitions"))


STAGE_COUNTS = ("entered", "court", "custody", "followed_up", "reoffended")  # children_by_stage.sql's stages


def stage_counts(query: Query, scope: CohortScope, grouping: str) -> pd.DataFrame:
    """Perturbed stage counts per group and year, over the whole period (`year` NA) and over every
    group (`group_value` NA): one query serves the period table, the shares and the trend."""
    frame = _stage_counts(query, scope, grouping, by_area=False).drop(columns="area")
    return _with_population(query, frame, scope, grouping)


def stage_counts_by_area(query: Query, scope: CohortScope, grouping: str) -> pd.DataFrame:
    """Perturbed stage counts per area and group over the scope's period (one query over every area): each
    area's cells are cells of their own, never subtracted from the pooled ones."""
    return stage_counts_by_area_and_pooled(query, scope, grouping)[0]


def stage_counts_by_area_and_pooled(
    query: Query, scope: CohortScope, grouping: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`stage_counts_by_area`, and the areas pooled over the period as `period_counts(stage_counts(...))`
    gives them (the same cells, the same population), from one read of each instead of two."""
    frame = _stage_counts(query, scope, grouping, by_area=True).drop(columns="year")  # the period's cells only
    pooled = frame[frame["area"].isna()].drop(columns="area").reset_index(drop=True)
    by_area = frame[frame["area"].notna() & frame["group_value"].notna()].reset_index(drop=True)
    if grouping != "ethnicity":
        return by_area, pooled
    population = _population(query, scope, by_area=True)
    pooled_population = population.groupby("group_value", as_index=False)["population"].sum()
    return _with_area_population(by_area, population), pooled.merge(pooled_population, on="group_value", how="left")


def _stage_counts(query: Query, scope: CohortScope, grouping: str, *, by_area: bool) -> pd.DataFrame:
    """The one read of children by stage: every disproportionality view, pooled or area by area, counts here."""
    frame = query("read/cohort/children_by_stage", **scope.params(), group_dim=grouping, by_area=by_area)
    stages = frame.pivot(index=["area", "year", "group_value"], columns="stage", values="children").reset_index()
    stages.columns.name = None
    return stages


def _population(query: Query, scope: CohortScope, *, by_area: bool) -> pd.DataFrame:
    return query("read/cohort/population_by_ethnicity", areas=list(scope.areas), year_to=scope.year_to, by_area=by_area)


def _with_population(query: Query, frame: pd.DataFrame, scope: CohortScope, grouping: str) -> pd.DataFrame:
    """The groups' population over every area of the scope (ethnicity only: the census counts no other)."""
    if grouping != "ethnicity":
        return frame
    population = _population(query, scope, by_area=False)
    return frame.merge(population[["group_value", "population"]], on="group_value", how="left")


def _with_area_population(frame: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Each area's groups with their population. An area's group with no child in the cohort still has its
    population: none of them entered."""
    population = population[population["area"].isin(frame["area"])]
    merged = frame.merge(
        population[["area", "group_value", "population"]], on=["area", "group_value"], how="outer", indicator=True
    )
    uncounted = merged.pop("_merge") == "right_only"
    merged.loc[uncounted, list(STAGE_COUNTS)] = 0  # no child counted: a true zero (NA stays withheld)
    return merged


def reoffending_rates(query: Query, scope: CohortScope, dim: str, col_dim: str, threshold: int) -> pd.DataFrame:
    """Per value of `dim`: reoffended of followed up (perturbed), the rate withheld where either is hidden.

    Read from the same (cached) pass as the `dim` x `col_dim` cross-tab; a group's reoffended figure
    is the same cell, so the same figure, as the cross-tab's by reoffending outcome.
    """
    frame = _two_dimension_counts(query, scope, dim, col_dim)
    by_row = frame[frame["all_columns"] & ~frame["all_rows"]].pivot(
        index="row_value", columns="measure", values="children"
    )
    by_row = by_row.reindex(ordered(BY_KEY[dim], by_row.index))
    frame = pd.DataFrame(
        {
            "group": by_row.index,
            "reoffended_n": [disclosure.figure(v) for v in by_row["reoffended"]],
            "followed_n": [disclosure.figure(v) for v in by_row["followed_up"]],
        }
    )
    frame["rate"] = [
        disclosure.suppress_rate(r, f, threshold)
        for r, f in zip(frame["reoffended_n"], frame["followed_n"], strict=True)
    ]
    frame["rate_text"] = frame["rate"].map(lambda r: f"{r:.0%}" if pd.notna(r) else disclosure.CONFIDENTIAL)
    frame["reoffended"] = frame["reoffended_n"].map(lambda v: disclosure.show_count(v, threshold))
    frame["followed_up"] = frame["followed_n"].map(lambda v: disclosure.show_count(v, threshold))
    return frame


def kpi_table(query: Query, scope: CohortScope, threshold: int) -> pd.DataFrame:
    frame = kpis(query, scope)
    rates = [
        disclosure.suppress_rate(n, d, threshold) for n, d in zip(frame["numerator"], frame["denominator"], strict=True)
    ]
    return pd.DataFrame(
        {
            "name": frame["name"],
            "numerator": frame["numerator"].map(lambda v: disclosure.show_count(v, threshold)),
            "denominator": frame["denominator"].map(lambda v: disclosure.show_count(v, threshold)),
            "rate_text": [
                f"{r:.0%}" if r is not None else disclosure.NOT_APPLICABLE if d == 0 else disclosure.CONFIDENTIAL
                for r, d in zip(rates, frame["denominator"], strict=True)
            ],
            "polarity": frame["polarity"].str.replace(" is better", "", regex=False),
        }
    )
