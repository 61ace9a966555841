"""Two app processes behind nginx (deploy/nginx.conf): pages through the proxy, each browser kept on one
replica, and an import made while they serve seen by both on their next rerun. Skipped without nginx."""

from dataclasses import replace
from pathlib import Path
from urllib.request import Request, urlopen

import pytest

from yjs.app.navigation import PAGES
from yjs.importers import KINDS, run_import
from yjs.perf.checks import expected_figures
from yjs.perf.imports import cohort_file
from yjs.perf.protocol import Settings, drive, in_own_loop
from yjs.perf.replicas import nginx, serving

pytestmark = pytest.mark.skipif(nginx() is None, reason="nginx is not installed (Debian: apt-get install nginx)")


def visit_every_page(url: str, db: Path):
    """One person clicking through every page at `url`, each Overview and Cohort explorer figure checked
    against the database file as it is now."""
    figures, _by_area = expected_figures(db)
    settings = replace(Settings(figures=figures), think_s=(0, 0), clicks=len(PAGES))
    return in_own_loop(drive(url, 1, 300, settings))


def test_two_replicas_behind_nginx_serve_and_both_see_an_import(demo_db, tmp_path):
    db = tmp_path / "yjs.duckdb"
    db.write_bytes(demo_db.read_bytes())
    new_children = cohort_file(demo_db, 500, tmp_path)
    with serving(db, 2, progress=lambda _message: None) as served:
        with urlopen(served.url) as first:  # a new browser is given the cookie that keeps it on one replica
            cookie = first.headers["Set-Cookie"].split(";")[0]
        assert cookie.startswith("yjs_replica=")
        with urlopen(Request(served.url, headers={"Cookie": cookie})) as again:
            assert again.headers["Set-Cookie"] is None  # kept, not replaced
        for url in (served.url, *served.replica_urls):  # through the proxy, then each replica has the old figures
            before = visit_every_page(url, db)
            assert not before.errors and before.figures_checked >= 2
        run_import(KINDS["cohort"], new_children, db)  # through the single-writer lock, while they serve
        for replica in served.replica_urls:
            after = visit_every_page(replica, db)
            assert not after.errors and after.figures_checked >= 2  # the Cohort explorer counts the 500 new
