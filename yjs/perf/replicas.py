"""Several Streamlit processes behind nginx, on loopback: `make serve-replicas N=2`, `loadtest --replicas N`.

Each replica is a plain `streamlit run app.py` (yjs/perf/server.py) opening the same database file
read-only; writes still go through the single-writer lock, and each replica sees a new file on its next
rerun. nginx (Debian's package) proxies them with sticky sessions and websockets: the config is
deploy/nginx.conf, a template filled in here with the ports and a folder of the run's own, so nginx runs
as the user who starts it. The replicas share one cookie secret: a file upload is checked against the
cookie the page was served with, whichever replica served it.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import string
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from yjs.paths import ROOT
from yjs.perf.server import free_port, start_background, wait_until_served

TEMPLATE = ROOT / "deploy" / "nginx.conf"


def nginx() -> str | None:
    """Debian's nginx, wherever it is installed (None when it is not)."""
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def nginx_config(listen: str, ports: list[int], runtime: Path) -> str:
    """deploy/nginx.conf with its ${...} filled in; nginx's own $variables are left as they are."""
    upstreams = "\n".join(f"        server 127.0.0.1:{port};" for port in ports)
    return string.Template(TEMPLATE.read_text()).safe_substitute(
        LISTEN=listen, UPSTREAMS=upstreams, RUNTIME=str(runtime)
    )


@dataclass
class Replicas:
    url: str  # nginx's
    replica_urls: list[str]
    pids: list[int]  # the Streamlit processes'


@contextlib.contextmanager
def serving(db: Path, count: int, port: int | None = None, progress=print) -> Iterator[Replicas]:
    """`count` replicas serving `db` and nginx in front of them on `port` (a free one by default);
    every process is stopped on the way out, whatever happens."""
    program = nginx()
    if program is None:
        raise RuntimeError("nginx is not installed (Debian: apt-get install nginx)")
    cookie_secret = secrets.token_hex(32)
    processes: list[subprocess.Popen] = []
    with tempfile.TemporaryDirectory(prefix="yjs-replicas-") as folder:
        runtime = Path(folder)
        try:
            urls = []
            for number in range(count):
                progress(f"starting replica {number + 1} of {count}")
                url, process = start_background(db, env={"STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret})
                processes.append(process)
                urls.append(url)
            port = port or free_port()
            config = runtime / "nginx.conf"
            config.write_text(nginx_config(f"127.0.0.1:{port}", [int(u.rsplit(":", 1)[1]) for u in urls], runtime))
            processes.append(
                subprocess.Popen(
                    [program, "-p", str(runtime), "-e", str(runtime / "error.log"), "-c", str(config)],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                )
            )
            proxy, _nginx = wait_until_served(f"http://127.0.0.1:{port}", processes[-1], timeout=30)
            progress(f"nginx at {proxy} in front of {', '.join(urls)}")
            yield Replicas(proxy, urls, [p.pid for p in processes[:-1]])
        finally:
            for process in reversed(processes):
                process.terminate()
            for process in processes:
                process.wait(timeout=30)
