"""Static chart images: plotly figures drawn by kaleido in Debian's Chromium, one server per process.

kaleido 1.x drives a browser through choreographer. It must use the system Chromium (BROWSER_PATH),
never download one, and starting a browser takes seconds, so the first picture starts a persistent
sync server (`kaleido.start_sync_server`) that every later picture in this process reuses (the app's
PNG downloads and the board packs alike); it is stopped when the process exits.
"""

from __future__ import annotations

import atexit
import os
import threading
from pathlib import Path

import kaleido
import plotly.graph_objects as go

from yjs.charts.base import label_margins

SYSTEM_CHROMIUM = "/usr/bin/chromium"
WIDTH = 1000
SCALE = 2  # 2000 pixels wide: sharp when printed across an A4 page or projected

_lock = threading.Lock()
_started = False


class ImagesUnavailable(RuntimeError):
    """No browser to draw charts with: the message says how to install one."""


def browser_path() -> str:
    path = os.environ.get("BROWSER_PATH") or SYSTEM_CHROMIUM
    if not Path(path).exists():
        raise ImagesUnavailable(
            f"Charts are drawn with Chromium, which is not at {path}. Install it with "
            "`apt-get install chromium` or set BROWSER_PATH to a Chrome or Chromium binary."
        )
    return path


def _server() -> None:
    """Start the process's one kaleido server on first use."""
    global _started
    with _lock:
        if _started:
            return
        os.environ["BROWSER_PATH"] = browser_path()  # choreographer reads it; it then never downloads Chrome
        kaleido.start_sync_server(silence_warnings=True)
        atexit.register(kaleido.stop_sync_server, silence_warnings=True)
        _started = True


def png_bytes(figure: go.Figure, *, width: int = WIDTH, height: int | None = None, scale: int = SCALE) -> bytes:
    """The figure as a PNG, `width` x its own height (or `height`) CSS pixels at `scale`."""
    _server()
    height = height or figure.layout.height or 420
    return kaleido.calc_fig_sync(
        label_margins(figure), opts={"format": "png", "width": width, "height": int(height), "scale": scale}
    )
