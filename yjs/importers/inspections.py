"""Importing inspections: one row per inspection, one column per standard.

An inspection is identified by its area and publication month (or fieldwork month while it is
unpublished): re-importing it updates it in place. A blank cell means "unknown", so it never
erases what the database already holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from yjs.data.db import execute
from yjs.domain import rules
from yjs.domain.dates import parse_date
from yjs.domain.geography import AreaIndex
from yjs.importers.base import ADD, UNCHANGED, UPDATE, Change, Kind, Options, Plan
from yjs.importers.report import Problem
from yjs.importers.tabular import Row

EARLIEST = dt.date(2018, 1, 1)
FIELDS = ("published", "fieldwork_start", "framework", "overall_rating", "score")


@dataclass
class InspectionRecord:
    line: int
    area: str
    published: dt.date | None
    fieldwork_start: dt.date | None
    framework: int | None
    overall_rating: str | None
    score: int | None
    ratings: dict[str, str] = field(default_factory=dict)
    source: str = ""
    inspection_id: int | None = None  # set for inspections already stored

    def identity(self) -> tuple:
        if self.published:
            return (self.area, "published", self.published.replace(day=1))
        return (self.area, "fieldwork", self.fieldwork_start.replace(day=1))


def _parse_int(text: str, column: str, problems: list[Problem], line: int, low: int, high: int) -> int | None:
    if not text:
        return None
    cleaned = text.replace(",", "").strip()
    if cleaned.endswith("/36"):
        cleaned = cleaned[:-3].strip()
    try:
        value = float(cleaned)
    except ValueError:
        problems.append(Problem(line, column, f"'{text}' is not a whole number"))
        return None
    if not value.is_integer() or not low <= value <= high:
        problems.append(Problem(line, column, f"{text} is not a whole number from {low} to {high}"))
        return None
    return int(value)


def _parse_date(row: Row, column: str, problems: list[Problem], today: dt.date) -> dt.date | None:
    try:
        value = parse_date(row.get(column), allow_month=True)
    except ValueError as exc:
        problems.append(Problem(row.line, column, str(exc)))
        return None
    if value and value > today:
        problems.append(Problem(row.line, column, f"{value.isoformat()} is in the future"))
    elif value and value < EARLIEST:
        problems.append(
            Problem(
                row.line,
                column,
                f"{value.isoformat()} is before 2018; YJS Insight covers HMIP's 2018, 2021 and 2025 frameworks",
            )
        )
    return value


def _parse_ratings(row: Row, problems: list[Problem]) -> dict[str, str]:
    ratings = {}
    for code in rules.ALL_STANDARDS:
        try:
            rating = rules.normalise_rating(row.get(code))
        except ValueError as exc:
            problems.append(Problem(row.line, code, str(exc)))
            continue
        if rating == rules.NOT_RATED and code != rules.RESETTLEMENT:
            problems.append(Problem(row.line, code, "only 4.1 (resettlement) may be 'Not rated'"))
        elif rating:
            ratings[code] = rating
    return ratings


def parse_row(row: Row, options: Options, today: dt.date, problems: list[Problem]) -> InspectionRecord:
    line = row.line
    published = _parse_date(row, "published", problems, today)
    fieldwork = _parse_date(row, "fieldwork_start", problems, today)
    if not row.get("published") and not row.get("fieldwork_start"):
        problems.append(Problem(line, "published", "give a publication date (or a fieldwork start while unpublished)"))
    if published and fieldwork and fieldwork > published:
        problems.append(
            Problem(
                line,
                "fieldwork_start",
                f"fieldwork start {fieldwork.isoformat()} is after the publication date {published.isoformat()}",
            )
        )
    framework = _parse_int(row.get("framework"), "framework", problems, line, 2018, 2025)
    if framework is not None and framework not in rules.FRAMEWORKS:
        problems.append(Problem(line, "framework", f"{framework} is not an HMIP framework (2018, 2021 or 2025)"))
    overall = None
    try:
        overall = rules.normalise_rating(row.get("overall_rating"))
    except ValueError as exc:
        problems.append(Problem(line, "overall_rating", str(exc)))
    if overall == rules.NOT_RATED:
        problems.append(Problem(line, "overall_rating", "an overall rating cannot be 'Not rated'"))
    score = _parse_int(row.get("score"), "score", problems, line, 0, rules.MAX_SCORE)
    return InspectionRecord(
        line,
        row.get("area"),
        published,
        fieldwork,
        framework,
        overall,
        score,
        _parse_ratings(row, problems),
        row.get("source") or options.source,
    )


def consistency_problems(record: InspectionRecord) -> list[tuple[str, str]]:
    """(column, reason) for every way the record contradicts HMIP's scoring rules."""
    if not rules.is_scored_framework(record.framework):
        found = [("score", "the 2025 framework has no score out of 36")] if record.score is not None else []
        return found + [
            (code, "the 2025 framework does not rate the standards 1.1-4.1") for code in sorted(record.ratings)
        ]
    problems = []
    computed = rules.overall_score(record.ratings)
    if computed is not None:
        if record.score is not None and record.score != computed:
            problems.append(
                ("score", f"score {record.score} does not match {computed}, the sum of the 12 standard ratings")
            )
        band = rules.overall_band(computed)
        if record.overall_rating and record.overall_rating != band:
            problems.append(
                (
                    "overall_rating",
                    f"overall rating '{record.overall_rating}' does not match '{band}', "
                    f"the band of the computed score {computed}",
                )
            )
        return problems
    if record.score is not None:
        band = rules.overall_band(record.score)
        if record.overall_rating and record.overall_rating != band:
            problems.append(
                (
                    "overall_rating",
                    f"overall rating '{record.overall_rating}' does not match '{band}', "
                    f"the band of score {record.score}",
                )
            )
        known = [rules.score_from_rating(r) for c, r in record.ratings.items() if c in rules.SCORED_STANDARDS]
        low, high = sum(known), sum(known) + 3 * (len(rules.SCORED_STANDARDS) - len(known))
        if not low <= record.score <= high:
            problems.append(
                (
                    "score",
                    f"score {record.score} is impossible with the standard ratings given (they allow {low} to {high})",
                )
            )
    return problems


def _existing(con) -> dict[tuple, InspectionRecord]:
    """Existing inspections under every identity a re-import may use for them."""
    found = {}
    for row in execute(con, "read/ratings/inspections_with_ratings").fetchall():
        inspection_id, area, published, fieldwork, framework, overall, score, source, ratings = row
        record = InspectionRecord(
            0, area, published, fieldwork, framework, overall, score, dict(ratings or {}), source, inspection_id
        )
        if published:
            found[(area, "published", published.replace(day=1))] = record
        if fieldwork:
            found.setdefault((area, "fieldwork", fieldwork.replace(day=1)), record)
    return found


def _merge(existing: InspectionRecord, new: InspectionRecord) -> InspectionRecord:
    merged = replace(existing, line=new.line, ratings={**existing.ratings, **new.ratings}, source=new.source)
    for name in FIELDS:
        value = getattr(new, name)
        if value is not None:
            setattr(merged, name, value)
    return merged


def _differs(existing: InspectionRecord, merged: InspectionRecord) -> bool:
    return any(getattr(existing, n) != getattr(merged, n) for n in FIELDS) or existing.ratings != merged.ratings


class InspectionsKind(Kind):
    name = "inspections"
    required = ("area",)
    optional = ("published", "fieldwork_start", "framework", "overall_rating", "score", *rules.ALL_STANDARDS, "source")

    def validate(self, rows, con, options, today: dt.date | None = None):
        today = today or dt.date.today()
        areas = AreaIndex(
            (name, aliases) for name, aliases, *_ in execute(con, "read/areas/areas_with_aliases").fetchall()
        )
        existing = _existing(con)
        plan, problems, seen = Plan(), [], {}
        for row in rows:
            row_problems: list[Problem] = []
            record = parse_row(row, options, today, row_problems)
            record.area = self._resolve_area(row, areas, options, plan, row_problems)
            if row_problems:
                problems += row_problems
                continue
            change = self._change(record, existing, seen, row_problems)
            problems += row_problems
            if not row_problems:
                plan.changes.append(change)
        return plan, problems

    @staticmethod
    def _resolve_area(row: Row, areas: AreaIndex, options: Options, plan: Plan, problems: list[Problem]) -> str:
        typed = row.get("area")
        if not typed:
            problems.append(Problem(row.line, "area", "area is required"))
            return typed
        name = areas.resolve(typed)
        if name:
            return name
        if options.add_areas:
            areas.add(typed)
            plan.areas_added.append(typed)
            return typed
        problems.append(Problem(row.line, "area", areas.unknown_area_reason(typed)))
        return typed

    @staticmethod
    def _change(record: InspectionRecord, existing: dict, seen: dict, problems: list[Problem]) -> Change | None:
        identity = record.identity()
        if identity in seen:
            problems.append(
                Problem(
                    record.line,
                    "published",
                    f"same inspection as line {seen[identity]} (same area and publication month)",
                )
            )
            return None
        seen[identity] = record.line
        before = existing.get(identity)
        if before is None and record.published and record.fieldwork_start:
            before = existing.get((record.area, "fieldwork", record.fieldwork_start.replace(day=1)))
        merged = _merge(before, record) if before else record
        if merged.framework is None:
            merged.framework = rules.infer_framework(merged.fieldwork_start, merged.published)
        for column, reason in consistency_problems(merged):
            origin = " (combined with the stored inspection)" if before else ""
            problems.append(Problem(record.line, column, reason + origin))
        if before is None:
            return Change(ADD, merged)
        return Change(UPDATE if _differs(before, merged) else UNCHANGED, merged, before)

    def write(self, con, plan):
        for area in plan.areas_added:
            execute(
                con,
                "write/areas/insert_area",
                name=area,
                region=None,
                country=None,
                local_authorities=[],
                population_10_17=None,
                population_year=None,
                aliases=[],
                is_demo=False,
                source=plan.changes[0].record.source if plan.changes else "import",
            )
        names = {(f, c): n for f, c, n in execute(con, "read/ratings/standard_names").fetchall()}
        for change in plan.changes:
            if change.action == UNCHANGED:
                continue
            record = change.record
            values = {
                "published": record.published,
                "fieldwork_start": record.fieldwork_start,
                "framework": record.framework,
                "overall_rating": record.overall_rating,
                "score": record.score,
                "source": record.source,
            }
            stored_ratings = {}
            if change.action == ADD:
                inspection_id = execute(con, "write/ratings/insert_inspection", area=record.area, **values).fetchall()[
                    0
                ][0]
            else:
                inspection_id, stored_ratings = record.inspection_id, change.existing.ratings
                execute(con, "write/ratings/update_inspection", inspection_id=inspection_id, **values)
            for code, rating in record.ratings.items():
                if stored_ratings.get(code) == rating:
                    continue  # keep the source of a rating the file merely repeats
                name = names.get((record.framework, code)) or names.get((2021, code), code)
                execute(
                    con,
                    "write/ratings/upsert_standard_rating",
                    inspection_id=inspection_id,
                    code=code,
                    name=name,
                    rating=rating,
                    source=record.source,
                )


KIND = InspectionsKind()
