"""Login and roles in the app: who is using it, what they may open, and the sidebar that says so.

With an `[auth]` section in .streamlit/secrets.toml, people log in with the council's identity
provider (Streamlit's OIDC login: st.login, st.user) and the roles file (yjs/domain/roles.py) gives them a
role. Without one, the app is a local single-user tool and the person at the machine is an editor.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from yjs.domain import roles
from yjs.paths import DATA_DIR, ROOT
from yjs.store import audit_seal

ACTOR_KEY = "yjs_actor"


def login_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file, or one that does not parse: Streamlit raises several types
        return False


def use_audit_key_from_secrets() -> None:
    """`audit_key` in secrets.toml keys the audit trail (yjs/store/audit_seal.py); without it, a key file."""
    try:
        secret = st.secrets.get(audit_seal.SECRETS_NAME)
    except Exception:  # no secrets file, or one that does not parse
        secret = None
    audit_seal.use_secret(str(secret) if secret else None)


def roles_path() -> Path:
    """`$YJS_ROLES`, else `roles_file` in secrets.toml, else data/roles.toml (relative to the project)."""
    try:
        configured = os.environ.get("YJS_ROLES") or st.secrets.get("roles_file")
    except Exception:
        configured = os.environ.get("YJS_ROLES")
    path = Path(configured) if configured else DATA_DIR / "roles.toml"
    return path if path.is_absolute() else ROOT / path


@st.cache_data(show_spinner=False, max_entries=8)
def _roles(path: str, signature: tuple) -> roles.RolesMap:
    return roles.read_roles(Path(path))  # cached until the file changes: edits apply on the next click


def _provider() -> str | None:
    """st.login's provider: none for a single [auth] provider, else the first named one."""
    section = st.secrets["auth"]
    if "client_id" in section:
        return None
    named = [key for key, value in section.items() if hasattr(value, "keys")]
    return named[0] if named else None


def _only_this(screen) -> None:
    """Show one screen as the app's only page, then stop: no other page is registered, so no
    page URL (and no page file from pages/) can be reached before login."""
    st.navigation([st.Page(screen, title="YJS Insight", url_path="welcome")], position="hidden").run()
    st.stop()


def _login_screen() -> None:
    def screen():
        st.title("YJS Insight")
        st.info("Log in with your organisation's account to see the dashboard.", icon=":material/lock:")
        provider = _provider()
        st.button(
            "Log in", type="primary", icon=":material/login:", on_click=st.login, args=(provider,) if provider else ()
        )

    _only_this(screen)


def _refuse(message: str) -> None:
    def screen():
        st.title("YJS Insight")
        st.error(message, icon=":material/block:")
        st.button("Log out", on_click=st.logout)

    _only_this(screen)


def current_actor() -> roles.Actor:
    """Who is using the app now (stops the run with a login screen or a refusal when needed)."""
    if not login_configured():
        actor = roles.local_actor("editor")
    else:
        if not st.user.is_logged_in:
            _login_screen()
        email = str(st.user.get("email") or "")
        path = roles_path()
        try:
            roles_map = _roles(str(path), tuple(os.stat(path)[7:9]) if path.exists() else ())
        except roles.RolesFileError as exc:
            _refuse(f"**Access cannot be checked:** {exc}. An administrator needs to correct the roles file.")
        role = roles_map.role_for(email)
        if role is None:
            _refuse(
                f"**{email or 'This account'} has no access to YJS Insight.** Ask an administrator to add you "
                "to the roles file, then log in again."
            )
        actor = roles.Actor(email, role)
    st.session_state[ACTOR_KEY] = actor
    return actor


def actor() -> roles.Actor:
    """The actor app.py identified in this run: what pages pass to every write."""
    return st.session_state[ACTOR_KEY]


def sidebar_identity(actor: roles.Actor) -> None:
    if actor.local:
        st.sidebar.caption(
            ":material/person: **Local single-user mode**: you can view and load data (editor). "
            "Logins and roles: see the README's Security section."
        )
        return
    st.sidebar.caption(f":material/person: Logged in as **{actor.who}** ({actor.role})")
    st.sidebar.button("Log out", on_click=st.logout, icon=":material/logout:", key="logout")


def require(actor: roles.Actor, role: str) -> None:
    """A page's own check of the role it needs (the navigation already hides it from others)."""
    if not roles.allows(actor.role, role):
        st.error(f"This page needs the {role} role.", icon=":material/block:")
        st.stop()
