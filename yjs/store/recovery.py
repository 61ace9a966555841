"""Restoring a backup: itself an atomic write, which backs up the current file first.

The backup is copied to a private file, checked to be a YJS Insight database, given the audit
rows the replaced file had gained since the backup (restoring old data never erases the record of
what happened) and the restore's own record, and only then swapped into place. A restore of the wrong backup
is undone by restoring the one it made.
"""

from __future__ import annotations

from pathlib import Path

from yjs.data.db import DatabaseUnavailable, execute, open_read_only
from yjs.domain.roles import Actor, PermissionDenied, require_role
from yjs.store import atomic as store
from yjs.store import audit, backups


def restore(db_path: Path, name: str, actor: Actor) -> Path:
    """Make backup `name` (file name or number from `backups.listing`) the live database."""
    db_path = Path(db_path)
    try:
        require_role(actor.role, "admin")
    except PermissionDenied as refusal:
        audit.record_alone(db_path, actor, audit.Entry("restore", "refused", file_name=name, detail=str(refusal)))
        raise
    source = backups.find(db_path, name)
    checksum = audit.file_checksum(source)
    with store.writable_copy(db_path, backup="before-restore", source=source) as con:
        try:
            execute(con, "read/meta/meta_values").fetchall()
        except Exception as exc:
            raise store.StoreError(f"{source.name} is not a YJS Insight database; nothing was restored") from exc
        audit.ensure_log(con)
        carried = _carry_audit_forward(con, db_path)
        audit.record(
            con,
            actor,
            audit.Entry(
                "restore",
                "succeeded",
                subject=db_path.name,
                file_name=source.name,
                sha256=checksum,
                detail=f"restored from {source}; {carried}",
            ),
        )
    return source


def _carry_audit_forward(con, db_path: Path) -> str:
    try:
        live = open_read_only(db_path)
    except DatabaseUnavailable as exc:
        return f"the replaced file's audit trail could not be read ({exc.problem})"
    try:
        if not execute(live, "read/audit/has_audit_log").fetchone()[0]:
            return "the replaced file had no audit trail"
        replaced_audit_log = execute(live, "read/audit/audit_rows").df()  # noqa: F841 (read by name below)
    finally:
        live.close()
    con.register("replaced_audit_log", replaced_audit_log)
    carried = execute(con, "write/audit/carry_forward_audit_rows").fetchone()[0]
    con.unregister("replaced_audit_log")
    return f"{carried} audit row(s) carried over from the replaced file"
