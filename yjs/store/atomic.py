"""Writing the database without ever exposing a half-written file.

Every write (a build, an import, an edit) works on a private copy and swaps it into place with
`os.replace`, which is atomic on the same file system: a reader (the app, read-only) sees the old
file or the new one, never a mix, and a process killed mid-write leaves the old file untouched.
Writers take an exclusive lock file first, so two imports run one after the other and neither
loses the other's rows. Before a write replaces an existing file, the file is copied to the
backups folder (yjs/backups.py), so even a correct import of the wrong file can be undone. Every
swap also pins the audit trail's new last row beside the file (yjs/store/audit_seal.py), and a
write starts only from the row the pin holds.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import duckdb

from yjs.data.db import execute, file_signature, open_read_only
from yjs.store import audit_seal as seal
from yjs.store import backups


class StoreError(RuntimeError):
    pass


class Conflict(StoreError):
    """Someone else changed the database after this writer read it: their change stands."""


def cannot_write(db_path: Path, error: OSError) -> StoreError:
    """Say why the folder beside the database cannot take the private copy, and what to do."""
    reason = {
        errno.EROFS: "is on a read-only file system",
        errno.EACCES: "may not be written by this user",
        errno.EPERM: "may not be written by this user",
        errno.ENOSPC: "is on a full disk",
    }.get(error.errno, f"could not be written ({error.strerror or error})")
    return StoreError(
        f"the folder {db_path.parent} {reason}. Every write works on a copy "
        f"beside the database; make that folder writable (or free some space) and try again"
    )


@contextlib.contextmanager
def writer_lock(db_path: Path, *, wait: bool = True) -> Iterator[None]:
    lock_path = db_path.with_name(db_path.name + ".lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+")  # noqa: SIM115 (entered by the `with` below, once it opened)
    except OSError as exc:
        raise cannot_write(db_path, exc) from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise StoreError(f"another import or build is writing {db_path}; try again when it finishes") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_stale_copies(db_path: Path) -> None:
    """Private copies left by a writer that was killed; call with the writer lock held."""
    for stale in db_path.parent.glob(f".{db_path.name}.*.tmp*"):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()


def temporary_path(db_path: Path) -> Path:
    # Unique per write: DuckDB caches open database instances by path within a process.
    return db_path.with_name(f".{db_path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")


def _remove(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def publish(tmp_path: Path, db_path: Path, key: bytes, head: seal.Head) -> None:
    """Make a finished, closed database file the live one, durably, with its trail's head pinned."""
    with open(tmp_path, "rb") as handle:
        os.fsync(handle.fileno())
    seal.publish_pin(db_path, key, head, lambda: os.replace(tmp_path, db_path))
    directory = os.open(db_path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


class AuditTrailAltered(StoreError):
    """The live file's audit trail does not end where its pin says: no write extends it."""


def _key(db_path: Path) -> bytes:
    try:
        return seal.key_for_writing(db_path)
    except seal.AuditKeyError as exc:
        raise StoreError(str(exc)) from exc
    except OSError as exc:
        raise cannot_write(db_path, exc) from exc


def _settle_pin(db_path: Path, key: bytes) -> None:
    """Finish or drop a pending pin that a writer killed between its two renames left behind."""
    if not seal.pending_file(db_path).exists() or not db_path.exists():
        return
    con = open_read_only(db_path)
    try:
        head, _keyed = seal.trail_head(con)
    finally:
        con.close()
    seal.settle(db_path, key, head)


def refuse_if_trail_altered(con: duckdb.DuckDBPyConnection, db_path: Path, key: bytes) -> None:
    """A write appends to the trail and pins its new end, which would hide rows removed from the end (or
    a table emptied) since the last write: so a write starts only from the head the pin holds. A trail
    never pinned (a database from before the key) is adopted by its first write."""
    head, keyed = seal.trail_head(con)
    try:
        pin, accepted = seal.accepted_heads(db_path, key)
    except seal.PinUnreadable as exc:
        raise AuditTrailAltered(f"the audit trail was altered outside the app ({exc}); {_NOTHING_WRITTEN}") from exc
    if (pin is None and not accepted and not keyed) or head in accepted:
        return
    pinned = pin.head.seq if pin else "no"
    raise AuditTrailAltered(
        f"the audit trail was altered outside the app: it ends at row {head.seq}, but the pin says row {pinned}; "
        + _NOTHING_WRITTEN
    )


_NOTHING_WRITTEN = (
    "nothing was written. An administrator: see `python -m yjs audit verify`, then restore a backup taken "
    "before the change (`python -m yjs restore --list`)"
)


@contextlib.contextmanager
def new_database(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh, empty database that replaces `db_path` only if the block completes."""
    db_path = Path(db_path)
    with writer_lock(db_path):
        remove_stale_copies(db_path)
        try:
            backups.take(db_path, "before-build")
        except OSError as exc:
            raise cannot_write(db_path, exc) from exc
        key = _key(db_path)
        tmp = temporary_path(db_path)
        con = duckdb.connect(str(tmp))
        try:
            with seal.writing_with(key):
                yield con
            head, _keyed = seal.trail_head(con)
            con.execute("CHECKPOINT")
            con.close()
            publish(tmp, db_path, key, head)
        except BaseException:
            con.close()
            _remove(tmp)
            raise


@contextlib.contextmanager
def writable_copy(
    db_path: Path,
    *,
    backup: str | None = "before-import",
    source: Path | None = None,
    unchanged_since: tuple | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A transaction on a copy of `db_path` that replaces it only if the block completes.

    `backup` names the backup taken of the live file first (None for a write that changes no data,
    such as the audit record of a failed import: it must not push real backups out of the ten
    kept). `source` starts from another file instead of the live one (a restore).
    `unchanged_since` is the file signature (yjs.data.db.file_signature) an editor's form was drawn
    from: if another write replaced the file since, raise Conflict instead of overwriting what
    that person could not see (two editors on the same action: the first wins, the second is told).
    """
    db_path = Path(db_path)
    source = Path(source) if source else db_path
    if not source.exists():
        raise StoreError(f"the database {source} does not exist; run: python -m yjs build")
    with writer_lock(db_path):
        if unchanged_since is not None and db_path.exists() and file_signature(db_path) != tuple(unchanged_since):
            raise Conflict(
                "someone else saved a change since you opened this; nothing was written. "
                "Reload to see their change, then make yours again"
            )
        remove_stale_copies(db_path)
        key = _key(db_path)
        _settle_pin(db_path, key)
        tmp = temporary_path(db_path)
        try:
            if backup:
                backups.take(db_path, backup)
            backups.copy_with_wal(source, tmp)
        except OSError as exc:
            _remove(tmp)
            raise cannot_write(db_path, exc) from exc
        try:
            con = duckdb.connect(str(tmp))
        except duckdb.Error as exc:
            _remove(tmp)
            raise StoreError(f"{db_path} could not be opened for writing ({exc})") from exc
        try:
            if source == db_path:
                refuse_if_trail_altered(con, db_path, key)
            con.execute("BEGIN TRANSACTION")
            with seal.writing_with(key):
                yield con
            execute(con, "write/ratings/refresh_inspection_summary")  # whatever the write changed, the pages agree
        except BaseException:  # the caller's own refusal or error: nothing was written
            con.close()
            _remove(tmp)
            raise
        try:
            con.execute("COMMIT")
            head, _keyed = seal.trail_head(con)
            con.execute("CHECKPOINT")
            con.close()
            publish(tmp, db_path, key, head)
        except OSError as exc:  # e.g. the disk filled while checkpointing: the live file is untouched
            con.close()
            _remove(tmp)
            raise cannot_write(db_path, exc) from exc
        except BaseException:
            con.close()
            _remove(tmp)
            raise
