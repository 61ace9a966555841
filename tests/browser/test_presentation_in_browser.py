"""Presentation mode at 1280x720: no sidebar or toolbar, large text and chart labels, the strictest
suppression, and an area's sections stepped through with the buttons and the arrow keys."""

import re

from playwright.sync_api import expect

from tests.support.browser import SCREENSHOTS, screenshot, wait_for_app
from tests.support.dbcheck import fetch
from yjs.app.present import STRICTEST_THRESHOLD
from yjs.domain import disclosure

PROJECTOR = {"width": 1280, "height": 720}


def projector_screenshot(page, name: str) -> None:
    """The screen as the room sees it, then the whole section (scrolled) at the same width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    wait_for_app(page)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')].every(p => p._fullLayout)")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    screenshot(page, f"{name}-whole", height=3000)
    page.set_viewport_size(PROJECTOR)


def smallest_font(page, selector: str) -> float:
    return page.evaluate(
        """selector => Math.min(...[...document.querySelectorAll(selector)]
        .filter(e => e.offsetParent !== null || e.closest('svg'))
        .map(e => parseFloat(getComputedStyle(e).fontSize)))""",
        selector,
    )


def test_presentation_steps_through_ealings_sections(page, app_url, demo_db):
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_url}/presentation?area=Ealing&present=1&meeting=2024-05-01")
    wait_for_app(page)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_test_id("stToolbar")).to_be_hidden()
    expect(page.get_by_role("heading", name="1. Inspection ratings")).to_be_visible()
    score = fetch(demo_db, "SELECT score FROM latest_inspections WHERE area = 'Ealing'")[0][0]
    expect(page.get_by_text(f"scoring {score}/36")).to_be_visible()
    assert smallest_font(page, "[data-testid='stMarkdownContainer'] p") >= 18
    projector_screenshot(page, "presentation-1-ratings")

    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", name="2. Key questions of the weakest standards")).to_be_visible()
    expect(page).to_have_url(re.compile(r"slide=2"))
    wait_for_app(page)
    assert smallest_font(page, ".js-plotly-plot .xtick text, .js-plotly-plot .ytick text") >= 24
    projector_screenshot(page, "presentation-2-key-questions")

    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="3. Indicator scorecard")).to_be_visible()
    projector_screenshot(page, "presentation-3-indicators")
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("heading", name="2. Key questions of the weakest standards")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_demo_area_presentation_shows_the_plan_and_disproportionality(page, app_url, demo_db):
    area = fetch(
        demo_db,
        "SELECT area FROM cohort_facts WHERE area IN (SELECT area FROM improvement_plans) "
        "GROUP BY area ORDER BY count(*) DESC LIMIT 1",
    )[0][0]
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_url}/presentation?area={area}&demo=true&present=1&slide=4")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="4. Disproportionality by ethnicity")).to_be_visible()
    expect(page.get_by_text(f"Counts from 1 to {STRICTEST_THRESHOLD - 1} are shown as c").first).to_be_visible()
    projector_screenshot(page, "presentation-4-disproportionality")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", name="5. Improvement plan highlight report")).to_be_visible()
    actions = fetch(
        demo_db, "SELECT count(*) FROM improvement_actions JOIN improvement_plans USING (plan) WHERE area = ?", area
    )[0][0]
    expect(page.get_by_text(f": {actions} actions at the meeting of")).to_be_visible()
    projector_screenshot(page, "presentation-5-plan")


def test_the_switch_turns_presentation_mode_on_and_off_on_any_page(page, app_url, demo_db):
    area = fetch(demo_db, "SELECT area FROM cohort_facts GROUP BY area ORDER BY count(*) DESC LIMIT 1")[0][0]
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_url}/cohort?demo=true&area={area}")
    wait_for_app(page)
    expect(page.get_by_text(f"Counts below {disclosure.MIN_THRESHOLD} show as c")).to_be_visible()
    page.get_by_test_id("stSidebar").get_by_text("Presentation mode").click()
    expect(page).to_have_url(re.compile(r"present=1"))
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_text(f"Counts below {STRICTEST_THRESHOLD} show as c")).to_be_visible()
    expect(page.get_by_test_id("stCaptionContainer").first).to_have_css("opacity", "1")  # not faded: full contrast
    projector_screenshot(page, "presentation-cohort-explorer")
    page.get_by_role("button", name="Leave presentation mode").click()
    expect(page.get_by_test_id("stSidebar")).to_be_visible()
    expect(page).not_to_have_url(re.compile(r"present=1"))
