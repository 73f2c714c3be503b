"""Building blocks shared by the suites: severity tagging and the checks several tables repeat."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

import great_expectations.expectations as gxe
from great_expectations.expectations.expectation import Expectation
from great_expectations.expectations.metadata_types import FailureSeverity
from great_expectations.expectations.row_conditions import Column

from expectations.rules import PLAN_PCT_RANGE, ROW_COUNT_MIN_RATIO, VALUE_RANGES, YOY_PCT_RANGE

CRITICAL = "critical"
WARNING = "warning"


def expect(
    cls: type[Expectation], severity: str, description: str | None = None, **kwargs: Any
) -> Expectation:
    """An expectation tagged with its severity, both in `meta` (ours) and GX's own field."""
    return cls(
        **kwargs,
        meta={"severity": severity},
        severity=FailureSeverity(severity),
        description=description,
    )


def critical(cls: type[Expectation], description: str | None = None, **kwargs: Any) -> Expectation:
    return expect(cls, CRITICAL, description, **kwargs)


def warning(cls: type[Expectation], description: str | None = None, **kwargs: Any) -> Expectation:
    return expect(cls, WARNING, description, **kwargs)


def columns_exist(columns: list[str]) -> list[Expectation]:
    return [critical(gxe.ExpectColumnToExist, column=c) for c in columns]


def not_null(columns: list[str], severity: str = CRITICAL) -> list[Expectation]:
    return [expect(gxe.ExpectColumnValuesToNotBeNull, severity, column=c) for c in columns]


def primary_key(columns: list[str]) -> list[Expectation]:
    """Not null and unique, the way a dbt contract's primary key would be."""
    if len(columns) == 1:
        return [*not_null(columns), critical(gxe.ExpectColumnValuesToBeUnique, column=columns[0])]
    return [critical(gxe.ExpectCompoundColumnsToBeUnique, column_list=columns)]


def in_range(
    column: str, bounds: tuple[float | None, float | None], severity: str, **kwargs: Any
) -> Expectation:
    low, high = bounds
    return expect(
        gxe.ExpectColumnValuesToBeBetween, severity, column=column, min_value=low, max_value=high, **kwargs
    )


def value_ranges(column: str = "base_value", unit_column: str = "base_unit") -> list[Expectation]:
    """`base_value` bounds per base unit (rules.VALUE_RANGES). Critical bounds shared by several
    units become one expectation, so a suite run stays cheap; warnings stay per unit."""
    out = []
    for severity in (CRITICAL, WARNING):
        by_bounds: dict[tuple[float | None, float | None], list[str]] = {}
        for unit, levels in VALUE_RANGES.items():
            if severity in levels:
                by_bounds.setdefault(levels[severity], []).append(unit)
        for bounds, units in by_bounds.items():
            unit_col = Column(unit_column)
            condition = unit_col == units[0] if len(units) == 1 else unit_col.is_in(units)
            label = repr(units[0]) if len(units) == 1 else ", ".join(units)
            out.append(
                in_range(
                    column,
                    bounds,
                    severity,
                    row_condition=condition,
                    description=f"{column} of rows in base unit {label} within {_fmt(bounds)}",
                )
            )
    return out


def pct_ranges(columns: tuple[str, ...] = ("plan_pct", "yoy_pct")) -> list[Expectation]:
    ranges = {"plan_pct": PLAN_PCT_RANGE, "yoy_pct": YOY_PCT_RANGE}
    return [
        in_range(c, bounds, severity, description=f"{c} within {_fmt(bounds)}")
        for c in columns
        for severity, bounds in ranges[c].items()
    ]


def no_future_actuals(build_date: date, column: str = "period_start_date") -> Expectation:
    """An achieved figure cannot be about a period that has not started yet."""
    return critical(
        gxe.ExpectColumnValuesToBeBetween,
        description=f"actual figures only for periods started by the build date {build_date}",
        column=column,
        max_value=datetime.combine(build_date, datetime.min.time()),
        row_condition=Column("kind") == "actual",
    )


def row_count_not_collapsing(table: str, previous: int | None) -> list[Expectation]:
    """Fewer rows than ROW_COUNT_MIN_RATIO of the last published build blocks publishing."""
    if not previous:
        return []
    floor = math.floor(previous * ROW_COUNT_MIN_RATIO)
    return [
        critical(
            gxe.ExpectTableRowCountToBeBetween,
            description=(
                f"{table} keeps at least {ROW_COUNT_MIN_RATIO:.0%} of the {previous} rows "
                "of the last published build"
            ),
            min_value=floor,
        )
    ]


def _fmt(bounds: tuple[float | None, float | None]) -> str:
    low, high = bounds
    return f"[{'-inf' if low is None else f'{low:g}'}, {'inf' if high is None else f'{high:g}'}]"
