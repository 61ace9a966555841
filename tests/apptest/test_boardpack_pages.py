"""The board pack panel on the area's pages: prepare with progress, then download both files."""

from tests.support.apptest import open_expanders, open_page


def _downloads(at) -> dict[str, object]:
    return {element.proto.label: element for element in at.get("download_button")}


def test_area_profile_prepares_ealings_board_pack(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/profile.py", {"area": "Ealing"})
    assert "Download PDF" not in _downloads(at)
    at.date_input(key="boardpack_meeting").set_value("2024-05-01")
    at.button(key="boardpack_prepare").click().run()
    assert not at.exception, at.exception
    assert [s.label for s in at.status] == [
        "Board pack for Ealing, meeting of 1 May 2024, is ready (incomplete: "
        "Indicator scorecard, Disproportionality by ethnicity)"
    ]
    downloads = _downloads(at)
    assert "Download PDF" in downloads and "Download PowerPoint" in downloads


def test_highlight_report_packs_for_its_own_meeting(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/highlight.py", {"area": "Ealing"}, meeting="2024-05-01", previous="2024-03-01")
    assert not at.get("date_input") or all(d.key != "boardpack_meeting" for d in at.date_input)
    at.button(key="boardpack_prepare").click().run()
    assert not at.exception, at.exception
    assert "Download PowerPoint" in _downloads(at)


def test_presentation_steps_through_the_sections_with_the_strictest_suppression(demo_db, use_db):
    from tests.support.dbcheck import fetch
    from yjs.app.present import STRICTEST_THRESHOLD

    use_db(demo_db)
    area = fetch(demo_db, "SELECT area FROM cohort_facts GROUP BY area ORDER BY count(*) DESC LIMIT 1")[0][0]
    at = open_page("pages/presentation.py", {"demo": "true", "area": area, "present": "1"}, slide="4")
    assert at.header[0].value == "4. Disproportionality by ethnicity"
    assert any(f"Counts from 1 to {STRICTEST_THRESHOLD - 1} are shown as c" in m.value for m in at.markdown)
    at.button(key="slide_next").click().run()
    assert at.header[0].value == "5. Improvement plan highlight report" and at.query_params["slide"] in ("5", ["5"])
    assert at.button(key="slide_next").disabled
    at.button(key="leave_presentation").click().run()
    assert "present" not in at.query_params


def test_presentation_asks_for_an_area(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/presentation.py")
    assert "Choose **Your area**" in at.info[0].value


def test_every_chart_on_a_page_has_a_png_download(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/profile.py", {"area": "Ealing"})
    charts = len(at.get("plotly_chart"))
    assert charts >= 3 and [b.proto.label for b in at.get("download_button")].count("Download chart (PNG)") == charts


def test_every_table_and_chart_on_the_shared_views_downloads(demo_db, use_db):
    """Each table has CSV and XLSX (the highlight report and plan export theirs as one workbook or one sheet)."""
    import pytest

    from tests.support.dbcheck import fetch

    use_db(demo_db)
    area = fetch(demo_db, "SELECT area FROM cohort_facts GROUP BY area ORDER BY count(*) DESC LIMIT 1")[0][0]
    views = {
        "pages/overview.py": {"demo": "true"},
        "pages/ratings.py": {"demo": "true"},
        "pages/profile.py": {"area": "Ealing"},
        "pages/scorecard.py": {"demo": "true", "area": area},
        "pages/benchmarking.py": {"demo": "true", "area": area},
        "pages/disproportionality.py": {"demo": "true", "area": area},
        "pages/cohort.py": {"demo": "true", "area": area},
        "pages/presentation.py": {"demo": "true", "area": area, "slide": "4"},
    }
    for path, shared in views.items():
        at = open_page(path, shared)
        if any(e.key and e.key.startswith("table_") for e in at.expander):
            closed = len(at.dataframe)
            open_expanders(at, "table_")  # the charts' data tables are built when opened
            assert len(at.dataframe) > closed, path
        labels = [b.proto.label for b in at.get("download_button")]
        tables = len(at.dataframe) + len(at.table)
        assert labels.count("Download CSV") == labels.count("Download XLSX") >= tables, path
        assert labels.count("Download chart (PNG)") == len(at.get("plotly_chart")), path
        if not tables:
            pytest.fail(f"{path} showed no table to check")
