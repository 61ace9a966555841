"""Exports neutralise anything a spreadsheet would run as a formula."""

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from yjs.domain import exports


@pytest.mark.parametrize(
    "text,safe",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Ealing", "Ealing"),
        ("a=b", "a=b"),
    ],
)
def test_formula_text_is_neutralised(text, safe):
    assert exports.neutralise_text(text) == safe


def test_numbers_stay_numbers_in_csv_and_xlsx():
    frame = pd.DataFrame({"area": ["=cmd|' /C calc'!A0", "Ealing"], "change": [-8.7, 3.0]})
    csv_text = exports.csv_bytes(frame).decode("utf-8-sig")
    assert "'=cmd" in csv_text and "-8.7" in csv_text
    sheet = load_workbook(io.BytesIO(exports.xlsx_bytes(frame))).active
    assert sheet["A2"].value == "'=cmd|' /C calc'!A0"
    assert sheet["B2"].value == -8.7
