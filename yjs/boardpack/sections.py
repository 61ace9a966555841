"""The sections of a board pack, each built from query results; a section without data says what
is missing instead of failing. Aggregates of children keep the screen's disclosure control."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from yjs.boardpack.model import Chart, Section, Table
from yjs.charts import cohort as charts_cohort
from yjs.charts import plans as charts_plans
from yjs.charts import ratings as charts_ratings
from yjs.charts.base import BRAG_COLOURS, BRAG_TEXT_COLOURS, RATING_COLOURS, RATING_TEXT_COLOURS
from yjs.data import cohort as cohort_data
from yjs.data import indicators as indicator_data
from yjs.data import plans as plan_data
from yjs.data import ratings as rating_data
from yjs.data.cohort import CohortScope, stage_counts
from yjs.data.db import Query
from yjs.domain import comparators, disclosure, disproportionality, highlight, plans, ratings, rules
from yjs.domain.dates import long_date

WEAKEST_SHOWN = 3
PREVIOUS_MEETING_DAYS = 56  # boards meet about every eight weeks


def _rating_colours() -> dict[str, tuple[str, str]]:
    return {r: (RATING_COLOURS[r], RATING_TEXT_COLOURS[r]) for r in rules.RATINGS}


def _brag_colours() -> dict[str, tuple[str, str]]:
    return {s: (BRAG_COLOURS[s], BRAG_TEXT_COLOURS[s]) for s in BRAG_COLOURS}


# --- ratings and key questions ---------------------------------------------------------------------


def inspection_sections(query: Query, area: str, meeting: dt.date) -> tuple[Section, Section]:
    history = rating_data.inspections_of_area(query, area)
    history = history[pd.to_datetime(history["inspection_date"]).dt.date <= meeting]
    if history.empty:
        why = f"No inspection of {area} is recorded on or before {long_date(meeting)}."
        return (
            Section("Inspection ratings", why, missing=why),
            Section("Key questions of the weakest standards", why, missing=why),
        )
    inspection = history.iloc[-1]
    inspection_id = int(inspection["inspection_id"])
    standards = rating_data.standards_of_inspection(query, inspection_id)
    key_questions = rating_data.key_questions_of_inspection(query, inspection_id)
    panels = ratings.standard_panels(standards, key_questions)
    return (_ratings_section(inspection, standards), _key_question_section(inspection, panels))


def _inspection_words(inspection) -> str:
    score = "" if pd.isna(inspection["score"]) else f", scoring {int(inspection['score'])}/36"
    when = (
        f"published {long_date(pd.Timestamp(inspection['published']).date())}"
        if pd.notna(inspection["published"])
        else f"with fieldwork from {long_date(pd.Timestamp(inspection['fieldwork_start']).date())}"
    )
    return (
        f"The inspection {when} rated {inspection['area']} "
        f"{inspection['overall_rating'] or 'with no published overall rating'}{score}"
    )


def _ratings_section(inspection, standards: pd.DataFrame) -> Section:
    source = str(inspection["source"])
    if standards.empty or inspection["standards_rated"] == 0:
        missing = (
            "The ratings of the individual standards of this inspection are not in the shipped sources "
            "(import them from the report)"
            if not standards.empty
            else "This inspection used the 2025 framework, whose standards do not fit "
            "the twelve of 2018-2024; only its overall rating is recorded"
        )
        return Section(
            "Inspection ratings",
            f"{_inspection_words(inspection)}. {missing}.",
            sources=(source,),
            missing=missing + ".",
        )
    table = ratings.ratings_table(standards, inspection["overall_rating"], inspection["score"]).drop(columns="code")
    table.columns = ["Standard", "Rating", "Score"]
    counts = standards["rating"].value_counts()
    below = int(counts.get(rules.INADEQUATE, 0) + counts.get(rules.REQUIRES_IMPROVEMENT, 0))
    summary = (
        f"{_inspection_words(inspection)}. {below} of its {len(standards)} rated standards are below Good"
        f" ({int(counts.get(rules.INADEQUATE, 0))} Inadequate)."
    )
    return Section(
        "Inspection ratings",
        summary,
        tables=(Table("Ratings as HMIP lays them out", table, {"Rating": _rating_colours()}),),
        sources=(source,),
    )


def _weakest(panels: list[ratings.StandardPanel]) -> list[ratings.StandardPanel]:
    """Standards with key questions, lowest % Yes first, those below Good before the rest."""
    explained = [p for p in panels if p.assessment is not None]
    explained.sort(
        key=lambda p: (rules.RATINGS.index(p.rating) if p.rating in rules.RATINGS else 0, p.assessment.lowest.pct)
    )
    return explained[:WEAKEST_SHOWN]


def _lift_words(panel: ratings.StandardPanel) -> str:
    lift, target = panel.lift(), rules.next_rating(panel.rating) if panel.rating else None
    if lift is None or target is None:
        return "Already Outstanding."
    parts = [
        f"{rules.THEME_PHRASES.get(q.theme, q.question)}: {ratings.lift_label(lift[q.question_no], target)}"
        for q in panel.questions
    ]
    return f"To reach {target}: " + "; ".join(parts) + "."


def _key_question_section(inspection, panels: list[ratings.StandardPanel]) -> Section:
    weakest = _weakest(panels)
    if not weakest:
        missing = "No key-question results are published for this inspection, so no standard can be explained."
        return Section(
            "Key questions of the weakest standards", missing, missing=missing, sources=(str(inspection["source"]),)
        )
    charts = tuple(
        Chart(
            f"{p.code} {p.name}: {p.rating}",
            charts_ratings.key_question_bars(p, height=260),
            f"{rules.explain(p.assessment)} {_lift_words(p)}",
            p.source or str(inspection["source"]),
            height=260,
            data=ratings.key_question_table([p])[["question", "relevant_cases", "number_yes", "pct_yes", "band"]],
        )
        for p in weakest
    )
    below = ratings.below_good(panels)
    tables = ()
    if not below.empty:
        below = below.assign(extra_cases=below["extra_cases"].map(lambda v: "" if pd.isna(v) else str(int(v))))
        below.columns = ["Standard", "Rating", "To reach Good", "Extra Yes cases in all"]
        tables = (
            Table("Standards below Good and the extra Yes cases each needs", below, {"Rating": _rating_colours()}),
        )
    summary = (
        f"The {len(weakest)} weakest standards by their lowest key question. A standard takes the band of "
        "its lowest key question: under 50% Inadequate, 50-64% Requires improvement, 65-79% Good, "
        "80% or more Outstanding."
    )
    return Section(
        "Key questions of the weakest standards",
        summary,
        tables=tables,
        charts=charts,
        sources=tuple(dict.fromkeys(c.source for c in charts)),
    )


# --- indicators ------------------------------------------------------------------------------------


def _format_value(value, unit: str) -> str:
    if value is None or pd.isna(value):
        return ""
    return f"{value:.1f}%" if unit == "%" else f"{value:,.1f}" if abs(value) < 100 else f"{value:,.0f}"


def indicator_section(query: Query, area: str, is_demo: bool) -> Section:
    indicators = indicator_data.catalogue(query)
    values = indicator_data.values(query, indicators["code"].tolist(), is_demo)
    card = comparators.scorecard(values, area, comparators.REGION, indicator_data.saved_groups(query), indicators)
    held = card[card["value"].notna()]
    absent = card.loc[card["value"].isna(), "indicator"].tolist()
    if held.empty:
        missing = (
            f"No indicator values are loaded for {area}. Import them with "
            "“python -m yjs import indicators FILE” (the YJB publishes the national measures per service)."
        )
        return Section("Indicator scorecard", missing, missing=missing)
    table = pd.DataFrame(
        {
            "Indicator": held["indicator"],
            "Period": held["period"],
            "Value": [_format_value(v, u) for v, u in zip(held["value"], held["unit"], strict=True)],
            "Region median": [
                _format_value(v, u) for v, u in zip(held["comparator_median"], held["unit"], strict=True)
            ],
            "Band (A best, all services)": held["band"].fillna("–"),
            "Rank in region": held["rank"].fillna("–"),
            "Direction of travel": held["direction"],
        }
    )
    bottom = held.loc[held["band"] == "D", "indicator"].tolist()
    summary = (
        f"{len(held)} of {len(card)} indicators have values for {area}, compared with the other "
        f"{'demo' if is_demo else 'real'} areas of its region. "
        + (f"In the bottom quartile: {', '.join(bottom)}. " if bottom else "No indicator is in the bottom quartile. ")
        + (f"No values yet for: {', '.join(absent)}." if absent else "")
    )
    sources = values.loc[(values["area"] == area) & values["value"].notna(), "source"].dropna().unique()
    local = held[held["local_source"].notna()]
    if not local.empty:
        summary += " Indicators marked (local) were defined by the service, not the national catalogue."
    definitions = tuple(f"{row.indicator}, definition: {row.local_source}" for row in local.itertuples(index=False))
    return Section(
        "Indicator scorecard",
        summary.strip(),
        tables=(Table("Latest value of each indicator", table),),
        sources=(*sources, *definitions),
        missing=f"No values yet for {len(absent)} indicators." if absent else None,
    )


# --- disproportionality ----------------------------------------------------------------------------


def _rate_text(rate) -> str:
    return disclosure.CONFIDENTIAL if rate is None or pd.isna(rate) else f"{rate:.1%}"


def withheld_child_level_section(title: str, area: str) -> Section:
    """A section built from children's records, for someone whose role does not cover the area."""
    why = (
        f"Left out: figures from children's records are shown only to {area}'s own staff, and this pack was "
        "prepared by someone whose access covers other services. Published figures are in the other sections."
    )
    return Section(title, why, missing=why)


def disproportionality_section(query: Query, area: str, meeting: dt.date, threshold: int) -> Section:
    title = "Disproportionality by ethnicity"
    summary = cohort_data.scope_summary(query, [area])
    if summary["children"] and int(summary["first_year"]) > meeting.year:
        summary = dict(summary, children=0)  # the cohort starts after the meeting
    if not summary["children"]:
        missing = (
            f"No child-level cohort records up to {meeting.year} are loaded for {area}, "
            "so relative rates cannot be computed. "
            "A service loads its own with “python -m yjs import cohort FILE”."
        )
        return Section(title, missing, missing=missing)
    scope = CohortScope((area,), int(summary["first_year"]), min(int(summary["last_year"]), meeting.year))
    counts = disproportionality.period_counts(stage_counts(query, scope, "ethnicity"))
    rri = disproportionality.rri_table(counts, "ethnicity", threshold)
    source = str(summary["sources"])
    if rri.empty:
        missing = "There are too few children in these groups to compare without revealing small counts."
        return Section(title, missing, missing=missing, sources=(source,))
    shown = disproportionality.display_counts(rri, threshold)
    table = pd.DataFrame(
        {
            "Stage": shown["stage"],
            "Group": shown["group"],
            "Children": shown["group_events"],
            "Of": shown["group_base"],
            "Rate": shown["group_rate"].map(_rate_text),
            "White rate": shown["reference_rate"].map(_rate_text),
            "RRI (95% interval)": [
                f"{r:.2f} ({lo:.2f}–{hi:.2f})" if pd.notna(r) else disclosure.CONFIDENTIAL
                for r, lo, hi in zip(shown["rri"], shown["low"], shown["high"], strict=True)
            ],
            "More than chance": shown["flagged"].map({True: "Yes", False: "No"}),
        }
    )
    flagged = rri[rri["flagged"]]
    words = "; ".join(
        f"{r.group} children, {r.stage.split(' (')[0].lower()}: RRI {r.rri:.2f}, {r.direction}"
        for r in flagged.itertuples()
    )
    text = (
        f"Children who started in {scope.year_from}-{scope.year_to}, each group against White children. "
        + (
            f"More than chance (95% interval excludes 1): {words}."
            if words
            else "No stage shows a difference from White children that is more than chance."
        )
        + f" {disclosure.ADJUSTED_NOTE} Counts from 1 to {threshold - 1} are shown as c, and no rate or index "
        "is built on them."
    )
    withheld = int(rri["rri"].isna().sum())
    if withheld:
        text += f" {withheld} of the {len(rri)} comparisons are withheld because a count behind them is small."
    plotted = int((rri["rri"] > 0).sum())
    chart_title = "Relative rate index by stage, against White children"
    charts = (
        (
            Chart(
                chart_title,
                charts_cohort.forest(rri, title=chart_title),
                text,
                source,
                height=max(320, 46 * plotted + 140),
                data=table,
            ),
        )
        if plotted
        else ()
    )
    return Section(title, text, tables=(Table("Relative rates by stage", table),), charts=charts, sources=(source,))


# --- improvement plan ------------------------------------------------------------------------------


def _plan_for(query: Query, area: str, meeting: dt.date) -> dict | None:
    options = plan_data.plans_on_show(query, show_demo=True)
    options = options[options["area"] == area]
    if options.empty:
        return None
    dated = pd.to_datetime(options["plan_date"]).dt.date
    before = options[dated.isna() | (dated <= meeting)]
    row = (before if not before.empty else options).iloc[0]
    return row.to_dict()


def plan_section(query: Query, area: str, meeting: dt.date) -> Section:
    title = "Improvement plan highlight report"
    plan = _plan_for(query, area, meeting)
    if plan is None:
        missing = f"No improvement plan for {area} is loaded. Import one on the Load data page (\u201cactions\u201d)."
        return Section(title, missing, missing=missing)
    actions, updates, edits = plan_data.plan_history(query, plan["plan"])
    previous = meeting - dt.timedelta(days=PREVIOUS_MEETING_DAYS)
    report = highlight.highlight_report(plan, actions, updates, edits, meeting, previous)
    tables = [
        Table(
            f"Status of the actions on {long_date(previous)} and {long_date(meeting)}",
            report.counts.rename(
                columns={"status": "Status", "then": long_date(previous), "now": long_date(meeting), "change": "Change"}
            ).astype(str),
            {"Status": _brag_colours()},
        )
    ]
    for heading, frame, extra in (
        (f"Completed since {long_date(previous)}", report.completed, {"completed": "Completed"}),
        (f"Slipped since {long_date(previous)}", report.slipped, {"why": "What changed"}),
        ("Decisions needed", report.decisions, {"last_update": "Last update"}),
    ):
        shown = frame[list(highlight.ACTION_HEADINGS) + ["status", *extra]] if not frame.empty else frame
        if not shown.empty and not shown["progress"].str.strip().any():
            shown = shown.drop(columns="progress")  # a plan without commentary: no empty column on the page
        tables.append(
            Table(
                f"{heading} ({len(frame)})",
                shown.rename(columns={**highlight.ACTION_HEADINGS, "status": "Status", **extra}).astype(str),
                {"Status": _brag_colours()},
            )
        )
    counts = report.counts.set_index("status")["now"]
    summary = (
        f"{plan['title']}: {int(counts['Total'])} actions at the meeting of {long_date(meeting)}, "
        + ", ".join(f"{int(counts[s])} {s}" for s in plans.STATUS_ORDER if counts.get(s, 0))
        + f". Since {long_date(previous)}: {len(report.completed)} completed, {len(report.slipped)} slipped; "
        f"{len(report.decisions)} Red actions need a decision. BRAG: Blue complete, Green on track, Amber at "
        "risk, Red off track."
    )
    return Section(
        title,
        summary,
        tables=tuple(tables),
        charts=_plan_chart(actions, updates, edits, meeting, plan),
        sources=(str(plan["source"]),),
    )


def _plan_chart(actions, updates, edits, meeting: dt.date, plan: dict) -> tuple[Chart, ...]:
    progress = plans.progress_over_time(actions, updates, edits, meeting)
    progress = progress[progress["date"] <= meeting]
    dates = sorted(progress["date"].unique())[-8:]  # the last eight updates: legible on a page
    if len(dates) < 2:
        return ()
    progress = progress[progress["date"].isin(dates)]
    latest = progress[progress["date"] == dates[-1]]
    words = ", ".join(f"{int(n)} {s}" for s, n in zip(latest["status"], latest["actions"], strict=True) if n)
    title = "Status of the actions at each update"
    table = progress.pivot(index="date", columns="status", values="actions").reset_index()
    return (
        Chart(
            title,
            charts_plans.progress(progress, title=title),
            f"Status counts at the last {len(dates)} status updates up to {long_date(meeting)}; at the last: {words}.",
            str(plan["source"]),
            data=table.assign(date=table["date"].map(long_date)),
        ),
    )
