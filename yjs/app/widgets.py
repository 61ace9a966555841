"""Streamlit pieces every page uses: demo notices, tables with their downloads, charts with theirs."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from yjs.app import present
from yjs.charts.images import png_bytes
from yjs.domain import exports
from yjs.domain.dates import publication_label
from yjs.domain.plaintext import markdown_text as md


def scope_caption(frame: pd.DataFrame, what: str) -> str:
    """Say which set of areas a national figure was computed over."""
    real = int((~frame["is_demo"]).sum())
    demo = int(frame["is_demo"].sum())
    parts = [f"{real} real area{'s' if real != 1 else ''}"]
    if demo:
        parts.append(f"{demo} demo area{'s' if demo != 1 else ''}")
    return f"{what} computed over {' and '.join(parts)}."


def demo_notice(frame: pd.DataFrame) -> None:
    """Whenever demo rows are on screen, say so, plainly."""
    demo = int(frame["is_demo"].sum()) if "is_demo" in frame else 0
    if demo:
        st.warning(
            f"**Demo data on screen.** {demo} of the {len(frame)} areas shown are invented, with generated "
            "figures (marked *Demo* in the tables). Only the areas marked *Real* come from published "
            "HMIP documents.",
            icon=":material/science:",
        )


def with_data_label(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(data=frame["is_demo"].map({True: "Demo", False: "Real"}))


def publication_column(frame: pd.DataFrame) -> pd.Series:
    """'Sep 2023', or the fieldwork month for an inspection not yet published (or not stated)."""
    return pd.Series(
        [publication_label(p, f) for p, f in zip(frame["published"], frame["fieldwork_start"], strict=True)],
        index=frame.index,
    )


def download_buttons(frame: pd.DataFrame, basename: str, rounding: dict[str, int] | None = None) -> None:
    """CSV and XLSX of a table as shown on screen (suppressed where it is, `c`), formula-safe, numbers as numbers.

    `rounding` names the columns the page rounds on screen and their decimals: the files round them the same way
    and add each one's exact figure beside it (yjs/domain/exports.py).

    The files are written only when a button is pressed (deferred downloads): an XLSX costs tens of
    milliseconds, and a page with a dozen tables would otherwise pay for them on every rerun.
    """
    row = st.container(horizontal=True)
    row.download_button(
        "Download CSV",
        lambda: exports.csv_bytes(frame, rounding),
        file_name=f"{basename}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"csv_{basename}",
        on_click="ignore",
    )
    row.download_button(
        "Download XLSX",
        lambda: exports.xlsx_bytes(frame, rounding=rounding),
        file_name=f"{basename}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        key=f"xlsx_{basename}",
        on_click="ignore",
    )


def areas_to_open(rows: pd.DataFrame, page_path: str, heading: str) -> None:
    """A short list of areas (columns area, note), each a link that opens `page_path` on it as Your area."""
    st.markdown(f"**{md(heading)}**")
    with st.container(key="areas_to_open"):
        for area, note in zip(rows["area"], rows["note"], strict=True):
            row = st.container(horizontal=True, vertical_alignment="center", gap="small")
            row.page_link(page_path, label=md(area), icon=":material/arrow_forward:", query_params={"area": area})
            row.caption(md(note))


def wide_chart_frame():
    """A frame for a chart too wide to shrink (a matrix of cells): on a narrow screen it scrolls sideways
    (yjs/app/layout.py) rather than squeezing its labels on top of each other."""
    return st.container(key="wide_chart")


def lazy_expander(label: str, key: str, *, expanded: bool = False, icon: str | None = None):
    """An expander whose contents are built only while it is open, or None while it is closed.

    Opening or closing it reruns the page; until then a closed table costs nothing on each rerun.
    """
    box = st.expander(label, expanded=expanded, key=key, icon=icon, on_change="rerun")
    return box if box.open else None


def chart(
    figure,
    name: str,
    data: pd.DataFrame | Callable[[], pd.DataFrame] | None = None,
    *,
    key: str | None = None,
    config: dict | None = None,
    title: str | None = None,
) -> None:
    """A chart, a PNG download of it, and the data behind it as an expandable table with its downloads.

    The PNG is drawn only when asked for (a deferred download), by the process's one kaleido server.
    `data` is what the chart shows, after the same suppression as the screen (or a function making it,
    called only when the table is opened); None where the page already shows the chart's table below it.
    """
    # On a projector our own black labels, not the theme's grey ones, for contrast.
    st.plotly_chart(
        present.for_screen(figure),
        width="stretch",
        key=key,
        config=config,
        theme=None if present.presenting() else "streamlit",
    )
    title = title or (figure.layout.title.text or "").replace("<br>", " ") or name.replace("-", " ").capitalize()
    st.download_button(
        "Download chart (PNG)",
        lambda: png_bytes(figure),
        file_name=f"{name}.png",
        mime="image/png",
        icon=":material/image:",
        key=f"png_{key or name}",
        on_click="ignore",
        type="tertiary",
        help=f"“{title}” as a PNG picture, for a report or slides",
    )
    if (
        data is not None
        and (table := lazy_expander(f"Data table: {title}", f"table_{key or name}", icon=":material/table:"))
        is not None
    ):
        with table:
            data = data() if callable(data) else data
            st.dataframe(data, hide_index=True, width="stretch")
            download_buttons(data, f"chart-{key or name}")
