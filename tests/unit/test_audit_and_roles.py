"""The audit trail (same transaction as the change, failures too, append-only, chained) and roles."""

import re
from pathlib import Path

import duckdb
import pytest

from tests.support.dbcheck import audit_rows, data_fingerprint
from yjs.data.db import open_read_only
from yjs.domain.roles import Actor, PermissionDenied, RolesFileError, RolesMap, allows, read_roles, require_role
from yjs.importers import KINDS, ImportFailed, run_import
from yjs.importers.inspections import InspectionsKind
from yjs.store import audit, audit_seal, backups, groups

ROOT = Path(__file__).resolve().parents[2]
EDITOR = Actor("lead@council.gov.uk", "editor")


def inspection_file(tmp_path, text="area,published,overall_rating\nEaling,2024-06-01,Good\n", name="new.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    "role, needed, allowed",
    [
        ("viewer", "viewer", True),
        ("viewer", "editor", False),
        ("editor", "editor", True),
        ("editor", "admin", False),
        ("admin", "editor", True),
        (None, "viewer", False),
        ("root", "viewer", False),
    ],
)
def test_roles_are_ordered_viewer_editor_admin(role, needed, allowed):
    assert allows(role, needed) is allowed
    if not allowed:
        with pytest.raises(PermissionDenied, match=f"needs the {needed} role"):
            require_role(role, needed)


def test_an_address_of_its_own_outranks_its_domain_and_case_is_ignored(tmp_path):
    path = tmp_path / "roles.toml"
    path.write_text('[users]\n"Lead@Council.gov.uk" = "admin"\n[domains]\n"council.gov.uk" = "viewer"\n')
    roles = read_roles(path)
    assert roles.role_for("lead@council.GOV.uk") == "admin"
    assert roles.role_for("chair@council.gov.uk") == "viewer"
    assert roles.role_for("chair@council.gov.uk.evil.com") is None
    assert roles.role_for("council.gov.uk") is None and roles.role_for(None) is None
    assert RolesMap().role_for("anyone@anywhere.org") is None  # no entry, no access


@pytest.mark.parametrize(
    "text, message",
    [
        ('[users]\n"a@b.org" = "owner"\n', "has role 'owner'"),
        ("[users\n", "not valid TOML"),
        ('users = "everyone"\n', "must be a table"),
    ],
)
def test_a_bad_roles_file_names_its_fault(tmp_path, text, message):
    path = tmp_path / "roles.toml"
    path.write_text(text)
    with pytest.raises(RolesFileError, match=message):
        read_roles(path)


def test_a_successful_import_is_recorded_with_who_the_checksum_and_counts(writable_db, tmp_path):
    file = inspection_file(tmp_path)
    run_import(KINDS["inspections"], file, writable_db, actor=EDITOR)
    [row] = audit_rows(writable_db)
    assert (row["actor"], row["role"], row["event"], row["subject"], row["file_name"], row["outcome"]) == (
        "lead@council.gov.uk",
        "editor",
        "import",
        "inspections",
        "new.csv",
        "succeeded",
    )
    assert row["sha256"] == audit.file_checksum(file) and len(row["sha256"]) == 64
    assert (row["rows_added"], row["rows_updated"], row["rows_unchanged"]) == (1, 0, 0)


def test_a_failed_import_is_recorded_with_its_problem_count_and_changes_no_data(writable_db, tmp_path):
    before = data_fingerprint(writable_db)
    file = inspection_file(tmp_path, "area,published\nAtlantis,2024-06-01\nEaling,2099-01-01\n", "bad.csv")
    with pytest.raises(ImportFailed):
        run_import(KINDS["inspections"], file, writable_db, actor=EDITOR)
    assert data_fingerprint(writable_db) == before
    [row] = audit_rows(writable_db)
    assert (row["outcome"], row["problems"], row["file_name"]) == ("failed", 2, "bad.csv")
    assert row["detail"].startswith("line 2, column area")


def test_the_record_commits_with_the_change_or_not_at_all(writable_db, tmp_path, monkeypatch):
    before = data_fingerprint(writable_db)

    def write_then_fail(self, con, plan):
        raise RuntimeError("disk full")

    monkeypatch.setattr(InspectionsKind, "write", write_then_fail)
    with pytest.raises(RuntimeError):
        run_import(KINDS["inspections"], inspection_file(tmp_path), writable_db, actor=EDITOR)
    assert data_fingerprint(writable_db) == before
    assert [(r["outcome"], r["detail"]) for r in audit_rows(writable_db)] == [
        ("failed", "stopped by an error: disk full")
    ]


def test_a_viewer_cannot_import_even_by_calling_the_function_and_the_attempt_is_recorded(writable_db, tmp_path):
    before = data_fingerprint(writable_db)
    with pytest.raises(PermissionDenied):
        run_import(KINDS["inspections"], inspection_file(tmp_path), writable_db, actor=Actor("c@x.org", "viewer"))
    assert data_fingerprint(writable_db) == before
    assert [(r["actor"], r["outcome"]) for r in audit_rows(writable_db)] == [("c@x.org", "refused")]
    assert backups.listing(writable_db) == []


def test_saving_a_comparator_group_is_an_audited_edit_for_editors_only_and_a_refusal_is_audited_too(writable_db):
    known = {"Ealing", "Reading", "Buckinghamshire"}
    with pytest.raises(PermissionDenied):
        groups.save_group(writable_db, "Neighbours", ["Ealing", "Reading"], known, Actor("c@x.org", "viewer"))
    groups.save_group(writable_db, "Neighbours", ["Ealing", "Reading"], known, EDITOR)
    refused, saved = audit_rows(writable_db)
    assert (refused["actor"], refused["outcome"], refused["subject"]) == (
        "c@x.org",
        "refused",
        "comparator group 'Neighbours'",
    )
    assert (saved["event"], saved["subject"], saved["actor"]) == ("edit", "comparator group 'Neighbours'", EDITOR.who)


def test_a_database_built_before_the_audit_trail_gets_it_at_its_first_import(writable_db, tmp_path):
    con = duckdb.connect(str(writable_db))
    con.execute("DROP TABLE audit_log")
    con.close()
    run_import(KINDS["inspections"], inspection_file(tmp_path), writable_db)
    assert [r["outcome"] for r in audit_rows(writable_db)] == ["succeeded"]


def test_the_chain_finds_a_row_removed_or_changed_by_hand(writable_db, tmp_path):
    for n in range(3):
        run_import(
            KINDS["inspections"], inspection_file(tmp_path, f"area,published\nEaling,2024-0{n + 1}-01\n"), writable_db
        )
    con = open_read_only(writable_db)
    log = con.execute("SELECT * FROM audit_log").df()
    con.close()
    key = audit_seal.find_key(writable_db)
    assert audit.broken_links(log, key) == []
    assert audit.broken_links(log[log["seq"] != 2], key) == [3]
    tampered = log.copy()
    tampered.loc[tampered["seq"] == 1, "rows_added"] = 99
    assert audit.broken_links(tampered, key) == [1]
    assert audit.broken_links(log, b"another key, a wrong one, 32 chars+") == [1, 2, 3]


def test_no_query_file_changes_or_removes_audit_rows():
    writers = []
    for path in (ROOT / "queries").rglob("*.sql"):
        sql = re.sub(r"--[^\n]*", "", path.read_text()).lower()
        if re.search(r"\b(update|delete\s+from|truncate|drop\s+table|alter\s+table)\s+(\w+\.)?audit_log\b", sql):
            writers.append(path.name)
        if re.search(r"\binsert\s+into\s+audit_log\b", sql):
            writers.append(path.name)
    assert sorted(writers) == ["append_audit_row.sql", "carry_forward_audit_rows.sql"]
