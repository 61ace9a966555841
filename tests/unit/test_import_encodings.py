"""How a CSV's bytes become text: UTF-8 with or without a BOM, Windows-1252 only for a whole file of it
(with a note in the report), and a file mixing the two refused with the lines that differ."""

import codecs

import pytest

from tests.support.dbcheck import data_fingerprint, fetch
from yjs.importers import KINDS, ImportFailed, run_import
from yjs.importers.tabular import WINDOWS_1252_NOTE, decode_csv_bytes

CAFE_UTF8 = "name,region\nCafé Ealing,London\n".encode()


@pytest.mark.parametrize("raw", [CAFE_UTF8, codecs.BOM_UTF8 + CAFE_UTF8, "name,region\nCafé,London\n".encode("utf-16")])
def test_utf8_with_or_without_a_bom_and_utf16_read_without_a_note(raw):
    decoded = decode_csv_bytes(raw)
    assert "Café" in decoded.text and not decoded.text.startswith("\ufeff")
    assert decoded.note is None


def test_a_whole_windows_1252_file_is_read_as_such_and_says_so():
    decoded = decode_csv_bytes("name,lead\nEaling,Renée O’Brien – Café\n".encode("cp1252"))
    assert "Renée O’Brien – Café" in decoded.text
    assert decoded.note == WINDOWS_1252_NOTE


def test_a_file_mixing_utf8_and_windows_1252_lines_is_refused_with_the_lines_that_differ():
    raw = b"name,lead\n" + "Ealing,Café\n".encode() + b"Reading,plain\n" + "Bucks,Renée\n".encode("cp1252")
    with pytest.raises(ImportFailed) as failure:
        decode_csv_bytes(raw)
    [problem] = failure.value.problems
    assert problem.line == 4
    assert "not UTF-8, but line 2 is" in problem.reason and "mixes two encodings" in problem.reason


def test_bytes_neither_utf8_nor_windows_1252_are_refused_by_line():
    with pytest.raises(ImportFailed) as failure:
        decode_csv_bytes(b"name,region\nEaling,London\nOdd\x81name,London\n")
    assert [p.line for p in failure.value.problems] == [3]
    assert "neither UTF-8 nor Windows-1252" in failure.value.problems[0].reason


def test_the_mixed_file_of_the_attack_stores_nothing_and_a_windows_file_imports_with_the_note(writable_db, tmp_path):
    """The attack: a CSV mixing UTF-8 and Windows-1252 rows was stored garbled ("CafÃ©", "RenÃ©e")."""
    mixed = tmp_path / "areas.csv"
    mixed.write_bytes(
        b"name,region,aliases\n" + "Ealing,London,Café\n".encode() + "Reading,South East,Renée\n".encode("cp1252")
    )
    before = data_fingerprint(writable_db)
    with pytest.raises(ImportFailed) as failure:
        run_import(KINDS["areas"], mixed, writable_db)
    assert [p.line for p in failure.value.problems] == [3]
    assert data_fingerprint(writable_db) == before

    windows = tmp_path / "windows.csv"
    windows.write_bytes("name,region,aliases\nEaling,London,Café Ealing\n".encode("cp1252"))
    result = run_import(KINDS["areas"], windows, writable_db)
    assert "read as Windows-1252" in result.summary()
    assert fetch(writable_db, "SELECT aliases FROM areas WHERE name = 'Ealing'")[0][0][-1] == "Café Ealing"
    assert "read as Windows-1252" in fetch(writable_db, "SELECT detail FROM audit_log ORDER BY seq DESC LIMIT 1")[0][0]
