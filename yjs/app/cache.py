"""The app's one way to the database: a read-only Database per file, results cached on the file's signature.

A build or import replaces the file, which changes its signature, so the next rerun reads fresh data
without anyone clearing a cache by hand. `query` is what the app passes to every `yjs.data` reader;
`cached` does the same for a computation over several reads (a scorecard, a board pack slide).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pandas as pd
import streamlit as st

from yjs.data.db import Database
from yjs.paths import database_path

_FILTERED: list = []  # every cache of results that depend on a filter, for clear_filtered_results


@st.cache_resource(show_spinner=False)
def _database(path: str) -> Database:
    return Database(path)


def database() -> Database:
    return _database(str(database_path()))


def cached(*, max_entries: int, ttl: int = 3600, reference: bool = False) -> Callable:
    """Like st.cache_data, keyed also on the database file's path and signature.

    `reference` marks results every rerun reads (filter options, the catalogue): they are kept apart,
    so a flood of filtered results never evicts them, and clear_filtered_results leaves them alone.
    """

    def decorate(function: Callable) -> Callable:
        def keyed(path: str, signature: tuple, *args, **kwargs):
            return function(*args, **kwargs)

        # Streamlit names a cache by the function's module and qualified name: give each its own.
        keyed.__module__, keyed.__qualname__ = function.__module__, f"{function.__qualname__}.cached"
        store = st.cache_data(show_spinner=False, max_entries=max_entries, ttl=None if reference else ttl)(keyed)
        if not reference:
            _FILTERED.append(store)

        @functools.wraps(function)
        def call(*args, **kwargs):
            db = database()
            return store(str(db.path), db.signature(), *args, **kwargs)

        return call

    return decorate


@cached(max_entries=64, reference=True)
def _reference(query_name: str) -> pd.DataFrame:
    return database().query(query_name)


@cached(max_entries=1024)
def _filtered(query_name: str, params: dict) -> pd.DataFrame:
    # Streamlit hashes `params` (lists and dicts included) into the cache key.
    return database().query(query_name, **params)


def query(query_name: str, /, **params) -> pd.DataFrame:
    """Run queries/<query_name>.sql with bound `params`. st.cache_data hands each caller its own copy."""
    return _filtered(query_name, params) if params else _reference(query_name)


def clear_filtered_results() -> None:
    """Forget every result that depends on a filter, keeping the reference data (the benchmark's
    "filter change": what a view never seen before costs on a running server)."""
    for store in _FILTERED:
        store.clear()
