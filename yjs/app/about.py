"""The About the data page's helpers: when the data last changed (also in the sidebar), where they come from,
what is real and what is demo, the indicator catalogue, Download all data, and the accessibility statement."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from yjs.app import widgets
from yjs.app.cache import query
from yjs.data import about as about_data
from yjs.data.indicators import catalogue
from yjs.domain import about, exports
from yjs.domain.dates import long_date
from yjs.domain.plaintext import markdown_text as md

WRAPPED_ROW_PX = 72  # over 4rem: Streamlit's grid then wraps long text instead of cutting it off
ACCESSIBILITY = """
YJS Insight aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, as UK public sector
bodies' websites must.

**What is tested, on every change to the app**
- Every page, in normal and in presentation mode, is checked in a real browser with **axe-core** against the
  WCAG 2.0, 2.1 and 2.2 A and AA rules: a serious or critical problem fails the build.
- Every page is opened at a **tablet's size** (820 × 1180, held upright): the sidebar starts closed, and a check
  measures that no chart label overlaps another or is cut off, and that no control's label breaks inside a word.
- Colours: the rating and BRAG colours stay apart for the common forms of colour blindness and in greyscale, and
  every coloured mark is also named in words (a cell says *Good*, a bar *Blue 40%*).
- **Presentation mode** (the sidebar's switch) is for a shared screen: text at 20 px, chart labels at 24 px, black
  on white, small counts of children hidden at the strictest threshold.

**Known limits**
- Charts are drawn as pictures: a screen reader reads their title. The figures of each are in its **Data table**
  under it, and every table downloads as CSV and XLSX.
- A chart's details on hover need a mouse or a touch.
- On a narrow screen the Ratings matrix scrolls sideways in its own frame rather than shrink its labels.
- Tables are Streamlit's data grid, which a screen reader reads one cell at a time; the download is the easiest
  way to read a long table in full.

**Reporting a problem**

If something is hard to read or use, tell the team that runs this copy of the app (your service's performance or
data lead), or open an issue in the project's repository. Say which page, what you were doing, and the browser and
any assistive technology you use: we aim to reply within five working days. If you are not happy with the answer,
contact the [Equality Advisory and Support Service (EASS)](https://www.equalityadvisoryservice.com/).
"""


def last_updated() -> str:
    """'Data last updated 5 March 2026, 14:02 UTC (import of figures.csv)': read once per database file."""
    change = about_data.last_change(query)
    return about.last_updated_line(change.at_utc, change.what)


def sidebar_last_updated() -> None:
    st.sidebar.caption(f":material/update: {md(last_updated())}. More on **About the data**.")


def real_and_demo(show_demo: bool) -> None:
    areas = about_data.areas_by_kind(query)
    st.markdown(
        f"**Real**: {areas.get(False, 0):,} youth justice services, each figure transcribed from a public document "
        "or data set, or imported by a user, and each row naming its source. **Demo**: "
        + (
            f"{areas.get(True, 0):,} invented areas with generated figures, to show a national picture; every view "
            "that shows them says so, and they are never ranked with the real services. "
            if areas.get(True)
            else "none: this database was built without demo data. "
        )
        + "Children's records are never published: the cohort pages use the demo cohort until a service imports "
        "its own." + (" Demo areas are on (the sidebar's switch)." if show_demo else "")
    )
    table = about.datasets_table(about_data.figures_by_dataset(query))
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "dataset": st.column_config.TextColumn("Dataset", width="medium"),
            "real_rows": "Real rows",
            "newest_real": "Newest real figure",
            "demo_rows": "Demo rows",
            "newest_demo": "Newest demo figure",
        },
    )


def documents() -> None:
    table = about.documents_table(about_data.documents_and_rows_taken(query))
    st.caption(
        f"{len(table)} documents and data sets. Pages show each row's source by the document's title, date and "
        "section; **Download all data** below has every row with its source."
    )
    st.dataframe(
        table.drop(columns="imported"),
        hide_index=True,
        width="stretch",
        row_height=WRAPPED_ROW_PX,
        column_config={
            "document": st.column_config.TextColumn("Document", width="large", pinned=True),
            "publisher": st.column_config.TextColumn("Publisher", width="medium"),
            "date": "Date",
            "taken": st.column_config.TextColumn("What was taken from it", width="large"),
            "address": st.column_config.LinkColumn("Public address", width="medium"),
        },
    )


def imports() -> None:
    frame = about_data.succeeded_imports(query)
    if frame.empty:
        st.caption("No file has been imported into this database: everything comes from the shipped sources.")
        return
    table = pd.DataFrame(
        {
            "when": [long_date(pd.Timestamp(t).date()) + f", {pd.Timestamp(t):%H:%M} UTC" for t in frame["at_utc"]],
            "by": frame["actor"],
            "kind": frame["kind"],
            "file": frame["file_name"],
            "added": frame["rows_added"],
            "updated": frame["rows_updated"],
            "unchanged": frame["rows_unchanged"],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={"when": "When", "by": "By", "kind": "Kind", "file": "File", "added": "Rows added",
                       "updated": "Rows updated", "unchanged": "Rows unchanged"},
    )  # fmt: skip


def indicator_catalogue() -> None:
    frame = catalogue(query)
    table = pd.DataFrame(
        {
            "indicator": frame["name"],
            "definition": frame["definition"],
            "unit": frame["unit"],
            "polarity": frame["polarity"],
            "period": frame["period_type"],
            "numerator": frame["numerator_label"],
            "denominator": frame["denominator_label"],
            "owner": frame["source"],
            "scope": ["Local (defined on this database)" if local else "National" for local in frame["is_local"]],
            "values": frame["values_held"],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        placeholder="–",
        row_height=WRAPPED_ROW_PX + 24,  # a definition runs to four lines
        column_config={
            "indicator": st.column_config.TextColumn("Indicator", width="medium", pinned=True),
            "definition": st.column_config.TextColumn("Definition", width="large"),
            "unit": "Unit",
            "polarity": "Better when",
            "period": "Period",
            "numerator": st.column_config.TextColumn("Numerator", width="medium"),
            "denominator": st.column_config.TextColumn("Denominator", width="medium"),
            "owner": st.column_config.TextColumn("Owner and source", width="large"),
            "scope": "National or local",
            "values": st.column_config.NumberColumn("Values held", format="%d"),
        },
    )
    widgets.download_buttons(table, "indicator-catalogue")


def download_all(show_demo: bool) -> None:
    dictionary = about_data.data_dictionary()
    files = dictionary.loc[dictionary["column"] == "", ["file", "meaning"]]
    st.markdown(
        f"Every published table as one ZIP of {len(files)} CSV files, with **data_dictionary.csv** (what each file "
        "and column holds) and a README: inspections, ratings, key questions, recommendations, findings, plans and "
        "their history, indicators and their values, areas, population, context figures and the documents. "
        "Nothing child-level: the children's records are never in it. "
        + ("Demo areas are on, so their invented rows are in it, marked `is_demo`." if show_demo else
           "Real data only (switch on demo areas in the sidebar to add theirs).")
    )  # fmt: skip
    st.download_button(
        "Download all data (ZIP)",
        lambda: _all_data_zip(show_demo, dictionary),
        file_name=f"yjs-insight-data{'-with-demo' if show_demo else ''}.zip",
        mime="application/zip",
        icon=":material/folder_zip:",
        key="download_all",
        on_click="ignore",
        type="primary",
    )


def _all_data_zip(show_demo: bool, dictionary: pd.DataFrame) -> bytes:
    tables = about_data.published_tables(query, show_demo)
    files = dictionary[dictionary["column"] == ""]
    readme = "\n".join(
        [
            "YJS Insight: all published data",
            "",
            f"{last_updated()}.",
            "Includes the invented demo areas (is_demo = true): never real services."
            if show_demo
            else "Real data only.",
            "Each row's source names the document it was read from, with its date and section (documents.csv).",
            "Numbers are plain (no thousands separators), values at full precision; a blank cell means not known.",
            "Text cells that a spreadsheet would run as a formula start with an apostrophe.",
            "",
            "Files (data_dictionary.csv gives every column):",
            *(f"- {row.file}: {row.meaning}" for row in files.itertuples()),
        ]
    )
    return exports.zip_bytes({"data_dictionary.csv": dictionary, **tables}, {"README.txt": readme + "\n"})
