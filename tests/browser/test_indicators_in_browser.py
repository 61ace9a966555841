"""Benchmarking, scorecard and load-data pages in a real browser, checked against the database."""

import re

from playwright.sync_api import expect

from tests.support.browser import choose, screenshot, wait_for_app
from tests.support.dbcheck import fetch


def test_benchmarking_shows_the_databases_value_and_updates_on_an_indicator_change(page, app_url, demo_db):
    page.goto(f"{app_url}/benchmarking?demo=true&area=Thamesreach")
    wait_for_app(page)
    period, value = fetch(
        demo_db,
        "SELECT period, value FROM indicator_values WHERE area = 'Thamesreach' AND "
        "indicator_code = 'fte_rate' AND value IS NOT NULL ORDER BY period DESC LIMIT 1",
    )[0]
    expect(page.get_by_test_id("stMetric").filter(has_text=f"Latest ({period})")).to_contain_text(f"{value:,.1f}")
    screenshot(page, "benchmarking-fte")
    choose(page, page.get_by_role("combobox", name="Indicator"), "Education, training")
    wait_for_app(page)
    quarter, ete = fetch(
        demo_db,
        "SELECT period, value FROM indicator_values WHERE area = 'Thamesreach' AND "
        "indicator_code = 'kpi_ete' AND value IS NOT NULL ORDER BY period_end DESC LIMIT 1",
    )[0]
    expect(page.get_by_test_id("stMetric").filter(has_text=f"Latest ({quarter})")).to_contain_text(f"{ete:.1f}%")
    expect(page).to_have_url(re.compile(r"indicator=Education"))
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_scorecard_and_load_data_render(page, app_url):
    page.goto(f"{app_url}/scorecard?demo=true&area=Thamesreach")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Indicator scorecard")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    screenshot(page, "scorecard")
    page.goto(f"{app_url}/load?kind=indicators")
    wait_for_app(page)
    expect(page.get_by_text("Upload a CSV or Excel file")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "load-data")
