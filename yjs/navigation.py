"""The app's pages, in menu order. `app.py` registers exactly these with `st.navigation`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    path: str          # relative to the project root
    title: str
    icon: str
    url_path: str


PAGES = (
    PageSpec("pages/overview.py", "Overview", ":material/public:", "overview"),
)
