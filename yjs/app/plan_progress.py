"""Plans across services: every area's improvement plan side by side, real and demo apart (never ranked
together), each set with its status shares, a table linking to each plan, and completion over time."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from yjs.app import boardpack as ui_boardpack
from yjs.app import widgets
from yjs.app.cache import query
from yjs.app.navigation import AREA, BY_URL, DEMO
from yjs.charts import plans as charts_plans
from yjs.data import plans as plan_data
from yjs.domain import plan_progress
from yjs.domain.dates import long_date
from yjs.domain.filters import Filters

PLAN_PAGE, PLANS_PAGE = BY_URL["plan"], BY_URL["plans"]
KINDS = ((False, "real"), (True, "demo"))
ARRIVED_KEY = "plans_from_plan_page"
PLAN_KEY = "plan"  # the Improvement plan page's choice of plan (yjs/app/plans.py), kept in its link


def no_plan_chosen(filters: Filters) -> bool:
    """No area chosen, and no plan in the page's link or already on screen."""
    return filters.area is None and PLAN_KEY not in st.query_params and PLAN_KEY not in st.session_state


def plans_to_open(filters: Filters) -> pd.DataFrame:
    """The plans on show, the latest updated first, each with its status in a few words."""
    today = dt.date.today()
    return plan_progress.plans_to_open(plan_progress.progress_at(plans_in_scope(filters, today), today))


def across_services_unless_chosen(filters: Filters) -> None:
    """Improvement plan with no area chosen, and no plan in its link or already on screen, opens on every plan
    side by side."""
    if no_plan_chosen(filters):
        st.session_state[ARRIVED_KEY] = True
        st.switch_page(PLANS_PAGE.path)


def arrival_note() -> None:
    """Say why someone who asked for the Improvement plan sees every plan, and how to open one."""
    if st.session_state.pop(ARRIVED_KEY, False):
        st.info(
            "**Improvement plan** shows one area's plan: choose **Your area** in the sidebar, or open a plan from "
            "a table below.",
            icon=":material/checklist:",
        )


def plans_in_scope(filters: Filters, as_at: dt.date) -> pd.DataFrame:
    """Every area's plan in the areas on show, at each status date up to `as_at` (one cached query)."""
    return plan_data.plans_by_area_and_date(query, filters.show_demo, list(filters.regions), as_at)


def plan_link(area: str, is_demo: bool) -> str:
    """The Improvement plan page opened on an area's plan (a relative link, so it works behind any prefix)."""
    params = {AREA: area} | ({DEMO: "true"} if is_demo else {})
    return f"{PLAN_PAGE.url_path}?{urlencode(params)}"


def open_chosen_plan(area: str | None, progress: pd.DataFrame) -> None:
    """A plain link to the chosen area's plan, or a note that it has none here."""
    if not area:
        return
    row = progress[progress["area"] == area]
    if row.empty:
        st.info(f"{area} has no improvement plan in the database.", icon=":material/info:")
        return
    params = {AREA: area} | ({DEMO: "true"} if bool(row["is_demo"].iloc[0]) else {})
    st.page_link(
        PLAN_PAGE.path, label=f"Open {area}'s improvement plan", icon=":material/checklist:", query_params=params
    )


def _flag_style(value: str) -> str:
    return "background-color: #FBE3D6; font-weight: 600" if value else ""


def plans_table(progress: pd.DataFrame, name: str) -> None:
    """The plans in the order chosen, each with a link to open it; the stale flag marked in words and colour."""
    table = plan_progress.as_table(progress)
    shown = table.assign(Open=[plan_link(a, d) for a, d in zip(progress["area"], progress["is_demo"], strict=True)])
    st.dataframe(
        shown.style.map(_flag_style, subset=["Update flag"]),
        hide_index=True,
        width="stretch",
        key=f"table_{name}",
        column_order=["Area", "Open", *table.columns[1:].drop(["Complete (Blue)", "Plan", "Source"])],
        column_config={
            "Open": st.column_config.LinkColumn("Plan", display_text="Open plan", width="small"),
            "Rating the plan answers": st.column_config.TextColumn(width="medium"),
            **{
                f"{status} %": st.column_config.NumberColumn(f"{status} %", format="%d%%", width="small")
                for status in plan_progress.BAR_ORDER
            },
        },
    )
    widgets.download_buttons(table, name)


def kind_section(progress: pd.DataFrame, series: pd.DataFrame, kind: str, highlight: str | None, sort: str) -> None:
    """One set of plans (real, or demo): words, the status chart with its table, and completion over time."""
    st.subheader(f"{kind.capitalize()} areas' plans ({len(progress)})")
    if kind == "demo":
        st.warning(
            "**Demo data.** These areas, their plans and status histories are invented. They are compared only "
            "with each other, never ranked with the real areas.",
            icon=":material/science:",
        )
    st.markdown(plan_progress.summary_sentence(progress, kind))
    ordered = plan_progress.sorted_progress(progress, sort)
    widgets.chart(
        charts_plans.status_shares(
            ordered,
            highlight=highlight,
            title=f"{kind.capitalize()} plans by status, {plan_progress.SORT_PHRASES[sort]}",
        ),
        f"plan-status-{kind}",
    )  # the table below is the chart's data
    plans_table(ordered, f"plans-across-services-{kind}")
    shown = series[series["area"].isin(progress["area"])]
    widgets.chart(
        charts_plans.completion_lines(shown, highlight=highlight, title=f"Share of actions complete, {kind} areas"),
        f"plan-completion-{kind}",
        lambda: shown.assign(date=shown["date"].map(lambda d: long_date(pd.Timestamp(d).date()))).drop(
            columns="is_demo"
        ),
    )
    st.caption(
        "Each step is a date a status was recorded; the share holds until the next. "
        + _highlight_words(shown, highlight)
    )


def _highlight_words(series: pd.DataFrame, highlight: str | None) -> str:
    if highlight not in set(series["area"]):
        return ""
    if series["area"].nunique() <= len(charts_plans.SERIES_COLOURS):
        return f"{highlight} is the thick black line."
    return f"{highlight} is in colour, the other areas grey."


def regional_pack(filters: Filters, progress: pd.DataFrame) -> None:
    """With one region chosen, a board pack for its partnership (of its demo areas when they are shown)."""
    if len(filters.regions) != 1:
        st.caption("Choose one region in the sidebar for a regional partnership's board pack of this page's chart.")
        return
    demo = filters.show_demo and bool(progress["is_demo"].any())
    ui_boardpack.regional_board_pack(filters.regions[0], demo)
