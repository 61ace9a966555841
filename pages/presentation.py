"""Board presentation: one area's sections, one at a time, for the shared screen of a board meeting."""

import streamlit as st

from yjs import disclosure, ui, ui_present
from yjs.boardpack.content import SECTION_TITLES
from yjs.dates import long_date

filters = ui.filters()
if not filters.area:
    st.title("Board presentation")
    st.info("Choose **Your area** in the sidebar to present its ratings, key questions, indicators, "
            "disproportionality and improvement plan.", icon=":material/arrow_back:")
    st.stop()

title = st.empty()
row = st.container(horizontal=True, vertical_alignment="bottom")
meeting = ui_present.meeting_date(row)
threshold = ui_present.threshold(disclosure.MIN_THRESHOLD)
number = ui_present.current_slide(len(SECTION_TITLES))
pack = ui_present.slide(filters.area, meeting, threshold, SECTION_TITLES[number - 1])
title.title(f"{pack.area}: board meeting of {long_date(meeting)}")
ui_present.slide_buttons(row, number, SECTION_TITLES)
if pack.is_demo:
    st.warning(pack.notice, icon=":material/science:")
if not ui_present.presenting():
    st.button("Start presentation", icon=":material/slideshow:", on_click=ui_present.start, key="start_presentation",
              help="Hides the sidebar, enlarges text and charts and hides small counts; the link gets ?present=1.")
ui_present.show_section(number, pack.sections[0])
