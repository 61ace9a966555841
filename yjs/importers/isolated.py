"""An import run in a process of its own, for the app's large files.

Checking and writing a year's case-management extract needs a few hundred megabytes at its peak
(DuckDB's working memory, Parquet buffers). In the server's own process that peak adds to the app's
memory and to the upload the server already holds, and Python seldom hands freed memory back: one
large import would leave the server hundreds of megabytes bigger, and two at once could exhaust it.
In a child process the peak is the child's and all of it is returned when the child exits. The child
runs `run_import` exactly as the command line does (same checks, lock, audit entry, backup), relays
its progress steps, and sends back the result or the problems; a child that dies writes nothing,
because every write is an atomic swap.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path

from yjs.domain.roles import PermissionDenied
from yjs.importers import KINDS
from yjs.importers.base import run_import
from yjs.importers.report import ImportFailed, ImportResult
from yjs.store.atomic import StoreError

# A file at least this big is imported in a process of its own; a smaller one costs less than starting one.
ISOLATE_FROM_BYTES = 8 * 2**20
# "forkserver": each import is forked from a small process of its own that has the importers imported
# already (started on the first large import), never from the server with its threads; a fresh interpreter
# ("spawn") spent a second and a half importing them on every check and every import.
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["yjs.importers"])


def run_import_here_or_apart(kind: str, file: Path, db_path: Path, **options) -> ImportResult:
    """`run_import(KINDS[kind], file, db_path, **options)`: in a child process when `file` is large."""
    if Path(file).stat().st_size < ISOLATE_FROM_BYTES:
        return run_import(KINDS[kind], file, db_path, **options)
    return run_import_apart(kind, file, db_path, **options)


def run_import_apart(
    kind: str, file: Path, db_path: Path, *, progress: Callable[[str], None] | None = None, **options
) -> ImportResult:
    """`run_import` in a child process; its progress steps are passed to `progress` as they happen, and
    its ImportFailed, PermissionDenied or StoreError is raised here as it was raised there."""
    receiving, sending = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(
        target=_child, args=(sending, kind, str(file), str(db_path), options), name=f"import-{kind}", daemon=True
    )
    child.start()
    sending.close()  # the child's end: once the child exits, reading past its last message ends the loop
    try:
        while True:
            try:
                message, payload = receiving.recv()
            except EOFError:
                child.join()
                raise StoreError(
                    f"the import stopped unexpectedly (exit code {child.exitcode}); nothing was written"
                ) from None
            if message == "progress":
                if progress:
                    progress(payload)
                continue
            child.join()
            return _outcome(message, payload)
    finally:
        receiving.close()
        if child.is_alive():  # the page was left mid-import: the atomic swap has not happened, or has
            child.join(timeout=1)


def _outcome(message: str, payload) -> ImportResult:
    if message == "done":
        return payload
    if message == "failed":
        raise ImportFailed(payload)
    if message == "denied":
        raise PermissionDenied(payload)
    if message == "store":
        raise StoreError(payload)
    raise RuntimeError(payload)


def _child(sending, kind: str, file: str, db_path: str, options: dict) -> None:
    """In the child: the import, and one last message saying how it ended."""
    try:
        result = run_import(
            KINDS[kind], Path(file), Path(db_path), progress=lambda step: sending.send(("progress", step)), **options
        )
    except ImportFailed as failure:
        sending.send(("failed", failure.problems))
    except PermissionDenied as refusal:
        sending.send(("denied", str(refusal)))
    except StoreError as error:
        sending.send(("store", str(error)))
    except Exception as error:  # noqa: BLE001 (anything else is raised again in the server, with its text)
        sending.send(("error", f"{type(error).__name__}: {error}"))
    else:
        sending.send(("done", result))
    finally:
        sending.close()
