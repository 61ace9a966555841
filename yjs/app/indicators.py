"""The indicator pages' helpers: pickers, headline figures, ranked tables, and their reads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from yjs.app import auth
from yjs.app import widgets as ui
from yjs.app.cache import cached, query
from yjs.app.filters import area_choice_in_page, area_options
from yjs.charts import indicators as charts_indicators
from yjs.data import indicators as indicator_data
from yjs.data.areas import is_demo_area
from yjs.domain import benchmarking, comparators, roles
from yjs.domain.comparators import ALL, COUNTRY, NEIGHBOURS, REGION, ComparatorSet, neighbours_group, ranking
from yjs.domain.filters import Filters
from yjs.domain.plaintext import markdown_text as md
from yjs.paths import database_path
from yjs.store import groups, names
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
    """The indicator on show; a local one (defined by a user's import) says so in the list."""
    names = dict(zip(catalogue["code"], labelled_names(catalogue), strict=True))
    return st.selectbox("Indicator", list(names), format_func=names.get, key="indicator", bind="query-params")


def labelled_names(catalogue: pd.DataFrame) -> list[str]:
    return [
        benchmarking.shown_name(n, local) for n, local in zip(catalogue["name"], catalogue["is_local"], strict=True)
    ]


def definition_caption(details: pd.Series) -> None:
    """What the indicator measures and where its definition comes from; a local one is marked as such."""
    origin = (
        f"**Local indicator**, defined by an import on this database. Source: {details['source']}."
        if details["is_local"]
        else f"Definition source: {details['source']}."
    )
    st.caption(
        f"**{details['name']}**: {details['definition']}. Unit: {details['unit']}; {details['polarity']}; "
        f"{details['period_type']}. {origin}"
    )


def chosen_area(filters: Filters) -> tuple[str | None, bool]:
    """The area chosen in the sidebar (None when none is), and whether the page shows demo areas: the chosen
    area's kind, else the sidebar's switch."""
    if not filters.area:
        return None, filters.show_demo
    return filters.area, is_demo_area(query, filters.area)


def _lines_words(lines: dict, area: str | None) -> str:
    """What the reference lines on the ranked chart are, or why there are none."""
    if not lines:
        return "No national line: none is published for this period, and these values carry no counts to pool."
    return "Lines: the national figure, published where there is one, else pooled from numerators and denominators" + (
        ", and the area's region." if len(lines) > 1 and area else "."
    )


def across_all_areas(series: pd.DataFrame, details: pd.Series, area: str | None, *, table: bool) -> None:
    """Every area's latest value ranked, LAIT's bands shaded and the national (and the area's regional) lines;
    the chosen area highlighted; with `table`, every area's row under the chart with its downloads."""
    period_end = comparators.most_reported_period_end(series)
    if period_end is None:
        st.info(f"No area has a value for {details['name'].lower()} yet.", icon=":material/query_stats:")
        return
    polarity, unit = details["polarity"], details["unit"]
    rows = comparators.ranking(series, polarity, period_end)
    period = rows["period"].iloc[0]
    kind = "demo" if rows["is_demo"].all() else "real"
    region = rows.loc[rows["area"] == area, "region"].dropna()
    lines = comparators.reference_lines(series, tuple(rows["area"]), unit, region.iloc[0] if len(region) else None)
    name = benchmarking.shown_name(details["name"], details["is_local"])
    drawn_lines = comparators.values_in_period(lines, period_end)
    ui.chart(
        charts_indicators.ranked(
            rows,
            drawn_lines,
            highlight=area,
            unit=unit,
            ranked_by_polarity=polarity != benchmarking.NEITHER,
            title=f"{name}, {period}: every {kind} service",
        ),
        f"{details.name}-ranked",
        None if table else rows[["area", "region", "value", "rank", "band", "source"]],
    )
    st.caption(
        f"{len(rows)} {kind} services with a value for {period} (the latest period most services report), "
        + ("best first. " if polarity != benchmarking.NEITHER else "highest first (this indicator has no better "
           "direction, so no rank or band). ")
        + "Shaded: the quartile bands as LAIT sets them, A the best quarter. "
        + _lines_words(drawn_lines, area)
        + " Hover a bar for its area."
    )  # fmt: skip
    if table:
        everyone = ComparatorSet("all areas", tuple(rows["area"]), "all services")
        show_ranked_table(ranked_table(series, period, everyone, polarity, area), f"{details.name}-{period}-all")


def national_scorecard(filters: Filters, demo: bool) -> None:
    """Every indicator across the country: the latest period most areas report, how many do, the median and
    quartiles, the published national figure; and the area choice, here as well as in the sidebar."""
    area_choice_in_page(filters.visible_areas(area_options()), "Choose an area for its scorecard")
    if demo:
        demo_area_notice()
    st.subheader(f"Every indicator across {'the demo' if demo else 'all real'} services")
    picture = comparators.national_picture(values(catalogue()["code"].tolist(), demo), catalogue())
    empty = picture["areas_reporting"] == 0
    picture = pd.concat([picture[~empty], picture[empty]], ignore_index=True)  # the reported ones first
    st.caption(
        "Each indicator in the latest period most services report: how many report it, the middle value (median) "
        "and the quartiles (a quarter of services are below the lower quartile and a quarter above the upper; "
        "LAIT's bands A-D follow them), and the published national figure for that period where there is one."
    )
    if empty.any():
        st.caption(
            f"{int(empty.sum())} indicators have no {'demo' if demo else 'real'} figures yet: load a service's own "
            "on the **Load data** page, or with `python -m yjs import indicators FILE`."
        )
    st.dataframe(
        picture,
        hide_index=True,
        width="stretch",
        height=36 * (len(picture) + 1) + 20,
        placeholder="–",
        column_config={
            "indicator": st.column_config.TextColumn("Indicator", pinned=True, width="medium"),
            "period": "Latest period",
            "areas_reporting": st.column_config.NumberColumn("Areas reporting", format="%d"),
            "lower_quartile": st.column_config.NumberColumn("Lower quartile", format="%.1f"),
            "median": st.column_config.NumberColumn("Median", format="%.1f"),
            "upper_quartile": st.column_config.NumberColumn("Upper quartile", format="%.1f"),
            "national": st.column_config.NumberColumn("National figure", format="%.1f"),
            "national_geography": "National figure for",
            "unit": "Unit",
            "polarity": "Better when",
        },
    )
    ui.download_buttons(picture, "scorecard-national")


def show_ranked_table(table: pd.DataFrame, name: str) -> None:
    """A ranked table with readable headings (numerator and denominator only where some area gives them),
    and its downloads."""
    shown = table[[c for c in table.columns if c not in ("numerator", "denominator") or table[c].notna().any()]]
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            "area": st.column_config.TextColumn("Area", pinned=True),
            "region": "Region",
            "value": "Value",
            "numerator": "Numerator",
            "denominator": "Denominator",
            "rank": "Rank",
            "band": st.column_config.TextColumn("Band", help="LAIT's quartile band among every service: A the best"),
            "source": st.column_config.TextColumn("Source", width="large"),
        },
    )
    ui.download_buttons(shown, name)


def choice_label(choice: str) -> str:
    """Where ranks are taken, in words, for a comparison choice."""
    return {REGION: "its region", COUNTRY: "its country", ALL: "all services"}.get(choice, f"the group “{choice}”")


def local_indicators_note(card: pd.DataFrame) -> None:
    """Indicators a user defined are marked "(local)"; say so, with the source of each definition."""
    local = card[card["local_source"].notna()]
    if not local.empty:
        listed = "; ".join(f"{row.indicator}: {row.local_source}" for row in local.itertuples(index=False))
        st.caption(
            f"**(local)**: an indicator defined by an import on this database, not a national measure. {listed}."
        )


def comparator_picker(saved: dict[str, list[str]], area: str) -> str:
    """Region, country, all areas, the area's statistical neighbours (where it has them) or a saved group."""
    has_neighbours = neighbours_group(area) in group_sources()
    labels = {
        REGION: "Its region",
        COUNTRY: "Its country",
        ALL: "All areas",
        **({NEIGHBOURS: "Its statistical neighbours"} if has_neighbours else {}),
        **{name: f"Group: {md(name)}" for name in saved},  # radio options are read as Markdown
    }
    choice = st.radio(
        "Compare with", list(labels), format_func=labels.get, horizontal=True, key="compare_with", bind="query-params"
    )
    if choice == NEIGHBOURS:
        st.caption(
            f"**{neighbours_group(area)}**: the services that are each a single council among the council's ten "
            f"statistical neighbours. Source: {group_sources()[neighbours_group(area)]}."
        )
    return choice


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
        result["band"] or "–",
        help="As LAIT bands: the quarters of every service's value in the period, whatever the comparison "
        "for the rank. A is the best quarter, D the worst, by this indicator's polarity.",
    )
    st.markdown(
        f"**Band: A–D across all services ({result['banded_among']} with a value for {result['period']}); "
        f"rank: within {comparators.rank_scope}.**"
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


def bottom_quartile_note(area: str, demo: bool, choice: str) -> None:
    """Which indicators put the area in the worst quarter of all services (the scorecard's verdict)."""
    card = area_scorecard(area, choice, demo)
    bottom = card.loc[card["band"] == "D", "indicator"].tolist()
    text = ", ".join(bottom) if bottom else "none of its indicators"
    st.markdown(f"**Bottom quartile of all services:** {md(text)}. Every indicator is on the **Scorecard**.")


def ranked_table(
    series: pd.DataFrame, period: str, comparators: ComparatorSet, polarity: str, area: str | None
) -> pd.DataFrame:
    """The comparison set's values in the period: rank within the set, band among every area of the kind."""
    period_end = series.loc[series["period"] == period, "period_end"].iloc[0]
    rows = ranking(series, polarity, period_end, comparators.areas)
    rows["area"] = [f"▶ {a}" if a == area else a for a in rows["area"]]
    columns = ["area", "region", "value", "numerator", "denominator", "rank", "band", "source"]
    return rows[columns].astype({"numerator": "Int64", "denominator": "Int64", "rank": "Int64"}).round({"value": 2})


def save_group_form(known: set[str], members: list[str] = ()) -> None:
    """Save a named group of areas, reusable on every page that compares areas."""
    if not roles.allows(auth.actor().role, "editor"):
        return  # viewers compare with saved groups but do not save them
    with (
        st.expander("Save a comparator group", icon=":material/group_add:"),
        st.form("save_group", clear_on_submit=False),
    ):
        name = st.text_input(
            "Name", max_chars=names.MAX_NAME, placeholder="e.g. Statistical neighbours", key="group_name"
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


def all_groups() -> dict[str, list[str]]:
    return indicator_data.all_groups(query)


def group_sources() -> dict[str, str]:
    return indicator_data.group_sources(query)


def values(codes: list[str], demo: bool) -> pd.DataFrame:
    return indicator_data.values(query, codes, demo)


@cached(max_entries=256)
def area_scorecard(area: str, choice: str, demo: bool) -> pd.DataFrame:
    """The scorecard, cached per area and comparison until the database file changes."""
    return indicator_data.area_scorecard(query, area, choice, demo)
