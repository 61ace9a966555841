"""Backups of the database file, taken before every write that changes data; the last ten are kept.

Backups live in `<database folder>/backups/`, named `<database>-<UTC time>-<reason>.duckdb`, so
their names sort oldest first. Each is copied to a hidden temporary name and renamed into place,
so a backup that exists is always complete. Each keeps beside it a copy of the audit trail's pin
as it was when the backup was taken (`<backup>.audit-pin`, yjs/store/audit_seal.py), so a restore can
tell a backup altered since. Callers hold the writer lock (yjs/store.py), so a backup never races an import.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from yjs.store import audit_seal as seal

KEPT = 10
_STAMP = "%Y%m%dT%H%M%S%fZ"


class BackupError(RuntimeError):
    pass


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    reason: str

    @property
    def size_mb(self) -> float:
        return self.path.stat().st_size / 2**20


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def _pattern(db_path: Path) -> re.Pattern:
    return re.compile(rf"^{re.escape(Path(db_path).stem)}-(\d{{8}}T\d{{12}}Z)-([a-z-]+)\.duckdb$")


def copy_with_wal(source: Path, target: Path) -> None:
    """Copy a database file, with its write-ahead log when it has one, and flush it to disk."""
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + ".wal"))
    with open(target, "rb") as handle:
        os.fsync(handle.fileno())


def take(db_path: Path, reason: str) -> Path | None:
    """Copy the live file into the backups folder (nothing to back up if it does not exist yet)."""
    db_path = Path(db_path)
    if not db_path.exists():
        return None
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
    target = folder / f"{db_path.stem}-{stamp}-{reason}.duckdb"
    partial = folder / f".{target.name}.partial"
    copy_with_wal(db_path, partial)
    seal.copy_pin(db_path, pin_of(target))  # before the backup appears, so a backup never lacks its pin
    os.replace(partial, target)
    wal = partial.with_name(partial.name + ".wal")
    if wal.exists():
        os.replace(wal, target.with_name(target.name + ".wal"))
    prune(db_path)
    return target


def listing(db_path: Path) -> list[Backup]:
    """Every complete backup of `db_path`, newest first."""
    folder, pattern = backup_dir(db_path), _pattern(db_path)
    found = []
    for path in folder.glob("*.duckdb") if folder.is_dir() else ():
        match = pattern.match(path.name)
        if match:
            taken = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
            found.append(Backup(path, taken, match.group(2)))
    return sorted(found, key=lambda backup: backup.path.name, reverse=True)


def pin_of(backup: Path) -> Path:
    """The copy of the audit pin taken with a backup (yjs/store/audit_seal.py)."""
    return seal.pin_file(backup)


def prune(db_path: Path, keep: int = KEPT) -> None:
    for old in listing(db_path)[keep:]:
        for path in (old.path, old.path.with_name(old.path.name + ".wal"), pin_of(old.path)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    for partial in backup_dir(db_path).glob(".*.partial*"):  # left by a process killed mid-copy
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def find(db_path: Path, name: str) -> Path:
    """A backup by file name (as `--list` prints it) or by its place in the list (1 = newest)."""
    backups = listing(db_path)
    if name.isdigit() and 1 <= int(name) <= len(backups):
        return backups[int(name) - 1].path
    for backup in backups:
        if backup.path.name == Path(name).name:
            return backup.path
    raise BackupError(
        f"no backup named '{name}' in {backup_dir(db_path)}; list them with: python -m yjs restore --list"
    )
