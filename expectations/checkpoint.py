"""The quality gate after `dbt build`: validate landing pages and marts, build Data Docs, decide."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ingest.paths import DataPaths

if TYPE_CHECKING:
    import great_expectations as gx
    import pandas as pd

log = logging.getLogger(__name__)

# Documents are dated in Vietnam; "the future" is judged on the local calendar there.
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass
class CheckResult:
    """Outcome of one checkpoint run. `ok` is False when any critical expectation failed."""

    ok: bool
    message: str
    passed: int = 0
    failed: int = 0
    critical_failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    data_docs: Path | None = None


def run_checkpoint(
    paths: DataPaths,
    *,
    build_date: date | None = None,
    previous_counts: dict[str, int] | None = None,
) -> CheckResult:
    """Validate the build warehouse (read-only), the landing pages, and the warehouse totals
    (a hollow build: empty texts, no mentions, no facts, marts below their floor).

    `previous_counts` (rows per mart of the last good build) defaults to the counts of the
    published warehouse, which is by construction the last build that passed these checks.
    """
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import duckdb
    from great_expectations.core.run_identifier import RunIdentifier

    from expectations.context import build_data_docs, get_context, register_checkpoint
    from expectations.frames import existing_tables, load_landing_pages, load_table, open_build
    from expectations.results import describe_check, describe_observed, severity_of
    from expectations.suites import LANDING_PAGES, MART_TABLES, build_suites
    from expectations.suites.totals import warehouse_totals_suite
    from expectations.totals import WAREHOUSE_TOTALS, warehouse_totals

    now = datetime.now(UTC)
    build_date = build_date or now.astimezone(LOCAL_TZ).date()
    if previous_counts is None:
        previous_counts = _published_counts(paths)
    try:
        con = open_build(paths)
    except FileNotFoundError as exc:
        return CheckResult(ok=False, message=str(exc), critical_failures=[str(exc)])

    context = get_context(paths)
    suites = build_suites(build_date, now, previous_counts)
    run_id = RunIdentifier(run_name=f"xaetl-{now:%Y%m%dT%H%M%S%fZ}", run_time=now)
    critical: list[str] = []
    warnings: list[str] = []
    passed = failed = 0

    def validate(table: str, suite: gx.ExpectationSuite, frame: pd.DataFrame) -> None:
        nonlocal passed, failed
        checkpoint = register_checkpoint(context, table, suite)
        outcome = checkpoint.run(batch_parameters={"dataframe": frame}, run_id=run_id)
        for validation in outcome.run_results.values():
            for result in validation.results:
                if result.success:
                    passed += 1
                    continue
                failed += 1
                line = f"{table}: {describe_check(result)} failed: {describe_observed(result)}"
                (critical if severity_of(result) == "critical" else warnings).append(line)

    try:
        present = existing_tables(con)
        for table in MART_TABLES:
            if table not in present:
                critical.append(f"{table}: table is missing from the build warehouse {paths.warehouse}")
        for table, suite in suites.items():
            if table != LANDING_PAGES and table not in present:
                continue
            frame = load_landing_pages(con, paths) if table == LANDING_PAGES else load_table(con, table)
            validate(table, suite, frame)
            log.info("checked %s (%d rows)", table, len(frame))
        try:
            totals = warehouse_totals(con)
        except duckdb.Error as exc:  # a build without the relations the totals need is not publishable
            critical.append(f"{WAREHOUSE_TOTALS}: cannot compute the warehouse totals: {exc}")
        else:
            validate(WAREHOUSE_TOTALS, warehouse_totals_suite(totals.iloc[0].to_dict()), totals)
            log.info("checked %s: %s", WAREHOUSE_TOTALS, totals.iloc[0].to_dict())
    finally:
        con.close()

    docs = build_data_docs(context, paths)
    ok = not critical
    if ok:
        message = f"{passed} expectations passed, {len(warnings)} warning(s)"
    else:
        message = f"{len(critical)} critical expectation(s) failed: " + "; ".join(critical)
    for line in warnings:
        log.warning("quality warning: %s", line)
    return CheckResult(
        ok=ok,
        message=message,
        passed=passed,
        failed=failed,
        critical_failures=critical,
        warnings=warnings,
        data_docs=docs,
    )


def _published_counts(paths: DataPaths) -> dict[str, int]:
    """Rows per mart in the published warehouse; empty on the first build."""
    import duckdb

    from expectations.suites import MART_TABLES
    from ingest.warehouse.query import NoPublishedWarehouse, table_counts

    try:
        return table_counts(paths, MART_TABLES)
    except NoPublishedWarehouse:
        return {}
    except duckdb.Error as exc:
        log.warning("cannot read row counts of the published warehouse (%s); no baseline this run", exc)
        return {}
