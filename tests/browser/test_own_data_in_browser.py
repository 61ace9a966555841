"""The user's own measures and plans in a real browser: a local indicator benchmarked and on the
scorecard; another council's plan mapped on the Load data page, imported, and its progress notes on
the plan. Checked against the database; screenshots of each."""

import re
import shutil

import pytest
from playwright.sync_api import expect

from tests.support import local_indicator as local
from tests.support.browser import choose, screenshot, served, wait_for_app
from tests.support.dbcheck import fetch
from tests.support.plan_files import ACTIONS, council_plan, expected_actions

EALING_PLAN = "plan=Ealing%3A+HMIP+Post-Inspection+Improvement+Plan+August+2023"


@pytest.fixture(scope="module")
def own_db(real_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("own-data")
    target = folder / "yjs.duckdb"
    shutil.copyfile(real_db, target)
    local.load_local_indicator(target, folder)
    return target


@pytest.fixture(scope="module")
def own_url(own_db):
    with served(own_db) as url:
        yield url


def test_a_local_indicator_is_benchmarked_among_ten_services_and_on_the_scorecard(page, own_url, own_db):
    page.goto(f"{own_url}/benchmarking?area=Stockport")
    wait_for_app(page)
    choose(page, page.get_by_role("combobox", name="Indicator"), local.NAME)
    wait_for_app(page)
    expect(page.get_by_role("combobox", name="Indicator")).to_have_value(f"{local.NAME} (local)")
    value = fetch(
        own_db,
        "SELECT value FROM indicator_values WHERE area = 'Stockport' AND indicator_code = ? AND period = '2023-24'",
        local.CODE,
    )[0][0]
    metric = page.get_by_test_id("stMetric")
    expect(metric.filter(has_text="Latest (2023-24)")).to_contain_text(f"{value:.1f}")
    expect(metric.filter(has_text="Rank in North West")).to_contain_text("3 of 5")
    expect(metric.filter(has_text="Quartile band")).to_contain_text("C")
    expect(page.get_by_text("Band: A–D across all services (10 with a value for 2023-24)")).to_be_visible()
    expect(page.get_by_text("Local indicator", exact=False).first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "benchmarking-local-indicator")
    page.goto(f"{own_url}/scorecard?area=Stockport")
    wait_for_app(page)
    expect(page.get_by_text("an indicator defined by an import on this database")).to_be_visible()
    screenshot(page, "scorecard-local-indicator")


def test_a_council_plan_is_mapped_imported_and_its_progress_shown(page, own_url, own_db, tmp_path):
    path = council_plan(tmp_path / "council-plan.xlsx")
    page.goto(f"{own_url}/load?kind=actions")
    wait_for_app(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    wait_for_app(page)
    expect(page.get_by_text(re.compile(r"Headings read from row 4 of sheet 'Governance'"))).to_be_visible()
    heading = "“Progress against agreed action and impact monitoring”"
    expect(page.get_by_role("combobox", name=heading)).to_have_value("progress")
    choose(page, page.get_by_role("combobox", name="Area of this plan (the file has no area column)"), "Ealing")
    wait_for_app(page)
    expect(page.get_by_text("every row is valid")).to_be_visible(timeout=30_000)
    screenshot(page, "load-plan-mapping")
    page.get_by_role("button", name=f"Import {ACTIONS} rows").click()
    expect(page.get_by_text(re.compile(rf"Imported\. council-plan\.xlsx: {ACTIONS} actions rows valid"))).to_be_visible(
        timeout=30_000
    )
    notes = fetch(
        own_db,
        "SELECT u.note FROM action_status_updates u JOIN improvement_actions a USING (action_id) "
        "WHERE a.plan = 'ealing-2023-08' AND a.ref LIKE '_._' ORDER BY a.action_id",
    )
    assert [note for (note,) in notes] == [action[5] for action in expected_actions()]
    page.goto(f"{own_url}/plan?{EALING_PLAN}")
    wait_for_app(page)
    theme = expected_actions()[0][1]
    page.get_by_test_id("stExpander").filter(has_text=theme).locator("summary").click()
    wait_for_app(page)
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    screenshot(page, "plan-progress-notes")
