"""Suite for the one-row warehouse totals: the checks that refuse an empty or hollow build."""

from __future__ import annotations

from typing import Any

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.rules import EMPTY_TEXT_MAX_SHARE, MART_FLOOR_PER_SITE
from expectations.suites.common import critical
from expectations.totals import WAREHOUSE_TOTALS, mart_floor


def warehouse_totals_suite(totals: dict[str, Any]) -> gx.ExpectationSuite:
    """Critical: few documents with empty text, mentions when documents have text, facts, and
    each mart above its floor per registered site. `totals` is the row these checks run on; its
    counts are written into the descriptions so that a failure reads with its context."""
    sites = int(totals.get("registered_sites") or 0)
    documents, empty = int(totals.get("documents") or 0), int(totals.get("documents_empty_text") or 0)
    with_text = int(totals.get("documents_with_text") or 0)
    expectations = [
        critical(
            gxe.ExpectColumnValuesToBeBetween,
            description=(
                f"documents with empty text at most {EMPTY_TEXT_MAX_SHARE:.0%} of documents (one is "
                f"allowed): {empty} of {documents} documents have empty text"
            ),
            column="empty_text_share",
            max_value=EMPTY_TEXT_MAX_SHARE,
            row_condition=Column("documents_empty_text") > 1,
        ),
        critical(
            gxe.ExpectColumnValuesToBeBetween,
            description=f"documents with text yield mentions: {with_text} documents have text",
            column="mentions",
            min_value=1,
            row_condition=Column("documents_with_text") > 0,
        ),
        critical(
            gxe.ExpectColumnValuesToBeBetween,
            description=f"the warehouse has facts (fct_commune_indicators) from its {documents} documents",
            column="facts",
            min_value=1,
        ),
    ]
    for table, per_site in MART_FLOOR_PER_SITE.items():
        floor = mart_floor(table, sites)
        expectations.append(
            critical(
                gxe.ExpectColumnValuesToBeBetween,
                description=(
                    f"{table} has at least {floor} rows for {sites} registered sites "
                    f"({per_site:g} per site, at least 1)"
                ),
                column=f"rows_{table}",
                min_value=floor,
            )
        )
    return gx.ExpectationSuite(name=WAREHOUSE_TOTALS, expectations=expectations)
