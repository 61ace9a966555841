"""Pure plotly builders for improvement plans: the timeline and progress over time.

BRAG colours are the Okabe-Ito colour-blind safe set, and every bar also carries its status as
text, so colour is never the only carrier of meaning.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from yjs import brag, plans
from yjs.charts import base_layout
from yjs.dates import long_date

# Okabe-Ito hues, with Red darkened so the five also differ in lightness (in greyscale and on a
# monochrome printer): Red darkest, then Blue, Green, Amber, Not assessed lightest.
BRAG_COLOURS = {brag.BLUE: "#0072B2", brag.GREEN: "#009E73", brag.AMBER: "#E69F00", brag.RED: "#A50F15",
                brag.NOT_ASSESSED: "#CCCCCC"}
BRAG_TEXT_COLOURS = {brag.BLUE: "white", brag.GREEN: "black", brag.AMBER: "black", brag.RED: "white",
                     brag.NOT_ASSESSED: "black"}


def timeline(state: pd.DataFrame, today: dt.date, *, title: str) -> go.Figure:
    """One bar per action from its start (else the plan's date) to its due date, labelled with its status."""
    rows = state.dropna(subset=["due_date", "bar_start"]).sort_values(["due_date", "ref"])
    rows = rows.assign(label=[f"{ref}: {text[:60]}" for ref, text in zip(rows["ref"], rows["action"])],
                       due=pd.to_datetime(rows["due_date"]), start=pd.to_datetime(rows["bar_start"]),
                       bar_text=[f"{s}, overdue" if late else s for s, late in zip(rows["status"], rows["overdue"])])
    fig = px.timeline(rows, x_start="start", x_end="due", y="label", color="status", text="bar_text",
                      color_discrete_map=BRAG_COLOURS, category_orders={"status": list(plans.STATUS_ORDER)},
                      hover_data={"lead": True, "start": False, "due": "|%-d %B %Y", "label": False, "bar_text": False})
    for trace in fig.data:
        trace.textfont = dict(color=BRAG_TEXT_COLOURS.get(trace.name, "black"), size=13)
        trace.insidetextanchor = "middle"
        trace.outsidetextfont = dict(color="black", size=13)  # a short bar puts its label on the white background
        trace.marker.line = dict(color="#333", width=1)
    fig.update_yaxes(autorange="reversed", title=None, tickfont=dict(size=13))
    fig.add_shape(type="line", x0=today, x1=today, y0=0, y1=1, yref="paper", line=dict(color="#000", width=2, dash="dash"))
    fig.add_annotation(x=today, y=1, yref="paper", yanchor="bottom", text=f"Today, {long_date(today)}",
                       showarrow=False, font=dict(size=14), bgcolor="white")
    fig = base_layout(fig, title=title, height=max(320, 28 * len(rows) + 140))
    fig.update_layout(showlegend=True, legend=dict(title="Status", orientation="h", y=-0.08), margin=dict(t=90))
    return fig


def progress(counts: pd.DataFrame, *, title: str) -> go.Figure:
    """Stacked bars: how many actions had each status at each date a status was recorded."""
    dates = sorted(counts["date"].unique())
    labels = [long_date(d) for d in dates]
    fig = go.Figure()
    for status in reversed(plans.STATUS_ORDER):
        values = counts[counts["status"] == status].set_index("date")["actions"].reindex(dates, fill_value=0)
        fig.add_bar(x=labels, y=values.values, name=status, marker=dict(color=BRAG_COLOURS[status],
                                                                          line=dict(color="#333", width=1)),
                    text=[f"{status} {n}" if n else "" for n in values.values], textposition="inside", textangle=0,
                    textfont=dict(color=BRAG_TEXT_COLOURS[status]),
                    hovertemplate=f"{status}: %{{y}} actions on %{{x}}<extra></extra>")
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category", title="Date of the status update")
    fig.update_yaxes(title="Actions", tickformat="d")
    fig = base_layout(fig, title=title, height=420)
    fig.update_layout(showlegend=True, legend=dict(title="Status", traceorder="reversed"))
    return fig
