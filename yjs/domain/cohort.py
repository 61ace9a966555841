"""The cohort's dimensions and the bound parameters that filter it.

Each dimension's values are listed once, here: the build writes them to the `cohort_dimension_values`
table, from which data/views.sql makes the ENUM type of the dimension's readable-label column of
`cohort_facts`. The queries learn which columns are dimensions from the keys of the bound
`$dimensions` struct (DuckDB's COLUMNS), so no column name is ever formatted into a statement.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Dimension:
    key: str  # column of cohort_facts, and its key in the `$dimensions` struct
    label: str  # what the UI calls it
    order: tuple[str, ...] = ()  # every value, in its natural order (that of the column's ENUM type)


DIMENSIONS = (
    Dimension("age_band", "Age at start", ("10-13", "14-15", "16-17")),
    Dimension("sex", "Sex", ("Female", "Male")),
    Dimension("ethnicity", "Ethnicity", ("White", "Black", "Asian", "Mixed", "Other", "Unknown")),
    Dimension("disposal_type", "Disposal type", ("Out-of-court", "Court")),
    Dimension(
        "disposal",
        "Disposal",
        (
            "Community resolution",
            "Youth caution",
            "Youth conditional caution",
            "Referral order",
            "Youth rehabilitation order",
            "Custody",
        ),
    ),
    Dimension(
        "offence_category",
        "Offence",
        (
            "Violence against the person",
            "Robbery",
            "Theft and handling",
            "Drugs",
            "Criminal damage",
            "Public order",
            "Possession of weapons",
            "Motoring",
            "Sexual offences",
            "Other",
        ),
    ),
    Dimension(
        "care_status", "Care status", ("None", "Child in need", "Child protection", "Looked after", "Care leaver")
    ),
    Dimension("send", "SEND", ("SEND", "No SEND")),
    Dimension("ete_status_at_end", "ETE at end", ("Full time", "Part time", "Not in ETE", "Order not ended")),
    Dimension("substance_misuse", "Substance misuse", ("Need identified", "No need identified")),
    Dimension("mental_health", "Mental health", ("Need identified", "No need identified")),
    Dimension("risk_of_serious_harm", "Risk of serious harm", ("Low", "Medium", "High", "Very high")),
    Dimension("safety_and_wellbeing", "Safety and wellbeing", ("Low", "Medium", "High", "Very high")),
    Dimension("reoffending", "Reoffending (12 months)", ("Reoffended", "Did not reoffend", "Not yet known")),
)
BY_KEY = {dimension.key: dimension for dimension in DIMENSIONS}
TOTAL = "Total"  # the label of a cross-tab's total row and column
# The disposals in their two kinds, and what a child's education, training or employment was when the order ended.
OUT_OF_COURT_DISPOSALS, COURT_DISPOSALS = BY_KEY["disposal"].order[:3], BY_KEY["disposal"].order[3:]
ETE_AT_END = BY_KEY["ete_status_at_end"].order[:-1]  # the last, "Order not ended", labels a blank


def dimension_value_rows() -> pd.DataFrame:
    """The rows of the `cohort_dimension_values` table: every value of every dimension, numbered in order."""
    return pd.DataFrame(
        [(d.key, position, value) for d in DIMENSIONS for position, value in enumerate(d.order, 1)],
        columns=["dimension", "position", "value"],
    )


def cohort_params(areas: list[str], year_from: int, year_to: int, selections: dict[str, list[str]]) -> dict:
    """The structs bound for the `filtered_cohort` macro: `$cohort`, the areas and years, and
    `$dimensions`, per dimension (keyed as its column) the values let through.

    A dimension with no selection lets every one of its values through: the macro then tests each
    dimension the same simple way, which DuckDB plans much faster than "empty, or contains". Every
    dimension is always there, because its keys tell the queries which columns are dimensions.
    `unfiltered` says no dimension has a selection: the queries then read the cells counted per area and
    year at build and import (data/views.sql `in_scope`) instead of grouping every child.
    """
    unknown = set(selections) - set(BY_KEY)
    if unknown:
        raise KeyError(f"unknown cohort dimensions: {sorted(unknown)}")
    scope = {"areas": list(areas), "year_from": int(year_from), "year_to": int(year_to)}
    return {
        "cohort": {**scope, "unfiltered": not any(selections.values())},
        "dimensions": {d.key: list(selections.get(d.key) or d.order) for d in DIMENSIONS},
    }


def ordered(dimension: Dimension, values) -> list[str]:
    values = [v for v in values if v is not None]
    known = [v for v in dimension.order if v in values]
    return known + sorted(v for v in values if v not in dimension.order)


# The KPIs a cohort of children gives, in the order the pages show them: (code, numerator, denominator),
# the last two naming counts of queries/read/cohort/kpi_counts.sql.
KPIS = (
    ("kpi_accommodation", "accommodation_n", "accommodation_d"),
    ("kpi_ete", "ete_n", "ended_d"),
    ("kpi_send", "send_n", "send_d"),
    ("kpi_mental_health", "mental_health_n", "mental_health_d"),
    ("kpi_substance_misuse", "substance_n", "substance_d"),
    ("kpi_oocd_completion", "oocd_n", "oocd_d"),
    ("kpi_wider_services", "wider_n", "ended_d"),
)


def kpi_rows(counts: dict, indicators: pd.DataFrame) -> pd.DataFrame:
    """Each KPI's code, name, polarity, numerator and denominator, from the counts and the indicator list.

    The counts are perturbed figures (None where withheld), passed through as they are.
    """
    named = indicators.set_index("code")
    return pd.DataFrame(
        [
            {
                "code": code,
                "name": named.at[code, "name"],
                "polarity": named.at[code, "polarity"],
                "numerator": counts[numerator],
                "denominator": counts[denominator],
            }
            for code, numerator, denominator in KPIS
        ]
    )
