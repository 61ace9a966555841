"""Pure plotly builders for the ratings pages. Every coloured mark carries its rating as text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from yjs.charts.base import (
    AREA_COLOUR,
    COMPARATOR_GREY,
    FONT,
    RATING_COLOURS,
    RATING_TEXT_COLOURS,
    base_layout,
    make_figure,
    merged,
    wrapped_label,
)
from yjs.domain import rules
from yjs.domain.plaintext import chart_text
from yjs.domain.ratings import DOMAIN_NAMES, domain_of

NOT_RATED_GREY = "#D9D9D9"
OVERALL, SCORE = "Overall", "Score"
# The matrix's columns and their widths (in cells): the twelve scored standards, a gap, resettlement (4.1) apart,
# a gap, and the overall rating and score. Short codes only, so that at a cell's width no label meets the next.
_GAP = 0.3
MATRIX_COLUMNS = list(rules.SCORED_STANDARDS) + [rules.RESETTLEMENT, OVERALL, SCORE]
_WIDTHS = [1.0] * len(rules.SCORED_STANDARDS) + [1.3, 1.6, 1.2]  # room for "Not rated", "Overall", "Score"
_GAPS_BEFORE = {rules.RESETTLEMENT: _GAP, OVERALL: _GAP}
MIN_WIDTH_PX = 880  # a cell of about 40 px beside the longest name; narrower, the chart scrolls sideways


def _column_edges() -> tuple[list[float], dict[str, float]]:
    """The columns' edges along x (a heatmap's bricks, gaps as empty bricks), and each column's centre."""
    edges, centres, x = [0.0], {}, 0.0
    for column, width in zip(MATRIX_COLUMNS, _WIDTHS, strict=True):
        if column in _GAPS_BEFORE:
            x += _GAPS_BEFORE[column]
            edges.append(x)
        centres[column] = x + width / 2
        x += width
        edges.append(x)
    return edges, centres


EDGES, CENTRES = _column_edges()
# Heatmap values: -1 Not rated, 0-3 the ratings worst to best; a step colour scale over them.
_STEPS = [NOT_RATED_GREY] + [RATING_COLOURS[r] for r in rules.RATINGS]
COLOUR_SCALE = [
    [edge, colour] for index, colour in enumerate(_STEPS) for edge in (index / len(_STEPS), (index + 1) / len(_STEPS))
]


def _cell(rating) -> tuple[float | None, str]:
    if rating in rules.RATINGS:
        return rules.score_from_rating(rating), rules.SHORT_LABELS[rating]
    if rating == rules.NOT_RATED:
        return -1, "Not rated"
    return None, ""


def _matrix_cell(row: dict, column: str, names: dict[tuple[int, str], str]) -> tuple[float | None, str, str]:
    """One cell: its colour value, its text and what its hover says."""
    if column == OVERALL:
        value, short = _cell(row["overall_rating"])
        return value, short or "–", f"Overall rating: {row['overall_rating'] or 'not known'}"
    if column == SCORE:
        short = "–" if pd.isna(row["score"]) else str(int(row["score"]))
        return None, short, f"Score: {short}/36" if short != "–" else "No score out of 36"
    value, short = _cell(row.get(column))
    rating = row.get(column)
    name = names.get((row["inspection_id"], column), "")
    return value, short or "–", f"{column} {name}: {rating if pd.notna(rating) else 'not published'}"


def _with_gaps(cells: list) -> list:
    """A row's cells with an empty brick where each gap goes."""
    out = []
    for column, cell in zip(MATRIX_COLUMNS, cells, strict=True):
        if column in _GAPS_BEFORE:
            out.append(None)
        out.append(cell)
    return out


def ratings_heatmap(
    wide: pd.DataFrame, labels: list[str], names: dict[tuple[int, str], str], *, marked: list[str] = ()
) -> go.Figure:
    """Rows are inspections, columns the twelve standards, resettlement apart and the overall result.

    `names` maps (inspection, code) to the standard's name in that framework, for the hover; `marked` codes get a
    marker above their column (the standards on which compared areas differ).
    """
    z, text, hover = [], [], []
    for row, label in zip(wide.to_dict("records"), labels, strict=True):
        cells = [_matrix_cell(row, column, names) for column in MATRIX_COLUMNS]
        z.append([value for value, _text, _what in cells])
        text.append([short for _value, short, _what in cells])
        hover.append(
            _with_gaps(
                [f"<b>{chart_text(label)}</b><br>{what}<br>Source: {chart_text(row['source'])}" for *_, what in cells]
            )
        )
    cells = {  # arrays, not nested lists: plotly validates those element by element
        "type": "heatmap",
        "z": np.array([_with_gaps(row) for row in z], dtype=float),
        "x": EDGES,
        "y": labels,
        "hovertext": np.array(hover, dtype=object),
        "hovertemplate": "%{hovertext}<extra></extra>",
        "colorscale": COLOUR_SCALE,
        "zmin": -1.5,
        "zmax": 3.5,
        "showscale": False,
        "hoverongaps": False,
        "xgap": 3,
        "ygap": 3,
    }
    layout = merged(
        base_layout(height=max(260, 34 * len(labels) + (196 if marked else 170))),
        {
            "annotations": _column_headings(marked),
            "margin": {"t": 146 if marked else 120, "l": 10, "r": 10, "b": 10},
            # Fixed ranges: the text trace would otherwise pad the axes with empty rows.
            "xaxis": {
                "side": "top",
                "tickvals": [CENTRES[c] for c in MATRIX_COLUMNS],
                "ticktext": MATRIX_COLUMNS,
                "tickfont": {"size": 14},
                "tickangle": 0,
                "showline": False,
                "showgrid": False,
                "zeroline": False,
                "fixedrange": True,
                "range": [EDGES[0], EDGES[-1]],
            },
            "yaxis": {
                "type": "category",
                "tickfont": {"size": 15},
                "gridcolor": "rgba(0,0,0,0)",
                "fixedrange": True,
                "range": [len(labels) - 0.5, -0.5],
                "showline": False,
            },
        },
    )
    return make_figure([cells, *_cell_labels(z, text, labels)], layout)


DOMAIN_HEADINGS = {
    1: "Organisational<br>delivery",
    2: "Court<br>disposals",
    3: "Out-of-court<br>disposals",
    4: "Resettlement",
}


def _column_headings(marked: list[str]) -> list[dict]:
    """A marker above each `marked` standard's column, then the domains' names above their columns."""
    headings = [
        {
            "x": CENTRES[code],
            "y": 1,
            "yref": "paper",
            "yanchor": "bottom",
            "text": "▼",
            "showarrow": False,
            "font": {"size": 12, "color": "#000"},
            "yshift": 34,  # clear of the codes under it
        }
        for code in marked
    ]
    for domain in (1, 2, 3, 4):
        codes = [CENTRES[c] for c in rules.ALL_STANDARDS if domain_of(c) == domain]
        # Resettlement's one column is narrower than its name: it starts at the column and runs on over the gap
        # and the overall columns, which have no heading, rather than into the out-of-court domain's.
        resettlement_start = CENTRES[rules.RESETTLEMENT] - _WIDTHS[MATRIX_COLUMNS.index(rules.RESETTLEMENT)] / 2
        headings.append(
            {
                "x": resettlement_start if domain == 4 else sum(codes) / len(codes),
                "xanchor": "left" if domain == 4 else "center",
                "y": 1,
                "yref": "paper",
                "yanchor": "bottom",
                "valign": "bottom",
                "showarrow": False,
                "yshift": 56 if marked else 30,
                "font": {"size": 13},
                "text": f"<b>{DOMAIN_HEADINGS[domain]}</b>",
            }
        )
    return headings


def _cell_labels(z: list[list], text: list[list[str]], labels: list[str]) -> list[dict]:
    """The cells' text as two text traces, white on the dark ratings and black on the rest (a heatmap's
    own text has one colour; one colour per trace also spares plotly validating a colour per cell)."""
    by_colour: dict[str, tuple[list, list, list]] = {}
    for label, z_row, text_row in zip(labels, z, text, strict=True):
        for column, value, word in zip(MATRIX_COLUMNS, z_row, text_row, strict=True):
            if word:
                rating = rules.RATINGS[int(value)] if value is not None and value >= 0 else None
                xs, ys, words = by_colour.setdefault(RATING_TEXT_COLOURS.get(rating, "#1a1a1a"), ([], [], []))
                xs.append(CENTRES[column]), ys.append(label), words.append(word)
    return [
        {
            "type": "scatter",
            "x": np.array(xs, dtype=float),
            "y": np.array(ys, dtype=object),
            "mode": "text",
            "text": np.array(words, dtype=object),
            "textfont": {"color": colour, "size": 13},
            "hoverinfo": "skip",
        }
        for colour, (xs, ys, words) in by_colour.items()
    ]


def key_question_bars(panel, *, height: int = 230) -> go.Figure:
    """One standard's key questions as % Yes bars against HMIP's bands (50, 65 and 80%).

    Shapes and annotations go in as one layout: plotly's add_vrect/add_annotation validate the
    whole figure on every call, which made a profile of seven panels cost a third of a second.
    """
    questions = [q for q in panel.questions if q.pct is not None]
    # on two lines where long, so that the bars keep room beside them in a panel's column, even on a projector
    labels = [wrapped_label(rules.THEME_PHRASES.get(q.theme, q.theme).capitalize(), 18) for q in questions]
    text = [
        rules.describe_counts(q).replace(", inferred from the published % and sample", ", inferred") for q in questions
    ]
    edges = [0.0, *rules.KEY_QUESTION_THRESHOLDS.values(), 100.0]
    bands = list(zip(edges[:-1], edges[1:], rules.RATINGS, strict=True))
    shapes = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": low,
            "x1": high,
            "y0": 0,
            "y1": 1,
            "fillcolor": RATING_COLOURS[rating],
            "opacity": 0.2,
            "line": {"width": 0},
            "layer": "below",
        }
        for low, high, rating in bands
    ]
    shapes += [
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": t,
            "x1": t,
            "y0": 0,
            "y1": 1,
            "line": {"color": "#555", "width": 1, "dash": "dot"},
        }
        for t in rules.KEY_QUESTION_THRESHOLDS.values()
    ]
    annotations = [
        {
            "x": (low + high) / 2,
            "y": 1,
            "xref": "x",
            "yref": "paper",
            "yanchor": "bottom",
            "showarrow": False,
            "text": rules.SHORT_LABELS[rating],
            "font": {"size": 13},
        }
        for low, high, rating in bands
    ]
    bars = {
        "type": "bar",
        "x": [q.pct for q in questions],
        "y": labels,
        "orientation": "h",
        "text": text,
        "textposition": "inside",
        "insidetextanchor": "end",
        "textfont": {"color": "white", "size": 14},
        "marker": {"color": "#333333"},
        "width": 0.6,
        "hovertext": [q.question for q in questions],
        "hovertemplate": "%{hovertext}<br>%{x:.0f}% Yes<extra></extra>",
    }
    layout = {
        "font": FONT,
        "height": height,
        "margin": {"t": 30, "l": 10, "r": 10, "b": 10},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "showlegend": False,
        "shapes": shapes,
        "annotations": annotations,
        "xaxis": {
            "range": [0, 100],
            "title": {"text": "% Yes of relevant cases"},
            "tickvals": [0, 50, 65, 80, 100],
            "showgrid": False,
            "linecolor": "#666",
            "tickfont": {"size": 15},
        },
        "yaxis": {"autorange": "reversed", "showgrid": False, "linecolor": "#666", "tickfont": {"size": 15}},
    }
    return make_figure([bars], layout)


def inspection_timeline(history: pd.DataFrame, labels: list[str], *, title: str) -> go.Figure:
    """An area's inspections on a time axis, placed by overall rating and labelled with it."""
    ratings = list(rules.RATINGS)
    text = [
        f"{rating}{'' if pd.isna(score) else f' ({int(score)}/36)'}<br>{framework} framework"
        for rating, score, framework in zip(
            history["overall_rating"], history["score"], history["framework"], strict=True
        )
    ]
    points = {
        "type": "scatter",
        "x": history["inspection_date"],
        "y": history["overall_rating"].to_numpy(),
        "mode": "lines+markers+text",
        "text": text,
        "textposition": "top center",
        "line": {"color": "#777", "dash": "dot"},
        "cliponaxis": False,
        "marker": {
            "size": 18,
            "symbol": "diamond",
            "color": [RATING_COLOURS.get(r, NOT_RATED_GREY) for r in history["overall_rating"]],
            "line": {"color": "#000", "width": 1},
        },
        "customdata": labels,
        "hovertemplate": "%{customdata}<br>%{text}<extra></extra>",
    }
    layout = merged(
        base_layout(title=title, height=330),
        {
            "yaxis": {"type": "category", "categoryorder": "array", "categoryarray": ratings, "range": [-0.5, 4]},
            "xaxis": {"tickformat": "%b %Y"},
        },
    )
    return make_figure([points], layout)


def domain_score_bars(scores: pd.DataFrame, areas: list[str], *, title: str) -> go.Figure:
    """Domain sub-scores (0-12) of several areas side by side, one bar per area within each domain."""
    bars = []
    patterns = ("", "/", ".", "x", "-", "|", "+", "\\")  # areas told apart without colour too
    domains = np.array([DOMAIN_NAMES[d] for d in (1, 2, 3)], dtype=object)
    for index, area in enumerate(areas):
        values = scores[scores["area"] == area].set_index("domain_name")["score"].reindex(domains).to_numpy()
        bars.append(
            {
                "type": "bar",
                "x": domains,
                "y": values,
                "name": area,
                "text": [f"{int(s)}" if pd.notna(s) else "n/a" for s in values],
                "textposition": "outside",
                "marker": {
                    "pattern": {"shape": patterns[index % len(patterns)]},
                    "line": {"color": "#333", "width": 1},
                },
                "hovertemplate": f"{area}<br>%{{x}}: %{{y}} of 12<extra></extra>",
            }
        )
    layout = merged(
        base_layout(title=title, height=420),
        {
            "barmode": "group",
            "showlegend": True,
            "legend": {"orientation": "h", "y": -0.15},
            "colorway": ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"],
            "yaxis": {"title": {"text": "Domain score (of 12)"}, "range": [0, 13.5], "dtick": 3},
        },
    )
    return make_figure(bars, layout)


STRIP_LANE_PX = 20  # a label's line above or below the dots
_STRIP_POINT_PX = 16  # a score point's width on a tablet (about 600 px for 37 points)
_STRIP_CHAR_PX = 8  # a 14 px label's average character


def _label_lanes(scores: list[float], names: list[str]) -> list[int]:
    """A lane for each label (0 above, 1 below, 2 higher above, ...), in score order: the first lane in which it
    clears the label before it, so that no two names meet however close their scores."""
    ends: dict[int, float] = {}  # each lane's right end, in pixels along the axis
    lanes = []
    for score, name in zip(scores, names, strict=True):
        centre, half = score * _STRIP_POINT_PX, len(name) * _STRIP_CHAR_PX / 2 + 4
        lane = next(n for n in range(len(scores) + 1) if ends.get(n, -1e9) < centre - half)
        ends[lane] = centre + half
        lanes.append(lane)
    return lanes


def national_strip(scores: pd.DataFrame, highlighted: list[str], *, title: str) -> go.Figure:
    """Every area's latest score as a grey dot, the chosen areas labelled on top."""
    others = scores[~scores["area"].isin(highlighted)]
    box = {
        "type": "box",
        "x": scores["score"].to_numpy(),
        "boxpoints": False,
        "fillcolor": "rgba(0,0,0,0)",
        "line": {"color": "#999"},
        "name": "",
        "hoverinfo": "skip",
    }
    dots = {
        "type": "scatter",
        "x": others["score"].to_numpy(),
        "y": [""] * len(others),
        "mode": "markers",
        "customdata": others["area"].to_numpy(),
        "marker": {"color": COMPARATOR_GREY, "size": 10, "line": {"color": "#666", "width": 1}},
        "hovertemplate": "%{customdata}: %{x}/36<extra></extra>",
    }
    chosen = scores[scores["area"].isin(highlighted)].sort_values(["score", "area"])
    marked = {
        "type": "scatter",
        "x": chosen["score"].to_numpy(),
        "y": [""] * len(chosen),
        "mode": "markers",
        "customdata": chosen["area"].map(chart_text).to_numpy(),
        "marker": {"color": AREA_COLOUR, "size": 16, "symbol": "diamond", "line": {"color": "#000", "width": 1}},
        "hovertemplate": "%{customdata}: %{x}/36<extra></extra>",
    }
    lanes = _label_lanes(chosen["score"].tolist(), chosen["area"].tolist())
    labels = [
        {
            "x": score,
            "y": 0,  # the dots' row (a category axis counts its rows from 0)
            "text": chart_text(area),
            "showarrow": False,
            "yshift": (1 if lane % 2 == 0 else -1) * (STRIP_LANE_PX * (lane // 2) + 18),
            "font": {"size": 14, "color": "#000"},
        }
        for score, area, lane in zip(chosen["score"], chosen["area"], lanes, strict=True)
    ]
    rows = (max(lanes, default=0) // 2) + 1
    layout = merged(
        base_layout(title=title, height=230 + 2 * STRIP_LANE_PX * rows),
        {
            "xaxis": {"title": {"text": "Latest score out of 36"}, "range": [-0.5, 36.5], "dtick": 3},
            "annotations": labels,
        },
    )
    return make_figure([box, dots, marked], layout)


def ratings_by_year(counts: pd.DataFrame, *, title: str) -> go.Figure:
    """Inspections per year stacked by overall rating, each segment labelled with its count."""
    bars = []
    for rating in reversed(rules.RATINGS):
        rows = counts[counts["overall_rating"] == rating]
        bars.append(
            {
                "type": "bar",
                "x": rows["year"].to_numpy(),
                "y": rows["inspections"].to_numpy(),
                "name": rating,
                "text": [str(n) for n in rows["inspections"]],
                "textposition": "inside",
                "insidetextanchor": "middle",
                "textangle": 0,  # never turned on its side to squeeze into a thin segment
                "marker": {"color": RATING_COLOURS[rating], "line": {"color": "#333", "width": 1}},
                "textfont": {"color": RATING_TEXT_COLOURS[rating], "size": 14},
                "hovertemplate": f"%{{x}}: %{{y}} rated {rating}<extra></extra>",
            }
        )
    layout = merged(
        base_layout(title=title, height=400),
        {
            "barmode": "stack",
            # a segment too small for its count shows none, rather than a count shrunk to a dash
            "uniformtext": {"minsize": 12, "mode": "hide"},
            "showlegend": True,
            "legend": {"orientation": "h", "y": -0.28},
            "xaxis": {"title": {"text": "Year published"}, "dtick": 1, "tickformat": "d"},
            "yaxis": {"title": {"text": "Inspections"}, "tickformat": "d"},
        },
    )
    return make_figure(bars, layout)


def good_or_better(shares: pd.DataFrame, *, title: str) -> go.Figure:
    """For each standard, the share of latest inspections rated Good or better; the weakest first."""
    rows = shares.sort_values(["pct_good_or_better", "code"], ascending=[True, True])
    labels = [f"{code} {name}" for code, name in zip(rows["code"], rows["name"], strict=True)]
    weakest = rows["pct_good_or_better"].min()
    bars = {
        "type": "bar",
        "x": rows["pct_good_or_better"].to_numpy(),
        "y": labels,
        "orientation": "h",
        "text": [
            f"{p:.0f}% ({g} of {n})"
            for p, g, n in zip(rows["pct_good_or_better"], rows["good_or_better"], rows["rated"], strict=True)
        ],
        "textposition": "outside",
        "cliponaxis": False,
        "marker": {
            "color": ["#B2182B" if p == weakest else "#4d4d4d" for p in rows["pct_good_or_better"]],
            "pattern": {"shape": ["/" if p == weakest else "" for p in rows["pct_good_or_better"]]},
        },
        "hovertemplate": "%{y}: %{x:.0f}% Good or better<extra></extra>",
    }
    layout = merged(
        base_layout(title=title, height=max(300, 34 * len(rows) + 90)),
        {
            "xaxis": {
                "title": {"text": "% of latest inspections rated Good or Outstanding"},
                "range": [0, 125],
                "dtick": 25,
            },
            "yaxis": {"autorange": "reversed", "gridcolor": "rgba(0,0,0,0)", "type": "category"},
        },
    )
    return make_figure([bars], layout)
