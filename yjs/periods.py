"""Indicator periods: the label a person types, checked against the indicator's period type.

calendar year `2023`; financial year `2023-24` (April to March); quarter `2023-Q2` (calendar
quarters); rolling 12 months `2024-03` (the twelve months ending that month).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

CALENDAR_YEAR, FINANCIAL_YEAR, QUARTER, ROLLING = "calendar year", "financial year", "quarter", "rolling 12 months"
EXAMPLES = {CALENDAR_YEAR: "2023", FINANCIAL_YEAR: "2023-24", QUARTER: "2023-Q2", ROLLING: "2024-03"}
_PATTERNS = {
    CALENDAR_YEAR: re.compile(r"^(\d{4})$"),
    FINANCIAL_YEAR: re.compile(r"^(\d{4})[-/](\d{2}|\d{4})$"),
    QUARTER: re.compile(r"^(\d{4})[- ]?Q([1-4])$", re.I),
    ROLLING: re.compile(r"^(\d{4})-(\d{2})$"),
}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str, period_type: str) -> tuple[str, dt.date]:
    """(canonical label, last day of the period), or ValueError saying what was expected."""
    text = str(text).strip()
    match = _PATTERNS[period_type].match(text)
    if not match:
        raise ValueError(f"'{text}' is not a {period_type} period (write it like {EXAMPLES[period_type]})")
    year = int(match.group(1))
    if not 1990 <= year <= 2100:
        raise ValueError(f"'{text}' is not a plausible year")
    if period_type == CALENDAR_YEAR:
        return str(year), dt.date(year, 12, 31)
    if period_type == FINANCIAL_YEAR:
        second = int(match.group(2)) % 100
        if second != (year + 1) % 100:
            raise ValueError(f"'{text}' is not a financial year (the second year must follow the first: {year}-{(year + 1) % 100:02d})")
        return f"{year}-{second:02d}", dt.date(year + 1, 3, 31)
    if period_type == QUARTER:
        quarter = int(match.group(2))
        return f"{year}-Q{quarter}", _month_end(year, quarter * 3)
    month = int(match.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    return f"{year}-{month:02d}", _month_end(year, month)
