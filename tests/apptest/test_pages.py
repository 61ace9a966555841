"""Every page runs under streamlit.testing, on real-only and demo data, with the shared filters."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.apptest import dataframe_with, log_in, roles_file
from yjs.app.navigation import PAGES

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def run_app(page=None, admin_roles=None, **query):
    at = AppTest.from_file(APP, default_timeout=60)
    if admin_roles:  # pages beyond the local editor's reach are opened as a logged-in admin
        log_in(at, "admin@example.org", admin_roles)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def test_every_page_file_is_registered_in_the_navigation():
    on_disk = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    assert on_disk == {page.path for page in PAGES}


@pytest.mark.parametrize("page", [p.path for p in PAGES])
@pytest.mark.parametrize("demo", ["false", "true"])
def test_every_page_runs_without_exceptions(demo_db, use_db, page, demo, tmp_path):
    use_db(demo_db)
    at = run_app(page, admin_roles=roles_file(tmp_path, {"admin@example.org": "admin"}), demo=demo)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"


def test_overview_on_real_data_counts_the_published_outcomes(real_db, use_db):
    use_db(real_db)
    at = run_app()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {  # the latest inspection of each of the 90 services with a published outcome
        "Areas inspected": "90",
        "Outstanding": "7",
        "Good": "51",
        "Requires improvement": "29",
        "Inadequate": "3",
    }
    assert not at.warning, "no demo notice when no demo rows are shown"
    assert at.toggle(key="demo").disabled, "nothing to switch on in a database built with --no-demo"
    table = dataframe_with(at, "area", "data", "source")
    assert set(table["data"]) == {"Real"}
    assert table.set_index("area").loc["Ealing", "score"] == 17
    assert table.set_index("area").loc["Ealing", "source"].startswith("Ealing Council, Overview and Scrutiny")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[-2:] == ["Download CSV", "Download XLSX"]  # the table's, after each chart's PNG and data
    assert labels.count("Download chart (PNG)") == 4


def test_overview_says_when_demo_areas_are_on_screen(demo_db, use_db):
    use_db(demo_db)
    at = run_app(demo="true")
    assert any("Demo data on screen" in w.value for w in at.warning)
    captions = " ".join(c.value for c in at.caption)
    assert "computed over 90 real areas and" in captions
    table = dataframe_with(at, "area", "data", "source")
    assert {"Real", "Demo"} == set(table["data"])


def test_filters_read_from_the_url_narrow_the_view(demo_db, use_db):
    use_db(demo_db)
    at = run_app(demo="true", region="Wales", period=["2021", "2026"], area="Bryn Tawel")
    assert at.multiselect(key="region").value == ["Wales"]
    assert at.selectbox(key="area").value == "Bryn Tawel"
    table = dataframe_with(at, "area", "data", "source")
    assert set(table["region"]) == {"Wales"}
    assert int(table["published"].str[-4:].astype(int).min()) >= 2021


@pytest.mark.legacy_pages_path
def test_changing_a_filter_reruns_the_page(demo_db, use_db):
    """Also the recovery in ui.filters(): each AppTest rerun starts on Streamlit's legacy path."""
    use_db(demo_db)
    at = run_app(demo="true")
    everyone = len(dataframe_with(at, "area", "data", "source"))
    at.multiselect(key="region").set_value(["London"]).run()
    london = dataframe_with(at, "area", "data", "source")
    assert 0 < len(london) < everyone and set(london["region"]) == {"London"}


def test_a_missing_database_shows_the_fix_not_a_traceback(tmp_path, use_db):
    use_db(tmp_path / "missing.duckdb")
    at = run_app()
    assert not at.exception
    assert "does not exist" in at.error[0].value
    assert at.code[0].value.startswith("python -m yjs build")
