"""YJS Insight: the entry point. Page setup, the shared filters and the navigation; no SQL here."""

import streamlit as st

from yjs import ui, ui_auth, ui_present
from yjs.navigation import pages_for

st.set_page_config(page_title="YJS Insight", page_icon=":material/balance:", layout="wide")

actor = ui_auth.current_actor()  # a login screen, or a refusal, stops here
if not ui.database_ready():
    st.stop()

page = st.navigation([st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=p.is_default)
                      for p in pages_for(actor.role)], expanded=True)  # every page in view, none behind "View more"
ui.data_mode_sidebar_note(ui.sidebar_filters())
ui_auth.sidebar_identity(actor)
ui_present.switch()
page.run()
