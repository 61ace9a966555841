"""The rules behind pages that open on something: every service ranked, the national picture, a sensible first
comparison, areas to open, and About the data's lines."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from yjs.domain import about, benchmarking, comparators, rules
from yjs.domain.comparators import NATIONAL
from yjs.domain.ratings import areas_to_open, suggested_comparison


def series(rows: list[tuple]) -> pd.DataFrame:
    """Indicator values: (area, period_end, value), the national line marked as a reference."""
    frame = pd.DataFrame(rows, columns=["area", "period_end", "value"])
    return frame.assign(
        indicator_code="fte",
        period=frame["period_end"].astype(str),
        is_reference=frame["area"] == NATIONAL,
        region="London",
        is_demo=False,
    )


def test_the_latest_period_is_the_one_most_areas_report_not_one_areas_next_year():
    frame = series([("A", 2023, 1.0), ("B", 2023, 2.0), ("C", 2023, 3.0), ("A", 2024, 4.0), ("B", 2024, 5.0),
                    ("A", 2025, 9.0), (NATIONAL, 2025, 7.0)])  # fmt: skip
    assert comparators.most_reported_period_end(frame) == 2024, "two of three report 2024; one alone 2025"
    assert comparators.most_reported_period_end(frame[:0]) is None


def test_ranking_puts_the_best_first_by_polarity_and_bands_every_area():
    frame = series([("A", 2024, 30.0), ("B", 2024, 10.0), ("C", 2024, 20.0), ("D", 2024, 40.0), (NATIONAL, 2024, 5.0)])
    lower = comparators.ranking(frame, benchmarking.LOWER, 2024)
    assert lower["area"].tolist() == ["B", "C", "A", "D"] and lower["rank"].tolist() == [1, 2, 3, 4]
    assert lower["band"].tolist() == ["A", "B", "C", "D"]
    higher = comparators.ranking(frame, benchmarking.HIGHER, 2024, within=("A", "C"))
    assert higher["area"].tolist() == ["A", "C"] and higher["rank"].tolist() == [1, 2]
    assert higher["band"].tolist() == ["B", "C"], "the band is among every area, whatever the set"


def test_the_national_picture_gives_each_indicator_its_period_count_quartiles_and_published_figure():
    frame = series([("A", 2024, 10.0), ("B", 2024, 20.0), ("C", 2024, 30.0), ("D", 2024, 40.0), (NATIONAL, 2024, 22.0)])
    indicators = pd.DataFrame(
        {"code": ["fte", "new"], "name": ["First-time entrants", "New"], "unit": ["rate", "%"],
         "polarity": [benchmarking.LOWER, benchmarking.HIGHER], "is_local": [False, True]}
    )  # fmt: skip
    picture = comparators.national_picture(frame, indicators).set_index("indicator")
    fte = picture.loc["First-time entrants"]
    assert (fte["period"], fte["areas_reporting"], fte["median"]) == ("2024", 4, 25.0)
    assert (fte["lower_quartile"], fte["upper_quartile"]) == (17.5, 32.5), "type 7 quartiles, as LAIT"
    assert (fte["national"], fte["national_geography"]) == (22.0, NATIONAL)
    new = picture.iloc[1]
    assert new["areas_reporting"] == 0 and pd.isna(new["median"]) and pd.isna(new["national"])


def latest_inspections() -> pd.DataFrame:
    full, some = len(rules.SCORED_STANDARDS), 3
    rows = [
        ("Ash", "London", "2024-05-01", 20, full, rules.GOOD),
        ("Birch", "London", "2024-03-01", 22, full, rules.GOOD),
        ("Cedar", "London", "2023-01-01", 10, full, rules.REQUIRES_IMPROVEMENT),
        ("Damson", "London", "2024-06-01", 30, some, rules.OUTSTANDING),
        ("Elm", "Wales", "2024-07-01", 21, full, rules.GOOD),
        ("Fir", "London", "2022-01-01", None, 0, None),
    ]
    frame = pd.DataFrame(
        rows, columns=["area", "region", "inspection_date", "score", "standards_rated", "overall_rating"]
    )
    return frame.assign(
        inspection_date=pd.to_datetime(frame["inspection_date"]),
        published=pd.to_datetime(frame["inspection_date"]).dt.date,
        fieldwork_start=None,
        is_demo=False,
    )


def test_compare_starts_from_your_area_and_the_closest_scores_in_its_region():
    suggestion = suggested_comparison(latest_inspections(), "Ash")
    assert suggestion.areas == ["Ash", "Birch", "Damson", "Cedar"], "22 is 2 away, 30 is 10, 10 is 10 but older"
    assert suggestion.reason == "Ash and the services in London whose latest score is closest to its 20/36"


def test_compare_without_an_area_starts_from_the_latest_fully_rated_inspections():
    suggestion = suggested_comparison(latest_inspections(), None)
    assert suggestion.areas == ["Elm", "Ash", "Birch", "Cedar"], "Damson's report gives only three standards"
    assert suggestion.reason.startswith("the 4 most recently inspected services whose reports give every standard's")


def test_areas_to_open_put_the_fullest_profiles_first_each_with_its_outcome():
    rows = areas_to_open(latest_inspections(), size=5)
    assert rows["area"].tolist() == ["Elm", "Ash", "Birch", "Cedar", "Damson"]
    assert rows["note"].iloc[0].startswith("Good, 21/36 (") and rows["note"].iloc[0].endswith("every standard's rating")
    assert "; every" not in rows["note"].iloc[4]


def test_about_the_data_counts_rows_in_words_and_dates_the_last_change():
    assert about.counted(1, "inspections") == "1 inspection" and about.counted(1874, "areas") == "1,874 services"
    line = about.last_updated_line(dt.datetime(2026, 3, 5, 14, 2), "import of figures.csv")
    assert line == "Data last updated 5 March 2026, 14:02 UTC (import of figures.csv)"


def held(cohort_rows) -> pd.DataFrame:
    """figures_by_dataset's rows: real inspections, and real children counted as `cohort_rows` (NA: withheld)."""
    return pd.DataFrame(
        {
            "dataset": ["inspections", "cohort"],
            "is_demo": [False, False],
            "rows": pd.array([90, cohort_rows], dtype="Int64"),
            "newest": [pd.Timestamp("2025-02-01"), pd.Timestamp("2026-10-14")],
            "newest_period": [None, None],
        }
    )


def test_about_shows_a_count_of_children_and_its_newest_month_only_when_the_count_can_be_shown():
    shown = about.datasets_table(held(1_205)).set_index("dataset")
    assert shown.loc["Children's records", ["real_rows", "newest_real"]].tolist() == ["1,205", "Oct 2026"]
    for hidden in (pd.NA, 5):  # withheld by the perturbation, or below the floor
        shown = about.datasets_table(held(hidden)).set_index("dataset")
        assert shown.loc["Children's records", ["real_rows", "newest_real"]].tolist() == ["c", "–"]
    assert shown.loc["Inspections", "real_rows"] == "90"
