"""Opening a page under streamlit.testing as a copied link would."""

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def open_page(page: str, shared: dict | None = None, *, login: tuple | None = None, **page_query) -> AppTest:
    """The first run reads the shared filters from the link and registers the navigation; then
    the page's own parameters are added to the link and the page runs. `login`: (email, roles file)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if login:
        log_in(at, *login)
    for key, value in (shared or {}).items():
        at.query_params[key] = value
    at.run()
    for key, value in page_query.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def dataframe_with(at: AppTest, *columns: str):
    """The first table on the page holding all these columns (charts' data tables come before some)."""
    for frame in at.dataframe:
        if set(columns) <= set(frame.value.columns):
            return frame.value
    raise AssertionError(f"no table with columns {columns}")


def open_expanders(at: AppTest, key_prefix: str) -> AppTest:
    """Open every lazily built expander whose key starts with `key_prefix`, as a click would, and rerun."""
    keys = [e.key for e in at.expander if e.key and e.key.startswith(key_prefix)]
    assert keys, f"no expander keyed {key_prefix}*"
    for key in keys:
        at.session_state[key] = True
    at.run()
    assert not at.exception, at.exception
    return at


def shown(markdown: str) -> str:
    """The words a reader sees in Markdown the app wrote: data text is escaped so it stays plain text
    (yjs/domain/plaintext.py), and a backslash before a mark is not shown."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


# Logging in under AppTest: the benchmark does it too (to time the admin pages), so it lives in yjs.perf.
from yjs.perf.apptest import PLACEHOLDER_AUTH, log_in, roles_file  # noqa: E402, F401
