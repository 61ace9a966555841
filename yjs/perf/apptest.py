"""Running the app under streamlit.testing as a logged-in user with a given role.

Used by the AppTest suite and by the benchmark (which opens the admin-only pages too). The [auth]
values are placeholders: AppTest supplies st.user itself and never talks to a provider.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager

PLACEHOLDER_AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "not-a-secret-only-for-tests",
    "client_id": "yjs-insight-tests",
    "client_secret": "not-a-secret-either",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


def roles_file(folder: Path, roles: dict[str, str], domains: dict[str, str] | None = None) -> Path:
    lines = [
        "[users]",
        *(f'"{email}" = "{role}"' for email, role in roles.items()),
        "[domains]",
        *(f'"{domain}" = "{role}"' for domain, role in (domains or {}).items()),
    ]
    path = Path(folder) / "roles.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def log_in(at, email: str | None, roles_path: Path):
    """Configure login on an AppTest and act as `email` (None: a visitor who has not logged in)."""
    at.secrets["auth"] = dict(PLACEHOLDER_AUTH)
    at.secrets["roles_file"] = str(roles_path)
    at.user = {"is_logged_in": True, "email": email, "name": email} if email else {"is_logged_in": False}
    return at


def navigation_only() -> None:
    """For the rest of this process, run the app as a running server does after its first request: through
    st.navigation only, never the legacy `pages/` path, whose recovery rerun would swallow a button's click
    (tests/apptest/conftest.py does the same for each test)."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
