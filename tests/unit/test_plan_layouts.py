"""Plans from any layout: headings matched on their words, title rows, merged cells, sheets, progress
commentary and the command line's --area, --map, --mapping, --sheet and --dry-run."""

import pytest
from openpyxl import Workbook

from tests.support.dbcheck import data_fingerprint, fetch
from tests.support.plan_files import ACTIONS, HEADINGS, council_plan, expected_actions
from tests.unit.test_cli import cli
from yjs.domain.roles import Actor
from yjs.importers import KINDS, Choices, ImportFailed, run_import
from yjs.importers.action_columns import match_heading, parse_choice, plan_columns
from yjs.store.mappings import MappingError, save_mapping

KIND = KINDS["actions"]


@pytest.mark.parametrize(
    "heading, field",
    [
        ("Ref No", "ref"),
        ("No.", "ref"),
        ("Area requiring improvement (Recommendations)", "theme"),
        ("Action Required", "action"),
        ("Actions to be taken", "action"),
        ("Planned Completion Date", "due"),
        ("Target date", "due"),
        ("Deadline", "due"),
        ("Lead Officer", "lead"),
        ("Responsible officer", "lead"),
        ("Owner", "lead"),
        ("Action Owner(s)", "lead"),
        ("Agency", "agency"),
        ("Partner", "agency"),
        ("RAG", "status"),
        ("RAG rating", "status"),
        ("Progress", "progress"),
        ("Update", "progress"),
        ("Commentary", "progress"),
        ("Progress against agreed action and impact monitoring", "progress"),
        ("Evidence of impact", "evidence"),
        ("Completed", "completed"),
        ("Completed Y/N (RAG)", "completed"),  # words in brackets count only when the rest says nothing
        ("What did HMIP find/Why", "finding"),
        ("Quality Assurance/Know", "evidence"),
        ("Priority area", "theme"),
        ("Board sponsor", "board_sponsor"),
        ("Status date", "status_date"),
    ],
)
def test_headings_map_on_their_words(heading, field):
    assert match_heading(heading).field == field


def test_a_heading_that_could_mean_two_fields_names_both_and_maps_to_neither():
    column = match_heading("Lead / Partner")
    assert (column.field, column.how, column.candidates) == (None, "ambiguous", ("lead", "agency"))
    assert match_heading("Risk register").how == "unknown"


def test_a_persons_choice_overrides_the_words_and_leaves_columns_out():
    chosen = plan_columns(["lead / partner", "notes", "action"], {"Lead / Partner": "agency", "NOTES": None})
    assert [(c.field, c.how) for c in chosen] == [("agency", "chosen"), (None, "left out"), ("action", "automatic")]
    assert parse_choice("Lead / Partner=agency") == ("Lead / Partner", "agency")
    assert parse_choice("Notes=-") == ("Notes", None)
    with pytest.raises(ValueError, match="not a field"):
        parse_choice("Notes=colour")


def plan_rows(db, plan="ealing-2023-08"):
    return fetch(
        db,
        "SELECT a.ref, a.theme, a.action, a.lead, a.agency, a.due_date::VARCHAR, a.brag, a.status_text "
        "FROM action_current_status a WHERE a.plan = ? AND a.ref LIKE '_._' ORDER BY a.action_id",
        plan,
    )


def test_a_council_plan_in_a_new_layout_imports_with_the_area_alone_and_again_adds_nothing(writable_db, tmp_path):
    """Done-when: title block, merged theme cells, two sheets, no area column; every action, status,
    due date, lead and progress note lands, and a re-import adds nothing."""
    path = council_plan(tmp_path / "plan.xlsx")
    result = cli("import", "actions", path, "--area", "Ealing YJS", db=writable_db)
    assert result.returncode == 0, result.stderr
    assert f"{ACTIONS} actions rows valid; {ACTIONS} added" in result.stdout
    assert "headings read from row 4 of sheet 'Governance', row 4 of sheet 'Practice'" in result.stdout
    assert "not read: 'Read me'" in result.stdout
    rows = plan_rows(writable_db)
    expected = expected_actions()
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [e[:5] for e in expected]
    assert [r[5] for r in rows] == ["2025-03-31", "2025-06-30", "2024-12-31", "2025-09-30", "2025-01-31"]
    assert [(r[6], r[7]) for r in rows] == [
        ("Green", "G"),
        ("Amber", "A"),
        ("Blue", "Completed"),
        ("Red", "R"),
        ("Green", "G"),
    ]
    notes = fetch(
        writable_db,
        "SELECT a.ref, u.note, u.brag FROM action_status_updates u JOIN improvement_actions a USING (action_id) "
        "WHERE a.plan = 'ealing-2023-08' AND a.ref LIKE '_._' ORDER BY a.action_id",
    )
    assert [(ref, note) for ref, note, _ in notes] == [(e[0], e[5]) for e in expected]
    before = data_fingerprint(writable_db)
    again = cli("import", "actions", path, "--area", "Ealing", db=writable_db)
    assert f"0 added, 0 updated, {ACTIONS} unchanged" in again.stdout, again.stderr
    assert data_fingerprint(writable_db) == before


def test_new_progress_commentary_adds_to_the_history_and_keeps_the_status(writable_db, tmp_path):
    run_import(KIND, council_plan(tmp_path / "march.xlsx"), writable_db, choices=Choices(area="Ealing"))
    later = council_plan(tmp_path / "june.xlsx", progress_suffix=" June: on course.")
    result = run_import(
        KIND, later, writable_db, choices=Choices(area="Ealing"), actor=Actor("Board secretary", "editor")
    )
    assert (result.added, result.updated, result.unchanged) == (0, ACTIONS, 0)
    history = fetch(
        writable_db,
        "SELECT u.brag, u.note FROM action_status_updates u JOIN improvement_actions a USING (action_id) "
        "WHERE a.plan = 'ealing-2023-08' AND a.ref = '1.1' ORDER BY u.recorded_at",
    )
    first_note = expected_actions()[0][5]
    assert history == [("Green", first_note), ("Green", first_note + " June: on course.")]  # status carried forward
    edits = fetch(
        writable_db,
        "SELECT e.field, e.old_value, e.edited_by FROM action_edits e JOIN improvement_actions a USING (action_id) "
        "WHERE a.ref = '1.1' AND a.plan = 'ealing-2023-08' AND e.edited_by = 'Board secretary'",
    )
    assert edits == [("progress_note", first_note, "Board secretary")]


def test_the_dry_run_prints_the_mapping_heading_by_heading_and_writes_nothing(writable_db, tmp_path):
    path = council_plan(tmp_path / "plan.xlsx")
    before = writable_db.read_bytes()
    result = cli("import", "actions", path, "--area", "Ealing", "--dry-run", db=writable_db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Headings read from row 4 of sheet 'Governance', row 4 of sheet 'Practice':"
    mapped = dict(line.strip().split("  ->  ") for line in lines[1:] if "  ->  " in line)
    assert {heading.strip(): field for heading, field in mapped.items()} == {
        **dict(
            zip(
                HEADINGS,
                ["ref", "theme", "action", "due", "lead", "agency", "progress", "status"],
                strict=True,
            )
        ),
        "(--area)": "area: Ealing",
    }
    assert "(dry run: nothing written)" in result.stdout
    assert writable_db.read_bytes() == before


def test_without_an_area_or_with_an_ambiguous_heading_the_command_line_says_what_to_do(writable_db, tmp_path):
    path = council_plan(tmp_path / "plan.xlsx")
    result = cli("import", "actions", path, db=writable_db)
    assert result.returncode == 1
    assert (
        "line 4 (sheet Governance), column area: no column gives the area" in result.stderr
        and "--area" in result.stderr
    )
    csv = tmp_path / "ambiguous.csv"
    csv.write_text("Action,Lead / Partner\nAudit the plans,Police\n")
    result = cli("import", "actions", csv, "--area", "Reading", db=writable_db)
    assert result.returncode == 1
    assert "column lead / partner: this heading could mean lead or agency" in result.stderr
    result = cli("import", "actions", csv, "--area", "Reading", "--map", "Lead / Partner=agency", db=writable_db)
    assert result.returncode == 0, result.stderr
    assert fetch(writable_db, "SELECT agency FROM improvement_actions WHERE action = 'Audit the plans'") == [
        ("Police",)
    ]


def test_unknown_columns_are_mapped_or_left_out_on_the_command_line(writable_db, tmp_path):
    csv = tmp_path / "plan.csv"
    csv.write_text("Deliverable,Risk register,Due\nPublish the plan,Low,May 2025\n")
    assert (
        "column risk register: unknown heading"
        in cli("import", "actions", csv, "--area", "Reading", db=writable_db).stderr
    )
    result = cli(
        "import",
        "actions",
        csv,
        "--area",
        "Reading",
        "--map",
        "Deliverable=action",
        "--map",
        "Risk register=-",
        db=writable_db,
    )
    assert result.returncode == 0, result.stderr
    assert fetch(
        writable_db, "SELECT due_date::VARCHAR FROM improvement_actions WHERE action = 'Publish the plan'"
    ) == [("2025-05-31",)]
    assert cli("import", "actions", csv, "--map", "Deliverable", db=writable_db).returncode == 2  # not Heading=field


def test_a_saved_mapping_is_reused_with_mapping_name(writable_db, tmp_path):
    csv = tmp_path / "plan.csv"
    csv.write_text("Deliverable,Risk register\nPublish the plan,Low\n")
    save_mapping(
        writable_db,
        "Our template",
        "actions",
        {"Deliverable": "action", "Risk register": None},
        Actor("lead", "editor"),
    )
    assert fetch(
        writable_db, "SELECT heading, field FROM column_mappings WHERE name = 'Our template' ORDER BY heading"
    ) == [
        ("deliverable", "action"),
        ("risk register", None),
    ]
    result = cli("import", "actions", csv, "--area", "Reading", "--mapping", "Our template", db=writable_db)
    assert result.returncode == 0, result.stderr
    missing = cli("import", "actions", csv, "--area", "Reading", "--mapping", "Theirs", db=writable_db)
    assert missing.returncode == 1 and "no saved mapping named 'Theirs' (saved: Our template)" in missing.stderr
    with pytest.raises(MappingError, match="name"):
        save_mapping(writable_db, "  ", "actions", {"Deliverable": "action"})


def sheet_per_theme(path, refs=("1", "2")):
    """A workbook with one sheet per theme, no theme column, refs restarting on each sheet."""
    book = Workbook()
    book.remove(book.active)
    for theme in ("Governance", "Practice"):
        sheet = book.create_sheet(theme)
        sheet.append(["No.", "Actions to be taken", "Owner", "Deadline", "RAG rating"])
        for ref in refs:
            sheet.append([ref, f"{theme} action {ref}", "Head of Service", "March 2026", "G"])
    book.save(path)
    return path


def test_each_sheets_name_is_the_theme_and_restarting_refs_are_told_apart(writable_db, tmp_path):
    result = run_import(KIND, sheet_per_theme(tmp_path / "themes.xlsx"), writable_db, choices=Choices(area="Reading"))
    assert result.added == 4
    assert "each sheet's name is the theme of its actions" in result.summary()
    assert "prefixed with its sheet's name" in result.summary()
    assert fetch(
        writable_db, "SELECT ref, theme FROM improvement_actions WHERE action LIKE '% action _' ORDER BY action_id"
    ) == [
        ("Governance 1", "Governance"),
        ("Governance 2", "Governance"),
        ("Practice 1", "Practice"),
        ("Practice 2", "Practice"),
    ]
    again = run_import(KIND, tmp_path / "themes.xlsx", writable_db, choices=Choices(area="Reading"))
    assert (again.added, again.unchanged) == (0, 4)


def test_one_sheet_is_picked_by_name_and_a_wrong_name_lists_the_sheets(writable_db, tmp_path):
    path = sheet_per_theme(tmp_path / "themes.xlsx", refs=("P1", "P2"))
    result = run_import(KIND, path, writable_db, dry_run=True, choices=Choices(area="Reading", sheet="practice"))
    assert (result.rows, result.added) == (2, 2)
    with pytest.raises(ImportFailed) as failed:
        run_import(KIND, path, writable_db, dry_run=True, choices=Choices(area="Reading", sheet="Finance"))
    assert "no sheet named 'Finance' (its sheets: 'Governance', 'Practice')" in str(failed.value.problems[0])


def test_sheets_headed_differently_are_not_read_together(writable_db, tmp_path):
    book = Workbook()
    first = book.active
    first.title = "Plan"
    first.append(["Action", "Owner"])
    first.append(["Do one thing", "Head of Service"])
    second = book.create_sheet("Old plan")
    second.append(["Action", "Deadline"])
    second.append(["Do another", "May 2025"])
    book.save(tmp_path / "mixed.xlsx")
    with pytest.raises(ImportFailed) as failed:
        run_import(KIND, tmp_path / "mixed.xlsx", writable_db, dry_run=True, choices=Choices(area="Reading"))
    problem = failed.value.problems[0]
    assert problem.sheet == "Old plan" and "headed differently from sheet 'Plan'" in problem.reason


def test_title_rows_above_the_headings_of_a_csv_are_skipped_and_said(writable_db, tmp_path):
    path = tmp_path / "titled.csv"
    path.write_text(
        "Reading YJS HMIP Improvement Plan,,\nUpdated March 2025,,\nArea,Action/What,BRAG\nReading,Do it,Green\n"
    )
    result = run_import(KIND, path, writable_db, dry_run=True)
    assert (result.rows, result.added) == (1, 1)
    assert "headings read from line 3" in result.summary()
    bad = tmp_path / "bad.csv"
    bad.write_text("Reading YJS HMIP Improvement Plan,,\nArea,Action/What,BRAG\nAtlantis,Do it,Yellow\n")
    with pytest.raises(ImportFailed) as failed:
        run_import(KIND, bad, writable_db, dry_run=True)
    assert {(p.line, p.column) for p in failed.value.problems} == {(3, "area"), (3, "brag")}  # the file's own lines


def test_a_completed_column_is_read_by_the_completion_rule(writable_db, tmp_path):
    # Words in a completion column read as status words; a month there is a completion
    # (brag.status_from_completion_cell).
    path = tmp_path / "done.csv"
    path.write_text(
        "Action,Completed,RAG\nRefresh the board,Completed Nov,\nAudit plans,In progress,\nTrain staff,Yes,Amber\n"
    )
    run_import(KIND, path, writable_db, choices=Choices(area="Buckinghamshire"))
    assert fetch(
        writable_db,
        "SELECT action, brag, status_text FROM action_current_status "
        "WHERE action IN ('Refresh the board', 'Audit plans', 'Train staff') ORDER BY action",
    ) == [
        ("Audit plans", None, "In progress"),
        ("Refresh the board", "Blue", "Completed Nov"),
        ("Train staff", "Amber", "Amber"),
    ]


def test_a_mapped_heading_missing_from_the_file_is_named(writable_db, tmp_path):
    csv = tmp_path / "plan.csv"
    csv.write_text("Action,Owner\nPublish the plan,Head of Service\n")
    result = cli("import", "actions", csv, "--area", "Reading", "--map", "Ownr=lead", db=writable_db)
    assert result.returncode == 1 and "column Ownr: no column has this heading" in result.stderr
