"""The cohort pages in a real browser: a filter change re-renders with the figure the cell key method publishes."""

import re

from playwright.sync_api import expect

from tests.support.browser import choose, screenshot, wait_for_app
from tests.support.perturbation import ons_figure, rows_of, stored_ptable


def published(db, where: str) -> str:
    """The figure ONS's perturbation gives these children (our tests' own, independent working)."""
    return f"{ons_figure(rows_of(db, f'SELECT * FROM cohort_facts WHERE {where}'), stored_ptable(db)):,}"


def test_cohort_filter_change_shows_the_databases_count(page, app_url, demo_db):
    page.goto(f"{app_url}/cohort?demo=true")
    wait_for_app(page)
    metric = page.get_by_test_id("stMetricValue").first
    expect(metric).to_have_text(published(demo_db, "is_demo"))
    page.get_by_text("Filter the children").click()
    care_status = page.get_by_role("combobox", name="Care status")
    expect(care_status).to_be_visible()
    choose(page, care_status, "Looked after")
    expect(metric).to_have_text(published(demo_db, "is_demo AND care_status = 'Looked after'"))
    expect(page).to_have_url(re.compile(r"f_care_status=Looked"))
    wait_for_app(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "cohort-filtered")


def test_disproportionality_shows_flagged_stages(page, app_url):
    page.goto(f"{app_url}/disproportionality?demo=true")
    wait_for_app(page)
    expect(page.get_by_text("More than chance")).to_be_visible()
    page.get_by_text("Care experience", exact=True).click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"compare=Care"))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "disproportionality-care")
