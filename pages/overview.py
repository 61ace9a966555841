"""Overview: the national picture of HMIP inspections, latest per area."""

import streamlit as st

from yjs import appdata, charts, ui

filters = ui.filters()
latest = appdata.query("overview/latest_inspections", **filters.scope())

st.title("National picture of HMIP inspections")
st.caption(f"Latest inspection of each area inspected {filters.year_from}–{filters.year_to}"
           + (f" in {', '.join(filters.regions)}" if filters.regions else "") + ".")

if latest.empty:
    st.info("No inspections match these filters. Widen the inspection years or clear the region filter.",
            icon=":material/filter_alt_off:")
    st.stop()

ui.demo_notice(latest)
if not filters.show_demo and not latest["is_demo"].any():
    st.caption("Showing real areas only (from the published HMIP documents). "
               "Switch on **Show demo areas** in the sidebar to see a national picture with invented areas.")

counts = latest["overall_rating"].value_counts()
columns = st.columns(5)
columns[0].metric("Areas inspected", len(latest))
for column, rating in zip(columns[1:], ("Outstanding", "Good", "Requires improvement", "Inadequate")):
    column.metric(rating, int(counts.get(rating, 0)))

left, right = st.columns(2)
with left:
    st.plotly_chart(charts.rating_counts(latest, title="Latest overall rating"), width="stretch")
    st.caption(ui.scope_caption(latest, "Counts"))
with right:
    scored = latest[latest["score"].notna()]
    st.plotly_chart(charts.score_distribution(scored, highlight=filters.area, title="Latest score out of 36"),
                    width="stretch")
    unscored = len(latest) - len(scored)
    note = (f" {unscored} area{'s' if unscored != 1 else ''} without a /36 score (2025 framework, or standards "
            "not published) are in the table but not the chart.") if unscored else ""
    st.caption(ui.scope_caption(scored, "Distribution") + note)

st.subheader("Latest inspection per area")
table = ui.with_data_label(latest).assign(published=ui.publication_column)
st.dataframe(
    table[["area", "region", "published", "framework", "overall_rating", "score", "standards_rated", "data", "source"]],
    hide_index=True, width="stretch",
    column_config={
        "area": st.column_config.TextColumn("Area", pinned=True),
        "region": "Region", "published": "Published", "framework": st.column_config.NumberColumn("Framework", format="%d"),
        "overall_rating": "Overall rating",
        "score": st.column_config.NumberColumn("Score /36", format="%d"),
        "standards_rated": st.column_config.NumberColumn("Standards known", help="Of the 12 scored standards"),
        "data": "Data", "source": st.column_config.TextColumn("Source", width="large"),
    },
)
ui.download_buttons(table.drop(columns=["is_demo"]), "latest-inspections")
