"""Cohort explorer: filter the children the service works with and see them by any two dimensions."""

import streamlit as st

from yjs.app import cohort as ui_cohort
from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.charts import cohort as charts_cohort
from yjs.domain import disclosure
from yjs.domain.cohort import BY_KEY, DIMENSIONS, TOTAL

filters = current_page().filters
threshold = ui_cohort.threshold_setting()
st.title("Cohort explorer")
areas = ui_cohort.scope_areas(filters)
st.caption(f"Children who started with the service, in {ui_cohort.scope_label(filters, areas)}.")
ui_cohort.disclosure_note(threshold)
found = ui_cohort.cohort_scope(filters)
if found is None:
    st.stop()
scope, summary = found
ui_cohort.demo_cohort_notice(summary)
scope = ui_cohort.cohort_filters(scope, threshold)

labels = {d.key: d.label for d in DIMENSIONS}
left, right = st.columns(2)
row_dim = left.selectbox("Rows", list(labels), index=2, format_func=labels.get, key="rows", bind="query-params")
col_dim = right.selectbox("Columns", list(labels), index=3, format_func=labels.get, key="cols", bind="query-params")
if row_dim == col_dim:
    st.info("Choose two different dimensions to cross-tabulate.", icon=":material/swap_horiz:")
    st.stop()

table = ui_cohort.crosstab(scope, row_dim, col_dim)  # perturbed, its totals cells of their own
total = disclosure.figure(table.loc[TOTAL, TOTAL])  # None where withheld
if total == 0:  # a true zero stays zero, so this is no one at all
    st.info("No children match these filters. Remove a filter or widen the years.", icon=":material/filter_alt_off:")
    st.stop()
st.metric("Children matching the filters", disclosure.show_count(total, threshold))

st.subheader(f"{BY_KEY[row_dim].label} by {BY_KEY[col_dim].label}")
shown = disclosure.show_table(table, threshold)
st.dataframe(shown, width="stretch")
ui.download_buttons(shown.reset_index(), f"children-by-{row_dim}-and-{col_dim}")
cells = table.drop(index=TOTAL, columns=TOTAL)
mask = disclosure.hidden(cells, threshold)
ui.chart(
    charts_cohort.stacked_counts(cells, mask, title=f"Children by {BY_KEY[row_dim].label.lower()}"),
    f"chart-children-by-{row_dim}",
)  # its table is just above
if mask.to_numpy().any():
    st.caption("Cells marked c are left out of the chart.")

st.subheader(f"Reoffending within 12 months by {BY_KEY[row_dim].label.lower()}")
reoffending = ui_cohort.reoffending_rates(scope, row_dim, col_dim, threshold)
if reoffending["rate"].notna().any():
    ui.chart(
        charts_cohort.rates(
            reoffending, value="rate", label="group", title="Share of children followed up for 12 months who reoffended"
        ),
        f"reoffending-by-{row_dim}",
    )  # its table, suppressed, follows
st.dataframe(
    reoffending[["group", "reoffended", "followed_up", "rate_text"]],
    hide_index=True,
    width="stretch",
    column_config={
        "group": BY_KEY[row_dim].label,
        "reoffended": "Reoffended",
        "followed_up": "Followed up 12 months",
        "rate_text": "Rate",
    },
)
ui.download_buttons(reoffending[["group", "reoffended", "followed_up", "rate_text"]], f"reoffending-by-{row_dim}")

st.subheader("2023 key performance indicators for these children")
kpis = ui_cohort.kpi_table(scope, threshold)
st.dataframe(
    kpis,
    hide_index=True,
    width="stretch",
    column_config={
        "name": "Indicator",
        "numerator": "Children meeting it",
        "denominator": "Of",
        "rate_text": "Rate",
        "polarity": "Better when",
    },
)
ui.download_buttons(kpis, "cohort-kpis")
st.caption(
    "Measured at the end of an order, as the Youth Justice Board's 2023 KPIs are; orders still open are left out."
)
