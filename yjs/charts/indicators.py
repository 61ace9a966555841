"""Pure plotly builders for the indicator pages: the area in colour, comparators in grey."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from yjs.charts.base import AREA_COLOUR, COMPARATOR_GREY, base_layout, make_figure, merged

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
