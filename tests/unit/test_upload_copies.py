"""Streamlit deep-copies an uploader's value on every script run: the app's copy shares the upload's bytes
(yjs/app/loading.py), so a large extract is held once, and stays as independent as a copy must be."""

import copy

from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec

from yjs.app import loading  # noqa: F401 (importing it gives uploads their copy)


def upload(data: bytes) -> UploadedFile:
    return UploadedFile(UploadedFileRec(file_id="f1", name="cohort.csv", type="text/csv", data=data), None)


def test_a_copied_upload_shares_its_bytes_and_is_independent():
    original = upload(b"child_id,area\n" * 1000)
    copied = copy.deepcopy(original)
    assert copied.getvalue() is original.getvalue()  # the same bytes object: no second copy in memory
    assert (copied.file_id, copied.name, copied.type, copied.size) == ("f1", "cohort.csv", "text/csv", original.size)
    copied.read(5)
    copied.write(b"XXXXX")  # written to: the copy gets its own buffer, the upload is untouched
    assert original.getvalue().startswith(b"child_id,area") and copied.getvalue().startswith(b"childXXXXXrea\n")
    assert original.tell() == 0
