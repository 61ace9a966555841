"""Relative rate indices by stage of the youth justice system, from aggregated counts (pure).

Stages, each measured against the one before it: the 10-17 population -> entering the cohort ->
a court rather than an out-of-court outcome -> custody (of court outcomes); and reoffending
within 12 months (of the children followed up that long). The reference group is White children
for ethnicity, and children who are not care-experienced / have no SEND for the other groupings.
Unknown ethnicity is shown with its counts but never compared, and never silently dropped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from yjs.domain import disclosure

# --- the relative rate index ----------------------------------------------------------------------
# The relative rate index (RRI) with a 95% confidence interval on the log scale.
#
# RRI = (a / n1) / (c / n2): a group's rate at a stage over the reference group's (White children).
# Its standard error on the log scale is sqrt(1/a - 1/n1 + 1/c - 1/n2) (the Katz method for a ratio
# of two proportions), so the interval is exp(log(RRI) +/- 1.96 SE). A disparity is flagged only
# when the whole interval lies on one side of 1.
Z_95 = 1.959963984540054


@dataclass(frozen=True)
class RelativeRate:
    group_events: int
    group_base: int
    reference_events: int
    reference_base: int
    rri: float | None
    low: float | None
    high: float | None
    reason: str | None = None  # why no RRI could be computed

    @property
    def flagged(self) -> bool:
        return self.low is not None and (self.low > 1 or self.high < 1)

    @property
    def direction(self) -> str | None:
        if not self.flagged:
            return None
        return "higher" if self.low > 1 else "lower"


def relative_rate(group_events: int, group_base: int, reference_events: int, reference_base: int) -> RelativeRate:
    counts = (group_events, group_base, reference_events, reference_base)

    def undefined(reason: str) -> RelativeRate:
        return RelativeRate(*counts, None, None, None, reason)

    if group_base <= 0:
        return undefined("the group has no children at the previous stage (rate undefined)")
    if reference_base <= 0:
        return undefined("there are no White children at the previous stage to compare with")
    if reference_events == 0:
        return undefined("no White children reached this stage, so there is no rate to compare with")
    if group_events > group_base or reference_events > reference_base:
        return undefined("more children at this stage than at the one before (check the data)")
    rri = (group_events / group_base) / (reference_events / reference_base)
    if group_events == 0:
        return RelativeRate(*counts, 0.0, None, None, "no children of this group reached this stage")
    variance = 1 / group_events - 1 / group_base + 1 / reference_events - 1 / reference_base
    spread = Z_95 * math.sqrt(max(variance, 0.0))
    return RelativeRate(*counts, rri, math.exp(math.log(rri) - spread), math.exp(math.log(rri) + spread))


# --- stages and tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    key: str
    label: str
    events: str  # column of stage counts
    base: str  # column of the previous stage


STAGES = (
    Stage("entered", "Entering the cohort (of the 10-17 population)", "entered", "population"),
    Stage("court", "Court rather than out-of-court (of those entering)", "court", "entered"),
    Stage("custody", "Custody (of court outcomes)", "custody", "court"),
    Stage("reoffended", "Reoffending within 12 months (of those followed up)", "reoffended", "followed_up"),
)
GROUPINGS = {
    "ethnicity": ("Ethnicity", "White", ("Black", "Asian", "Mixed", "Other"), ("Unknown",)),
    "care_experience": ("Care experience", "Not care-experienced", ("Care-experienced",), ()),
    "send": ("Special educational needs (SEND)", "No SEND", ("SEND",), ()),
}


REFERENCE_PHRASES = {
    "ethnicity": "White children",
    "care_experience": "children who are not care-experienced",
    "send": "children without SEND",
}


def rri_table(
    counts: pd.DataFrame, grouping: str, threshold: int = disclosure.MIN_THRESHOLD, stages: tuple[Stage, ...] = STAGES
) -> pd.DataFrame:
    """One row per compared group and stage: counts, rates, RRI and interval, from perturbed counts.

    `counts` has a row per group value with the columns named by STAGES (population optional): the
    children's counts perturbed (NA where withheld), the population as published.
    """
    _label, reference, compared, _unknown = GROUPINGS[grouping]
    counts = counts.set_index("group_value")
    by_group = counts.to_dict("index")  # plain dicts: a .loc per cell costs more than the arithmetic
    rows = []
    for stage in stages:
        if stage.base not in counts or counts[stage.base].isna().all():
            continue
        for group in compared:
            if group not in by_group or reference not in by_group:
                continue
            rows.append(compare_at_stage(stage, group, reference, by_group[group], by_group[reference], threshold))
    return pd.DataFrame(rows)


def compare_at_stage(stage: Stage, group: str, reference: str, group_counts, reference_counts, threshold: int) -> dict:
    """One group against the reference group at one stage, from mappings of their stage counts, after
    suppression (the row of `rri_table`; Disproportionality by area makes one per area with it)."""
    values = [
        disclosure.figure(group_counts[stage.events]),
        disclosure.figure(group_counts[stage.base]),
        disclosure.figure(reference_counts[stage.events]),
        disclosure.figure(reference_counts[stage.base]),
    ]
    suppressed = any(disclosure.hidden(v, threshold) for v in values)
    result = None if suppressed else relative_rate(*values)
    row = {
        "stage": stage.label,
        "stage_key": stage.key,
        "group": group,
        "reference": reference,
        "group_events": values[0],
        "group_base": values[1],
        "reference_events": values[2],
        "reference_base": values[3],
        "group_rate": disclosure.suppress_rate(values[0], values[1], threshold),
        "reference_rate": disclosure.suppress_rate(values[2], values[3], threshold),
        "rri": None,
        "low": None,
        "high": None,
        "flagged": False,
        "direction": None,
        "note": f"not shown: a count behind it is below {threshold} or withheld",
    }
    if result is not None:
        row.update(
            rri=result.rri,
            low=result.low,
            high=result.high,
            flagged=result.flagged,
            direction=result.direction,
            note=result.reason,
        )
    return row


def period_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """The counts over the whole period (cells of their own, never summed from the years), per group
    and, with `group_value` NA, over every group."""
    return counts[counts["year"].isna()].drop(columns="year").reset_index(drop=True)


def shares(counts: pd.DataFrame, grouping: str, threshold: int = disclosure.MIN_THRESHOLD) -> pd.DataFrame:
    """Each group's share of the population and of the cohort (Unknown kept in the cohort share).

    `counts` are period counts (`period_counts`) with the all-groups row, whose perturbed figure is
    the share's denominator. A share resting on a hidden figure is withheld.
    """
    _label, reference, compared, unknown = GROUPINGS[grouping]
    order = [reference, *compared, *unknown]
    by_group = dict(zip(counts["group_value"], counts["entered"], strict=True))
    everyone = next((n for g, n in by_group.items() if pd.isna(g)), 0)
    cohort_share = [
        disclosure.suppress_rate(disclosure.figure(by_group.get(group, 0)), disclosure.figure(everyone), threshold)
        for group in order
    ]
    result = pd.DataFrame({"group": order, "cohort_share": pd.Series(cohort_share, dtype="float64")})
    frame = counts[counts["group_value"].notna()].set_index("group_value").reindex(order)
    if "population" in frame and frame["population"].notna().any():
        result["population_share"] = (frame["population"] / frame["population"].sum()).to_numpy()
    return result


# The decimals the Disproportionality page shows (rates as percentages to two places, indices to two): its
# exports round the same way and keep the exact figures beside them.
RRI_ROUNDING = {"group_rate": 4, "reference_rate": 4, "rri": 2, "low": 2, "high": 2}


def display_counts(table: pd.DataFrame, threshold: int = disclosure.MIN_THRESHOLD) -> pd.DataFrame:
    """The counts of an RRI table as text, small ones shown as `c`; withheld rates and indices as empty
    numbers (NaN, a blank cell), never the word None."""
    shown = table.copy()
    for column in ("group_events", "group_base", "reference_events", "reference_base"):
        shown[column] = shown[column].map(lambda v: disclosure.show_count(v, threshold))
    figures = [column for column in ("group_rate", "reference_rate", "rri", "low", "high") if column in shown]
    shown[figures] = shown[figures].astype("float64")
    return shown


def trend(
    counts: pd.DataFrame, grouping: str, stage_key: str, threshold: int = disclosure.MIN_THRESHOLD
) -> pd.DataFrame:
    """RRI per year for one stage, from each year's perturbed counts; years whose RRI would rest on a
    hidden count are left out."""
    frames = []
    stages = tuple(stage for stage in STAGES if stage.key == stage_key)  # only the stage on screen
    yearly = counts[counts["year"].notna() & counts["group_value"].notna()]
    for year, year_counts in yearly.groupby("year"):
        table = rri_table(year_counts.drop(columns="year"), grouping, threshold, stages)
        if not table.empty:
            frames.append(table.assign(year=int(year)))
    if not frames:
        return pd.DataFrame(columns=["year", "group", "rri"])
    result = pd.concat(frames, ignore_index=True)
    # A year whose figures are all withheld holds only None: keep the figures' columns numeric.
    numeric = ["group_rate", "reference_rate", "rri", "low", "high"]
    result[numeric] = result[numeric].astype("float64")
    return result.dropna(subset=["rri"])[lambda f: f["rri"] > 0]
