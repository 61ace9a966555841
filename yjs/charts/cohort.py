"""Pure plotly builders for the cohort and disproportionality pages (no Streamlit; counts arrive perturbed)."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from yjs.charts.base import FONT, base_layout, make_figure, merged, wrapped_label

# Okabe-Ito: distinguishable under every common colour-vision deficiency.
SERIES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
FLAGGED, UNFLAGGED = "#D55E00", "#0072B2"


def forest(table: pd.DataFrame, *, title: str) -> go.Figure:
    """RRI with its 95% interval per group and stage, log scale, parity line at 1."""
    shown = table.dropna(subset=["rri", "low"]).copy()
    shown = shown[shown["rri"] > 0]
    labels = shown["group"] + " · " + shown["stage_key"]
    points = {
        "type": "scatter",
        "x": shown["rri"].to_numpy(),
        "y": labels.to_numpy(),
        "mode": "markers",
        "marker": {
            "size": 13,
            "symbol": ["diamond" if f else "circle" for f in shown["flagged"]],
            "color": [FLAGGED if f else UNFLAGGED for f in shown["flagged"]],
            "line": {"color": "#000", "width": 1},
        },
        "error_x": {
            "type": "data",
            "symmetric": False,
            "array": (shown["high"] - shown["rri"]).to_numpy(),
            "arrayminus": (shown["rri"] - shown["low"]).to_numpy(),
            "color": "#333",
            "thickness": 2,
        },
        "text": [
            f"RRI {r:.2f} ({lo:.2f}–{hi:.2f}){' · more than chance' if f else ''}"
            for r, lo, hi, f in zip(shown["rri"], shown["low"], shown["high"], shown["flagged"], strict=True)
        ],
        "hovertemplate": "%{y}<br>%{text}<extra></extra>",
    }
    parity = {
        "type": "line",
        "x0": 1,
        "x1": 1,
        "xref": "x",
        "y0": 0,
        "y1": 1,
        "yref": "y domain",
        "line": {"color": "#000", "width": 2, "dash": "dash"},
    }
    layout = merged(
        base_layout(title=title, height=max(320, 46 * len(shown) + 140)),
        {
            "shapes": [parity],
            "annotations": [
                {
                    "x": 0,
                    "xref": "x",
                    "y": 1.02,
                    "yref": "paper",
                    "text": "parity = 1",
                    "showarrow": False,
                    "font": {"size": 14},
                }
            ],
            "xaxis": {
                "type": "log",
                "title": {"text": "Relative rate index (log scale; 1 = same rate as the reference group)"},
            },
            "yaxis": {"autorange": "reversed"},
        },
    )
    return make_figure([points], layout)


def shares(frame: pd.DataFrame, *, title: str) -> go.Figure:
    series = [
        ("population_share", "Share of 10-17 population", SERIES[0]),
        ("cohort_share", "Share of the cohort", SERIES[1]),
    ]
    bars = [
        {
            "type": "bar",
            "x": frame["group"].to_numpy(),
            "y": (frame[column] * 100).to_numpy(),
            "name": name,
            "marker": {"color": colour},
            "text": [f"{v:.0f}%" if pd.notna(v) else "" for v in frame[column] * 100],
            "textposition": "outside",
            "cliponaxis": False,
        }
        for column, name, colour in series
        if column in frame
    ]
    layout = merged(
        base_layout(title=title, height=380),
        {
            "showlegend": True,
            "barmode": "group",
            "legend": {"orientation": "h", "y": -0.15, "font": FONT},
            "yaxis": {"title": {"text": "%"}, "rangemode": "tozero"},
        },
    )
    return make_figure(bars, layout)


def stacked_counts(table: pd.DataFrame, mask: pd.DataFrame, *, title: str) -> go.Figure:
    """Counts by two dimensions (perturbed) as stacked bars; hidden cells are left out, never drawn."""
    bars = [
        {
            "type": "bar",
            "x": [str(v) for v in table.index],
            "y": table[column].astype("float64").where(~mask[column]).to_numpy(),
            "name": str(column),
            "marker": {"color": SERIES[index % len(SERIES)]},
        }
        for index, column in enumerate(table.columns)
    ]
    layout = merged(
        base_layout(title=title, height=400),
        {
            "showlegend": True,
            "barmode": "stack",
            "legend": {"title": {"text": table.columns.name}, "font": FONT},
            "yaxis": {"title": {"text": "Children"}},
        },
    )
    return make_figure(bars, layout)


def rates(frame: pd.DataFrame, *, value: str, label: str, title: str) -> go.Figure:
    shown = frame.dropna(subset=[value])
    bars = {
        "type": "bar",
        "x": shown[label].to_numpy(),
        "y": (shown[value] * 100).to_numpy(),
        "marker": {"color": SERIES[0]},
        "text": [f"{v:.0f}%" for v in shown[value] * 100],
        "textposition": "outside",
        "cliponaxis": False,
    }
    layout = merged(base_layout(title=title, height=360), {"yaxis": {"title": {"text": "%"}, "range": [0, 100]}})
    return make_figure([bars], layout)


def trend(frame: pd.DataFrame, *, title: str) -> go.Figure:
    lines = [
        {
            "type": "scatter",
            "x": rows["year"].to_numpy(),
            "y": rows["rri"].to_numpy(),
            "mode": "lines+markers",
            "name": group,
            "line": {"color": SERIES[index % len(SERIES)], "width": 3},
            "marker": {"size": 9},
        }
        for index, (group, rows) in enumerate(frame.groupby("group", sort=False))
    ]
    parity = {
        "type": "line",
        "x0": 0,
        "x1": 1,
        "xref": "x domain",
        "y0": 1,
        "y1": 1,
        "yref": "y",
        "line": {"color": "#000", "width": 2, "dash": "dash"},
    }
    layout = merged(
        base_layout(title=title, height=360),
        {
            "shapes": [parity],
            "showlegend": True,
            "legend": {"font": FONT},
            "yaxis": {"title": {"text": "Relative rate index"}, "type": "log"},
            "xaxis": {"dtick": 1, "title": {"text": "Year the children started"}},
        },
    )
    return make_figure(lines, layout)


def area_forest(drawn: pd.DataFrame, pooled: dict | None, *, highlight: str | None, title: str) -> go.Figure:
    """Every area's RRI with its 95% interval, one row per area in the frame's order (first at the top), on a
    log scale with parity (1) and the pooled index as reference lines. An interval that excludes 1 is marked
    by a diamond, a colour and a legend entry; the chosen area is named in bold and drawn larger."""
    ticks = [f"<b>{wrapped_label(area)} ◀</b>" if area == highlight else wrapped_label(area) for area in drawn["area"]]
    traces = []
    for flagged, name, symbol, colour in (
        (True, "Interval excludes 1: more than chance", "diamond", FLAGGED),
        (False, "Interval includes 1", "circle", UNFLAGGED),
    ):
        part = drawn[drawn["flagged"] == flagged]
        if part.empty:
            continue
        chosen = (part["area"] == highlight).to_numpy()
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "x": part["rri"].to_numpy(dtype="float64"),
                "y": [tick for tick, f in zip(ticks, drawn["flagged"], strict=True) if f == flagged],
                "marker": {
                    "size": [17 if c else 12 for c in chosen],
                    "symbol": symbol,
                    "color": colour,
                    "line": {"color": "#000", "width": [3 if c else 1 for c in chosen]},
                },
                "error_x": {
                    "type": "data",
                    "symmetric": False,
                    "array": (part["high"] - part["rri"]).to_numpy(dtype="float64"),
                    "arrayminus": (part["rri"] - part["low"]).to_numpy(dtype="float64"),
                    "color": "#333",
                    "thickness": 2,
                },
                "customdata": part["area"].to_numpy(),
                "text": [
                    f"RRI {r:.2f} (95% interval {lo:.2f}–{hi:.2f})"
                    for r, lo, hi in zip(part["rri"], part["low"], part["high"], strict=True)
                ],
                "hovertemplate": "%{customdata}: %{text}<extra></extra>",
            }
        )
    shapes, notes = [_vertical(1, "#000", "dash")], [_top_note(1, "parity = 1", "right")]
    if pooled is not None:
        shapes.append(_vertical(pooled["rri"], "#6A3D9A", "dot"))
        notes.append(_top_note(pooled["rri"], f"pooled {pooled['rri']:.2f}", "left"))
    long_title = len(title) > 46  # on two lines, so that a tablet shows it whole
    layout = merged(
        base_layout(
            title=title.replace(": ", ":<br>", 1) if long_title else title, height=max(320, 30 * len(drawn) + 190)
        ),
        {
            "showlegend": True,
            "legend": {"orientation": "h", "x": 0, "y": 0, "yref": "container", "yanchor": "bottom"},
            "margin": {"t": 120 if long_title else 90, "b": 120},
            "shapes": shapes,
            "annotations": notes,
            "xaxis": {
                "type": "log",
                "tickvals": LOG_TICKS,
                "ticktext": [f"{t:g}" for t in LOG_TICKS],
                "title": {"text": "Relative rate index with its 95% interval (log scale; 1 = the same rate)"},
            },
            "yaxis": {"type": "category", "range": [len(drawn) - 0.5, -0.5]},  # first at the top, no spare rows
        },
    )
    return make_figure(traces, layout)


LOG_TICKS = (0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50)


def _vertical(x: float, colour: str, dash: str) -> dict:
    return {
        "type": "line",
        "x0": x,
        "x1": x,
        "xref": "x",
        "y0": 0,
        "y1": 1,
        "yref": "y domain",
        "line": {"color": colour, "width": 2, "dash": dash},
    }


def _top_note(x: float, text: str, side: str) -> dict:
    return {
        "x": math.log10(x),
        "xref": "x",
        "y": 1.0,
        "yref": "paper",
        "yanchor": "bottom",
        "xanchor": side,
        "text": text,
        "showarrow": False,
        "font": {"size": 14},
        "bgcolor": "white",
    }
