"""Importing child-level cohort records: one row per child episode, pseudonymised ids only.

Re-importing a child's episode (same id and start date) updates it and keeps its record key (the
cell key method's, drawn when the episode first arrives). Every value is checked against the
vocabulary the pages use, so nothing arrives that a filter could not show.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from yjs.data.db import execute
from yjs.domain import disclosure
from yjs.domain.cohort import BY_KEY, COURT_DISPOSALS, ETE_AT_END
from yjs.domain.geography import AreaIndex
from yjs.importers.base import Kind, Plan
from yjs.importers.fields import Cells
from yjs.importers.report import Problem

PSEUDONYM = re.compile(r"^(?=.*\d)[A-Za-z0-9_-]{3,40}$")
YES_NO_COLUMNS = (
    "suitable_accommodation_at_end",
    "send_formal_plan",
    "mental_health_support",
    "substance_misuse_support",
    "completed",
    "reoffended_12m",
)
CHOICES = {
    "sex": BY_KEY["sex"].order,
    "ethnicity": BY_KEY["ethnicity"].order,
    "disposal_type": BY_KEY["disposal_type"].order,
    "disposal": BY_KEY["disposal"].order,
    "offence_category": BY_KEY["offence_category"].order,
    "care_status": BY_KEY["care_status"].order,
    "risk_of_serious_harm": BY_KEY["risk_of_serious_harm"].order,
    "safety_and_wellbeing": BY_KEY["safety_and_wellbeing"].order,
}


def parse_row(cells: Cells, areas: AreaIndex, source: str, today: dt.date) -> dict:
    record = {"child_id": cells.text("child_id", required=True)}
    if record["child_id"] and not PSEUDONYM.match(record["child_id"]):
        cells.fail(
            "child_id",
            "must be a pseudonymised id (3-40 letters, digits, - or _, with at least one digit), never a name",
        )
    area = cells.text("area", required=True)
    record["area"] = areas.resolve(area) if area else None
    if area and record["area"] is None:
        cells.fail("area", areas.unknown_area_reason(area).split(" (add it")[0] + " (import it as an area first)")
    record["age_at_start"] = cells.whole_number("age_at_start", 10, 18, required=True)
    for column, options in CHOICES.items():
        record[column] = cells.choice(column, options, required=True)
    if (
        record["disposal"]
        and record["disposal_type"]
        and (record["disposal"] in COURT_DISPOSALS) != (record["disposal_type"] == "Court")
    ):
        cells.fail("disposal", f"'{record['disposal']}' is not a {record['disposal_type'].lower()} disposal")
    record["start_date"] = cells.date("start_date", required=True, not_after=today)
    record["end_date"] = cells.date("end_date", not_after=today)
    if record["start_date"] and record["end_date"] and record["end_date"] < record["start_date"]:
        cells.fail("end_date", f"{record['end_date'].isoformat()} is before the start date")
    for column in ("send", "substance_misuse", "mental_health"):
        record[column] = cells.yes_no(column, required=True)
    record["ete_status_at_end"] = cells.choice("ete_status_at_end", ETE_AT_END)
    for column in YES_NO_COLUMNS:
        record[column] = cells.yes_no(column)
    record["source"] = cells.text("source") or source
    return record


class CohortKind(Kind):
    name = "cohort"
    required = (
        "child_id",
        "area",
        "age_at_start",
        "sex",
        "ethnicity",
        "disposal_type",
        "disposal",
        "offence_category",
        "start_date",
        "care_status",
        "send",
        "substance_misuse",
        "mental_health",
        "risk_of_serious_harm",
        "safety_and_wellbeing",
    )
    optional = ("end_date", "ete_status_at_end", *YES_NO_COLUMNS, "source")

    def validate(self, rows, con, options):
        today = dt.date.today()
        areas = AreaIndex(
            (name, aliases) for name, aliases, *_ in execute(con, "read/areas/areas_with_aliases").fetchall()
        )
        records, problems, seen = [], [], {}
        for row in rows:
            row_problems = []
            record = parse_row(Cells(row, row_problems), areas, options.source, today)
            key = (record["child_id"], record["start_date"])
            if not row_problems and key in seen:
                row_problems.append(Problem(row.line, "start_date", f"same child and start date as line {seen[key]}"))
            seen.setdefault(key, row.line)
            problems += row_problems
            if not row_problems:
                records.append(record)
        columns = [name for (name,) in execute(con, "read/cohort/cohort_columns").fetchall()]
        plan = Plan(rows=pd.DataFrame(records, columns=columns))
        if not problems:
            con.register("incoming", plan.rows)
            try:
                added, updated, unchanged = execute(con, "read/cohort/incoming_cohort_changes").fetchall()[0]
            finally:
                con.unregister("incoming")
            plan.counted = {"add": added, "update": updated, "unchanged": unchanged}
        return plan, problems

    def write(self, con, plan):
        # Keys for every row; the write keeps a stored episode's own (see upsert_cohort.sql).
        rows = plan.rows.assign(record_key=disclosure.new_record_keys(len(plan.rows)))
        con.register("incoming", rows)
        try:
            execute(con, "write/cohort/upsert_cohort")
        finally:
            con.unregister("incoming")


KIND = CohortKind()
