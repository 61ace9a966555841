"""About the data: where the figures come from and when they last changed, what is real and what is demo, the
indicator catalogue, every published table to download, and the accessibility statement."""

import streamlit as st

from yjs.app import about as ui_about
from yjs.app.entry import current_page
from yjs.domain.plaintext import markdown_text as md

filters = current_page().filters
st.title("About the data")
st.info(f"**{md(ui_about.last_updated())}.**", icon=":material/update:")

st.header("What is real and what is demo")
ui_about.real_and_demo(filters.show_demo)

st.header("Where the real figures come from")
ui_about.documents()
st.subheader("Files imported into this database")
ui_about.imports()

st.header("Indicator catalogue")
st.caption(
    "What each indicator counts, its unit, which way is better, the period it is counted over, what its numerator "
    "and denominator are, and who defines it: the data dictionary of the indicator pages, as DfE's LAIT gives one."
)
ui_about.indicator_catalogue()

st.header("Download all data")
ui_about.download_all(filters.show_demo)

st.header("Accessibility statement")
st.markdown(ui_about.ACCESSIBILITY)
