"""Audit trail (admins only): every import, edit and restore, who did it, how it ended, whether the trail is
intact; downloadable."""

import streamlit as st

from yjs.app import audit_trail as audit_view
from yjs.app import auth
from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.domain.plaintext import markdown_text as md

auth.require(current_page().actor, "admin")  # registered for admins only; checked again here all the same
st.title("Audit trail")
st.caption(
    "Every import, edit, restore and rebuild, successful, failed or refused, with who did it and when (UTC). "
    "Rows are only ever added. Each carries a checksum keyed with a secret the database does not hold, chained "
    "to the row before, and the last row is pinned outside the database: a row changed, removed or rewritten "
    "outside the app shows up below (README, Security)."
)

verdict = audit_view.verdict()
for note in verdict.notes:
    st.warning(note, icon=":material/key:")
if verdict.state == audit_view.ALTERED:
    st.error(
        "**Audit trail altered** outside the app:\n\n"
        + "\n".join(f"- {md(problem)}" for problem in verdict.problems)
        + "\n\nRestore a backup taken before the change (`python -m yjs restore --list`), or ask whoever has "
        "access to the file. While the end of the trail differs from its pin, imports and edits are refused.",
        icon=":material/gpp_bad:",
    )
elif verdict.state == audit_view.UNPINNED:
    st.warning(verdict.message, icon=":material/gpp_maybe:")
elif verdict.state == audit_view.INTACT:
    st.success(f"**{verdict.message}**", icon=":material/verified_user:")
if not audit_view.has_log() or verdict.rows == 0:
    if verdict.state != audit_view.ALTERED:
        st.info(
            "Nothing has been recorded yet: this database has had no import, edit or restore since it was built.",
            icon=":material/history:",
        )
    st.stop()

left, right = st.columns(2)
events = left.multiselect("Event", audit_view.EVENTS, key="events", bind="query-params", placeholder="All events")
outcomes = right.multiselect(
    "Outcome", audit_view.OUTCOMES, key="outcomes", bind="query-params", placeholder="All outcomes"
)

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
