"""Pure plotly builders for improvement plans: the timeline, progress over time, and plans compared across
services (status shares per area, completion over time).

BRAG colours are the Okabe-Ito colour-blind safe set, and every bar also carries its status as
text, so colour is never the only carrier of meaning.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from yjs.charts.base import (
    AREA_COLOUR,
    BRAG_COLOURS,
    BRAG_TEXT_COLOURS,
    COMPARATOR_GREY,
    HIGHLIGHT,
    base_layout,
    make_figure,
    merged,
    shortened,
    top_margin,
    wrapped_label,
)
from yjs.charts.cohort import SERIES
from yjs.domain import brag, plan_progress, plans
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
        label=[
            chart_text(f"{ref}: {shortened(text, 60)}") for ref, text in zip(rows["ref"], rows["action"], strict=True)
        ],
        start=start,
        length=(due - start) // pd.Timedelta(milliseconds=1),
        bar_text=[f"{s}, overdue" if late else s for s, late in zip(rows["status"], rows["overdue"], strict=True)],
    )
    bars = [
        _status_bars(rows[rows["status"] == status], status)
        for status in plans.STATUS_ORDER
        if (rows["status"] == status).any()
    ]
    # A month's room either side: the first date's label stays whole, and today's line is never on the edge.
    first, last = start.min(), max(due.max(), pd.Timestamp(today))
    late_today = pd.Timestamp(today) > first + (last - first) / 2
    layout = merged(
        base_layout(title=title, height=max(320, 28 * len(rows) + 170)),
        {
            "barmode": "overlay",
            "showlegend": True,
            "margin": {"t": top_margin(title, 30), "b": 80},
            # the key under the axis, in the figure's bottom margin (in the plot's units it met the dates)
            "legend": {
                "title": {"text": "Status"},
                "tracegroupgap": 0,
                "orientation": "h",
                "x": 0,
                "y": 0,
                "yref": "container",
                "yanchor": "bottom",
            },
            "xaxis": {
                "anchor": "y",
                "domain": [0.0, 1.0],
                "type": "date",
                "range": [first - pd.Timedelta(days=45), last + pd.Timedelta(days=45)],
            },
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
                    "xanchor": "right" if late_today else "left",
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


# --- plans compared across services ------------------------------------------------------------------

SERIES_COLOURS = tuple(colour for colour in SERIES if colour != "#F0E442")  # yellow lines vanish on white


def _share_label(status: str, share: float) -> str:
    """A segment's label: the status and its share where there is room, its initial where little, else none."""
    if pd.isna(share) or share < 0.06:
        return ""
    return f"{status if share >= 0.16 else status[0]} {share:.0%}"


def status_shares(progress: pd.DataFrame, *, highlight: str | None, title: str) -> go.Figure:
    """One stacked bar per area (in the frame's order, first at the top): the share of its actions at each
    status, complete on the left, each segment labelled; the actions and overdue at the bar's end.
    The chosen area is named in bold and outlined."""
    areas = progress["area"].tolist()
    ticks = [f"<b>{wrapped_label(area)} ◀</b>" if area == highlight else wrapped_label(area) for area in areas]
    outline = [3 if area == highlight else 1 for area in areas]
    bars = []
    for status in plan_progress.BAR_ORDER:
        shares = progress[plan_progress.share_column(status)].to_numpy(dtype="float64")
        counts = progress[plan_progress.COUNT_COLUMNS[status]].to_numpy()
        bars.append(
            {
                "type": "bar",
                "orientation": "h",
                "x": np.nan_to_num(shares) * 100,
                "y": ticks,
                "name": f"{status}: {plans_meaning(status)}",
                "marker": {
                    "color": BRAG_COLOURS[status],
                    "line": {"color": ["#000" if w > 1 else "#333" for w in outline], "width": outline},
                },
                "text": [_share_label(status, share) for share in shares],
                "textposition": "inside",
                "insidetextanchor": "middle",
                "textangle": 0,
                "textfont": {"color": BRAG_TEXT_COLOURS[status], "size": 13},
                "customdata": np.column_stack([areas, counts, progress["actions"].to_numpy()]),
                "hovertemplate": f"%{{customdata[0]}}: {status} %{{customdata[1]}} of %{{customdata[2]}} actions "
                "(%{x:.0f}%)<extra></extra>",
            }
        )
    ends = {
        "type": "scatter",
        "mode": "text",
        "x": [100] * len(areas),
        "y": ticks,
        "text": [
            f"  {n} action{'s' if n != 1 else ''} · {o} overdue"
            for n, o in zip(progress["actions"], progress["overdue"], strict=True)
        ],
        "textposition": "middle right",
        "textfont": {"size": 13, "color": "#1a1a1a"},
        "cliponaxis": False,
        "showlegend": False,
        "hoverinfo": "skip",
    }
    layout = merged(
        base_layout(title=title, height=status_shares_height(areas)),
        {
            "barmode": "stack",
            "bargap": 0.25,
            "showlegend": True,
            "legend": {
                "orientation": "h",
                "x": 0,
                "y": 0,
                "yref": "container",
                "yanchor": "bottom",
                "traceorder": "normal",
            },
            "margin": {"t": 60, "r": 170, "b": 110},
            "xaxis": {"range": [0, 100], "ticksuffix": "%", "title": {"text": "Share of the plan's actions"}},
            # first at the top; a set range, since the text trace at the bars' ends would pad an automatic one
            "yaxis": {"range": [len(areas) - 0.5, -0.5], "type": "category", "gridcolor": "rgba(0,0,0,0)"},
        },
    )
    return make_figure([*bars, ends], layout)


def status_shares_height(areas: list[str]) -> int:
    """Room for each bar (two lines for a wrapped name) and for the legend, wrapped on a narrow screen."""
    rows = sum(34 if "<br>" in wrapped_label(area) else 28 for area in areas)
    return max(360, rows + 230)


def plans_meaning(status: str) -> str:
    return brag.MEANINGS.get(status, "no clear status").lower()


def completion_lines(series: pd.DataFrame, *, highlight: str | None, title: str) -> go.Figure:
    """Each area's share of actions complete over time, one step line per area (the share holds until the
    next status update). A few areas each get a colour, a marker shape and a legend entry, the chosen one
    drawn black and thick; many are one grey trace (broken between areas), the chosen one in colour and
    named at its end."""
    areas = sorted(dict.fromkeys(series["area"]), key=lambda a: a == highlight)  # the chosen one drawn on top
    by_area = dict(tuple(series.groupby("area", sort=False)))
    few = len(areas) <= len(SERIES_COLOURS)
    if few:
        traces = [
            _completion_trace(by_area[area], area, index, chosen=area == highlight, few=True)
            for index, area in enumerate(areas)
        ]
    else:
        others = [by_area[area] for area in areas if area != highlight]
        traces = [_grey_lines(others)]
        if highlight in by_area:
            traces.append(_completion_trace(by_area[highlight], highlight, 0, chosen=True, few=False))
    labels = []
    if highlight in by_area and not few:
        last = by_area[highlight].iloc[-1]
        labels.append(
            {
                "x": last["date"],
                "y": 100 * last["complete_share"],
                "text": f"<b>{highlight}</b>",
                "xanchor": "left",
                "xshift": 8,
                "showarrow": False,
                "font": {"size": 14, "color": "#000"},
                "bgcolor": "rgba(255,255,255,0.85)",
            }
        )
    first, last = pd.to_datetime(series["date"]).min(), pd.to_datetime(series["date"]).max()
    pad = max((last - first) * 0.03, pd.Timedelta(days=20))
    layout = merged(
        base_layout(title=title, height=460),
        {
            **({"annotations": labels} if labels else {}),
            "showlegend": few,
            "legend": {"orientation": "h", "x": 0, "y": 0, "yref": "container", "yanchor": "bottom"},
            "margin": {"r": 30 if few else 150, "b": 110 if few else 60},
            "xaxis": {
                "type": "date",
                "range": [first - pad, last + pad],
                "title": {"text": "Date of the status update"},
            },
            "yaxis": {"range": [-2, 105], "ticksuffix": "%", "title": {"text": "Actions complete (Blue)"}},
        },
    )
    return make_figure(traces, layout)


def _grey_lines(frames: list[pd.DataFrame]) -> dict:
    """Many areas' lines as one trace, a gap between areas: one trace draws (and builds) far quicker than fifty."""
    gap = pd.DataFrame({"area": [None], "date": [pd.NaT], "complete_share": [np.nan], "complete": [None]})
    rows = pd.concat([part for frame in frames for part in (frame, gap)], ignore_index=True)
    return {
        "type": "scatter",
        "mode": "lines",
        "line": {"shape": "hv", "color": COMPARATOR_GREY, "width": 1.2},
        "connectgaps": False,
        "x": rows["date"].to_numpy(),
        "y": (100 * rows["complete_share"]).to_numpy(),
        "name": "Other areas",
        "customdata": np.column_stack(
            [rows["area"].to_numpy(), rows["complete"].to_numpy(), rows["actions"].to_numpy()]
        ),
        "hovertemplate": "%{customdata[0]}, %{x|%-d %B %Y}: %{customdata[1]} of %{customdata[2]} complete "
        "(%{y:.0f}%)<extra></extra>",
    }


MARKERS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star")


def _completion_trace(rows: pd.DataFrame, area: str, index: int, *, chosen: bool, few: bool) -> dict:
    colour = (
        HIGHLIGHT if chosen and few else AREA_COLOUR if chosen else SERIES_COLOURS[index] if few else COMPARATOR_GREY
    )
    return {
        "type": "scatter",
        "mode": "lines+markers" if few or chosen else "lines",
        "line": {"shape": "hv", "color": colour, "width": 4 if chosen else 2.5 if few else 1.2},
        "marker": {"size": 9, "color": colour, "symbol": MARKERS[index % len(MARKERS)] if few else "circle"},
        "x": rows["date"].to_numpy(),
        "y": (100 * rows["complete_share"]).to_numpy(),
        "name": f"<b>{area} (your area)</b>" if chosen else area,
        "customdata": np.column_stack([rows["complete"].to_numpy(), rows["actions"].to_numpy()]),
        "hovertemplate": f"{area}, %{{x|%-d %B %Y}}: %{{customdata[0]}} of %{{customdata[1]}} complete "
        "(%{y:.0f}%)<extra></extra>",
    }
