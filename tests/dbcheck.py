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
