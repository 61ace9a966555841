"""Importing indicator values: every rule, by line, nothing written on error, re-import updates."""

import pytest

from tests.support.dbcheck import data_fingerprint, fetch
from yjs.domain.dates import parse_period
from yjs.importers import KINDS, ImportFailed, run_import

HEADER = "area,indicator,period,value,numerator,denominator,source"


def write(tmp_path, *lines):
    path = tmp_path / "indicators.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n")
    return path


def test_values_are_added_then_updated_in_place(writable_db, tmp_path):
    path = write(tmp_path, "Ealing,fte_rate,2025,,55,36718,", "Ealing,Proven reoffending (binary rate),2023-24,30.5,,,")
    result = run_import(KINDS["indicators"], path, writable_db)
    assert result.added == 2
    assert fetch(
        writable_db,
        "SELECT round(value, 1), period_end FROM indicator_values WHERE area = 'Ealing' "
        "AND indicator_code = 'fte_rate' AND period = '2025'",
    ) == [(149.8, parse_period("2025", "calendar year")[1])]
    again = write(
        tmp_path, "Ealing,fte_rate,2025,,56,36718,", "Ealing,Proven reoffending (binary rate),2023-24,30.5,,,"
    )
    result = run_import(KINDS["indicators"], again, writable_db)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 1)


def test_reference_geographies_are_accepted(writable_db, tmp_path):
    run_import(
        KINDS["indicators"],
        write(tmp_path, "London,fte_rate,2024,150.5,,,", "England and Wales,fte_rate,2025,150.5,,,"),
        writable_db,
    )
    assert fetch(writable_db, "SELECT area, is_reference FROM indicator_values WHERE value = 150.5 ORDER BY area") == [
        ("England and Wales", True),
        ("London", True),
    ]


def test_every_problem_is_reported_and_nothing_written(writable_db, tmp_path):
    before = data_fingerprint(writable_db)
    path = write(
        tmp_path,
        "Ealing,first time entrant,2024,150,,,",  # 2 unknown indicator
        "Ealingg,fte_rate,2024,150,,,",  # 3 unknown area
        "Ealing,fte_rate,2024-Q1,150,,,",  # 4 period type
        "Ealing,kpi_ete,2024-Q1,120,,,",  # 5 over 100%
        "Ealing,fte_rate,2023,400,55,36718,",  # 6 inconsistent value
        "Ealing,kpi_ete,2024-Q2,,30,20,",  # 7 numerator > denominator
        "Ealing,reoffending_rate,2023-25,30,,,",  # 8 financial year
        "Ealing,fte_rate,2022,,55,,",  # 9 half a pair
        "Ealing,fte_rate,2021,,,,",  # 10 nothing
        "Ealing,fte_rate,2024,150,,,",
        "Ealing,fte_rate,2024,151,,,",
    )  # 12 duplicate of 11
    with pytest.raises(ImportFailed) as failure:
        run_import(KINDS["indicators"], path, writable_db)
    problems = [str(p) for p in failure.value.problems]
    assert problems == [
        "line 2, column indicator: unknown indicator 'first time entrant'; did you mean 'fte_rate'?",
        "line 3, column area: unknown area 'Ealingg'; did you mean 'Ealing'?",
        "line 4, column period: '2024-Q1' is not a calendar year period (write it like 2023)",
        "line 5, column value: 120 is outside 0 to 100",
        "line 6, column value: 400 does not match 55 / 36718 = 149.8 (rate per 100,000)",
        "line 7, column numerator: numerator 30 is larger than denominator 20 for a percentage",
        "line 8, column period: '2023-25' is not a financial year (the second year must follow the first: 2023-24)",
        "line 9, column denominator: give both numerator and denominator, or neither",
        "line 10, column value: give a value, or a numerator and denominator",
        "line 12, column period: same area, indicator and period as line 11",
    ]
    assert data_fingerprint(writable_db) == before


@pytest.mark.parametrize(
    "text,period_type,label,end",
    [
        ("2023", "calendar year", "2023", "2023-12-31"),
        ("2023/24", "financial year", "2023-24", "2024-03-31"),
        ("2023-2024", "financial year", "2023-24", "2024-03-31"),
        ("2024 q3", "quarter", "2024-Q3", "2024-09-30"),
        ("2024-02", "rolling 12 months", "2024-02", "2024-02-29"),
    ],
)
def test_periods(text, period_type, label, end):
    parsed_label, parsed_end = parse_period(text, period_type)
    assert (parsed_label, parsed_end.isoformat()) == (label, end)


def test_published_real_figures_are_loaded_with_their_source(real_db):
    rows = fetch(
        real_db,
        "SELECT area, period, value FROM indicator_values WHERE indicator_code = 'fte_rate' "
        "AND area IN ('Buckinghamshire', 'England and Wales') AND period >= '2023' ORDER BY area, period",
    )
    assert rows == [
        ("Buckinghamshire", "2023", 158.0),  # LAIT (the 168 once shipped here came with no document)
        ("Buckinghamshire", "2024", 138.0),
        ("England and Wales", "2023", 169.0),
        ("England and Wales", "2024", 157.0),
    ]
