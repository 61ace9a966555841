"""User imports: `KINDS` maps each kind's name to its validator/writer."""

from yjs.importers import (
    actions,
    areas,
    cohort,
    findings,
    indicator_definitions,
    indicators,
    inspections,
    population,
    recommendation_updates,
)
from yjs.importers.base import Choices, Kind, run_import
from yjs.importers.report import ImportFailed, ImportResult, Problem

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        inspections.KIND,
        areas.KIND,
        indicator_definitions.KIND,
        indicators.KIND,
        population.KIND,
        cohort.KIND,
        actions.KIND,
        recommendation_updates.KIND,
        findings.KIND,
    )
}

__all__ = ["KINDS", "Choices", "ImportFailed", "ImportResult", "Kind", "Problem", "run_import"]
