"""The real login flow: Streamlit's OIDC login against a local provider on loopback, then roles."""

import os
import re
import shutil

import pytest
from playwright.sync_api import expect

from tests.support import oidc, tamper
from tests.support.apptest import roles_file
from tests.support.browser import screenshot, wait_for_app
from yjs.perf.server import free_port, start_background

ROLES = {"lead@council.gov.uk": "editor", "chair@council.gov.uk": "viewer", "admin@council.gov.uk": "admin"}
# Two services of a partnership, each with a person whose role covers it only (demo areas: they have children's
# records and plans).
OWN_SERVICE = {"lead@thamesreach.gov.uk": ("editor", "Thamesreach"), "viewer@larkspur.gov.uk": ("viewer", "Larkspur")}
LOCKED = "are shown only to their own service's staff"


def roles_with_services(folder):
    path = roles_file(folder, ROLES)
    scoped = "".join(
        f'"{email}" = {{ role = "{role}", areas = ["{area}"] }}\n' for email, (role, area) in OWN_SERVICE.items()
    )
    path.write_text(path.read_text().replace("[users]\n", "[users]\n" + scoped))
    return path


@pytest.fixture(scope="module")
def login_app(demo_db, tmp_path_factory):
    oidc.ensure_installed()
    folder = tmp_path_factory.mktemp("login")
    app_port, provider_port = free_port(), free_port()
    provider = oidc.start(provider_port, f"http://127.0.0.1:{app_port}/oauth2callback")
    secrets = oidc.secrets_toml(folder / "secrets.toml", app_port, provider_port, roles_with_services(folder))
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

    # Someone with the file (not the key) empties the trail and puts the file back; then it is put right again.
    db, kept, forged = login_app[1], tmp_path / "kept.duckdb", tmp_path / "forged.duckdb"
    shutil.copyfile(db, kept)
    shutil.copyfile(db, forged)
    tamper.empty_the_table(forged)
    os.replace(forged, db)
    page.reload()
    wait_for_app(page)
    expect(page.get_by_text("Audit trail altered")).to_be_visible()
    expect(page.get_by_text("the trail ends at row 0 but the pin says it had 1: rows were removed")).to_be_visible()
    screenshot(page, "audit_trail_altered", height=1000)
    os.replace(kept, db)


def test_a_viewer_of_one_service_sees_its_childrens_records_and_only_published_figures_of_another(login_app, page):
    url = login_app[0]
    log_in(page, login_app, "viewer@larkspur.gov.uk")
    expect(page.get_by_test_id("stSidebar")).to_contain_text(
        "Logged in as viewer@larkspur.gov.uk (viewer, for Larkspur)"
    )
    page.goto(f"{url}/cohort?demo=true&area=Thamesreach")
    wait_for_app(page)
    expect(page.get_by_text(LOCKED)).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    screenshot(page, "scoped-viewer-other-service", height=1100)
    page.goto(f"{url}/scorecard?demo=true&area=Thamesreach")  # published figures: every area
    wait_for_app(page)
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    page.goto(f"{url}/cohort?demo=true&area=Larkspur")
    wait_for_app(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="Children matching the filters")).to_be_visible()


def test_an_editor_of_one_service_imports_its_figures_and_is_refused_anothers(login_app, page, tmp_path):
    from tests.support.dbcheck import fetch

    url, db = login_app
    log_in(page, login_app, "lead@thamesreach.gov.uk")
    page.goto(f"{url}/load?kind=indicators")
    wait_for_app(page)
    other = tmp_path / "larkspur.csv"
    other.write_text("area,indicator,period,value\nLarkspur,fte_rate,2019,151\n")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(other))
    expect(page.get_by_text("may import indicators only for Thamesreach; this would change Larkspur")).to_be_visible(
        timeout=30_000
    )
    expect(page.get_by_role("button", name=re.compile("^Import"))).to_have_count(0)
    screenshot(page, "scoped-editor-refused", height=1100)
    own = tmp_path / "thamesreach.csv"
    own.write_text("area,indicator,period,value\nThamesreach,fte_rate,2019,152\n")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(own))
    page.get_by_role("button", name="Import 1 rows").click()
    expect(page.get_by_text("Imported.")).to_be_visible(timeout=60_000)
    assert fetch(db, "SELECT value FROM indicator_values WHERE area = 'Thamesreach' AND period = '2019' "
                 "AND indicator_code = 'fte_rate'") == [(152.0,)]  # fmt: skip
    assert fetch(db, "SELECT count(*) FROM indicator_values WHERE area = 'Larkspur' AND value = 151") == [(0,)]
