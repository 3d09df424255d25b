"""Reference seeds the simulation reads (the same CSVs the SEED models load)."""

from __future__ import annotations

import csv
import datetime as dt
import functools

from catwalk.project import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"


def _rows(name: str) -> list[dict[str, str]]:
    with open(SEEDS / f"{name}.csv", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.lru_cache(maxsize=1)
def position_groups() -> dict[str, str]:
    return {row["position_name"]: row["position_group"] for row in _rows("data_wiw_position_groups")}


@functools.lru_cache(maxsize=1)
def reduced_hours_days() -> frozenset[dt.date]:
    return frozenset(
        dt.date.fromisoformat(row["date_day"])
        for row in _rows("data_dimension_careplatform_reduced_hours")
    )


@functools.lru_cache(maxsize=1)
def repo_whitelist() -> tuple[dict[str, str], ...]:
    """The engineering repositories and their stage (data_engineering_repo_white_list)."""
    return tuple(_rows("data_engineering_repo_white_list"))
