"""Editing an improvement action in the app: every change appended to its history, atomically.

One edit may change the status, the due date (with a reason), add a progress note and set an
evidence link. It is written through `store.writable_copy` (a copy, a transaction, an atomic swap,
under the writers' lock) and only if the editor's role may edit (`plans.may_edit`, checked here on the
server whatever the page showed) and the action is still
at the version the editor's form read: someone else's change in the meantime refuses the edit
with a message, so neither change is lost. Nothing is overwritten: each changed field adds a row
to `action_edits` (who, when, field, old, new, reason) and a status or note adds a dated row to
`action_status_updates`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from yjs.data.db import execute
from yjs.domain import brag, plans
from yjs.domain.dates import long_date
from yjs.domain.roles import Actor, recorded_name
from yjs.store import atomic as store
from yjs.store import audit

APP_SOURCE = "app"
MAX_TEXT = 2_000


class EditRefused(ValueError):
    """The edit was not saved; the message says why and what to do."""


class EditConflict(EditRefused):
    """Someone else changed the action after the editor's form read it."""


class EditNotAllowed(EditRefused):
    """The person's role, or the services it covers, does not reach this plan: refused and audited."""


@dataclass(frozen=True)
class ActionEdit:
    status: str | None = None  # a BRAG status; None leaves it as it is
    due_date: dt.date | None = None  # None leaves it as it is
    reason: str = ""  # required with a new due date
    note: str = ""  # a progress note
    evidence_link: str = ""  # an http(s) link; blank leaves it as it is


def check(edit: ActionEdit, actor: Actor) -> None:
    """Refuse what no database state could make valid, before taking the writers' lock."""
    if not actor.who or not actor.who.strip():
        raise EditRefused("Say who is making the change: the history records a name with every change.")
    if not plans.may_edit(actor):
        raise EditNotAllowed(f"{actor.who} ({actor.role}) may not edit improvement plans.")
    if edit.status is not None and edit.status not in brag.STATUSES:
        raise EditRefused(f"'{edit.status}' is not a BRAG status (Blue, Green, Amber or Red).")
    link = edit.evidence_link.strip()
    if link and not link.lower().startswith(("https://", "http://")):
        raise EditRefused("The evidence link must be a web address starting with https:// or http://.")
    if any(len(text) > MAX_TEXT for text in (edit.reason, edit.note, link)):
        raise EditRefused(f"Keep notes, reasons and links under {MAX_TEXT:,} characters.")


def _changes(edit: ActionEdit, current: dict, status: tuple) -> list[tuple[str, str | None, str | None]]:
    """(field, old, new) for each field the edit really changes."""
    old_brag, _text, _read_from, _note = status
    changes = []
    if edit.status is not None and edit.status != old_brag:
        changes.append(("status", old_brag, edit.status))
    if edit.due_date is not None and edit.due_date != current["due_date"]:
        if not edit.reason.strip():
            raise EditRefused("Give a reason for changing the due date: the board will ask why it moved.")
        old = current["due_date"].isoformat() if current["due_date"] else None
        changes.append(("due_date", old, edit.due_date.isoformat()))
    link = edit.evidence_link.strip()
    if link and link != (current["evidence_link"] or ""):
        changes.append(("evidence_link", current["evidence_link"], link))
    if edit.note.strip():
        changes.append(("progress_note", None, edit.note.strip()))
    return changes


def _refuse_if_stale(current: dict | None, read_version: int, actor: Actor) -> None:
    if current is None:
        raise EditRefused("That action no longer exists; reload the page.")
    if not plans.may_edit(actor, current["area"]):
        raise EditNotAllowed(
            f"{actor.who} may edit only the plans of {', '.join(actor.areas or ())}; this action is in "
            f"{current['area']}'s plan. Nothing was saved."
        )
    if current["version"] != read_version:
        when = current["last_edited_at"]
        stamp = f"{long_date(when.date())} at {when:%H:%M}" if when else "just now"
        raise EditConflict(
            f"{current['last_edited_by']} changed this action on {stamp}, after you opened it. "
            "Your change was not saved: reload to see theirs, then make yours again."
        )


def edit_action(
    db_path: Path, action_id: int, edit: ActionEdit, *, actor: Actor, read_version: int, now: dt.datetime | None = None
) -> list[str]:
    """Save `edit` to action `action_id` as `actor`; returns the fields changed. Raises EditRefused.

    The edit and its audit record are written in one transaction; a refusal for a stale view or a
    missing permission is recorded in the audit trail on its own, changing no data.
    """
    subject = f"action {action_id}"
    try:
        check(edit, actor)
        return _save(
            Path(db_path), action_id, edit, actor, read_version, now or dt.datetime.now().replace(microsecond=0)
        )
    except (EditConflict, EditNotAllowed) as refused:
        audit.record_alone(Path(db_path), actor, audit.Entry("edit", "refused", subject, detail=str(refused)))
        raise


def _save(
    db_path: Path, action_id: int, edit: ActionEdit, actor: Actor, read_version: int, now: dt.datetime
) -> list[str]:
    with store.writable_copy(db_path, backup="before-edit") as con:
        cursor = execute(con, "read/plans/action_version", action_id=action_id)
        row = cursor.fetchone()
        current = dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else None
        _refuse_if_stale(current, read_version, actor)
        status = execute(con, "read/plans/current_status_of_action", action_id=action_id).fetchone() or (None,) * 4
        changes = _changes(edit, current, status)
        if not changes:
            raise EditRefused("Nothing to save: the form holds the action's current values.")
        _write(con, action_id, changes, status, edit, recorded_name(actor), now)
        fields = [field for field, _old, _new in changes]
        audit.record(con, actor, audit.Entry("edit", "succeeded", f"action {action_id}", detail=", ".join(fields)))
    return fields


def _write(con, action_id: int, changes: list, status: tuple, edit: ActionEdit, actor: str, now: dt.datetime) -> None:
    fields = {field: new for field, _old, new in changes}
    for field, old, new in changes:
        execute(
            con,
            "write/plans/append_action_edit",
            action_id=action_id,
            edited_at=now,
            edited_by=actor,
            field=field,
            old_value=old,
            new_value=new,
            reason=edit.reason.strip() or None if field == "due_date" else None,
            source=APP_SOURCE,
        )
    if "due_date" in fields:
        execute(con, "write/plans/set_due_date", action_id=action_id, due_date=edit.due_date)
    if "evidence_link" in fields:
        execute(con, "write/plans/set_evidence_link", action_id=action_id, evidence_link=fields["evidence_link"])
    if "status" in fields or "progress_note" in fields:
        old_brag, old_text, old_read_from, _note = status
        new_status = "status" in fields
        execute(
            con,
            "write/plans/append_status_update",
            action_id=action_id,
            update_date=now.date(),
            recorded_at=now,
            brag=fields["status"] if new_status else old_brag,
            status_text=brag.MEANINGS[fields["status"]] if new_status else old_text,
            read_from=None if new_status else old_read_from,  # a note alone keeps how the status was read
            note=fields.get("progress_note"),
            updated_by=actor,
            source=APP_SOURCE,
        )
