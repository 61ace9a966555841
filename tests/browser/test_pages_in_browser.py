"""Every page in a real browser: no exception element, filters round-trip through the URL."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.support.browser import choose, screenshot, wait_for_app
from yjs.app.navigation import PAGES, pages_for

LOCAL_PAGES = pages_for("editor")  # the server runs without login: the local single-user editor's pages


@pytest.mark.parametrize("spec", LOCAL_PAGES, ids=[p.url_path for p in LOCAL_PAGES])
@pytest.mark.parametrize("demo", ["true", "false"])
def test_every_page_opens_without_an_exception(page, app_url, spec, demo):
    page.goto(f"{app_url}/{spec.url}?demo={demo}")
    wait_for_app(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    screenshot(page, f"{spec.url_path}-{'demo' if demo == 'true' else 'real'}")


def test_pages_beyond_the_local_editor_are_not_found_by_their_url(page, app_url):
    for spec in set(PAGES) - set(LOCAL_PAGES):
        page.goto(f"{app_url}/{spec.url}")
        wait_for_app(page)
        expect(page.get_by_text("Page not found")).to_be_visible()
        expect(page.get_by_role("heading", name=spec.title)).to_have_count(0)


def test_filters_in_the_url_reopen_the_same_view(page, app_url):
    page.goto(f"{app_url}/?demo=true&region=Wales&area=Bryn+Tawel")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Wales", exact=True)).to_be_visible()
    expect(sidebar.get_by_role("combobox", name="Your area")).to_have_value("Bryn Tawel")
    expect(page.get_by_text("Demo data on screen")).to_be_visible()


def test_changing_a_filter_updates_the_url_and_the_link_restores_it(page, app_url, browser):
    page.goto(f"{app_url}/?demo=true")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    choose(page, sidebar.get_by_role("combobox", name="Region"), "North East")
    expect(page).to_have_url(re.compile(r"region=North(\+|%20)East"))
    wait_for_app(page)
    shared_link = page.url
    assert parse_qs(urlparse(shared_link).query)["region"] == ["North East"]

    other = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    other.goto(shared_link)
    wait_for_app(other)
    expect(other.get_by_test_id("stSidebar").get_by_text("North East", exact=True)).to_be_visible()
    regions = other.get_by_test_id("stDataFrame").last  # the page's table, after the charts' data tables
    expect(regions).to_be_visible()
    other.context.close()
