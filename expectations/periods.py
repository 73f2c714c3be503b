"""First day of the span a period code names (`2023-H1` → 2023-01-01), for the future-period check.

A deliberate independent copy of the rules in `ingest/period_codes.py`: a check must not share
the code it checks (docs/periods.md lists where the two differ).
"""

from __future__ import annotations

import re
from datetime import date

_QUARTER_START = {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10}

_YEAR = re.compile(r"^(?P<y>\d{4})(?:-(?P<part>H1|H2|9M|Q[1-4]))?$")
_TERM = re.compile(r"^term-(?P<y1>\d{4})-(?P<y2>\d{4})(?:-(?P<part>mid|start|second-half))?$")
_AS_OF = re.compile(r"^as-of:(?P<d>\d{4}-\d{2}-\d{2})$")


def period_start(code: str | None) -> date | None:
    """The first day a period code covers, or None when the code is not one of docs/periods.md."""
    if not code:
        return None
    if m := _YEAR.match(code):
        year, part = int(m["y"]), m["part"]
        if part == "H2":
            return date(year, 7, 1)
        if part in _QUARTER_START:
            return date(year, _QUARTER_START[part], 1)
        return date(year, 1, 1)
    if m := _TERM.match(code):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if m["part"] == "second-half":
            # a five-year term's second half starts after its mid-term review
            return date(y1 + (y2 - y1 + 1) // 2, 1, 1)
        return date(y1, 1, 1)
    if m := _AS_OF.match(code):
        try:
            return date.fromisoformat(m["d"])
        except ValueError:
            return None
    return None
