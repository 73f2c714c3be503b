"""Comparisons computed once from the facts: change vs the previous period, targets against actuals."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TargetPair:
    """A target and the latest actual that can be held against it (same commune, indicator, unit)."""

    target: dict[str, Any]
    actual: dict[str, Any]

    @property
    def pct_of_target(self) -> float | None:
        t, a = self.target["base_value"], self.actual["base_value"]
        if t in (None, 0) or a is None:
            return None
        return 100.0 * a / t

    @property
    def met(self) -> bool | None:
        """Whether the actual reaches the target, in the indicator's good direction."""
        t, a = self.target["base_value"], self.actual["base_value"]
        if t is None or a is None:
            return None
        lower_is_better = self.target.get("higher_is_better") is False
        return a <= t if lower_is_better else a >= t


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


def _recency(fact: dict[str, Any]) -> tuple:
    return (fact["period_end_date"], fact["period_start_date"] or fact["period_end_date"])


def target_pairs(facts: list[dict[str, Any]]) -> list[TargetPair]:
    """Each target with the latest actual of the same commune, indicator and unit that ends no
    later than the target's period (a 2030 target is held against the newest figure so far)."""
    actuals: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        if fact["kind"] == "actual" and fact["period_end_date"] is not None:
            actuals[(fact["commune_id"], fact["indicator_key"], fact["base_unit"])].append(fact)
    pairs = []
    for target in facts:
        if target["kind"] != "target" or target["period_end_date"] is None:
            continue
        candidates = [
            a
            for a in actuals.get((target["commune_id"], target["indicator_key"], target["base_unit"]), [])
            if a["period_end_date"] <= target["period_end_date"]
        ]
        if candidates:
            best = max(candidates, key=_recency)
            pairs.append(TargetPair(target=target, actual=best))
    return pairs
