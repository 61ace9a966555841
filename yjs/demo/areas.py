"""Deterministic demo data for what no public data can supply: many areas, child-level cohorts.

Every area here is invented (no real YJS is named), flagged `is_demo`, and every row carries
`source = 'demo'`. A fixed seed makes two builds identical, so screenshots and tests are stable.
Ratings of court and out-of-court standards are derived from generated key-question counts by
the same rules HMIP uses, with the occasional discretionary rating where the rules allow it.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from yjs.data.db import execute
from yjs.demo.common import ETHNICITIES, SOURCE, TODAY, reserve_ids, seeded_rng
from yjs.domain import rules
from yjs.domain.geography import country_of

DEMO_AREAS = {
    "North East": ["Hollowfirth", "Kestrel Moor", "Ravensgill Vale", "Tarnwick", "Aldermouth", "Coalbeck Ridge"],
    "North West": ["Merrowdale", "Thistlebank", "Pikefell", "Gorsewater", "Lanternfold", "Windermoor"],
    "Yorkshire and The Humber": [
        "Heatherholme",
        "Wolds End",
        "Millstone Vale",
        "Rookwith",
        "Brackendale Cross",
        "Gritstone",
    ],
    "East Midlands": ["Quarrydown", "Mardle Fen", "Larchmoor", "Hemlock Cross", "Sheaf Valley", "Trentbrook"],
    "West Midlands": ["Forgebury", "Nailsmith", "Coppice Vale", "Marlpit", "Brookhollow", "Cinderhill"],
    "East of England": ["Fenmarch", "Reedmere Vale", "Oysterwick", "Samphire Coast", "Flintmere", "Barley Downs"],
    "London": ["Thamesreach", "Larkspur", "Quillbridge", "Marrowgate", "Tansy Fields", "Copperwick", "Lantern Hill"],
    "South East": ["Chalkdown", "Hopgarden", "Wealdmere", "Downsreach", "Orchard Wold", "Beacon Ridge", "Shinglebay"],
    "South West": ["Tinmoor", "Granite Coast", "Ciderbrook", "Moorcombe", "Serpentine Point", "Clayhithe"],
    "Wales": ["Cwm Arian", "Bryn Tawel", "Llynmawr", "Porth Eithin", "Afon Glas", "Bro Derwen"],
}
# Shares of the 10-17 population (White, Black, Asian, Mixed, Other): London differs most.
POPULATION_MIX = {"London": (0.42, 0.18, 0.22, 0.12, 0.06), "default": (0.80, 0.03, 0.09, 0.06, 0.02)}
SEXES = ("Male", "Female")
AGE_BANDS = {"10-13": (10, 13), "14-15": (14, 15), "16-17": (16, 17)}
THEMES = (
    ("desistance", "supporting the child's desistance"),
    ("child safety", "keeping the child safe"),
    ("others' safety", "keeping other people safe"),
)
QUESTION_STEMS = {
    "1": "Assessment sufficiently analyses how to",
    "2": "Planning focuses sufficiently on",
    "3": "Implementation and delivery of services effectively support",
    "4": "Reviewing focuses sufficiently on",
}
RECOMMENDATIONS = (
    ("YJS management board", "review its membership so that partners are represented at the right level of seniority"),
    ("YJS management board", "make sure that data and management information are accurate and support decisions"),
    ("YJS management board", "understand and address the over-representation of Black and mixed heritage children"),
    ("Head of service", "improve the quality of assessment and planning to keep children and other people safe"),
    ("Head of service", "make sure management oversight is consistent and recorded"),
    ("Head of service", "strengthen contingency planning for children's safety and wellbeing"),
    ("Police", "review out-of-court disposal arrangements so that they support diversion"),
    ("Health (integrated care board)", "improve timely access to speech and language therapy"),
)


def area_table() -> pd.DataFrame:
    rows = []
    for r_index, (region, names) in enumerate(DEMO_AREAS.items()):
        for a_index, name in enumerate(names):
            rng = seeded_rng(1, r_index, a_index)
            rows.append(
                {
                    "name": name,
                    "region": region,
                    "country": country_of(region),
                    "local_authorities": [f"{name} Council"],
                    "population_10_17": int(rng.integers(9_000, 62_000)),
                    "population_year": 2024,
                    "aliases": [],
                    "is_demo": True,
                    "source": SOURCE,
                }
            )
    return pd.DataFrame(rows)


def _key_questions(rng: np.random.Generator, quality: float, sample: int, code: str) -> list[rules.KeyQuestion]:
    questions = []
    for number, (theme, phrase) in enumerate(THEMES, start=1):
        relevant = sample if number == 1 else max(2, int(sample * rng.uniform(0.6, 1.0)))
        p = float(np.clip(0.80 + 0.09 * quality + rng.normal(0, 0.06), 0.3, 1.0))
        yes = int(rng.binomial(relevant, p))
        questions.append(rules.KeyQuestion(number, theme, f"{QUESTION_STEMS[code[-1]]} {phrase}?", relevant, yes))
    return questions


def _rate_standard(rng, questions) -> str:
    band = rules.standard_band(questions)
    if rules.discretion_reasons(questions) and rng.random() < 0.15:  # a panel's discretion, sometimes
        index = rules.RATINGS.index(band) + (1 if rng.random() < 0.5 else -1)
        return rules.RATINGS[min(max(index, 0), 3)]
    return band


def _inspection(rng, inspection_id: int, area: str, quality: float, fieldwork: dt.date, framework: int):
    """One inspection's rows: inspection, ratings, key questions, samples, recommendations."""
    ratings, key_rows, samples = {}, [], []
    for code in ("1.1", "1.2", "1.3", "1.4"):
        ratings[code] = rules.RATINGS[int(np.clip(round(1.7 + 0.7 * quality + rng.normal(0, 0.5)), 0, 3))]
    for domain, sample in ((2, int(rng.integers(8, 31))), (3, int(rng.integers(6, 26)))):
        samples.append(
            {
                "inspection_id": inspection_id,
                "domain": domain,
                "cases_inspected": sample,
                "note": None,
                "source": SOURCE,
            }
        )
        for code in (f"{domain}.1", f"{domain}.2", f"{domain}.3") + ((f"{domain}.4",) if domain == 2 else ()):
            questions = _key_questions(rng, quality, sample, code)
            ratings[code] = _rate_standard(rng, questions)
            key_rows += [
                {
                    "inspection_id": inspection_id,
                    "standard_code": code,
                    "question_no": q.question_no,
                    "theme": q.theme,
                    "question": q.question,
                    "relevant_cases": q.relevant_cases,
                    "number_yes": q.number_yes,
                    "pct_yes": None,
                    "source": SOURCE,
                }
                for q in questions
            ]
    ratings["3.4"] = rules.RATINGS[int(np.clip(round(1.6 + 0.7 * quality + rng.normal(0, 0.5)), 0, 3))]
    if framework == 2021:
        ratings["4.1"] = (
            rules.NOT_RATED if rng.random() < 0.2 else rules.RATINGS[int(np.clip(round(1.8 + quality), 0, 3))]
        )
    score = rules.overall_score(ratings)
    published = fieldwork + dt.timedelta(days=int(rng.integers(70, 110)))
    inspection = {
        "inspection_id": inspection_id,
        "area": area,
        "fieldwork_start": fieldwork,
        "published": published,
        "framework": framework,
        "overall_rating": rules.overall_band(score),
        "score": score,
        "source": SOURCE,
    }
    names = {
        "3.4": "Joint working" if framework == 2018 else "Out-of-court disposal policy and provision",
        "4.1": "Resettlement policy and provision",
    }
    rating_rows = [
        {"inspection_id": inspection_id, "code": c, "name": names.get(c, ""), "rating": r, "source": SOURCE}
        for c, r in ratings.items()
    ]
    picks = rng.choice(len(RECOMMENDATIONS), size=int(rng.integers(4, 8)), replace=False)
    recs = [
        {
            "inspection_id": inspection_id,
            "number": n,
            "addressee": RECOMMENDATIONS[i][0],
            "text": RECOMMENDATIONS[i][1],
            "source": SOURCE,
        }
        for n, i in enumerate(sorted(picks, key=lambda i: RECOMMENDATIONS[i][0]), start=1)
    ]
    return inspection, rating_rows, key_rows, samples, recs


def inspections(con, areas: pd.DataFrame) -> pd.DataFrame:
    standard_names = {
        code: name
        for framework, code, name in execute(con, "read/ratings/standard_names").fetchall()
        if framework == 2021
    }
    ids = iter(reserve_ids(con, "inspection", 3 * len(areas)))
    tables = {"inspections": [], "standard_ratings": [], "key_questions": [], "case_samples": [], "recommendations": []}
    for index, area in enumerate(areas.itertuples(index=False)):
        rng = seeded_rng(2, index)
        quality = float(rng.normal(0, 1))
        visits = []
        if rng.random() < 0.55:
            visits.append((dt.date(2018, 9, 1) + dt.timedelta(days=int(rng.integers(0, 900))), 2018))
        visits.append((dt.date(2021, 9, 1) + dt.timedelta(days=int(rng.integers(0, 1240))), 2021))
        for fieldwork, framework in visits:
            parts = _inspection(rng, next(ids), area.name, quality + float(rng.normal(0, 0.4)), fieldwork, framework)
            for table, rows in zip(tables, (parts[0:1], *parts[1:]), strict=True):
                tables[table] += rows
        if rng.random() < 0.15:  # a few inspected under the 2025 framework: an overall rating only
            fieldwork = dt.date(2025, 5, 1) + dt.timedelta(days=int(rng.integers(0, 420)))
            tables["inspections"].append(
                {
                    "inspection_id": next(ids),
                    "area": area.name,
                    "fieldwork_start": fieldwork,
                    "published": min(fieldwork + dt.timedelta(days=90), TODAY),
                    "framework": 2025,
                    "overall_rating": rules.RATINGS[int(np.clip(round(1.6 + quality), 0, 3))],
                    "score": None,
                    "source": SOURCE,
                }
            )
    for row in tables["standard_ratings"]:
        row["name"] = row["name"] or standard_names[row["code"]]
    for table, rows in tables.items():
        con.append(table, pd.DataFrame(rows), by_name=True)
    return pd.DataFrame(tables["inspections"])


def population(areas: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for index, area in enumerate(areas.itertuples(index=False)):
        rng = seeded_rng(3, index)
        mix = np.array(POPULATION_MIX.get(area.region, POPULATION_MIX["default"]))
        mix = rng.dirichlet(mix * 60)
        for e_index, ethnicity in enumerate(ETHNICITIES):
            for sex, sex_share in zip(SEXES, (0.512, 0.488), strict=True):
                for band, band_share in zip(AGE_BANDS, (0.5, 0.25, 0.25), strict=True):
                    rows.append(
                        {
                            "area": area.name,
                            "year": 2024,
                            "ethnicity": ethnicity,
                            "sex": sex,
                            "age_band": band,
                            "count": int(round(area.population_10_17 * mix[e_index] * sex_share * band_share)),
                            "share": None,
                            "source": SOURCE,
                        }
                    )
    return pd.DataFrame(rows)
