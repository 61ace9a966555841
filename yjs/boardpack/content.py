"""What a board pack holds, gathered as plain data (tables, figures, words) before any rendering.

`gather` reads through a `query(name, **params)` function, so the app passes its cached
`appdata.query` and the command line a plain `Database.query`: both packs hold the same figures as
the screens. A section without data says what is missing instead of failing, and every aggregate of
children goes through the same disclosure control as the screen (perturbed, counts 1-9 shown as `c`).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable

from yjs.boardpack import sections
from yjs.boardpack.model import BoardPack, Section, UnknownArea
from yjs.data.areas import areas_with_inspection_years
from yjs.data.db import Query
from yjs.domain import disclosure


def find_area(query: Query, area: str) -> dict:
    """The area's row (name, region, is_demo); an unknown name raises with the closest known names."""
    areas = areas_with_inspection_years(query)
    match = areas[areas["area"].str.casefold() == area.strip().casefold()]
    if match.empty:
        close = difflib.get_close_matches(area, areas["area"].tolist(), n=3, cutoff=0.5)
        hint = f" Did you mean {' or '.join(close)}?" if close else ""
        raise UnknownArea(f"No area called '{area}' is in the database.{hint}")
    return match.iloc[0].to_dict()


SECTION_TITLES = (
    "Inspection ratings",
    "Key questions of the weakest standards",
    "Indicator scorecard",
    "Disproportionality by ethnicity",
    "Improvement plan highlight report",
)


def gather(
    query: Query,
    area: str,
    meeting: dt.date,
    *,
    today: dt.date | None = None,
    threshold: int = disclosure.MIN_THRESHOLD,
    progress: Callable[[str], None] | None = None,
    titles: tuple[str, ...] = SECTION_TITLES,
    child_level: bool = True,
) -> BoardPack:
    """The sections of the pack for `area` as it stood at the board meeting on `meeting`.

    `titles` picks sections (by their titles, which never change): a slide needs only its own, and
    gathering the rest would cost it the whole pack's queries. Without `child_level` (someone whose role
    covers other services only) the sections built from children's records say they are left out.
    """
    row = find_area(query, area)
    name, is_demo = row["area"], bool(row["is_demo"])
    steps = (
        ("ratings", SECTION_TITLES[:2], lambda: sections.inspection_sections(query, name, meeting)),
        ("indicators", SECTION_TITLES[2:3], lambda: (sections.indicator_section(query, name, is_demo),)),
        (
            "disproportionality",
            SECTION_TITLES[3:4],
            lambda: (
                sections.disproportionality_section(query, name, meeting, threshold)
                if child_level
                else sections.withheld_child_level_section(SECTION_TITLES[3], name),
            ),
        ),
        ("improvement plan", SECTION_TITLES[4:], lambda: (sections.plan_section(query, name, meeting),)),
    )
    built: list[Section] = []
    for label, made, build in steps:
        if not set(made) & set(titles):
            continue
        if progress:
            progress(label)
        built.extend(section for section in build() if section.title in titles)
    return BoardPack(name, meeting, today or dt.date.today(), is_demo, tuple(built))
