"""What the audit trail page reads. Every function takes a `query(name, **params)` callable."""

from __future__ import annotations

import pandas as pd

from yjs.data.db import Query


def has_log(query: Query) -> bool:
    return bool(query("read/audit/has_audit_log")["has_log"].iloc[0])


def full_log(query: Query) -> pd.DataFrame:
    """Every row, oldest first: what the chain is checked on."""
    return query("read/audit/audit_rows")


def chosen_rows(query: Query, events: list[str], outcomes: list[str]) -> pd.DataFrame:
    """The rows of the chosen events and outcomes (empty lists: all), newest first."""
    return query("read/audit/audit_rows_chosen", events=list(events), outcomes=list(outcomes))
