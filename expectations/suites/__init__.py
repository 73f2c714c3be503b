"""Every suite, keyed by the table it validates; factory functions are the source of truth."""

from __future__ import annotations

from datetime import date, datetime

import great_expectations as gx

from expectations.suites.landing import LANDING_PAGES, landing_pages_suite
from expectations.suites.marts import (
    dim_commune_suite,
    dim_document_suite,
    dim_indicator_suite,
    dim_period_suite,
    dim_term_suite,
    fct_commune_indicators_suite,
    fct_indicator_mentions_suite,
    fct_site_crawls_suite,
)

MART_TABLES = [
    "fct_indicator_mentions",
    "fct_commune_indicators",
    "dim_commune",
    "dim_document",
    "dim_indicator",
    "dim_period",
    "dim_term",
    "fct_site_crawls",
]


def build_suites(
    build_date: date, now: datetime, previous_counts: dict[str, int]
) -> dict[str, gx.ExpectationSuite]:
    """One suite per table (landing pages first, then the marts), named after the table."""
    prev = previous_counts.get
    return {
        LANDING_PAGES: landing_pages_suite(now),
        "fct_indicator_mentions": fct_indicator_mentions_suite(build_date, prev("fct_indicator_mentions")),
        "fct_commune_indicators": fct_commune_indicators_suite(build_date, prev("fct_commune_indicators")),
        "dim_commune": dim_commune_suite(prev("dim_commune")),
        "dim_document": dim_document_suite(build_date, prev("dim_document")),
        "dim_indicator": dim_indicator_suite(),
        "dim_period": dim_period_suite(),
        "dim_term": dim_term_suite(),
        "fct_site_crawls": fct_site_crawls_suite(),
    }


__all__ = ["LANDING_PAGES", "MART_TABLES", "build_suites"]
