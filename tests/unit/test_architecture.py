"""The house stays standing: layers import only downwards, no import circles, Streamlit only in the app,
pages reach data only through `yjs.app`, and each page file is named after its URL."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from yjs.app.navigation import PAGES

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "yjs"
BELOW_THE_APP = ("domain", "data", "store", "importers", "demo", "charts", "boardpack")
# What each layer may import from the package (besides itself and yjs.paths / yjs.__init__).
ALLOWED = {
    "domain": set(),
    "data": {"domain"},
    "store": {"domain", "data", "importers", "demo"},
    "importers": {"domain", "data", "store"},
    "demo": {"domain", "data"},
    "charts": {"domain"},
    "boardpack": {"domain", "data", "charts"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[tuple[str, bool]]:
    """(imported module, at the top of the module?) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.module, id(node) in top))
            found += [(f"{node.module}.{alias.name}", id(node) in top) for alias in node.names]
    return found


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py")}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "yjs" else None


@pytest.mark.parametrize("layer", BELOW_THE_APP)
def test_layers_below_the_app_never_import_streamlit_or_the_app(layer):
    offending = [
        (module, imported)
        for module, path in package_modules().items()
        if layer_of(module) == layer
        for imported, _top in imports_of(path)
        if imported.split(".")[0] == "streamlit" or imported.startswith("yjs.app")
    ]
    assert not offending


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_the_layers_below_it(layer):
    modules = package_modules()
    offending = []
    for module, path in modules.items():
        if layer_of(module) != layer:
            continue
        for imported, _top in imports_of(path):
            found = imported if imported in modules else imported.rsplit(".", 1)[0]
            target = layer_of(found) if found in modules else None
            if target and target != layer and target not in ALLOWED[layer] | {"paths"}:
                offending.append((module, imported))
    assert not offending


def test_no_import_circles_in_the_package():
    modules = package_modules()
    graph = {module: set() for module in modules}
    for module, path in modules.items():
        for imported, _top in imports_of(path):
            for candidate in (imported, imported.rsplit(".", 1)[0]):
                if candidate in modules and candidate != module:
                    graph[module].add(candidate)
                    break
    # A package's __init__ that imports its own submodules is not a circle of dependencies.
    for module in graph:
        graph[module] = {m for m in graph[module] if not module.startswith(m + ".") or m == "yjs"}
        graph[module].discard("yjs")
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append(trail[trail.index(target) :] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles


def test_imports_sit_at_the_top_of_modules_except_in_the_command_line():
    inner = [
        (module, imported)
        for module, path in package_modules().items()
        if module != "yjs.cli"
        for imported, top in imports_of(path)
        if not top
    ]
    assert not inner


def test_pages_reach_data_only_through_the_app_layer():
    offending = []
    for path in sorted((ROOT / "pages").glob("*.py")):
        for imported, _top in imports_of(path):
            if imported.startswith("yjs.") and layer_of(imported) not in ("app", "domain", "charts", "boardpack"):
                offending.append((path.name, imported))
            if imported in ("yjs.app.cache", "yjs.app.cache.query") or imported.startswith("yjs.data"):
                offending.append((path.name, imported))
        assert "query(" not in path.read_text(encoding="utf-8"), f"{path.name} runs a query itself"
    assert not offending


def test_every_page_file_is_named_after_its_url_and_registered():
    on_disk = {f"pages/{path.name}" for path in (ROOT / "pages").glob("*.py")}
    assert on_disk == {page.path for page in PAGES}
    for page in PAGES:
        assert Path(page.path).stem == page.url_path


def test_every_page_starts_from_the_entry_point_and_uses_what_it_hands_over():
    for page in PAGES:
        text = (ROOT / page.path).read_text(encoding="utf-8")
        assert "current_page()" in text, page.path
        assert not re.search(r"^current_page\(\)$", text, re.M), (
            f"{page.path} calls current_page() only for its side effect"
        )


@pytest.mark.parametrize(
    "argv", [["boardpack", "--help"], ["import", "actions", "--help"], ["audit", "verify", "--db", "/nowhere.duckdb"]]
)
def test_the_command_line_never_imports_streamlit(argv):
    code = (
        "import sys, runpy; sys.argv = ['yjs', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('yjs', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "assert 'streamlit' not in sys.modules, sorted(m for m in sys.modules if m.startswith('streamlit'))[:3]"
    )
    done = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_a_board_pack_and_an_import_run_without_streamlit(demo_db, tmp_path):
    """Not only --help: the commands' whole work, in a fresh interpreter."""
    code = f"""
import sys
from pathlib import Path
from yjs.cli import main
rows = Path({str(tmp_path / "areas.csv")!r})
rows.write_text("name,region\\nNewtown,London\\n")
db = Path({str(tmp_path / "copy.duckdb")!r})
db.write_bytes(Path({str(demo_db)!r}).read_bytes())
assert main(["import", "areas", str(rows), "--db", str(db)]) == 0
from yjs.boardpack.content import gather
from yjs.data.db import Database
import datetime as dt
gather(Database(db).query, "Ealing", dt.date(2024, 3, 1))
assert "streamlit" not in sys.modules, sorted(m for m in sys.modules if m.startswith("streamlit"))[:3]
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
