"""Exports an analyst can use as they are, and that neutralise anything a spreadsheet would run as a formula."""

import io
import zipfile

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


# Every helper an export goes through: numbers as numbers, suppression kept and explained, rounding as on screen
# with the exact figure beside it, and the ZIP of stored tables.


def _csv(data: bytes) -> tuple[list[str], pd.DataFrame]:
    """The note lines (starting with #) and the table of a CSV export."""
    text = data.decode("utf-8-sig")
    notes = [line for line in text.splitlines() if line.startswith("#")]
    return notes, pd.read_csv(io.StringIO(text), skiprows=len(notes), keep_default_na=False)


@pytest.mark.parametrize(
    "printed,written",
    [
        (["1,874", "12"], [1874, 12]),  # a thousands separator
        (["12.5%", "3%"], [12.5, 3]),  # a percentage as its number
        (["1,874", "c", "–", "x"], [1874, "c", None, "x"]),  # symbols kept, a missing mark blank
        (["4", "17", "2024"], [4, 17, 2024]),  # whole numbers printed as text
        (["0.25", "c"], [0.25, "c"]),  # decimals beside a symbol
    ],
)
def test_printed_numbers_are_written_as_numbers(printed, written):
    column = exports.numbers_as_numbers(pd.DataFrame({"n": printed}))["n"]
    assert column.tolist() == written
    assert [type(v) for v in column] == [type(v) for v in written]


@pytest.mark.parametrize(
    "text",
    [
        ["1.10", "2.3"],  # standard references look like numbers and are not
        ["007", "12"],  # a code with a leading zero
        ["Ealing", "1,874"],  # a column of words
        ["c", "–"],  # symbols alone: nothing to read as a number
    ],
)
def test_text_that_only_looks_like_numbers_is_left_as_written(text):
    assert exports.numbers_as_numbers(pd.DataFrame({"t": text}))["t"].tolist() == text


def test_rounded_columns_keep_their_exact_figure_beside_them_and_c_in_both():
    frame = pd.DataFrame({"area": ["A", "B"], "rri": [1.23456, "c"], "n": [3, 4]})
    out = exports.with_exact(frame, {"rri": 2, "absent": 1})
    assert list(out.columns) == ["area", "rri", "rri_exact", "n"]
    assert out["rri"].tolist() == [1.23, "c"] and out["rri_exact"].tolist() == [1.23456, "c"]


def test_suppression_is_found_in_any_column():
    assert exports.has_suppressed(pd.DataFrame({"a": ["x", "z"], "b": [3, "c"]}))
    assert not exports.has_suppressed(pd.DataFrame({"a": ["Ealing"], "b": [3]}))
    assert not exports.has_suppressed(pd.DataFrame({"ref": ["a", "b", "c"]})), "c as a word is not a hidden cell"
    assert exports.has_suppressed(pd.DataFrame({"n": [12, "c", None]}))
    assert not exports.has_suppressed(pd.DataFrame({"action": ["c"]})), "a lone c may be a word"
    assert exports.has_suppressed(pd.DataFrame({"n": ["c", "c"]}))
    nullable = pd.DataFrame({"score": pd.array([17, None], dtype="Int64"), "on": [pd.Timestamp("2024-01-01"), pd.NaT]})
    assert not exports.has_suppressed(nullable), "missing values of any kind are blanks, not errors"
    assert exports.csv_bytes(nullable).decode("utf-8-sig").splitlines()[1] == "17,2024-01-01"


def test_for_analysts_converts_then_rounds_then_neutralises():
    frame = pd.DataFrame({"group": ["=1+1", "Black"], "children": ["1,874", "c"], "rate": [0.0188266, 0.5]})
    out = exports.for_analysts(frame, {"rate": 4})
    assert out.to_dict("list") == {
        "group": ["'=1+1", "Black"],
        "children": [1874, "c"],
        "rate": [0.0188, 0.5],
        "rate_exact": [0.0188266, 0.5],
    }


def test_csv_has_no_separators_rounds_as_on_screen_and_explains_c_in_a_note_line():
    frame = pd.DataFrame({"group": ["Black", "White"], "children": ["1,874", "c"], "rri": [2.345678, 1.0]})
    notes, table = _csv(exports.csv_bytes(frame, {"rri": 2}))
    assert notes == [f"# {exports.SUPPRESSED_NOTE}"]
    assert table.to_dict("list") == {
        "group": ["Black", "White"],
        "children": ["1874", "c"],
        "rri": [2.35, 1.0],
        "rri_exact": [2.345678, 1.0],
    }
    assert "1,874" not in exports.csv_bytes(frame).decode("utf-8-sig")


def test_csv_without_suppression_starts_with_its_header():
    text = exports.csv_bytes(pd.DataFrame({"area": ["Ealing"], "children": ["1,200"]})).decode("utf-8-sig")
    assert text.splitlines() == ["area,children", "Ealing,1200"]


def test_xlsx_cells_are_numeric_and_a_notes_sheet_explains_c():
    frame = pd.DataFrame({"group": ["Black", "White"], "children": ["1,874", "c"], "rate": ["12.5%", "c"]})
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(frame, "rri", rounding={"rate": 0})))
    assert book.sheetnames == ["rri", "notes"]
    rows = list(book["rri"].values)
    assert rows[0] == ("group", "children", "rate", "rate_exact")
    assert rows[1] == ("Black", 1874, 12, 12.5) and rows[2] == ("White", "c", "c", "c")
    assert book["notes"]["A2"].value == exports.SUPPRESSED_NOTE


def test_workbook_has_a_sheet_per_table_with_names_cut_to_excels_limit():
    long_name = "a sheet name longer than thirty-one characters"
    book = load_workbook(io.BytesIO(exports.xlsx_workbook_bytes({long_name: pd.DataFrame({"n": ["2,000"]})})))
    assert book.sheetnames == [long_name[:31]], "no notes sheet without a suppressed cell"
    assert book[long_name[:31]]["A2"].value == 2000


def test_zip_holds_the_texts_and_each_stored_table_as_written_only_made_formula_safe():
    tables = {"areas.csv": pd.DataFrame({"code": ["1.10", "=HYPERLINK(1)"], "n": [1874, 2]})}
    with zipfile.ZipFile(io.BytesIO(exports.zip_bytes(tables, {"README.txt": "Read me\n"}))) as archive:
        assert sorted(archive.namelist()) == ["README.txt", "areas.csv"]
        assert archive.read("README.txt").decode() == "Read me\n"
        table = pd.read_csv(io.BytesIO(archive.read("areas.csv")), encoding="utf-8-sig", dtype=str)
    assert table.to_dict("list") == {"code": ["1.10", "'=HYPERLINK(1)"], "n": ["1874", "2"]}
