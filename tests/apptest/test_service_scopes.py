"""Roles scoped to services, on the pages: published figures for every area, children's records only for one's own."""

import pytest

from tests.support.apptest import open_page
from yjs.domain.plaintext import markdown_text as md

OWN, OTHER = "Thamesreach", "Larkspur"  # two demo services, each with a cohort and a plan
ROLES = f'''[users]
"viewer@thamesreach.gov.uk" = {{ role = "viewer", areas = ["{OWN}"] }}
"lead@thamesreach.gov.uk" = {{ role = "editor", areas = ["{OWN}"] }}
"analyst@region.gov.uk" = "viewer"
'''
LOCKED = "are shown only to their own service's staff"


@pytest.fixture
def roles(tmp_path):
    path = tmp_path / "roles.toml"
    path.write_text(ROLES)
    return path


def page_as(email, roles, page, area=None, **query):
    return open_page(page, {"demo": "true", **({"area": area} if area else {})}, login=(email, roles), **query)


def children(at) -> str:
    return next(m.value for m in at.metric if m.label == "Children matching the filters")


@pytest.mark.parametrize("page", ["pages/cohort.py", "pages/disproportionality.py"])
def test_a_scoped_viewer_sees_childrens_records_of_their_service_only(demo_db, use_db, roles, page):
    use_db(demo_db)
    other = page_as("viewer@thamesreach.gov.uk", roles, page, OTHER)
    assert any(LOCKED in i.value and OWN in i.value for i in other.info)
    assert not other.metric and not other.get("plotly_chart")
    unscoped = page_as("analyst@region.gov.uk", roles, page, OTHER)
    assert not any(LOCKED in i.value for i in unscoped.info) and unscoped.get("plotly_chart")
    own = page_as("viewer@thamesreach.gov.uk", roles, page, OWN)
    assert not any(LOCKED in i.value for i in own.info) and own.get("plotly_chart")


def test_the_national_view_of_a_scoped_viewer_counts_their_service_only(demo_db, use_db, roles):
    use_db(demo_db)
    national = page_as("viewer@thamesreach.gov.uk", roles, "pages/cohort.py")
    assert f"the areas your role covers ({OWN})" in national.caption[0].value
    assert children(national) == children(page_as("analyst@region.gov.uk", roles, "pages/cohort.py", OWN))
    assert children(page_as("analyst@region.gov.uk", roles, "pages/cohort.py")) != children(national)


def test_a_scoped_viewer_sees_published_figures_for_every_area(demo_db, use_db, roles):
    use_db(demo_db)
    scoped = page_as("viewer@thamesreach.gov.uk", roles, "pages/scorecard.py", OTHER)
    unscoped = page_as("analyst@region.gov.uk", roles, "pages/scorecard.py", OTHER)
    assert scoped.dataframe[0].value.equals(unscoped.dataframe[0].value)


def test_the_board_presentation_leaves_out_another_services_disproportionality(demo_db, use_db, roles):
    use_db(demo_db)
    other = page_as("viewer@thamesreach.gov.uk", roles, "pages/presentation.py", OTHER, slide="4")
    assert any(md("Left out: figures from children's records") in i.value for i in other.info)
    own = page_as("viewer@thamesreach.gov.uk", roles, "pages/presentation.py", OWN, slide="4")
    assert not any("Left out" in i.value for i in own.info) and own.table


def test_a_scoped_editor_is_refused_another_services_file_at_the_check(demo_db, use_db, roles):
    use_db(demo_db)
    at = page_as("lead@thamesreach.gov.uk", roles, "pages/load.py", kind="indicators")
    at.file_uploader[0].upload("other.csv", f"area,indicator,period,value\n{OTHER},fte_rate,2024,151\n".encode()).run()
    assert any("Not allowed" in e.value and OTHER in e.value for e in at.error)
    assert not at.main.button  # no Import button


def test_a_scoped_editor_may_view_but_not_edit_another_services_plan(demo_db, use_db, roles):
    use_db(demo_db)
    other = page_as("lead@thamesreach.gov.uk", roles, "pages/plan.py", OTHER, view="Edit and history")
    assert any(f"your role covers {OWN} only" in i.value for i in other.info) and not other.get("form")
    own = page_as("lead@thamesreach.gov.uk", roles, "pages/plan.py", OWN, view="Edit and history")
    assert own.get("form")
