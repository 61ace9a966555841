"""Editing an action in the app, and its history, on the improvement plan page.

The form carries the version of the action it was first drawn from (kept in the session through any
rerun until it is submitted), so a change someone else saved in between refuses this edit with a
message instead of silently overwriting theirs; a saved or refused edit starts a fresh form.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from yjs.app import auth as ui_auth
from yjs.app.plans import status_styled, with_display_dates, with_marked_words
from yjs.app.widgets import download_buttons
from yjs.data.plans import PlanData
from yjs.domain import brag, plans
from yjs.domain.dates import long_date
from yjs.domain.plaintext import markdown_text as md
from yjs.domain.roles import Actor
from yjs.paths import database_path
from yjs.store import plan_edits
from yjs.store.atomic import StoreError

UNCHANGED = "(leave as it is)"
FLASH_KEY = "plan_edit_saved"


def choose_action(state: pd.DataFrame) -> pd.Series | None:
    labels = {int(r.action_id): f"{r.ref}: {r.action[:90]}" for r in state.itertuples(index=False)}
    chosen = st.selectbox("Action", list(labels), format_func=labels.get, key="edit_action", bind="query-params")
    return None if chosen is None else state.set_index("action_id").loc[chosen].rename(chosen)


def edit_form(data: PlanData, action: pd.Series) -> None:
    """Status, due date (with a reason), progress note and evidence link for one action."""
    action_id = int(action.name)
    version_now = plans.version_of(data.edits, action_id)
    seen_key = f"plan_edit_version_{action_id}"
    # The version this form was first drawn from stays with it through any rerun until it is submitted.
    read_version = st.session_state.setdefault(seen_key, version_now)
    if FLASH_KEY in st.session_state:
        st.success(st.session_state.pop(FLASH_KEY), icon=":material/check_circle:")
    signed_in = ui_auth.actor()
    if not plans.may_edit(signed_in, data.plan["area"]):
        reach = (
            f"your role covers {md(', '.join(signed_in.areas))} only"
            if plans.may_edit(signed_in)
            else "editing is for editors and administrators"
        )
        st.info(f"You may view this plan but not edit it: {reach}.", icon=":material/lock:")
        return
    due = pd.Timestamp(action["due_date"]).date() if pd.notna(action["due_date"]) else None
    with st.form(f"edit_{action_id}_v{read_version}"):  # a saved edit starts a fresh, empty form
        st.markdown(
            f"**{md(action['ref'])}**: {md(action['action'])}  \nNow **{action['status']}**"
            f"{', due ' + long_date(due) if due else ', no due date'}."
        )
        left, right = st.columns(2)
        status = left.selectbox(
            "New status",
            [UNCHANGED, *brag.STATUSES],
            format_func=lambda s: s if s == UNCHANGED else f"{s}: {brag.MEANINGS[s]}",
        )
        new_due = right.date_input("Due date", value=due, format="DD/MM/YYYY")
        reason = right.text_input("Reason for a new due date", placeholder="Required when the due date changes")
        note = st.text_area("Progress note", placeholder="What has happened since the last update")
        link = st.text_input(
            "Evidence link",
            value=action["evidence_link"] if pd.notna(action["evidence_link"]) else "",
            placeholder="https://…",
        )
        # A signed-in person is recorded by their login; a typed name is marked as typed and unverified.
        name = (
            st.text_input(
                "Your name (recorded in the history as typed, unverified)",
                value=signed_in.who.removesuffix(" (local)"),
            )
            if signed_in.local
            else signed_in.who
        )
        submitted = st.form_submit_button("Save changes", type="primary")
    if submitted:
        edit = plan_edits.ActionEdit(
            status=None if status == UNCHANGED else status,
            due_date=new_due if new_due != due else None,
            reason=reason,
            note=note,
            evidence_link=link,
        )
        _save(action_id, edit, replace(signed_in, who=name, typed=signed_in.local), read_version, seen_key)


def _save(action_id: int, edit: plan_edits.ActionEdit, actor: Actor, read_version: int, seen_key: str) -> None:
    try:
        fields = plan_edits.edit_action(database_path(), action_id, edit, actor=actor, read_version=read_version)
    except plan_edits.EditConflict as conflict:
        st.session_state.pop(seen_key, None)
        st.error(
            f"**Not saved: someone else changed this action.** {md(conflict)}\n\nYour change, to make again: "
            f"{md(describe(edit))}",
            icon=":material/sync_problem:",
        )
    except (plan_edits.EditRefused, StoreError) as refused:
        st.error(f"**Not saved.** {md(refused)}", icon=":material/error:")
    else:
        st.session_state.pop(seen_key, None)
        st.session_state[FLASH_KEY] = (
            f"Saved: {', '.join(f.replace('_', ' ') for f in fields)}. It is in the history below."
        )
        st.rerun()


def describe(edit: plan_edits.ActionEdit) -> str:
    """An edit in words, so a refused one can be made again without being remembered."""
    parts = [
        f"status {edit.status}" if edit.status else "",
        f"due date {long_date(edit.due_date)} (reason: {edit.reason or 'none given'})" if edit.due_date else "",
        f"note “{edit.note.strip()}”" if edit.note.strip() else "",
        f"evidence link {edit.evidence_link.strip()}" if edit.evidence_link.strip() else "",
    ]
    return "; ".join(part for part in parts if part) or "no change"


def history(data: PlanData, action_id: int) -> None:
    """Every status update and every field change of one action, newest first."""
    updates = data.updates[data.updates["action_id"] == action_id].iloc[::-1]
    edits = data.edits[data.edits["action_id"] == action_id].iloc[::-1]
    st.markdown("**Status updates**")
    if updates.empty:
        st.caption("No status has been recorded for this action.")
    else:
        shown = with_marked_words(with_display_dates(updates, {"update_date": "date"}).fillna(""))
        shown["status"] = shown["brag"].replace("", brag.NOT_ASSESSED)
        st.dataframe(
            status_styled(shown[["date", "status", "status_text", "note", "updated_by", "source"]]),
            hide_index=True,
            width="stretch",
            column_config={
                "date": "Date",
                "status": "Status",
                "status_text": "Status words",
                "note": "Progress note",
                "updated_by": "By",
                "source": "Source",
            },
        )
        download_buttons(
            shown[["date", "status", "status_text", "note", "updated_by", "source"]], f"status-updates-{action_id}"
        )
    st.markdown("**Changes**")
    if edits.empty:
        st.caption("No field of this action has been changed since it was loaded.")
        return
    shown = edits.assign(
        when=[f"{long_date(t.date())} {t:%H:%M}" for t in edits["edited_at"]],
        field=edits["field"].str.replace("_", " ").str.capitalize(),
    ).fillna("")
    st.dataframe(
        shown[["when", "edited_by", "field", "old_value", "new_value", "reason", "source"]],
        hide_index=True,
        width="stretch",
        column_config={
            "when": "When",
            "edited_by": "Who",
            "field": "Field",
            "old_value": "Old value",
            "new_value": "New value",
            "reason": "Reason",
            "source": "Source",
        },
    )
    download_buttons(
        shown[["when", "edited_by", "field", "old_value", "new_value", "reason", "source"]], f"changes-{action_id}"
    )
