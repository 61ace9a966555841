"""Who may do what: roles, the roles file, and the one server-side check every write calls.

Three roles, each allowed what the one before it is: a `viewer` reads every page; an `editor`
also imports data and edits plans; an `admin` also reads the audit trail and restores backups.
The roles file (TOML) maps e-mail addresses, then whole e-mail domains, to a role:

    [users]
    "chair@council.gov.uk" = "viewer"
    "performance.lead@council.gov.uk" = "admin"

    [domains]
    "council.gov.uk" = "viewer"

An address in neither gets no access. The pages a role may not use are never registered with
st.navigation, but a page is only a view: `require_role` is checked again by each write function
(imports, restores, edits), so a forged request or a future page cannot write without the role.
"""

from __future__ import annotations

import getpass
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("viewer", "editor", "admin")


class PermissionDenied(PermissionError):
    pass


class RolesFileError(ValueError):
    pass


@dataclass(frozen=True)
class Actor:
    """Who is writing: recorded in the audit trail with the role they held."""

    who: str
    role: str
    local: bool = False  # local single-user mode (no login configured) or the command line


def local_actor(role: str = "editor", where: str = "local") -> Actor:
    """The person at this machine: the app without login (editor), or the command line (admin:
    whoever can run it can already copy or replace the database file)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "local user"
    return Actor(f"{user} ({where})", role, local=True)


def allows(actor_role: str | None, needed: str) -> bool:
    if needed not in ROLES:
        raise ValueError(f"unknown role {needed!r}")
    return actor_role in ROLES and ROLES.index(actor_role) >= ROLES.index(needed)


def require_role(actor_role: str | None, needed: str) -> None:
    """The server-side check in front of every write. Raises PermissionDenied."""
    if not allows(actor_role, needed):
        held = f"the {actor_role} role" if actor_role in ROLES else "no role"
        raise PermissionDenied(f"this needs the {needed} role; you have {held}. Ask an administrator.")


@dataclass(frozen=True)
class RolesMap:
    users: dict[str, str] = field(default_factory=dict)
    domains: dict[str, str] = field(default_factory=dict)

    def role_for(self, email: str | None) -> str | None:
        """The role of an address: its own entry first, then its domain's; None for no access."""
        address = (email or "").strip().lower()
        if "@" not in address:
            return None
        if address in self.users:
            return self.users[address]
        return self.domains.get(address.rsplit("@", 1)[1])


def _section(data: dict, name: str, path: Path) -> dict[str, str]:
    section = data.get(name, {})
    if not isinstance(section, dict):
        raise RolesFileError(f'{path}: [{name}] must be a table of "address" = "role" lines')
    entries = {}
    for key, role in section.items():
        if role not in ROLES:
            raise RolesFileError(f"{path}: [{name}] {key!r} has role {role!r}; use one of {', '.join(ROLES)}")
        entries[str(key).strip().lower()] = role
    return entries


def read_roles(path: Path) -> RolesMap:
    """Parse a roles file. Raises RolesFileError with the file and the entry at fault."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RolesFileError(f"the roles file {path} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RolesFileError(f"{path} is not valid TOML ({exc})") from None
    return RolesMap(_section(data, "users", path), _section(data, "domains", path))
