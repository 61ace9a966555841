"""Who may do what: roles, the services a role covers, the roles file, and the server-side checks every write calls.

Three roles, each allowed what the one before it is: a `viewer` reads every page; an `editor`
also imports data and edits plans; an `admin` also reads the audit trail and restores backups.
The roles file (TOML) maps e-mail addresses, then whole e-mail domains, to a role, optionally
scoped to the services (areas) it covers:

    [users]
    "chair@council.gov.uk" = "viewer"
    "performance.lead@council.gov.uk" = "admin"
    "lead@ealing.gov.uk" = { role = "editor", areas = ["Ealing"] }

    [domains]
    "council.gov.uk" = "viewer"
    "reading.gov.uk" = { role = "viewer", areas = ["Reading"] }

An address in neither gets no access. With `areas`, an editor imports and edits only those areas'
data (plans, cohort, indicators, inspections, areas, population), and anyone sees child-level views
(built from children's records) only for those areas; published figures stay open for every area.
Without `areas`, a role covers every area. The pages a role may not use are never registered with
st.navigation, but a page is only a view: `require_role` and `require_areas` are checked again by each
write function (imports, restores, edits, groups), so a forged request or a future page cannot write
without them.
"""

from __future__ import annotations

import getpass
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from yjs.domain.geography import name_key

ROLES = ("viewer", "editor", "admin")
UNVERIFIED = "typed, unverified, local mode"


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
    typed: bool = False  # `who` is a name typed into a form in local mode: nobody checked it
    areas: tuple[str, ...] | None = None  # the services the role covers; None: every area


def local_actor(role: str = "editor", where: str = "local") -> Actor:
    """The person at this machine: the app without login (editor), or the command line (admin:
    whoever can run it can already copy or replace the database file)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "local user"
    return Actor(f"{user} ({where})", role, local=True)


def recorded_name(actor: Actor) -> str:
    """The name the audit trail and a plan's history record: a name typed in local mode is marked as
    such, so it never passes for a verified login (an e-mail address typed by anyone)."""
    if not actor.typed:
        return actor.who
    name = " ".join(actor.who.split()).removesuffix(f" ({UNVERIFIED})")
    return f"{name} ({UNVERIFIED})"


def allows(actor_role: str | None, needed: str) -> bool:
    if needed not in ROLES:
        raise ValueError(f"unknown role {needed!r}")
    return actor_role in ROLES and ROLES.index(actor_role) >= ROLES.index(needed)


def require_role(actor_role: str | None, needed: str) -> None:
    """The server-side check in front of every write. Raises PermissionDenied."""
    if not allows(actor_role, needed):
        held = f"the {actor_role} role" if actor_role in ROLES else "no role"
        raise PermissionDenied(f"this needs the {needed} role; you have {held}. Ask an administrator.")


def covers(actor: Actor, area: str | None) -> bool:
    """Whether `actor`'s role reaches `area` (every area without a scope; no unnamed area with one)."""
    if actor.areas is None:
        return True
    return area is not None and name_key(area) in {name_key(a) for a in actor.areas}


def areas_outside(actor: Actor, areas: Iterable[str | None]) -> list[str]:
    return sorted({str(area) for area in areas if not covers(actor, area)})


def require_areas(actor: Actor, areas: Iterable[str | None], what: str) -> None:
    """The server-side check that a write touches only the areas `actor`'s role covers."""
    outside = areas_outside(actor, areas)
    if outside:
        raise PermissionDenied(
            f"{actor.who} may {what} only for {', '.join(actor.areas)}; this would change "
            f"{', '.join(outside[:5])}{' and more' if len(outside) > 5 else ''}. Nothing was written."
        )


@dataclass(frozen=True)
class Grant:
    role: str
    areas: tuple[str, ...] | None = None


@dataclass(frozen=True)
class RolesMap:
    users: dict[str, Grant] = field(default_factory=dict)
    domains: dict[str, Grant] = field(default_factory=dict)

    def grant_for(self, email: str | None) -> Grant | None:
        """What an address may do: its own entry first, then its domain's; None for no access."""
        address = (email or "").strip().lower()
        if "@" not in address:
            return None
        if address in self.users:
            return self.users[address]
        return self.domains.get(address.rsplit("@", 1)[1])

    def role_for(self, email: str | None) -> str | None:
        grant = self.grant_for(email)
        return grant.role if grant else None


def _grant(value, where: str) -> Grant:
    """A line's value: "role", or { role = "...", areas = ["...", ...] }."""
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"role", "areas"})
        if unknown:
            raise RolesFileError(f"{where} has {', '.join(unknown)}; an entry takes only role and areas")
        role, areas = value.get("role"), value.get("areas")
        if areas is not None and (
            not isinstance(areas, list) or not areas or not all(isinstance(a, str) and a.strip() for a in areas)
        ):
            raise RolesFileError(f'{where}: areas must list one or more area names, e.g. areas = ["Ealing"]')
        scoped = tuple(" ".join(a.split()) for a in areas) if areas is not None else None
    else:
        role, scoped = value, None
    if role not in ROLES:
        raise RolesFileError(f"{where} has role {role!r}; use one of {', '.join(ROLES)}")
    return Grant(role, scoped)


def _section(data: dict, name: str, path: Path) -> dict[str, Grant]:
    section = data.get(name, {})
    if not isinstance(section, dict):
        raise RolesFileError(f'{path}: [{name}] must be a table of "address" = "role" lines')
    return {str(key).strip().lower(): _grant(value, f"{path}: [{name}] {key!r}") for key, value in section.items()}


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
