"""Reading the app's CSV and XLSX exports back as an analyst would, and what they should hold."""

from __future__ import annotations

import io

import pandas as pd

from yjs.domain import exports


def csv_table(data: bytes) -> tuple[list[str], pd.DataFrame]:
    """A CSV export's note lines (starting with #) and its table, every cell as the text written."""
    text = data.decode("utf-8-sig")
    notes = [line for line in text.splitlines() if line.startswith("#")]
    table = pd.read_csv(io.StringIO(text), skiprows=len(notes), dtype=str, keep_default_na=False)
    return notes, table


def xlsx_table(data: bytes) -> pd.DataFrame:
    """An XLSX export's first sheet, every cell as text (the notes sheet left aside)."""
    return pd.read_excel(io.BytesIO(data), sheet_name=0, dtype=str, keep_default_na=False)


def as_written(screen: pd.DataFrame) -> pd.DataFrame:
    """A table as the screen prints it ("1,874", "c", "–"), as its export writes it ("1874", "c", "")."""
    written = exports.numbers_as_numbers(screen)
    return written.map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))
