"""What every demo generator shares: the fixed seed and date, the source label, and id reservation.

Every area the generators make is invented (no real YJS is named), flagged `is_demo`, and every row
carries `source = 'demo'`. A fixed seed makes two builds identical, so screenshots and tests are stable.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from yjs.data.db import execute

SEED = 20_26
SOURCE = "demo"
TODAY = dt.date(2026, 11, 1)  # fixed, so the data do not change with the day they are built
ETHNICITIES = ("White", "Black", "Asian", "Mixed", "Other")
# How much more often than White children each group enters the demo cohort (an invented pattern
# of the kind HMIP reports describe, so the disproportionality pages have something to find).
COHORT_OVER_REPRESENTATION = (1.0, 2.3, 0.8, 1.7, 1.1)


def reserve_ids(con, entity: str, n: int) -> list[int]:
    return [row[0] for row in execute(con, f"write/ids/reserve_{entity}_ids", n=n).fetchall()]


def seeded_rng(*salt: int) -> np.random.Generator:
    return np.random.default_rng([SEED, *salt])
