"""Building the database: schema, HMIP rules, the real seed data, then (optionally) demo data.

The build writes a new file and swaps it into place atomically (see yjs.store.atomic), so a running
app never sees a half-built database. Seed areas and inspections go through the same validators
as a user's import, so the real data obey the same rules as everyone else's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from yjs import __version__
from yjs import demo as demo_data
from yjs.data.db import SCHEMA_VERSION, execute
from yjs.domain import brag, cohort, disclosure, rules
from yjs.domain.roles import Actor, local_actor
from yjs.importers import action_columns
from yjs.importers import areas as area_import
from yjs.importers import indicators as indicator_import
from yjs.importers import inspections as inspection_import
from yjs.importers.base import Options, validate_or_fail
from yjs.importers.report import ImportFailed
from yjs.importers.tabular import read_rows
from yjs.paths import PTABLE_FILE, SCHEMA_FILES, SEED_DIR
from yjs.store import atomic as store
from yjs.store import audit, recovery

DEFAULT_COHORT_SIZE = 20_000

# Seed CSVs that hang off an inspection, identified in the CSV by area + fieldwork month.
INSPECTION_DETAIL_TABLES = {
    "case_samples": "case_samples",
    "key_questions": "key_questions",
    "key_question_prompts": "key_question_prompts",
    "recommendations": "recommendations",
    "recommendation_updates": "recommendation_updates",
    "findings": "findings",
}
Progress = Callable[[str, float], None]


class SeedDataError(ValueError):
    """A shipped seed CSV breaks the rules every import must follow."""


def read_seed(name: str, seed_dir: Path = SEED_DIR) -> pd.DataFrame:
    """A seed CSV as text columns; blank cells are missing, never the string 'nan'."""
    path = seed_dir / f"{name}.csv"
    if not path.exists():
        return pd.DataFrame()
    return pd.read_csv(path, dtype=str, keep_default_na=False).replace({"": None})


def create_schema(con: duckdb.DuckDBPyConnection, seed_dir: Path = SEED_DIR) -> None:
    tables, views = SCHEMA_FILES
    con.execute(tables.read_text(encoding="utf-8"))
    # Before the views, whose cohort ENUM types are made from these values.
    con.append("cohort_dimension_values", cohort.dimension_value_rows())
    con.execute(views.read_text(encoding="utf-8"))
    audit.ensure_log(con)
    con.append(
        "rating_scores",
        pd.DataFrame({"rating": list(rules.RATINGS), "score": [rules.score_from_rating(r) for r in rules.RATINGS]}),
    )
    floors = sorted(rules.OVERALL_BAND_FLOORS)
    bands = [
        (rating, floor, (floors[i + 1][0] - 1) if i + 1 < len(floors) else rules.MAX_SCORE)
        for i, (floor, rating) in enumerate(floors)
    ]
    con.append("score_bands", pd.DataFrame(bands, columns=["rating", "min_score", "max_score"]))
    standards = read_seed("standards", seed_dir)
    standards["is_scored"] = standards["is_scored"] == "true"
    con.append("standards", standards.drop(columns=["source"]).astype({"framework": int, "domain": int}), by_name=True)


# Seed CSVs loaded through the importers, in order: the seed documents' own, then the national public
# data (a national row for a seed area's inspection updates it, as a re-import would).
IMPORTED_SEEDS = (
    (area_import.KIND, "areas"),
    (inspection_import.KIND, "inspections"),
    (inspection_import.KIND, "national_inspections"),
    (inspection_import.KIND, "other_inspections"),
)
DOCUMENT_SEEDS = ("documents", "report_documents")


def load_documents(con, seed_dir: Path) -> None:
    """Every document a seed row points to (the seed documents, public reports and data sets)."""
    frames = [read_seed(name, seed_dir) for name in DOCUMENT_SEEDS]
    documents = pd.concat([f for f in frames if not f.empty], ignore_index=True)
    documents["published"] = documents["published"].map(_month_start)
    con.append("documents", documents, by_name=True)


def load_ptable(con, path: Path = PTABLE_FILE) -> None:
    """The perturbation table, checked, and the one-list copy the counting queries look noise up in."""
    ptable = pd.read_csv(path)
    problems = disclosure.check_ptable(ptable)
    if problems:
        raise SeedDataError(f"{path} cannot be used as the perturbation table: {'; '.join(problems)}")
    con.append("ptable", ptable[list(disclosure.PTABLE_COLUMNS)].astype(int))
    execute(con, "write/disclosure/fill_ptable_lookup")


def load_seed_areas_and_inspections(con, seed_dir: Path) -> None:
    for kind, name in IMPORTED_SEEDS:
        if (seed_dir / f"{name}.csv").exists():
            load_through_importer(con, kind, seed_dir / f"{name}.csv")
    names = read_seed("standard_names", seed_dir)
    for row in names.itertuples(index=False):
        execute(
            con,
            "write/ratings/rename_standard",
            area=row.area,
            fieldwork_month=row.fieldwork_start[:7],
            code=row.standard,
            name=row.name,
        )


def load_through_importer(con, kind, path: Path) -> None:
    """Seed files obey the same rules as a user's import."""
    try:
        _headers, rows = read_rows(path)
        plan = validate_or_fail(kind, rows, con, Options(source=path.name))
    except ImportFailed as failure:
        details = "; ".join(str(problem) for problem in failure.problems)
        raise SeedDataError(f"{path} is invalid: {details}") from None
    kind.write(con, plan)


def inspection_ids(con) -> dict[tuple[str, str], int]:
    return {
        (area, month): inspection_id
        for inspection_id, area, month in execute(con, "read/ratings/inspection_keys").fetchall()
    }


def with_inspection_id(frame: pd.DataFrame, ids: dict, table: str) -> pd.DataFrame:
    keys = list(zip(frame["area"], frame["fieldwork_start"].str[:7], strict=True))
    missing = sorted({key for key in keys if key not in ids})
    if missing:
        raise ValueError(f"{table}.csv names inspections that inspections.csv lacks: {missing}")
    return frame.assign(inspection_id=[ids[key] for key in keys]).drop(columns=["area", "fieldwork_start"])


def load_inspection_details(con, seed_dir: Path) -> None:
    ids = inspection_ids(con)
    for name, table in INSPECTION_DETAIL_TABLES.items():
        frame = read_seed(name, seed_dir)
        if frame.empty:
            continue
        frame = with_inspection_id(frame, ids, name)
        if table == "key_questions":
            frame = frame.rename(columns={"standard": "standard_code"})
        if table == "key_question_prompts":
            frame = frame.rename(columns={"standard": "standard_code"})
        con.append(table, frame, by_name=True)


def load_improvement_plans(con, seed_dir: Path) -> None:
    plans = read_seed("improvement_plans", seed_dir)
    if plans.empty:
        return
    ids = inspection_ids(con)
    plans = plans.assign(
        inspection_id=[
            ids.get((a, f[:7])) if f else None
            for a, f in zip(plans["area"], plans["fieldwork_start"].fillna(""), strict=True)
        ]
    )
    status_dates = dict(zip(plans["plan"], plans["status_as_at"], strict=True))
    completion_columns = {
        plan for plan, heading in zip(plans["plan"], plans["status_column"], strict=True) if _is_completion(heading)
    }
    plans["plan_date"] = plans["plan_date"].map(_month_start)
    con.append(
        "improvement_plans", plans.drop(columns=["fieldwork_start", "status_as_at", "status_column"]), by_name=True
    )
    actions = read_seed("improvement_actions", seed_dir)
    readings = [
        _seed_status(text, status_dates[plan], plan in completion_columns)
        for plan, text in zip(actions["plan"], actions["status_text"], strict=True)
    ]
    _due_from_completion(actions, readings)
    actions["recommendations"] = actions["recommendations"].map(_number_list)
    con.append("improvement_actions", actions.drop(columns=["status_text"]), by_name=True)
    themes = read_seed("plan_themes", seed_dir)
    if not themes.empty:
        con.append("plan_themes", themes, by_name=True)
    con.append("action_status_updates", _status_updates(con, actions, readings, status_dates), by_name=True)


def _status_updates(con, actions: pd.DataFrame, readings: list, status_dates: dict) -> pd.DataFrame:
    """One status update per seed action with status words, dated as its plan's statuses are."""
    action_ids = {(plan, ref): action_id for action_id, plan, ref in execute(con, "read/plans/action_keys").fetchall()}
    return pd.DataFrame(
        [
            {
                "action_id": action_ids[(row.plan, row.ref)],
                "update_date": status_dates[row.plan],
                "brag": reading.status,
                "status_text": reading.words,
                "read_from": reading.read_from,
                "source": row.source,
            }
            for row, reading in zip(actions.itertuples(index=False), readings, strict=True)
            if reading.words
        ]
    )


def _is_completion(heading: str | None) -> bool:
    """Whether a plan's status column is a completion column ("Completed Y/N (RAG)")."""
    return bool(heading) and action_columns.field_for(heading) == "completed"


def _seed_status(text: str | None, status_date: str | None, completion: bool) -> brag.StatusReading:
    """A seed action's status words: a completion column by the rule the actions import follows, other
    words only where their meaning is clear (`brag.status_from_text`)."""
    if completion and status_date:
        return brag.status_from_completion_cell(text, dt.date.fromisoformat(status_date))
    return brag.StatusReading(brag.status_from_text(text), text)


def _due_from_completion(actions: pd.DataFrame, readings: list[brag.StatusReading]) -> None:
    """A later month in a completion column is the action's due date, where the plan gives none."""
    for index, reading in zip(actions.index, readings, strict=True):
        if reading.due_date is not None and actions.at[index, "due_text"] is None:
            actions.at[index, "due_text"] = reading.due_text
            actions.at[index, "due_date"] = reading.due_date.isoformat()


def _month_start(text: str | None) -> str | None:
    return f"{text}-01" if text and len(text) == 7 else text


def _number_list(text: str | None) -> list[int] | None:
    return [int(part) for part in text.split(";")] if text else None


def load_plain_tables(con, seed_dir: Path) -> None:
    for table in ("context_figures", "population", "indicators", "comparator_groups"):
        frame = read_seed(table, seed_dir)
        if table == "comparator_groups" and not frame.empty:
            frame = frame.rename(columns={"group_name": "name"})
        if not frame.empty:
            con.append(table, frame, by_name=True)
    for name in ("indicator_values", "lait_indicator_values"):
        if (seed_dir / f"{name}.csv").exists():
            load_through_importer(con, indicator_import.KIND, seed_dir / f"{name}.csv")


def write_meta(con, *, demo: bool, cohort_size: int) -> None:
    meta = {
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "includes_demo": str(demo).lower(),
        "cohort_size": str(cohort_size if demo else 0),
    }
    con.append("meta", pd.DataFrame({"key": list(meta), "value": list(meta.values())}))


def build(
    db_path: Path,
    *,
    demo: bool = True,
    cohort_size: int = DEFAULT_COHORT_SIZE,
    seed_dir: Path = SEED_DIR,
    ptable: Path = PTABLE_FILE,
    progress: Progress | None = None,
    actor: Actor | None = None,
) -> Path:
    """Build a complete database at `db_path`, replacing any existing file atomically."""
    report = progress or (lambda _step, _fraction: None)
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    steps = [
        ("schema and scoring rules", lambda con: create_schema(con, seed_dir)),
        ("documents", lambda con: load_documents(con, seed_dir)),
        ("perturbation table", lambda con: load_ptable(con, ptable)),
        ("seed areas and inspections", lambda con: load_seed_areas_and_inspections(con, seed_dir)),
        ("seed key questions and recommendations", lambda con: load_inspection_details(con, seed_dir)),
        ("seed improvement plans", lambda con: load_improvement_plans(con, seed_dir)),
        ("seed context, population and indicators", lambda con: load_plain_tables(con, seed_dir)),
    ]
    with store.new_database(db_path) as con:
        for index, (label, step) in enumerate(steps):
            report(label, index / (len(steps) + 1))
            step(con)
            execute(con, "write/ratings/refresh_inspection_summary")  # later steps' importers read it
        if demo:
            demo_data.generate(
                con,
                cohort_size=cohort_size,
                progress=lambda fraction: report("demo data", (len(steps) + fraction) / (len(steps) + 1)),
            )
        execute(con, "write/cohort/refresh_cohort_facts")
        execute(con, "write/ratings/refresh_inspection_summary")  # the demo areas' inspections
        write_meta(con, demo=demo, cohort_size=cohort_size)
        keep_audit_trail(con, db_path, actor or local_actor("admin", where="command line"))
        report("done", 1.0)
    return db_path


def keep_audit_trail(con, db_path: Path, actor: Actor) -> None:
    """A rebuild keeps the replaced file's audit trail (rows checked to follow on) and records itself:
    rebuilding must not be a way to empty the trail."""
    if not db_path.exists():
        return
    carried = recovery.carry_audit_forward(con, db_path)
    audit.record(con, actor, audit.Entry("build", "succeeded", subject=db_path.name, detail=f"rebuilt; {carried}"))
