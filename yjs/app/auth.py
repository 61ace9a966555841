"""Login and roles in the app: who is using it, what they may open, and the sidebar that says so.

With an `[auth]` section in .streamlit/secrets.toml, people log in with the council's identity
provider (Streamlit's OIDC login: st.login, st.user) and the roles file (yjs/domain/roles.py) gives them a
role, perhaps scoped to some services. Without one, the app is a local single-user tool and the person at
the machine is an editor; so it refuses to serve a network address (anyone who reached it would be an
editor, under any name) unless that is switched on explicitly.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import streamlit as st

from yjs.domain import roles
from yjs.domain.plaintext import markdown_text as md
from yjs.paths import DATA_DIR, ROOT
from yjs.store import audit_seal

ACTOR_KEY = "yjs_actor"
NETWORK_OPT_IN = "YJS_ALLOW_UNAUTHENTICATED_NETWORK"  # or allow_unauthenticated_network = true in secrets


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


def _refuse(message: str, *, log_out: bool = True) -> None:
    def screen():
        st.title("YJS Insight")
        st.error(message, icon=":material/block:")
        if log_out:
            st.button("Log out", on_click=st.logout)

    _only_this(screen)


def is_loopback(address: str | None) -> bool:
    """Whether a server address reaches this machine only ('' and None mean every interface)."""
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to a network address


def network_opted_in() -> bool:
    """The explicit "unauthenticated editing on the network" switch."""
    if os.environ.get(NETWORK_OPT_IN, "").strip().lower() in ("1", "true", "yes"):
        return True
    try:
        return st.secrets.get("allow_unauthenticated_network") is True
    except Exception:
        return False


def _refuse_network_without_login(address: str | None) -> None:
    where = f"`{address}`" if address else "every network interface"
    _refuse(
        f"**YJS Insight will not serve the network without login.** This server listens on {where} "
        "(Streamlit's `server.address`) and no login is configured, so anyone who reaches it would be an "
        "editor of children's data, under any name they type.\n\n"
        "- To use it on this machine only, start it on `127.0.0.1` (`make run`, or the project's "
        "`.streamlit/config.toml`).\n"
        "- To share it, configure login and roles (README, Security).\n"
        f"- To allow unauthenticated editing on a network you trust, set `{NETWORK_OPT_IN}=1` (or "
        "`allow_unauthenticated_network = true` in secrets.toml) and restart.",
        log_out=False,
    )


def current_actor() -> roles.Actor:
    """Who is using the app now (stops the run with a login screen or a refusal when needed)."""
    if not login_configured():
        address = st.get_option("server.address")
        if not is_loopback(address) and not network_opted_in():
            _refuse_network_without_login(address)
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
        grant = roles_map.grant_for(email)
        if grant is None:
            _refuse(
                f"**{md(email or 'This account')} has no access to YJS Insight.** Ask an administrator to add you "
                "to the roles file, then log in again."
            )
        actor = roles.Actor(email, grant.role, areas=grant.areas)
    st.session_state[ACTOR_KEY] = actor
    return actor


def actor() -> roles.Actor:
    """The actor app.py identified in this run: what pages pass to every write."""
    return st.session_state[ACTOR_KEY]


def sidebar_identity(actor: roles.Actor) -> None:
    if actor.local:
        network = "" if is_loopback(st.get_option("server.address")) else " **on the network, without login**"
        st.sidebar.caption(
            f":material/person: **Local single-user mode**{network}: you can view and load data (editor); a name "
            "you type is recorded as typed and unverified. Logins and roles: see the README's Security section."
        )
        return
    scope = f", for {md(', '.join(actor.areas))}" if actor.areas else ""
    st.sidebar.caption(f":material/person: Logged in as **{md(actor.who)}** ({actor.role}{scope})")
    st.sidebar.button("Log out", on_click=st.logout, icon=":material/logout:", key="logout")


def require(actor: roles.Actor, role: str) -> None:
    """A page's own check of the role it needs (the navigation already hides it from others)."""
    if not roles.allows(actor.role, role):
        st.error(f"This page needs the {role} role.", icon=":material/block:")
        st.stop()
