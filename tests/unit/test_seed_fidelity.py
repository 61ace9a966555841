"""Fidelity of the seed transcriptions (issue 14, section 5): what a careful reader of the documents
found wrong or missing. Expected words and figures are quoted from the documents (file and line),
so the tests stand without ../shared; where the documents are beside the clone, the quotes are also
checked against them."""

from __future__ import annotations

import pytest

from tests.support.dbcheck import fetch
from tests.unit.test_seed_data import SHARED_SEEDS, normalised, seed_text
from yjs.data import context
from yjs.data.db import Database

READING = "000_d27d74820b3d765e.txt"
BUCKINGHAMSHIRE = "003_e95e80f8907431f1.txt"
KINGSTON = "004_bb1d0496220a2531.txt"
# The same documents as a reader sees them named (data/seed/documents.csv).
BUCKINGHAMSHIRE_TITLE = (
    "Buckinghamshire Youth Offending Service: HMIP inspection progress update one year on (January 2024)"
)
KINGSTON_TITLE = (
    "HM Inspectorate of Probation: An inspection of youth offending services in Kingston and Richmond (January 2021)"
)

# Nine of Reading's 36 actions ran on across a page break; each phrase below is the part after the
# break (000, the line given), which the first transcription lost.
READING_RUN_ONS = [
    ("P1.4", "measures", "Evidence of impact for individual children from black and global majority/GRT backgrounds"),
    ("P1.6", "measures", "follow up session to the training to ensure consistent understanding of key messages"),
    ("P1.6", "measures", "Further workshops offered for board members for operationalising child first"),  # 48
    ("P2.5", "measures", "Explore the feasibility of a student pathway"),  # 73
    ("P4.1", "measures", "Priorities to develop a sentence planning process for multi-agency case formulation"),  # 107
    ("P4.5", "measures", "Review management oversight guidance and template for management oversight."),  # 114, 116
    ("P4.7", "finding", "lacked clarity on victim consent levels and engagements with community resolutions."),  # 120
    ("P4.11", "finding", "quality of assessment and plans in relation to keeping children and others safe"),  # 124, 126
    ("P4.11", "measures", "Agreed set of standard checks to be completed for all new cases"),  # 126
    (
        "P4.12",
        "finding",
        "children assessed as high or very high safety and well-being concerns and/or risk to others.",
    ),
    ("P4.12", "measures", "introduce Multi-agency risk management panel to replace case planning forums"),  # 127, 129
    ("P4.13", "measures", "Standardised process for multi-agency checks with Police and other partners."),  # 132
    ("P4.13", "measures", "Ensuring contingency plans are robust."),  # 132
]


@pytest.mark.parametrize("ref, column, phrase", READING_RUN_ONS)
def test_reading_actions_cut_at_a_page_break_read_in_full(real_db, ref, column, phrase):
    [(finding, measures)] = fetch(
        real_db, "SELECT finding, measures FROM improvement_actions WHERE plan = 'reading-2024-12' AND ref = ?", ref
    )
    assert phrase in {"finding": finding, "measures": measures}[column]


@pytest.mark.skipif(not SHARED_SEEDS.exists(), reason="the seed documents (../shared/seeds) are not beside this clone")
def test_the_run_on_phrases_are_the_documents_words():
    document = seed_text(READING)
    for ref, _column, phrase in READING_RUN_ONS:
        if ref not in ("P1.6", "P4.5", "P4.7", "P4.11", "P4.12"):  # those join the two halves of the break
            assert normalised(phrase) in document, phrase


def test_reading_pillar_leads_are_a_field_not_words_in_the_source(real_db):
    themes = fetch(real_db, "SELECT theme, lead, board_sponsor FROM plan_themes WHERE plan = 'reading-2024-12'")
    assert sorted(themes) == [
        ("Governance and Leadership", "Michael O'Connor, Independent Board Chair", "Fiona Hostler, Head of "
         "Education Access and Support"),  # 000 lines 33-35
        ("Partnerships and services", "Jonny Bradish, Head of Family Help and Partnerships", "Health"),  # 86-88
        ("Process, Systems and Quality of Practice", "Maria Young, Director of Children’s Social Care",
         "Youth Justice, Thames Valley Police"),  # 102-103
        ("Staffing and Workforce Development", "Lisa Bursill, Interim Transformation lead",
         "Chantal Foster, Head of Probation Delivery Unit, West Berkshire"),  # 59-61
    ]  # fmt: skip
    assert fetch(real_db, "SELECT count(*) FROM improvement_actions WHERE source ILIKE '%pillar lead%'") == [(0,)]
    # every pillar of the plan has its lead, and every theme row names a pillar the actions use
    assert fetch(
        real_db,
        "SELECT count(DISTINCT a.theme), count(DISTINCT t.theme) FROM improvement_actions a "
        "FULL JOIN plan_themes t USING (plan, theme) WHERE plan = 'reading-2024-12'",
    ) == [(4, 4)]


def figures(db, area: str):
    return context.context_figures(Database(db).query, area).set_index(["measure", "as_at"])


def test_buckinghamshire_over_80_keeps_its_qualifier(real_db):
    row = figures(real_db, "Buckinghamshire").loc[
        ("cases meeting the required standard on assessment and planning (audit)", "August 2023")
    ]
    # 003 line 2.13: "an audit conducted in August 2023 which showed that over 80% of cases met the required standard"
    assert (row["value"], row["qualifier"], row["figure"]) == (80, "over", "over 80%")
    assert row["source"] == f"{BUCKINGHAMSHIRE_TITLE}, 2. HMIP Recommendations"


def test_buckinghamshire_turnaround_outcome(real_db):
    shown = figures(real_db, "Buckinghamshire")["figure"]
    # 003 line 2.19: 24 supported April-September 2023; "none have received a subsequent criminal justice
    # outcome, although 1 is subject to police bail"
    assert shown[("young people supported by the Turnaround programme", "April-September 2023")] == "24"
    outcome = (
        "Turnaround young people who have received a subsequent criminal justice outcome",
        "April-September 2023",
    )
    assert shown[outcome] == "0"
    assert shown[("Turnaround young people subject to police bail", "April-September 2023")] == "1"


KINGSTON_FACTS = {
    # 004 lines 345-347 (1.3 Partnerships and services)
    ("children sentenced to custody who were of mixed heritage", "2019-20"): "60% (3 of 5)",
    ("children sentenced to custody who were of mixed heritage", "2018-19"): "25% (1 of 4)",
    (
        "children referred for a knife-related offence from black, Asian and minority ethnic backgrounds "
        "(knife crime thematic audit)",
        "2019-20",
    ): "67%",
    ("YJS referrals of children with mixed heritage", "last two years"): "21% (32 of 150)",
    # 004 line 359
    ("children starting Project X", "since March 2020"): "88",
    ("children starting Project X who were from the YJS", "since March 2020"): "33%",
    ("YJS children on Project X who continue to engage on completion of their order", "since March 2020"): "48%",
}


def test_kingston_and_richmond_facts_a_board_scrutinises(real_db):
    shown = figures(real_db, "Kingston and Richmond")
    for key, figure in KINGSTON_FACTS.items():
        assert shown.loc[key, "figure"] == figure, key
        assert shown.loc[key, "source"] == f"{KINGSTON_TITLE}, 1.3. Partnerships and services", key


@pytest.mark.skipif(not SHARED_SEEDS.exists(), reason="the seed documents (../shared/seeds) are not beside this clone")
@pytest.mark.parametrize("area, document", [("Kingston and Richmond", KINGSTON), ("Buckinghamshire", BUCKINGHAMSHIRE)])
def test_the_new_context_figures_quote_their_documents(real_db, area, document):
    text = seed_text(document)
    notes = fetch(
        real_db,
        "SELECT note FROM context_figures WHERE area = ? AND (topic IN ('programmes', 'disproportionality'))",
        area,
    )
    for (note,) in notes:
        words = normalised(note.split(" (2.")[0])  # Buckinghamshire's notes end with the paragraph number
        assert words in text, note
