"""Overview: the national picture of HMIP inspections, latest per area."""

import streamlit as st

from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.app.ratings import good_or_better_by_standard, inspections_by_year, latest_inspections
from yjs.charts import base as charts
from yjs.charts import ratings as charts_ratings

filters = current_page().filters
latest = latest_inspections(filters)

st.title("National picture of HMIP inspections")
st.caption(
    f"Latest inspection of each area inspected {filters.year_from}–{filters.year_to}"
    + (f" in {', '.join(filters.regions)}" if filters.regions else "")
    + "."
)

if latest.empty:
    st.info(
        "No inspections match these filters. Widen the inspection years or clear the region filter.",
        icon=":material/filter_alt_off:",
    )
    st.stop()

ui.demo_notice(latest)
if not filters.show_demo and not latest["is_demo"].any():
    st.caption(
        "Showing real areas only: every youth justice service's published inspection outcome we could source "
        "(HMIP reports and press releases, councils' papers; each row names its document). "
        "Switch on **Show demo areas** in the sidebar to see a national picture with invented areas."
    )

counts = latest["overall_rating"].value_counts()
columns = st.columns(5)
columns[0].metric("Areas inspected", len(latest))
for column, rating in zip(columns[1:], ("Outstanding", "Good", "Requires improvement", "Inadequate"), strict=True):
    column.metric(rating, int(counts.get(rating, 0)))

left, right = st.columns(2)
with left:
    ui.chart(
        charts.rating_counts(latest, title="Latest overall rating"),
        "latest-overall-ratings",
        counts.rename_axis("overall_rating").reset_index(name="areas"),
    )
    st.caption(ui.scope_caption(latest, "Counts"))
with right:
    scored = latest[latest["score"].notna()]
    ui.chart(
        charts.score_distribution(scored, highlight=filters.area, title="Latest score out of 36"),
        "latest-scores",
        scored["score"].astype(int).value_counts().sort_index().rename_axis("score").reset_index(name="areas"),
    )
    unscored = len(latest) - len(scored)
    note = (
        (
            f" {unscored} area{'s' if unscored != 1 else ''} without a /36 score (2025 framework, or no score in "
            "the source) are in the table but not the chart."
        )
        if unscored
        else ""
    )
    st.caption(ui.scope_caption(scored, "Distribution") + note)

st.subheader("Ratings over time and the weakest standards")
by_year = inspections_by_year(filters)
shares = good_or_better_by_standard(filters)
ui.chart(charts_ratings.ratings_by_year(by_year, title="Overall ratings by year"), "ratings-by-year", by_year)
st.caption(
    "Every inspection in scope, re-inspections included, by the year its report was published (the fieldwork "
    "year while unpublished)."
)
scored_shares = shares[shares["is_scored"]]
if scored_shares.empty:
    st.info("No inspection in scope publishes the ratings of its standards.", icon=":material/info:")
else:
    ui.chart(
        charts_ratings.good_or_better(
            scored_shares, title="Share of latest inspections rating each standard Good or better"
        ),
        "good-or-better-by-standard",
        scored_shares,
    )
    weakest = scored_shares.nsmallest(1, "pct_good_or_better").iloc[0]
    st.caption(
        f"Latest inspection of each area whose standard ratings are known ({int(scored_shares['rated'].max())} of "
        f"{len(latest)} areas; the others' standard ratings are not in the shipped sources); the weakest, "
        f"{weakest['code']} {weakest['name']}, is hatched. 3.4 was 'Joint working' before 2021. "
        "Resettlement (4.1) is not scored and not shown."
    )

st.subheader("Latest inspection per area")
table = ui.with_data_label(latest).assign(published=ui.publication_column)
st.dataframe(
    table[["area", "region", "published", "framework", "overall_rating", "score", "standards_rated", "data", "source"]],
    hide_index=True,
    width="stretch",
    column_config={
        "area": st.column_config.TextColumn("Area", pinned=True),
        "region": "Region",
        "published": "Published",
        "framework": st.column_config.NumberColumn("Framework", format="%d"),
        "overall_rating": "Overall rating",
        "score": st.column_config.NumberColumn("Score /36", format="%d"),
        "standards_rated": st.column_config.NumberColumn("Standards known", help="Of the 12 scored standards"),
        "data": "Data",
        "source": st.column_config.TextColumn("Source", width="large"),
    },
)
ui.download_buttons(table.drop(columns=["is_demo"]), "latest-inspections")
