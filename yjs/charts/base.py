"""Pure plotly figure builders (DataFrame in, figure out; no Streamlit).

Colours are colour-blind safe (a red-blue diverging scheme that stays distinct under the common
forms of colour blindness) and differ in lightness, so the four ratings stay apart in greyscale
too (Requires improvement light, Good mid, Inadequate dark, Outstanding darkest); every mark also
carries its label as text, so colour is never the only carrier of meaning.
"""

from __future__ import annotations

import functools
import re
import textwrap

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from yjs.domain import brag, rules

RATING_COLOURS = {
    rules.INADEQUATE: "#B2182B",
    rules.REQUIRES_IMPROVEMENT: "#F4A582",
    rules.GOOD: "#4393C3",
    rules.OUTSTANDING: "#053061",
}
RATING_TEXT_COLOURS = {
    rules.INADEQUATE: "white",
    rules.REQUIRES_IMPROVEMENT: "black",
    rules.GOOD: "black",
    rules.OUTSTANDING: "white",
}
HIGHLIGHT = "#000000"
AREA_COLOUR, COMPARATOR_GREY = "#0072B2", "#BBBBBB"  # the chosen area against its greyed comparators
BRAG_COLOURS = {
    brag.BLUE: "#0072B2",
    brag.GREEN: "#009E73",
    brag.AMBER: "#E69F00",
    brag.RED: "#A50F15",
    brag.NOT_ASSESSED: "#CCCCCC",
}
BRAG_TEXT_COLOURS = {
    brag.BLUE: "white",
    brag.GREEN: "black",
    brag.AMBER: "black",
    brag.RED: "white",
    brag.NOT_ASSESSED: "black",
}
FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 16, "color": "#1a1a1a"}


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of '#RRGGBB' (or 'black'/'white'): what is left of a colour in greyscale."""
    hex_colour = {"black": "#000000", "white": "#FFFFFF"}.get(colour, colour).lstrip("#")
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    darker, lighter = sorted((relative_luminance(first), relative_luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


TITLE_WIDTH = 50  # characters a line: a 20 px title fits a half-width column on a laptop, or a tablet's width
TITLE_LINE_PX = 26


def wrapped_title(title: str) -> str:
    """A long title on two or more lines: plotly never wraps one, and cuts it at the chart's edge."""
    return "<br>".join(textwrap.wrap(title, TITLE_WIDTH)) if len(title) > TITLE_WIDTH else title


def _title_pad(text: str, size: int) -> dict:
    """Room above a title anchored at the top. Plotly places a title of several lines about one line too high
    (its first line's top is cut off), so such a title starts that much lower."""
    return {"t": 12 + (round(0.75 * size) if "<br>" in text else 0)}


def top_margin(title: str | None, room_below: int = 0) -> int:
    """The top margin for a (wrapped) title, and `room_below` it for labels above the plot."""
    lines = wrapped_title(title).count("<br>") + 1 if title else 0
    return (34 + TITLE_LINE_PX * lines if lines else 20) + room_below


def base_layout(*, title: str | None = None, height: int = 380) -> dict:
    """The layout every chart starts from, as a plain dict: builders `merged` their own keys into it and
    construct the figure once (`make_figure`), because plotly validates every update_*/add_* call key by key."""
    layout = {
        "font": FONT,
        "height": height + top_margin(title) - top_margin(title[:TITLE_WIDTH] if title else None),
        "margin": {"l": 10, "r": 10, "t": top_margin(title), "b": 10},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "showlegend": False,
        "xaxis": {"showgrid": False, "linecolor": "#666", "tickfont": {"size": 15}},
        "yaxis": {"gridcolor": "#e5e5e5", "linecolor": "#666", "tickfont": {"size": 15}},
    }
    if title:  # at the top, so that labels above the plot (score bands, domains) have the margin's lower part
        text = wrapped_title(title)
        layout["title"] = {
            "text": text,
            "font": {"size": 20},
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": _title_pad(text, 20),
        }
    return layout


def merged(base: dict, extra: dict) -> dict:
    """A copy of `base` with `extra` merged in, nested dicts key by key (as plotly's update_layout does)."""
    result = dict(base)
    for key, value in extra.items():
        both_dicts = isinstance(value, dict) and isinstance(result.get(key), dict)
        result[key] = merged(result[key], value) if both_dicts else value
    return result


# Plotly checks every property of a figure as it is built: 9 ms a chart, a third of some pages' script time,
# and Streamlit checks nothing again. Our charts are built from our own dicts, so the app skips the check;
# the tests turn it on (tests/conftest.py), so an invalid property still fails there, and a test renders
# every page both ways and finds the charts identical (tests/apptest/test_chart_validation.py).
VALIDATE = False


def figure_from(spec: dict) -> go.Figure:
    """A plotly figure from a spec ({"data": [...], "layout": {...}}), checked only where VALIDATE says."""
    return go.Figure(spec, _validate=VALIDATE)


def make_figure(traces: list[dict], layout: dict) -> go.Figure:
    """The figure built in one pass from trace dicts (each with its "type") and a layout dict."""
    return figure_from({"data": traces, "layout": layout})


def rating_counts(latest: pd.DataFrame, *, title: str) -> go.Figure:
    """How many areas' latest inspection has each overall rating, best first."""
    order = list(reversed(rules.RATINGS))
    counts = latest["overall_rating"].value_counts().reindex(order, fill_value=0)
    bars = {
        "type": "bar",
        "x": counts.values,
        "y": order,
        "orientation": "h",
        "marker": {"color": [RATING_COLOURS[r] for r in order], "line": {"color": "#333", "width": 1}},
        "text": [f"{n} area{'s' if n != 1 else ''}" for n in counts.values],
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{y}: %{x} areas<extra></extra>",
    }
    layout = merged(
        base_layout(title=title, height=320),
        {
            "yaxis": {"autorange": "reversed"},
            "xaxis": {"title": {"text": "Areas"}, "range": [0, max(counts.max() * 1.4, 1)]},
        },
    )
    return make_figure([bars], layout)


# The score bands' names above the histogram, each within its band at a half-width chart on a projector: the
# narrow bands (7 and 6 points) by their short names, "Requires improvement" on two lines.
BAND_LABELS = {
    rules.INADEQUATE: rules.SHORT_LABELS[rules.INADEQUATE],
    rules.REQUIRES_IMPROVEMENT: "Requires<br>improvement",
    rules.GOOD: rules.GOOD,
    rules.OUTSTANDING: rules.SHORT_LABELS[rules.OUTSTANDING],
}


def _rating_bands() -> tuple[list[dict], list[dict]]:
    """The overall rating bands of the score out of 36, as shaded shapes and their labels above the plot."""
    shapes, labels = [], []
    floors = sorted(rules.OVERALL_BAND_FLOORS)
    for index, (floor, rating) in enumerate(floors):
        top = floors[index + 1][0] - 1 if index + 1 < len(floors) else rules.MAX_SCORE
        shapes.append(
            {
                "type": "rect",
                "x0": floor - 0.5,
                "x1": top + 0.5,
                "xref": "x",
                "y0": 0,
                "y1": 1,
                "yref": "y domain",
                "fillcolor": RATING_COLOURS[rating],
                "opacity": 0.22,
                "line": {"width": 0},
            }
        )
        labels.append(
            {
                "x": (floor + top) / 2,
                "y": 1.0,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "text": BAND_LABELS[rating],
                "font": {"size": 14},
            }
        )
    return shapes, labels


def score_distribution(latest: pd.DataFrame, *, highlight: str | None, title: str) -> go.Figure:
    """Latest scores out of 36 as a histogram, the rating bands shaded behind and one area marked."""
    scored = latest.dropna(subset=["score"])
    counts = scored["score"].astype(int).value_counts().reindex(range(rules.MAX_SCORE + 1), fill_value=0)
    bars = {
        "type": "bar",
        "x": counts.index.to_numpy(),
        "y": counts.values,
        "marker": {"color": "#4d4d4d"},
        "hovertemplate": "Score %{x}/36: %{y} areas<extra></extra>",
    }
    shapes, annotations = _rating_bands()
    if highlight is not None:
        row = scored[scored["area"] == highlight]
        if not row.empty:
            score = int(row["score"].iloc[0])
            shapes.append(
                {
                    "type": "line",
                    "x0": score,
                    "x1": score,
                    "xref": "x",
                    "y0": 0,
                    "y1": 1,
                    "yref": "y domain",
                    "line": {"color": HIGHLIGHT, "width": 3, "dash": "dash"},
                }
            )
            annotations.append(
                {
                    "x": score,
                    "y": max(counts.max(), 1) * 1.15,
                    "text": f"{highlight}: {score}",
                    "showarrow": False,
                    "font": {"size": 15, "color": HIGHLIGHT},
                    "bgcolor": "white",
                    "bordercolor": HIGHLIGHT,
                }
            )
    layout = merged(
        base_layout(title=title, height=400),
        {
            "shapes": shapes,
            "annotations": annotations,
            "margin": {"t": top_margin(title, 44)},
            # every 6 points: the bands' edges, and room for each label on a tablet
            "xaxis": {"title": {"text": "Score out of 36"}, "range": [-0.5, rules.MAX_SCORE + 0.5], "dtick": 6},
            "yaxis": {
                "title": {"text": "Areas"},
                "range": [0, max(counts.max(), 1) * 1.25],
                "tickformat": "d",
                **({"dtick": 1} if counts.max() <= 8 else {}),
            },
        },
    )
    return make_figure([bars], layout)


def _spec(figure: go.Figure) -> dict:
    """`figure` as plain dicts to edit and rebuild in one pass. The default template is left out (a new
    figure gets it back), because validating the whole template again costs more than the rest."""
    spec = {"data": [trace.to_plotly_json() for trace in figure.data], "layout": figure.layout.to_plotly_json()}
    if pio.templates.default and figure.layout.template == pio.templates[pio.templates.default]:
        spec["layout"].pop("template", None)
    return spec


def _with_label_margins(spec: dict, char_width: float) -> dict:
    layout = spec["layout"]

    def categories(axis: str) -> set[str]:
        return {v for trace in spec["data"] if trace.get(axis) is not None for v in trace[axis] if isinstance(v, str)}

    def longest(axis: str) -> int:  # in characters, of a label's longest line, without its markup
        lines = (line for label in categories(axis) for line in re.sub(r"<(?!br>)[^>]*>", "", label).split("<br>"))
        return max((len(line) for line in lines), default=0)

    margin = layout.get("margin", {})
    legend_right = layout.get("showlegend") and layout.get("legend", {}).get("orientation") != "h"
    crowded = len(categories("x")) * longest("x") * char_width > 800  # then plotly draws them at an angle
    slanted = 0.75 * char_width * longest("x") if crowded else 0
    layout["margin"] = {
        **margin,
        **{
            "l": max(margin.get("l") or 0, min(30 + char_width * max(longest("y"), 4), 60 * char_width)),
            "b": max(margin.get("b") or 0, 10 * char_width + slanted),
            "t": max(margin.get("t") or 0, 50),
            "r": max(margin.get("r") or 0, 21 * char_width if legend_right else 30),
        },
    }
    return spec


def label_margins(figure: go.Figure, *, char_width: float = 8) -> go.Figure:
    """A copy with margins wide enough for its labels at `char_width` pixels a character.

    On screen plotly grows tight margins to fit tick labels and axis titles (automargin), but not
    in a one-pass static render, nor reliably once the labels are enlarged for a projector, so long
    category labels and axis titles would be cut off.
    """
    return figure_from(_with_label_margins(_spec(figure), char_width))


PROJECTOR_LABEL_SIZE = 24  # px: legible from the back of a room at 1280x720
PROJECTOR_MIN_HEIGHT = 520


@functools.cache
def _has_textfont(trace_type: str) -> bool:
    return "textfont" in go.Figure({"data": [{"type": trace_type}]}).data[0]


def _grow_annotations(annotations, size: int) -> int:
    """Annotations at least `size` px, in black, their shifts grown with them; returns the room the ones above
    the plot (the score bands' and the matrix's domain names) take over it."""
    above = 0
    for annotation in annotations:
        old = annotation.get("font", {}).get("size") or FONT["size"]
        new = max(size, old)
        annotation["font"] = {"size": new, "color": "#000000"}
        if annotation.get("yshift"):
            annotation["yshift"] = round(annotation["yshift"] * new / old)
        if annotation.get("yref") == "paper" and annotation.get("y", 0) >= 1 and annotation.get("yanchor") == "bottom":
            lines = (annotation.get("text") or "").count("<br>") + 1
            above = max(above, (annotation.get("yshift") or 0) + round(1.3 * new * lines))
    return above


PROJECTOR_AXIS_TITLE_WIDTH = 32  # characters a line: at 24 px a longer title runs past a tablet's chart


def _wrap_x_title(layout: dict, size: int) -> int:
    """The x axis's title on two or more lines when long; returns the room its extra lines take under the plot."""
    title = layout.get("xaxis", {}).get("title", {})
    text = title.get("text") or ""
    if len(text) <= PROJECTOR_AXIS_TITLE_WIDTH or "<br>" in text:
        return 0
    title["text"] = "<br>".join(textwrap.wrap(text, PROJECTOR_AXIS_TITLE_WIDTH))
    return round(1.25 * size) * title["text"].count("<br>")


def for_projector(figure: go.Figure) -> go.Figure:
    """A copy of `figure` for a shared screen: every label at least 24 px, titles larger, taller."""
    spec = _with_label_margins(_spec(figure), 12.5)
    layout, size = spec["layout"], PROJECTOR_LABEL_SIZE
    grown = (layout["margin"]["b"] or 0) - (figure.layout.margin.b or 0)  # the plot keeps its room under slanted labels
    projector = {
        "font": {"size": size, "color": "#000000"},
        "legend": {"font": {"size": size}},
        "height": max(layout.get("height") or 0, PROJECTOR_MIN_HEIGHT) + grown,
        "xaxis": {"tickfont": {"size": size}, "title": {"font": {"size": size}}},
        "yaxis": {"tickfont": {"size": size}, "title": {"font": {"size": size}}},
    }
    title = layout.get("title", {}).get("text") or ""
    if title:
        projector["title"] = {"font": {"size": size + 6}, "pad": _title_pad(title, size + 6)}
    layout = spec["layout"] = merged(layout, projector)
    above = _grow_annotations(layout.get("annotations", ()), size)
    # each title line 30 px, not 20, and the labels above the plot grown with their shifts: the plot moves down
    title_lines = title.count("<br>") + 1 if title else 0
    title_room = _title_pad(title, size + 6)["t"] + round(1.25 * (size + 6)) * title_lines if title else 0
    top = max(layout["margin"]["t"] or 0, title_room + above)
    legend_below = layout.get("showlegend") and layout.get("legend", {}).get("yref") == "container"
    legend_growth = 2 * (size - 13) if legend_below else 0  # two rows of a key under the plot, grown
    legend_growth += _wrap_x_title(layout, size)
    layout["margin"]["b"] = (layout["margin"]["b"] or 0) + legend_growth
    layout["height"] += top - (layout["margin"]["t"] or 0) + legend_growth
    layout["margin"]["t"] = top
    for trace in spec["data"]:
        if _has_textfont(trace.get("type", "scatter")):  # bar labels sit inside bars: 20 px
            trace["textfont"] = {
                **trace.get("textfont", {}),
                "size": max(size - 4, trace.get("textfont", {}).get("size") or 0),
            }
    return figure_from(spec)


def wrapped_label(name: str, width: int = 18) -> str:
    """A long category name on two or more lines (plotly's <br>), so the axis leaves the plot room on a tablet."""
    return "<br>".join(textwrap.wrap(name, width)) if len(name) > width + 2 else name


def shortened(text: str, width: int) -> str:
    """`text` cut at a word's end to at most `width` characters, with an ellipsis: never inside a word."""
    return textwrap.shorten(text, width, placeholder=" …")
