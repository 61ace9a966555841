"""DNS rebinding: a real server, started as people start it, answers a websocket only for a Host naming this machine.

A page on another site whose name an attacker points at 127.0.0.1 reaches the server with that site's name
in Host (and Origin). `server.allowedHosts` in .streamlit/config.toml refuses the handshake; the test speaks
raw HTTP so that nothing between it and the server rewrites the headers.
"""

import base64
import os
import socket

import pytest

from yjs.perf.server import start_background


@pytest.fixture(scope="module")
def served(real_db):
    url, process = start_background(real_db)
    yield int(url.rsplit(":", 1)[1])
    process.terminate()
    process.wait(timeout=20)


def handshake(port: int, host: str, origin: str | None) -> str:
    """The status line the server answers a websocket upgrade to /_stcore/stream with."""
    headers = [
        "GET /_stcore/stream HTTP/1.1",
        f"Host: {host}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Protocol: streamlit",
        *([f"Origin: {origin}"] if origin else []),
    ]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(("\r\n".join(headers) + "\r\n\r\n").encode("ascii"))
        return connection.recv(4096).decode("latin-1").split("\r\n", 1)[0]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_this_machine_by_address_or_name_is_answered(served, host):
    assert handshake(served, f"{host}:{served}", f"http://{host}:{served}").startswith("HTTP/1.1 101")


@pytest.mark.parametrize(
    "host, origin",
    [
        ("rebound.example", "http://rebound.example"),  # the rebinding page: its own name in both
        ("rebound.example", None),
        ("127.0.0.1.rebound.example", "http://127.0.0.1.rebound.example"),
        ("127.0.0.1", "http://evil.example"),  # a right Host, a foreign page
    ],
)
def test_a_foreign_host_or_origin_is_refused(served, host, origin):
    status = handshake(served, f"{host}:{served}", origin and f"{origin}:{served}")
    assert status.startswith("HTTP/1.1 403"), status
