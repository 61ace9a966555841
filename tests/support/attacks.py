"""The differencing attacks of issue 16 ("Why", item 1) on what the cohort pages show, and the verdict.

Each attack takes figures as a page shows them ("1,234", "c") and returns what it recovers of a
hidden count; the tests compare that with the true count from the database. Under cell suppression
every attack recovered every true count; under the cell key method differencing must recover the
true count in no more than a minority of cases, never in all.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from yjs.domain.cohort import TOTAL


@dataclass(frozen=True)
class Recovered:
    cell: tuple  # what the attack aimed at, for the failure message
    recovered: int
    true: int


def number(shown) -> int | None:
    """A figure as shown: an int, or None for `c`."""
    text = str(shown).strip()
    return None if text == "c" else int(text.replace(",", ""))


def crosstab_differences(shown: pd.DataFrame) -> list[tuple[tuple, int]]:
    """(cell, recovered) for every hidden cell a line of a cross-tab gives away by subtraction: in a row
    or a column (the Total row and column included) holding exactly one `c`, its total less the rest."""
    values = shown.astype(object).map(number)
    found = []
    for table, flip in ((values, False), (values.T, True)):
        inner = [column for column in table.columns if column != TOTAL]
        for line in table.index:
            cells = table.loc[line, inner]
            hidden = [column for column in inner if pd.isna(cells[column])]
            total = table.loc[line, TOTAL]
            if len(hidden) == 1 and not pd.isna(total):
                cell = (line, hidden[0])
                found.append((cell[::-1] if flip else cell, int(total - cells.drop(hidden[0]).sum())))
    return found


def facet_difference(matching: str, options: dict[str, str]) -> tuple[str, int] | None:
    """With one option of a two-way filter hidden: the children matching less the other option."""
    hidden = [value for value, shown in options.items() if number(shown) is None]
    total = number(matching)
    if len(options) != 2 or len(hidden) != 1 or total is None:
        return None
    (other,) = set(options) - set(hidden)
    return hidden[0], total - number(options[other])


def option_label_figures(labels: list[str]) -> dict[str, str]:
    """A filter's options as the widget labels them: ["Female (c)", "Male (20)"] -> {"Female": "c", "Male": "20"}."""
    figures = {}
    for label in labels:
        value, shown = label.rsplit(" (", 1)
        figures[value] = shown.rstrip(")")
    return figures


def assert_attack_fails(recoveries: list[Recovered], attack: str, at_least: int) -> None:
    exact = [r for r in recoveries if r.recovered == r.true]
    print(f"{attack}: differencing recovered {len(exact)} of {len(recoveries)} hidden counts exactly")  # for -s
    assert len(recoveries) >= at_least, f"{attack}: only {len(recoveries)} hidden counts to attack"
    assert 2 * len(exact) < len(recoveries), (
        f"{attack}: differencing recovered {len(exact)} of {len(recoveries)} true counts, e.g. {exact[:3]}"
    )


def primary_suppression(true: pd.DataFrame, threshold: int = 5) -> pd.DataFrame:
    """The old control, for a check that the attacks work: exact totals, counts 1 to threshold-1 as c."""
    table = true.copy()
    table[TOTAL] = table.sum(axis=1)
    table.loc[TOTAL] = table.sum(axis=0)
    return table.map(lambda n: "c" if 0 < n < threshold else f"{n:,}")
