"""Where things live. The database path is `--db`, else `$YJS_DB`, else `data/yjs.duckdb`."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SEED_DIR = DATA_DIR / "seed"
SCHEMA_FILES = (DATA_DIR / "schema.sql", DATA_DIR / "views.sql")
PTABLE_FILE = DATA_DIR / "ptable.csv"  # the perturbation table of the cell key method (data/ptable.md)
QUERIES_DIR = ROOT / "queries"
DEFAULT_DB = DATA_DIR / "yjs.duckdb"


def database_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit)
    env = os.environ.get("YJS_DB")
    return Path(env) if env else DEFAULT_DB
