"""The first five minutes in a real browser: from the address `make run` prints, Benchmarking ranks every visible
area in one click; every page at a tablet's size (820x1180) with no chart label on another, no control label
broken inside a word and no count squeezed into a bar; and one CSV of each page family, parsed as an analyst
would. One server (the session's), one tablet context for every page."""

from __future__ import annotations

import html
import re
import time

import pandas as pd
import pytest
from playwright.sync_api import expect

from tests.support.browser import (
    bar_text_problems,
    chart_label_problems,
    control_label_problems,
    downloaded,
    screenshot,
    wait_for_app,
    wait_for_charts,
)
from tests.support.exported import csv_table
from yjs.app.navigation import pages_for
from yjs.data import indicators as indicator_data
from yjs.data.db import Database
from yjs.domain import benchmarking, comparators

TABLET = {"width": 820, "height": 1180}
LOCAL_PAGES = pages_for("editor")  # the server runs without login: the local single-user editor's pages
# Beyond each page's first view: the states the open defects were seen in.
STATES = {
    "profile-ealing": "profile?area=Ealing",  # Standards below Good, its words whole
    "plan-timeline": "plan?area=Reading&view=Timeline",  # the first date label was clipped
}
# Presentation mode is for a shared screen: a laptop's, at 1280x800, with its half-width charts side by side.
PRESENTING = ("presenting-overview-1280", "?present=1", {"width": 1280, "height": 800})  # the histogram's band names
# One CSV per page family (menu section), from a page's first view: (family, the page's link, how its download's
# key starts). Board pages export a PDF, a deck and a workbook, tested with them.
FAMILY_CSV = [
    ("inspections", "", "latest-inspections"),  # Overview
    ("performance", "benchmarking", None),  # the every-area table's key is named after the indicator and period
    ("children", "disproportionality", "relative-rate-index-"),
    ("improvement", "plan", "plans"),  # Improvement plan without an area opens Plans across services
    ("data", "about", "indicator-catalogue"),
]
SEPARATED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")


def test_from_the_front_page_benchmarking_ranks_every_visible_area_in_one_click(page, app_url, demo_db):
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Benchmarking", exact=True).click()
    expect(page.get_by_role("heading", name="Indicator benchmarking", level=1)).to_be_visible()
    wait_for_app(page)
    assert "area=" not in page.url, "no area chosen"
    expect(page.get_by_test_id("stSidebar").get_by_role("combobox", name="Your area")).to_have_value("")
    chosen = page.get_by_test_id("stMain").get_by_role("combobox", name="Indicator").input_value()

    query = Database(demo_db).query
    catalogue = indicator_data.catalogue(query)
    shown = [
        benchmarking.shown_name(n, local) for n, local in zip(catalogue["name"], catalogue["is_local"], strict=True)
    ]
    code = catalogue["code"].iloc[shown.index(chosen)]
    series = indicator_data.values(query, [code], False)
    period_end = comparators.most_reported_period_end(series)
    reporting = series[~series["is_reference"] & series["value"].notna() & (series["period_end"] == period_end)]

    chart = page.locator(".js-plotly-plot").first
    expect(chart.locator(".gtitle")).to_contain_text("every real service")
    hover = chart.evaluate("plot => plot.data[0].hovertext")
    drawn = [html.unescape(text.split("<br>")[0].rpartition(": ")[0]) for text in hover]
    assert sorted(drawn) == sorted(reporting["area"].unique()), "a bar for every real area reporting the period"
    assert len(drawn) > 100
    expect(chart.locator(".annotation-text", has_text="Ealing")).to_have_count(0)  # nothing highlighted


@pytest.fixture(scope="module")
def tablet(browser):
    context = browser.new_context(viewport=TABLET)
    yield context.new_page()
    context.close()


def _label_problems(page) -> list[str]:
    return chart_label_problems(page) + control_label_problems(page) + bar_text_problems(page)


def _check(page, name: str) -> list[str]:
    """The page's label problems once its charts have settled, and its screenshot. Plotly lays a chart out again
    as its frame is sized, so the measure is taken again (for at most ten seconds) until it finds nothing: a
    real overlap stays, and is reported."""
    wait_for_charts(page)
    deadline = time.monotonic() + 10
    while (problems := _label_problems(page)) and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    screenshot(page, name, height=4800)
    return [f"{name}: {problem}" for problem in problems]


def test_every_page_at_tablet_size_has_whole_labels_that_never_overlap(tablet, app_url):
    tablet.goto(f"{app_url}/?demo=true")
    wait_for_app(tablet)
    expect(tablet.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")  # starts collapsed
    problems = []
    for spec in LOCAL_PAGES:
        tablet.goto(f"{app_url}/{spec.url}?demo=true")
        wait_for_app(tablet)
        expect(tablet.get_by_test_id("stException")).to_have_count(0)
        problems += _check(tablet, f"tablet-{spec.url_path}")
    for name, link in STATES.items():
        tablet.goto(f"{app_url}/{link}")
        wait_for_app(tablet)
        expect(tablet.get_by_test_id("stException")).to_have_count(0)
        problems += _check(tablet, f"tablet-{name}")
    name, link, size = PRESENTING
    tablet.set_viewport_size(size)
    tablet.goto(f"{app_url}/{link}")
    wait_for_app(tablet)
    problems += _check(tablet, name)
    tablet.set_viewport_size(TABLET)
    assert problems == [], "\n".join(problems)


def test_profiles_standards_below_good_wrap_their_words(tablet, app_url):
    tablet.goto(f"{app_url}/{STATES['profile-ealing']}")
    wait_for_app(tablet)
    table = tablet.get_by_test_id("stTable").first
    expect(table).to_contain_text("Requires improvement")
    cut = table.evaluate(
        """table => [...table.querySelectorAll('td, th')].filter(
             (cell) => cell.scrollWidth > cell.clientWidth + 1 || getComputedStyle(cell).textOverflow === 'ellipsis'
           ).map((cell) => cell.textContent)"""
    )
    assert cut == [], "every rating and step to Good shown whole"


def _family_csv(tablet, app_url: str, page_url: str, key: str | None) -> tuple[list[str], pd.DataFrame]:
    tablet.goto(f"{app_url}/{page_url}?demo=true")
    wait_for_app(tablet)
    selector = f"[class*='st-key-csv_{key}'] button" if key else "[class*='st-key-csv_'][class*='-all'] button"
    return csv_table(downloaded(tablet, tablet.locator(selector).first))


def test_one_csv_of_each_page_family_reads_as_numbers(tablet, app_url):
    for family, page_url, key in FAMILY_CSV:
        notes, table = _family_csv(tablet, app_url, page_url, key)
        assert len(table) > 0, family
        separated = [v for column in table for v in table[column] if SEPARATED.match(v)]
        assert separated == [], f"{family}: numbers without thousands separators"
        assert bool(notes) == table.isin(["c"]).any().any(), f"{family}: a note line exactly where a cell is c"
        if family == "children":
            assert table["group_base"].str.fullmatch(r"\d+|c").all(), "counts as plain whole numbers, small ones c"
            rri = table[table["rri"] != ""]
            assert (rri["rri"].astype(float) == rri["rri_exact"].astype(float).round(2)).all(), "RRI as on screen"
            assert rri["rri"].str.fullmatch(r"-?\d+(\.\d{1,2})?").all()
        if family == "inspections":
            assert pd.to_numeric(table["score"].replace("", None)).notna().any(), "scores are numbers"
