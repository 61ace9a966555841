"""The cohort queries count exactly the children a plain WHERE over cohort_facts would, under any filters."""

import pytest

from tests.support.dbcheck import fetch
from yjs.data.db import Database
from yjs.domain.cohort import BY_KEY, DIMENSIONS, cohort_params, kpi_rows
from yjs.perf.baseline import pandas_kpi_counts

SELECTIONS = [
    {},
    {"sex": ["Female"]},
    {"ethnicity": ["Black", "Mixed"], "disposal_type": ["Court"]},
    {"care_status": ["Looked after"], "sex": ["Male"], "reoffending": ["Reoffended", "Not yet known"]},
    {"age_band": ["16-17"], "send": ["SEND"], "risk_of_serious_harm": ["High", "Very high"]},
]


@pytest.fixture(scope="module")
def database(demo_db):
    database = Database(demo_db)
    yield database
    database.close()


@pytest.fixture(scope="module")
def areas(demo_db):
    return [area for (area,) in fetch(demo_db, "SELECT DISTINCT area FROM cohort_facts WHERE is_demo ORDER BY 1")][:20]


def expected(db, areas, selections, select, group=""):
    """The same figure by a hand-written WHERE: one IN per chosen dimension, nothing for the others."""
    where = ["list_contains(?::VARCHAR[], area)", "start_year BETWEEN 2020 AND 2025"]
    values = [areas]
    for key, chosen in selections.items():
        where.append(f"{BY_KEY[key].key}::VARCHAR IN (SELECT unnest(?::VARCHAR[]))")  # keys from the allowlist
        values.append(chosen)
    sql = f"SELECT {select} FROM cohort_facts WHERE {' AND '.join(where)} {group}"
    return fetch(db, sql, *values)


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


@pytest.mark.parametrize("dimension", DIMENSIONS, ids=lambda d: d.key)
def test_each_dimension_filters_and_counts_by_its_own_column(database, demo_db, areas, dimension):
    # filtered_cohort writes out a test per dimension (for speed): one left out would let every value through.
    chosen = {dimension.key: [dimension.order[-1]]}
    frame = database.query(
        "read/cohort/children_by_two_dimensions",
        **cohort_params(areas, 2020, 2025, chosen),
        row_dim=dimension.key,
        col_dim="sex",
    )
    want = expected(
        demo_db,
        areas,
        chosen,
        f"{dimension.key}::VARCHAR, sex::VARCHAR, reoffending::VARCHAR, count(*)",
        "GROUP BY ALL",
    )
    assert want and sorted(frame.itertuples(index=False, name=None)) == sorted(want)


def test_a_column_that_is_no_dimension_cannot_be_counted_by(database, areas):
    import duckdb

    with pytest.raises(duckdb.Error):
        database.query("read/cohort/children_by_dimension", **cohort_params(areas, 2020, 2025, {}), dim="child_id")


@pytest.mark.parametrize("selections", SELECTIONS)
def test_facets_count_each_value_under_every_filter(database, demo_db, areas, selections):
    frame = database.query("read/cohort/children_by_every_dimension", **cohort_params(areas, 2020, 2025, selections))
    got = {(d, v): n for d, v, n in frame.itertuples(index=False)}
    for dimension in DIMENSIONS:
        want = dict(expected(demo_db, areas, selections, f"{dimension.key}::VARCHAR, count(*)", "GROUP BY 1"))
        assert {v: got[(dimension.key, v)] for v in want} == want
        assert sum(n for (d, _v), n in got.items() if d == dimension.key) == sum(want.values())


@pytest.mark.parametrize("selections", SELECTIONS[1:])
def test_a_chosen_dimension_is_counted_with_its_own_filter_lifted(database, demo_db, areas, selections):
    key = next(iter(selections))
    others = {k: v for k, v in selections.items() if k != key}
    frame = database.query(
        "read/cohort/children_by_dimension", **cohort_params(areas, 2020, 2025, {**selections, key: []}), dim=key
    )
    want = dict(expected(demo_db, areas, others, f"{key}::VARCHAR, count(*)", "GROUP BY 1"))
    assert {v: n for _d, v, n in frame.itertuples(index=False)} == want


@pytest.mark.parametrize("selections", SELECTIONS)
def test_crosstab_counts_match_a_plain_group_by(database, demo_db, areas, selections):
    frame = database.query(
        "read/cohort/children_by_two_dimensions",
        **cohort_params(areas, 2020, 2025, selections),
        row_dim="care_status",
        col_dim="offence_category",
    )
    want = expected(
        demo_db,
        areas,
        selections,
        "care_status::VARCHAR, offence_category::VARCHAR, reoffending::VARCHAR, count(*)",
        "GROUP BY ALL",
    )
    assert sorted(frame.itertuples(index=False, name=None)) == sorted(want)


@pytest.mark.parametrize("selections", SELECTIONS)
def test_kpis_match_the_pandas_baselines_counts(database, demo_db, areas, selections):
    # The benchmark's pandas side must do the same work as ours for its ratios to mean anything.
    import pandas as pd

    counts = database.query("read/cohort/kpi_counts", **cohort_params(areas, 2020, 2025, selections)).iloc[0].to_dict()
    frame = kpi_rows(counts, database.query("read/indicators/kpi_definitions")).set_index("code")
    rows = expected(demo_db, areas, selections, "*")
    columns = [
        name
        for (name,) in fetch(
            demo_db, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'cohort_facts' ORDER BY column_index"
        )
    ]
    counts = pandas_kpi_counts(pd.DataFrame(rows, columns=columns))
    assert frame.loc["kpi_ete", ["numerator", "denominator"]].tolist() == [counts["ete_n"], counts["ended_d"]]
    assert frame.loc["kpi_send", ["numerator", "denominator"]].tolist() == [counts["send_n"], counts["send_d"]]
    assert frame.loc["kpi_oocd_completion", ["numerator", "denominator"]].tolist() == [
        counts["oocd_n"],
        counts["oocd_d"],
    ]
    assert frame.loc["kpi_accommodation", ["numerator", "denominator"]].tolist() == [
        counts["accommodation_n"],
        counts["accommodation_d"],
    ]


def test_a_crosstab_table_sums_outcomes_fills_gaps_with_zero_and_keeps_the_natural_order():
    import pandas as pd

    from yjs.data.cohort import counts_table

    frame = pd.DataFrame(
        {
            "row_value": ["White", "Black", "White", "White"],
            "col_value": ["Male", "Male", "Female", "Male"],
            "outcome": ["Reoffended", "Not yet known", "Reoffended", "Did not reoffend"],
            "children": [3, 4, 5, 2],
        }
    )
    table = counts_table(frame, "ethnicity", "sex")
    assert table.index.tolist() == ["White", "Black"] and table.columns.tolist() == ["Female", "Male"]
    assert table.to_numpy().tolist() == [[5, 5], [0, 4]]
    assert (table.index.name, table.columns.name) == ("Ethnicity", "Sex")
    assert counts_table(frame.iloc[:0], "ethnicity", "sex").to_numpy().sum() == 0


def test_the_kpis_pair_their_counts_in_order_with_their_names():
    import pandas as pd

    from yjs.domain.cohort import KPIS

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
