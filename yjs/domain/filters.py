"""The shared filters a page honours, and which areas they leave on show (pure).

The rule for an area on show is written twice, in the same words: here for the filter options the
app already holds, and as the `is_visible` macro (data/views.sql) for queries. Real areas are always
on show, demo areas only when asked for; an empty choice of regions means every region.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

FIRST_YEAR, LAST_YEAR = 1900, 2100  # "every year" when a page does not filter by inspection year


@dataclass(frozen=True)
class Filters:
    show_demo: bool = False
    regions: tuple[str, ...] = ()
    area: str | None = None
    year_from: int = FIRST_YEAR
    year_to: int = LAST_YEAR

    def scope(self) -> dict:
        """The bound parameters the inspection queries filter on."""
        return {
            "show_demo": self.show_demo,
            "regions": list(self.regions),
            "year_from": self.year_from,
            "year_to": self.year_to,
        }

    def is_visible(self, is_demo: bool, region: str | None) -> bool:
        return (not is_demo or self.show_demo) and (not self.regions or region in self.regions)

    def visible_areas(self, areas: pd.DataFrame) -> list[str]:
        """The names in `areas` (columns area, region, is_demo) that these filters leave on show."""
        return [
            name
            for name, region, is_demo in zip(areas["area"], areas["region"], areas["is_demo"], strict=True)
            if self.is_visible(bool(is_demo), region)
        ]
