"""Importing progress reported against an inspection's recommendations (a service's own progress report).

One row per recommendation and date: `area`, `inspection` (the month it was published or inspected;
blank for the area's latest), `recommendation` (its number), `date`, `progress` (the narrative) and
optionally `brag` and `source`. Progress reported on a recommendation on a date already held
replaces that report; any other date adds to its history. Area profile shows the latest beside each
recommendation.
"""

from __future__ import annotations

import datetime as dt

from yjs.data.db import execute
from yjs.domain import brag
from yjs.importers.base import Kind, Plan, change_for, flag_repeat
from yjs.importers.fields import Cells
from yjs.importers.inspection_rows import InspectionFinder


class RecommendationUpdatesKind(Kind):
    name = "recommendation-updates"
    required = ("area", "recommendation", "date", "progress")
    optional = ("inspection", "brag", "source")
    upsert = "write/ratings/upsert_recommendation_update"

    def validate(self, rows, con, options):
        finder = InspectionFinder(con)
        numbers: dict[int, set[int]] = {}
        for inspection_id, number in execute(con, "read/ratings/recommendation_numbers").fetchall():
            numbers.setdefault(inspection_id, set()).add(number)
        stored = {
            (i, n, d): (text, status)
            for i, n, d, text, status in execute(con, "read/ratings/stored_recommendation_updates").fetchall()
        }
        plan, problems, seen = Plan(), [], {}
        for row in rows:
            row_problems = []
            cells = Cells(row, row_problems)
            record = self._parse(cells, finder, numbers, options.source)
            if not row_problems:
                key = (record["inspection_id"], record["number"], record["update_date"])
                flag_repeat(seen, key, row.line, cells.fail, "date", "recommendation and date")
            problems += row_problems
            if not row_problems:
                before = stored.get(key)
                plan.changes.append(change_for(record, before, before == (record["narrative"], record["brag"])))
        return plan, problems

    @staticmethod
    def _parse(cells: Cells, finder: InspectionFinder, numbers: dict, source: str) -> dict:
        inspection_id = finder.resolve(cells)
        number = cells.whole_number("recommendation", 1, 99, required=True)
        held = numbers.get(inspection_id, set())
        if inspection_id is not None and number is not None and number not in held:
            listed = ", ".join(map(str, sorted(held))) or "none recorded"
            cells.fail(
                "recommendation", f"the inspection has no recommendation {number} (its recommendations: {listed})"
            )
        status = None
        try:
            status = brag.normalise_status(cells.text("brag"))
        except ValueError as exc:
            cells.fail("brag", str(exc))
        return {
            "area": finder.areas.resolve(cells.text("area") or ""),  # for the role's scope (yjs/domain/roles.py)
            "inspection_id": inspection_id,
            "number": number,
            "update_date": cells.date("date", required=True, not_after=dt.date.today()),
            "narrative": cells.text("progress", required=True, max_length=20_000),
            "brag": status,
            "source": cells.text("source") or source,
        }


KIND = RecommendationUpdatesKind()
