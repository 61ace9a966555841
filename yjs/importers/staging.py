"""Large files staged for checking in SQL: every row's cells as text, with its line, in a Parquet file.

The bulk kinds (the cohort: a year's case-management extract runs to hundreds of thousands of rows)
are checked by DuckDB rather than row by row in Python. The rows are read exactly as
yjs/importers/tabular.py reads any CSV (the same encodings rule, the same line numbers, blank rows
skipped, a row with more cells than headings refused). A UTF-8 file with one record on each line,
which an extract is, DuckDB reads itself (`_staged_by_duckdb`); any other is read by Python's csv
module and streamed into Parquet in batches. Either way memory stays flat however long the file.
`distinct_values_checked` then parses each column's distinct values once with the same Python cell
parsers as every other import (yjs/importers/fields.py), and the kind's SQL joins the results back
onto every row: the messages are the parsers' own, checked once per distinct value, not per row.
"""

from __future__ import annotations

import codecs
import csv
import io
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import duckdb
import pyarrow as pa

from yjs.data.db import execute
from yjs.importers.fields import Cells
from yjs.importers.report import ImportFailed, Problem
from yjs.importers.tabular import Row, Table, _labels, _normalise_headers, decode_csv_bytes, read_table, too_large

BATCH_ROWS = 10_000  # rows held in memory at once while staging
# DuckDB's memory while it stages, checks and writes a large file (it spills to disk past this): with the
# process's own ~150 MB, an import of a million rows stays under 500 MB on the command line and in the app.
MEMORY_LIMIT = "200MB"
Parser = Callable[[Cells], object]  # one column's cell parser: returns the value, records its problems
CHECKED_VALUES = pa.schema(
    [
        ("column_name", pa.string()),
        ("raw", pa.string()),
        ("value", pa.string()),
        ("problems", pa.list_(pa.struct([("column_name", pa.string()), ("reason", pa.string())]))),
    ]
)


@dataclass
class StagedRows:
    """A file's data rows in a Parquet file: column `line`, then one text column per known heading
    (NULL where the file has no such column). Stands in for Table.rows: its length is the row count."""

    path: Path
    count: int
    folder: tempfile.TemporaryDirectory = field(repr=False)

    def __len__(self) -> int:
        return self.count

    def discard(self) -> None:
        self.folder.cleanup()

    def beside(self, name: str) -> Path:
        """A file of this import's own, in the staging folder (removed with it)."""
        return Path(self.folder.name) / name

    def bound_memory(self, con: duckdb.DuckDBPyConnection) -> None:
        """Hold DuckDB on `con` to MEMORY_LIMIT, spilling into this import's temporary folder."""
        bound_memory(con, Path(self.folder.name))


def bound_memory(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    execute(con, "write/imports/memory_limit", memory_limit=MEMORY_LIMIT)
    execute(con, "write/imports/insertion_order", ordered=False)
    execute(con, "write/imports/no_progress_bar")
    execute(con, "write/imports/spill_directory", spill_directory=str(folder / "spill"))


def staged_table(file: Path, required: tuple[str, ...], optional: tuple[str, ...]) -> Table:
    """`file` (CSV or XLSX, headings in the first row) with its rows staged, in the columns `required` +
    `optional` (those the file lacks staged as NULL).

    A file whose headings do not fit (a column missing or unknown) is not read past them: the import
    reports its headings' problems first, as for any kind.
    """
    file, columns = Path(file), (*required, *optional)
    if file.suffix.lower() not in (".csv", ".txt") or not file.is_file() or too_large(file.stat().st_size):
        table = read_table(file)  # a workbook, or a file refused before reading: the common path
        return _with_rows(table, _stage(columns, table.headers, ((r.line, r.values) for r in table.rows), []))
    with _csv_text(file) as (handle, note):
        reader = csv.reader(handle)
        header_line, header = _first_record(reader)
        headers = _normalise_headers(header, header_line)
        fits = set(required) <= set(headers) and set(headers) - {""} <= set(columns)
        problems: list[Problem] = []
        rows = _staged_by_duckdb(file, columns, headers) if fits and note is None and reader.line_num == 1 else None
        if rows is None:
            records = _csv_data(reader, headers, problems) if fits else iter(())
            rows = _stage(columns, headers, records, problems)
    if problems:
        rows.discard()
        raise ImportFailed(problems)
    return Table(headers, rows, {"": header_line}, labels=_labels(headers, header), note=note)


def _with_rows(table: Table, rows: StagedRows) -> Table:
    return Table(table.headers, rows, table.header_lines, table.sheets_skipped, table.labels, table.note)


class _csv_text:
    """The CSV file as text: streamed when it is UTF-8 throughout (with or without a BOM), which a large
    export is; otherwise decoded whole by `decode_csv_bytes`, whose rule (Windows-1252 only for a whole
    file, mixed encodings refused by line) then applies as to every import."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> tuple[io.TextIOBase, str | None]:
        if _is_utf8_text(self.path):
            self.handle = open(self.path, encoding="utf-8-sig", newline="")  # noqa: SIM115 (closed in __exit__)
            return self.handle, None
        decoded = decode_csv_bytes(self.path.read_bytes())
        self.handle = io.StringIO(decoded.text, newline="")
        return self.handle, decoded.note

    def __exit__(self, *_exc) -> None:
        self.handle.close()


def _is_utf8_text(path: Path) -> bool:
    """Whether the file is UTF-8 text (no UTF-16 mark, no NUL byte), read a megabyte at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as handle:
        first = True
        for chunk in iter(lambda: handle.read(2**20), b""):
            if (first and chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))) or b"\x00" in chunk:
                return False
            first = False
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return False
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _first_record(reader) -> tuple[int, list[str]]:
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFailed([Problem(1, None, "the file is empty")]) from None
    except csv.Error as exc:
        raise ImportFailed([Problem(1, None, f"the file is not valid CSV ({exc})")]) from None
    return 1, header


def _csv_data(reader, headers: list[str], problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of each data row, as yjs.importers.tabular reads them: a row is skipped when every
    cell is blank, padded when short; more non-blank cells than headings, or a record breaking the CSV
    rules (nothing after it can be trusted to line up), is a problem."""
    width = len(headers)
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(Problem(start, None, f"not valid CSV ({exc})"))
            return
        if "".join(record).strip():
            if len(record) != width:
                if len(record) > width and "".join(record[width:]).strip():
                    problems.append(Problem(start, None, f"{len(record)} cells but the header has {width} columns"))
                record = (record + [""] * width)[:width]
            yield start, record
        start = reader.line_num + 1


def _staged_by_duckdb(file: Path, columns: tuple[str, ...], headers: list[str]) -> StagedRows | None:
    """The rows staged by DuckDB reading the file itself, ten times as fast as through Python: when each
    line holds one record and DuckDB's strict reader takes every record as Python's reader would. None
    (read it the slow way, which reports each problem by line) for anything else: a blank or repeated
    heading, a blank line, a cell across lines, a lone carriage return, a record DuckDB refuses."""
    lines = _physical_lines(file)
    if lines is None or "" in headers or len(set(headers)) != len(headers):
        return None
    folder = tempfile.TemporaryDirectory(prefix="yjs-import-")
    path = Path(folder.name) / "rows.parquet"
    template = pa.schema([("line", pa.int64()), *((column, pa.string()) for column in columns)]).empty_table()
    con = duckdb.connect()
    try:
        bound_memory(con, Path(folder.name))
        execute(con, "write/imports/number_lines_in_order")
        con.register("template", template)
        execute(
            con, "write/imports/stage_csv", csv=str(file), columns=dict.fromkeys(headers, "VARCHAR"), staged=str(path)
        )
        [(count, blank)] = execute(con, "read/imports/staged_row_counts", staged=str(path)).fetchall()
    except duckdb.Error:
        count, blank = -1, 0
    finally:
        con.close()
    if blank or count + 1 != lines:
        folder.cleanup()
        return None
    return StagedRows(path, count, folder)


def _physical_lines(file: Path) -> int | None:
    """How many lines the file has (the last may lack its newline); None when a carriage return stands
    alone, which Python's reader takes as a line break and DuckDB's may not."""
    newlines = returns = windows = 0
    with open(file, "rb") as handle:
        for chunk in iter(lambda: handle.read(2**22), b""):
            newlines += chunk.count(b"\n")
            returns += chunk.count(b"\r")
            windows += chunk.count(b"\r\n")
            last = chunk[-1:]
    if returns != windows:  # also when a chunk ends between \r and \n: then the slow way is merely slower
        return None
    return newlines + (newlines == 0 or last != b"\n")


def _stage(
    columns: tuple[str, ...], headers: list[str], records: Iterable[tuple[int, list | dict]], problems: list[Problem]
) -> StagedRows:
    """Write the records (cells by position, or a workbook Row's values by heading) as a Parquet file.

    Python's csv writer puts every record, its line first, into a plain CSV of our own making (every cell
    quoted), which DuckDB then turns into Parquet: that writer runs in C, where building Arrow arrays
    from Python strings cost three times as long.
    """
    folder = tempfile.TemporaryDirectory(prefix="yjs-import-")
    plain, path = Path(folder.name) / "rows.csv", Path(folder.name) / "rows.parquet"
    absent = len(headers)  # a column the file lacks reads the blank cell added at the end of each record
    pick = itemgetter(*(headers.index(column) if column in headers else absent for column in columns))
    count = 0
    with open(plain, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        batch: list[tuple] = []
        for line, cells in records:
            if isinstance(cells, dict):
                cells = [cells.get(header, "") for header in headers]
            cells.append("")
            batch.append((line, *pick(cells)))
            if len(batch) == BATCH_ROWS:
                writer.writerows(batch)
                count += len(batch)
                batch = []
        writer.writerows(batch)
        count += len(batch)
    con = duckdb.connect()
    try:
        bound_memory(con, Path(folder.name))
        columns_typed = {"line": "BIGINT", **dict.fromkeys(columns, "VARCHAR")}
        execute(con, "write/imports/stage_rows", plain=str(plain), columns=columns_typed, staged=str(path))
    finally:
        con.close()
    plain.unlink()
    return StagedRows(path, count, folder)


def distinct_values_checked(con: duckdb.DuckDBPyConnection, query: str, parsers: dict[str, Parser], **params) -> None:
    """Parse every distinct (column, text) pair `query` returns with its column's parser, into the
    temporary table `checked_values` (column_name, raw, value as text, problems: a list of column_name and
    reason, NULL for none) that a kind's SQL joins back onto the staged rows. `raw` is the cell as staged
    ('' for a blank one)."""
    names, raws, values, found = [], [], [], []
    for column, raw in execute(con, query, **params).fetchall():
        problems: list[Problem] = []
        value = parsers[column](Cells(Row(0, {column: (raw or "").strip()}), problems))
        names.append(column)
        raws.append(raw or "")
        values.append(None if value is None else _as_text(value))
        found.append([{"column_name": column, "reason": problem.reason} for problem in problems] or None)
    checked = pa.table([names, raws, values, found], schema=CHECKED_VALUES)
    con.register("checked_values_arrow", checked)
    try:
        execute(con, "write/imports/keep_checked_values")
    finally:
        con.unregister("checked_values_arrow")


def _as_text(value) -> str:
    """A parsed value as text that SQL casts back to its column's type (dates ISO, booleans true/false)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
