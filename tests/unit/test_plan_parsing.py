"""Dates and status words of the seed plans, parsed by the rules the actions import uses."""

import datetime as dt

import pytest

from yjs.domain import brag
from yjs.domain.dates import long_date, parse_plan_date
from yjs.importers import action_columns
from yjs.store.build import read_seed


def seed_actions():
    return read_seed("improvement_actions")


def test_every_seed_timescale_becomes_the_end_of_its_month():
    rows = seed_actions().dropna(subset=["due_text"])
    assert len(rows) == 35
    for text, expected in zip(rows["due_text"], rows["due_date"], strict=True):
        assert parse_plan_date(text, end_of_month=True).isoformat() == expected, text


def test_every_seed_start_becomes_the_first_of_its_month():
    rows = seed_actions().dropna(subset=["start_text"])
    for text, expected in zip(rows["start_text"], rows["start_date"], strict=True):
        assert parse_plan_date(text, end_of_month=False).isoformat() == expected, text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("March 2025", dt.date(2025, 3, 31)),
        ("Jan 24", dt.date(2024, 1, 31)),
        ("Sept 2023", dt.date(2023, 9, 30)),
        ("February 2024", dt.date(2024, 2, 29)),
        ("October 23", dt.date(2023, 10, 31)),
        ("2025-03", dt.date(2025, 3, 31)),
        ("31/03/2025", dt.date(2025, 3, 31)),
        ("", None),
    ],
)
def test_timescales(text, expected):
    assert parse_plan_date(text, end_of_month=True) == expected


@pytest.mark.parametrize("text", ["Ongoing", "Smarch 2025", "Q1 2025", "2025-13"])
def test_a_timescale_that_is_not_a_date_is_an_error(text):
    with pytest.raises(ValueError):
        parse_plan_date(text, end_of_month=True)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Completed Nov", brag.BLUE),
        ("Ongoing", None),
        ("In progress", None),
        ("Planned for April 24", None),
        ("Nov 2023", None),
        ("Completion in Jan - Ongoing", None),
        ("To be completed in April 2024", None),
        ("In progress following Awaited OOCD Guidance from YJB in Feb 2024", None),
        ("G", brag.GREEN),
        ("amber", brag.AMBER),
        ("Y", brag.BLUE),
        ("N", None),
        ("", None),
    ],
)
def test_status_words(text, expected):
    assert brag.status_from_cell(text) == expected


def test_every_seed_status_maps_or_stays_unassessed_and_only_completed_is_blue():
    words = seed_actions()["status_text"].dropna()
    statuses = {text: brag.status_from_cell(text) for text in words}
    assert {t for t, s in statuses.items() if s} == {"Completed Nov"}


@pytest.mark.parametrize("text", ["Yellow", "X", "3", "purple"])
def test_a_status_outside_the_scheme_is_an_error(text):
    with pytest.raises(ValueError, match="not in the BRAG scheme"):
        brag.status_from_cell(text)


@pytest.mark.parametrize(
    "heading, field",
    [
        ("Action/What", "action"),
        ("What did HMIP find/Why", "finding"),
        ("Lead/Who", "lead"),
        ("Timescale/When", "due"),
        ("Measures/How", "measures"),
        ("Quality Assurance/Know", "evidence"),
        ("BRAG", "status"),
        ("Area for improvement", "theme"),
        ("Actions", "action"),
        ("Action Owner(s)", "lead"),
        ("Commencement date", "start"),
        ("Completed Y/N (RAG)", "completed"),  # read by the completion-column rule (actions.apply_completed)
        ("Action / What", "action"),
    ],
)
def test_the_seed_plans_headings_map_without_manual_work(heading, field):
    assert action_columns.field_for(heading) == field


def test_long_dates():
    assert long_date(dt.date(2024, 9, 17)) == "17 September 2024"
