"""The cell key method's expected figures, worked out apart from the app's SQL: by ONS's own package
(`cell-key-perturbation`, a test dependency) on the same child-level rows, read from the test database.

Also a perturbation table whose noise depends on the cell key (ONS's published one only rounds, so
with it a wrong cell key would go unnoticed): tests build a database with it to check the keys.
"""

from __future__ import annotations

import contextlib
import io

import duckdb
import pandas as pd
from cell_key_perturbation.create_perturbed_table import create_perturbed_table

from yjs.domain import disclosure


def rows_of(db, sql: str, *params) -> pd.DataFrame:
    """Child-level rows of a test database, as a DataFrame (a test may read what the app never shows).

    Record keys come as int64: summed as uint8, as DuckDB hands them over, they would wrap at 256."""
    con = duckdb.connect()
    con.execute("ATTACH $path AS checked (READ_ONLY)", {"path": str(db)})
    con.execute("USE checked")
    try:
        frame = con.execute(sql, list(params)).df()
    finally:
        con.close()
    return frame.astype({"record_key": "int64"}) if "record_key" in frame else frame


def stored_ptable(db) -> pd.DataFrame:
    return rows_of(db, "SELECT pcv, ckey, pvalue FROM ptable ORDER BY pcv, ckey").astype("int64")


def ons_figures(rows: pd.DataFrame, by: list[str], ptable: pd.DataFrame) -> dict[tuple, int | None]:
    """ONS's published figure for each combination of the columns `by` found in `rows` (None where the
    table takes a count to zero, as our queries withhold it); `by=[]` gives {(): the whole}."""
    if rows.empty:
        return {} if by else {(): 0}
    data = rows[[*by, "record_key"]].astype(dict.fromkeys(by, str)) if by else rows.assign(everyone="all")
    with contextlib.redirect_stdout(io.StringIO()):  # the package prints its checks
        table = create_perturbed_table(
            data, ptable, geog=[], tab_vars=by or ["everyone"], record_key="record_key", threshold=0
        )
    figures = {}  # combinations nobody is in (the package lists every one) are left out, as our queries do
    for values, before, after in zip(
        table[by].itertuples(index=False, name=None) if by else [()] * len(table),
        table["pre_sdc_count"],
        table["count"],
        strict=True,
    ):
        if before:
            figures[tuple(values)] = None if after == 0 else int(after)
    return figures


def ons_figure(rows: pd.DataFrame, ptable: pd.DataFrame) -> int | None:
    return ons_figures(rows, [], ptable)[()]


def noisy_ptable() -> pd.DataFrame:
    """A valid perturbation table whose noise (-2 to +2) depends on the cell key for counts from 10."""
    grid = pd.MultiIndex.from_product(
        [range(1, disclosure.PTABLE_COUNTS + 1), range(disclosure.KEY_RANGE)], names=["pcv", "ckey"]
    ).to_frame(index=False)
    noise = (grid["ckey"] * 7 + grid["pcv"] * 3) % 5 - 2
    grid["pvalue"] = noise.where(grid["pcv"] >= disclosure.PRESENTATION_THRESHOLD, -grid["pcv"])
    return grid
