"""Plans and disproportionality compared across services, under streamlit.testing: what each set shows,
in which order, with which links, and what is withheld."""

import json
from urllib.parse import parse_qs

from tests.support.apptest import dataframe_with, open_page
from tests.support.dbcheck import fetch
from yjs.data.cohort import CohortScope, stage_counts_by_area
from yjs.data.db import Database
from yjs.domain import disclosure
from yjs.domain import disproportionality_by_area as by_area

PLANS, PLAN, BY_AREA = "pages/plans.py", "pages/plan.py", "pages/disproportionality_by_area.py"
SEED_PLANS = {"Reading", "Ealing", "Tower Hamlets and City of London"}


def plan_tables(at) -> list:
    return [frame.value for frame in at.dataframe if "Update flag" in frame.value.columns]


def test_with_demo_off_the_real_seed_plans_are_side_by_side(real_db, use_db):
    use_db(real_db)
    at = open_page(PLANS)
    assert [s.value for s in at.subheader] == ["Real areas' plans (3)"]
    (table,) = plan_tables(at)
    assert set(table["Area"]) == SEED_PLANS
    ealing = table.set_index("Area").loc["Ealing"]
    assert (ealing["Actions"], ealing["Blue %"], ealing["Not assessed %"]) == (50, 40, 60)
    assert ealing["Rating the plan answers"] == "Requires improvement (Sep 2023)"
    assert table.set_index("Area").loc["Reading", "Update flag"] == "No status recorded"
    assert not at.warning, "no demo notice without demo areas"
    assert len(at.get("plotly_chart")) == 2  # status shares, completion over time


def test_with_demo_on_every_demo_plan_is_shown_sorted_by_share_complete_and_linked(demo_db, use_db):
    use_db(demo_db)
    at = open_page(PLANS, {"demo": "true", "area": "Ealing"})
    demo_plans = fetch(
        demo_db, "SELECT count(*) FROM improvement_plans p JOIN areas a ON a.name = p.area WHERE a.is_demo"
    )[0][0]
    assert [s.value for s in at.subheader] == ["Real areas' plans (3)", f"Demo areas' plans ({demo_plans})"]
    real, demo = plan_tables(at)
    assert len(demo) == demo_plans and set(real["Area"]) == SEED_PLANS  # apart: never ranked together
    shares = demo["Blue %"].tolist()
    assert shares == sorted(shares)  # least complete first
    links = {area: parse_qs(link.split("?", 1)[1]) for area, link in zip(demo["Area"], demo["Open"], strict=True)}
    assert all(link.startswith("plan?") for link in demo["Open"])
    assert links["Thamesreach"] == {"area": ["Thamesreach"], "demo": ["true"]}
    assert parse_qs(real.set_index("Area").loc["Ealing", "Open"].split("?", 1)[1]) == {"area": ["Ealing"]}
    assert any("Demo data" in w.value for w in at.warning)
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert "<b>Ealing ◀</b>" in bars["y"]  # the chosen area is named in bold on its bar


def test_sorting_and_the_region_filter(demo_db, use_db):
    use_db(demo_db)
    at = open_page(PLANS, {"demo": "true", "region": "Wales"}, sort="Overdue actions, most first")
    expected = {
        a
        for (a,) in fetch(
            demo_db, "SELECT p.area FROM improvement_plans p JOIN areas a ON a.name = p.area WHERE a.region = 'Wales'"
        )
    }
    (demo,) = plan_tables(at)  # no real area is in Wales
    assert set(demo["Area"]) == expected
    assert demo["Overdue"].tolist() == sorted(demo["Overdue"], reverse=True)


def test_improvement_plan_without_an_area_opens_on_every_plan(real_db, use_db):
    use_db(real_db)
    at = open_page(PLAN)
    assert at.title[0].value == "Plans across services"
    assert "choose **Your area**" in at.info[0].value
    at = open_page(PLAN, {"area": "Ealing"})
    assert at.title[0].value == "Improvement plan"
    assert {m.label: m.value for m in at.metric}["Actions"] == "50"


def test_the_chosen_areas_plan_is_one_click_away(real_db, use_db):
    use_db(real_db)
    at = open_page(PLANS, {"area": "Reading"})
    (link,) = [link for link in at.get("page_link") if link.proto.label.startswith("Open ")]
    assert link.proto.label == "Open Reading's improvement plan" and link.proto.page.endswith("plan")
    assert "area=Reading" in link.proto.query_string


def expected_ranking(db, comparison="Black children", stage="custody", threshold=10) -> tuple[list[str], list[str]]:
    areas = [a for (a,) in fetch(db, "SELECT name FROM areas WHERE is_demo ORDER BY name")]
    last_year = fetch(db, "SELECT max(start_year) FROM cohort_facts")[0][0]
    first_year = fetch(db, "SELECT min(start_year) FROM cohort_facts")[0][0]
    database = Database(db)
    try:
        counts = stage_counts_by_area(database.query, CohortScope(tuple(areas), first_year, last_year), "ethnicity")
    finally:
        database.close()
    table = by_area.rri_by_area(counts, comparison, stage, threshold)
    drawn = by_area.ranked(table, "RRI, highest first")["area"].tolist()
    return drawn, sorted(table.loc[table["status"] == by_area.WITHHELD, "area"])


def test_every_demo_areas_rri_for_black_children_in_custody_is_ranked_or_withheld(demo_db, use_db):
    use_db(demo_db)
    at = open_page(BY_AREA, {"demo": "true"})
    assert at.selectbox(key="group").value == "Black children" and at.selectbox(key="stage").value == "custody"
    drawn, withheld = expected_ranking(demo_db)
    missing = dataframe_with(at, "Area", "Not drawn", "Why")
    assert sorted(missing.loc[missing["Not drawn"] == "Withheld", "Area"]) == withheld
    if drawn:
        shown = dataframe_with(at, "Area", "RRI", "95% low", "95% high")
        assert shown["Area"].tolist() == drawn
        assert (shown["95% low"] <= shown["RRI"]).all() and (shown["RRI"] <= shown["95% high"]).all()
    assert any("No real area in scope has child-level cohort records" in c.value for c in at.caption)
    assert any(disclosure.ADJUSTED_NOTE in c.value for c in at.caption)  # its counts are perturbed, and it says so
    # The small test cohort pools too few Black children in custody for an index: it is withheld, and said so.
    assert any("The pooled index is withheld" in m.value for m in at.markdown)
    summary = next(m.value for m in at.markdown if "The pooled index is withheld" in m.value)
    if not drawn:  # nothing to rank: said plainly, not as "0 of 62 drawn: in 0 higher, in 0 lower"
        assert "None of the" in summary and "in 0" not in summary


def test_a_raised_threshold_another_group_and_stage_follow_the_link(demo_db, use_db):
    use_db(demo_db)
    at = open_page(
        BY_AREA,
        {"demo": "true"},
        stage=by_area.STAGE_LABELS["entered"],
        suppress="15",
        group="Children of mixed ethnicity",
    )
    assert at.selectbox(key="group").value == "Children of mixed ethnicity"
    assert at.selectbox(key="stage").value == "entered"
    drawn, withheld = expected_ranking(demo_db, "Children of mixed ethnicity", "entered", threshold=15)
    assert drawn, "the fixture has areas to draw at this stage"
    shown = dataframe_with(at, "Area", "RRI", "Children", "Of")
    assert shown["Area"].tolist() == drawn
    assert (shown["Children"].str.replace(",", "").astype(int) >= 15).all()  # nothing below the raised threshold
    missing = dataframe_with(at, "Area", "Not drawn", "Why")
    assert sorted(missing.loc[missing["Not drawn"] == "Withheld", "Area"]) == withheld


def test_the_page_says_so_when_no_area_has_cohort_records(real_db, use_db):
    use_db(real_db)
    at = open_page(BY_AREA)
    assert "no child-level cohort records" in at.info[0].value
    assert not at.get("plotly_chart") and not at.dataframe  # the page stops there
