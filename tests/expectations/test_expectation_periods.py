"""Period codes → first day covered, the basis of the no-future-actuals check."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from expectations.frames import period_start_dates
from expectations.periods import period_start


@pytest.mark.parametrize(
    ("code", "start"),
    [
        ("2023", date(2023, 1, 1)),
        ("2023-H1", date(2023, 1, 1)),
        ("2023-H2", date(2023, 7, 1)),
        ("2023-9M", date(2023, 1, 1)),
        ("2024-Q3", date(2024, 7, 1)),
        ("term-2020-2025", date(2020, 1, 1)),
        ("term-2020-2025-mid", date(2020, 1, 1)),
        ("term-2020-2025-start", date(2020, 1, 1)),
        ("term-2020-2025-second-half", date(2023, 1, 1)),
        ("as-of:2023-07-30", date(2023, 7, 30)),
    ],
)
def test_period_start(code: str, start: date) -> None:
    assert period_start(code) == start


@pytest.mark.parametrize("code", [None, "", "2023-H3", "năm 2023", "as-of:2023-02-30", "term-2020"])
def test_unknown_codes_have_no_start(code: str | None) -> None:
    assert period_start(code) is None


def test_period_start_dates_column() -> None:
    out = period_start_dates(pd.Series(["2023-Q2", None, "bogus", "2023-Q2"]))
    assert str(out.dtype) == "datetime64[us]"
    assert out.iloc[0] == pd.Timestamp("2023-04-01")
    assert pd.isna(out.iloc[1]) and pd.isna(out.iloc[2])
