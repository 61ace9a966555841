"""What the chart builders draw, now that they assemble plain dicts and build each figure once:
the rating bands and the chosen area on the score histogram, the heatmap's cell labels, the plan
timeline's bars, and the projector and static-image copies."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import pytest

from yjs.charts import base as charts
from yjs.charts import plans as charts_plans
from yjs.charts import ratings as charts_ratings
from yjs.charts.base import PROJECTOR_LABEL_SIZE, RATING_COLOURS, for_projector, label_margins, merged
from yjs.domain import brag, rules


def latest(scores: dict[str, int | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "area": list(scores),
            "score": pd.array(list(scores.values()), dtype="Int32"),
            "overall_rating": [rules.GOOD] * len(scores),
        }
    )


def test_merged_merges_nested_keys_and_leaves_both_inputs_alone():
    base = {"margin": {"l": 10, "t": 20}, "height": 300}
    extra = {"margin": {"t": 90}, "xaxis": {"dtick": 3}}
    assert merged(base, extra) == {"margin": {"l": 10, "t": 90}, "height": 300, "xaxis": {"dtick": 3}}
    assert base == {"margin": {"l": 10, "t": 20}, "height": 300} and extra == {
        "margin": {"t": 90},
        "xaxis": {"dtick": 3},
    }


def test_score_histogram_shades_each_rating_band_behind_the_bars_and_names_it():
    figure = charts.score_distribution(latest({"A": 12, "B": 25, "C": 25}), highlight=None, title="t")
    bands = [s for s in figure.layout.shapes if s.type == "rect"]
    assert [(b.x0, b.x1) for b in bands] == [(-0.5, 6.5), (6.5, 18.5), (18.5, 30.5), (30.5, 36.5)]
    assert [b.fillcolor for b in bands] == [RATING_COLOURS[r] for r in rules.RATINGS]
    assert [a.text for a in figure.layout.annotations] == ["Inad", "Requires<br>improvement", rules.GOOD, "Outst"]
    assert figure.layout.xaxis.dtick == 6, "ticks at the bands' edges, with room for each label on a tablet"
    assert list(figure.data[0].y)[25] == 2 and sum(figure.data[0].y) == 3
    assert not [s for s in figure.layout.shapes if s.type == "line"], "no area chosen, none marked"


def test_score_histogram_marks_the_chosen_area_with_a_line_and_its_score_in_words():
    figure = charts.score_distribution(latest({"Ealing": 17, "Reading": None, "B": 25}), highlight="Ealing", title="t")
    [line] = [s for s in figure.layout.shapes if s.type == "line"]
    assert (line.x0, line.x1, line.line.dash) == (17, 17, "dash")
    assert figure.layout.annotations[-1].text == "Ealing: 17"
    unscored = charts.score_distribution(latest({"Reading": None, "B": 25}), highlight="Reading", title="t")
    assert len(unscored.layout.annotations) == 4, "an area without a score gets no marker"


def heatmap_input() -> tuple[pd.DataFrame, list[str]]:
    ratings = dict.fromkeys(rules.SCORED_STANDARDS, rules.GOOD)
    ratings |= {"1.1": rules.INADEQUATE, "2.2": rules.OUTSTANDING, "3.4": rules.NOT_RATED, "4.1": None}
    wide = pd.DataFrame([{"inspection_id": 1, "overall_rating": rules.GOOD, "score": 24, "source": "s", **ratings}])
    return wide, ["Ealing"]


def test_heatmap_cells_carry_their_rating_in_words_white_on_the_dark_ratings():
    wide, labels = heatmap_input()
    figure = charts_ratings.ratings_heatmap(wide, labels, {(1, "1.1"): "Governance"}, marked=["2.2"])
    column_at = {centre: column for column, centre in charts_ratings.CENTRES.items()}
    words = {
        (column_at[x], colour): text
        for trace in figure.data[1:]
        for x, text, colour in zip(trace.x, trace.text, [trace.textfont.color] * len(trace.x), strict=True)
    }
    assert words[("1.1", "white")] == "Inad" and words[("2.2", "white")] == "Outst"
    assert words[("1.2", "black")] == "Good" and words[("3.4", "#1a1a1a")] == "Not rated"
    assert words[("4.1", "#1a1a1a")] == "–" and words[(charts_ratings.OVERALL, "black")] == "Good"
    assert words[(charts_ratings.SCORE, "#1a1a1a")] == "24"
    cells = figure.data[0]
    assert len(cells.x) == len(cells.z[0]) + 1, "the columns' edges: each column as wide as its labels need"
    assert "Governance: Inadequate" in cells.hovertext[0][0]
    assert list(figure.layout.xaxis.ticktext) == charts_ratings.MATRIX_COLUMNS, "short codes only"
    marker, *domains = figure.layout.annotations
    assert marker.text == "▼" and marker.x == charts_ratings.CENTRES["2.2"]
    assert [a.text for a in domains][-1] == "<b>Resettlement</b>" and len(domains) == 4
    assert domains[-1].xanchor == "left", "resettlement's name runs on over the gap, not into the domain before it"


def test_a_row_with_no_published_standard_gets_one_note_across_them_not_a_dash_in_each():
    wide, _labels = heatmap_input()
    unknown = dict.fromkeys(rules.ALL_STANDARDS)
    rows = pd.concat([wide, wide.assign(inspection_id=2, score=None, **unknown)], ignore_index=True)
    figure = charts_ratings.ratings_heatmap(rows, ["Ealing", "Reading"], {})
    reading = [
        (x, text) for trace in figure.data[1:] for x, y, text in zip(trace.x, trace.y, trace.text, strict=True)
        if y == "Reading"
    ]  # fmt: skip
    column_at = {centre: column for column, centre in charts_ratings.CENTRES.items()}
    assert sorted(text for _x, text in reading) == sorted([charts_ratings.UNPUBLISHED, "Good", "–"])
    note = next(x for x, text in reading if text == charts_ratings.UNPUBLISHED)
    assert charts_ratings.CENTRES["1.1"] < note < charts_ratings.CENTRES[rules.RESETTLEMENT]
    assert {column_at[x] for x, text in reading if text != charts_ratings.UNPUBLISHED} == {
        charts_ratings.OVERALL,
        charts_ratings.SCORE,
    }
    ealing = [text for trace in figure.data[1:] for y, text in zip(trace.y, trace.text, strict=True) if y == "Ealing"]
    assert charts_ratings.UNPUBLISHED not in ealing and "–" in ealing, "a row with some standards keeps its dashes"


def test_plan_timeline_bars_run_from_the_start_to_the_due_date_one_trace_a_status():
    rows = pd.DataFrame(
        {
            "ref": ["1", "2", "3"],
            "action": ["Audit", "Train", "Recruit"],
            "lead": ["Ann", "Bo", "Cy"],
            "status": [brag.RED, brag.BLUE, brag.RED],
            "overdue": [True, False, False],
            "bar_start": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
            "due_date": pd.to_datetime(["2024-06-30", "2024-04-30", "2025-01-31"]),
        }
    )
    figure = charts_plans.timeline(rows, dt.date(2024, 7, 1), title="t")
    assert [trace.name for trace in figure.data] == [brag.RED, brag.BLUE]  # in the statuses' own order
    red = figure.data[0]
    ends = [
        pd.Timestamp(start) + pd.Timedelta(milliseconds=length) for start, length in zip(red.base, red.x, strict=True)
    ]
    assert ends == list(pd.to_datetime(["2024-06-30", "2025-01-31"]))
    assert list(red.text) == [f"{brag.RED}, overdue", brag.RED] and red.customdata[0][0] == "Ann"
    assert red.marker.color == charts_plans.BRAG_COLOURS[brag.RED] and figure.layout.xaxis.type == "date"


@pytest.fixture
def bars():
    return charts.rating_counts(latest({"A": 20, "B": 30}), title="Latest overall rating")


def test_projector_copy_enlarges_every_label_and_leaves_the_screen_figure_alone(bars):
    big = for_projector(bars)
    assert big.layout.font.size == PROJECTOR_LABEL_SIZE and big.layout.title.font.size == PROJECTOR_LABEL_SIZE + 6
    assert big.data[0].textfont.size == PROJECTOR_LABEL_SIZE - 4 and big.layout.height >= charts.PROJECTOR_MIN_HEIGHT
    assert big.layout.template == bars.layout.template
    assert bars.layout.font.size == 16 and bars.data[0].textfont.size is None and bars.layout.height == 320


def test_static_copy_makes_room_for_long_category_labels(bars):
    wide = label_margins(bars)
    assert wide.layout.margin.l >= 30 + 8 * len(rules.REQUIRES_IMPROVEMENT) > bars.layout.margin.l
    assert wide.data[0].x.tolist() == bars.data[0].x.tolist() and bars.layout.margin.l == 10


def test_national_strip_puts_names_of_close_scores_in_different_lanes():
    scores = pd.DataFrame({"area": ["Tarnwick", "Quarrydown", "Nailsmith", "Far Away"], "score": [16, 17, 18, 35]})
    figure = charts_ratings.national_strip(scores, ["Quarrydown", "Nailsmith", "Far Away", "Tarnwick"], title="t")
    shifts = {a.text: a.yshift for a in figure.layout.annotations}
    assert shifts["Tarnwick"] > 0 and shifts["Quarrydown"] < 0, "neighbours above and below"
    assert shifts["Nailsmith"] > shifts["Tarnwick"], "a third close name on a higher line, not on Tarnwick's"
    assert shifts["Far Away"] == shifts["Tarnwick"], "a name with room beside it takes the first line"
    assert list(figure.data[2].x) == [16, 17, 18, 35], "the chosen areas in score order"


def test_projector_wraps_a_long_x_axis_title_and_grows_the_margin_for_it():
    layout = merged(charts.base_layout(title="t"), {"xaxis": {"title": {"text": "% of latest inspections rated Good"}}})
    figure = go.Figure({"data": [{"type": "bar", "x": [1], "y": ["a"], "orientation": "h"}], "layout": layout})
    short = merged(layout, {"xaxis": {"title": {"text": "Score"}}})
    shown, plain = for_projector(figure), for_projector(go.Figure({"data": figure.data, "layout": short}))
    assert shown.layout.xaxis.title.text == "% of latest inspections rated<br>Good"
    assert shown.layout.margin.b - plain.layout.margin.b == round(1.25 * PROJECTOR_LABEL_SIZE)
    assert plain.layout.xaxis.title.text == "Score"
