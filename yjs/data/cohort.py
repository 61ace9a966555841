"""What the cohort pages ask of the database: aggregates only, never child-level rows.

Every function takes a `query(name, **params)` callable (the app's cached one, or `Database.query`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from yjs.data.db import Query
from yjs.domain import disclosure
from yjs.domain.cohort import BY_KEY, DIMENSIONS, cohort_params, kpi_rows, ordered


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


def facet_counts(query: Query, scope: CohortScope) -> dict[str, dict[str, int]]:
    """Children per option of every filter, each under all the other filters (faceted search).

    One grouping-sets pass serves every dimension without a selection; a dimension with a
    selection is counted again with its own filter lifted, so its other options show what
    choosing them would add.
    """
    frame = query("read/cohort/children_by_every_dimension", **scope.params())
    counts: dict[str, dict[str, int]] = {d.key: {} for d in DIMENSIONS}
    for dimension, value, children in frame.itertuples(index=False):
        if value is not None and not scope.selections.get(dimension):
            counts[dimension][value] = int(children)
    for key, chosen in scope.selections.items():
        if chosen:
            own = query("read/cohort/children_by_dimension", **scope.params(**{key: []}), dim=key)
            counts[key] = {value: int(n) for _dim, value, n in own.itertuples(index=False) if value is not None}
    return counts


def crosstab(query: Query, scope: CohortScope, row_dim: str, col_dim: str) -> pd.DataFrame:
    """Children by two dimensions as a table of counts (rows and columns in their natural order)."""
    frame = query("read/cohort/children_by_two_dimensions", **scope.params(), row_dim=row_dim, col_dim=col_dim)
    return counts_table(frame, row_dim, col_dim)


def counts_table(frame: pd.DataFrame, row_dim: str, col_dim: str) -> pd.DataFrame:
    # groupby + unstack: the same table as pivot_table, in a third of the time (a rerun builds two)
    table = frame.groupby(["row_value", "col_value"])["children"].sum().unstack(fill_value=0)
    rows = ordered(BY_KEY[row_dim], table.index)
    columns = ordered(BY_KEY[col_dim], table.columns)
    table = table.reindex(index=rows, columns=columns, fill_value=0).astype(int)
    table.index.name, table.columns.name = BY_KEY[row_dim].label, BY_KEY[col_dim].label
    return table


def kpis(query: Query, scope: CohortScope) -> pd.DataFrame:
    counts = query("read/cohort/kpi_counts", **scope.params()).iloc[0].to_dict()
    return kpi_rows(counts, query("read/indicators/kpi_definitions"))


STAGE_COUNTS = ("entered", "court", "custody", "followed_up", "reoffended")  # children_by_stage.sql's counts


def stage_counts_by_year(query: Query, scope: CohortScope, grouping: str) -> pd.DataFrame:
    """Stage counts per group and year (one query serves the period table and the trend)."""
    frame = _stage_counts(query, scope, grouping, by_year=True, by_area=False).drop(columns="area")
    return _with_population(query, frame, scope, grouping, by_area=False)


def stage_counts_by_area(query: Query, scope: CohortScope, grouping: str) -> pd.DataFrame:
    """Stage counts per area and group over the scope's period (one query over every area)."""
    frame = _stage_counts(query, scope, grouping, by_year=False, by_area=True).drop(columns="year")
    return _with_population(query, frame, scope, grouping, by_area=True)


def _stage_counts(query: Query, scope: CohortScope, grouping: str, *, by_year: bool, by_area: bool) -> pd.DataFrame:
    """The one read of children by stage: every disproportionality view, pooled or area by area, counts here."""
    return query(
        "read/cohort/children_by_stage", **scope.params(), group_dim=grouping, by_year=by_year, by_area=by_area
    )


def _with_population(
    query: Query, frame: pd.DataFrame, scope: CohortScope, grouping: str, *, by_area: bool
) -> pd.DataFrame:
    if grouping != "ethnicity":
        return frame
    population = query(
        "read/cohort/population_by_ethnicity", areas=list(scope.areas), year_to=scope.year_to, by_area=by_area
    )
    if not by_area:
        return frame.merge(population[["group_value", "population"]], on="group_value", how="left")
    # An area's group with no child in the cohort still has its population: none of them entered.
    population = population[population["area"].isin(frame["area"])]
    merged = frame.merge(population[["area", "group_value", "population"]], on=["area", "group_value"], how="outer")
    return merged.fillna(dict.fromkeys(STAGE_COUNTS, 0)).astype(dict.fromkeys(STAGE_COUNTS, "int64"))


def reoffending_rates(query: Query, scope: CohortScope, dim: str, col_dim: str, threshold: int) -> pd.DataFrame:
    """Per value of `dim`: reoffended of followed up, the rate withheld where a count is small.

    Read from the same (cached) counts as the `dim` x `col_dim` cross-tab: no second pass.
    """
    frame = query("read/cohort/children_by_two_dimensions", **scope.params(), row_dim=dim, col_dim=col_dim)
    table = counts_table(frame.assign(col_value=frame["outcome"]), dim, "reoffending")
    reoffended = table.get("Reoffended", pd.Series(0, index=table.index))
    followed = reoffended + table.get("Did not reoffend", pd.Series(0, index=table.index))
    frame = pd.DataFrame(
        {"group": table.index, "reoffended_n": reoffended.to_numpy(), "followed_n": followed.to_numpy()}
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
                f"{r:.0%}" if r is not None else (disclosure.CONFIDENTIAL if d else disclosure.NOT_APPLICABLE)
                for r, d in zip(rates, frame["denominator"], strict=True)
            ],
            "polarity": frame["polarity"].str.replace(" is better", "", regex=False),
        }
    )
