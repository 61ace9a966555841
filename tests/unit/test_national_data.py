"""The shipped national data: every youth justice service, the published inspection outcomes, LAIT's
indicator figures and the DfE statistical neighbours, each row with a document a person can read."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest

from tests.support.dbcheck import fetch
from yjs.boardpack import content
from yjs.data.db import Database
from yjs.importers import KINDS, run_import
from yjs.paths import SEED_DIR
from yjs.store.build import SeedDataError, build

SEED_FILE_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
NEIGHBOURS = "Statistical neighbours of Ealing"


def one(db, sql: str, *params):
    return fetch(db, sql, *params)[0]


def test_every_youth_justice_service_of_england_and_wales_is_a_real_area(real_db):
    assert one(real_db, "SELECT count(*) FROM areas WHERE NOT is_demo") == (155,)
    assert one(real_db, "SELECT count(*) FROM areas WHERE country = 'Wales'") == (17,)
    assert one(real_db, "SELECT count(*) FROM areas WHERE region IS NULL OR len(local_authorities) = 0") == (0,)
    councils = dict(fetch(real_db, "SELECT name, local_authorities FROM areas"))
    assert councils["West Mercia"] == ["Herefordshire", "Shropshire", "Telford and Wrekin", "Worcestershire"]
    assert councils["Kingston and Richmond"] == ["Kingston upon Thames", "Richmond upon Thames"]
    assert councils["Cwm Taf"] == ["Merthyr Tydfil", "Rhondda Cynon Taf"]
    # Each English council is served by exactly one service (153, the City of London and Scilly included).
    served = fetch(real_db, "SELECT unnest(local_authorities) AS c FROM areas WHERE country = 'England'")
    assert len(served) == len(set(served)) == 153


def test_hmip_and_yjb_names_resolve_to_the_same_service(real_db):
    aliases = {a for (name, aliases) in fetch(real_db, "SELECT name, aliases FROM areas") for a in [name, *aliases]}
    for name in ("Hull", "Kingston-upon-Hull", "Durham", "County Durham", "Dorset Combined YOS", "St. Helens"):
        assert name in aliases


def test_at_least_eighty_real_inspections_with_a_published_outcome(real_db):
    inspections, scored, rated = one(
        real_db,
        "SELECT count(*), count(score), count(overall_rating) FROM inspection_summary WHERE NOT is_demo",
    )
    assert inspections >= 85 and scored >= 80 and rated == inspections


@pytest.mark.parametrize(
    "area, published, rating, score",
    [
        ("Norfolk", dt.date(2025, 1, 28), "Good", 22),  # scrape: 61.11% of 36
        ("West Sussex", dt.date(2022, 6, 22), "Good", 26),  # the scrape's 'Requires Improvement' corrected
        ("Portsmouth", dt.date(2022, 6, 21), "Good", 22),  # the scrape's garbled cell corrected
        ("Ceredigion", dt.date(2024, 11, 12), "Inadequate", None),  # 4.17% is no whole /36: left out
        ("Bridgend", dt.date(2022, 6, 14), "Requires improvement", None),
        ("Reading", dt.date(2024, 12, 3), "Inadequate", 5),
        ("Buckinghamshire", dt.date(2023, 1, 10), "Good", 27),
        ("East Sussex", dt.date(2024, 9, 17), "Good", 25),
    ],
)
def test_a_sample_of_inspections_against_their_sources(real_db, area, published, rating, score):
    row = one(
        real_db,
        "SELECT published, overall_rating, score FROM latest_inspections WHERE area = ?",
        area,
    )
    assert row == (published, rating, score)


def test_standard_ratings_only_where_a_second_source_gives_them(real_db):
    rated = dict(fetch(real_db, "SELECT area, standards_rated FROM latest_inspections WHERE standards_rated > 0"))
    assert rated == {
        "Ealing": 12,
        "Tower Hamlets and City of London": 12,
        "Kingston and Richmond": 12,
        "East Sussex": 12,
    }
    east_sussex = dict(
        fetch(
            real_db,
            "SELECT code, rating FROM standard_ratings JOIN latest_inspections USING (inspection_id) "
            "WHERE area = 'East Sussex'",
        )
    )
    assert east_sussex["2.2"] == "Inadequate" and east_sussex["4.1"] == "Requires improvement"


def test_a_shipped_score_that_contradicts_its_rating_fails_the_build(tmp_path):
    seeds = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seeds)
    path = seeds / "national_inspections.csv"
    text = path.read_text(encoding="utf-8")
    norfolk = next(line for line in text.splitlines() if line.startswith("Norfolk,"))
    path.write_text(text.replace(norfolk, norfolk.replace(",Good,22,", ",Good,33,")), encoding="utf-8")
    with pytest.raises(SeedDataError, match="national_inspections.csv is invalid.*Outstanding"):
        build(tmp_path / "yjs.duckdb", demo=False, seed_dir=seeds)


@pytest.mark.parametrize(
    "area, period, value",
    [
        ("Ealing", "2024", 92.0),
        ("Ealing", "2016", 299.0),
        ("Buckinghamshire", "2023", 158.0),
        ("Buckinghamshire", "2024", 138.0),
        ("Reading", "2016", 549.0),
        ("South East", "2024", 117.0),
        ("London", "2022", 170.0),
    ],
)
def test_first_time_entrant_rates_as_lait_gives_them(real_db, area, period, value):
    assert one(
        real_db,
        "SELECT value FROM indicator_values WHERE indicator_code = 'fte_rate' AND area = ? AND period = ?",
        area,
        period,
    ) == (value,)


def test_a_council_figure_is_never_forced_onto_a_joint_service(real_db):
    held = {area for (area,) in fetch(real_db, "SELECT DISTINCT area FROM indicator_values")}
    assert not held & {"Kingston and Richmond", "Tower Hamlets and City of London", "West Mercia", "Cornwall"}
    assert "England" not in {
        a for (a,) in fetch(real_db, "SELECT area FROM indicator_values WHERE indicator_code = 'fte_rate'")
    }, "LAIT's England row for first time entrants is the sum of the regional rates, not a rate"
    # Northamptonshire's service covers exactly the former county: the county's figures are its own, up to
    # 2020; its 2021 residual (43, after the two successor councils took over in April) is not a year's rate.
    periods = fetch(
        real_db,
        "SELECT period, value FROM indicator_values WHERE area = 'Northamptonshire' AND indicator_code = 'fte_rate' "
        "ORDER BY period",
    )
    assert periods == [("2016", 257.0), ("2017", 220.0), ("2018", 220.0), ("2019", 218.0), ("2020", 208.0)]


def test_at_least_a_hundred_services_hold_every_first_time_entrant_year_2016_to_2024(real_db):
    (services,) = one(
        real_db,
        "SELECT count(*) FROM (SELECT area FROM indicator_values WHERE indicator_code = 'fte_rate' "
        "AND NOT is_reference GROUP BY area HAVING count(DISTINCT period) = 9)",
    )
    assert services >= 100


def test_statistical_neighbours_are_ready_made_groups_of_single_council_services(real_db):
    members = [a for (a,) in fetch(real_db, "SELECT area FROM comparator_groups WHERE name = ?", NEIGHBOURS)]
    assert "Ealing" in members and 5 <= len(members) <= 11
    singles = {
        name
        for (name,) in fetch(real_db, "SELECT name FROM areas WHERE country = 'England' AND len(local_authorities) = 1")
    }
    assert set(members) <= singles
    (source,) = one(
        real_db, "SELECT DISTINCT readable_source(source) FROM comparator_groups WHERE name = ?", NEIGHBOURS
    )
    assert source.startswith("Department for Education: children's services statistical neighbours (May 2025), Ealing")
    assert one(real_db, "SELECT count(*) FROM comparator_groups WHERE name LIKE '%of Kingston and Richmond'") == (0,)


def test_a_seed_source_reads_as_its_document_and_section(real_db):
    (text,) = one(real_db, "SELECT readable_source('001_a7d1d7ce6fdeac37.txt § Appendix A, Ratings')")
    assert text == (
        "Ealing Council, Overview and Scrutiny Committee: Youth Justice Service, HMIP inspection findings "
        "and improvement plan (March 2024), Appendix A, Ratings"
    )
    (norfolk,) = one(real_db, "SELECT source FROM latest_inspections WHERE area = 'Norfolk'")
    assert norfolk == (
        "HM Inspectorate of Probation: inspection of youth justice services in Norfolk (January 2025), "
        "overall rating and score"
    )
    assert one(real_db, "SELECT readable_source('demo')") == ("demo",)


def test_every_seed_row_points_to_a_known_document(real_db):
    tables = ["areas", "inspections", "standard_ratings", "key_questions", "recommendations", "findings"]
    tables += ["improvement_plans", "improvement_actions", "context_figures", "population", "comparator_groups"]
    for table in tables:  # table names from the fixed list above
        unknown = fetch(
            real_db,
            f"SELECT DISTINCT source FROM {table} WHERE source IS NOT NULL AND "
            "split_part(source, ' § ', 1) NOT IN (SELECT document_id FROM documents)",
        )
        assert unknown == [], table
    shown = fetch(real_db, "SELECT DISTINCT source FROM inspection_summary")
    assert not [s for (s,) in shown if SEED_FILE_NAME.search(s)]


def test_an_imported_file_is_the_document_of_its_rows(writable_db, tmp_path):
    upload = tmp_path / "ealing-figures.csv"
    upload.write_text("area,indicator,period,value\nEaling,fte_rate,2025,90\n", encoding="utf-8")
    run_import(KINDS["indicators"], upload, writable_db)
    (source,) = one(
        writable_db,
        "SELECT readable_source(source) FROM indicator_values WHERE area = 'Ealing' AND period = '2025'",
    )
    assert source == f"ealing-figures.csv (imported {dt.date.today():%-d %B %Y})"


@pytest.mark.parametrize("area", ["Ealing", "Kingston and Richmond", "Norfolk"])
def test_a_board_pack_names_its_sources_by_title_never_by_seed_file(real_db, area):
    pack = content.gather(Database(real_db).query, area, dt.date(2025, 5, 1), today=dt.date(2025, 5, 2))
    sources = [s for section in pack.sections for s in section.sources]
    sources += [chart.source for section in pack.sections for chart in section.charts]
    assert sources, "every pack names where its figures come from"
    assert not SEED_FILE_NAME.findall(repr(pack))
