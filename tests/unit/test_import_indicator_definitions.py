"""Indicators a service defines itself: the definitions import, its rules, and the local indicator end to end."""

import pandas as pd
import pytest

from tests.support import local_indicator as local
from tests.support.dbcheck import audit_rows, data_fingerprint, fetch
from yjs.data.db import Database
from yjs.data.indicators import area_scorecard, catalogue, values
from yjs.domain import benchmarking, comparators
from yjs.domain.roles import Actor, PermissionDenied
from yjs.importers import KINDS, Choices, ImportFailed, run_import

KIND = KINDS["indicator-definitions"]


@pytest.fixture
def local_db(writable_db, tmp_path):
    local.load_local_indicator(writable_db, tmp_path)
    return writable_db


def test_a_new_code_adds_an_indicator_marked_local_and_reimport_changes_nothing(writable_db, tmp_path):
    path = local.write_definition(tmp_path / "definitions.csv")
    first = run_import(KIND, path, writable_db)
    assert (first.added, first.updated, first.unchanged) == (1, 0, 0)
    assert fetch(
        writable_db,
        "SELECT name, unit, polarity, period_type, is_local, source FROM indicators WHERE code = ?",
        local.CODE,
    ) == [
        (
            local.NAME,
            "rate per 10,000",
            "lower is better",
            "financial year",
            True,
            "YJB youth justice statistics, supplementary tables (our own series)",
        )
    ]
    assert fetch(writable_db, "SELECT count(*) FROM indicators WHERE is_local") == [(1,)]  # the shipped ones are not
    again = run_import(KIND, path, writable_db)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    changed = run_import(
        KIND, local.write_definition(tmp_path / "v2.csv", definition="A clearer definition"), writable_db
    )
    assert changed.updated == 1
    assert fetch(writable_db, "SELECT definition FROM indicators WHERE code = ?", local.CODE) == [
        ("A clearer definition",)
    ]


def test_the_words_people_use_for_units_polarity_and_periods_are_understood(writable_db, tmp_path):
    path = local.write_definition(tmp_path / "d.csv", unit="per 10000", polarity="Low", period_type="Financial year")
    run_import(KIND, path, writable_db)
    assert fetch(writable_db, "SELECT unit, polarity, period_type FROM indicators WHERE code = ?", local.CODE) == [
        ("rate per 10,000", "lower is better", "financial year")
    ]


def test_every_bad_row_is_reported_by_line_and_nothing_is_written(writable_db, tmp_path):
    rows = pd.DataFrame(
        [
            ["fte_rate", "Our FTE", "d", "%", "higher is better", "quarter"],  # a shipped national code
            ["Bad code!", "Something", "d", "%", "lower", "quarter"],
            ["ok_one", "First time entrants", "d", "%", "lower", "quarter"],  # a national indicator's name
            ["ok_two", "Two", "d", "per fortnight", "sideways", "weekly"],
            ["ok_three", "Three", "", "%", "lower", "quarter"],
        ],
        columns=["code", "name", "definition", "unit", "polarity", "period_type"],
    )
    path = tmp_path / "bad.csv"
    rows.to_csv(path, index=False)
    before = data_fingerprint(writable_db)
    with pytest.raises(ImportFailed) as failed:
        run_import(KIND, path, writable_db)
    problems = {(p.line, p.column): p.reason for p in failed.value.problems}
    assert "national indicator" in problems[(2, "code")]
    assert "is not a code" in problems[(3, "code")]
    assert "already names the indicator 'fte_rate'" in problems[(4, "name")]
    assert "'per fortnight' is not a unit" in problems[(5, "unit")]
    assert "'sideways' is not a polarity" in problems[(5, "polarity")]
    assert "'weekly' is not a period type" in problems[(5, "period_type")]
    assert problems[(6, "definition")] == "definition is required"
    assert data_fingerprint(writable_db) == before


def test_a_viewer_may_not_define_indicators(writable_db, tmp_path):
    with pytest.raises(PermissionDenied):
        run_import(KIND, local.write_definition(tmp_path / "d.csv"), writable_db, actor=Actor("board member", "viewer"))


def test_changing_the_unit_or_polarity_of_an_indicator_with_values_needs_force_and_is_audited(local_db, tmp_path):
    flipped = local.write_definition(tmp_path / "flipped.csv", polarity="higher is better", unit="%")
    before = data_fingerprint(local_db)
    with pytest.raises(ImportFailed) as failed:
        run_import(KIND, flipped, local_db)
    reasons = {p.column: p.reason for p in failed.value.problems}
    assert "(55 values held)" in reasons["polarity"] and "--force" in reasons["polarity"]
    assert "from 'rate per 10,000' to '%'" in reasons["unit"]
    assert data_fingerprint(local_db) == before
    result = run_import(KIND, flipped, local_db, choices=Choices(force=True), actor=Actor("Performance lead", "editor"))
    assert result.updated == 1
    assert fetch(local_db, "SELECT unit, polarity FROM indicators WHERE code = ?", local.CODE) == [
        ("%", "higher is better")
    ]
    trail = audit_rows(local_db)[-1]
    assert trail["outcome"] == "succeeded" and trail["actor"] == "Performance lead"
    assert f"changed the polarity of '{local.CODE}' from 'lower is better' to 'higher is better'" in trail["detail"]
    assert "forced" in trail["detail"]


def test_the_period_type_of_an_indicator_with_values_cannot_change(local_db, tmp_path):
    with pytest.raises(ImportFailed) as failed:
        run_import(
            KIND,
            local.write_definition(tmp_path / "q.csv", period_type="quarter"),
            local_db,
            choices=Choices(force=True),
        )
    assert "period type cannot change" in failed.value.problems[0].reason


def test_values_of_a_local_indicator_import_and_are_checked_as_any_others(local_db, tmp_path):
    assert fetch(
        local_db, "SELECT count(*), count(DISTINCT area) FROM indicator_values WHERE indicator_code = ?", local.CODE
    ) == [(55, 11)]
    stockport = dict(
        fetch(
            local_db,
            "SELECT period, value FROM indicator_values WHERE area = 'Stockport' AND indicator_code = ?",
            local.CODE,
        )
    )
    assert stockport == pytest.approx(local.stockport_values())
    wrong = tmp_path / "wrong.csv"
    wrong.write_text(
        f"area,indicator,period,value,numerator,denominator\nStockport,{local.CODE},2024-25,50,96,30000\nStockport,{local.CODE},2024,32,,\n"
    )
    with pytest.raises(ImportFailed) as failed:
        run_import(KINDS["indicators"], wrong, local_db)
    problems = {(p.line, p.column): p.reason for p in failed.value.problems}
    assert "does not match 96 / 30000 = 32.0 (rate per 10,000)" in problems[(2, "value")]
    assert "is not a financial year period" in problems[(3, "period")]


def test_local_indicator_end_to_end_benchmark_band_direction_and_scorecard(local_db):
    """Done-when: Benchmarking ranks a service among ten with LAIT's band and its direction of travel;
    the Scorecard lists the indicator, marked local."""
    query = Database(local_db).query
    series = values(query, [local.CODE], demo=False)
    groups: dict = {}
    region = comparators.comparator_set("Stockport", comparators.REGION, series, groups)
    assert sorted(region.areas) == sorted(local.NORTH_WEST) and region.rank_scope == "its region (North West)"
    result = comparators.benchmark_area(series, "Stockport", region, benchmarking.LOWER)
    latest = local.latest_values()
    cuts = tuple(pd.Series(list(latest.values())).quantile([0.25, 0.5, 0.75]))  # pandas' default is R's type 7 too
    assert cuts[1] < latest["Stockport"] <= cuts[2]
    assert result["value"] == pytest.approx(32.0)
    assert result["rank"] == (3, 5)  # Trafford 14.1, Wigan 27.4, then Stockport, within the North West
    assert result["national_rank"] == (7, 10)
    assert result["band"] == "C" and result["banded_among"] == 10  # the same band whatever the comparison set
    assert (
        comparators.benchmark_area(
            series,
            "Stockport",
            comparators.comparator_set("Stockport", comparators.ALL, series, groups),
            benchmarking.LOWER,
        )["band"]
        == "C"
    )
    assert result["direction"] == "improving" and result["previous"] == pytest.approx(100 / 3)
    lines = comparators.reference_lines(series, region.areas, "rate per 10,000", "North West")
    assert list(lines) == ["England (published)", "North West (pooled)"]
    north_west = sum(local.COUNTS[a][1][-1] for a in local.NORTH_WEST) / sum(
        local.COUNTS[a][0] for a in local.NORTH_WEST
    )
    assert lines["North West (pooled)"]["value"].iloc[-1] == pytest.approx(10_000 * north_west)
    card = area_scorecard(query, "Stockport", comparators.REGION, demo=False)
    row = card[card["indicator"] == f"{local.NAME} (local)"].iloc[0]
    assert (row["band"], row["rank"], row["direction"]) == ("C", "3 of 5", "▲ improving")
    assert row["local_source"].startswith("YJB youth justice statistics")
    assert catalogue(query).set_index("code").loc[local.CODE, "is_local"]
