"""Serving app.py in the background for the benchmark, the load tests and the browser tests.

The server is started exactly as people start it, `streamlit run app.py`, in a child process on
a loopback port: what is measured and tested is what users run. The app guards its own first
load (Streamlit's legacy `pages/` path answers a fresh server's first request; see
`yjs.app.entry.rerun_through_entry_point`), so nothing here changes how Streamlit behaves.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from yjs.paths import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def streamlit_command(script: Path, port: int, *options: str, module: str = "streamlit") -> list[str]:
    """Plain `streamlit run SCRIPT` on a loopback port, headless and without usage statistics (`module`: another
    command line that runs Streamlit, such as yjs.perf.timed_server)."""
    return [sys.executable, "-m", module, "run", str(script), "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
            *options]  # fmt: skip


def start_background(
    db: Path,
    timeout: float = 60,
    port: int | None = None,
    options: tuple[str, ...] = (),
    env: dict | None = None,
    module: str = "streamlit",
) -> tuple[str, subprocess.Popen]:
    """Serve `db` on a (free) loopback port in a child process; (url, process) once it answers.
    `options` are more Streamlit options, e.g. ("--secrets.files", path) for a login set-up; `env` more
    environment (the options Streamlit takes only from there)."""
    port = port or free_port()
    process = subprocess.Popen(
        streamlit_command(ROOT / "app.py", port, *options, module=module),
        cwd=ROOT,
        env={**os.environ, **(env or {}), "YJS_DB": str(db)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return wait_until_served(f"http://127.0.0.1:{port}", process, timeout)


def wait_until_served(url: str, process: subprocess.Popen, timeout: float = 60) -> tuple[str, subprocess.Popen]:
    """(url, process) once the Streamlit server `process` answers its health check at `url`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}: {process.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return url, process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise TimeoutError(f"the server did not answer at {url} within {timeout} s")
