"""Pure plotly builders for the cohort and disproportionality pages (no Streamlit, no raw counts < 5)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from yjs.charts import FONT, base_layout

# Okabe-Ito: distinguishable under every common colour-vision deficiency.
SERIES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
FLAGGED, UNFLAGGED = "#D55E00", "#0072B2"


def forest(table: pd.DataFrame, *, title: str) -> go.Figure:
    """RRI with its 95% interval per group and stage, log scale, parity line at 1."""
    shown = table.dropna(subset=["rri", "low"]).copy()
    shown = shown[shown["rri"] > 0]
    labels = shown["group"] + " · " + shown["stage_key"]
    fig = go.Figure(go.Scatter(
        x=shown["rri"], y=labels, mode="markers",
        marker=dict(size=13, symbol=["diamond" if f else "circle" for f in shown["flagged"]],
                    color=[FLAGGED if f else UNFLAGGED for f in shown["flagged"]], line=dict(color="#000", width=1)),
        error_x=dict(type="data", symmetric=False, array=shown["high"] - shown["rri"],
                     arrayminus=shown["rri"] - shown["low"], color="#333", thickness=2),
        text=[f"RRI {r:.2f} ({lo:.2f}–{hi:.2f}){' · more than chance' if f else ''}"
              for r, lo, hi, f in zip(shown["rri"], shown["low"], shown["high"], shown["flagged"])],
        hovertemplate="%{y}<br>%{text}<extra></extra>",
    ))
    fig.add_vline(x=1, line=dict(color="#000", width=2, dash="dash"))
    fig.add_annotation(x=0, xref="x", y=1.02, yref="paper", text="parity = 1", showarrow=False, font=dict(size=14))
    fig.update_xaxes(type="log", title="Relative rate index (log scale; 1 = same rate as the reference group)")
    fig.update_yaxes(autorange="reversed", gridcolor="rgba(0,0,0,0)")
    return base_layout(fig, title=title, height=max(320, 46 * len(shown) + 140))


def shares(frame: pd.DataFrame, *, title: str) -> go.Figure:
    fig = go.Figure()
    series = [("population_share", "Share of 10-17 population", SERIES[0]), ("cohort_share", "Share of the cohort", SERIES[1])]
    for column, name, colour in series:
        if column in frame:
            fig.add_bar(x=frame["group"], y=frame[column] * 100, name=name, marker_color=colour,
                        text=[f"{v:.0f}%" if pd.notna(v) else "" for v in frame[column] * 100], textposition="outside",
                        cliponaxis=False)
    fig = base_layout(fig, title=title, height=380)
    fig.update_layout(showlegend=True, barmode="group", legend=dict(orientation="h", y=-0.15, font=FONT))
    fig.update_yaxes(title="%", rangemode="tozero")
    return fig


def stacked_counts(table: pd.DataFrame, mask: pd.DataFrame, *, title: str) -> go.Figure:
    """Counts by two dimensions as stacked bars; suppressed cells are left out, never drawn."""
    fig = go.Figure()
    for index, column in enumerate(table.columns):
        values = table[column].where(~mask[column])
        fig.add_bar(x=[str(v) for v in table.index], y=values, name=str(column),
                    marker_color=SERIES[index % len(SERIES)])
    fig = base_layout(fig, title=title, height=400)
    fig.update_layout(showlegend=True, barmode="stack", legend=dict(title=table.columns.name, font=FONT))
    fig.update_yaxes(title="Children")
    return fig


def rates(frame: pd.DataFrame, *, value: str, label: str, title: str) -> go.Figure:
    shown = frame.dropna(subset=[value])
    fig = go.Figure(go.Bar(x=shown[label], y=shown[value] * 100, marker_color=SERIES[0],
                           text=[f"{v:.0f}%" for v in shown[value] * 100], textposition="outside", cliponaxis=False))
    fig.update_yaxes(title="%", range=[0, 100])
    return base_layout(fig, title=title, height=360)


def trend(frame: pd.DataFrame, *, title: str) -> go.Figure:
    fig = go.Figure()
    for index, (group, rows) in enumerate(frame.groupby("group", sort=False)):
        fig.add_scatter(x=rows["year"], y=rows["rri"], mode="lines+markers", name=group,
                        line=dict(color=SERIES[index % len(SERIES)], width=3), marker=dict(size=9))
    fig.add_hline(y=1, line=dict(color="#000", width=2, dash="dash"))
    fig = base_layout(fig, title=title, height=360)
    fig.update_layout(showlegend=True, legend=dict(font=FONT))
    fig.update_yaxes(title="Relative rate index", type="log")
    fig.update_xaxes(dtick=1, title="Year the children started")
    return fig
