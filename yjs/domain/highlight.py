"""The highlight report for a board meeting: pure data, then Markdown and spreadsheet renderings.

`highlight_report` compares the plan as it stood at the previous meeting with the plan at this
one (both from `plans.plan_as_at`, so the report agrees with the history): actions completed
since, actions that slipped (turned Red, or became overdue), status counts then and now, and the
decisions needed (Red actions with no update for 30 days). The board-pack work reuses the
`HighlightReport` structure and adds its own renderings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from yjs.domain import brag, plans
from yjs.domain.dates import long_date

STALE_AFTER_DAYS = 30
ACTION_COLUMNS = ["ref", "action", "lead", "due", "status", "progress"]


@dataclass(frozen=True)
class HighlightReport:
    title: str
    area: str
    is_demo: bool
    meeting: dt.date
    previous: dt.date
    counts: pd.DataFrame  # status, then (previous meeting), now (this meeting), change
    completed: pd.DataFrame  # ref, action, lead, due, status, progress, completed (date)
    slipped: pd.DataFrame  # ref, action, lead, due, status, progress, why
    decisions: pd.DataFrame  # ref, action, lead, due, status, progress, last_update, days_since_update


def dated_progress(state: pd.DataFrame) -> list[str]:
    """Each action's latest progress commentary, dated: "12 March 2025: Audit tool written"."""
    return [
        f"{long_date(pd.Timestamp(when).date())}: {text}" if isinstance(text, str) and text.strip() else ""
        for text, when in zip(state["progress"], state["progress_date"], strict=True)
    ]


def _listed(state: pd.DataFrame, refs) -> pd.DataFrame:
    rows = state[state["ref"].isin(list(refs))].copy()
    rows["due"] = [long_date(pd.Timestamp(d).date()) if pd.notna(d) else "" for d in rows["due_date"]]
    rows["progress"] = dated_progress(rows)
    return rows[ACTION_COLUMNS].reset_index(drop=True)


def _slipped(then: pd.DataFrame, now: pd.DataFrame) -> pd.DataFrame:
    before = then.set_index("ref")
    why = {}
    for row in now.itertuples(index=False):
        was = before.loc[row.ref] if row.ref in before.index else None
        if row.status == brag.RED and (was is None or was["status"] != brag.RED):
            why[row.ref] = f"turned Red (was {was['status'] if was is not None else 'not in the plan'})"
        elif row.overdue and (was is None or not was["overdue"]):
            why[row.ref] = f"became overdue (due {long_date(pd.Timestamp(row.due_date).date())})"
    listed = _listed(now, why)
    return listed.assign(why=[why[ref] for ref in listed["ref"]])


def _decisions(now: pd.DataFrame, meeting: dt.date) -> pd.DataFrame:
    last = pd.to_datetime(now["status_date"])
    days = (pd.Timestamp(meeting) - last).dt.days
    stale = now[(now["status"] == brag.RED) & (days > STALE_AFTER_DAYS)]
    listed = _listed(now, stale["ref"])
    dates = dict(zip(now["ref"], last, strict=True))
    return listed.assign(
        last_update=[long_date(dates[ref].date()) for ref in listed["ref"]],
        days_since_update=[(pd.Timestamp(meeting) - dates[ref]).days for ref in listed["ref"]],
    )


def _counts(then: pd.DataFrame, now: pd.DataFrame) -> pd.DataFrame:
    before, after = then["status"].value_counts(), now["status"].value_counts()
    rows = [{"status": s, "then": int(before.get(s, 0)), "now": int(after.get(s, 0))} for s in plans.STATUS_ORDER]
    rows.append({"status": "Total", "then": len(then), "now": len(now)})
    counts = pd.DataFrame(rows)
    return counts.assign(change=counts["now"] - counts["then"])


def highlight_report(
    plan: dict, actions: pd.DataFrame, updates: pd.DataFrame, edits: pd.DataFrame, meeting: dt.date, previous: dt.date
) -> HighlightReport:
    """The report for the meeting on `meeting`, compared with the one on `previous`."""
    if previous >= meeting:
        raise ValueError("The previous meeting must be before this meeting.")
    then = plans.plan_as_at(actions, updates, edits, previous)
    now = plans.plan_as_at(actions, updates, edits, meeting)
    was_blue = set(then.loc[then["status"] == brag.BLUE, "ref"])
    done = now[(now["status"] == brag.BLUE) & ~now["ref"].isin(was_blue)]
    completed = _listed(now, done["ref"])
    by_ref = now.set_index("ref")
    completed["completed"] = [
        brag.completed_label(
            by_ref.at[ref, "status_text"],
            by_ref.at[ref, "read_from"],
            pd.Timestamp(by_ref.at[ref, "status_date"]).date(),
        )
        for ref in completed["ref"]
    ]
    return HighlightReport(
        title=plan["title"],
        area=plan["area"],
        is_demo=bool(plan["is_demo"]),
        meeting=meeting,
        previous=previous,
        counts=_counts(then, now),
        completed=completed,
        slipped=_slipped(then, now),
        decisions=_decisions(now, meeting),
    )


def _markdown_table(frame: pd.DataFrame, headings: dict[str, str], empty: str) -> str:
    if frame.empty:
        return f"_{empty}_"
    cells = frame[list(headings)].astype(str).apply(lambda col: col.str.replace("|", "\\|").str.replace("\n", " "))
    lines = ["| " + " | ".join(headings.values()) + " |", "|" + "---|" * len(headings)]
    lines += ["| " + " | ".join(row) + " |" for row in cells.itertuples(index=False)]
    return "\n".join(lines)


ACTION_HEADINGS = {"ref": "Ref", "action": "Action", "lead": "Lead", "due": "Due", "progress": "Latest progress"}


def to_markdown(report: HighlightReport) -> str:
    """The report as Markdown, for a board paper or an email."""
    demo = "\n\n> **Demo data**: this area and its plan are invented.\n" if report.is_demo else ""
    parts = [
        f"# Highlight report: {report.title}",
        f"{report.area}. Board meeting of {long_date(report.meeting)}, compared with the meeting of "
        f"{long_date(report.previous)}.{demo}",
        "## Status of the actions",
        _markdown_table(
            report.counts,
            {
                "status": "Status",
                "then": long_date(report.previous),
                "now": long_date(report.meeting),
                "change": "Change",
            },
            "",
        ),
        "BRAG: Blue complete, Green on track, Amber at risk, Red off track; not assessed where the plan's words "
        "give no clear status.",
        f"## Completed since {long_date(report.previous)} ({len(report.completed)})",
        _markdown_table(report.completed, {**ACTION_HEADINGS, "completed": "Completed"}, "None."),
        f"## Slipped since {long_date(report.previous)} ({len(report.slipped)})",
        _markdown_table(report.slipped, {**ACTION_HEADINGS, "why": "What changed"}, "None."),
        f"## Decisions needed ({len(report.decisions)})",
        f"Red actions with no update for more than {STALE_AFTER_DAYS} days.",
        _markdown_table(report.decisions, {**ACTION_HEADINGS, "last_update": "Last update"}, "None."),
    ]
    return "\n\n".join(parts) + "\n"


def to_sheets(report: HighlightReport) -> dict[str, pd.DataFrame]:
    """One sheet per section, for the XLSX download."""
    counts = report.counts.rename(
        columns={"then": f"then ({long_date(report.previous)})", "now": f"now ({long_date(report.meeting)})"}
    )
    return {
        "Status counts": counts,
        "Completed": report.completed,
        "Slipped": report.slipped,
        "Decisions needed": report.decisions,
    }
