"""The app's pages, in menu sections, and the shared filters each one honours.

`app.py` registers exactly these with `st.navigation`. A page file is named after its URL
(`pages/ratings.py` serves `/ratings`): on a fresh server Streamlit's legacy `pages/` path answers the
first request, and with matching names it finds the page instead of showing "Page not found"
(see `yjs.app.entry.rerun_through_entry_point`).
"""

from __future__ import annotations

from dataclasses import dataclass

from yjs.domain.roles import allows

# The shared filters (yjs/app/filters.py), by the key each keeps in the link.
DEMO, REGION, AREA, YEARS = "demo", "region", "area", "period"
SHARED_FILTERS = (DEMO, REGION, AREA, YEARS)


@dataclass(frozen=True)
class PageSpec:
    url_path: str
    title: str
    icon: str
    section: str
    filters: tuple[str, ...]  # the shared filters this page honours; the sidebar shows only these
    unused_note: str = ""  # one line on why the others do not apply here
    role: str = "viewer"  # the least role that gets this page (yjs/domain/roles.py); others never see it

    @property
    def path(self) -> str:
        """The page file, relative to the project root: named after its URL."""
        return f"pages/{self.url_path}.py"

    @property
    def is_default(self) -> bool:
        return self is PAGES[0]

    @property
    def url(self) -> str:
        """The path a browser opens: Streamlit serves the default page at the root."""
        return "" if self.is_default else self.url_path


INSPECTIONS, PERFORMANCE, CHILDREN, IMPROVEMENT, BOARD, DATA = (
    "Inspections",
    "Performance",
    "Children",
    "Improvement",
    "Board",
    "Data",
)
OWN_COMPARISON = "Region and inspection years do not apply here: the page chooses the areas it compares with."
OWN_YEARS = "Inspection years do not apply here: the page has its own years, when the children started."
ONE_AREA = "Region and inspection years do not apply here: the page shows one area's plan."

PAGES = (
    PageSpec("overview", "Overview", ":material/public:", INSPECTIONS, (DEMO, REGION, AREA, YEARS)),
    PageSpec(
        "ratings",
        "Ratings matrix",
        ":material/grid_on:",
        INSPECTIONS,
        (DEMO, REGION, YEARS),
        "Your area does not apply here: every area in scope has a row.",
    ),
    PageSpec(
        "profile",
        "Area profile",
        ":material/location_city:",
        INSPECTIONS,
        (DEMO, AREA),
        "Region and inspection years do not apply here: the page shows every inspection of one area.",
    ),
    PageSpec(
        "compare",
        "Compare areas",
        ":material/compare_arrows:",
        INSPECTIONS,
        (DEMO, REGION, AREA),
        "Inspection years do not apply here: each area is compared on its latest inspection.",
    ),
    PageSpec("benchmarking", "Benchmarking", ":material/leaderboard:", PERFORMANCE, (DEMO, AREA), OWN_COMPARISON),
    PageSpec("scorecard", "Scorecard", ":material/table_chart:", PERFORMANCE, (DEMO, AREA), OWN_COMPARISON),
    PageSpec(
        "disproportionality", "Disproportionality", ":material/balance:", CHILDREN, (DEMO, REGION, AREA), OWN_YEARS
    ),
    PageSpec(
        "disproportionality_by_area",
        "Disproportionality by area",
        ":material/format_list_numbered:",
        CHILDREN,
        (DEMO, REGION, AREA),
        OWN_YEARS,
    ),
    PageSpec("cohort", "Cohort explorer", ":material/groups:", CHILDREN, (DEMO, REGION, AREA), OWN_YEARS),
    PageSpec("plan", "Improvement plan", ":material/checklist:", IMPROVEMENT, (DEMO, AREA), ONE_AREA),
    PageSpec(
        "plans",
        "Plans across services",
        ":material/stacked_bar_chart:",
        IMPROVEMENT,
        (DEMO, REGION, AREA),
        "Inspection years do not apply here: each plan is shown as it stands today.",
    ),
    PageSpec("highlight", "Highlight report", ":material/summarize:", IMPROVEMENT, (DEMO, AREA), ONE_AREA),
    PageSpec(
        "presentation",
        "Board presentation",
        ":material/slideshow:",
        BOARD,
        (DEMO, AREA),
        "Region and inspection years do not apply here: the presentation is about one area.",
    ),
    PageSpec(
        "about",
        "About the data",
        ":material/info:",
        DATA,
        (DEMO,),
        "Region, your area and inspection years do not apply here: the page describes the whole database.",
    ),
    PageSpec(
        "load",
        "Load data",
        ":material/upload_file:",
        DATA,
        (),
        "The shared filters do not apply to loading data.",
        role="editor",
    ),
    PageSpec(
        "audit",
        "Audit trail",
        ":material/history:",
        DATA,
        (),
        "The shared filters do not apply to the audit trail.",
        role="admin",
    ),
)
BY_URL = {page.url_path: page for page in PAGES}


def pages_for(role: str) -> tuple[PageSpec, ...]:
    """The pages a role may open: the others are never registered, so their URLs do not exist."""
    return tuple(page for page in PAGES if allows(role, page.role))


def menu(pages: tuple[PageSpec, ...]) -> dict[str, list[PageSpec]]:
    """The pages by menu section, in order."""
    sections: dict[str, list[PageSpec]] = {}
    for page in pages:
        sections.setdefault(page.section, []).append(page)
    return sections
