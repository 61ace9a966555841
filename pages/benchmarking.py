"""Indicator benchmarking: every service ranked on an indicator; with Your area chosen, that area against its
region, the nation and chosen comparators."""

import streamlit as st

from yjs.app import indicators as ui_indicators
from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.app.ratings import latest_inspection_scores
from yjs.charts import indicators as charts_indicators
from yjs.domain import benchmarking, comparators
from yjs.domain.plaintext import markdown_text as md

filters = current_page().filters
st.title("Indicator benchmarking")
catalogue = ui_indicators.catalogue()
indicator = ui_indicators.indicator_picker(catalogue)
details = catalogue.set_index("code").loc[indicator]
ui_indicators.definition_caption(details)
area, demo = ui_indicators.chosen_area(filters)
series = ui_indicators.values([indicator], demo)
if area is None:
    if demo:
        ui_indicators.demo_area_notice()
    ui_indicators.across_all_areas(series, details, None, table=True)
    st.info(
        "Choose **Your area** in the sidebar to highlight it, rank it in its region, among its statistical "
        "neighbours or a saved group, and follow its trend.",
        icon=":material/arrow_back:",
    )
    st.stop()
groups = ui_indicators.all_groups()
choice = ui_indicators.comparator_picker(ui_indicators.saved_groups(), area)
compared = comparators.comparator_set(area, choice, series, groups)
result = comparators.benchmark_area(series, area, compared, details["polarity"])
if result is None:
    ui_indicators.no_values(area, details["name"].lower())
    st.stop()
if demo:
    ui_indicators.demo_area_notice()
ui_indicators.headline(result, details, compared)
ui_indicators.bottom_quartile_note(area, demo, choice)

own_region = series.loc[series["area"] == area, "region"].dropna()
lines = comparators.reference_lines(
    series, compared.areas, details["unit"], own_region.iloc[0] if not own_region.empty else None
)
ui.chart(
    charts_indicators.trend(
        series,
        area,
        compared.areas,
        lines,
        unit=details["unit"],
        title=f"{benchmarking.shown_name(details['name'], details['is_local'])}: {area} against {compared.label}",
    ),
    f"{indicator}-trend",
    series[series["area"].isin(compared.areas) | series["is_reference"]][["area", "period", "value", "source"]],
)
st.caption(
    "Grey lines: the comparators. The national and regional lines are the published figures where there are "
    "some, else they pool numerators and denominators (never averages of rates). Missing periods are gaps, "
    "never filled in."
)

st.subheader("Among every service")
ui_indicators.across_all_areas(series, details, area, table=False)

st.subheader(f"Latest values in {md(compared.label)}")
ranked = ui_indicators.ranked_table(series, result["period"], compared, details["polarity"], area)
ui_indicators.show_ranked_table(ranked, f"{indicator}-{result['period']}")

st.subheader("Inspection and performance")
scores = latest_inspection_scores(demo)
points = comparators.latest_values(series).merge(scores, on="area", suffixes=("", "_inspection"))
if len(points) < 2:
    st.info("Too few areas have both an inspection score and this indicator to compare them.")
else:
    ui.chart(
        charts_indicators.scatter(
            points,
            area,
            compared.areas,
            x_title=f"{benchmarking.shown_name(details['name'], details['is_local'])} ({details['unit']})",
            title="Latest inspection score against latest value",
        ),
        f"{indicator}-and-score",
        points,
    )
    st.caption(f"Every area of this kind with both figures; {md(compared.label)} labelled. Hover for the others.")
ui_indicators.save_group_form(set(series.loc[~series["is_reference"], "area"]))
