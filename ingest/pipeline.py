"""The nightly job as library calls: crawl, clean and land, dbt build, checks, publish.

`xaetl run`, `xaetl demo` and the Airflow DAGs all call these functions: one pipeline, two
front doors. Heavy imports (dbt, Great Expectations) happen inside the functions so that
importing this module stays cheap.
"""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.paths import DataPaths
from ingest.sites import Site, load_registry

log = logging.getLogger(__name__)

OFFLINE_ENV = {
    "DO_NOT_TRACK": "1",
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    "GX_ANALYTICS_ENABLED": "False",
    "SCARF_ANALYTICS": "false",
}


def go_offline() -> None:
    """Switch off every telemetry we know of before dbt or Great Expectations load."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def new_run_id(now: datetime | None = None) -> str:
    """A sortable, unique id for one crawl run: `20261123T010000Z-1a2b3c`."""
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


@dataclass
class RunSummary:
    """What one `xaetl run` did, for the summary printed at the end and for tests."""

    run_id: str
    data_dir: Path
    sites: list[Any] = field(default_factory=list)  # ingest.crawl.SiteCrawlResult
    build: Any = None  # ingest.warehouse.build.BuildResult
    checks: Any = None  # expectations.checkpoint.CheckResult
    published: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)
    ok: bool = False
    failure: str | None = None

    @property
    def pages_fetched(self) -> int:
        return sum(s.pages_new + s.pages_changed for s in self.sites)

    @property
    def pages_failed(self) -> int:
        return sum(s.pages_failed for s in self.sites)


def crawl(
    sites: list[Site], paths: DataPaths, *, run_id: str, max_pages: int | None = None, progress: bool = False
) -> list[Any]:
    """Crawl, clean and land the given sites (parallel across hosts, polite per host)."""
    from ingest.crawl import crawl_sites

    return crawl_sites(sites, paths, run_id=run_id, max_pages=max_pages, progress=progress)


def build(
    paths: DataPaths, *, full_refresh: bool = False, select: str | None = None, quiet: bool = False
) -> Any:
    """`dbt build` of the warehouse from the landing files (`select`: one layer, for the DAG)."""
    go_offline()
    from ingest.warehouse.build import dbt_build

    return dbt_build(paths, full_refresh=full_refresh, select=select, quiet=quiet)


def check(paths: DataPaths) -> Any:
    """The Great Expectations checkpoint on the freshly built warehouse."""
    go_offline()
    from expectations.checkpoint import run_checkpoint

    return run_checkpoint(paths)


def publish(paths: DataPaths) -> Path:
    """Swap in the read-only copy that analysts and BI tools open."""
    from ingest.warehouse.publish import publish as _publish

    return _publish(paths)


def warehouse_counts(paths: DataPaths) -> dict[str, int]:
    """Row counts of the main marts in the published warehouse."""
    from ingest.warehouse.query import mart_counts

    return mart_counts(paths)


def run(
    registry: str | Path | list[Site],
    data_dir: str | Path,
    *,
    site_ids: list[str] | None = None,
    max_pages: int | None = None,
    full_refresh: bool = False,
    progress: bool = False,
) -> RunSummary:
    """The whole nightly job. Page failures are recorded and do not fail the run; a failed
    build or critical check does, and leaves the last published warehouse in place."""
    go_offline()
    paths = DataPaths.at(data_dir).ensure()
    sites = registry if isinstance(registry, list) else load_registry(registry)
    if site_ids:
        unknown = set(site_ids) - {s.id for s in sites}
        if unknown:
            raise ValueError(f"unknown site id(s): {', '.join(sorted(unknown))}")
        sites = [s for s in sites if s.id in site_ids]
    summary = RunSummary(run_id=new_run_id(), data_dir=paths.root)
    summary.sites = crawl(sites, paths, run_id=summary.run_id, max_pages=max_pages, progress=progress)
    summary.build = build(paths, full_refresh=full_refresh, quiet=progress)
    if not summary.build.ok:
        summary.failure = f"dbt build failed: {summary.build.message}"
        return summary
    summary.checks = check(paths)
    if not summary.checks.ok:
        summary.failure = f"quality checks failed: {summary.checks.message}"
        return summary
    summary.published = publish(paths)
    summary.counts = warehouse_counts(paths)
    summary.ok = True
    return summary
