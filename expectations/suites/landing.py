"""Suite for the landing crawl log (`landing/pages`): what the crawler recorded per fetched page."""

from __future__ import annotations

from datetime import datetime, timedelta

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.rules import PAGE_CHANGES, PAGE_STATUSES, SHA256_REGEX
from expectations.suites.common import columns_exist, critical, not_null, warning

LANDING_PAGES = "landing_pages"
COLUMNS = ["run_id", "site_id", "url", "fetched_at", "status", "change", "content_sha256", "version"]


def landing_pages_suite(now: datetime) -> gx.ExpectationSuite:
    """Every landed page has its keys, a valid status and change, a SHA-256 and a version ≥ 1;
    a (url, content) pair is new or changed at most once."""
    fresh = Column("change").is_in(["new", "changed"])
    expectations = [
        *columns_exist(COLUMNS),
        *not_null(["run_id", "site_id", "url", "fetched_at", "status", "change"]),
        critical(
            gxe.ExpectColumnValuesToNotBeNull,
            description="new and changed pages carry the hash of their content",
            column="content_sha256",
            row_condition=fresh,
        ),
        critical(gxe.ExpectColumnValuesToMatchRegex, column="content_sha256", regex=SHA256_REGEX),
        critical(gxe.ExpectColumnValuesToBeInSet, column="status", value_set=PAGE_STATUSES),
        critical(gxe.ExpectColumnValuesToBeInSet, column="change", value_set=PAGE_CHANGES),
        critical(gxe.ExpectColumnValuesToBeBetween, column="version", min_value=1),
        critical(
            gxe.ExpectColumnValuesToNotBeNull,
            description="new and changed pages carry their version number",
            column="version",
            row_condition=fresh,
        ),
        critical(
            gxe.ExpectCompoundColumnsToBeUnique,
            description="a (url, content) pair is landed as new or changed only once",
            column_list=["url", "content_sha256"],
            row_condition=fresh,
        ),
        warning(
            gxe.ExpectCompoundColumnsToBeUnique,
            description="a url has one content per version number",
            column_list=["url", "version"],
            row_condition=fresh,
        ),
        warning(
            gxe.ExpectColumnValuesToBeBetween,
            description="no page fetched in the future",
            column="fetched_at",
            max_value=now + timedelta(hours=1),
        ),
        warning(
            gxe.ExpectColumnValuesToBeBetween,
            description="new and changed pages have a body (304 answers carry none)",
            column="bytes",
            min_value=1,
            row_condition=fresh,
        ),
        warning(gxe.ExpectTableRowCountToBeBetween, description="at least one page landed", min_value=1),
    ]
    return gx.ExpectationSuite(name=LANDING_PAGES, expectations=expectations)
