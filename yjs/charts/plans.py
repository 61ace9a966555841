"""Pure plotly builders for improvement plans: the timeline and progress over time.

BRAG colours are the Okabe-Ito colour-blind safe set, and every bar also carries its status as
text, so colour is never the only carrier of meaning.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from yjs.charts.base import BRAG_COLOURS, BRAG_TEXT_COLOURS, base_layout, make_figure, merged
from yjs.domain import plans
from yjs.domain.dates import long_date
from yjs.domain.plaintext import chart_text

# Okabe-Ito hues, with Red darkened so the five also differ in lightness (in greyscale and on a
# monochrome printer): Red darkest, then Blue, Green, Amber, Not assessed lightest.


def timeline(state: pd.DataFrame, today: dt.date, *, title: str) -> go.Figure:
    """One bar per action from its start (else the plan's date) to its due date, labelled with its status.

    Horizontal bars based at the start, as long as the time to the due date (what px.timeline draws,
    built here as trace dicts: px costs tens of milliseconds a figure)."""
    rows = state.dropna(subset=["due_date", "bar_start"]).sort_values(["due_date", "ref"])
    start, due = pd.to_datetime(rows["bar_start"]), pd.to_datetime(rows["due_date"])
    rows = rows.assign(
        label=[chart_text(f"{ref}: {text[:60]}") for ref, text in zip(rows["ref"], rows["action"], strict=True)],
        start=start,
        length=(due - start) // pd.Timedelta(milliseconds=1),
        bar_text=[f"{s}, overdue" if late else s for s, late in zip(rows["status"], rows["overdue"], strict=True)],
    )
    bars = [
        _status_bars(rows[rows["status"] == status], status)
        for status in plans.STATUS_ORDER
        if (rows["status"] == status).any()
    ]
    layout = merged(
        base_layout(title=title, height=max(320, 28 * len(rows) + 140)),
        {
            "barmode": "overlay",
            "showlegend": True,
            "margin": {"t": 90},
            "legend": {"title": {"text": "Status"}, "tracegroupgap": 0, "orientation": "h", "y": -0.08},
            "xaxis": {"anchor": "y", "domain": [0.0, 1.0], "type": "date"},
            "yaxis": {"anchor": "x", "domain": [0.0, 1.0], "autorange": "reversed"},
            "shapes": [
                {
                    "type": "line",
                    "x0": today,
                    "x1": today,
                    "y0": 0,
                    "y1": 1,
                    "yref": "paper",
                    "line": {"color": "#000", "width": 2, "dash": "dash"},
                }
            ],
            "annotations": [
                {
                    "x": today,
                    "y": 1,
                    "yref": "paper",
                    "yanchor": "bottom",
                    "text": f"Today, {long_date(today)}",
                    "showarrow": False,
                    "font": {"size": 14},
                    "bgcolor": "white",
                }
            ],
        },
    )
    return make_figure(bars, layout)


def _status_bars(rows: pd.DataFrame, status: str) -> dict:
    """One status's actions as one bar trace, so the legend names each status once."""
    return {
        "type": "bar",
        "base": rows["start"],
        "x": rows["length"].tolist(),
        "y": rows["label"].to_numpy(),
        "orientation": "h",
        "name": status,
        "legendgroup": status,
        "showlegend": True,
        "xaxis": "x",
        "yaxis": "y",
        "text": rows["bar_text"].to_numpy(),
        "textposition": "auto",
        "customdata": np.column_stack(
            [
                rows["lead"].map(chart_text, na_action="ignore").to_numpy(dtype=object),
                rows["status"].to_numpy(dtype=object),
            ]
        ),
        "hovertemplate": f"status={status}<br>due=%{{x|%-d %B %Y}}<br>lead=%{{customdata[0]}}<extra></extra>",
        "marker": {"color": BRAG_COLOURS[status], "pattern": {"shape": ""}, "line": {"color": "#333", "width": 1}},
        "textfont": {"color": BRAG_TEXT_COLOURS[status], "size": 13},
        "insidetextanchor": "middle",
        "outsidetextfont": {"color": "black", "size": 13},
    }  # a short bar puts its label on the white background


def progress(counts: pd.DataFrame, *, title: str) -> go.Figure:
    """Stacked bars: how many actions had each status at each date a status was recorded."""
    dates = sorted(counts["date"].unique())
    labels = [long_date(d) for d in dates]
    bars = []
    for status in reversed(plans.STATUS_ORDER):
        values = counts[counts["status"] == status].set_index("date")["actions"].reindex(dates, fill_value=0)
        bars.append(
            {
                "type": "bar",
                "x": labels,
                "y": values.values,
                "name": status,
                "marker": {"color": BRAG_COLOURS[status], "line": {"color": "#333", "width": 1}},
                "text": [f"{status} {n}" if n else "" for n in values.values],
                "textposition": "inside",
                "textangle": 0,
                "textfont": {"color": BRAG_TEXT_COLOURS[status]},
                "hovertemplate": f"{status}: %{{y}} actions on %{{x}}<extra></extra>",
            }
        )
    layout = merged(
        base_layout(title=title, height=420),
        {
            "barmode": "stack",
            "showlegend": True,
            "legend": {"title": {"text": "Status"}, "traceorder": "reversed"},
            "xaxis": {"type": "category", "title": {"text": "Date of the status update"}},
            "yaxis": {"title": {"text": "Actions"}, "tickformat": "d"},
        },
    )
    return make_figure(bars, layout)
