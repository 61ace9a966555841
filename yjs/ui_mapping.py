"""The column-mapping step of the Load data page for improvement plans.

Plans arrive headed in the board's own words. Headings the import knows (the seed plans' among
them) are mapped already; the user can change any mapping, leave a column out, or map a heading
the import does not know. A changed mapping renames the headings of a copy of the file.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from yjs.importers import action_columns as columns
from yjs.importers.remap import rename_headings
from yjs.importers.report import ImportFailed
from yjs.importers.tabular import read_rows

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
    st.caption("Each heading of your file and the field it fills. Headings the import knows are mapped already; "
               "change any that are wrong. Required: " + ", ".join(columns.REQUIRED) + ".")
    chosen, grid = {}, st.columns(3)
    for index, header in enumerate(automatic):
        default = automatic[header]
        chosen[header] = grid[index % 3].selectbox(
            f"“{header}”", options, index=options.index(default) if default else 0, key=f"map_{index}_{header}",
            format_func=lambda o: o.replace("_", " "))
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
