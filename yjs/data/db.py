"""The only place the app runs SQL: named query files, bound parameters, a read-only connection.

Each query lives in `queries/<group>/<name>.sql` with a header line `-- params: $a, $b` naming
its parameters; values are always bound, never formatted into the text. The connection is
read-only and reopened when the database file is replaced (a build or an import swaps the
file atomically), so results are cached against the file's signature.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from yjs.paths import QUERIES_DIR, database_path

# The layout of the database this code reads; a build writes it into `meta`, and a file of another layout is
# refused with a clear message rather than failing page by page.
# 3: record keys and the perturbation table (disclosure control by the cell key method).
# 4: the inspection summary kept as a table for the pages (data/views.sql), refreshed by every write.
# 5: the cohort counted per area and year for the cohort pages (data/views.sql `in_scope`).
SCHEMA_VERSION = "5"
LAYOUT_CHANGE = "the cohort's counts kept per area and year, for the cohort pages at scale"
# What reads take: `query(name, **params)` runs queries/<name>.sql with bound params (the app's is cached).
Query = Callable[..., pd.DataFrame]
_PARAMS_HEADER = re.compile(r"^--[ \t]*params:[ \t]*(.*)$", re.MULTILINE)


class DatabaseUnavailable(RuntimeError):
    """The database file is missing, unreadable, locked or not a YJS Insight database."""

    def __init__(self, path: Path, problem: str, fix: str):
        super().__init__(f"{problem}: {path}")
        self.path, self.problem, self.fix = path, problem, fix


@dataclass(frozen=True)
class NamedQuery:
    name: str
    sql: str
    params: tuple[str, ...]


@functools.cache
def load_query(name: str) -> NamedQuery:
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named '{name}' ({path})")
    sql = path.read_text(encoding="utf-8")
    header = _PARAMS_HEADER.search(sql)
    declared = tuple(p.strip().lstrip("$") for p in header.group(1).split(",") if p.strip()) if header else ()
    return NamedQuery(name, sql, declared)


def bind(query: NamedQuery, params: dict) -> dict:
    """Check the caller passes exactly the parameters the query file declares."""
    missing = set(query.params) - set(params)
    extra = set(params) - set(query.params)
    if missing or extra:
        raise TypeError(
            f"query '{query.name}' takes {sorted(query.params)}; missing {sorted(missing)}, unexpected {sorted(extra)}"
        )
    return {name: params[name] for name in query.params}


def file_signature(path: Path) -> tuple[int, int, int]:
    """Changes whenever the file is rebuilt or replaced by an import."""
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


def _fix_command(path: Path) -> str:
    db_arg = "" if path == database_path(None) else f" --db {path}"
    return f"python -m yjs build{db_arg}"


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the file as it is now.

    The file is attached to a private in-memory database rather than opened with
    `duckdb.connect(path)`, whose per-process instance cache would hand back a connection to the
    old file after an import or a build has replaced it.
    """
    if not path.exists():
        raise DatabaseUnavailable(path, "The database file does not exist", _fix_command(path))
    if not os.access(path, os.R_OK):
        raise DatabaseUnavailable(path, "The database file cannot be read (check its permissions)", f"chmod u+r {path}")
    con = duckdb.connect()
    try:
        con.execute("ATTACH $path AS yjs (READ_ONLY)", {"path": str(path)})
        con.execute("USE yjs")
    except duckdb.IOException as exc:
        con.close()
        if "lock" in str(exc).lower():
            raise DatabaseUnavailable(
                path,
                "The database file is locked by another program that is writing to it",
                "close that program (or wait for its import to finish) and reload",
            ) from exc
        raise DatabaseUnavailable(path, f"The database file could not be opened ({exc})", _fix_command(path)) from exc
    except duckdb.Error as exc:
        con.close()
        raise DatabaseUnavailable(path, f"The file is not a DuckDB database ({exc})", _fix_command(path)) from exc
    try:
        meta = dict(con.execute(load_query("read/meta/meta_values").sql).fetchall())
    except duckdb.Error as exc:
        con.close()
        raise DatabaseUnavailable(path, "The file is not a YJS Insight database", _fix_command(path)) from exc
    if meta.get("schema_version") != SCHEMA_VERSION:
        con.close()
        raise DatabaseUnavailable(
            path,
            f"The database was built by another version of YJS Insight (layout {meta.get('schema_version')}; "
            f"this version reads layout {SCHEMA_VERSION}: {LAYOUT_CHANGE})",
            f"{_fix_command(path)}   # backs the old file up first; then import your own files again",
        )
    return con


class Database:
    """A read-only connection that follows the file: reopened when the file is replaced."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._signature: tuple | None = None

    def signature(self) -> tuple[int, int, int]:
        try:
            return file_signature(self.path)
        except FileNotFoundError:
            raise DatabaseUnavailable(self.path, "The database file does not exist", _fix_command(self.path)) from None

    def _connection(self) -> duckdb.DuckDBPyConnection:
        signature = self.signature()
        with self._lock:
            if self._con is None or signature != self._signature:
                if self._con is not None:
                    self._con.close()
                self._con, self._signature = open_read_only(self.path), signature
            return self._con

    def query(self, query_name: str, /, **params) -> pd.DataFrame:
        query = load_query(query_name)
        cursor = self._connection().cursor()  # a cursor per query: safe across Streamlit's threads
        cursor.execute("USE yjs")  # each cursor starts in the in-memory catalogue
        try:
            return cursor.execute(query.sql, bind(query, params) or None).df()
        finally:
            cursor.close()

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
            self._con = None


def execute(con: duckdb.DuckDBPyConnection, query_name: str, /, **params):
    """Run a named query on a given connection (builds, imports and edits use their own)."""
    query = load_query(query_name)
    return con.execute(query.sql, bind(query, params) or None)
