"""Improvement plans compared across services (pure): each area's plan by the share of its actions at each
BRAG status, its overdue actions, how long since its last status update, the inspection rating it answers,
and its completion share over time.

The input is one frame over every plan (queries/read/plans/plan_status_by_area_and_date.sql): a row per
plan and date a status was recorded, plus the date the view is "as at", each with the plan's counts by
status as it stood at the end of that day.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from yjs.domain import brag
from yjs.domain.dates import long_date, month_label

STALE_DAYS = 90  # a plan whose last status update is older than this is flagged
# Left to right in a bar: complete first, so the bars line up on how much is done.
BAR_ORDER = (brag.BLUE, brag.GREEN, brag.AMBER, brag.RED, brag.NOT_ASSESSED)
COUNT_COLUMNS = {
    brag.BLUE: "blue",
    brag.GREEN: "green",
    brag.AMBER: "amber",
    brag.RED: "red",
    brag.NOT_ASSESSED: "not_assessed",
}
# Sort orders offered on the page: the columns and their directions (an allowlist: nothing else sorts).
# Each puts the plans that need a board's attention first.
SORTS = {
    "Share complete, least first": (["complete_share", "area"], [True, True]),
    "Overdue actions, most first": (["overdue", "area"], [False, True]),
    "Last status update, oldest first": (["last_update", "area"], [True, True]),
    "Area": (["area"], [True]),
}
SORT_PHRASES = {
    "Share complete, least first": "least complete first",
    "Overdue actions, most first": "most overdue first",
    "Last status update, oldest first": "oldest update first",
    "Area": "by area",
}
NO_UPDATE = "No status recorded"


def share_column(status: str) -> str:
    return f"{COUNT_COLUMNS[status]}_share"


def progress_at(frame: pd.DataFrame, as_at: dt.date) -> pd.DataFrame:
    """One row per area: its plan as it stood at the end of `as_at`, with shares, staleness and rating."""
    rows = frame[pd.to_datetime(frame["date"]).dt.date == as_at].copy()
    actions = rows["actions"].where(rows["actions"] > 0)
    for status, column in COUNT_COLUMNS.items():
        rows[share_column(status)] = (rows[column] / actions).astype("float64")
    rows["complete_share"] = rows[share_column(brag.BLUE)]
    last = pd.to_datetime(rows["last_update"])
    rows["days_since_update"] = (pd.Timestamp(as_at) - last).dt.days.astype("Int64")
    rows["stale"] = last.isna() | (rows["days_since_update"] > STALE_DAYS).fillna(True)
    rows["update_flag"] = [_update_flag(days) for days in rows["days_since_update"]]
    rated = zip(rows["inspection_rating"], rows["inspection_date"], strict=True)
    rows["rating_answered"] = [_rating_words(rating, when) for rating, when in rated]
    return rows.drop(columns="date").reset_index(drop=True)


def _update_flag(days) -> str:
    if pd.isna(days):
        return NO_UPDATE
    return f"Over {STALE_DAYS} days ago ({days} days)" if days > STALE_DAYS else ""


def _rating_words(rating, when) -> str:
    if rating is None or pd.isna(rating):
        return "No inspection linked"
    return f"{rating} ({month_label(pd.Timestamp(when).date())})" if pd.notna(when) else str(rating)


def completion_over_time(frame: pd.DataFrame) -> pd.DataFrame:
    """Each area's share of actions complete (Blue) at every date a status was recorded, and the last day."""
    series = frame[frame["actions"] > 0]
    return pd.DataFrame(
        {
            "area": series["area"].to_numpy(),
            "is_demo": series["is_demo"].to_numpy(),
            "date": pd.to_datetime(series["date"]).to_numpy(),
            "complete_share": (series["blue"] / series["actions"]).to_numpy(dtype="float64"),
            "complete": series["blue"].to_numpy(),
            "actions": series["actions"].to_numpy(),
        }
    ).sort_values(["area", "date"], ignore_index=True)


def sorted_progress(progress: pd.DataFrame, sort: str) -> pd.DataFrame:
    """The plans in the order chosen (one of SORTS). A plan without actions has no share complete and goes
    last; one without any status update counts as the oldest."""
    columns, ascending = SORTS[sort]
    keys = progress.assign(last_update=pd.to_datetime(progress["last_update"]).fillna(pd.Timestamp("1900-01-01")))
    order = keys.sort_values(columns, ascending=ascending, na_position="last", kind="stable").index
    return progress.loc[order].reset_index(drop=True)


def as_table(progress: pd.DataFrame) -> pd.DataFrame:
    """The plans as the page shows and exports them: readable headings, whole percentages, long dates."""
    table = pd.DataFrame(
        {
            "Area": progress["area"],
            "Actions": progress["actions"],
            "Overdue": progress["overdue"],
            "Last status update": [
                long_date(pd.Timestamp(d).date()) if pd.notna(d) else "" for d in progress["last_update"]
            ],
            "Update flag": progress["update_flag"],
            "Rating the plan answers": progress["rating_answered"],
        }
    )
    for status in BAR_ORDER:
        table[f"{status} %"] = (100 * progress[share_column(status)]).round().astype("Int64")
    table["Complete (Blue)"] = progress["blue"]
    table["Region"] = progress["region"]
    table["Plan"] = progress["title"]
    table["Source"] = progress["source"]
    return table


def summary_sentence(progress: pd.DataFrame, kind: str) -> str:
    """Plain words for the set on screen: how many plans, how far along, how many gone quiet or overdue."""
    plans = len(progress)
    complete = progress["blue"].sum()
    actions = progress["actions"].sum()
    stale = int(progress["stale"].sum())
    overdue = int((progress["overdue"] > 0).sum())
    share = f"{complete / actions:.0%}" if actions else "none"
    return (
        f"{_plans(plans)} ({kind}), {actions:,} actions, {share} of them complete. "
        f"{_plans(overdue)} with overdue actions; {_plans(stale)} with no status update in the last "
        f"{STALE_DAYS} days (or none at all)."
    )


def _plans(count: int) -> str:
    return f"{count} plan{'' if count == 1 else 's'}"


def plans_to_open(progress: pd.DataFrame, size: int = 8) -> pd.DataFrame:
    """A short list for a first visit to a plan's page: the plans most recently updated first, each with its
    status in a few words."""
    keys = pd.to_datetime(progress["last_update"]).fillna(pd.Timestamp("1900-01-01"))
    rows = progress.assign(order=keys).sort_values(["order", "area"], ascending=[False, True]).head(size)
    notes = [
        f"{actions} actions, {blue / actions:.0%} complete" if actions else "no actions"
        for actions, blue in zip(rows["actions"], rows["blue"], strict=True)
    ]
    notes = [
        note
        + (f", {overdue} overdue" if overdue else "")
        + (f"; last update {long_date(pd.Timestamp(last).date())}" if pd.notna(last) else "; no status recorded")
        for note, overdue, last in zip(notes, rows["overdue"], rows["last_update"], strict=True)
    ]
    return pd.DataFrame({"area": rows["area"].tolist(), "note": notes})
