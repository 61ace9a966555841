"""Load data: upload a CSV or XLSX, see every problem by line, then import it atomically."""

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from yjs import ui, ui_auth, ui_mapping
from yjs.auth import PermissionDenied
from yjs.importers import KINDS, ImportFailed, run_import
from yjs.importers.tabular import MAX_UPLOAD_MB, too_large
from yjs.paths import database_path
from yjs.store import StoreError

filters = ui.filters()
ui_auth.require("editor")  # registered for editors only; run_import checks the role again
st.title("Load data")
st.caption("Upload a CSV or Excel file. Every row is checked first; a file with any problem changes nothing. "
           "The column formats are in the README (“Importing …” sections).")
kind = st.selectbox("What the file holds", list(KINDS), key="kind", bind="query-params")
st.caption(f"Columns: **{', '.join(KINDS[kind].required)}** (required); {', '.join(KINDS[kind].optional)}.")
upload = st.file_uploader(f"File (up to {MAX_UPLOAD_MB} MB)", type=["csv", "xlsx"], key=f"upload_{kind}",
                          max_upload_size=MAX_UPLOAD_MB)
if upload is None:
    st.stop()
if too_large(upload.size):  # the browser enforces the limit too; this holds for any client
    st.error(f"**{upload.name}: {too_large(upload.size)}.** Nothing was written.", icon=":material/error:")
    st.stop()

add_areas = kind == "inspections" and st.checkbox("Add areas the database does not know yet")
workspace = tempfile.TemporaryDirectory(prefix="yjs-upload-")  # removed when this run ends
path = Path(workspace.name) / Path(upload.name).name  # the file's own name becomes each row's source
path.write_bytes(upload.getvalue())
if kind == "actions":
    path = ui_mapping.mapped_actions_file(path)

try:
    with st.status(f"Checking {upload.name}…", expanded=False) as status:
        preview = run_import(KINDS[kind], path, database_path(), dry_run=True, add_areas=add_areas,
                             progress=lambda step: status.update(label=f"Checking {upload.name}: {step}…"))
        status.update(label=f"{upload.name}: every row is valid", state="complete")
except ImportFailed as failure:
    st.error(f"**{len(failure.problems)} problem(s); nothing was written.** Correct the file and upload it again.",
             icon=":material/error:")
    problems = pd.DataFrame([(p.line or None, p.column or "", p.reason) for p in failure.problems],
                            columns=["Line", "Column", "Problem"])
    st.dataframe(problems, hide_index=True, width="stretch")
    ui.download_buttons(problems, f"problems-{upload.name}")
    st.stop()

st.info(preview.summary(), icon=":material/fact_check:")
if st.button(f"Import {preview.rows:,} rows", type="primary"):
    progress = st.progress(0, text="Importing…")
    steps = ("reading", "validating", "writing", "done")
    try:
        result = run_import(KINDS[kind], path, database_path(), add_areas=add_areas, actor=ui_auth.actor(),
                            progress=lambda step: progress.progress((steps.index(step) + 1) / len(steps),
                                                                   text=f"Importing: {step}…"))
    except (ImportFailed, StoreError, PermissionDenied) as exc:
        st.error(f"Nothing was written: {exc}")
    else:
        st.success(f"Imported. {result.summary()}. The file it replaced was backed up first "
                   "(`python -m yjs restore --list`).", icon=":material/check_circle:")
