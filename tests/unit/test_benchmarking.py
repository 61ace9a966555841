"""Polarity-aware rank, quartile bands, direction of travel and group rates."""

import pytest

from yjs.domain.benchmarking import HIGHER, LOWER, NEITHER, benchmark, direction, group_rate, quartile_band, rank

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
    result = benchmark(157.0, 169.0, VALUES, LOWER)
    assert result.rank == (3, 8) and result.band == "B" and result.direction == "improving"
    assert result.comparator_median == pytest.approx((169.0 + 180.0) / 2)
