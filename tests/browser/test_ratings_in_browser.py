"""The ratings pages in Chromium: change a filter as a person would, check the figures against the database."""

import re

from playwright.sync_api import expect

from tests.support.browser import SCREENSHOTS, choose, screenshot, wait_for_app
from tests.support.dbcheck import fetch

DIFFERING = """
    WITH latest AS (SELECT inspection_id FROM latest_inspections WHERE list_contains(?, area))
    SELECT count(*) FROM (
        SELECT code FROM standard_ratings JOIN latest USING (inspection_id)
        WHERE code <> '4.1' GROUP BY code HAVING count(DISTINCT rating) > 1)"""


def test_matrix_filtered_by_overall_rating_shows_the_databases_count(page, app_url, demo_db):
    page.goto(f"{app_url}/ratings?demo=true")
    wait_for_app(page)
    screenshot(page, "ratings-matrix-demo", height=3200)
    choose(page, page.get_by_role("combobox", name="Overall rating"), "Requires improvement")
    expect(page).to_have_url(re.compile(r"rating=Requires"))
    wait_for_app(page)
    count = fetch(
        demo_db,
        "SELECT count(*) FROM latest_inspections WHERE overall_rating = 'Requires improvement' "
        "AND framework IN (2018, 2021)",
    )[0][0]
    expect(page.get_by_text(f"{count} inspections, sorted by score")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "ratings-matrix-requires-improvement")


def test_profile_explains_a_rating_and_follows_the_chosen_area(page, app_url, demo_db):
    page.goto(f"{app_url}/profile?area=Ealing")
    wait_for_app(page)
    expect(
        page.get_by_text(
            "2.3 Implementation and delivery is Requires improvement because its lowest key "
            "question, keeping the child safe, is 54% (7 of 13"
        ).first
    ).to_be_visible()
    screenshot(page, "area-profile-ealing", height=4200)
    choose(page, page.get_by_test_id("stSidebar").get_by_role("combobox", name="Your area"), "Kingston and Richmond")
    wait_for_app(page)
    score = fetch(demo_db, "SELECT score FROM latest_inspections WHERE area = 'Kingston and Richmond'")[0][0]
    expect(page.get_by_test_id("stMetric").filter(has_text="Score")).to_contain_text(f"{score}/36")
    expect(page.get_by_text("3.2 Planning is Inadequate because its lowest key question").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"area=Kingston"))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    context = page.get_by_role("heading", name="Context the report gives")
    expect(context).to_be_visible()
    screenshot(page, "area-profile-kingston", height=4200)
    page.get_by_test_id("stButtonGroup").get_by_role("button", name="disproportionality").click()
    wait_for_app(page)
    context.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "area-profile-kingston-context.png"))  # the table a board scrutinises


def test_compare_counts_the_standards_on_which_the_areas_differ(page, app_url, demo_db):
    page.goto(f"{app_url}/compare?areas=Ealing&areas=Kingston+and+Richmond")
    wait_for_app(page)
    two = fetch(demo_db, DIFFERING, ["Ealing", "Kingston and Richmond"])[0][0]
    expect(page.get_by_text(f"They differ on {two} of the 12 standards")).to_be_visible()
    choose(page, page.get_by_role("combobox", name="Areas to compare"), "Tower Hamlets")
    wait_for_app(page)
    three = fetch(demo_db, DIFFERING, ["Ealing", "Kingston and Richmond", "Tower Hamlets and City of London"])[0][0]
    expect(page.get_by_text(f"They differ on {three} of the 12 standards")).to_be_visible()
    expect(page).to_have_url(re.compile(r"areas=Tower"))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "compare-three-real-areas", height=3000)


def test_overview_names_the_weakest_standard(page, app_url, demo_db):
    page.goto(f"{app_url}/?demo=true")
    wait_for_app(page)
    code, name = fetch(
        demo_db,
        """
        WITH latest AS (SELECT inspection_id FROM inspection_summary WHERE standards_rated > 0
                        QUALIFY row_number() OVER (
                            PARTITION BY area ORDER BY inspection_date DESC, inspection_id DESC) = 1)
        SELECT r.code, s.name FROM standard_ratings AS r JOIN latest USING (inspection_id)
        JOIN standards AS s ON s.framework = 2021 AND s.code = r.code WHERE r.code <> '4.1'
        GROUP BY ALL ORDER BY avg(CASE WHEN rating IN ('Good', 'Outstanding') THEN 1 ELSE 0 END), r.code LIMIT 1""",
    )[0]
    expect(page.get_by_text(f"the weakest, {code} {name}, is hatched")).to_be_visible()
    screenshot(page, "overview-national-picture", height=3000)


def test_a_charts_data_table_is_built_when_opened(page, app_url):
    """The tables behind the charts cost nothing until asked for; opening one shows the chart's figures."""
    page.goto(f"{app_url}/?demo=true")
    wait_for_app(page)
    table = page.get_by_test_id("stExpander").filter(has_text="Data table: Latest overall rating")
    expect(table.get_by_test_id("stDataFrame")).to_have_count(0)
    table.get_by_text("Data table: Latest overall rating").click()
    wait_for_app(page)
    expect(table.get_by_test_id("stDataFrame")).to_be_visible()
    expect(table.get_by_role("button", name="Download CSV")).to_be_visible()
    screenshot(page, "overview-chart-data-table-open")
