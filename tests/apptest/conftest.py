import pytest
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from yjs.app import errors


@pytest.fixture(autouse=True)
def fresh_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def errors_fail_the_test(request, monkeypatch):
    """The app turns an unexpected error into a message with an id; under test it must fail the test instead
    (tests/apptest/test_hostile_urls.py checks the message itself, with the `error_message` marker)."""
    if request.node.get_closest_marker("error_message"):
        return

    def reraise(error: Exception) -> None:
        raise error

    monkeypatch.setattr(errors, "report_unexpected_error", reraise)


@pytest.fixture(autouse=True)
def navigation_only(request, monkeypatch):
    """Run the app as a running server does after its first request: navigation only, never the legacy `pages/` path.

    AppTest resets Streamlit's record of that before every run, so with our `pages/` folder each
    rerun would otherwise go through the legacy path and ui.filters()' recovery rerun, which
    swallows one-shot events such as a form's submit. Tests marked `legacy_pages_path` keep
    Streamlit's default to check that recovery.
    """
    if request.node.get_closest_marker("legacy_pages_path"):
        return
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
