"""A board pack for a regional partnership: the improvement plans of the region's services side by side
(the Plans across services chart and table) and disproportionality area by area (Black children in
custody, the Disproportionality by area view), as they stood at the partnership's meeting.

Real areas only, or with `demo` the region's demo areas only: a pack never ranks the two together.
"""

from __future__ import annotations

import datetime as dt
import difflib

import pandas as pd

from yjs.boardpack import sections
from yjs.boardpack.model import BoardPack, Chart, Section, Table, UnknownArea
from yjs.charts import cohort as charts_cohort
from yjs.charts import plans as charts_plans
from yjs.data import cohort as cohort_data
from yjs.data import plans as plan_data
from yjs.data.areas import areas_with_inspection_years
from yjs.data.cohort import CohortScope
from yjs.data.db import Query
from yjs.domain import disclosure, disproportionality, plan_progress
from yjs.domain import disproportionality_by_area as by_area
from yjs.domain.dates import long_date

COMPARISON, STAGE = "Black children", "custody"
PLANS_TITLE = "Improvement plans across the region"
RRI_TITLE = f"Disproportionality by area: {COMPARISON} in custody"
SECTION_TITLES = (PLANS_TITLE, RRI_TITLE)
SORT = "Share complete, least first"


def find_region(query: Query, region: str) -> str:
    """The region's name as the database spells it; an unknown one raises with the closest names."""
    regions = sorted(areas_with_inspection_years(query)["region"].dropna().unique())
    match = [name for name in regions if name.casefold() == region.strip().casefold()]
    if not match:
        close = difflib.get_close_matches(region, regions, n=3, cutoff=0.5)
        hint = f" Did you mean {' or '.join(close)}?" if close else f" The regions are: {', '.join(regions)}."
        raise UnknownArea(f"No region called '{region}' is in the database.{hint}")
    return match[0]


def gather_regional(
    query: Query,
    region: str,
    meeting: dt.date,
    *,
    demo: bool = False,
    today: dt.date | None = None,
    threshold: int = disclosure.MIN_THRESHOLD,
    progress=None,
    child_level: bool = True,
) -> BoardPack:
    """The regional pack for the partnership meeting on `meeting`. Without `child_level` (a role scoped to
    fewer services than the region's), its section from children's records says it is withheld."""
    name = find_region(query, region)
    if progress:
        progress("improvement plans")
    plans = plans_section(query, name, meeting, demo)
    if progress:
        progress("disproportionality")
    rri = (
        rri_section(query, name, meeting, demo, threshold)
        if child_level
        else sections.withheld_child_level_section(RRI_TITLE, f"the {name} regional partnership")
    )
    return BoardPack(f"{name} regional partnership", meeting, today or dt.date.today(), demo, (plans, rri))


def plans_section(query: Query, region: str, meeting: dt.date, demo: bool) -> Section:
    kind = "demo" if demo else "real"
    frame = plan_data.plans_by_area_and_date(query, demo, [region], meeting)
    frame = frame[frame["is_demo"] == demo]
    if frame.empty:
        missing = f"No {kind} area in {region} has an improvement plan loaded. Import plans on the Load data page."
        return Section(PLANS_TITLE, missing, missing=missing)
    progress = plan_progress.sorted_progress(plan_progress.progress_at(frame, meeting), SORT)
    table = plan_progress.as_table(progress)
    shown = table[["Area", "Actions", "Overdue", "Last status update", "Update flag", "Rating the plan answers"]]
    shown = shown.assign(**{"Complete": [f"{v}%" if pd.notna(v) else "" for v in table["Blue %"]]}).astype(str)
    title = f"Status of each area's actions on {long_date(meeting)}, least complete first"
    summary = (
        f"{plan_progress.summary_sentence(progress, kind)} Each plan as it stood at the meeting of "
        f"{long_date(meeting)}. BRAG: Blue complete, Green on track, Amber at risk, Red off track."
    )
    charts = [
        Chart(
            title,
            charts_plans.status_shares(progress, highlight=None, title=title),
            summary,
            "; ".join(dict.fromkeys(progress["source"])),
            height=charts_plans.status_shares_height(progress["area"].tolist()),
            data=shown,
        )
    ]
    series = plan_progress.completion_over_time(frame)
    if series["date"].nunique() > 1:
        lines_title = "Share of actions complete at each status update"
        charts.append(
            Chart(
                lines_title,
                charts_plans.completion_lines(series, highlight=None, title=lines_title),
                "Each step is a date a status was recorded; the share holds until the next.",
                "; ".join(dict.fromkeys(progress["source"])),
                height=460,
            )
        )
    return Section(
        PLANS_TITLE,
        summary,
        tables=(Table("The region's plans, least complete first", shown),),
        charts=tuple(charts),
        sources=tuple(dict.fromkeys(progress["source"])),
    )


def rri_section(query: Query, region: str, meeting: dt.date, demo: bool, threshold: int) -> Section:
    areas = areas_with_inspection_years(query)
    chosen = areas[(areas["region"] == region) & (areas["is_demo"] == demo)]["area"].tolist()
    summary = cohort_data.scope_summary(query, chosen) if chosen else {"children": 0}
    if not summary["children"] or int(summary["first_year"]) > meeting.year:
        missing = (
            f"No child-level cohort records up to {meeting.year} are loaded for the {'demo' if demo else 'real'} "
            f"areas of {region}. A service loads its own with “python -m yjs import cohort FILE”."
        )
        return Section(RRI_TITLE, missing, missing=missing)
    scope = CohortScope(tuple(chosen), int(summary["first_year"]), min(int(summary["last_year"]), meeting.year))
    table = by_area.rri_by_area(
        cohort_data.stage_counts_by_area(query, scope, "ethnicity"), COMPARISON, STAGE, threshold
    )
    pooled = by_area.pooled(
        disproportionality.period_counts(cohort_data.stage_counts(query, scope, "ethnicity")),
        COMPARISON,
        STAGE,
        threshold,
    )
    drawn = by_area.ranked(table, "RRI, highest first")
    pooled_words = f"Pooled over the region the index is {pooled['rri']:.2f}. " if pooled else ""
    text = (
        f"Children who started in {scope.year_from}-{scope.year_to}: each area's rate of custody for Black children "
        f"(of their court outcomes) against White children's. {pooled_words}{len(drawn)} of {len(table)} areas "
        f"are drawn; {int((drawn['flagged']).sum())} differ by more than chance. {disclosure.ADJUSTED_NOTE} "
        f"Counts below {threshold} are not shown, and an area resting on one is withheld."
    )
    tables = (Table("Areas not drawn, and why", by_area.not_drawn(table)),) if len(drawn) < len(table) else ()
    charts = ()
    if not drawn.empty:
        title = "Relative rate index of custody, Black against White children"
        shown = by_area.display_table(drawn, "White", threshold).astype(str)
        charts = (
            Chart(
                title,
                charts_cohort.area_forest(drawn, pooled, highlight=None, title=title),
                text,
                str(summary["sources"]),
                height=max(320, 30 * len(drawn) + 190),
                data=shown,
            ),
        )
    return Section(RRI_TITLE, text, tables=tables, charts=charts, sources=(str(summary["sources"]),))
