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


@pytest.mark.parametrize("count,shown", [(0, "0"), (1, "c"), (4, "c"), (5, "5"), (1234, "1,234"), (None, "x")])
def test_small_counts_show_as_c(count, shown):
    assert disclosure.show_count(count) == shown


def test_threshold_can_rise_but_never_fall_below_five():
    assert disclosure.show_count(7, threshold=10) == "c"
    with pytest.raises(ValueError, match="below 5"):
        disclosure.show_count(3, threshold=3)


def test_secondary_suppression_protects_a_cell_from_subtraction():
    table = pd.DataFrame({"Court": [3, 40, 25], "Out-of-court": [30, 60, 2]}, index=["Black", "White", "Mixed"])
    shown = disclosure.suppress_crosstab(table)
    # Primary: Black/Court 3 and Mixed/Out-of-court 2. Each sits alone in its row and column, so
    # the next smallest cell in each is suppressed too; every row and column then has two or none.
    assert shown.loc["Black", "Court"] == "c" and shown.loc["Mixed", "Out-of-court"] == "c"
    assert shown.loc["Mixed", "Court"] == "c" and shown.loc["Black", "Out-of-court"] == "c"
    assert shown.loc["White", "Court"] == "40" and shown.loc["Total", "Total"] == "160"
    inner = shown.drop(index="Total", columns="Total")
    for axis in (0, 1):
        per_line = (inner == "c").sum(axis=axis)
        assert not (per_line == 1).any(), "no line may have exactly one suppressed cell"


def test_a_small_total_is_suppressed_too():
    table = pd.DataFrame({"Court": [2, 50], "Out-of-court": [0, 70]}, index=["Other", "White"])
    shown = disclosure.suppress_crosstab(table)
    assert shown.loc["Other", "Total"] == "c" and shown.loc["Other", "Out-of-court"] == "0"


def test_rates_on_small_counts_are_withheld():
    assert disclosure.suppress_rate(3, 40) is None
    assert disclosure.suppress_rate(12, 3) is None
    assert disclosure.suppress_rate(12, 40) == pytest.approx(0.3)
    assert disclosure.suppress_rate(5, 0) is None
