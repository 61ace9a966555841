"""Disproportionality area by area: each area's RRI by hand, withheld areas, the pooled index, and the one
stage query grouped by area against the children it counts."""

import math

import pandas as pd
import pytest

from tests.support.dbcheck import fetch
from tests.support.perturbation import ons_figures, rows_of, stored_ptable
from yjs.charts import cohort as charts_cohort
from yjs.data.cohort import CohortScope, stage_counts, stage_counts_by_area, stage_counts_by_area_and_pooled
from yjs.data.db import Database
from yjs.domain import disclosure, disproportionality
from yjs.domain import disproportionality_by_area as by_area

BLACK = "Black children"


def custody_counts(areas: dict[str, tuple[int, int, int, int]]) -> pd.DataFrame:
    """Per area: (Black in custody, Black with court outcomes, White in custody, White with court outcomes)."""
    rows = []
    for area, (black_custody, black_court, white_custody, white_court) in areas.items():
        rows += [
            {"area": area, "group_value": "Black", "custody": black_custody, "court": black_court},
            {"area": area, "group_value": "White", "custody": white_custody, "court": white_court},
        ]
    return pd.DataFrame(rows).assign(entered=0, followed_up=0, reoffended=0)


FIXTURE = {
    "Alder": (12, 40, 15, 100),
    "Birch": (3, 30, 20, 200),  # 3 Black children in custody: too few to show
    "Cedar": (None, 60, 10, 100),  # a count the perturbation withheld
    "Damson": (16, 100, 18, 180),
    "Elm": (0, 25, 10, 100),  # no Black child in custody: an index of 0 has no interval to draw
}


def test_an_areas_rri_and_interval_equal_the_hand_calculation():
    table = by_area.rri_by_area(custody_counts(FIXTURE), BLACK, "custody").set_index("area")
    alder = table.loc["Alder"]
    # (12 / 40) / (15 / 100) = 0.30 / 0.15 = 2.0; SE(log) = sqrt(1/12 - 1/40 + 1/15 - 1/100) = sqrt(0.115)
    # = 0.33912; 2.0 * exp(-/+ 1.95996 * 0.33912) = 2.0 * 0.51445 .. 2.0 * 1.94381 = 1.0289 .. 3.8876.
    assert alder["rri"] == pytest.approx(2.0)
    assert alder["low"] == pytest.approx(1.0289, abs=1e-4)
    assert alder["high"] == pytest.approx(3.8876, abs=1e-4)
    assert alder["flagged"] and alder["direction"] == "higher" and alder["status"] == by_area.DRAWN
    damson = table.loc["Damson"]  # (16 / 100) / (18 / 180) = 0.16 / 0.10 = 1.6, its interval spans 1
    assert damson["rri"] == pytest.approx(1.6) and damson["low"] < 1 < damson["high"] and not damson["flagged"]


def test_a_small_or_withheld_count_withholds_its_area_alone():
    """Each area's counts are perturbed cells of their own, so no other area is withheld to stop subtraction."""
    table = by_area.rri_by_area(custody_counts(FIXTURE), BLACK, "custody").set_index("area")
    assert table.loc["Birch", "status"] == by_area.WITHHELD and "below 10" in table.loc["Birch", "why"]
    assert table.loc["Cedar", "status"] == by_area.WITHHELD and "withheld" in table.loc["Cedar", "why"]
    assert table.loc["Elm", "status"] == by_area.NO_INDEX
    assert "no children of this group reached this stage" in table.loc["Elm", "why"]
    assert by_area.ranked(table.reset_index(), "RRI, highest first")["area"].tolist() == ["Alder", "Damson"]
    missing = by_area.not_drawn(table.reset_index())
    assert missing.values.tolist() == [
        ["Elm", "No index", "no children of this group reached this stage"],
        ["Birch", "Withheld", "a count behind it is below 10 or withheld"],
        ["Cedar", "Withheld", "a count behind it is below 10 or withheld"],
    ]


def test_a_group_the_area_has_no_row_for_counts_as_none_but_a_withheld_count_is_not_zero():
    counts = custody_counts({"Alder": (12, 40, 15, 100)})
    no_black_row = counts[counts["group_value"] != "Black"]
    assert by_area.rri_by_area(no_black_row, BLACK, "custody")["status"].tolist() == [by_area.NO_INDEX]
    withheld = counts.astype({"custody": "Int64"})
    withheld.loc[withheld["group_value"] == "Black", "custody"] = pd.NA
    assert by_area.rri_by_area(withheld, BLACK, "custody")["status"].tolist() == [by_area.WITHHELD]


def test_a_raised_threshold_withholds_more():
    table = by_area.rri_by_area(custody_counts(FIXTURE), BLACK, "custody", threshold=20).set_index("area")
    assert set(table.index[table["status"] == by_area.WITHHELD]) == {"Alder", "Birch", "Cedar", "Damson", "Elm"}


def test_the_pooled_index_is_the_index_of_the_summed_counts():
    counts = custody_counts(FIXTURE).drop(columns="area").groupby("group_value", as_index=False).sum()
    pooled = by_area.pooled(counts, BLACK, "custody", 10)
    assert pooled["rri"] == pytest.approx((31 / 255) / (73 / 680))


def test_the_population_stage_needs_population_figures():
    counts = custody_counts({"Alder": (12, 40, 15, 100)})
    table = by_area.rri_by_area(counts, BLACK, "entered")
    assert table["status"].tolist() == [by_area.NO_INDEX] and "population" in table["why"].iloc[0]


def test_the_display_shows_counts_rates_and_the_flag_in_words():
    table = by_area.ranked(by_area.rri_by_area(custody_counts(FIXTURE), BLACK, "custody"), "RRI, highest first")
    shown = by_area.display_table(table, "White", 10).set_index("Area")
    assert shown.loc["Alder"].tolist() == [2.0, 1.03, 3.89, "Yes, higher", "12", "40", 30.0, "15", "100", 15.0]


def test_the_forest_plot_ranks_marks_and_draws_the_pooled_line():
    table = by_area.ranked(by_area.rri_by_area(custody_counts(FIXTURE), BLACK, "custody"), "RRI, highest first")
    figure = charts_cohort.area_forest(table, {"rri": 1.5}, highlight="Damson", title="Custody")
    flagged, unflagged = figure.data
    assert (list(flagged.y), list(unflagged.y)) == (["Alder"], ["<b>Damson ◀</b>"])
    assert flagged.marker.symbol == "diamond" and "excludes 1" in flagged.name
    assert [shape.x0 for shape in figure.layout.shapes] == [1, 1.5]  # parity and pooled
    assert figure.layout.annotations[1].text == "pooled 1.50"
    assert figure.layout.annotations[1].x == pytest.approx(math.log10(1.5))  # a log axis places notes by log10


STAGE_CONDITIONS = [("court", "disposal_type = 'Court'"), ("custody", "disposal = 'Custody'")]


@pytest.mark.parametrize("stage, condition", STAGE_CONDITIONS)
def test_the_stage_query_by_area_perturbs_each_areas_cells_as_ons_does(noisy_db, stage, condition):
    """Each area's count is ONS's perturbed figure for that area's children (a cell of its own, with a table
    whose noise depends on the cell key), and the pooled counts are cells of their own too."""
    areas = [row[0] for row in fetch(noisy_db, "SELECT DISTINCT area FROM cohort_facts ORDER BY 1")]
    scope = CohortScope(tuple(areas), 2019, 2026)
    database = Database(noisy_db)
    try:
        counts = stage_counts_by_area(database.query, scope, "ethnicity")
        pooled = disproportionality.period_counts(stage_counts(database.query, scope, "ethnicity"))
    finally:
        database.close()
    ptable = stored_ptable(noisy_db)
    rows = rows_of(
        noisy_db,
        "SELECT area, ethnicity::VARCHAR AS ethnicity, record_key FROM cohort_facts "
        f"WHERE start_year BETWEEN 2019 AND 2026 AND {condition}",  # the condition is this test's own constant
    )
    shown = {key: disclosure.figure(n) for key, n in counts.set_index(["area", "group_value"])[stage].items()}
    expected = ons_figures(rows, ["area", "ethnicity"], ptable)
    assert expected and {key: shown[key] for key in expected} == expected
    assert all(shown[key] == 0 for key in shown.keys() - expected.keys())  # no child counted: a true zero
    by_group = {(g,): disclosure.figure(n) for g, n in pooled.set_index("group_value")[stage].items() if pd.notna(g)}
    pooled_figures = {key: n for key, n in by_group.items() if n != 0}
    assert pooled_figures == ons_figures(rows, ["ethnicity"], ptable)


@pytest.mark.parametrize("grouping", ["ethnicity", "care_experience"])
def test_the_areas_pooled_from_the_one_read_are_the_pooled_cells_and_population(noisy_db, grouping):
    """The by-area page reads its pooled index from the by-area read: the same perturbed cells and the same
    population as the Disproportionality page's own pooled read, for areas with and without cohort records."""
    areas = [row[0] for row in fetch(noisy_db, "SELECT DISTINCT area FROM population ORDER BY 1")]
    scope = CohortScope(tuple(areas), 2019, 2026)
    database = Database(noisy_db)
    try:
        by_area_counts, pooled = stage_counts_by_area_and_pooled(database.query, scope, grouping)
        expected = disproportionality.period_counts(stage_counts(database.query, scope, grouping))
        alone = stage_counts_by_area(database.query, scope, grouping)
    finally:
        database.close()
    assert len(pooled) > 1 and pooled["entered"].notna().any()
    pd.testing.assert_frame_equal(
        pooled.sort_values("group_value", na_position="first").reset_index(drop=True),
        expected.sort_values("group_value", na_position="first").reset_index(drop=True),
        check_dtype=False,
    )
    pd.testing.assert_frame_equal(by_area_counts, alone)
    assert by_area_counts["area"].notna().all()


def test_the_chosen_area_is_told_where_it_stands_or_why_it_is_not_drawn():
    table = by_area.rri_by_area(custody_counts(FIXTURE), BLACK, "custody")
    drawn = by_area.ranked(table, "RRI, highest first")
    assert by_area.where_one_area_stands(table, drawn, "Alder") == (
        "**Alder**: index 2.00 (95% interval 1.03–3.89), higher than chance would explain; 1 of 2 in the order shown."
    )
    assert by_area.where_one_area_stands(table, drawn, "Birch").startswith("**Birch**: withheld (")
    assert by_area.where_one_area_stands(table, drawn, "Nowhere") is None
