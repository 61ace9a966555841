"""Reading a test database directly, read-only, to check what the product wrote or shows."""

import duckdb


def fetch(db, sql: str, *params) -> list[tuple]:
    # Attached, not connected: DuckDB's per-process instance cache would return stale data from a
    # file that an import has since replaced while the app under test still holds it open.
    con = duckdb.connect()
    con.execute("ATTACH $path AS checked (READ_ONLY)", {"path": str(db)})
    con.execute("USE checked")
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def data_fingerprint(db) -> dict[str, tuple]:
    """Each data table's row count and order-independent hash: equal when no data changed.

    The audit trail is left out: a failed import is recorded there while the data stays as it was. So
    are the cohort's record keys: drawn at random for each new episode, two imports of one file differ there.
    """
    con = duckdb.connect()
    con.execute("ATTACH $path AS checked (READ_ONLY)", {"path": str(db)})
    con.execute("USE checked")
    try:
        tables = [
            name
            for (name,) in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'checked' AND table_name <> 'audit_log' "
                "ORDER BY 1"
            ).fetchall()
        ]
        # Identifiers come from the catalogue and are quoted; this helper only ever reads test files.
        keyed = {
            name
            for (name,) in con.execute(
                "SELECT table_name FROM duckdb_columns() WHERE column_name = 'record_key'"
            ).fetchall()
        }
        return {
            name: con.execute(
                f"SELECT count(*), bit_xor(hash(t)) FROM (SELECT * {'EXCLUDE (record_key)' if name in keyed else ''} "
                f'FROM "{name}") AS t'
            ).fetchone()
            for name in tables
        }
    finally:
        con.close()


def audit_rows(db) -> list[dict]:
    """The audit trail, oldest first ([] for a database without one)."""
    if not fetch(db, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'audit_log'")[0][0]:
        return []
    con = duckdb.connect()
    con.execute("ATTACH $path AS checked (READ_ONLY)", {"path": str(db)})
    try:
        return con.execute("SELECT * FROM checked.audit_log ORDER BY seq").df().to_dict("records")
    finally:
        con.close()
