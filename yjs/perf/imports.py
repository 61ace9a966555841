"""How fast a cohort file is imported, against how fast DuckDB alone reads it, as `bench` reports it.

Each file is a case-management extract of new children (write/cohort/export_new_cohort_rows: rows of
a built database under new ids), imported into a fresh copy of the default-size database: on the
command line (`python -m yjs import cohort`, a process of its own whose peak memory is its own) and
through the Load data page of a real server in Chromium (upload, the check, the click on Import:
yjs/perf/browser_import.py), where the server's peak and that of the process the import runs in are
both reported.
DuckDB's `read_csv` of the same file, in the same run, is the yardstick the target is a multiple of.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from yjs.data.db import execute
from yjs.paths import ROOT
from yjs.perf import browser_import


def cohort_file(source_db: Path, rows: int, folder: Path) -> Path:
    """A CSV of `rows` new children's episodes, made from the cohort of `source_db`."""
    path = folder / f"cohort-{rows}.csv"
    con = duckdb.connect(str(source_db), read_only=True)
    try:
        execute(con, "write/cohort/export_new_cohort_rows", rows=rows, csv=str(path))
    finally:
        con.close()
    return path


def duckdb_read_s(csv: Path, repeats: int = 3) -> float:
    """DuckDB's own time to read the file into a table (the median of `repeats`), in seconds."""
    times = []
    for _ in range(repeats):
        con = duckdb.connect()
        try:
            started = time.perf_counter()
            execute(con, "write/imports/read_csv_into_table", csv=str(csv))
            times.append(time.perf_counter() - started)
        finally:
            con.close()
    return statistics.median(times)


def command_line_import(target_db: Path, csv: Path, code: Path = ROOT) -> dict:
    """`python -m yjs import cohort` into a copy of `target_db`: seconds and peak memory. `code`: the
    checkout whose importer runs (another commit's, for a before-and-after)."""
    program = (  # the peak is VmHWM: getrusage's ru_maxrss would count the parent's memory before the exec
        "import json, sys, time; from yjs.cli import main; started = time.perf_counter(); "
        f"code = main(['import', 'cohort', {str(csv)!r}, '--db', sys.argv[1]]); "
        "peak = [int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]; "
        "print(json.dumps({'exit': code, 's': time.perf_counter() - started, 'peak_mb': peak / 1024}))"
    )
    return _into_copy(target_db, [sys.executable, "-c", program], code)


def page_import(target_db: Path, csv: Path) -> dict:
    """The same file through the Load data page of a real server, in Chromium (yjs/perf/browser_import.py)."""
    with tempfile.TemporaryDirectory(prefix="yjs-bench-import-") as folder:
        db = _copy(target_db, Path(folder))
        figures = browser_import.upload_and_import(db, csv)
    return {**figures, "s": round(figures["s"], 2)}


def _copy(target_db: Path, folder: Path) -> Path:
    """A copy of `target_db` with its audit key and pin, which a write checks the trail against."""
    db = folder / "target.duckdb"
    shutil.copyfile(target_db, db)
    for sidecar in (".audit-key", ".audit-pin"):
        if Path(f"{target_db}{sidecar}").exists():
            shutil.copyfile(f"{target_db}{sidecar}", f"{db}{sidecar}")
    return db


def _into_copy(target_db: Path, command: list[str], code: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="yjs-bench-import-") as folder:
        db = _copy(target_db, Path(folder))
        result = subprocess.run(
            [*command, str(db)],
            cwd=code,
            capture_output=True,
            text=True,
            timeout=3600,
            env={**os.environ, "PYTHONWARNINGS": "ignore", "YJS_DB": str(db)},
        )
    if result.returncode:
        raise RuntimeError(f"the import failed: {result.stderr[-2000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if figures.pop("exit", 0):
        raise RuntimeError(f"the import failed: {result.stderr[-2000:]}")
    return {"s": round(figures.pop("s"), 2), "peak_mb": round(figures.pop("peak_mb")), **figures}


def measure(source_db: Path, target_db: Path, sizes: tuple[int, ...], progress=print) -> list[dict]:
    """Each size's file read by DuckDB, imported on the command line and through the page."""
    results = []
    with tempfile.TemporaryDirectory(prefix="yjs-bench-files-") as folder:
        for rows in sizes:
            csv = cohort_file(source_db, rows, Path(folder))
            progress(f"importing {rows:,} cohort rows")
            entry = {"rows": rows, "file_mb": round(csv.stat().st_size / 2**20, 1), "duckdb_read_s": 0.0}
            entry["duckdb_read_s"] = round(duckdb_read_s(csv), 3)
            entry["command_line"] = command_line_import(target_db, csv)
            entry["page"] = page_import(target_db, csv)
            for way in ("command_line", "page"):
                entry[way]["x_read_csv"] = round(entry[way]["s"] / entry["duckdb_read_s"], 1)
            results.append(entry)
            csv.unlink()
    return results
