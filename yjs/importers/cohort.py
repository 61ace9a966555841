"""Importing child-level cohort records: one row per child episode, pseudonymised ids only.

Re-importing a child's episode (same id and start date) updates it and keeps its record key (the
cell key method's, drawn when the episode first arrives). Every value is checked against the
vocabulary the pages use, so nothing arrives that a filter could not show.

A year's case-management extract runs to hundreds of thousands of rows, so the file is staged and
checked in SQL (yjs/importers/staging.py): each column's distinct values go through the parsers
below once, and write/cohort/define_parsed_cohort.sql applies them, and the rules across columns,
to every line (read/cohort/repeated_cohort_rows.sql: the rule across rows).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from pathlib import Path

import numpy as np
import pyarrow as pa

from yjs.data.db import execute
from yjs.domain import disclosure
from yjs.domain.cohort import BY_KEY, COURT_DISPOSALS, ETE_AT_END
from yjs.domain.geography import AreaIndex
from yjs.importers.base import Kind, Plan
from yjs.importers.fields import Cells
from yjs.importers.report import Problem
from yjs.importers.staging import Parser, bound_memory, distinct_values_checked, staged_table
from yjs.store.atomic import StoreError

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


def _child_id(cells: Cells) -> str | None:
    child_id = cells.text("child_id", required=True)
    if child_id and not PSEUDONYM.match(child_id):
        cells.fail(
            "child_id",
            "must be a pseudonymised id (3-40 letters, digits, - or _, with at least one digit), never a name",
        )
    return child_id


def _area(cells: Cells, areas: AreaIndex) -> str | None:
    typed = cells.text("area", required=True)
    area = areas.resolve(typed) if typed else None
    if typed and area is None:
        cells.fail("area", areas.unknown_area_reason(typed).split(" (add it")[0] + " (import it as an area first)")
    return area


def cell_parsers(areas: AreaIndex, today: dt.date) -> dict[str, Parser]:
    """Each column's parser: its value from one cell, its problems recorded (the rules across columns are SQL's)."""
    return {
        "child_id": _child_id,
        "area": partial(_area, areas=areas),
        "age_at_start": lambda cells: cells.whole_number("age_at_start", 10, 18, required=True),
        **{
            column: partial(Cells.choice, column=column, options=options, required=True)
            for column, options in CHOICES.items()
        },
        "start_date": lambda cells: cells.date("start_date", required=True, not_after=today),
        "end_date": lambda cells: cells.date("end_date", not_after=today),
        **{
            column: partial(Cells.yes_no, column=column, required=True)
            for column in ("send", "substance_misuse", "mental_health")
        },
        "ete_status_at_end": partial(Cells.choice, column="ete_status_at_end", options=ETE_AT_END),
        **{column: partial(Cells.yes_no, column=column) for column in YES_NO_COLUMNS},
        "source": lambda cells: cells.text("source"),
    }


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

    def read(self, file: Path, choices):
        return staged_table(file, self.required, self.optional)

    def validate(self, rows, con, options):
        """`rows` are staged (yjs.importers.staging.StagedRows). The checked rows are kept beside them, as
        Parquet, for `write`."""
        rows.bound_memory(con)
        areas = AreaIndex(
            (name, aliases) for name, aliases, *_ in execute(con, "read/areas/areas_with_aliases").fetchall()
        )
        staged, checked = str(rows.path), str(rows.beside("checked.parquet"))
        distinct_values_checked(
            con, "read/cohort/staged_cohort_values", cell_parsers(areas, dt.date.today()), staged=staged
        )
        execute(con, "write/cohort/define_parsed_cohort")
        parsed = {"staged": staged, "source": options.source, "court_disposals": list(COURT_DISPOSALS)}
        execute(con, "write/cohort/keep_checked_cohort", **parsed, checked=checked)
        problems = _problems(execute(con, "read/cohort/checked_cohort_problems", checked=checked))
        problems += _problems(execute(con, "read/cohort/repeated_cohort_rows", checked=checked))
        plan = Plan(rows=checked)
        if not problems:
            plan.areas = {
                area for (area,) in execute(con, "read/cohort/incoming_cohort_areas", checked=checked).fetchall()
            }
            [(added, updated, unchanged)] = execute(
                con, "read/cohort/incoming_cohort_changes", checked=checked
            ).fetchall()
            plan.counted = {"add": added, "update": updated, "unchanged": unchanged}
        return plan, problems

    def write(self, con, plan):
        bound_memory(con, Path(plan.rows).parent)
        execute(con, "write/imports/insertion_order", ordered=True)
        [(last_line,)] = execute(con, "read/cohort/checked_cohort_last_line", checked=plan.rows).fetchall()
        lines = np.arange(last_line + 1)  # a key for every line; the write keeps a stored episode's own
        con.register("new_record_keys", pa.table({"line": lines, "record_key": disclosure.new_record_keys(len(lines))}))
        try:
            execute(con, "write/cohort/keep_record_keys", checked=plan.rows)
            execute(con, "write/cohort/remove_reimported_cohort_rows", checked=plan.rows)
            execute(con, "write/cohort/upsert_cohort", checked=plan.rows)
        finally:
            con.unregister("new_record_keys")
        repeated = execute(con, "read/cohort/repeated_stored_episodes", checked=plan.rows).fetchall()
        if repeated:  # the episode rules failed: never keep a cohort that counts a child twice
            raise StoreError(
                f"the cohort would hold an episode twice ({repeated[0][0]}, {repeated[0][1]}); nothing was written"
            )
        execute(con, "write/cohort/refresh_cohort_facts")


def _problems(result) -> list[Problem]:
    return [Problem(line, column, reason) for line, column, reason in result.fetchall()]


KIND = CohortKind()
