"""Faults of the database file: the app says what happened and how to fix it, and recovers on the
next click once it is fixed, without a restart."""

import errno
import shutil
import subprocess
import sys
import textwrap

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.support.apptest import ROOT
from tests.support.dbcheck import data_fingerprint
from yjs.importers import KINDS, run_import
from yjs.store import atomic as store
from yjs.store import backups


def start(db_path, use_db) -> AppTest:
    use_db(db_path)
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


def shows_fault(at, problem: str, fix: str) -> None:
    assert not at.exception, at.exception
    assert problem in at.error[0].value, at.error[0].value
    assert at.code[0].value.startswith(fix)
    assert at.button(key="check_database_again").label == "Check again"
    assert not at.dataframe, "no figures from a database that cannot be read"


def recovered(at) -> None:
    at.button(key="check_database_again").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.title[0].value == "National picture of HMIP inspections"
    assert {m.label: m.value for m in at.metric}["Areas inspected"] == "90"


def overwrite_header(path):
    with open(path, "r+b") as handle:  # a disk fault: the header overwritten
        handle.write(b"\xde\xad\xbe\xef" * 2048)


def replace_with_empty_duckdb(path):
    path.unlink()
    duckdb.connect(str(path)).close()


@pytest.mark.parametrize(
    "damage, problem",
    [
        (lambda path: path.unlink(), "The database file does not exist"),
        (overwrite_header, "could not be opened"),
        (replace_with_empty_duckdb, "not a YJS Insight database"),
    ],
    ids=["missing", "corrupt", "foreign"],
)
def test_a_broken_file_is_explained_then_the_app_recovers_once_it_is_replaced(
    real_db, use_db, tmp_path, damage, problem
):
    path = tmp_path / "yjs.duckdb"
    shutil.copyfile(real_db, path)
    damage(path)
    at = start(path, use_db)
    shows_fault(at, problem, "python -m yjs build")
    path.unlink(missing_ok=True)
    shutil.copyfile(real_db, path)  # rebuilt, or restored from a backup
    recovered(at)


def test_unreadable_then_permission_restored(real_db, use_db, tmp_path, monkeypatch):
    import os

    path = tmp_path / "yjs.duckdb"
    shutil.copyfile(real_db, path)
    readable = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if str(p) == str(path) else readable(p, mode, **kw))
    at = start(path, use_db)  # (the tests run as root, whom chmod cannot lock out, hence the stand-in)
    shows_fault(at, "cannot be read", f"chmod u+r {path}")
    monkeypatch.setattr(os, "access", readable)
    recovered(at)


def test_locked_by_another_program_then_released(real_db, use_db, tmp_path):
    path = tmp_path / "yjs.duckdb"
    shutil.copyfile(real_db, path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import duckdb, sys
        con = duckdb.connect({str(path)!r})   # another program holding the file open for writing
        print("locked", flush=True)
        sys.stdin.read()
    """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        at = start(path, use_db)
        assert "locked by another program" in at.error[0].value
        assert "close that program" in at.code[0].value
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    recovered(at)


@pytest.mark.parametrize(
    "code, words",
    [(errno.EROFS, "read-only file system"), (errno.ENOSPC, "full disk"), (errno.EACCES, "may not be written")],
)
def test_an_import_into_a_folder_it_cannot_write_says_why_and_changes_nothing(
    writable_db, tmp_path, monkeypatch, code, words
):
    before = data_fingerprint(writable_db)

    def refuse(source, target):
        raise OSError(code, "refused")

    monkeypatch.setattr(backups, "copy_with_wal", refuse)
    path = tmp_path / "new.csv"
    path.write_text("area,published,overall_rating\nEaling,2024-06-01,Good\n")
    with pytest.raises(store.StoreError, match=words) as failure:
        run_import(KINDS["inspections"], path, writable_db)
    assert "make that folder writable" in str(failure.value)
    assert data_fingerprint(writable_db) == before
    assert not list(writable_db.parent.glob(".*.tmp*"))
