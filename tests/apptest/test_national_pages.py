"""With demo areas off (the default) the national pages show the real services, each figure with a
source a person can read, never a seed file's name."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.apptest import ROOT, dataframe_with, log_in, open_page, roles_file
from yjs.app.navigation import PAGES

SEED_FILE_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


def shown_text(at) -> str:
    """Everything a person reads on the page: text elements, metrics, tables and chart hovers."""
    parts = [
        str(e.value)
        for kind in ("markdown", "caption", "info", "warning", "error", "success", "title", "subheader")
        for e in getattr(at, kind)
    ]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [frame.value.to_csv() for frame in at.dataframe]
    parts += [chart.proto.spec for chart in at.get("plotly_chart")]
    return " ".join(parts)


def test_overview_shows_every_inspected_real_service_with_a_readable_source(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/overview.py")
    assert int({m.label: m.value for m in at.metric}["Areas inspected"]) >= 80
    table = dataframe_with(at, "area", "data", "source").set_index("area")
    assert len(table) >= 80 and set(table["data"]) == {"Real"}
    assert table.loc["Norfolk", "source"] == (
        "HM Inspectorate of Probation: inspection of youth justice services in Norfolk (January 2025), "
        "overall rating and score"
    )
    assert table.loc["Ealing", "source"].startswith("Ealing Council, Overview and Scrutiny Committee")


def test_ratings_matrix_draws_every_latest_real_inspection(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/ratings.py")
    table = at.dataframe[0].value.set_index("area")
    assert len(table) >= 80
    assert table.loc["West Sussex", "score"] == 26 and table.loc["West Sussex", "overall_rating"] == "Good"
    heatmap = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert len(heatmap["y"]) >= 80


def test_benchmarking_a_real_service_against_its_statistical_neighbours(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/benchmarking.py", {"area": "Ealing"}, indicator="fte_rate")
    assert "Its statistical neighbours" in at.radio(key="compare_with").options
    shown = {m.label: m.value for m in at.metric}
    assert shown["Latest (2024)"] == "92.0"
    assert int(shown["Rank among all areas"].split(" of ")[1]) >= 100
    at.radio(key="compare_with").set_value("statistical neighbours").run()
    shown = {m.label: m.value for m in at.metric}
    assert "Rank in its statistical neighbours" in shown
    text = shown_text(at)
    assert "Statistical neighbours of Ealing" in text
    assert "Department for Education: children's services statistical neighbours (May 2025)" in text


def test_a_joint_service_is_offered_no_statistical_neighbours(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/scorecard.py", {"area": "Kingston and Richmond"})
    assert "Its statistical neighbours" not in at.radio(key="compare_with").options


@pytest.mark.parametrize("page", [p.path for p in PAGES])
def test_no_page_shows_a_seed_file_name_as_a_source(real_db, use_db, page, tmp_path):
    use_db(real_db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    log_in(at, "admin@example.org", roles_file(tmp_path, {"admin@example.org": "admin"}))
    at.query_params["area"] = "Ealing"
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert not SEED_FILE_NAME.findall(shown_text(at))
