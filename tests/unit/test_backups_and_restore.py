"""Backups before every data write (the last ten kept) and an atomic, audited restore."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.dbcheck import audit_rows, data_fingerprint, fetch
from yjs.domain.roles import Actor, PermissionDenied
from yjs.importers import KINDS, ImportFailed, run_import
from yjs.store import backups
from yjs.store.recovery import restore

ROOT = Path(__file__).resolve().parents[2]
ADMIN = Actor("admin@example.org", "admin")


def inspection_file(tmp_path, published="2024-06-01", name="new.csv") -> Path:
    path = tmp_path / name
    path.write_text(f"area,published,overall_rating\nEaling,{published},Good\n")
    return path


def ealing_inspections(db) -> int:
    return fetch(db, "SELECT count(*) FROM inspections WHERE area = 'Ealing'")[0][0]


def test_an_import_backs_up_the_file_it_replaces(writable_db, tmp_path):
    before = data_fingerprint(writable_db)
    run_import(KINDS["inspections"], inspection_file(tmp_path), writable_db)
    [backup] = backups.listing(writable_db)
    assert backup.path.parent == writable_db.parent / "backups" and backup.reason == "before-import"
    assert data_fingerprint(backup.path) == before != data_fingerprint(writable_db)


def test_a_failed_import_takes_no_backup_so_bad_uploads_cannot_push_good_ones_out(writable_db, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("area,published\nAtlantis,2024-06-01\n")
    with pytest.raises(ImportFailed):
        run_import(KINDS["inspections"], bad, writable_db)
    assert backups.listing(writable_db) == []


def test_only_the_last_ten_backups_are_kept_newest_first(writable_db):
    taken = [backups.take(writable_db, "before-import") for _ in range(12)]
    kept = [backup.path for backup in backups.listing(writable_db)]
    assert kept == taken[::-1][:10]
    assert not any(path.exists() for path in taken[:2])


def test_restore_puts_the_old_data_back_and_backs_up_what_it_replaced(writable_db, tmp_path):
    original = data_fingerprint(writable_db)
    run_import(KINDS["inspections"], inspection_file(tmp_path), writable_db)
    imported = data_fingerprint(writable_db)
    restore(writable_db, "1", ADMIN)
    assert data_fingerprint(writable_db) == original
    newest = backups.listing(writable_db)[0]
    assert newest.reason == "before-restore" and data_fingerprint(newest.path) == imported
    restore(writable_db, newest.path.name, ADMIN)  # and a restore can itself be undone
    assert data_fingerprint(writable_db) == imported


def test_restore_keeps_the_audit_trail_of_what_happened_after_the_backup(writable_db, tmp_path):
    run_import(KINDS["inspections"], inspection_file(tmp_path), writable_db)
    restore(writable_db, "1", ADMIN)
    trail = audit_rows(writable_db)
    assert [(row["event"], row["outcome"]) for row in trail] == [("import", "succeeded"), ("restore", "succeeded")]
    assert trail[1]["actor"] == "admin@example.org" and "1 audit row(s) carried over" in trail[1]["detail"]


def test_only_an_admin_may_restore_and_a_refusal_is_recorded(writable_db, tmp_path):
    run_import(KINDS["inspections"], inspection_file(tmp_path), writable_db)
    after_import = data_fingerprint(writable_db)
    with pytest.raises(PermissionDenied, match="needs the admin role"):
        restore(writable_db, "1", Actor("lead@example.org", "editor"))
    assert data_fingerprint(writable_db) == after_import
    assert audit_rows(writable_db)[-1]["outcome"] == "refused"


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "yjs", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "YJS_DB": ""},
    )


def test_the_restore_command_lists_restores_and_explains_a_wrong_name(writable_db, tmp_path):
    assert "No backups" in cli("restore", "--db", writable_db).stdout
    run_import(KINDS["inspections"], inspection_file(tmp_path), writable_db)
    listing = cli("restore", "--list", "--db", writable_db)
    assert listing.returncode == 0 and "  1  yjs-" in listing.stdout and "before import" in listing.stdout
    wrong = cli("restore", "nonsense", "--db", writable_db)
    assert wrong.returncode == 1 and "no backup named 'nonsense'" in wrong.stderr
    done = cli("restore", "1", "--db", writable_db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Restored {writable_db}") and ealing_inspections(writable_db) == 1


def test_a_damaged_backup_is_refused_and_nothing_changes(writable_db, tmp_path):
    run_import(KINDS["inspections"], inspection_file(tmp_path), writable_db)
    backups.listing(writable_db)[0].path.write_bytes(b"not a database at all" * 100)
    before = data_fingerprint(writable_db)
    result = cli("restore", "1", "--db", writable_db)
    assert result.returncode == 1 and "Nothing was restored" in result.stderr
    assert data_fingerprint(writable_db) == before
