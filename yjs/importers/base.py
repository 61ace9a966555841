"""The import framework: one validator per kind, one shared atomic writer, one error report.

A kind declares its columns, validates every row against the database as it stands (collecting
every problem, never stopping at the first) and writes a validated plan. `run_import` validates
first on a read-only connection, then again inside the writer's lock on the copy it writes, so a
file that is valid against yesterday's data but not today's still writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb

from yjs.data.db import execute, file_signature, load_query, open_read_only
from yjs.domain.roles import Actor, PermissionDenied, local_actor, require_areas, require_role
from yjs.importers.report import ImportFailed, ImportResult, Problem
from yjs.importers.tabular import Row, Table, read_table
from yjs.store import atomic as store
from yjs.store import audit

ADD, UPDATE, UNCHANGED = "add", "update", "unchanged"


@dataclass
class Change:
    action: str  # ADD, UPDATE or UNCHANGED
    record: object  # the kind's validated record
    existing: object = None  # the stored record an UPDATE or UNCHANGED matched


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    areas_added: list[str] = field(default_factory=list)
    rows: object = None  # bulk kinds: a validated DataFrame instead of changes
    counted: dict[str, int] | None = None  # bulk kinds: counts worked out in SQL
    notes: list[str] = field(default_factory=list)  # said in the report and kept in the audit trail
    areas: set[str] | None = None  # staged kinds: the areas of the rows, found in SQL

    def count(self, action: str) -> int:
        if self.counted is not None:
            return self.counted[action]
        return sum(change.action == action for change in self.changes)

    def fill(self, result: ImportResult) -> ImportResult:
        result.added, result.updated, result.unchanged = self.count(ADD), self.count(UPDATE), self.count(UNCHANGED)
        result.areas_added = list(self.areas_added)
        result.notes += self.notes
        return result


def change_for(record, before, same: bool) -> Change:
    """ADD when nothing is stored under the record's key, else UPDATE or UNCHANGED."""
    if before is None:
        return Change(ADD, record)
    return Change(UNCHANGED if same else UPDATE, record, before)


def flag_repeat(seen: dict, key, line: int, fail, column: str, what: str) -> None:
    """Report a row whose key an earlier row of the same file already used."""
    if key in seen:
        fail(column, f"same {what} as line {seen[key]}")
    seen.setdefault(key, line)


@dataclass(frozen=True)
class Choices:
    """What the person importing decided beyond the file itself (command-line options, the Load data page)."""

    area: str | None = None  # the area of a file that names none (a service's own plan)
    headings: dict[str, str | None] = field(default_factory=dict)  # heading -> field, None to leave it out
    typed_headings: tuple[str, ...] = ()  # headings the person typed (--map): each must be in the file
    sheet: str | None = None  # one sheet of a workbook
    force: bool = False  # allow a change that alters the meaning of stored values


@dataclass(frozen=True)
class Options:
    add_areas: bool = False
    source: str = ""  # defaults to the file's name
    actor: Actor | None = None  # who imports (kinds that keep a history record and check it)
    choices: Choices = field(default_factory=Choices)
    sheets: tuple[str, ...] = ()  # the workbook sheets the rows were read from (files laid out for people)


class Kind:
    name: str = ""
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    upsert: str = ""  # the write query of a kind that upserts its records one by one
    area_field: str = "area"  # the validated record's field naming the area a row is about

    def areas_of(self, plan: Plan) -> set[str | None]:
        """Every area the file's rows are about: a role scoped to some areas may import only those."""
        if plan.areas is not None:
            return plan.areas
        if plan.rows is not None:
            return set(plan.rows[self.area_field])
        return {
            c.record[self.area_field] if isinstance(c.record, dict) else getattr(c.record, self.area_field)
            for c in plan.changes
        }

    def validate(self, rows: list[Row], con: duckdb.DuckDBPyConnection, options: Options) -> tuple[Plan, list[Problem]]:
        raise NotImplementedError

    def write(self, con: duckdb.DuckDBPyConnection, plan: Plan) -> None:
        """Upsert every added or changed record with the kind's `upsert` query (kinds that write more override this)."""
        if not self.upsert:
            raise NotImplementedError
        takes = load_query(self.upsert).params  # a record may carry more (its area, for the role's scope)
        for change in plan.changes:
            if change.action != UNCHANGED:
                execute(con, self.upsert, **{name: change.record[name] for name in takes})

    def read(self, file: Path, choices: Choices) -> Table:
        """The file as a table: headings in its first row (kinds taking files laid out for people override this)."""
        return read_table(file)

    def check_headers(self, headers: list[str], options: Options) -> list[Problem]:
        known = set(self.required) | set(self.optional)
        problems = [
            Problem(1, column, "required column is missing") for column in self.required if column not in headers
        ]
        problems += [
            Problem(1, h, f"unknown column (expected: {', '.join(self.required + self.optional)})")
            for h in headers
            if h and h not in known
        ]
        return problems


def validate_or_fail(kind: Kind, rows: list[Row], con, options: Options):
    plan, problems = kind.validate(rows, con, options)
    if problems:
        raise ImportFailed(problems)
    if options.actor is not None:
        require_areas(options.actor, kind.areas_of(plan), f"import {kind.name}")
    return plan


def run_import(
    kind: Kind,
    file: Path,
    db_path: Path,
    *,
    dry_run: bool = False,
    add_areas: bool = False,
    source: str | None = None,
    progress: Callable[[str], None] | None = None,
    actor: Actor | None = None,
    choices: Choices | None = None,
) -> ImportResult:
    """Validate `file` and, unless it is a dry run, write it atomically with its audit record.

    Raises ImportFailed (recorded in the audit trail, data untouched) or PermissionDenied.
    """
    file, db_path = Path(file), Path(db_path)
    options = Options(add_areas=add_areas, source=source or file.name, choices=choices or Choices(), actor=actor)
    if dry_run:
        return _validated(kind, file, db_path, options, progress, dry_run=True)[0]
    actor = actor or local_actor()
    entry = audit.Entry("import", "failed", kind.name, file.name, audit.file_checksum(file))
    try:
        require_role(actor.role, "editor")
        options = replace(options, actor=actor)
        return _validated(kind, file, db_path, options, progress, dry_run=False, entry=entry)[0]
    except PermissionDenied as refusal:
        audit.record_alone(db_path, actor, replace(entry, outcome="refused", detail=str(refusal)))
        raise
    except ImportFailed as failure:
        audit.record_alone(
            db_path,
            actor,
            replace(entry, problems=len(failure.problems), detail=str(failure.problems[0]) if failure.problems else ""),
        )
        raise
    except Exception as error:  # the write was rolled back; say so in the trail, then let it surface
        audit.record_alone(db_path, actor, replace(entry, detail=f"stopped by an error: {error}"[:500]))
        raise


def _validated(
    kind: Kind,
    file: Path,
    db_path: Path,
    options: Options,
    progress,
    *,
    dry_run: bool,
    entry: audit.Entry | None = None,
):
    step = progress or (lambda _message: None)
    step("reading")
    table = kind.read(file, options.choices)
    try:
        return _checked_and_written(kind, file, db_path, options, step, table, dry_run=dry_run, entry=entry)
    finally:
        if hasattr(table.rows, "discard"):  # rows staged in a temporary file (yjs/importers/staging.py)
            table.rows.discard()


def _checked_and_written(
    kind: Kind,
    file: Path,
    db_path: Path,
    options: Options,
    step,
    table: Table,
    *,
    dry_run: bool,
    entry: audit.Entry | None,
):
    options = replace(options, sheets=tuple(sheet for sheet in table.header_lines if sheet))
    sheet, header_line = next(iter(table.header_lines.items()), ("", 1))
    header_problems = [  # a kind reports its headings' problems on line 1: say where the headings really are
        replace(problem, line=header_line, sheet=sheet) if problem.line == 1 else problem
        for problem in kind.check_headers(table.headers, options)
    ]
    if header_problems:
        raise ImportFailed(header_problems)
    rows = table.rows
    if not rows:
        raise ImportFailed([Problem(0, None, "the file has a header but no data rows")])
    result = ImportResult(
        kind=kind.name, file_name=file.name, rows=len(rows), dry_run=dry_run, notes=reading_notes(table)
    )
    step("validating")
    checked_against = file_signature(db_path) if db_path.exists() else None  # a missing file: open says so
    con = open_read_only(db_path)
    try:
        plan = validate_or_fail(kind, rows, con, options)
    finally:
        con.close()
    if dry_run:
        return plan.fill(result), plan
    step("writing")
    with store.writable_copy(db_path) as writable:
        if file_signature(db_path) != checked_against:  # another write landed since the check: check against it
            plan = validate_or_fail(kind, rows, writable, options)
        kind.write(writable, plan)
        execute(
            writable, "write/documents/record_imported_file", document_id=options.source, imported_on=dt.date.today()
        )
        plan.fill(result)
        audit.record(
            writable,
            options.actor,
            replace(
                entry,
                outcome="succeeded",
                rows_added=result.added,
                rows_updated=result.updated,
                rows_unchanged=result.unchanged,
                detail=result.summary(),
            ),
        )
    step("done")
    return result, plan


def reading_notes(table: Table) -> list[str]:
    """Where the headings were found (when not simply in row 1 of a plain file), which sheets were skipped, and
    how the file was decoded where that needs saying."""
    lines = table.header_lines
    notes = []
    if lines:
        found = [f"row {line} of sheet '{sheet}'" if sheet else f"line {line}" for sheet, line in lines.items()]
        if len(found) > 1 or found != ["line 1"]:
            notes.append("headings read from " + ", ".join(found))
    if table.sheets_skipped:
        skipped = ", ".join(f"'{name}'" for name in table.sheets_skipped)
        notes.append(f"sheets without a row of headings, not read: {skipped}")
    if table.note:
        notes.append(table.note)
    return notes


def collect(rows: Iterable[Row], parse: Callable[[Row, list[Problem]], object]) -> tuple[list, list[Problem]]:
    """Apply a row parser that appends its problems; keep the rows that parsed cleanly."""
    records, problems = [], []
    for row in rows:
        row_problems: list[Problem] = []
        record = parse(row, row_problems)
        problems += row_problems
        if not row_problems and record is not None:
            records.append(record)
    return records, problems
