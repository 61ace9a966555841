"""Importing indicator values in long format: area, indicator, period, value, numerator, denominator.

`area` may also be a reference geography (England and Wales, England, Wales or a region) for
published national and regional figures. A rate is checked against its numerator and denominator.
"""

from __future__ import annotations

import difflib

from yjs.data.db import execute
from yjs.domain.benchmarking import UNIT_SCALES
from yjs.domain.dates import parse_period
from yjs.domain.geography import REGIONS, AreaIndex
from yjs.importers.base import UNCHANGED, Kind, Plan, change_for, flag_repeat
from yjs.importers.fields import Cells

REFERENCE_GEOGRAPHIES = ("England and Wales", "England", *REGIONS)
TOLERANCE = 0.051  # published values are rounded to one decimal place


class IndicatorsKind(Kind):
    name = "indicators"
    required = ("area", "indicator", "period")
    optional = ("value", "numerator", "denominator", "source")

    def validate(self, rows, con, options):
        areas = AreaIndex(
            (name, aliases) for name, aliases, *_ in execute(con, "read/areas/areas_with_aliases").fetchall()
        )
        for geography in REFERENCE_GEOGRAPHIES:
            areas.add(geography)
        catalogue = {
            code: (code, name, unit, period_type)
            for code, name, unit, period_type in execute(con, "read/indicators/known_indicators").fetchall()
        }
        by_name = {**{c.lower(): c for c in catalogue}, **{v[1].lower(): c for c, v in catalogue.items()}}
        stored = {tuple(r[:3]): r[3:] for r in execute(con, "read/indicators/stored_indicator_values").fetchall()}
        plan, problems, seen = Plan(), [], {}
        for row in rows:
            row_problems = []
            cells = Cells(row, row_problems)
            record = self._parse(cells, areas, catalogue, by_name, options.source)
            key = (record["area"], record["indicator_code"], record["period"])
            if not row_problems:
                flag_repeat(seen, key, row.line, cells.fail, "period", "area, indicator and period")
            problems += row_problems
            if row_problems:
                continue
            before = stored.get(key)
            values = (record["value"], record["numerator"], record["denominator"])
            plan.changes.append(change_for(record, before, before is not None and tuple(before) == values))
        return plan, problems

    def write(self, con, plan):
        rows = [dict(change.record.items()) for change in plan.changes if change.action != UNCHANGED]
        if rows:
            execute(con, "write/indicators/upsert_indicator_values", rows=rows)

    @staticmethod
    def _parse(cells: Cells, areas: AreaIndex, catalogue: dict, by_name: dict, source: str) -> dict:
        record = {"source": cells.text("source") or source}
        typed = cells.text("area", required=True)
        record["area"] = areas.resolve(typed) if typed else None
        if typed and record["area"] is None:
            cells.fail("area", areas.unknown_area_reason(typed).split(" (add it")[0])
        record["is_reference"] = record["area"] in REFERENCE_GEOGRAPHIES
        indicator = cells.text("indicator", required=True)
        code = by_name.get((indicator or "").lower())
        if indicator and code is None:
            near = difflib.get_close_matches(indicator.lower(), list(by_name), n=2, cutoff=0.6)
            hint = f"; did you mean {' or '.join(repr(by_name[n]) for n in near)}?" if near else ""
            cells.fail("indicator", f"unknown indicator '{indicator}'{hint}")
        record["indicator_code"] = code
        record["period"] = record["period_end"] = None
        if code and cells.text("period", required=True):
            try:
                record["period"], record["period_end"] = parse_period(cells.row.get("period"), catalogue[code][3])
            except ValueError as exc:
                cells.fail("period", str(exc))
        unit = catalogue[code][2] if code else None
        record["value"] = cells.number("value", 0, 100 if unit == "%" else 1e12)
        record["numerator"] = cells.number("numerator", 0, 1e12)
        record["denominator"] = cells.number("denominator", 0, 1e12)
        _check_rate(cells, record, unit)
        return record


def _check_rate(cells: Cells, record: dict, unit: str | None) -> None:
    numerator, denominator, value = record["numerator"], record["denominator"], record["value"]
    if (numerator is None) != (denominator is None):
        cells.fail(
            "denominator" if denominator is None else "numerator", "give both numerator and denominator, or neither"
        )
        return
    if numerator is None:
        if value is None and not cells.row.get("value"):  # a value that failed to parse is reported already
            cells.fail("value", "give a value, or a numerator and denominator")
        return
    scale = UNIT_SCALES.get(unit)
    if not denominator or scale is None:
        return
    if unit == "%" and numerator > denominator:
        cells.fail("numerator", f"numerator {numerator:g} is larger than denominator {denominator:g} for a percentage")
        return
    computed = scale * numerator / denominator
    if value is None:
        record["value"] = computed
    elif abs(value - computed) > max(TOLERANCE, 0.005 * computed):
        cells.fail("value", f"{value:g} does not match {numerator:g} / {denominator:g} = {computed:.1f} ({unit})")


KIND = IndicatorsKind()
