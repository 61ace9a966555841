"""Board presentation: one area's sections, one at a time, for the shared screen of a board meeting."""

import streamlit as st

from yjs.app import boardpack as ui_boardpack
from yjs.app import present as ui_present
from yjs.app import ratings as ui_ratings
from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.boardpack.content import SECTION_TITLES
from yjs.domain import disclosure, ratings
from yjs.domain.dates import long_date
from yjs.domain.plaintext import markdown_text as md

page = current_page()
filters = page.filters
if not filters.area:
    st.title("Board presentation")
    st.info(
        "Choose **Your area** in the sidebar to present its ratings, key questions, indicators, "
        "disproportionality and improvement plan, or open one of these.",
        icon=":material/arrow_back:",
    )
    ui.areas_to_open(ratings.areas_to_open(ui_ratings.latest_inspections(filters)), page.spec.path, "Areas to open")
    st.stop()

title = st.empty()
row = st.container(horizontal=True, vertical_alignment="bottom")
meeting = ui_boardpack.meeting_date(row)
threshold = ui_present.threshold(disclosure.MIN_THRESHOLD)
number = ui_boardpack.current_slide(len(SECTION_TITLES))
pack = ui_boardpack.slide(filters.area, meeting, threshold, SECTION_TITLES[number - 1])
title.title(f"{md(pack.area)}: board meeting of {long_date(meeting)}")
ui_boardpack.slide_buttons(row, number, SECTION_TITLES)
if pack.is_demo:
    st.warning(pack.notice, icon=":material/science:")
if not ui_present.presenting():
    st.button(
        "Start presentation",
        icon=":material/slideshow:",
        on_click=ui_present.start,
        key="start_presentation",
        help="Hides the sidebar, enlarges text and charts and hides small counts; the link gets ?present=1.",
    )
ui_boardpack.show_section(number, pack.sections[0])
