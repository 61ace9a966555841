"""`streamlit run` that writes down when each script run starts and ends: the server's side of a menu click.

The benchmark's menu clicks (yjs/perf/page_clicks.py) start the app with `python -m yjs.perf.timed_server run
app.py ...` instead of `python -m streamlit run app.py ...`: the same server, and the same runs, each appended to
the file named by $YJS_RUN_LOG as two wall-clock times. The browser cannot tell when the server finished: while it
draws a heavy chart it reads the websocket late, so the messages that follow look late too.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
from streamlit.web.cli import main

LOG_ENV = "YJS_RUN_LOG"


def _timed(run_script):
    def run_and_log(self, rerun_data) -> None:
        started = time.time()
        try:
            run_script(self, rerun_data)  # with any reruns the app asks for, which it runs in the same call
        finally:
            with open(os.environ[LOG_ENV], "a", encoding="utf-8") as log:
                log.write(f"{started:.4f} {time.time():.4f}\n")

    return run_and_log


def read_runs(path) -> list[tuple[float, float]]:
    """The runs logged so far, as (start, end) wall-clock seconds."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [tuple(float(part) for part in line.split()) for line in lines if line.strip()]


if __name__ == "__main__":
    ScriptRunner._run_script = _timed(ScriptRunner._run_script)
    main(prog_name="streamlit")
