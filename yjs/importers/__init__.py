"""User imports: `KINDS` maps each kind's name to its validator/writer."""

from yjs.importers import actions, areas, cohort, indicators, inspections, population
from yjs.importers.base import Kind, run_import
from yjs.importers.report import ImportFailed, ImportResult, Problem

KINDS: dict[str, Kind] = {
    kind.name: kind for kind in (inspections.KIND, areas.KIND, indicators.KIND, population.KIND, cohort.KIND)
}
KINDS[actions.KIND.name] = actions.KIND

__all__ = ["KINDS", "ImportFailed", "ImportResult", "Kind", "Problem", "run_import"]
