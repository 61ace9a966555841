"""Reading a test database directly, read-only, to check what the product wrote or shows."""

import duckdb


def fetch(db, sql: str, *params) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()
