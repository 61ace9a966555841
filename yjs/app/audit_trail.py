"""The audit trail page's reads, through the app's cached query."""

from __future__ import annotations

import pandas as pd

from yjs.app.cache import query
from yjs.data import audit
from yjs.store.audit import EVENTS, OUTCOMES, broken_links, display_table  # noqa: F401 (the page's choices)


def has_log() -> bool:
    return audit.has_log(query)


def full_log() -> pd.DataFrame:
    return audit.full_log(query)


def chosen_rows(events: list[str], outcomes: list[str]) -> pd.DataFrame:
    return audit.chosen_rows(query, events, outcomes)


def altered_rows() -> list[int]:
    """Sequence numbers of rows whose checksum chain does not hold: changed or removed outside the app."""
    return broken_links(full_log())


def as_shown(log: pd.DataFrame) -> pd.DataFrame:
    return display_table(log)
