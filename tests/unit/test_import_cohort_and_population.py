"""Importing the cohort and the population: validated by line, atomic, re-import updates by id."""

import pytest

from tests.support.dbcheck import data_fingerprint, fetch
from yjs.importers import KINDS, ImportFailed, run_import

COHORT_HEADER = (
    "child_id,area,age_at_start,sex,ethnicity,disposal_type,disposal,offence_category,start_date,"
    "end_date,care_status,send,substance_misuse,mental_health,risk_of_serious_harm,safety_and_wellbeing,"
    "ete_status_at_end,reoffended_12m,suitable_accommodation_at_end"
)
GOOD_ROW = (
    "EAL-0001,Ealing,15,Male,Black,Court,Referral order,Robbery,2024-02-01,2024-09-30,None,yes,no,yes,Medium,Low,"
    "Full time,no,yes"
)


def write(tmp_path, header, *lines, name="file.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n")
    return path


def test_cohort_rows_are_added_then_updated_by_id(writable_db, tmp_path):
    path = write(tmp_path, COHORT_HEADER, GOOD_ROW, GOOD_ROW.replace("EAL-0001", "EAL-0002"))
    result = run_import(KINDS["cohort"], path, writable_db)
    assert (result.added, result.updated, result.unchanged) == (2, 0, 0)
    assert fetch(writable_db, "SELECT count(*), any_value(source) FROM cohort_facts WHERE area = 'Ealing'") == [
        (2, "file.csv")
    ]
    changed = write(
        tmp_path, COHORT_HEADER, GOOD_ROW.replace(",no,yes", ",yes,yes"), GOOD_ROW.replace("EAL-0001", "EAL-0002")
    )
    result = run_import(KINDS["cohort"], changed, writable_db)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 1)
    assert fetch(writable_db, "SELECT reoffending FROM cohort_facts WHERE child_id = 'EAL-0001'") == [("Reoffended",)]
    # The cells the cohort pages read without a filter (data/views.sql) follow the import too.
    cells = {
        "SELECT value, children FROM cohort_dimension_cells WHERE area = 'Ealing' AND dimension = 'reoffending' "
        "ORDER BY value": [("Did not reoffend", 1), ("Reoffended", 1)],
        "SELECT sum(n) FILTER (WHERE reoffended_12m) FROM cohort_stage_cells WHERE area = 'Ealing'": [(1,)],
        "SELECT sum(n) FROM cohort_kpi_cells WHERE area = 'Ealing'": [(2,)],
        "SELECT children, source FROM cohort_area_year_cells WHERE area = 'Ealing'": [(2, "file.csv")],
    }
    for sql, want in cells.items():
        assert fetch(writable_db, sql) == want, sql


def test_cohort_problems_are_reported_by_line_and_nothing_is_written(writable_db, tmp_path):
    before = data_fingerprint(writable_db)
    path = write(
        tmp_path,
        COHORT_HEADER,
        GOOD_ROW,
        GOOD_ROW.replace("EAL-0001", "Jane Smith"),
        GOOD_ROW.replace("EAL-0001", "EAL-3").replace(",Black,", ",Purple,"),
        GOOD_ROW.replace("EAL-0001", "EAL-4").replace("Court,Referral order", "Court,Youth caution"),
        GOOD_ROW.replace("EAL-0001", "EAL-5").replace("2024-09-30", "2023-01-01"),
        GOOD_ROW.replace("EAL-0001", "EAL-6").replace(",15,", ",9,"),
        GOOD_ROW.replace("EAL-0001", "EAL-7").replace(",Ealing,", ",Atlantis,"),
        GOOD_ROW.replace("EAL-0001", "EAL-8").replace(",yes,no,yes,", ",maybe,no,yes,"),
        GOOD_ROW,
    )
    with pytest.raises(ImportFailed) as failure:
        run_import(KINDS["cohort"], path, writable_db)
    problems = [str(p) for p in failure.value.problems]
    assert problems[0].startswith("line 3, column child_id: must be a pseudonymised id")
    assert problems[1].startswith("line 4, column ethnicity: unknown value 'Purple' (expected one of: White, Black")
    assert problems[2] == "line 5, column disposal: 'Youth caution' is not a court disposal"
    assert problems[3] == "line 6, column end_date: 2023-01-01 is before the start date"
    assert problems[4] == "line 7, column age_at_start: '9' is not a whole number from 10 to 18"
    assert problems[5] == "line 8, column area: unknown area 'Atlantis' (import it as an area first)"
    assert problems[6] == "line 9, column send: 'maybe' is not yes or no"
    assert problems[7] == "line 10, column start_date: same child and start date as line 2"
    assert data_fingerprint(writable_db) == before


def test_population_import_adds_and_updates(writable_db, tmp_path):
    header = "area,year,ethnicity,sex,age_band,count"
    path = write(tmp_path, header, "Ealing,2023,Black,All,10-17,4100", "Ealing,2023,White,All,10-17,11000")
    assert run_import(KINDS["population"], path, writable_db).added == 2
    again = write(tmp_path, header, "Ealing,2023,Black,All,10-17,4200", "Ealing,2023,White,All,10-17,11000")
    result = run_import(KINDS["population"], again, writable_db)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 1)
    assert fetch(writable_db, "SELECT count FROM population WHERE area = 'Ealing' AND ethnicity = 'Black'") == [(4200,)]


def test_population_problems(writable_db, tmp_path):
    path = write(
        tmp_path,
        "area,year,ethnicity,sex,age_band,count,share",
        "Ealing,2023,Green,All,10-17,5,",
        "Ealing,2023,Black,All,10-17,,",
        "Ealing,2023,Black,All,10-19,-1,",
    )
    with pytest.raises(ImportFailed) as failure:
        run_import(KINDS["population"], path, writable_db)
    assert [str(p) for p in failure.value.problems] == [
        "line 2, column ethnicity: unknown value 'Green' (expected one of: White, Black, Asian, Mixed, Other)",
        "line 3, column count: give a count (or a share from 0 to 1)",
        "line 4, column age_band: unknown value '10-19' (expected one of: 10-13, 14-15, 16-17, 10-17)",
        "line 4, column count: '-1' is not a whole number from 0 to 2,000,000",
    ]
