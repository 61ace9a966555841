"""HMIP scoring rules, with worked examples from the seed reports."""

import datetime as dt

import pytest

from yjs.domain import rules
from yjs.domain.rules import GOOD, INADEQUATE, OUTSTANDING, REQUIRES_IMPROVEMENT, KeyQuestion


def kq(no, relevant=None, yes=None, pct=None, theme=None):
    themes = {1: "desistance", 2: "child safety", 3: "others' safety"}
    return KeyQuestion(no, theme or themes.get(no, "other"), f"question {no}", relevant, yes, pct)


@pytest.mark.parametrize("rating,score", [(INADEQUATE, 0), (REQUIRES_IMPROVEMENT, 1), (GOOD, 2), (OUTSTANDING, 3)])
def test_rating_score_round_trip(rating, score):
    assert rules.score_from_rating(rating) == score
    assert rules.rating_from_score(score) == rating


@pytest.mark.parametrize(
    "score,band",
    [
        (0, INADEQUATE),
        (6, INADEQUATE),
        (7, REQUIRES_IMPROVEMENT),
        (18, REQUIRES_IMPROVEMENT),
        (19, GOOD),
        (30, GOOD),
        (31, OUTSTANDING),
        (36, OUTSTANDING),
    ],
)
def test_overall_band_boundaries(score, band):
    assert rules.overall_band(score) == band


@pytest.mark.parametrize("score", [-1, 37])
def test_overall_band_rejects_impossible_scores(score):
    with pytest.raises(ValueError):
        rules.overall_band(score)


def test_overall_score_of_kingston_and_richmond_2021_is_24():
    # seed 004, Ratings: Good x3, Outstanding (1.4), Good, Outstanding x3, Good, Inadequate x2, Good.
    ratings = dict(
        zip(
            rules.SCORED_STANDARDS,
            [
                GOOD,
                GOOD,
                GOOD,
                OUTSTANDING,
                GOOD,
                OUTSTANDING,
                OUTSTANDING,
                OUTSTANDING,
                GOOD,
                INADEQUATE,
                INADEQUATE,
                GOOD,
            ],
            strict=True,
        )
    )
    assert rules.overall_score(ratings) == 24
    assert rules.overall_band(24) == GOOD


def test_resettlement_never_counts_and_missing_standards_give_no_score():
    ratings = dict.fromkeys(rules.SCORED_STANDARDS, GOOD)
    assert rules.overall_score({**ratings, "4.1": INADEQUATE}) == 24
    assert rules.overall_score({**ratings, "4.1": OUTSTANDING}) == 24
    del ratings["2.3"]
    assert rules.overall_score(ratings) is None


@pytest.mark.parametrize(
    "pct,band",
    [
        (0, INADEQUATE),
        (49.9, INADEQUATE),
        (50, REQUIRES_IMPROVEMENT),
        (64.9, REQUIRES_IMPROVEMENT),
        (65, GOOD),
        (79.9, GOOD),
        (80, OUTSTANDING),
        (100, OUTSTANDING),
    ],
)
def test_key_question_bands(pct, band):
    assert rules.band_from_pct(pct) == band


def test_seed_004_worked_examples():
    # 3.2 planning (out of court) 4/6, 3/5, 1/3 -> lowest 33% -> Inadequate
    planning = [kq(1, 6, 4), kq(2, 5, 3), kq(3, 3, 1)]
    assert rules.standard_band(planning) == INADEQUATE
    assert rules.lowest_question(planning).question_no == 3
    # 2.1 assessment (court) 7/8, 6/8, 7/8 -> lowest 75% -> Good
    assert rules.standard_band([kq(1, 8, 7), kq(2, 8, 6), kq(3, 8, 7)]) == GOOD


def test_normalise_rating_accepts_case_star_and_spacing():
    assert rules.normalise_rating("outstanding ☆") == OUTSTANDING
    assert rules.normalise_rating(" Requires  improvement* ") == REQUIRES_IMPROVEMENT
    assert rules.normalise_rating("") is None
    assert rules.normalise_rating("not rated") == rules.NOT_RATED
    with pytest.raises(ValueError, match="not a rating"):
        rules.normalise_rating("Excellent")


@pytest.mark.parametrize(
    "relevant,yes,target,needed",
    [
        (13, 7, GOOD, 2),  # 7/13 = 54% -> 9/13 = 69% reaches 65%
        (13, 9, OUTSTANDING, 2),  # 9/13 = 69% -> 11/13 = 85%
        (10, 5, GOOD, 2),  # exactly 65% counts as reaching the band
        (20, 16, OUTSTANDING, 0),  # already there
        (3, 1, REQUIRES_IMPROVEMENT, 1),
    ],
)
def test_extra_yes_needed(relevant, yes, target, needed):
    assert rules.extra_yes_needed(kq(2, relevant, yes), target) == needed


def test_extra_yes_needed_is_unknown_without_counts():
    assert rules.extra_yes_needed(kq(2, pct=54), GOOD) is None


def test_lift_to_next_band_names_each_question():
    questions = [kq(1, 13, 8), kq(2, 13, 7), kq(3, 13, 8)]  # 62%, 54%, 62% -> Requires improvement
    assert rules.lift_to_next_band(questions, REQUIRES_IMPROVEMENT) == {1: 1, 2: 2, 3: 1}
    assert rules.lift_to_next_band(questions, OUTSTANDING) is None


@pytest.mark.parametrize("pct,sample,expected", [(54, 13, 7), (62, 13, 8), (45, 20, 9), (85, 13, 11), (33, 7, None)])
def test_infer_counts_from_a_rounded_percentage(pct, sample, expected):
    assert rules.infer_counts(pct, sample) == expected


def test_discretion_reasons():
    # 54%: within five points of the 50% boundary, and 6/13 = 46% would change the band.
    near = rules.discretion_reasons([kq(1, 13, 9), kq(2, 13, 7)])
    assert any("within 5 points" in r for r in near)
    assert any("one case" in r for r in near)
    # 3 relevant cases: a small sub-sample.
    assert any("five or fewer" in r for r in rules.discretion_reasons([kq(3, 3, 1)]))
    # 72% of 25 (18/25): far from any boundary, a one-case change keeps the band, a large sample.
    assert rules.discretion_reasons([kq(1, 25, 18)]) == []


def test_assessment_flags_discretion_only_when_the_rules_allow_it():
    allowed = rules.assess_standard("2.3", "Implementation and delivery", GOOD, [kq(1, 13, 9), kq(2, 13, 8)])
    assert allowed.band == REQUIRES_IMPROVEMENT and allowed.discretion_applied and not allowed.unexplained
    not_allowed = rules.assess_standard("2.3", "Implementation and delivery", OUTSTANDING, [kq(1, 25, 18)])
    assert not_allowed.unexplained and not not_allowed.discretion_applied


def test_explanation_in_plain_english():
    questions = [rules.with_inferred_counts(kq(n, pct=p), 13) for n, p in ((1, 62), (2, 54), (3, 62))]
    assessment = rules.assess_standard("2.3", "Implementation and delivery", REQUIRES_IMPROVEMENT, questions)
    text = rules.explain(assessment)
    assert text.startswith(
        "2.3 Implementation and delivery is Requires improvement because its lowest key "
        "question, keeping the child safe, is 54% (7 of 13"
    )


@pytest.mark.parametrize(
    "fieldwork,published,framework",
    [
        (dt.date(2020, 9, 21), None, 2018),
        (dt.date(2022, 4, 1), None, 2021),
        (dt.date(2024, 9, 1), None, 2021),
        (dt.date(2025, 6, 1), None, 2025),
        (None, dt.date(2021, 1, 1), 2018),
        (None, dt.date(2023, 9, 1), 2021),
    ],
)
def test_infer_framework(fieldwork, published, framework):
    assert rules.infer_framework(fieldwork, published) == framework
