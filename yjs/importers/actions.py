"""Importing an improvement plan's actions (CSV/XLSX, headed in the plan's own words).

Each row is one action of one area's plan. `plan` names the plan by its id or title; blank means
the area's most recent plan (a new one, titled "<area> improvement plan", when it has none). An
action is identified by its `ref` within the plan, or by its wording when the file has no refs, so
importing the same plan again updates its actions rather than adding them twice; every changed
field is kept in the action's history (action_edits) and a changed status is appended as a dated
update. A blank theme carries the one above: plans merge a pillar's cell over all its actions.
Timescales such as "March 2025" or "Jan 24" mean the end of that month (a start: its first day).
Status words map to BRAG by `brag.status_from_cell`; words with no clear status are kept, unassessed.
"""

from __future__ import annotations

import datetime as dt
import re

from yjs.data.db import execute
from yjs.domain import brag, plans
from yjs.domain.dates import parse_plan_date
from yjs.domain.geography import AreaIndex
from yjs.domain.roles import local_actor, recorded_name
from yjs.importers import action_columns as columns
from yjs.importers.action_writer import COMPARED, ActionsPlan, comparable, write_actions
from yjs.importers.base import ADD, Kind, change_for, flag_repeat
from yjs.importers.fields import Cells
from yjs.importers.report import Problem
from yjs.importers.tabular import Row


def plan_id(area: str, title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", f"{area} {title}".lower()).strip("-")[:80]


def _by_field(row: Row, headers: dict[str, str]) -> Row:
    return Row(row.line, {headers[h]: v for h, v in row.values.items() if h in headers})


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


def _status(cells: Cells) -> tuple[str | None, str | None]:
    text = cells.text("status")
    try:
        return brag.status_from_cell(text), text
    except ValueError as exc:
        cells.fail("status", str(exc))
        return None, text


class ActionsKind(Kind):
    name = "actions"
    required = columns.REQUIRED
    optional = tuple(f for f in columns.FIELDS if f not in columns.REQUIRED)

    def check_headers(self, headers):
        return columns.heading_problems(headers)

    def validate(self, rows, con, options):
        actor = options.actor or local_actor()
        if not plans.may_edit(actor):
            return ActionsPlan(), [Problem(0, None, f"{actor.who} ({actor.role}) may not edit improvement plans")]
        headers = {h: f for h, f in columns.automatic_mapping(list(rows[0].values) if rows else []).items() if f}
        areas = AreaIndex(
            (name, aliases) for name, aliases, *_ in execute(con, "read/areas/areas_with_aliases").fetchall()
        )
        stored = {}
        for record in execute(con, "read/plans/actions_with_status").df().to_dict("records"):
            stored[(record["plan"], record["ref"])] = stored[(record["plan"], "text:" + record["action"])] = record
        resolver = PlanResolver(con, options.source)
        plan, problems, seen, theme = ActionsPlan(actor=recorded_name(actor)), [], {}, {}
        for raw in rows:
            row_problems: list[Problem] = []
            record = self._parse(
                _by_field(raw, headers), Cells(_by_field(raw, headers), row_problems), areas, resolver, theme, options
            )
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
            problems += _in_file_headings(row_problems, headers)
            if not row_problems:
                plan.changes.append(_change(record, stored.get(key)))
        plan.new_plans = resolver.new
        _number_new_actions(plan.changes, stored)
        return plan, problems

    def _parse(self, row: Row, cells: Cells, areas: AreaIndex, resolver: PlanResolver, theme: dict, options) -> dict:
        typed = cells.text("area", required=True)
        area = areas.resolve(typed) if typed else None
        if typed and area is None:
            cells.fail("area", areas.unknown_area_reason(typed).split(" (add it")[0])
        plan = resolver.resolve(area, cells.text("plan")) if area else None
        theme[plan] = cells.text("theme") or theme.get(plan)
        start_text, start_date = _plan_date(cells, "start", end=False)
        due_text, due_date = _plan_date(cells, "due", end=True)
        status, status_text = _status(cells)
        return {
            "area": area,  # for the role's scope (yjs/domain/roles.py); the plan says whose it is
            "plan": plan,
            "ref": cells.text("ref", max_length=40),
            "theme": theme[plan],
            "recommendations": _numbers(cells, "recommendations"),
            "action": cells.text("action", required=True),
            "finding": cells.text("finding"),
            "lead": cells.text("lead"),
            "board_sponsor": cells.text("board_sponsor"),
            "start_text": start_text,
            "start_date": start_date,
            "due_text": due_text,
            "due_date": due_date,
            "measures": cells.text("measures"),
            "evidence": cells.text("evidence"),
            "brag": status,
            "status_text": status_text,
            "status_date": cells.date("status_date", not_after=dt.date.today()) or dt.date.today(),
            "source": cells.text("source") or options.source,
        }

    def write(self, con, plan):
        write_actions(con, plan)


def _in_file_headings(problems: list[Problem], headers: dict[str, str]) -> list[Problem]:
    """Name the file's own heading in each problem, not the field it maps to."""
    heading_of = {f: h for h, f in headers.items()}
    return [Problem(p.line, heading_of.get(p.column, p.column), p.reason) for p in problems]


def _same(record: dict, before: dict | None) -> bool:
    if before is None:
        return False
    fields_same = all(comparable(record[f]) == comparable(before[f]) for f in COMPARED)
    status_same = record["status_text"] is None or record["status_text"] == before["status_text"]
    return fields_same and status_same


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
