"""One group at one stage, area by area (pure): every area's relative rate index with its 95% interval,
ranked, against the pooled index of the areas compared; areas withheld by disclosure control are listed,
never drawn.

Each area's index is the same `disproportionality.rri_table` the Disproportionality page uses, on that
area's counts alone, so an area's figure here equals the page's figure for that area. Every count is a
perturbed cell of its own (README "Disclosure control"): the pooled counts are not the sum of the areas',
so subtracting the areas shown from them recovers nothing exact about the areas withheld.
"""

from __future__ import annotations

import pandas as pd

from yjs.domain import disclosure, disproportionality
from yjs.domain.disproportionality import GROUPINGS, STAGES

# What the view compares: a group against its grouping's reference group (White children, ...).
COMPARISONS = {
    "Black children": ("ethnicity", "Black"),
    "Asian children": ("ethnicity", "Asian"),
    "Children of mixed ethnicity": ("ethnicity", "Mixed"),
    "Children of other ethnic groups": ("ethnicity", "Other"),
    "Care-experienced children": ("care_experience", "Care-experienced"),
    "Children with SEND": ("send", "SEND"),
}
STAGE_LABELS = {stage.key: stage.label for stage in STAGES}
STAGE_SHORT = {
    "entered": "entering the cohort",
    "court": "court rather than out-of-court",
    "custody": "custody",
    "reoffended": "reoffending within 12 months",
}
COUNTS = ("group_events", "group_base", "reference_events", "reference_base")
DRAWN, WITHHELD, NO_INDEX = "drawn", "withheld", "no index"
SORTS = {
    "RRI, highest first": (["rri", "area"], [False, True]),
    "Lower end of the interval, highest first": (["low", "area"], [False, True]),
    "Area": (["area"], [True]),
}


def rri_by_area(
    counts: pd.DataFrame, comparison: str, stage_key: str, threshold: int = disclosure.MIN_THRESHOLD
) -> pd.DataFrame:
    """One row per area of `counts` (a row per area and group value, as `cohort.stage_counts_by_area` reads
    them): the counts behind the index, the index and its interval, and whether it is drawn, withheld
    (with why) or cannot be computed (with why)."""
    grouping, group = COMPARISONS[comparison]
    reference = GROUPINGS[grouping][1]
    stage = next(s for s in STAGES if s.key == stage_key)
    # Plain dicts, not a frame per area: pandas costs more per area than the arithmetic.
    by_key = {(row["area"], row["group_value"]): row for row in counts.to_dict("records")}
    areas = sorted({area for area, _value in by_key})
    rows = [_area_row(area, by_key, group, reference, stage, threshold) for area in areas]
    columns = ["area", *COUNTS, "group_rate", "reference_rate", "rri", "low", "high", "flagged", "direction", "status"]
    table = pd.DataFrame(rows, columns=[*columns, "why"])
    return table


def _area_row(area: str, by_key: dict, group: str, reference: str, stage, threshold: int) -> dict:
    """An area's comparison, a group value it has no children of counted as none."""
    found = [by_key.get((area, value), {}) for value in (group, reference)]
    if stage.base == "population" and any(pd.isna(row.get("population")) for row in found):
        return {"area": area, "status": NO_INDEX, "why": "no population figures for these groups in this area"}
    # A group the area has no row for has no child counted: zero. A count in a row may be NA: withheld.
    group_counts, reference_counts = (
        {column: row.get(column, 0) for column in (stage.events, stage.base)} for row in found
    )
    result = disproportionality.compare_at_stage(stage, group, reference, group_counts, reference_counts, threshold)
    if any(disclosure.hidden(result[column], threshold) for column in COUNTS):
        status, why = WITHHELD, f"a count behind it is below {threshold} or withheld"
    elif result["rri"] is None or result["rri"] <= 0:
        status, why = NO_INDEX, result["note"]
    else:
        status, why = DRAWN, ""
    return {"area": area, **{k: v for k, v in result.items() if k in _KEPT}, "status": status, "why": why}


_KEPT = {*COUNTS, "group_rate", "reference_rate", "rri", "low", "high", "flagged", "direction"}


def ranked(table: pd.DataFrame, sort: str) -> pd.DataFrame:
    """The areas drawn, in the order chosen (one of SORTS)."""
    columns, ascending = SORTS[sort]
    drawn = table[table["status"] == DRAWN]
    return drawn.sort_values(columns, ascending=ascending, kind="stable", ignore_index=True)


def pooled(counts: pd.DataFrame, comparison: str, stage_key: str, threshold: int) -> dict | None:
    """The pooled index over the areas compared (counts summed over them, as the Disproportionality page
    shows them for the same areas), or None where it is withheld or cannot be computed."""
    grouping, group = COMPARISONS[comparison]
    stage = next(s for s in STAGES if s.key == stage_key)
    table = disproportionality.rri_table(counts, grouping, threshold, (stage,))
    if table.empty or (table["group"] != group).all():
        return None
    row = table[table["group"] == group].iloc[0].to_dict()
    return row if pd.notna(row["rri"]) and row["rri"] > 0 else None


def display_table(drawn: pd.DataFrame, reference: str, threshold: int) -> pd.DataFrame:
    """The drawn areas as the page shows and exports them: counts as text (none of them small: a small count
    withholds its area), rates and indices rounded."""
    return pd.DataFrame(
        {
            "Area": drawn["area"],
            "RRI": drawn["rri"].astype(float).round(2),
            "95% low": drawn["low"].astype(float).round(2),
            "95% high": drawn["high"].astype(float).round(2),
            "More than chance": [
                f"Yes, {d}" if f else "No" for f, d in zip(drawn["flagged"], drawn["direction"], strict=True)
            ],
            "Children": drawn["group_events"].map(lambda v: disclosure.show_count(v, threshold)),
            "Of": drawn["group_base"].map(lambda v: disclosure.show_count(v, threshold)),
            "Rate %": (100 * drawn["group_rate"].astype(float)).round(1),
            f"{reference} children": drawn["reference_events"].map(lambda v: disclosure.show_count(v, threshold)),
            f"{reference} of": drawn["reference_base"].map(lambda v: disclosure.show_count(v, threshold)),
            f"{reference} rate %": (100 * drawn["reference_rate"].astype(float)).round(1),
        }
    )


def where_one_area_stands(table: pd.DataFrame, drawn: pd.DataFrame, area: str) -> str | None:
    """One line on the chosen area: its index and place among those drawn, or why it is not drawn."""
    rows = table[table["area"] == area]
    if rows.empty:
        return None
    row = rows.iloc[0]
    if row["status"] != DRAWN:
        return f"**{area}**: {row['status']} ({row['why']})."
    place = int(drawn.index[drawn["area"] == area][0]) + 1
    flagged = f", {row['direction']} than chance would explain" if row["flagged"] else ", within chance"
    return (f"**{area}**: index {row['rri']:.2f} (95% interval {row['low']:.2f}–{row['high']:.2f}){flagged}; "
            f"{place} of {len(drawn)} in the order shown.")  # fmt: skip


def not_drawn(table: pd.DataFrame) -> pd.DataFrame:
    """The areas not drawn: withheld by disclosure control, or with no index to draw, and why."""
    rows = table[table["status"] != DRAWN]
    return pd.DataFrame(
        {"Area": rows["area"], "Not drawn": rows["status"].str.capitalize(), "Why": rows["why"].fillna("")}
    ).sort_values(["Not drawn", "Area"], ignore_index=True)
