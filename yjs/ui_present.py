"""Presentation mode: for a board meeting's shared screen (`?present=1`, or the switch in the sidebar).

It hides the sidebar and Streamlit's toolbar, sets body text at 20 px and chart labels at 24 px for
a 1280x720 projector, raises contrast (black text, no grey captions) and suppresses small counts at
the strictest threshold, whatever the page's own setting.
"""

from __future__ import annotations

import datetime as dt
import re

import streamlit as st

from yjs import charts, disclosure

PARAM = "present"
SWITCH_KEY = "presentation_switch"
STRICTEST_THRESHOLD = 10  # counts 1-9 shown as c on a shared screen (the usual floor is 5)

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
.stApp h1 { font-size: 44px !important; } .stApp h2 { font-size: 36px !important; } .stApp h3 { font-size: 30px !important; }
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
    st.sidebar.toggle("Presentation mode", key=SWITCH_KEY, on_change=_switched,
                      help="For a shared screen: large text and charts, no sidebar, small counts hidden at the "
                           "strictest threshold. The link gets ?present=1.")
    if presenting():
        st.html(STYLE)
        st.button("Leave presentation mode", icon=":material/close_fullscreen:", on_click=_leave,
                  key="leave_presentation", type="tertiary")


def threshold(chosen: int) -> int:
    """The suppression threshold to apply: the strictest on a shared screen."""
    return max(chosen, STRICTEST_THRESHOLD) if presenting() else disclosure.check_threshold(chosen)


def for_screen(figure):
    return charts.for_projector(figure) if presenting() else figure


def meeting_date(row) -> dt.date:
    """The meeting the sections describe, from the link (kept there by the date box)."""
    today = dt.date.today()
    return row.date_input("Board meeting", value=today, max_value=today, format="DD/MM/YYYY", key="meeting",
                          bind="query-params", width=190)


def _colour_styles(table) -> object:
    """Coloured rating and BRAG cells keep their words (colour is never the only carrier).

    st.table reads cells as Markdown, so "1. Organisational delivery" would become a list: escape it.
    """
    frame = table.frame.map(lambda v: re.sub(r"^(\d+)\. ", r"\1\\. ", v) if isinstance(v, str) else v)
    styled = frame.style.hide(axis="index")
    for column, colours in table.colours.items():
        styled = styled.map(lambda v, c=colours: (f"background-color: {c[v][0]}; color: {c[v][1]}; font-weight: 700"
                                                  if v in c else ""), subset=[column])
    return styled


def show_section(number: int, section) -> None:
    """One board pack section on screen: its summary, what is missing, tables and charts with their data."""
    from yjs import ui

    st.header(f"{number}. {section.title}")
    if section.missing == section.summary:  # nothing else to show: say what is missing, plainly
        st.info(section.summary, icon=":material/info:")
    else:
        st.markdown(section.summary)
        if section.missing:
            st.info(f"Missing: {section.missing}", icon=":material/info:")
    for table in section.tables:
        st.subheader(table.title)
        if table.frame.empty:
            st.caption("None.")
        else:
            st.table(_colour_styles(table))
            ui.download_buttons(table.frame, f"section-{number}-{table.title[:40]}")
    for index, chart in enumerate(section.charts):
        if not chart.figure.layout.title.text:
            st.subheader(chart.title)
        ui.chart(chart.figure, f"section-{number}-chart-{index + 1}", chart.data, key=f"section_{number}_{index}",
                 title=chart.title)
        st.caption(f"Source: {chart.source}")
    if section.sources:
        st.caption("Sources: " + "; ".join(section.sources))


SLIDE_PARAM = "slide"


def current_slide(count: int) -> int:
    """The section on screen (1-based, from the link), kept within the sections there are."""
    try:
        number = int(st.query_params.get(SLIDE_PARAM, "1"))
    except ValueError:
        number = 1
    return min(max(number, 1), count)


def _go(number: int) -> None:
    st.query_params[SLIDE_PARAM] = str(number)


def start() -> None:
    st.query_params[PARAM] = "1"
    st.session_state[SWITCH_KEY] = True


def slide_buttons(row, number: int, titles: tuple[str, ...]) -> None:
    """Previous and next, by button or the left and right arrow keys, and where we are."""
    row.button("Previous", icon=":material/arrow_back:", disabled=number == 1, on_click=_go, args=(number - 1,),
               key="slide_previous", shortcut="left", help="Left arrow key")
    row.markdown(f"**Section {number} of {len(titles)}**: {titles[number - 1]}")
    row.button("Next", icon=":material/arrow_forward:", disabled=number == len(titles), on_click=_go,
               args=(number + 1,), key="slide_next", shortcut="right", help="Right arrow key")


@st.cache_data(show_spinner=False, max_entries=64, ttl=3600)
def cached_slide(path: str, signature: tuple, area: str, meeting: dt.date, threshold: int, title: str):
    from yjs import appdata
    from yjs.boardpack.content import gather

    return gather(appdata.query, area, meeting, threshold=threshold, titles=(title,))


def slide(area: str, meeting: dt.date, threshold: int, title: str):
    """The pack holding only the section a slide shows, gathered once per file version, meeting and
    threshold: the first slide does not wait for the whole pack, and stepping back and forth is instant."""
    from yjs import appdata

    database = appdata.database()
    return cached_slide(str(database.path), database.signature(), area, meeting, threshold, title)
