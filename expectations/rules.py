"""Thresholds, value sets and patterns the suites check against, kept as data in one place."""

from __future__ import annotations

from ingest.records import BASE_UNITS as RECORD_BASE_UNITS

# docs/mentions.md: the base units a mention may carry (one list, in ingest.records), and the two kinds.
BASE_UNITS = list(RECORD_BASE_UNITS)
KINDS = ["actual", "target"]
GRANULARITIES = [
    "year",
    "half",
    "nine_months",
    "quarter",
    "term",
    "term_mid",
    "term_start",
    "term_second_half",
    "as_of",
]

# Ranges of `base_value` per base unit. `critical` bounds are physically or logically
# impossible to exceed (a negative area, a share above 1000 %); `warning` bounds are merely
# implausible for one commune and are worth a look, not a blocked publish.
VALUE_RANGES: dict[str, dict[str, tuple[float | None, float | None]]] = {
    "%": {"critical": (0, 1000), "warning": (0, 300)},
    "VND": {"critical": (0, None), "warning": (None, 1e14)},
    "VND/person/year": {"critical": (0, None), "warning": (1e6, 2e9)},
    "t": {"critical": (0, None), "warning": (None, 1e7)},
    "t/ha": {"critical": (0, None), "warning": (None, 100)},
    "kg/person/year": {"critical": (0, None), "warning": (None, 1e5)},
    "ha": {"critical": (0, None), "warning": (None, 1e6)},
    "m2": {"critical": (0, None), "warning": (None, 1e10)},
    "km": {"critical": (0, None), "warning": (None, 1e5)},
    "count": {"critical": (0, None), "warning": (None, 1e7)},
}

# Plan attainment (`đạt 45,7% dự toán`, `vượt 111,6% kế hoạch`) and same-period change
# (`bằng 114% cùng kỳ`) are percentages of a reference.
PLAN_PCT_RANGE = {"critical": (0, 10000), "warning": (0, 1000)}
YOY_PCT_RANGE = {"critical": (-100, 10000), "warning": (0, 1000)}

# A mart may shrink between builds (a re-clean drops a bad page), but not collapse: fewer
# rows than this share of the last published build blocks publishing.
ROW_COUNT_MIN_RATIO = 0.5

# Target periods reach into the future; further than this many years is suspicious.
MAX_TARGET_YEARS_AHEAD = 15

SHA256_REGEX = r"^[0-9a-f]{64}$"
MD5_REGEX = r"^[0-9a-f]{32}$"
TERM_ID_REGEX = r"^(?:19|20)[0-9]{2}-(?:19|20)[0-9]{2}$"
# The period grammar, kept apart from ingest/period_codes.py on purpose (docs/periods.md).
PERIOD_REGEX = (
    r"^(?:(?:19|20)[0-9]{2}(?:-(?:H1|H2|9M|Q[1-4]))?"
    r"|term-(?:19|20)[0-9]{2}-(?:19|20)[0-9]{2}(?:-(?:mid|start|second-half))?"
    r"|as-of:(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9])$"
)

# A landed page is an article the site served: success or "not modified". Error pages go
# to `landing/fetch_errors`, never to `landing/pages`.
PAGE_STATUSES = [200, 203, 304]
PAGE_CHANGES = ["new", "changed", "unchanged", "not_modified"]

# Hollow warehouses (docs/decisions.md: an empty or hollow result is a failure). A working cleaner may
# find a page empty (a photo-only post); more than this share of empty texts means the cleaning
# failed wholesale. A single empty document never blocks (small first builds).
EMPTY_TEXT_MAX_SHARE = 0.05
# Absolute row floors per mart, in rows per registered site (at least 1 row each), so that the
# first build, which has no earlier publish to compare with, still cannot publish a hollow mart.
# A commune portal publishes reports full of figures; several portals may cover one commune.
MART_FLOOR_PER_SITE = {
    "dim_document": 0.5,
    "fct_indicator_mentions": 1.0,
    "fct_commune_indicators": 0.5,
    "dim_commune": 0.5,
}
