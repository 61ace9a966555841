"""Audit trail (admins only): every import, edit and restore, who did it, how it ended; downloadable."""

import streamlit as st

from yjs import appdata, audit, ui, ui_auth

filters = ui.filters()
ui_auth.require("admin")  # the page is registered for admins only; checked again here all the same
st.title("Audit trail")
st.caption("Every import, edit and restore, successful, failed or refused, with who did it and when (UTC). "
           "Rows are only ever added; each carries a checksum of the one before, so a row changed or removed "
           "outside the app shows up below.")

if not appdata.query("audit/has_log")["has_log"].iloc[0]:
    st.info("Nothing has been recorded yet: this database was built before the audit trail and has had no "
            "import since.", icon=":material/history:")
    st.stop()

left, right = st.columns(2)
events = left.multiselect("Event", audit.EVENTS, key="events", bind="query-params", placeholder="All events")
outcomes = right.multiselect("Outcome", audit.OUTCOMES, key="outcomes", bind="query-params",
                             placeholder="All outcomes")

broken = audit.broken_links(appdata.query("audit/full_log"))
if broken:
    st.error(f"**The trail has been altered outside the app** at row(s) {', '.join(map(str, broken))}: "
             "restore a backup taken before that or ask whoever has access to the file.", icon=":material/gpp_bad:")
else:
    st.success("The trail is intact: every row's checksum matches the row before it.", icon=":material/verified_user:")

log = appdata.query("audit/log", events=list(events), outcomes=list(outcomes))
if log.empty:
    st.info("No events match these choices.", icon=":material/filter_alt_off:")
    st.stop()
table = audit.display_table(log)
counts = log["outcome"].value_counts()
columns = st.columns(4)
columns[0].metric("Events shown", f"{len(log):,}")
for column, outcome in zip(columns[1:], audit.OUTCOMES):
    column.metric(outcome.capitalize(), f"{int(counts.get(outcome, 0)):,}")
st.dataframe(table, hide_index=True, width="stretch")
ui.download_buttons(table, "audit_trail")
