"""Pure plotly builders for the cohort and disproportionality pages (no Streamlit, no raw counts < 5)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from yjs.charts import FONT, base_layout, make_figure, merged

# Okabe-Ito: distinguishable under every common colour-vision deficiency.
SERIES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
FLAGGED, UNFLAGGED = "#D55E00", "#0072B2"


def forest(table: pd.DataFrame, *, title: str) -> go.Figure:
    """RRI with its 95% interval per group and stage, log scale, parity line at 1."""
    shown = table.dropna(subset=["rri", "low"]).copy()
    shown = shown[shown["rri"] > 0]
    labels = shown["group"] + " · " + shown["stage_key"]
    points = dict(
        type="scatter", x=shown["rri"].to_numpy(), y=labels.to_numpy(), mode="markers",
        marker=dict(size=13, symbol=["diamond" if f else "circle" for f in shown["flagged"]],
                    color=[FLAGGED if f else UNFLAGGED for f in shown["flagged"]], line=dict(color="#000", width=1)),
        error_x=dict(type="data", symmetric=False, array=(shown["high"] - shown["rri"]).to_numpy(),
                     arrayminus=(shown["rri"] - shown["low"]).to_numpy(), color="#333", thickness=2),
        text=[f"RRI {r:.2f} ({lo:.2f}–{hi:.2f}){' · more than chance' if f else ''}"
              for r, lo, hi, f in zip(shown["rri"], shown["low"], shown["high"], shown["flagged"])],
        hovertemplate="%{y}<br>%{text}<extra></extra>",
    )
    parity = dict(type="line", x0=1, x1=1, xref="x", y0=0, y1=1, yref="y domain",
                  line=dict(color="#000", width=2, dash="dash"))
    layout = merged(base_layout(title=title, height=max(320, 46 * len(shown) + 140)), dict(
        shapes=[parity], annotations=[dict(x=0, xref="x", y=1.02, yref="paper", text="parity = 1", showarrow=False,
                                           font=dict(size=14))],
        xaxis=dict(type="log", title=dict(text="Relative rate index (log scale; 1 = same rate as the reference group)")),
        yaxis=dict(autorange="reversed")))
    return make_figure([points], layout)


def shares(frame: pd.DataFrame, *, title: str) -> go.Figure:
    series = [("population_share", "Share of 10-17 population", SERIES[0]), ("cohort_share", "Share of the cohort", SERIES[1])]
    bars = [dict(type="bar", x=frame["group"].to_numpy(), y=(frame[column] * 100).to_numpy(), name=name,
                 marker=dict(color=colour),
                 text=[f"{v:.0f}%" if pd.notna(v) else "" for v in frame[column] * 100], textposition="outside",
                 cliponaxis=False)
            for column, name, colour in series if column in frame]
    layout = merged(base_layout(title=title, height=380), dict(
        showlegend=True, barmode="group", legend=dict(orientation="h", y=-0.15, font=FONT),
        yaxis=dict(title=dict(text="%"), rangemode="tozero")))
    return make_figure(bars, layout)


def stacked_counts(table: pd.DataFrame, mask: pd.DataFrame, *, title: str) -> go.Figure:
    """Counts by two dimensions as stacked bars; suppressed cells are left out, never drawn."""
    bars = [dict(type="bar", x=[str(v) for v in table.index], y=table[column].where(~mask[column]).to_numpy(), name=str(column),
                 marker=dict(color=SERIES[index % len(SERIES)]))
            for index, column in enumerate(table.columns)]
    layout = merged(base_layout(title=title, height=400), dict(
        showlegend=True, barmode="stack", legend=dict(title=dict(text=table.columns.name), font=FONT),
        yaxis=dict(title=dict(text="Children"))))
    return make_figure(bars, layout)


def rates(frame: pd.DataFrame, *, value: str, label: str, title: str) -> go.Figure:
    shown = frame.dropna(subset=[value])
    bars = dict(type="bar", x=shown[label].to_numpy(), y=(shown[value] * 100).to_numpy(), marker=dict(color=SERIES[0]),
                text=[f"{v:.0f}%" for v in shown[value] * 100], textposition="outside", cliponaxis=False)
    layout = merged(base_layout(title=title, height=360), dict(yaxis=dict(title=dict(text="%"), range=[0, 100])))
    return make_figure([bars], layout)


def trend(frame: pd.DataFrame, *, title: str) -> go.Figure:
    lines = [dict(type="scatter", x=rows["year"].to_numpy(), y=rows["rri"].to_numpy(), mode="lines+markers", name=group,
                  line=dict(color=SERIES[index % len(SERIES)], width=3), marker=dict(size=9))
             for index, (group, rows) in enumerate(frame.groupby("group", sort=False))]
    parity = dict(type="line", x0=0, x1=1, xref="x domain", y0=1, y1=1, yref="y",
                  line=dict(color="#000", width=2, dash="dash"))
    layout = merged(base_layout(title=title, height=360), dict(
        shapes=[parity], showlegend=True, legend=dict(font=FONT),
        yaxis=dict(title=dict(text="Relative rate index"), type="log"),
        xaxis=dict(dtick=1, title=dict(text="Year the children started"))))
    return make_figure(lines, layout)
