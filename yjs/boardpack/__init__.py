"""Board packs: an area's ratings, key questions, indicators, disproportionality and improvement plan
for one board meeting, gathered as plain data (`content`) and rendered to PDF (`pdf`) and PowerPoint
(`deck`), with charts drawn by one kaleido server per process (`images`)."""

from __future__ import annotations

from collections.abc import Callable

from yjs.boardpack.deck import render_pptx
from yjs.boardpack.pdf import render_pdf

FORMATS = {
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
GATHER_STEPS = 4  # ratings, indicators, disproportionality, improvement plan: see content.gather


def chart_count(pack) -> int:
    return sum(len(section.charts) for section in pack.sections)


def render(pack, fmt: str, chart_done: Callable[[], None] = lambda: None) -> bytes:
    """The pack as PDF or PowerPoint bytes."""
    if fmt == "pdf":
        return render_pdf(pack, chart_done)
    if fmt == "pptx":
        return render_pptx(pack, chart_done)
    raise ValueError(f"a board pack is a .pdf or a .pptx file, not .{fmt}")
