"""What someone who can write the database file, but cannot read the audit key, can do to the audit trail.

Each attack opens the file with DuckDB as any program could and changes `audit_log`; the careful ones
rebuild the chain with the app's own hash function so that every row links to the one before.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from yjs.store import audit
from yjs.store.audit_seal import GENESIS

GUESSED_KEY = b"a key the attacker made up, 32+ characters"


def _sql(db: Path, *statements: str) -> None:
    con = duckdb.connect(str(db))
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()


def _rewrite(db: Path, change, hash_row) -> None:
    """Replace the trail with `change(rows)`, renumbered from 1 and re-chained with `hash_row`."""
    con = duckdb.connect(str(db))
    try:
        rows = change(con.execute("SELECT * FROM audit_log ORDER BY seq").df())
        rows = rows.reset_index(drop=True).assign(seq=lambda f: range(1, len(f) + 1))
        previous = GENESIS
        for index in rows.index:
            rows.loc[index, "prev_hash"] = previous
            record = {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in rows.loc[index].items()}
            record["at_utc"] = pd.Timestamp(record["at_utc"]).to_pydatetime()
            rows.loc[index, "row_hash"] = previous = hash_row(record)
        con.execute("DELETE FROM audit_log")
        con.register("forged", rows)
        con.execute("INSERT INTO audit_log SELECT * FROM forged")
    finally:
        con.close()


def delete_the_last_rows(db: Path) -> None:
    _sql(db, "DELETE FROM audit_log WHERE seq > 1")


def delete_a_middle_row_and_renumber(db: Path) -> None:
    _rewrite(db, lambda rows: rows[rows["seq"] != 2], audit.row_hash)


def empty_the_table(db: Path) -> None:
    _sql(db, "DELETE FROM audit_log")


def drop_the_table(db: Path) -> None:
    _sql(db, "DROP TABLE audit_log")


def rewrite_a_row_and_rebuild_the_chain(db: Path) -> None:
    """The app's own (unkeyed) hash function, as the issue's attacker used it."""
    _rewrite(db, lambda rows: rows.assign(actor="someone else"), audit.row_hash)


def rewrite_a_row_and_rebuild_the_keyed_chain_with_a_guessed_key(db: Path) -> None:
    _rewrite(db, lambda rows: rows.assign(actor="someone else"), lambda row: audit.keyed_row_hash(GUESSED_KEY, row))


ATTACKS = (
    delete_the_last_rows,
    delete_a_middle_row_and_renumber,
    empty_the_table,
    drop_the_table,
    rewrite_a_row_and_rebuild_the_chain,
    rewrite_a_row_and_rebuild_the_keyed_chain_with_a_guessed_key,
)
