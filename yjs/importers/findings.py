"""Importing an inspection report's findings: its strengths and areas for improvement (and key findings).

One row per finding: `area`, `inspection` (the month it was published or inspected; blank for the
area's latest), `kind` (strength, area for improvement, key finding), `text`, and optionally `number`
(its place in the report's lists, numbered through the report) and `source`. A number already held
is replaced; without a number, a finding already held word for word is left alone and a new one is
numbered after the last.
"""

from __future__ import annotations

from yjs.data.db import execute
from yjs.importers.base import ADD, UNCHANGED, Change, Kind, Plan, change_for, flag_repeat
from yjs.importers.fields import Cells
from yjs.importers.inspection_rows import InspectionFinder

KINDS = ("strength", "area for improvement", "key finding")
_KIND_WORDS = {
    **{kind: kind for kind in KINDS},
    **{f"{kind}s": kind for kind in KINDS},
    "areas for improvement": "area for improvement",
    "afi": "area for improvement",
}


class FindingsKind(Kind):
    name = "findings"
    required = ("area", "kind", "text")
    optional = ("inspection", "number", "source")
    upsert = "write/ratings/upsert_finding"

    def validate(self, rows, con, options):
        finder = InspectionFinder(con)
        stored = {(i, n): (kind, text) for i, n, kind, text in execute(con, "read/ratings/stored_findings").fetchall()}
        plan, problems, seen = Plan(), [], {}
        for row in rows:
            row_problems = []
            cells = Cells(row, row_problems)
            record = self._parse(cells, finder, options.source)
            if not row_problems:
                key = (record["inspection_id"], record["number"] or (record["kind"], record["text"]))
                flag_repeat(seen, key, row.line, cells.fail, "number" if record["number"] else "text", "finding")
            problems += row_problems
            if not row_problems:
                plan.changes.append(_change(record, stored))
        _number_new(plan.changes, stored)
        return plan, problems

    @staticmethod
    def _parse(cells: Cells, finder: InspectionFinder, source: str) -> dict:
        kind_text = cells.text("kind", required=True)
        kind = _KIND_WORDS.get(" ".join((kind_text or "").lower().split()))
        if kind_text and kind is None:
            cells.fail("kind", f"'{kind_text}' is not a kind of finding (one of: {', '.join(KINDS)})")
        return {
            "area": finder.areas.resolve(cells.text("area") or ""),  # for the role's scope (yjs/domain/roles.py)
            "inspection_id": finder.resolve(cells),
            "number": cells.whole_number("number", 1, 999),
            "kind": kind,
            "text": cells.text("text", required=True, max_length=20_000),
            "source": cells.text("source") or source,
        }


def _change(record: dict, stored: dict) -> Change:
    if record["number"] is not None:
        before = stored.get((record["inspection_id"], record["number"]))
        return change_for(record, before, before == (record["kind"], record["text"]))
    same = next(
        (
            n
            for (i, n), held in stored.items()
            if i == record["inspection_id"] and held == (record["kind"], record["text"])
        ),
        None,
    )
    return change_for(record, None, False) if same is None else Change(UNCHANGED, record, same)


def _number_new(changes: list[Change], stored: dict) -> None:
    """A new finding without a number goes after the last one its inspection holds."""
    last: dict[int, int] = {}
    for inspection_id, number in stored:
        last[inspection_id] = max(last.get(inspection_id, 0), number)
    for change in changes:
        if change.record["number"] is not None:
            last[change.record["inspection_id"]] = max(
                last.get(change.record["inspection_id"], 0), change.record["number"]
            )
    for change in changes:
        record = change.record
        if change.action == ADD and record["number"] is None:
            record["number"] = last[record["inspection_id"]] = last.get(record["inspection_id"], 0) + 1


KIND = FindingsKind()
