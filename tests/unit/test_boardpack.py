"""Board packs: the content gathered for a meeting, valid PDF and PowerPoint files, partial data and
awkward input (no data, a date before any inspection, a very long action, a non-ASCII name)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from pypdf import PdfReader

from yjs import boardpack
from yjs.boardpack import content
from yjs.boardpack.model import BoardPack, Section, Table
from yjs.data.db import Database
from yjs.domain import disclosure
from yjs.importers import KINDS, run_import

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"
EALING_SOURCE = (
    "Ealing Council, Overview and Scrutiny Committee: Youth Justice Service, HMIP inspection findings and "
    "improvement plan (March 2024)"
)
MEETING = dt.date(2024, 5, 1)


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def slide_titles(data: bytes) -> list[str]:
    return [slide.shapes.title.text for slide in Presentation(io.BytesIO(data)).slides]


@pytest.fixture(scope="module")
def ealing(real_db) -> BoardPack:
    return content.gather(Database(real_db).query, "Ealing", MEETING, today=dt.date(2024, 5, 2))


@pytest.fixture(scope="module")
def ealing_files(ealing) -> dict[str, bytes]:
    return {fmt: boardpack.render(ealing, fmt) for fmt in boardpack.FORMATS}


def test_ealing_pack_holds_every_section_with_its_figures(ealing):
    assert [s.title for s in ealing.sections] == [
        "Inspection ratings",
        "Key questions of the weakest standards",
        "Indicator scorecard",
        "Disproportionality by ethnicity",
        "Improvement plan highlight report",
    ]
    ratings, key_questions, indicators, disproportionality, plan = ealing.sections
    assert "Requires improvement, scoring 17/36" in ratings.summary
    assert ratings.tables[0].frame.iloc[0].tolist() == ["Overall", "Requires improvement", "17/36"]
    assert ratings.sources == (f"{EALING_SOURCE}, Appendix A, Ratings",)
    assert key_questions.charts[0].title == "3.1 Assessment: Inadequate"  # the weakest first: 45% Yes
    assert "To reach Requires improvement" in key_questions.charts[0].summary
    assert "2.3 Implementation and delivery" in key_questions.tables[0].frame["Standard"].tolist()
    # LAIT's figures for Ealing; the indicators no public source gives are named as missing.
    assert indicators.summary.startswith("5 of 18 indicators have values for Ealing")
    assert indicators.missing == "No values yet for 13 indicators."
    lait = "Department for Education: Local Authority Interactive Tool (LAIT), youth justice measures"
    assert f"{lait}, First time entrants per 100,000 aged 10-17 (FirstYJS)" in indicators.sources
    assert disproportionality.missing.startswith("No child-level cohort records")
    assert plan.summary.startswith("HMIP Post-Inspection Improvement Plan August 2023: 50 actions")
    assert "20 Blue, 30 Not assessed" in plan.summary


def test_ealing_pack_lists_the_actions_completed_with_their_completion_month_marked(ealing):
    plan = ealing.sections[-1]
    completed = next(t.frame for t in plan.tables if t.title.startswith("Completed since"))
    assert len(completed) == 20 and set(completed["Status"]) == {"Blue"}
    by_ref = completed.set_index("Ref")["Completed"]
    # 001 Appendix B: "Oct 2023" in the completion column of 1b; 1a says "Completed Nov" in words.
    assert by_ref["1b"] == "October 2023 (read from the completion month)"
    assert by_ref.drop("1a").str.endswith("(read from the completion month)").all()
    assert not ealing.is_demo and ealing.notice.startswith("Real data")


def test_pdf_is_valid_and_names_the_area_and_its_sources(ealing, ealing_files):
    pages, text = pdf_text(ealing_files["pdf"])
    assert pages >= 6  # a title page and one page or more per section
    flat = " ".join(text.split())
    assert "Board pack" in flat and "Ealing" in flat and "Board meeting of 1 May 2024" in flat
    assert EALING_SOURCE in flat and "Appendix A, Ratings" in flat and "Appendix B" in flat
    assert "Local Authority Interactive Tool (LAIT)" in flat


def test_pptx_is_valid_with_a_slide_per_section_table_and_chart(ealing, ealing_files):
    titles = slide_titles(ealing_files["pptx"])
    assert titles[0] == "Board pack: Ealing"
    for number, section in enumerate(ealing.sections, 1):
        assert f"{number}. {section.title}" in titles
    charts = [chart.title for section in ealing.sections for chart in section.charts]
    assert all(title in titles for title in charts) and len(charts) == 4
    # Table slides: ratings 1, below Good 1, indicators 1, plan 6 (the twenty actions completed since the last
    # meeting take three).
    assert len(titles) == 1 + len(ealing.sections) + len(charts) + 9


def test_pack_pages_render_to_png_for_a_look(ealing_files, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for stale in SCREENSHOTS.glob("boardpack-ealing-*.png"):  # a longer pack before numbers its pages 01, 02, ...
        stale.unlink()
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(ealing_files["pdf"])
    for stale in SCREENSHOTS.glob("boardpack-ealing-*.png"):  # pdftoppm numbers pages -1 or -01 by their count
        stale.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(SCREENSHOTS / "boardpack-ealing")], check=True)
    pages = sorted(SCREENSHOTS.glob("boardpack-ealing-*.png"))
    assert len(pages) == pdf_text(ealing_files["pdf"])[0] and all(p.stat().st_size > 5_000 for p in pages)


def test_a_date_before_any_inspection_says_so(real_db):
    pack = content.gather(Database(real_db).query, "Ealing", dt.date(2017, 1, 1))
    assert pack.sections[0].missing == "No inspection of Ealing is recorded on or before 1 January 2017."
    pages, text = pdf_text(boardpack.render(pack, "pdf"))
    assert "No inspection of Ealing is recorded on or before 1 January 2017." in " ".join(text.split())


def test_an_area_with_no_data_and_a_welsh_name_renders(writable_db, tmp_path):
    areas = tmp_path / "areas.csv"
    areas.write_text("name,region\nYnys Môn,Wales\n", encoding="utf-8")
    run_import(KINDS["areas"], areas, writable_db)
    pack = content.gather(Database(writable_db).query, "ynys môn", MEETING)
    assert pack.area == "Ynys Môn" and all(section.missing for section in pack.sections)
    pages, text = pdf_text(boardpack.render(pack, "pdf"))
    assert "Ynys Môn" in text and pages == 1 + len(pack.sections)
    assert slide_titles(boardpack.render(pack, "pptx"))[0] == "Board pack: Ynys Môn"


def test_a_very_long_action_renders_in_full_in_the_pdf_and_cut_on_a_slide():
    action = "Strengthen partnership working with health and education colleagues " * 40  # ~2,800 characters
    frame = pd.DataFrame({"Ref": ["1a"], "Action": [action.strip() + " END"], "Status": ["Red"]})
    pack = BoardPack(
        "Ealing",
        MEETING,
        MEETING,
        False,
        (
            Section(
                "Improvement plan highlight report",
                "One long action.",
                tables=(Table("Decisions needed (1)", frame, {"Status": {"Red": ("#D55E00", "black")}}),),
            ),
        ),
    )
    pages, text = pdf_text(boardpack.render(pack, "pdf"))
    assert "END" in text and pages >= 2
    deck = Presentation(io.BytesIO(boardpack.render(pack, "pptx")))
    cells = [shape.table.cell(1, 1).text for slide in deck.slides for shape in slide.shapes if shape.has_table]
    assert cells and cells[0].endswith("…") and len(cells[0]) <= 220


def test_disproportionality_in_a_pack_suppresses_small_counts_as_the_screen_does(demo_db):
    db = Database(demo_db)
    areas = db.query(
        "read/cohort/cohort_summary", areas=db.query("read/areas/areas_with_inspection_years")["area"].tolist()
    )
    demo_area = db.query("read/areas/areas_with_inspection_years").query("is_demo")["area"].iloc[0]
    section = content.gather(db.query, demo_area, dt.date(2026, 1, 1)).sections[3]
    assert areas["children"].iloc[0] > 0 and section.tables, section.summary
    shown = section.tables[0].frame
    for column in ("Children", "Of"):
        counts = [int(v.replace(",", "")) for v in shown[column] if v != "c"]
        assert all(v == 0 or v >= 10 for v in counts)
    assert "Counts from 1 to 9 are shown as c" in section.summary
    assert disclosure.ADJUSTED_NOTE in section.summary


def test_unknown_area_suggests_close_names(real_db):
    with pytest.raises(content.UnknownArea, match="Did you mean Ealing"):
        content.gather(Database(real_db).query, "Ealign", MEETING)


def test_projector_charts_have_24px_labels_and_room_for_them(ealing):
    from yjs.charts.base import PROJECTOR_LABEL_SIZE, for_projector

    figure = ealing.sections[1].charts[0].figure
    big = for_projector(figure)
    assert big.layout.xaxis.tickfont.size == big.layout.yaxis.tickfont.size == PROJECTOR_LABEL_SIZE
    assert all(a.font.size >= PROJECTOR_LABEL_SIZE for a in big.layout.annotations)
    assert big.layout.height >= 520 and big.layout.margin.l > figure.layout.margin.l
    assert figure.layout.xaxis.tickfont.size == 15  # the screen's figure is left as it was


def test_a_slide_gathers_only_its_own_section_and_it_matches_the_whole_pack(real_db, ealing):
    """The presentation asks for one section by title; it must be the very section the pack holds."""
    assert tuple(section.title for section in ealing.sections) == content.SECTION_TITLES
    query = Database(real_db).query
    for title in content.SECTION_TITLES:
        asked = []
        one = content.gather(
            lambda name, asked=asked, **params: asked.append(name) or query(name, **params),
            "Ealing",
            MEETING,
            today=ealing.generated,
            titles=(title,),
        )
        whole = next(section for section in ealing.sections if section.title == title)
        assert [section.title for section in one.sections] == [title]
        assert (one.area, one.is_demo) == (ealing.area, ealing.is_demo)
        assert one.sections[0].summary == whole.summary and one.sections[0].sources == whole.sources
        assert [t.frame.to_dict() for t in one.sections[0].tables] == [t.frame.to_dict() for t in whole.tables]
        assert len(set(asked)) <= 5, f"{title}: gathered more than its own section ({sorted(set(asked))})"


def test_the_plan_section_carries_the_latest_progress_and_the_scorecard_marks_local_indicators(writable_db, tmp_path):
    from tests.support import local_indicator as local
    from tests.support.plan_files import council_plan
    from yjs.boardpack.sections import indicator_section, plan_section
    from yjs.importers import Choices

    run_import(KINDS["actions"], council_plan(tmp_path / "plan.xlsx"), writable_db, choices=Choices(area="Ealing"))
    local.load_local_indicator(writable_db, tmp_path)
    query = Database(writable_db).query
    section = plan_section(query, "Ealing", dt.date.today())
    completed = next(t for t in section.tables if t.title.startswith("Completed since"))
    assert (
        completed.frame.set_index("Ref")
        .loc["2.1", "Latest progress"]
        .endswith(": Attending since October; no panel missed.")
    )
    scorecard = indicator_section(query, "Stockport", is_demo=False)
    row = scorecard.tables[0].frame.set_index("Indicator").loc[f"{local.NAME} (local)"]
    assert (row["Band (A best, all services)"], row["Rank in region"]) == ("C", "3 of 5")
    assert "defined by the service" in scorecard.summary
    assert any(source.startswith(f"{local.NAME} (local), definition: YJB") for source in scorecard.sources)
