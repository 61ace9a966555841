"""Comparing an indicator across areas: comparator sets, reference lines, benchmarks and the scorecard.

Pure functions over the frames `yjs.data.indicators` reads. Real and demo areas are never compared
with each other: the frames hold areas of one kind (plus the published reference geographies).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from yjs.domain import benchmarking

NATIONAL = "England and Wales"
NATIONAL_GEOGRAPHIES = (NATIONAL, "England", "Wales")
REGION, COUNTRY, ALL = "region", "country", "all areas"
NEIGHBOURS = "statistical neighbours"


def neighbours_group(area: str) -> str:
    """The name of an area's ready-made group of its DfE statistical neighbours."""
    return f"Statistical neighbours of {area}"


@dataclass(frozen=True)
class ComparatorSet:
    label: str
    areas: tuple[str, ...]
    within: str = ""  # how a page says where the rank is taken: "its region (London)", "all services"

    @property
    def rank_scope(self) -> str:
        return self.within or self.label


def comparator_set(area: str, choice: str, frame: pd.DataFrame, groups: dict[str, list[str]]) -> ComparatorSet:
    """The areas `area` is compared with: its region, its country, all areas of its kind, or a saved group."""
    members: dict[str, tuple[str, str]] = {}  # area -> (region, country), in the frame's order
    for name, region, country, reference in zip(
        *(frame[c].tolist() for c in ("area", "region", "country", "is_reference")), strict=False
    ):
        if not reference:
            members.setdefault(name, (region, country))
    if choice == NEIGHBOURS and neighbours_group(area) in groups:
        chosen = [a for a in groups[neighbours_group(area)] if a in members]
        return ComparatorSet("its statistical neighbours", tuple(sorted(set(chosen) | {area})))
    if choice in groups:
        chosen = [a for a in groups[choice] if a in members]
        return ComparatorSet(f"saved group “{choice}”", tuple(sorted(set(chosen) | {area})))
    if choice == NEIGHBOURS:
        choice = REGION  # an area without statistical neighbours (a joint service, a Welsh one) uses its region
    if area not in members or choice == ALL:
        return ComparatorSet("all areas", tuple(members), "all services")
    level = 0 if choice == REGION else 1  # region, else country
    place = members[area][level]
    within = f"its {'region' if level == 0 else 'country'} ({place})"
    return ComparatorSet(place, tuple(name for name, where in members.items() if where[level] == place), within)


def latest_by_area(series: pd.DataFrame, period_end) -> pd.DataFrame:
    return series[(series["period_end"] == period_end) & series["value"].notna()]


def most_reported_period_end(series: pd.DataFrame):
    """The latest period in which at least half as many areas report as in the best-reported period: the
    latest picture of the whole country, not of the one area that has loaded next year's figure. None when
    no area reports."""
    members = series[~series["is_reference"] & series["value"].notna()]
    if members.empty:
        return None
    reporting = members.groupby("period_end")["area"].nunique()
    return reporting[reporting >= reporting.max() / 2].index.max()


def ranking(series: pd.DataFrame, polarity: str, period_end, within: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The areas' values in one period, best first: the rank within `within` (default every area), the band
    LAIT's way among every area of the kind, whatever the set. Without a polarity, highest first, unranked."""
    everyone = latest_by_area(series[~series["is_reference"]], period_end)
    cuts = benchmarking.cut_points(everyone["value"].tolist())
    rows = (everyone if within is None else everyone[everyone["area"].isin(within)]).copy()
    values = rows["value"].tolist()
    rows["rank"] = [(benchmarking.rank(v, values, polarity) or (None,))[0] for v in values]
    rows["band"] = [benchmarking.band_from_cut_points(v, cuts, polarity) for v in values]
    best_first = rows["value"] if polarity == benchmarking.LOWER else -rows["value"]
    return rows.assign(order=best_first).sort_values(["order", "area"]).drop(columns="order").reset_index(drop=True)


def values_in_period(lines: dict[str, pd.DataFrame], period_end) -> dict[str, float]:
    """Each reference line's value in one period (the lines without one left out)."""
    found = {}
    for label, rows in lines.items():
        value = rows.loc[rows["period_end"] == period_end, "value"].dropna()
        if not value.empty:
            found[label] = float(value.iloc[0])
    return found


def reference_lines(
    series: pd.DataFrame, areas: tuple[str, ...], unit: str, own_region: str | None
) -> dict[str, pd.DataFrame]:
    """National: each published national figure (England and Wales, England, Wales), else pooled over
    all areas shown; region: the published figure, else pooled over its areas' numerators and denominators."""
    lines = {}
    reference = series[series["is_reference"]]
    members = series[~series["is_reference"]]
    poolable = members["numerator"].notna().any()
    for geography in NATIONAL_GEOGRAPHIES:
        published = reference[reference["area"] == geography]
        if not published.empty:
            lines[f"{geography} (published)"] = published[["period", "period_end", "value"]]
    if not lines and poolable:
        lines["All areas shown (pooled)"] = _pooled(members, unit)
    if own_region:
        published = reference[reference["area"] == own_region]
        regional = members[members["region"] == own_region]
        if not published.empty:
            lines[f"{own_region} (published)"] = published[["period", "period_end", "value"]]
        elif poolable and regional["area"].nunique() > 1:
            lines[f"{own_region} (pooled)"] = _pooled(regional, unit)
    return lines


def _pooled(rows: pd.DataFrame, unit: str) -> pd.DataFrame:
    grouped = rows.groupby(["period", "period_end"], as_index=False)
    pooled = grouped.apply(
        lambda g: pd.Series(
            {"value": benchmarking.group_rate(g["numerator"].tolist(), g["denominator"].tolist(), unit)}
        ),
        include_groups=False,
    )
    return pooled.sort_values("period_end")


def benchmark_area(series: pd.DataFrame, area: str, comparators: ComparatorSet, polarity: str) -> dict | None:
    """The area's latest value with rank (in the set and among all areas), band and direction of travel."""
    return _benchmark(_columns(series), area, comparators, polarity)


def _columns(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    # An indicator's series is a few hundred rows: numpy over its columns costs microseconds where each
    # pandas mask costs a millisecond, and the scorecard takes a dozen masks for each of 14 indicators.
    return {
        "area": frame["area"].to_numpy(object),
        "period": frame["period"].to_numpy(object),
        "period_end": frame["period_end"].to_numpy(),
        "value": frame["value"].to_numpy(float),
        "source": frame["source"].to_numpy(object),
        "is_reference": frame["is_reference"].to_numpy(bool),
    }


def _own_rows(columns: dict[str, np.ndarray], area: str, *, known_only: bool) -> np.ndarray:
    """Positions of the area's rows, oldest first."""
    mask = columns["area"] == area
    if known_only:
        mask &= ~np.isnan(columns["value"])
    rows = np.flatnonzero(mask)
    return rows[np.argsort(columns["period_end"][rows], kind="stable")]


def _benchmark(columns: dict[str, np.ndarray], area: str, comparators: ComparatorSet, polarity: str) -> dict | None:
    own = _own_rows(columns, area, known_only=True)
    if not len(own):
        return None
    value = columns["value"]
    latest, previous = own[-1], (own[-2] if len(own) > 1 else None)
    in_period = np.flatnonzero(
        ~columns["is_reference"] & ~np.isnan(value) & (columns["period_end"] == columns["period_end"][latest])
    )
    members = set(comparators.areas)
    in_set = [float(value[row]) for row in in_period if columns["area"][row] in members]
    previous_value = None if previous is None else float(value[previous])
    everyone = value[in_period].tolist()  # the band is LAIT's: among every area of the kind, whatever the set
    result = benchmarking.benchmark(float(value[latest]), previous_value, in_set, polarity, everyone)
    return {
        "period": columns["period"][latest],
        "value": float(value[latest]),
        "source": columns["source"][latest],
        "previous_period": None if previous is None else columns["period"][previous],
        "previous": previous_value,
        "rank": result.rank,
        "band": result.band,
        "direction": result.direction,
        "comparator_median": result.comparator_median,
        "set_size": len(in_set),
        "banded_among": len(everyone),
        "national_rank": benchmarking.rank(float(value[latest]), everyone, polarity),
    }


def scorecard(frame: pd.DataFrame, area: str, choice: str, groups: dict, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator: latest value, comparator median, band, direction and the series."""
    comparators = comparator_set(area, choice, frame, groups) if not frame.empty else ComparatorSet("", ())
    columns = _columns(frame)
    positions = frame.groupby("indicator_code", sort=False).indices if not frame.empty else {}
    rows = []
    for indicator in indicators.itertuples(index=False):
        series = (
            {name: values[positions[indicator.code]] for name, values in columns.items()}
            if indicator.code in positions
            else None
        )
        result = _benchmark(series, area, comparators, indicator.polarity) if series is not None else None
        trend = series["value"][_own_rows(series, area, known_only=False)].tolist() if series is not None else []
        local = bool(getattr(indicator, "is_local", False))
        rows.append(
            {
                "indicator": benchmarking.shown_name(indicator.name, local),
                "local_source": indicator.source if local else None,
                "unit": indicator.unit,
                "polarity": indicator.polarity,
                "period": result["period"] if result else None,
                "value": result["value"] if result else None,
                "comparator_median": result["comparator_median"] if result else None,
                "band": result["band"] if result else None,
                "direction": benchmarking.ARROWS[result["direction"]] if result else "no values",
                "trend": trend,
                "rank": f"{result['rank'][0]} of {result['rank'][1]}" if result and result["rank"] else None,
            }
        )
    return pd.DataFrame(rows)


def national_picture(frame: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator: the latest period most areas report, how many do, their median and quartiles (the
    cut points of LAIT's bands), and the published national figure for that period where there is one."""
    rows = []
    for indicator in indicators.itertuples(index=False):
        series = frame[frame["indicator_code"] == indicator.code]
        period_end = most_reported_period_end(series)
        values = latest_by_area(series[~series["is_reference"]], period_end) if period_end is not None else series[:0]
        cuts = benchmarking.cut_points(values["value"].tolist())
        national = series[series["is_reference"] & (series["period_end"] == period_end) & series["value"].notna()]
        national = national[national["area"].isin(NATIONAL_GEOGRAPHIES)].sort_values("area", key=_national_first)
        rows.append(
            {
                "indicator": benchmarking.shown_name(indicator.name, bool(getattr(indicator, "is_local", False))),
                "period": values["period"].iloc[0] if len(values) else None,
                "areas_reporting": len(values),
                "lower_quartile": cuts[0] if cuts else None,
                "median": cuts[1] if cuts else None,
                "upper_quartile": cuts[2] if cuts else None,
                "national": float(national["value"].iloc[0]) if len(national) else None,
                "national_geography": national["area"].iloc[0] if len(national) else None,
                "unit": indicator.unit,
                "polarity": indicator.polarity,
            }
        )
    return pd.DataFrame(rows)


def _national_first(areas: pd.Series) -> pd.Series:
    return areas.map(NATIONAL_GEOGRAPHIES.index)


def latest_values(series: pd.DataFrame) -> pd.DataFrame:
    """Each area's most recent value (reference geographies left out)."""
    rows = series[~series["is_reference"] & series["value"].notna()].sort_values("period_end")
    return rows.groupby("area", as_index=False).tail(1)[["area", "period", "value"]]
