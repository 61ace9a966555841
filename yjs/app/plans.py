"""The improvement plan pages' helpers: choosing a plan, the legend, the tables."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from yjs.app.cache import query
from yjs.app.widgets import download_buttons, lazy_expander
from yjs.charts.base import BRAG_COLOURS, BRAG_TEXT_COLOURS
from yjs.data import plans as plan_data
from yjs.data.plans import PlanData
from yjs.domain import brag, highlight, plans
from yjs.domain.dates import long_date
from yjs.domain.filters import Filters
from yjs.domain.plaintext import markdown_text as md


def choose_plan(filters: Filters) -> PlanData | None:
    """The plan chosen on the page (bound to the URL), among the plans of the areas on show."""
    options = plan_data.plans_on_show(query, filters.show_demo)
    if filters.area and filters.area in set(options["area"]):
        options = options[options["area"] == filters.area]
    elif filters.area:
        st.info(
            f"{md(filters.area)} has no improvement plan in the database; choose another area's plan below, "
            "or import one on the Load data page.",
            icon=":material/info:",
        )
    if options.empty:
        st.info("No improvement plans are loaded. Import one on the **Load data** page.", icon=":material/upload_file:")
        return None
    # The URL holds the label (Streamlit binds the shown option), so it names the area and title only.
    labels = {row.plan: plan_label(row.area, row.title) for row in options.itertuples(index=False)}
    chosen = st.selectbox("Plan", list(labels), format_func=labels.get, key="plan", bind="query-params")
    if chosen is None:
        return None
    plan = options.set_index("plan").loc[chosen].to_dict() | {"plan": chosen}
    return plan_data.plan_data(query, plan)


def chosen_plan_or_stop(filters: Filters) -> PlanData:
    """The plan the page shows, with its caption; the page stops (with a prompt) when there is none."""
    data = choose_plan(filters)
    if data is None:
        st.stop()
    plan_caption(data.plan)
    return data


def plan_label(area: str, title: str) -> str:
    return f"{area}: {title}"


def plan_caption(plan: dict) -> None:
    dated = f", {pd.Timestamp(plan['plan_date']):%B %Y}" if pd.notna(plan["plan_date"]) else ""
    st.caption(f"{md(plan['area'])}{dated}: {plan['actions']} actions. Source: {md(plan['source'])}.")
    if plan["is_demo"]:
        st.warning(
            "**Demo data.** This area and its plan, actions and status history are invented.", icon=":material/science:"
        )


def _chip(status: str) -> str:
    return (
        f"<span style='background:{BRAG_COLOURS[status]};color:{BRAG_TEXT_COLOURS[status]};padding:2px 8px;"
        f"border-radius:4px;border:1px solid #333;font-weight:600'>{status}</span>"
    )


def legend() -> None:
    """The BRAG key, on every plan view: colour and word together."""
    meanings = {**brag.MEANINGS, brag.NOT_ASSESSED: "the plan's words give no clear status"}
    items = " &nbsp; ".join(
        f"{_chip(s)} {meanings[s].lower() if s != brag.NOT_ASSESSED else meanings[s]}"
        for s in (brag.BLUE, brag.GREEN, brag.AMBER, brag.RED, brag.NOT_ASSESSED)
    )
    st.markdown(f"**Key:** {items}", unsafe_allow_html=True)


def status_styled(frame: pd.DataFrame, column: str = "status"):
    """A table whose status cells carry their BRAG colour as well as their name."""
    return frame.style.map(_status_style, subset=[column])


def _status_style(value: str) -> str:
    if value in BRAG_COLOURS:
        return f"background-color: {BRAG_COLOURS[value]}; color: {BRAG_TEXT_COLOURS[value]}; font-weight: 600"
    return ""


def with_display_dates(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Dates as '17 September 2024' in new columns named by `columns`."""
    shown = frame.copy()
    for source, target in columns.items():
        shown[target] = [long_date(pd.Timestamp(d).date()) if pd.notna(d) else "" for d in shown[source]]
    return shown


def with_marked_words(frame: pd.DataFrame) -> pd.DataFrame:
    """Status words as shown: marked where the status was read from a completion month."""
    marked = [brag.words_with_mark(w, r) for w, r in zip(frame["status_text"], frame["read_from"], strict=True)]
    return frame.assign(status_text=marked)


ACTION_COLUMNS = {
    "ref": "Ref",
    "status": "Status",
    "status_text": "Plan's status words",
    "action": "Action",
    "progress": "Latest progress",
    "finding": "Finding it answers",
    "lead": "Lead",
    "agency": "Agency",
    "board_sponsor": "Board sponsor",
    "due": "Due",
    "due_text": "Plan's timescale",
    "measures": "Measures",
    "evidence": "Evidence",
    "evidence_link": "Evidence link",
    "updated": "Status as at",
}


def as_shown(state: pd.DataFrame) -> pd.DataFrame:
    """The actions' columns as the plan view shows (and exports) them: the status words carry the mark
    where the status was read from a completion month, and the latest dated progress note is beside them."""
    shown = with_marked_words(with_display_dates(state, {"due_date": "due", "status_date": "updated"}))
    shown["progress"] = highlight.dated_progress(shown)
    return shown[["theme", *ACTION_COLUMNS]].rename(columns={"theme": "Theme", **ACTION_COLUMNS})


def action_table(state: pd.DataFrame, key: str) -> None:
    """Actions with their status coloured and named, the plan's own words beside it."""
    shown = as_shown(state).drop(columns="Theme")
    st.dataframe(
        status_styled(shown, "Status"),
        hide_index=True,
        width="stretch",
        key=key,
        column_config={
            "Action": st.column_config.TextColumn(width="large"),
            "Latest progress": st.column_config.TextColumn(width="large"),
            "Evidence link": st.column_config.LinkColumn(),
        },
    )


def grouped_actions(state: pd.DataFrame, themes: pd.DataFrame) -> None:
    """Actions by pillar or theme, each group headed by its lead (where the plan names one) and its
    counts by status."""
    counts = plans.status_counts(state, "theme").set_index("theme")
    leads = themes.set_index("theme")
    expanded = len(counts) <= 6  # a few pillars open at once; a long list of themes starts closed
    for theme, rows in state.assign(theme=state["theme"].fillna("(none)")).groupby("theme", sort=False):
        tally = counts.loc[theme]
        summary = ", ".join(f"{tally[s]} {s}" for s in plans.STATUS_ORDER if tally[s])
        noun = "action" if tally["Total"] == 1 else "actions"
        led = f" (lead: {md(leads.at[theme, 'lead'])})" if theme in leads.index and leads.at[theme, "lead"] else ""
        label = f"**{md(theme)}**{led}: {tally['Total']} {noun} ({summary})"
        box = lazy_expander(label, f"theme_{theme}", expanded=expanded)
        if box is not None:
            with box:
                if theme in leads.index:
                    theme_caption(leads.loc[theme])
                action_table(rows, key=f"theme_table_{theme}")


def theme_caption(theme: pd.Series) -> None:
    """Who sponsors a pillar on the board (its lead is in the heading), with where the plan says so."""
    sponsor = f"**Board sponsor:** {theme['board_sponsor']} · " if theme["board_sponsor"] else ""
    st.caption(f"{sponsor}Lead and sponsor as the plan names them: {theme['source']}")


def coverage_table(coverage: pd.DataFrame, linked_any: bool) -> None:
    if coverage.empty:
        st.info("The inspection this plan answers has no recommendations in the database.")
        return
    if not linked_any:
        st.warning(
            "**No action in this plan is linked to a recommendation** (its source document does not link "
            "them). Every recommendation is flagged below until actions are linked: import the plan with a "
            "`recommendations` column (e.g. `1; 3`).",
            icon=":material/link_off:",
        )
    gaps = coverage[coverage["flag"] != ""]
    if len(gaps) and linked_any:
        st.error(
            f"**{len(gaps)} recommendation(s) need attention**: "
            + "; ".join(f"{r.number} ({r.flag.lower()})" for r in gaps.itertuples()),
            icon=":material/flag:",
        )
    shown = coverage.assign(flag=coverage["flag"].replace("", "Covered"))
    st.dataframe(
        shown.style.map(
            lambda v: "" if v == "Covered" else "background-color: #FBE3D6; font-weight: 600", subset=["flag"]
        ),
        hide_index=True,
        width="stretch",
        column_order=["number", "flag", "recommendation", "actions", "statuses", "addressee"],
        column_config={
            "number": "No.",
            "addressee": "Addressed to",
            "recommendation": st.column_config.TextColumn("Recommendation", width="large"),
            "actions": "Actions answering it",
            "statuses": "Their status",
            "flag": "Coverage",
        },
    )
    download_buttons(
        shown[["number", "flag", "recommendation", "actions", "statuses", "addressee"]], "recommendation-coverage"
    )


def upcoming_table(upcoming: pd.DataFrame) -> None:
    if upcoming.empty:
        st.success("No action is overdue or due in the next 90 days.", icon=":material/event_available:")
        return
    shown = with_display_dates(upcoming, {"due_date": "due"})
    shown["days"] = [f"{-d} days overdue" if d < 0 else f"in {d} days" for d in shown["days"]]
    st.dataframe(
        status_styled(shown[["owner", "window", "ref", "action", "due", "days", "status"]]),
        hide_index=True,
        width="stretch",
        column_config={
            "owner": "Owner",
            "window": "When",
            "ref": "Ref",
            "action": st.column_config.TextColumn("Action", width="large"),
            "due": "Due",
            "days": "Days",
            "status": "Status",
        },
    )
    download_buttons(shown[["owner", "window", "ref", "action", "due", "days", "status"]], "overdue-and-upcoming")
