"""Board packs in the app: the panel on an area's pages (choose the meeting, prepare the PDF and
PowerPoint with progress on screen, download them) and the slides of the Board presentation page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from yjs import boardpack
from yjs.app import auth, present, widgets
from yjs.app.cache import cached, query
from yjs.boardpack.content import gather
from yjs.boardpack.regional import gather_regional
from yjs.charts.images import ImagesUnavailable
from yjs.domain import disclosure
from yjs.domain.dates import long_date
from yjs.domain.plaintext import markdown_text as md
from yjs.domain.roles import covers

READY_KEY = "boardpack_ready"
# How a panel gathers its pack: for a meeting date, reporting each step.
Gather = Callable[[dt.date, Callable[[str], None]], object]


def _threshold() -> int:
    """The strictest of the pack's floor and any threshold this session raised on the cohort pages."""
    return present.threshold(disclosure.clamp_threshold(st.session_state.get("suppress")))


def _prepare(subject: str, meeting: dt.date, gather_pack: Gather) -> dict[str, bytes] | None:
    """Both files, with a status box and a progress bar while the charts are drawn."""
    with st.status(f"Preparing the board pack for {md(subject)}…", expanded=True) as status:
        bar = st.progress(0.0, text="Gathering the figures")
        pack = gather_pack(meeting, lambda step: bar.progress(0.1, text=f"Gathering the figures: {step}"))
        total, done = 2 * boardpack.chart_count(pack) + 2, [0]

        def chart_done() -> None:
            done[0] += 1
            bar.progress(min(0.1 + 0.9 * done[0] / total, 1.0), text="Drawing the charts")

        try:
            files = {}
            for fmt in boardpack.FORMATS:
                files[fmt] = boardpack.render(pack, fmt, chart_done)
                chart_done()
        except ImagesUnavailable as exc:
            status.update(label="The board pack could not be drawn", state="error")
            st.error(str(exc), icon=":material/error:")
            return None
        bar.progress(1.0, text="Done")
        missing = [section.title for section in pack.sections if section.missing]
        status.update(
            label=f"Board pack for {subject}, meeting of {long_date(meeting)}, is ready"
            + (f" (incomplete: {', '.join(missing)})" if missing else ""),
            state="complete",
            expanded=False,
        )
    return {"name": pack.filename, **files}


def board_pack(area: str, meeting: dt.date | None = None) -> None:
    """An area's pack: the panel on its pages."""
    _panel(
        "Board pack (PDF and PowerPoint)",
        "Ratings, the key questions of the weakest standards, the indicator scorecard, disproportionality (small "
        "counts suppressed) and the improvement plan's highlight report, each chart with its source and a written "
        "summary.",
        area,
        meeting,
        lambda when, progress: gather(
            query, area, when, threshold=_threshold(), progress=progress, child_level=sees_child_level(area)
        ),
    )


def regional_board_pack(region: str, demo: bool) -> None:
    """A regional partnership's pack: its services' plans side by side and disproportionality area by area."""
    kind = "demo" if demo else "real"
    _panel(
        f"Board pack for the {region} regional partnership ({kind} areas)",
        f"The improvement plans of {region}'s {kind} services side by side (this page's chart and table, and "
        "completion over time) and each area's relative rate index of custody for Black children, each chart with "
        "its source and a written summary.",
        f"the {region} regional partnership ({kind} areas)",
        None,
        lambda when, progress: gather_regional(
            query,
            region,
            when,
            demo=demo,
            threshold=_threshold(),
            progress=progress,
            child_level=auth.actor().areas is None,  # a role scoped to services sees its own children only
        ),
    )


def _panel(label: str, caption: str, subject: str, meeting: dt.date | None, gather_pack: Gather) -> None:
    """The panel: a meeting date (unless the page already has one), Prepare, then the two downloads."""
    with st.expander(label, icon=":material/slideshow:"):
        st.caption(caption)
        if meeting is None:
            meeting = st.columns([1, 2])[0].date_input(
                "Board meeting", value=dt.date.today(), format="DD/MM/YYYY", key="boardpack_meeting"
            )
        wanted = (subject, meeting, _threshold())
        if st.button("Prepare board pack", icon=":material/picture_as_pdf:", key="boardpack_prepare"):
            files = _prepare(subject, meeting, gather_pack)
            st.session_state[READY_KEY] = (wanted, files) if files else None
        ready = st.session_state.get(READY_KEY)
        if ready and ready[0] == wanted:
            files = ready[1]
            row = st.container(horizontal=True)
            for fmt, label in (("pdf", "Download PDF"), ("pptx", "Download PowerPoint")):
                row.download_button(
                    label,
                    files[fmt],
                    file_name=f"{files['name']}.{fmt}",
                    mime=boardpack.FORMATS[fmt],
                    icon=":material/download:",
                    key=f"boardpack_{fmt}",
                )


# --- the Board presentation page ------------------------------------------------------------------


def meeting_date(row) -> dt.date:
    """The meeting the sections describe, from the link (kept there by the date box)."""
    today = dt.date.today()
    return row.date_input(
        "Board meeting",
        value=today,
        max_value=today,
        format="DD/MM/YYYY",
        key="meeting",
        bind="query-params",
        width=190,
    )


def _colour_styles(table) -> object:
    """Coloured rating and BRAG cells keep their words (colour is never the only carrier).

    st.table reads cells as Markdown: every text cell is escaped, so "1. Organisational delivery" stays a
    heading rather than a list and an imported action's `![x](http://…)` stays text, never an image.
    """
    frame = table.frame.map(lambda v: md(v) if isinstance(v, str) else v)
    styled = frame.style.hide(axis="index")
    for column, colours in table.colours.items():
        words = table.frame[column]  # the colour follows the word as written, not its escaped form
        styled = styled.apply(
            lambda _shown, w=words, c=colours: [
                f"background-color: {c[v][0]}; color: {c[v][1]}; font-weight: 700" if v in c else "" for v in w
            ],
            subset=[column],
        )
    return styled


def show_section(number: int, section) -> None:
    """One board pack section on screen: its summary, what is missing, tables and charts with their data."""
    st.header(f"{number}. {section.title}")
    if section.missing == section.summary:  # nothing else to show: say what is missing, plainly
        st.info(md(section.summary), icon=":material/info:")
    else:
        st.markdown(md(section.summary))
        if section.missing:
            st.info(f"Missing: {md(section.missing)}", icon=":material/info:")
    for table in section.tables:
        st.subheader(table.title)
        if table.frame.empty:
            st.caption("None.")
        else:
            st.table(_colour_styles(table))
            widgets.download_buttons(table.frame, f"section-{number}-{table.title[:40]}")
    for index, chart in enumerate(section.charts):
        if not chart.figure.layout.title.text:
            st.subheader(chart.title)
        widgets.chart(
            chart.figure,
            f"section-{number}-chart-{index + 1}",
            chart.data,
            key=f"section_{number}_{index}",
            title=chart.title,
        )
        st.caption(f"Source: {md(chart.source)}")
    if section.sources:
        st.caption("Sources: " + md("; ".join(section.sources)))


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


def slide_buttons(row, number: int, titles: tuple[str, ...]) -> None:
    """Previous and next, by button or the left and right arrow keys, and where we are."""
    row.button(
        "Previous",
        icon=":material/arrow_back:",
        disabled=number == 1,
        on_click=_go,
        args=(number - 1,),
        key="slide_previous",
        shortcut="left",
        help="Left arrow key",
    )
    row.markdown(f"**Section {number} of {len(titles)}**: {titles[number - 1]}")
    row.button(
        "Next",
        icon=":material/arrow_forward:",
        disabled=number == len(titles),
        on_click=_go,
        args=(number + 1,),
        key="slide_next",
        shortcut="right",
        help="Right arrow key",
    )


def sees_child_level(area: str) -> bool:
    """Whether the person's role covers `area`'s figures from children's records (yjs/domain/roles.py)."""
    return covers(auth.actor(), area)


def slide(area: str, meeting: dt.date, threshold: int, title: str):
    """The pack holding only the section a slide shows (see `_slide`), for the person's role."""
    return _slide(area, meeting, threshold, title, sees_child_level(area))


@cached(max_entries=64)
def _slide(area: str, meeting: dt.date, threshold: int, title: str, child_level: bool):
    """Gathered once per file version, meeting, threshold and reach: the first slide does not wait for the
    whole pack, and stepping back and forth is instant."""
    return gather(query, area, meeting, threshold=threshold, titles=(title,), child_level=child_level)
