"""Statistical disclosure control for figures from children's records: the rules, in one place (pure).

Counts of children are protected by the **cell key method** (ONS Census 2021 custom datasets, the ABS
TableBuilder). Every child record carries a fixed random key from 0 to 255. A query that counts
children also adds up their keys; the cell's key is that sum modulo 256, and a published perturbation
table (data/ptable.csv, ONS's) gives the noise added to that count with that key. The lookup runs in
DuckDB, in the query that counts (data/views.sql `perturbed`). The same children always make the same
cell, whichever query or filter counts them, so the same cell always shows the same figure, and
subtracting one table from another recovers nothing exact.

What is shown of a perturbed figure (a whole number, or None/NA where the perturbation withheld it):
- a true zero stays zero, and shows as 0;
- a withheld figure, or one below the threshold, shows as `c`. The perturbation table must take every
  count from 1 to 9 to zero (`check_ptable`; ONS's does), so no true count of 1-9 is ever shown, on
  any screen: the threshold therefore starts at 10, the strictest a shared screen needs, and can be
  raised (presentation mode never lowers a raised one);
- rates are computed from perturbed figures, and withheld where either figure is hidden;
- a total is a perturbed cell of its own, never the sum of perturbed cells, so totals need not
  equal the sum of their parts (the pages say so).
Real published figures (seed documents, imported indicators, population estimates) never come here.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

PRESENTATION_THRESHOLD = 10  # counts 1-9 hidden on a shared screen
# Counts 1-4 were the floor under cell suppression; the perturbation table removes every count below 10,
# so a lower threshold would only promise figures no screen can show.
MIN_THRESHOLD = PRESENTATION_THRESHOLD
MAX_THRESHOLD = 100
CONFIDENTIAL = "c"
NOT_AVAILABLE = "x"
NOT_APPLICABLE = "z"
ADJUSTED_NOTE = (
    "Figures from children's records are rounded and adjusted to protect children's identities, "
    "so totals may not equal the sum of their parts."
)

# The perturbation table's shape (as ONS's cell-key-perturbation package reads it): record and cell
# keys from 0 to 255, and rows for counts 1 to 750, those above 750 reusing the rows 501-750.
KEY_RANGE = 256
PTABLE_COUNTS = 750
PTABLE_COLUMNS = ("pcv", "ckey", "pvalue")


def check_threshold(threshold: int) -> int:
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"the suppression threshold cannot be below {MIN_THRESHOLD} (was {threshold})")
    return int(threshold)


def clamp_threshold(value) -> int:
    """A threshold from any value a link can carry: non-numbers give the floor, the rest are held
    within MIN_THRESHOLD-MAX_THRESHOLD (so `inf`, `1e309`, `nan` or `-3` never reach `int`)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return MIN_THRESHOLD
    if math.isnan(number):
        return MIN_THRESHOLD
    return int(min(max(number, MIN_THRESHOLD), MAX_THRESHOLD))


def new_record_keys(count: int, rng: np.random.Generator | None = None) -> np.ndarray:
    """Fresh record keys, uniform over 0-255: drawn once per record, when it first arrives."""
    rng = rng if rng is not None else np.random.default_rng()  # seeded from the OS: unpredictable
    return rng.integers(0, KEY_RANGE, size=count, dtype=np.uint8)


def check_ptable(ptable: pd.DataFrame) -> list[str]:
    """What is wrong with a perturbation table (empty when it can be used)."""
    missing = [column for column in PTABLE_COLUMNS if column not in ptable.columns]
    if missing:
        return [f"it lacks the column(s) {', '.join(missing)}"]
    values = ptable[list(PTABLE_COLUMNS)].apply(pd.to_numeric, errors="coerce")
    if values.isna().any().any() or (values % 1 != 0).any().any():
        return ["pcv, ckey and pvalue must all be whole numbers"]
    problems = []
    grid = pd.MultiIndex.from_product([range(1, PTABLE_COUNTS + 1), range(KEY_RANGE)])
    given = pd.MultiIndex.from_frame(values[["pcv", "ckey"]].astype(int))
    if given.has_duplicates or len(given) != len(grid) or not given.sort_values().equals(grid):
        problems.append(f"it needs one row for each count 1-{PTABLE_COUNTS} and each cell key 0-{KEY_RANGE - 1}")
    published = values["pcv"] + values["pvalue"]
    if (published < 0).any():
        problems.append("it takes some counts below zero")
    if (published[values["pcv"] < PRESENTATION_THRESHOLD] != 0).any():
        problems.append(
            f"it must take every count from 1 to {PRESENTATION_THRESHOLD - 1} to zero, so that no count of so few "
            "children is ever shown"
        )
    return problems


def is_withheld(count) -> bool:
    return count is None or bool(pd.isna(count))


def figure(count) -> int | None:
    """A perturbed figure as a plain int, or None where the perturbation withheld it."""
    return None if is_withheld(count) else int(count)


def hidden(count, threshold: int = MIN_THRESHOLD):
    """True where a perturbed figure is not shown: withheld, or from 1 to threshold - 1.

    Takes a number (None or NA for withheld), a Series or a DataFrame.
    """
    check_threshold(threshold)
    if isinstance(count, pd.DataFrame | pd.Series):
        values = count.to_numpy(dtype="float64", na_value=np.nan)
        small = np.isnan(values) | ((values > 0) & (values < threshold))
        if isinstance(count, pd.DataFrame):
            return pd.DataFrame(small, index=count.index, columns=count.columns)
        return pd.Series(small, index=count.index, name=count.name)
    return is_withheld(count) or 0 < count < threshold


def show_count(count, threshold: int = MIN_THRESHOLD) -> str:
    return CONFIDENTIAL if hidden(count, threshold) else f"{int(count):,}"


def show_table(table: pd.DataFrame, threshold: int = MIN_THRESHOLD) -> pd.DataFrame:
    """A table of perturbed figures (its totals cells of their own) as text, hidden ones as `c`."""
    check_threshold(threshold)
    return table.astype(object).map(lambda count: show_count(count, threshold))


def suppress_rate(numerator, denominator, threshold: int = MIN_THRESHOLD):
    """numerator / denominator, from perturbed figures; None when either is hidden or there is no one to count.

    Two figures perturbed apart can cross (a rounded part above its rounded whole), so a rate never exceeds 1.
    """
    if hidden(numerator, threshold) or hidden(denominator, threshold) or denominator == 0:
        return None
    return min(numerator / denominator, 1.0)
