"""Load data: upload a CSV or XLSX, see every problem by line, then import it atomically."""

import tempfile

import streamlit as st

from yjs.app import auth, loading
from yjs.app.entry import current_page
from yjs.domain.plaintext import markdown_text as md

actor = current_page().actor
auth.require(actor, "editor")  # registered for editors only; the import checks the role again
st.title("Load data")
st.caption(
    "Upload a CSV or Excel file. Every row is checked first; a file with any problem changes nothing. "
    "The column formats are in the README (“Importing …” sections)."
)
kind = st.selectbox("What the file holds", list(loading.KINDS), key="kind", bind="query-params")
st.caption(
    f"Columns: **{', '.join(loading.KINDS[kind].required)}** (required); {', '.join(loading.KINDS[kind].optional)}."
)
upload = loading.upload(kind)
if upload is None:
    st.stop()

add_areas = kind == "inspections" and st.checkbox("Add areas the database does not know yet")
workspace = tempfile.TemporaryDirectory(prefix="yjs-upload-")  # removed when this run ends
path = loading.saved_copy(upload, workspace)
choices = loading.Choices()
if kind == "actions":
    choices = loading.plan_choices(path, actor)
elif kind == "indicator-definitions":
    choices = loading.Choices(
        force=st.checkbox(
            "Allow changing the unit or polarity of an indicator that already holds values",
            help="Its values then mean something else: check them. The change is recorded in the audit trail.",
        )
    )
preview = loading.check(kind, path, upload.name, add_areas, choices, actor, upload.file_id)
if preview is None:
    st.stop()
st.info(md(preview.summary()), icon=":material/fact_check:")
if st.button(f"Import {preview.rows:,} rows", type="primary"):
    loading.load(kind, path, add_areas, actor, choices)
