"""WCAG 2.2 AA with axe-core: every page, in normal and presentation mode, with no serious or
critical violation. Each page opens on an area with data, so its tables and charts are checked too."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.browser import wait_for_app
from tests.support.dbcheck import fetch
from yjs.app.navigation import PAGES

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
BLOCKING = ("serious", "critical")
COHORT_PAGES = {"cohort", "disproportionality", "disproportionality_by_area"}


@pytest.fixture(scope="module")
def cohort_area(demo_db) -> str:
    """A demo area with children, a plan and an inspection: every section of every page has something."""
    return fetch(
        demo_db,
        "SELECT area FROM cohort_facts WHERE area IN (SELECT area FROM improvement_plans) "
        "GROUP BY area ORDER BY count(*) DESC LIMIT 1",
    )[0][0]


def blocking_violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("present", [False, True], ids=["normal", "presentation"])
@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_no_serious_or_critical_violations(page, app_url, cohort_area, spec, present):
    query = f"demo=true&area={cohort_area}" if spec.url_path in COHORT_PAGES else "area=Ealing"
    page.goto(f"{app_url}/{spec.url}?{query}{'&present=1' if present else ''}")
    wait_for_app(page)
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')].every(p => p._fullLayout)")
    violations = blocking_violations(page)
    assert not violations, "\n".join(violations)
