"""Disproportionality: who is over-represented, at which stage, and is it more than chance."""

import streamlit as st

from yjs.app import cohort as ui_cohort
from yjs.app import context as ui_context
from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.charts import cohort as charts_cohort
from yjs.domain import disclosure, disproportionality
from yjs.domain.disproportionality import GROUPINGS

filters = current_page().filters
threshold = ui_cohort.threshold_setting()
st.title("Disproportionality")
areas = ui_cohort.scope_areas(filters)
st.caption(
    f"Relative rate index (RRI) at each stage, in {ui_cohort.scope_label(filters, areas)}: a group's rate "
    "divided by the reference group's, each stage measured against the one before. 1 means the same rate; "
    "a group is flagged only where the 95% confidence interval excludes 1."
)
ui_context.what_the_published_documents_say(ui_cohort.scope_areas(filters, child_level=False))
ui_cohort.disclosure_note(threshold)
found = ui_cohort.cohort_scope(filters)
if found is None:
    st.stop()
scope, summary = found
ui_cohort.demo_cohort_notice(summary)

grouping = st.radio(
    "Compare",
    list(GROUPINGS),
    format_func=lambda g: GROUPINGS[g][0],
    horizontal=True,
    key="compare",
    bind="query-params",
)
label, reference, _compared, unknown = GROUPINGS[grouping]
compared_with = disproportionality.REFERENCE_PHRASES[grouping]
stage_counts = ui_cohort.stage_counts(scope, grouping)
counts = disproportionality.period_counts(stage_counts)
table = disproportionality.rri_table(counts, grouping, threshold)
if table.empty:
    st.info(
        "There are too few children in these groups to compare. Widen the years or the areas.", icon=":material/info:"
    )
    st.stop()

flagged = table[table["flagged"]]
if flagged.empty:
    st.success(
        f"No stage shows a difference from {compared_with} that is more than chance.", icon=":material/check_circle:"
    )
else:
    lines = [
        f"- **{r.group}** children: {r.stage.split(' (')[0].lower()}, RRI {r.rri:.2f} "
        f"({r.low:.2f}–{r.high:.2f}), {r.direction} than {compared_with}"
        for r in flagged.itertuples()
    ]
    st.warning("**More than chance** (95% interval excludes 1):\n" + "\n".join(lines), icon=":material/flag:")

ui.chart(charts_cohort.forest(table, title=f"RRI by stage, against {compared_with}"), f"rri-{grouping}")
# the chart's table, suppressed, follows
shown = disproportionality.display_counts(table, threshold)
columns = [
    "stage",
    "group",
    "group_events",
    "group_base",
    "group_rate",
    "reference_events",
    "reference_base",
    "reference_rate",
    "rri",
    "low",
    "high",
    "flagged",
    "note",
]
st.dataframe(
    shown[columns],
    hide_index=True,
    width="stretch",
    column_config={
        "stage": "Stage",
        "group": label,
        "group_events": "Children",
        "group_base": "Of",
        "group_rate": st.column_config.NumberColumn("Rate", format="percent"),
        "reference_events": f"{reference}",
        "reference_base": "Of",
        "reference_rate": st.column_config.NumberColumn(f"{reference} rate", format="percent"),
        "rri": st.column_config.NumberColumn("RRI", format="%.2f"),
        "low": st.column_config.NumberColumn("95% low", format="%.2f"),
        "high": st.column_config.NumberColumn("95% high", format="%.2f"),
        "flagged": "More than chance",
        "note": "Note",
    },
)
ui.download_buttons(shown[columns], f"relative-rate-index-{grouping}")
if unknown:
    unknown_counts = counts.loc[counts["group_value"].isin(unknown), "entered"]
    entered = unknown_counts.iloc[0] if not unknown_counts.empty else 0  # one group: one perturbed cell
    st.caption(
        f"Ethnicity not recorded: {disclosure.show_count(entered, threshold)} children; counted in the "
        "cohort shares below, never compared."
    )
if grouping == "ethnicity":
    group_shares = disproportionality.shares(counts, grouping, threshold)
    ui.chart(
        charts_cohort.shares(group_shares, title="Share of the 10-17 population and of the cohort"),
        "population-and-cohort-shares",
        group_shares,
    )

st.subheader("Trend by year")
stage_key = st.selectbox(
    "Stage",
    [s.key for s in disproportionality.STAGES],
    key="trend_stage",
    format_func={s.key: s.label for s in disproportionality.STAGES}.get,
    bind="query-params",
)
trend = disproportionality.trend(stage_counts, grouping, stage_key, threshold)
if trend.empty:
    st.info("Not enough children per year to show this stage's trend without revealing small counts.")
else:
    ui.chart(
        charts_cohort.trend(trend, title="RRI by year the children started"),
        f"rri-trend-{stage_key}",
        trend[["year", "group", "stage", "rri", "low", "high", "flagged"]],
    )
