"""The cell key method (issue 16): ONS's perturbation table as shipped, record keys drawn once and kept,
the same figure for the same cell by every route, and the issue's differencing attacks replayed
through the query layer, each failing (with ONS's table, and with one whose noise follows the key)."""

import importlib.metadata
import io

import pandas as pd
import pytest

from tests.support.attacks import (
    Recovered,
    assert_attack_fails,
    crosstab_differences,
    facet_difference,
    number,
    primary_suppression,
)
from tests.support.dbcheck import fetch
from tests.support.perturbation import rows_of
from yjs.data import cohort as cohort_data
from yjs.data.cohort import CohortScope
from yjs.data.db import Database
from yjs.domain import disclosure, disproportionality, exports
from yjs.domain.cohort import BY_KEY, TOTAL
from yjs.importers import KINDS, run_import
from yjs.paths import PTABLE_FILE
from yjs.store.build import SeedDataError, build

YEARS = (2019, 2026)
FLOOR = disclosure.MIN_THRESHOLD
PAIRS = [("ethnicity", "disposal_type"), ("care_status", "offence_category"), ("age_band", "sex")]
TWO_WAY = ["sex", "disposal_type", "send"]


# --- the perturbation table ---------------------------------------------------------------------------


def test_the_shipped_ptable_is_the_one_ons_publishes_byte_for_byte():
    files = importlib.metadata.files("cell-key-perturbation")
    published = next(file for file in files if file.name == "ptable_10_5_rule.csv")
    assert PTABLE_FILE.read_bytes() == published.locate().read_bytes()


def test_ons_table_removes_every_count_below_ten_and_rounds_the_rest_to_a_five():
    ptable = pd.read_csv(PTABLE_FILE)
    assert disclosure.check_ptable(ptable) == []
    shown, count = ptable["pcv"] + ptable["pvalue"], ptable["pcv"]
    assert (shown[count < 10] == 0).all()
    assert (shown[count >= 10] % 5 == 0).all() and (shown - count).abs()[count >= 10].max() == 2


@pytest.mark.parametrize(
    "change,problem",
    [
        (lambda p: p.assign(pvalue=p["pvalue"].where(p["pcv"] != 3, 0)), "every count from 1 to 9 to zero"),
        (lambda p: p.assign(pvalue=p["pvalue"].where(p["pcv"] != 40, -41)), "below zero"),
        (lambda p: p[p["ckey"] != 17], "one row for each count 1-750 and each cell key 0-255"),
        (lambda p: pd.concat([p, p.tail(1)]), "one row for each count"),
        (lambda p: p.assign(pvalue=p["pvalue"].astype(object).where(p["pcv"] != 20, "two")), "whole numbers"),
        (lambda p: p.drop(columns="ckey"), "lacks the column(s) ckey"),
    ],
)
def test_a_ptable_that_could_show_a_small_count_or_misses_a_cell_is_refused(change, problem):
    assert any(problem in found for found in disclosure.check_ptable(change(pd.read_csv(PTABLE_FILE))))


def test_the_build_refuses_an_unusable_ptable_and_leaves_no_database(tmp_path):
    ptable = pd.read_csv(PTABLE_FILE)
    ptable.loc[ptable["pcv"] == 3, "pvalue"] = 0  # would publish a 3
    ptable.to_csv(tmp_path / "ptable.csv", index=False)
    with pytest.raises(SeedDataError, match="from 1 to 9"):
        build(tmp_path / "yjs.duckdb", demo=False, ptable=tmp_path / "ptable.csv")
    assert not (tmp_path / "yjs.duckdb").exists()


# --- record keys ------------------------------------------------------------------------------------


def test_every_child_record_has_a_key_from_0_to_255_and_the_pages_copy_holds_the_same(demo_db):
    low, high, distinct, children = fetch(
        demo_db, "SELECT min(record_key), max(record_key), count(DISTINCT record_key), count(*) FROM cohort"
    )[0]
    assert (low, high, distinct, children) == (0, 255, 256, 3_000)
    differing = fetch(
        demo_db,
        "SELECT count(*) FROM cohort c JOIN cohort_facts f USING (child_id, start_date) "
        "WHERE c.record_key <> f.record_key",
    )
    assert differing == [(0,)]


def test_demo_keys_are_the_same_in_every_build(demo_db, tmp_path):
    again = build(tmp_path / "again.duckdb", cohort_size=3_000)
    keys = "SELECT child_id, record_key FROM cohort ORDER BY child_id"
    assert fetch(again, keys) == fetch(demo_db, keys)


HEADER = (
    "child_id,area,age_at_start,sex,ethnicity,disposal_type,disposal,offence_category,start_date,care_status,"
    "send,substance_misuse,mental_health,risk_of_serious_harm,safety_and_wellbeing,reoffended_12m"
)


def cohort_file(path, children: range, reoffended: str = "no"):
    rows = [
        f"KEY-{n:04d},Ealing,{10 + n % 8},Male,White,Court,Referral order,Robbery,2024-03-0{1 + n % 9},None,"
        f"no,no,no,Low,Low,{reoffended}"
        for n in children
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    return path


def test_an_import_draws_keys_for_new_episodes_and_keeps_those_of_stored_ones(writable_db, tmp_path):
    run_import(KINDS["cohort"], cohort_file(tmp_path / "first.csv", range(300)), writable_db)
    keys = "SELECT child_id, record_key FROM cohort ORDER BY child_id"
    first = dict(fetch(writable_db, keys))
    assert len(first) == 300 and len(set(first.values())) > 120  # drawn at random (about 177 of 256 expected)
    result = run_import(KINDS["cohort"], cohort_file(tmp_path / "again.csv", range(200, 400), "yes"), writable_db)
    assert (result.added, result.updated, result.unchanged) == (100, 100, 0)
    again = dict(fetch(writable_db, keys))
    assert {child: again[child] for child in first} == first  # the updated 100 too: never drawn again
    result = run_import(KINDS["cohort"], cohort_file(tmp_path / "again.csv", range(200, 400), "yes"), writable_db)
    assert (result.added, result.updated, result.unchanged) == (0, 0, 200)  # a key is no change
    assert dict(fetch(writable_db, keys)) == again


# --- what the pages show, through the query layer -----------------------------------------------------


@pytest.fixture(scope="module", params=["demo_db", "noisy_db"])
def db(request):
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def query(db):
    """The data layer's `query`, its results kept as the app's cache keeps them (tests ask again and again)."""
    database, results = Database(db), {}

    def cached(name, **params):
        key = (name, repr(sorted(params.items())))
        if key not in results:
            results[key] = database.query(name, **params)
        return results[key]

    yield cached
    database.close()


@pytest.fixture(scope="module")
def children(db) -> pd.DataFrame:
    rows = rows_of(db, "SELECT * FROM cohort_facts WHERE is_demo")
    return rows.astype(dict.fromkeys(BY_KEY, str))


@pytest.fixture(scope="module")
def areas(children) -> list[str]:
    """Two dozen areas: enough hidden counts to attack (about three a table), quick enough to ask."""
    return sorted(children["area"].unique())[:24]


def scope(area: str, **selections) -> CohortScope:
    return CohortScope((area,), *YEARS, selections)


def true_count(children: pd.DataFrame, area: str, **values) -> int:
    chosen = children[children["area"] == area]
    for column, value in values.items():
        if value != TOTAL:
            chosen = chosen[chosen[column].isin(value if isinstance(value, list) else [value])]
    return len(chosen)


def shown_crosstab(query, area, row_dim, col_dim, threshold=FLOOR, **selections) -> pd.DataFrame:
    return disclosure.show_table(cohort_data.crosstab(query, scope(area, **selections), row_dim, col_dim), threshold)


def matching(query, area, threshold=FLOOR, **selections) -> str:
    """The "Children matching the filters" figure."""
    table = cohort_data.crosstab(query, scope(area, **selections), "ethnicity", "disposal_type")
    return disclosure.show_count(table.loc[TOTAL, TOTAL], threshold)


def options(query, area, dimension, threshold=FLOOR, **selections) -> dict[str, str]:
    """A filter's options as labelled: each value's figure (a value nobody holds: 0)."""
    counts = cohort_data.facet_counts(query, scope(area, **selections))[dimension]
    return {value: disclosure.show_count(counts.get(value, 0), threshold) for value in BY_KEY[dimension].order}


def shown_cell(shown: pd.DataFrame, row: str, col: str) -> str:
    """A cross-tab's figure as shown; a column nobody is in is not drawn, and holds a true zero."""
    return shown.loc[row, col] if col in shown.columns else "0"


def crosstab_attack(query, children, areas, threshold=FLOOR) -> list[Recovered]:
    found = []
    for area in areas:
        for row_dim, col_dim in PAIRS:
            shown = shown_crosstab(query, area, row_dim, col_dim, threshold)
            for (row, col), recovered in crosstab_differences(shown):
                true = true_count(children, area, **{row_dim: row, col_dim: col})
                found.append(Recovered((area, row, col), recovered, true))
    return found


def test_cross_tab_totals_against_their_cells_recover_no_hidden_count(query, children, areas):
    assert_attack_fails(crosstab_attack(query, children, areas), "cross-tab totals", at_least=50)


@pytest.mark.parametrize("db", ["demo_db"], indirect=True)  # the shipped table; noisy_db checks the keys
def test_the_same_attack_recovers_every_count_under_plain_suppression(children, areas):
    """A control: the attack is real. On exact counts with only 1-4 hidden (the old suppression's primary
    cells, without the secondary ones the Total lines lacked), it gets every one right."""
    found = []
    for area in areas[:20]:
        rows = children[children["area"] == area]
        true = pd.crosstab(rows["ethnicity"], rows["disposal_type"])
        for (row, col), recovered in crosstab_differences(primary_suppression(true)):
            found.append(recovered == true_count(children, area, ethnicity=row, disposal_type=col))
    assert found and all(found)


@pytest.mark.parametrize("db", ["demo_db"], indirect=True)  # the shipped table; noisy_db checks the keys
def test_a_raised_threshold_gives_no_hidden_count_away_either(query, children, areas):
    assert_attack_fails(crosstab_attack(query, children, areas, threshold=20), "threshold of 20", at_least=50)


@pytest.mark.parametrize("db", ["demo_db"], indirect=True)  # the shipped table; noisy_db checks the keys
def test_filter_options_against_the_matching_figure_recover_no_hidden_count(query, children, areas):
    found = []
    for area in areas:
        for age in BY_KEY["age_band"].order:
            total = matching(query, area, age_band=[age])
            for dimension in TWO_WAY:
                attack = facet_difference(total, options(query, area, dimension, age_band=[age]))
                if attack:
                    value, recovered = attack
                    true = true_count(children, area, age_band=age, **{dimension: value})
                    found.append(Recovered((area, age, value), recovered, true))
    assert_attack_fails(found, "filter options against the total", at_least=30)


@pytest.mark.parametrize("db", ["demo_db"], indirect=True)  # the shipped table; noisy_db checks the keys
def test_filter_a_against_filter_a_and_b_recovers_no_hidden_count(query, children, areas):
    found = []
    for area in areas:
        for age in BY_KEY["age_band"].order:
            for dimension in TWO_WAY:
                shown = options(query, area, dimension, age_band=[age])
                hidden = [value for value, figure in shown.items() if number(figure) is None]
                if len(hidden) != 1:
                    continue
                (other,) = set(shown) - set(hidden)
                a, a_and_b = (
                    matching(query, area, age_band=[age]),
                    matching(query, area, age_band=[age], **{dimension: [other]}),
                )
                if number(a) is not None and number(a_and_b) is not None:
                    true = true_count(children, area, age_band=age, **{dimension: hidden[0]})
                    found.append(Recovered((area, age, hidden[0]), number(a) - number(a_and_b), true))
    assert_attack_fails(found, "filter A against filter A+B", at_least=30)


@pytest.mark.parametrize("db", ["demo_db"], indirect=True)  # the shipped table; noisy_db checks the keys
def test_the_reoffending_table_shows_the_cross_tabs_own_figures_and_gives_nothing_away(query, children, areas):
    found = []
    for area in areas:
        for dim in ("ethnicity", "care_status", "age_band"):
            shown = shown_crosstab(query, area, dim, "reoffending")
            table = cohort_data.reoffending_rates(query, scope(area), dim, "reoffending", FLOOR).set_index("group")
            for group, row in table.iterrows():
                # The same cell, so the same figure: a count the cross-tab hides, this table hides too.
                assert row["reoffended"] == shown_cell(shown, group, "Reoffended"), (area, group)
                total, followed = number(shown.loc[group, TOTAL]), number(row["followed_up"])
                if number(shown_cell(shown, group, "Not yet known")) is None and None not in (total, followed):
                    true = true_count(children, area, **{dim: group, "reoffending": "Not yet known"})
                    found.append(Recovered((area, group, "Not yet known"), total - followed, true))
    assert_attack_fails(found, "cross-tab against the reoffending table", at_least=20)


@pytest.mark.parametrize("db", ["demo_db"], indirect=True)  # the shipped table; noisy_db checks the keys
def test_the_exports_carry_the_screens_figures_and_give_nothing_more_away(query, children, areas):
    found = []
    for area in areas:
        for row_dim, col_dim in PAIRS:
            shown = shown_crosstab(query, area, row_dim, col_dim)
            frame, label = shown.reset_index(), BY_KEY[row_dim].label
            from_csv = pd.read_csv(io.BytesIO(exports.csv_bytes(frame)), dtype=str, keep_default_na=False)
            from_xlsx = pd.read_excel(io.BytesIO(exports.xlsx_bytes(frame)), dtype=str, keep_default_na=False)
            for exported in (from_csv, from_xlsx):
                pd.testing.assert_frame_equal(exported.set_index(label), shown, check_names=False)
            for (row, col), recovered in crosstab_differences(from_xlsx.set_index(label)):
                true = true_count(children, area, **{row_dim: row, col_dim: col})
                found.append(Recovered((area, row, col), recovered, true))
    assert_attack_fails(found, "the CSV and XLSX exports", at_least=50)


def test_the_same_cell_reached_by_every_route_shows_the_same_figure(query, areas):
    for area in areas[:12]:
        for group in ("White", "Black"):
            court, both = scope(area, disposal_type=["Court"]), scope(area, disposal_type=["Court"], ethnicity=[group])
            routes = {
                "cross-tab cell": cell_of(
                    cohort_data.crosstab(query, scope(area), "ethnicity", "disposal_type"), group, "Court"
                ),
                "transposed cross-tab": cell_of(
                    cohort_data.crosstab(query, scope(area), "disposal_type", "ethnicity"), "Court", group
                ),
                "filter option": cohort_data.facet_counts(query, court)["ethnicity"].get(group, 0),
                "chosen option, its filter lifted": cohort_data.facet_counts(query, both)["ethnicity"].get(group, 0),
                "children matching both filters": cell_of(
                    cohort_data.crosstab(query, both, "sex", "age_band"), TOTAL, TOTAL
                ),
                "a row total under a filter": cell_of(
                    cohort_data.crosstab(query, court, "ethnicity", "sex"), group, TOTAL
                ),
                "disproportionality, court stage": _stage_figure(query, area, group, "court"),
            }
            figures = {route: disclosure.figure(value) for route, value in routes.items()}
            assert len(set(figures.values())) == 1, (area, group, figures)


def cell_of(table: pd.DataFrame, row: str, col: str):
    return table.loc[row, col] if row in table.index and col in table.columns else 0


def _stage_figure(query, area, group, stage):
    period = disproportionality.period_counts(cohort_data.stage_counts(query, scope(area), "ethnicity"))
    mine = period.loc[period["group_value"] == group, stage]
    return mine.iloc[0] if not mine.empty else 0


def test_a_true_zero_stays_zero_and_no_count_of_1_to_9_is_ever_shown(query, children, areas):
    for area in areas[:12]:
        for row_dim, col_dim in PAIRS:
            table = cohort_data.crosstab(query, scope(area), row_dim, col_dim)
            for row in table.index:
                for col in table.columns:
                    true = true_count(children, area, **{row_dim: row, col_dim: col})
                    figure = table.loc[row, col]
                    if true == 0:
                        assert figure == 0 and disclosure.show_count(figure) == "0"
                    elif true < 10:
                        assert disclosure.show_count(figure) == "c", (area, row, col, true, figure)
                    else:
                        assert not pd.isna(figure) and figure > 0
    nobody = cohort_data.crosstab(
        query, scope(areas[0], disposal_type=["Out-of-court"], disposal=["Custody"]), "sex", "ethnicity"
    )
    assert nobody.loc[TOTAL, TOTAL] == 0  # the page then says no child matches


@pytest.mark.parametrize("db", ["demo_db"], indirect=True)  # the shipped table; noisy_db checks the keys
def test_kpi_rates_and_rris_are_withheld_where_a_figure_behind_them_is_hidden(query, areas):
    for area in areas[:12]:
        kpis = cohort_data.kpi_table(query, scope(area), FLOOR)
        for row in kpis.itertuples():
            if "c" in (row.numerator, row.denominator):
                assert row.rate_text == "c", (area, row)
        counts = disproportionality.period_counts(cohort_data.stage_counts(query, scope(area), "ethnicity"))
        table = disproportionality.rri_table(counts, "ethnicity", FLOOR)
        shown = disproportionality.display_counts(table, FLOOR)
        for row, text in zip(table.to_dict("records"), shown.to_dict("records"), strict=True):
            behind = [text[c] for c in ("group_events", "group_base", "reference_events", "reference_base")]
            if "c" in behind:
                assert pd.isna(row["rri"]) and "withheld" in row["note"], (area, row)
            if "c" in behind[:2]:
                assert row["group_rate"] is None, (area, row)
