"""Plans compared across services: the one query over every plan agrees with each plan's own view, and the
shares, flags, order and charts say what the page claims."""

import datetime as dt

import pandas as pd
import pytest

from yjs.charts import plans as charts_plans
from yjs.charts.base import AREA_COLOUR, BRAG_COLOURS, COMPARATOR_GREY
from yjs.data.db import Database
from yjs.data.plans import plan_history, plans_by_area_and_date
from yjs.domain import brag, plan_progress, plans
from yjs.domain.roles import Actor
from yjs.store.plan_edits import ActionEdit, edit_action

TODAY = dt.date(2026, 11, 30)


def each_plan_as_it_stood(db, as_at: dt.date, show_demo: bool):
    """(the across-services row, that plan's own state as the Improvement plan page builds it) for every plan."""
    database = Database(db)
    try:
        progress = plan_progress.progress_at(plans_by_area_and_date(database.query, show_demo, [], as_at), as_at)
        for row in progress.itertuples(index=False):
            yield row, plans.plan_as_at(*plan_history(database.query, row.plan), as_at)
    finally:
        database.close()


@pytest.mark.parametrize("as_at", [TODAY, dt.date(2024, 6, 30), dt.date(2023, 1, 31)])
def test_every_plans_counts_equal_its_own_plan_view(demo_db, as_at):
    checked = 0
    for row, state in each_plan_as_it_stood(demo_db, as_at, show_demo=True):
        counts = state["status"].value_counts()
        assert {s: getattr(row, c) for s, c in plan_progress.COUNT_COLUMNS.items()} == {
            s: int(counts.get(s, 0)) for s in plan_progress.COUNT_COLUMNS
        }, row.area
        assert (row.actions, row.overdue) == (len(state), int(state["overdue"].sum())), row.area
        checked += 1
    assert checked > 50


def test_edits_are_seen_as_they_stood_each_day(writable_db):
    """An edit today (a status and a later due date) is counted today and not the day before, as the plan page
    counts it."""
    database = Database(writable_db)
    actions, _updates, _edits = plan_history(database.query, "reading-2024-12")
    database.close()
    action = int(actions.loc[actions["ref"] == "P1.1", "action_id"].iloc[0])
    edit_action(
        writable_db,
        action,
        ActionEdit(status=brag.RED, due_date=dt.date(2030, 1, 31), reason="Re-planned"),
        actor=Actor("Ann", "editor"),
        read_version=0,
        now=dt.datetime(2026, 11, 30, 9),
    )
    for as_at, red, overdue in ((dt.date(2026, 11, 29), 0, 35), (TODAY, 1, 34)):
        ((row, state),) = [
            pair for pair in each_plan_as_it_stood(writable_db, as_at, False) if pair[0].area == "Reading"
        ]
        assert (row.red, row.overdue) == (red, overdue)
        assert (row.red, row.overdue) == ((state["status"] == brag.RED).sum(), state["overdue"].sum())


def test_with_demo_off_the_real_seed_plans_are_shown(real_db):
    rows = {row.area: row for row, _state in each_plan_as_it_stood(real_db, TODAY, show_demo=False)}
    assert set(rows) == {"Reading", "Ealing", "Tower Hamlets and City of London"}
    ealing = rows["Ealing"]
    assert (ealing.actions, ealing.blue, ealing.not_assessed) == (50, 20, 30)  # 20 read from completion months
    assert ealing.rating_answered == "Requires improvement (Sep 2023)"
    assert rows["Reading"].update_flag == plan_progress.NO_UPDATE and rows["Reading"].stale


def fixture_frame() -> pd.DataFrame:
    """Three plans on one day: complete but quiet, partly done and fresh, never updated."""
    base = {"region": "London", "is_demo": True, "title": "Plan", "plan_date": pd.Timestamp("2024-01-01")}
    base |= {"source": "demo", "inspection_rating": "Good", "inspection_date": pd.Timestamp("2023-09-12")}
    rows = [
        ("Alder", 91, 10, 10, 0, 0, 0, 0, 0),
        ("Birch", 90, 10, 4, 3, 2, 1, 0, 2),
        ("Cedar", None, 6, 0, 0, 0, 0, 6, 1),
    ]
    return pd.DataFrame(
        [
            base
            | {
                "area": area,
                "plan": area.lower(),
                "last_update": pd.Timestamp(TODAY) - pd.Timedelta(days=days) if days else pd.NaT,
                "date": pd.Timestamp(TODAY),
                "actions": actions,
                **dict(zip(["blue", "green", "amber", "red", "not_assessed", "overdue"], counts, strict=True)),
            }
            for area, days, actions, *counts in rows
        ]
    )


def test_shares_flags_and_the_rating_the_plan_answers():
    progress = plan_progress.progress_at(fixture_frame(), TODAY).set_index("area")
    assert progress.loc["Birch", ["blue_share", "green_share", "amber_share", "red_share"]].tolist() == [
        0.4,
        0.3,
        0.2,
        0.1,
    ]
    assert progress["stale"].to_dict() == {"Alder": True, "Birch": False, "Cedar": True}  # 91 days, 90 days, never
    assert progress.loc["Alder", "update_flag"] == "Over 90 days ago (91 days)"
    assert progress.loc["Birch", "update_flag"] == ""
    assert progress.loc["Cedar", "update_flag"] == "No status recorded"
    assert progress.loc["Alder", "rating_answered"] == "Good (Sep 2023)"


@pytest.mark.parametrize(
    "sort,order",
    [
        ("Share complete, least first", ["Cedar", "Birch", "Alder"]),
        ("Overdue actions, most first", ["Birch", "Cedar", "Alder"]),
        ("Last status update, oldest first", ["Cedar", "Alder", "Birch"]),  # never updated counts as oldest
        ("Area", ["Alder", "Birch", "Cedar"]),
    ],
)
def test_sorting(sort, order):
    progress = plan_progress.progress_at(fixture_frame(), TODAY)
    assert plan_progress.sorted_progress(progress, sort)["area"].tolist() == order


def test_the_table_and_summary_say_it_in_words():
    progress = plan_progress.progress_at(fixture_frame(), TODAY)
    table = plan_progress.as_table(progress).set_index("Area")
    assert table.loc["Birch", ["Blue %", "Green %", "Amber %", "Red %", "Not assessed %", "Overdue"]].tolist() == [
        40,
        30,
        20,
        10,
        0,
        2,
    ]
    assert table.loc["Birch", "Last status update"] == "1 September 2026"
    assert plan_progress.summary_sentence(progress, "demo") == (
        "3 plans (demo), 26 actions, 54% of them complete. 2 plans with overdue actions; 2 plans with no status "
        "update in the last 90 days (or none at all)."
    )


def test_the_status_bars_label_each_share_in_words_and_mark_the_chosen_area():
    progress = plan_progress.sorted_progress(plan_progress.progress_at(fixture_frame(), TODAY), "Area")
    figure = charts_plans.status_shares(progress, highlight="Birch", title="Status")
    bars = {trace.name.split(":")[0]: trace for trace in figure.data if trace.type == "bar"}
    assert list(bars) == [brag.BLUE, brag.GREEN, brag.AMBER, brag.RED, brag.NOT_ASSESSED]  # complete on the left
    assert bars[brag.BLUE].marker.color == BRAG_COLOURS[brag.BLUE]
    assert list(bars[brag.BLUE].text) == ["Blue 100%", "Blue 40%", ""]
    assert list(bars[brag.RED].text) == ["", "R 10%", ""]  # too narrow for the word: its initial
    assert list(bars[brag.BLUE].y)[1] == "<b>Birch ◀</b>" and list(bars[brag.BLUE].marker.line.width) == [1, 3, 1]
    ends = next(trace for trace in figure.data if trace.type == "scatter")
    assert list(ends.text) == ["  10 actions · 0 overdue", "  10 actions · 2 overdue", "  6 actions · 1 overdue"]


def test_completion_over_time_highlights_the_chosen_area_among_many():
    days = pd.date_range("2025-01-01", periods=3, freq="MS")
    series = pd.DataFrame(
        [
            {"area": f"Area {n}", "date": day, "complete_share": k / 4, "complete": k, "actions": 4}
            for n in range(10)
            for k, day in enumerate(days)
        ]
    )
    figure = charts_plans.completion_lines(series, highlight="Area 3", title="Complete")
    colours = {trace.name: trace.line.color for trace in figure.data}
    assert colours.pop("<b>Area 3 (your area)</b>") == AREA_COLOUR
    assert set(colours.values()) == {COMPARATOR_GREY}
    assert figure.data[-1].name.startswith("<b>Area 3")  # drawn last, on top
    assert [a.text for a in figure.layout.annotations] == ["<b>Area 3</b>"]
    assert all(trace.line.shape == "hv" for trace in figure.data)  # a share holds until the next update
    others = figure.data[0]  # the nine other areas in one trace, broken between areas
    assert len(others.x) == 9 * 4 and sum(pd.isna(y) for y in others.y) == 9 and not others.connectgaps
