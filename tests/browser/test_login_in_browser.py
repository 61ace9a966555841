"""The real login flow: Streamlit's OIDC login against a local provider on loopback, then roles."""

import re

import pytest
from playwright.sync_api import expect

from tests.support import oidc
from tests.support.apptest import roles_file
from tests.support.browser import screenshot, wait_for_app
from yjs.perf.server import free_port, start_background

ROLES = {"lead@council.gov.uk": "editor", "chair@council.gov.uk": "viewer", "admin@council.gov.uk": "admin"}


@pytest.fixture(scope="module")
def login_app(demo_db, tmp_path_factory):
    oidc.ensure_installed()
    folder = tmp_path_factory.mktemp("login")
    app_port, provider_port = free_port(), free_port()
    provider = oidc.start(provider_port, f"http://127.0.0.1:{app_port}/oauth2callback")
    secrets = oidc.secrets_toml(folder / "secrets.toml", app_port, provider_port, roles_file(folder, ROLES))
    db = folder / "yjs.duckdb"  # a private copy: the admin's test imports into it
    db.write_bytes(demo_db.read_bytes())
    try:
        url, server = start_background(db, port=app_port, options=("--secrets.files", str(secrets)))
    except Exception:
        provider.terminate()
        raise
    yield url, db
    server.terminate()
    provider.terminate()
    server.wait(timeout=20)
    provider.wait(timeout=20)


def log_in(page, app, email: str) -> None:
    url = app[0]
    page.goto(url)
    expect(page.get_by_role("button", name="Log in")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Log in").click()
    page.locator("input[name=login]").fill(email)  # the provider's own sign-in form
    page.locator("input[name=password]").fill("any password")
    page.locator("button[type=submit]").click()
    expect(page.get_by_role("button", name="Continue")).to_be_visible(timeout=15_000)  # consent
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(url)}"), timeout=30_000)
    wait_for_app(page)


def test_an_editor_logs_in_at_the_provider_and_gets_the_load_data_page(login_app, page):
    log_in(page, login_app, "lead@council.gov.uk")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_contain_text("Logged in as lead@council.gov.uk (editor)")
    navigation = page.locator(".st-key-menu")
    expect(navigation.get_by_role("link", name="Load data")).to_be_visible()
    expect(navigation.get_by_role("link", name="Audit trail")).to_have_count(0)
    screenshot(page, "login_editor", height=1200)
    sidebar.get_by_role("button", name="Log out").click()
    page.get_by_role("button", name="Yes, sign me out").click()  # the provider ends its session too
    expect(page.get_by_role("button", name="Log in")).to_be_visible(timeout=30_000)


def test_a_viewer_never_reaches_load_data_even_by_its_url(login_app, page):
    log_in(page, login_app, "chair@council.gov.uk")
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Logged in as chair@council.gov.uk (viewer)")
    expect(page.locator(".st-key-menu").get_by_role("link", name="Load data")).to_have_count(0)
    page.goto(f"{login_app[0]}/load")
    wait_for_app(page)
    expect(page.get_by_text("Page not found")).to_be_visible()
    expect(page.get_by_role("heading", name="Load data")).to_have_count(0)
    expect(page.get_by_test_id("stFileUploader")).to_have_count(0)
    screenshot(page, "login_viewer_guessed_url", height=1200)


def test_a_stranger_logs_in_and_is_refused_by_name(login_app, page):
    page.goto(login_app[0])
    expect(page.get_by_role("button", name="Log in")).to_be_visible(timeout=30_000)
    screenshot(page, "login_screen", height=900)
    log_in_as_stranger = "stranger@elsewhere.com"
    page.get_by_role("button", name="Log in").click()
    page.locator("input[name=login]").fill(log_in_as_stranger)
    page.locator("input[name=password]").fill("x")
    page.locator("button[type=submit]").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("stranger@elsewhere.com has no access")).to_be_visible(timeout=30_000)
    expect(page.locator(".st-key-menu")).to_have_count(0)


def test_an_admin_imports_in_the_browser_and_reads_it_in_the_audit_trail(login_app, page, tmp_path):
    from tests.support.dbcheck import audit_rows

    log_in(page, login_app, "admin@council.gov.uk")
    navigation = page.locator(".st-key-menu")
    page.goto(f"{login_app[0]}/load?kind=areas")  # a link to the page, kept past login by the session cookie
    wait_for_app(page)
    upload = tmp_path / "areas-update.csv"
    upload.write_text("name,region\nEaling,London\n")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
    page.get_by_role("button", name="Import 1 rows").click()
    expect(page.get_by_text("Imported.")).to_be_visible(timeout=60_000)
    navigation.get_by_role("link", name="Audit trail").click()
    wait_for_app(page)
    expect(page.get_by_text("Audit trail intact")).to_be_visible()
    [row] = audit_rows(login_app[1])
    assert (row["actor"], row["role"], row["file_name"], row["outcome"]) == (
        "admin@council.gov.uk",
        "admin",
        "areas-update.csv",
        "succeeded",
    )
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("1")
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    screenshot(page, "audit_trail_admin", height=1200)
