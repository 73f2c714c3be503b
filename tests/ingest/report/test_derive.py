"""The report's change against the previous comparable period."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.report.derive import add_previous


def fact(
    period: str, end: date, value: float, *, kind: str = "actual", granularity: str = "half", **kw
) -> dict:
    return {
        "commune_id": kw.get("commune_id", "c1"),
        "indicator_key": kw.get("indicator_key", "grain_output"),
        "kind": kind,
        "base_unit": kw.get("base_unit", "t"),
        "granularity": granularity,
        "period": period,
        "period_start_date": date(end.year, 1, 1),
        "period_end_date": end,
        "base_value": value,
        "higher_is_better": kw.get("higher_is_better", True),
    }


def test_change_against_the_previous_period_of_the_same_granularity() -> None:
    h1_2022 = fact("2022-H1", date(2022, 6, 30), 1600.0)
    year_2022 = fact("2022", date(2022, 12, 31), 3500.0, granularity="year")
    h1_2023 = fact("2023-H1", date(2023, 6, 30), 2000.0)
    other_unit = fact("2023-H1", date(2023, 6, 30), 60.0, base_unit="%")
    facts = [h1_2023, year_2022, h1_2022, other_unit]
    add_previous(facts)
    assert h1_2023["prev_period"] == "2022-H1"  # not the whole year 2022, a different granularity
    assert h1_2023["change_pct"] == pytest.approx(25.0)
    assert h1_2022["change_pct"] is None and year_2022["prev_period"] is None
    assert other_unit["prev_period"] is None
