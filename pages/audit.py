"""Audit trail (admins only): every import, edit and restore, who did it, how it ended; downloadable."""

import streamlit as st

from yjs.app import audit_trail as audit_view
from yjs.app import auth
from yjs.app import widgets as ui
from yjs.app.entry import current_page

auth.require(current_page().actor, "admin")  # registered for admins only; checked again here all the same
st.title("Audit trail")
st.caption(
    "Every import, edit and restore, successful, failed or refused, with who did it and when (UTC). "
    "Rows are only ever added; each carries a checksum of the one before, so a row changed or removed "
    "outside the app shows up below."
)

if not audit_view.has_log():
    st.info(
        "Nothing has been recorded yet: this database was built before the audit trail and has had no import since.",
        icon=":material/history:",
    )
    st.stop()

left, right = st.columns(2)
events = left.multiselect("Event", audit_view.EVENTS, key="events", bind="query-params", placeholder="All events")
outcomes = right.multiselect(
    "Outcome", audit_view.OUTCOMES, key="outcomes", bind="query-params", placeholder="All outcomes"
)

broken = audit_view.altered_rows()
if broken:
    st.error(
        f"**The trail has been altered outside the app** at row(s) {', '.join(map(str, broken))}: "
        "restore a backup taken before that or ask whoever has access to the file.",
        icon=":material/gpp_bad:",
    )
else:
    st.success("The trail is intact: every row's checksum matches the row before it.", icon=":material/verified_user:")

log = audit_view.chosen_rows(events, outcomes)
if log.empty:
    st.info("No events match these choices.", icon=":material/filter_alt_off:")
    st.stop()
table = audit_view.as_shown(log)
counts = log["outcome"].value_counts()
columns = st.columns(4)
columns[0].metric("Events shown", f"{len(log):,}")
for column, outcome in zip(columns[1:], audit_view.OUTCOMES, strict=True):
    column.metric(outcome.capitalize(), f"{int(counts.get(outcome, 0)):,}")
st.dataframe(table, hide_index=True, width="stretch")
ui.download_buttons(table, "audit_trail")
