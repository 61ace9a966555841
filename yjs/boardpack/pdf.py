"""The board pack as a PDF (A4 landscape, fpdf2): a title page, then one section per page or more.

Text is set in DejaVu Sans (Debian's fonts-dejavu-core), a Unicode font, so names such as Ynys Môn
print as written; coloured rating and BRAG cells keep their words, so the pack reads in greyscale.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from yjs.boardpack.model import BoardPack, Chart, Section, Table
from yjs.charts.images import png_bytes
from yjs.domain.dates import long_date

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
FONT = "DejaVu"
INK = (26, 26, 26)
MUTED = (80, 80, 80)
HEADING_FILL = (230, 230, 230)
NAMED = {"black": "#000000", "white": "#FFFFFF"}


def font_files() -> dict[str, Path] | None:
    """DejaVu Sans regular and bold, where installed; None falls back to a core (Latin-1) font."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return {"": regular, "B": bold}
    return None


class PackPDF(FPDF):
    def __init__(self, pack: BoardPack):
        super().__init__(orientation="landscape", format="A4")
        self.pack = pack
        files = font_files()
        if files:
            for style, path in files.items():
                self.add_font(FONT, style, str(path))
        self.family = FONT if files else "Helvetica"
        self.set_auto_page_break(True, margin=16)
        self.set_margins(15, 14, 15)
        self.set_title(f"Board pack: {pack.area}, {long_date(pack.meeting)}")
        self.set_author("YJS Insight")
        self.set_lang("en-GB")

    def text(self, value) -> str:  # only without DejaVu: keep what Latin-1 can hold
        value = str(value)
        return value if self.family == FONT else value.encode("latin-1", "replace").decode("latin-1")

    def footer(self):
        self.set_y(-12)
        self.set_font(self.family, "", 9)
        self.set_text_color(*MUTED)
        self.cell(
            0,
            6,
            self.text(
                f"{self.pack.area} · board meeting of {long_date(self.pack.meeting)} · "
                f"{'DEMO DATA · ' if self.pack.is_demo else ''}page {self.page_no()} of {{nb}}"
            ),
            align="C",
        )

    def heading(self, value: str, size: int = 20) -> None:
        self.set_font(self.family, "B", size)
        self.set_text_color(*INK)
        self.multi_cell(0, size * 0.5, self.text(value), new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def paragraph(self, value: str, size: int = 11, colour=INK, bold: bool = False) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.5, self.text(value), new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)


def _title_page(pdf: PackPDF, pack: BoardPack) -> None:
    pdf.add_page()
    pdf.ln(30)
    pdf.heading("Board pack", 30)
    pdf.heading(pack.area, 26)
    pdf.paragraph(f"Board meeting of {long_date(pack.meeting)}", 16)
    pdf.paragraph(f"Generated on {long_date(pack.generated)} by YJS Insight", 12, MUTED)
    pdf.ln(6)
    pdf.paragraph(pack.notice, 13, bold=pack.is_demo)
    pdf.ln(4)
    pdf.paragraph("Contents", 14, bold=True)
    for number, section in enumerate(pack.sections, 1):
        note = " (not available: see the section)" if section.missing and not section.tables else ""
        pdf.paragraph(f"{number}. {section.title}{note}", 12)


def _widths(table: Table) -> list[float]:
    """Column shares by the length of their longest text, so a long action gets the room it needs."""
    lengths = [max([len(str(c)) for c in [column, *table.frame[column].tolist()]] + [4]) for column in table.frame]
    capped = [min(length, 70) for length in lengths]
    return [length / sum(capped) for length in capped]


def _table(pdf: PackPDF, table: Table) -> None:
    pdf.paragraph(table.title, 12, bold=True)
    if table.frame.empty:
        pdf.paragraph("None.", 10, MUTED)
        return
    pdf.set_font(pdf.family, "", 9)
    pdf.set_text_color(*INK)
    headings = FontFace(emphasis="BOLD", fill_color=HEADING_FILL, color=INK)
    with pdf.table(
        col_widths=_widths(table), text_align="LEFT", headings_style=headings, line_height=4.6, padding=1.2
    ) as grid:
        grid.row([pdf.text(c) for c in table.frame.columns])
        for values in table.frame.itertuples(index=False):
            row = grid.row()
            for column, value in zip(table.frame.columns, values, strict=True):
                fill = table.colours.get(column, {}).get(value)
                style = (
                    FontFace(fill_color=fill[0], color=NAMED.get(fill[1], fill[1]), emphasis="BOLD") if fill else None
                )
                row.cell(pdf.text(value), style=style)
    pdf.ln(3)


def _chart(pdf: PackPDF, chart: Chart) -> None:
    image = png_bytes(chart.figure, height=chart.height)
    height = min(pdf.epw * 0.85 * chart.height / 1000, 120)  # at most two thirds of a page
    width = height * 1000 / chart.height
    if pdf.get_y() + height + 25 > pdf.page_break_trigger:
        pdf.add_page()
    if not chart.figure.layout.title.text:  # a figure with its own title shows it in the picture
        pdf.paragraph(chart.title, 12, bold=True)
    pdf.image(io.BytesIO(image), w=width, h=height, alt_text=chart.summary)
    pdf.paragraph(f"Source: {chart.source}", 9, MUTED)
    pdf.paragraph(chart.summary, 10)
    pdf.ln(2)


def _section(pdf: PackPDF, number: int, section: Section, chart_done: Callable[[], None]) -> None:
    pdf.add_page()
    pdf.heading(f"{number}. {section.title}")
    pdf.paragraph(section.summary, 12)
    if section.missing and section.missing != section.summary:
        pdf.paragraph(f"Missing: {section.missing}", 11, MUTED)
    for table in section.tables:
        _table(pdf, table)
    for chart in section.charts:
        _chart(pdf, chart)
        chart_done()
    if section.sources:
        pdf.paragraph("Sources: " + "; ".join(section.sources), 9, MUTED)


def render_pdf(pack: BoardPack, chart_done: Callable[[], None] = lambda: None) -> bytes:
    """The whole pack as PDF bytes; `chart_done` is called after each chart is drawn (for progress)."""
    pdf = PackPDF(pack)
    _title_page(pdf, pack)
    for number, section in enumerate(pack.sections, 1):
        _section(pdf, number, section, chart_done)
    return bytes(pdf.output())
