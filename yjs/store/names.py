"""The one rule for names people give to what they save (comparator groups, column mappings)."""

from __future__ import annotations

MAX_NAME = 60


def saved_name(name: str | None, what: str, error: type[ValueError]) -> str:
    """`name` with its spacing tidied, or `error` saying what to change."""
    name = " ".join((name or "").split())
    if not name:
        raise error(f"Give the {what} a name.")
    if len(name) > MAX_NAME:
        raise error(f"Keep the name to {MAX_NAME} characters.")
    return name
