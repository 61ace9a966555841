"""The audit trail: who imported, edited or restored what, when, and how it ended.

Writers call `record(con, actor, entry)` on the connection of their own write, inside its
transaction, so the record and the change are committed together or not at all. A failed or
refused import changes no data, so it is recorded on its own with `record_alone`: a write of the
audit row only, which takes no backup (a run of bad uploads must not push good backups out).

The table is append-only: nothing in the code updates or deletes it. Each row carries an HMAC of
its own content and the row before, keyed with a secret the database does not hold, and the last
row is pinned outside the database (yjs/store/audit_seal.py). `verify` says whether the trail is
intact, and if not, what was done to it. Rows written before the key existed carry a plain SHA-256
of the same content; the first keyed row after them vouches for them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb
import pandas as pd

from yjs.data.db import DatabaseUnavailable, execute
from yjs.domain.dates import long_date_time
from yjs.domain.roles import Actor, recorded_name
from yjs.store import atomic as store
from yjs.store import audit_seal as seal
from yjs.store.audit_seal import GENESIS

EVENTS = ("import", "edit", "restore", "build")
OUTCOMES = ("succeeded", "failed", "refused")
KEYED = "hmac:"  # the prefix of a keyed row checksum; a bare 64-hex checksum is an unkeyed, older row
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


def _canonical(row: dict) -> bytes:
    return json.dumps([str(row[name]) if row[name] is not None else None for name in _HASHED]).encode("utf-8")


def row_hash(row: dict) -> str:
    """The unkeyed SHA-256 of rows written before the trail had a key (anyone can recompute it)."""
    return hashlib.sha256(_canonical(row)).hexdigest()


def keyed_row_hash(key: bytes, row: dict) -> str:
    return KEYED + hmac.new(key, _canonical(row), hashlib.sha256).hexdigest()


def ensure_log(con: duckdb.DuckDBPyConnection) -> None:
    execute(con, "write/audit/create_audit_log")


def record(con: duckdb.DuckDBPyConnection, actor: Actor, entry: Entry) -> None:
    """Append one row to the audit trail, in the caller's transaction (inside store.writable_copy)."""
    if entry.event not in EVENTS or entry.outcome not in OUTCOMES:
        raise ValueError(f"unknown audit event {entry.event!r} or outcome {entry.outcome!r}")
    key = seal.key_in_use()
    ensure_log(con)
    last = execute(con, "read/audit/last_audit_row").fetchone()
    row = {
        "seq": (last[0] + 1) if last else 1,
        "at_utc": dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
        "actor": recorded_name(actor),
        "role": actor.role,
        **asdict(entry) | {"detail": entry.detail[:MAX_DETAIL]},
        "prev_hash": last[1] if last else GENESIS,
    }
    row["row_hash"] = keyed_row_hash(key, row)
    execute(con, "write/audit/append_audit_row", **row)


def record_alone(db_path: Path, actor: Actor, entry: Entry) -> bool:
    """Record an event that changed no data (a failed or refused import) in a write of its own.

    Returns False when it could not be written (no database, one that cannot be opened, or a trail
    altered outside the app, which no write extends): the caller still reports the failure itself,
    which matters more than its record.
    """
    try:
        with store.writable_copy(Path(db_path), backup=None) as con:
            record(con, actor, entry)
    except (store.StoreError, DatabaseUnavailable, duckdb.Error, OSError, seal.AuditKeyError):
        return False
    return True


# --- checking the trail ------------------------------------------------------------------------------------


def _plain(row: dict) -> dict:
    """A row read back through pandas, as it was hashed."""
    row = {k: (None if v is None or (isinstance(v, float) and pd.isna(v)) else v) for k, v in row.items()}
    if isinstance(row["at_utc"], pd.Timestamp):
        row["at_utc"] = row["at_utc"].to_pydatetime()
    for name in ("seq", "rows_added", "rows_updated", "rows_unchanged", "problems"):
        if row[name] is not None:
            row[name] = int(row[name])
    return row


def chain_breaks(log: pd.DataFrame, key: bytes | None, start: seal.Head = seal.EMPTY) -> list[tuple[int, str]]:
    """(row, what is wrong) for every row that does not follow from the one before, oldest first.

    A keyed row must carry the key's HMAC; an unkeyed one is accepted only before the first keyed row
    (the trail of a database older than the key), never after it.
    """
    breaks, previous, keyed_seen = [], start, False
    for row in (_plain(r) for r in log.sort_values("seq").to_dict("records")):
        seq, stored = row["seq"], str(row["row_hash"])
        if seq != previous.seq + 1:
            breaks.append((seq, f"row {seq} follows row {previous.seq}: rows were removed or renumbered"))
        elif row["prev_hash"] != previous.row_hash:
            breaks.append((seq, f"row {seq} does not link to the row before it"))
        elif stored.startswith(KEYED):
            keyed_seen = True
            if key is None or not hmac.compare_digest(stored, keyed_row_hash(key, row)):
                breaks.append((seq, f"row {seq} does not carry the key's checksum: it was changed or rewritten"))
        elif keyed_seen or stored != row_hash(row):
            breaks.append((seq, f"row {seq} has a checksum the app did not write: it was changed or rewritten"))
        previous = seal.Head(seq, stored)
    return breaks


def broken_links(log: pd.DataFrame, key: bytes | None = None) -> list[int]:
    """Sequence numbers of rows whose checksum or link to the row before does not hold."""
    return [seq for seq, _why in chain_breaks(log, key)]


def head_of(log: pd.DataFrame | None) -> seal.Head:
    if log is None or log.empty:
        return seal.EMPTY
    last = log.sort_values("seq").iloc[-1]
    return seal.Head(int(last["seq"]), str(last["row_hash"]))


INTACT, ALTERED, UNPINNED, EMPTY = "intact", "altered", "not pinned", "empty"


@dataclass(frozen=True)
class Verdict:
    state: str  # INTACT, ALTERED, UNPINNED or EMPTY
    rows: int
    problems: tuple[str, ...] = ()  # what was done to an altered trail, in plain words
    altered_rows: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()  # worth saying whatever the state (a key file others can read)

    @property
    def message(self) -> str:
        if self.state == ALTERED:
            return "Audit trail altered: " + "; ".join(self.problems) + "."
        if self.state == UNPINNED:
            return (
                f"Audit trail not pinned yet: its {self.rows} row(s) were written before keyed, pinned checksums, so "
                "rows changed or removed by someone with the file cannot be ruled out. Pinning starts with the "
                "next import, edit or restore."
            )
        if self.state == EMPTY:
            return "Nothing has been recorded yet."
        return f"Audit trail intact: {self.rows} row(s), each keyed to the one before, the last one pinned."


def verify(db_path: Path, log: pd.DataFrame | None, key: bytes | None = None) -> Verdict:
    """Check the trail `log` read from `db_path` (None: it has no audit_log table) against the key and pin.

    A backup is checked the same way, against the pin copied with it and the live database's `key`.
    """
    rows, notes = 0 if log is None else len(log), tuple(filter(None, [seal.loose_permissions(db_path)]))
    try:
        key = key or seal.find_key(db_path)
        pin, accepted = seal.accepted_heads(db_path, key)
    except (seal.AuditKeyError, seal.PinUnreadable) as exc:
        return Verdict(ALTERED, rows, (str(exc),), notes=notes)
    breaks = chain_breaks(log, key) if log is not None else []
    problems = [why for _seq, why in breaks]
    head, keyed = head_of(log), log is not None and log["row_hash"].astype(str).str.startswith(KEYED).any()
    if pin is None and not accepted:
        if keyed:
            problems.insert(0, f"the pin file {seal.pin_file(db_path).name} is missing, but the trail was pinned")
        elif not problems:
            return Verdict(UNPINNED if rows else EMPTY, rows, notes=notes)
    elif head not in accepted:
        problems.insert(0, _head_problem(log, head, pin.head if pin else seal.EMPTY))
    if problems:
        return Verdict(ALTERED, rows, tuple(problems), tuple(seq for seq, _why in breaks), notes)
    return Verdict(INTACT if rows else EMPTY, rows, notes=notes)


def _head_problem(log: pd.DataFrame | None, head: seal.Head, pinned: seal.Head) -> str:
    if log is None:
        return f"the audit_log table is gone; the pin says it had {pinned.seq} row(s)"
    if head.seq < pinned.seq:
        return f"the trail ends at row {head.seq} but the pin says it had {pinned.seq}: rows were removed"
    return f"the last row (row {head.seq}) is not the one pinned (row {pinned.seq}): the end was changed"


def rows_to_carry(replaced: pd.DataFrame, onto: seal.Head, key: bytes | None) -> tuple[pd.DataFrame, str]:
    """The replaced file's rows after `onto` (the head of the file a restore or build starts from),
    each checked to follow from the one before; a row that does not, and every row after it, stays out."""
    later = replaced[replaced["seq"] > onto.seq].sort_values("seq")
    if later.empty:
        return later, "no audit rows to carry over"
    at = replaced[replaced["seq"] == onto.seq]
    if onto.seq and (at.empty or str(at["row_hash"].iloc[0]) != onto.row_hash):
        return later.iloc[:0], "the replaced file's trail does not continue this one: none of its rows carried over"
    breaks = chain_breaks(later, key, start=onto)
    kept = later if not breaks else later[later["seq"] < breaks[0][0]]
    note = f"{len(kept)} audit row(s) carried over from the replaced file"
    if breaks:
        note += f"; {len(later) - len(kept)} not, from row {breaks[0][0]} on ({breaks[0][1]})"
    return kept, note


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
