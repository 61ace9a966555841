"""Demo improvement plans (with status histories) and indicator time series for invented areas."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from yjs.demo.common import SOURCE, TODAY, reserve_ids, seeded_rng
from yjs.domain import brag
from yjs.domain.dates import CALENDAR_YEAR, FINANCIAL_YEAR, QUARTER, parse_period

THEMES = (
    "Governance and leadership",
    "Workforce development",
    "Partnerships and services",
    "Quality of practice",
    "Disproportionality",
)
ACTIONS = (
    "Refresh the board's terms of reference and induction for members",
    "Publish a quarterly performance report to the board",
    "Recruit to vacant case manager posts",
    "Deliver risk assessment and contingency planning training",
    "Introduce monthly management oversight audits",
    "Agree an information-sharing protocol with the police",
    "Commission speech and language therapy for the service",
    "Review the out-of-court disposal decision-making panel",
    "Analyse over-representation of Black and mixed heritage children at each stage",
    "Embed child-first practice guidance",
    "Set up a victim and restorative justice offer",
    "Improve transition arrangements with the Probation Service",
)
LEADS = ("Head of service", "Service manager", "Operational manager", "Performance lead", "Police inspector")
UPDATE_EVERY = dt.timedelta(days=56)  # boards meet about every eight weeks


def _status_path(rng: np.random.Generator, start: dt.date, due: dt.date, dates: list[dt.date]) -> list[str]:
    """A plausible walk: Green, perhaps slipping to Amber or Red, Blue once delivered."""
    statuses, current = [], brag.GREEN
    finish = due + dt.timedelta(days=int(rng.normal(0, 60)))
    for when in dates:
        if when >= finish and rng.random() < 0.85:
            current = brag.BLUE
        elif current != brag.BLUE:
            late = when > due
            roll = rng.random()
            current = (
                brag.RED
                if late and roll < 0.6
                else brag.AMBER
                if roll < 0.2
                else brag.GREEN
                if roll < 0.85
                else current
            )
        statuses.append(current)
    return statuses


def generate(con, inspected: pd.DataFrame) -> None:
    latest = inspected.sort_values("published").groupby("area").tail(1)
    latest = latest[latest["framework"] != 2025]
    plans, actions, updates = [], [], []
    ids = iter(reserve_ids(con, "action", 12 * len(latest)))
    for index, row in enumerate(latest.itertuples(index=False)):
        rng = seeded_rng(4, index)
        plan_date = row.published + dt.timedelta(days=45)
        plan = f"{row.area.lower().replace(' ', '-')}-{plan_date:%Y-%m}"
        plans.append(
            {
                "plan": plan,
                "area": row.area,
                "title": f"{row.area} post-inspection improvement plan",
                "plan_date": plan_date,
                "inspection_id": row.inspection_id,
                "source": SOURCE,
            }
        )
        dates = [plan_date + UPDATE_EVERY * k for k in range(1, 40) if plan_date + UPDATE_EVERY * k <= TODAY]
        for ref, action_index in enumerate(rng.choice(len(ACTIONS), size=int(rng.integers(6, 12)), replace=False), 1):
            action_id = next(ids)
            due = plan_date + dt.timedelta(days=int(rng.integers(90, 600)))
            actions.append(
                {
                    "action_id": action_id,
                    "plan": plan,
                    "ref": str(ref),
                    "theme": THEMES[action_index % len(THEMES)],
                    "recommendations": [int(rng.integers(1, 5))],
                    "action": ACTIONS[action_index],
                    "lead": LEADS[int(rng.integers(len(LEADS)))],
                    "board_sponsor": "Board chair",
                    "start_date": plan_date,
                    "start_text": f"{plan_date:%B %Y}",
                    "due_date": due,
                    "due_text": f"{due:%B %Y}",
                    "measures": None,
                    "evidence": None,
                    "source": SOURCE,
                }
            )
            for when, status in zip(dates, _status_path(rng, plan_date, due, dates), strict=True):
                if not updates or updates[-1]["action_id"] != action_id or updates[-1]["brag"] != status:
                    updates.append(
                        {
                            "action_id": action_id,
                            "update_date": when,
                            "brag": status,
                            "status_text": brag.MEANINGS[status],
                            "note": None,
                            "updated_by": "demo",
                            "source": SOURCE,
                        }
                    )
    con.append("improvement_plans", pd.DataFrame(plans), by_name=True)
    con.append("improvement_actions", pd.DataFrame(actions), by_name=True)
    con.append("action_status_updates", pd.DataFrame(updates), by_name=True)


# (typical value, spread between areas, yearly drift) for each demo indicator series.
INDICATOR_SHAPES = {
    "fte_rate": (170.0, 45.0, -8.0),
    "reoffending_rate": (32.0, 5.0, -0.3),
    "reoffences_per_reoffender": (3.9, 0.6, -0.05),
    "custody_rate": (0.12, 0.05, -0.005),
    "kpi_accommodation": (90.0, 5.0, 0.3),
    "kpi_ete": (62.0, 10.0, 0.8),
    "kpi_send": (70.0, 12.0, 1.0),
    "kpi_mental_health": (68.0, 12.0, 1.0),
    "kpi_substance_misuse": (65.0, 12.0, 0.8),
    "kpi_oocd_completion": (82.0, 8.0, 0.5),
    "kpi_board_attendance": (78.0, 10.0, 1.0),
    "kpi_wider_services": (55.0, 10.0, 0.0),
    "kpi_serious_violence": (4.0, 1.5, -0.1),
    "kpi_victims_rj": (45.0, 15.0, 1.5),
}
PERIOD_TYPES = {
    "reoffending_rate": FINANCIAL_YEAR,
    "reoffences_per_reoffender": FINANCIAL_YEAR,
    "fte_rate": CALENDAR_YEAR,
    "custody_rate": CALENDAR_YEAR,
}
YEARS = range(2019, 2026)
KPI_QUARTERS = [f"{year}-Q{q}" for year in range(2023, 2027) for q in range(1, 5)][1:-2]  # 2023-Q2 .. 2026-Q2


def _periods(code: str) -> list[str]:
    if code.startswith("kpi_"):
        return KPI_QUARTERS
    if PERIOD_TYPES[code] == FINANCIAL_YEAR:
        return [f"{year}-{(year + 1) % 100:02d}" for year in YEARS[:-1]]
    return [str(year) for year in YEARS]


def indicator_values(con, areas: pd.DataFrame) -> None:
    """Series per area, in each indicator's own periods, with numerator and denominator."""
    rows = []
    for a_index, area in enumerate(areas.itertuples(index=False)):
        for i_index, (code, (typical, spread, drift)) in enumerate(INDICATOR_SHAPES.items()):
            rng = seeded_rng(5, a_index, i_index)
            level = typical + rng.normal(0, spread)
            period_type = QUARTER if code.startswith("kpi_") else PERIOD_TYPES[code]
            for step, period in enumerate(_periods(code)):
                if rng.random() < 0.03:
                    continue  # a missed return: series have gaps, as real ones do
                per_step = drift / 4 if period_type == QUARTER else drift
                value = max(level + per_step * step + rng.normal(0, spread * 0.15), 0.0)
                label, period_end = parse_period(period, period_type)
                rows.append(_indicator_row(area, code, label, period_end, value, rng))
    con.append("indicator_values", pd.DataFrame(rows), by_name=True)


def _indicator_row(area, code: str, period: str, period_end: dt.date, value: float, rng) -> dict:
    row = {
        "area": area.name,
        "indicator_code": code,
        "period": period,
        "period_end": period_end,
        "numerator": None,
        "denominator": None,
        "is_reference": False,
        "source": SOURCE,
    }
    if code in ("fte_rate", "custody_rate", "kpi_serious_violence"):
        per = {"fte_rate": 100_000, "custody_rate": 1_000, "kpi_serious_violence": 10_000}[code]
        numerator = int(round(value * area.population_10_17 / per))
        row.update(
            numerator=numerator, denominator=area.population_10_17, value=numerator * per / area.population_10_17
        )
    elif code == "reoffences_per_reoffender":
        reoffenders = int(rng.integers(15, 120))
        reoffences = int(round(value * reoffenders))
        row.update(numerator=reoffences, denominator=reoffenders, value=reoffences / reoffenders)
    else:
        denominator = int(rng.integers(40, 400))
        numerator = int(round(min(value, 100.0) * denominator / 100))
        row.update(numerator=numerator, denominator=denominator, value=100.0 * numerator / denominator)
    return row
