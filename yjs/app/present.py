"""Presentation mode: for a board meeting's shared screen (`?present=1`, or the switch in the sidebar).

It hides the sidebar and Streamlit's toolbar, sets body text at 20 px and chart labels at 24 px for
a 1280x720 projector, raises contrast (black text, no grey captions) and suppresses small counts at
the strictest threshold, whatever the page's own setting.
"""

from __future__ import annotations

import streamlit as st

from yjs.charts.base import for_projector
from yjs.domain import disclosure

PARAM = "present"
SWITCH_KEY = "presentation_switch"
STRICTEST_THRESHOLD = disclosure.PRESENTATION_THRESHOLD  # counts 1-9 shown as c on a shared screen

STYLE = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stToolbar"], header[data-testid="stHeader"], [data-testid="stDecoration"] { display: none !important; }
.stApp, .stApp p, .stApp li, .stApp label, .stApp td, .stApp th, .stApp button, .stApp input,
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { font-size: 20px !important; }
.stApp p, .stApp li, .stApp label, [data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
    color: #000 !important; }
[data-testid="stCaptionContainer"] { opacity: 1 !important; }  /* captions fade by opacity, not colour */
.stApp td p { color: inherit !important; }  /* table cells keep their own: white on the dark rating and BRAG fills */
.stApp { background: #fff !important; }
.stApp h1 { font-size: 44px !important; } .stApp h2 { font-size: 36px !important; }
.stApp h3 { font-size: 30px !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem !important; max-width: 100% !important; }
.stApp [data-testid="stMetricValue"], .stApp [data-testid="stMetricValue"] * { font-size: 40px !important; }
.stApp a { color: #003d99 !important; text-decoration: underline !important; }
</style>
"""


def presenting() -> bool:
    return st.query_params.get(PARAM) in ("1", "true")


def _switched() -> None:
    if st.session_state.get(SWITCH_KEY):
        st.query_params[PARAM] = "1"
    else:
        st.query_params.pop(PARAM, None)


def _leave() -> None:
    st.query_params.pop(PARAM, None)
    st.session_state[SWITCH_KEY] = False


def switch() -> None:
    """The sidebar switch; in presentation mode, the style and a way back (the sidebar is hidden)."""
    if SWITCH_KEY not in st.session_state:
        st.session_state[SWITCH_KEY] = presenting()
    st.sidebar.toggle(
        "Presentation mode",
        key=SWITCH_KEY,
        on_change=_switched,
        help="For a shared screen: large text and charts, no sidebar, small counts hidden at the "
        "strictest threshold. The link gets ?present=1.",
    )
    if presenting():
        st.html(STYLE)
        st.button(
            "Leave presentation mode",
            icon=":material/close_fullscreen:",
            on_click=_leave,
            key="leave_presentation",
            type="tertiary",
        )


def start() -> None:
    st.query_params[PARAM] = "1"
    st.session_state[SWITCH_KEY] = True


def threshold(chosen: int) -> int:
    """The suppression threshold to apply: the strictest on a shared screen."""
    return max(chosen, STRICTEST_THRESHOLD) if presenting() else disclosure.check_threshold(chosen)


def for_screen(figure):
    return for_projector(figure) if presenting() else figure
