"""The local OpenID Connect provider (npm `oidc-provider`, tests/oidc/) for the login test.

Installed on first use with `npm ci` from the committed lock file into tests/oidc/node_modules
(git-ignored), so a fresh clone (and CI) gets exactly the same version. Without node and npm the
test skips on a user's machine and fails under CI=true.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

OIDC_DIR = Path(__file__).resolve().parents[1] / "oidc"
CLIENT_ID, CLIENT_SECRET = "yjs-insight", "local-test-secret"


def ensure_installed() -> None:
    if not (shutil.which("node") and shutil.which("npm")):
        if os.environ.get("CI") == "true":
            pytest.fail("node and npm are missing; CI must run the login test (.ci/run installs them)")
        pytest.skip("node and npm not found: install Debian's nodejs and npm to run the login test")
    if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=OIDC_DIR,
            check=True,
            timeout=300,
            capture_output=True,
        )


def start(port: int, redirect_uri: str, timeout: float = 30) -> subprocess.Popen:
    """The provider on 127.0.0.1:`port`, once its discovery document answers."""
    process = subprocess.Popen(
        ["node", "provider.mjs", str(port), redirect_uri],
        cwd=OIDC_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the OIDC provider exited: {process.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{issuer(port)}/.well-known/openid-configuration", timeout=2):
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise TimeoutError("the OIDC provider did not start")


def issuer(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def secrets_toml(path: Path, app_port: int, provider_port: int, roles: Path) -> Path:
    path.write_text(
        f'''roles_file = "{roles}"

[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "a-long-random-string-only-for-this-test"
client_id = "{CLIENT_ID}"
client_secret = "{CLIENT_SECRET}"
server_metadata_url = "{issuer(provider_port)}/.well-known/openid-configuration"
# Streamlit asks for prompt=select_account by default (right for Entra ID); this provider knows "login".
client_kwargs = {{ prompt = "login" }}
''',
        encoding="utf-8",
    )
    return path
