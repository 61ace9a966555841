"""The protocol load generator against a real server: it visits every page and counts what goes wrong."""

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
import websockets

from yjs.app.navigation import pages_for
from yjs.perf import sessions as load_sessions
from yjs.perf.protocol import OPENING, Link, Person, Settings, VisitFailed, drive, in_own_loop
from yjs.perf.server import free_port, streamlit_command, wait_until_served

LOAD_APP = Path(__file__).parent / "load_app" / "app.py"


def test_sessions_visit_every_page_and_check_figures_without_errors(demo_db):
    settings = load_sessions.checked_settings(demo_db, 3, think_s=(0.1, 0.3), timeout_s=120)
    assert len(set(settings.areas)) == 3  # each person from a service of their own
    assert all(
        settings.area_figures[a]["Cohort explorer"] != settings.figures["Cohort explorer"] for a in settings.areas
    )
    report = load_sessions.run(demo_db, sessions=3, seconds=15, settings=settings, progress=lambda _message: None)
    assert report.errors == [], report.lines()
    visited = set(report.pages())
    assert visited == {OPENING} | {page.title for page in pages_for("editor")}, report.lines()  # no login: an editor
    assert report.tally.figures_checked >= 1  # the Overview's or Cohort explorer's figure
    assert all(seconds > 0 for seconds in report.times)
    figures = report.figures()
    assert figures["visits"] == len(report.times) >= 13 and figures["p95_ms"] >= figures["median_ms"] > 0
    assert figures["server_peak_rss_mb"] > 50 and figures["visits_per_s"] > 0


def test_each_person_carries_their_own_area_and_is_checked_against_its_figures():
    settings = Settings(
        query_string="demo=true",
        figures={"Overview": "67", "Cohort explorer": "20,000"},
        areas=("Ynys Môn", "Tower & Hamlets"),
        area_figures={"Ynys Môn": {"Cohort explorer": "301"}},
    )
    assert settings.person_query(0) == ("Ynys Môn", "demo=true&area=Ynys+M%C3%B4n")
    assert settings.person_query(3) == ("Tower & Hamlets", "demo=true&area=Tower+%26+Hamlets")
    assert settings.expected("Ynys Môn", "Cohort explorer") == "301"
    assert settings.expected("Ynys Môn", "Overview") == "67"  # the Overview counts areas either way
    assert Settings(query_string="demo=true").person_query(5) == (None, "demo=true")


def serve_load_app() -> tuple[str, subprocess.Popen]:
    port = free_port()
    process = subprocess.Popen(
        streamlit_command(LOAD_APP, port, "--client.showErrorDetails", "full"),  # not the project's app
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return wait_until_served(f"http://127.0.0.1:{port}", process)


@pytest.fixture(scope="module")
def load_app_url():
    url, process = serve_load_app()
    yield url
    process.terminate()
    process.wait(timeout=20)


async def opened(url: str, websocket) -> tuple[Person, asyncio.Task]:
    """A person who has opened the app at `url`, and the task reading what the server sends."""
    person = Person(websocket, url)
    reader = asyncio.create_task(person.read())
    await person.visit(None, 30)
    return person, reader


def test_exceptions_and_timeouts_are_errors_with_their_reasons(load_app_url):
    tally = in_own_loop(drive(load_app_url, 1, 6, Settings(think_s=(0.1, 0.1), timeout_s=2, query_string="")))
    visited = {page for page, _seconds in tally.visits}
    assert {OPENING, "Fine"} <= visited and not visited & {"Broken", "Slow"}
    assert any("Broken: exception ValueError: deliberately broken" in error for error in tally.errors), tally.errors
    assert any("Slow: no script_finished within 2 s" in error for error in tally.errors), tally.errors


def test_a_page_the_server_does_not_have_is_an_error(load_app_url):
    async def visit_nowhere() -> str:
        async with websockets.connect(
            load_app_url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"]
        ) as websocket:
            person, reader = await opened(load_app_url, websocket)
            try:
                await person.visit(Link("0" * 32, "Nowhere"), 30)
            except VisitFailed as exc:
                return str(exc)
            finally:
                reader.cancel()
        return "no error"

    assert in_own_loop(visit_nowhere()) == f"asked for Nowhere ({'0' * 32}), the server ran Fine"


def test_a_server_that_does_not_answer_is_an_error():
    tally = in_own_loop(drive("http://127.0.0.1:9", 2, 1, Settings(timeout_s=5)))  # nothing listens on port 9
    assert len(tally.errors) == 2 and all("could not connect" in error for error in tally.errors)


def test_a_server_that_stops_during_a_visit_is_an_error():
    url, process = serve_load_app()

    async def stop_during_slow_visit() -> str:
        async with websockets.connect(url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"]) as ws:
            person, reader = await opened(url, ws)
            visiting = asyncio.create_task(person.visit(next(p for p in person.links if p.title == "Slow"), 30))
            while person.shown_hash != next(p.script_hash for p in person.links if p.title == "Slow"):
                await asyncio.sleep(0.05)  # until the server runs the slow page (its navigation message)
            process.kill()
            try:
                await visiting
            except VisitFailed as exc:
                return str(exc)
            finally:
                reader.cancel()
        return "no error"

    try:
        assert in_own_loop(stop_during_slow_visit()).startswith("disconnected (close code")
    finally:
        process.kill()
        process.wait(timeout=20)


def test_the_loadtest_command_speaks_the_protocol_by_default(demo_db):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "yjs",
            "loadtest",
            "--db",
            str(demo_db),
            "--sessions",
            "2",
            "--seconds",
            "3",
            "--think",
            "0.1",
            "0.2",
        ],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert "2 sessions over the websocket protocol" in result.stdout and ", 0 errors" in result.stdout
