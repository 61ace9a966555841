"""Disproportionality by area: for one group and one stage, every area's relative rate index, ranked."""

import streamlit as st

from yjs.app import cohort as ui_cohort
from yjs.app import disproportionality_by_area as ui_by_area
from yjs.app.entry import current_page

filters = current_page().filters
threshold = ui_cohort.threshold_setting()
st.title("Disproportionality by area")
st.caption(
    "Each area's relative rate index (RRI) for one group at one stage: the group's rate divided by the reference "
    "group's, the stage measured against the one before, with its 95% interval. Areas are ranked against each "
    "other and against the index pooled over all of them; an area whose interval excludes 1 is marked. An area "
    "whose counts are too small to show is listed as withheld, never drawn. The **Disproportionality** page "
    "shows every stage for one area, or for the areas pooled."
)
ui_cohort.disclosure_note(threshold)
areas = ui_by_area.areas_shown(filters)
found = ui_cohort.cohort_scope(filters, areas["area"].tolist())
if found is None:
    st.stop()
scope, summary = found
ui_cohort.demo_cohort_notice(summary)
choice = ui_by_area.choices()
for kind_scope, kind in ui_by_area.scopes_by_kind(areas, scope):
    ui_by_area.kind_section(kind_scope, kind, choice, threshold, filters.area)
