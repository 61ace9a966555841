"""Reading a user's CSV or XLSX into rows keyed by lower-case header, with their line numbers."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

from yjs.importers.report import ImportFailed, Problem

MAX_UPLOAD_MB = 100  # for the app's upload and the command line alike
MAX_FILE_BYTES = MAX_UPLOAD_MB * 2**20
MAX_UNZIPPED_BYTES = 10 * MAX_FILE_BYTES  # an XLSX is a zip: refuse one that would inflate past this


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

    def get(self, column: str) -> str:
        return self.values.get(column, "")


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """(headers, rows). Raises ImportFailed for a file that cannot be read as a table at all."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed([Problem(0, None, f"file not found: {path}")])
    if too_large(path.stat().st_size):
        raise ImportFailed([Problem(0, None, too_large(path.stat().st_size))])
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
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


def _read_csv(path: Path) -> tuple[list[str], list[Row]]:
    raw = path.read_bytes()
    try:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = raw.decode("utf-16")  # Excel's "Unicode text"
        else:
            text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    if "\x00" in text:
        raise ImportFailed([Problem(0, None, "the file is binary, not a CSV text file")])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFailed([Problem(1, None, "the file is empty")]) from None
    except csv.Error as exc:
        raise ImportFailed([Problem(1, None, f"the file is not valid CSV ({exc})")]) from None
    headers = _normalise_headers(header, 1)
    rows, problems = [], []
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(start, None, f"not valid CSV ({exc})"))
            break
        if any(cell.strip() for cell in record):
            if len(record) > len(headers) and any(c.strip() for c in record[len(headers) :]):
                problems.append(Problem(start, None, f"{len(record)} cells but the header has {len(headers)} columns"))
            rows.append(
                Row(start, {h: (record[i].strip() if i < len(record) else "") for i, h in enumerate(headers) if h})
            )
        start = reader.line_num + 1
    if problems:
        raise ImportFailed(problems)
    return headers, rows


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
