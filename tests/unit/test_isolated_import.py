"""A large file's import in a process of its own (yjs/importers/isolated.py): the same result, problems,
refusals and progress as in the server's process, and a kept rule that a cohort never holds an episode twice."""

import pytest

from tests.support.dbcheck import data_fingerprint, fetch
from tests.unit.test_import_cohort_and_population import COHORT_HEADER, GOOD_ROW, write
from yjs.domain.roles import Actor, PermissionDenied
from yjs.importers import KINDS, ImportFailed, isolated, run_import
from yjs.store.atomic import StoreError

ROWS = [GOOD_ROW.replace("EAL-0001", f"EAL-{n:04d}") for n in range(1, 4)]


@pytest.fixture
def always_apart(monkeypatch):
    monkeypatch.setattr(isolated, "ISOLATE_FROM_BYTES", 0)


def test_a_large_file_is_imported_apart_with_the_same_result_and_progress(writable_db, tmp_path, always_apart):
    path = write(tmp_path, COHORT_HEADER, *ROWS)
    steps = []
    result = isolated.run_import_here_or_apart("cohort", path, writable_db, progress=steps.append)
    assert (result.kind, result.rows, result.added, result.dry_run) == ("cohort", 3, 3, False)
    assert steps == ["reading", "validating", "writing", "done"]
    assert fetch(writable_db, "SELECT count(*) FROM cohort_facts WHERE child_id LIKE 'EAL-000%'") == [(3,)]
    again = isolated.run_import_here_or_apart("cohort", path, writable_db)
    assert (again.added, again.unchanged) == (0, 3)


def test_problems_and_refusals_come_back_as_they_are_raised_in_process(writable_db, tmp_path, always_apart):
    before = data_fingerprint(writable_db)
    bad = write(tmp_path, COHORT_HEADER, ROWS[0], ROWS[1].replace(",Black,", ",Purple,"), name="bad.csv")
    with pytest.raises(ImportFailed) as in_process:
        run_import(KINDS["cohort"], bad, writable_db)
    with pytest.raises(ImportFailed) as apart:
        isolated.run_import_here_or_apart("cohort", bad, writable_db)
    assert [str(p) for p in apart.value.problems] == [str(p) for p in in_process.value.problems]
    assert str(apart.value.problems[0]).startswith("line 3, column ethnicity: unknown value 'Purple'")
    viewer = Actor("viewer@example.org", "viewer")
    with pytest.raises(PermissionDenied, match="editor"):
        isolated.run_import_here_or_apart("cohort", write(tmp_path, COHORT_HEADER, *ROWS), writable_db, actor=viewer)
    assert data_fingerprint(writable_db) == before


def test_a_small_file_is_imported_in_process(writable_db, tmp_path, monkeypatch):
    monkeypatch.setattr(isolated, "run_import_apart", lambda *a, **k: pytest.fail("a small file was sent apart"))
    result = isolated.run_import_here_or_apart("cohort", write(tmp_path, COHORT_HEADER, *ROWS), writable_db)
    assert result.added == 3


def test_a_write_that_would_store_an_episode_twice_is_undone(writable_db, tmp_path, monkeypatch):
    """The cohort table has no key (its index cost the import's memory): the write checks instead."""
    path = write(tmp_path, COHORT_HEADER, *ROWS)
    run_import(KINDS["cohort"], path, writable_db)
    before = data_fingerprint(writable_db)
    changed = write(tmp_path, COHORT_HEADER, ROWS[0].replace(",Medium,", ",High,"), name="changed.csv")
    broken_rule = "read/cohort/checked_cohort_last_line"  # a harmless statement in place of the removal
    original = KINDS["cohort"].write.__globals__["execute"]

    def without_removal(con, name, **params):
        return original(con, broken_rule if name == "write/cohort/remove_reimported_cohort_rows" else name, **params)

    monkeypatch.setitem(KINDS["cohort"].write.__globals__, "execute", without_removal)
    with pytest.raises(StoreError, match="would hold an episode twice"):
        run_import(KINDS["cohort"], changed, writable_db)
    assert data_fingerprint(writable_db) == before
