"""Shared fixtures: databases built once per test session from the shipped seed data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.perturbation import noisy_ptable
from yjs.charts import base as charts_base
from yjs.store.build import build

# Every chart a test builds is checked by plotly, property by property, as the app skips doing (a chart
# with a misspelt property fails here). The browser tests' servers run as people's do, unchecked.
charts_base.VALIDATE = True

ROOT = Path(__file__).resolve().parent.parent
SMALL_COHORT = 3_000


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """Seed data plus demo data; tests must not write to it (copy it with `writable_db`)."""
    return build(tmp_path_factory.mktemp("demo") / "yjs.duckdb", demo=True, cohort_size=SMALL_COHORT)


@pytest.fixture(scope="session")
def noisy_db(tmp_path_factory) -> Path:
    """As demo_db, perturbed by a table whose noise depends on the cell key (ONS's published one only
    rounds, so it cannot tell a right cell key from a wrong one)."""
    folder = tmp_path_factory.mktemp("noisy")
    noisy_ptable().to_csv(folder / "ptable.csv", index=False)
    return build(folder / "yjs.duckdb", demo=True, cohort_size=SMALL_COHORT, ptable=folder / "ptable.csv")


@pytest.fixture(scope="session")
def real_db(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("real") / "yjs.duckdb", demo=False)


@pytest.fixture
def writable_db(real_db, tmp_path) -> Path:
    """A private copy of the real-data database for tests that write."""
    target = tmp_path / "yjs.duckdb"
    target.write_bytes(real_db.read_bytes())
    return target


@pytest.fixture
def use_db(monkeypatch):
    """Point the app and CLI at a database through YJS_DB, as a user would."""

    def point(path: Path) -> Path:
        monkeypatch.setenv("YJS_DB", str(path))
        return path

    return point


def pytest_report_header(config):
    return f"YJS_DB={os.environ.get('YJS_DB', '(unset)')}; CI={os.environ.get('CI', '(unset)')}"
