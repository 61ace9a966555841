"""Mapping an improvement plan's own column headings to the fields the actions import reads.

Plans arrive as the board's Word or Excel table, headed in its own words: "Action/What", "Lead
Officer", "Planned Completion Date", "Progress against agreed action and impact monitoring".
Headings are matched on their words, not as whole strings. Each field has cues (a word, or a few
words that must all appear) with a weight, and a heading goes to the field of its heaviest cue:
"Action Owner(s)" is a lead ("action owner" outweighs "action"), "Progress against agreed action"
is progress. Words in brackets count only when the rest of the heading matches nothing, so
"Completed Y/N (RAG)" is a completion column and "Area requiring improvement (Recommendations)" a
theme. When two fields' heaviest cues weigh the same ("Lead / Partner agency") the heading is
ambiguous: the Load data page asks, and the command line names the candidates.

A person can map or leave out any heading (`--map "Heading=field"`, `"Heading=-"`, or the Load
data page), and save that choice under a name to reuse (`--mapping NAME`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yjs.importers.report import Problem

FIELDS = (
    "area",
    "plan",
    "ref",
    "theme",
    "recommendations",
    "action",
    "finding",
    "lead",
    "agency",
    "board_sponsor",
    "start",
    "due",
    "completed",
    "measures",
    "evidence",
    "status",
    "progress",
    "status_date",
    "source",
)
REQUIRED = ("area", "action")
LEAVE_OUT = "-"  # `--map "Heading=-"`: the column is left out of the import

# field -> (cue, weight): a cue is a word, or words that must all be in the heading (singular forms)
CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "area": (
        ("area", 1),
        ("service", 1),
        ("yjs", 1),
        ("yos", 1),
        ("yot", 1),
        ("youth justice service", 3),
        ("local authority", 2),
    ),
    "plan": (("plan", 1), ("plan title", 2), ("improvement plan", 2)),
    "ref": (
        ("ref", 2),
        ("reference", 2),
        ("no", 1),
        ("number", 1),
        ("id", 1),
        ("action id", 3),
        ("action ref", 3),
        ("action no", 3),
        ("action number", 3),
    ),
    "theme": (
        ("theme", 2),
        ("pillar", 2),
        ("priority", 2),
        ("workstream", 2),
        ("objective", 2),
        ("priority area", 3),
        ("area improvement", 3),
        ("area development", 3),
        ("area focus", 3),
        ("key area", 3),
    ),
    "recommendations": (
        ("recommendation", 2),
        ("rec", 2),
        ("recommendation number", 3),
        ("hmip recommendation", 3),
    ),
    "action": (
        ("action", 1),
        ("what", 0.5),
        ("task", 1),
        ("deliverable", 1),
        ("activity", 1),
        ("action required", 2),
        ("action taken", 2),
        ("what we will do", 2),
    ),
    "finding": (("finding", 2), ("find", 2), ("why", 1), ("issue", 1), ("hmip finding", 3)),
    "lead": (
        ("lead", 2),
        ("who", 1),
        ("officer", 1),
        ("owner", 2),
        ("responsible", 2),
        ("lead officer", 3),
        ("responsible officer", 3),
        ("action owner", 3),
        ("lead person", 3),
    ),
    "agency": (
        ("agency", 2),
        ("partner", 2),
        ("organisation", 2),
        ("lead agency", 4),
        ("partner agency", 4),
    ),
    "board_sponsor": (("sponsor", 2), ("board sponsor", 4), ("board lead", 4)),
    "start": (("start", 2), ("commencement", 2), ("begin", 2), ("start date", 3)),
    "due": (
        ("due", 2),
        ("deadline", 2),
        ("timescale", 2),
        ("when", 1),
        ("target date", 3),
        ("due date", 3),
        ("by when", 3),
        ("end date", 3),
        ("completion date", 3),
        ("planned completion", 4),
        ("target completion", 4),
    ),
    "completed": (("completed", 2), ("complete", 2), ("date completed", 3), ("actual completion", 5)),
    "measures": (
        ("measure", 2),
        ("how", 1),
        ("success", 2),
        ("outcome", 2),
        ("kpi", 2),
        ("success criteria", 3),
    ),
    "evidence": (("evidence", 2), ("know", 1), ("assurance", 2), ("quality assurance", 3), ("evidence impact", 3)),
    "status": (("status", 2), ("rating", 1), ("rag", 4), ("brag", 4), ("rag rating", 5), ("rag status", 5)),
    "progress": (
        ("progress", 3),
        ("update", 2),
        ("commentary", 3),
        ("comment", 3),
        ("narrative", 3),
        ("progress update", 4),
        ("latest update", 3),
        ("status update", 3),
    ),
    "status_date": (
        ("status date", 5),
        ("as at", 5),
        ("date update", 5),
        ("last updated", 5),
        ("status as at", 6),
    ),
    "source": (("source", 2),),
}
_KEEP_S = ("ss", "us", "is")


@dataclass(frozen=True)
class Column:
    """One heading of the file and what the import does with it."""

    heading: str
    field: str | None  # None: left out, unknown or ambiguous
    how: str  # "automatic", "chosen", "left out", "unknown" or "ambiguous"
    candidates: tuple[str, ...] = ()  # the fields an ambiguous heading could mean

    def describe(self) -> str:
        if self.how == "ambiguous":
            return f"ambiguous: {' or '.join(self.candidates)}"
        if self.field:
            return self.field if self.how == "automatic" else f"{self.field} (chosen)"
        return self.how


def normalise_heading(heading: str) -> str:
    text = " ".join(str(heading).replace("*", " ").split()).lower()
    return re.sub(r"\s*/\s*", "/", text).strip(" :")


def _words(text: str) -> frozenset[str]:
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 3 and not w.endswith(_KEEP_S) else w for w in words)


_CUE_WORDS = {field: tuple((_words(cue), weight) for cue, weight in cues) for field, cues in CUES.items()}


def _best_fields(words: frozenset[str]) -> tuple[str, ...]:
    """The fields whose heaviest matching cue weighs the most (several when they tie)."""
    scores = {}
    for field, cues in _CUE_WORDS.items():
        weights = [weight for cue, weight in cues if cue <= words]
        if weights:
            scores[field] = max(weights)
    if not scores:
        return ()
    top = max(scores.values())
    return tuple(field for field in FIELDS if scores.get(field) == top)


def match_heading(heading: str) -> Column:
    """What a heading means without any manual work: a field, ambiguous, or unknown."""
    text = normalise_heading(heading)
    outside = re.sub(r"\([^)]*\)", " ", text)
    inside = " ".join(re.findall(r"\(([^)]*)\)", text))
    best = _best_fields(_words(outside)) or _best_fields(_words(inside))
    if len(best) == 1:
        return Column(heading, best[0], "automatic")
    if best:
        return Column(heading, None, "ambiguous", best)
    return Column(heading, None, "unknown")


def field_for(heading: str) -> str | None:
    """The field a heading maps to without manual work, or None."""
    return match_heading(heading).field


def plan_columns(headers: list[str], chosen: dict[str, str | None] | None = None) -> list[Column]:
    """Each non-blank heading with its field: the person's choice where they made one (a field, or
    None to leave it out), else the automatic match. `chosen` is keyed by heading, any case."""
    choices = {normalise_heading(h): f for h, f in (chosen or {}).items()}
    columns = []
    for header in filter(None, headers):
        key = normalise_heading(header)
        if key in choices:
            field = choices[key]
            columns.append(Column(header, field, "chosen" if field else "left out"))
        else:
            columns.append(match_heading(header))
    return columns


def looks_like_headings(cells: list[str], chosen: dict[str, str | None] | None = None) -> bool:
    """Whether a row is the plan's headings: two fields or more, and most of its cells mapped.

    A title block above the headings ("Youth Justice Service - HMIP Improvement Plan", "Updated
    March 2025") is a cell or two that match at most one field, so it is skipped.
    """
    columns = plan_columns([c for c in cells if c], chosen)
    meaning = [c.field or c.candidates for c in columns if c.field or c.candidates]
    return len(set(map(str, meaning))) >= 2 and 2 * len(meaning) >= len(columns)


def heading_problems(headers: list[str], columns: list[Column], *, area_given: bool, line: int = 1) -> list[Problem]:
    """Headings that stop an import: blank header cells between headings, unknown, ambiguous or
    repeated headings, a missing required field."""
    problems = _blank_cells(headers, line)
    seen: dict[str, str] = {}
    for column in columns:
        if column.how == "unknown":
            problems.append(
                Problem(
                    line,
                    column.heading,
                    "unknown heading: map it to a field or leave it out (the Load data page, or "
                    f'--map "{column.heading}=FIELD" / "{column.heading}=-"; fields: {", ".join(FIELDS)})',
                )
            )
        elif column.how == "ambiguous":
            problems.append(
                Problem(
                    line,
                    column.heading,
                    f"this heading could mean {' or '.join(column.candidates)}: choose one on the Load data page "
                    f'or with --map "{column.heading}={column.candidates[0]}"',
                )
            )
        elif column.field in seen:
            problems.append(
                Problem(
                    line,
                    column.heading,
                    f"means the same as '{seen[column.field]}' ({column.field}); keep one of them or leave one out",
                )
            )
        elif column.field:
            seen[column.field] = column.heading
    maybe = {field for column in columns for field in column.candidates}  # asked about already
    if "action" not in seen and "action" not in maybe:
        problems.append(Problem(line, "action", "no column gives the action (e.g. a heading 'Action')"))
    if "area" not in seen and "area" not in maybe and not area_given:
        problems.append(
            Problem(
                line,
                "area",
                "no column gives the area: add one, or name the area for the whole file (--area NAME, or the "
                "choice on the Load data page)",
            )
        )
    return problems


def _blank_cells(headers: list[str], line: int) -> list[Problem]:
    last_named = max((i for i, h in enumerate(headers) if h), default=-1)
    blanks = [i + 1 for i, h in enumerate(headers) if not h and i < last_named]
    if not blanks:
        return []
    return [
        Problem(
            line,
            "",
            f"the row of headings has blank cells between its headings (column {', '.join(map(str, blanks))}): "
            "merged header cells? Unmerge them so that the row holds one heading per column",
        )
    ]


def parse_choice(text: str) -> tuple[str, str | None]:
    """'Heading=field' or 'Heading=-' (leave out) -> (heading, field or None); ValueError otherwise."""
    heading, sep, field = text.rpartition("=")
    heading, field = heading.strip(), field.strip().lower().replace(" ", "_")
    if not sep or not heading:
        raise ValueError(f"'{text}' is not Heading=field (or Heading=- to leave the column out)")
    if field == LEAVE_OUT:
        return heading, None
    if field not in FIELDS:
        raise ValueError(f"'{field}' in '{text}' is not a field (fields: {', '.join(FIELDS)}, or - to leave it out)")
    return heading, field
