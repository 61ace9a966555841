"""The app's pages, in menu order. `app.py` registers exactly these with `st.navigation`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    path: str          # relative to the project root
    title: str
    icon: str
    url_path: str
    role: str = "viewer"   # the least role that gets this page (yjs/auth.py); others never see it

    @property
    def is_default(self) -> bool:
        return self is PAGES[0]

    @property
    def url(self) -> str:
        """The path a browser opens: Streamlit serves the default page at the root."""
        return "" if self.is_default else self.url_path


PAGES = (
    PageSpec("pages/overview.py", "Overview", ":material/public:", "overview"),
    PageSpec("pages/ratings_matrix.py", "Ratings matrix", ":material/grid_on:", "ratings"),
    PageSpec("pages/area_profile.py", "Area profile", ":material/location_city:", "profile"),
    PageSpec("pages/compare.py", "Compare areas", ":material/compare_arrows:", "compare"),
    PageSpec("pages/benchmarking.py", "Benchmarking", ":material/leaderboard:", "benchmarking"),
    PageSpec("pages/scorecard.py", "Scorecard", ":material/table_chart:", "scorecard"),
    PageSpec("pages/disproportionality.py", "Disproportionality", ":material/balance:", "disproportionality"),
    PageSpec("pages/cohort_explorer.py", "Cohort explorer", ":material/groups:", "cohort"),
    PageSpec("pages/improvement_plan.py", "Improvement plan", ":material/checklist:", "plan"),
    PageSpec("pages/highlight_report.py", "Highlight report", ":material/summarize:", "highlight"),
    PageSpec("pages/presentation.py", "Board presentation", ":material/slideshow:", "presentation"),
    PageSpec("pages/load_data.py", "Load data", ":material/upload_file:", "load", role="editor"),
    PageSpec("pages/audit_trail.py", "Audit trail", ":material/history:", "audit", role="admin"),
)


def pages_for(role: str) -> tuple[PageSpec, ...]:
    """The pages a role may open: the others are never registered, so their URLs do not exist."""
    from yjs.auth import allows

    return tuple(page for page in PAGES if allows(role, page.role))
