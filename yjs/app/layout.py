"""How the app fits a tablet (an upright 820x1180 screen, or any window under 1,000 px wide).

Streamlit collapses its sidebar only below 768 px, and lays columns side by side down to 640 px, so on a
tablet the sidebar took 40% of the screen and page controls wrapped one word per line ("Framewor k").
Below `NARROW_PX` the sidebar starts collapsed (once per visit, and never against the reader's own choice);
in a narrow main area columns wrap as whole controls, and a column holding a chart or a table takes the full width.
"""

from __future__ import annotations

import streamlit as st

from yjs.charts.ratings import MIN_WIDTH_PX as MATRIX_MIN_WIDTH_PX

NARROW_PX = 1000
NARROW_MAIN_PX = 880  # the main area's width below which columns wrap: a tablet, or a small window with the sidebar
# When the main area is narrow: rows of columns wrap, each control keeps at least 12rem (its label on whole words),
# and charts, tables and multiselects take a line of their own (a container query, so it holds whether or not the
# sidebar is open). A chart too wide to shrink (the Ratings matrix) scrolls sideways in its own frame,
# `.st-key-wide_chart`, instead of squeezing its labels on top of each other.
STYLE = f"""
<style>
[data-testid="stMain"] {{ container-type: inline-size; container-name: main; }}
@container main (max-width: {NARROW_MAIN_PX - 0.02}px) {{
  [data-testid="stHorizontalBlock"] {{ flex-wrap: wrap !important; }}
  [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] {{ min-width: min(100%, 12rem) !important; }}
  [data-testid="stHorizontalBlock"] > [data-testid="stColumn"]:has(
      .stPlotlyChart, [data-testid="stDataFrame"], [data-testid="stTable"], [data-testid="stMultiSelect"]) {{
    min-width: 100% !important; }}
}}
.st-key-wide_chart {{ overflow-x: auto; }}
.st-key-wide_chart [data-testid="stElementContainer"]:has(.stPlotlyChart) {{ min-width: {MATRIX_MIN_WIDTH_PX}px; }}
[data-testid="stWidgetLabel"] p, [data-testid="stMetricLabel"] p {{ overflow-wrap: normal; word-break: normal; }}
</style>
"""
# Collapse the sidebar once per visit on a narrow window, as Streamlit's own "auto" does below 768 px, unless
# the reader has opened or closed it before (Streamlit keeps that choice under stSidebarCollapsed-*). The
# click's own record is removed, so a wider window later opens with the sidebar as usual.
COLLAPSE_SCRIPT = f"""
<script>
(() => {{
  if (window.yjsSidebarFitted) return;
  window.yjsSidebarFitted = true;
  const chosen = () => Object.keys(window.localStorage).filter((key) => key.startsWith("stSidebarCollapsed-"));
  if (window.innerWidth >= {NARROW_PX} || chosen().length) return;
  let tries = 0;
  const collapse = () => {{
    const button = document.querySelector('[data-testid="stSidebarCollapseButton"] button[aria-expanded="true"]');
    if (button) {{
      button.click();
      setTimeout(() => chosen().forEach((key) => window.localStorage.removeItem(key)), 0);
    }} else if (tries++ < 40) {{
      setTimeout(collapse, 50);
    }}
  }};
  collapse();
}})();
</script>
"""


def fit_to_screen() -> None:
    """The narrow-screen style and the sidebar's first state; both cost nothing on a wide screen."""
    st.html(STYLE)
    st.sidebar.html(COLLAPSE_SCRIPT, unsafe_allow_javascript=True)
