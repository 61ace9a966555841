"""What the published documents say about an area: the Area profile's "Context the report gives" and the
Disproportionality page's "What the published documents say", each figure as its document gives it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from yjs.app.cache import query
from yjs.app.widgets import download_buttons
from yjs.data import context as context_data

COLUMNS = {
    "area": "Area",
    "topic": "Topic",
    "measure": st.column_config.TextColumn("Measure", width="large"),
    "figure": st.column_config.TextColumn("Figure", width="medium"),
    "as_at": "As at",
    "note": st.column_config.TextColumn("In the document's words", width="large"),
    "source": "Source",
}


def figures_table(figures: pd.DataFrame, columns: list[str], basename: str) -> None:
    """Context figures in the document's terms ('over 80%', '60% (3 of 5)'), with their downloads."""
    shown = figures[columns]
    st.dataframe(shown, hide_index=True, width="stretch", column_config={c: COLUMNS[c] for c in columns})
    download_buttons(shown, basename)


def context_the_report_gives(area: str) -> None:
    """Every figure the published documents give about `area`, narrowed by topic if the reader wishes."""
    figures = context_data.context_figures(query, area)
    if figures.empty:
        return
    st.subheader("Context the report gives")
    st.caption(
        f"What the published documents say about {area}: population, caseload, demographics, staffing, funding "
        "and the figures the board is asked to scrutinise, each as the document gives it (“over 80%” is a lower "
        "bound; a share keeps the counts printed beside it), with its source."
    )
    topics = st.pills(
        "Topics",
        list(dict.fromkeys(figures["topic"])),
        selection_mode="multi",
        key="context_topics",
        help="Show only the topics chosen; with none chosen, every figure is shown.",
    )
    chosen = figures[figures["topic"].isin(topics)] if topics else figures
    figures_table(chosen, ["topic", "measure", "figure", "as_at", "note", "source"], f"context-{area}")


def what_the_published_documents_say(areas: list[str]) -> None:
    """The shares about ethnicity the documents give for `areas` (beside the cohort's own figures, never in them)."""
    published = context_data.published_demographics(query, areas)
    if published.empty:
        return
    st.subheader("What the published documents say")
    figures_table(published, ["area", "measure", "figure", "as_at", "note", "source"], "published-demographics")
