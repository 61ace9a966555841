"""Saved column mappings: what the Load data page offers and `--mapping NAME` reads.

Every function takes a `query(name, **params)` callable (the app's cached one, or `Database.query`).
"""

from __future__ import annotations

from yjs.data.db import Query


def saved_mappings(query: Query, kind: str) -> dict[str, dict[str, str | None]]:
    """name -> {heading: field, or None for a column left out}."""
    frame = query("read/mappings/saved_mappings", kind=kind)
    mappings: dict[str, dict[str, str | None]] = {}
    for name, heading, field in zip(frame["name"], frame["heading"], frame["field"], strict=True):
        mappings.setdefault(name, {})[heading] = field if isinstance(field, str) else None
    return mappings
