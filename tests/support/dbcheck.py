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
    are the cohort's record keys and the cells' sums of them (`key_sum`, `keys`): drawn at random for each
    new episode, two imports of one file differ there.
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
        drawn_at_random: dict[str, list[str]] = {}
        for name, column in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() "
            "WHERE column_name IN ('record_key', 'key_sum', 'keys')"
        ).fetchall():
            drawn_at_random.setdefault(name, []).append(f'"{column}"')
        return {name: con.execute(_fingerprint_sql(name, drawn_at_random.get(name))).fetchone() for name in tables}
    finally:
        con.close()


def _fingerprint_sql(table: str, left_out: list[str] | None) -> str:
    excluded = f"EXCLUDE ({', '.join(left_out)})" if left_out else ""
    return f'SELECT count(*), bit_xor(hash(t)) FROM (SELECT * {excluded} FROM "{table}") AS t'


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
