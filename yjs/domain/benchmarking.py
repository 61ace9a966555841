"""Benchmarking an indicator the way DfE's LAIT and LG Inform do: polarity-aware (pure functions).

Polarity says which way is better. Rank 1 is the best value in the comparison set. Quartile bands
follow LAIT (`calculate_quartile_band` in its `R/fn_analysis.R`): the cut points are the quartiles of
every area's value in the latest period (R's `quantile()`, type 7, which is numpy's default linear
percentile), whatever comparison set the rank is taken in; A is the best quarter by polarity, D the
worst. Direction of travel says whether a change is an improvement. A group's rate (region,
comparator group) is the sum of numerators over the sum of denominators, never an average of the
members' rates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

HIGHER, LOWER, NEITHER = "higher is better", "lower is better", "neither"
BANDS = ("A", "B", "C", "D")
UNIT_SCALES = {
    "rate per 100,000": 100_000,
    "rate per 10,000": 10_000,
    "rate per 1,000": 1_000,
    "%": 100,
    "ratio": 1,
    "count": None,
    "£": None,  # spending: a total, never pooled as a rate
}


def _valid(values: Sequence[float | None]) -> list[float]:
    return [v for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]


def rank(value: float, values: Sequence[float | None], polarity: str) -> tuple[int, int] | None:
    """(rank, out of): 1 is best; ties share the better rank. None without a polarity or a value."""
    pool = _valid(values)
    if polarity == NEITHER or value is None or not pool:
        return None
    better = sum(v > value for v in pool) if polarity == HIGHER else sum(v < value for v in pool)
    return better + 1, len(pool)


def cut_points(values: Sequence[float | None]) -> tuple[float, float, float] | None:
    """The 25th, 50th and 75th percentiles LAIT bands by (R type 7 = numpy's linear); None for
    fewer than two values, which have no quarters to speak of."""
    pool = _valid(values)
    if len(pool) < 2:
        return None
    return tuple(float(q) for q in np.percentile(pool, [25, 50, 75]))


def band_from_cut_points(value: float | None, cuts: tuple[float, float, float] | None, polarity: str) -> str | None:
    """LAIT's band: the quarters are closed at the top (min to Q1, then above Q1 up to Q2, ...), so a
    value on a cut point falls in the quarter below it: the better band when lower is better, the
    worse when higher is better (LAIT's own example: 10 against cut points 10/20/30 is A when lower
    is better, D when higher is better)."""
    if cuts is None or value is None or polarity == NEITHER or math.isnan(value):
        return None
    quarter = sum(value > cut for cut in cuts)  # 0 = the lowest values
    return BANDS[quarter] if polarity == LOWER else BANDS[3 - quarter]


def quartile_band(value: float, values: Sequence[float | None], polarity: str) -> str | None:
    """A (best quarter) to D (worst quarter) among `values`: every area of the kind in the period."""
    return band_from_cut_points(value, cut_points(values), polarity)


def direction(current: float | None, previous: float | None, polarity: str) -> str:
    """'improving', 'worsening', 'no change', 'changed' (no polarity) or 'no previous value'."""
    if current is None or previous is None:
        return "no previous value"
    if math.isclose(current, previous, rel_tol=1e-9, abs_tol=1e-12):
        return "no change"
    if polarity == NEITHER:
        return "changed"
    went_up = current > previous
    return "improving" if went_up == (polarity == HIGHER) else "worsening"


LOCAL_MARK = " (local)"


def shown_name(name: str, is_local: bool) -> str:
    """An indicator's name as pages list it: a user-defined one marked local."""
    return f"{name}{LOCAL_MARK}" if is_local else name


ARROWS = {
    "improving": "▲ improving",
    "worsening": "▼ worsening",
    "no change": "► no change",
    "changed": "◆ changed",
    "no previous value": "–",
}


def group_rate(numerators: Sequence[float | None], denominators: Sequence[float | None], unit: str) -> float | None:
    """A region's or group's rate: total numerator over total denominator, scaled to the unit."""
    pairs = [(n, d) for n, d in zip(numerators, denominators, strict=True) if n is not None and d is not None]
    scale = UNIT_SCALES.get(unit)
    total = sum(d for _, d in pairs)
    if not pairs or not total or scale is None:
        return None
    return scale * sum(n for n, _ in pairs) / total


@dataclass(frozen=True)
class Benchmark:
    value: float | None
    rank: tuple[int, int] | None
    band: str | None
    direction: str
    comparator_median: float | None


def benchmark(
    value: float | None,
    previous: float | None,
    comparators: Sequence[float | None],
    polarity: str,
    banded_among: Sequence[float | None],
) -> Benchmark:
    """Rank and median within the comparison set; the band among every area of the kind (`banded_among`)."""
    pool = sorted(_valid(comparators))
    median = None
    if pool:
        middle = len(pool) // 2
        median = pool[middle] if len(pool) % 2 else (pool[middle - 1] + pool[middle]) / 2
    return Benchmark(
        value,
        rank(value, pool, polarity),
        quartile_band(value, banded_among, polarity),
        direction(value, previous, polarity),
        median,
    )
