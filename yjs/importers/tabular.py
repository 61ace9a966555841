"""Reading a user's CSV or XLSX into rows keyed by lower-case header, with their line numbers.

Most kinds read a plain table: headings in row 1 of a CSV or of a workbook's first sheet. A kind
that takes files laid out for people (an improvement plan) passes `is_header` to `read_table`:
the headings are then the first row that test accepts (title rows above are skipped), a workbook's
merged cells are carried down, and every sheet of the same layout is read (or the one `sheet`
names).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from yjs.importers.report import ImportFailed, Problem

MAX_UPLOAD_MB = 250  # for the app's upload and the command line alike: a million cohort rows are about 150 MB
MAX_FILE_BYTES = MAX_UPLOAD_MB * 2**20
MAX_UNZIPPED_BYTES = 2**30  # an XLSX is a zip: refuse one that would inflate past this
TITLE_ROWS = 30  # how far down a file laid out for people the headings are looked for
HeaderTest = Callable[[list[str]], bool]  # whether a row's (normalised) cells are the headings


def too_large(size: int) -> str | None:
    """The message for a file over the limit, or None."""
    if size <= MAX_FILE_BYTES:
        return None
    return (
        f"the file is {size / 2**20:,.1f} MB; the limit is {MAX_UPLOAD_MB} MB. "
        "Split it into smaller files (by year or by area) and import each"
    )


@dataclass(frozen=True)
class Row:
    line: int  # the line (CSV) or sheet row (XLSX) a person sees in their editor
    values: dict[str, str]  # lower-cased, trimmed header -> trimmed text ('' when blank)
    sheet: str = ""  # the workbook sheet it came from (files laid out for people only)

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[Row]
    header_lines: dict[str, int] = field(default_factory=dict)  # sheet ('' for a CSV) -> the headings' row
    sheets_skipped: tuple[str, ...] = ()  # sheets without a row of headings (a cover page, a key)
    labels: dict[str, str] = field(default_factory=dict)  # header -> the heading as the file writes it
    note: str | None = None  # how the file was read, when the report should say (an encoding)

    def label(self, header: str) -> str:
        return self.labels.get(header, header)


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """(headers, rows). Raises ImportFailed for a file that cannot be read as a table at all."""
    table = read_table(path)
    return table.headers, table.rows


def read_table(path: Path, *, is_header: HeaderTest | None = None, sheet: str | None = None) -> Table:
    """The file as a table. With `is_header`, headings are found below any title rows and an XLSX
    is read sheet by sheet (merged cells carried down); `sheet` picks one sheet by name."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed([Problem(0, None, f"file not found: {path}")])
    if too_large(path.stat().st_size):
        raise ImportFailed([Problem(0, None, too_large(path.stat().st_size))])
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        if is_header or sheet:
            return _read_laid_out_workbook(path, is_header or (lambda _cells: False), sheet)
        return Table(*_read_xlsx(path), {"": 1})
    if suffix in (".csv", ".txt"):
        return _read_csv(path, is_header)
    raise ImportFailed([Problem(0, None, f"'{path.name}' is not a CSV or XLSX file")])


def _normalise_headers(raw: list, line: int) -> list[str]:
    headers = [("" if h is None else str(h)).strip().lower() for h in raw]
    problems = []
    seen = set()
    for header in headers:
        if header and header in seen:
            problems.append(Problem(line, header, "this column appears twice in the header"))
        seen.add(header)
    if not any(headers):
        problems.append(Problem(line, None, "the header row is empty"))
    if problems:
        raise ImportFailed(problems)
    return headers


@dataclass(frozen=True)
class Decoded:
    text: str
    note: str | None = None  # what the import report should say about how the file was read


SAVE_AS_UTF8 = "Save the whole file as “CSV UTF-8” (Excel: Save As) and import it again"
WINDOWS_1252_NOTE = (
    "the file is not UTF-8, so it was read as Windows-1252 (Excel's “CSV” on Windows): check that accented "
    "letters such as é look right, or save it as “CSV UTF-8” and import it again"
)


def decode_csv_bytes(raw: bytes) -> Decoded:
    """A CSV file's text: UTF-8 (with or without a BOM), UTF-16 with its BOM, or, only when the whole
    file is valid Windows-1252 and not UTF-8, Windows-1252 with a note saying so.

    A file whose lines are in different encodings (one pasted from a UTF-8 export into a Windows-1252
    file) is refused with the lines that differ: decoding it either way would store some names
    garbled ("CafÃ©") without a word. Raises ImportFailed.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(raw.decode("utf-16"))  # Excel's "Unicode text"
        except UnicodeDecodeError:
            raise ImportFailed([Problem(0, None, "the file starts as UTF-16 but is not valid UTF-16")]) from None
    if b"\x00" in raw:
        raise ImportFailed([Problem(0, None, "the file is binary, not a CSV text file")])
    try:
        return Decoded(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    lines = raw.split(b"\n")
    not_utf8 = [number for number, line in enumerate(lines, start=1) if not _decodes(line, "utf-8")]
    utf8 = [n for n, line in enumerate(lines, start=1) if not line.isascii() and _decodes(line, "utf-8")]
    if utf8:
        also = f"line {utf8[0]} is" if len(utf8) == 1 else f"lines {', '.join(map(str, utf8[:5]))} are"
        mixed = f"this line is not UTF-8, but {also}: the file mixes two encodings. {SAVE_AS_UTF8}"
        raise ImportFailed([Problem(number, None, mixed) for number in not_utf8])
    try:
        return Decoded(raw.decode("cp1252"), WINDOWS_1252_NOTE)
    except UnicodeDecodeError:
        unreadable = [n for n in not_utf8 if not _decodes(lines[n - 1], "cp1252")]
        reason = f"this line is neither UTF-8 nor Windows-1252 text. {SAVE_AS_UTF8}"
        raise ImportFailed([Problem(number, None, reason) for number in unreadable]) from None


def _decodes(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _read_csv(path: Path, is_header: HeaderTest | None = None) -> Table:
    decoded = decode_csv_bytes(path.read_bytes())
    text = decoded.text
    reader = csv.reader(io.StringIO(text, newline=""))
    records, broken = _csv_records(reader)
    if not records:
        raise ImportFailed([broken or Problem(1, None, "the file is empty")])
    start = _header_index([record for _line, record in records[:TITLE_ROWS]], is_header)
    header_line, header = records[start]
    headers = _normalise_headers(header, header_line)
    rows, problems = [], [broken] if broken else []
    for line, record in records[start + 1 :]:
        if any(cell.strip() for cell in record):
            if len(record) > len(headers) and any(c.strip() for c in record[len(headers) :]):
                problems.append(Problem(line, None, f"{len(record)} cells but the header has {len(headers)} columns"))
            rows.append(
                Row(line, {h: (record[i].strip() if i < len(record) else "") for i, h in enumerate(headers) if h})
            )
    if problems:
        raise ImportFailed(problems)
    return Table(headers, rows, {"": header_line}, labels=_labels(headers, header), note=decoded.note)


def _labels(headers: list[str], raw: list) -> dict[str, str]:
    return {h: " ".join(_cell_text(cell).split()) for h, cell in zip(headers, raw, strict=False) if h}


def _csv_records(reader) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """(first line, cells) of each record, up to one that breaks the CSV rules (then its problem:
    nothing after it can be trusted to line up)."""
    records: list[tuple[int, list[str]]] = []
    start = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return records, None
        except csv.Error as exc:
            if not records:
                return records, Problem(1, None, f"the file is not valid CSV ({exc})")
            return records, Problem(start, None, f"not valid CSV ({exc})")
        records.append((start, record))
        start = reader.line_num + 1


def _header_index(records: list[list], is_header: HeaderTest | None) -> int:
    """The position of the headings: the first record `is_header` accepts; the first record when
    there is no test or none is accepted (its problems are then reported as the headings')."""
    found = _found_header(records, is_header) if is_header is not None else None
    return found or 0


def _found_header(records: list[list], is_header: HeaderTest) -> int | None:
    return next(
        (index for index, record in enumerate(records) if is_header([_cell_text(cell) for cell in record])), None
    )


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _refuse_zip_bomb(path: Path) -> None:
    """An XLSX is a zip of XML files: a small file can inflate to many gigabytes. Check the sizes
    its directory declares before reading (zipfile never inflates an entry past its declared size)."""
    try:
        with zipfile.ZipFile(path) as archive:
            declared = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFailed([Problem(0, None, "the file is not a readable XLSX workbook (not a zip archive)")]) from None
    if declared > MAX_UNZIPPED_BYTES:
        raise ImportFailed(
            [
                Problem(
                    0,
                    None,
                    f"the workbook would unpack to {declared / 2**30:,.1f} GB, over the "
                    f"{MAX_UNZIPPED_BYTES // 2**30} GB limit: save it again from Excel or "
                    "as CSV",
                )
            ]
        )


def _read_xlsx(path: Path) -> tuple[list[str], list[Row]]:
    _refuse_zip_bomb(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ImportFailed(
            [Problem(0, None, f"the file is not a readable XLSX workbook ({exc.__class__.__name__})")]
        ) from None
    try:
        sheet = workbook.worksheets[0]
        iterator = sheet.iter_rows(values_only=True)
        header = next(iterator, None)
        if header is None:
            raise ImportFailed([Problem(1, None, "the first sheet is empty")])
        headers = _normalise_headers(list(header), 1)
        rows = []
        for line, record in enumerate(iterator, start=2):
            cells = [_cell_text(v) for v in record]
            if any(cells):
                rows.append(Row(line, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(headers) if h}))
        return headers, rows
    finally:
        workbook.close()


# --- workbooks laid out for people: title rows, merged cells, a sheet per theme ----------------------


def _read_laid_out_workbook(path: Path, is_header: HeaderTest, sheet: str | None) -> Table:
    """Every visible sheet whose headings `is_header` finds (or the one named `sheet`), read from
    its headings down, with merged cells carried down. Sheets read together must share their
    headings; a sheet without any (a cover page, a key) is skipped and named."""
    _refuse_zip_bomb(path)
    try:  # not read-only: only a full load knows the merged cells (plans are small files)
        workbook = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ImportFailed(
            [Problem(0, None, f"the file is not a readable XLSX workbook ({exc.__class__.__name__})")]
        ) from None
    try:
        sheets = _chosen_sheets(workbook, sheet)
        found = {ws.title: _sheet_table(ws, is_header) for ws in sheets}
    finally:
        workbook.close()
    tables = {name: table for name, table in found.items() if table is not None}
    if not tables:  # nothing looks like headings: read the first sheet's row 1, whose problems then say why
        first = sheets[0]
        tables = {first.title: _sheet_table(first, is_header, fallback=True)}
    _same_layout(tables)
    first = next(iter(tables.values()))
    return Table(
        first.headers,
        [row for table in tables.values() for row in table.rows],
        {name: table.header_lines[name] for name, table in tables.items()},
        tuple(name for name in found if name not in tables),
        first.labels,
    )


def _chosen_sheets(workbook, sheet: str | None) -> list:
    visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"] or workbook.worksheets[:1]
    if sheet is None:
        return visible
    chosen = [ws for ws in workbook.worksheets if ws.title.strip().lower() == sheet.strip().lower()]
    if not chosen:
        names = ", ".join(f"'{ws.title}'" for ws in workbook.worksheets)
        raise ImportFailed([Problem(0, None, f"the workbook has no sheet named '{sheet}' (its sheets: {names})")])
    return chosen


def _sheet_table(ws, is_header: HeaderTest, *, fallback: bool = False) -> Table | None:
    """One sheet from its headings down (None when no row looks like headings)."""
    grid = _carried_down(ws)
    start = _found_header(grid[:TITLE_ROWS], is_header)
    if start is None and not fallback:
        return None
    if not grid:
        raise ImportFailed([Problem(1, None, f"sheet '{ws.title}' is empty")])
    start = start or 0
    header_line = start + 1
    headers = _normalise_headers(grid[start], header_line)
    rows = [
        Row(line, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(headers) if h}, ws.title)
        for line, cells in enumerate(grid[start + 1 :], start=header_line + 1)
        if any(cells)
    ]
    return Table(headers, rows, {ws.title: header_line}, labels=_labels(headers, grid[start]))


def _carried_down(ws) -> list[list[str]]:
    """The sheet's cells as text, a merged range's value repeated down its first column.

    A plan merges a theme's cell over all its actions; Excel keeps the value in the top cell only.
    Across columns a merged cell stays one cell (a title spanning the table stays a one-cell row).
    """
    grid = [[_cell_text(value) for value in row] for row in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(grid) or left >= len(grid[top]):
            continue
        value = grid[top][left]
        for row in grid[top + 1 : merged.max_row]:
            if left < len(row):
                row[left] = value
    return grid


def _same_layout(tables: dict[str, Table]) -> None:
    """Sheets imported together must hold the same columns, or their rows would be misread."""
    (first, table), *others = tables.items()
    expected = [h for h in table.headers if h]
    problems = [
        Problem(
            other.header_lines[name],
            None,
            f"sheet '{name}' is headed differently from sheet '{first}' ({', '.join(h for h in other.headers if h)} "
            f"against {', '.join(expected)}): import one sheet at a time (the sheet option)",
            name,
        )
        for name, other in others
        if [h for h in other.headers if h] != expected
    ]
    if problems:
        raise ImportFailed(problems)
