"""A local indicator, end to end as a performance lead would load it: its definition, then five
years of values for ten services and England, through the imports (the Done-when of issue 17).

The figures are invented for the tests (counts over populations, so regional lines can pool them);
five North West services are added as areas first, through the areas import.
"""

from __future__ import annotations

import csv
from pathlib import Path

from yjs.domain.roles import Actor
from yjs.importers import KINDS, run_import

CODE = "cautioned_sentenced_local"
NAME = "Children cautioned or sentenced (local series)"
PERIODS = ("2019-20", "2020-21", "2021-22", "2022-23", "2023-24")
NORTH_WEST = ("Stockport", "Trafford", "Manchester", "Salford", "Wigan")
# area -> (10-17 population, children cautioned or sentenced in each of the five years)
COUNTS = {
    "Stockport": (30_000, (120, 110, 105, 100, 96)),  # 32.0 per 10,000 in 2023-24, down from 33.3: improving
    "Trafford": (27_000, (60, 52, 45, 41, 38)),  # 14.1
    "Manchester": (52_000, (300, 290, 260, 250, 240)),  # 46.2
    "Salford": (25_000, (110, 100, 95, 90, 88)),  # 35.2
    "Wigan": (31_000, (100, 98, 95, 90, 85)),  # 27.4
    "Kingston and Richmond": (35_866, (70, 64, 60, 58, 55)),  # 15.3
    "Tower Hamlets and City of London": (30_000, (150, 140, 130, 125, 120)),  # 40.0
    "Ealing": (36_718, (140, 130, 125, 118, 110)),  # 30.0
    "Reading": (16_000, (50, 48, 47, 46, 45)),  # 28.1
    "Buckinghamshire": (60_000, (130, 125, 118, 112, 105)),  # 17.5
}
ENGLAND = (22.9, 21.4, 20.1, 19.5, 18.8)  # published national rate per 10,000 (invented for the test)


def stockport_values() -> dict[str, float]:
    population, counts = COUNTS["Stockport"]
    return {period: 10_000 * count / population for period, count in zip(PERIODS, counts, strict=True)}


def latest_values() -> dict[str, float]:
    return {area: 10_000 * counts[-1] / population for area, (population, counts) in COUNTS.items()}


def write_definition(path: Path, **changes) -> Path:
    row = {
        "code": CODE,
        "name": NAME,
        "definition": "Children aged 10-17 cautioned or sentenced in the year, per 10,000 of the 10-17 population",
        "unit": "rate per 10,000",
        "polarity": "lower is better",
        "period_type": "financial year",
        "numerator_label": "children cautioned or sentenced",
        "denominator_label": "10-17 population",
        "source": "YJB youth justice statistics, supplementary tables (our own series)",
        **changes,
    }
    return _write(path, [row])


def write_values(path: Path) -> Path:
    rows = [
        {"area": area, "indicator": NAME, "period": period, "numerator": count, "denominator": population}
        for area, (population, counts) in COUNTS.items()
        for period, count in zip(PERIODS, counts, strict=True)
    ]
    rows += [
        {"area": "England", "indicator": CODE, "period": period, "value": value}
        for period, value in zip(PERIODS, ENGLAND, strict=True)
    ]
    return _write(path, rows)


def write_areas(path: Path) -> Path:
    return _write(path, [{"name": area, "region": "North West"} for area in NORTH_WEST])


def load_local_indicator(db: Path, folder: Path) -> None:
    """Areas, then the definition, then the values, each through its import as an editor."""
    editor = Actor("Performance lead", "editor")
    run_import(KINDS["areas"], write_areas(folder / "north-west.csv"), db, actor=editor)
    run_import(KINDS["indicator-definitions"], write_definition(folder / "definitions.csv"), db, actor=editor)
    run_import(KINDS["indicators"], write_values(folder / "local-values.csv"), db, actor=editor)


def _write(path: Path, rows: list[dict]) -> Path:
    fields = list(dict.fromkeys(key for row in rows for key in row))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(rows)
    return path
