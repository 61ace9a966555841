"""Plans and disproportionality across services in a real browser: Improvement plan without an area opens on
every plan, a link opens one, the downloads hold the database's figures, a stage change re-ranks the areas.
A database of its own with a larger demo cohort, so that most areas have enough children in custody to draw."""

import io
import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from tests.support.browser import choose, downloaded, screenshot, served, wait_for_app
from tests.support.dbcheck import fetch
from yjs.app.plan_progress import plan_link
from yjs.data.cohort import CohortScope, stage_counts_by_area
from yjs.data.db import Database
from yjs.domain import disproportionality_by_area as by_area
from yjs.store.build import build

TABLET = {"width": 820, "height": 1180}


@pytest.fixture(scope="module")
def across_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("across") / "yjs.duckdb", demo=True, cohort_size=200_000)


@pytest.fixture(scope="module")
def across_url(across_db):
    with served(across_db) as url:
        yield url


def tablet_screenshot(browser, url: str, name: str) -> None:
    context = browser.new_context(viewport=TABLET)
    tablet = context.new_page()
    tablet.goto(url)
    wait_for_app(tablet)
    screenshot(tablet, name, height=4200)
    context.close()


def test_improvement_plan_opens_on_every_plan_and_a_link_opens_one(page, browser, across_url, across_db):
    page.goto(f"{across_url}/plan?demo=true")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Plans across services", level=1)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/plans\?"))
    expect(page.get_by_text("shows one area's plan: choose")).to_be_visible()
    demo_plans = fetch(
        across_db, "SELECT count(*) FROM improvement_plans p JOIN areas a ON a.name = p.area WHERE is_demo"
    )
    expect(page.get_by_role("heading", name=f"Demo areas' plans ({demo_plans[0][0]})")).to_be_visible()

    choose(page, page.get_by_test_id("stSidebar").get_by_role("combobox", name="Your area"), "Nailsmith")
    wait_for_app(page)
    csv = downloaded(page, page.get_by_role("button", name="Download CSV").last)
    table = pd.read_csv(io.BytesIO(csv)).set_index("Area")
    actions = fetch(across_db, "SELECT count(*) FROM improvement_actions WHERE plan LIKE 'nailsmith-%'")[0][0]
    assert table.loc["Nailsmith", "Actions"] == actions
    assert table["Blue %"].tolist() == sorted(table["Blue %"])  # least complete first
    screenshot(page, "plans-across-services-demo", height=6200)
    tablet_screenshot(browser, page.url, "plans-across-services-tablet")

    page.get_by_role("link", name="Open Nailsmith's improvement plan").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Improvement plan", level=1)).to_be_visible()
    expect(page.get_by_test_id("stMetric").filter(has_text="Actions")).to_contain_text(str(actions))

    page.goto(f"{across_url}/{plan_link('Ealing', False)}")  # a table row's link, as the browser resolves it
    wait_for_app(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="Actions")).to_contain_text("50")
    expect(page.get_by_test_id("stException")).to_have_count(0)


def expected_ranking(db, stage: str) -> list[str]:
    areas = [a for (a,) in fetch(db, "SELECT name FROM areas WHERE is_demo")]
    first, last = fetch(db, "SELECT min(start_year), max(start_year) FROM cohort_facts")[0]
    database = Database(db)
    try:
        counts = stage_counts_by_area(database.query, CohortScope(tuple(areas), first, last), "ethnicity")
    finally:
        database.close()
    table = by_area.rri_by_area(counts, "Black children", stage)
    return by_area.ranked(table, "RRI, highest first")["area"].tolist()


def test_every_demo_areas_rri_is_ranked_with_intervals_and_a_stage_change_reranks(page, browser, across_url, across_db):
    page.goto(f"{across_url}/disproportionality_by_area?demo=true&area=Thamesreach")
    wait_for_app(page)
    expect(page.get_by_text("Pooled over these areas the index is")).to_be_visible()
    expect(page.locator(".js-plotly-plot")).to_have_count(1)
    expect(page.get_by_text(re.compile(r"Not drawn \(\d+\)"))).to_be_visible()
    csv = downloaded(page, page.get_by_role("button", name="Download CSV").first)
    ranked = pd.read_csv(io.BytesIO(csv))
    assert ranked["Area"].tolist() == expected_ranking(across_db, "custody")
    assert ((ranked["95% low"] <= ranked["RRI"]) & (ranked["RRI"] <= ranked["95% high"])).all()
    screenshot(page, "disproportionality-by-area-demo", height=4200)
    tablet_screenshot(browser, page.url, "disproportionality-by-area-tablet")

    choose(page, page.get_by_role("combobox", name="Stage"), "Court rather than out-of-court")
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"stage=Court"))
    expect(page.get_by_text("Black children: court rather than out-of-court")).to_be_visible()  # the chart's title
    wait_for_app(page)
    csv = downloaded(page, page.get_by_role("button", name="Download CSV").first)
    assert pd.read_csv(io.BytesIO(csv))["Area"].tolist() == expected_ranking(across_db, "court")
    expect(page.get_by_test_id("stException")).to_have_count(0)
