"""The indicator pages' helpers: pickers, headline figures, ranked tables, and their reads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from yjs.app import auth
from yjs.app.cache import cached, query
from yjs.data import indicators as indicator_data
from yjs.data.areas import is_demo_area
from yjs.domain import benchmarking, roles
from yjs.domain.comparators import ALL, COUNTRY, REGION, ComparatorSet, latest_by_area
from yjs.domain.filters import Filters
from yjs.domain.plaintext import markdown_text as md
from yjs.paths import database_path
from yjs.store import groups
from yjs.store.atomic import StoreError


def no_values(area: str, what: str) -> None:
    st.info(
        f"{area} has no values for {what} yet. Load them on the **Load data** page or with "
        "`python -m yjs import indicators FILE`.",
        icon=":material/query_stats:",
    )


def demo_area_notice() -> None:
    st.warning(
        "**Demo data on screen.** This area and its comparators are invented; their figures are generated.",
        icon=":material/science:",
    )


def indicator_picker(catalogue: pd.DataFrame) -> str:
    names = dict(zip(catalogue["code"], catalogue["name"], strict=True))
    return st.selectbox("Indicator", list(names), format_func=names.get, key="indicator", bind="query-params")


def area_or_prompt(filters: Filters) -> tuple[str | None, bool]:
    """The area chosen in the sidebar, and whether it is a demo area; a prompt when none is."""
    if not filters.area:
        st.info("Choose **Your area** in the sidebar to benchmark it.", icon=":material/arrow_back:")
        return None, False
    return filters.area, is_demo_area(query, filters.area)


def comparator_picker(saved: dict[str, list[str]]) -> str:
    labels = {
        REGION: "Its region",
        COUNTRY: "Its country",
        ALL: "All areas",
        **{name: f"Group: {md(name)}" for name in saved},  # radio options are read as Markdown
    }
    return st.radio(
        "Compare with", list(labels), format_func=labels.get, horizontal=True, key="compare_with", bind="query-params"
    )


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "%":
        return f"{value:.1f}%"
    return f"{value:.2f}" if value < 10 else f"{value:,.1f}" if value < 1000 else f"{value:,.0f}"


def headline(result: dict, details: pd.Series, comparators: ComparatorSet) -> None:
    unit, polarity = details["unit"], details["polarity"]
    columns = st.columns(4)
    delta = None if result["previous"] is None else result["value"] - result["previous"]
    columns[0].metric(
        f"Latest ({result['period']})",
        _fmt(result["value"], unit),
        delta=None if delta is None else f"{delta:+.1f} since {result['previous_period']}",
        delta_color="inverse"
        if polarity == benchmarking.LOWER
        else "normal"
        if polarity == benchmarking.HIGHER
        else "off",
    )
    alone = result["set_size"] < 2  # a rank of one, or a band, among one area says nothing
    rank, national = result["rank"], result["national_rank"]
    columns[1].metric(f"Rank in {md(comparators.label)}", f"{rank[0]} of {rank[1]}" if rank and not alone else "–")
    columns[2].metric(
        "Rank among all areas", f"{national[0]} of {national[1]}" if national and national[1] > 1 else "–"
    )
    columns[3].metric(
        "Quartile band",
        "–" if alone else result["band"] or "–",
        help="A is the best quarter of the comparators, D the worst, by this indicator's polarity.",
    )
    if result["set_size"] < 2:
        st.info(
            f"{md(comparators.label[:1].upper() + comparators.label[1:])} holds only this area for {result['period']}: "
            "choose a wider comparison, or load more areas' figures, to rank it.",
            icon=":material/group:",
        )
    previous = (
        f" (from {_fmt(result['previous'], unit)} in {result['previous_period']})"
        if result["previous"] is not None
        else ""
    )
    st.markdown(
        f"**Direction of travel: {benchmarking.ARROWS[result['direction']]}**{previous}. "
        f"Comparator median {_fmt(result['comparator_median'], unit)}. Source: {md(result['source'])}."
    )


def bottom_quartile_note(area: str, demo: bool, choice: str, label: str) -> None:
    """Which indicators put the area in the worst quarter of its comparators (the scorecard's verdict)."""
    card = area_scorecard(area, choice, demo)
    bottom = card.loc[card["band"] == "D", "indicator"].tolist()
    text = ", ".join(bottom) if bottom else "none of its indicators"
    st.markdown(f"**Bottom quartile of {md(label)}:** {md(text)}. Every indicator is on the **Scorecard**.")


def ranked_table(
    series: pd.DataFrame, period: str, comparators: ComparatorSet, polarity: str, area: str
) -> pd.DataFrame:
    period_end = series.loc[series["period"] == period, "period_end"].iloc[0]
    rows = latest_by_area(series[~series["is_reference"]], period_end)
    rows = rows[rows["area"].isin(comparators.areas)].copy()
    values = rows["value"].tolist()
    rows["rank"] = [(benchmarking.rank(v, values, polarity) or (None,))[0] for v in values]
    rows["band"] = [benchmarking.quartile_band(v, values, polarity) for v in values]
    rows["area"] = [f"▶ {a}" if a == area else a for a in rows["area"]]
    columns = ["area", "region", "value", "numerator", "denominator", "rank", "band", "source"]
    table = rows.sort_values(["rank", "area"], na_position="last")[columns]
    return table.astype({"numerator": "Int64", "denominator": "Int64", "rank": "Int64"}).round({"value": 2})


def save_group_form(known: set[str], members: list[str] = ()) -> None:
    """Save a named group of areas, reusable on every page that compares areas."""
    if not roles.allows(auth.actor().role, "editor"):
        return  # viewers compare with saved groups but do not save them
    with (
        st.expander("Save a comparator group", icon=":material/group_add:"),
        st.form("save_group", clear_on_submit=False),
    ):
        name = st.text_input(
            "Name", max_chars=groups.MAX_NAME, placeholder="e.g. Statistical neighbours", key="group_name"
        )
        members = st.multiselect(
            "Areas", sorted(known), default=[m for m in members if m in known], key="group_members"
        )
        if st.form_submit_button("Save group"):
            try:
                with st.spinner("Saving..."):
                    groups.save_group(database_path(), name, members, known, auth.actor())
                st.success(
                    f"Saved “{md(name.strip())}” with {len(set(members))} areas; choose it on Benchmarking, "
                    "the Ratings matrix or Compare areas."
                )
            except (groups.GroupError, roles.PermissionDenied, StoreError) as exc:
                st.error(md(exc))


# --- the indicator pages' reads, through the app's cached query -------------------------------------


def catalogue() -> pd.DataFrame:
    return indicator_data.catalogue(query)


def saved_groups() -> dict[str, list[str]]:
    return indicator_data.saved_groups(query)


def values(codes: list[str], demo: bool) -> pd.DataFrame:
    return indicator_data.values(query, codes, demo)


@cached(max_entries=256)
def area_scorecard(area: str, choice: str, demo: bool) -> pd.DataFrame:
    """The scorecard, cached per area and comparison until the database file changes."""
    return indicator_data.area_scorecard(query, area, choice, demo)
