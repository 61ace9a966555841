"""The inspections importer: every validation rule, valid and invalid, and atomicity."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.dbcheck import data_fingerprint, fetch
from yjs.importers import KINDS, ImportFailed, run_import

HEADER = (
    "area,published,fieldwork_start,framework,overall_rating,score,"
    "1.1,1.2,1.3,1.4,2.1,2.2,2.3,2.4,3.1,3.2,3.3,3.4,4.1,source"
)
TWELVE_GOOD = ",".join(["Good"] * 12)  # 24/36, Good


def write_csv(tmp_path, *lines, header=HEADER, name="inspections.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def do_import(path, db, **options):
    return run_import(KINDS["inspections"], path, db, **options)


def problems_of(path, db, **options):
    with pytest.raises(ImportFailed) as failure:
        do_import(path, db, **options)
    return [str(p) for p in failure.value.problems]


def test_valid_file_adds_an_inspection_with_its_ratings(writable_db, tmp_path):
    ratings = ",".join(["Requires improvement"] * 6 + ["Inadequate"] * 6)  # 6/36: Inadequate
    path = write_csv(tmp_path, f"Reading,2024-12-10,2024-09-02,,Inadequate,6,{ratings},Not rated,")
    result = do_import(path, writable_db)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 0)  # Reading's Sept 2024 inspection exists
    row = fetch(
        writable_db,
        "SELECT score, overall_rating, standards_rated, framework, published "
        "FROM inspection_summary WHERE area = 'Reading'",
    )
    assert row == [(6, "Inadequate", 12, 2021, dt.date(2024, 12, 10))]
    assert fetch(
        writable_db,
        "SELECT rating, standard_ratings.source FROM standard_ratings JOIN inspections USING (inspection_id) "
        "WHERE area = 'Reading' AND code = '4.1'",
    ) == [("Not rated", "inspections.csv")]


def test_new_inspection_is_added_and_reimport_is_unchanged(writable_db, tmp_path):
    path = write_csv(tmp_path, "Ealing,17/09/2026,2026-06,2025,Good,,,,,,,,,,,,,,,my board paper")
    assert do_import(path, writable_db).added == 1
    again = do_import(path, writable_db)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    assert fetch(writable_db, "SELECT count(*) FROM inspections WHERE area = 'Ealing'") == [(2,)]
    assert fetch(writable_db, "SELECT source FROM inspections WHERE published = '2026-09-17'") == [("my board paper",)]


def test_reimport_updates_in_place_and_blank_cells_keep_stored_values(writable_db, tmp_path):
    # Buckinghamshire, published Jan 2023, overall Good: add a score and standards a later file supplies.
    path = write_csv(tmp_path, f"Buckinghamshire YOS,2023-01-20,,,,24,{TWELVE_GOOD},,")
    result = do_import(path, writable_db)
    assert result.updated == 1 and result.added == 0
    assert fetch(
        writable_db,
        "SELECT count(*), max(score), max(overall_rating) FROM inspection_summary WHERE area = 'Buckinghamshire'",
    ) == [(1, 24, "Good")]


def test_header_names_are_case_insensitive_in_any_order(writable_db, tmp_path):
    path = write_csv(
        tmp_path, "good,2026-03-01,Tower Hamlets and City of London", header="OVERALL_RATING,Published,Area"
    )
    assert do_import(path, writable_db).added == 1


def test_score_must_equal_the_computed_score_when_all_twelve_are_given(writable_db, tmp_path):
    path = write_csv(tmp_path, f"Ealing,2024-01-01,,,Good,25,{TWELVE_GOOD},,")
    assert problems_of(path, writable_db) == [
        "line 2, column score: score 25 does not match 24, the sum of the 12 standard ratings"
    ]


def test_overall_rating_must_match_the_band_of_the_computed_score(writable_db, tmp_path):
    path = write_csv(tmp_path, f"Ealing,2024-01-01,,,Outstanding,,{TWELVE_GOOD},,")
    assert problems_of(path, writable_db) == [
        "line 2, column overall_rating: overall rating 'Outstanding' does not match 'Good', "
        "the band of the computed score 24"
    ]


def test_overall_rating_must_match_a_score_given_alone(writable_db, tmp_path):
    path = write_csv(tmp_path, "Ealing,2024-01-01,,,Good,18,,,,,,,,,,,,,,")
    assert problems_of(path, writable_db) == [
        "line 2, column overall_rating: overall rating 'Good' does not match 'Requires improvement', "
        "the band of score 18"
    ]


def test_a_score_impossible_with_partial_standards_is_an_error(writable_db, tmp_path):
    ratings = ",".join(["Outstanding"] * 11) + ","  # 33 from eleven standards, 3.4 unknown
    path = write_csv(tmp_path, f"Ealing,2024-01-01,,,,20,{ratings},,")
    assert problems_of(path, writable_db) == [
        "line 2, column score: score 20 is impossible with the standard ratings given (they allow 33 to 36)"
    ]


def test_every_bad_row_is_reported_with_line_and_column_and_nothing_is_written(writable_db, tmp_path):
    before = data_fingerprint(writable_db)
    path = write_csv(
        tmp_path,
        f"Ealing,2024-01-01,,,,,{TWELVE_GOOD},,",  # line 2: valid
        "Ealling,2024-02-01,,,,,,,,,,,,,,,,,,",  # line 3: unknown area
        "Reading,31/02/2024,,,,,,,,,,,,,,,,,,",  # line 4: impossible date
        "Reading,2024-03-01,,2019,,40,,,,,,,,,,,,,,",  # line 5: framework and score
        "Reading,2024-04-01,,,Excellent,,Great,,,,,,,,,,,,,",  # line 6: ratings
        "Reading,2024-05-01,2024-06-01,,,,,,,,,,,,,,,,Not rated,",  # line 7: fieldwork after publication
        "Reading,2031-01-01,,,,,,,,,,,,,,,,,,",  # line 8: future
        "Reading,2024-06-01,,,,,,Not rated,,,,,,,,,,,,",  # line 9: Not rated only for 4.1
        ",2024-07-01,,,,,,,,,,,,,,,,,,",  # line 10: no area
        "Reading,,,,,,,,,,,,,,,,,,,",  # line 11: no dates
        f"Ealing,2024-01-20,,,,,{TWELVE_GOOD},,",  # line 12: duplicate of line 2
    )
    problems = problems_of(path, writable_db)
    assert problems == [
        "line 3, column area: unknown area 'Ealling'; did you mean 'Ealing'? "
        "(add it with --add-areas, or import it as an area first)",
        "line 4, column published: '31/02/2024' is not a real date",
        "line 5, column framework: 2019 is not an HMIP framework (2018, 2021 or 2025)",
        "line 5, column score: 40 is not a whole number from 0 to 36",
        "line 6, column 1.1: 'Great' is not a rating "
        "(expected one of: Inadequate, Requires improvement, Good, Outstanding)",
        "line 6, column overall_rating: 'Excellent' is not a rating "
        "(expected one of: Inadequate, Requires improvement, "
        "Good, Outstanding)",
        "line 7, column fieldwork_start: fieldwork start 2024-06-01 is after the publication date 2024-05-01",
        "line 8, column published: 2031-01-01 is in the future",
        "line 9, column 1.2: only 4.1 (resettlement) may be 'Not rated'",
        "line 10, column area: area is required",
        "line 11, column published: give a publication date (or a fieldwork start while unpublished)",
        "line 12, column published: same inspection as line 2 (same area and publication month)",
    ]
    assert data_fingerprint(writable_db) == before


def test_unknown_area_is_added_with_add_areas(writable_db, tmp_path):
    path = write_csv(tmp_path, f"Wexcombe Vale,2024-02-01,,,,,{TWELVE_GOOD},,")
    result = do_import(path, writable_db, add_areas=True)
    assert result.added == 1 and result.areas_added == ["Wexcombe Vale"]
    assert fetch(writable_db, "SELECT region, is_demo FROM areas WHERE name = 'Wexcombe Vale'") == [(None, False)]


def test_2025_framework_has_no_score_and_no_twelve_standards(writable_db, tmp_path):
    path = write_csv(tmp_path, "Ealing,2026-02-01,2025-11-03,2025,Good,20,Good,,,,,,,,,,,,,")
    assert problems_of(path, writable_db) == [
        "line 2, column 1.1: the 2025 framework does not rate the standards 1.1-4.1",
        "line 2, column score: the 2025 framework has no score out of 36",
    ]


def test_dry_run_validates_and_counts_but_writes_nothing(writable_db, tmp_path):
    before = data_fingerprint(writable_db)
    path = write_csv(tmp_path, f"Ealing,2024-01-01,,,,,{TWELVE_GOOD},,")
    result = do_import(path, writable_db, dry_run=True)
    assert result.added == 1 and "dry run" in result.summary()
    assert data_fingerprint(writable_db) == before


def test_xlsx_files_import_like_csv(writable_db, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Area", "Published", "Overall_rating", 1.1, "Score"])
    sheet.append(["Ealing", dt.datetime(2024, 2, 3), "Requires improvement", "Good", 12])
    sheet.append(["Nowhere", "2024-02-03", "Good", None, None])
    path = tmp_path / "inspections.xlsx"
    workbook.save(path)
    assert problems_of(path, writable_db) == [
        "line 3, column area: unknown area 'Nowhere' (add it with --add-areas, or import it as an area first)"
    ]
    sheet.delete_rows(3)
    workbook.save(path)
    assert do_import(path, writable_db).added == 1
    assert fetch(writable_db, "SELECT score FROM inspections WHERE published = '2024-02-03'") == [(12,)]


@pytest.mark.parametrize(
    "content,expected",
    [
        (b"", "line 1: the file is empty"),
        (b"area,area\nEaling,Ealing\n", "line 1, column area: this column appears twice in the header"),
        (b"published\n2024-01-01\n", "line 1, column area: required column is missing"),
        (b"area,colour\nEaling,blue\n", "line 1, column colour: unknown column"),
        (b"area,published\n", "file: the file has a header but no data rows"),
        (b"\x00\x01\x02PK", "file: the file is binary, not a CSV text file"),
    ],
)
def test_malformed_files_get_a_clear_error(writable_db, tmp_path, content, expected):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    problems = problems_of(path, writable_db)
    assert problems[0].startswith(expected)


def test_a_file_that_is_not_csv_or_xlsx_is_refused(writable_db, tmp_path):
    path = tmp_path / "ratings.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert problems_of(path, writable_db) == ["file: 'ratings.pdf' is not a CSV or XLSX file"]


@pytest.mark.parametrize(
    "typed,suggested", [("Kingston", "Kingston and Richmond"), ("Tower Hamlet", "Tower Hamlets and City of London")]
)
def test_unknown_area_suggests_the_closest_known_names(writable_db, tmp_path, typed, suggested):
    path = write_csv(tmp_path, f"{typed},2024-02-01,,,,,,,,,,,,,,,,,,")
    problem = problems_of(path, writable_db)[0]
    assert "did you mean" in problem and f"'{suggested}'" in problem


def test_area_aliases_and_service_suffixes_resolve(writable_db, tmp_path):
    path = write_csv(
        tmp_path,
        "Ealing Youth Justice Service,2024-02-01,,,Good,,,,,,,,,,,,,,,",
        "kingston & richmond yjs,2024-03-01,,,Good,,,,,,,,,,,,,,,",
    )
    assert do_import(path, writable_db).added == 2
    assert fetch(
        writable_db,
        "SELECT area FROM inspections WHERE published >= '2024-02-01' "
        "AND area IN ('Ealing', 'Kingston and Richmond') ORDER BY published",
    ) == [
        ("Ealing",),
        ("Kingston and Richmond",),
    ]


def test_the_pages_copy_of_the_inspection_summary_follows_every_write(writable_db, tmp_path):
    """The pages read inspection_summary as a table (data/views.sql): a build and every write keep it equal
    to what the view computes, an area's new region included."""
    differences = (
        "SELECT (SELECT count(*) FROM (FROM inspection_summary EXCEPT ALL FROM inspection_summary_computed)) "
        "+ (SELECT count(*) FROM (FROM inspection_summary_computed EXCEPT ALL FROM inspection_summary))"
    )
    assert fetch(writable_db, differences) == [(0,)]
    path = write_csv(tmp_path, f"Buckinghamshire,2025-03-01,2024-11-04,,Good,24,{TWELVE_GOOD},,")
    do_import(path, writable_db)
    assert fetch(writable_db, differences) == [(0,)]
    assert fetch(writable_db, "SELECT max(published) FROM inspection_summary WHERE area = 'Buckinghamshire'") == [
        (dt.date(2025, 3, 1),)
    ]
