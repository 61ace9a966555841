"""The demo child-level cohort: one row per child episode, generated in vectorised chunks.

Ids are pseudonyms (`DEMO-` and a number); nothing resembles a real child. The patterns are
invented but of the kind inspections describe: over-representation of Black and mixed heritage
children, more court disposals for them, more need among care-experienced children.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from yjs.demo.common import COHORT_OVER_REPRESENTATION, ETHNICITIES, SOURCE, TODAY, seeded_rng
from yjs.domain import disclosure
from yjs.domain.cohort import BY_KEY, COURT_DISPOSALS, ETE_AT_END, OUT_OF_COURT_DISPOSALS

CHUNK = 250_000
FIRST_START = np.datetime64("2019-04-01")
LAST_START = np.datetime64(TODAY) - np.timedelta64(30, "D")
OUT_OF_COURT, COURT, OFFENCES = OUT_OF_COURT_DISPOSALS, COURT_DISPOSALS, BY_KEY["offence_category"].order
OFFENCE_WEIGHTS = (0.30, 0.07, 0.12, 0.13, 0.09, 0.08, 0.08, 0.05, 0.02, 0.06)
CARE = BY_KEY["care_status"].order
CARE_WEIGHTS = (0.62, 0.18, 0.05, 0.12, 0.03)
ETE, LEVELS = ETE_AT_END, BY_KEY["risk_of_serious_harm"].order


def _choice(rng, options, size, p=None):
    return np.asarray(options, dtype=object)[rng.choice(len(options), size=size, p=p)]


def _ethnicity_weights(population: pd.DataFrame, areas: list[str]) -> np.ndarray:
    """Per area, the probability a child in the cohort is of each group (plus Unknown)."""
    shares = (
        population.groupby(["area", "ethnicity"])["count"]
        .sum()
        .unstack("ethnicity")
        .reindex(index=areas, columns=list(ETHNICITIES))
        .to_numpy(dtype=float)
    )
    weighted = shares * np.asarray(COHORT_OVER_REPRESENTATION)
    weighted = weighted / weighted.sum(axis=1, keepdims=True) * 0.96
    return np.hstack([weighted, np.full((len(areas), 1), 0.04)])  # 4% Unknown, as in the seeds


def chunk(
    rng, size: int, offset: int, area_names: np.ndarray, area_p: np.ndarray, ethnic_p: np.ndarray
) -> pd.DataFrame:
    area_index = rng.choice(len(area_names), size=size, p=area_p)
    cumulative = ethnic_p[area_index].cumsum(axis=1)
    ethnic_index = (rng.random(size)[:, None] > cumulative).sum(axis=1).clip(max=len(ETHNICITIES))
    ethnicity = np.asarray(ETHNICITIES + ("Unknown",), dtype=object)[ethnic_index]
    care = _choice(rng, CARE, size, CARE_WEIGHTS)
    care_experienced = np.isin(care, ("Looked after", "Care leaver"))
    court_p = 0.30 + 0.10 * np.isin(ethnicity, ("Black", "Mixed")) + 0.12 * care_experienced
    is_court = rng.random(size) < court_p
    custody_p = np.where(is_court, 0.05 + 0.04 * (ethnicity == "Black"), 0.0)
    disposal = np.where(
        rng.random(size) < custody_p,
        "Custody",
        np.where(
            is_court, _choice(rng, COURT[:2], size, (0.6, 0.4)), _choice(rng, OUT_OF_COURT, size, (0.55, 0.25, 0.20))
        ),
    )
    span = (LAST_START - FIRST_START).astype(int)
    start = FIRST_START + rng.integers(0, span, size).astype("timedelta64[D]")
    end = start + rng.integers(60, 380, size).astype("timedelta64[D]")
    ended = end <= np.datetime64(TODAY)
    followed_up = end + np.timedelta64(365, "D") <= np.datetime64(TODAY)
    reoffend_p = 0.22 + 0.10 * is_court + 0.08 * care_experienced
    send = rng.random(size) < (0.28 + 0.15 * care_experienced)
    substance = rng.random(size) < 0.35
    mental_health = rng.random(size) < (0.40 + 0.15 * care_experienced)

    def at_end(probability, applies=True):
        """A yes/no known only once the order has ended (and only where it applies)."""
        values = rng.random(size) < probability
        return pd.Series(np.where(ended & applies, values, None), dtype="boolean")

    return pd.DataFrame(
        {
            "child_id": [f"DEMO-{n:08d}" for n in range(offset, offset + size)],
            "area": area_names[area_index],
            "age_at_start": rng.choice(
                np.arange(10, 18), size=size, p=(0.02, 0.04, 0.08, 0.12, 0.16, 0.19, 0.20, 0.19)
            ),
            "sex": np.where(rng.random(size) < 0.14, "Female", "Male"),
            "ethnicity": ethnicity,
            "disposal_type": np.where(is_court, "Court", "Out-of-court"),
            "disposal": disposal,
            "offence_category": _choice(rng, OFFENCES, size, OFFENCE_WEIGHTS),
            "start_date": start,
            "end_date": pd.Series(np.where(ended, end, np.datetime64("NaT"))),
            "care_status": care,
            "send": send,
            "ete_status_at_end": pd.Series(np.where(ended, _choice(rng, ETE, size, (0.55, 0.2, 0.25)), None)),
            "substance_misuse": substance,
            "mental_health": mental_health,
            "risk_of_serious_harm": _choice(rng, LEVELS, size, (0.45, 0.38, 0.14, 0.03)),
            "safety_and_wellbeing": _choice(rng, LEVELS, size, (0.30, 0.42, 0.23, 0.05)),
            "reoffended_12m": pd.Series(np.where(followed_up, rng.random(size) < reoffend_p, None), dtype="boolean"),
            "suitable_accommodation_at_end": at_end(0.93 - 0.10 * care_experienced),
            "send_formal_plan": at_end(0.62, send),
            "mental_health_support": at_end(0.70, mental_health),
            "substance_misuse_support": at_end(0.66, substance),
            "completed": at_end(0.84 - 0.08 * is_court),
            "source": SOURCE,
        }
    )


def generate(
    con, areas: pd.DataFrame, population: pd.DataFrame, size: int, progress: Callable[[float], None] | None = None
) -> None:
    report = progress or (lambda _fraction: None)
    names = areas["name"].to_numpy(dtype=object)
    weights = areas["population_10_17"].to_numpy(dtype=float)
    area_p = weights / weights.sum()
    ethnic_p = _ethnicity_weights(population, list(names))
    done = 0
    for index, start in enumerate(range(0, size, CHUNK)):
        rows = min(CHUNK, size - start)
        children = chunk(seeded_rng(6, index), rows, start, names, area_p, ethnic_p)
        # Record keys from a generator of their own, so adding them changed no other demo figure.
        children["record_key"] = disclosure.new_record_keys(rows, seeded_rng(7, index))
        con.append("cohort", children, by_name=True)
        done += rows
        report(done / size)
    report(1.0)
