"""RRI tables by stage from aggregated (perturbed) counts, withheld where a count behind them is hidden."""

import pandas as pd
import pytest

from yjs.domain import disproportionality

COUNTS = pd.DataFrame(
    {
        "group_value": ["White", "Black", "Asian", "Unknown"],
        "population": [10_000, 1_000, 2_000, None],
        "entered": [200, 60, 30, 12],
        "court": [50, 24, 8, 3],
        "custody": [5, 6, 0, 0],
        "followed_up": [150, 40, 20, 8],
        "reoffended": [45, 14, 3, 2],
    }
)


def test_each_stage_is_measured_against_the_one_before():
    table = disproportionality.rri_table(COUNTS, "ethnicity").set_index(["group", "stage_key"])
    # Black: entered 60/1000 = 6% vs White 200/10000 = 2% -> RRI 3.0
    assert table.loc[("Black", "entered"), "rri"] == pytest.approx(3.0)
    # Black: court 24/60 = 40% vs White 50/200 = 25% -> 1.6
    assert table.loc[("Black", "court"), "rri"] == pytest.approx(1.6)
    assert table.loc[("Black", "entered"), "flagged"]
    assert table.loc[("Black", "court"), "group_events"] == 24 and table.loc[("Black", "court"), "group_base"] == 60


def test_rris_resting_on_small_counts_are_withheld():
    table = disproportionality.rri_table(COUNTS, "ethnicity").set_index(["group", "stage_key"])
    asian_reoffending = table.loc[("Asian", "reoffended")]  # 3 of 20: a count below 10
    assert pd.isna(asian_reoffending["rri"]) and "below 10" in asian_reoffending["note"]
    shown = disproportionality.display_counts(table.reset_index()).set_index(["group", "stage_key"])
    assert shown.loc[("Asian", "reoffended"), "group_events"] == "c"
    # A withheld rate is a blank number on screen and in the export, never the word None
    assert shown["group_rate"].dtype == "float64" and pd.isna(shown.loc[("Asian", "reoffended"), "group_rate"])


def with_everyone(counts: pd.DataFrame, entered) -> pd.DataFrame:
    """Period counts with the all-groups row, a perturbed cell of its own (not the groups' sum)."""
    return pd.concat([counts, pd.DataFrame({"group_value": [None], "entered": [entered]})], ignore_index=True)


def test_unknown_ethnicity_is_counted_in_shares_but_never_compared():
    table = disproportionality.rri_table(COUNTS, "ethnicity")
    assert "Unknown" not in set(table["group"])
    shares = disproportionality.shares(with_everyone(COUNTS, 300), "ethnicity").set_index("group")
    assert shares.loc["Unknown", "cohort_share"] == pytest.approx(12 / 300)  # of everyone's own figure, not 302
    assert shares.loc["Black", "population_share"] == pytest.approx(1_000 / 13_000)


def test_an_rri_resting_on_a_withheld_count_is_withheld_and_shows_c():
    counts = COUNTS.astype({"custody": "Int64"})
    counts.loc[counts["group_value"] == "Black", "custody"] = pd.NA  # the perturbation took it to zero
    table = disproportionality.rri_table(counts, "ethnicity").set_index(["group", "stage_key"])
    assert pd.isna(table.loc[("Black", "custody"), "rri"]) and "withheld" in table.loc[("Black", "custody"), "note"]
    shown = disproportionality.display_counts(table.reset_index()).set_index(["group", "stage_key"])
    assert shown.loc[("Black", "custody"), "group_events"] == "c"
    assert table.loc[("Black", "court"), "rri"] == pytest.approx(1.6)  # its other stages stand


def test_the_period_is_a_cell_of_its_own_never_the_sum_of_its_years():
    counts = pd.concat(
        [COUNTS.assign(year=2023), COUNTS.assign(year=2024), COUNTS.assign(year=None, entered=[395, 125, 55, 20])]
    )
    period = disproportionality.period_counts(counts).set_index("group_value")
    assert "year" not in period and period.loc["Black", "entered"] == 125  # not 60 + 60


def test_groupings_without_population_skip_the_entering_stage():
    counts = pd.DataFrame(
        {
            "group_value": ["Not care-experienced", "Care-experienced"],
            "entered": [400, 100],
            "court": [100, 45],
            "custody": [10, 9],
            "followed_up": [300, 80],
            "reoffended": [60, 32],
        }
    )
    table = disproportionality.rri_table(counts, "care_experience")
    assert set(table["stage_key"]) == {"court", "custody", "reoffended"}
    assert table.set_index("stage_key").loc["reoffended", "rri"] == pytest.approx((32 / 80) / (60 / 300))


def test_trend_leaves_out_years_that_would_reveal_small_counts():
    by_year = pd.concat([COUNTS.assign(year=2023), COUNTS.assign(year=2024, entered=[200, 3, 30, 12])])
    trend = disproportionality.trend(by_year, "ethnicity", "entered")
    black = trend[trend["group"] == "Black"]
    assert list(black["year"]) == [2023]


def test_a_cohort_share_resting_on_a_small_count_is_withheld():
    counts = with_everyone(COUNTS.assign(entered=[200, 60, 3, 12]), 275)
    shares = disproportionality.shares(counts, "ethnicity").set_index("group")
    assert pd.isna(shares.loc["Asian", "cohort_share"])
    assert shares.loc["Black", "cohort_share"] == pytest.approx(60 / 275)
    withheld_whole = disproportionality.shares(with_everyone(COUNTS, None), "ethnicity")
    assert withheld_whole["cohort_share"].isna().all()  # no share at all when everyone's figure is withheld


@pytest.mark.parametrize("stage_key", [stage.key for stage in disproportionality.STAGES])
def test_a_trend_computes_only_its_stage_and_gives_the_full_tables_figures(stage_key):
    by_year = pd.concat(
        [
            COUNTS.assign(year=2023),
            COUNTS.assign(year=2024, custody=[5, 1, 0, 0]),
            COUNTS.assign(year=2025, court=[50, 30, 9, 3]),
        ]
    )
    trend = disproportionality.trend(by_year, "ethnicity", stage_key).reset_index(drop=True)
    full = pd.concat(
        [
            disproportionality.rri_table(counts.drop(columns="year"), "ethnicity").assign(year=year)
            for year, counts in by_year.groupby("year")
        ]
    )
    expected = full[(full["stage_key"] == stage_key) & full["rri"].notna()]
    expected = expected[expected["rri"] > 0].reset_index(drop=True)
    columns = ["year", "group", "group_events", "group_base", "rri", "low", "high", "flagged"]
    pd.testing.assert_frame_equal(trend[columns], expected[columns], check_dtype=False)
    assert trend["rri"].dtype == "float64"
