"""Parsing the dates people type into spreadsheets, with errors a person can act on."""

from __future__ import annotations

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
            parts = dict(zip(order, map(int, match.groups())))
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


def long_date_time(value: dt.datetime) -> str:
    """'17 September 2024 14:05 UTC': the house date style, for times recorded in UTC."""
    return f"{value.day} {value.strftime('%B %Y %H:%M')} UTC"
