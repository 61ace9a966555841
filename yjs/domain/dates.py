"""Parsing the dates people type into spreadsheets, with errors a person can act on."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_date(value, *, allow_month: bool = False) -> dt.date | None:
    """ISO `2024-09-17`, UK `17/09/2024`, or (when allowed) a month `2024-09` -> its first day.

    Blank gives None. Anything else, or a day that does not exist, raises ValueError.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text or text.lower() == "nan":
        return None
    if text.endswith(" 00:00:00"):  # spreadsheets hand back datetimes as text
        text = text[:-9]
    for pattern, order in ((_ISO, "ymd"), (_UK, "dmy")):
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            return _real_date(text, parts["y"], parts["m"], parts["d"])
    match = _MONTH.match(text)
    if match and allow_month:
        return _real_date(text, int(match.group(1)), int(match.group(2)), 1)
    accepted = "YYYY-MM-DD, DD/MM/YYYY" + (" or YYYY-MM" if allow_month else "")
    raise ValueError(f"'{text}' is not a date (use {accepted})")


def _real_date(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a real date") from None


def month_label(value: dt.date | None) -> str:
    return value.strftime("%b %Y") if value else ""


def publication_label(published, fieldwork_start) -> str:
    """'Sep 2023', or the fieldwork month of an inspection not yet published (or whose date is not stated)."""
    if published is not None and published == published:  # not None, NaT or NaN
        return month_label(published)
    if fieldwork_start is not None and fieldwork_start == fieldwork_start:
        return f"fieldwork {month_label(fieldwork_start)}"
    return ""


def long_date(value: dt.date | None) -> str:
    """'17 September 2024', the form the UI and reports use."""
    return f"{value.day} {value:%B %Y}" if value else ""


_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (dt.date(2000, number, 1).strftime("%B").lower(), dt.date(2000, number, 1).strftime("%b").lower())
}
_MONTHS["sept"] = 9
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?[\s,'-]*(\d{4}|\d{2})$")


def parse_plan_date(value, *, end_of_month: bool) -> dt.date | None:
    """A plan's timescale: a date (as parse_date), or a month and year such as 'March 2025',
    'Sept 2023' or 'Jan 24' (a two-digit year is 20xx), which becomes the month's last day for a
    due date and its first day for a start. Blank gives None; anything else raises ValueError."""
    text = "" if value is None else str(value).strip()
    iso_month = _MONTH.match(text)
    if iso_month:
        return _month_day(int(iso_month.group(1)), int(iso_month.group(2)), end_of_month, text)
    match = _MONTH_YEAR.match(text)
    if not match:
        try:
            return parse_date(value, allow_month=True)
        except ValueError:
            raise ValueError(
                f"'{text}' is not a date or a month (use e.g. March 2025, Jan 24, 2025-03-31 or 31/03/2025)"
            ) from None
    month = _MONTHS.get(match.group(1).lower())
    if month is None:
        raise ValueError(f"'{match.group(1)}' in '{text}' is not a month")
    year = int(match.group(2)) + (2000 if len(match.group(2)) == 2 else 0)
    return _month_day(year, month, end_of_month, text)


def parse_month(value) -> dt.date | None:
    """The first day of the month a cell names when the whole cell is a month and year ('Oct 2023',
    'Sept 2023', 'Jan 24', '2023-10'); None for anything else ('Ongoing', 'Completed Nov', a date)."""
    text = "" if value is None else str(value).strip()
    iso_month = _MONTH.match(text)
    if iso_month and 1 <= int(iso_month.group(2)) <= 12:
        return dt.date(int(iso_month.group(1)), int(iso_month.group(2)), 1)
    match = _MONTH_YEAR.match(text)
    month = _MONTHS.get(match.group(1).lower()) if match else None
    if month is None:
        return None
    return dt.date(int(match.group(2)) + (2000 if len(match.group(2)) == 2 else 0), month, 1)


def _month_day(year: int, month: int, end_of_month: bool, text: str) -> dt.date:
    first = _real_date(text, year, month, 1)
    if not end_of_month:
        return first
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def long_date_time(value: dt.datetime) -> str:
    """'17 September 2024 14:05 UTC': the house date style, for times recorded in UTC."""
    return f"{value.day} {value.strftime('%B %Y %H:%M')} UTC"


# --- indicator periods ---------------------------------------------------------------------------
# Indicator periods: the label a person types, checked against the indicator's period type.
#
# calendar year `2023`; financial year `2023-24` (April to March); quarter `2023-Q2` (calendar
# quarters); rolling 12 months `2024-03` (the twelve months ending that month).
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
            raise ValueError(
                f"'{text}' is not a financial year "
                f"(the second year must follow the first: {year}-{(year + 1) % 100:02d})"
            )
        return f"{year}-{second:02d}", dt.date(year + 1, 3, 31)
    if period_type == QUARTER:
        quarter = int(match.group(2))
        return f"{year}-Q{quarter}", _month_end(year, quarter * 3)
    month = int(match.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    return f"{year}-{month:02d}", _month_end(year, month)
