"""The menu-click measurement's own judgement: when a page has settled, where a visit starts, what the wire says,
and how the report marks each page (the Chromium part runs in `python -m yjs bench`, not here)."""

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from yjs.app.navigation import BY_URL
from yjs.perf.page_clicks import Visit, Wire, figures, is_settled, landing_paths, launch_link, skipped_pages, split
from yjs.perf.report import page_click_lines

SETTLED = {
    "path": "/ratings",
    "running": 0,
    "stale": 0,
    "skeletons": 0,
    "headings": 1,
    "exceptions": 0,
    "charts": 2,
    "charts_drawn": 2,
    "tables": 1,
    "tables_drawn": 1,
    "elements": 50,
}


def test_a_page_is_settled_only_when_its_run_is_over_and_everything_is_drawn():
    ratings = landing_paths(BY_URL["ratings"])
    assert is_settled(SETTLED, ratings)
    for unsettled in (
        {"path": "/"},  # still the launch page: the click has not landed
        {"running": 1},  # the script is still running
        {"stale": 3},  # the last run's elements are still on screen, faded
        {"skeletons": 1},  # an element is still loading
        {"headings": 0},
        {"charts_drawn": 1},  # a chart not drawn yet
        {"tables_drawn": 0},
    ):
        assert not is_settled({**SETTLED, **unsettled}, ratings), unsettled


def test_the_improvement_plan_may_land_on_plans_across_services():
    plan = landing_paths(BY_URL["plan"])
    assert is_settled({**SETTLED, "path": "/plans"}, plan)
    assert is_settled({**SETTLED, "path": "/plan"}, plan)
    assert not is_settled({**SETTLED, "path": "/ratings"}, plan)
    assert landing_paths(BY_URL["overview"]) == ("/",)  # the default page is served at the root


def test_a_visit_starts_on_another_page_with_the_variations_filters():
    link = launch_link(BY_URL["cohort"], {"demo": "true", "f_ethnicity": ["Black", "Mixed"]})
    assert link == "/?demo=true&f_ethnicity=Black&f_ethnicity=Mixed"
    assert launch_link(BY_URL["overview"], {"demo": "true"}) == "/about?demo=true"  # never the page itself
    assert launch_link(BY_URL["audit"], {}) == "/"
    # presentation mode hides the menu: a visit to the presentation starts from the plain page
    assert launch_link(BY_URL["presentation"], {"area": "Ealing", "present": "1"}) == "/?area=Ealing"


def _message(**fields) -> bytes:
    message = ForwardMsg()
    for name, value in fields.items():
        if name == "script_finished":
            message.script_finished = value
        elif name == "new_session":
            message.new_session.name = "app"
        elif name == "element":
            message.delta.new_element.markdown.body = value
    return message.SerializeToString()


def test_the_wire_times_the_last_run_and_counts_what_it_sent():
    wire = Wire(started=10.0)
    wire.receive(_message(new_session=True), 10.1)
    wire.receive(_message(script_finished=ForwardMsg.FINISHED_EARLY_FOR_RERUN), 10.2)  # the app reruns itself
    wire.receive(_message(new_session=True), 10.3)
    assert wire.finished is None
    wire.receive(_message(element="x" * 100), 10.4)
    wire.receive(_message(script_finished=ForwardMsg.FINISHED_SUCCESSFULLY), 10.5)
    assert (wire.finished, wire.deltas) == (10.5, 1)
    assert wire.bytes_by_element["markdown"] > 100
    assert wire.bytes > wire.bytes_by_element["markdown"]


def test_a_visit_is_split_by_the_servers_own_log_of_its_runs():
    runs = [(99.0, 99.5), (100.05, 100.25), (100.25, 100.3)]  # the launch page's run, then the click's and a rerun
    wait, run, draw = split(clicked=100.0, settled=100.9, runs=runs)
    assert (round(wait, 2), round(run, 2), round(draw, 2)) == (0.05, 0.25, 0.6)


def _visit(total_s: float, chart_kb: int) -> Visit:
    return Visit(total_s, 0.05, 0.2, total_s - 0.25, 60, 80.0, 50, 2, {"plotly_chart": chart_kb * 1024})


def test_the_report_marks_each_page_against_the_p95_target():
    clicks = {
        "load_before": 0.5,
        "load_after": 0.7,
        "skipped": skipped_pages(),
        "pages": {
            "pages/overview.py": figures([_visit(0.4, 10) for _ in range(10)]),
            "pages/ratings.py": figures([_visit(0.9, 600)] * 8 + [_visit(1.4, 600)] * 2),
        },
    }
    assert clicks["pages"]["pages/ratings.py"]["heaviest"] == {"plotly_chart": 600.0}
    lines = page_click_lines(clicks)
    overview = next(line for line in lines if "overview" in line)
    ratings = next(line for line in lines if "ratings" in line)
    assert " met " in overview and "MISSED" in ratings
    assert "load average 0.5 before, 0.7 after" in lines[0]
    assert lines[-1].endswith("Audit trail")  # admin only: not in the menu of a server without login
    assert page_click_lines(None) == []
