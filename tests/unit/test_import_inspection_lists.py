"""Progress against recommendations, and an inspection report's findings, from a service's own files."""

import shutil

import pandas as pd
import pytest

from tests.support.dbcheck import data_fingerprint, fetch
from yjs.data.db import Database
from yjs.importers import KINDS, ImportFailed, run_import
from yjs.paths import SEED_DIR
from yjs.store.build import build, read_seed

UPDATES, FINDINGS = KINDS["recommendation-updates"], KINDS["findings"]


def write(tmp_path, name, rows, columns):
    path = tmp_path / name
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False)
    return path


UPDATE_COLUMNS = ["area", "inspection", "recommendation", "date", "progress", "brag"]


def latest_progress(db, area="Buckinghamshire"):
    inspection = fetch(db, "SELECT inspection_id FROM latest_inspections WHERE area = ?", area)[0][0]
    frame = Database(db).query("read/ratings/recommendations_of_inspection", inspection_id=inspection)
    return frame.set_index("number")


def test_progress_is_added_by_date_shown_as_the_latest_and_replaced_on_the_same_date(writable_db, tmp_path):
    rows = [
        ["Buckinghamshire YOS", "January 2023", 1, "2024-07-01", "Education audits now every six months.", "Green"],
        ["Buckinghamshire", "2022-09", 2, "01/07/2024", "Re-audit in February showed clear roles in 14 of 15.", ""],
        ["Buckinghamshire", "", 3, "2024-07-01", "Training delivered to all MASH staff.", "blue"],
    ]
    first = run_import(UPDATES, write(tmp_path, "progress.csv", rows, UPDATE_COLUMNS), writable_db)
    assert (first.added, first.updated, first.unchanged) == (3, 0, 0)
    shown = latest_progress(writable_db)
    assert shown.loc[1, "latest_progress"] == "Education audits now every six months."
    assert (shown.loc[1, "progress_brag"], shown.loc[3, "progress_brag"]) == ("Green", "Blue")
    assert str(shown.loc[2, "update_date"])[:10] == "2024-07-01" and pd.isna(shown.loc[2, "progress_brag"])
    seed = read_seed("recommendation_updates").set_index("number")
    assert shown.loc[4, "latest_progress"] == seed.loc["4", "narrative"]  # the seed's January report still stands
    assert fetch(writable_db, "SELECT count(*) FROM recommendation_updates WHERE number = 1") == [(2,)]  # history kept
    again = run_import(UPDATES, tmp_path / "progress.csv", writable_db)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    rows[0][4] = "Education audits now every six months; the next is in September."
    changed = run_import(UPDATES, write(tmp_path, "progress.csv", rows, UPDATE_COLUMNS), writable_db)
    assert (changed.added, changed.updated) == (0, 1)
    assert latest_progress(writable_db).loc[1, "latest_progress"].endswith("the next is in September.")


def test_bad_progress_rows_are_reported_by_line_and_nothing_is_written(writable_db, tmp_path):
    rows = [
        ["Buckinghamshire", "2022-09", 9, "2024-07-01", "x", ""],
        ["Buckinghamshire", "2019-05", 1, "2024-07-01", "x", ""],
        ["Buckinghamshire", "2022-09", 1, "2099-01-01", "x", "Yellow"],
        ["Atlantis", "", 1, "2024-07-01", "x", ""],
        ["Buckinghamshire", "2022-09", 1, "2024-07-01", "", ""],
    ]
    before = data_fingerprint(writable_db)
    with pytest.raises(ImportFailed) as failed:
        run_import(UPDATES, write(tmp_path, "bad.csv", rows, UPDATE_COLUMNS), writable_db)
    problems = {(p.line, p.column): p.reason for p in failed.value.problems}
    assert "no recommendation 9 (its recommendations: 1, 2, 3, 4, 5, 6, 7)" in problems[(2, "recommendation")]
    assert "no inspection published (or inspected) in 2019-05" in problems[(3, "inspection")]
    assert "published Jan 2023 (fieldwork Sep 2022)" in problems[(3, "inspection")]
    assert "in the future" in problems[(4, "date")] and "not a BRAG status" in problems[(4, "brag")]
    assert "unknown area 'Atlantis'" in problems[(5, "area")]
    assert problems[(6, "progress")] == "progress is required"
    assert data_fingerprint(writable_db) == before


def kingston_findings() -> pd.DataFrame:
    seed = read_seed("findings")
    return seed[seed["area"] == "Kingston and Richmond"]


def test_kingston_and_richmonds_lists_load_through_the_findings_import(tmp_path):
    seed_dir = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seed_dir)
    findings = read_seed("findings", seed_dir)
    findings[findings["area"] != "Kingston and Richmond"].to_csv(seed_dir / "findings.csv", index=False)
    db = build(tmp_path / "yjs.duckdb", demo=False, seed_dir=seed_dir)
    lists = kingston_findings().rename(columns={"fieldwork_start": "inspection"})
    lists["inspection"] = "January 2021"  # the report's publication month
    path = tmp_path / "kingston-findings.csv"
    lists[["area", "inspection", "number", "kind", "text", "source"]].to_csv(path, index=False)
    result = run_import(FINDINGS, path, db)
    assert (result.added, result.updated, result.unchanged) == (28, 0, 0)
    stored = fetch(
        db,
        "SELECT number, kind, text FROM findings JOIN inspections USING (inspection_id) "
        "WHERE area = 'Kingston and Richmond' ORDER BY number",
    )
    expected = kingston_findings()
    assert stored == list(zip(expected["number"].astype(int), expected["kind"], expected["text"], strict=True))
    counts = dict(
        fetch(
            db,
            "SELECT kind, count(*) FROM findings JOIN inspections USING (inspection_id) "
            "WHERE area = 'Kingston and Richmond' GROUP BY kind",
        )
    )
    assert counts == {"strength": 18, "area for improvement": 10}
    again = run_import(FINDINGS, path, db)
    assert (again.added, again.unchanged) == (0, 28)


def test_findings_without_numbers_go_after_the_last_and_are_matched_by_their_words(writable_db, tmp_path):
    rows = [
        ["Ealing", "", "Strengths", "Board members now attend practice observations."],
        ["Ealing", "September 2023", "Area for improvement", "Management oversight is not yet consistent."],
    ]
    path = write(tmp_path, "findings.csv", rows, ["area", "inspection", "kind", "text"])
    result = run_import(FINDINGS, path, writable_db)
    assert result.added == 2
    held = fetch(
        writable_db, "SELECT max(number) FROM findings JOIN inspections USING (inspection_id) WHERE area = 'Ealing'"
    )[0][0]
    assert fetch(
        writable_db,
        "SELECT number, kind FROM findings "
        "WHERE text LIKE 'Board members now%' OR text LIKE 'Management oversight is not%' ORDER BY number",
    ) == [(held - 1, "strength"), (held, "area for improvement")]
    again = run_import(FINDINGS, path, writable_db)
    assert (again.added, again.unchanged) == (0, 2)
    wrong = write(tmp_path, "wrong.csv", [["Ealing", "", "Weakness", "x"]], ["area", "inspection", "kind", "text"])
    with pytest.raises(ImportFailed, match="problem") as failed:
        run_import(FINDINGS, wrong, writable_db)
    assert "'Weakness' is not a kind of finding" in failed.value.problems[0].reason
