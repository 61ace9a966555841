"""The board pack panel on the area's pages: prepare with progress, then download both files."""

from tests.apptest.pages import open_page


def _downloads(at) -> dict[str, object]:
    return {element.proto.label: element for element in at.get("download_button")}


def test_area_profile_prepares_ealings_board_pack(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/area_profile.py", {"area": "Ealing"})
    assert "Download PDF" not in _downloads(at)
    at.date_input(key="boardpack_meeting").set_value("2024-05-01")
    at.button(key="boardpack_prepare").click().run()
    assert not at.exception, at.exception
    assert [s.label for s in at.status] == ["Board pack for Ealing, meeting of 1 May 2024, is ready (incomplete: "
                                            "Indicator scorecard, Disproportionality by ethnicity)"]
    downloads = _downloads(at)
    assert "Download PDF" in downloads and "Download PowerPoint" in downloads


def test_highlight_report_packs_for_its_own_meeting(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/highlight_report.py", {"area": "Ealing"}, meeting="2024-05-01", previous="2024-03-01")
    assert not at.get("date_input") or all(d.key != "boardpack_meeting" for d in at.date_input)
    at.button(key="boardpack_prepare").click().run()
    assert not at.exception, at.exception
    assert "Download PowerPoint" in _downloads(at)
