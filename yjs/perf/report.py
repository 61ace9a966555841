"""The benchmark's figures as a plain-text table, with each target beside its measurement."""

from __future__ import annotations

TARGETS = {
    "page_default_ms": 150,
    "page_large_ms": 300,
    "filter_p95_ms": 1000,
    "click_p95_ms": 1000,  # a page's menu click until it has settled, in Chromium
    "memory_mb": 600,
    "sessions_p95_ms": 2000,
    "import_x_read_csv": 25,  # an import's time as a multiple of DuckDB's read_csv of the same file
    "import_1m_s": 60,
    "import_memory_mb": 500,
    # From ten million children's records on (issue 20): a page's median, the filter change's p95, the server.
    "page_10m_ms": 500,
    "filter_p95_10m_ms": 1500,
    "memory_10m_mb": 1000,
}
TEN_MILLION = 10_000_000


def size_targets(rows: int, large: bool) -> tuple[int, int, int]:
    """The page median, browser filter change p95 and server memory targets for a database of `rows` children
    (`large`: the bench's larger size, whose page target is looser than the default size's)."""
    if rows >= TEN_MILLION:
        return TARGETS["page_10m_ms"], TARGETS["filter_p95_10m_ms"], TARGETS["memory_10m_mb"]
    page = TARGETS["page_large_ms" if large else "page_default_ms"]
    return page, TARGETS["filter_p95_ms"], TARGETS["memory_mb"]


def _mark(value: float, target: float) -> str:
    return "met" if value <= target else "MISSED"


def _sessions_detail(s: dict) -> list[str]:
    """What the protocol load test adds (absent from figures written before it)."""
    if "visits" not in s:
        return []
    slowest = sorted(s["pages"].items(), key=lambda item: -item[1]["p95_ms"])[:5]
    return [
        f"    {s['visits']} visits in {s['seconds']} s ({s['visits_per_s']} pages/s), max {s['max_ms']} ms, "
        f"server CPU {s['server_cpu_cores']} cores, server peak {s['server_peak_rss_mb']} MB",
        "    slowest p95: " + ", ".join(f"{page} {figures['p95_ms']:.0f} ms" for page, figures in slowest),
        *(f"    error: {reason}" for reason in s["error_reasons"][:5]),
    ]


def table(results: dict) -> str:
    lines = [f"YJS Insight benchmark ({results['machine']['cpus']} cores, Python {results['machine']['python']})"]
    sizes = results["sizes"]
    for index, entry in enumerate(sizes):
        if "pages" not in entry:  # --imports-only
            lines.append(
                f"Cohort rows: {entry['cohort_rows']:,}   build {entry['build_s']} s   file {entry['size_mb']} MB"
            )
            continue
        large = index == len(sizes) - 1 and len(sizes) > 1
        page_target, filter_target, memory_target = size_targets(entry["cohort_rows"], large)
        floor = entry.get("floor", {}).get("median_ms")
        lines += [
            "",
            f"Cohort rows: {entry['cohort_rows']:,}   build {entry['build_s']} s   file {entry['size_mb']} MB",
            *([f"  floor (an empty page's script): median {floor} ms"] if floor else []),
            f"  {'page script (filter change)':<34}{'median ms':>10}{'p95 ms':>9}{'x floor':>9}   target median "
            f"{page_target} ms   first view median / p95 ms",
        ]
        for page, figures in entry["pages"].items():
            first = figures.get("first_view")
            multiple = f"{figures['median_ms'] / floor:.1f}" if floor else "-"
            lines.append(
                f"  {page:<34}{figures['median_ms']:>10}{figures['p95_ms']:>9}{multiple:>9}   "
                f"{_mark(figures['median_ms'], page_target):<22}"
                + (f"   {first['median_ms']} / {first['p95_ms']}" if first else "")
            )
        base = entry["baseline"]
        lines.append(
            f"  cohort aggregations per rerun: DuckDB {base['duckdb']['median_ms']} ms "
            f"({base['duckdb']['peak_rss_mb']} MB peak) vs pandas {base['pandas']['median_ms']} ms "
            f"({base['pandas']['peak_rss_mb']} MB peak): time x{base['time_ratio']}, memory x{base['memory_ratio']}"
        )
        if "time_ratios" in base:
            lines.append(
                "    each on its own, time ours/pandas: "
                + ", ".join(f"{name} x{ratio} ({_mark(ratio, 1)})" for name, ratio in base["time_ratios"].items())
            )
        browser = entry.get("browser")
        if browser:
            change = browser["filter_change"]
            lines.append(
                f"  browser filter change: median {change['median_ms']} ms, p95 {change['p95_ms']} ms "
                f"({_mark(change['p95_ms'], filter_target)} {filter_target} ms)"
            )
            lines.append(
                f"  server peak memory: {browser['server_peak_rss_mb']} MB "
                f"({_mark(browser['server_peak_rss_mb'], memory_target)} {memory_target} MB)"
            )
            if "sessions" in browser:
                s = browser["sessions"]
                lines.append(
                    f"  {s['sessions']} concurrent sessions: page p95 {s['p95_ms']} ms, median {s['median_ms']} ms, "
                    f"errors {s['errors']} ({_mark(s['p95_ms'], TARGETS['sessions_p95_ms'])} "
                    f"{TARGETS['sessions_p95_ms']} ms)"
                )
                lines += _sessions_detail(s)
        lines += page_click_lines(entry.get("page_clicks"))
    lines += _imports(results.get("imports", []))
    lines.append(f"\nTotal {results.get('total_s', '?')} s")
    return "\n".join(lines)


def page_click_lines(clicks: dict | None) -> list[str]:
    """Each page's menu click until settled (yjs/perf/page_clicks.py), split into the wait for the server, the run
    as the browser receives it, and the drawing after it, with what the page sends."""
    if not clicks:
        return []
    target = TARGETS["click_p95_ms"]
    lines = [
        f"  menu click until settled, in Chromium (load average {clicks['load_before']} before, "
        f"{clicks['load_after']} after)   target p95 {target} ms",
        f"    {'page':<34}{'median':>8}{'p95':>7}{'wait':>7}{'run':>6}{'draw':>6}{'deltas':>8}{'KB':>7}"
        f"{'charts':>7}   heaviest elements KB",
    ]
    for page, f in clicks["pages"].items():
        heaviest = ", ".join(f"{kind} {kb}" for kind, kb in f["heaviest"].items())
        lines.append(
            f"    {page:<34}{f['median_ms']:>8.0f}{f['p95_ms']:>7.0f}{f['wait_ms']:>7}{f['run_ms']:>6}{f['draw_ms']:>6}"
            f"{f['deltas']:>8}{f['kb']:>7.0f}{f['charts']:>7}   {_mark(f['p95_ms'], target):<7}{heaviest}"
        )
    if clicks["skipped"]:
        lines.append(f"    not timed (not in the menu of a server without login): {', '.join(clicks['skipped'])}")
    return lines


def _imports(entries: list[dict]) -> list[str]:
    """Each cohort file's import on the command line and through the Load data page, against read_csv."""
    if not entries:
        return []
    lines = [
        "",
        f"Cohort imports: at most x{TARGETS['import_x_read_csv']} DuckDB's read_csv of the file, a million rows "
        f"under {TARGETS['import_1m_s']} s, peak memory under {TARGETS['import_memory_mb']} MB",
        f"  {'rows':>10}{'file MB':>9}{'read_csv s':>12}   {'way':<14}{'s':>8}{'x read_csv':>12}{'peak MB':>9}",
    ]
    for entry in entries:
        for way, label in (("command_line", "command line"), ("page", "Load data page")):
            figures = entry[way]
            marks = [_mark(figures["x_read_csv"], TARGETS["import_x_read_csv"])]
            if entry["rows"] >= 1_000_000:
                marks.append(_mark(figures["s"], TARGETS["import_1m_s"]))
            marks.append(_mark(figures["peak_mb"], TARGETS["import_memory_mb"]))
            lines.append(
                f"  {entry['rows']:>10,}{entry['file_mb']:>9}{entry['duckdb_read_s']:>12}   {label:<14}"
                f"{figures['s']:>8}{figures['x_read_csv']:>12}{figures['peak_mb']:>9}   {', '.join(marks)}"
            )
            if "import_process_peak_mb" in figures:  # a real server: the upload's share, the import's own process
                child = figures["import_process_peak_mb"]
                lines.append(
                    f"  {'':>31}   server {figures['server_before_mb']} MB before the upload; the import's own "
                    f"process peak {child} MB ({_mark(child, TARGETS['import_memory_mb'])})"
                )
    return lines
