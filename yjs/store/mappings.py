"""Saving a plan file's column mapping under a name, to reuse on the Load data page and with `--mapping`."""

from __future__ import annotations

from pathlib import Path

from yjs.data.db import execute
from yjs.domain.roles import Actor, local_actor, require_role
from yjs.store import atomic as store
from yjs.store import audit
from yjs.store.names import saved_name


class MappingError(ValueError):
    pass


def save_mapping(db_path: Path, name: str, kind: str, headings: dict[str, str | None], actor: Actor | None = None):
    """Create or replace the mapping `name` (editors): heading -> field, None for a column left out."""
    actor = actor or local_actor()
    require_role(actor.role, "editor")
    name = saved_name(name, "mapping", MappingError)
    if not headings:
        raise MappingError("Nothing to save: every heading is mapped as the import recognises it.")
    chosen = {" ".join(h.split()).lower(): f for h, f in headings.items() if h.strip()}
    with store.writable_copy(Path(db_path), backup="before-edit") as con:
        execute(con, "write/mappings/delete_mapping", name=name, kind=kind)
        execute(
            con,
            "write/mappings/save_mapping",
            name=name,
            kind=kind,
            headings=list(chosen),
            fields=list(chosen.values()),
            saved_by=actor.who,
        )
        audit.record(
            con,
            actor,
            audit.Entry(
                "edit",
                "succeeded",
                subject=f"{kind} column mapping '{name}'",
                rows_added=len(chosen),
                detail="; ".join(f"{h} = {f or '(left out)'}" for h, f in chosen.items())[:500],
            ),
        )
    return name
