"""The audit trail page's reads, through the app's cached query, and the trail's check."""

from __future__ import annotations

import pandas as pd

from yjs.app.cache import cached, query
from yjs.data import audit
from yjs.paths import database_path
from yjs.store import audit_seal
from yjs.store.audit import (  # noqa: F401 (the page's choices and states)
    ALTERED,
    EMPTY,
    EVENTS,
    INTACT,
    OUTCOMES,
    UNPINNED,
    Verdict,
    display_table,
    verify,
)


def has_log() -> bool:
    return audit.has_log(query)


def full_log() -> pd.DataFrame:
    return audit.full_log(query)


def chosen_rows(events: list[str], outcomes: list[str]) -> pd.DataFrame:
    return audit.chosen_rows(query, events, outcomes)


def verdict() -> Verdict:
    """Whether the trail is as the app wrote it: every row keyed to the one before, the last one pinned.
    Checked again whenever the database, its key or its pin changes (thousands of rows take a fraction of
    a second, too long for every rerun)."""
    return _verdict(audit_seal.files_signature(database_path()))


@cached(max_entries=16)
def _verdict(_seal_files: tuple) -> Verdict:
    return verify(database_path(), full_log() if has_log() else None)


def as_shown(log: pd.DataFrame) -> pd.DataFrame:
    return display_table(log)
