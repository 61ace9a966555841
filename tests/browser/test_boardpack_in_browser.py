"""The board pack from the app in Chromium: one click prepares it, the PDF downloads and names the area."""

import io
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.support.browser import screenshot, wait_for_app
from tests.support.dbcheck import fetch


def test_ealing_board_pack_from_the_area_profile(page, app_url, demo_db):
    page.goto(f"{app_url}/profile?area=Ealing")
    wait_for_app(page)
    page.get_by_text("Board pack (PDF and PowerPoint)").click()
    page.get_by_role("button", name="Prepare board pack").click()
    download_pdf = page.get_by_role("button", name="Download PDF")
    expect(download_pdf).to_be_visible(timeout=120_000)
    expect(page.get_by_text("is ready")).to_be_visible()
    with page.expect_download() as download:
        download_pdf.click()
    data = Path(download.value.path()).read_bytes()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    score = fetch(demo_db, "SELECT score FROM latest_inspections WHERE area = 'Ealing'")[0][0]
    assert "Board pack" in text and "Ealing" in text and f"scoring {score}/36" in text
    assert download.value.suggested_filename.startswith("board-pack-ealing-")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "area-profile-board-pack-ready", height=1400)
