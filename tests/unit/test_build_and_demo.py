"""The build: atomic, real-only with --no-demo, demo data deterministic and always flagged."""

import hashlib

import pytest

from tests.support.dbcheck import fetch
from yjs.demo.areas import DEMO_AREAS
from yjs.store.build import build, read_seed

REAL_AREAS = {"Kingston and Richmond", "Tower Hamlets and City of London", "Ealing", "Reading", "Buckinghamshire"}
FIGURE_TABLES = (
    "areas",
    "inspections",
    "standard_ratings",
    "key_questions",
    "recommendations",
    "improvement_plans",
    "improvement_actions",
    "action_status_updates",
    "indicator_values",
    "population",
    "cohort",
    "context_figures",
    "case_samples",
)


def table_digest(db, table):
    ordered = fetch(db, f"SELECT * FROM {table} ORDER BY ALL")  # table names from the fixed list above
    return hashlib.sha256(repr(ordered).encode()).hexdigest()


def test_no_demo_builds_the_real_areas_only(real_db):
    names = {name for (name,) in fetch(real_db, "SELECT name FROM areas")}
    assert names >= REAL_AREAS and len(names) == 155
    assert fetch(real_db, "SELECT count(*) FROM areas WHERE is_demo") == [(0,)]
    assert fetch(real_db, "SELECT count(*) FROM cohort") == [(0,)]
    assert fetch(real_db, "SELECT value FROM meta WHERE key = 'includes_demo'") == [("false",)]


def test_demo_areas_are_invented_and_flagged(demo_db):
    real = set(read_seed("areas")["name"])
    demo = [row for row in fetch(demo_db, "SELECT name, is_demo, source FROM areas") if row[0] not in real]
    assert len(demo) == sum(len(names) for names in DEMO_AREAS.values()) >= 60
    assert all(is_demo and source == "demo" for _, is_demo, source in demo)
    assert set(DEMO_AREAS) >= {"London", "Wales", "North East", "South West"}


@pytest.mark.parametrize("table", FIGURE_TABLES)
def test_every_figure_row_has_a_source_and_demo_rows_never_touch_real_areas(demo_db, table):
    area_column = {
        "areas": "name",
        "standard_ratings": None,
        "key_questions": None,
        "recommendations": None,
        "action_status_updates": None,
        "improvement_actions": None,
        "case_samples": None,
    }.get(table, "area")
    assert fetch(demo_db, f"SELECT count(*) FROM {table} WHERE source IS NULL OR source = ''") == [(0,)]
    if area_column:
        mixed = fetch(
            demo_db,
            f"SELECT count(*) FROM {table} AS t JOIN areas AS a ON a.name = t.{area_column} "
            f"WHERE (t.source = 'demo') <> a.is_demo",
        )
        assert mixed == [(0,)]


def test_demo_inspections_belong_to_demo_areas_only(demo_db):
    assert fetch(demo_db, "SELECT count(*) FROM inspection_summary WHERE (source = 'demo') <> is_demo") == [(0,)]


def test_two_builds_are_identical(tmp_path):
    first = build(tmp_path / "a.duckdb", cohort_size=2_000)
    second = build(tmp_path / "b.duckdb", cohort_size=2_000)
    for table in FIGURE_TABLES:
        assert table_digest(first, table) == table_digest(second, table), table


def test_cohort_size_is_respected_and_ids_are_pseudonyms(tmp_path):
    db = build(tmp_path / "c.duckdb", cohort_size=1_234)
    assert fetch(db, "SELECT count(*), count(DISTINCT child_id) FROM cohort") == [(1_234, 1_234)]
    assert fetch(db, "SELECT count(*) FROM cohort WHERE NOT regexp_matches(child_id, '^DEMO-[0-9]{8}$')") == [(0,)]


def test_a_failed_build_leaves_the_old_database_in_place(real_db, tmp_path):
    target = tmp_path / "live.duckdb"
    target.write_bytes(real_db.read_bytes())
    before = target.read_bytes()
    broken_seeds = tmp_path / "seed"
    broken_seeds.mkdir()
    (broken_seeds / "standards.csv").write_text("framework,code\n")
    with pytest.raises(KeyError):  # the standards seed lacks its columns
        build(target, seed_dir=broken_seeds)
    assert target.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_every_reference_resolves(demo_db):
    assert fetch(demo_db, "SELECT count(*) FROM inspections WHERE area NOT IN (SELECT name FROM areas)") == [(0,)]
    assert fetch(demo_db, "SELECT count(*) FROM improvement_plans WHERE area NOT IN (SELECT name FROM areas)") == [(0,)]
    assert fetch(
        demo_db,
        "SELECT count(*) FROM action_status_updates WHERE action_id NOT IN (SELECT action_id FROM improvement_actions)",
    ) == [(0,)]
    assert fetch(demo_db, "SELECT count(*) FROM cohort WHERE area NOT IN (SELECT name FROM areas)") == [(0,)]
