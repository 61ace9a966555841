"""Importing areas (youth justice services): name, region, councils served, 10-17 population.

Re-importing an area updates it by name (or by any of its aliases); a blank cell keeps what is
stored, so a file that only gives regions fills those in without erasing populations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from yjs.data.db import execute
from yjs.domain.geography import COUNTRIES, REGIONS, AreaIndex, canonical_region, country_of, name_key
from yjs.importers.base import ADD, UNCHANGED, UPDATE, Change, Kind, Plan
from yjs.importers.fields import Cells
from yjs.importers.report import Problem

COMPARED = ("region", "country", "local_authorities", "population_10_17", "population_year", "aliases")


@dataclass
class AreaRecord:
    line: int
    name: str
    region: str | None = None
    country: str | None = None
    local_authorities: list[str] | None = None
    population_10_17: int | None = None
    population_year: int | None = None
    aliases: list[str] | None = None
    source: str = ""


def split_list(text: str) -> list[str] | None:
    items = [item.strip() for item in text.split(";") if item.strip()]
    return items or None


def parse_row(row, source: str, problems: list[Problem]) -> AreaRecord:
    line = row.line
    record = AreaRecord(line, " ".join(row.get("name").split()), source=row.get("source") or source)
    if not record.name:
        problems.append(Problem(line, "name", "name is required"))
    if row.get("region"):
        record.region = canonical_region(row.get("region"))
        if record.region is None:
            problems.append(
                Problem(line, "region", f"unknown region '{row.get('region')}' (expected one of: {', '.join(REGIONS)})")
            )
    if row.get("country"):
        record.country = next((c for c in COUNTRIES if c.lower() == row.get("country").strip().lower()), None)
        if record.country is None:
            problems.append(Problem(line, "country", f"unknown country '{row.get('country')}' (England or Wales)"))
        elif record.region and country_of(record.region) != record.country:
            problems.append(Problem(line, "country", f"region '{record.region}' is not in {record.country}"))
    record.country = record.country or country_of(record.region)
    record.local_authorities = split_list(row.get("local_authorities"))
    record.aliases = split_list(row.get("aliases"))
    cells = Cells(row, problems)
    record.population_10_17 = cells.whole_number("population_10_17", 0, 2_000_000)
    record.population_year = cells.whole_number("population_year", 1991, dt.date.today().year)
    return record


def _stored(con) -> dict[str, AreaRecord]:
    return {
        name: AreaRecord(0, name, region, country, list(las or []), population, year, list(aliases or []), source)
        for name, aliases, region, country, las, population, year, source in execute(
            con, "read/areas/areas_with_aliases"
        ).fetchall()
    }


def _merge(before: AreaRecord, new: AreaRecord) -> AreaRecord:
    merged = replace(before, line=new.line, source=new.source)
    for name in COMPARED:
        if getattr(new, name) is not None:
            setattr(merged, name, getattr(new, name))
    if new.region and not new.country:
        merged.country = country_of(new.region)
    return merged


class AreasKind(Kind):
    name = "areas"
    area_field = "name"
    required = ("name",)
    optional = ("region", "country", "local_authorities", "population_10_17", "population_year", "aliases", "source")

    def validate(self, rows, con, options):
        stored = _stored(con)
        index = AreaIndex((a.name, a.aliases) for a in stored.values())
        plan, problems, seen, claimed = Plan(), [], {}, {}
        for row in rows:
            row_problems: list[Problem] = []
            record = parse_row(row, options.source, row_problems)
            target = index.resolve(record.name) if record.name else None
            key = name_key(target or record.name)
            if record.name and key in seen:
                row_problems.append(Problem(row.line, "name", f"same area as line {seen[key]}"))
            seen[key] = row.line
            for alias in record.aliases or []:
                owner = index.resolve(alias) or claimed.get(name_key(alias))
                if owner and owner != (target or record.name):
                    row_problems.append(
                        Problem(row.line, "aliases", f"alias '{alias}' already names the area '{owner}'")
                    )
                claimed[name_key(alias)] = target or record.name
            problems += row_problems
            if row_problems:
                continue
            if target is None:
                plan.changes.append(Change(ADD, record))
                continue
            before = stored[target]
            merged = _merge(before, record)
            changed = any(getattr(before, n) != getattr(merged, n) for n in COMPARED)
            plan.changes.append(Change(UPDATE if changed else UNCHANGED, merged, before))
        return plan, problems

    def write(self, con, plan):
        for change in plan.changes:
            record = change.record
            values = {
                "name": record.name,
                "region": record.region,
                "country": record.country,
                "local_authorities": record.local_authorities or [],
                "population_10_17": record.population_10_17,
                "population_year": record.population_year,
                "aliases": record.aliases or [],
                "source": record.source,
            }
            if change.action == ADD:
                execute(con, "write/areas/insert_area", is_demo=False, **values)
            elif change.action == UPDATE:
                execute(con, "write/areas/update_area", **values)


KIND = AreasKind()
