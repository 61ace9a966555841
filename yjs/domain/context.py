"""Context figures: the facts a published document gives about a service, shown as it gives them.

A figure keeps the document's terms: "over 80%" is a lower bound and never reads as 80%, and a share
the document gives with its counts ("60 per cent (three of five children)") is shown with them.
"""

from __future__ import annotations

import pandas as pd

QUALIFIERS = ("over", "under")  # a lower and an upper bound, as the document words them


def _number(value: float) -> str:
    """366127 -> '366,127'; 12.5 -> '12.5'; 0.6 -> '0.6'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def _ordinal(value: float) -> str:
    number = int(value)
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _given(value) -> bool:
    """Not blank: neither None, NaN nor an empty string (a CSV's or a query's missing value)."""
    return value is not None and not pd.isna(value) and value != ""


def figure_label(value, unit, qualifier=None, numerator=None, denominator=None) -> str:
    """A figure as the document gives it: 'over 80%', '60% (3 of 5)', '£495,866', '3rd', '0.6 FTE'."""
    if not _given(value):
        return ""
    text = {
        "percent": lambda v: f"{_number(v)}%",
        "GBP": lambda v: f"£{_number(v)}",
        "rank": _ordinal,
        "FTE": lambda v: f"{_number(v)} FTE",
    }.get(unit, _number)(float(value))
    if _given(qualifier):
        text = f"{qualifier} {text}"
    if _given(numerator) and _given(denominator):
        text += f" ({_number(float(numerator))} of {_number(float(denominator))})"
    return text


def with_figures(frame: pd.DataFrame) -> pd.DataFrame:
    """Context figures with a `figure` column: each value in the document's terms."""
    labels = [
        figure_label(row.value, row.unit, row.qualifier, row.numerator, row.denominator)
        for row in frame.itertuples(index=False)
    ]
    return frame.assign(figure=labels)
