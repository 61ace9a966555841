"""A board pack as plain data: sections of words, tables and charts, ready for any rendering."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go


class UnknownArea(ValueError):
    """The area is not in the database (the message suggests close names)."""


@dataclass(frozen=True)
class Chart:
    title: str
    figure: go.Figure
    summary: str  # the written summary that goes under the picture, and its text alternative
    source: str
    height: int = 420  # pixels at 1000 wide
    data: pd.DataFrame | None = None  # what it shows, as a table (on screen, under the chart)


@dataclass(frozen=True)
class Table:
    title: str
    frame: pd.DataFrame  # columns already named for the reader; cells as text
    colours: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # column -> value -> (fill, text)


@dataclass(frozen=True)
class Section:
    title: str
    summary: str
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()
    sources: tuple[str, ...] = ()
    missing: str | None = None  # what this section would show, and why it cannot


@dataclass(frozen=True)
class BoardPack:
    area: str
    meeting: dt.date
    generated: dt.date
    is_demo: bool
    sections: tuple[Section, ...]

    @property
    def notice(self) -> str:
        if self.is_demo:
            return (
                "Demo data: this area and every figure in this pack are invented, generated to show how the "
                "tool works. They describe no real service or child."
            )
        return (
            "Real data: figures come from published HMIP, YJB and MoJ documents and this service's own imports; "
            "each table and chart names its source."
        )

    @property
    def filename(self) -> str:
        slug = "".join(c if c.isalnum() else "-" for c in self.area.lower()).strip("-")
        return f"board-pack-{slug}-{self.meeting.isoformat()}"
