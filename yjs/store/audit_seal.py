"""What makes the audit trail tamper-evident: a key the database file does not hold, and the trail's head
pinned outside it.

**The key.** Each audit row's checksum is an HMAC-SHA256 keyed with a secret kept outside the database:
`audit_key` in Streamlit's secrets (`.streamlit/secrets.toml`, at least 32 characters), else a key file
beside the database (`yjs.duckdb.audit-key`), created with 0600 permissions by the first write that needs
it. Someone who can change the database file but not read the key cannot write a row, or rebuild the
chain after changing one, that the key accepts.

**The pin.** A key alone cannot show rows removed from the end, or the whole table emptied or dropped: what
is left still chains. So every write also pins the trail's last sequence number and checksum in a small
file beside the database (`yjs.duckdb.audit-pin`), itself signed with the key, and every backup keeps a
copy of the pin it was taken with. Two files cannot be replaced in one atomic step, so a write goes:
the new pin to `…audit-pin.pending` (naming the pin it follows), the database swap, then the pending pin
renamed over the old one. A writer killed between the two renames leaves the database and a pending pin
that agree; the next writer (or the check) accepts exactly that, and nothing else.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import hmac
import json
import os
import secrets
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from yjs.data.db import execute
from yjs.paths import ROOT

GENESIS = "0" * 64  # the "row before" the first row
KEY_SUFFIX, PIN_SUFFIX, PENDING_SUFFIX = ".audit-key", ".audit-pin", ".audit-pin.pending"
SECRETS_NAME = "audit_key"
MIN_SECRET = 32
SECRETS_FILES = (ROOT / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml")

_configured_secret: str | None = None  # the app's `audit_key` from st.secrets (yjs.app.auth)
_key_in_use: contextvars.ContextVar[bytes | None] = contextvars.ContextVar("audit_key", default=None)


class AuditKeyError(RuntimeError):
    """The audit key cannot be used: too short, unreadable, or missing where a pin needs it."""


@dataclass(frozen=True)
class Head:
    """The trail's last row: its sequence number and checksum (0 and GENESIS for an empty trail)."""

    seq: int
    row_hash: str


EMPTY = Head(0, GENESIS)


@dataclass(frozen=True)
class Pin:
    head: Head
    follows: Head | None = None  # a pending pin: the pin it replaces (None: there was none)


class PinUnreadable(ValueError):
    """A pin file that does not parse or whose signature the key rejects: changed outside the app."""


# --- the key ----------------------------------------------------------------------------------------------


def key_file(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + KEY_SUFFIX)


def use_secret(secret: str | None) -> None:
    """The app passes `audit_key` from st.secrets here on every run (None when it has none)."""
    global _configured_secret
    _configured_secret = secret or None


def _secret_from_files() -> str | None:
    """`audit_key` from the secrets files Streamlit reads by default, for the command line."""
    for path in SECRETS_FILES:
        try:
            value = tomllib.loads(path.read_text(encoding="utf-8")).get(SECRETS_NAME)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        if value:
            return str(value)
    return None


def _from_secret(secret: str) -> bytes:
    if len(secret) < MIN_SECRET:
        raise AuditKeyError(
            f"the {SECRETS_NAME} in secrets.toml has {len(secret)} characters; use at least {MIN_SECRET} "
            '(python -c "import secrets; print(secrets.token_hex(32))")'
        )
    return secret.encode("utf-8")


def find_key(db_path: Path) -> bytes | None:
    """The key for `db_path`: the secrets' `audit_key`, else its key file; None when there is neither."""
    secret = _configured_secret or _secret_from_files()
    if secret:
        return _from_secret(secret)
    path = key_file(db_path)
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditKeyError(f"the audit key file {path} cannot be read ({exc})") from exc
    if len(text) < MIN_SECRET:
        raise AuditKeyError(f"the audit key file {path} holds no key (it is {len(text)} characters long)")
    return text.encode("ascii")


def key_for_writing(db_path: Path) -> bytes:
    """The key, creating the key file (0600, readable by this user only) on first use."""
    key = find_key(db_path)
    if key is not None:
        return key
    path = key_file(db_path)
    if pin_file(db_path).exists():  # a pinned trail whose key went missing: a new key would disown it
        raise AuditKeyError(
            f"the audit key file {path} is missing, but the trail was pinned with a key: put the key file back "
            f"(or set {SECRETS_NAME} in secrets.toml) before writing. Nothing was written"
        )
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another writer made it a moment ago
        return find_key(db_path)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(32) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return find_key(db_path)


def loose_permissions(db_path: Path) -> str | None:
    """A warning when the key file can be read by other users."""
    path = key_file(db_path)
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        return None
    if mode & 0o077:
        return f"the audit key file {path} can be read by other users (mode {mode:o}): run chmod 600 {path}"
    return None


@contextlib.contextmanager
def writing_with(key: bytes) -> Iterator[None]:
    """Audit rows written inside this block are keyed with `key` (set by the writer of the copy)."""
    token = _key_in_use.set(key)
    try:
        yield
    finally:
        _key_in_use.reset(token)


def key_in_use() -> bytes:
    key = _key_in_use.get()
    if key is None:
        raise AuditKeyError("audit rows are written only inside a store write (store.writable_copy)")
    return key


def mac(key: bytes, text: str) -> str:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def trail_head(con: duckdb.DuckDBPyConnection) -> tuple[Head, bool]:
    """The trail's head in `con`, and whether any of its rows is keyed (EMPTY, False without a trail)."""
    if not execute(con, "read/audit/has_audit_log").fetchall()[0][0]:
        return EMPTY, False
    last = execute(con, "read/audit/last_audit_row").fetchall()
    keyed = execute(con, "read/audit/keyed_audit_rows").fetchall()[0][0] > 0
    return (Head(int(last[0][0]), str(last[0][1])) if last else EMPTY), keyed


# --- the pin ----------------------------------------------------------------------------------------------


def pin_file(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + PIN_SUFFIX)


def pending_file(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + PENDING_SUFFIX)


def _signed_text(pin: Pin) -> str:
    follows = f"|{pin.follows.seq}|{pin.follows.row_hash}" if pin.follows else ""
    return f"yjs-audit-pin|{pin.head.seq}|{pin.head.row_hash}{follows}"


def write_pin(path: Path, key: bytes, pin: Pin) -> None:
    """Write a signed pin durably: a hidden temporary file, fsync, rename."""
    record = {"seq": pin.head.seq, "head": pin.head.row_hash}
    if pin.follows is not None:
        record["follows"] = {"seq": pin.follows.seq, "head": pin.follows.row_hash}
    record["signature"] = mac(key, _signed_text(pin))
    partial = path.with_name(f".{path.name}.partial")
    with open(partial, "w", encoding="utf-8") as handle:
        json.dump(record, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def read_pin(path: Path, key: bytes | None) -> Pin | None:
    """The pin in `path` (None when there is none). Raises PinUnreadable when it was changed by hand."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        head = Head(int(record["seq"]), str(record["head"]))
        follows = record.get("follows")
        pin = Pin(head, Head(int(follows["seq"]), str(follows["head"])) if follows else None)
        signature = str(record["signature"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PinUnreadable(f"the pin file {path.name} cannot be read ({exc.__class__.__name__})") from None
    if key is None:
        raise AuditKeyError(f"the trail is pinned ({path.name}) but the audit key is missing")
    if not hmac.compare_digest(signature, mac(key, _signed_text(pin))):
        raise PinUnreadable(f"the pin file {path.name} does not carry the key's signature: it was changed by hand")
    return pin


def accepted_heads(db_path: Path, key: bytes | None) -> tuple[Pin | None, set[Head]]:
    """The pin, and the heads the database may have: the pinned one, or a pending pin's that follows it
    (a writer killed between the database swap and the pin's rename). Raises PinUnreadable."""
    pin = read_pin(pin_file(db_path), key)
    heads = {pin.head} if pin else set()
    try:
        pending = read_pin(pending_file(db_path), key)
    except PinUnreadable:
        pending = None  # a torn pending pin was never renamed into place: the write it began did not finish
    if pending is not None and pending.follows == (pin.head if pin else None):
        heads.add(pending.head)
    return pin, heads


def settle(db_path: Path, key: bytes, live_head: Head | None) -> None:
    """Finish or drop the pending pin a killed writer left (call with the writer lock held)."""
    pending_path = pending_file(db_path)
    if not pending_path.exists():
        return
    try:
        pending = read_pin(pending_path, key)
        pin = read_pin(pin_file(db_path), key)
    except (PinUnreadable, AuditKeyError):
        return  # left for the check to report
    if pending is None or pending.follows != (pin.head if pin else None):
        return
    if live_head == pending.head:
        os.replace(pending_path, pin_file(db_path))  # the swap happened: the pending pin is the truth
    elif pin is None or live_head == pin.head:
        pending_path.unlink(missing_ok=True)  # the swap never happened


def publish_pin(db_path: Path, key: bytes, head: Head, swap) -> None:
    """Pin `head` around `swap()` (the database's atomic replace): pending pin, swap, rename."""
    try:
        previous = read_pin(pin_file(db_path), key)
    except PinUnreadable:
        previous = None  # only a restore or a build replaces a file whose pin was tampered with
    write_pin(pending_file(db_path), key, Pin(head, previous.head if previous else None))
    swap()
    os.replace(pending_file(db_path), pin_file(db_path))


def files_signature(db_path: Path) -> tuple:
    """Changes whenever the key, the pin or a pending pin beside `db_path` does (or the configured key)."""

    def stat(path: Path) -> tuple:
        try:
            found = path.stat()
        except OSError:
            return ()
        return found.st_mtime_ns, found.st_size, found.st_ino

    secret = hashlib.sha256((_configured_secret or "").encode()).hexdigest()
    return secret, *(stat(path) for path in (key_file(db_path), pin_file(db_path), pending_file(db_path)))


def copy_pin(db_path: Path, target: Path) -> None:
    """A backup keeps the pin it was taken with (beside it, same name + .audit-pin)."""
    with contextlib.suppress(FileNotFoundError):
        target.write_bytes(pin_file(db_path).read_bytes())
