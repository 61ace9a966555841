"""The shared filters in the sidebar: only those the page honours, kept for the whole session.

The session holds the filters (so a page that does not show one keeps it for the next page), and every
run writes them back to the link (always, not only when they differ: see _to_link), so a copied link reopens the
same view. A value in the link wins
only when it differs from what the app last wrote there: a link someone opened, never a link that
lost its parameters on the way (a menu click during a rerun), which would otherwise reset them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from yjs.app.cache import query
from yjs.app.navigation import AREA, DEMO, REGION, SHARED_FILTERS, YEARS, PageSpec
from yjs.data.areas import areas_with_inspection_years
from yjs.domain.filters import Filters

STATE_KEY = "yjs_shared_filters"
WRITTEN_KEY = "yjs_shared_filters_in_link"
DEFAULTS = {DEMO: False, REGION: [], AREA: None, YEARS: None}


def _from_link(key: str):
    """The link's value for one filter, in the state's form (hostile values come to nothing)."""
    values = st.query_params.get_all(key)
    if not values:
        return None
    if key == DEMO:
        return values[-1] in ("true", "1")
    if key == REGION:
        return list(dict.fromkeys(values))
    if key == AREA:
        return values[-1]
    try:
        years = [int(float(v)) for v in values[:2]]
    except (ValueError, OverflowError):
        return None
    return (min(years), max(years)) if len(years) == 2 else None


def _session_filters() -> dict:
    """The session's filters, after taking any value the link changed since the app last wrote it."""
    state = st.session_state.setdefault(STATE_KEY, dict(DEFAULTS))
    written = st.session_state.get(WRITTEN_KEY, {})
    for key in SHARED_FILTERS:
        linked = _from_link(key)
        if linked is not None and linked != written.get(key):
            state[key] = linked
            st.session_state.pop(key, None)  # the widget takes the link's value when it is drawn
    return state


def _to_link(state: dict, first_year: int, last_year: int) -> None:
    shown = {
        DEMO: "true" if state[DEMO] else None,
        REGION: list(state[REGION]) or None,
        AREA: state[AREA],
        YEARS: [str(y) for y in state[YEARS]]
        if state[YEARS] and tuple(state[YEARS]) != (first_year, last_year)
        else None,
    }
    for key, value in shown.items():
        wanted = [] if value is None else value if isinstance(value, list) else [value]
        if wanted:
            # Written on every run, even when the server's copy of the link already holds it: a menu click during a
            # rerun can leave the browser's address without the filters while the server's copy still has them
            # (seen about once in 300 visits under load), and only a write sends the address back to the browser.
            st.query_params[key] = wanted if isinstance(value, list) else value
        elif st.query_params.get_all(key):
            del st.query_params[key]
    st.session_state[WRITTEN_KEY] = {k: _normalised(k, v) for k, v in state.items()}


def _normalised(key: str, value):
    return tuple(value) if key == YEARS and value else list(value) if key == REGION else value


def _seed(key: str, value) -> None:
    """Give a widget the session's value when it is drawn for the first time on this page."""
    if key not in st.session_state:
        st.session_state[key] = value


def sidebar_filters(page: PageSpec, options: pd.DataFrame) -> Filters:
    """Draw the filters `page` honours (and say why the others do not apply); return them."""
    state = _session_filters()
    has_demo = bool(options["is_demo"].any())
    sidebar = st.sidebar
    sidebar.header("Filters")
    if DEMO in page.filters:
        _seed(DEMO, bool(state[DEMO]) and has_demo)
        state[DEMO] = sidebar.toggle(
            "Show demo areas",
            key=DEMO,
            disabled=not has_demo,
            help="Invented areas with generated figures, to show the national picture. Real areas are never mixed "
            "with demo figures."
            if has_demo
            else "This database was built without demo data.",
        )
    kind = Filters(show_demo=bool(state[DEMO]))
    visible = options[[kind.is_visible(d, r) for d, r in zip(options["is_demo"], options["region"], strict=True)]]
    if REGION in page.filters:
        regions = sorted(visible["region"].dropna().unique())
        _seed(REGION, [r for r in state[REGION] if r in regions])
        state[REGION] = sidebar.multiselect("Region", regions, key=REGION, placeholder="All regions")
    if AREA in page.filters:
        names = visible["area"].tolist()
        _seed(AREA, state[AREA] if state[AREA] in names else None)
        state[AREA] = sidebar.selectbox(
            "Your area", names, index=None, key=AREA, placeholder="Choose an area to highlight"
        )
    first, last = _year_span(options)
    if YEARS in page.filters and first < last:
        chosen = state[YEARS] or (first, last)
        _seed(YEARS, (max(first, min(chosen)), min(last, max(chosen))))
        state[YEARS] = sidebar.slider("Inspection year", min_value=first, max_value=last, key=YEARS)
    if page.unused_note:
        sidebar.caption(page.unused_note)
    _to_link(state, first, last)
    years = (state[YEARS] or (first, last)) if YEARS in page.filters else None
    return Filters(
        show_demo=bool(state[DEMO]) and DEMO in page.filters,
        regions=tuple(state[REGION]) if REGION in page.filters else (),
        area=state[AREA] if AREA in page.filters and state[AREA] in set(visible["area"]) else None,
        **({"year_from": int(years[0]), "year_to": int(years[1])} if years else {}),
    )


def _take_area(key: str) -> None:
    """A page's own area choice becomes Your area: in the session's filters and in the sidebar's box."""
    state = st.session_state.setdefault(STATE_KEY, dict(DEFAULTS))
    state[AREA] = st.session_state[key]
    st.session_state[AREA] = st.session_state[key]


def area_choice_in_page(names: list[str], label: str, *, key: str = "area_in_page") -> None:
    """Your area offered on the page itself (for a page that shows more once an area is chosen): choosing one
    sets the shared filter, as the sidebar's box does, and the page reruns with it."""
    st.session_state.pop(key, None)  # always offered empty: the sidebar shows the area once chosen
    st.selectbox(
        label,
        names,
        index=None,
        key=key,
        placeholder="Choose an area",
        on_change=_take_area,
        args=(key,),
        help="The same choice as Your area in the sidebar: it stays as you move between pages.",
    )


def _year_span(options: pd.DataFrame) -> tuple[int, int]:
    first = int(options["first_year"].min()) if options["first_year"].notna().any() else 2018
    last = int(options["last_year"].max()) if options["last_year"].notna().any() else first
    return first, last


def area_options() -> pd.DataFrame:
    """Every area with its region, demo flag and inspection years (what the filters offer)."""
    return areas_with_inspection_years(query)
