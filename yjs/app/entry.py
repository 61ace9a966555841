"""What app.py runs on every rerun, and what a page asks for first.

`run` identifies the person, checks the database, registers the navigation in menu sections, draws
the shared filters the page honours and runs the page. A page starts with `current_page()`, which
hands it those filters and the person using the app.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from yjs.app import about, auth, errors, layout, present
from yjs.app.cache import query
from yjs.app.filters import area_options, sidebar_filters
from yjs.app.navigation import BY_URL, PageSpec, menu, pages_for
from yjs.data.db import DatabaseUnavailable
from yjs.domain.filters import Filters
from yjs.domain.roles import Actor

CONTEXT_KEY = "yjs_page_context"


@dataclass(frozen=True)
class PageContext:
    spec: PageSpec
    filters: Filters
    actor: Actor


def register_navigation(actor: Actor):
    """Register the app's pages for this person (pages their role may not open do not exist)."""
    return st.navigation(
        [st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=p.is_default)
         for p in pages_for(actor.role)],
        position="hidden",  # drawn by `sidebar_menu`
    )  # fmt: skip


def sidebar_menu(actor: Actor) -> None:
    """The menu, in sections that read like the job, as plain links under a heading each.

    Streamlit's own sectioned menu puts its section headings inside the list of links, which screen readers
    cannot follow (axe: "list", "listitem"), so the app draws its menu itself.
    """
    menu_box = st.sidebar.container(key="menu")
    for section, pages in menu(pages_for(actor.role)).items():
        menu_box.markdown(f"###### {section}")
        for page in pages:
            menu_box.page_link(page.path, label=page.title, icon=page.icon)


def database_ready() -> bool:
    """Show a clear message (never a traceback) when the database cannot be used."""
    try:
        query("read/meta/meta_values")
        return True
    except DatabaseUnavailable as exc:
        st.title("YJS Insight")
        st.error(f"**{exc.problem}.**\n\nDatabase file: `{exc.path}`", icon=":material/database:")
        st.markdown("Fix it by running this in the project folder, then check again (no restart needed):")
        st.code(exc.fix, language="bash")
        st.button("Check again", icon=":material/refresh:", key="check_database_again")
        return False


def run() -> None:
    """The entry point's whole work (app.py calls it): an unexpected error becomes a message with an id."""
    st.set_page_config(page_title="YJS Insight", page_icon=":material/balance:", layout="wide")
    try:
        _run()
    except Exception as error:  # st.stop and st.rerun are BaseExceptions and pass through
        errors.report_unexpected_error(error)


def _run() -> None:
    auth.use_audit_key_from_secrets()
    actor = auth.current_actor()  # a login screen, or a refusal, stops here
    if not database_ready():
        st.stop()
    page = register_navigation(actor)
    layout.fit_to_screen()
    sidebar_menu(actor)
    spec = BY_URL.get(page.url_path) or next(p for p in pages_for(actor.role) if p.is_default)
    filters = sidebar_filters(spec, area_options())
    _data_mode_note(filters)
    about.sidebar_last_updated()
    auth.sidebar_identity(actor)
    present.switch()
    st.session_state[CONTEXT_KEY] = PageContext(spec, filters, actor)
    page.run()


def current_page() -> PageContext:
    """The page's filters and the person using the app, as app.py left them in this run.

    A page run that did not start in app.py (see `rerun_through_entry_point`) goes there first.
    """
    context = st.session_state.pop(CONTEXT_KEY, None)
    if context is None:
        rerun_through_entry_point()
    return context


def rerun_through_entry_point() -> None:
    """Send a page run that skipped app.py back through it.

    The design card keeps the pages in `pages/`, and while no script in this server process has called
    `st.navigation` yet, Streamlit answers a request with its legacy `pages/` path: it runs the page file
    on its own, without app.py's login, database check, navigation or sidebar. That happens to the first
    request of a fresh server, and to every AppTest run. Registering the navigation (which turns the
    legacy path off for the process) and rerunning puts app.py in front of the page.
    """
    register_navigation(auth.current_actor())
    st.rerun()


def _data_mode_note(filters: Filters) -> None:
    if filters.show_demo:
        st.sidebar.badge("Demo areas shown", icon=":material/science:", color="orange")
    else:
        st.sidebar.badge("Real data only", icon=":material/verified:", color="blue")
