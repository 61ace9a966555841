"""Area profile: one area's ratings as HMIP lays them out, why each standard got its rating, and
how many more Yes cases would have lifted it."""

import pandas as pd
import streamlit as st

from yjs.app import boardpack as ui_boardpack
from yjs.app import context as ui_context
from yjs.app import ratings as ui_ratings
from yjs.app import widgets as ui
from yjs.app.entry import current_page
from yjs.charts import ratings as charts_ratings
from yjs.domain import ratings
from yjs.domain.plaintext import markdown_text as md

page = current_page()
filters = page.filters
st.title("Area profile")
if not filters.area:
    st.info(
        "Choose **Your area** in the sidebar to see its profile, or open one of these.", icon=":material/arrow_back:"
    )
    ui.areas_to_open(ratings.areas_to_open(ui_ratings.latest_inspections(filters)), page.spec.path, "Areas to open")
    st.stop()
area = filters.area
history = ui_ratings.inspections_of_area(area)
if history.empty:
    st.info(
        f"{area} has no inspection in the database yet. Add one on the **Load data** page or with "
        "`python -m yjs import inspections FILE`.",
        icon=":material/search_off:",
    )
    st.stop()

labels = [ratings.inspection_label(row, with_area=False) for _, row in history.iterrows()]
chosen = st.columns([1, 2])[0].selectbox(
    "Inspection",
    list(reversed(labels)),
    key="inspection",
    bind="query-params",
    help="The latest is shown first; earlier ones are re-inspections or inspections under older frameworks.",
)
inspection = history.iloc[labels.index(chosen)]
st.header(f"{md(area)}: inspection {md(chosen)}")
if inspection["is_demo"]:
    ui.demo_notice(history.head(1))
columns = st.columns([3, 1, 1, 1])  # room for "Requires improvement" at metric size
columns[0].metric("Overall rating", inspection["overall_rating"] or "not known")
columns[1].metric("Score", "–" if pd.isna(inspection["score"]) else f"{int(inspection['score'])}/36")
columns[2].metric("Framework", int(inspection["framework"]))
columns[3].metric("Inspections on record", len(history))
st.caption(f"Source: {md(inspection['source'])}")
ui_boardpack.board_pack(area)

detail = ui_ratings.inspection_detail(int(inspection["inspection_id"]))
recommendations, standards, key_questions = detail.recommendations, detail.standards, detail.key_questions
panels = ratings.standard_panels(standards, key_questions)
if standards.empty:
    st.info(
        "This inspection was held under the 2025 framework, whose standards do not fit the twelve of 2018-2024; "
        "only its overall rating is recorded here.",
        icon=":material/info:",
    )
    ui_ratings.recommendations(recommendations)
elif inspection["standards_rated"] == 0:
    st.info(
        "Only the overall outcome of this inspection is known here: the ratings of its standards are not in the "
        "sources shipped with the app. Import them from the report with `python -m yjs import inspections FILE`.",
        icon=":material/info:",
    )
    ui_ratings.recommendations(recommendations)
else:
    below = ratings.below_good(panels)
    st.subheader("Standards below Good")
    if below.empty:
        st.success("Every standard is rated Good or Outstanding.", icon=":material/check_circle:")
    else:
        ui_ratings.show_below_good(below)
        ui.download_buttons(below, f"below-good-{area}")
    left, right = st.columns([1, 1])
    with left:
        st.subheader("Ratings")
        table = ratings.ratings_table(standards, inspection["overall_rating"], inspection["score"])
        ui_ratings.show_ratings_table(table)
        ui.download_buttons(table.drop(columns="code"), f"ratings-{area}")
    with right:
        ui_ratings.recommendations(recommendations)
    st.subheader("Key questions: why each standard got its rating")
    st.caption(
        "A standard in domains 2 and 3 takes the band of its lowest key question: under 50% Inadequate, "
        "50-64% Requires improvement, 65-79% Good, 80%+ Outstanding."
    )
    if key_questions.empty:
        st.info("No key-question results are published for this inspection.", icon=":material/info:")
    for panel in panels:
        if panel.code[0] in "23" or panel.has_key_questions:
            with st.container(border=True):
                ui_ratings.key_question_panel(panel)
    kq_table = ratings.key_question_table(panels)
    if not kq_table.empty:
        ui.download_buttons(kq_table, f"key-questions-{area}")

ui_context.context_the_report_gives(area)
if len(history) > 1:
    st.subheader("Inspection history")
    ui.chart(
        charts_ratings.inspection_timeline(history, labels, title=f"Inspections of {area}"),
        f"inspections-{area}",
        history.assign(inspection=labels)[["inspection", "framework", "overall_rating", "score", "source"]],
    )
findings = detail.findings
if not findings.empty:
    with st.expander(f"Published findings ({len(findings)})", icon=":material/list:"):
        st.dataframe(findings, hide_index=True, width="stretch")
        ui.download_buttons(findings, f"findings-{area}")
