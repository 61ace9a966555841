"""Compare areas: two to eight areas side by side by domain and standard, and where each stands nationally."""

import streamlit as st

from yjs.app import indicators as ui_indicators
from yjs.app import ratings as ui_ratings
from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.app.filters import area_options
from yjs.charts import ratings as charts_ratings
from yjs.domain import ratings
from yjs.domain.plaintext import markdown_text as md

filters = current_page().filters
st.title("Compare areas")
options = area_options()
inspected = filters.visible_areas(options[options["last_year"].notna()])
groups = ui_indicators.saved_groups()
areas, group = ui_ratings.compare_picker(inspected, groups)
if not areas:  # nothing chosen yet: a sensible set, and how it was chosen
    suggestion = ratings.suggested_comparison(ui_ratings.latest_inspections(filters), filters.area)
    areas = suggestion.areas
    st.info(
        f"Comparing {md(suggestion.reason)}. Choose areas above, or a saved group, to compare others."
        + ("" if filters.area else " Choose **Your area** in the sidebar to compare it with its closest peers."),
        icon=":material/compare_arrows:",
    )
if len(areas) < 2:
    st.info(
        "Choose at least two areas, or a saved comparator group, to compare them.", icon=":material/compare_arrows:"
    )
    st.stop()
if len(areas) > ui_ratings.MAX_COMPARED:
    st.warning(f"Comparing the first {ui_ratings.MAX_COMPARED} of the group's {len(areas)} areas.")
    areas = areas[: ui_ratings.MAX_COMPARED]

long = ui_ratings.latest_ratings_of(areas)
wide = ratings.matrix(long).set_index("area").reindex(areas).reset_index()
ui.demo_notice(wide)
scores = ratings.domain_scores(long)
ui.chart(
    charts_ratings.domain_score_bars(scores, areas, title="Domain scores of the latest inspections"),
    "domain-scores",
    scores.drop(columns="inspection_id"),
)
unscored = [a for a in areas if a not in set(scores["area"])]
st.caption(
    "Each domain scores 0-12 over its four standards (Outstanding 3, Good 2, Requires improvement 1, "
    "Inadequate 0)." + (f" No standard ratings are known for: {', '.join(unscored)}." if unscored else "")
)

st.subheader("Standard by standard")
differ = ratings.differing_standards(wide)
with ui.wide_chart_frame():
    ui.chart(
        charts_ratings.ratings_heatmap(
            wide, ratings.row_labels(wide, every=False), ratings.standard_names(long), marked=differ
        ),
        "compare-grid",
        config={"displayModeBar": False},
    )
ui_ratings.legend()
st.markdown(f"**They differ on {len(differ)} of the 12 standards**" + (f": {', '.join(differ)}." if differ else "."))
table = ratings.matrix_table(wide)
with st.expander("The grid as a table", icon=":material/table:"):
    st.dataframe(table, hide_index=True, width="stretch")
ui.download_buttons(table, "compare-areas")

st.subheader("Where each stands nationally")
national = {demo: ui_ratings.latest_scored_inspections(demo) for demo in sorted(set(wide["is_demo"]))}
positions = ratings.positions_table(wide, national)
st.dataframe(
    positions,
    hide_index=True,
    width="stretch",
    column_config={
        "area": "Area",
        "data": "Data",
        "score": st.column_config.NumberColumn("Score /36", format="%d"),
        "source": st.column_config.TextColumn("Source", width="large"),
        "rank": "Rank",
        "percentile": st.column_config.NumberColumn(
            "Percentile", format="%d", help="Share of the other areas scoring lower (ties count half)"
        ),
    },
)
ui.download_buttons(positions, "national-positions")
st.caption(
    "Ranked by the latest inspection scored out of 36 (2018 and 2021 frameworks rate the same twelve standards). "
    "Real areas are ranked among real areas only, demo areas among demo areas."
)
for demo, scores_of_kind in national.items():
    kind = "demo" if demo else "real"
    ui.chart(
        charts_ratings.national_strip(scores_of_kind, areas, title=f"Latest scores of every {kind} area"),
        f"latest-scores-{kind}",
        scores_of_kind,
        key=f"strip_{kind}",
    )
if not group:
    ui_indicators.save_group_form(set(inspected), areas)
