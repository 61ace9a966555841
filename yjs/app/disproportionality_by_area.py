"""Disproportionality by area: one group at one stage, every area's relative rate index ranked, real and
demo areas apart (never ranked together), each set against its own pooled index."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from yjs.app import widgets
from yjs.app.cache import query
from yjs.charts import cohort as charts_cohort
from yjs.data import cohort as cohort_data
from yjs.data.cohort import CohortScope
from yjs.domain import disproportionality
from yjs.domain import disproportionality_by_area as by_area
from yjs.domain.filters import Filters

KINDS = ((False, "real"), (True, "demo"))


def areas_shown(filters: Filters) -> pd.DataFrame:
    """Every area the demo and region filters leave on show (Your area is highlighted, not a scope)."""
    areas = query("read/areas/areas_with_inspection_years")
    return areas[areas["area"].isin(filters.visible_areas(areas))]


def choices() -> tuple[str, str, str]:
    """The group, the stage and the order, each kept in the link."""
    left, middle, right = st.columns(3)
    comparison = left.selectbox("Group", list(by_area.COMPARISONS), key="group", bind="query-params")
    grouping = by_area.COMPARISONS[comparison][0]
    stages = [s.key for s in disproportionality.STAGES if grouping == "ethnicity" or s.base != "population"]
    stage = middle.selectbox(
        "Stage",
        stages,
        index=stages.index("custody"),
        format_func=by_area.STAGE_LABELS.get,
        key="stage",
        bind="query-params",
        help="Entering the cohort is measured against the 10-17 population, which is recorded by ethnicity only.",
    )
    sort = right.selectbox("Sort by", list(by_area.SORTS), key="rri_sort", bind="query-params")
    return comparison, stage, sort


def scopes_by_kind(areas: pd.DataFrame, scope: CohortScope) -> list[tuple[CohortScope, str]]:
    """The real areas shown, then the demo ones, each over the chosen years: never ranked together."""
    return [
        (CohortScope(tuple(areas.loc[areas["is_demo"] == is_demo, "area"]), scope.year_from, scope.year_to), kind)
        for is_demo, kind in KINDS
        if (areas["is_demo"] == is_demo).any()
    ]


def kind_section(
    scope: CohortScope, kind: str, choice: tuple[str, str, str], threshold: int, highlight: str | None
) -> None:
    """One set of areas (real, or demo): the ranked forest plot, its table, and the areas not drawn."""
    comparison, stage, sort = choice
    grouping = by_area.COMPARISONS[comparison][0]
    counts, pooled_counts = cohort_data.stage_counts_by_area_and_pooled(query, scope, grouping)
    if counts.empty:
        st.caption(f"No {kind} area in scope has child-level cohort records loaded.")
        return
    table = by_area.rri_by_area(counts, comparison, stage, threshold)
    pooled = by_area.pooled(pooled_counts, comparison, stage, threshold)
    drawn = by_area.ranked(table, sort)
    st.subheader(f"{kind.capitalize()} areas ({len(table)})")
    if kind == "demo":
        st.warning(
            "**Demo data.** These areas and children are invented; they are ranked only among themselves.",
            icon=":material/science:",
        )
    st.markdown(_summary(drawn, table, pooled, comparison, threshold))
    if highlight and (line := by_area.where_one_area_stands(table, drawn, highlight)):
        st.markdown(line)
    reference = disproportionality.GROUPINGS[grouping][1]
    if not drawn.empty:
        widgets.chart(
            charts_cohort.area_forest(
                drawn, pooled, highlight=highlight, title=f"{comparison}: {by_area.STAGE_SHORT[stage]}"
            ),
            f"rri-by-area-{kind}",
        )  # the table below is the chart's data
        shown = by_area.display_table(drawn, reference, threshold)
        st.dataframe(
            shown,
            hide_index=True,
            width="stretch",
            key=f"rri_table_{kind}",
            column_config={
                "RRI": st.column_config.NumberColumn(format="%.2f"),
                "95% low": st.column_config.NumberColumn(format="%.2f"),
                "95% high": st.column_config.NumberColumn(format="%.2f"),
                "Rate %": st.column_config.NumberColumn(format="%.1f%%"),
                f"{reference} rate %": st.column_config.NumberColumn(format="%.1f%%"),
            },
        )
        rounding = {"RRI": 2, "95% low": 2, "95% high": 2, "Rate %": 1, f"{reference} rate %": 1}
        widgets.download_buttons(shown, f"rri-by-area-{kind}-{stage}", rounding)
    missing = by_area.not_drawn(table)
    if not missing.empty:
        st.markdown(f"**Not drawn ({len(missing)})**: withheld by disclosure control, or with no index to draw.")
        st.dataframe(missing, hide_index=True, width="stretch", key=f"rri_missing_{kind}")
        widgets.download_buttons(missing, f"rri-not-drawn-{kind}-{stage}")


def _summary(drawn: pd.DataFrame, table: pd.DataFrame, pooled: dict | None, comparison: str, threshold: int) -> str:
    withheld = int((table["status"] == by_area.WITHHELD).sum())
    higher = int((drawn["direction"] == "higher").sum())
    lower = int((drawn["direction"] == "lower").sum())
    pooled_words = (
        f"Pooled over these areas the index is **{pooled['rri']:.2f}** (95% interval {pooled['low']:.2f}–"
        f"{pooled['high']:.2f}). "
        if pooled
        else "The pooled index is withheld or cannot be computed. "
    )
    drawn_words = (
        f"{len(drawn)} of {len(table)} areas are drawn: in {higher} the rate for {_mid_sentence(comparison)} is "
        f"higher than chance would explain, in {lower} lower. "
        if len(drawn)
        else f"None of the {len(table)} areas can be drawn. "
    )
    return (
        f"{pooled_words}{drawn_words}{withheld} are withheld because a count behind their index is below "
        f"{threshold} or withheld."
    )


def _mid_sentence(comparison: str) -> str:
    return comparison[0].lower() + comparison[1:] if comparison.startswith("Children") else comparison
