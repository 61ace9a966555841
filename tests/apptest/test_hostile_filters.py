"""SQL-injection strings through every text filter of every page: nothing but bound values reach SQL."""

import re
from pathlib import Path

import pytest

from tests.support.apptest import log_in, open_page, roles_file
from tests.support.dbcheck import data_fingerprint, fetch
from yjs.app.navigation import PAGES

ROOT = Path(__file__).resolve().parents[2]
INJECTION = "Ealing'); DROP TABLE areas; --"
PAGE_PARAMETERS = [
    "kind",
    "compare",
    "rows",
    "cols",
    "indicator",
    "compare_with",
    "events",
    "outcomes",
    "suppress",
    "years",
    "trend_stage",
    "f_sex",
    "f_ethnicity",
    "f_disposal_type",
    "f_offence_category",
]


@pytest.mark.parametrize("page", [p.path for p in PAGES])
def test_injection_strings_in_every_filter_of_every_page_change_nothing(demo_db, use_db, page, tmp_path):
    from streamlit.testing.v1 import AppTest

    use_db(demo_db)
    before = data_fingerprint(demo_db)
    at = log_in(
        AppTest.from_file(str(ROOT / "app.py"), default_timeout=60),
        "admin@example.org",
        roles_file(tmp_path, {"admin@example.org": "admin"}),
    )
    for key in ("demo", "region", "area", "period"):
        at.query_params[key] = INJECTION
    at.run()
    for key in PAGE_PARAMETERS:
        at.query_params[key] = INJECTION
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert data_fingerprint(demo_db) == before


def test_a_group_name_that_looks_like_sql_is_saved_as_a_name(demo_db, use_db, tmp_path):
    db = tmp_path / "groups.duckdb"
    db.write_bytes(demo_db.read_bytes())
    use_db(db)
    at = open_page("pages/benchmarking.py", {"demo": "true", "area": "Thamesreach"})
    at.text_input(key="group_name").set_value(INJECTION)
    at.multiselect(key="group_members").set_value(["Thamesreach", "Larkspur"])
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert fetch(db, "SELECT count(*) FROM comparator_groups WHERE name = $1", INJECTION) == [(2,)]
    assert fetch(db, "SELECT count(*) FROM areas") == fetch(demo_db, "SELECT count(*) FROM areas")


def test_no_python_module_formats_sql():
    """Every query is a file with bound parameters: no f-string, % or .format reaches execute()."""
    offenders = []
    for path in [*ROOT.glob("yjs/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"]:
        text = path.read_text(encoding="utf-8")
        if re.search(r"\.(execute|sql|query)\(\s*f[\"']|\.(execute|sql)\([^)]*(%|\.format\()", text):
            offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []
