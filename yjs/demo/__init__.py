"""Deterministic demo data for what no public data can supply: many areas, child-level cohorts.

Ratings of court and out-of-court standards are derived from generated key-question counts by the same
rules HMIP uses (`areas`); plans with status histories and indicator series (`plans`); the child-level
cohort (`cohort`). Everything shared (seed, date, source label) is in `common`.
"""

from __future__ import annotations

from collections.abc import Callable

from yjs.demo import areas as demo_areas
from yjs.demo import cohort as demo_cohort
from yjs.demo import plans as demo_plans


def generate(con, *, cohort_size: int, progress: Callable[[float], None] | None = None) -> None:
    report = progress or (lambda _fraction: None)
    areas = demo_areas.area_table()
    con.append("areas", areas, by_name=True)
    report(0.05)
    inspected = demo_areas.inspections(con, areas)
    report(0.15)
    pop = demo_areas.population(areas)
    con.append("population", pop, by_name=True)
    demo_plans.generate(con, inspected)
    demo_plans.indicator_values(con, areas)
    report(0.25)
    demo_cohort.generate(con, areas, pop, cohort_size, progress=lambda f: report(0.25 + 0.75 * f))
