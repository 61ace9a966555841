"""`python -m yjs.serve [streamlit options]`: serve app.py (what `make run` calls).

Why not plain `streamlit run app.py`: the design card puts the pages in `pages/`, and Streamlit
takes its legacy multipage path (which knows nothing of st.navigation's URLs) for a fresh server's
first request. A link to a page opened first then shows "Page not found". Declaring the app
navigation-only before the server starts avoids that; `streamlit run` still works, and
`ui.filters()` recovers from that first request by rerunning through app.py.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from yjs.paths import ROOT


def main(argv: list[str] | None = None) -> int:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *(sys.argv[1:] if argv is None else argv)]
    return cli.main()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_background(db: Path, timeout: float = 60, port: int | None = None,
                     options: tuple[str, ...] = ()) -> tuple[str, subprocess.Popen]:
    """Serve `db` on a (free) loopback port in a child process; (url, process) once it answers.
    `options` are more Streamlit options, e.g. ("--secrets.files", path) for a login set-up."""
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "yjs.serve", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false", *options],
        cwd=ROOT, env={**os.environ, "YJS_DB": str(db)}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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


if __name__ == "__main__":
    sys.exit(main())
