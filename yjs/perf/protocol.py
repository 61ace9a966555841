"""Many people at once without a browser: Streamlit's own websocket protocol, spoken as the browser does.

Why: on a 2-core machine 25 Chromium renderers starve the server, so a browser load test measures
Chromium. Here each simulated person opens `/_stcore/stream` and does what Streamlit 1.67's frontend
does (App.sendRerunBackMsg): the first rerun carries `?demo=true`; a sidebar link click is a BackMsg
`rerun_script` with the page's script hash (from the server's `navigation` message), the query string
of the widgets the main script binds to the URL (the shared filters), the hashes of the messages its
ForwardMsg cache holds, and its context (time zone, locale, URL). It then reads ForwardMsgs until
`script_finished`; nothing is rendered. Widget states are not echoed back: the server keeps the
sidebar's values in the session and the URL carries them, which is what the browser's states say
when nobody touches a widget.

A page time runs from sending the rerun to FINISHED_SUCCESSFULLY (a rerun the app asks for itself is
part of it). An exception element, a page-not-found, any other end of the script, a disconnect or
a timeout is an error, with its reason.
"""

from __future__ import annotations

import asyncio
import random
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from yjs.app.errors import UNEXPECTED_ERROR

OPENING = "Opening the app"  # the first rerun, before any click
_FINAL = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}


# Pages that open another when nothing is chosen: the Improvement plan without an area opens Plans across
# services (yjs/app/plan_progress.py), as yjs/perf/loadtest.py accepts in the browser.
FORWARDED_TO = {"Improvement plan": ("Plans across services",)}


@dataclass(frozen=True)
class Link:
    script_hash: str
    title: str


class VisitFailed(Exception):
    """One visit's error, with the reason a person reads in the report."""


@dataclass
class Settings:
    think_s: tuple[float, float] = (1.0, 3.0)  # uniform random pause between clicks
    timeout_s: float = 60.0  # a visit that has not finished by then is an error
    seed: int = 0
    query_string: str = "demo=true"
    figures: dict[str, str] = field(default_factory=dict)  # page title -> its first metric, from the database
    areas: tuple[str, ...] = ()  # each person's "Your area" in turn, as people from different services would
    area_figures: dict[str, dict[str, str]] = field(default_factory=dict)  # area -> figures that depend on it
    clicks: int | None = None  # stop after this many clicks (None: at the deadline)

    def person_query(self, number: int) -> tuple[str | None, str]:
        """Person `number`'s area (None: none chosen) and the query string their first visit carries."""
        if not self.areas:
            return None, self.query_string
        area = self.areas[number % len(self.areas)]
        return area, "&".join(part for part in (self.query_string, urlencode({"area": area})) if part)

    def expected(self, area: str | None, title: str) -> str | None:
        return self.area_figures.get(area, {}).get(title, self.figures.get(title))


class Person:
    """One browser tab's conversation with the server: send reruns, read what comes back."""

    def __init__(self, websocket, url: str):
        self.websocket, self.url = websocket, url
        self.links: list[Link] = []
        self.shown_hash = ""  # the page the server last ran
        self.query_string = ""
        self.area: str | None = None  # the sidebar's "Your area" this person chose
        self._main_hash = ""
        self._bound_keys: set[str] = set()  # URL parameters the main script's widgets own
        self._cache: dict[str, int] = {}  # message hash -> run count when last used
        self._runs, self._max_age = 0, 2
        self._waiting: asyncio.Future | None = None
        self._problems: list[str] = []
        self.metrics: list[str] = []  # the values of the metrics the last visit showed, in order

    async def visit(self, link: Link | None, timeout_s: float) -> float:
        """Open a page (None: the app's first run) and return the seconds until it finished."""
        self._problems, self.metrics = [], []
        self._waiting = asyncio.get_running_loop().create_future()
        started = time.perf_counter()
        await self.websocket.send(self._rerun(link).SerializeToString())
        try:
            await asyncio.wait_for(asyncio.shield(self._waiting), timeout_s)
        except TimeoutError:
            raise VisitFailed(f"no script_finished within {timeout_s:.0f} s") from None
        finally:
            self._waiting = None
        if link is not None and self.shown_hash != link.script_hash:  # Streamlit falls back to the default page
            shown = next((known.title for known in self.links if known.script_hash == self.shown_hash), "another page")
            if shown not in FORWARDED_TO.get(link.title, ()):
                self._problems.append(f"asked for {link.title} ({link.script_hash}), the server ran {shown}")
        if self._problems:
            raise VisitFailed("; ".join(self._problems))
        return time.perf_counter() - started

    def _rerun(self, link: Link | None) -> BackMsg:
        message = BackMsg()
        state = message.rerun_script
        if link is not None:  # App.onPageChange keeps only the URL parameters bound to widgets
            self.query_string = urlencode(self._bound_params())
            state.page_script_hash = link.script_hash
        state.query_string = self.query_string
        state.widget_states.SetInParent()
        state.cached_message_hashes.extend(self._cache)
        context = state.context_info
        context.timezone, context.timezone_offset, context.locale = "Europe/London", 0, "en-GB"
        context.url, context.is_embedded, context.color_scheme = self.url, False, "light"
        return message

    async def read(self) -> None:
        """Read every message until the connection closes; a visit waits on what this sees."""
        try:
            async for payload in self.websocket:
                message = ForwardMsg()
                message.ParseFromString(payload)
                self._receive(message)
        except websockets.ConnectionClosed:
            pass  # the visit waiting on it fails below, with the close code
        finally:
            code = self.websocket.close_code
            self._end(f"disconnected (close code {code})")

    def _receive(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "ref_hash":
            if message.ref_hash not in self._cache:
                self._problems.append(f"the server referred to a message this client never cached ({message.ref_hash})")
            self._cache[message.ref_hash] = self._runs
        elif message.metadata.cacheable and message.hash:
            self._cache.setdefault(message.hash, self._runs)
        if kind == "delta":
            self._delta(message)
        elif kind == "new_session":
            self._main_hash = message.new_session.main_script_hash
            self._max_age = message.new_session.config.max_cached_message_age
        elif kind == "navigation":
            self.links = [Link(page.page_script_hash, page.page_name) for page in message.navigation.app_pages]
            self.shown_hash = message.navigation.page_script_hash
        elif kind == "page_info_changed":  # the frontend writes the bound widgets' values back into the URL
            given = parse_qsl(message.page_info_changed.query_string)
            keys = {key for key, _value in given}
            self.query_string = urlencode(given + [(k, v) for k, v in self._bound_params() if k not in keys])
        elif kind == "page_not_found":
            self._problems.append(f"page not found: {message.page_not_found.page_name or '(no name)'}")
        elif kind == "script_finished":
            self._finished(message.script_finished)

    def _bound_params(self) -> list[tuple[str, str]]:
        return [(key, value) for key, value in parse_qsl(self.query_string) if key in self._bound_keys]

    def _delta(self, message: ForwardMsg) -> None:
        if message.delta.WhichOneof("type") != "new_element":
            return
        element = message.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            self._problems.append(f"exception {element.exception.type}: {element.exception.message[:200]}")
        elif kind == "alert" and UNEXPECTED_ERROR in element.alert.body:  # the app caught it (yjs.app.errors)
            self._problems.append(f"error message: {element.alert.body[:200]}")
        elif kind == "metric":
            self.metrics.append(element.metric.body)
        key = getattr(getattr(element, kind), "query_param_key", "") if kind else ""
        if key and message.metadata.active_script_hash == self._main_hash:
            self._bound_keys.add(key)

    def _finished(self, status: int) -> None:
        if status != ForwardMsg.FINISHED_EARLY_FOR_RERUN:  # the frontend's ForwardMsgCache ages its entries
            self._runs += 1
            self._cache = {key: run for key, run in self._cache.items() if self._runs - run <= self._max_age}
        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            self._problems.append("the script did not compile")
        if status in _FINAL and self._waiting is not None and not self._waiting.done():
            self._waiting.set_result(status)

    def _end(self, reason: str) -> None:
        if self._waiting is not None and not self._waiting.done():
            self._waiting.set_exception(VisitFailed(reason))


@dataclass
class Tally:
    """What everyone saw: (page, seconds) per successful visit, and every error with its reason."""

    visits: list[tuple[str, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    figures_checked: int = 0
    first_start: float = 0.0
    last_end: float = 0.0


async def _person(url: str, number: int, start: float, deadline: float, settings: Settings, tally: Tally) -> None:
    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    think = random.Random(f"{settings.seed}-{number}")
    await asyncio.sleep(think.uniform(0, settings.think_s[1]))  # people arrive within a few seconds, not at once
    try:
        async with websockets.connect(
            stream,
            subprotocols=["streamlit"],
            origin=url,
            max_size=None,
            open_timeout=settings.timeout_s,
            # each person's own browser cookie, which keeps them on one replica behind deploy/nginx.conf
            additional_headers={"Cookie": f"yjs_replica=person-{settings.seed}-{number}"},
        ) as websocket:
            area, query_string = settings.person_query(number)
            person = Person(websocket, f"{url}/?{query_string}")
            person.query_string, person.area = query_string, area
            reader = asyncio.create_task(person.read())
            try:
                await _click_through(person, number, start, deadline, settings, think, tally)
            finally:
                reader.cancel()
    except (OSError, TimeoutError, websockets.WebSocketException) as exc:
        tally.errors.append(f"session {number}: could not connect or lost the connection: {exc}")


async def _click_through(
    person: Person, number: int, start: float, deadline: float, settings: Settings, think: random.Random, tally: Tally
) -> None:
    """Open the app, then follow the menu until the deadline, each person from a point `start` (0-1) of it,
    so that a few people soon cover every page between them."""
    step, link, clicks = None, None, 0
    while True:
        title = OPENING if link is None else link.title
        try:
            seconds = await person.visit(link, settings.timeout_s)
            _check_figure(person, title, settings, tally)
            tally.visits.append((title, seconds))
        except VisitFailed as exc:
            tally.errors.append(f"session {number}, {title}: {exc}")
            if person.websocket.close_code is not None:
                return
        tally.last_end = time.perf_counter()
        clicks = 0 if step is None else clicks + 1
        if not person.links or time.monotonic() >= deadline or clicks == settings.clicks:
            return
        await asyncio.sleep(think.uniform(*settings.think_s))
        if time.monotonic() >= deadline:
            return
        step = round(start * len(person.links)) + 1 if step is None else step + 1
        link = person.links[step % len(person.links)]


def _check_figure(person: Person, title: str, settings: Settings, tally: Tally) -> None:
    """The page's first metric must be the database's figure (a wrong filter would show another)."""
    expected = settings.expected(person.area, title)
    if expected is None:
        return
    tally.figures_checked += 1
    shown = person.metrics[0] if person.metrics else "no metric"
    if shown != expected:
        raise VisitFailed(
            f"shows {shown}, the database says {expected}" + (f" for {person.area}" if person.area else "")
        )


def in_own_loop(coroutine):
    """Run `coroutine` to its end in a thread of its own, whose event loop is its own: the calling thread may
    already run one (Playwright's sync API does), and asyncio.run refuses to nest."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def drive(url: str, sessions: int, seconds: float, settings: Settings | None = None) -> Tally:
    """`sessions` people on the app at `url` for `seconds` (a visit under way at the end finishes)."""
    tally = Tally(first_start=time.perf_counter())
    deadline = time.monotonic() + seconds
    await asyncio.gather(
        *(
            _person(url, number, number / sessions, deadline, settings or Settings(), tally)
            for number in range(sessions)
        )
    )
    return tally
