"""The inspection pages' helpers (matrix, area profile, compare): controls, panels, and their reads."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from yjs.app import widgets as ui
from yjs.app.cache import query
from yjs.charts import ratings as charts_ratings
from yjs.charts.base import RATING_COLOURS, RATING_TEXT_COLOURS
from yjs.data import ratings as rating_data
from yjs.domain import brag, rules
from yjs.domain.dates import long_date
from yjs.domain.filters import Filters
from yjs.domain.plaintext import markdown_text as md
from yjs.domain.ratings import SORTS, StandardPanel, key_question_table, lift_label

SHOW_LATEST, SHOW_EVERY = "Latest inspection per area", "Every inspection"
FRAMEWORK_OPTIONS = ("2018", "2021", "2025")
RATINGS_BEST_FIRST = list(reversed(rules.RATINGS))
MAX_COMPARED = 8


@dataclass(frozen=True)
class MatrixControls:
    every: bool
    sort: str
    frameworks: list[int]
    overall_ratings: list[str]
    group: str | None


def matrix_controls(groups: dict[str, list[str]]) -> MatrixControls:
    first, second, third, fourth, fifth = st.columns([1.3, 0.8, 1.2, 0.9, 1.2])
    show = first.radio("Show", (SHOW_LATEST, SHOW_EVERY), key="show", bind="query-params")
    sort = second.selectbox("Sort by", list(SORTS), key="sort", bind="query-params")
    overall = third.multiselect(
        "Overall rating", RATINGS_BEST_FIRST, key="rating", bind="query-params", placeholder="All ratings"
    )
    frameworks = fourth.multiselect(
        "Framework", FRAMEWORK_OPTIONS, key="framework", bind="query-params", placeholder="All"
    )
    group = fifth.selectbox(
        "Comparator group",
        sorted(groups),
        index=None,
        key="group",
        bind="query-params",
        placeholder="All areas",
        help="Saved on the Benchmarking or Compare page, or a council's statistical neighbours (DfE, May 2025).",
    )
    return MatrixControls(show == SHOW_EVERY, sort, [int(f) for f in frameworks], list(overall), group)


def rating_style(value) -> str:
    """Cell style for a rating: its colour, with text dark enough or light enough to read."""
    if value in RATING_COLOURS:
        return f"background-color: {RATING_COLOURS[value]}; color: {RATING_TEXT_COLOURS[value]}"
    return ""


def legend() -> None:
    st.caption(
        "Cells: **Outst** Outstanding · **Good** Good · **RI** Requires improvement · **Inad** Inadequate · "
        "**Not rated** (resettlement with no cases) · **–** not published. The last column is the overall "
        "rating and its score out of 36. Real areas are in **bold**."
    )


def show_ratings_table(table: pd.DataFrame) -> None:
    headers = table["code"].str.fullmatch(r"\d?")
    styled = (
        table.drop(columns="code")
        .style.map(rating_style, subset=["rating"])
        .apply(
            lambda row: ["font-weight: 700; background-color: #f0f0f0" if headers[row.name] else ""] * len(row), axis=1
        )
    )
    st.dataframe(
        styled,
        hide_index=True,
        width="stretch",
        height=36 * (len(table) + 1) + 24,  # room for a scrollbar
        column_config={
            "standard": st.column_config.TextColumn("Standard", width="medium"),
            "rating": st.column_config.TextColumn("Rating", width="small"),
            "score": st.column_config.TextColumn("Score", width="small"),
        },
    )


BELOW_GOOD_HEADERS = {
    "standard": "Standard",
    "rating": "Rating",
    "to_good": "To reach Good",
    "extra_cases": "Extra Yes cases in all",
}


def show_below_good(below: pd.DataFrame) -> None:
    """The standards below Good as a table whose cells wrap (st.table), so that no rating or step to Good is cut
    short mid-word: a board acts on these words. Cells are escaped, as st.table reads them as Markdown."""
    shown = below.map(lambda v: md(v) if isinstance(v, str) else "–" if pd.isna(v) else f"{int(v)}")
    styled = shown.rename(columns=BELOW_GOOD_HEADERS).style.map(rating_style, subset=["Rating"])
    st.table(styled, hide_index=True)
    st.caption("Extra Yes cases in all: – where the case counts are not published.")


def key_question_panel(panel: StandardPanel) -> None:
    """One standard: its key questions against the bands, the explanation and what would lift it."""
    assessment = panel.assessment
    title = f"**{panel.code} {md(panel.name)}**: {panel.rating or 'not rated'}"
    if assessment is None:
        st.markdown(title)
        st.caption(
            "No key-question results are published for this standard, so its rating cannot be explained from "
            "case samples here."
            if panel.code[0] in "23"
            else "Rated on the service's evidence and meetings, not on key questions about cases."
        )
        return
    left, right = st.columns([3, 2])
    with left:
        st.markdown(title)
        ui.chart(
            charts_ratings.key_question_bars(panel),
            f"key-questions-{panel.code}",
            lambda: key_question_table([panel])[
                ["question", "relevant_cases", "number_yes", "pct_yes", "band", "source"]
            ],
            key=f"kq_{panel.code}",
        )
    with right:
        st.markdown(rules.explain(assessment))
        if assessment.discretion_applied:
            st.warning(
                f"Published rating differs from the band ({assessment.band}): professional discretion.",
                icon=":material/gavel:",
            )
        elif assessment.unexplained:
            st.error(
                f"Published rating differs from the band ({assessment.band}) outside HMIP's discretion rules.",
                icon=":material/help:",
            )
        lift = panel.lift()
        target = rules.next_rating(panel.rating) if panel.rating else None
        if lift is None or target is None:
            st.markdown("Already Outstanding: no higher rating.")
        else:
            lines = [
                f"- {rules.THEME_PHRASES.get(q.theme, q.question).capitalize()}: "
                f"{lift_label(lift[q.question_no], target)}"
                for q in panel.questions
            ]
            st.markdown(f"**To reach {target}:**\n" + "\n".join(lines))
        if any(q.counts_inferred for q in panel.questions):
            st.caption("Counts inferred: HMIP published a rounded % and the sample size, and only one count fits.")
        st.caption(f"Source: {md(panel.source)}")


def recommendations(frame: pd.DataFrame) -> None:
    """Recommendations grouped by the person or body they are addressed to, with reported progress."""
    st.subheader("Recommendations")
    if frame.empty:
        st.caption("No recommendations are recorded for this inspection.")
        return
    for addressee, rows in frame.groupby("addressee", sort=False):
        st.markdown(f"**To {md(addressee)}**")
        for row in rows.itertuples(index=False):
            st.markdown(f"{row.number}\\. {md(row.text[:1].upper() + row.text[1:])}")
            if isinstance(row.latest_progress, str):
                known = isinstance(row.progress_brag, str)
                status = f" ({row.progress_brag}: {brag.MEANINGS[row.progress_brag].lower()})" if known else ""
                st.caption(
                    f"Progress reported {long_date(pd.Timestamp(row.update_date).date())}{status}: "
                    f"{md(row.latest_progress)} (source: {md(row.progress_source)})"
                )
    st.caption(f"Source: {md('; '.join(frame['source'].unique()))}")
    ui.download_buttons(frame, "recommendations")


def compare_picker(options: list[str], groups: dict[str, list[str]]) -> tuple[list[str], str | None]:
    """2-8 areas, chosen one by one or as a saved comparator group (which then decides)."""
    left, right = st.columns([1, 2])
    group = left.selectbox(
        "Saved comparator group",
        sorted(groups),
        index=None,
        key="group",
        bind="query-params",
        placeholder="None: choose areas",
    )
    if group:
        members = [a for a in groups[group] if a in options]
        right.markdown(f"**{md(group)}**: {md(', '.join(members))}")
        return members, group
    chosen = right.multiselect(
        "Areas to compare (2 to 8)",
        options,
        key="areas",
        bind="query-params",
        max_selections=MAX_COMPARED,
        placeholder="Choose areas",
    )
    return list(chosen), None


# --- the inspection pages' reads, through the app's cached query ------------------------------------


def latest_inspections(filters: Filters) -> pd.DataFrame:
    return rating_data.latest_inspections(query, filters)


def inspections_by_year(filters: Filters) -> pd.DataFrame:
    return rating_data.inspections_by_year(query, filters)


def good_or_better_by_standard(filters: Filters) -> pd.DataFrame:
    return rating_data.good_or_better_by_standard(query, filters)


def ratings_matrix(filters: Filters, controls: MatrixControls, group_areas: list[str]) -> pd.DataFrame:
    return rating_data.ratings_matrix(
        query,
        filters,
        areas=group_areas,
        every=controls.every,
        frameworks=controls.frameworks,
        overall_ratings=controls.overall_ratings,
    )


def latest_ratings_of(areas: list[str]) -> pd.DataFrame:
    return rating_data.latest_ratings_of(query, areas)


def inspections_of_area(area: str) -> pd.DataFrame:
    return rating_data.inspections_of_area(query, area)


@dataclass(frozen=True)
class InspectionDetail:
    standards: pd.DataFrame
    key_questions: pd.DataFrame
    recommendations: pd.DataFrame
    findings: pd.DataFrame


def inspection_detail(inspection_id: int) -> InspectionDetail:
    return InspectionDetail(
        rating_data.standards_of_inspection(query, inspection_id),
        rating_data.key_questions_of_inspection(query, inspection_id),
        rating_data.recommendations_of_inspection(query, inspection_id),
        rating_data.findings_of_inspection(query, inspection_id),
    )


def latest_scored_inspections(demo: bool) -> pd.DataFrame:
    return rating_data.latest_scored_inspections(query, demo)


def latest_inspection_scores(demo: bool) -> pd.DataFrame:
    return rating_data.latest_inspection_scores(query, demo)
