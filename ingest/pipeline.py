"""The nightly job as library calls: crawl, clean and land, dbt build, checks, publish.

`xaetl run`, `xaetl demo` and the Airflow DAGs all call these functions: one pipeline, two
front doors. Heavy imports (dbt, Great Expectations) happen inside the functions so that
importing this module stays cheap. `run` holds the data directory's run lock from the crawl to
the publish (`ingest.runlock`); the DAGs take it per task (dags/xaetl_common.py).
"""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from expectations.checkpoint import CheckResult
from ingest.paths import DataPaths
from ingest.runlock import RunLocked
from ingest.sites import Site, load_registry
from ingest.warehouse.build import BuildResult

if TYPE_CHECKING:  # the crawler's modules load only when a crawl runs
    from ingest.crawl import SiteCrawlResult
    from ingest.crawl_config import CrawlConfig

__all__ = [
    "BuildResult",
    "CheckResult",
    "CrawlResult",
    "RunSummary",
    "build",
    "check",
    "crawl",
    "group_near_duplicates",
    "run",
]

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


# Per-site counts of a crawl, as landed in `landing/crawl_runs` and sent through XCom.
COUNT_FIELDS = (
    "pages_seen",
    "pages_new",
    "pages_changed",
    "pages_unchanged",
    "pages_not_modified",
    "pages_failed",
    "pages_clean_failed",
    "requests",
    "documents_cleaned",
    "revisits",
    "revisits_deferred",
    "raw_audited",
    "raw_lost",
)


@dataclass
class CrawlResult:
    """What one crawl did: a `SiteCrawlResult` per site (in registry order) and their totals."""

    run_id: str
    sites: list[SiteCrawlResult] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The COUNT_FIELDS summed over the sites."""
        return {name: sum(int(getattr(s, name)) for s in self.sites) for name in COUNT_FIELDS}

    @property
    def pages_fetched(self) -> int:
        return sum(s.pages_new + s.pages_changed for s in self.sites)

    @property
    def pages_failed(self) -> int:
        """Pages that could not be fetched (recorded in landing/fetch_errors, retried next run)."""
        return sum(s.pages_failed for s in self.sites)

    @property
    def pages_clean_failed(self) -> int:
        """Landed page versions that could not be cleaned (no document; re-cleaned next run)."""
        return sum(s.pages_clean_failed for s in self.sites)

    @property
    def documents_cleaned(self) -> int:
        return sum(s.documents_cleaned for s in self.sites)

    @property
    def not_crawled(self) -> list[SiteCrawlResult]:
        """Sites that could not be crawled or landed in full (not started, aborted, a write failed)."""
        return [s for s in self.sites if s.failure]


@dataclass
class RunSummary:
    """What one `xaetl run` did, for the summary printed at the end and for tests."""

    run_id: str
    data_dir: Path
    crawl: CrawlResult | None = None
    build: BuildResult | None = None
    checks: CheckResult | None = None
    published: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)
    ok: bool = False
    failure: str | None = None

    @property
    def sites(self) -> list[SiteCrawlResult]:
        return self.crawl.sites if self.crawl is not None else []

    @property
    def pages_fetched(self) -> int:
        return self.crawl.pages_fetched if self.crawl is not None else 0

    @property
    def pages_failed(self) -> int:
        return self.crawl.pages_failed if self.crawl is not None else 0

    @property
    def pages_clean_failed(self) -> int:
        return self.crawl.pages_clean_failed if self.crawl is not None else 0

    @property
    def not_crawled(self) -> list[SiteCrawlResult]:
        return self.crawl.not_crawled if self.crawl is not None else []

    @property
    def complete(self) -> bool:
        """Published, and every site was crawled (a partial run publishes the others' pages)."""
        return self.ok and not self.not_crawled


def crawl(
    sites: list[Site],
    paths: DataPaths,
    *,
    run_id: str,
    max_pages: int | None = None,
    progress: bool = False,
    config: CrawlConfig | None = None,
) -> CrawlResult:
    """Crawl, clean and land the given sites (parallel across hosts, polite per host); `config`
    defaults to `ingest.crawl_config.crawl_config()` (its knobs from the environment)."""
    from ingest.crawl import crawl_sites
    from ingest.crawl_config import crawl_config

    observer = None
    if progress:  # the terminal display lives with the CLI
        from ingest.cli.progress import RichProgress

        observer = RichProgress(len(sites))
    config = config or crawl_config()
    results = crawl_sites(sites, paths, run_id=run_id, max_pages=max_pages, crawl=config, observer=observer)
    result = CrawlResult(run_id, results)
    log.info(
        "crawl %s: raw audit checked %d known URL(s) (raw_audit_nights=%d), %d without their raw file",
        run_id,
        sum(s.raw_audited for s in results),
        config.raw_audit_nights,
        sum(s.raw_lost for s in results),
    )
    if result.pages_clean_failed:
        log.error(
            "crawl %s: %d page(s) could not be cleaned; recorded in landing/fetch_errors (kind clean), "
            "re-cleaned from raw by the next run",
            run_id,
            result.pages_clean_failed,
        )
    for site in result.not_crawled:
        log.error("crawl %s: site %s was not crawled: %s", run_id, site.site_id, site.failure)
    return result


def group_near_duplicates(paths: DataPaths) -> int:
    """The nightly near-duplicate step (`ingest.clean.neardup`): groups for every document landed
    since the last step, against the persistent index; returns how many were grouped."""
    from ingest.clean import CLEANER_VERSION
    from ingest.clean.neardup import assign_groups

    return assign_groups(paths.store, CLEANER_VERSION).documents


def build(
    paths: DataPaths, *, full_refresh: bool = False, select: str | None = None, quiet: bool = False
) -> BuildResult:
    """`dbt build` of the warehouse from the landing files (`select`: one layer, for the DAG)."""
    go_offline()
    from ingest.warehouse.build import dbt_build

    return dbt_build(paths, full_refresh=full_refresh, select=select, quiet=quiet)


def check(paths: DataPaths) -> CheckResult:
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
    run_id: str | None = None,
    store: str | None = None,
    raw_audit_nights: int | None = None,
) -> RunSummary:
    """The whole nightly job, under the data directory's run lock (`RunLocked` when another run
    holds it; `ingest.storelock.run_lock_for`: a flock locally, a lease on a shared store). Page
    failures are recorded and do not fail the run. A site that could not be crawled is listed in
    the summary (`not_crawled`); the others are still built and published. No site crawled, a
    failed build or critical check, or a stage that could not write fails the run and leaves the
    last published warehouse in place. `run_id`: a caller that holds the lock already under this
    run id (`xaetl demo`) is joined. `store` (default `$XAETL_STORE`, else the data dir) holds raw
    HTML, landing and crawl state. `raw_audit_nights` (default `$XAETL_RAW_AUDIT_NIGHTS`, else 7):
    see `CrawlConfig`; a bad value is a ValueError before anything runs."""
    from ingest.crawl_config import crawl_config
    from ingest.storelock import run_lock_for

    go_offline()
    config = crawl_config(raw_audit_nights)
    paths = DataPaths.at(data_dir, store)
    sites = registry if isinstance(registry, list) else load_registry(registry)
    if site_ids:
        unknown = set(site_ids) - {s.id for s in sites}
        if unknown:
            raise ValueError(f"unknown site id(s): {', '.join(sorted(unknown))}")
        sites = [s for s in sites if s.id in site_ids]
    summary = RunSummary(run_id=run_id or new_run_id(), data_dir=paths.root)
    with run_lock_for(paths.root, paths.store, summary.run_id):
        paths.ensure()
        _run_stages(
            summary,
            sites,
            paths,
            max_pages=max_pages,
            full_refresh=full_refresh,
            progress=progress,
            config=config,
        )
    return summary


def _run_stages(
    summary: RunSummary,
    sites: list[Site],
    paths: DataPaths,
    *,
    max_pages: int | None,
    full_refresh: bool,
    progress: bool,
    config: CrawlConfig,
) -> None:
    from ingest.warehouse.publish import PublishError

    summary.crawl = crawl(
        sites, paths, run_id=summary.run_id, max_pages=max_pages, progress=progress, config=config
    )
    if sites and len(summary.not_crawled) == len(sites):
        first = summary.not_crawled[0]
        summary.failure = f"no site could be crawled ({first.site_id}: {first.failure})"
        return
    try:
        group_near_duplicates(paths)
    except (OSError, RunLocked) as exc:  # a full disk, or another host's step holds its lease
        summary.failure = f"near-duplicate grouping failed: {_one_line(exc)}"
        return
    summary.build = build(paths, full_refresh=full_refresh, quiet=progress)
    if not summary.build.ok:
        summary.failure = f"dbt build failed: {summary.build.message}"
        return
    try:
        summary.checks = check(paths)
    except OSError as exc:  # Data Docs or the GX project could not be written
        summary.failure = f"quality checks could not run: {_one_line(exc)}"
        return
    if not summary.checks.ok:
        summary.failure = f"quality checks failed: {summary.checks.message}"
        return
    try:
        summary.published = publish(paths)
    except PublishError as exc:  # one line already, saying what stays published
        summary.failure = str(exc)
        return
    except OSError as exc:
        summary.failure = f"publish failed: {_one_line(exc)}"
        return
    summary.counts = warehouse_counts(paths)
    summary.ok = True


def _one_line(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())
