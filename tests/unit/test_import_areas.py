"""The areas importer: add, update by name or alias, validate regions and numbers."""

import duckdb
import pytest

from yjs.importers import KINDS, ImportFailed, run_import

HEADER = "name,region,country,local_authorities,population_10_17,population_year,aliases"


def import_areas(tmp_path, db, *lines, header=HEADER):
    path = tmp_path / "areas.csv"
    path.write_text("\n".join([header, *lines]) + "\n")
    return run_import(KINDS["areas"], path, db)


def area(db, name):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT region, country, local_authorities, population_10_17, aliases, source FROM areas WHERE name = ?",
            [name],
        ).fetchone()
    finally:
        con.close()


def test_new_area_is_added_with_country_from_region(writable_db, tmp_path):
    result = import_areas(
        tmp_path,
        writable_db,
        "Wessex,South West,,Dorset; Bournemouth Christchurch and Poole,70000,2023,Wessex Youth Offending Team",
    )
    assert result.added == 1
    assert area(writable_db, "Wessex") == (
        "South West",
        "England",
        ["Dorset", "Bournemouth Christchurch and Poole"],
        70000,
        ["Wessex Youth Offending Team"],
        "areas.csv",
    )


def test_reimport_updates_by_name_or_alias_and_blank_keeps_values(writable_db, tmp_path):
    result = import_areas(tmp_path, writable_db, "Ealing YJS,,,,37000,2024,", header=HEADER)
    assert (result.added, result.updated) == (0, 1)
    region, country, las, population, aliases, _ = area(writable_db, "Ealing")
    assert (region, country, population) == ("London", "England", 37000)
    again = import_areas(tmp_path, writable_db, "Ealing,London,,,,,", header=HEADER)
    assert again.unchanged == 1


def test_areas_added_by_an_inspection_import_can_be_given_a_region(writable_db, tmp_path):
    inspections = tmp_path / "inspections.csv"
    inspections.write_text("area,published,overall_rating\nNew Town,2024-03-01,Good\n")
    run_import(KINDS["inspections"], inspections, writable_db, add_areas=True)
    assert area(writable_db, "New Town")[0] is None
    import_areas(tmp_path, writable_db, "New Town,Wales,,,,,")
    assert area(writable_db, "New Town")[:2] == ("Wales", "Wales")


def test_invalid_rows_are_all_reported(writable_db, tmp_path):
    with pytest.raises(ImportFailed) as failure:
        import_areas(
            tmp_path,
            writable_db,
            "Somewhere,Middle Earth,,,,,",
            "Elsewhere,Wales,England,,,,",
            "Thirdplace,London,,,-5,1850,",
            "Fourth,London,,,,,Ealing",
            ",London,,,,,",
            "Somewhere,London,,,,,",
        )
    assert [str(p) for p in failure.value.problems] == [
        "line 2, column region: unknown region 'Middle Earth' (expected one of: North East, North West, Yorkshire "
        "and The Humber, East Midlands, West Midlands, East of England, London, South East, South West, Wales)",
        "line 3, column country: region 'Wales' is not in England",
        "line 4, column population_10_17: '-5' is not a whole number from 0 to 2,000,000",
        "line 4, column population_year: '1850' is not a whole number from 1,991 to 2,026",
        "line 5, column aliases: alias 'Ealing' already names the area 'Ealing'",
        "line 6, column name: name is required",
        "line 7, column name: same area as line 2",
    ]
