"""Pure plotly builders for the indicator pages: the area in colour, comparators in grey."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from yjs.charts.base import AREA_COLOUR, COMPARATOR_GREY, base_layout, make_figure, merged, top_margin
from yjs.domain.plaintext import chart_text

LINE_STYLES = ("dash", "dot", "dashdot")


def trend(
    series: pd.DataFrame,
    area: str,
    comparators: tuple[str, ...],
    lines: dict[str, pd.DataFrame],
    *,
    title: str,
    unit: str,
) -> go.Figure:
    """Every comparator's series in grey, the chosen area on top, reference lines dashed. Gaps stay gaps."""
    periods = series.drop_duplicates("period").sort_values("period_end")["period"].tolist()
    traces = []
    by_area = series.pivot(index="period", columns="area", values="value").reindex(
        periods
    )  # one value an area a period
    for name in sorted(set(series["area"]).intersection(comparators) - {area}):
        traces.append(
            {
                "type": "scatter",
                "x": periods,
                "y": by_area[name].to_numpy(),
                "mode": "lines",
                "line": {"color": COMPARATOR_GREY, "width": 1.5},
                "name": name,
                "showlegend": False,
                "connectgaps": False,
                "hovertemplate": f"{name}<br>%{{x}}: %{{y:.1f}}<extra></extra>",
            }
        )
    for index, (label, rows) in enumerate(lines.items()):
        values = rows.set_index("period")["value"].reindex(periods).to_numpy()
        traces.append(
            {
                "type": "scatter",
                "x": periods,
                "y": values,
                "mode": "lines+markers",
                "name": label,
                "connectgaps": False,
                "line": {"color": "#000000", "width": 2.5, "dash": LINE_STYLES[index % 3]},
                "marker": {"size": 7},
            }
        )
    own = by_area[area].to_numpy() if area in by_area else np.full(len(periods), np.nan)
    traces.append(
        {
            "type": "scatter",
            "x": periods,
            "y": own,
            "mode": "lines+markers",
            "name": area,
            "connectgaps": False,
            "line": {"color": AREA_COLOUR, "width": 4},
            "marker": {"size": 10, "symbol": "diamond"},
        }
    )
    layout = merged(
        base_layout(title=title, height=420),
        {
            "showlegend": True,
            "legend": {"orientation": "h", "y": -0.2},
            "xaxis": {"type": "category"},
            "yaxis": {"title": {"text": unit}, "rangemode": "tozero"},
        },
    )
    return make_figure(traces, layout)


def scatter(frame: pd.DataFrame, area: str | None, labelled: tuple[str, ...], *, x_title: str, title: str) -> go.Figure:
    """Latest inspection score against an indicator: every area named on hover, the comparators
    labelled on the chart, the chosen area marked."""
    others = frame[frame["area"] != area]
    traces = [
        {
            "type": "scatter",
            "x": others["value"].to_numpy(),
            "y": others["score"].to_numpy(),
            "mode": "markers+text",
            "textposition": "top center",
            "text": [name if name in labelled else "" for name in others["area"]],
            "customdata": others["area"].to_numpy(),
            "textfont": {"size": 11, "color": "#555"},
            "marker": {"size": 10, "color": COMPARATOR_GREY, "line": {"color": "#555", "width": 1}},
            "hovertemplate": "%{customdata}<br>value %{x:.1f}<br>score %{y}/36<extra></extra>",
            "name": "Other areas",
        }
    ]
    chosen = frame[frame["area"] == area]
    if not chosen.empty:
        traces.append(
            {
                "type": "scatter",
                "x": chosen["value"].to_numpy(),
                "y": chosen["score"].to_numpy(),
                "mode": "markers+text",
                "text": chosen["area"].to_numpy(),
                "textposition": "top center",
                "textfont": {"size": 15, "color": AREA_COLOUR},
                "marker": {
                    "size": 16,
                    "color": AREA_COLOUR,
                    "symbol": "diamond",
                    "line": {"color": "#000", "width": 1},
                },
                "name": area,
            }
        )
    layout = merged(
        base_layout(title=title, height=480),
        {
            "xaxis": {"title": {"text": x_title}},
            "yaxis": {"title": {"text": "Latest inspection score out of 36"}, "range": [-1, 37]},
        },
    )
    return make_figure(traces, layout)


# The quarters LAIT bands by, shaded behind the ranked bars: blue the better half, red the worse (the ratings'
# diverging scheme, light enough for the bars on top), each also named by its letter above the plot.
BAND_TINTS = {"A": "#D1E5F0", "B": "#EAF2F7", "C": "#FBEBE2", "D": "#F6D0BD"}
LINE_COLOURS = ("#000000", "#6A3D9A", "#B15928")


def ranked(
    ranking: pd.DataFrame,
    lines: dict[str, float],
    *,
    highlight: str | None,
    unit: str,
    ranked_by_polarity: bool,
    title: str,
) -> go.Figure:
    """Every area's value in one period as a bar, best first; LAIT's quartile bands shaded behind and named, the
    national and regional figures as lines, the chosen area in colour and labelled. Names are on hover and in
    the table under the chart: a hundred and fifty of them would not fit under the bars."""
    positions = np.arange(1, len(ranking) + 1)
    chosen = (ranking["area"] == highlight).to_numpy()
    hover = [
        f"{chart_text(area)}: {value:,.1f}"
        + (f"<br>rank {rank} of {len(ranking)}, band {band}" if pd.notna(band) else "")
        for area, value, rank, band in zip(
            ranking["area"], ranking["value"], ranking["rank"], ranking["band"], strict=True
        )
    ]
    bars = {
        "type": "bar",
        "x": positions,
        "y": ranking["value"].to_numpy(float),
        "marker": {"color": np.where(chosen, AREA_COLOUR, "#737373"), "line": {"width": 0}},
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "showlegend": False,
    }
    traces = [bars] + [
        {
            "type": "scatter",
            "x": [0.5, len(ranking) + 0.5],
            "y": [value, value],
            "mode": "lines",
            "name": f"{label}: {value:,.1f}",
            "line": {
                "color": LINE_COLOURS[index % len(LINE_COLOURS)],
                "width": 2.5,
                "dash": ("dash", "dot")[index % 2],
            },
            "hoverinfo": "name",
        }
        for index, (label, value) in enumerate(lines.items())
    ]
    shapes, letters = _band_shading(ranking["band"].tolist())
    annotations = letters + _highlight_note(ranking, highlight)
    layout = merged(
        base_layout(title=title, height=440),
        {
            "showlegend": bool(lines),
            "legend": {"orientation": "h", "x": 0, "y": 0, "yref": "container", "yanchor": "bottom"},
            "margin": {
                "t": top_margin(title, 56 if highlight in set(ranking["area"]) else 28),
                "b": 110 if lines else 70,
            },
            "shapes": shapes,
            "annotations": annotations,
            "bargap": 0.15,
            "xaxis": {
                "title": {"text": "Rank, 1 the best" if ranked_by_polarity else "Areas, highest value first"},
                "range": [0.5, len(ranking) + 0.5],
                "showgrid": False,
            },
            "yaxis": {"title": {"text": unit}, "rangemode": "tozero"},
        },
    )
    return make_figure(traces, layout)


def _band_shading(bands: list) -> tuple[list[dict], list[dict]]:
    """A shaded stretch of the x axis for each run of areas in the same band, named above the plot."""
    shapes, letters, start = [], [], 0
    for index in range(1, len(bands) + 1):
        if index < len(bands) and bands[index] == bands[start]:
            continue
        band = bands[start]
        if isinstance(band, str):
            shapes.append(
                {
                    "type": "rect",
                    "xref": "x",
                    "yref": "paper",
                    "x0": start + 0.5,
                    "x1": index + 0.5,
                    "y0": 0,
                    "y1": 1,
                    "fillcolor": BAND_TINTS[band],
                    "line": {"width": 0},
                    "layer": "below",
                }
            )
            letters.append(
                {
                    "x": (start + index + 1) / 2,
                    "y": 1,
                    "xref": "x",
                    "yref": "paper",
                    "yanchor": "bottom",
                    "showarrow": False,
                    "text": f"<b>{band}</b>",
                    "font": {"size": 15},
                }
            )
        start = index
    return shapes, letters


def _highlight_note(ranking: pd.DataFrame, highlight: str | None) -> list[dict]:
    """The chosen area named above the plot, over its bar, on the side with room for the name."""
    rows = ranking.index[ranking["area"] == highlight]
    if rows.empty:
        return []
    position = int(rows[0]) + 1
    row = ranking.iloc[position - 1]
    rank = f", rank {int(row['rank'])} of {len(ranking)}" if pd.notna(row["rank"]) else ""
    return [
        {
            "x": position,
            "y": 1,
            "xref": "x",
            "yref": "paper",
            "yanchor": "bottom",
            "yshift": 26,
            "xanchor": "left" if position <= len(ranking) / 2 else "right",
            "showarrow": False,
            "text": f"▼ {chart_text(highlight)}: {row['value']:,.1f}{rank}"
            if position <= len(ranking) / 2
            else f"{highlight}: {row['value']:,.1f}{rank} ▼",
            "font": {"size": 15, "color": AREA_COLOUR},
        }
    ]
