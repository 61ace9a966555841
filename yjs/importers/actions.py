"""Importing an improvement plan's actions (CSV/XLSX, headed and laid out in the plan's own way).

Each row is one action of one area's plan. The headings are matched to fields on their words
(`action_columns`), below any title rows; a workbook's merged cells are carried down and every sheet
of the same layout is read, its name becoming the theme when no column gives one. The area comes
from an `area` column or, for a service's own plan, from the person importing (`--area`).

`plan` names the plan by its id or title; blank means the area's most recent plan (a new one,
titled "<area> improvement plan", when it has none). An action is identified by its `ref` within
the plan, or by its wording when the file has no refs, so importing the same plan again updates its
actions rather than adding them twice; every changed field is kept in the action's history
(action_edits), and a changed status or progress commentary is appended as a dated update. A blank
theme carries the one above. Timescales such as "March 2025" or "Jan 24" mean the end of that month
(a start: its first day). Status words map to BRAG by `brag.status_from_cell`; words with no clear
status are kept, unassessed.
A completion column ("Completed Y/N") is read by `brag.status_from_completion_cell`: a month on or
before the status date is a completion (Blue, marked), a later month the due date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import replace

from yjs.data.db import execute
from yjs.domain import brag, plans
from yjs.domain.dates import parse_plan_date
from yjs.domain.geography import AreaIndex
from yjs.domain.roles import local_actor, recorded_name
from yjs.importers import action_columns as columns
from yjs.importers.action_writer import COMPARED, ActionsPlan, comparable, write_actions
from yjs.importers.base import ADD, Choices, Kind, change_for, flag_repeat, reading_notes
from yjs.importers.fields import Cells
from yjs.importers.report import ImportFailed, Problem
from yjs.importers.tabular import Row, Table, read_table


def plan_id(area: str, title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", f"{area} {title}".lower()).strip("-")[:80]


def _by_field(row: Row, headers: dict[str, str]) -> Row:
    return Row(row.line, {headers[h]: v for h, v in row.values.items() if h in headers}, row.sheet)


class PlanResolver:
    """Which plan a row belongs to: an existing one by id or title, else a new one."""

    def __init__(self, con, source: str):
        self.plans = execute(con, "read/plans/plans").fetchall()
        self.inspections = dict(execute(con, "read/ratings/latest_inspection_ids").fetchall())
        self.source = source
        self.new: dict[str, dict] = {}

    def resolve(self, area: str, named: str | None) -> str:
        for plan, plan_area, title, _date in self.plans:
            if plan_area == area and (named is None or named.lower() in (plan.lower(), title.lower())):
                return plan
        title = named or f"{area} improvement plan"
        plan = plan_id(area, title)
        self.new.setdefault(
            plan,
            {
                "plan": plan,
                "area": area,
                "title": title,
                "plan_date": dt.date.today(),
                "inspection_id": self.inspections.get(area),
                "source": self.source,
            },
        )
        return plan


def _numbers(cells: Cells, column: str) -> list[int] | None:
    text = cells.text(column)
    if not text:
        return None
    parts = [p for p in re.split(r"[;,\s]+", text.replace("R", "").replace("r", "")) if p]
    if not all(p.isdigit() for p in parts):
        cells.fail(column, f"'{text}' is not a list of recommendation numbers (e.g. 1; 3)")
        return None
    return [int(p) for p in parts]


def _plan_date(cells: Cells, column: str, *, end: bool) -> tuple[str | None, dt.date | None]:
    text = cells.text(column)
    try:
        return text, parse_plan_date(text, end_of_month=end)
    except ValueError as exc:
        cells.fail(column, str(exc))
        return text, None


def _status(cells: Cells, status_date: dt.date) -> brag.StatusReading:
    """The row's status from its status column, else from its completion column (where a month on
    or before the status date reads as completed that month, and a later one as the due date)."""
    column = "status" if cells.text("status") or not cells.text("completed") else "completed"
    text = cells.text(column)
    try:
        if column == "status":
            return brag.StatusReading(brag.status_from_cell(text), text)
        return brag.status_from_completion_cell(text, status_date)
    except ValueError as exc:
        cells.fail(column, str(exc))
        return brag.StatusReading(words=text)


class ActionsKind(Kind):
    name = "actions"
    required = columns.REQUIRED
    optional = tuple(f for f in columns.FIELDS if f not in columns.REQUIRED)

    def read(self, file, choices: Choices) -> Table:
        return read_table(
            file, is_header=lambda cells: columns.looks_like_headings(cells, choices.headings), sheet=choices.sheet
        )

    def check_headers(self, headers, options):
        chosen = columns.plan_columns(headers, options.choices.headings)
        problems = columns.heading_problems(headers, chosen, area_given=bool(options.choices.area))
        present = {columns.normalise_heading(h) for h in headers if h}
        problems += [
            Problem(1, heading, "no column has this heading (check the spelling of the mapping)")
            for heading in options.choices.typed_headings
            if columns.normalise_heading(heading) not in present
        ]
        return problems

    def validate(self, rows, con, options):
        actor = options.actor or local_actor()
        if not plans.may_edit(actor):
            return ActionsPlan(), [Problem(0, None, f"{actor.who} ({actor.role}) may not edit improvement plans")]
        mapping = {
            c.heading: c.field
            for c in columns.plan_columns(list(rows[0].values) if rows else [], options.choices.headings)
            if c.field
        }
        rows, notes = _sheets_as_themes(rows, mapping, options)
        areas = AreaIndex(
            (name, aliases) for name, aliases, *_ in execute(con, "read/areas/areas_with_aliases").fetchall()
        )
        stored = {}
        for record in execute(con, "read/plans/actions_with_status").df().to_dict("records"):
            stored[(record["plan"], record["ref"])] = stored[(record["plan"], "text:" + record["action"])] = record
        resolver = PlanResolver(con, options.source)
        plan, problems, seen, theme = ActionsPlan(actor=recorded_name(actor), notes=notes), [], {}, {}
        for raw in rows:
            row_problems: list[Problem] = []
            row = _by_field(raw, mapping)
            record = self._parse(row, Cells(row, row_problems), areas, resolver, theme, options)
            if not row_problems:
                key = (record["plan"], record["ref"] or "text:" + record["action"])
                flag_repeat(
                    seen,
                    key,
                    raw.line,
                    Cells(raw, row_problems).fail,
                    "ref" if record["ref"] else "action",
                    "action id" if record["ref"] else "action",
                )
            problems += _in_file_headings(row_problems, mapping)
            if not row_problems:
                plan.changes.append(_change(record, stored.get(key)))
        plan.new_plans = resolver.new
        _number_new_actions(plan.changes, stored)
        return plan, problems

    def _parse(self, row: Row, cells: Cells, areas: AreaIndex, resolver: PlanResolver, theme: dict, options) -> dict:
        typed = cells.text("area") or options.choices.area
        if typed is None:
            cells.fail("area", "area is required (or name the area for the whole file)")
        area = areas.resolve(typed) if typed else None
        if typed and area is None:
            cells.fail("area", areas.unknown_area_reason(typed).split(" (add it")[0])
        plan = resolver.resolve(area, cells.text("plan")) if area else None
        theme[plan] = cells.text("theme") or theme.get(plan)
        start_text, start_date = _plan_date(cells, "start", end=False)
        due_text, due_date = _plan_date(cells, "due", end=True)
        status_date = cells.date("status_date", not_after=dt.date.today()) or dt.date.today()
        status = _status(cells, status_date)
        if due_text is None and status.due_date is not None:  # a later month in a completion column
            due_text, due_date = status.due_text, status.due_date
        return {
            "area": area,  # for the role's scope (yjs/domain/roles.py); the plan says whose it is
            "plan": plan,
            "ref": cells.text("ref", max_length=40),
            "theme": theme[plan],
            "recommendations": _numbers(cells, "recommendations"),
            "action": cells.text("action", required=True),
            "finding": cells.text("finding"),
            "lead": cells.text("lead"),
            "agency": cells.text("agency"),
            "board_sponsor": cells.text("board_sponsor"),
            "start_text": start_text,
            "start_date": start_date,
            "due_text": due_text,
            "due_date": due_date,
            "measures": cells.text("measures"),
            "evidence": cells.text("evidence"),
            "brag": status.status,
            "status_text": status.words,
            "read_from": status.read_from,
            "status_date": status_date,
            "progress": cells.text("progress", max_length=20_000),
            "source": cells.text("source") or options.source,
        }

    def write(self, con, plan):
        write_actions(con, plan)


def _sheets_as_themes(rows: list[Row], mapping: dict[str, str], options) -> tuple[list[Row], list[str]]:
    """A workbook with a sheet per theme: each sheet's name is its rows' theme when no column gives
    one, and refs that restart on each sheet are told apart by their sheet's name."""
    if not options.sheets or (len(options.sheets) < 2 and not options.choices.sheet):
        return rows, []
    notes, fields = [], {field: heading for heading, field in mapping.items()}
    if "theme" not in fields:
        mapping["(sheet)"] = "theme"
        rows = [replace(row, values={**row.values, "(sheet)": row.sheet}) for row in rows]
        notes.append("each sheet's name is the theme of its actions")
    ref = fields.get("ref")
    sheets_of = defaultdict(set)
    for row in rows:
        if ref and row.get(ref):
            sheets_of[row.get(ref)].add(row.sheet)
    if any(len(sheets) > 1 for sheets in sheets_of.values()):
        rows = [
            replace(row, values={**row.values, ref: f"{row.sheet} {row.get(ref)}"}) if row.get(ref) else row
            for row in rows
        ]
        notes.append("refs repeat from sheet to sheet, so each is prefixed with its sheet's name")
    return rows, notes


def _in_file_headings(problems: list[Problem], headers: dict[str, str]) -> list[Problem]:
    """Name the file's own heading in each problem, not the field it maps to."""
    heading_of = {f: h for h, f in headers.items()}
    return [replace(p, column=heading_of.get(p.column, p.column)) for p in problems]


def _same(record: dict, before: dict | None) -> bool:
    if before is None:
        return False
    fields_same = all(comparable(record[f]) == comparable(before[f]) for f in COMPARED)
    status_same = record["status_text"] is None or record["status_text"] == before["status_text"]
    progress_same = record["progress"] is None or record["progress"] == comparable(before["progress"])
    return fields_same and status_same and progress_same


def _change(record: dict, before: dict | None):
    change = change_for(record, before, _same(record, before))
    if before is not None:
        record["action_id"], record["ref"] = before["action_id"], before["ref"]
    return change


def _number_new_actions(changes, stored: dict) -> None:
    """New actions without a ref get the plan's next free number."""
    taken = set(stored)
    for change in changes:
        record = change.record
        if change.action == ADD and not record["ref"]:
            number = 1
            while (record["plan"], str(number)) in taken:
                number += 1
            record["ref"] = str(number)
        taken.add((record["plan"], record["ref"]))


KIND = ActionsKind()


def mapping_lines(file, choices: Choices) -> list[str]:
    """What a dry run prints before its check: where the headings are, then each heading and its field."""
    try:
        table = KIND.read(file, choices)
    except ImportFailed:
        return []  # the check that follows says why the file cannot be read
    chosen = columns.plan_columns(table.headers, choices.headings)
    width = max((len(table.label(column.heading)) for column in chosen), default=0)
    found = (reading_notes(table) or ["headings read from line 1"])[0]
    lines = [f"{found[:1].upper()}{found[1:]}:"]
    lines += [f"  {table.label(column.heading):<{width}}  ->  {column.describe()}" for column in chosen]
    sheets = [sheet for sheet in table.header_lines if sheet]
    if (len(sheets) > 1 or choices.sheet) and not any(column.field == "theme" for column in chosen):
        lines.append(f"  {'(the sheet name)':<{width}}  ->  theme")
    if choices.area and not any(column.field == "area" for column in chosen):
        lines.append(f"  {'(--area)':<{width}}  ->  area: {choices.area}")
    return lines
