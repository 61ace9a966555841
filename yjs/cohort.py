"""The cohort's dimensions and the bound parameters that filter it.

Each dimension is a readable-label column of the `cohort_facts` view and a list parameter of the
`filtered_cohort` table macro (data/views.sql). Queries choose a dimension by its key through a
bound parameter and a CASE in SQL, so no column name is ever formatted into a statement.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Dimension:
    key: str        # column of cohort_facts
    label: str      # what the UI calls it
    param: str      # list parameter of filtered_cohort
    order: tuple[str, ...] = ()   # every value, in its natural order (the column's ENUM, data/views.sql)


DIMENSIONS = (
    Dimension("age_band", "Age at start", "age_bands", ("10-13", "14-15", "16-17")),
    Dimension("sex", "Sex", "sexes", ("Female", "Male")),
    Dimension("ethnicity", "Ethnicity", "ethnicities", ("White", "Black", "Asian", "Mixed", "Other", "Unknown")),
    Dimension("disposal_type", "Disposal type", "disposal_types", ("Out-of-court", "Court")),
    Dimension("disposal", "Disposal", "disposals", ("Community resolution", "Youth caution", "Youth conditional caution",
                                                    "Referral order", "Youth rehabilitation order", "Custody")),
    Dimension("offence_category", "Offence", "offences",
              ("Violence against the person", "Robbery", "Theft and handling", "Drugs", "Criminal damage",
               "Public order", "Possession of weapons", "Motoring", "Sexual offences", "Other")),
    Dimension("care_status", "Care status", "care_statuses",
              ("None", "Child in need", "Child protection", "Looked after", "Care leaver")),
    Dimension("send", "SEND", "send_values", ("SEND", "No SEND")),
    Dimension("ete_status_at_end", "ETE at end", "ete_statuses", ("Full time", "Part time", "Not in ETE", "Order not ended")),
    Dimension("substance_misuse", "Substance misuse", "substance_values", ("Need identified", "No need identified")),
    Dimension("mental_health", "Mental health", "mental_health_values", ("Need identified", "No need identified")),
    Dimension("risk_of_serious_harm", "Risk of serious harm", "rosh_levels", ("Low", "Medium", "High", "Very high")),
    Dimension("safety_and_wellbeing", "Safety and wellbeing", "wellbeing_levels", ("Low", "Medium", "High", "Very high")),
    Dimension("reoffending", "Reoffending (12 months)", "reoffending_values",
              ("Reoffended", "Did not reoffend", "Not yet known")),
)
BY_KEY = {dimension.key: dimension for dimension in DIMENSIONS}


def cohort_params(areas: list[str], year_from: int, year_to: int, selections: dict[str, list[str]]) -> dict:
    """The struct bound as `$cohort` for the `filtered_cohort` macro: per dimension, the values let through.

    A dimension with no selection lets every one of its values through: the macro then tests each
    dimension the same simple way, which DuckDB plans much faster than "empty, or contains".
    """
    unknown = set(selections) - set(BY_KEY)
    if unknown:
        raise KeyError(f"unknown cohort dimensions: {sorted(unknown)}")
    params = {"areas": list(areas), "year_from": int(year_from), "year_to": int(year_to)}
    params.update({d.param: list(selections.get(d.key) or d.order) for d in DIMENSIONS})
    return {"cohort": params}


def ordered(dimension: Dimension, values) -> list[str]:
    values = [v for v in values if v is not None]
    known = [v for v in dimension.order if v in values]
    return known + sorted(v for v in values if v not in dimension.order)


# The KPIs a cohort of children gives, in the order the pages show them: (code, numerator, denominator),
# the last two naming counts of queries/cohort/kpi_counts.sql.
KPIS = (("kpi_accommodation", "accommodation_n", "accommodation_d"), ("kpi_ete", "ete_n", "ended_d"),
        ("kpi_send", "send_n", "send_d"), ("kpi_mental_health", "mental_health_n", "mental_health_d"),
        ("kpi_substance_misuse", "substance_n", "substance_d"), ("kpi_oocd_completion", "oocd_n", "oocd_d"),
        ("kpi_wider_services", "wider_n", "ended_d"))


def kpi_rows(counts: dict, indicators: pd.DataFrame) -> pd.DataFrame:
    """Each KPI's code, name, polarity, numerator and denominator, from the counts and the indicator list."""
    named = indicators.set_index("code")
    return pd.DataFrame([{"code": code, "name": named.at[code, "name"], "polarity": named.at[code, "polarity"],
                          "numerator": int(counts[numerator]), "denominator": int(counts[denominator])}
                         for code, numerator, denominator in KPIS])
