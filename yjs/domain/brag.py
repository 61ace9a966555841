"""BRAG status for improvement actions: Blue complete, Green on track, Amber at risk, Red off track."""

from __future__ import annotations

import re

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
