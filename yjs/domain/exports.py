"""Table exports an analyst can use as they are: CSV and XLSX of what a page shows, safe to open.

- Numbers are numbers: a count a page prints as text ("1,874") is written as 1874, plain in the CSV and a
  numeric cell in the XLSX; "12.5%" is written as 12.5. A suppressed count stays `c` (and `x` not available,
  `z` not applicable), and a note says what `c` means: the CSV's first line (starting with `#`), the XLSX's
  "notes" sheet.
- Rounding: a page names the columns it rounds on screen (`rounding`); the export rounds them the same way
  and adds each one's exact figure beside it (`rri_exact`), for an analyst who recomputes.
- Formulas never run (CSV injection): a text cell beginning with =, +, -, @, a tab or a carriage return gets a
  leading apostrophe, which spreadsheets show as plain text. Numbers are left as numbers, so a negative change
  stays a number.
"""

from __future__ import annotations

import io
import re
import zipfile

import numpy as np
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


SYMBOLS = ("c", "x", "z")  # suppressed, not available, not applicable (the official statistics' symbols)
MISSING_MARKS = ("", "–", "-")  # how pages print a missing figure
SUPPRESSED_NOTE = (
    "c: a count of too few children to show, withheld so that no child can be identified (with any count or rate "
    "from which it could be worked out); x: not available; z: not applicable."
)
_SEPARATED = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")
_NUMBER = re.compile(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")
_PERCENT = re.compile(r"-?\d+(\.\d+)?%")
_WHOLE = re.compile(r"0|-?[1-9]\d*")


def _number(text: str) -> int | float:
    """ "1,874" -> 1874, "12.5%" -> 12.5, "0.25" -> 0.25."""
    plain = text.replace(",", "").rstrip("%")
    return int(plain) if _WHOLE.fullmatch(plain) else float(plain)


def _printed_numbers(values: pd.Series) -> bool:
    """A text column that holds numbers as a page prints them: every value a number, a symbol or a missing
    mark, and printed so (a thousands separator, a % sign, a symbol, or whole numbers only). A column of
    references such as "1.10" is left alone: that is text that looks like a number."""
    texts = [v.strip() for v in values if isinstance(v, str)]
    if not texts or len(texts) < values.notna().sum():
        return False
    numbers = [t for t in texts if t not in SYMBOLS and t not in MISSING_MARKS]
    if not numbers or not all(_NUMBER.fullmatch(t) or _PERCENT.fullmatch(t) for t in numbers):
        return False
    printed = any(_SEPARATED.fullmatch(t) or _PERCENT.fullmatch(t) for t in numbers) or len(numbers) < len(texts)
    return printed or all(_WHOLE.fullmatch(t) for t in numbers)


def _as_number(value):
    """One printed cell as written: a number, a symbol kept, a missing mark blank."""
    if not isinstance(value, str) or value.strip() in MISSING_MARKS:
        return None
    text = value.strip()
    return text if text in SYMBOLS else _number(text)


def numbers_as_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns of printed numbers ("1,874", "c", "12.5%") as numbers, the symbols kept and missing marks blank."""
    result = frame.copy()
    for column in result.columns:
        values = result[column]
        if (values.dtype == object or pd.api.types.is_string_dtype(values)) and _printed_numbers(values):
            result[column] = pd.Series([_as_number(v) for v in values], index=values.index, dtype=object)
    return result


def _rounded(value, decimals: int):
    """A number rounded; a symbol (`c`) or a blank left as it is."""
    if isinstance(value, str) or value is None or pd.isna(value):
        return value
    return round(float(value), decimals)


def with_exact(frame: pd.DataFrame, rounding: dict[str, int]) -> pd.DataFrame:
    """Each column in `rounding` rounded to its decimals as the page shows it, its exact figure beside it
    (`rri_exact`): a suppressed cell stays `c` in both."""
    result = frame.copy()
    for column, decimals in rounding.items():
        if column not in result.columns:
            continue
        exact = result[column].astype(object)
        position = list(result.columns).index(column)
        result[column] = pd.Series([_rounded(v, decimals) for v in exact], index=exact.index, dtype=object)
        result.insert(position + 1, f"{column}_exact", exact)
    return result


def _is_figure(value) -> bool:
    if isinstance(value, str):
        return value in SYMBOLS or value in MISSING_MARKS
    return isinstance(value, (int, float, np.number)) or value is None or value is pd.NA or value is pd.NaT


def _figures_with_c(values: list) -> bool:
    """A column of figures (numbers, symbols and blanks only, with a number or more than one symbol: a lone "c"
    may be a word, such as an action's text) that holds a `c`."""
    symbols = [v for v in values if isinstance(v, str) and v in SYMBOLS]
    numbers = [v for v in values if isinstance(v, (int, float, np.number)) and not pd.isna(v)]
    return "c" in symbols and all(_is_figure(v) for v in values) and (len(numbers) > 0 or len(symbols) > 1)


def has_suppressed(frame: pd.DataFrame) -> bool:
    """Whether a column of figures holds a hidden cell (`c`)."""
    return any(_figures_with_c(frame[column].astype(object).tolist()) for column in frame.columns)


def for_analysts(frame: pd.DataFrame, rounding: dict[str, int] | None = None) -> pd.DataFrame:
    """The table as it is written: numbers as numbers, rounded as on screen with the exact beside, formula-safe."""
    return neutralise(with_exact(numbers_as_numbers(frame), rounding or {}))


def _csv_text(table: pd.DataFrame) -> bytes:
    """A finished table as CSV: a first line `# c: ...` where a cell is suppressed, UTF-8 with a BOM (so Excel
    reads it)."""
    note = f"# {SUPPRESSED_NOTE}\n" if has_suppressed(table) else ""
    return (note + table.to_csv(index=False)).encode("utf-8-sig")


def csv_bytes(frame: pd.DataFrame, rounding: dict[str, int] | None = None) -> bytes:
    """The CSV of a table as a page shows it: numbers without separators, rounded as on screen (`rounding`)."""
    return _csv_text(for_analysts(frame, rounding))


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data", rounding: dict[str, int] | None = None) -> bytes:
    return xlsx_workbook_bytes({sheet: frame}, rounding)


def xlsx_workbook_bytes(sheets: dict[str, pd.DataFrame], rounding: dict[str, int] | None = None) -> bytes:
    """One workbook, a sheet per table (sheet names cut to Excel's 31 characters), numbers in numeric cells, and
    a "notes" sheet saying what `c` means where a cell is suppressed."""
    tables = {sheet[:31]: for_analysts(frame, rounding) for sheet, frame in sheets.items()}
    if any(has_suppressed(table) for table in tables.values()):
        tables["notes"] = pd.DataFrame({"note": [SUPPRESSED_NOTE]})
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet, table in tables.items():
            table.to_excel(writer, index=False, sheet_name=sheet)
    return buffer.getvalue()


def zip_bytes(tables: dict[str, pd.DataFrame], texts: dict[str, str] | None = None) -> bytes:
    """One ZIP: each table as a formula-safe CSV under its file name, and plain text files (a README)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in (texts or {}).items():
            archive.writestr(name, text.encode("utf-8"))
        for name, frame in tables.items():  # stored tables, typed by the database: only made formula-safe
            archive.writestr(name, _csv_text(neutralise(frame)))
    return buffer.getvalue()
