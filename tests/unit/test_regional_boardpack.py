"""A regional partnership's board pack: its services' plans side by side and disproportionality area by area,
real or demo (never both), as they stood at the meeting; from the command line as PDF and PowerPoint."""

import datetime as dt
import subprocess
import sys

import pytest

from tests.support.dbcheck import fetch
from tests.unit.test_boardpack import pdf_text
from yjs.boardpack.model import UnknownArea
from yjs.boardpack.regional import PLANS_TITLE, RRI_TITLE, gather_regional
from yjs.data.db import Database
from yjs.domain import disclosure

MEETING = dt.date(2026, 6, 30)


def test_the_london_pack_of_real_areas_compares_the_seed_plans(real_db):
    pack = gather_regional(Database(real_db).query, "london", MEETING, today=dt.date(2026, 7, 1))
    assert pack.area == "London regional partnership" and not pack.is_demo
    plans, rri = pack.sections
    assert plans.title == PLANS_TITLE and rri.title == RRI_TITLE
    table = plans.tables[0].frame.set_index("Area")
    assert set(table.index) == {"Ealing", "Tower Hamlets and City of London"}  # Reading is in the South East
    assert table.loc["Ealing", ["Actions", "Complete"]].tolist() == ["50", "40%"]
    bars = plans.charts[0].figure.data[0]
    assert [row[0] for row in bars.customdata] == ["Tower Hamlets and City of London", "Ealing"]  # least done first
    assert bars.y[0] == "Tower Hamlets and<br>City of London"  # a long name on two lines
    assert "No child-level cohort records" in rri.missing  # real areas' children are not published


def test_the_demo_pack_holds_only_the_regions_demo_areas(demo_db):
    pack = gather_regional(Database(demo_db).query, "North West", MEETING, demo=True)
    expected = {
        area
        for (area,) in fetch(
            demo_db,
            "SELECT p.area FROM improvement_plans p JOIN areas a ON a.name = p.area "
            "WHERE a.region = 'North West' AND a.is_demo",
        )
    }
    plans, rri = pack.sections
    assert pack.is_demo and set(plans.tables[0].frame["Area"]) == expected
    assert "as it stood at the meeting of 30 June 2026" in plans.summary
    drawn = rri.charts[0].data["Area"].tolist() if rri.charts else []
    withheld = rri.tables[0].frame["Area"].tolist() if rri.tables else []
    demo_areas = {a for (a,) in fetch(demo_db, "SELECT name FROM areas WHERE region = 'North West' AND is_demo")}
    assert set(drawn) | set(withheld) <= demo_areas and not set(drawn) & set(withheld)
    assert disclosure.ADJUSTED_NOTE in rri.summary  # its counts from children's records are perturbed


def test_an_unknown_region_suggests_the_closest(real_db):
    with pytest.raises(UnknownArea, match="Did you mean London"):
        gather_regional(Database(real_db).query, "Londn", MEETING)


def test_the_command_line_writes_the_regional_pack(real_db, tmp_path):
    out = tmp_path / "london.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "yjs", "boardpack", "--region", "London", "--date", "2026-06-30", "--out", out]
        + ["--db", real_db],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "board pack for London regional partnership, meeting of 30 June 2026" in result.stdout
    assert f"Incomplete: {RRI_TITLE}" in result.stdout
    pages, text = pdf_text(out.read_bytes())
    assert pages >= 3 and "London regional partnership" in text and "Tower Hamlets and City of London" in text
    bad = subprocess.run(
        [sys.executable, "-m", "yjs", "boardpack", "--area", "Ealing", "--demo", "--date", "2026-06-30"]
        + ["--out", tmp_path / "x.pdf", "--db", real_db],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2 and "--demo goes with --region" in bad.stderr
