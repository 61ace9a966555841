"""Importing the definitions of indicators a service keeps itself (local indicators).

One row per indicator: `code`, `name`, `definition`, `unit`, `polarity`, `period_type`, and
optionally `numerator_label`, `denominator_label` and `source`. A new code adds an indicator, marked
local, which then works everywhere the shipped ones do (Benchmarking, Scorecard, board packs); its
values import as any indicator's. Importing a code again updates its definition. Changing the unit
or polarity of an indicator that already holds values changes what those values mean, so it needs
`force` and is said in the report and the audit trail; its period type cannot change while values
are held (they were checked against the old one). The shipped national indicators cannot be
redefined this way.
"""

from __future__ import annotations

import re

from yjs.data.db import execute
from yjs.domain import benchmarking, dates
from yjs.importers.base import Kind, Plan, change_for, flag_repeat
from yjs.importers.fields import Cells

CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
UNITS = tuple(benchmarking.UNIT_SCALES)  # rate per 100,000 / 10,000 / 1,000, %, ratio, count
POLARITIES = (benchmarking.HIGHER, benchmarking.LOWER, benchmarking.NEITHER)
PERIOD_TYPES = tuple(dates.EXAMPLES)
# Other ways people write them (LAIT says High/Low; spreadsheets say "percentage", "per 10000").
_UNIT_WORDS = {
    "per100000": "rate per 100,000",
    "per10000": "rate per 10,000",
    "per1000": "rate per 1,000",
    "%": "%",
    "percent": "%",
    "percentage": "%",
    "count": "count",
    "number": "count",
    "ratio": "ratio",
}
_POLARITY_WORDS = {
    "higher is better": benchmarking.HIGHER,
    "higher": benchmarking.HIGHER,
    "high": benchmarking.HIGHER,
    "lower is better": benchmarking.LOWER,
    "lower": benchmarking.LOWER,
    "low": benchmarking.LOWER,
    "neither": benchmarking.NEITHER,
    "none": benchmarking.NEITHER,
}
_PERIOD_WORDS = {**{p: p for p in PERIOD_TYPES}, "rolling 12-month": dates.ROLLING, "quarterly": dates.QUARTER}
DEFINED = ("name", "definition", "unit", "polarity", "period_type", "numerator_label", "denominator_label", "source")


def _word(cells: Cells, column: str, words: dict[str, str], options: tuple[str, ...], key=lambda t: t) -> str | None:
    text = cells.text(column, required=True)
    if text is None:
        return None
    value = words.get(key(text.lower()))
    if value is None:
        cells.fail(column, f"'{text}' is not a {column.replace('_', ' ')} (one of: {', '.join(options)})")
    return value


def _plain(value):
    """A stored cell as the parser gives it: a missing label read back as NaN is None."""
    return None if value is None or value != value else value


def _unit_key(text: str) -> str:
    return re.sub(r"[\s,]|rate|of", "", text)


class IndicatorDefinitionsKind(Kind):
    name = "indicator-definitions"
    SHARED = "every service (the indicator catalogue is shared)"

    def areas_of(self, plan) -> set[str | None]:
        """A definition changes the catalogue every service sees: an editor scoped to some services may not."""
        return {self.SHARED} if plan.changes else set()

    required = ("code", "name", "definition", "unit", "polarity", "period_type")
    optional = ("numerator_label", "denominator_label", "source")
    upsert = "write/indicators/upsert_indicator_definition"

    def validate(self, rows, con, options):
        catalogue = {
            row["code"]: row for row in execute(con, "read/indicators/indicator_catalogue").df().to_dict("records")
        }
        names = {row["name"].lower(): code for code, row in catalogue.items()}
        plan, problems, seen_codes, seen_names = Plan(), [], {}, {}
        for row in rows:
            row_problems = []
            cells = Cells(row, row_problems)
            record = self._parse(cells, options.source)
            if not row_problems:
                self._check_against(cells, record, catalogue, names, options.choices.force, plan.notes)
                flag_repeat(seen_codes, record["code"], row.line, cells.fail, "code", "code")
                flag_repeat(seen_names, record["name"].lower(), row.line, cells.fail, "name", "name")
            problems += row_problems
            if not row_problems:
                before = catalogue.get(record["code"])
                same = before is not None and all(_plain(before[f]) == record[f] for f in DEFINED)
                plan.changes.append(change_for(record, before, same))
        return plan, problems

    @staticmethod
    def _parse(cells: Cells, source: str) -> dict:
        code = (cells.text("code", required=True) or "").lower()
        if code and not CODE.match(code):
            cells.fail("code", f"'{code}' is not a code: 2-40 letters, digits or _, starting with a letter")
        return {
            "code": code,
            "name": cells.text("name", required=True, max_length=120),
            "definition": cells.text("definition", required=True),
            "unit": _word(cells, "unit", _UNIT_WORDS, UNITS, _unit_key),
            "polarity": _word(cells, "polarity", _POLARITY_WORDS, POLARITIES),
            "period_type": _word(cells, "period_type", _PERIOD_WORDS, PERIOD_TYPES),
            "numerator_label": cells.text("numerator_label", max_length=120),
            "denominator_label": cells.text("denominator_label", max_length=120),
            "source": cells.text("source") or source,
        }

    @staticmethod
    def _check_against(cells: Cells, record: dict, catalogue: dict, names: dict, force: bool, notes: list) -> None:
        """The rules for changing what is stored: national indicators stay as shipped, names stay
        unique (values are imported by name as well as code), and values keep their meaning."""
        code, before = record["code"], catalogue.get(record["code"])
        if before is not None and not before["is_local"]:
            cells.fail(
                "code", f"'{code}' is a national indicator of the catalogue; give a local indicator a code of its own"
            )
            return
        name = record["name"].lower()
        owner = names.get(name) or (name if name in catalogue else None)  # values are looked up by name or code
        if owner not in (None, code):
            cells.fail("name", f"'{record['name']}' already names the indicator '{owner}': choose another name")
        held = int(before["values_held"]) if before is not None else 0
        if not held:
            return
        if before["period_type"] != record["period_type"]:
            cells.fail(
                "period_type",
                f"'{code}' holds {held} values by {before['period_type']}; its period type cannot change (they were "
                "checked against it): define the new series under a code of its own",
            )
        for field in ("unit", "polarity"):
            if before[field] == record[field]:
                continue
            change = f"{field} of '{code}' from '{before[field]}' to '{record[field]}' ({held} values held)"
            if force:
                notes.append(f"changed the {change}, forced")
            else:
                cells.fail(
                    field,
                    f"changing the {change} changes what its values mean: check them, then import again with "
                    "--force (on the Load data page: “Allow changing the unit or polarity”)",
                )


KIND = IndicatorDefinitionsKind()
