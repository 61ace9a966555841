"""The app builds its charts without plotly's property-by-property check (yjs/charts/base.py VALIDATE: 9 ms a
chart). Every page's charts, with the check and without, are the same charts as the browser receives them."""

import json

import pytest

from tests.support.apptest import open_page
from yjs.charts import base as charts_base
from yjs.perf.pagetimes import PAGE_VARIATIONS

# Pages with charts, each in a link the benchmark opens that draws them. (Disproportionality by area withholds
# every area of the small test cohort; the Scorecard and the Highlight report draw tables.)
CHARTED = {
    "overview": 0,
    "ratings": 0,
    "profile": 1,
    "compare": 1,
    "benchmarking": 0,
    "disproportionality": 0,
    "cohort": 0,
    "plan": 3,
    "plans": 0,
    "presentation": 2,
}


def chart_specs(page: str, link: dict, *, validate: bool, monkeypatch) -> list[dict]:
    monkeypatch.setattr(charts_base, "VALIDATE", validate)
    shared = {key: value for key, value in link.items() if key in ("demo", "area", "region")}
    own = {key: value for key, value in link.items() if key not in shared}
    at = open_page(f"pages/{page}.py", shared, **own)
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("page", sorted(CHARTED))
def test_a_pages_charts_are_the_same_with_the_check_and_without(demo_db, use_db, monkeypatch, page):
    use_db(demo_db)
    link = PAGE_VARIATIONS[page][CHARTED[page]]
    checked = chart_specs(page, link, validate=True, monkeypatch=monkeypatch)
    unchecked = chart_specs(page, link, validate=False, monkeypatch=monkeypatch)
    assert checked, f"{page} drew no chart with {link}"
    assert unchecked == checked
