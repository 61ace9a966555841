"""Ratings matrix: every area's HMIP rating on each standard, with its overall rating and score."""

import streamlit as st

from yjs.app import ratings as ui_ratings
from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.app.indicators import saved_groups
from yjs.charts import ratings as charts_ratings
from yjs.domain import ratings
from yjs.domain.plaintext import markdown_text as md

filters = current_page().filters
st.title("Ratings matrix")
st.caption(
    "Each row is an inspection, each column one of HMIP's twelve scored standards; resettlement (4.1) stands "
    "apart because it never counts in the score. Hover a cell for the standard's name and the source."
)
groups = saved_groups()
controls = ui_ratings.matrix_controls(groups)
long = ui_ratings.ratings_matrix(filters, controls, groups.get(controls.group, []))
if long.empty:
    st.info(
        "No inspections match these filters. Widen the inspection years, or clear the region, rating, framework "
        "or group filters.",
        icon=":material/filter_alt_off:",
    )
    st.stop()

wide = ratings.matrix(long)
ui.demo_notice(wide.drop_duplicates("area"))
scored, newer = ratings.split_frameworks(wide)
scored = ratings.sort_matrix(scored, controls.sort)
if not scored.empty:
    labels = ratings.row_labels(scored, every=controls.every)
    st.markdown(f"**{len(scored)} inspection{'s' if len(scored) != 1 else ''}, sorted by {controls.sort.lower()}**")
    ui.chart(
        charts_ratings.ratings_heatmap(scored, labels, ratings.standard_names(long)),
        "ratings-matrix-chart",
        config={"displayModeBar": False},
    )  # the matrix as a table follows
    ui_ratings.legend()
    missing = scored[scored["standards_rated"] == 0]
    if not missing.empty:
        st.caption(
            f"Only the overall rating is known for: {md(', '.join(missing['area']))} (no per-standard table was "
            "published in the source); their rows are blank."
        )

table = ratings.matrix_table(scored)
with st.expander("The matrix as a table", icon=":material/table:"):
    st.dataframe(table, hide_index=True, width="stretch")
ui.download_buttons(table, "ratings-matrix")

if not newer.empty:
    st.subheader("Inspected under the 2025 framework")
    st.caption(
        "From spring 2025 HMIP rates organisational delivery, work with children and work with victims. These "
        "inspections do not fit the twelve standards above and have no score out of 36."
    )
    newer_table = ratings.matrix_table(ratings.sort_matrix(newer, controls.sort), standards=False)
    st.dataframe(newer_table, hide_index=True, width="stretch")
    ui.download_buttons(newer_table, "inspections-2025-framework")
