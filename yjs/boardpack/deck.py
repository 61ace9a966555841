"""The board pack as a PowerPoint deck (python-pptx, 16:9): a title slide, then for each section a
summary slide, its tables (split across slides so every row stays legible) and one slide per chart
with its source line and written summary (also the picture's alternative text)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from yjs.boardpack.model import BoardPack, Chart, Section, Table
from yjs.charts.images import png_bytes
from yjs.domain.dates import long_date

ROWS_PER_SLIDE = {True: 18, False: 8}  # short cells (a ratings table, up to 60 characters) or long ones (actions)
CELL_CHARACTERS = 220  # a longer cell is cut on the slide (the PDF prints it in full)
TITLE_ONLY = 5  # layouts of the default template
TITLE_SLIDE = 0
INK = RGBColor(0x1A, 0x1A, 0x1A)
MUTED = RGBColor(0x50, 0x50, 0x50)
NAMED = {"black": "000000", "white": "FFFFFF"}


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(NAMED.get(colour, colour).lstrip("#").upper())


def _slide(deck, title: str):
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    slide.shapes.title.text = title
    slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(30)
    slide.shapes.title.top, slide.shapes.title.height = Inches(0.3), Inches(0.9)
    return slide


def _text(slide, text: str, top: float, height: float, size: int = 18, colour=INK) -> None:
    box = slide.shapes.add_textbox(Inches(0.6), Inches(top), Inches(12.1), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size, paragraph.font.color.rgb = Pt(size), colour


def _title_slide(deck, pack: BoardPack) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_SLIDE])
    slide.shapes.title.text = f"Board pack: {pack.area}"
    slide.placeholders[1].text = (
        f"Board meeting of {long_date(pack.meeting)}\n"
        f"Generated on {long_date(pack.generated)} by YJS Insight\n{pack.notice}"
    )
    for paragraph in slide.placeholders[1].text_frame.paragraphs:
        paragraph.font.size = Pt(18)


def _clip(value) -> str:
    text = str(value)
    return text if len(text) <= CELL_CHARACTERS else text[: CELL_CHARACTERS - 1].rstrip() + "…"


def _table_slides(deck, section: Section, table: Table) -> None:
    short = table.frame.astype(str).map(len).to_numpy().max(initial=0) <= 60
    per_slide = ROWS_PER_SLIDE[bool(short)]
    chunks = [table.frame.iloc[i : i + per_slide] for i in range(0, max(len(table.frame), 1), per_slide)]
    for part, chunk in enumerate(chunks, 1):
        more = f" ({part} of {len(chunks)})" if len(chunks) > 1 else ""
        slide = _slide(deck, f"{section.title}{more}")
        _text(slide, table.title, 1.2, 0.5, 18)
        if chunk.empty:
            _text(slide, "None.", 1.8, 0.5, 16, MUTED)
            continue
        _grid(slide, table, chunk)


def _grid(slide, table: Table, chunk: pd.DataFrame) -> None:
    rows, columns = len(chunk) + 1, len(chunk.columns)
    shape = slide.shapes.add_table(rows, columns, Inches(0.6), Inches(1.8), Inches(12.1), Inches(0.28 * rows))
    grid = shape.table
    lengths = [max([len(str(c)) for c in [name, *chunk[name].tolist()]] + [4]) for name in chunk.columns]
    capped = [min(length, 60) for length in lengths]
    for index, length in enumerate(capped):
        grid.columns[index].width = Emu(int(Inches(12.1) * length / sum(capped)))
    size = Pt(14 if columns <= 4 else 12)
    for col, name in enumerate(chunk.columns):
        grid.cell(0, col).text = str(name)
        grid.cell(0, col).text_frame.paragraphs[0].font.size = size
    for row, values in enumerate(chunk.itertuples(index=False), 1):
        for col, (name, value) in enumerate(zip(chunk.columns, values, strict=True)):
            cell = grid.cell(row, col)
            cell.text = _clip(value)
            font = cell.text_frame.paragraphs[0].font
            font.size = size
            fill = table.colours.get(name, {}).get(value)
            if fill:  # the word stays in the cell: colour is never the only carrier
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(fill[0])
                font.color.rgb, font.bold = _rgb(fill[1]), True


def _chart_slide(deck, section: Section, chart: Chart) -> None:
    slide = _slide(deck, chart.title)
    image = png_bytes(chart.figure, height=chart.height)
    height = min(Inches(4.6), int(Inches(12.1) * chart.height / 1000))
    width = int(height * 1000 / chart.height)
    picture = slide.shapes.add_picture(
        io.BytesIO(image), int((Inches(13.333) - width) / 2), Inches(1.25), width=width, height=height
    )
    picture._element.nvPicPr.cNvPr.set("descr", chart.summary)  # alternative text for screen readers
    _text(slide, f"Source: {chart.source}", 6.0, 0.35, 11, MUTED)
    _text(slide, chart.summary, 6.35, 1.0, 13)


def render_pptx(pack: BoardPack, chart_done: Callable[[], None] = lambda: None) -> bytes:
    """The whole pack as .pptx bytes; `chart_done` is called after each chart is drawn (for progress)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    deck.core_properties.title = f"Board pack: {pack.area}, {long_date(pack.meeting)}"
    deck.core_properties.language = "en-GB"
    _title_slide(deck, pack)
    for number, section in enumerate(pack.sections, 1):
        slide = _slide(deck, f"{number}. {section.title}")
        missing = f"\nMissing: {section.missing}" if section.missing and section.missing != section.summary else ""
        _text(slide, section.summary + missing, 1.3, 4.4, 20)
        if section.sources:
            _text(slide, "Sources: " + "; ".join(section.sources), 5.9, 1.2, 12, MUTED)
        for table in section.tables:
            _table_slides(deck, section, table)
        for chart in section.charts:
            _chart_slide(deck, section, chart)
            chart_done()
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
