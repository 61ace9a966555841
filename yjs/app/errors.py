"""An unexpected error on a page: logged on the server with its details, shown to the person as an id.

`client.showErrorDetails = "none"` (.streamlit/config.toml) keeps Streamlit's own error box free of
tracebacks, exception types and server paths; `yjs.app.entry.run` catches what a page raises and shows
this message instead, with an id the person can quote and the server's log can be searched for.
"""

from __future__ import annotations

import logging
import sys
import uuid

import streamlit as st

UNEXPECTED_ERROR = "Something went wrong on this page"  # the load test counts a message with this headline
LOG = logging.getLogger("yjs.app")
if not LOG.handlers:  # Streamlit configures its own loggers only: this one writes to the server's stderr
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(_handler)
    LOG.propagate = False


def report_unexpected_error(error: Exception) -> None:
    """Log `error` with its traceback under a new id; show the person only the id."""
    error_id = uuid.uuid4().hex[:8]
    LOG.error("error %s on %r", error_id, _where(), exc_info=error)
    st.error(
        f"**{UNEXPECTED_ERROR}** (error `{error_id}`). It has been logged: quote that id to whoever runs "
        "YJS Insight. Opening the page again from the menu, without the settings in its link, usually helps.",
        icon=":material/error:",
    )


def _where() -> str:
    try:
        return str(st.context.url)
    except Exception:  # no browser context (a script run under test)
        return "the app"
