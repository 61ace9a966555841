"""Improvement plan: the actions by theme and recommendation, what is due, the timeline, progress, edits."""

import datetime as dt

import streamlit as st

from yjs.app import boardpack as ui_boardpack
from yjs.app import plan_edit as ui_plan_edit
from yjs.app import plan_progress as ui_progress
from yjs.app import plans as ui_plans
from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.charts import plans as charts_plans
from yjs.domain import brag, plans
from yjs.domain.dates import long_date

filters = current_page().filters
ui_progress.across_services_unless_chosen(filters)  # without an area or a plan in the link, every plan side by side
st.title("Improvement plan")
data = ui_plans.chosen_plan_or_stop(filters)
st.caption(
    "Import a plan, or an updated one, on the **Load data** page (“actions”); the board's report for a "
    "meeting is on the **Highlight report** page."
)
ui_boardpack.board_pack(data.plan["area"])

today = dt.date.today()
as_at = st.date_input(
    "As at",
    value=today,
    max_value=today,
    format="DD/MM/YYYY",
    key="as_at",
    bind="query-params",
    help="The plan exactly as it stood at the end of this day: statuses, due dates and links then.",
)
state = data.as_at(as_at)
if as_at != today:
    st.info(
        f"Showing the plan **as it stood on {long_date(as_at)}**. Changes made since are not shown.",
        icon=":material/history:",
    )
ui_plans.legend()

counts = plans.status_counts(state).iloc[0]
columns = st.columns(len(plans.STATUS_ORDER) + 1)
columns[0].metric("Actions", int(counts["Total"]))
for column, status in zip(columns[1:], plans.STATUS_ORDER, strict=True):
    column.metric(status, int(counts[status]))


def by_theme() -> None:
    marked = int(state["read_from"].eq(brag.COMPLETION_MONTH).sum())
    st.caption(
        "Actions grouped by the plan's pillars or themes, with the count of each status in the heading. "
        "The plan's own status words stay beside the BRAG status; “Not assessed” means they give no clear one."
        + (
            f" {marked} actions give a month in the plan's completion column: on or before the status date, it is "
            f"read as completed in that month (Blue) and marked “{brag.COMPLETION_MONTH_MARK}”."
            if marked
            else ""
        )
    )
    ui_plans.grouped_actions(state, data.themes)
    ui.download_buttons(ui_plans.as_shown(state), f"plan-{data.plan['plan']}-{as_at}")


def by_recommendation() -> None:
    coverage = plans.recommendation_coverage(state, data.recommendations)
    st.caption(
        "Each recommendation of the inspection with the actions that answer it. A recommendation no action "
        "answers, or whose every action is Red, is flagged."
    )
    ui_plans.coverage_table(coverage, linked_any=plans.links_recommendations(state))


def overdue_and_upcoming() -> None:
    upcoming = plans.overdue_and_upcoming(state, as_at)
    st.caption(
        f"Actions past their due date and not complete, and those due in the next 30, 60 and 90 days "
        f"(from {long_date(as_at)}), by owner."
    )
    ui_plans.upcoming_table(upcoming)


def timeline() -> None:
    rows = plans.timeline_rows(state, data.plan["plan_date"])
    if rows.empty:
        st.info("No action in this plan has a due date, so there is nothing to place on a timeline.")
        return
    ui.chart(
        charts_plans.timeline(rows, as_at, title="Actions from start to due date"),
        "plan-timeline",
        rows[["ref", "action", "lead", "bar_start", "due_date", "status", "overdue"]],
    )
    st.caption(
        f"{len(rows)} of {len(state)} actions have a due date. A bar starts at the action's start date, "
        "else the plan's date; the dashed line is today."
    )


def progress_over_time() -> None:
    progress = plans.progress_over_time(data.actions, data.updates, data.edits, as_at)
    ui.chart(
        charts_plans.progress(progress, title="Status of the actions at each update"),
        "plan-progress",
        progress.pivot(index="date", columns="status", values="actions").reset_index(),
    )
    st.caption(
        "Counts at each date a status was recorded, as the plan stood that day. Choose an earlier "
        "“As at” date above to see the whole plan then."
    )


def edit_and_history() -> None:
    action = ui_plan_edit.choose_action(data.as_at(today))
    if action is not None:
        ui_plan_edit.edit_form(data, action)
        ui_plan_edit.history(data, int(action.name))


views = {
    "By theme": by_theme,
    "By recommendation": by_recommendation,
    "Overdue and upcoming": overdue_and_upcoming,
    "Timeline": timeline,
    "Progress over time": progress_over_time,
    "Edit and history": edit_and_history,
}
# Bound to the link, the tabs know which one is open, and only that one is built: switching reruns the page
# (a saved edit reruns onto the same tab).
for tab, show in zip(st.tabs(list(views), key="view", bind="query-params"), views.values(), strict=True):
    if tab.open:
        with tab:
            show()
