"""Reading a user's CSV or XLSX into rows keyed by lower-case header, with their line numbers."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

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


class Table(NamedTuple):
    headers: list[str]
    rows: list[Row]
    note: str | None = None  # how the file was read, when the report should say (an encoding)


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """(headers, rows). Raises ImportFailed for a file that cannot be read as a table at all."""
    headers, rows, _note = read_table(path)
    return headers, rows


def read_table(path: Path) -> Table:
    """The file's headers, rows and any note on how it was read. Raises ImportFailed."""
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


def _read_csv(path: Path) -> Table:
    decoded = decode_csv_bytes(path.read_bytes())
    text = decoded.text
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
    return Table(headers, rows, decoded.note)


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


def _read_xlsx(path: Path) -> Table:
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
        return Table(headers, rows)
    finally:
        workbook.close()
