"""Regions and countries, and resolving the many names a youth justice service goes by."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

ENGLISH_REGIONS = (
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)
WALES = "Wales"
REGIONS = ENGLISH_REGIONS + (WALES,)
COUNTRIES = ("England", "Wales")

# Service-type suffixes that name the same partnership (YOT -> YOS -> YJS renames).
_SUFFIX = re.compile(r"\s+(youth (justice|offending) (service|team)|yjs|yos|yot)$")


def name_key(name: str) -> str:
    """Case, spacing, '&' and service-type suffix do not distinguish areas."""
    key = " ".join(str(name).replace("&", "and").split()).lower()
    return _SUFFIX.sub("", key)


def canonical_region(text: str) -> str | None:
    key = " ".join(text.split()).lower()
    return next((region for region in REGIONS if region.lower() == key), None)


def country_of(region: str | None) -> str | None:
    if region is None:
        return None
    return WALES if region == WALES else "England"


class AreaIndex:
    """Looks up an area by its name or any alias, and suggests near names for typos."""

    def __init__(self, areas: Iterable[tuple[str, Iterable[str]]]):
        self._by_key: dict[str, str] = {}
        for name, aliases in areas:
            self.add(name, aliases)

    def add(self, name: str, aliases: Iterable[str] = ()) -> None:
        for label in (name, *(aliases or ())):
            self._by_key.setdefault(name_key(label), name)

    def resolve(self, text: str) -> str | None:
        return self._by_key.get(name_key(text))

    def suggestions(self, text: str, limit: int = 3) -> list[str]:
        typed = name_key(text)
        keys = [key for key in self._by_key if typed and key.startswith(typed)]
        keys += difflib.get_close_matches(typed, list(self._by_key), n=limit * 2, cutoff=0.75)
        names = []
        for key in keys:
            name = self._by_key[key]
            if name not in names:
                names.append(name)
        return names[:limit]

    def unknown_area_reason(self, text: str) -> str:
        near = self.suggestions(text)
        hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        return f"unknown area '{text}'{hint} (add it with --add-areas, or import it as an area first)"
