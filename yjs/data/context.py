"""What the published documents say about an area: its context figures, each in the document's terms.

Every function takes a `query(name, **params)` callable (the app's cached one, or `Database.query`).
"""

from __future__ import annotations

import pandas as pd

from yjs.data.db import Query
from yjs.domain.context import with_figures


def context_figures(query: Query, area: str) -> pd.DataFrame:
    """Every context figure of `area` with its `figure` as the document gives it ('over 80%', '60% (3 of 5)')."""
    return with_figures(query("read/context/context_figures_of_area", area=area)).fillna({"as_at": ""})


def published_demographics(query: Query, areas: list[str]) -> pd.DataFrame:
    """The demographic shares the documents give for `areas` (on the Disproportionality page)."""
    return with_figures(query("read/context/published_demographics", areas=list(areas))).fillna({"as_at": ""})
