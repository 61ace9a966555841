"""Plans across services: every area's improvement plan side by side, by status, overdue and last update."""

import datetime as dt

import streamlit as st

from yjs.app import plan_progress as ui_progress
from yjs.app import plans as ui_plans
from yjs.app.entry import current_page
from yjs.domain import plan_progress
from yjs.domain.dates import long_date

filters = current_page().filters
st.title("Plans across services")
ui_progress.arrival_note()
today = dt.date.today()
frame = ui_progress.plans_in_scope(filters, today)
if frame.empty:
    st.info(
        "No improvement plans are loaded for the areas shown. Clear the region filter, switch on **Show demo "
        "areas**, or import a plan on the **Load data** page (“actions”).",
        icon=":material/upload_file:",
    )
    st.stop()
st.caption(
    f"Every area's improvement plan as it stands today, {long_date(today)}: the share of its actions at each "
    f"status, the actions past their due date and not complete, the date of its last status update (flagged "
    f"after {plan_progress.STALE_DAYS} days) and the inspection rating it answers. Open a plan from the table."
)
ui_plans.legend()
progress = plan_progress.progress_at(frame, today)
series = plan_progress.completion_over_time(frame)
sort = st.selectbox("Sort by", list(plan_progress.SORTS), key="sort", bind="query-params", width=300)
ui_progress.open_chosen_plan(filters.area, progress)
for is_demo, kind in ui_progress.KINDS:
    part = progress[progress["is_demo"] == is_demo]
    if not part.empty:
        ui_progress.kind_section(part, series, kind, filters.area, sort)
ui_progress.regional_pack(filters, progress)
