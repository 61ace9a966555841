"""Saving named comparator groups: the app's one write so far, done atomically like an import."""

from __future__ import annotations

from pathlib import Path

from yjs.data.db import execute
from yjs.domain.roles import Actor, local_actor, require_role
from yjs.store import atomic as store
from yjs.store import audit
from yjs.store.names import saved_name


class GroupError(ValueError):
    pass


def save_group(db_path: Path, name: str, areas: list[str], known_areas: set[str], actor: Actor | None = None) -> None:
    """Create or replace a group (editors). Raises GroupError with a message a person can act on."""
    actor = actor or local_actor()
    require_role(actor.role, "editor")
    name = saved_name(name, "group", GroupError)
    unknown = sorted(set(areas) - known_areas)
    if unknown:
        raise GroupError(f"Unknown areas: {', '.join(unknown)}.")
    if len(set(areas)) < 2:
        raise GroupError("A comparator group needs at least two areas.")
    with store.writable_copy(Path(db_path), backup="before-edit") as con:
        execute(con, "write/indicators/delete_comparator_group", name=name)
        execute(con, "write/indicators/save_comparator_group", name=name, areas=sorted(set(areas)), saved_by=actor.who)
        audit.record(
            con,
            actor,
            audit.Entry(
                "edit",
                "succeeded",
                subject=f"comparator group '{name}'",
                rows_added=len(set(areas)),
                detail=", ".join(sorted(set(areas))),
            ),
        )
