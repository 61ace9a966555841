"""Finding the inspection a row of a service's own report is about: its area, and the month it was
published or inspected (`2022-09`, `September 2022`, a date in that month); a blank month means the
area's latest inspection.

Shared by the imports that hang lists off an inspection (recommendation updates, findings).
"""

from __future__ import annotations

from yjs.data.db import execute
from yjs.domain.dates import month_label, parse_date, parse_plan_date
from yjs.domain.geography import AreaIndex
from yjs.importers.fields import Cells


class InspectionFinder:
    """Resolves (area, month) cells to an inspection id, with a reason a person can act on."""

    def __init__(self, con):
        self.areas = AreaIndex(
            (name, aliases) for name, aliases, *_ in execute(con, "read/areas/areas_with_aliases").fetchall()
        )
        self.by_area: dict[str, list[tuple]] = {}
        for inspection_id, area, published, fieldwork, when in execute(
            con, "read/ratings/inspections_to_match"
        ).fetchall():
            self.by_area.setdefault(area, []).append((inspection_id, published, fieldwork, when))

    def resolve(self, cells: Cells, area_column: str = "area", month_column: str = "inspection") -> int | None:
        typed = cells.text(area_column, required=True)
        if typed is None:
            return None
        area = self.areas.resolve(typed)
        if area is None:
            cells.fail(area_column, self.areas.unknown_area_reason(typed).split(" (add it")[0])
            return None
        inspections = self.by_area.get(area, [])
        if not inspections:
            cells.fail(area_column, f"{area} has no inspection in the database: import it first (inspections)")
            return None
        try:
            when = parse_plan_date(cells.row.get(month_column), end_of_month=False)
        except ValueError as exc:
            cells.fail(month_column, str(exc))
            return None
        if when is None:
            return inspections[-1][0]  # ordered by date: the latest
        month = f"{when:%Y-%m}"
        found = {i for i, published, fieldwork, _ in inspections if month in (published, fieldwork)}
        if len(found) == 1:
            return found.pop()
        known = "; ".join(_label(published, fieldwork) for _, published, fieldwork, _ in inspections)
        cells.fail(
            month_column, f"{area} has no inspection published (or inspected) in {month} (its inspections: {known})"
        )
        return None


def _label(published: str | None, fieldwork: str | None) -> str:
    def month(text: str | None) -> str:
        return month_label(parse_date(text, allow_month=True)) if text else ""

    if published:
        return f"published {month(published)}" + (f" (fieldwork {month(fieldwork)})" if fieldwork else "")
    return f"fieldwork {month(fieldwork)}, unpublished"
