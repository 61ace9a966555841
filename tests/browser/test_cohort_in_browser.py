"""The cohort pages in a real browser: a filter change re-renders with the database's figure."""

import re

import duckdb
from playwright.sync_api import expect

from tests.support.browser import choose, screenshot, wait_for_app


def count(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()[0][0]
    finally:
        con.close()


def test_cohort_filter_change_shows_the_databases_count(page, app_url, demo_db):
    page.goto(f"{app_url}/cohort?demo=true")
    wait_for_app(page)
    everyone = count(demo_db, "SELECT count(*) FROM cohort_facts WHERE is_demo")
    metric = page.get_by_test_id("stMetricValue").first
    expect(metric).to_have_text(f"{everyone:,}")
    page.get_by_text("Filter the children").click()
    care_status = page.get_by_role("combobox", name="Care status")
    expect(care_status).to_be_visible()
    choose(page, care_status, "Looked after")
    looked_after = count(demo_db, "SELECT count(*) FROM cohort_facts WHERE is_demo AND care_status = 'Looked after'")
    expect(metric).to_have_text(f"{looked_after:,}")
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
