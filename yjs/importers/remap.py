"""Renaming a file's column headings to the import's field names, changing nothing else.

The column-mapping step of the Load data page writes a copy of the uploaded file whose header row
says what the user chose; every other row stays where it was, so line numbers in any problem
still point at the user's own file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from yjs.importers.tabular import decode_csv_bytes


def rename_headings(path: Path, headings: list[str]) -> Path:
    """A copy of `path` (same name, in a folder beside it: the name is each row's source), its first
    row replaced by `headings` (same order and count)."""
    path = Path(path)
    target = path.parent / "mapped" / path.name
    target.parent.mkdir(exist_ok=True)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        book = load_workbook(path)
        sheet = book.worksheets[0]
        for column, heading in enumerate(headings, start=1):
            sheet.cell(row=1, column=column).value = heading or None
        book.save(target)
        return target
    text = decode_csv_bytes(path.read_bytes()).text  # the same reading as the import's; ImportFailed otherwise
    header_end = text.find("\n") + 1 if "\n" in text else len(text)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(headings)
    target.write_text(buffer.getvalue() + text[header_end:], encoding="utf-8")
    return target
