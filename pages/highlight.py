"""Highlight report for a board meeting: completed, slipped, status now and then, decisions needed."""

import datetime as dt

import streamlit as st

from yjs.app import boardpack as ui_boardpack
from yjs.app import plan_progress as ui_progress
from yjs.app import plans as ui_plans
from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.domain import exports, highlight
from yjs.domain.dates import long_date

page = current_page()
filters = page.filters
st.title("Highlight report")
if ui_progress.no_plan_chosen(filters):
    st.info(
        "Choose **Your area** in the sidebar for its plan's report to the board, or open one of these.",
        icon=":material/arrow_back:",
    )
    ui.areas_to_open(ui_progress.plans_to_open(filters), page.spec.path, "Plans to open, the latest updated first")
    st.stop()
data = ui_plans.chosen_plan_or_stop(filters)

today = dt.date.today()
left, right = st.columns(2)
meeting = left.date_input(
    "This board meeting", value=today, max_value=today, format="DD/MM/YYYY", key="meeting", bind="query-params"
)
previous = right.date_input(
    "Previous board meeting",
    value=today - dt.timedelta(days=56),
    max_value=today,
    format="DD/MM/YYYY",
    key="previous",
    bind="query-params",
)
if previous >= meeting:
    st.error("The previous meeting must be before this one: choose an earlier date.", icon=":material/event_busy:")
    st.stop()

report = highlight.highlight_report(data.plan, data.actions, data.updates, data.edits, meeting, previous)
st.subheader(f"Board meeting of {long_date(meeting)}, compared with {long_date(previous)}")
ui_plans.legend()
st.dataframe(
    ui_plans.status_styled(report.counts),
    hide_index=True,
    width="content",
    column_config={"status": "Status", "then": long_date(previous), "now": long_date(meeting), "change": "Change"},
)

sections = (
    (
        f"Completed since {long_date(previous)}",
        report.completed,
        {"completed": "Completed"},
        "No action was completed.",
    ),
    (f"Slipped since {long_date(previous)}", report.slipped, {"why": "What changed"}, "No action slipped."),
    (
        "Decisions needed",
        report.decisions,
        {"last_update": "Last update", "days_since_update": "Days since"},
        f"No Red action has gone {highlight.STALE_AFTER_DAYS} days without an update.",
    ),
)
for heading, frame, extra, empty in sections:
    st.subheader(f"{heading} ({len(frame)})")
    if heading == "Decisions needed":
        st.caption(f"Red actions with no update for more than {highlight.STALE_AFTER_DAYS} days before the meeting.")
    if frame.empty:
        st.caption(empty)
        continue
    st.dataframe(
        ui_plans.status_styled(frame),
        hide_index=True,
        width="stretch",
        column_order=["ref", "action", *extra, "status", "progress", "lead", "due"],
        column_config={
            "ref": "Ref",
            "action": st.column_config.TextColumn("Action", width="large"),
            "progress": st.column_config.TextColumn("Latest progress", width="large"),
            "lead": "Lead",
            "due": "Due",
            "status": "Status",
            **extra,
        },
    )

name = f"highlight-{data.plan['plan']}-{meeting}"
row = st.container(horizontal=True)
row.download_button(
    "Download Markdown",
    lambda: highlight.to_markdown(report).encode("utf-8"),
    file_name=f"{name}.md",
    mime="text/markdown",
    icon=":material/download:",
    on_click="ignore",
)
row.download_button(
    "Download XLSX",
    lambda: exports.xlsx_workbook_bytes(highlight.to_sheets(report)),
    file_name=f"{name}.xlsx",
    icon=":material/download:",
    on_click="ignore",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
ui_boardpack.board_pack(data.plan["area"], meeting)
