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
from yjs.store import audit_seal as seal


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
    backup_note = _check_backup(db_path, source)
    with store.writable_copy(db_path, backup="before-restore", source=source) as con:
        try:
            execute(con, "read/meta/meta_values").fetchall()
        except Exception as exc:
            raise store.StoreError(f"{source.name} is not a YJS Insight database; nothing was restored") from exc
        audit.ensure_log(con)
        carried = carry_audit_forward(con, db_path)
        audit.record(
            con,
            actor,
            audit.Entry(
                "restore",
                "succeeded",
                subject=db_path.name,
                file_name=source.name,
                sha256=checksum,
                detail=f"restored from {source}; {backup_note}; {carried}",
            ),
        )
    return source


def _trail(path: Path):
    """The audit trail of the database at `path` (None when it has none)."""
    con = open_read_only(path)
    try:
        if not execute(con, "read/audit/has_audit_log").fetchone()[0]:
            return None
        return execute(con, "read/audit/audit_rows").df()
    finally:
        con.close()


def _check_backup(db_path: Path, source: Path) -> str:
    """Refuse a backup whose trail does not match the pin it was taken with (altered since)."""
    try:
        verdict = audit.verify(source, _trail(source), seal.find_key(db_path))
    except DatabaseUnavailable as exc:
        raise store.StoreError(f"{source.name} cannot be read ({exc.problem}); nothing was restored") from exc
    if verdict.state == audit.ALTERED:
        raise store.StoreError(
            f"the backup {source.name} was altered since it was taken ({'; '.join(verdict.problems)}); "
            "nothing was restored. Choose another backup"
        )
    return "the backup's trail matches its pin" if verdict.state == audit.INTACT else "the backup has no pin"


def carry_audit_forward(con, db_path: Path) -> str:
    """Append the audit rows the replaced file gained after the head of the trail in `con` (a restore
    never erases the record of what happened), each checked to follow from the row before; and say so
    when the replaced file's trail had been altered, so that the new trail keeps the fact."""
    try:
        replaced = _trail(db_path)
    except DatabaseUnavailable as exc:
        return f"the replaced file's audit trail could not be read ({exc.problem})"
    verdict = audit.verify(db_path, replaced, seal.key_in_use())
    altered = f"the replaced file's trail was altered ({'; '.join(verdict.problems)}); " if verdict.problems else ""
    if replaced is None:
        return altered + "the replaced file had no audit trail"
    onto, _keyed = seal.trail_head(con)
    replaced_audit_log, note = audit.rows_to_carry(replaced, onto, seal.key_in_use())  # noqa: F841 (read by name)
    if not replaced_audit_log.empty:
        con.register("replaced_audit_log", replaced_audit_log)
        execute(con, "write/audit/carry_forward_audit_rows").fetchall()
        con.unregister("replaced_audit_log")
    return altered + note
