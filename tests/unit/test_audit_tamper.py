"""The audit trail holds against someone who can write the database file but not read the key.

Each attack of the issue is replayed on a trail the app wrote: `python -m yjs audit verify` says
"Audit trail altered" and exits 1, and no later write extends (and so hides) a trail whose end moved.
"""

import os
import stat
import subprocess
import sys

import pytest

from tests.support import tamper
from tests.support.dbcheck import audit_rows, fetch
from yjs.cli import main
from yjs.domain.roles import Actor
from yjs.importers import KINDS, run_import
from yjs.store import atomic, audit_seal, backups
from yjs.store.build import build
from yjs.store.recovery import restore

ADMIN = Actor("admin@example.org", "admin")


def import_inspection(db, tmp_path, month: int):
    path = tmp_path / f"inspection-{month}.csv"
    path.write_text(f"area,published,overall_rating\nEaling,2024-{month:02d}-01,Good\n")
    return run_import(KINDS["inspections"], path, db)


@pytest.fixture
def trail(writable_db, tmp_path):
    """A database whose trail the app wrote: three imports, keyed and pinned."""
    for month in (1, 2, 3):
        import_inspection(writable_db, tmp_path, month)
    return writable_db


def verify(db, capsys) -> tuple[int, str]:
    code = main(["audit", "verify", "--db", str(db)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_trail_the_app_wrote_is_intact_keyed_and_pinned(trail, capsys):
    assert verify(trail, capsys) == (
        0,
        f"Audit trail intact: 3 row(s), each keyed to the one before, the last one pinned. ({trail})\n",
    )
    assert all(row["row_hash"].startswith("hmac:") for row in audit_rows(trail))
    key_file = audit_seal.key_file(trail)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert audit_seal.read_pin(audit_seal.pin_file(trail), audit_seal.find_key(trail)).head.seq == 3


@pytest.mark.parametrize("attack", tamper.ATTACKS, ids=lambda a: a.__name__)
def test_every_attack_on_the_trail_reads_as_altered_and_stops_later_writes(trail, tmp_path, capsys, attack):
    attack(trail)
    code, output = verify(trail, capsys)
    assert code == 1 and output.startswith("Audit trail altered"), output
    rows = len(audit_rows(trail))
    with pytest.raises(atomic.StoreError, match="altered outside the app"):
        import_inspection(trail, tmp_path, 4)
    assert len(audit_rows(trail)) == rows  # not even the failed import is recorded onto the altered trail


def test_what_each_attack_is_called(trail, capsys):
    tamper.delete_the_last_rows(trail)
    assert "the trail ends at row 1 but the pin says it had 3: rows were removed" in verify(trail, capsys)[1]


def test_a_pin_changed_or_removed_by_hand_reads_as_altered(trail, capsys):
    pin = audit_seal.pin_file(trail)
    pin.write_text(pin.read_text().replace('"seq": 3', '"seq": 2'))
    assert "changed by hand" in verify(trail, capsys)[1]
    pin.unlink()
    code, output = verify(trail, capsys)
    assert code == 1 and "pin file yjs.duckdb.audit-pin is missing, but the trail was pinned" in output


def test_a_database_from_before_the_key_is_not_called_intact_and_its_next_write_pins_it(trail, tmp_path, capsys):
    tamper.rewrite_a_row_and_rebuild_the_chain(trail)  # unkeyed checksums, as the app wrote before the key
    audit_seal.pin_file(trail).unlink()
    code, output = verify(trail, capsys)
    assert code == 3 and output.startswith("Audit trail not pinned yet: its 3 row(s)"), output
    import_inspection(trail, tmp_path, 5)
    assert verify(trail, capsys)[0] == 0  # the old rows are now vouched for by the keyed row after them


def test_a_writer_killed_between_the_swap_and_the_pin_leaves_a_trail_that_checks(trail, tmp_path, capsys, monkeypatch):
    real_replace = os.replace

    def killed_after_the_swap(source, target):
        real_replace(source, target)
        if str(source).endswith(".pending"):
            return
        if str(target).endswith("yjs.duckdb"):
            raise KeyboardInterrupt  # as kill -9 would, between the database swap and the pin's rename

    monkeypatch.setattr(os, "replace", killed_after_the_swap)
    with pytest.raises(KeyboardInterrupt):
        import_inspection(trail, tmp_path, 6)
    monkeypatch.setattr(os, "replace", real_replace)
    assert audit_seal.pending_file(trail).exists() and len(audit_rows(trail)) == 4
    assert verify(trail, capsys)[0] == 0
    import_inspection(trail, tmp_path, 7)  # the next writer settles the pending pin and carries on
    assert not audit_seal.pending_file(trail).exists() and verify(trail, capsys)[0] == 0


def test_a_pending_pin_cannot_excuse_rows_removed_from_the_end(trail, capsys):
    """An old pin copied in as "pending" names a pin it does not follow, so it is ignored."""
    old = backups.listing(trail)[0]
    audit_seal.pending_file(trail).write_bytes(backups.pin_of(old.path).read_bytes())
    tamper.delete_the_last_rows(trail)
    assert verify(trail, capsys)[0] == 1


def test_every_backup_keeps_its_pin_and_a_restore_keeps_the_trail_pinned(trail, tmp_path, capsys):
    oldest, *pinned = reversed(backups.listing(trail))  # the oldest was taken before the trail had a pin
    assert not backups.pin_of(oldest.path).exists() and all(backups.pin_of(b.path).exists() for b in pinned)
    restore(trail, pinned[0].path.name, ADMIN)  # taken before the second import: one row, pinned
    assert [r["event"] for r in audit_rows(trail)] == ["import", "import", "import", "restore"]
    assert verify(trail, capsys)[0] == 0
    detail = audit_rows(trail)[-1]["detail"]
    assert "the backup's trail matches its pin" in detail and "2 audit row(s) carried over" in detail


def test_restoring_a_backup_mends_an_altered_trail_and_keeps_the_fact(trail, capsys):
    newest = backups.listing(trail)[0]  # taken before the third import: rows 1 and 2
    tamper.delete_the_last_rows(trail)
    restore(trail, newest.path.name, ADMIN)
    assert verify(trail, capsys)[0] == 0
    detail = audit_rows(trail)[-1]["detail"]
    assert "the replaced file's trail was altered (the trail ends at row 1 but the pin says it had 3" in detail


def test_a_backup_altered_since_it_was_taken_is_not_restored(trail, capsys):
    newest = backups.listing(trail)[0].path  # its trail has rows 1-2, and its pin copy says so
    tamper.delete_the_last_rows(newest)
    with pytest.raises(atomic.StoreError, match="was altered since it was taken"):
        restore(trail, newest.name, ADMIN)
    assert verify(trail, capsys)[0] == 0


def test_a_rebuild_keeps_the_trail_and_records_itself(trail, capsys):
    build(trail, demo=False)
    assert [r["event"] for r in audit_rows(trail)] == ["import", "import", "import", "build"]
    assert verify(trail, capsys)[0] == 0


def test_a_missing_key_is_said_and_never_silently_replaced(trail, tmp_path, capsys):
    audit_seal.key_file(trail).unlink()
    code, output = verify(trail, capsys)
    assert code == 1 and "audit key is missing" in output
    with pytest.raises(atomic.StoreError, match="key file .* is missing"):
        import_inspection(trail, tmp_path, 8)
    assert not audit_seal.key_file(trail).exists()


def test_a_key_in_secrets_is_used_instead_of_a_key_file(writable_db, tmp_path, capsys):
    audit_seal.use_secret("s" * 40)
    try:
        import_inspection(writable_db, tmp_path, 9)
        assert not audit_seal.key_file(writable_db).exists()
        assert verify(writable_db, capsys)[0] == 0
        audit_seal.use_secret("short")
        assert "at least 32" in verify(writable_db, capsys)[1]
    finally:
        audit_seal.use_secret(None)
    assert verify(writable_db, capsys)[0] == 1  # without the key, the keyed rows cannot be vouched for


def test_the_verify_command_runs_as_a_user_would(trail):
    done = subprocess.run(
        [sys.executable, "-m", "yjs", "audit", "verify", "--db", str(trail)], capture_output=True, text=True
    )
    assert done.returncode == 0 and "Audit trail intact" in done.stdout
    tamper.drop_the_table(trail)
    done = subprocess.run(
        [sys.executable, "-m", "yjs", "audit", "verify", "--db", str(trail)], capture_output=True, text=True
    )
    assert done.returncode == 1 and "the audit_log table is gone; the pin says it had 3 row(s)" in done.stderr


def test_a_refused_write_is_audited_and_keyed_too(trail):
    from yjs.store import groups

    with pytest.raises(PermissionError):
        groups.save_group(trail, "G", ["Ealing", "Reading"], {"Ealing", "Reading"}, Actor("v@x.org", "viewer"))
    assert audit_rows(trail)[-1]["outcome"] == "refused"
    assert fetch(trail, "SELECT count(*) FROM audit_log WHERE NOT starts_with(row_hash, 'hmac:')") == [(0,)]
