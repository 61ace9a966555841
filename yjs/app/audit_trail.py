"""The audit trail page's reads, through the app's cached query, and the trail's check."""

from __future__ import annotations

import pandas as pd

from yjs.app.cache import query
from yjs.data import audit
from yjs.paths import database_path
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
    """Whether the trail is as the app wrote it: every row keyed to the one before, the last one pinned."""
    return verify(database_path(), full_log() if has_log() else None)


def as_shown(log: pd.DataFrame) -> pd.DataFrame:
    return display_table(log)
