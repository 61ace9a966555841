"""The ratings pages' logic against the seed inspections: explanations, extra Yes cases to lift a
standard, domain sub-scores, the matrix and national positions. Expected figures are worked by hand
from the seed key-question tables (Kingston and Richmond's counts; Ealing's % with samples of 13 and 20)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.support.dbcheck import fetch
from yjs.data.db import Database
from yjs.domain import ratings, rules

EVERYTHING = {
    "show_demo": True,
    "regions": [],
    "areas": [],
    "year_from": 1900,
    "year_to": 2100,
    "every": False,
    "frameworks": [],
    "overall_ratings": [],
}


def panels_of(db, area):
    database = Database(db)
    inspection_id = int(database.query("read/ratings/inspections_of_area", area=area)["inspection_id"].iloc[-1])
    standards = database.query("read/ratings/standards_of_inspection", inspection_id=inspection_id)
    questions = database.query("read/ratings/key_questions_of_inspection", inspection_id=inspection_id)
    return {panel.code: panel for panel in ratings.standard_panels(standards, questions)}


def test_kingston_and_richmond_3_2_is_inadequate_from_its_lowest_key_question(real_db):
    panel = panels_of(real_db, "Kingston and Richmond")["3.2"]
    assert [(q.number_yes, q.relevant_cases) for q in panel.questions] == [(4, 6), (3, 5), (1, 3)]
    assessment = panel.assessment
    assert assessment.band == rules.INADEQUATE and assessment.matches_band
    assert rules.explain(assessment).startswith(
        "3.2 Planning is Inadequate because its lowest key question, keeping other people safe, is 33% (1 of 3)"
    )
    # Requires improvement needs 50%: 2 of 3 on the lowest question; 4/6 and 3/5 already pass.
    assert panel.lift() == {1: 0, 2: 0, 3: 1}
    # Good needs 65%: 4 of 6 (66.7%) passes, 3 of 5 needs a 4th, 1 of 3 needs a 2nd (2 of 3 is 66.7%).
    assert panel.lift(rules.GOOD) == {1: 0, 2: 1, 3: 1}


def test_kingston_and_richmond_2_1_is_good_and_needs_cases_for_outstanding(real_db):
    panel = panels_of(real_db, "Kingston and Richmond")["2.1"]
    assert [(q.number_yes, q.relevant_cases) for q in panel.questions] == [(7, 8), (6, 8), (7, 8)]
    assert panel.rating == rules.GOOD
    assert panel.lift() == {1: 0, 2: 1, 3: 0}  # 80% of 8 is 6.4, so 7 Yes


def test_ealing_2_3_explains_its_rating_with_counts_inferred_from_the_published_percentages(real_db):
    panel = panels_of(real_db, "Ealing")["2.3"]
    assert [(q.pct_published, q.number_yes, q.relevant_cases, q.counts_inferred) for q in panel.questions] == [
        (62, 8, 13, True),
        (54, 7, 13, True),
        (62, 8, 13, True),
    ]
    assert rules.explain(panel.assessment).startswith(
        "2.3 Implementation and delivery is Requires improvement because its lowest key question, keeping the child "
        "safe, is 54% (7 of 13"
    )
    # Good needs 65% of 13 = 8.45, so 9 Yes on every question: +1, +2, +1.
    assert panel.lift() == {1: 1, 2: 2, 3: 1}


def test_standards_below_good_name_each_question_and_total_the_extra_cases(real_db):
    below = ratings.below_good(list(panels_of(real_db, "Ealing").values())).set_index("standard")
    expected_codes = [
        code
        for code, rating in fetch(
            real_db,
            "SELECT code, rating FROM standard_ratings JOIN inspections USING (inspection_id) "
            "WHERE area = 'Ealing' AND code <> '4.1' AND rating IN ('Inadequate', 'Requires improvement') "
            "ORDER BY code",
        )
    ]
    assert [s.split()[0] for s in below.index] == expected_codes
    row = below.loc["2.3 Implementation and delivery"]
    assert row["extra_cases"] == 4
    assert "keeping the child safe: 2 more Yes cases" in row["to_good"]
    assert below.loc["1.1 Governance and leadership", "to_good"] == "no key questions published"
    assert pd.isna(below.loc["1.1 Governance and leadership", "extra_cases"])


def test_a_standard_without_key_questions_has_no_assessment_or_lift(real_db):
    panel = panels_of(real_db, "Ealing")["1.1"]
    assert not panel.has_key_questions and panel.assessment is None and panel.lift() is None
    assert panel.rating == rules.REQUIRES_IMPROVEMENT


def test_domain_scores_add_up_to_the_published_score(real_db):
    long = Database(real_db).query("read/ratings/ratings_by_inspection_and_standard", **EVERYTHING)
    scores = ratings.domain_scores(long).pivot(index="area", columns="domain", values="score")
    assert scores.loc["Ealing"].tolist() == [7, 6, 4]
    assert scores.loc["Kingston and Richmond"].tolist() == [9, 11, 4]
    assert scores.sum(axis=1).to_dict() == dict(
        fetch(real_db, "SELECT area, score FROM inspection_summary WHERE standards_rated = 12")
    )
    assert "Reading" not in scores.index  # no standard ratings published


def test_matrix_has_one_row_per_inspection_and_sorts(demo_db):
    long = Database(demo_db).query("read/ratings/ratings_by_inspection_and_standard", **{**EVERYTHING, "every": True})
    wide = ratings.matrix(long)
    assert len(wide) == fetch(demo_db, "SELECT count(*) FROM inspections")[0][0]
    by_score = ratings.sort_matrix(wide, "Score")
    assert by_score["score"].dropna().is_monotonic_decreasing
    by_name = ratings.sort_matrix(wide, "Name")
    assert by_name["area"].tolist() == sorted(by_name["area"].tolist())
    scored, newer = ratings.split_frameworks(wide)
    assert set(newer["framework"]) == {2025} and set(scored["framework"]) <= {2018, 2021}
    labels = ratings.row_labels(wide, every=True)
    assert len(set(labels)) == len(labels), "every inspection needs its own row label"


def test_latest_per_area_and_filters_bind_as_parameters(demo_db):
    database = Database(demo_db)
    latest = ratings.matrix(database.query("read/ratings/ratings_by_inspection_and_standard", **EVERYTHING))
    assert latest["area"].is_unique
    good = database.query(
        "read/ratings/ratings_by_inspection_and_standard", **{**EVERYTHING, "overall_ratings": ["Good"]}
    )
    assert set(good["overall_rating"]) == {"Good"}
    hostile = database.query(
        "read/ratings/ratings_by_inspection_and_standard", **{**EVERYTHING, "areas": ["x' OR '1'='1"]}
    )
    assert hostile.empty


def test_differing_standards_ignore_unknown_ratings():
    wide = pd.DataFrame({"1.1": ["Good", "Good", None], "1.2": ["Good", "Inadequate", None]})
    assert ratings.differing_standards(wide) == ["1.2"]


@pytest.mark.parametrize(
    "score,scores,expected",
    [
        (24, [24, 17, 8], (1, 3, 100.0)),
        (17, [24, 17, 8], (2, 3, 50.0)),
        (8, [24, 17, 8], (3, 3, 0.0)),
        (20, [20, 20, 10, 30], (2, 4, 50.0)),  # tied areas share a rank; a tie counts half
    ],
)
def test_national_position(score, scores, expected):
    position = ratings.national_position(score, scores)
    assert (position.rank, position.of, position.percentile) == expected


def test_good_or_better_by_standard_matches_the_latest_ratings(real_db):
    shares = (
        Database(real_db)
        .query("read/ratings/good_or_better_by_standard", show_demo=False, regions=[], year_from=2018, year_to=2026)
        .set_index("code")
    )
    direct = dict(
        fetch(
            real_db,
            "SELECT code, count(*) FILTER (WHERE rating IN ('Good', 'Outstanding')) "
            "FROM standard_ratings GROUP BY code",
        )
    )
    assert shares["good_or_better"].to_dict() == {code: n for code, n in direct.items() if code in shares.index}
    # The four real ratings tables (three seed documents and East Sussex's Cabinet paper).
    assert shares.loc["3.2", "good_or_better"] == 0 and shares.loc["3.2", "rated"] == 4
    assert shares.loc["1.2", "pct_good_or_better"] == pytest.approx(75)


def test_ratings_by_year_counts_every_inspection_once(demo_db):
    counts = Database(demo_db).query(
        "read/ratings/inspections_by_year_and_rating", show_demo=True, regions=[], year_from=2018, year_to=2030
    )
    assert (
        counts["inspections"].sum()
        == fetch(demo_db, "SELECT count(*) FROM inspection_summary WHERE overall_rating IS NOT NULL")[0][0]
    )
