"""What the published documents say about an area, on the Area profile and the Disproportionality page."""

from tests.support.apptest import dataframe_with, open_page


def context_table(at):
    return dataframe_with(at, "topic", "measure", "figure", "note", "source")


def test_kingston_and_richmond_profile_gives_the_facts_a_board_scrutinises(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/profile.py", {"area": "Kingston and Richmond"})
    assert "Context the report gives" in [h.value for h in at.subheader]
    shown = context_table(at).set_index(["measure", "as_at"])["figure"]
    # 004 lines 345-347 and 359
    assert shown[("children sentenced to custody who were of mixed heritage", "2019-20")] == "60% (3 of 5)"
    assert shown[("children sentenced to custody who were of mixed heritage", "2018-19")] == "25% (1 of 4)"
    knife = next(m for m, _ in shown.index if m.startswith("children referred for a knife-related offence"))
    assert shown[(knife, "2019-20")] == "67%"
    assert shown[("children starting Project X", "since March 2020")] == "88"
    assert shown[("children starting Project X who were from the YJS", "since March 2020")] == "33%"
    assert (
        shown[("YJS children on Project X who continue to engage on completion of their order", "since March 2020")]
        == "48%"
    )
    report = "HM Inspectorate of Probation: An inspection of youth offending services in Kingston and Richmond"
    assert context_table(at)["source"].str.startswith(f"{report} (January 2021), ").all()


def test_buckinghamshire_over_80_percent_shows_as_over_80_percent(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/profile.py", {"area": "Buckinghamshire"})
    figures = context_table(at).set_index("measure")["figure"]
    assert figures["cases meeting the required standard on assessment and planning (audit)"] == "over 80%"
    outcome = "Turnaround young people who have received a subsequent criminal justice outcome"
    assert figures[outcome] == "0"


def test_disproportionality_page_quotes_the_published_shares_of_the_area(real_db, use_db):
    use_db(real_db)
    at = open_page("pages/disproportionality.py", {"area": "Kingston and Richmond"})
    assert "What the published documents say" in [h.value for h in at.subheader]
    published = dataframe_with(at, "measure", "figure", "note").set_index(["measure", "as_at"])["figure"]
    assert published[("children sentenced to custody who were of mixed heritage", "2019-20")] == "60% (3 of 5)"
    assert published[("combined populations with mixed heritage", "")] == "7.1%"  # was shown as 7%
