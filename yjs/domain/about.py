"""About the data (pure): the documents and what was taken from each, what each dataset holds, real and demo
apart, and when the data last changed, in the words the page and the sidebar use."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from yjs.domain import disclosure
from yjs.domain.dates import long_date, month_label

# A row of each kind, as a person counts it: (one, many).
KIND_WORDS = {
    "areas": ("service", "services"),
    "inspections": ("inspection", "inspections"),
    "standard_ratings": ("standard's rating", "standards' ratings"),
    "key_questions": ("key question", "key questions"),
    "recommendations": ("recommendation", "recommendations"),
    "recommendation_updates": ("progress report on a recommendation", "progress reports on recommendations"),
    "findings": ("finding", "findings"),
    "improvement_plans": ("improvement plan", "improvement plans"),
    "improvement_actions": ("plan action", "plan actions"),
    "indicator_values": ("indicator value", "indicator values"),
    "population": ("population figure", "population figures"),
    "context_figures": ("context figure", "context figures"),
    "comparator_groups": ("comparator group member", "comparator group members"),
}
DATASETS = {
    "inspections": "Inspections",
    "indicators": "Indicator values",
    "cohort": "Children's records",
    "plans": "Plan actions",
}


def counted(rows: int, kind: str) -> str:
    one, many = KIND_WORDS.get(kind, (kind, kind))
    return f"{rows:,} {one if rows == 1 else many}"


def documents_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per document: title, publisher, date, what was taken from it (most rows first), address."""
    rows = []
    for _document, group in frame.groupby("document_id", sort=False):
        first = group.iloc[0]
        taken = [counted(int(n), kind) for kind, n in zip(group["kind"], group["rows"], strict=True) if pd.notna(n)]
        imported = first["imported_on"]
        rows.append(
            {
                "document": first["title"],
                "publisher": first["publisher"] if pd.notna(first["publisher"]) else "",
                "date": _day_or_month(imported) if pd.notna(imported) else _day_or_month(first["published"]),
                "taken": "; ".join(taken) if taken else "nothing at present",
                "imported": pd.notna(imported),
                "address": first["url"] if pd.notna(first["url"]) else "",
            }
        )
    return pd.DataFrame(rows, columns=["document", "publisher", "date", "taken", "imported", "address"])


def _day_or_month(value) -> str:
    if value is None or pd.isna(value):
        return ""
    day = pd.Timestamp(value).date()
    return month_label(day) if day.day == 1 else long_date(day)


def datasets_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Per dataset: the real rows and the newest real figure, the demo rows and the newest demo figure."""
    rows = []
    for key, label in DATASETS.items():
        held = frame[frame["dataset"] == key]
        row = {"dataset": label}
        for demo, kind in ((False, "real"), (True, "demo")):
            part = held[held["is_demo"] == demo]
            count = part["rows"].iloc[0] if len(part) else 0  # NA: a count of children withheld
            row[f"{kind}_rows"] = _shown_rows(key, count)
            shown = not disclosure.hidden(count) if key == "cohort" else count > 0
            row[f"newest_{kind}"] = _newest(key, part.iloc[0]) if shown and count != 0 else "–"
        rows.append(row)
    return pd.DataFrame(rows)


def _shown_rows(dataset: str, count: int) -> str:
    """A count of rows; children's records counted as every count of them is (perturbed, hidden below 10)."""
    return disclosure.show_count(count) if dataset == "cohort" else f"{int(count):,}"


def _newest(dataset: str, row: pd.Series) -> str:
    if dataset == "indicators" and isinstance(row["newest_period"], str):
        return f"{row['newest_period']} (to {long_date(pd.Timestamp(row['newest']).date())})"
    if pd.isna(row["newest"]):
        return "no date recorded"
    day = pd.Timestamp(row["newest"]).date()
    return month_label(day) if dataset in ("inspections", "cohort") else long_date(day)


def last_updated_line(at_utc: dt.datetime, what: str) -> str:
    """'Data last updated 5 March 2026, 14:02 UTC (import of figures.csv)'."""
    return f"Data last updated {long_date(at_utc.date())}, {at_utc:%H:%M} UTC ({what})"
