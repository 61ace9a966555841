"""`python -m yjs`: build the database and import data (every command has --help)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from yjs.paths import database_path

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
PLAN_HELP = (
    " A plan may be headed in its own words: headings are matched to these fields on their words, below any "
    "title rows, on every sheet headed alike; --dry-run prints the mapping heading by heading."
)
EXIT_NOT_PINNED = 3  # `audit verify`: a trail from before keyed, pinned checksums cannot be fully checked


def _progress_bar(total: float, description: str):
    from tqdm import tqdm

    bar = tqdm(
        total=total, bar_format="{desc} {percentage:3.0f}%|{bar}| {elapsed}", file=sys.stderr, dynamic_ncols=True
    )
    bar.set_description_str(description)
    bar.label = description
    return bar


def _advance(bar, step: str, position: float) -> None:
    bar.set_description_str(f"{bar.label}: {step:<40}")
    bar.update(position - bar.n)


def cmd_build(args: argparse.Namespace) -> int:
    from yjs.store.build import build

    db = database_path(args.db)
    started = time.perf_counter()
    with _progress_bar(100, f"Building {db}") as bar:

        def progress(step: str, fraction: float) -> None:
            _advance(bar, step, round(fraction * 100))

        build(db, demo=not args.no_demo, cohort_size=args.cohort_size, progress=progress)
    size_mb = db.stat().st_size / 2**20
    demo = "no demo data" if args.no_demo else f"demo data with {args.cohort_size:,} cohort rows"
    print(f"Built {db} ({size_mb:.1f} MB, seed data and {demo}) in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from yjs.data.db import DatabaseUnavailable
    from yjs.importers import KINDS, ImportFailed, run_import
    from yjs.store.atomic import StoreError

    db = database_path(args.db)
    steps = ("reading", "validating", "writing", "done")
    try:
        choices = _choices(args, db)
        if args.dry_run and args.kind == "actions":
            _print_mapping(args.file, choices)
        with _progress_bar(len(steps), f"Importing {args.file.name}") as bar:

            def progress(step: str) -> None:
                _advance(bar, step, steps.index(step) + 1)

            result = run_import(
                KINDS[args.kind],
                args.file,
                db,
                dry_run=args.dry_run,
                add_areas=getattr(args, "add_areas", False),
                progress=progress,
                actor=_command_line_actor(),
                choices=choices,
            )
    except ImportFailed as failure:
        print(f"{args.file.name}: {len(failure.problems)} problem(s); nothing was written.", file=sys.stderr)
        for problem in failure.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_INVALID
    except DatabaseUnavailable as exc:
        print(f"{exc.problem}: {exc.path}\nFix: {exc.fix}", file=sys.stderr)
        return EXIT_INVALID
    except StoreError as exc:
        print(f"Nothing was written: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(result.summary())
    return EXIT_OK


def _choices(args: argparse.Namespace, db: Path):
    """The person's choices beyond the file: a saved mapping (--mapping) under --map, --area, --sheet, --force."""
    from yjs.importers import Choices, ImportFailed, Problem

    headings: dict[str, str | None] = {}
    if getattr(args, "mapping", None):
        from yjs.data.db import Database
        from yjs.data.mappings import saved_mappings

        saved = saved_mappings(Database(db).query, args.kind)
        if args.mapping not in saved:
            names = ", ".join(sorted(saved)) or "none saved yet (save one on the Load data page)"
            raise ImportFailed([Problem(0, None, f"no saved mapping named '{args.mapping}' (saved: {names})")])
        headings.update(saved[args.mapping])
    typed = dict(getattr(args, "map", None) or [])
    headings.update(typed)
    return Choices(
        area=getattr(args, "area", None),
        headings=headings,
        typed_headings=tuple(typed),
        sheet=getattr(args, "sheet", None),
        force=getattr(args, "force", False),
    )


def _print_mapping(file: Path, choices) -> None:
    """--dry-run of a plan: the field each heading goes to, heading by heading, and where they were found."""
    from yjs.importers.actions import mapping_lines

    for line in mapping_lines(file, choices):
        print(line)


def _heading_choice(text: str) -> tuple[str, str | None]:
    from yjs.importers.action_columns import parse_choice

    try:
        return parse_choice(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _command_line_actor():
    from yjs.domain.roles import local_actor

    return local_actor("admin", where="command line")


def cmd_restore(args: argparse.Namespace) -> int:
    from yjs.domain.dates import long_date_time
    from yjs.store import backups
    from yjs.store.atomic import StoreError
    from yjs.store.recovery import restore

    db = database_path(args.db)
    found = backups.listing(db)
    if args.list or not args.backup:
        if not found:
            print(f"No backups of {db} yet (one is taken before every import into {backups.backup_dir(db)}).")
            return EXIT_OK
        print(f"Backups of {db}, newest first (restore one with: python -m yjs restore NAME or NUMBER):")
        for number, backup in enumerate(found, start=1):
            print(
                f"{number:>3}  {backup.path.name}  {long_date_time(backup.taken_at)}  "
                f"{backup.reason.replace('-', ' ')}  {backup.size_mb:.1f} MB"
            )
        return EXIT_OK
    try:
        source = restore(db, args.backup, _command_line_actor())
    except (backups.BackupError, StoreError) as exc:
        print(f"Nothing was restored: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"Restored {db} from {source.name}; the file it replaced is now the newest backup.")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from yjs.data import audit as audit_data
    from yjs.data.db import Database, DatabaseUnavailable
    from yjs.store import audit

    db = database_path(args.db)
    database = Database(db)
    try:
        verdict = audit.verify(db, audit_data.full_log(database.query) if audit_data.has_log(database.query) else None)
    except DatabaseUnavailable as exc:
        print(f"{exc.problem}: {exc.path}\nFix: {exc.fix}", file=sys.stderr)
        return EXIT_INVALID
    finally:
        database.close()
    for note in verdict.notes:
        print(f"Warning: {note}", file=sys.stderr)
    if verdict.state == audit.ALTERED:
        print(f"Audit trail altered ({db}):", file=sys.stderr)
        for problem in verdict.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_INVALID
    print(f"{verdict.message} ({db})")
    return EXIT_NOT_PINNED if verdict.state == audit.UNPINNED else EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    import json

    from yjs.perf import bench
    from yjs.perf.report import table

    started = time.perf_counter()
    results = bench.run(
        args.cohort_size,
        args.sessions,
        args.reruns,
        browser=not args.no_browser,
        import_sizes=args.import_sizes,
        imports_only=args.imports_only,
        progress=lambda message: print(f"... {message}", file=sys.stderr, flush=True),
    )
    results["total_s"] = round(time.perf_counter() - started, 1)
    print(table(results))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
        print(f"Wrote {args.out}")
    return EXIT_OK


def cmd_loadtest(args: argparse.Namespace) -> int:
    import tempfile

    from yjs.perf import loadtest
    from yjs.perf import sessions as load_sessions
    from yjs.store.build import build

    def progress(message: str) -> None:
        print(f"... {message}", file=sys.stderr, flush=True)

    if args.url and not args.db:
        print("--url needs --db: the file that server serves, to check the figures against", file=sys.stderr)
        return EXIT_INVALID
    with tempfile.TemporaryDirectory(prefix="yjs-load-") as folder:
        db = args.db or build(Path(folder) / "yjs.duckdb", cohort_size=args.cohort_size)
        if args.browser:
            reports = loadtest.repeated(db, args.runs, args.sessions, args.seconds, progress=progress)
        else:
            settings = load_sessions.checked_settings(
                db, 0 if args.no_area else args.sessions, think_s=tuple(args.think), seed=args.seed
            )
            reports = [_protocol_load(args, db, settings, progress)]
    print("\n".join(loadtest.summary(reports) if len(reports) > 1 else reports[0].lines()))
    return EXIT_OK if not any(report.errors for report in reports) else EXIT_INVALID


def _protocol_load(args: argparse.Namespace, db: Path, settings, progress):
    """The protocol load test: against --url, against --replicas behind nginx, or against one process."""
    from yjs.perf import replicas
    from yjs.perf import sessions as load_sessions

    if args.url:
        return load_sessions.run_at(args.url.rstrip("/"), db, args.sessions, args.seconds, settings, progress=progress)
    if args.replicas:
        with replicas.serving(db, args.replicas, progress=progress) as served:
            return load_sessions.run_at(
                served.url, db, args.sessions, args.seconds, settings, served.pids, progress=progress
            )
    return load_sessions.run(db, args.sessions, args.seconds, settings, progress=progress)


def cmd_serve_replicas(args: argparse.Namespace) -> int:
    import signal

    from yjs.perf import replicas

    db = database_path(args.db)
    with replicas.serving(db, args.replicas, port=args.port, progress=print) as served:
        print(f"Serving {db} with {args.replicas} processes behind nginx: open {served.url} (Ctrl-C stops them)")
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    return EXIT_OK


def cmd_boardpack(args: argparse.Namespace) -> int:
    from yjs import boardpack
    from yjs.boardpack.content import UnknownArea, gather
    from yjs.boardpack.regional import gather_regional
    from yjs.charts.images import ImagesUnavailable
    from yjs.data.db import Database, DatabaseUnavailable
    from yjs.domain.dates import long_date, parse_date

    fmt = args.out.suffix.lower().lstrip(".")
    if args.demo and not args.region:
        print("--demo goes with --region (an area's pack follows the area: real or demo)", file=sys.stderr)
        return EXIT_USAGE
    if fmt not in boardpack.FORMATS:
        print(f"--out must end in .pdf or .pptx (was {args.out.name})", file=sys.stderr)
        return EXIT_USAGE
    try:
        meeting = parse_date(args.date)
    except ValueError as exc:
        print(f"--date: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        database = Database(database_path(args.db))
        subject = args.area or f"the {args.region} regional partnership"
        with _progress_bar(boardpack.GATHER_STEPS, f"Board pack for {subject}") as bar:

            def step(label: str) -> None:
                _advance(bar, label, bar.n + 1)

            pack = (
                gather(database.query, args.area, meeting, progress=step)
                if args.area
                else gather_regional(database.query, args.region, meeting, demo=args.demo, progress=step)
            )
            bar.total = boardpack.GATHER_STEPS + boardpack.chart_count(pack) + 1
            data = boardpack.render(pack, fmt, chart_done=lambda: _advance(bar, "drawing charts", bar.n + 1))
            args.out.write_bytes(data)
            _advance(bar, "written", bar.total)
    except (UnknownArea, ImagesUnavailable) as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    except DatabaseUnavailable as exc:
        print(f"{exc.problem}: {exc.path}\nFix: {exc.fix}", file=sys.stderr)
        return EXIT_INVALID
    missing = [s.title for s in pack.sections if s.missing]
    print(
        f"Wrote {args.out} ({len(data) / 1024:.0f} KB): board pack for {pack.area}, meeting of "
        f"{long_date(meeting)}{'; demo data' if pack.is_demo else ''}"
        + (f". Incomplete: {', '.join(missing)} (each says what is missing)." if missing else ".")
    )
    return EXIT_OK


def _add_plan_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--area", metavar="NAME", help="the area of every action, for a plan file without an area column")
    sub.add_argument(
        "--map",
        metavar="HEADING=FIELD",
        action="append",
        type=_heading_choice,
        help='map a heading to a field, or leave the column out with "HEADING=-" (repeatable)',
    )
    sub.add_argument(
        "--mapping", metavar="NAME", help="a column mapping saved on the Load data page (--map overrides it)"
    )
    sub.add_argument(
        "--sheet", metavar="NAME", help="read this sheet of the workbook only (default: every sheet headed alike)"
    )


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="database file (default: $YJS_DB or data/yjs.duckdb)")


def _positive(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of whole numbers") from None
    return tuple(size for size in sizes if size > 0)


def parser() -> argparse.ArgumentParser:
    from yjs.importers import KINDS
    from yjs.store.build import DEFAULT_COHORT_SIZE

    root = argparse.ArgumentParser(prog="python -m yjs", description="YJS Insight: build and load the database.")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="build the database from data/ (and demo data)",
        description="Build the database from the seed CSVs under data/ and the demo "
        "generator into a new file, then swap it into place atomically.",
    )
    _add_db(build)
    build.add_argument("--no-demo", action="store_true", help="real seed data only: no invented areas")
    build.add_argument(
        "--cohort-size",
        type=_positive,
        default=DEFAULT_COHORT_SIZE,
        help=f"demo child-level cohort rows (default {DEFAULT_COHORT_SIZE:,})",
    )
    build.set_defaults(handler=cmd_build)

    load = commands.add_parser(
        "import",
        help="validate and load a CSV or XLSX file",
        description="Validate a CSV/XLSX file and load it atomically. Exit 0 on success, "
        "1 when any row is invalid (every problem is listed; nothing is "
        "written), 2 for usage errors.",
    )
    kinds = load.add_subparsers(dest="kind", required=True, metavar="KIND")
    for name, kind in KINDS.items():
        sub = kinds.add_parser(
            name,
            help=f"import {name}",
            description=f"Import {name}. Columns (case-insensitive, any order): "
            f"{', '.join(kind.required)} (required); {', '.join(kind.optional)}."
            + (PLAN_HELP if name == "actions" else ""),
        )
        sub.add_argument("file", type=Path, help="CSV or XLSX file")
        _add_db(sub)
        sub.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
        if name == "inspections":
            sub.add_argument("--add-areas", action="store_true", help="add unknown areas instead of rejecting them")
        if name == "actions":
            _add_plan_options(sub)
        if name == "indicator-definitions":
            sub.add_argument(
                "--force",
                action="store_true",
                help="allow changing the unit or polarity of an indicator holding values (audited)",
            )
        sub.set_defaults(handler=cmd_import)
    load = commands.add_parser(
        "loadtest",
        help="many sessions clicking through the pages at once",
        description="Serve a database on loopback and have N sessions click through every "
        "page for a bounded time, checking figures against the database; prints "
        "errors, page times, throughput and server memory. The sessions speak "
        "Streamlit's websocket protocol as the browser does, without rendering "
        "(--browser: real Chromium tabs, which on a small machine measure "
        "Chromium more than the server). Exit 1 on any error.",
    )
    load.add_argument("--db", type=Path, help="database to serve (default: a new demo build in a temporary folder)")
    load.add_argument("--sessions", type=_positive, default=25, help="concurrent sessions (default 25)")
    load.add_argument("--seconds", type=float, default=120, help="how long they click (default 120)")
    load.add_argument(
        "--cohort-size", type=_positive, default=DEFAULT_COHORT_SIZE, help="demo cohort rows of the temporary build"
    )
    load.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(1.0, 3.0),
        metavar=("MIN", "MAX"),
        help="seconds between clicks, uniform random (default 1 3)",
    )
    load.add_argument("--seed", type=int, default=0, help="seed of the think times (default 0)")
    load.add_argument(
        "--no-area",
        action="store_true",
        help="nobody chooses an area (by default each person has a demo area of their own)",
    )
    load.add_argument("--browser", action="store_true", help="drive Chromium tabs instead of the protocol")
    load.add_argument(
        "--runs",
        type=_positive,
        default=1,
        help="with --browser: run it this many times, each with a fresh server, and add up (default 1); "
        "`--runs 20 --sessions 3 --seconds 25` is the proof that no fast click loses the filters",
    )
    load.add_argument(
        "--url", help="a server already running (e.g. nginx of `make serve-replicas`); --db: the file it serves"
    )
    load.add_argument(
        "--replicas", type=_positive, help="serve with this many processes behind nginx (deploy/nginx.conf)"
    )
    load.set_defaults(handler=cmd_loadtest)
    serve = commands.add_parser(
        "serve-replicas",
        help="several app processes behind nginx on loopback (make serve-replicas N=2)",
        description="Start N plain `streamlit run app.py` processes on loopback ports, each opening the "
        "database read-only, and nginx in front of them (deploy/nginx.conf: sticky sessions, "
        "websockets) until Ctrl-C. Imports keep going through the single-writer lock.",
    )
    _add_db(serve)
    serve.add_argument("--replicas", type=_positive, default=2, help="app processes (default 2)")
    serve.add_argument("--port", type=_positive, default=8501, help="nginx's loopback port (default 8501)")
    serve.set_defaults(handler=cmd_serve_replicas)
    restore = commands.add_parser(
        "restore",
        help="list the backups, or put one back",
        description="Backups are taken before every import or build that replaces the "
        "database (the last 10 are kept, in the backups folder beside it). "
        "Restoring is atomic and backs up the current file first.",
    )
    _add_db(restore)
    restore.add_argument("--list", action="store_true", help="list the backups, newest first (the default)")
    restore.add_argument("backup", nargs="?", help="a backup's file name, or its number in the list (1 = newest)")
    restore.set_defaults(handler=cmd_restore)
    trail = commands.add_parser(
        "audit",
        help="check the audit trail",
        description="Check that the audit trail is as the app wrote it: every row's keyed checksum, each "
        "row's link to the one before, and the last row against the pin kept outside the database. "
        "Exit 0 when it is intact (or nothing is recorded yet), 1 when it was altered, 3 when it "
        "was written before keyed, pinned checksums and cannot be fully checked.",
    )
    trail.add_argument("action", choices=["verify"], help="verify: check the trail")
    _add_db(trail)
    trail.set_defaults(handler=cmd_audit)
    bench = commands.add_parser(
        "bench",
        help="measure build, page and browser times, memory, and a pandas baseline",
        description="Build databases in a temporary folder and print (and optionally write as "
        "JSON) build time and size, every page's script time, the cohort "
        "explorer's filter change and every page's menu click in a real browser, server memory, a pandas "
        "baseline and many concurrent sessions.",
    )
    bench.add_argument("--cohort-size", type=_positive, default=1_000_000, help="the large size (default 1,000,000)")
    bench.add_argument("--sessions", type=_positive, default=25, help="concurrent browser sessions (0 to skip)")
    bench.add_argument("--reruns", type=_positive, default=10, help="reruns per measurement (default 10)")
    bench.add_argument("--no-browser", action="store_true", help="skip the browser measurements")
    bench.add_argument(
        "--import-sizes",
        type=_sizes,
        default=(20_000, 200_000, 1_000_000),
        metavar="N,N,...",
        help="cohort files imported, in rows (default 20000,200000,1000000; 0 to skip; none above --cohort-size)",
    )
    bench.add_argument("--imports-only", action="store_true", help="build, then measure the imports alone")
    bench.add_argument("--out", type=Path, help="also write the figures as JSON")
    bench.set_defaults(handler=cmd_bench)
    pack = commands.add_parser(
        "boardpack",
        help="write an area's board pack as PDF or PowerPoint",
        description="Write the board pack of one area for one board meeting (or, with --region, of a "
        "regional partnership): ratings, key "
        "questions of the weakest standards, indicator scorecard, "
        "disproportionality and the improvement plan's highlight report. "
        "Charts are drawn with Chromium (/usr/bin/chromium or $BROWSER_PATH).",
    )
    whose = pack.add_mutually_exclusive_group(required=True)
    whose.add_argument("--area", help="the area's name (as in the app)")
    whose.add_argument(
        "--region",
        help="a regional partnership's pack instead: its services' improvement plans side by side and "
        "disproportionality area by area (real areas; with --demo, the region's demo areas)",
    )
    pack.add_argument("--demo", action="store_true", help="with --region: the region's demo areas, not its real ones")
    pack.add_argument("--date", required=True, help="the board meeting's date, YYYY-MM-DD")
    pack.add_argument("--out", required=True, type=Path, help="FILE.pdf or FILE.pptx")
    _add_db(pack)
    pack.set_defaults(handler=cmd_boardpack)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.handler(args)
