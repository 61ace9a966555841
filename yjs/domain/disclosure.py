"""Statistical disclosure control for counts of children (DfE practice).

A count from 1 to threshold - 1 (1-4 by default) is confidential and shown as `c`; 0 is shown,
since it identifies nobody. In a table with totals, one suppressed cell in a row or column could
be recovered by subtraction, so a second cell is suppressed there too (secondary suppression).
A rate built on a suppressed count is not shown. The threshold can be raised, never lowered below 5.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MIN_THRESHOLD = 5
CONFIDENTIAL = "c"
NOT_AVAILABLE = "x"
NOT_APPLICABLE = "z"


def check_threshold(threshold: int) -> int:
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"the suppression threshold cannot be below {MIN_THRESHOLD} (was {threshold})")
    return int(threshold)


def is_small(count, threshold: int = MIN_THRESHOLD):
    """True where a count identifies too few children to show (works on scalars and arrays)."""
    check_threshold(threshold)
    values = np.asarray(count, dtype=float)
    return (values > 0) & (values < threshold)


def show_count(count, threshold: int = MIN_THRESHOLD) -> str:
    if count is None or (isinstance(count, float) and np.isnan(count)):
        return NOT_AVAILABLE
    return CONFIDENTIAL if is_small(count, threshold) else f"{int(count):,}"


def crosstab_mask(table: pd.DataFrame, threshold: int = MIN_THRESHOLD) -> pd.DataFrame:
    """Cells to suppress in a table of counts whose row and column totals are shown.

    Primary: small counts. Secondary: while any row or column (totals included as a line of
    their own) has exactly one suppressed cell, also suppress its smallest other non-zero cell.
    """
    values = table.to_numpy(dtype=float)
    mask = is_small(values, threshold)
    changed = True
    while changed:
        changed = False
        for axis in (0, 1):
            lines = mask if axis == 1 else mask.T
            data = values if axis == 1 else values.T
            for index in range(lines.shape[0]):
                if lines[index].sum() == 1:
                    candidates = np.where(~lines[index] & (data[index] > 0), data[index], np.inf)
                    if np.isfinite(candidates.min()):
                        lines[index][int(candidates.argmin())] = True
                        changed = True
    return pd.DataFrame(mask, index=table.index, columns=table.columns)


def suppress_crosstab(table: pd.DataFrame, threshold: int = MIN_THRESHOLD) -> pd.DataFrame:
    """A cross-tab of counts, as text, with totals, after primary and secondary suppression."""
    with_totals = table.copy()
    with_totals["Total"] = table.sum(axis=1)
    with_totals.loc["Total"] = with_totals.sum(axis=0)
    mask = crosstab_mask(table, threshold).to_numpy()
    full_mask = np.zeros(with_totals.shape, dtype=bool)
    full_mask[: mask.shape[0], : mask.shape[1]] = mask
    full_mask |= is_small(with_totals.to_numpy(dtype=float), threshold)  # a small total is small too
    shown = with_totals.astype(int).map(lambda v: f"{v:,}")
    return shown.mask(full_mask, CONFIDENTIAL)


def suppress_rate(numerator, denominator, threshold: int = MIN_THRESHOLD):
    """None when either count is too small to show: a rate would reveal it."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    if is_small(numerator, threshold) or is_small(denominator, threshold):
        return None
    return numerator / denominator
