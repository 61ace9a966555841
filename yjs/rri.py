"""The relative rate index (RRI) with a 95% confidence interval on the log scale.

RRI = (a / n1) / (c / n2): a group's rate at a stage over the reference group's (White children).
Its standard error on the log scale is sqrt(1/a - 1/n1 + 1/c - 1/n2) (the Katz method for a ratio
of two proportions), so the interval is exp(log(RRI) +/- 1.96 SE). A disparity is flagged only
when the whole interval lies on one side of 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z_95 = 1.959963984540054


@dataclass(frozen=True)
class RelativeRate:
    group_events: int
    group_base: int
    reference_events: int
    reference_base: int
    rri: float | None
    low: float | None
    high: float | None
    reason: str | None = None   # why no RRI could be computed

    @property
    def flagged(self) -> bool:
        return self.low is not None and (self.low > 1 or self.high < 1)

    @property
    def direction(self) -> str | None:
        if not self.flagged:
            return None
        return "higher" if self.low > 1 else "lower"


def relative_rate(group_events: int, group_base: int, reference_events: int, reference_base: int) -> RelativeRate:
    counts = (group_events, group_base, reference_events, reference_base)

    def undefined(reason: str) -> RelativeRate:
        return RelativeRate(*counts, None, None, None, reason)

    if group_base <= 0:
        return undefined("the group has no children at the previous stage (rate undefined)")
    if reference_base <= 0:
        return undefined("there are no White children at the previous stage to compare with")
    if reference_events == 0:
        return undefined("no White children reached this stage, so there is no rate to compare with")
    if group_events > group_base or reference_events > reference_base:
        return undefined("more children at this stage than at the one before (check the data)")
    rri = (group_events / group_base) / (reference_events / reference_base)
    if group_events == 0:
        return RelativeRate(*counts, 0.0, None, None, "no children of this group reached this stage")
    variance = 1 / group_events - 1 / group_base + 1 / reference_events - 1 / reference_base
    spread = Z_95 * math.sqrt(max(variance, 0.0))
    return RelativeRate(*counts, rri, math.exp(math.log(rri) - spread), math.exp(math.log(rri) + spread))
