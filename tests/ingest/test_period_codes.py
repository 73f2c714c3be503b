"""Period codes read back (docs/periods.md): granularity, first and last day, Party term."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.period_codes import PeriodSpan, parse_period, term_of_day


@pytest.mark.parametrize(
    ("code", "granularity", "start", "end", "term"),
    [
        ("2023", "year", date(2023, 1, 1), date(2023, 12, 31), "2020-2025"),
        ("2023-H1", "half", date(2023, 1, 1), date(2023, 6, 30), "2020-2025"),
        ("2023-H2", "half", date(2023, 7, 1), date(2023, 12, 31), "2020-2025"),
        ("2024-9M", "nine_months", date(2024, 1, 1), date(2024, 9, 30), "2020-2025"),
        ("2024-Q1", "quarter", date(2024, 1, 1), date(2024, 3, 31), "2020-2025"),
        ("2024-Q2", "quarter", date(2024, 4, 1), date(2024, 6, 30), "2020-2025"),
        ("2024-Q4", "quarter", date(2024, 10, 1), date(2024, 12, 31), "2020-2025"),
        ("2020", "year", date(2020, 1, 1), date(2020, 12, 31), "2015-2020"),  # a congress year closes a term
        ("2026", "year", date(2026, 1, 1), date(2026, 12, 31), "2025-2030"),
        ("term-2020-2025", "term", date(2020, 1, 1), date(2025, 12, 31), "2020-2025"),
        ("term-2020-2025-mid", "term_mid", date(2020, 1, 1), date(2023, 6, 30), "2020-2025"),
        ("term-2020-2025-start", "term_start", date(2020, 12, 31), date(2020, 12, 31), "2020-2025"),
        ("term-2020-2025-second-half", "term_second_half", date(2023, 7, 1), date(2025, 12, 31), "2020-2025"),
        ("term-2025-2030", "term", date(2025, 1, 1), date(2030, 12, 31), "2025-2030"),
        ("as-of:2023-07-30", "as_of", date(2023, 1, 1), date(2023, 7, 30), "2020-2025"),
        ("as-of:2024-02-29", "as_of", date(2024, 1, 1), date(2024, 2, 29), "2020-2025"),
    ],
)
def test_codes(code, granularity, start, end, term):
    assert parse_period(code) == PeriodSpan(code, granularity, start, end, term)


@pytest.mark.parametrize(
    "code",
    ["", "2023-H3", "2023-q1", "năm 2023", "term-2020", "term-2020-2025-end", "as-of:2023-02-30", "0000"],
)
def test_a_code_outside_the_grammar_is_kept_without_a_span(code):
    assert parse_period(code) == PeriodSpan(code)


def test_a_calendar_day_belongs_to_the_term_whose_start_end_years_hold_it():
    assert [term_of_day(date(y, 6, 1)) for y in (2015, 2016, 2020, 2021, 2025)] == [
        "2010-2015",
        "2015-2020",
        "2015-2020",
        "2020-2025",
        "2020-2025",
    ]
