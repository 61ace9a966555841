"""Login and roles under streamlit.testing (at.user), and the admins' audit trail page."""

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.support import tamper
from tests.support.apptest import log_in, roles_file
from yjs.app.navigation import PAGES
from yjs.domain.plaintext import markdown_text as md
from yjs.importers import KINDS, ImportFailed, run_import

ROOT = Path(__file__).resolve().parents[2]
ROLES = {"chair@council.gov.uk": "viewer", "lead@council.gov.uk": "editor", "admin@council.gov.uk": "admin"}
RESTRICTED = ("pages/load.py", "pages/audit.py")
VIEWER_PAGES = [page.path for page in PAGES if page.path not in RESTRICTED]


@pytest.fixture
def roles(tmp_path):
    return roles_file(tmp_path, ROLES, {"partner.org": "viewer"})


def app_as(email, roles, **query):
    at = log_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60), email, roles)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def registered(at) -> list[str]:
    """The pages st.navigation registered for this session (AppTest lists them when asked for another)."""
    with pytest.raises(ValueError) as unknown:
        at.switch_page("app.py")  # exists, never a page of its own
    listed = str(unknown.value).split("Known pages: ")[1]
    return sorted(
        Path(p.strip(" '[].")).relative_to(ROOT).as_posix()
        for p in listed.split(",")
        if p.strip(" '[].").startswith(str(ROOT))
    )


@pytest.mark.parametrize(
    "email, pages",
    [
        ("chair@council.gov.uk", VIEWER_PAGES),
        ("someone@partner.org", VIEWER_PAGES),  # by domain
        ("lead@council.gov.uk", VIEWER_PAGES + ["pages/load.py"]),
        ("admin@council.gov.uk", VIEWER_PAGES + ["pages/load.py", "pages/audit.py"]),
    ],
)
def test_each_role_gets_only_its_pages_so_a_guessed_url_finds_nothing(real_db, use_db, roles, email, pages):
    use_db(real_db)
    at = app_as(email, roles)
    assert not at.exception, at.exception
    assert registered(at) == sorted(pages)
    caption = " ".join(c.value for c in at.sidebar.caption)
    assert f"Logged in as **{md(email)}** ({ROLES.get(email, 'viewer')})" in caption
    assert at.sidebar.button(key="logout").label == "Log out"


def test_a_visitor_who_has_not_logged_in_sees_only_the_login_button(real_db, use_db, roles):
    use_db(real_db)
    at = app_as(None, roles, area="Ealing")
    assert [b.label for b in at.button] == ["Log in"]
    assert not at.dataframe and not at.metric and not at.sidebar.multiselect
    with pytest.raises(ValueError):
        at.switch_page("pages/overview.py")


def test_an_address_not_in_the_roles_file_is_refused_by_name(real_db, use_db, roles):
    use_db(real_db)
    at = app_as("stranger@elsewhere.com", roles)
    assert f"{md('stranger@elsewhere.com')} has no access" in at.error[0].value
    assert not at.dataframe and [b.label for b in at.button] == ["Log out"]


def test_a_broken_roles_file_stops_everyone_with_its_fault(real_db, use_db, tmp_path):
    use_db(real_db)
    broken = tmp_path / "broken.toml"
    broken.write_text('[users]\n"lead@council.gov.uk" = "superuser"\n')
    at = app_as("lead@council.gov.uk", broken)
    assert "Access cannot be checked" in at.error[0].value and "'superuser'" in at.error[0].value
    assert not at.dataframe


def test_without_login_the_app_is_a_local_editor_and_says_so(real_db, use_db):
    use_db(real_db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert "Local single-user mode" in " ".join(c.value for c in at.sidebar.caption)
    assert registered(at) == sorted(VIEWER_PAGES + ["pages/load.py"])


def test_a_viewer_gets_no_save_group_form(demo_db, use_db, roles):
    use_db(demo_db)
    for email, expected in (("chair@council.gov.uk", 0), ("lead@council.gov.uk", 1)):
        at = app_as(email, roles, demo="true", area="Thamesreach")
        at.switch_page("pages/benchmarking.py").run()
        assert len(at.get("form")) == expected, email


def test_the_audit_trail_lists_imports_failures_and_refusals_and_downloads(writable_db, use_db, roles, tmp_path):
    from yjs.domain.roles import Actor, PermissionDenied

    use_db(writable_db)
    good = tmp_path / "good.csv"
    good.write_text("area,published,overall_rating\nEaling,2024-06-01,Good\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("area,published\nAtlantis,2024-06-01\nNowhere,2024-06-01\n")
    run_import(KINDS["inspections"], good, writable_db, actor=Actor("lead@council.gov.uk", "editor"))
    with pytest.raises(ImportFailed):
        run_import(KINDS["inspections"], bad, writable_db, actor=Actor("lead@council.gov.uk", "editor"))
    with pytest.raises(PermissionDenied):
        run_import(KINDS["inspections"], good, writable_db, actor=Actor("chair@council.gov.uk", "viewer"))
    at = app_as("admin@council.gov.uk", roles)
    at.switch_page("pages/audit.py").run()
    assert not at.exception, at.exception
    assert "Audit trail intact: 3 row(s)" in at.success[0].value
    table = at.dataframe[0].value
    assert table["Outcome"].tolist() == ["Refused", "Failed", "Succeeded"]
    assert table["File"].tolist() == ["good.csv", "bad.csv", "good.csv"]
    assert table.iloc[1]["Problems"] == 2 and table.iloc[2]["Added"] == 1
    assert table.iloc[2]["Who"] == "lead@council.gov.uk" and table.iloc[0]["Who"] == "chair@council.gov.uk"
    assert [b.proto.label for b in at.get("download_button")] == ["Download CSV", "Download XLSX"]
    at.multiselect(key="outcomes").set_value(["failed"]).run()
    assert at.dataframe[0].value["File"].tolist() == ["bad.csv"]


def audit_page_after(db, change_by_hand: str, use_db, roles):
    """The admin's audit page after someone changed the file outside the app."""
    con = duckdb.connect(str(db))
    con.execute(change_by_hand)
    con.close()
    use_db(db)
    at = app_as("admin@council.gov.uk", roles)
    return at.switch_page("pages/audit.py").run()


def test_the_audit_page_shows_a_row_altered_outside_the_app(writable_db, use_db, roles, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("area,published,overall_rating\nEaling,2024-06-01,Good\n")
    run_import(KINDS["inspections"], good, writable_db)
    at = audit_page_after(writable_db, "UPDATE audit_log SET actor = 'someone else'", use_db, roles)
    assert "**Audit trail altered** outside the app" in at.error[0].value
    assert md("row 1 does not carry the key's checksum: it was changed or rewritten") in at.error[0].value


def test_a_database_built_before_the_audit_trail_says_nothing_is_recorded_yet(writable_db, use_db, roles):
    at = audit_page_after(writable_db, "DROP TABLE audit_log", use_db, roles)
    assert not at.exception and "Nothing has been recorded yet" in at.info[0].value


def test_an_upload_over_the_size_limit_is_refused_with_its_size(writable_db, use_db, roles, monkeypatch):
    from tests.support.dbcheck import data_fingerprint
    from yjs.importers import tabular

    monkeypatch.setattr(tabular, "MAX_FILE_BYTES", 40)  # the limit, scaled down to a test-sized file
    use_db(writable_db)
    before = data_fingerprint(writable_db)
    at = app_as("lead@council.gov.uk", roles, kind="indicators")
    at.switch_page("pages/load.py").run()
    assert "(up to 250 MB)" in at.file_uploader[0].label
    at.file_uploader[0].upload("big.csv", b"area,indicator,period,value\n" + b"Ealing,fte_rate,2024,151\n" * 3).run()
    assert "the limit is 250 MB" in at.error[0].value and "Nothing was written" in at.error[0].value
    assert not at.main.button and data_fingerprint(writable_db) == before  # no Import button


def test_an_editor_imports_on_the_page_and_the_trail_names_them(writable_db, use_db, roles):
    from tests.support.dbcheck import audit_rows

    use_db(writable_db)
    at = app_as("lead@council.gov.uk", roles, kind="indicators")
    at.switch_page("pages/load.py").run()
    at.file_uploader[0].upload("good.csv", b"area,indicator,period,value\nEaling,fte_rate,2025,151\n").run()
    at.main.button[0].click().run()
    assert "backed up first" in at.success[0].value
    [row] = audit_rows(writable_db)
    assert (row["actor"], row["role"], row["file_name"], row["rows_added"]) == (
        "lead@council.gov.uk",
        "editor",
        "good.csv",
        1,
    )


@pytest.mark.parametrize("attack", tamper.ATTACKS, ids=lambda a: a.__name__)
def test_every_attack_on_the_trail_shows_as_altered_on_the_admin_page(writable_db, use_db, roles, tmp_path, attack):
    for month in (1, 2, 3):
        good = tmp_path / f"good-{month}.csv"
        good.write_text(f"area,published,overall_rating\nEaling,2024-0{month}-01,Good\n")
        run_import(KINDS["inspections"], good, writable_db)
    attack(writable_db)
    use_db(writable_db)
    at = app_as("admin@council.gov.uk", roles)
    at.switch_page("pages/audit.py").run()
    assert not at.exception, at.exception
    assert "**Audit trail altered** outside the app" in at.error[0].value
    assert not at.success and not any("Nothing has been recorded" in i.value for i in at.info)
