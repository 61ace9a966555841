"""The real national picture in a browser, with demo areas off (the default): the Overview counts the
real services, and the ratings, benchmarking and compare pages draw them (screenshots to look at)."""

from playwright.sync_api import expect

from tests.support.browser import screenshot, wait_for_app


def test_overview_with_demo_off_counts_the_real_services(page, app_url):
    page.goto(f"{app_url}/")
    wait_for_app(page)
    inspected = page.get_by_test_id("stMetric").filter(has_text="Areas inspected")
    expect(inspected.get_by_test_id("stMetricValue")).to_have_text("90")
    expect(page.get_by_text("Demo data on screen")).to_have_count(0)
    screenshot(page, "national-overview")


def test_a_real_service_on_the_ratings_benchmarking_and_compare_pages(page, app_url):
    views = {
        "national-ratings": "ratings?sort=Score",
        "national-benchmarking": "benchmarking?area=Ealing&indicator=fte_rate&compare_with=Its+statistical+neighbours",
        "national-compare": "compare?areas=Ealing&areas=Norfolk&areas=East+Sussex",
    }
    for name, path in views.items():
        page.goto(f"{app_url}/{path}")
        wait_for_app(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        screenshot(page, name, height=3200)
    expect(page.get_by_text("East Sussex").first).to_be_visible()
