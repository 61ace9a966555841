"""No page opens empty, and About the data says where everything came from: the pages a first visitor opens
before choosing anything."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd

from tests.support.apptest import open_page, shown
from tests.support.dbcheck import fetch
from yjs.data import about as about_data
from yjs.data import indicators as indicator_data
from yjs.data.db import Database
from yjs.domain import comparators, exports


def plotly_specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def page_links(at) -> list[tuple[str, str]]:
    """The page links in the main area (not the menu): (label as shown, the link's query string)."""
    return [(shown(link.proto.label), link.proto.query_string) for link in at.main.get("page_link")]


def reporting_areas(db, code: str, demo: bool) -> set[str]:
    series = indicator_data.values(Database(db).query, [code], demo)
    period_end = comparators.most_reported_period_end(series)
    rows = series[~series["is_reference"] & series["value"].notna() & (series["period_end"] == period_end)]
    return set(rows["area"])


def test_benchmarking_without_an_area_ranks_every_service_and_with_one_highlights_it(demo_db, use_db):
    use_db(demo_db)
    at = open_page("pages/benchmarking.py", {"demo": "true"})
    code = at.selectbox(key="indicator").value
    everyone = reporting_areas(demo_db, code, True)
    ranked = next(s for s in plotly_specs(at) if s["data"][0]["type"] == "bar")
    assert "every demo service" in ranked["layout"]["title"]["text"]
    assert len(ranked["data"][0]["hovertext"]) == len(everyone) > 50
    has_line = any(trace.get("mode") == "lines" for trace in ranked["data"])
    caption = next(c.value for c in at.caption if "Shaded" in c.value)
    assert ("Lines: the national figure" in caption) == has_line, "the caption names only the lines drawn"
    assert ("No national line" in caption) != has_line
    table = next(f.value for f in at.dataframe if {"area", "rank", "band"} <= set(f.value.columns))
    assert set(table["area"]) == everyone, "a table row for every service charted"
    assert any("Choose **Your area**" in i.value for i in at.info)

    chosen = sorted(everyone)[0]
    at = open_page("pages/benchmarking.py", {"demo": "true", "area": chosen})
    ranked = next(s for s in plotly_specs(at) if s["data"][0]["type"] == "bar")
    assert any(chosen in a["text"] for a in ranked["layout"]["annotations"]), "the chosen area is named on its bar"
    assert ranked["data"][0]["marker"]["color"].count("#737373") == len(everyone) - 1, "and only it is coloured"


def test_scorecard_without_an_area_shows_every_indicators_national_picture_and_offers_the_choice(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/scorecard.py")
    picture = next(f.value for f in at.dataframe if "areas_reporting" in f.value.columns)
    indicators = fetch(real_db, "SELECT count(*) FROM indicators")[0][0]
    assert len(picture) == indicators
    assert {"period", "lower_quartile", "median", "upper_quartile", "national"} <= set(picture.columns)
    reported = picture[picture["areas_reporting"] > 0]
    assert len(reported) > 0 and (reported["lower_quartile"] <= reported["median"]).all()
    assert (reported["median"] <= reported["upper_quartile"]).all()
    at.main.selectbox(key="area_in_page").select("Ealing").run()
    assert at.sidebar.selectbox(key="area").value == "Ealing", "the page's choice is the shared one"
    assert at.title[0].value == "Indicator scorecard" and any("Ealing" in c.value for c in at.caption)
    assert not any("areas_reporting" in f.value.columns for f in at.dataframe), "Ealing's scorecard now"


def test_compare_areas_starts_from_your_area_and_its_closest_peers_and_says_so(demo_db, use_db):
    use_db(demo_db)
    at = open_page("pages/compare.py", {"demo": "true", "area": "Thamesreach"})
    said = " ".join(shown(i.value) for i in at.info)
    assert "Comparing Thamesreach and the services in" in said and "closest to its" in said
    grid = next(s for s in plotly_specs(at) if s["data"][0]["type"] == "heatmap")
    assert len(grid["data"][0]["y"]) == 4 and any("Thamesreach" in label for label in grid["data"][0]["y"])

    at = open_page("pages/compare.py")
    said = " ".join(shown(i.value) for i in at.info)
    assert "most recently inspected services whose reports give every standard's rating" in said
    assert "Choose **Your area**" in " ".join(i.value for i in at.info)


def test_area_profile_and_highlight_report_without_an_area_list_areas_to_open(real_db, use_db):
    use_db(real_db)
    profile = page_links(open_page("pages/profile.py"))
    assert 0 < len(profile) <= 8
    assert ("Ealing", "area=Ealing") in profile, "Ealing's inspection rates every standard: among the first"
    plans = page_links(open_page("pages/highlight.py"))
    with_plan = {row[0] for row in fetch(real_db, "SELECT DISTINCT area FROM improvement_plans")}
    assert plans and {label for label, _query in plans} <= with_plan


def test_about_the_data_names_every_document_every_indicator_and_when_the_data_changed(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/about.py")
    assert at.info[0].value.startswith("**Data last updated")
    assert any("Data last updated" in shown(c.value) for c in at.sidebar.caption), "the sidebar says it too"
    documents = next(f.value for f in at.dataframe if "publisher" in f.value.columns)
    titles = {row[0] for row in fetch(real_db, "SELECT title FROM documents")}
    assert set(documents["document"]) == titles
    assert documents["taken"].str.len().gt(0).all(), "each says what was taken from it"
    catalogue = next(f.value for f in at.dataframe if "polarity" in f.value.columns and "unit" in f.value.columns)
    assert len(catalogue) == fetch(real_db, "SELECT count(*) FROM indicators")[0][0]
    headers = [h.value for h in at.header]
    assert "Accessibility statement" in headers and "Download all data" in headers


def test_all_data_is_every_published_table_with_a_dictionary_and_no_child_level_rows(real_db):
    tables = about_data.published_tables(Database(real_db).query, False)
    dictionary = about_data.data_dictionary()
    assert {"inspections.csv", "indicator_values.csv", "documents.csv", "areas.csv"} <= set(tables)
    assert not [name for name in tables if "cohort" in name or "child" in name], "no child-level table"
    for name, table in tables.items():
        described = set(dictionary.loc[dictionary["file"] == name, "column"])
        assert set(table.columns) <= described, f"{name}: every column in the data dictionary"
    real = fetch(real_db, "SELECT count(*) FROM inspections i JOIN areas a ON a.name = i.area WHERE NOT a.is_demo")
    assert len(tables["inspections.csv"]) == real[0][0]
    with zipfile.ZipFile(io.BytesIO(exports.zip_bytes(tables))) as archive:
        back = pd.read_csv(io.BytesIO(archive.read("inspections.csv")), encoding="utf-8-sig")
    assert len(back) == real[0][0]
