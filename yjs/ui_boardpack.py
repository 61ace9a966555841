"""The board pack panel on an area's pages: choose the meeting, prepare the PDF and PowerPoint with
progress on screen, then download them."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from yjs import appdata, boardpack, disclosure, ui_present
from yjs.boardpack.content import gather
from yjs.boardpack.images import ImagesUnavailable
from yjs.dates import long_date

READY_KEY = "boardpack_ready"


def _threshold() -> int:
    """The strictest of the pack's floor and any threshold this session raised on the cohort pages."""
    return ui_present.threshold(max(disclosure.MIN_THRESHOLD, int(st.session_state.get("suppress") or 0)))


def _prepare(area: str, meeting: dt.date) -> dict[str, bytes] | None:
    """Both files, with a status box and a progress bar while the charts are drawn."""
    with st.status(f"Preparing the board pack for {area}…", expanded=True) as status:
        bar = st.progress(0.0, text="Gathering the figures")
        pack = gather(appdata.query, area, meeting, threshold=_threshold(),
                      progress=lambda step: bar.progress(0.1, text=f"Gathering the figures: {step}"))
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
        status.update(label=f"Board pack for {area}, meeting of {long_date(meeting)}, is ready"
                            + (f" (incomplete: {', '.join(missing)})" if missing else ""),
                      state="complete", expanded=False)
    return {"name": pack.filename, **files}


def board_pack(area: str, meeting: dt.date | None = None) -> None:
    """The panel: a meeting date (unless the page already has one), Prepare, then the two downloads."""
    with st.expander("Board pack (PDF and PowerPoint)", icon=":material/slideshow:"):
        st.caption("Ratings, the key questions of the weakest standards, the indicator scorecard, "
                   "disproportionality (small counts suppressed) and the improvement plan's highlight report, "
                   "each chart with its source and a written summary.")
        if meeting is None:
            meeting = st.columns([1, 2])[0].date_input("Board meeting", value=dt.date.today(), format="DD/MM/YYYY",
                                                        key="boardpack_meeting")
        wanted = (area, meeting, _threshold())
        if st.button("Prepare board pack", icon=":material/picture_as_pdf:", key="boardpack_prepare"):
            files = _prepare(area, meeting)
            st.session_state[READY_KEY] = (wanted, files) if files else None
        ready = st.session_state.get(READY_KEY)
        if ready and ready[0] == wanted:
            files = ready[1]
            row = st.container(horizontal=True)
            for fmt, label in (("pdf", "Download PDF"), ("pptx", "Download PowerPoint")):
                row.download_button(label, files[fmt], file_name=f"{files['name']}.{fmt}", mime=boardpack.FORMATS[fmt],
                                    icon=":material/download:", key=f"boardpack_{fmt}")
