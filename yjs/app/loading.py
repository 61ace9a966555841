"""The Load data page's helpers: the column mapping of a plan, the check of a file and its import.

The column-mapping step for improvement plans:

Plans arrive headed in the board's own words. Headings the import knows (the seed plans' among
them) are mapped already; the user can change any mapping, leave a column out, or map a heading
the import does not know. A changed mapping renames the headings of a copy of the file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from yjs.app import widgets
from yjs.domain.plaintext import markdown_text as md
from yjs.domain.roles import Actor, PermissionDenied
from yjs.importers import KINDS, ImportFailed, run_import
from yjs.importers import action_columns as columns
from yjs.importers.remap import rename_headings
from yjs.importers.report import ImportResult
from yjs.importers.tabular import MAX_UPLOAD_MB, read_rows, too_large
from yjs.paths import database_path
from yjs.store.atomic import StoreError

CHOOSE, LEAVE_OUT = "(choose a field)", "(leave this column out)"


def mapped_actions_file(path: Path) -> Path:
    """The file to import: `path` itself, or a copy with the headings the user mapped."""
    try:
        headers, _rows = read_rows(path)
    except ImportFailed:
        return path  # the check that follows reports why the file cannot be read
    automatic = columns.automatic_mapping(headers)
    options = [CHOOSE, LEAVE_OUT, *columns.FIELDS]
    st.markdown("**Column mapping**")
    st.caption(
        "Each heading of your file and the field it fills. Headings the import knows are mapped already; "
        "change any that are wrong. Required: " + ", ".join(columns.REQUIRED) + "."
    )
    chosen, grid = {}, st.columns(3)
    for index, header in enumerate(automatic):
        default = automatic[header]
        chosen[header] = grid[index % 3].selectbox(
            f"“{header}”",
            options,
            index=options.index(default) if default else 0,
            key=f"map_{index}_{header}",
            format_func=lambda o: o.replace("_", " "),
        )
    if all(chosen[h] in (automatic[h], CHOOSE) for h in chosen):
        return path
    headings = [_heading(h, chosen.get(h, CHOOSE)) for h in headers]
    try:
        return rename_headings(path, headings)
    except Exception:  # e.g. merged header cells, which the check that follows reports
        return path


def _heading(header: str, choice: str) -> str:
    if not header or choice == CHOOSE:
        return header
    if choice == LEAVE_OUT:
        return columns.IGNORED + header
    return choice.replace("_", " ")


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
    path.write_bytes(file.getvalue())
    return path


def check(kind: str, path: Path, name: str, add_areas: bool, actor: Actor) -> ImportResult | None:
    """Every row checked, with progress; the problems, line by line, when there are any (then None).
    A file about areas the person's role does not cover is refused here already (and again on import)."""
    try:
        with st.status(f"Checking {md(name)}…", expanded=False) as status:
            preview = run_import(
                KINDS[kind],
                path,
                database_path(),
                dry_run=True,
                add_areas=add_areas,
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
            [(p.line or None, p.column or "", p.reason) for p in failure.problems],
            columns=["Line", "Column", "Problem"],
        )
        st.dataframe(problems, hide_index=True, width="stretch")
        widgets.download_buttons(problems, f"problems-{name}")
        return None
    return preview


def load(kind: str, path: Path, add_areas: bool, actor: Actor) -> None:
    """The import itself, with a progress bar and a clear end message."""
    progress = st.progress(0, text="Importing…")
    steps = ("reading", "validating", "writing", "done")
    try:
        result = run_import(
            KINDS[kind],
            path,
            database_path(),
            add_areas=add_areas,
            actor=actor,
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
