"""Importing the 10-17 population by ethnic group, sex and age band (ONS or local estimates)."""

from __future__ import annotations

import datetime as dt

from yjs.data.db import execute
from yjs.domain.geography import AreaIndex
from yjs.importers.base import Kind, Plan, change_for, flag_repeat
from yjs.importers.fields import Cells
from yjs.importers.report import Problem

ETHNICITIES = ("White", "Black", "Asian", "Mixed", "Other")
SEXES = ("Female", "Male", "All")
AGE_BANDS = ("10-13", "14-15", "16-17", "10-17")


class PopulationKind(Kind):
    name = "population"
    required = ("area", "year", "ethnicity", "sex", "age_band")
    optional = ("count", "share", "source")
    upsert = "write/cohort/upsert_population"

    def validate(self, rows, con, options):
        areas = AreaIndex(
            (name, aliases) for name, aliases, *_ in execute(con, "read/areas/areas_with_aliases").fetchall()
        )
        stored = {tuple(r[:5]): r for r in execute(con, "read/cohort/stored_population").fetchall()}
        plan, problems, seen = Plan(), [], {}
        for row in rows:
            row_problems: list[Problem] = []
            cells = Cells(row, row_problems)
            typed = cells.text("area", required=True)
            area = areas.resolve(typed) if typed else None
            if typed and area is None:
                cells.fail("area", areas.unknown_area_reason(typed).split(" (add it")[0])
            record = {
                "area": area,
                "year": cells.whole_number("year", 1991, dt.date.today().year, required=True),
                "ethnicity": cells.choice("ethnicity", ETHNICITIES, required=True),
                "sex": cells.choice("sex", SEXES, required=True),
                "age_band": cells.choice("age_band", AGE_BANDS, required=True),
                "count": cells.whole_number("count", 0, 2_000_000),
                "share": cells.number("share", 0, 1),
                "source": cells.text("source") or options.source,
            }
            if record["count"] is None and record["share"] is None and not row_problems:
                cells.fail("count", "give a count (or a share from 0 to 1)")
            key = tuple(record[k] for k in ("area", "year", "ethnicity", "sex", "age_band"))
            if not row_problems:
                flag_repeat(seen, key, row.line, cells.fail, "area", "area, year and group")
            problems += row_problems
            if row_problems:
                continue
            before = stored.get(key)
            same = before is not None and (before[5], before[6]) == (record["count"], record["share"])
            plan.changes.append(change_for(record, before, same))
        return plan, problems


KIND = PopulationKind()
