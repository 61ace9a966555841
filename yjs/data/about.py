"""What the About the data page reads: the documents and what was taken from each, the imports, what each
dataset holds, when the data last changed, and every published table for the Download all data ZIP.

Every function takes a `query(name, **params)` callable. The published tables are the files under
queries/read/export/: each file's header says what the table holds and what each column means, and that
header is the ZIP's data dictionary, so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from yjs.data import audit
from yjs.data.db import Query, load_query
from yjs.paths import QUERIES_DIR

EXPORT_DIR = "read/export"
_TABLE_HEADER = re.compile(r"^--[ \t]*(\S+\.csv):[ \t]*(.+)$", re.MULTILINE)
_COLUMN_HEADER = re.compile(r"^--[ \t]*column[ \t]+(\w+):[ \t]*(.+)$", re.MULTILINE)


def documents_and_rows_taken(query: Query) -> pd.DataFrame:
    """A row per document and kind of row citing it (kind and rows blank for a document nothing cites)."""
    return query("read/about/documents_and_rows_taken")


def figures_by_dataset(query: Query) -> pd.DataFrame:
    return query("read/about/figures_by_dataset")


def areas_by_kind(query: Query) -> dict[bool, int]:
    frame = query("read/about/areas_by_kind")
    return {bool(demo): int(areas) for demo, areas in zip(frame["is_demo"], frame["areas"], strict=True)}


def succeeded_imports(query: Query) -> pd.DataFrame:
    """Every import that succeeded, newest first (none before the first write made the audit trail)."""
    if not audit.has_log(query):
        return pd.DataFrame(
            columns=["at_utc", "actor", "kind", "file_name", "rows_added", "rows_updated", "rows_unchanged"]
        )
    return query("read/about/succeeded_imports")


@dataclass(frozen=True)
class LastChange:
    at_utc: dt.datetime
    what: str  # "database built", "import of figures.csv", "a plan edit", "restored from a backup"


def last_change(query: Query) -> LastChange:
    """When the data last changed: the build, or the latest import, edit or restore that succeeded after it."""
    meta = query("read/meta/meta_values")
    built = dict(zip(meta["key"], meta["value"], strict=True)).get("built_at")
    change = LastChange(dt.datetime.fromisoformat(built).replace(tzinfo=None), "database built")
    if audit.has_log(query):
        latest = query("read/about/last_succeeded_change")
        if not latest.empty and pd.Timestamp(latest["at_utc"].iloc[0]).to_pydatetime() > change.at_utc:
            row = latest.iloc[0]
            what = {
                "import": f"import of {row['file_name']}" if row["file_name"] else f"{row['subject']} import",
                "edit": "a plan edit",
                "restore": "restored from a backup",
            }.get(row["event"], str(row["event"]))
            change = LastChange(pd.Timestamp(row["at_utc"]).to_pydatetime(), what)
    return change


def export_names() -> list[str]:
    """The published tables' query names, in the ZIP's order (the order of the export folder's files)."""
    return sorted(f"{EXPORT_DIR}/{path.stem}" for path in (QUERIES_DIR / EXPORT_DIR).glob("*.sql"))


def published_tables(query: Query, demo: bool) -> dict[str, pd.DataFrame]:
    """Every published table (nothing child-level) as its CSV's name and rows; demo rows only when `demo`."""
    tables = {}
    for name in export_names():
        params = {"demo": bool(demo)} if "demo" in load_query(name).params else {}
        tables[_file_name(name)] = query(name, **params)
    return tables


def data_dictionary() -> pd.DataFrame:
    """Each published file and column with what it means, from the export queries' own headers."""
    rows = []
    for name in export_names():
        sql = load_query(name).sql
        file_name, meaning = _TABLE_HEADER.search(sql).groups()
        rows.append({"file": file_name, "column": "", "meaning": meaning.strip()})
        rows += [{"file": file_name, "column": c, "meaning": m.strip()} for c, m in _COLUMN_HEADER.findall(sql)]
    return pd.DataFrame(rows)


def _file_name(name: str) -> str:
    return _TABLE_HEADER.search(load_query(name).sql).group(1)
