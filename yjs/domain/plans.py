"""Improvement plan rules, pure: a plan as it stood on any date, groups, overdue, coverage, progress.

A plan is read as three frames (see queries/plans/): its actions as they are now, their dated
status updates (append-only) and the field-level edit history (append-only). Every view, the
current one included, is `plan_as_at(..., when)`: the latest status on or before `when`, and every
edited field rolled back to the value it had at the end of that day. So "as at" a past date shows
the plan exactly as it stood, and no view can disagree with the history.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from yjs.domain import brag
from yjs.domain.roles import Actor, allows, covers

STATUS_ORDER = (brag.RED, brag.AMBER, brag.GREEN, brag.BLUE, brag.NOT_ASSESSED)
# Fields whose history lives in action_edits and whose value in improvement_actions is the latest.
DATE_FIELDS = ("due_date", "start_date")
ROLLBACK_FIELDS = (
    "due_date",
    "start_date",
    "due_text",
    "start_text",
    "evidence_link",
    "evidence",
    "action",
    "finding",
    "theme",
    "lead",
    "agency",
    "board_sponsor",
    "measures",
)
CREATED = "created"
HORIZONS = (30, 60, 90)


def may_edit(actor: Actor, area: str | None = None) -> bool:
    """Whether `actor` may change improvement plans (editors and admins), and `area`'s plan when one is
    named (a role scoped to some services reaches only theirs). The one place the rule lives: the edit
    form, the edit writer and the actions import all ask it."""
    return allows(actor.role, "editor") and (area is None or covers(actor, area))


def _day_end(when: dt.date) -> pd.Timestamp:
    return pd.Timestamp(when) + pd.Timedelta(days=1)


def _rolled_back(actions: pd.DataFrame, edits: pd.DataFrame, when: dt.date) -> pd.DataFrame:
    """Actions with every field edited after `when` set back to its value before that edit."""
    later = edits[edits["edited_at"] >= _day_end(when)].sort_values("edit_id")
    created_later = set(later.loc[later["field"] == CREATED, "action_id"])
    state = actions[~actions["action_id"].isin(created_later)].copy()
    first_change = later[later["field"].isin(ROLLBACK_FIELDS)].drop_duplicates(["action_id", "field"])
    for row in first_change.itertuples(index=False):
        value = row.old_value
        if row.field in DATE_FIELDS:
            value = pd.Timestamp(value) if value else pd.NaT
        state.loc[state["action_id"] == row.action_id, row.field] = value
    return state


def latest_status(updates: pd.DataFrame, when: dt.date) -> pd.DataFrame:
    """Each action's last status update on or before `when` (two on one day: the later written)."""
    known = updates[pd.to_datetime(updates["update_date"]) < _day_end(when)]
    ordered = known.sort_values(["action_id", "update_date", "recorded_at"], na_position="first")
    return ordered.groupby("action_id").tail(1)


def latest_progress(updates: pd.DataFrame, when: dt.date) -> pd.DataFrame:
    """Each action's last progress commentary on or before `when` (the note of a dated update; an
    update that only changed the status leaves the commentary before it standing)."""
    noted = updates[updates["note"].fillna("").str.strip() != ""]
    last = latest_status(noted, when)
    return last[["action_id", "note", "update_date"]].rename(
        columns={"note": "progress", "update_date": "progress_date"}
    )


def plan_as_at(actions: pd.DataFrame, updates: pd.DataFrame, edits: pd.DataFrame, when: dt.date) -> pd.DataFrame:
    """The plan exactly as it stood at the end of `when`: one row per action with its status and
    latest progress commentary then."""
    state = _rolled_back(actions, edits, when)
    columns = ["action_id", "update_date", "brag", "status_text", "read_from", "note", "updated_by"]
    status = latest_status(updates, when)[columns]
    state = state.merge(status.rename(columns={"update_date": "status_date"}), on="action_id", how="left")
    state = state.merge(latest_progress(updates, when), on="action_id", how="left")
    state["status"] = state["brag"].where(state["brag"].notna(), brag.NOT_ASSESSED)
    due = pd.to_datetime(state["due_date"])
    state["overdue"] = due.notna() & (due < pd.Timestamp(when)) & (state["status"] != brag.BLUE)
    return state.sort_values("action_id").reset_index(drop=True)


def status_counts(state: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Actions per status (every status a column, in BRAG order), per group of `by` if given."""
    label = by or "plan"
    frame = state.assign(**{label: state[by].fillna("(none)") if by else "All actions"})
    counts = pd.crosstab(frame[label], frame["status"]).reindex(columns=list(STATUS_ORDER), fill_value=0)
    counts["Total"] = counts.sum(axis=1)
    counts.columns.name = None
    return counts.reset_index()


def due_window(due: dt.date | None, status: str, today: dt.date) -> str | None:
    """'Overdue', 'Due within 30 days' / '31-60 days' / '61-90 days', or None (later, none, or done)."""
    if due is None or pd.isna(due) or status == brag.BLUE:
        return None
    days = (pd.Timestamp(due) - pd.Timestamp(today)).days
    if days < 0:
        return "Overdue"
    low = 0
    for horizon in HORIZONS:
        if days <= horizon:
            return "Due within 30 days" if low == 0 else f"Due in {low + 1}-{horizon} days"
        low = horizon
    return None


def overdue_and_upcoming(state: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Actions past due and not complete, and those due in the next 90 days, by owner then date."""
    frame = state.assign(
        window=[due_window(d, s, today) for d, s in zip(state["due_date"], state["status"], strict=True)]
    )
    frame = frame[frame["window"].notna()].copy()
    frame["days"] = [(pd.Timestamp(d) - pd.Timestamp(today)).days for d in frame["due_date"]]
    frame["owner"] = frame["lead"].fillna("(no lead named)")
    return frame.sort_values(["owner", "due_date"]).reset_index(drop=True)


def recommendation_coverage(state: pd.DataFrame, recommendations: pd.DataFrame) -> pd.DataFrame:
    """Each recommendation with the actions linked to it; a gap or an all-Red set is flagged."""
    links = state[["ref", "status", "recommendations"]].explode("recommendations").dropna(subset=["recommendations"])
    rows = []
    for rec in recommendations.itertuples(index=False):
        linked = links[links["recommendations"].astype(int) == int(rec.number)]
        statuses = list(linked["status"])
        if not statuses:
            flag = "No action answers it"
        elif all(status == brag.RED for status in statuses):
            flag = "Every action is Red"
        else:
            flag = ""
        rows.append(
            {
                "number": int(rec.number),
                "addressee": rec.addressee,
                "recommendation": rec.text,
                "actions": ", ".join(map(str, linked["ref"])),
                "statuses": ", ".join(statuses),
                "flag": flag,
            }
        )
    return pd.DataFrame(rows, columns=["number", "addressee", "recommendation", "actions", "statuses", "flag"])


def progress_over_time(
    actions: pd.DataFrame, updates: pd.DataFrame, edits: pd.DataFrame, today: dt.date
) -> pd.DataFrame:
    """Status counts at each date a status was recorded (and today): long format for a stacked chart."""
    dates = sorted({pd.Timestamp(d).date() for d in updates["update_date"].dropna()} | {today})
    rows = []
    for when in dates:
        counts = plan_as_at(actions, updates, edits, when)["status"].value_counts()
        rows += [{"date": when, "status": status, "actions": int(counts.get(status, 0))} for status in STATUS_ORDER]
    return pd.DataFrame(rows, columns=["date", "status", "actions"])


def version_of(edits: pd.DataFrame, action_id: int) -> int:
    """An action's version: how many changes its history holds (an edit must name the one it read)."""
    return int((edits["action_id"] == action_id).sum())


def timeline_rows(state: pd.DataFrame, plan_date) -> pd.DataFrame:
    """Actions with a due date and the day their bar starts: their start, else the plan's date."""
    rows = state[state["due_date"].notna()].copy()
    start = pd.to_datetime(rows["start_date"]).fillna(pd.Timestamp(plan_date) if plan_date else pd.NaT)
    rows["bar_start"] = start.where(start <= pd.to_datetime(rows["due_date"]), pd.to_datetime(rows["due_date"]))
    return rows


def links_recommendations(state: pd.DataFrame) -> bool:
    """Whether any action names the recommendations it answers (the seed plans' sources do not)."""
    return any(hasattr(links, "__len__") and len(links) > 0 for links in state["recommendations"])
