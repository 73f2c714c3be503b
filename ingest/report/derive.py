"""Change of each fact against the previous comparable period (targets vs actuals: sql/target_pairs.sql)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Any


def _series_key(fact: dict[str, Any]) -> tuple:
    # Only like with like: a half-year flow is not comparable to a whole year.
    return (fact["commune_id"], fact["indicator_key"], fact["kind"], fact["base_unit"], fact["granularity"])


def add_previous(facts: list[dict[str, Any]]) -> None:
    """Set `prev_period`, `prev_base_value` and `change_pct` on each fact from the previous fact
    of its series (same commune, indicator, kind, unit and granularity), in period order."""
    series: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        fact["prev_period"] = fact["prev_base_value"] = fact["change_pct"] = None
        if fact["period_end_date"] is not None:
            series[_series_key(fact)].append(fact)
    for members in series.values():
        members.sort(key=lambda f: f["period_end_date"])
        for before, after in itertools.pairwise(members):
            after["prev_period"] = before["period"]
            after["prev_base_value"] = before["base_value"]
            if before["base_value"] not in (None, 0) and after["base_value"] is not None:
                after["change_pct"] = (
                    100.0 * (after["base_value"] - before["base_value"]) / abs(before["base_value"])
                )
