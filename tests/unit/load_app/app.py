"""A three-page app for tests/unit/test_load_protocol.py: one page works, one raises, one is slow."""

import time

import streamlit as st


def fine():
    st.title("Fine")
    st.metric("Answer", "42")


def broken():
    st.title("Broken")
    raise ValueError("deliberately broken")


def slow():
    st.title("Slow")
    time.sleep(4)


st.navigation(
    [st.Page(fine, title="Fine", default=True), st.Page(broken, title="Broken"), st.Page(slow, title="Slow")]
).run()
