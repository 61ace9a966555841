"""The cohort pages' helpers: the scope, the period, the disclosure threshold, the filters, and their reads."""

from __future__ import annotations

import streamlit as st

from yjs.app import auth, present
from yjs.app.cache import query
from yjs.data import cohort as cohort_data
from yjs.data.cohort import CohortScope
from yjs.domain import disclosure
from yjs.domain.cohort import BY_KEY, DIMENSIONS
from yjs.domain.filters import Filters
from yjs.domain.plaintext import markdown_text as md
from yjs.domain.roles import covers

FIRST_COHORT_YEAR = 2019
THRESHOLD_KEY = "suppress"  # the threshold's widget key and link parameter


def scope_areas(filters: Filters, *, child_level: bool = True) -> list[str]:
    """Your area when one is chosen, otherwise every visible area in the chosen regions; for figures from
    children's records (`child_level`), only the areas the person's role covers (yjs/domain/roles.py)."""
    areas = [filters.area] if filters.area else filters.visible_areas(query("read/areas/areas_with_inspection_years"))
    return [area for area in areas if covers(auth.actor(), area)] if child_level else areas


def scope_label(filters: Filters, areas: list[str]) -> str:
    if filters.area:
        return md(filters.area)
    if auth.actor().areas is not None:
        return f"the areas your role covers ({md(', '.join(areas))})"
    where = ", ".join(filters.regions) if filters.regions else "all areas shown"
    return f"{len(areas)} areas ({where})"


def _outside_role(filters: Filters) -> None:
    """Say why a person whose role covers other services sees no child-level figures here."""
    actor = auth.actor()
    st.info(
        f"Figures from children's records for {md(filters.area or 'the areas shown')} are shown only to their own "
        f"service's staff: your access covers {md(', '.join(actor.areas or ()))}. Choose "
        f"{'it' if len(actor.areas or ()) == 1 else 'one of those'} as **Your area**; published figures for "
        "every area are on the Inspections and Performance pages.",
        icon=":material/lock:",
    )


def threshold_setting() -> int:
    """The page's suppression threshold; presentation mode raises it to the strictest.

    Kept in the link by hand rather than with `bind`: Streamlit turns a bound number from the link into
    an int before any page code runs, so `?suppress=inf` (or 1e309) would raise there. Here the link's
    value is clamped into range first (`disclosure.clamp_threshold`), whatever it holds.
    """
    if THRESHOLD_KEY not in st.session_state:
        st.session_state[THRESHOLD_KEY] = disclosure.clamp_threshold(
            st.query_params.get(THRESHOLD_KEY, disclosure.MIN_THRESHOLD)
        )
    chosen = disclosure.clamp_threshold(
        st.sidebar.number_input(
            "Suppress counts below",
            min_value=disclosure.MIN_THRESHOLD,
            max_value=disclosure.MAX_THRESHOLD,
            step=1,
            key=THRESHOLD_KEY,
            help="Figures about children from 1 up to this number minus one show as 'c', as does any figure the "
            "rounding and adjusting withheld. It can be raised, never set below 10.",
        )
    )
    _keep_in_url(THRESHOLD_KEY, [str(chosen)] if chosen != disclosure.MIN_THRESHOLD else [])
    return present.threshold(chosen)


def disclosure_note(threshold: int) -> None:
    """The one plain line the cohort pages show about how their figures are protected."""
    st.caption(f"{disclosure.ADJUSTED_NOTE} Counts below {threshold} show as **c**.")


def cohort_scope(filters: Filters, areas: list[str] | None = None) -> tuple[CohortScope, dict] | None:
    """The areas and period the page covers, or None (with a message) when they hold no cohort data.

    `areas` replaces the usual scope (Your area, else every area shown) on a page that compares areas; either
    way only the areas the person's role covers count (yjs/domain/roles.py)."""
    chosen = filters.area if areas is None else None
    areas = scope_areas(filters) if areas is None else [area for area in areas if covers(auth.actor(), area)]
    if not areas and auth.actor().areas is not None:
        _outside_role(filters)
        return None
    summary = cohort_data.scope_summary(query, areas) if areas else {"children": 0}
    if not summary["children"]:
        who = chosen or "the areas shown"
        hint = (
            " Choose an invented area (with **Show demo areas** on) to explore the demo cohort."
            if chosen
            else ""
            if filters.show_demo
            else " Switch on **Show demo areas** to explore the invented demo cohort."
        )
        st.info(
            f"There are no child-level cohort records for {who}. Child-level data are not published; a service "
            f"loads its own with `python -m yjs import cohort FILE`.{hint}",
            icon=":material/group_off:",
        )
        return None
    first, last = int(summary["first_year"]), int(summary["last_year"])
    if first < last:
        year_from, year_to = st.slider(
            "Year the children started",
            min_value=first,
            max_value=last,
            value=(first, last),
            key="years",
            bind="query-params",
        )
    else:
        year_from = year_to = first
    return CohortScope(tuple(areas), int(year_from), int(year_to)), summary


def demo_cohort_notice(summary: dict) -> None:
    if summary.get("any_demo"):
        st.warning(
            "**Demo data on screen.** These children are generated, not real: the demo cohort belongs to "
            "invented areas and shows the kind of patterns inspections describe.",
            icon=":material/science:",
        )


def _current_selection(key: str, options: tuple[str, ...]) -> list[str]:
    """A filter's value before its widget is drawn this run: its state, else the link's value."""
    if key in st.session_state:
        return list(st.session_state[key])
    return [value for value in st.query_params.get_all(key) if value in options]


def cohort_filters(scope: CohortScope, threshold: int) -> CohortScope:
    """A multiselect per dimension, each option with how many children it holds (small counts as c).

    These are kept in the URL by hand rather than with `bind`, because a bound widget stores its
    displayed label in the link, and these labels carry counts that change with the data.
    """
    selections = {d.key: _current_selection(f"f_{d.key}", d.order) for d in DIMENSIONS}
    for dimension in DIMENSIONS:  # seed each widget from the link once; the widget owns it after that
        st.session_state.setdefault(f"f_{dimension.key}", selections[dimension.key])
    counts = cohort_data.facet_counts(query, CohortScope(scope.areas, scope.year_from, scope.year_to, selections))
    chosen = {}
    # A constant `expanded`: were it to follow the selections, clearing the last one would snap it shut.
    with st.expander("Filter the children", icon=":material/filter_alt:"):
        columns = st.columns(3)
        for index, dimension in enumerate(DIMENSIONS):
            key, option_counts = f"f_{dimension.key}", counts.get(dimension.key, {})
            chosen[dimension.key] = columns[index % 3].multiselect(
                dimension.label,
                list(dimension.order),
                key=key,
                placeholder="All",
                format_func=lambda v, c=option_counts: f"{v} ({disclosure.show_count(c.get(v, 0), threshold)})",
            )
            _keep_in_url(key, chosen[dimension.key])
    active = {k: v for k, v in chosen.items() if v}
    if active:
        st.caption("Filtered to " + "; ".join(f"{BY_KEY[k].label}: {', '.join(v)}" for k, v in active.items()) + ".")
    return CohortScope(scope.areas, scope.year_from, scope.year_to, active)


def _keep_in_url(key: str, values: list[str]) -> None:
    if values:
        st.query_params[key] = values
    elif key in st.query_params:
        del st.query_params[key]


# --- the cohort pages' reads, through the app's cached query ---------------------------------------


def crosstab(scope: CohortScope, row_dim: str, col_dim: str):
    return cohort_data.crosstab(query, scope, row_dim, col_dim)


def reoffending_rates(scope: CohortScope, dim: str, col_dim: str, threshold: int):
    return cohort_data.reoffending_rates(query, scope, dim, col_dim, threshold)


def kpi_table(scope: CohortScope, threshold: int):
    return cohort_data.kpi_table(query, scope, threshold)


def stage_counts(scope: CohortScope, grouping: str):
    return cohort_data.stage_counts(query, scope, grouping)
