"""The improvement plan and highlight report pages under streamlit.testing: figures, edits, conflicts."""

import datetime as dt

from tests.support.apptest import open_expanders, open_page, shown
from tests.support.dbcheck import fetch
from yjs.domain import brag
from yjs.domain.roles import Actor
from yjs.store.plan_edits import ActionEdit, edit_action

PLAN_PAGE, REPORT_PAGE = "pages/plan.py", "pages/highlight.py"
READING = "Reading: Reading YJS HMIP Improvement Plan – December 2024"
EALING = "Ealing: HMIP Post-Inspection Improvement Plan August 2023"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def widget(elements, label):
    return next(element for element in elements if element.label == label)


def reading_action(db, ref="P1.1") -> int:
    return fetch(db, "SELECT action_id FROM improvement_actions WHERE plan = 'reading-2024-12' AND ref = ?", ref)[0][0]


def test_the_plan_shows_the_seed_counts_by_status(real_db, use_db):
    use_db(real_db)
    at = open_page(PLAN_PAGE, plan=EALING)
    expected = dict(
        fetch(
            real_db,
            "SELECT coalesce(brag, 'Not assessed'), count(*) FROM action_current_status "
            "WHERE plan = 'ealing-2023-08' GROUP BY 1",
        )
    )
    shown = metrics(at)
    assert shown["Actions"] == "50"
    assert {status: int(shown[status]) for status in expected} == expected
    assert any("Key:" in m.value and "off track" in m.value for m in at.markdown)
    assert not at.dataframe  # Ealing has more themes than fit open at once: each table is built when opened
    open_expanders(at, "theme_")
    assert any("Completed Nov" in frame.value.to_numpy().ravel().tolist() for frame in at.dataframe)


def test_ealings_completion_months_show_as_complete_each_with_its_mark(real_db, use_db):
    use_db(real_db)
    at = open_page(PLAN_PAGE, plan=EALING)
    assert metrics(at)["Blue"] == "20"  # 19 months in "Completed Y/N (RAG)" and "Completed Nov"; it was 1
    assert any("19 actions give a month in the plan's completion column" in c.value for c in at.caption)
    open_expanders(at, "theme_")
    rows = [row for frame in at.dataframe for row in frame.value.to_dict("records")]
    marked = [row for row in rows if row["Plan's status words"].endswith("(read from the completion month)")]
    assert len(marked) == 19 and {row["Status"] for row in marked} == {brag.BLUE}
    assert {"Ref": "1b", "Plan's status words": "Oct 2023 (read from the completion month)"}.items() <= next(
        row for row in rows if row["Ref"] == "1b"
    ).items()
    later = next(row for row in rows if row["Ref"] == "6b")  # "Sept 2024": after 28 March 2024, so planned
    assert (later["Status"], later["Plan's status words"], later["Due"]) == (
        "Not assessed",
        "Sept 2024",
        "30 September 2024",
    )


def test_ealings_highlight_report_lists_the_completions_with_their_month(real_db, use_db):
    use_db(real_db)
    at = open_page(REPORT_PAGE, plan=EALING, meeting="2024-04-01", previous="2024-02-01")
    completed = next(frame.value for frame in at.dataframe if "completed" in frame.value.columns).set_index("ref")
    assert len(completed) == 20
    assert completed.loc["2a", "completed"] == "September 2023 (read from the completion month)"
    assert completed.loc["1a", "completed"] == "28 March 2024"  # "Completed Nov": complete in words, no month


def test_readings_pillars_show_their_lead_and_board_sponsor(real_db, use_db):
    use_db(real_db)
    at = open_page(PLAN_PAGE, plan=READING)
    labels = [shown(e.label) for e in at.expander if e.key and e.key.startswith("theme_")]
    assert any(
        label.startswith("**Governance and Leadership** (lead: Michael O'Connor, Independent Board Chair)")
        for label in labels
    )
    assert any(label.startswith("**Staffing and Workforce Development** (lead: Lisa Bursill,") for label in labels)
    captions = " ".join(c.value for c in at.caption)
    assert "**Board sponsor:** Youth Justice, Thames Valley Police" in captions


def test_only_the_open_tab_is_built(real_db, use_db):
    """Switching tabs reruns the page (the tabs are bound to the link), so the hidden ones cost nothing."""
    use_db(real_db)

    def built(at) -> tuple[int, int, bool]:
        themes = sum("actions (" in e.label for e in at.expander)
        return themes, len(at.get("plotly_chart")), any(b.label == "Save changes" for b in at.button)

    themes = fetch(real_db, "SELECT count(DISTINCT theme) FROM improvement_actions WHERE plan = 'reading-2024-12'")[0][
        0
    ]
    assert themes > 1 and built(open_page(PLAN_PAGE, plan=READING)) == (themes, 0, False)
    assert built(open_page(PLAN_PAGE, plan=READING, view="Timeline")) == (0, 1, False)
    assert built(open_page(PLAN_PAGE, plan=READING, view="Edit and history")) == (0, 0, True)


def test_the_plan_as_at_an_earlier_date_shows_it_then(real_db, use_db):
    use_db(real_db)
    at = open_page(PLAN_PAGE, plan=EALING, as_at="2024-03-27")
    assert metrics(at)["Not assessed"] == "50"
    assert any("as it stood on 27 March 2024" in info.value for info in at.info)


def test_an_edit_in_the_app_shows_in_the_plan_the_history_and_the_report(writable_db, use_db):
    use_db(writable_db)
    target = reading_action(writable_db)
    at = open_page(
        PLAN_PAGE,
        plan=READING,
        view="Edit and history",
        edit_action="P1.1: Ensure board members are clear on their roles and responsibilities",
    )
    widget(at.selectbox, "New status").set_value(brag.BLUE)
    widget(at.text_area, "Progress note").input("Induction relaunched at the away day")
    widget(at.text_input, "Your name (recorded in the history as typed, unverified)").input("Board secretary")
    widget(at.button, "Save changes").click()
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("Saved: status, progress note" in s.value for s in at.success)
    assert fetch(
        writable_db,
        "SELECT brag, note, updated_by FROM action_current_status JOIN action_status_updates "
        "USING (action_id, brag) WHERE action_id = ?",
        target,
    ) == [(brag.BLUE, "Induction relaunched at the away day", "Board secretary (typed, unverified, local mode)")]
    assert metrics(at)["Blue"] == "1"
    cells = [v for frame in at.dataframe for v in frame.value.to_numpy().ravel().tolist()]
    assert "Induction relaunched at the away day" in cells and "Progress note" in cells

    report = open_page(REPORT_PAGE, plan=READING)
    completed = next(frame.value for frame in report.dataframe if "completed" in frame.value.columns)
    assert completed["ref"].tolist() == ["P1.1"]
    assert completed["completed"].tolist()[0].endswith(str(dt.date.today().year))


def test_an_edit_from_a_stale_form_is_refused_with_a_message(writable_db, use_db):
    use_db(writable_db)
    target = reading_action(writable_db)
    at = open_page(
        PLAN_PAGE,
        plan=READING,
        view="Edit and history",
        edit_action="P1.1: Ensure board members are clear on their roles and responsibilities",
    )
    edit_action(
        writable_db, target, ActionEdit(status=brag.AMBER), actor=Actor("Someone else", "editor"), read_version=0
    )
    at.run()  # a rerun in between (another widget, a tab) keeps the version the form was drawn from
    widget(at.selectbox, "New status").set_value(brag.GREEN)
    widget(at.button, "Save changes").click()
    at.run()
    assert any(
        "someone else changed this action" in e.value and "Your change, to make again: status Green" in e.value
        for e in at.error
    )
    assert fetch(writable_db, "SELECT brag FROM action_current_status WHERE action_id = ?", target) == [(brag.AMBER,)]


def test_a_due_date_change_without_a_reason_is_refused(writable_db, use_db):
    use_db(writable_db)
    at = open_page(PLAN_PAGE, plan=READING, view="Edit and history")
    widget(at.date_input, "Due date").set_value(dt.date(2025, 12, 31))
    widget(at.button, "Save changes").click()
    at.run()
    assert any("Give a reason" in e.value for e in at.error)
    assert fetch(writable_db, "SELECT count(*) FROM action_edits") == [(0,)]


def test_the_highlight_report_of_a_demo_plan_says_it_is_demo(demo_db, use_db):
    use_db(demo_db)
    plan = fetch(
        demo_db,
        "SELECT p.area || ': ' || p.title FROM improvement_plans p JOIN areas a ON a.name = p.area "
        "WHERE a.is_demo ORDER BY p.area LIMIT 1",
    )[0][0]
    at = open_page(REPORT_PAGE, shared={"demo": "true"}, plan=plan, meeting="2024-06-30", previous="2024-01-31")
    assert any("Demo data" in w.value for w in at.warning)
    assert [h.value for h in at.subheader][0] == "Board meeting of 30 June 2024, compared with 31 January 2024"
    assert len(at.get("download_button")) == 2
