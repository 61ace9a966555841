"""What the indicator pages read: the catalogue, saved comparator groups and indicator values.

Every function takes a `query(name, **params)` callable: the app passes its cached one, the command
line and the board pack a plain `Database.query`.
"""

from __future__ import annotations

import pandas as pd

from yjs.data.db import Query
from yjs.domain import comparators


def catalogue(query: Query) -> pd.DataFrame:
    return query("read/indicators/indicator_catalogue")


def all_groups(query: Query) -> dict[str, list[str]]:
    """Every comparator group: saved in the app, and ready-made (statistical neighbours)."""
    frame = query("read/indicators/comparator_groups")
    return {name: list(areas) for name, areas in zip(frame["name"], frame["areas"], strict=True)}


def saved_groups(query: Query) -> dict[str, list[str]]:
    """The groups people saved in the app (the ready-made ones are offered per area instead)."""
    frame = query("read/indicators/comparator_groups")
    saved = frame[frame["source"].isna()]
    return {name: list(areas) for name, areas in zip(saved["name"], saved["areas"], strict=True)}


def group_sources(query: Query) -> dict[str, str]:
    """Where each ready-made group comes from, as a person reads it."""
    frame = query("read/indicators/comparator_groups")
    made = frame[frame["source"].notna()]
    return dict(zip(made["name"], made["source"], strict=True))


def values(query: Query, codes: list[str], demo: bool) -> pd.DataFrame:
    return query("read/indicators/indicator_values", indicators=list(codes), demo=bool(demo))


def area_scorecard(query: Query, area: str, choice: str, demo: bool) -> pd.DataFrame:
    """Every indicator of one area against its comparators (one row per indicator)."""
    indicators = catalogue(query)
    return comparators.scorecard(
        values(query, indicators["code"].tolist(), demo), area, choice, all_groups(query), indicators
    )
