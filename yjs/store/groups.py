"""Saving named comparator groups, done atomically like an import and audited like every write.

A group is shared: everyone compares with it. So an editor whose role covers some services only
(yjs/domain/roles.py) saves a group only if it includes one of them, and replaces an existing group
only if that group includes one of them too: a partnership's editors keep their own groups, and
nobody rewrites another service's. A refused save is recorded in the audit trail like every other
refused write.
"""

from __future__ import annotations

from pathlib import Path

from yjs.data.db import execute
from yjs.domain.roles import Actor, PermissionDenied, covers, local_actor, recorded_name, require_role
from yjs.store import atomic as store
from yjs.store import audit
from yjs.store.names import saved_name


class GroupError(ValueError):
    pass


def save_group(db_path: Path, name: str, areas: list[str], known_areas: set[str], actor: Actor | None = None) -> None:
    """Create or replace a group (editors). Raises GroupError with a message a person can act on,
    or PermissionDenied (recorded in the audit trail)."""
    actor = actor or local_actor()
    subject = "comparator group '" + " ".join((name or "").split()) + "'"
    try:
        require_role(actor.role, "editor")
        _refuse_outside_scope(actor, areas, "a group they save must include")
    except PermissionDenied as refusal:
        audit.record_alone(Path(db_path), actor, audit.Entry("edit", "refused", subject, detail=str(refusal)))
        raise
    name = saved_name(name, "group", GroupError)
    _check(areas, known_areas)
    try:
        _save(Path(db_path), name, sorted(set(areas)), actor, subject)
    except PermissionDenied as refusal:
        audit.record_alone(Path(db_path), actor, audit.Entry("edit", "refused", subject, detail=str(refusal)))
        raise


def _check(areas: list[str], known_areas: set[str]) -> None:
    unknown = sorted(set(areas) - known_areas)
    if unknown:
        raise GroupError(f"Unknown areas: {', '.join(unknown)}.")
    if len(set(areas)) < 2:
        raise GroupError("A comparator group needs at least two areas.")


def _refuse_outside_scope(actor: Actor, areas: list[str], rule: str) -> None:
    if actor.areas is not None and not any(covers(actor, area) for area in areas):
        raise PermissionDenied(f"{actor.who}: {rule} {' or '.join(actor.areas)}. Nothing was saved.")


def _save(db_path: Path, name: str, areas: list[str], actor: Actor, subject: str) -> None:
    with store.writable_copy(db_path, backup="before-edit") as con:
        existing = [area for (area,) in execute(con, "read/indicators/comparator_group_members", name=name).fetchall()]
        if existing:
            rule = f"the saved group '{name}' is another service's: it does not include"
            _refuse_outside_scope(actor, existing, rule)
        execute(con, "write/indicators/delete_comparator_group", name=name)
        execute(con, "write/indicators/save_comparator_group", name=name, areas=areas, saved_by=recorded_name(actor))
        audit.record(
            con,
            actor,
            audit.Entry("edit", "succeeded", subject=subject, rows_added=len(areas), detail=", ".join(areas)),
        )
