"""Period codes (docs/periods.md) read back: granularity, first and last day, Party term of each code.

The one place these rules live: the dbt model `int_periods_parsed` calls `parse_period` for
every code in use and `dim_period` publishes the result. The extractor writes the codes
(`ingest/extract/periods.py`); the quality checks keep their own copy on purpose
(`expectations/periods.py`), so that a bug here cannot pass its own check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

CALENDAR = re.compile(r"^(?P<year>\d{4})(?:-(?P<part>H1|H2|9M|Q[1-4]))?$")
TERM = re.compile(r"^term-(?P<first>\d{4})-(?P<last>\d{4})(?:-(?P<part>mid|start|second-half))?$")
AS_OF = re.compile(r"^as-of:(?P<day>\d{4}-\d{2}-\d{2})$")

# (granularity, (first month, first day), (last month, last day)) of the calendar codes
CALENDAR_SPANS: dict[str | None, tuple[str, tuple[int, int], tuple[int, int]]] = {
    None: ("year", (1, 1), (12, 31)),
    "H1": ("half", (1, 1), (6, 30)),
    "H2": ("half", (7, 1), (12, 31)),
    "9M": ("nine_months", (1, 1), (9, 30)),
    "Q1": ("quarter", (1, 1), (3, 31)),
    "Q2": ("quarter", (4, 1), (6, 30)),
    "Q3": ("quarter", (7, 1), (9, 30)),
    "Q4": ("quarter", (10, 1), (12, 31)),
}
TERM_GRANULARITY = {None: "term", "mid": "term_mid", "start": "term_start", "second-half": "term_second_half"}
# Commune Party congresses sit every five years on the 2010 / 2015 / 2020 / 2025 grid.
TERM_YEARS = 5
# A mid-term review covers the first two and a half years: it ends 30 June of the first year + 3.
MID_TERM_YEARS = 3


@dataclass(frozen=True)
class PeriodSpan:
    """What a period code names; every field but `period` is None for a code outside the grammar."""

    period: str
    granularity: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    term_id: str | None = None  # `YYYY-YYYY`


def term_of_day(day: date) -> str:
    """The term whose (start, end] years hold `day`'s year: 2021 … 2025 → 2020-2025, 2020 → 2015-2020."""
    first = TERM_YEARS * ((day.year - 1) // TERM_YEARS)
    return f"{first}-{first + TERM_YEARS}"


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # year 0000
        return None


def _calendar(code: str, year: int, part: str | None) -> PeriodSpan:
    granularity, (m1, d1), (m2, d2) = CALENDAR_SPANS[part]
    start, end = _day(year, m1, d1), _day(year, m2, d2)
    if start is None or end is None:
        return PeriodSpan(code)
    return PeriodSpan(code, granularity, start, end, term_of_day(end))


def _term(code: str, first: int, last: int, part: str | None) -> PeriodSpan:
    if part is None:
        start, end = _day(first, 1, 1), _day(last, 12, 31)
    elif part == "mid":
        start, end = _day(first, 1, 1), _day(first + MID_TERM_YEARS, 6, 30)
    elif part == "start":  # the baseline: the state of the commune as the term's first year closes
        start = end = _day(first, 12, 31)
    else:  # second-half: from the mid-term review to the end of the term
        start, end = _day(first + MID_TERM_YEARS, 7, 1), _day(last, 12, 31)
    if start is None or end is None:
        return PeriodSpan(code)
    return PeriodSpan(code, TERM_GRANULARITY[part], start, end, f"{first}-{last}")


def parse_period(code: str) -> PeriodSpan:
    """Granularity, first and last day and term of a period code; an empty span for a bad code."""
    if m := CALENDAR.match(code):
        return _calendar(code, int(m["year"]), m["part"])
    if m := TERM.match(code):
        return _term(code, int(m["first"]), int(m["last"]), m["part"])
    if m := AS_OF.match(code):
        try:
            day = date.fromisoformat(m["day"])
        except ValueError:
            return PeriodSpan(code)
        return PeriodSpan(code, "as_of", date(day.year, 1, 1), day, term_of_day(day))
    return PeriodSpan(code)
