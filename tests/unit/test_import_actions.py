"""Importing improvement plans: the seed plans from CSV and XLSX, re-import, and bad input."""

import pandas as pd
import pytest
from openpyxl import Workbook

from tests.support.dbcheck import data_fingerprint, fetch
from yjs.domain.roles import Actor
from yjs.importers import KINDS, Choices, ImportFailed, run_import
from yjs.store.build import read_seed

KIND = KINDS["actions"]


def seed_plan(plan: str) -> pd.DataFrame:
    actions, plans = read_seed("improvement_actions"), read_seed("improvement_plans")
    return actions[actions["plan"] == plan].merge(plans[["plan", "area", "title"]], on="plan")


def reading_table() -> pd.DataFrame:
    """Reading's plan under the plan's own headings (plus area, plan title, pillar and ref)."""
    r = seed_plan("reading-2024-12")
    return pd.DataFrame(
        {
            "Area": r.area,
            "Plan": r.title,
            "Pillar": r.theme,
            "Ref": r.ref,
            "Action/What": r.action,
            "What did HMIP find/Why": r.finding,
            "Lead/Who": r.lead,
            "Board sponsor": r.board_sponsor,
            "Timescale/When": r.due_text,
            "Measures/How": r.measures,
            "Quality Assurance/Know": r.evidence,
            "BRAG": r.status_text,
        }
    )


def ealing_table() -> pd.DataFrame:
    e = seed_plan("ealing-2023-08")
    return pd.DataFrame(
        {
            "Area": e.area,
            "Ref": e.ref,
            "Area for improvement": e.theme,
            "Actions": e.action,
            "Action Owner(s)": e.lead,
            "Commencement date": e.start_text,
            "Completed Y/N (RAG)": e.status_text,
            "Status date": "2024-03-28",
        }
    )


def write(frame: pd.DataFrame, path):
    if path.suffix == ".xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, index=False)
    return path


def counts(db):
    return fetch(
        db,
        "SELECT (SELECT count(*) FROM improvement_plans), (SELECT count(*) FROM improvement_actions), "
        "(SELECT count(*) FROM action_status_updates), (SELECT count(*) FROM action_edits)",
    )[0]


@pytest.mark.parametrize(
    "table, suffix, rows",
    [
        (reading_table, ".csv", 36),
        (ealing_table, ".xlsx", 50),
        (reading_table, ".xlsx", 36),
        (ealing_table, ".csv", 50),
    ],
)
def test_the_seed_plans_import_from_their_own_headings_and_reimport_changes_nothing(
    writable_db, tmp_path, table, suffix, rows
):
    before = counts(writable_db)
    result = run_import(KIND, write(table(), tmp_path / f"plan{suffix}"), writable_db)
    assert (result.rows, result.added, result.updated, result.unchanged) == (rows, 0, 0, rows)
    assert counts(writable_db) == before


def test_a_changed_status_is_appended_and_the_plan_is_not_duplicated(writable_db, tmp_path):
    table = reading_table()
    table.loc[0, "BRAG"] = "Green"
    table.loc[1, "Timescale/When"] = "June 2025"
    result = run_import(
        KIND, write(table, tmp_path / "reading.csv"), writable_db, actor=Actor("Board secretary", "editor")
    )
    assert (result.added, result.updated, result.unchanged) == (0, 2, 34)
    assert fetch(writable_db, "SELECT count(*) FROM improvement_actions WHERE plan = 'reading-2024-12'") == [(36,)]
    assert fetch(
        writable_db, "SELECT brag FROM action_current_status WHERE plan = 'reading-2024-12' AND ref = 'P1.1'"
    ) == [("Green",)]
    history = fetch(
        writable_db,
        "SELECT a.ref, e.field, e.old_value, e.new_value, e.edited_by FROM action_edits e "
        "JOIN improvement_actions a USING (action_id) ORDER BY e.edit_id",
    )
    assert history == [
        ("P1.1", "status", None, "Green", "Board secretary"),
        ("P1.2", "due_text", "March 2025", "June 2025", "Board secretary"),
        ("P1.2", "due_date", "2025-03-31", "2025-06-30", "Board secretary"),
    ]


def test_a_new_plan_for_an_area_without_one_is_created_once(writable_db, tmp_path):
    table = pd.DataFrame(
        {
            "Area": ["Buckinghamshire YOS"] * 3,
            "Theme": ["Governance", "", "Practice"],
            "Action": ["Refresh the board", "Induct new members", "Audit plans"],
            "Timescale": ["March 2025", "Jan 24", ""],
            "RAG": ["G", "Completed", "Planned for April 24"],
        }
    )
    path = write(table, tmp_path / "bucks.csv")
    first = run_import(KIND, path, writable_db)
    assert (first.added, first.unchanged) == (3, 0)
    again = run_import(KIND, path, writable_db)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    rows = fetch(
        writable_db,
        "SELECT ref, theme, due_date::VARCHAR, brag, status_text FROM action_current_status a "
        "JOIN improvement_plans p USING (plan) WHERE p.area = 'Buckinghamshire' ORDER BY ref",
    )
    assert rows == [
        ("1", "Governance", "2025-03-31", "Green", "G"),
        ("2", "Governance", "2024-01-31", "Blue", "Completed"),  # a blank theme carries the one above
        ("3", "Practice", None, None, "Planned for April 24"),
    ]  # unclear words: kept, not assessed


def test_a_completion_column_reads_a_month_by_the_status_date(writable_db, tmp_path):
    table = pd.DataFrame(
        {
            "Area": ["Buckinghamshire"] * 5,
            "Action": ["Refresh the board", "Induct members", "Audit plans", "Train staff", "Review panels"],
            "Completed": ["Oct 2023", "Sept 2024", "Ongoing", "Y", "Planned for April 24"],
            "Status date": ["2024-03-28"] * 5,
        }
    )
    result = run_import(KIND, write(table, tmp_path / "bucks.csv"), writable_db)
    assert result.added == 5
    rows = fetch(
        writable_db,
        "SELECT a.action, brag, status_text, read_from, due_text, due_date::VARCHAR, status_date::VARCHAR "
        "FROM action_current_status a JOIN improvement_plans p USING (plan) WHERE p.area = 'Buckinghamshire' "
        "ORDER BY a.ref",
    )
    assert rows == [
        ("Refresh the board", "Blue", "Oct 2023", "completion month", None, None, "2024-03-28"),
        ("Induct members", None, "Sept 2024", None, "Sept 2024", "2024-09-30", "2024-03-28"),  # the planned month
        ("Audit plans", None, "Ongoing", None, None, None, "2024-03-28"),
        ("Train staff", "Blue", "Y", None, None, None, "2024-03-28"),
        ("Review panels", None, "Planned for April 24", None, None, None, "2024-03-28"),
    ]


def test_a_status_column_wins_over_a_completion_column_and_bad_words_name_their_column(writable_db, tmp_path):
    table = pd.DataFrame(
        {
            "Area": ["Reading", "Reading"],
            "Ref": ["N1", "N2"],
            "Action": ["One", "Two"],
            "BRAG": ["Amber", ""],
            "Completed Y/N": ["Jan 24", "Yellow"],
        }
    )
    with pytest.raises(ImportFailed) as failed:
        run_import(KIND, write(table, tmp_path / "both.csv"), writable_db)
    assert [(p.line, p.column) for p in failed.value.problems] == [(3, "completed y/n")]
    result = run_import(KIND, write(table.iloc[:1], tmp_path / "one.csv"), writable_db)
    assert result.added == 1
    assert fetch(writable_db, "SELECT brag, status_text, read_from FROM action_current_status WHERE ref = 'N1'") == [
        ("Amber", "Amber", None)
    ]


def bad_rows():
    return pd.DataFrame(
        {
            "Area": ["Reading", "Atlantis", "Reading", "Reading", "Reading"],
            "Ref": ["X1", "X2", "X3", "X4", "X1"],
            "Action": ["One", "Two", "Three", "Four", "Five"],
            "Timescale/When": ["March 2025", "March 2025", "Soonish", "", ""],
            "BRAG": ["Green", "", "", "Yellow", ""],
        }
    )


def test_every_bad_line_is_reported_and_nothing_is_written(writable_db, tmp_path):
    before = data_fingerprint(writable_db)
    with pytest.raises(ImportFailed) as failed:
        run_import(KIND, write(bad_rows(), tmp_path / "bad.csv"), writable_db)
    problems = {(p.line, p.column): p.reason for p in failed.value.problems}
    assert "unknown area 'Atlantis'" in problems[(3, "area")]
    assert "'Soonish' is not a date" in problems[(4, "timescale/when")]
    assert "not in the BRAG scheme" in problems[(5, "brag")]
    assert problems[(6, "ref")] == "same action id as line 2"
    assert data_fingerprint(writable_db) == before  # the failure is audited; no data changes


def test_an_empty_file_is_refused(writable_db, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(ImportFailed, match="problem"):
        run_import(KIND, empty, writable_db)
    header_only = tmp_path / "header.csv"
    header_only.write_text("Area,Action\n")
    with pytest.raises(ImportFailed) as failed:
        run_import(KIND, header_only, writable_db)
    assert "no data rows" in str(failed.value.problems[0])


def test_merged_header_cells_are_refused(writable_db, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Area", "Action/What", None, "BRAG"])
    sheet.merge_cells("B1:C1")
    sheet.append(["Reading", "Do it", "Why", "Green"])
    path = tmp_path / "merged.xlsx"
    book.save(path)
    with pytest.raises(ImportFailed) as failed:
        run_import(KIND, path, writable_db)
    assert "merged header cells" in str(failed.value.problems[0])


def test_an_unknown_heading_is_named(writable_db, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Area,Action,Colour\nReading,Do it,Green\n")
    with pytest.raises(ImportFailed) as failed:
        run_import(KIND, path, writable_db)
    assert [(p.column, "unknown heading" in p.reason) for p in failed.value.problems] == [("colour", True)]


def test_without_permission_nothing_is_imported(writable_db, tmp_path):
    from tests.support.dbcheck import data_fingerprint
    from yjs.domain.roles import PermissionDenied

    before = data_fingerprint(writable_db)
    with pytest.raises(PermissionDenied):
        run_import(KIND, write(reading_table(), tmp_path / "r.csv"), writable_db, actor=Actor("visitor", "viewer"))
    assert data_fingerprint(writable_db) == before


def test_a_persons_mapping_travels_with_the_import_and_the_file_is_never_rewritten(writable_db, tmp_path):
    table = pd.DataFrame(
        {"Service": ["Reading"], "Deliverable": ["Publish the plan"], "Notes": ["n/a"], "Target": ["May 2025"]}
    )
    for suffix in (".csv", ".xlsx"):
        original = write(table, tmp_path / f"board{suffix}")
        content = original.read_bytes()
        with pytest.raises(ImportFailed):
            run_import(KIND, original, writable_db, dry_run=True)
        chosen = Choices(headings={"Deliverable": "action", "Notes": None, "Target": "due"})
        result = run_import(KIND, original, writable_db, dry_run=True, choices=chosen)
        assert (result.rows, result.added) == (1, 1)
        assert original.read_bytes() == content
