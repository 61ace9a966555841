"""The audit trail: who imported, edited or restored what, when, and how it ended.

Writers call `record(con, actor, entry)` on the connection of their own write, inside its
transaction, so the record and the change are committed together or not at all. A failed or
refused import changes no data, so it is recorded on its own with `record_alone`: a write of the
audit row only, which takes no backup (a run of bad uploads must not push good backups out).

The table is append-only: nothing in the code updates or deletes it, and each row holds the
SHA-256 of its own content chained to the row before, so `broken_links` finds a row that was
altered or removed by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb
import pandas as pd

from yjs.data.db import DatabaseUnavailable, execute
from yjs.domain.dates import long_date_time
from yjs.domain.roles import Actor
from yjs.store import atomic as store

EVENTS = ("import", "edit", "restore")
OUTCOMES = ("succeeded", "failed", "refused")
GENESIS = "0" * 64
MAX_DETAIL = 1000
_HASHED = (
    "seq",
    "at_utc",
    "actor",
    "role",
    "event",
    "subject",
    "file_name",
    "sha256",
    "rows_added",
    "rows_updated",
    "rows_unchanged",
    "outcome",
    "problems",
    "detail",
    "prev_hash",
)


@dataclass(frozen=True)
class Entry:
    event: str  # one of EVENTS
    outcome: str  # one of OUTCOMES
    subject: str = ""  # the import kind, or what was edited (e.g. "action 12")
    file_name: str = ""
    sha256: str = ""
    rows_added: int = 0
    rows_updated: int = 0
    rows_unchanged: int = 0
    problems: int = 0
    detail: str = ""


def file_checksum(path: Path) -> str:
    """SHA-256 of a file's bytes ('' when it cannot be read: the failure is recorded anyway)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


def row_hash(row: dict) -> str:
    canonical = json.dumps([str(row[name]) if row[name] is not None else None for name in _HASHED])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def ensure_log(con: duckdb.DuckDBPyConnection) -> None:
    execute(con, "write/audit/create_audit_log")


def record(con: duckdb.DuckDBPyConnection, actor: Actor, entry: Entry) -> None:
    """Append one row to the audit trail, in the caller's transaction."""
    if entry.event not in EVENTS or entry.outcome not in OUTCOMES:
        raise ValueError(f"unknown audit event {entry.event!r} or outcome {entry.outcome!r}")
    ensure_log(con)
    last = execute(con, "read/audit/last_audit_row").fetchone()
    row = {
        "seq": (last[0] + 1) if last else 1,
        "at_utc": dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
        "actor": actor.who,
        "role": actor.role,
        **asdict(entry) | {"detail": entry.detail[:MAX_DETAIL]},
        "prev_hash": last[1] if last else GENESIS,
    }
    row["row_hash"] = row_hash(row)
    execute(con, "write/audit/append_audit_row", **row)


def record_alone(db_path: Path, actor: Actor, entry: Entry) -> bool:
    """Record an event that changed no data (a failed or refused import) in a write of its own.

    Returns False when it could not be written (no database, or one that cannot be opened): the
    caller still reports the failure itself, which matters more than its record.
    """
    try:
        with store.writable_copy(Path(db_path), backup=None) as con:
            record(con, actor, entry)
    except (store.StoreError, DatabaseUnavailable, duckdb.Error, OSError):
        return False
    return True


def broken_links(log: pd.DataFrame) -> list[int]:
    """Sequence numbers of rows whose hash or link to the row before does not hold."""
    broken, previous = [], GENESIS
    for row in log.sort_values("seq").to_dict("records"):
        row = {k: (None if v is None or (isinstance(v, float) and pd.isna(v)) else v) for k, v in row.items()}
        if isinstance(row["at_utc"], pd.Timestamp):
            row["at_utc"] = row["at_utc"].to_pydatetime()
        if row["prev_hash"] != previous or row_hash(row) != row["row_hash"]:
            broken.append(int(row["seq"]))
        previous = row["row_hash"]
    return broken


def display_table(log: pd.DataFrame) -> pd.DataFrame:
    """The trail as people read it: house dates, words for outcomes, the checksum shortened."""

    def rows(column: str) -> pd.Series:
        return log[column].astype("Int64")

    return pd.DataFrame(
        {
            "#": log["seq"].astype(int),
            "When": [long_date_time(value) for value in pd.to_datetime(log["at_utc"])],
            "Who": log["actor"],
            "Role": log["role"],
            "Event": log["event"].str.capitalize(),
            "Outcome": log["outcome"].str.capitalize(),
            "Subject": log["subject"],
            "File": log["file_name"],
            "Added": rows("rows_added"),
            "Updated": rows("rows_updated"),
            "Unchanged": rows("rows_unchanged"),
            "Problems": rows("problems"),
            "SHA-256": log["sha256"].fillna("").str[:12],
            "Detail": log["detail"],
        }
    )
