"""Polarity-aware rank, quartile bands (as LAIT computes them), direction of travel and group rates."""

import numpy as np
import pytest

from yjs.domain.benchmarking import (
    HIGHER,
    LOWER,
    NEITHER,
    band_from_cut_points,
    benchmark,
    cut_points,
    direction,
    group_rate,
    quartile_band,
    rank,
)

VALUES = [120.0, 140.0, 157.0, 169.0, 180.0, 200.0, 210.0, 250.0]  # eight areas' FTE rates


def test_rank_follows_polarity():
    assert rank(140.0, VALUES, LOWER) == (2, 8)  # second lowest FTE rate: second best
    assert rank(140.0, VALUES, HIGHER) == (7, 8)
    assert rank(140.0, VALUES, NEITHER) is None


def test_ties_share_the_better_rank():
    assert rank(5.0, [5.0, 5.0, 3.0], LOWER) == (2, 3)


@pytest.mark.parametrize(
    "value,band",
    [(120.0, "A"), (140.0, "A"), (157.0, "B"), (169.0, "B"), (180.0, "C"), (200.0, "C"), (210.0, "D"), (250.0, "D")],
)
def test_quartile_bands_put_the_best_quarter_in_a(value, band):
    assert quartile_band(value, VALUES, LOWER) == band


def test_bands_flip_when_higher_is_better():
    assert quartile_band(250.0, VALUES, HIGHER) == "A"
    assert quartile_band(120.0, VALUES, HIGHER) == "D"


# LAIT's documented example (R/fn_analysis.R, calculate_quartile_band): c(5, 10, 15) against the
# quantiles 0% = 0, 25% = 10, 50% = 20, 75% = 30, 100% = 40. Its intervals are closed at the top, so
# 10, on the 25% cut point, is in the lowest quarter: A when lower is better, D when higher is better.
LAIT_CUTS = (10.0, 20.0, 30.0)


@pytest.mark.parametrize("polarity, bands", [(LOWER, ["A", "A", "B"]), (HIGHER, ["D", "D", "C"])])
def test_lait_documented_example(polarity, bands):
    assert [band_from_cut_points(v, LAIT_CUTS, polarity) for v in (5, 10, 15)] == bands


def test_cut_points_are_rs_type_7_quantiles():
    # R: quantile(c(0, 10, 20, 30, 40)) gives 0, 10, 20, 30, 40; quantile(c(1, 2, 4, 8)) gives 1.75, 3, 5.
    assert cut_points([0, 10, 20, 30, 40]) == (10.0, 20.0, 30.0)
    assert cut_points([8, 1, 4, 2]) == (1.75, 3.0, 5.0)
    assert cut_points(VALUES) == tuple(np.percentile(VALUES, [25, 50, 75]))
    assert cut_points([7.0]) is None and cut_points([None, float("nan")]) is None


def test_lait_boundaries_at_every_cut_point():
    assert [band_from_cut_points(v, LAIT_CUTS, LOWER) for v in (10, 20, 30, 30.01)] == ["A", "B", "C", "D"]
    assert [band_from_cut_points(v, LAIT_CUTS, HIGHER) for v in (10, 20, 30, 30.01)] == ["D", "C", "B", "A"]
    assert band_from_cut_points(15, LAIT_CUTS, NEITHER) is None


def test_the_worst_of_two_is_band_d_whatever_the_comparison_set():
    # The case: Stockport 32 per 10,000 against Trafford's 14 in the North West. Ranked within
    # the region it is 2 of 2; the old rank-based band made it C. Banded among all areas it is D.
    everyone = [14.0, 32.0, 20.0, 25.0, 18.0, 22.0]
    result = benchmark(32.0, 30.0, [14.0, 32.0], LOWER, everyone)
    assert result.rank == (2, 2) and result.band == "D" and result.direction == "worsening"
    assert benchmark(14.0, None, [14.0, 32.0], LOWER, everyone).band == "A"


@pytest.mark.parametrize(
    "current,previous,polarity,expected",
    [
        (157, 169, LOWER, "improving"),  # the national FTE rate fell from 169 (2023) to 157 (2024)
        (140, 168, LOWER, "improving"),
        (35.0, 32.2, LOWER, "worsening"),
        (70.0, 60.0, HIGHER, "improving"),
        (60.0, 60.0, HIGHER, "no change"),
        (55.0, 50.0, NEITHER, "changed"),
        (55.0, None, HIGHER, "no previous value"),
    ],
)
def test_direction_of_travel(current, previous, polarity, expected):
    assert direction(current, previous, polarity) == expected


def test_group_rates_are_sums_of_numerators_over_denominators_never_averages():
    # Two areas: 10 of 10,000 (100 per 100,000) and 90 of 30,000 (300 per 100,000).
    assert group_rate([10, 90], [10_000, 30_000], "rate per 100,000") == pytest.approx(250.0)  # not 200
    assert group_rate([5, 15], [20, 80], "%") == pytest.approx(20.0)
    assert group_rate([], [], "%") is None
    assert group_rate([3], [0], "%") is None


def test_benchmark_combines_the_measures():
    result = benchmark(157.0, 169.0, VALUES, LOWER, VALUES)
    assert result.rank == (3, 8) and result.band == "B" and result.direction == "improving"
    assert result.comparator_median == pytest.approx((169.0 + 180.0) / 2)
