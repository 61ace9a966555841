"""What the improvement plan pages read: the plans on show, and one plan with its actions and history.

Every function takes a `query(name, **params)` callable (the app's cached one, or `Database.query`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from yjs.data.db import Query
from yjs.domain import plans


@dataclass(frozen=True)
class PlanData:
    plan: dict
    actions: pd.DataFrame
    updates: pd.DataFrame
    edits: pd.DataFrame
    recommendations: pd.DataFrame
    themes: pd.DataFrame  # theme, lead, board_sponsor, source: the plan's pillars where it names their leads

    def as_at(self, when: dt.date) -> pd.DataFrame:
        return plans.plan_as_at(self.actions, self.updates, self.edits, when)


def plans_on_show(query: Query, show_demo: bool) -> pd.DataFrame:
    """Every plan of the areas on show, with its area, title, date, source and number of actions."""
    return query("read/plans/plans_with_action_counts", show_demo=show_demo)


def plan_history(query: Query, plan: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """A plan's actions, their dated status updates and their field edits: enough to rebuild any earlier state."""
    return (
        query("read/plans/actions_of_plan", plan=plan),
        query("read/plans/status_updates_of_plan", plan=plan),
        query("read/plans/edits_of_plan", plan=plan),
    )


def plan_data(query: Query, plan: dict) -> PlanData:
    """One plan (a row of `plans_on_show`) with its history, the recommendations it answers and its themes' leads."""
    return PlanData(
        plan,
        *plan_history(query, plan["plan"]),
        query("read/plans/recommendations_of_plan", plan=plan["plan"]),
        query("read/plans/themes_of_plan", plan=plan["plan"]),
    )


def plans_by_area_and_date(query: Query, show_demo: bool, regions: list[str], as_at: dt.date) -> pd.DataFrame:
    """Every area's plan (its latest by `as_at`) in scope, with its status counts at each date a status was
    recorded and at `as_at`: one pass over all plans, for comparing them (see yjs.domain.plan_progress)."""
    return query("read/plans/plan_status_by_area_and_date", show_demo=show_demo, regions=list(regions), as_at=as_at)
