"""Writing a validated actions import: new plans and actions, changed fields with their history.

Runs inside `run_import`'s writable copy. Nothing is overwritten without a trace: a new action gets
a 'created' row in action_edits, each changed field of an existing action an (old, new) row, and a
changed status or new progress commentary a dated row in action_status_updates (the commentary as
its note, the status carried forward when only the commentary changed), so each import adds to
the action's history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from yjs.data.db import execute
from yjs.importers.base import ADD, UPDATE, Plan

COMPARED = (
    "theme",
    "recommendations",
    "action",
    "finding",
    "lead",
    "agency",
    "board_sponsor",
    "start_text",
    "start_date",
    "due_text",
    "due_date",
    "measures",
    "evidence",
)
ACTION_FIELDS = COMPARED


@dataclass
class ActionsPlan(Plan):
    new_plans: dict[str, dict] = field(default_factory=dict)  # plan id -> its row
    actor: str = ""


def comparable(value):
    """A stored or parsed value in one form: None for any blank, a date, a list or text."""
    if hasattr(value, "tolist") and not isinstance(value, pd.Timestamp):
        value = value.tolist()
    if isinstance(value, list):
        return value or None
    if value is None or pd.isna(value):
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def _text(value) -> str | None:
    value = comparable(value)
    if value is None:
        return None
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def write_actions(con, plan: ActionsPlan) -> None:
    now = dt.datetime.now().replace(microsecond=0)
    for row in plan.new_plans.values():
        execute(con, "write/plans/insert_plan", **row)

    def history(action_id: int, field: str, old, new, source: str) -> None:
        execute(
            con,
            "write/plans/append_action_edit",
            action_id=action_id,
            edited_at=now,
            edited_by=plan.actor,
            field=field,
            old_value=_text(old),
            new_value=_text(new),
            reason=None,
            source=source,
        )

    for change in plan.changes:
        record = change.record
        values = {f: record[f] for f in ACTION_FIELDS}
        if change.action == ADD:
            action_id = execute(
                con,
                "write/plans/insert_action",
                plan=record["plan"],
                ref=record["ref"],
                source=record["source"],
                **values,
            ).fetchone()[0]
            history(action_id, "created", None, record["ref"], record["source"])
            before = {"brag": None, "status_text": None, "progress": None}
        elif change.action == UPDATE:
            action_id, before = record["action_id"], change.existing
            for f in ACTION_FIELDS:
                if comparable(before[f]) != comparable(record[f]):
                    history(action_id, f, before[f], record[f], record["source"])
            execute(con, "write/plans/update_action", action_id=action_id, **values)
        else:
            continue
        _append_status(con, plan, action_id, record, before, history, now)


def _append_status(con, plan: ActionsPlan, action_id: int, record: dict, before: dict, history, now) -> None:
    """A dated update when the status or the progress commentary changed (the other carried forward)."""
    new_status = bool(record["status_text"]) and record["status_text"] != before["status_text"]
    new_progress = bool(record["progress"]) and record["progress"] != comparable(before["progress"])
    if new_status:
        history(action_id, "status", before["status_text"], record["status_text"], record["source"])
    if new_progress:
        history(action_id, "progress_note", comparable(before["progress"]), record["progress"], record["source"])
    if not (new_status or new_progress):
        return
    execute(
        con,
        "write/plans/append_status_update",
        action_id=action_id,
        update_date=record["status_date"],
        recorded_at=now,
        brag=record["brag"] if new_status else before["brag"],
        status_text=record["status_text"] if new_status else before["status_text"],
        read_from=record["read_from"] if new_status else before.get("read_from"),
        note=record["progress"] if new_progress else None,
        updated_by=plan.actor,
        source=record["source"],
    )
