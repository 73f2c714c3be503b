"""Suites for the warehouse marts (the contract in docs/marts.md)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import great_expectations as gx
import great_expectations.expectations as gxe

from expectations.rules import (
    BASE_UNITS,
    GRANULARITIES,
    KINDS,
    MAX_TARGET_YEARS_AHEAD,
    MD5_REGEX,
    PERIOD_REGEX,
    SHA256_REGEX,
    TERM_ID_REGEX,
)
from expectations.suites.common import (
    columns_exist,
    critical,
    no_future_actuals,
    not_null,
    pct_ranges,
    primary_key,
    row_count_not_collapsing,
    value_ranges,
    warning,
)

# docs/marts.md: the contract columns (declared in _marts__models.yml), and those never null.
MENTIONS_COLUMNS = [
    "mention_id", "document_version_id", "document_id", "content_sha256", "site_id", "commune_id",
    "term_id", "url", "fetched_at", "issue_date", "neardup_group", "indicator", "indicator_id",
    "value", "value_high", "of_total", "unit", "base_value", "base_unit", "plan_pct", "yoy_pct",
    "approx", "kind", "period", "quote", "start", "end",
]  # fmt: skip
MENTIONS_REQUIRED = [
    "document_version_id", "document_id", "content_sha256", "site_id", "commune_id", "url", "fetched_at",
    "indicator", "value", "base_value", "base_unit", "kind", "period", "quote", "start", "end",
]  # fmt: skip
COMMUNE_INDICATORS_COLUMNS = [
    "commune_id", "term_id", "period", "indicator_key", "indicator_id", "kind", "value", "value_high",
    "base_value", "base_unit", "plan_pct", "yoy_pct", "n_mentions", "n_documents", "has_conflict",
    "winning_mention_id", "winning_document_id", "min_base_value", "max_base_value",
]  # fmt: skip
COMMUNE_INDICATORS_REQUIRED = [
    "commune_id", "period", "indicator_key", "kind", "value", "base_value", "base_unit", "n_mentions",
    "n_documents", "has_conflict", "winning_mention_id",
]  # fmt: skip


def _day(d: date, days: int = 0) -> datetime:
    return datetime.combine(d + timedelta(days=days), datetime.min.time())


def _period_checks(build_date: date) -> list:
    return [
        critical(gxe.ExpectColumnValuesToMatchRegex, column="period", regex=PERIOD_REGEX),
        no_future_actuals(build_date),
        warning(
            gxe.ExpectColumnValuesToBeBetween,
            description=f"targets at most {MAX_TARGET_YEARS_AHEAD} years ahead",
            column="period_start_date",
            max_value=_day(build_date, 366 * MAX_TARGET_YEARS_AHEAD),
        ),
        critical(gxe.ExpectColumnValuesToBeInSet, column="kind", value_set=KINDS),
        critical(gxe.ExpectColumnValuesToBeInSet, column="base_unit", value_set=BASE_UNITS),
    ]


def fct_indicator_mentions_suite(build_date: date, previous_rows: int | None) -> gx.ExpectationSuite:
    table = "fct_indicator_mentions"
    expectations = [
        *columns_exist(MENTIONS_COLUMNS),
        *primary_key(["mention_id"]),
        *not_null(MENTIONS_REQUIRED),
        *not_null(["approx", "unit"], severity="warning"),
        critical(gxe.ExpectColumnValuesToMatchRegex, column="content_sha256", regex=SHA256_REGEX),
        critical(gxe.ExpectColumnValuesToMatchRegex, column="mention_id", regex=MD5_REGEX),
        critical(gxe.ExpectColumnValuesToMatchRegex, column="term_id", regex=TERM_ID_REGEX),
        critical(
            gxe.ExpectColumnValuesToBeBetween, description="offsets start at 0", column="start", min_value=0
        ),
        critical(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB,
            description="a quote ends after it starts (end > start)",
            column_A="end",
            column_B="start",
            or_equal=False,
            ignore_row_if="either_value_is_missing",
        ),
        warning(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB,
            description="a range's upper bound is not below its value",
            column_A="value_high",
            column_B="value",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
        *_period_checks(build_date),
        *value_ranges(),
        *pct_ranges(),
        warning(
            gxe.ExpectColumnValuesToBeBetween,
            description=f"documents not issued after the build date {build_date}",
            column="issue_date",
            max_value=_day(build_date, 1),
        ),
        warning(gxe.ExpectTableRowCountToBeBetween, description="the warehouse has mentions", min_value=1),
        *row_count_not_collapsing(table, previous_rows),
    ]
    return gx.ExpectationSuite(name=table, expectations=expectations)


def fct_commune_indicators_suite(build_date: date, previous_rows: int | None) -> gx.ExpectationSuite:
    table = "fct_commune_indicators"
    expectations = [
        *columns_exist(COMMUNE_INDICATORS_COLUMNS),
        *primary_key(["commune_id", "term_id", "period", "indicator_key", "kind"]),
        *not_null(COMMUNE_INDICATORS_REQUIRED),
        critical(gxe.ExpectColumnValuesToBeBetween, column="n_mentions", min_value=1),
        critical(gxe.ExpectColumnValuesToBeBetween, column="n_documents", min_value=1),
        critical(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB,
            description="max_base_value ≥ min_base_value",
            column_A="max_base_value",
            column_B="min_base_value",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
        *_period_checks(build_date),
        *value_ranges(),
        *pct_ranges(),
        *row_count_not_collapsing(table, previous_rows),
    ]
    return gx.ExpectationSuite(name=table, expectations=expectations)


def dim_commune_suite(previous_rows: int | None) -> gx.ExpectationSuite:
    table = "dim_commune"
    expectations = [
        *columns_exist(
            ["commune_id", "commune_name", "district_name", "province_name", "official_code", "is_resolved"]
        ),
        *primary_key(["commune_id"]),
        *not_null(["commune_name", "is_resolved"]),
        *not_null(["province_name"], severity="warning"),
        critical(gxe.ExpectColumnValuesToBeInSet, column="is_resolved", value_set=[True, False]),
        *row_count_not_collapsing(table, previous_rows),
    ]
    return gx.ExpectationSuite(name=table, expectations=expectations)


def dim_document_suite(build_date: date, previous_rows: int | None) -> gx.ExpectationSuite:
    table = "dim_document"
    expectations = [
        *columns_exist(
            [
                "document_version_id",
                "document_id",
                "site_id",
                "commune_id",
                "url",
                "content_sha256",
                "version",
            ]
        ),
        *primary_key(["document_version_id"]),
        *not_null(["document_id", "site_id", "url", "content_sha256", "fetched_at"]),
        critical(gxe.ExpectColumnValuesToMatchRegex, column="content_sha256", regex=SHA256_REGEX),
        critical(gxe.ExpectColumnValuesToBeBetween, column="version", min_value=1),
        warning(gxe.ExpectColumnValuesToNotBeNull, column="is_canonical"),
        warning(
            gxe.ExpectColumnValuesToBeBetween,
            description=f"documents not issued after the build date {build_date}",
            column="issue_date",
            max_value=_day(build_date, 1),
        ),
        *row_count_not_collapsing(table, previous_rows),
    ]
    return gx.ExpectationSuite(name=table, expectations=expectations)


def dim_period_suite() -> gx.ExpectationSuite:
    expectations = [
        *columns_exist(["period", "granularity", "period_start_date", "period_end_date"]),
        *primary_key(["period"]),
        critical(gxe.ExpectColumnValuesToMatchRegex, column="period", regex=PERIOD_REGEX),
        critical(gxe.ExpectColumnValuesToBeInSet, column="granularity", value_set=GRANULARITIES),
        critical(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB,
            description="a period ends on or after its start",
            column_A="period_end_date",
            column_B="period_start_date",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
    ]
    return gx.ExpectationSuite(name="dim_period", expectations=expectations)


def dim_indicator_suite() -> gx.ExpectationSuite:
    expectations = [
        *columns_exist(["indicator_id", "name_vi", "base_unit"]),
        *primary_key(["indicator_id"]),
        *not_null(["name_vi", "base_unit"]),
        critical(gxe.ExpectColumnValuesToBeInSet, column="base_unit", value_set=BASE_UNITS),
        critical(
            gxe.ExpectTableRowCountToBeBetween, description="the indicator catalogue is loaded", min_value=1
        ),
    ]
    return gx.ExpectationSuite(name="dim_indicator", expectations=expectations)


def dim_term_suite() -> gx.ExpectationSuite:
    expectations = [
        *columns_exist(["term_id", "start_year", "end_year"]),
        *primary_key(["term_id"]),
        critical(gxe.ExpectColumnValuesToMatchRegex, column="term_id", regex=TERM_ID_REGEX),
        critical(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB,
            description="a term ends after it starts",
            column_A="end_year",
            column_B="start_year",
            ignore_row_if="either_value_is_missing",
        ),
    ]
    return gx.ExpectationSuite(name="dim_term", expectations=expectations)


def fct_site_crawls_suite() -> gx.ExpectationSuite:
    counts = ["pages_seen", "pages_new", "pages_changed", "pages_unchanged", "pages_failed"]
    expectations = [
        *columns_exist(["site_id", "run_id", "started_at", "finished_at", *counts]),
        *primary_key(["site_id", "run_id"]),
        *[critical(gxe.ExpectColumnValuesToBeBetween, column=c, min_value=0) for c in counts],
        warning(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB,
            description="a run finishes after it starts",
            column_A="finished_at",
            column_B="started_at",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
    ]
    return gx.ExpectationSuite(name="fct_site_crawls", expectations=expectations)
