"""What every page reads about the areas: names, regions, demo flags and their inspection years.

Every function takes a `query(name, **params)` callable (the app's cached one, or `Database.query`).
"""

from __future__ import annotations

import pandas as pd

from yjs.data.db import Query


def areas_with_inspection_years(query: Query) -> pd.DataFrame:
    """Every area with its region, demo flag and first and last inspection year (blank when never inspected)."""
    return query("read/areas/areas_with_inspection_years")


def is_demo_area(query: Query, area: str) -> bool:
    options = areas_with_inspection_years(query).set_index("area")
    return bool(options.loc[area, "is_demo"]) if area in options.index else False
