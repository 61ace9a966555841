"""A plan in a layout the product has never been shown: another council's Excel workbook.

Built the way such plans arrive: a title block above the headings, the area requiring improvement
merged down its actions, one sheet per part of the plan, dates both as Excel dates and as words,
and no area column (a service's own plan never has one). Its headings are not the seeds'.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

HEADINGS = [
    "Ref No",
    "Area requiring improvement (Recommendations)",
    "Action Required",
    "Planned Completion Date",
    "Lead Officer",
    "Agency",
    "Progress against agreed action and impact monitoring",
    "RAG",
]
# sheet -> [(area requiring improvement, [(ref, action, due, lead, agency, progress, rag)])]
SHEETS = {
    "Governance": [
        (
            "Board oversight of disproportionality (R1)",
            [
                (
                    "1.1",
                    "Add ethnicity and care status to the board's quarterly data set",
                    dt.datetime(2025, 3, 31),
                    "Head of Service",
                    "Youth Justice Service",
                    "Data set agreed at the January board; first report in April.",
                    "G",
                ),
                (
                    "1.2",
                    "Board members to attend a practice observation each year",
                    "June 2025",
                    "Board Chair",
                    "Local authority",
                    "Four of nine members have observed practice so far.",
                    "A",
                ),
            ],
        ),
        (
            "Partnership working on education (R2)",
            [
                (
                    "2.1",
                    "Named education lead to attend every pre-court panel",
                    dt.datetime(2024, 12, 31),
                    "Education Inclusion Manager",
                    "Education",
                    "Attending since October; no panel missed.",
                    "Completed",
                ),
            ],
        ),
    ],
    "Practice": [
        (
            "Quality of out-of-court assessments (R3)",
            [
                (
                    "3.1",
                    "Audit every out-of-court assessment for safety planning",
                    "Sept 2025",
                    "Practice Manager",
                    "Youth Justice Service",
                    "Audit tool written; first audit delayed by vacancies.",
                    "R",
                ),
                (
                    "3.2",
                    "Joint decision-making panel with police to review its terms of reference",
                    dt.datetime(2025, 1, 31),
                    "Detective Inspector, Youth",
                    "Police",
                    "Draft terms of reference shared with the panel.",
                    "G",
                ),
            ],
        ),
    ],
}
ACTIONS = sum(len(actions) for groups in SHEETS.values() for _theme, actions in groups)


def council_plan(path: Path, *, progress_suffix: str = "") -> Path:
    """The workbook at `path`; `progress_suffix` is added to every progress note (a later version of the plan)."""
    book = Workbook()
    book.remove(book.active)
    cover = book.create_sheet("Read me")
    cover.append(["This workbook holds the HMIP improvement plan; one sheet per part of the plan."])
    for name, groups in SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append(["Youth Justice Service – HMIP Improvement Plan – updated March 2025"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADINGS))
        sheet.append(["Owner: YJS Management Board"])
        sheet.append([])
        sheet.append(HEADINGS)
        for theme, actions in groups:
            first = sheet.max_row + 1
            for ref, action, due, lead, agency, progress, rag in actions:
                sheet.append([ref, theme, action, due, lead, agency, progress + progress_suffix, rag])
            sheet.merge_cells(start_row=first, start_column=2, end_row=sheet.max_row, end_column=2)
    book.save(path)
    return path


def expected_actions() -> list[tuple]:
    """(ref, theme, action, lead, agency, progress, RAG) of every action, in the workbook's order."""
    return [
        (ref, theme, action, lead, agency, progress, rag)
        for groups in SHEETS.values()
        for theme, actions in groups
        for ref, action, _due, lead, agency, progress, rag in actions
    ]
