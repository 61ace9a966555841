"""HMIP scoring rules for the 2018 and 2021 youth justice frameworks, as pure functions.

Sources: the methodology annex of the Kingston and Richmond report (seed 004) and HMIP's
published rules: a standard scores Outstanding 3, Good 2, Requires improvement 1,
Inadequate 0; the overall score is the sum over the twelve standards 1.1-3.4 (4.1,
resettlement, never counts); a domain 2/3 standard's rating is the band of its lowest key
question, which a ratings panel may override with professional discretion.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

INADEQUATE = "Inadequate"
REQUIRES_IMPROVEMENT = "Requires improvement"
GOOD = "Good"
OUTSTANDING = "Outstanding"
NOT_RATED = "Not rated"

RATINGS = (INADEQUATE, REQUIRES_IMPROVEMENT, GOOD, OUTSTANDING)  # worst to best
SHORT_LABELS = {INADEQUATE: "Inad", REQUIRES_IMPROVEMENT: "RI", GOOD: "Good", OUTSTANDING: "Outst"}

SCORED_STANDARDS = (
    "1.1",
    "1.2",
    "1.3",
    "1.4",
    "2.1",
    "2.2",
    "2.3",
    "2.4",
    "3.1",
    "3.2",
    "3.3",
    "3.4",
)
RESETTLEMENT = "4.1"
ALL_STANDARDS = SCORED_STANDARDS + (RESETTLEMENT,)
MAX_SCORE = 3 * len(SCORED_STANDARDS)

# Overall score bands: the lowest score of each rating.
OVERALL_BAND_FLOORS = ((31, OUTSTANDING), (19, GOOD), (7, REQUIRES_IMPROVEMENT), (0, INADEQUATE))
# Key-question bands: the lowest % Yes of each rating (under 50 is Inadequate).
KEY_QUESTION_THRESHOLDS = {REQUIRES_IMPROVEMENT: 50.0, GOOD: 65.0, OUTSTANDING: 80.0}
FRAMEWORKS = (2018, 2021, 2025)
# When each framework took over, by fieldwork start; reports follow fieldwork by about three months.
FRAMEWORK_STARTS = ((2025, dt.date(2025, 4, 1)), (2021, dt.date(2021, 7, 1)), (2018, dt.date(2018, 1, 1)))
PUBLICATION_LAG = dt.timedelta(days=92)
THEME_PHRASES = {
    "desistance": "supporting the child's desistance",
    "child safety": "keeping the child safe",
    "others' safety": "keeping other people safe",
}
DISCRETION_MARGIN = 5.0
DISCRETION_SMALL_SAMPLE = 5


def normalise_rating(text: str | None) -> str | None:
    """Map free text ('good', 'Outstanding ☆', 'requires  improvement*') to a rating, or None if blank.

    Raises ValueError for text that is not a rating.
    """
    if text is None:
        return None
    cleaned = " ".join(str(text).replace("☆", "").replace("*", "").split()).strip().lower()
    if not cleaned or cleaned == "nan":
        return None
    for rating in RATINGS + (NOT_RATED,):
        if cleaned == rating.lower():
            return rating
    raise ValueError(f"'{text}' is not a rating (expected one of: {', '.join(RATINGS)})")


def infer_framework(fieldwork_start: dt.date | None, published: dt.date | None) -> int:
    """The framework an inspection was held under, from its dates (2018 before mid-2021, 2025 from spring 2025)."""
    when = fieldwork_start or (published - PUBLICATION_LAG if published else None)
    if when is None:
        raise ValueError("an inspection needs a fieldwork start or a publication date")
    return next((framework for framework, start in FRAMEWORK_STARTS if when >= start), 2018)


def is_scored_framework(framework: int) -> bool:
    """Only the 2018 and 2021 frameworks rate the twelve standards and score out of 36."""
    return framework in (2018, 2021)


def score_from_rating(rating: str) -> int:
    return RATINGS.index(rating)


def rating_from_score(score: int) -> str:
    """The rating a single standard's 0-3 score stands for."""
    return RATINGS[score]


def overall_score(ratings: Mapping[str, str | None]) -> int | None:
    """Sum of the twelve scored standards, or None unless all twelve are rated."""
    values = [ratings.get(code) for code in SCORED_STANDARDS]
    if any(value not in RATINGS for value in values):
        return None
    return sum(score_from_rating(value) for value in values)


def overall_band(score: int) -> str:
    if not 0 <= score <= MAX_SCORE:
        raise ValueError(f"score {score} is outside 0-{MAX_SCORE}")
    return next(rating for floor, rating in OVERALL_BAND_FLOORS if score >= floor)


def band_from_pct(pct: float) -> str:
    rating = INADEQUATE
    for candidate, threshold in KEY_QUESTION_THRESHOLDS.items():
        if pct >= threshold:
            rating = candidate
    return rating


def next_rating(rating: str) -> str | None:
    index = RATINGS.index(rating)
    return RATINGS[index + 1] if index + 1 < len(RATINGS) else None


@dataclass(frozen=True)
class KeyQuestion:
    question_no: int
    theme: str
    question: str
    relevant_cases: int | None = None
    number_yes: int | None = None
    pct_published: float | None = None
    counts_inferred: bool = False

    @property
    def pct(self) -> float | None:
        if self.relevant_cases:
            return 100.0 * self.number_yes / self.relevant_cases
        return self.pct_published

    @property
    def has_counts(self) -> bool:
        return bool(self.relevant_cases) and self.number_yes is not None


def infer_counts(pct_published: float, sample_size: int) -> int | None:
    """The number of Yes cases out of `sample_size` that rounds to the published whole %.

    HMIP sometimes publishes only a rounded % and the sample size; the count is recoverable
    when exactly one whole number of cases rounds to it. None when none or several do.
    """
    matches = [k for k in range(sample_size + 1) if _round_half_up(100 * k / sample_size) == pct_published]
    return matches[0] if len(matches) == 1 else None


def _round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def with_inferred_counts(question: KeyQuestion, sample_size: int | None) -> KeyQuestion:
    if question.has_counts or question.pct_published is None or not sample_size:
        return question
    yes = infer_counts(question.pct_published, sample_size)
    if yes is None:
        return question
    return KeyQuestion(
        question.question_no,
        question.theme,
        question.question,
        sample_size,
        yes,
        question.pct_published,
        counts_inferred=True,
    )


def lowest_question(questions: Sequence[KeyQuestion]) -> KeyQuestion:
    scored = [q for q in questions if q.pct is not None]
    if not scored:
        raise ValueError("no key question has a % Yes")
    return min(scored, key=lambda q: q.pct)


def standard_band(questions: Sequence[KeyQuestion]) -> str:
    return band_from_pct(lowest_question(questions).pct)


def extra_yes_needed(question: KeyQuestion, target: str) -> int | None:
    """Extra Yes cases this question needs to reach `target`'s threshold.

    0 when it already does; None when the counts are unknown or even all Yes would not reach it.
    """
    threshold = KEY_QUESTION_THRESHOLDS.get(target)
    if threshold is None:
        return 0
    if not question.has_counts:
        return None
    needed = math.ceil(threshold * question.relevant_cases / 100 - 1e-9) - question.number_yes
    needed = max(needed, 0)
    return needed if question.number_yes + needed <= question.relevant_cases else None


def discretion_reasons(questions: Sequence[KeyQuestion]) -> list[str]:
    """Why HMIP's rules would let a ratings panel depart from the band (empty: they would not)."""
    lowest = lowest_question(questions)
    reasons = []
    boundaries = sorted(KEY_QUESTION_THRESHOLDS.values())
    near = [b for b in boundaries if abs(lowest.pct - b) <= DISCRETION_MARGIN]
    if near:
        reasons.append(
            f"lowest key question ({lowest.pct:.0f}%) is within {DISCRETION_MARGIN:.0f} points "
            f"of the {near[0]:.0f}% boundary"
        )
    if lowest.has_counts:
        band = band_from_pct(lowest.pct)
        n, yes = lowest.relevant_cases, lowest.number_yes
        neighbours = [100 * k / n for k in (yes - 1, yes + 1) if 0 <= k <= n]
        if any(band_from_pct(p) != band for p in neighbours):
            reasons.append("a different judgement in one case would change the band")
        if n <= DISCRETION_SMALL_SAMPLE:
            reasons.append(f"the rating rests on {n} cases (five or fewer)")
    return reasons


@dataclass(frozen=True)
class StandardAssessment:
    code: str
    name: str
    published: str | None
    band: str
    lowest: KeyQuestion
    discretion: list[str]

    @property
    def matches_band(self) -> bool:
        return self.published in (None, self.band)

    @property
    def discretion_applied(self) -> bool:
        return not self.matches_band and bool(self.discretion)

    @property
    def unexplained(self) -> bool:
        return not self.matches_band and not self.discretion


def assess_standard(
    code: str, name: str, published: str | None, questions: Sequence[KeyQuestion]
) -> StandardAssessment:
    return StandardAssessment(
        code, name, published, standard_band(questions), lowest_question(questions), discretion_reasons(questions)
    )


def describe_counts(question: KeyQuestion) -> str:
    if not question.has_counts:
        return f"{question.pct:.0f}%"
    inferred = ", inferred from the published % and sample" if question.counts_inferred else ""
    return f"{question.pct:.0f}% ({question.number_yes} of {question.relevant_cases}{inferred})"


def explain(assessment: StandardAssessment) -> str:
    """Plain-English account of a standard's rating, in the words a board paper would use."""
    rating = assessment.published or assessment.band
    lowest = assessment.lowest
    theme = THEME_PHRASES.get(lowest.theme, lowest.question)
    text = (
        f"{assessment.code} {assessment.name} is {rating} because its lowest key question, "
        f"{theme}, is {describe_counts(lowest)}"
    )
    if assessment.discretion_applied:
        text += (
            f". The band from the key questions is {assessment.band}; the published rating differs "
            f"through professional discretion ({'; '.join(assessment.discretion)})"
        )
    elif assessment.unexplained:
        text += (
            f". The band from the key questions is {assessment.band}, and HMIP's discretion rules "
            "do not obviously explain the difference"
        )
    return text + "."


def lift_to_next_band(questions: Sequence[KeyQuestion], band: str) -> dict[int, int | None] | None:
    """Extra Yes cases each key question needs for the standard to reach the next band.

    None at Outstanding; per question None where counts are unknown or it cannot get there.
    """
    target = next_rating(band)
    if target is None:
        return None
    return {q.question_no: extra_yes_needed(q, target) for q in questions}


def scored_ratings_complete(ratings: Iterable[str | None]) -> bool:
    return all(r in RATINGS for r in ratings)
