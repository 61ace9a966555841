"""The cohort queries publish, under any filters, exactly the figures ONS's own cell key perturbation
(the `cell-key-perturbation` package) gives for the children a plain WHERE over cohort_facts selects:
with ONS's published table (demo_db) and with one whose noise depends on the cell key (noisy_db)."""

import duckdb
import pandas as pd
import pytest

from tests.support.dbcheck import fetch
from tests.support.perturbation import ons_figure, ons_figures, rows_of, stored_ptable
from yjs.data.cohort import counts_table
from yjs.data.db import Database
from yjs.domain.cohort import BY_KEY, DIMENSIONS, KPIS, cohort_params, kpi_rows
from yjs.perf.baseline import pandas_kpi_children

SELECTIONS = [
    {},
    {"sex": ["Female"]},
    {"ethnicity": ["Black", "Mixed"], "disposal_type": ["Court"]},
    {"care_status": ["Looked after"], "sex": ["Male"], "reoffending": ["Reoffended", "Not yet known"]},
    {"age_band": ["16-17"], "send": ["SEND"], "risk_of_serious_harm": ["High", "Very high"]},
]


@pytest.fixture(scope="module", params=["demo_db", "noisy_db"])
def db(request):
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def database(db):
    database = Database(db)
    yield database
    database.close()


@pytest.fixture(scope="module")
def ptable(db):
    return stored_ptable(db)


@pytest.fixture(scope="module")
def areas(db):
    return [area for (area,) in fetch(db, "SELECT DISTINCT area FROM cohort_facts WHERE is_demo ORDER BY 1")][:20]


def children(db, areas, selections) -> pd.DataFrame:
    """The children a hand-written WHERE selects: one IN per chosen dimension, nothing for the others."""
    where = ["list_contains(?::VARCHAR[], area)", "start_year BETWEEN 2020 AND 2025"]
    values = [areas]
    for key, chosen in selections.items():
        where.append(f"{BY_KEY[key].key}::VARCHAR IN (SELECT unnest(?::VARCHAR[]))")  # keys from the allowlist
        values.append(chosen)
    frame = rows_of(db, f"SELECT * FROM cohort_facts WHERE {' AND '.join(where)}", *values)
    return frame.astype({d.key: str for d in DIMENSIONS})


def published(frame: pd.DataFrame, column: str, *keys: str) -> dict[tuple, int | None]:
    """A query's figures keyed by its value columns (withheld figures as None)."""
    return {
        tuple(row[:-1]): (None if pd.isna(row[-1]) else int(row[-1]))
        for row in frame[[*keys, column]].itertuples(index=False, name=None)
    }


def test_every_dimension_lists_all_the_values_its_column_can_hold(demo_db):
    # An unfiltered dimension lets its whole `order` through, so a value missing there would drop children;
    # the build makes each column's ENUM type from `order`, so this checks each column has the right one.
    for dimension in DIMENSIONS:
        held = fetch(demo_db, f"SELECT enum_range({dimension.key}) FROM cohort_facts LIMIT 1")[0][
            0
        ]  # an allowlisted key
        assert tuple(held) == dimension.order, dimension.key


def test_no_selection_lets_every_value_through_and_a_selection_only_its_own():
    let_through = cohort_params(["Thamesreach"], 2019, 2026, {"sex": ["Female"], "ethnicity": []})["dimensions"]
    assert list(let_through) == [d.key for d in DIMENSIONS]  # every dimension, always: the queries read them off
    assert let_through["sex"] == ["Female"]
    assert let_through["ethnicity"] == list(BY_KEY["ethnicity"].order)
    assert let_through["age_band"] == ["10-13", "14-15", "16-17"]
    with pytest.raises(KeyError):
        cohort_params([], 2019, 2026, {"shoe_size": ["9"]})


def crosstab_frame(database, areas, selections, row_dim, col_dim) -> pd.DataFrame:
    """The cross-tab query's figures, a column per measure (children, followed_up, reoffended)."""
    frame = database.query(
        "read/cohort/children_by_two_dimensions",
        **cohort_params(areas, 2020, 2025, selections),
        row_dim=row_dim,
        col_dim=col_dim,
    )
    cells = ["row_value", "col_value", "all_rows", "all_columns"]
    wide = frame.fillna({"row_value": "", "col_value": ""}).pivot(index=cells, columns="measure", values="children")
    return wide.reset_index().replace({"row_value": {"": None}, "col_value": {"": None}})


@pytest.mark.parametrize("dimension", DIMENSIONS, ids=lambda d: d.key)
def test_each_dimension_filters_and_counts_by_its_own_column(database, db, ptable, areas, dimension):
    # filtered_cohort writes out a test per dimension (for speed): one left out would let every value through.
    chosen = {dimension.key: [dimension.order[-1]]}
    other = "sex" if dimension.key != "sex" else "age_band"
    frame = crosstab_frame(database, areas, chosen, dimension.key, other)
    cells = frame[~frame["all_rows"] & ~frame["all_columns"]]
    want = ons_figures(children(db, areas, chosen), [dimension.key, other], ptable)
    assert want and published(cells, "children", "row_value", "col_value") == want


def test_a_column_that_is_no_dimension_cannot_be_counted_by(database, areas):
    with pytest.raises(duckdb.Error):
        database.query("read/cohort/children_by_dimension", **cohort_params(areas, 2020, 2025, {}), dim="child_id")


@pytest.mark.parametrize("selections", SELECTIONS)
def test_facets_publish_each_value_as_ons_would_under_every_filter(database, db, ptable, areas, selections):
    frame = database.query("read/cohort/children_by_every_dimension", **cohort_params(areas, 2020, 2025, selections))
    rows = children(db, areas, selections)
    for dimension in DIMENSIONS:
        want = {(dimension.key, *key): n for key, n in ons_figures(rows, [dimension.key], ptable).items()}
        got = published(frame[frame["dimension"] == dimension.key], "children", "dimension", "value")
        assert got == want, dimension.key


@pytest.mark.parametrize("selections", SELECTIONS[1:])
def test_a_chosen_dimension_is_counted_with_its_own_filter_lifted(database, db, ptable, areas, selections):
    key = next(iter(selections))
    others = {k: v for k, v in selections.items() if k != key}
    frame = database.query(
        "read/cohort/children_by_dimension", **cohort_params(areas, 2020, 2025, {**selections, key: []}), dim=key
    )
    want = {(v,): n for (v,), n in ons_figures(children(db, areas, others), [key], ptable).items()}
    assert published(frame, "children", "value") == want


@pytest.mark.parametrize("selections", SELECTIONS)
def test_a_crosstabs_cells_and_totals_are_each_perturbed_as_a_cell_of_their_own(
    database, db, ptable, areas, selections
):
    frame = crosstab_frame(database, areas, selections, "care_status", "offence_category")
    rows = children(db, areas, selections)
    part = {
        (rows_, cols): frame[(frame["all_rows"] == rows_) & (frame["all_columns"] == cols)]
        for rows_ in (False, True)
        for cols in (False, True)
    }
    assert published(part[False, False], "children", "row_value", "col_value") == ons_figures(
        rows, ["care_status", "offence_category"], ptable
    )
    assert published(part[False, True], "children", "row_value") == ons_figures(rows, ["care_status"], ptable)
    assert published(part[True, False], "children", "col_value") == ons_figures(rows, ["offence_category"], ptable)
    assert published(part[True, True], "children") == {(): ons_figure(rows, ptable)}
    # The reoffending table's figures per row: children followed up, and those who reoffended.
    followed = rows[rows["reoffending"] != "Not yet known"]
    reoffended = rows[rows["reoffending"] == "Reoffended"]
    by_row = part[False, True]
    assert {k: v for k, v in published(by_row, "followed_up", "row_value").items() if v != 0} == ons_figures(
        followed, ["care_status"], ptable
    )
    assert {k: v for k, v in published(by_row, "reoffended", "row_value").items() if v != 0} == ons_figures(
        reoffended, ["care_status"], ptable
    )


@pytest.mark.parametrize("selections", SELECTIONS)
def test_each_kpi_count_is_perturbed_as_ons_would_over_the_children_it_counts(database, db, ptable, areas, selections):
    # The counts' conditions are the pandas baseline's (yjs/perf/baseline.py): both sides must agree.
    frame = database.query("read/cohort/kpi_counts", **cohort_params(areas, 2020, 2025, selections))
    got = published(frame, "children", "count")
    rows = children(db, areas, selections)
    assert len(got) == len(pandas_kpi_children(rows)) == 13
    for name, mask in pandas_kpi_children(rows).items():
        assert got[(name,)] == ons_figure(rows[mask.to_numpy()], ptable), name


@pytest.mark.parametrize("selections", SELECTIONS[:2])
@pytest.mark.parametrize("grouping", ["ethnicity", "care_experience"])
def test_stage_counts_per_year_per_period_and_overall_are_each_perturbed(
    database, db, ptable, areas, grouping, selections
):
    frame = database.query(
        "read/cohort/children_by_stage",
        **cohort_params(areas, 2020, 2025, selections),
        group_dim=grouping,
        by_area=False,
    )
    rows = children(db, areas, selections).assign(
        year=lambda f: f["start_year"].astype(str), group=lambda f: f[grouping]
    )
    stages = {
        "entered": rows,
        "court": rows[rows["disposal_type"] == "Court"],
        "custody": rows[rows["disposal"] == "Custody"],
        "followed_up": rows[rows["reoffended_12m"].notna()],
        "reoffended": rows[rows["reoffended_12m"].fillna(False).astype(bool)],
    }
    for stage, chosen in stages.items():
        mine = frame[frame["stage"] == stage]
        yearly = mine[mine["year"].notna() & mine["group_value"].notna()].astype({"year": int}).astype({"year": str})
        period = mine[mine["year"].isna() & mine["group_value"].notna()]
        everyone = mine[mine["year"].isna() & mine["group_value"].isna()]
        nonzero = {k: v for k, v in published(yearly, "children", "year", "group_value").items() if v != 0}
        assert nonzero == ons_figures(chosen, ["year", "group"], ptable), stage
        nonzero = {k: v for k, v in published(period, "children", "group_value").items() if v != 0}
        assert nonzero == ons_figures(chosen, ["group"], ptable), stage
        assert published(everyone, "children")[()] == ons_figure(chosen, ptable), stage


def test_a_crosstab_table_has_its_totals_as_cells_fills_gaps_with_zero_and_keeps_withheld_ones():
    frame = pd.DataFrame(
        {
            "row_value": ["White", "Black", "White", None, None, "White", "Black", None],
            "col_value": ["Male", "Male", "Female", "Male", "Female", None, None, None],
            "all_rows": [False, False, False, True, True, False, False, True],
            "all_columns": [False, False, False, False, False, True, True, True],
            "measure": "children",
            "children": pd.array([15, None, 10, 20, 10, 25, None, 35], dtype="Int64"),
        }
    )
    table = counts_table(frame, "ethnicity", "sex")
    assert table.index.tolist() == ["White", "Black", "Total"] and table.columns.tolist() == ["Female", "Male", "Total"]
    assert table.loc["Black", "Female"] == 0  # no row: nobody, a true zero
    assert pd.isna(table.loc["Black", "Male"]) and pd.isna(table.loc["Black", "Total"])  # withheld
    assert table.loc["Total", "Total"] == 35 and table.loc["White", "Total"] == 25  # as published, not summed
    assert (table.index.name, table.columns.name) == ("Ethnicity", "Sex")


def test_the_kpis_pair_their_counts_in_order_with_their_names():
    indicators = pd.DataFrame(
        {
            "code": [code for code, _n, _d in reversed(KPIS)] + ["kpi_victims_rj"],
            "name": [f"name of {code}" for code, _n, _d in reversed(KPIS)] + ["victims"],
            "polarity": ["higher is better"] * (len(KPIS) + 1),
        }
    )
    counts = {name: number for number, name in enumerate(sorted({c for _k, n, d in KPIS for c in (n, d)}))}
    frame = kpi_rows(counts, indicators)
    assert frame["code"].tolist() == [code for code, _n, _d in KPIS]  # the page's order, not the list's
    assert frame.loc[frame["code"] == "kpi_ete", ["numerator", "denominator"]].values.tolist() == [
        [counts["ete_n"], counts["ended_d"]]
    ]
    assert frame.loc[frame["code"] == "kpi_ete", "name"].item() == "name of kpi_ete"


CELL_QUERIES = [
    ("children_by_every_dimension", {}),
    ("children_by_dimension", {"dim": "ethnicity"}),
    ("children_by_stage", {"group_dim": "send", "by_area": True}),
    ("children_by_stage", {"group_dim": "ethnicity", "by_area": False}),
    ("kpi_counts", {}),
]


@pytest.mark.parametrize(("name", "extra"), CELL_QUERIES, ids=[f"{n}-{i}" for i, (n, _e) in enumerate(CELL_QUERIES)])
def test_with_no_dimension_filtered_the_cells_kept_per_area_and_year_give_the_figures_of_every_child(
    database, areas, name, extra
):
    unfiltered = cohort_params(areas, 2020, 2025, {})
    assert unfiltered["cohort"]["unfiltered"]
    # Every value of sex chosen lets every child through as no choice does, but is a filter: every child is read.
    everyone = cohort_params(areas, 2020, 2025, {"sex": list(BY_KEY["sex"].order)})
    assert not everyone["cohort"]["unfiltered"]
    from_cells = database.query(f"read/cohort/{name}", **unfiltered, **extra)
    from_children = database.query(f"read/cohort/{name}", **everyone, **extra)
    key = [column for column in from_cells.columns if column != "children"]
    assert len(from_cells) > 3
    pd.testing.assert_frame_equal(
        from_cells.sort_values(key).reset_index(drop=True), from_children.sort_values(key).reset_index(drop=True)
    )
