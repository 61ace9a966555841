"""Shared Streamlit pieces: the database guard, the shared filters, demo notices, tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from yjs import appdata
from yjs.dates import publication_label
from yjs.db import DatabaseUnavailable

FILTERS_KEY = "yjs_filters"
ENTRY_RAN_KEY = "yjs_entry_point_ran"


@dataclass(frozen=True)
class Filters:
    show_demo: bool
    regions: tuple[str, ...]
    area: str | None
    year_from: int
    year_to: int

    def scope(self) -> dict:
        """The bound parameters most queries filter on."""
        return dict(show_demo=self.show_demo, regions=list(self.regions),
                    year_from=self.year_from, year_to=self.year_to)


def database_ready() -> bool:
    """Show a clear message (never a traceback) when the database cannot be used."""
    try:
        appdata.query("shared/database_info")
        return True
    except DatabaseUnavailable as exc:
        st.title("YJS Insight")
        st.error(f"**{exc.problem}.**\n\nDatabase file: `{exc.path}`", icon=":material/database:")
        st.markdown("Fix it by running this in the project folder, then check again (no restart needed):")
        st.code(exc.fix, language="bash")
        st.button("Check again", icon=":material/refresh:", key="check_database_again")
        return False


def sidebar_filters() -> Filters:
    """The filters every page shares, bound to the URL so a copied link reopens the same view."""
    options = appdata.query("shared/filter_options")
    has_demo = bool(options["is_demo"].any())
    sidebar = st.sidebar
    sidebar.header("Filters")
    show_demo = sidebar.toggle(
        "Show demo areas", value=False, key="demo", bind="query-params", disabled=not has_demo,
        help="Invented areas with generated figures, to show the national picture. Real areas are never mixed "
             "with demo figures." if has_demo else "This database was built without demo data.",
    )
    visible = options if show_demo else options[~options["is_demo"]]
    regions = sidebar.multiselect("Region", sorted(visible["region"].dropna().unique()), key="region",
                                  bind="query-params", placeholder="All regions")
    area = sidebar.selectbox("Your area", visible["area"].tolist(), index=None, key="area", bind="query-params",
                             placeholder="Choose an area to highlight")
    first = int(options["first_year"].min()) if options["first_year"].notna().any() else 2018
    last = int(options["last_year"].max()) if options["last_year"].notna().any() else first
    if first < last:
        year_from, year_to = sidebar.slider("Inspection year", min_value=first, max_value=last, value=(first, last),
                                            key="period", bind="query-params")
    else:
        year_from = year_to = first
    filters = Filters(show_demo, tuple(regions), area, int(year_from), int(year_to))
    st.session_state[FILTERS_KEY] = filters
    st.session_state[ENTRY_RAN_KEY] = True
    return filters


def filters() -> Filters:
    """The shared filters; call once at the top of each page.

    Because the design card puts pages in `pages/`, Streamlit's legacy multipage path can run a
    page file without app.py: on a fresh server's first request to a page URL, and on every
    AppTest rerun. Then the entry point has not run this time, so switch that path off and
    rerun through app.py, which registers the navigation and draws the shared filters.
    """
    if not st.session_state.pop(ENTRY_RAN_KEY, False):
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state[FILTERS_KEY]


def data_mode_sidebar_note(filters: Filters) -> None:
    if filters.show_demo:
        st.sidebar.badge("Demo areas shown", icon=":material/science:", color="orange")
    else:
        st.sidebar.badge("Real data only", icon=":material/verified:", color="blue")


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
        st.warning(f"**Demo data on screen.** {demo} of the {len(frame)} areas shown are invented, with generated "
                   "figures (marked *Demo* in the tables). Only the areas marked *Real* come from published "
                   "HMIP documents.", icon=":material/science:")


def with_data_label(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(data=frame["is_demo"].map({True: "Demo", False: "Real"}))


def publication_column(frame: pd.DataFrame) -> pd.Series:
    """'Sep 2023', or the fieldwork month for an inspection not yet published (or not stated)."""
    return pd.Series([publication_label(p, f) for p, f in zip(frame["published"], frame["fieldwork_start"])],
                     index=frame.index)


def download_buttons(frame: pd.DataFrame, basename: str) -> None:
    """CSV and XLSX of a table as shown on screen (suppressed where it is), formula-safe.

    The files are written only when a button is pressed (deferred downloads): an XLSX costs tens of
    milliseconds, and a page with a dozen tables would otherwise pay for them on every rerun.
    """
    from yjs import exports

    row = st.container(horizontal=True)
    row.download_button("Download CSV", lambda: exports.csv_bytes(frame), file_name=f"{basename}.csv",
                        mime="text/csv", icon=":material/download:", key=f"csv_{basename}", on_click="ignore")
    row.download_button("Download XLSX", lambda: exports.xlsx_bytes(frame), file_name=f"{basename}.xlsx",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        icon=":material/download:", key=f"xlsx_{basename}", on_click="ignore")


def lazy_expander(label: str, key: str, *, expanded: bool = False, icon: str | None = None):
    """An expander whose contents are built only while it is open, or None while it is closed.

    Opening or closing it reruns the page; until then a closed table costs nothing on each rerun.
    """
    box = st.expander(label, expanded=expanded, key=key, icon=icon, on_change="rerun")
    return box if box.open else None


def chart(figure, name: str, data: pd.DataFrame | Callable[[], pd.DataFrame] | None = None, *, key: str | None = None,
          config: dict | None = None, title: str | None = None) -> None:
    """A chart, a PNG download of it, and the data behind it as an expandable table with its downloads.

    The PNG is drawn only when asked for (a deferred download), by the process's one kaleido server.
    `data` is what the chart shows, after the same suppression as the screen (or a function making it,
    called only when the table is opened); None where the page already shows the chart's table below it.
    """
    from yjs import ui_present
    from yjs.boardpack.images import png_bytes

    # On a projector our own black labels, not the theme's grey ones, for contrast.
    st.plotly_chart(ui_present.for_screen(figure), width="stretch", key=key, config=config,
                    theme=None if ui_present.presenting() else "streamlit")
    title = title or figure.layout.title.text or name.replace("-", " ").capitalize()
    st.download_button("Download chart (PNG)", lambda: png_bytes(figure), file_name=f"{name}.png", mime="image/png",
                       icon=":material/image:", key=f"png_{key or name}", on_click="ignore", type="tertiary",
                       help=f"“{title}” as a PNG picture, for a report or slides")
    if data is not None and (table := lazy_expander(f"Data table: {title}", f"table_{key or name}",
                                                     icon=":material/table:")) is not None:
        with table:
            data = data() if callable(data) else data
            st.dataframe(data, hide_index=True, width="stretch")
            download_buttons(data, f"chart-{key or name}")
