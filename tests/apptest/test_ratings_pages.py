"""Ratings matrix, area profile, compare and the Overview's national picture under streamlit.testing,
opened through the URL as a copied link would open them; figures checked against the database."""

from __future__ import annotations

from tests.support.apptest import dataframe_with, open_page, shown
from tests.support.dbcheck import fetch
from yjs.importers import KINDS, run_import

SEED_AREAS = ["Ealing", "Kingston and Richmond", "Tower Hamlets and City of London", "Reading", "Buckinghamshire"]


def texts(at) -> str:
    return " ".join(
        e.value for kind in ("markdown", "caption", "info", "warning", "error", "success") for e in getattr(at, kind)
    )


def plotly_figures(at) -> list[dict]:
    import json

    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_matrix_lists_the_latest_inspection_of_each_real_area(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/ratings.py")
    table = at.dataframe[0].value.set_index("area")
    assert set(SEED_AREAS) <= set(table.index) and len(table) == 90
    assert table.loc["Ealing", "2.3"] == "Requires improvement" and table.loc["Ealing", "score"] == 17
    assert table.loc["Kingston and Richmond", "3.4"] == "Good"
    assert table.loc["Ealing", "source"].startswith("Ealing Council, Overview and Scrutiny Committee")
    heatmap = plotly_figures(at)[0]["data"][0]
    assert len(heatmap["y"]) == 90
    assert "is known for 86 of these inspections" in texts(at)
    assert [b.proto.label for b in at.get("download_button")] == [
        "Download chart (PNG)",
        "Download CSV",
        "Download XLSX",
    ]


def test_matrix_filters_from_the_url(demo_db, use_db):
    use_db(demo_db)
    at = open_page("pages/ratings.py", {"demo": "true", "region": "London"}, rating="Good", sort="Name")
    table = at.dataframe[0].value
    expected = fetch(
        demo_db, "SELECT area FROM latest_inspections WHERE region = 'London' AND overall_rating = 'Good' ORDER BY area"
    )
    assert table["area"].tolist() == [a for (a,) in expected]
    assert set(table["overall_rating"]) == {"Good"}
    assert any("Demo data on screen" in w.value for w in at.warning)


def test_every_inspection_shows_re_inspections(demo_db, use_db):
    use_db(demo_db)
    at = open_page("pages/ratings.py", {"demo": "true"}, show="Every inspection", framework=["2018", "2021"])
    table = at.dataframe[0].value
    assert len(table) == fetch(demo_db, "SELECT count(*) FROM inspections WHERE framework IN (2018, 2021)")[0][0]
    assert table["area"].duplicated().any(), "areas inspected twice appear twice"


def test_2025_framework_inspections_are_listed_apart(demo_db, use_db):
    use_db(demo_db)
    at = open_page("pages/ratings.py", {"demo": "true"}, framework="2025")
    newer = fetch(demo_db, "SELECT count(*) FROM latest_inspections WHERE framework = 2025")[0][0]
    assert newer > 0
    assert [s.value for s in at.subheader] == ["Inspected under the 2025 framework"]
    assert len(at.dataframe[-1].value) == newer
    assert "1.1" not in at.dataframe[-1].value.columns
    assert not plotly_figures(at), "no twelve-column heatmap for inspections that do not fit it"


def test_profile_explains_ealings_standards_and_what_would_lift_them(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/profile.py", {"area": "Ealing"})
    assert {m.label: m.value for m in at.metric}["Score"] == "17/36"
    below = at.table[0].value.map(shown).set_index("Standard")  # a table whose words wrap, never cut short
    assert below.loc["2.3 Implementation and delivery", "Extra Yes cases in all"] == "4"
    assert below.loc["3.1 Assessment", "Rating"] == "Inadequate"
    assert "keeping the child safe: 2 more Yes cases" in below.loc["2.3 Implementation and delivery", "To reach Good"]
    words = texts(at)
    assert (
        "2.3 Implementation and delivery is Requires improvement because its lowest key question, keeping the "
        "child safe, is 54% (7 of 13"
    ) in words
    assert "**To reach Good:**" in words
    ratings_table = at.dataframe[0].value
    assert ratings_table["standard"].tolist()[:3] == [
        "Overall",
        "1. Organisational delivery",
        "1.1 Governance and leadership",
    ]
    assert ratings_table.set_index("standard").loc["1. Organisational delivery", "score"] == "7/12"
    assert "To Metropolitan Police service" in words.replace("**", "")
    kq_charts = [f for f in plotly_figures(at) if f["data"][0]["type"] == "bar"]
    assert len(kq_charts) == 7, "one key-question chart for each of 2.1-2.4 and 3.1-3.3"


def test_profile_tables_every_key_question_of_kingston_and_richmond(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/profile.py", {"area": "Kingston and Richmond"})
    expected = fetch(
        real_db,
        "SELECT count(*) FROM key_questions JOIN inspections USING (inspection_id) "
        "WHERE area = 'Kingston and Richmond'",
    )[0][0]
    bars = [f["data"][0] for f in plotly_figures(at) if f["data"][0]["type"] == "bar"]
    assert sum(len(bar["x"]) for bar in bars) == expected, "every key question is charted"
    assert (
        "3.2 Planning is Inadequate because its lowest key question, keeping other people safe, is 33% (1 of 3)"
        in texts(at)
    )


def test_profile_flags_discretion_where_the_published_rating_departs_from_the_band(demo_db, use_db):
    area, code, rating, band = fetch(
        demo_db,
        """
        WITH lowest AS (
            SELECT inspection_id, standard_code, min(pct_for_band) AS pct FROM key_question_results GROUP BY ALL
        )
        SELECT li.area, l.standard_code, r.rating,
               CASE WHEN pct >= 80 THEN 'Outstanding' WHEN pct >= 65 THEN 'Good'
                    WHEN pct >= 50 THEN 'Requires improvement' ELSE 'Inadequate' END AS band
        FROM lowest AS l
        JOIN standard_ratings AS r ON r.inspection_id = l.inspection_id AND r.code = l.standard_code
        JOIN latest_inspections AS li ON li.inspection_id = l.inspection_id
        WHERE r.rating <> band ORDER BY li.area, l.standard_code LIMIT 1""",
    )[0]
    use_db(demo_db)
    at = open_page("pages/profile.py", {"demo": "true", "area": area})
    flags = [w.value for w in at.warning if "professional discretion" in w.value]
    assert f"Published rating differs from the band ({band}): professional discretion." in flags
    assert (
        f"The band from the key questions is {band}; the published rating differs through professional discretion"
        in texts(at)
    )


def test_profile_of_an_inspection_with_only_an_overall_rating_says_so(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/profile.py", {"area": "Reading"})
    assert {m.label: m.value for m in at.metric}["Overall rating"] == "Inadequate"
    assert "Only the overall outcome of this inspection is known" in at.info[0].value
    addressees = [
        a
        for (a,) in fetch(
            real_db,
            "SELECT DISTINCT addressee FROM recommendations JOIN inspections "
            "USING (inspection_id) WHERE area = 'Reading'",
        )
    ]
    assert addressees and all(f"**To {a}**" in texts(at) for a in addressees)


def test_profile_without_an_area_prompts_for_one(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/profile.py")
    assert "Choose **Your area**" in at.info[0].value


def test_an_area_with_a_hostile_name_and_no_inspection_gets_an_empty_state(writable_db, use_db, tmp_path):
    name = "O'Brien\"; DROP TABLE areas; --"
    source = tmp_path / "areas.csv"
    source.write_text('name,region\n"O\'Brien""; DROP TABLE areas; --",London\n')
    run_import(KINDS["areas"], source, writable_db)
    use_db(writable_db)
    at = open_page("pages/profile.py", {"area": name})
    assert f"{name} has no inspection in the database yet" in at.info[0].value
    assert fetch(writable_db, "SELECT count(*) FROM areas")[0][0] == 156


def test_compare_the_five_seed_areas_on_out_of_court_work(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/compare.py", areas=SEED_AREAS)
    grid = dataframe_with(at, "area", "3.1").set_index("area")
    assert grid.loc["Kingston and Richmond", ["3.1", "3.2", "3.3", "3.4"]].tolist() == [
        "Good",
        "Inadequate",
        "Inadequate",
        "Good",
    ]
    bars = plotly_figures(at)[0]["data"]
    out_of_court = {trace["name"]: trace["text"][2] for trace in bars}  # bar labels: plotly encodes y as binary
    assert out_of_court["Ealing"] == "4" and out_of_court["Tower Hamlets and City of London"] == "1"
    assert out_of_court["Reading"] == "n/a"
    assert "No standard ratings are known for: Reading, Buckinghamshire." in texts(at)
    positions = dataframe_with(at, "area", "rank").set_index("area")
    # Ranked among the 82 real services with a published /36 score (HMIP's reports, the seed documents).
    assert positions.loc["Kingston and Richmond", "rank"] == "31 of 82"
    assert positions.loc["Reading", "rank"] == "81 of 82"  # 5/36: only Slough (3/36) is lower


def test_compare_needs_two_areas(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/compare.py", areas=["Ealing"])
    assert "Choose at least two areas" in at.info[0].value


def test_compare_uses_a_saved_comparator_group(writable_db, use_db):
    from yjs.store import groups

    groups.save_group(
        writable_db, "Londoners", ["Ealing", "Kingston and Richmond"], {"Ealing", "Kingston and Richmond"}
    )
    use_db(writable_db)
    at = open_page("pages/compare.py", group="Londoners")
    assert dataframe_with(at, "area", "3.1")["area"].tolist() == ["Ealing", "Kingston and Richmond"]


def test_overview_names_the_weakest_standard_nationally(demo_db, use_db):
    use_db(demo_db)
    at = open_page("pages/overview.py", {"demo": "true"})
    rows = fetch(
        demo_db,
        """
        WITH latest AS (SELECT inspection_id FROM inspection_summary WHERE standards_rated > 0
                        QUALIFY row_number() OVER (
                            PARTITION BY area ORDER BY inspection_date DESC, inspection_id DESC) = 1)
        SELECT code, avg(CASE WHEN rating IN ('Good', 'Outstanding') THEN 1 ELSE 0 END) AS share
        FROM standard_ratings JOIN latest USING (inspection_id) WHERE code <> '4.1'
        GROUP BY code ORDER BY share, code LIMIT 1""",
    )
    assert f"the weakest, {rows[0][0]} " in texts(at)
