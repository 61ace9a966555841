"""Staging a large file for checks in SQL: DuckDB's fast reading gives exactly what Python's reader gives,
line numbers included, and hands every file it might read differently to Python's reader."""

import duckdb
import pytest

from tests.unit.test_import_cohort_and_population import COHORT_HEADER, GOOD_ROW
from yjs.importers import KINDS, ImportFailed, run_import, staging

COLUMNS = KINDS["cohort"].required + KINDS["cohort"].optional


def staged(path):
    """The staged rows as (cells..., line) in line order, a blank cell and a missing one both ''."""
    table = staging.staged_table(path, KINDS["cohort"].required, KINDS["cohort"].optional)
    try:
        result = duckdb.sql(f"SELECT * FROM read_parquet('{table.rows.path}') ORDER BY line")
        names, rows = [d[0] for d in result.description], result.fetchall()
    finally:
        table.rows.discard()
    return [
        tuple(dict(zip(names, row, strict=True)).get(column) or "" for column in COLUMNS) + (row[0],) for row in rows
    ]


def test_duckdb_stages_what_python_reads_line_for_line(tmp_path, monkeypatch):
    awkward = GOOD_ROW.replace("EAL-0001", '"EAL-0002"').replace(",Robbery,", ',"Robbery, with ""force""",')
    awkward = awkward.replace(",Medium,", ',Me"dium,')  # a quote inside a cell that does not start with one
    short = ",".join(GOOD_ROW.split(",")[:12])  # a row with fewer cells than headings: the rest blank
    path = tmp_path / "cohort.csv"
    path.write_bytes(("\r\n".join([COHORT_HEADER, GOOD_ROW, awkward, short, " spaced ,x"]) + "\r\n").encode())
    calls = []
    original = staging._staged_by_duckdb
    monkeypatch.setattr(staging, "_staged_by_duckdb", lambda *args: calls.append(original(*args)) or calls[-1])
    fast = staged(path)
    assert calls[0] is not None  # DuckDB read it
    monkeypatch.undo()
    monkeypatch.setattr(staging, "_staged_by_duckdb", lambda *_args: None)
    assert fast == staged(path)
    assert [row[-1] for row in fast] == [2, 3, 4, 5]
    assert 'Robbery, with "force"' in fast[1] and 'Me"dium' in fast[1] and " spaced " in fast[3]


@pytest.mark.parametrize(
    "body",
    [
        f"{GOOD_ROW}\n\n{GOOD_ROW}\n",  # a blank line: DuckDB skips it, so its lines would be numbered wrong
        GOOD_ROW.replace(",Robbery,", ',"Rob\nbery",') + f"\n{GOOD_ROW}\n",  # a cell across two lines
        f"{GOOD_ROW}\r{GOOD_ROW}\n",  # a lone carriage return
        f"{GOOD_ROW},surplus\n{GOOD_ROW}\n",  # more cells than headings
        f"{GOOD_ROW}\n" + GOOD_ROW.replace(",Robbery,", ',"Rob"bery,') + "\n",  # text after a closing quote
        f"{GOOD_ROW}\n{',' * 18}\n",  # a row of blank cells, which Python's reader skips
    ],
    ids=[
        "blank line",
        "cell across lines",
        "lone carriage return",
        "surplus cell",
        "text after a quote",
        "blank cells",
    ],
)
def test_a_file_duckdb_might_read_differently_is_read_the_slow_way(tmp_path, body):
    path = tmp_path / "cohort.csv"
    path.write_text(f"{COHORT_HEADER}\n{body}", newline="")
    headers = COHORT_HEADER.split(",")
    assert staging._staged_by_duckdb(path, COLUMNS, headers) is None


def test_problems_found_on_the_fast_way_name_their_lines(writable_db, tmp_path):
    path = tmp_path / "cohort.csv"
    rows = [GOOD_ROW.replace("EAL-0001", f"EAL-{n:04}") for n in range(1, 6)]
    rows[3] = rows[3].replace(",15,", ",19,")
    path.write_text("\n".join([COHORT_HEADER, *rows]))  # no newline after the last line
    with pytest.raises(ImportFailed) as failure:
        run_import(KINDS["cohort"], path, writable_db)
    assert [str(p) for p in failure.value.problems] == [
        "line 5, column age_at_start: '19' is not a whole number from 10 to 18"
    ]


def test_an_import_is_checked_again_only_when_another_write_landed_after_its_check(writable_db, tmp_path, monkeypatch):
    kind, checks = KINDS["cohort"], []
    original = type(kind).validate

    def counted(self, rows, con, options):
        checks.append(con)
        if len(checks) == 1 and landed:  # someone else's import lands between the check and the write
            run_import(kind, write_rows(tmp_path / "other.csv", "EAL-9999"), writable_db)
        return original(self, rows, con, options)

    monkeypatch.setattr(type(kind), "validate", counted)
    landed = False
    run_import(kind, write_rows(tmp_path / "first.csv", "EAL-0001"), writable_db)
    assert len(checks) == 1
    checks.clear()
    landed = True
    result = run_import(kind, write_rows(tmp_path / "second.csv", "EAL-9999"), writable_db)
    assert len(checks) == 3  # the check, the other import's own, and this one's again under the lock
    assert (result.added, result.updated) == (0, 1)  # counted against the database as it then was (its source)


def write_rows(path, child_id):
    path.write_text(f"{COHORT_HEADER}\n{GOOD_ROW.replace('EAL-0001', child_id)}\n")
    return path
