"""Safe table exports: CSV and XLSX whose text cells can never run as spreadsheet formulas.

A cell beginning with =, +, -, @, a tab or a carriage return is read as a formula by Excel and its
kin (CSV injection); such text gets a leading apostrophe, which spreadsheets show as plain text.
Numbers are left as numbers, so a negative change stays a number.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    safe.columns = [neutralise_text(str(column)) for column in safe.columns]
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_text)
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return neutralise(frame).to_csv(index=False).encode("utf-8-sig")  # the BOM lets Excel read UTF-8


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    return xlsx_workbook_bytes({sheet: frame})


def xlsx_workbook_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One workbook, a sheet per table (sheet names cut to Excel's 31 characters)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet, frame in sheets.items():
            neutralise(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()


def zip_bytes(tables: dict[str, pd.DataFrame], texts: dict[str, str] | None = None) -> bytes:
    """One ZIP: each table as a formula-safe CSV under its file name, and plain text files (a README)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in (texts or {}).items():
            archive.writestr(name, text.encode("utf-8"))
        for name, frame in tables.items():
            archive.writestr(name, csv_bytes(frame))
    return buffer.getvalue()
