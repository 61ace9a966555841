"""Pure plotly figure builders (DataFrame in, figure out; no Streamlit).

Colours are colour-blind safe (a red-blue diverging scheme that stays distinct under the common
forms of colour blindness) and differ in lightness, so the four ratings stay apart in greyscale
too (Requires improvement light, Good mid, Inadequate dark, Outstanding darkest); every mark also
carries its label as text, so colour is never the only carrier of meaning.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from yjs import rules

RATING_COLOURS = {
    rules.INADEQUATE: "#B2182B",
    rules.REQUIRES_IMPROVEMENT: "#F4A582",
    rules.GOOD: "#4393C3",
    rules.OUTSTANDING: "#053061",
}
RATING_TEXT_COLOURS = {rules.INADEQUATE: "white", rules.REQUIRES_IMPROVEMENT: "black",
                       rules.GOOD: "black", rules.OUTSTANDING: "white"}
HIGHLIGHT = "#000000"
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=16, color="#1a1a1a")


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of '#RRGGBB' (or 'black'/'white'): what is left of a colour in greyscale."""
    hex_colour = {"black": "#000000", "white": "#FFFFFF"}.get(colour, colour).lstrip("#")
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    darker, lighter = sorted((relative_luminance(first), relative_luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


def base_layout(fig: go.Figure, *, title: str | None = None, height: int = 380) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, font=dict(size=20)) if title else None,
        font=FONT, height=height, margin=dict(l=10, r=10, t=60 if title else 20, b=10),
        plot_bgcolor="white", paper_bgcolor="white", showlegend=False,
    )
    fig.update_xaxes(showgrid=False, linecolor="#666", tickfont=dict(size=15))
    fig.update_yaxes(gridcolor="#e5e5e5", linecolor="#666", tickfont=dict(size=15))
    return fig


def rating_counts(latest: pd.DataFrame, *, title: str) -> go.Figure:
    """How many areas' latest inspection has each overall rating, best first."""
    order = list(reversed(rules.RATINGS))
    counts = latest["overall_rating"].value_counts().reindex(order, fill_value=0)
    fig = go.Figure(go.Bar(
        x=counts.values, y=order, orientation="h",
        marker=dict(color=[RATING_COLOURS[r] for r in order], line=dict(color="#333", width=1)),
        text=[f"{n} area{'s' if n != 1 else ''}" for n in counts.values], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x} areas<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", gridcolor="rgba(0,0,0,0)")
    fig.update_xaxes(title="Areas", range=[0, max(counts.max() * 1.4, 1)])
    return base_layout(fig, title=title, height=320)


def score_distribution(latest: pd.DataFrame, *, highlight: str | None, title: str) -> go.Figure:
    """Latest scores out of 36 as a histogram, the rating bands shaded behind and one area marked."""
    scored = latest.dropna(subset=["score"])
    counts = scored["score"].astype(int).value_counts().reindex(range(rules.MAX_SCORE + 1), fill_value=0)
    fig = go.Figure(go.Bar(
        x=counts.index, y=counts.values, marker=dict(color="#4d4d4d"),
        hovertemplate="Score %{x}/36: %{y} areas<extra></extra>",
    ))
    floors = sorted(rules.OVERALL_BAND_FLOORS)
    for index, (floor, rating) in enumerate(floors):
        top = floors[index + 1][0] - 1 if index + 1 < len(floors) else rules.MAX_SCORE
        fig.add_vrect(x0=floor - 0.5, x1=top + 0.5, fillcolor=RATING_COLOURS[rating], opacity=0.22, line_width=0)
        fig.add_annotation(x=(floor + top) / 2, y=1.0, yref="paper", yanchor="bottom", showarrow=False,
                           text=rules.SHORT_LABELS[rating] if top - floor < 8 else rating, font=dict(size=14))
    if highlight is not None:
        row = scored[scored["area"] == highlight]
        if not row.empty:
            score = int(row["score"].iloc[0])
            fig.add_vline(x=score, line=dict(color=HIGHLIGHT, width=3, dash="dash"))
            fig.add_annotation(x=score, y=max(counts.max(), 1) * 1.15, text=f"{highlight}: {score}", showarrow=False,
                               font=dict(size=15, color=HIGHLIGHT), bgcolor="white", bordercolor=HIGHLIGHT)
    fig.update_xaxes(title="Score out of 36", range=[-0.5, rules.MAX_SCORE + 0.5], dtick=3)
    fig.update_yaxes(title="Areas", range=[0, max(counts.max(), 1) * 1.25], tickformat="d",
                     dtick=1 if counts.max() <= 8 else None)
    fig = base_layout(fig, title=title, height=400)
    fig.update_layout(margin=dict(t=90))
    return fig


def label_margins(figure: go.Figure, *, char_width: float = 8) -> go.Figure:
    """A copy with margins wide enough for its labels at `char_width` pixels a character.

    On screen plotly grows tight margins to fit tick labels and axis titles (automargin), but not
    in a one-pass static render, nor reliably once the labels are enlarged for a projector, so long
    category labels and axis titles would be cut off.
    """
    fig = go.Figure(figure)

    def categories(axis: str) -> set[str]:
        return {v for trace in fig.data if getattr(trace, axis, None) is not None
                for v in getattr(trace, axis) if isinstance(v, str)}

    def longest(axis: str) -> int:
        return max((len(label) for label in categories(axis)), default=0)

    margin = fig.layout.margin
    legend_right = fig.layout.showlegend and fig.layout.legend.orientation != "h"
    crowded = len(categories("x")) * longest("x") * char_width > 800  # then plotly draws them at an angle
    slanted = 0.75 * char_width * longest("x") if crowded else 0
    fig.update_layout(margin=dict(l=max(margin.l or 0, min(30 + char_width * max(longest("y"), 4), 60 * char_width)),
                                  b=max(margin.b or 0, 10 * char_width + slanted), t=max(margin.t or 0, 50),
                                  r=max(margin.r or 0, 21 * char_width if legend_right else 30)))
    return fig


PROJECTOR_LABEL_SIZE = 24  # px: legible from the back of a room at 1280x720
PROJECTOR_MIN_HEIGHT = 520


def for_projector(figure: go.Figure) -> go.Figure:
    """A copy of `figure` for a shared screen: every label at least 24 px, titles larger, taller."""
    fig = label_margins(figure, char_width=12.5)
    size = PROJECTOR_LABEL_SIZE
    grown = (fig.layout.margin.b or 0) - (figure.layout.margin.b or 0)  # the plot keeps its room under slanted labels
    fig.update_layout(font=dict(size=size, color="#000000"), legend=dict(font=dict(size=size)),
                      height=max(fig.layout.height or 0, PROJECTOR_MIN_HEIGHT) + grown)
    if fig.layout.title.text:
        fig.update_layout(title=dict(font=dict(size=size + 6)))
    fig.update_xaxes(tickfont=dict(size=size), title_font=dict(size=size))
    fig.update_yaxes(tickfont=dict(size=size), title_font=dict(size=size))
    for annotation in fig.layout.annotations:
        annotation.font = dict(size=max(size, annotation.font.size or 0), color="#000000")
    for trace in fig.data:
        if hasattr(trace, "textfont"):
            trace.textfont.size = max(size - 4, trace.textfont.size or 0)  # bar labels sit inside bars: 20 px
    return fig
