"""BRAG status for improvement actions: Blue complete, Green on track, Amber at risk, Red off track."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from yjs.domain.dates import long_date, parse_month, parse_plan_date

BLUE, GREEN, AMBER, RED = "Blue", "Green", "Amber", "Red"
STATUSES = (BLUE, GREEN, AMBER, RED)
MEANINGS = {BLUE: "Complete", GREEN: "On track", AMBER: "At risk", RED: "Off track"}
NOT_ASSESSED = "Not assessed"

# Only wording whose meaning is unambiguous maps to a status. "In progress" says nothing about
# whether the action is on track, a bare date may be a plan or a completion, and "To be completed
# in April" is not complete: all stay unassessed, with their own words kept beside them.
_PATTERNS = (
    (BLUE, re.compile(r"^\s*(completed?|done|delivered|achieved|closed|business as usual)\b", re.I)),
    (RED, re.compile(r"^\s*(off track|overdue|stalled|missed)\b", re.I)),
    (AMBER, re.compile(r"^\s*(at risk|delayed|slipp(ed|ing)|behind schedule)\b", re.I)),
    (GREEN, re.compile(r"^\s*on track\b", re.I)),
)


def normalise_status(text: str | None) -> str | None:
    """'blue', 'B', 'Green ' -> the BRAG name; blank -> None; anything else raises ValueError."""
    if text is None or not str(text).strip():
        return None
    cleaned = str(text).strip().lower()
    for status in STATUSES:
        if cleaned in (status.lower(), status[0].lower()):
            return status
    raise ValueError(f"'{text}' is not a BRAG status (Blue, Red, Amber or Green)")


def status_from_text(text: str | None) -> str | None:
    """The BRAG status that free-text progress wording clearly states, else None."""
    if not text:
        return None
    try:
        return normalise_status(text)
    except ValueError:
        pass
    return next((status for status, pattern in _PATTERNS if pattern.search(text)), None)


# Words that name a colour or code from another status scheme: a status column holding one of
# them is an error, not free text, because its meaning cannot be carried over to BRAG.
_OTHER_SCHEME = re.compile(r"^\s*(yellow|orange|purple|grey|gray|black|white|pink|brown|[a-z]|\d+)\s*$", re.I)
_COMPLETED_FLAG = re.compile(r"^\s*(y|yes)\s*$", re.I)  # a "Completed Y/N" column's yes


def status_from_cell(text: str | None) -> str | None:
    """A status cell of an imported plan: the BRAG status it states, or None for free text whose
    meaning is unclear (kept as the source's words, shown as not assessed).

    Raises ValueError for a colour or code outside the BRAG scheme ("Yellow", "X", "3").
    """
    if text is None or not str(text).strip():
        return None
    if _COMPLETED_FLAG.match(text):
        return BLUE
    try:
        return normalise_status(text)
    except ValueError:
        if _OTHER_SCHEME.match(text) and not re.match(r"^\s*n(o)?\s*$", text, re.I):
            raise ValueError(
                f"'{text.strip()}' is not in the BRAG scheme: use Blue (complete), Green (on track), "
                "Amber (at risk) or Red (off track), or the plan's own words"
            ) from None
    return status_from_text(text)


# A completion column ("Completed", "Completed Y/N (RAG)") often holds the month an action was done
# in place of a Y: Ealing's plan gives a month ("Oct 2023") for twenty actions. As at the plan's status
# date, such a month is a completion (Blue, marked as read from the month); a later month can only be
# a plan, so it becomes the due date and the status stays unassessed. The words are always kept.
COMPLETION_MONTH = "completion month"  # action_status_updates.read_from
COMPLETION_MONTH_MARK = "read from the completion month"


@dataclass(frozen=True)
class StatusReading:
    """What a plan's status cell says: its status, its words, and (a completion column's) how it was read."""

    status: str | None = None  # the BRAG status, None where the words give no clear one
    words: str | None = None  # the cell as written, kept beside the status
    read_from: str | None = None  # COMPLETION_MONTH where the status was read from a month
    due_text: str | None = None  # a later month: the planned completion, as written
    due_date: dt.date | None = None  # ... and the last day of that month


def status_from_completion_cell(text: str | None, status_date: dt.date) -> StatusReading:
    """A cell of a completion column, as at `status_date`.

    'Oct 2023' on or before the status date's month -> Blue, read from the completion month;
    'Sept 2024' after it -> a due date (30 September 2024), not assessed; anything else ('Y',
    'Completed Nov', 'Ongoing', 'Planned for April 24') as any status cell (`status_from_cell`,
    which raises ValueError for a colour or code outside the BRAG scheme).
    """
    words = " ".join(str(text).split()) if text is not None else ""
    if not words:
        return StatusReading()
    month = parse_month(words)
    if month is None:
        return StatusReading(status_from_cell(words), words)
    if month <= status_date.replace(day=1):
        return StatusReading(BLUE, words, COMPLETION_MONTH)
    return StatusReading(None, words, due_text=words, due_date=parse_plan_date(words, end_of_month=True))


def read_from_completion_month(read_from) -> bool:
    return read_from == COMPLETION_MONTH


def words_with_mark(words, read_from) -> str:
    """The plan's status words as every plan view shows them: with the mark where the status was
    read from a completion month ('Oct 2023 (read from the completion month)')."""
    shown = words if isinstance(words, str) else ""
    return f"{shown} ({COMPLETION_MONTH_MARK})" if read_from_completion_month(read_from) else shown


def completed_label(words, read_from, status_date: dt.date) -> str:
    """When an action was completed, for a report: the month its completion column names (marked),
    else the date its Blue status was recorded."""
    month = parse_month(words) if read_from_completion_month(read_from) else None
    if month is not None:
        return f"{month:%B %Y} ({COMPLETION_MONTH_MARK})"
    return long_date(status_date)
