"""Issue 16's differencing attacks on the Cohort explorer, replayed through the page as a person would
(the figures read off the rendered tables, metric and filter labels, and the files its downloads would
write): each recovers the true count in no more than a minority of cases, never in all."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from tests.support.apptest import dataframe_with, open_page
from tests.support.attacks import (
    Recovered,
    assert_attack_fails,
    crosstab_differences,
    facet_difference,
    number,
    option_label_figures,
)
from tests.support.perturbation import rows_of
from yjs.app import widgets
from yjs.domain import exports
from yjs.domain.cohort import BY_KEY, TOTAL

COHORT = "pages/cohort.py"
AREAS = 6  # the demo areas with the most children: small counts, yet enough to subtract
PAIRS = [("ethnicity", "disposal_type"), ("care_status", "offence_category"), ("age_band", "sex")]
AGES = ("10-13", "14-15")


@pytest.fixture(scope="module")
def children(demo_db) -> pd.DataFrame:
    return rows_of(demo_db, "SELECT * FROM cohort_facts WHERE is_demo").astype(dict.fromkeys(BY_KEY, str))


@pytest.fixture(scope="module")
def areas(children) -> list[str]:
    return children["area"].value_counts().index[:AREAS].tolist()


def true_count(children, area, **values) -> int:
    chosen = children[children["area"] == area]
    for column, value in values.items():
        if value != TOTAL:
            chosen = chosen[chosen[column] == value]
    return len(chosen)


def crosstab_on_screen(at) -> pd.DataFrame:
    return at.dataframe[0].value


def differences(at, children, area, row_dim, col_dim) -> list[Recovered]:
    return [
        Recovered((area, row, col), recovered, true_count(children, area, **{row_dim: row, col_dim: col}))
        for (row, col), recovered in crosstab_differences(crosstab_on_screen(at))
    ]


def show(at, row_dim: str, col_dim: str):
    at.selectbox(key="rows").set_value(row_dim)
    at.selectbox(key="cols").set_value(col_dim).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def downloads(monkeypatch) -> list[tuple[str, pd.DataFrame]]:
    """Every table the pages hand to their download buttons, as (file name, frame)."""
    handed = []
    original = widgets.download_buttons

    def recording(frame, basename):
        handed.append((basename, frame))
        original(frame, basename)

    monkeypatch.setattr(widgets, "download_buttons", recording)
    return handed


def test_cross_tab_totals_and_their_exports_give_no_hidden_count_away(demo_db, use_db, children, areas, downloads):
    use_db(demo_db)
    on_screen, exported = [], []
    for area in areas:
        at = open_page(COHORT, {"demo": "true", "area": area})
        for row_dim, col_dim in PAIRS:
            show(at, row_dim, col_dim)
            on_screen += differences(at, children, area, row_dim, col_dim)
            name = f"children-by-{row_dim}-and-{col_dim}"
            frame = next(frame for basename, frame in reversed(downloads) if basename == name)
            label = BY_KEY[row_dim].label
            for data, read in ((exports.csv_bytes(frame), pd.read_csv), (exports.xlsx_bytes(frame), pd.read_excel)):
                file = read(io.BytesIO(data), dtype=str, keep_default_na=False).set_index(label)
                pd.testing.assert_frame_equal(file, crosstab_on_screen(at), check_names=False)  # the screen's figures
                exported += [
                    Recovered((area, row, col), recovered, true_count(children, area, **{row_dim: row, col_dim: col}))
                    for (row, col), recovered in crosstab_differences(file)
                ]
    assert_attack_fails(on_screen, "cross-tab totals", at_least=8)
    assert_attack_fails(exported, "the CSV and XLSX downloads", at_least=16)


def test_presentation_mode_totals_give_no_hidden_count_away(demo_db, use_db, children, areas):
    use_db(demo_db)
    found = []
    for area in areas:
        at = open_page(COHORT, {"demo": "true", "area": area, "present": "1"})
        for row_dim, col_dim in PAIRS:
            show(at, row_dim, col_dim)
            shown = crosstab_on_screen(at).astype(object).map(number)
            assert not ((shown > 0) & (shown < 10)).any().any(), "a count below 10 on a shared screen"
            found += differences(at, children, area, row_dim, col_dim)
    assert_attack_fails(found, "presentation mode", at_least=8)


def test_filter_options_and_filter_a_against_a_and_b_give_no_hidden_count_away(demo_db, use_db, children, areas):
    use_db(demo_db)
    against_options, against_filters = [], []
    for area in areas:
        at = open_page(COHORT, {"demo": "true", "area": area})
        for age in AGES:
            at.multiselect(key="f_age_band").set_value([age]).run()
            matching = at.metric[0].value
            options = option_label_figures(at.multiselect(key="f_sex").options)
            attack = facet_difference(matching, options)
            if attack:  # "Children matching" less the sex option shown
                value, recovered = attack
                against_options.append(
                    Recovered((area, age, value), recovered, true_count(children, area, age_band=age, sex=value))
                )
            hidden = [value for value, figure in options.items() if number(figure) is None]
            if len(hidden) == 1 and number(matching) is not None:  # Age alone, less Age and the other sex
                (other,) = set(options) - set(hidden)
                at.multiselect(key="f_sex").set_value([other]).run()
                if number(at.metric[0].value) is not None:
                    true = true_count(children, area, age_band=age, sex=hidden[0])
                    against_filters.append(
                        Recovered((area, age, hidden[0]), number(matching) - number(at.metric[0].value), true)
                    )
                at.multiselect(key="f_sex").set_value([]).run()
    assert_attack_fails(against_options, "filter options against the total", at_least=4)
    assert_attack_fails(against_filters, "filter A against filter A+B", at_least=4)


def test_the_reoffending_table_repeats_the_cross_tabs_figures_and_gives_nothing_away(demo_db, use_db, children, areas):
    use_db(demo_db)
    found = []
    for area in areas:
        at = open_page(COHORT, {"demo": "true", "area": area})
        for dim in ("ethnicity", "care_status", "age_band"):
            show(at, dim, "reoffending")
            crosstab = crosstab_on_screen(at)
            table = dataframe_with(at, "group", "reoffended", "followed_up").set_index("group")
            for group, row in table.iterrows():
                # One cell, one figure: what the cross-tab hides, the reoffending table hides too.
                in_crosstab = crosstab.loc[group, "Reoffended"] if "Reoffended" in crosstab else "0"
                assert row["reoffended"] == in_crosstab, (area, group)
                unknown = crosstab.loc[group, "Not yet known"] if "Not yet known" in crosstab else "0"
                total, followed = number(crosstab.loc[group, TOTAL]), number(row["followed_up"])
                if number(unknown) is None and None not in (total, followed):
                    true = true_count(children, area, **{dim: group, "reoffending": "Not yet known"})
                    found.append(Recovered((area, group), total - followed, true))
    assert_attack_fails(found, "cross-tab against the reoffending table", at_least=4)
