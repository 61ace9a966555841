"""The Load data page's helpers: the column mapping of a plan, the check of a file and its import.

The column-mapping step for improvement plans:

Plans arrive headed and laid out in the board's own words. The headings are found below any title
rows, and those the import recognises are mapped already; the person can change any mapping, leave a
column out, answer a heading that could mean two fields, name the area when the file has none,
choose one sheet of a workbook, and save the mapping under a name to start from next time (or to
use with `python -m yjs import actions FILE --mapping NAME`). The choices travel with the import
(`Choices`); the file itself is never rewritten, so every problem points at the person's own file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec

from yjs.app import widgets
from yjs.app.cache import query
from yjs.data.areas import areas_with_inspection_years
from yjs.data.mappings import saved_mappings
from yjs.domain.plaintext import markdown_text as md
from yjs.domain.roles import Actor, PermissionDenied
from yjs.importers import KINDS, Choices, ImportFailed
from yjs.importers import action_columns as columns
from yjs.importers.base import reading_notes
from yjs.importers.isolated import run_import_here_or_apart
from yjs.importers.report import ImportResult
from yjs.importers.tabular import MAX_UPLOAD_MB, too_large
from yjs.paths import database_path
from yjs.store.atomic import StoreError
from yjs.store.mappings import MappingError, save_mapping
from yjs.store.names import MAX_NAME

CHOOSE, LEAVE_OUT = "(choose a field)", "(leave this column out)"
ALL_SHEETS = "Every sheet headed alike"


def plan_choices(path: Path, actor: Actor) -> Choices:
    """The mapping step of a plan file: each heading and its field, the area, the sheet; saved on request."""
    st.markdown("**Column mapping**")
    saved = saved_mappings(query, "actions")
    start = st.selectbox("Start from a saved mapping", ["(none)", *saved], key="saved_mapping") if saved else "(none)"
    base = saved.get(start, {})
    try:
        table = KINDS["actions"].read(path, Choices(headings=base))
    except ImportFailed:
        return Choices(headings=base)  # the check that follows reports why the file cannot be read
    found = reading_notes(table)
    st.caption(
        (f"{found[0][:1].upper()}{found[0][1:]}. " if found else "")
        + "Each heading of your file and the field it fills: those the import recognises are mapped already; "
        "change any that are wrong. Required: the action, and the area (a column, or the choice below)."
    )
    headings = _mapping_grid(columns.plan_columns(table.headers, base), table.labels, start)
    sheets = [sheet for sheet in table.header_lines if sheet]
    sheet = None
    if len(sheets) > 1:
        picked = st.selectbox("Sheets", [ALL_SHEETS, *sheets], key="plan_sheet")
        sheet = None if picked == ALL_SHEETS else picked
    _save_form(headings, actor)
    area = None
    if not any(c.field == "area" for c in columns.plan_columns(table.headers, headings)):
        area = _area_choice()
        if area is None:
            st.info("Choose the area of this plan to check the file.", icon=":material/arrow_upward:")
            st.stop()
    return Choices(area=area, headings=headings, sheet=sheet)


def _mapping_grid(automatic: list[columns.Column], labels: dict[str, str], saved_name: str) -> dict[str, str | None]:
    """A field for every heading; the person's choices where they differ from the automatic match
    (a field, or None to leave a column out)."""
    options = [CHOOSE, LEAVE_OUT, *columns.FIELDS]
    chosen, grid = {}, st.columns(3)
    for index, column in enumerate(automatic):
        default = column.field or (LEAVE_OUT if column.how == "left out" else CHOOSE)
        with grid[index % 3]:
            choice = st.selectbox(
                f"“{labels.get(column.heading, column.heading)}”",
                options,
                index=options.index(default),
                key=f"map_{saved_name}_{index}_{column.heading}",
                format_func=lambda o: o.replace("_", " "),
            )
            if column.how == "ambiguous" and choice == CHOOSE:
                st.warning(f"Could mean {' or '.join(column.candidates)}: choose one.", icon=":material/help:")
            elif column.how == "unknown" and choice == CHOOSE:
                st.caption("Not recognised: choose a field, or leave the column out.")
        if choice == LEAVE_OUT:
            chosen[column.heading] = None
        elif choice != CHOOSE and choice != columns.field_for(column.heading):
            chosen[column.heading] = choice  # only what differs from the automatic match is the person's mapping
    return chosen


def _area_choice() -> str | None:
    areas = areas_with_inspection_years(query)
    names = sorted(areas.loc[~areas["is_demo"], "area"]) + sorted(areas.loc[areas["is_demo"], "area"])
    return st.selectbox(
        "Area of this plan (the file has no area column)",
        names,
        index=None,
        placeholder="Choose the service whose plan this is",
        key="plan_area",
    )


def _save_form(headings: dict[str, str | None], actor: Actor) -> None:
    with st.expander("Save this mapping to reuse it", icon=":material/bookmark_add:"), st.form("save_mapping"):
        name = st.text_input(
            "Name", max_chars=MAX_NAME, placeholder="e.g. Our board's plan template", key="mapping_name"
        )
        if st.form_submit_button("Save mapping"):
            try:
                saved = save_mapping(database_path(), name, "actions", headings, actor)
            except (MappingError, PermissionDenied, StoreError) as exc:
                st.error(str(exc))
            else:
                st.success(
                    f"Saved “{saved}”. Choose it here next time, or use it from the command line: "
                    f'`python -m yjs import actions FILE --mapping "{saved}"`.'
                )


def _copy_sharing_the_bytes(file: UploadedFile, _memo: dict) -> UploadedFile:
    """A copy of an upload over the same bytes. Streamlit deep-copies a widget's value on every run, and
    deepcopy of a BytesIO copies its buffer: a 173 MB extract was held twice while any script ran. A BytesIO
    over bytes shares them until written to (CPython's copy-on-write), so this copy is as independent."""
    record = UploadedFileRec(file_id=file.file_id, name=file.name, type=file.type, data=file.getvalue())
    return UploadedFile(record, file._file_urls)


UploadedFile.__deepcopy__ = _copy_sharing_the_bytes


def upload(kind: str):
    """The uploaded file (None until there is one); a file over the limit is refused here."""
    file = st.file_uploader(
        f"File (up to {MAX_UPLOAD_MB} MB)", type=["csv", "xlsx"], key=f"upload_{kind}", max_upload_size=MAX_UPLOAD_MB
    )
    if file is not None and too_large(file.size):  # the browser enforces the limit too; this holds for any client
        st.error(f"**{md(file.name)}: {too_large(file.size)}.** Nothing was written.", icon=":material/error:")
        return None
    return file


def saved_copy(file, folder: tempfile.TemporaryDirectory) -> Path:
    """The upload as a file of its own name (which becomes each row's source), in a folder for this run."""
    path = Path(folder.name) / Path(file.name).name
    path.write_bytes(file.getvalue())  # the upload itself (getbuffer would copy it: a writable view unshares)
    return path


def check(
    kind: str, path: Path, name: str, add_areas: bool, choices: Choices, actor: Actor, upload_id: str = ""
) -> ImportResult | None:
    """Every row checked, with progress; the problems, line by line, when there are any (then None).
    A file about areas the person's role does not cover is refused here already (and again on import).

    A file that passed is not checked again on the rerun that imports it (the import checks it against
    the database as it then is): of a large file, that would be half the wait again."""
    checked = (kind, upload_id, add_areas, repr(choices), actor)
    if upload_id and st.session_state.get("checked_upload", (None,))[0] == checked:
        st.status(f"{md(name)}: every row is valid", state="complete", expanded=False)
        return st.session_state["checked_upload"][1]
    try:
        with st.status(f"Checking {md(name)}…", expanded=False) as status:
            preview = run_import_here_or_apart(
                kind,
                path,
                database_path(),
                dry_run=True,
                add_areas=add_areas,
                choices=choices,
                actor=actor,
                progress=lambda step: status.update(label=f"Checking {md(name)}: {step}…"),
            )
            status.update(label=f"{md(name)}: every row is valid", state="complete")
    except PermissionDenied as refusal:
        st.error(f"**Not allowed.** {md(refusal)}", icon=":material/block:")
        return None
    except ImportFailed as failure:
        st.error(
            f"**{len(failure.problems)} problem(s); nothing was written.** Correct the file and upload it again.",
            icon=":material/error:",
        )
        problems = pd.DataFrame(
            [(p.sheet, p.line or None, p.column or "", p.reason) for p in failure.problems],
            columns=["Sheet", "Line", "Column", "Problem"],
        )
        if not problems["Sheet"].any():
            problems = problems.drop(columns="Sheet")
        st.dataframe(problems, hide_index=True, width="stretch")
        widgets.download_buttons(problems, f"problems-{name}")
        return None
    st.session_state["checked_upload"] = (checked, preview)
    return preview


def load(kind: str, path: Path, add_areas: bool, actor: Actor, choices: Choices) -> None:
    """The import itself, with a progress bar and a clear end message."""
    progress = st.progress(0, text="Importing…")
    steps = ("reading", "validating", "writing", "done")
    st.session_state.pop("checked_upload", None)  # whatever happens, the file is checked again next time
    try:
        result = run_import_here_or_apart(
            kind,
            path,
            database_path(),
            add_areas=add_areas,
            actor=actor,
            choices=choices,
            progress=lambda step: progress.progress((steps.index(step) + 1) / len(steps), text=f"Importing: {step}…"),
        )
    except (ImportFailed, StoreError, PermissionDenied) as exc:
        st.error(f"Nothing was written: {md(exc)}")
    else:
        st.success(
            f"Imported. {md(result.summary())}. The file it replaced was backed up first "
            "(`python -m yjs restore --list`).",
            icon=":material/check_circle:",
        )
