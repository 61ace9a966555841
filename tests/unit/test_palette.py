"""Rating and BRAG colours: apart in greyscale, and every label on them readable (WCAG AA)."""

from itertools import combinations

import pytest

from yjs.charts.base import RATING_COLOURS, RATING_TEXT_COLOURS, contrast_ratio, relative_luminance
from yjs.charts.plans import BRAG_COLOURS, BRAG_TEXT_COLOURS


def test_luminance_and_contrast_match_wcag():
    assert relative_luminance("white") == pytest.approx(1.0) and relative_luminance("#000000") == 0
    assert contrast_ratio("black", "white") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colours, least", [(RATING_COLOURS, 1.6), (BRAG_COLOURS, 1.4)], ids=["ratings", "brag"])
def test_every_pair_differs_in_greyscale(colours, least):
    # The old palette failed: Requires improvement #EF8A62 and Good #67A9CF were 1.04:1 apart in greyscale.
    for (first, a), (second, b) in combinations(colours.items(), 2):
        assert contrast_ratio(a, b) >= least, f"{first} and {second} look alike in greyscale"


@pytest.mark.parametrize(
    "colours, text", [(RATING_COLOURS, RATING_TEXT_COLOURS), (BRAG_COLOURS, BRAG_TEXT_COLOURS)], ids=["ratings", "brag"]
)
def test_labels_on_coloured_cells_meet_aa(colours, text):
    for name, fill in colours.items():
        assert contrast_ratio(fill, text[name]) >= 4.5, name
