"""Roles scoped to services: an editor for one service writes only its data, refused on the server and audited."""

import datetime as dt

import pytest

from tests.support.dbcheck import audit_rows, data_fingerprint, fetch
from yjs.domain import brag
from yjs.domain.roles import Actor, PermissionDenied, RolesFileError, covers, read_roles, recorded_name
from yjs.importers import KINDS, run_import
from yjs.store import groups
from yjs.store.plan_edits import ActionEdit, EditNotAllowed, edit_action

EALING_EDITOR = Actor("lead@ealing.gov.uk", "editor", areas=("Ealing",))
KNOWN = {"Ealing", "Reading", "Buckinghamshire"}
TODAY = dt.date.today()
FILES = {  # a valid row for Ealing, then one for Reading, per kind
    "indicators": ("area,indicator,period,value", "{area},fte_rate,2024,151"),
    "inspections": ("area,published,overall_rating", "{area},2024-06-01,Good"),
    "areas": ("name,region", "{area},{region}"),
    "population": ("area,year,ethnicity,sex,age_band,count", "{area},2023,White,All,10-17,1000"),
    "cohort": (
        "child_id,area,age_at_start,sex,ethnicity,disposal_type,disposal,offence_category,start_date,care_status,"
        "send,substance_misuse,mental_health,risk_of_serious_harm,safety_and_wellbeing",
        "C{n}X1,{area},15,Male,White,Court,Referral order,Robbery,2024-01-0{n},None,no,no,no,Low,Low",
    ),
    "actions": ("area,action,status", "{area},Refresh the induction pack {n},Green"),
}
REGIONS = {"Ealing": "London", "Reading": "South East"}


def roles_toml(tmp_path, text: str):
    path = tmp_path / "roles.toml"
    path.write_text(text)
    return read_roles(path)


def test_the_roles_file_takes_scoped_and_plain_entries(tmp_path):
    roles = roles_toml(
        tmp_path,
        '[users]\n"lead@ealing.gov.uk" = { role = "editor", areas = ["Ealing"] }\n"chair@x.gov.uk" = "viewer"\n'
        '[domains]\n"reading.gov.uk" = { role = "viewer", areas = ["Reading", "Buckinghamshire"] }\n',
    )
    assert roles.grant_for("LEAD@ealing.gov.uk").areas == ("Ealing",)
    assert roles.grant_for("chair@x.gov.uk").areas is None and roles.role_for("chair@x.gov.uk") == "viewer"
    assert roles.grant_for("anyone@reading.gov.uk").areas == ("Reading", "Buckinghamshire")


@pytest.mark.parametrize(
    "entry, message",
    [
        ('{ role = "editor", areas = [] }', "areas must list one or more"),
        ('{ role = "editor", areas = "Ealing" }', "areas must list one or more"),
        ('{ role = "editor", area = ["Ealing"] }', "has area; an entry takes only role and areas"),
        ('{ role = "root", areas = ["Ealing"] }', "has role 'root'"),
    ],
)
def test_a_wrong_scope_names_the_entry(tmp_path, entry, message):
    with pytest.raises(RolesFileError, match=message):
        roles_toml(tmp_path, f'[users]\n"lead@ealing.gov.uk" = {entry}\n')


def test_scopes_match_names_as_the_app_does():
    assert covers(EALING_EDITOR, "ealing") and covers(EALING_EDITOR, "Ealing YJS")
    assert not covers(EALING_EDITOR, "Reading") and not covers(EALING_EDITOR, None)
    assert covers(Actor("x@y.org", "editor"), "Reading")  # no scope: every area


def write_file(tmp_path, kind: str, areas: list[str]):
    header, row = FILES[kind]
    rows = [row.format(area=a, region=REGIONS[a], n=n) for n, a in enumerate(areas, start=1)]
    path = tmp_path / f"{kind}.csv"
    path.write_text("\n".join([header, *rows]) + "\n")
    return path


@pytest.mark.parametrize("kind", sorted(FILES))
def test_an_ealing_editor_imports_ealing_only_and_a_reading_row_is_refused_and_audited(writable_db, tmp_path, kind):
    assert run_import(KINDS[kind], write_file(tmp_path, kind, ["Ealing"]), writable_db, actor=EALING_EDITOR).rows == 1
    before = data_fingerprint(writable_db)
    mixed = write_file(tmp_path, kind, ["Ealing", "Reading"])
    with pytest.raises(PermissionDenied, match=f"may import {kind} only for Ealing; this would change Reading"):
        run_import(KINDS[kind], mixed, writable_db, actor=EALING_EDITOR, dry_run=True)  # the page's check
    with pytest.raises(PermissionDenied):
        run_import(KINDS[kind], mixed, writable_db, actor=EALING_EDITOR)
    assert data_fingerprint(writable_db) == before
    refused = audit_rows(writable_db)[-1]
    assert (refused["actor"], refused["outcome"], refused["subject"]) == (EALING_EDITOR.who, "refused", kind)


def test_reference_figures_and_new_areas_are_outside_a_service_scope(writable_db, tmp_path):
    national = tmp_path / "national.csv"
    national.write_text("area,indicator,period,value\nEngland and Wales,fte_rate,2024,150\n")
    with pytest.raises(PermissionDenied, match="England and Wales"):
        run_import(KINDS["indicators"], national, writable_db, actor=EALING_EDITOR)
    new = tmp_path / "new.csv"
    new.write_text("area,published\nNewtown,2024-05-01\n")
    with pytest.raises(PermissionDenied, match="Newtown"):
        run_import(KINDS["inspections"], new, writable_db, actor=EALING_EDITOR, add_areas=True)


def action_of(db, area: str) -> int:
    return fetch(
        db,
        "SELECT min(action_id) FROM improvement_actions JOIN improvement_plans USING (plan) WHERE area = ?",
        area,
    )[0][0]


def test_an_ealing_editor_edits_ealing_actions_only_and_the_refusal_is_audited(writable_db):
    ealing, reading = action_of(writable_db, "Ealing"), action_of(writable_db, "Reading")
    assert edit_action(writable_db, ealing, ActionEdit(status=brag.GREEN), actor=EALING_EDITOR, read_version=0) == [
        "status"
    ]
    before = data_fingerprint(writable_db)
    with pytest.raises(EditNotAllowed, match="may edit only the plans of Ealing; this action is in Reading's plan"):
        edit_action(writable_db, reading, ActionEdit(status=brag.RED), actor=EALING_EDITOR, read_version=0)
    assert data_fingerprint(writable_db) == before
    refused = audit_rows(writable_db)[-1]
    assert (refused["outcome"], refused["subject"]) == ("refused", f"action {reading}")


def test_an_ealing_editor_saves_groups_with_ealing_and_cannot_rewrite_another_services(writable_db):
    reading_editor = Actor("lead@reading.gov.uk", "editor", areas=("Reading",))
    groups.save_group(writable_db, "Thames valley", ["Reading", "Buckinghamshire"], KNOWN, reading_editor)
    with pytest.raises(PermissionDenied, match="a group they save must include Ealing"):
        groups.save_group(writable_db, "Others", ["Reading", "Buckinghamshire"], KNOWN, EALING_EDITOR)
    with pytest.raises(PermissionDenied, match="the saved group 'Thames valley' is another service's"):
        groups.save_group(writable_db, "Thames valley", ["Ealing", "Reading"], KNOWN, EALING_EDITOR)
    groups.save_group(writable_db, "West London", ["Ealing", "Reading"], KNOWN, EALING_EDITOR)
    assert fetch(
        writable_db,
        "SELECT name, list(area ORDER BY area) FROM comparator_groups "
        "WHERE NOT starts_with(name, 'Statistical neighbours of') GROUP BY name ORDER BY name",  # the shipped ones
    ) == [
        ("Thames valley", ["Buckinghamshire", "Reading"]),
        ("West London", ["Ealing", "Reading"]),
    ]
    outcomes = [(r["actor"], r["outcome"]) for r in audit_rows(writable_db)]
    assert outcomes == [
        ("lead@reading.gov.uk", "succeeded"),
        ("lead@ealing.gov.uk", "refused"),
        ("lead@ealing.gov.uk", "refused"),
        ("lead@ealing.gov.uk", "succeeded"),
    ]


def test_a_typed_name_is_recorded_as_typed_and_never_as_a_bare_address(writable_db):
    typed = Actor("  chair@council.gov.uk ", "editor", local=True, typed=True)
    assert recorded_name(typed) == "chair@council.gov.uk (typed, unverified, local mode)"
    assert recorded_name(Actor(recorded_name(typed), "editor", local=True, typed=True)) == recorded_name(typed)
    edit_action(
        writable_db, action_of(writable_db, "Reading"), ActionEdit(note="Met the chair"), actor=typed, read_version=0
    )
    marked = "chair@council.gov.uk (typed, unverified, local mode)"
    assert audit_rows(writable_db)[-1]["actor"] == marked
    assert fetch(writable_db, "SELECT DISTINCT updated_by FROM action_status_updates WHERE note = 'Met the chair'") == [
        (marked,)
    ]
