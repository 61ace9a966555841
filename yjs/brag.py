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
