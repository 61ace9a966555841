"""Scorecard: every indicator for one area on one page, against its comparators; before an area is chosen, the
national picture of every indicator."""

import streamlit as st

from yjs.app import indicators as ui_indicators
from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.domain.plaintext import markdown_text as md

filters = current_page().filters
st.title("Indicator scorecard")
area, demo = ui_indicators.chosen_area(filters)
if area is None:
    ui_indicators.national_scorecard(filters, demo)
    st.stop()
choice = ui_indicators.comparator_picker(ui_indicators.saved_groups(), area)
choice_label = ui_indicators.choice_label(choice)
card = ui_indicators.area_scorecard(area, choice, demo)
if card["value"].isna().all():
    ui_indicators.no_values(area, "any indicator")
    st.stop()
if demo:
    ui_indicators.demo_area_notice()
bottom = card[card["band"] == "D"]["indicator"].tolist()
if bottom:
    st.error(f"**Bottom quartile** of all services on: {', '.join(bottom)}.", icon=":material/south:")
st.caption(
    f"{md(area)}'s latest value of each indicator against the comparators chosen above: band A–D across all services "
    f"(as LAIT bands, A the best quarter by each indicator's polarity); rank and median within {choice_label}. "
    "Click a column heading to sort; download it from the table's menu."
)
ui_indicators.local_indicators_note(card)
st.dataframe(
    card,
    hide_index=True,
    width="stretch",
    height=36 * (len(card) + 1) + 20,  # room for a horizontal scrollbar under the last row
    column_order=[
        "indicator",
        "period",
        "value",
        "comparator_median",
        "band",
        "rank",
        "direction",
        "trend",
        "unit",
        "polarity",
    ],
    column_config={
        "indicator": st.column_config.TextColumn("Indicator", pinned=True),
        "unit": "Unit",
        "polarity": "Better when",
        "period": "Latest period",
        "value": st.column_config.NumberColumn("Value", format="%.1f"),
        "comparator_median": st.column_config.NumberColumn("Comparator median", format="%.1f"),
        "band": "Band",
        "rank": "Rank",
        "direction": "Direction of travel",
        "trend": st.column_config.LineChartColumn("Trend", width="medium"),
    },
)

ui.download_buttons(card.drop(columns=["trend", "local_source"]), f"scorecard-{area}")
