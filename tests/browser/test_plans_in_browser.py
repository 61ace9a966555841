"""Improvement plans in a real browser: an edit shows in the plan, its history and the next highlight
report; a stale edit is refused; a plan imports through the column mapping. Checked against the database."""

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support.browser import choose, screenshot, served, wait_for_app
from tests.support.dbcheck import fetch
from tests.unit.test_import_actions import reading_table
from yjs.domain import brag
from yjs.domain.roles import Actor
from yjs.importers import KINDS, run_import
from yjs.store.plan_edits import ActionEdit, edit_action

READING = "plan=Reading%3A+Reading+YJS+HMIP+Improvement+Plan+%E2%80%93+December+2024"
EALING = "plan=Ealing%3A+HMIP+Post-Inspection+Improvement+Plan+August+2023"


@pytest.fixture(scope="module")
def plan_db(real_db, tmp_path_factory):
    """A private database these tests write to, behind its own server."""
    target = tmp_path_factory.mktemp("plans") / "yjs.duckdb"
    shutil.copyfile(real_db, target)
    return target


@pytest.fixture(scope="module")
def plan_url(plan_db):
    with served(plan_db) as url:
        yield url


def choose_action(page, ref: str) -> None:
    """Pick an action to edit and wait until the form is drawn for it (the old one is replaced)."""
    choose(page, page.get_by_role("combobox", name="Action"), ref)
    expect(page.get_by_test_id("stForm")).to_contain_text(f"{ref}:", timeout=30_000)
    wait_for_app(page)


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    wait_for_app(page)


def reading_action(db, ref: str) -> int:
    return fetch(db, "SELECT action_id FROM improvement_actions WHERE plan = 'reading-2024-12' AND ref = ?", ref)[0][0]


def test_an_edit_shows_in_the_plan_the_history_and_the_highlight_report(page, plan_url, plan_db):
    page.goto(f"{plan_url}/plan?{READING}")
    wait_for_app(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="Actions")).to_contain_text("36")
    expect(page.get_by_text("(lead: Michael O'Connor, Independent Board Chair)")).to_be_visible()
    expect(page.get_by_text("Board sponsor: Chantal Foster")).to_be_visible()
    screenshot(page, "plan-reading", height=3400)
    open_tab(page, "Edit and history")
    choose_action(page, "P1.3")
    choose(page, page.get_by_role("combobox", name="New status"), "Red")
    page.get_by_label("Progress note").fill("Audit lead post still vacant")
    page.get_by_label("Your name (recorded in the history as typed, unverified)").fill("Board secretary")
    page.get_by_role("button", name="Save changes").click()
    wait_for_app(page)
    expect(page.get_by_text("Saved: status, progress note")).to_be_visible(timeout=30_000)  # a write copies the file
    target = reading_action(plan_db, "P1.3")
    typed = "Board secretary (typed, unverified, local mode)"
    assert fetch(plan_db, "SELECT brag, note, updated_by FROM action_status_updates WHERE action_id = ?", target) == [
        (brag.RED, "Audit lead post still vacant", typed)
    ]
    assert fetch(
        plan_db, "SELECT field, new_value, edited_by FROM action_edits WHERE action_id = ? ORDER BY edit_id", target
    ) == [("status", "Red", typed), ("progress_note", "Audit lead post still vacant", typed)]
    expect(page.get_by_test_id("stMetric").filter(has_text="Red")).to_contain_text("1")
    expect(page.get_by_text("No field of this action has been changed")).to_have_count(0)
    screenshot(page, "plan-reading-edited")

    page.goto(f"{plan_url}/highlight?{READING}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name=re.compile(r"Slipped since .* \(\d+\)"))).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download Markdown").click()
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert "| P1.3 | Develop audit framework and audit lead to ensure consistency |" in markdown
    assert "turned Red (was Not assessed)" in markdown
    red_now = fetch(
        plan_db, "SELECT count(*) FROM action_current_status WHERE plan = 'reading-2024-12' AND brag = 'Red'"
    )
    assert f"| Red | 0 | {red_now[0][0]} | {red_now[0][0]} |" in markdown
    screenshot(page, "highlight-reading")


def test_ealings_completion_months_read_as_complete_with_their_mark(page, plan_url):
    page.goto(f"{plan_url}/plan?{EALING}")
    wait_for_app(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="Blue")).to_contain_text("20")
    expect(page.get_by_text("19 actions give a month in the plan's completion column")).to_be_visible()
    for theme in ("Further develop our strategic", "Increase the stability"):  # "Oct 2023", "Sept 2023" among them
        box = page.get_by_test_id("stExpander").filter(has_text=theme)
        box.locator("summary").click()
        wait_for_app(page)
        expect(box.get_by_test_id("stDataFrame")).to_be_visible()
    screenshot(page, "plan-ealing", height=3000)


def test_an_edit_from_a_stale_view_is_refused_in_the_browser(page, plan_url, plan_db):
    page.goto(f"{plan_url}/plan?{READING}")
    wait_for_app(page)
    open_tab(page, "Edit and history")
    choose_action(page, "P2.1")
    target = reading_action(plan_db, "P2.1")
    edit_action(plan_db, target, ActionEdit(status=brag.AMBER), actor=Actor("Another editor", "editor"), read_version=0)
    choose(page, page.get_by_role("combobox", name="New status"), "Green")
    page.get_by_role("button", name="Save changes").click()
    wait_for_app(page)
    expect(page.get_by_text("Not saved: someone else changed this action.")).to_be_visible(timeout=30_000)
    assert fetch(plan_db, "SELECT brag FROM action_current_status WHERE action_id = ?", target) == [(brag.AMBER,)]
    screenshot(page, "plan-stale-edit")


def test_a_plan_imports_through_the_column_mapping(page, plan_url, plan_db, tmp_path):
    path = tmp_path / "reading-plan.csv"
    reading_table().to_csv(path, index=False)
    page.goto(f"{plan_url}/load?kind=actions")
    wait_for_app(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    wait_for_app(page)
    expect(page.get_by_text("Column mapping")).to_be_visible()
    expect(page.get_by_role("combobox", name="“Action/What”")).to_have_value("action")
    expect(page.get_by_role("combobox", name="“Timescale/When”")).to_have_value("due")
    expect(page.get_by_text("every row is valid")).to_be_visible()
    screenshot(page, "load-actions")
    page.get_by_role("button", name=re.compile(r"Import 36 rows")).click()
    expect(page.get_by_text(re.compile(r"Imported\. reading-plan\.csv: 36 actions rows valid; 0 added"))).to_be_visible(
        timeout=30_000
    )
    assert fetch(plan_db, "SELECT count(*) FROM improvement_actions WHERE plan = 'reading-2024-12'") == [(36,)]


HOSTILE_ACTION = (
    "Board to read ![x](http://evil.example/x.png) and <img src=http://evil.example/y.png> "
    "or [the pack](http://evil.example/z)"
)


def test_imported_text_is_shown_as_text_and_its_image_is_never_fetched(page, plan_url, plan_db, tmp_path):
    """The attack: a Markdown image in an imported action was fetched by the editor's browser on the Edit tab."""
    path = tmp_path / "hostile-plan.csv"
    path.write_text(f'area,ref,action,status\nReading,X9,"{HOSTILE_ACTION}",Green\n', encoding="utf-8")
    run_import(KINDS["actions"], path, plan_db)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{plan_url}/plan?{READING}")
    wait_for_app(page)
    open_tab(page, "Edit and history")
    choose_action(page, "X9")
    shown = page.get_by_test_id("stForm").get_by_test_id("stMarkdownContainer").first.inner_text()
    assert shown.replace("\u2060", "").splitlines()[0] == f"X9: {HOSTILE_ACTION}"  # as imported (a word joiner in URLs)
    expect(page.get_by_test_id("stForm").locator("img[src*='evil'], a[href*='evil']")).to_have_count(0)
    screenshot(page, "plan-hostile-text", height=1400)
    open_tab(page, "By theme")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "evil.example" in url]
