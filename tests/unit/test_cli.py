"""The command line: exit codes, the one-line summary, every problem listed, --help everywhere."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.dbcheck import data_fingerprint

ROOT = Path(__file__).resolve().parents[2]


def cli(*args, db=None):
    env = {**os.environ, "YJS_DB": str(db)} if db else dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "yjs", *map(str, args)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["build"],
        ["import"],
        ["import", "inspections"],
        ["import", "areas"],
        ["restore"],
        ["boardpack"],
        ["loadtest"],
    ],
)
def test_every_command_has_help(command):
    result = cli(*command, "--help")
    assert result.returncode == 0 and "usage:" in result.stdout


def test_usage_errors_exit_2():
    assert cli("import", "spreadsheets", "x.csv").returncode == 2
    assert cli("build", "--cohort-size", "-3").returncode == 2


def test_build_into_a_new_file_with_progress(tmp_path):
    db = tmp_path / "built.duckdb"
    result = cli("build", "--db", db, "--cohort-size", "500")
    assert result.returncode == 0, result.stderr
    assert "100%" in result.stderr  # the progress bar ran to the end
    assert result.stdout.startswith(f"Built {db}")
    assert db.exists() and not list(tmp_path.glob(".*tmp*"))


def test_import_success_prints_one_summary_line(writable_db, tmp_path):
    path = tmp_path / "new.csv"
    path.write_text("area,published,overall_rating\nEaling,2024-06-01,Good\n")
    result = cli("import", "inspections", path, "--db", writable_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "new.csv: 1 inspections rows valid; 1 added, 0 updated, 0 unchanged"


def test_import_failure_lists_every_problem_and_exits_1(writable_db, tmp_path):
    before = data_fingerprint(writable_db)
    path = tmp_path / "bad.csv"
    path.write_text("area,published,score\nEaling,2024-06-01,99\nAtlantis,2024-06-01,\n")
    result = cli("import", "inspections", path, db=writable_db)  # the database found through YJS_DB
    assert result.returncode == 1
    assert "bad.csv: 2 problem(s); nothing was written." in result.stderr
    assert "  line 2, column score: 99 is not a whole number from 0 to 36" in result.stderr
    assert "  line 3, column area: unknown area 'Atlantis'" in result.stderr
    assert data_fingerprint(writable_db) == before


def test_import_into_a_missing_database_explains_the_fix(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("area,published\nEaling,2024-06-01\n")
    result = cli("import", "inspections", path, "--db", tmp_path / "missing.duckdb")
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "python -m yjs build" in result.stderr


def test_boardpack_writes_a_pdf_with_progress_and_says_what_is_missing(real_db, tmp_path):
    out = tmp_path / "ealing.pdf"
    result = cli("boardpack", "--area", "Ealing", "--date", "2024-05-01", "--out", out, "--db", real_db)
    assert result.returncode == 0, result.stderr
    assert "100%" in result.stderr and out.read_bytes().startswith(b"%PDF")
    assert result.stdout.startswith(f"Wrote {out}") and "meeting of 1 May 2024" in result.stdout
    assert "Incomplete: Indicator scorecard, Disproportionality by ethnicity" in result.stdout


def test_boardpack_bad_input_is_a_clear_error(real_db, tmp_path):
    unknown = cli(
        "boardpack", "--area", "Atlantis", "--date", "2024-05-01", "--out", tmp_path / "x.pdf", "--db", real_db
    )
    assert (
        unknown.returncode == 1 and "No area called 'Atlantis'" in unknown.stderr and "Traceback" not in unknown.stderr
    )
    assert cli("boardpack", "--area", "Ealing", "--date", "2024-05-01", "--out", tmp_path / "x.docx").returncode == 2
    assert cli("boardpack", "--area", "Ealing", "--date", "1 May", "--out", tmp_path / "x.pdf").returncode == 2
    assert not list(tmp_path.iterdir())
