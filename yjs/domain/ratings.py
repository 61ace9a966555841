"""Inspection ratings shaped for the ratings pages: the matrix, one area's key-question panels,
domain sub-scores and where an area stands nationally. Pure functions over query results.

The scoring itself (bands, discretion, explanations, extra Yes cases) lives in `yjs.domain.rules`; this
module only gathers the rows each rule needs and lays out what the pages show.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from yjs.domain import rules
from yjs.domain.dates import publication_label

DOMAIN_NAMES = {1: "Organisational delivery", 2: "Court disposals", 3: "Out-of-court disposals", 4: "Resettlement"}
SCORED_DOMAINS = (1, 2, 3)
SORTS = {  # label -> (columns, ascending)
    "Score": (["score", "area"], [False, True]),
    "Name": (["area", "inspection_date"], [True, False]),
    "Region": (["region", "score", "area"], [True, False, True]),
    "Date": (["inspection_date", "area"], [False, True]),
}
INSPECTION_COLUMNS = [
    "inspection_id",
    "area",
    "region",
    "is_demo",
    "published",
    "fieldwork_start",
    "inspection_date",
    "framework",
    "overall_rating",
    "score",
    "standards_rated",
    "source",
]


def domain_of(code: str) -> int:
    return int(code.split(".")[0])


def inspection_label(row, *, with_area: bool = True) -> str:
    """'Ealing, Sep 2023': an inspection named by its area and month (fieldwork month if unpublished)."""
    when = publication_label(row["published"], row["fieldwork_start"])
    return f"{row['area']}, {when}" if with_area else when


def matrix(long: pd.DataFrame) -> pd.DataFrame:
    """One row per inspection, one column per standard code holding its rating."""
    inspections = long[INSPECTION_COLUMNS].drop_duplicates("inspection_id").set_index("inspection_id")
    rated = long.dropna(subset=["code"])
    ratings = rated.pivot(index="inspection_id", columns="code", values="rating")
    wide = inspections.join(ratings.reindex(columns=list(rules.ALL_STANDARDS)))
    return wide.reset_index()


def sort_matrix(wide: pd.DataFrame, by: str) -> pd.DataFrame:
    columns, ascending = SORTS[by]
    return wide.sort_values(columns, ascending=ascending, na_position="last", kind="stable").reset_index(drop=True)


def split_frameworks(wide: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The inspections that fit the twelve standards (2018, 2021) and those that do not (2025)."""
    scored = wide["framework"].map(rules.is_scored_framework).astype(bool)
    return wide[scored].reset_index(drop=True), wide[~scored].reset_index(drop=True)


def row_labels(wide: pd.DataFrame, *, every: bool) -> list[str]:
    """Unique labels for the matrix rows: the area, with its date when every inspection is shown.
    Real areas are in bold, so they stand out among demo ones."""
    labels = [inspection_label(row) if every else row["area"] for _, row in wide.iterrows()]
    return [label if demo else f"<b>{label}</b>" for label, demo in zip(labels, wide["is_demo"], strict=True)]


def differing_standards(wide: pd.DataFrame) -> list[str]:
    """Scored standards on which the rows that rate them do not all agree."""
    codes = [c for c in rules.SCORED_STANDARDS if c in wide]
    return [c for c in codes if wide[c].dropna().nunique() > 1]


# --- domain sub-scores and national position ------------------------------------------------------


def domain_scores(long: pd.DataFrame) -> pd.DataFrame:
    """Each inspection's score per domain (0-12), only where all four standards of the domain are rated."""
    rated = long.dropna(subset=["code"])
    rated = rated[rated["code"].isin(rules.SCORED_STANDARDS) & rated["rating"].isin(rules.RATINGS)]
    rated = rated.assign(domain=rated["code"].map(domain_of), points=rated["rating"].map(rules.score_from_rating))
    grouped = rated.groupby(["inspection_id", "area", "domain"], as_index=False).agg(
        score=("points", "sum"), standards=("points", "size")
    )
    grouped = grouped[grouped["standards"] == 4].drop(columns="standards")
    grouped["domain_name"] = grouped["domain"].map(DOMAIN_NAMES)
    grouped["max_score"] = 12
    return grouped


@dataclass(frozen=True)
class Position:
    rank: int  # 1 is the highest score; tied areas share a rank
    of: int
    percentile: float  # share of areas scoring lower, counting ties as half


def national_position(score: float, scores: list[float]) -> Position | None:
    if pd.isna(score) or not scores:
        return None
    higher = sum(s > score for s in scores)
    lower = sum(s < score for s in scores)
    ties = sum(s == score for s in scores) - 1  # the area itself is among the scores
    return Position(higher + 1, len(scores), round(100 * (lower + 0.5 * ties) / max(len(scores) - 1, 1), 0))


# --- key questions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StandardPanel:
    """What the profile shows for one standard: its rating and, where published, its key questions."""

    code: str
    name: str
    published: str | None
    questions: tuple[rules.KeyQuestion, ...] = ()
    source: str | None = None

    @property
    def has_key_questions(self) -> bool:
        return any(q.pct is not None for q in self.questions)

    @property
    def assessment(self) -> rules.StandardAssessment | None:
        if not self.has_key_questions:
            return None
        return rules.assess_standard(self.code, self.name, self.published, self.questions)

    @property
    def rating(self) -> str | None:
        """The published rating, else the band from the key questions."""
        assessment = self.assessment
        return self.published if self.published in rules.RATINGS else (assessment.band if assessment else None)

    def lift(self, target: str | None = None) -> dict[int, int | None] | None:
        """Extra Yes cases each key question needs for `target` (default: the rating above this one)."""
        rating = self.rating
        target = target or (rules.next_rating(rating) if rating else None)
        if target is None or not self.has_key_questions:
            return None
        return {q.question_no: rules.extra_yes_needed(q, target) for q in self.questions}


def key_questions_by_standard(frame: pd.DataFrame) -> dict[str, tuple[rules.KeyQuestion, ...]]:
    """Key questions per standard, with counts inferred from a rounded % and the domain's sample
    where exactly one count fits (Ealing published only percentages)."""
    grouped: dict[str, list[rules.KeyQuestion]] = {}
    for row in frame.itertuples(index=False):
        question = rules.KeyQuestion(
            int(row.question_no),
            row.theme,
            row.question,
            None if pd.isna(row.relevant_cases) else int(row.relevant_cases),
            None if pd.isna(row.number_yes) else int(row.number_yes),
            None if pd.isna(row.pct_yes) else float(row.pct_yes),
        )
        sample = None if pd.isna(row.cases_inspected) else int(row.cases_inspected)
        grouped.setdefault(row.standard_code, []).append(rules.with_inferred_counts(question, sample))
    return {code: tuple(questions) for code, questions in grouped.items()}


def standard_panels(standards: pd.DataFrame, key_questions: pd.DataFrame) -> list[StandardPanel]:
    by_code = key_questions_by_standard(key_questions)
    sources = key_questions.groupby("standard_code")["source"].first().to_dict() if not key_questions.empty else {}
    return [
        StandardPanel(
            row.code,
            row.name,
            None if pd.isna(row.rating) else row.rating,
            by_code.get(row.code, ()),
            sources.get(row.code),
        )
        for row in standards.itertuples(index=False)
    ]


def lift_label(needed: int | None, target: str) -> str:
    if needed is None:
        return f"cannot reach {target} on this sample"
    if needed == 0:
        return f"already at {target}'s threshold"
    return f"{needed} more Yes case{'s' if needed != 1 else ''}"


def below_good(panels: list[StandardPanel]) -> pd.DataFrame:
    """Standards rated below Good, with the extra Yes cases each key question needs to reach Good."""
    rows = []
    for panel in panels:
        if panel.rating not in (rules.INADEQUATE, rules.REQUIRES_IMPROVEMENT):
            continue
        needs = panel.lift(rules.GOOD)
        if needs is None:
            rows.append(
                {
                    "standard": f"{panel.code} {panel.name}",
                    "rating": panel.rating,
                    "to_good": "no key questions published",
                    "extra_cases": None,
                }
            )
            continue
        parts = [
            f"{rules.THEME_PHRASES.get(q.theme, q.question)}: {lift_label(needs[q.question_no], rules.GOOD)}"
            for q in panel.questions
            if needs[q.question_no] != 0
        ]
        known = [n for n in needs.values() if n is not None]
        total = sum(known) if len(known) == len(needs) else None
        rows.append(
            {
                "standard": f"{panel.code} {panel.name}",
                "rating": panel.rating,
                "to_good": "; ".join(parts) or "every key question already meets Good's threshold",
                "extra_cases": total,
            }
        )
    return pd.DataFrame(rows, columns=["standard", "rating", "to_good", "extra_cases"])


def key_question_table(panels: list[StandardPanel]) -> pd.DataFrame:
    """Every key question with its % Yes, band and the cases needed for the standard's next rating."""
    rows = []
    for panel in panels:
        lift = panel.lift() or {}
        target = rules.next_rating(panel.rating) if panel.rating else None
        for q in panel.questions:
            rows.append(
                {
                    "standard": panel.code,
                    "question": q.question,
                    "theme": q.theme,
                    "relevant_cases": q.relevant_cases,
                    "number_yes": q.number_yes,
                    "pct_yes": None if q.pct is None else round(q.pct, 1),
                    "counts": ("inferred" if q.counts_inferred else "published") if q.has_counts else "not published",
                    "band": None if q.pct is None else rules.band_from_pct(q.pct),
                    "next_rating": target,
                    "extra_yes_for_next": lift.get(q.question_no),
                    "source": panel.source,
                }
            )
    return pd.DataFrame(rows)


def ratings_table(standards: pd.DataFrame, overall_rating: str | None, score) -> pd.DataFrame:
    """The ratings laid out as HMIP lays them out: the overall result, then each domain with its standards."""
    rows = [
        {
            "code": "",
            "standard": "Overall",
            "rating": overall_rating or "not known",
            "score": "" if pd.isna(score) else f"{int(score)}/36",
        }
    ]
    for (domain, domain_name), members in standards.groupby(["domain", "domain_name"], sort=True):
        scored = members[members["is_scored"] & members["rating"].isin(rules.RATINGS)]
        complete = len(scored) == len(members[members["is_scored"]])
        subtotal = (
            f"{sum(rules.score_from_rating(r) for r in scored['rating'])}/{3 * len(scored)}"
            if complete and len(scored)
            else ("not scored" if not members["is_scored"].any() else "")
        )
        rows.append({"code": f"{domain}", "standard": f"{domain}. {domain_name}", "rating": "", "score": subtotal})
        rows += [
            {
                "code": r.code,
                "standard": f"{r.code} {r.name}",
                "rating": r.rating if pd.notna(r.rating) else "not published",
                "score": ""
                if not r.is_scored or r.rating not in rules.RATINGS
                else str(rules.score_from_rating(r.rating)),
            }
            for r in members.itertuples(index=False)
        ]
    return pd.DataFrame(rows)


def standard_names(long: pd.DataFrame) -> dict[tuple[int, str], str]:
    """(inspection, code) -> the standard's name in that inspection's framework, for hovers."""
    named = long.dropna(subset=["code"])
    return {(i, c): n for i, c, n in zip(named["inspection_id"], named["code"], named["standard_name"], strict=True)}


def matrix_table(wide: pd.DataFrame, *, standards: bool = True) -> pd.DataFrame:
    """The matrix as a plain table for reading and download, real and demo rows labelled."""
    table = pd.DataFrame(
        {
            "area": wide["area"],
            "region": wide["region"],
            "data": wide["is_demo"].map({True: "Demo", False: "Real"}),
            "inspection": [inspection_label(row, with_area=False) for _, row in wide.iterrows()],
            "framework": wide["framework"],
        }
    )
    if standards:
        for code in rules.ALL_STANDARDS:
            table[code] = wide[code]
    table["overall_rating"] = wide["overall_rating"]
    table["score"] = wide["score"].astype("Int64")
    table["source"] = wide["source"]
    return table


def positions_table(wide: pd.DataFrame, national: dict[bool, pd.DataFrame]) -> pd.DataFrame:
    """Each compared area's latest scored inspection ranked among the latest of its own kind."""
    rows = []
    for row in wide.itertuples(index=False):
        pool = national[bool(row.is_demo)]
        own = pool[pool["area"] == row.area]
        score = own["score"].iloc[0] if not own.empty else None
        position = national_position(score, pool["score"].tolist()) if score is not None else None
        rows.append(
            {
                "area": row.area,
                "data": "Demo" if row.is_demo else "Real",
                "score": None if score is None else int(score),
                "rank": f"{position.rank} of {position.of}" if position else "not scored",
                "percentile": position.percentile if position else None,
                "source": own["source"].iloc[0] if not own.empty else row.source,
            }
        )
    return pd.DataFrame(rows).astype({"score": "Int64"})


SUGGESTED_SIZE = 4


@dataclass(frozen=True)
class Suggestion:
    areas: list[str]
    reason: str


def suggested_comparison(latest: pd.DataFrame, area: str | None, size: int = SUGGESTED_SIZE) -> Suggestion:
    """What Compare areas shows before anyone chooses: `area` with its closest peers (in its region, of its kind,
    by latest score out of 36), or without one, the most recently inspected services that have a score.

    `latest` is each area's latest inspection (area, region, is_demo, inspection_date, score)."""
    scored = latest[latest["score"].notna()].sort_values(["inspection_date", "area"], ascending=[False, True])
    own = latest[latest["area"] == area]
    if own.empty:  # the latest with every standard's rating, so that the grid has something to compare
        full = scored[scored["standards_rated"] >= len(rules.SCORED_STANDARDS)]
        chosen = (full if len(full) >= 2 else scored).head(size)
        dates = [publication_label(p, f) for p, f in zip(chosen["published"], chosen["fieldwork_start"], strict=True)]
        span = dates[0] if len(set(dates)) == 1 else f"{dates[-1]} to {dates[0]}"
        which = "whose reports give every standard's rating" if len(full) >= 2 else "with a score out of 36"
        return Suggestion(
            chosen["area"].tolist(), f"the {len(chosen)} most recently inspected services {which} ({span})"
        )
    mine = own.iloc[0]
    peers = scored[(scored["area"] != area) & (scored["is_demo"] == mine["is_demo"])]
    in_region = peers[peers["region"] == mine["region"]]
    if pd.isna(mine["score"]):
        chosen = in_region.head(size - 1)
        how = f"the most recently inspected services in {mine['region']} with a score out of 36"
    else:
        distance = (in_region["score"] - mine["score"]).abs()
        chosen = in_region.assign(distance=distance).sort_values(
            ["distance", "inspection_date"], ascending=[True, False], kind="stable"
        )
        chosen = chosen.head(size - 1)
        how = f"the services in {mine['region']} whose latest score is closest to its {int(mine['score'])}/36"
    return Suggestion([area, *chosen["area"].tolist()], f"{area} and {how}")


def areas_to_open(latest: pd.DataFrame, size: int = 8) -> pd.DataFrame:
    """A short list for a first visit to an area's profile: the areas whose latest inspection gives every
    standard's rating (the fullest profiles), then the most recently inspected; each with its latest outcome."""
    ordered = latest.assign(full=latest["standards_rated"] >= len(rules.SCORED_STANDARDS)).sort_values(
        ["full", "inspection_date", "area"], ascending=[False, False, True]
    )
    rows = ordered.head(size)
    notes = [
        f"{rating or 'rating not known'}"
        + ("" if pd.isna(score) else f", {int(score)}/36")
        + f" ({publication_label(published, fieldwork)})"
        + ("; every standard's rating" if full else "")
        for rating, score, published, fieldwork, full in zip(
            rows["overall_rating"], rows["score"], rows["published"], rows["fieldwork_start"], rows["full"], strict=True
        )
    ]
    return pd.DataFrame({"area": rows["area"].tolist(), "note": notes})
