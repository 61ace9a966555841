"""A real import killed (SIGKILL) at random moments leaves a database that opens and holds exactly
the old data or exactly the new, an audit trail its pin vouches for, and the next import runs as if
nothing had happened."""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.support.dbcheck import audit_rows, data_fingerprint
from yjs.cli import main
from yjs.data.db import open_read_only

ROOT = Path(__file__).resolve().parents[2]
TRIALS = 8
ROWS = 20_000
HEADER = (
    "child_id,area,age_at_start,sex,ethnicity,disposal_type,disposal,offence_category,start_date,care_status,"
    "send,substance_misuse,mental_health,risk_of_serious_harm,safety_and_wellbeing"
)


def cohort_file(path: Path) -> Path:
    rows = [
        f"KILL-{n:06d},Ealing,{10 + n % 8},{('Female', 'Male')[n % 2]},{('White', 'Black', 'Asian')[n % 3]},"
        f"Court,Referral order,Robbery,2024-0{1 + n % 9}-0{1 + n % 9},None,no,no,no,Low,Low"
        for n in range(ROWS)
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    return path


class WatchedImport:
    """`python -m yjs import cohort` in a child process, with the moment its write phase began."""

    def __init__(self, file: Path, db: Path):
        self.started = time.perf_counter()
        self.writing = threading.Event()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "yjs", "import", "cohort", str(file), "--db", str(db)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "YJS_DB": ""},
        )
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        seen = b""
        for chunk in iter(lambda: self.process.stderr.read1(4096), b""):  # the progress bar names each step
            seen = (seen + chunk)[-200:]
            if b"writing" in seen and not self.writing.is_set():
                self.writing_at = time.perf_counter()
                self.writing.set()

    def finish(self) -> int:
        return self.process.wait(timeout=300)


def fresh_copy(source: Path, folder: Path) -> Path:
    folder.mkdir()
    target = folder / "yjs.duckdb"
    target.write_bytes(source.read_bytes())
    return target


@pytest.fixture(scope="module")
def imported(real_db, tmp_path_factory):
    """The file, the data before and after a complete import, and how long its read and write take."""
    folder = tmp_path_factory.mktemp("killed")
    file = cohort_file(folder / "cohort.csv")
    db = fresh_copy(real_db, folder / "complete")
    run = WatchedImport(file, db)
    assert run.finish() == 0 and run.writing.is_set()
    ended = time.perf_counter()
    return file, data_fingerprint(real_db), data_fingerprint(db), ended - run.writing_at


def test_an_import_killed_at_random_moments_leaves_old_or_new_data_never_a_mix(real_db, imported, tmp_path):
    """Odd trials strike during the write (copy, transaction, checkpoint, swap), even ones before it."""
    file, old, new, write_time = imported
    chance = random.Random(20261123)
    outcomes = []
    for trial in range(TRIALS):
        db = fresh_copy(real_db, tmp_path / f"trial{trial}")
        run = WatchedImport(file, db)
        if trial % 2:
            assert run.writing.wait(timeout=120)
            moment = chance.uniform(0, 1.1) * write_time
        else:
            moment = chance.uniform(0.2, 1.0)  # start-up, reading and validating
        try:
            run.process.wait(timeout=moment)  # the moment to strike, not a pause
            killed = False
        except subprocess.TimeoutExpired:
            run.process.send_signal(signal.SIGKILL)
            run.process.wait(timeout=30)
            killed = True
        open_read_only(db).close()  # it opens as a YJS Insight database
        found = data_fingerprint(db)
        assert found in (old, new), f"trial {trial}: a mix of old and new data"
        assert len(audit_rows(db)) == (found == new)  # the audit record commits with the data, never alone
        assert main(["audit", "verify", "--db", str(db)]) == 0, f"trial {trial}: the trail and its pin disagree"
        outcomes.append(("killed: " if killed else "finished: ") + ("new" if found == new else "old"))
        if killed and found == old and trial == 1:
            # The dead writer's lock went with it and its private copy is cleared: the next import completes.
            assert WatchedImport(file, db).finish() == 0
            assert data_fingerprint(db) == new
            assert not list(db.parent.glob(".*.tmp*"))
    print(f"{TRIALS} imports struck at random moments: {outcomes}")
    assert sum(o.startswith("killed") for o in outcomes) >= TRIALS // 2, outcomes
