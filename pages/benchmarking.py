"""Indicator benchmarking: one area against its region, the nation and chosen comparators."""

import streamlit as st

from yjs import appdata, charts_indicators, indicator_data, ui, ui_indicators

filters = ui.filters()
st.title("Indicator benchmarking")
catalogue = indicator_data.catalogue()
indicator = ui_indicators.indicator_picker(catalogue)
details = catalogue.set_index("code").loc[indicator]
st.caption(f"**{details['name']}**: {details['definition']}. Unit: {details['unit']}; {details['polarity']}; "
           f"{details['period_type']}. Definition source: {details['source']}.")
area, demo = ui_indicators.area_or_prompt(filters)
if area is None:
    st.stop()
groups = indicator_data.saved_groups()
choice = ui_indicators.comparator_picker(groups)
series = indicator_data.values([indicator], demo)
comparators = indicator_data.comparator_set(area, choice, series, groups)
result = indicator_data.benchmark_area(series, area, comparators, details["polarity"])
if result is None:
    ui_indicators.no_values(area, details["name"].lower())
    st.stop()
if demo:
    ui_indicators.demo_area_notice()
ui_indicators.headline(result, details, comparators)
ui_indicators.bottom_quartile_note(area, demo, choice, comparators.label)

own_region = series.loc[series["area"] == area, "region"].dropna()
lines = indicator_data.reference_lines(series, comparators.areas, details["unit"],
                                       own_region.iloc[0] if not own_region.empty else None)
ui.chart(charts_indicators.trend(series, area, comparators.areas, lines, unit=details["unit"],
                                 title=f"{details['name']}: {area} against {comparators.label}"),
         f"{indicator}-trend", series[series["area"].isin(comparators.areas) | series["is_reference"]][
             ["area", "period", "value", "source"]])
st.caption("Grey lines: the comparators. Regional and all-area lines pool numerators and denominators; the national "
           "line is the published figure where there is one. Missing periods are gaps, never filled in.")

st.subheader(f"Latest values in {comparators.label}")
ranked = ui_indicators.ranked_table(series, result["period"], comparators, details["polarity"], area)
st.dataframe(ranked, hide_index=True, width="stretch")
ui.download_buttons(ranked, f"{indicator}-{result['period']}")

st.subheader("Inspection and performance")
scores = appdata.query("indicators/latest_scores", demo=demo)
points = indicator_data.latest_values(series).merge(scores, on="area", suffixes=("", "_inspection"))
if len(points) < 2:
    st.info("Too few areas have both an inspection score and this indicator to compare them.")
else:
    ui.chart(charts_indicators.scatter(points, area, comparators.areas, x_title=f"{details['name']} ({details['unit']})",
                                       title="Latest inspection score against latest value"), f"{indicator}-and-score",
             points)
    st.caption(f"Every area of this kind with both figures; {comparators.label} labelled. Hover for the others.")
ui_indicators.save_group_form(set(series.loc[~series["is_reference"], "area"]))
