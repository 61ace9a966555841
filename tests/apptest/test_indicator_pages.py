"""Benchmarking, scorecard and load-data pages under streamlit.testing."""

from pathlib import Path

from tests.support.apptest import open_page
from tests.support.dbcheck import fetch
from yjs.domain import benchmarking

ROOT = Path(__file__).resolve().parents[2]


def metrics(at):
    return {m.label: m.value for m in at.metric}


def test_benchmark_rank_and_band_match_a_direct_calculation(demo_db, use_db):
    use_db(demo_db)
    at = open_page("pages/benchmarking.py", {"demo": "true", "area": "Thamesreach"}, indicator="First time entrants")
    latest = fetch(
        demo_db,
        "SELECT max(period) FROM indicator_values WHERE area = 'Thamesreach' AND "
        "indicator_code = 'fte_rate' AND value IS NOT NULL",
    )[0][0]
    london = fetch(
        demo_db,
        "SELECT v.area, v.value FROM indicator_values v JOIN areas a ON a.name = v.area "
        "WHERE a.region = 'London' AND a.is_demo AND v.indicator_code = 'fte_rate' AND v.period = ?",
        latest,
    )
    values = dict(london)
    rank = benchmarking.rank(values["Thamesreach"], list(values.values()), benchmarking.LOWER)
    every_demo_area = [
        value
        for (value,) in fetch(
            demo_db,
            "SELECT v.value FROM indicator_values v JOIN areas a ON a.name = v.area "
            "WHERE a.is_demo AND v.indicator_code = 'fte_rate' AND v.period = ? AND v.value IS NOT NULL",
            latest,
        )
    ]
    shown = metrics(at)
    assert shown["Rank in London"] == f"{rank[0]} of {rank[1]}"
    # LAIT's band: among every demo area in the period, not only London's
    assert shown["Quartile band"] == benchmarking.quartile_band(
        values["Thamesreach"], every_demo_area, benchmarking.LOWER
    )
    assert any(
        f"({len(every_demo_area)} with a value for {latest}); rank: within its region (London)" in m.value
        for m in at.markdown
    )
    assert any("Demo data on screen" in w.value for w in at.warning)
    assert any(m.value.startswith("**Bottom quartile of all services:**") for m in at.markdown)


def test_a_real_area_is_compared_only_with_real_figures(demo_db, use_db):
    use_db(demo_db)
    at = open_page(
        "pages/benchmarking.py", {"demo": "true", "area": "Buckinghamshire"}, indicator="First time entrants"
    )
    shown = metrics(at)
    assert shown["Latest (2024)"] == "138.0"  # LAIT
    assert int(shown["Rank among all areas"].split(" of ")[1]) >= 100  # real services only, no demo area
    assert not any("Demo data" in w.value for w in at.warning)
    assert "improving" in " ".join(m.value for m in at.markdown)  # 158 -> 138, lower is better


def test_an_area_without_values_gets_a_clear_message(demo_db, use_db):
    use_db(demo_db)
    at = open_page("pages/benchmarking.py", {"area": "Kingston and Richmond"})  # a joint service: no council figure
    assert "has no values" in at.info[0].value


def test_scorecard_lists_every_indicator_and_flags_the_bottom_quartile(demo_db, use_db):
    use_db(demo_db)
    at = open_page("pages/scorecard.py", {"demo": "true", "area": "Thamesreach"}, compare_with="All areas")
    card = at.dataframe[0].value
    assert len(card) == fetch(demo_db, "SELECT count(*) FROM indicators")[0][0]
    bottom = card.loc[card["band"] == "D", "indicator"].tolist()
    if bottom:
        assert all(name in at.error[0].value for name in bottom)


def test_benchmarking_prompts_for_an_area(demo_db, use_db):
    use_db(demo_db)  # Scorecard offers the choice on the page: tests/apptest/test_first_visit.py
    at = open_page("pages/benchmarking.py", {"demo": "true"})
    assert "Choose **Your area**" in at.info[0].value


def test_uploading_a_bad_file_lists_problems_and_a_good_one_imports(writable_db, use_db):
    use_db(writable_db)
    at = open_page("pages/load.py", {}, kind="indicators")
    at.file_uploader[0].upload("bad.csv", b"area,indicator,period,value\nNowhere,fte_rate,2024,12\n").run()
    assert "nothing was written" in at.error[0].value
    assert at.dataframe[0].value.iloc[0]["Problem"].startswith("unknown area 'Nowhere'")
    at.file_uploader[0].upload("good.csv", b"area,indicator,period,value\nEaling,fte_rate,2025,151\n").run()
    assert "1 added" in at.info[0].value
    at.button[0].click().run()
    assert "Imported" in at.success[0].value
    assert fetch(
        writable_db, "SELECT value, source FROM indicator_values WHERE area = 'Ealing' AND period = '2025'"
    ) == [(151.0, "good.csv")]


def test_saving_a_comparator_group_makes_it_a_choice(writable_db, use_db, tmp_path):
    from yjs.store.build import build

    db = build(tmp_path / "groups.duckdb", cohort_size=100)
    use_db(db)
    at = open_page("pages/benchmarking.py", {"demo": "true", "area": "Thamesreach"})
    at.text_input(key="group_name").set_value("Neighbours")
    at.multiselect(key="group_members").set_value(["Thamesreach", "Larkspur", "Hollowfirth"])
    at.button[0].click().run()
    assert "Saved “Neighbours” with 3 areas" in at.success[0].value
    assert fetch(db, "SELECT list(area ORDER BY area) FROM comparator_groups WHERE name = 'Neighbours'") == [
        (["Hollowfirth", "Larkspur", "Thamesreach"],)
    ]
    at = open_page("pages/benchmarking.py", {"demo": "true", "area": "Thamesreach"}, compare_with="Group: Neighbours")
    assert "Rank in saved group “Neighbours”" in metrics(at)
