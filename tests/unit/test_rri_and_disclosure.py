"""The relative rate index and disclosure control, against hand-worked examples."""

import pandas as pd
import pytest

from yjs.domain import disclosure
from yjs.domain.disproportionality import relative_rate


def test_rri_and_its_confidence_interval_by_hand():
    # 30 of 100 Black children vs 20 of 200 White children: 0.30 / 0.10 = 3.0.
    # SE(log) = sqrt(1/30 - 1/100 + 1/20 - 1/200) = 0.26141; 3.0 * exp(-/+ 1.96 * 0.26141) = 1.797 .. 5.008.
    result = relative_rate(30, 100, 20, 200)
    assert result.rri == pytest.approx(3.0)
    assert result.low == pytest.approx(1.797, abs=0.001)
    assert result.high == pytest.approx(5.008, abs=0.001)
    assert result.flagged and result.direction == "higher"


def test_an_interval_that_spans_one_is_not_flagged():
    result = relative_rate(6, 50, 10, 100)  # 0.12 / 0.10 = 1.2 on small numbers
    assert result.rri == pytest.approx(1.2)
    assert result.low < 1 < result.high and not result.flagged


def test_lower_rates_are_flagged_as_lower():
    assert relative_rate(50, 1000, 200, 1000).direction == "lower"


@pytest.mark.parametrize(
    "args,reason",
    [
        ((3, 0, 10, 100), "rate undefined"),
        ((3, 10, 0, 100), "no White children reached"),
        ((3, 10, 10, 0), "no White children at the previous stage"),
        ((12, 10, 10, 100), "check the data"),
    ],
)
def test_undefined_rri_says_why_instead_of_dividing_by_zero(args, reason):
    result = relative_rate(*args)
    assert result.rri is None and reason in result.reason and not result.flagged


def test_zero_events_give_zero_without_an_interval():
    result = relative_rate(0, 40, 10, 100)
    assert result.rri == 0 and result.low is None and not result.flagged


@pytest.mark.parametrize(
    "count,shown",
    [(0, "0"), (1, "c"), (4, "c"), (9, "c"), (10, "10"), (1234, "1,234"), (None, "c"), (pd.NA, "c")],
)
def test_small_and_withheld_counts_show_as_c_and_a_true_zero_as_zero(count, shown):
    assert disclosure.show_count(count) == shown


def test_threshold_can_rise_but_never_fall_below_ten():
    # ONS's table removes every count below 10, so no lower threshold could change what a screen shows.
    assert disclosure.show_count(15, threshold=20) == "c"
    with pytest.raises(ValueError, match="below 10"):
        disclosure.show_count(30, threshold=5)


@pytest.mark.parametrize(
    "linked,threshold",
    [
        ("inf", 100),
        ("1e309", 100),
        ("1" + "0" * 400, 100),
        ("-inf", 10),
        ("nan", 10),
        ("-3", 10),
        ("0", 10),
        ("5", 10),
        ("abc", 10),
        ("", 10),
        (None, 10),
        ("12.7", 12),
        ("10", 10),
        (17, 17),
        (float("inf"), 100),
    ],
)
def test_a_threshold_from_a_link_is_held_in_range_whatever_it_holds(linked, threshold):
    assert disclosure.clamp_threshold(linked) == threshold


def test_a_table_shows_its_totals_as_given_not_as_the_sum_of_its_cells():
    table = pd.DataFrame(
        {"Court": pd.array([None, 40, 40], dtype="Int64"), "Total": pd.array([10, 95, 105], dtype="Int64")},
        index=["Black", "White", "Total"],
    )
    shown = disclosure.show_table(table)
    assert shown.loc["Black", "Court"] == "c" and shown.loc["Total", "Court"] == "40"
    assert shown.loc["Total", "Total"] == "105"  # as perturbed, though 10 + 95 = 105 only by chance here
    assert disclosure.hidden(table).to_numpy().tolist() == [[True, False], [False, False], [False, False]]
    assert disclosure.hidden(table, 50).loc["White"].tolist() == [True, False]


def test_rates_come_from_the_shown_figures_and_are_withheld_where_one_is_hidden():
    assert disclosure.suppress_rate(3, 40) is None
    assert disclosure.suppress_rate(12, 3) is None
    assert disclosure.suppress_rate(None, 40) is None  # withheld by the perturbation
    assert disclosure.suppress_rate(12, 40) == pytest.approx(0.3)
    assert disclosure.suppress_rate(5, 0) is None
    assert disclosure.suppress_rate(0, 40) == 0
    assert disclosure.suppress_rate(45, 40) == 1.0  # two perturbed figures can cross: a share stays a share
