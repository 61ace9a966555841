"""Benchmarking an indicator the way DfE's LAIT and LG Inform do: polarity-aware (pure functions).

Polarity says which way is better. Rank 1 is the best value in the comparison set; quartile band
A holds the best quarter and D the worst; direction of travel says whether a change is an
improvement. A group's rate (region, comparator group) is the sum of numerators over the sum of
denominators, never an average of the members' rates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

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


def quartile_band(value: float, values: Sequence[float | None], polarity: str) -> str | None:
    """A (best quarter) to D (worst quarter) within the comparison set."""
    position = rank(value, values, polarity)
    if position is None:
        return None
    place, size = position
    return BANDS[min(3, int(4 * (place - 1) / size))]


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
    value: float | None, previous: float | None, comparators: Sequence[float | None], polarity: str
) -> Benchmark:
    pool = sorted(_valid(comparators))
    median = None
    if pool:
        middle = len(pool) // 2
        median = pool[middle] if len(pool) % 2 else (pool[middle - 1] + pool[middle]) / 2
    return Benchmark(
        value,
        rank(value, pool, polarity),
        quartile_band(value, pool, polarity),
        direction(value, previous, polarity),
        median,
    )
