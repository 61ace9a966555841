"""One error report for every import: each problem names its line and column."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    line: int  # 0 for the file as a whole
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return f"{where}, column {self.column}: {self.reason}" if self.column else f"{where}: {self.reason}"


MAX_REASON = 300  # a reason quotes the cell; a hostile 100,000-character cell must not flood the screen


def _shortened(problem: Problem) -> Problem:
    if len(problem.reason) <= MAX_REASON:
        return problem
    return Problem(problem.line, problem.column, problem.reason[:MAX_REASON] + "… (shortened)")


class ImportFailed(Exception):
    """Validation found problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(_shortened(problem) for problem in problems)


@dataclass
class ImportResult:
    kind: str
    file_name: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    areas_added: list[str] = field(default_factory=list)
    dry_run: bool = False
    note: str | None = None  # how the file was read, when that needs saying (an encoding)

    def summary(self) -> str:
        verb = "would be" if self.dry_run else "were"
        text = (
            f"{self.file_name}: {self.rows} {self.kind} rows valid; {self.added} added, "
            f"{self.updated} updated, {self.unchanged} unchanged"
        )
        if self.areas_added:
            text += f"; new areas {verb} added: {', '.join(self.areas_added)}"
        if self.dry_run:
            text += " (dry run: nothing written)"
        if self.note:
            text += f". Note: {self.note}"
        return text
