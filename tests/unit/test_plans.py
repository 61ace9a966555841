"""Editing actions (append-only history, stale edits refused) and the plan as it stood on a date."""

import datetime as dt
import io

import pandas as pd
import pytest

from tests.support.dbcheck import data_fingerprint, fetch
from yjs.data.db import Database
from yjs.data.plans import plan_history
from yjs.domain import brag, highlight, plans
from yjs.domain.exports import xlsx_workbook_bytes
from yjs.domain.roles import Actor
from yjs.store.plan_edits import ActionEdit, EditConflict, EditRefused, edit_action

PLAN = "reading-2024-12"


def frames(db):
    database = Database(db)
    try:
        return plan_history(database.query, PLAN)
    finally:
        database.close()


def action_id(db, ref="P1.1") -> int:
    return fetch(db, "SELECT action_id FROM improvement_actions WHERE plan = ? AND ref = ?", PLAN, ref)[0][0]


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2025, 2, day, hour)


def test_two_edits_leave_both_in_the_history(writable_db):
    target = action_id(writable_db)
    edit_action(
        writable_db,
        target,
        ActionEdit(status=brag.AMBER, note="Away day postponed"),
        actor=Actor("Ann", "editor"),
        read_version=0,
        now=at(3),
    )
    edit_action(
        writable_db,
        target,
        ActionEdit(status=brag.GREEN, due_date=dt.date(2025, 6, 30), reason="New date agreed"),
        actor=Actor("Bob", "editor"),
        read_version=2,
        now=at(10),
    )
    history = fetch(
        writable_db,
        "SELECT edited_by, field, old_value, new_value, reason FROM action_edits WHERE action_id = ? ORDER BY edit_id",
        target,
    )
    assert history == [
        ("Ann", "status", None, "Amber", None),
        ("Ann", "progress_note", None, "Away day postponed", None),
        ("Bob", "status", "Amber", "Green", None),
        ("Bob", "due_date", "2025-03-31", "2025-06-30", "New date agreed"),
    ]
    updates = fetch(
        writable_db,
        "SELECT update_date::VARCHAR, brag, note, updated_by FROM action_status_updates "
        "WHERE action_id = ? ORDER BY update_date",
        target,
    )
    assert updates == [("2025-02-03", "Amber", "Away day postponed", "Ann"), ("2025-02-10", "Green", None, "Bob")]
    assert fetch(writable_db, "SELECT brag FROM action_current_status WHERE action_id = ?", target) == [("Green",)]


def test_a_note_keeps_the_completion_month_mark_and_a_new_status_replaces_it(writable_db):
    [(target,)] = fetch(
        writable_db, "SELECT action_id FROM improvement_actions WHERE plan = 'ealing-2023-08' AND ref = '1b'"
    )
    editor = Actor("Ann", "editor")
    edit_action(writable_db, target, ActionEdit(note="Plan signed off"), actor=editor, read_version=0, now=at(3))
    current = (
        "SELECT brag, status_text, read_from, note FROM action_status_updates WHERE action_id = ? "
        "ORDER BY update_date DESC, recorded_at DESC NULLS LAST LIMIT 1"
    )
    assert fetch(writable_db, current, target) == [(brag.BLUE, "Oct 2023", brag.COMPLETION_MONTH, "Plan signed off")]
    edit_action(writable_db, target, ActionEdit(status=brag.AMBER), actor=editor, read_version=1, now=at(4))
    assert fetch(writable_db, current, target) == [(brag.AMBER, "At risk", None, None)]


def test_an_edit_from_a_stale_view_is_refused_changes_no_data_and_is_audited(writable_db):
    target = action_id(writable_db)
    edit_action(
        writable_db, target, ActionEdit(status=brag.RED), actor=Actor("Ann", "editor"), read_version=0, now=at(3)
    )
    before = data_fingerprint(writable_db)
    with pytest.raises(EditConflict, match="Ann changed this action on 3 February 2025 at 10:00"):
        edit_action(writable_db, target, ActionEdit(status=brag.BLUE), actor=Actor("Bob", "editor"), read_version=0)
    assert data_fingerprint(writable_db) == before
    assert fetch(writable_db, "SELECT actor, outcome FROM audit_log ORDER BY seq DESC LIMIT 1") == [("Bob", "refused")]


@pytest.mark.parametrize(
    "edit, message",
    [
        (ActionEdit(due_date=dt.date(2025, 6, 30)), "Give a reason"),
        (ActionEdit(evidence_link="javascript:alert(1)"), "must be a web address"),
        (ActionEdit(status="Purple"), "not a BRAG status"),
        (ActionEdit(), "Nothing to save"),
    ],
)
def test_invalid_edits_are_refused_with_a_reason(writable_db, edit, message):
    with pytest.raises(EditRefused, match=message):
        edit_action(writable_db, action_id(writable_db), edit, actor=Actor("Ann", "editor"), read_version=0)


def test_the_role_is_checked_on_every_edit_and_refusals_are_audited(writable_db):
    with pytest.raises(EditRefused, match=r"Ann \(viewer\) may not edit"):
        edit_action(
            writable_db,
            action_id(writable_db),
            ActionEdit(status=brag.RED),
            actor=Actor("Ann", "viewer"),
            read_version=0,
        )
    assert edit_action(
        writable_db, action_id(writable_db), ActionEdit(status=brag.RED), actor=Actor("Chair", "editor"), read_version=0
    ) == ["status"]
    trail = fetch(writable_db, "SELECT actor, event, outcome, subject FROM audit_log ORDER BY seq")
    subject = f"action {action_id(writable_db)}"
    assert trail[-2:] == [("Ann", "edit", "refused", subject), ("Chair", "edit", "succeeded", subject)]


def values(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as a plain value, every blank as None: a column a query read with no text in it has
    another dtype (and NaN for None) than the same column with text, which is not a different state."""
    return frame.astype(object).where(frame.notna(), None)


def test_as_at_reproduces_an_earlier_state_exactly(writable_db):
    first, second = action_id(writable_db, "P1.1"), action_id(writable_db, "P1.2")
    edit_action(
        writable_db,
        first,
        ActionEdit(status=brag.GREEN, evidence_link="https://example.org/a"),
        actor=Actor("Ann", "editor"),
        read_version=0,
        now=at(3),
    )
    before = plans.plan_as_at(*frames(writable_db), dt.date(2025, 2, 5))
    edit_action(
        writable_db,
        first,
        ActionEdit(
            status=brag.RED, due_date=dt.date(2025, 9, 30), reason="Slipped", evidence_link="https://example.org/b"
        ),
        actor=Actor("Bob", "editor"),
        read_version=2,
        now=at(6, 9),
    )
    edit_action(
        writable_db,
        second,
        ActionEdit(status=brag.BLUE, note="Done"),
        actor=Actor("Bob", "editor"),
        read_version=0,
        now=at(7),
    )
    after = frames(writable_db)
    pd.testing.assert_frame_equal(values(plans.plan_as_at(*after, dt.date(2025, 2, 5))), values(before))
    now = plans.plan_as_at(*after, dt.date(2025, 2, 7)).set_index("ref")
    assert now.loc["P1.1", ["status", "evidence_link"]].tolist() == [brag.RED, "https://example.org/b"]
    assert pd.Timestamp(now.loc["P1.1", "due_date"]).date() == dt.date(2025, 9, 30)
    assert now.loc["P1.2", "status"] == brag.BLUE


# 001 Appendix B, "Completed Y/N (RAG)": the actions whose cell is a month on or before 28 March 2024.
EALING_COMPLETION_MONTHS = {
    "1b": "Oct 2023", "2a": "Sept 2023", "3a": "Nov 2023", "5a": "Sept 2023", "5d": "Sept 2023",
    "7a": "Feb 24", "7c": "Nov 2023", "9a": "Nov 2023", "10b": "Nov 2023", "11": "Jan 2024",
    "15": "Dec 2023", "18": "Dec 23", "19a": "Dec 23", "19b": "Jan 24", "20": "Nov 23",
    "21a": "Jan 24", "21b": "Jan 24", "22": "Nov 23", "23": "Nov 2023",
}  # fmt: skip


def test_ealing_as_at_the_seed_date_reads_its_completion_months_as_complete(real_db):
    database = Database(real_db)
    tables = plan_history(database.query, "ealing-2023-08")
    state = plans.plan_as_at(*tables, dt.date(2024, 3, 28)).set_index("ref")
    assert len(state) == 50
    # 19 months read as completions, and "Completed Nov" (1a): 20 of 50 complete, not 1.
    assert state["status"].value_counts().to_dict() == {brag.NOT_ASSESSED: 30, brag.BLUE: 20}
    marked = state[state["read_from"] == brag.COMPLETION_MONTH]
    assert marked["status_text"].to_dict() == EALING_COMPLETION_MONTHS
    assert set(marked["status"]) == {brag.BLUE}
    assert state.loc["1a", ["status", "status_text"]].tolist() == [brag.BLUE, "Completed Nov"]
    assert pd.isna(state.loc["1a", "read_from"])
    # 6b's "Sept 2024" is after the status date: the planned completion, not a completion.
    assert state.loc["6b", ["status", "status_text", "due_text"]].tolist() == [
        brag.NOT_ASSESSED,
        "Sept 2024",
        "Sept 2024",
    ]
    assert pd.Timestamp(state.loc["6b", "due_date"]).date() == dt.date(2024, 9, 30)
    # Words with another meaning stay as written, unassessed.
    for ref in ("1d", "3b", "4a", "12a", "25"):
        assert state.loc[ref, "status"] == brag.NOT_ASSESSED, ref
    assert plans.plan_as_at(*tables, dt.date(2024, 3, 27))["status_text"].isna().all()


def synthetic():
    actions = pd.DataFrame(
        {
            "action_id": [1, 2, 3, 4],
            "ref": ["A", "B", "C", "D"],
            "theme": ["T1", "T1", "T2", None],
            "recommendations": [[1], [1], [2], None],
            "action": ["a", "b", "c", "d"],
            "lead": ["Ann", "Bob", "Ann", None],
            "due_date": pd.to_datetime(["2025-01-31", "2025-04-30", "2025-06-30", None]),
            "start_date": pd.NaT,
            "evidence_link": None,
        }
    )
    updates = pd.DataFrame(
        {
            "action_id": [1, 2, 3, 1, 3],
            "brag": ["Green", "Green", "Red", "Blue", "Red"],
            "update_date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-01-01", "2025-02-20", "2025-01-20"]),
            "recorded_at": pd.NaT,
            "status_text": None,
            "read_from": None,
            "note": None,
            "updated_by": "x",
        }
    )
    edits = pd.DataFrame(columns=["edit_id", "action_id", "edited_at", "field", "old_value"])
    return actions, updates, edits.astype({"edited_at": "datetime64[us]"})


def test_overdue_upcoming_and_coverage():
    state = plans.plan_as_at(*synthetic(), dt.date(2025, 4, 10))
    upcoming = plans.overdue_and_upcoming(state, dt.date(2025, 4, 10))
    assert upcoming[["ref", "window", "owner"]].values.tolist() == [
        ["C", "Due in 61-90 days", "Ann"],
        ["B", "Due within 30 days", "Bob"],
    ]
    recs = pd.DataFrame({"number": [1, 2, 3], "addressee": "YJS", "text": ["r1", "r2", "r3"]})
    coverage = plans.recommendation_coverage(state, recs)
    assert coverage["flag"].tolist() == ["", "Every action is Red", "No action answers it"]
    assert plans.status_counts(state, "theme")["Total"].tolist() == [1, 2, 1]


def test_the_highlight_report_compares_two_meetings():
    plan = {"title": "Test plan", "area": "Reading", "is_demo": False}
    report = highlight.highlight_report(plan, *synthetic(), dt.date(2025, 3, 1), dt.date(2025, 1, 15))
    assert report.completed[["ref", "completed"]].values.tolist() == [["A", "20 February 2025"]]
    assert report.slipped.empty  # C was already Red; A was done before it went overdue
    assert report.decisions[["ref", "last_update", "days_since_update"]].values.tolist() == [
        ["C", "20 January 2025", 40]
    ]
    counts = report.counts.set_index("status")
    assert counts.loc[brag.BLUE, ["then", "now", "change"]].tolist() == [0, 1, 1]
    later = highlight.highlight_report(plan, *synthetic(), dt.date(2025, 5, 10), dt.date(2025, 3, 1))
    assert later.slipped[["ref", "why"]].values.tolist() == [["B", "became overdue (due 30 April 2025)"]]
    markdown = highlight.to_markdown(report)
    assert "## Completed since 15 January 2025 (1)" in markdown and "| A | a | Ann |" in markdown
    assert "## Decisions needed (1)" in markdown
    workbook = xlsx_workbook_bytes(highlight.to_sheets(report))
    assert list(pd.read_excel(io.BytesIO(workbook), sheet_name=None)) == [
        "Status counts",
        "Completed",
        "Slipped",
        "Decisions needed",
    ]


def test_the_charts_label_every_status_in_words_and_mark_today():
    from yjs.charts import plans as charts_plans

    actions, updates, edits = synthetic()
    state = plans.plan_as_at(actions, updates, edits, dt.date(2025, 3, 1))
    figure = charts_plans.timeline(plans.timeline_rows(state, dt.date(2024, 12, 1)), dt.date(2025, 3, 1), title="t")
    labels = {text for trace in figure.data for text in trace.text}
    assert labels == {"Blue", "Green", "Red"}
    assert figure.layout.shapes[0].x0 == dt.date(2025, 3, 1)
    assert "Today, 1 March 2025" in figure.layout.annotations[0].text
    progress = plans.progress_over_time(actions, updates, edits, dt.date(2025, 3, 1))
    chart = charts_plans.progress(progress, title="p")
    assert [trace.name for trace in chart.data] == list(reversed(plans.STATUS_ORDER))
    assert sum(sum(trace.y) for trace in chart.data) == 4 * progress["date"].nunique()
    assert all(text.startswith(trace.name) for trace in chart.data for text in trace.text if text)


def test_the_latest_progress_commentary_stands_until_a_new_one_and_reaches_the_highlight_report(writable_db):
    target = action_id(writable_db)
    edit_action(
        writable_db,
        target,
        ActionEdit(note="Audit lead appointed"),
        actor=Actor("Ann", "editor"),
        read_version=0,
        now=at(3),
    )
    edit_action(
        writable_db, target, ActionEdit(status=brag.RED), actor=Actor("Bob", "editor"), read_version=1, now=at(10)
    )
    actions, updates, edits = frames(writable_db)
    before, after = (
        plans.plan_as_at(actions, updates, edits, day).set_index("action_id")
        for day in (dt.date(2025, 2, 2), dt.date(2025, 2, 11))
    )
    assert pd.isna(before.loc[target, "progress"])
    assert after.loc[target, "progress"] == "Audit lead appointed"  # a status-only update leaves it standing
    assert after.loc[target, "status"] == brag.RED
    report = highlight.highlight_report(
        {"title": "Reading plan", "area": "Reading", "is_demo": False},
        actions,
        updates,
        edits,
        dt.date(2025, 2, 11),
        dt.date(2025, 2, 2),
    )
    slipped = report.slipped.set_index("ref")
    assert slipped.loc["P1.1", "progress"] == "3 February 2025: Audit lead appointed"
    assert "| Latest progress |" in highlight.to_markdown(report)
