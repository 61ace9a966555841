"""The user's own measures and plans on the pages: a local indicator on Benchmarking and the Scorecard,
a plan in its own layout through the Load data page's mapping step, progress on the plan and profile."""

import pandas as pd

from tests.support import local_indicator as local
from tests.support.apptest import open_expanders, open_page, shown
from tests.support.dbcheck import fetch
from tests.support.plan_files import ACTIONS, council_plan, expected_actions
from yjs.importers import KINDS, Choices, isolated, run_import

LOCAL = f"{local.NAME} (local)"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_a_local_indicator_is_benchmarked_marked_local_and_listed_on_the_scorecard(writable_db, use_db, tmp_path):
    local.load_local_indicator(writable_db, tmp_path)
    use_db(writable_db)
    at = open_page("pages/benchmarking.py", {"area": "Stockport"}, indicator=LOCAL)
    shown = metrics(at)
    assert shown["Latest (2023-24)"] == "32.0"
    assert shown["Rank in North West"] == "3 of 5" and shown["Rank among all areas"] == "7 of 10"
    assert shown["Quartile band"] == "C"
    text = " ".join(m.value for m in at.markdown)
    assert "Band: A–D across all services (10 with a value for 2023-24); rank: within its region (North West)." in text
    assert "▲ improving" in text and "(from 33.3 in 2022-23)" in text
    assert any("**Local indicator**" in c.value and "our own series" in c.value for c in at.caption)
    ranked = next(f.value for f in at.dataframe if "rank" in f.value.columns)
    assert ranked.set_index("area").loc["▶ Stockport", "band"] == "C"
    assert ranked.set_index("area").loc["Trafford", ("rank", "band")].tolist() == [1, "A"]
    at = open_page("pages/scorecard.py", {"area": "Stockport"})
    card = at.dataframe[0].value.set_index("indicator")
    assert card.loc[LOCAL, ["band", "rank", "direction"]].tolist() == ["C", "3 of 5", "▲ improving"]
    assert any("**(local)**" in c.value and "our own series" in c.value for c in at.caption)


def selectbox(at, label):
    return next(box for box in at.selectbox if box.label == label)


def test_a_council_plan_maps_on_the_load_data_page_asks_for_the_area_and_imports(writable_db, use_db, tmp_path):
    use_db(writable_db)
    at = open_page("pages/load.py", {}, kind="actions")
    at.file_uploader[0].upload("plan.xlsx", council_plan(tmp_path / "plan.xlsx").read_bytes()).run()
    assert any(
        "Headings read from row 4 of sheet 'Governance', row 4 of sheet 'Practice'" in c.value for c in at.caption
    )
    assert selectbox(at, "“Progress against agreed action and impact monitoring”").value == "progress"
    assert selectbox(at, "“Area requiring improvement (Recommendations)”").value == "theme"
    assert any("Choose the area of this plan" in i.value for i in at.info)
    assert not any(b.label.startswith("Import") for b in at.button)
    selectbox(at, "Area of this plan (the file has no area column)").set_value("Ealing").run()
    assert f"{ACTIONS} actions rows valid; {ACTIONS} added" in shown(at.info[0].value)
    next(b for b in at.button if b.label == f"Import {ACTIONS} rows").click().run()
    assert "Imported." in at.success[0].value
    assert fetch(
        writable_db, "SELECT count(*) FROM improvement_actions WHERE plan = 'ealing-2023-08' AND ref LIKE '_._'"
    ) == [(ACTIONS,)]


def test_an_ambiguous_heading_is_asked_and_the_mapping_is_saved_for_next_time(writable_db, use_db):
    use_db(writable_db)
    at = open_page("pages/load.py", {}, kind="actions")
    at.file_uploader[0].upload(
        "plan.csv", b"Area,Action,Lead / Partner,Risk\nReading,Audit the plans,Police,Low\n"
    ).run()
    assert any("Could mean lead or agency: choose one." in w.value for w in at.warning)
    assert "could mean lead or agency" in at.dataframe[0].value.iloc[0]["Problem"]
    selectbox(at, "“Lead / Partner”").set_value("agency")
    selectbox(at, "“Risk”").set_value("(leave this column out)").run()
    assert "1 actions rows valid; 1 added" in shown(at.info[0].value)
    at.text_input(key="mapping_name").input("Police template")
    next(b for b in at.button if b.label == "Save mapping").click().run()
    assert "Saved “Police template”" in at.success[0].value
    assert fetch(
        writable_db, "SELECT heading, field FROM column_mappings WHERE name = 'Police template' ORDER BY 1"
    ) == [
        ("lead / partner", "agency"),
        ("risk", None),
    ]
    at = open_page("pages/load.py", {}, kind="actions")
    at.file_uploader[0].upload(
        "plan.csv", b"Area,Action,Lead / Partner,Risk\nReading,Audit the plans,Police,Low\n"
    ).run()
    selectbox(at, "Start from a saved mapping").set_value("Police template").run()
    assert selectbox(at, "“Lead / Partner”").value == "agency"
    assert "1 actions rows valid" in shown(at.info[0].value)


def test_changing_a_local_indicators_unit_needs_the_box_ticked(writable_db, use_db, tmp_path):
    local.load_local_indicator(writable_db, tmp_path)
    use_db(writable_db)
    changed = local.write_definition(tmp_path / "percent.csv", unit="%").read_bytes()
    at = open_page("pages/load.py", {}, kind="indicator-definitions")
    at.file_uploader[0].upload("percent.csv", changed).run()
    assert "--force" in at.dataframe[0].value.iloc[0]["Problem"]
    at.checkbox[0].check().run()
    assert "changed the unit" in at.info[0].value
    next(b for b in at.button if b.label == "Import 1 rows").click().run()
    assert fetch(writable_db, "SELECT unit FROM indicators WHERE code = ?", local.CODE) == [("%",)]


def test_progress_notes_show_on_the_plan_and_recommendation_progress_on_the_profile(writable_db, use_db, tmp_path):
    run_import(KINDS["actions"], council_plan(tmp_path / "plan.xlsx"), writable_db, choices=Choices(area="Ealing"))
    progress = tmp_path / "progress.csv"
    pd.DataFrame(
        [["Ealing", "", 1, "2024-03-28", "Quality assurance framework relaunched.", "Amber"]],
        columns=["area", "inspection", "recommendation", "date", "progress", "brag"],
    ).to_csv(progress, index=False)
    run_import(KINDS["recommendation-updates"], progress, writable_db)
    use_db(writable_db)
    at = open_expanders(
        open_page("pages/plan.py", plan="Ealing: HMIP Post-Inspection Improvement Plan August 2023"), "theme_"
    )
    notes = {
        note
        for frame in at.dataframe
        if "Latest progress" in frame.value.columns
        for note in frame.value["Latest progress"]
    }
    assert all(any(note.endswith(f": {action[5]}") for note in notes) for action in expected_actions())
    at = open_page("pages/profile.py", {"area": "Ealing"})
    assert any(
        "(Amber: at risk): Quality assurance framework relaunched." in shown(c.value)
        and "source: progress.csv" in shown(c.value)
        for c in at.caption
    )


def test_a_large_cohort_file_is_checked_and_imported_in_a_process_of_its_own(writable_db, use_db, monkeypatch):
    """The page's large files go through yjs/importers/isolated.py: problems, progress and the end message
    as for any file, and the server's process never holds the import's working memory."""
    apart = []
    original = isolated.run_import_apart
    monkeypatch.setattr(isolated, "ISOLATE_FROM_BYTES", 0)
    monkeypatch.setattr(
        isolated, "run_import_apart", lambda *a, **k: apart.append(k.get("dry_run")) or original(*a, **k)
    )
    use_db(writable_db)
    header = "child_id,area,age_at_start,sex,ethnicity,disposal_type,disposal,offence_category,start_date,care_status,"
    header += "send,substance_misuse,mental_health,risk_of_serious_harm,safety_and_wellbeing\n"
    row = "EAL-{n},Ealing,15,Male,{group},Court,Referral order,Robbery,2024-02-01,None,yes,no,no,Medium,Low\n"
    bad = (header + row.format(n=1, group="Black") + row.format(n=2, group="Purple")).encode()
    at = open_page("pages/load.py", {}, kind="cohort")
    at.file_uploader[0].upload("cohort.csv", bad).run()
    assert at.dataframe[0].value.iloc[0][["Line", "Column"]].tolist() == [3, "ethnicity"]
    good = (header + row.format(n=1, group="Black") + row.format(n=2, group="Asian")).encode()
    at.file_uploader[0].upload("cohort.csv", good).run()
    assert "2 cohort rows valid; 2 added" in shown(at.info[0].value)
    next(b for b in at.button if b.label == "Import 2 rows").click().run()
    assert "Imported" in at.success[0].value
    assert apart == [True, True, None]  # two checks (the bad file, the good one), then the import
    assert fetch(writable_db, "SELECT count(*) FROM cohort WHERE child_id IN ('EAL-1', 'EAL-2')") == [(2,)]
