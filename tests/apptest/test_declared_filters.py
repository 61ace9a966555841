"""No sidebar control that does nothing: every shared filter a page declares changes what the page shows,
and a filter a page does not declare is not offered there."""

from __future__ import annotations

import pytest

from tests.support.apptest import open_page
from yjs.app.navigation import AREA, DEMO, REGION, SHARED_FILTERS, YEARS, pages_for

PAGES = pages_for("editor")  # the local single-user editor's pages (no login configured)
WIDGETS = {DEMO: "toggle", REGION: "multiselect", AREA: "selectbox", YEARS: "slider"}
# A choice of each filter that a page honouring it must show differently from the same page without it.
CHOSEN = {DEMO: {"demo": "true"}, REGION: {"region": "London"}, AREA: {"area": "Thamesreach"},
          YEARS: {"period": ["2024", "2026"]}}  # fmt: skip


def rendered(at) -> list:
    """What a reader sees on the page: its words, figures, tables, charts and the choices it offers."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [(kind, element.value) for element in getattr(at, kind)]
    parts += [("metric", m.label, m.value) for m in at.metric]
    parts += [("table", frame.value.shape, frame.value.head(3).to_string()) for frame in at.dataframe]
    parts += [("options", box.label, tuple(box.options)) for box in [*at.selectbox, *at.multiselect]]
    parts += [("chart", chart.proto.spec) for chart in at.get("plotly_chart")]
    return parts


def sidebar_keys(at) -> set[str]:
    return {widget.key for kind in WIDGETS.values() for widget in getattr(at.sidebar, kind)}


@pytest.mark.parametrize("spec", PAGES, ids=[page.url_path for page in PAGES])
def test_the_sidebar_offers_exactly_the_filters_the_page_declares(demo_db, use_db, spec):
    use_db(demo_db)
    at = open_page(spec.path, {"demo": "true", "area": "Thamesreach"})  # an area: a plan page needs one to stay
    assert sidebar_keys(at) & set(SHARED_FILTERS) == set(spec.filters)
    if set(SHARED_FILTERS) - set(spec.filters):
        assert spec.unused_note and any(spec.unused_note == c.value for c in at.sidebar.caption)


@pytest.mark.parametrize(
    ("spec", "name"), [(page, name) for page in PAGES for name in page.filters],
    ids=[f"{page.url_path}-{name}" for page in PAGES for name in page.filters],
)  # fmt: skip
def test_every_declared_filter_changes_what_the_page_shows(demo_db, use_db, spec, name):
    use_db(demo_db)
    base = {} if name == DEMO else {"demo": "true"}
    if name == YEARS or spec.url_path in ("presentation",):
        base |= {} if name == AREA else {"area": "Thamesreach"}
    without = rendered(open_page(spec.path, base))
    with_filter = rendered(open_page(spec.path, base | CHOSEN[name]))
    assert with_filter != without, f"{name} changes nothing on {spec.title}"
