"""A short run of the load test (python -m yjs loadtest runs the full 25 sessions for 2 minutes)."""

from yjs import loadtest


def test_concurrent_sessions_see_the_databases_figures_without_errors(browser, demo_db):
    report = loadtest.run(demo_db, sessions=3, seconds=25, progress=lambda _message: None)
    assert report.errors == [], report.lines()
    assert report.visits >= 3 and report.figures_checked >= 1, report.lines()
    assert report.memory_growth_mb < 150, report.lines()
