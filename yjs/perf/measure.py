"""The figures every measurement reports: summary statistics over timings, and a process's memory.

Kept apart from the tools that measure (bench, browser, loadtest, sessions) so that each of them can
use these without importing another tool, and the measuring subprocesses import nothing heavy for them.
"""

from __future__ import annotations

import statistics
from pathlib import Path


def percentile(values: list[float], fraction: float) -> float:
    """The value at `fraction` (0-1) of the sorted values, the nearest rank: no interpolation."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> dict:
    """Median and 95th percentile of timings in seconds, in milliseconds as the reports print them."""
    return {
        "median_ms": round(statistics.median(values) * 1000, 1),
        "p95_ms": round(percentile(values, 0.95) * 1000, 1),
        "runs": len(values),
    }


def status_mb(pid: int | str, field_name: str) -> float:
    """A memory figure of /proc/PID/status in MB: VmRSS now, VmHWM the peak over the process's life."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field_name}:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def rss_mb(pid: int | str = "self") -> float:
    """The process's resident memory now, in MB."""
    return status_mb(pid, "VmRSS")


def peak_rss_mb(pid: int | str = "self") -> float:
    """The process's peak resident memory over its whole life (VmHWM), in MB."""
    return status_mb(pid, "VmHWM")
