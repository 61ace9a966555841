"""The app's data access: one read-only Database per file, results cached on the file's signature.

A build or import replaces the file, which changes its signature, so the next rerun reads fresh
data without anyone clearing a cache by hand.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from yjs.db import Database
from yjs.paths import database_path


@st.cache_resource(show_spinner=False)
def _database(path: str) -> Database:
    return Database(path)


def database() -> Database:
    return _database(str(database_path()))


@st.cache_data(show_spinner=False, max_entries=64)
def _reference(path: str, signature: tuple, query_name: str) -> pd.DataFrame:
    """Queries without parameters (the filter options, the indicator catalogue): a handful per file
    version, kept apart so a flood of filtered results never evicts what every rerun reads."""
    return _database(path).query(query_name)


@st.cache_data(show_spinner=False, max_entries=1024, ttl=3600)
def _filtered(path: str, signature: tuple, query_name: str, params: dict) -> pd.DataFrame:
    # Streamlit hashes `params` (lists and dicts included) into the cache key.
    return _database(path).query(query_name, **params)


def query(query_name: str, /, **params) -> pd.DataFrame:
    """Run queries/<query_name>.sql with bound `params`; a copy, so callers may modify it."""
    db = database()
    if params:
        result = _filtered(str(db.path), db.signature(), query_name, params)
    else:
        result = _reference(str(db.path), db.signature(), query_name)
    return result.copy()


def clear_filtered_results() -> None:
    """Forget every result that depends on a filter, keeping the reference data (the benchmark's
    "filter change": what a view never seen before costs on a running server)."""
    from yjs import indicator_data, ui_present

    for cached in (_filtered, indicator_data.area_scorecard, ui_present.cached_slide):
        cached.clear()
