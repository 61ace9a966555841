"""Mapping an improvement plan's own column headings to the fields the actions import reads.

Plans arrive as the board's Word or Excel table, headed in its own words. The headings of the
plans we know map without any work (Reading: Action/What, What did HMIP find/Why, Lead/Who,
Timescale/When, Measures/How, Quality Assurance/Know, BRAG; Ealing: Area for improvement,
Actions, Action Owner(s), Commencement date, Completed Y/N (RAG)); any other heading can be
mapped by hand on the Load data page, which renames the file's columns before the import reads it.
"""

from __future__ import annotations

import re

from yjs.importers.report import Problem

# field -> the headings (normalised: lower case, single spaces, no spaces around "/") that mean it
FIELD_HEADINGS: dict[str, tuple[str, ...]] = {
    "area": ("area", "service", "yjs", "youth justice service"),
    "plan": ("plan", "plan title", "improvement plan"),
    "ref": ("ref", "reference", "action id", "action ref", "id", "no", "no.", "number"),
    "theme": ("theme", "pillar", "priority", "priority area", "area for improvement", "areas for improvement"),
    "recommendations": ("recommendations", "recommendation", "recommendation(s)", "recommendation number"),
    "action": ("action", "action/what", "actions", "what"),
    "finding": ("finding", "what did hmip find/why", "why", "hmip finding", "what did hmip find"),
    "lead": ("lead", "lead/who", "who", "owner", "owner(s)", "action owner", "action owner(s)", "action owners"),
    "board_sponsor": ("board sponsor", "sponsor"),
    "start": ("start", "start date", "commencement date", "commencement"),
    "due": ("due", "due date", "timescale/when", "timescale", "when", "deadline", "target date"),
    "measures": ("measures", "measures/how", "how", "measures of success", "success measures"),
    "evidence": ("evidence", "quality assurance/know", "know", "quality assurance"),
    "status": ("status", "brag", "rag", "brag status", "rag status"),
    # A completion column: a month in it is read by brag.status_from_completion_cell.
    "completed": ("completed", "complete", "completed y/n", "completed (y/n)", "completed y/n (rag)", "completed?"),
    "status_date": ("status date", "as at", "status as at"),
    "source": ("source",),
}
FIELDS = tuple(FIELD_HEADINGS)
REQUIRED = ("area", "action")
IGNORED = "(ignored) "  # the Load data page prefixes a column the user chose to leave out
_BY_HEADING = {heading: field for field, headings in FIELD_HEADINGS.items() for heading in headings}
_BY_HEADING.update({field.replace("_", " "): field for field in FIELDS})  # a field's own name always maps


def normalise_heading(heading: str) -> str:
    text = " ".join(str(heading).replace("*", " ").split()).lower()
    return re.sub(r"\s*/\s*", "/", text).strip(" :")


def field_for(heading: str) -> str | None:
    """The field a heading maps to without manual work, or None."""
    return _BY_HEADING.get(normalise_heading(heading))


def automatic_mapping(headers: list[str]) -> dict[str, str | None]:
    """Each non-blank heading -> its field (None where it needs mapping by hand)."""
    return {header: field_for(header) for header in headers if header}


def heading_problems(headers: list[str]) -> list[Problem]:
    """Headings that stop an import: merged or blank header cells, unknown or repeated headings,
    a missing required field."""
    problems = []
    last_named = max((i for i, h in enumerate(headers) if h), default=-1)
    blanks = [i + 1 for i, h in enumerate(headers) if not h and i < last_named]
    if blanks or sum(bool(h) for h in headers) == 1:
        problems.append(
            Problem(
                1,
                "",
                "the header row has blank cells between its headings (column "
                f"{', '.join(map(str, blanks)) or 2}): merged header cells or a title row? Unmerge "
                "them so that row 1 holds one heading per column",
            )
        )
    seen: dict[str, str] = {}
    for header in filter(None, headers):
        if header.startswith(IGNORED):
            continue
        field = field_for(header)
        if field is None:
            problems.append(
                Problem(
                    1,
                    header,
                    "unknown heading: rename it or map it to a field on the Load data "
                    f"page (fields: {', '.join(FIELDS)})",
                )
            )
        elif field in seen:
            problems.append(Problem(1, header, f"means the same as '{seen[field]}' ({field}); keep one of them"))
        else:
            seen[field] = header
    problems += [
        Problem(1, field, f"no column gives the {field} (e.g. a heading '{FIELD_HEADINGS[field][0]}')")
        for field in REQUIRED
        if field not in seen
    ]
    return problems
