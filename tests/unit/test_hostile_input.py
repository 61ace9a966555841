"""Hostile files thrown at every import kind: generated (hypothesis) and hand-made worst cases.

Whatever arrives, the import never raises anything but ImportFailed, every problem names its line
(or says it concerns the whole file), a check (the Load data page's dry run) leaves the database
byte for byte as it was, and a failed import leaves every data table as it was, with one audit row.
"""

import csv
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tests.support.dbcheck import audit_rows, data_fingerprint, fetch
from yjs.importers import KINDS, ImportFailed, run_import
from yjs.importers.tabular import MAX_FILE_BYTES, MAX_UNZIPPED_BYTES

INJECTIONS = [
    "'; DROP TABLE inspections; --",
    "Ealing' OR '1'='1",
    "Robert'); DELETE FROM areas; --",
    "1; ATTACH '/tmp/x.db' AS x",
    "$area",
    "\\'; COPY areas TO '/tmp/leak.csv'; --",
]
FORMULAS = ["=1+1", '=HYPERLINK("http://x","y")', "+SUM(A1:A9)", "-2+3", "@cmd", "=cmd|' /C calc'!A0"]
AWKWARD = [
    "31/02/2024",
    "2024-02-30",
    "29/02/2023",
    "1,234",
    "1,234.5",
    "12%",
    "NaN",
    "-0",
    "1e309",
    "٣",
    "Ealing\u200b",
    "ＥＡＬＩＮＧ",
    "Ealing\x00",
    "\ufeffarea",
    "\r\n",
    '"',
    '""quoted""',
    "🚀",
    "",
]
KNOWN = [
    "Ealing",
    "Reading",
    "Buckinghamshire",
    "2024-06-01",
    "2023",
    "Good",
    "Male",
    "White",
    "10-17",
    "fte_rate",
    "Court",
    "Referral order",
    "Robbery",
    "None",
    "no",
    "yes",
    "Low",
    "15",
    "0.5",
    "100",
]
CELLS = st.one_of(
    st.sampled_from(INJECTIONS + FORMULAS + AWKWARD + KNOWN),
    st.text(max_size=30),
    st.text(alphabet="0123456789,.-/", max_size=12),
    st.integers(20_000, 200_000).map(lambda n: "x" * n),
)  # a huge field
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]


@st.composite
def hostile_tables(draw):
    kind = KINDS[draw(st.sampled_from(sorted(KINDS)))]
    columns = list(kind.required + kind.optional)
    header = draw(st.lists(st.sampled_from(columns + ["", "AREA ", "unknown", "=cmd"]), min_size=0, max_size=12))
    if draw(st.booleans()):  # usually keep a recognisable header so the rows are read at all
        header = list(kind.required) + header
    width = max(len(header), 1)
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=width + 2), max_size=6))
    return kind, header, rows


def write_csv(path: Path, header, rows, encoding: str) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    return path


def write_xlsx(path: Path, header, rows) -> Path:
    book = Workbook()
    sheet = book.active
    for record in [header, *rows]:
        # What Excel itself can hold: 32,767 characters a cell, no control characters.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell[:32_000]) for cell in record])
    book.save(path)
    return path


def check_failure(failure: ImportFailed, lines: int) -> None:
    assert failure.problems, "a failure always says what is wrong"
    for problem in failure.problems:
        assert problem.reason and "Traceback" not in problem.reason
        assert 0 <= problem.line <= lines + 1, problem
        assert str(problem).startswith(("file", f"line {problem.line}"))


@pytest.fixture(scope="module")
def hostile_db(real_db, tmp_path_factory):
    target = tmp_path_factory.mktemp("hostile") / "yjs.duckdb"
    shutil.copyfile(real_db, target)
    return target


SETTINGS = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(table=hostile_tables(), encoding=st.sampled_from(ENCODINGS), as_xlsx=st.booleans())
def test_a_check_of_any_malformed_file_fails_cleanly_and_leaves_the_file_byte_identical(
    hostile_db, tmp_path_factory, table, encoding, as_xlsx
):
    kind, header, rows = table
    folder = tmp_path_factory.mktemp("file")
    path = (
        write_xlsx(folder / "upload.xlsx", header, rows)
        if as_xlsx
        else write_csv(folder / "upload.csv", header, rows, encoding)
    )
    before = hostile_db.read_bytes()
    try:
        run_import(kind, path, hostile_db, dry_run=True)
    except ImportFailed as failure:
        check_failure(failure, len(rows) + 1)
    assert hostile_db.read_bytes() == before


@settings(SETTINGS, max_examples=60)
@given(table=hostile_tables(), as_xlsx=st.booleans())
def test_a_failed_import_of_any_malformed_file_keeps_every_data_table_and_is_recorded(
    hostile_db, tmp_path_factory, table, as_xlsx
):
    kind, header, rows = table
    folder = tmp_path_factory.mktemp("file")
    path = (
        write_xlsx(folder / "upload.xlsx", header, rows)
        if as_xlsx
        else write_csv(folder / "upload.csv", header, rows, "utf-8")
    )
    before, trail = data_fingerprint(hostile_db), len(audit_rows(hostile_db))
    try:
        run_import(kind, path, hostile_db)
    except ImportFailed as failure:
        check_failure(failure, len(rows) + 1)
        assert data_fingerprint(hostile_db) == before
        assert [r["outcome"] for r in audit_rows(hostile_db)[trail:]] == ["failed"]
    else:
        assert audit_rows(hostile_db)[-1]["outcome"] == "succeeded"  # the odd valid file: written and recorded


def expect_file_problem(kind: str, path: Path, db: Path, message: str) -> None:
    before = db.read_bytes()
    with pytest.raises(ImportFailed) as failure:
        run_import(KINDS[kind], path, db, dry_run=True)
    assert message in str(failure.value.problems[0]), failure.value.problems
    assert db.read_bytes() == before


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_empty_and_header_only_files(real_db, tmp_path, kind):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    expect_file_problem(kind, empty, real_db, "line 1: the file is empty")
    header_only = tmp_path / "header.csv"
    header_only.write_text(",".join(KINDS[kind].required) + "\n")
    expect_file_problem(kind, header_only, real_db, "file: the file has a header but no data rows")


def test_a_gigantic_file_is_refused_by_its_size_before_it_is_read(real_db, tmp_path):
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: the size a user would upload, without the disk
    expect_file_problem("cohort", huge, real_db, "the limit is 250 MB")


def test_a_zip_bomb_disguised_as_xlsx_is_refused_without_being_unpacked(real_db, tmp_path):
    bomb = tmp_path / "figures.xlsx"
    block = b"\0" * 2**20
    with (
        zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(MAX_UNZIPPED_BYTES // 2**20 + 1):
            member.write(block)
    assert bomb.stat().st_size < 5 * 2**20
    expect_file_problem("indicators", bomb, real_db, "would unpack to 1.0 GB")


def test_a_csv_renamed_xlsx_and_binary_junk_are_named_as_such(real_db, tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("area,published\nEaling,2024-01-01\n")
    expect_file_problem("inspections", fake, real_db, "not a readable XLSX workbook")
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 10)
    expect_file_problem("inspections", junk, real_db, "binary")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_excel_encodings_of_a_valid_file_import_alike(writable_db, tmp_path, encoding):
    path = write_csv(
        tmp_path / "areas.csv",
        ["name", "region", "aliases"],
        [["Ealing", "London", "Ealing YJS; Ealing Youth Justice Service – West"]],
        encoding,
    )
    result = run_import(KINDS["areas"], path, writable_db)
    assert (result.added, result.updated) == (0, 1)


def test_injection_strings_in_import_fields_are_stored_as_text_and_run_nothing(writable_db, tmp_path):
    names = [f"Area {n} {text}" for n, text in enumerate(INJECTIONS)]
    path = write_csv(tmp_path / "areas.csv", ["name", "region"], [[name, "London"] for name in names], "utf-8")
    before = data_fingerprint(writable_db)
    result = run_import(KINDS["areas"], path, writable_db)
    assert result.added == len(INJECTIONS)
    assert sorted(name for (name,) in fetch(writable_db, "SELECT name FROM areas WHERE name LIKE 'Area %'")) == sorted(
        names
    )
    after = data_fingerprint(writable_db)
    changed = ("areas", "documents")  # the areas, and the imported file as their document
    assert {table: after[table] for table in after if table not in changed} == {
        table: before[table] for table in before if table not in changed
    }
