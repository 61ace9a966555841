"""Parsing one cell of a user's file: each parser records a Problem and returns None when it fails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from yjs.domain.dates import parse_date
from yjs.importers.report import Problem
from yjs.importers.tabular import Row

TRUE_WORDS = {"yes", "y", "true", "1"}
FALSE_WORDS = {"no", "n", "false", "0"}


class Cells:
    """Reads the cells of one row, collecting every problem with its line and column."""

    def __init__(self, row: Row, problems: list[Problem]):
        self.row, self.problems = row, problems

    def fail(self, column: str, reason: str) -> None:
        self.problems.append(Problem(self.row.line, column, reason, self.row.sheet))

    def text(self, column: str, *, required: bool = False, max_length: int = 5_000) -> str | None:
        value = " ".join(self.row.get(column).split())
        if not value:
            if required:
                self.fail(column, f"{column} is required")
            return None
        if len(value) > max_length:
            self.fail(column, f"longer than {max_length:,} characters")
        return value

    def whole_number(self, column: str, low: int, high: int, *, required: bool = False) -> int | None:
        text = self.row.get(column).replace(",", "").strip()
        if not text:
            if required:
                self.fail(column, f"{column} is required")
            return None
        try:
            value = float(text)
        except ValueError:
            value = None
        if value is None or not value.is_integer() or not low <= value <= high:
            self.fail(column, f"'{self.row.get(column)}' is not a whole number from {low:,} to {high:,}")
            return None
        return int(value)

    def number(self, column: str, low: float, high: float) -> float | None:
        text = self.row.get(column).replace(",", "").rstrip("%").strip()
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            self.fail(column, f"'{self.row.get(column)}' is not a number")
            return None
        if not low <= value <= high:
            self.fail(column, f"{value:g} is outside {low:g} to {high:g}")
            return None
        return value

    def choice(self, column: str, options: Iterable[str], *, required: bool = False) -> str | None:
        options = tuple(options)
        text = self.text(column, required=required)
        if text is None:
            return None
        match = next((option for option in options if option.lower() == text.lower()), None)
        if match is None:
            self.fail(column, f"unknown value '{text}' (expected one of: {', '.join(options)})")
        return match

    def yes_no(self, column: str, *, required: bool = False) -> bool | None:
        text = (self.text(column, required=required) or "").lower()
        if not text:
            return None
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS:
            return False
        self.fail(column, f"'{self.row.get(column)}' is not yes or no")
        return None

    def date(
        self, column: str, *, required: bool = False, allow_month: bool = False, not_after: dt.date | None = None
    ) -> dt.date | None:
        try:
            value = parse_date(self.row.get(column), allow_month=allow_month)
        except ValueError as exc:
            self.fail(column, str(exc))
            return None
        if value is None and required:
            self.fail(column, f"{column} is required")
        if value and not_after and value > not_after:
            self.fail(column, f"{value.isoformat()} is in the future")
        return value
