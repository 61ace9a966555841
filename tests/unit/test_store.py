"""Atomic writes: a failed write leaves the file untouched; writers queue on a lock."""

import threading

import duckdb
import pytest

from tests.support.dbcheck import data_fingerprint
from yjs.importers import KINDS, run_import
from yjs.importers.inspections import InspectionsKind
from yjs.store import atomic as store


def test_an_error_during_a_write_leaves_the_database_unchanged(writable_db, tmp_path, monkeypatch):
    before = data_fingerprint(writable_db)
    original_write = InspectionsKind.write

    def write_then_fail(self, con, plan):
        original_write(self, con, plan)
        raise RuntimeError("power cut")

    monkeypatch.setattr(InspectionsKind, "write", write_then_fail)
    path = tmp_path / "i.csv"
    path.write_text("area,published,overall_rating\nEaling,2024-05-01,Good\n")
    with pytest.raises(RuntimeError, match="power cut"):
        run_import(KINDS["inspections"], path, writable_db)
    assert data_fingerprint(writable_db) == before
    assert not list(tmp_path.glob(".*.tmp*")), "the private copy must be cleaned up"


def test_a_second_writer_waits_or_is_told_the_database_is_busy(writable_db):
    entered = threading.Event()
    release = threading.Event()

    def hold():
        with store.writer_lock(writable_db):
            entered.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    entered.wait(5)
    try:
        with (
            pytest.raises(store.StoreError, match="another import or build"),
            store.writer_lock(writable_db, wait=False),
        ):
            pass
    finally:
        release.set()
        holder.join()


def test_writable_copy_commits_and_replaces(writable_db):
    with store.writable_copy(writable_db) as con:
        con.execute("INSERT INTO meta VALUES ('note', 'written')")
    con = duckdb.connect(str(writable_db), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'note'").fetchone() == ("written",)
    con.close()


def test_writing_a_missing_database_says_how_to_build_it(tmp_path):
    with pytest.raises(store.StoreError, match="python -m yjs build"), store.writable_copy(tmp_path / "absent.duckdb"):
        pass


def test_two_editors_saving_from_the_same_view_the_first_wins_and_the_second_is_told(writable_db):
    from yjs.data.db import file_signature

    seen_by_both = file_signature(writable_db)
    with store.writable_copy(writable_db, unchanged_since=seen_by_both) as con:
        con.execute("INSERT INTO meta VALUES ('first', 'editor')")
    with (
        pytest.raises(store.Conflict, match="someone else saved a change since you opened this"),
        store.writable_copy(writable_db, unchanged_since=seen_by_both) as con,
    ):
        con.execute("INSERT INTO meta VALUES ('second', 'editor')")
    con = duckdb.connect(str(writable_db), read_only=True)
    assert con.execute("SELECT key FROM meta WHERE value = 'editor'").fetchall() == [("first",)]
    con.close()
