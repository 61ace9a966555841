"""Data access: named queries, bound parameters, read-only connection, unusable files."""

import subprocess
import sys
import textwrap
import time

import duckdb
import pytest

from yjs.data.db import Database, DatabaseUnavailable, bind, load_query, open_read_only
from yjs.paths import QUERIES_DIR


def test_every_query_file_declares_its_parameters():
    for path in QUERIES_DIR.rglob("*.sql"):
        text = path.read_text()
        assert "-- params:" in text, f"{path} has no '-- params:' header"
        query = load_query(str(path.relative_to(QUERIES_DIR).with_suffix("")))
        for name in query.params:
            assert f"${name}" in text.split("-- params:", 1)[1], f"{path}: ${name} declared but unused"


def test_bind_refuses_missing_and_unexpected_parameters():
    query = load_query("read/ratings/latest_inspection_by_area")
    with pytest.raises(TypeError, match="missing"):
        bind(query, {"show_demo": True})
    with pytest.raises(TypeError, match="unexpected"):
        bind(query, {"show_demo": True, "regions": [], "year_from": 2018, "year_to": 2026, "area": "x"})


def test_values_are_bound_not_formatted(demo_db):
    db = Database(demo_db)
    hostile = ["London'); DROP TABLE areas; --"]
    result = db.query(
        "read/ratings/latest_inspection_by_area", show_demo=True, regions=hostile, year_from=2018, year_to=2026
    )
    assert result.empty
    assert not db.query("read/areas/areas_with_inspection_years").empty  # the table is still there


def test_the_app_connection_is_read_only(demo_db):
    con = open_read_only(demo_db)
    with pytest.raises(duckdb.Error, match="read-only|Cannot execute statement"):
        con.execute("DELETE FROM areas")
    con.close()


def test_missing_database_gives_the_command_that_fixes_it(tmp_path):
    with pytest.raises(DatabaseUnavailable) as error:
        Database(tmp_path / "nowhere.duckdb").query("read/meta/meta_values")
    assert error.value.problem == "The database file does not exist"
    assert error.value.fix.startswith("python -m yjs build")


def test_a_file_that_is_not_a_database_is_explained(tmp_path):
    path = tmp_path / "yjs.duckdb"
    path.write_text("hello, I am a spreadsheet")
    with pytest.raises(DatabaseUnavailable, match="not a DuckDB database|could not be opened"):
        open_read_only(path)


def test_an_empty_duckdb_file_is_not_a_yjs_database(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(DatabaseUnavailable, match="not a YJS Insight database"):
        open_read_only(path)


def test_a_database_locked_by_a_writer_is_explained(real_db, tmp_path):
    path = tmp_path / "locked.duckdb"
    path.write_bytes(real_db.read_bytes())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(path)!r})
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
        with pytest.raises(DatabaseUnavailable, match="locked"):
            open_read_only(path)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_the_connection_follows_a_replaced_file(real_db, demo_db, tmp_path):
    path = tmp_path / "live.duckdb"
    path.write_bytes(real_db.read_bytes())
    db = Database(path)
    assert not db.query("read/areas/areas_with_inspection_years")["is_demo"].any()
    time.sleep(0.01)
    replacement = tmp_path / "new.duckdb"
    replacement.write_bytes(demo_db.read_bytes())
    replacement.replace(path)
    assert db.query("read/areas/areas_with_inspection_years")["is_demo"].any()
    db.close()


def test_a_database_of_an_older_layout_is_refused_with_the_command_that_rebuilds_it(writable_db):
    # Layout 4 had no cohort cells per area and year: its cohort pages would fail on every query rather than say why.
    con = duckdb.connect(str(writable_db))
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(
        DatabaseUnavailable,
        match=r"another version .*layout 4; this version reads layout 5: the cohort's counts kept",
    ) as refused:
        Database(writable_db).query("read/meta/meta_values")
    assert "python -m yjs build" in refused.value.fix and "backs the old file up first" in refused.value.fix
    assert "import your own files again" in refused.value.fix
