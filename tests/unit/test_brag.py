"""BRAG statuses from the free text of real plans (seed 001, Appendix B)."""

import datetime as dt

import pytest

from yjs.domain import brag


@pytest.mark.parametrize(
    "text,status",
    [
        ("Completed Nov", "Blue"),
        ("complete", "Blue"),
        ("On track for March", "Green"),
        ("Delayed by recruitment", "Amber"),
        ("Off track", "Red"),
        ("Overdue", "Red"),
        ("To be completed in April 2024", None),
        ("workshops delivered by Feb 2024 – YJB Training rollout May 24", None),
        ("In progress", None),
        ("Oct 2023", None),
        ("Planned for April 24", None),
        ("", None),
        (None, None),
    ],
)
def test_status_from_text_maps_only_clear_wording(text, status):
    assert brag.status_from_text(text) == status


@pytest.mark.parametrize("text,status", [("blue", "Blue"), ("R", "Red"), (" Green ", "Green"), ("a", "Amber")])
def test_status_names_and_initials(text, status):
    assert brag.normalise_status(text) == status


def test_unknown_status_is_an_error():
    with pytest.raises(ValueError, match="not a BRAG status"):
        brag.normalise_status("Purple")


STATUS_DATE = dt.date(2024, 3, 28)  # Ealing's plan, as reported to scrutiny (001)


@pytest.mark.parametrize(
    "text, status, read_from",
    [
        ("Oct 2023", "Blue", brag.COMPLETION_MONTH),
        ("Sept 2023", "Blue", brag.COMPLETION_MONTH),
        ("Jan 24", "Blue", brag.COMPLETION_MONTH),
        ("Mar 2024", "Blue", brag.COMPLETION_MONTH),  # the status date's own month
        ("2023-11", "Blue", brag.COMPLETION_MONTH),
        ("Ongoing", None, None),
        ("In progress", None, None),
        ("Planned for April 24", None, None),
        ("Jan 24 – 6 months funding", None, None),  # more than a month: words kept, not guessed
        ("Completed Nov", "Blue", None),  # says so in words: no mark
        ("Y", "Blue", None),
        ("N", None, None),
    ],
)
def test_a_month_in_a_completion_column_on_or_before_the_status_date_is_complete(text, status, read_from):
    cell = brag.status_from_completion_cell(text, STATUS_DATE)
    assert (cell.status, cell.words, cell.read_from, cell.due_date) == (status, text, read_from, None)


@pytest.mark.parametrize("text, due", [("Sept 2024", dt.date(2024, 9, 30)), ("April 2024", dt.date(2024, 4, 30))])
def test_a_later_month_in_a_completion_column_is_the_due_date_not_a_status(text, due):
    cell = brag.status_from_completion_cell(text, STATUS_DATE)
    assert (cell.status, cell.read_from, cell.words, cell.due_text, cell.due_date) == (None, None, text, text, due)


def test_a_completion_column_refuses_another_schemes_colour():
    with pytest.raises(ValueError, match="not in the BRAG scheme"):
        brag.status_from_completion_cell("Yellow", STATUS_DATE)
    assert brag.status_from_completion_cell("  ", STATUS_DATE) == brag.StatusReading()


def test_the_mark_is_shown_beside_the_words_and_the_month_completed():
    assert brag.words_with_mark("Oct 2023", brag.COMPLETION_MONTH) == "Oct 2023 (read from the completion month)"
    assert brag.words_with_mark("Completed Nov", None) == "Completed Nov"
    assert brag.words_with_mark(None, None) == ""
    assert brag.completed_label("Jan 24", brag.COMPLETION_MONTH, STATUS_DATE) == (
        "January 2024 (read from the completion month)"
    )
    assert brag.completed_label("Completed Nov", None, STATUS_DATE) == "28 March 2024"
