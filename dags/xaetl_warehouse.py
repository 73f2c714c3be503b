"""
### xaetl_warehouse — build the warehouse from the landing files, check it, publish it

Scheduled on the Asset `xaetl://landing`: runs after each successful **xaetl_nightly**.

0. `near_duplicate_groups` groups the documents landed since the last run against the
   persistent near-duplicate index on the store (one set-based step; no crawl task coordinates).
1. `dbt build`, one task per layer so each layer has its own log and retry:
   `dbt_seeds` → `dbt_staging` → `dbt_intermediate` → `dbt_marts`. Each task logs one line
   per dbt node (model, test, seed) with its status and time.
2. `quality_checks` runs the Great Expectations checkpoint on the fresh build. When a
   critical expectation fails the task fails with the checkpoint's message and nothing is
   published: analysts keep the last good warehouse.
3. `publish` swaps in the read-only copy `published/warehouse.duckdb` and updates the Asset
   `xaetl://warehouse/published`.
4. `compact_landing` merges the per-site parts of landing nights older than a week into one
   file per table and night (rows unchanged).

Every task runs on the Celery queue `XAETL_WAREHOUSE_QUEUE` (default `default`): with workers on
several hosts, point it at the one worker that owns the warehouse files (compose: `warehouse`).

Every task holds the data directory's run lock under this DAG run's id (tasks of the run join
it; its lease bridges the gaps between them), so a concurrent `xaetl run` or nightly crawl never
overlaps the build, checks and publish: a task that finds another run waits up to 5 minutes,
then fails with the holder named and is retried. `compact_landing`, the last task, ends the
claim; a run that failed mid-way frees the directory 10 minutes after its last task. The lock is
a flock on a local data directory, a lease under `locks/` on a shared (S3) store.

dbt and check failures are deterministic, so those fail at once (no retries); unexpected
errors (disk, locks) are retried with backoff. Trigger with `full_refresh: true` to rebuild
incremental models from scratch.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pendulum
from airflow.sdk import Param, dag, get_current_context, task
from xaetl_common import (
    DEFAULT_ARGS,
    LANDING,
    TAGS,
    TIMEZONE,
    WAREHOUSE,
    dag_run_lock_id,
    holding_run_lock,
    warehouse_queue,
)

if TYPE_CHECKING:
    from ingest.warehouse.build import NodeResult

log = logging.getLogger(__name__)

# dbt selectors of the layers, in build order.
SEEDS = "resource_type:seed"
STAGING = "path:models/staging"
INTERMEDIATE = "path:models/intermediate"
MARTS = "path:models/marts"


def _node_line(node: NodeResult) -> str:
    """One log line for a dbt node of the build."""
    line = f"{node.status:>7} {node.resource_type:<9} {node.name} {node.elapsed_s:.2f}s"
    return line + (f" — {node.message}" if node.message else "")


def build_layer(select: str) -> dict[str, Any]:
    """`dbt build --select <select>`; logs every node; fails the task when dbt fails."""
    from airflow.sdk.exceptions import AirflowFailException

    from ingest import pipeline

    context = get_current_context()
    full_refresh = bool(context["params"].get("full_refresh"))
    with holding_run_lock(dag_run_lock_id(context)) as paths:
        result = pipeline.build(paths, full_refresh=full_refresh, select=select)
    for node in result.nodes:
        log.info("%s", _node_line(node))
    log.info(
        "dbt build --select %s: ok=%s in %.1fs, %d node(s)",
        select,
        result.ok,
        result.elapsed_s,
        len(result.nodes),
    )
    if not result.ok:
        # A failing model or test fails again on retry: fail now, keep the last published copy.
        raise AirflowFailException(f"dbt build --select {select} failed: {result.message}")
    return {"select": select, "nodes": len(result.nodes), "elapsed_s": round(result.elapsed_s, 2)}


@dag(
    schedule=[LANDING],
    start_date=pendulum.datetime(2026, 1, 1, tz=TIMEZONE),
    catchup=False,
    max_active_runs=1,
    default_args={**DEFAULT_ARGS, "queue": warehouse_queue()},
    tags=[*TAGS, "dbt", "quality", "publish"],
    doc_md=__doc__,
    params={"full_refresh": Param(False, type="boolean", description="dbt --full-refresh")},
)
def xaetl_warehouse() -> None:
    @task
    def near_duplicate_groups() -> dict[str, Any]:
        """Near-duplicate groups of the documents landed since the last run (the index on the store)."""
        from ingest import pipeline

        with holding_run_lock(dag_run_lock_id(get_current_context())) as paths:
            grouped = pipeline.group_near_duplicates(paths)
        log.info("near-duplicate groups assigned to %d new document(s)", grouped)
        return {"documents": grouped}

    @task
    def dbt_seeds() -> dict[str, Any]:
        """Lookup tables (indicator catalogue, unit conversions, commune crosswalk)."""
        return build_layer(SEEDS)

    @task
    def dbt_staging() -> dict[str, Any]:
        """Staging models over the landing Parquet sources, and their tests."""
        return build_layer(STAGING)

    @task
    def dbt_intermediate() -> dict[str, Any]:
        """Intermediate models (documents, mentions extracted by the ingest library)."""
        return build_layer(INTERMEDIATE)

    @task
    def dbt_marts() -> dict[str, Any]:
        """Facts and dimensions analysts query, and their tests."""
        return build_layer(MARTS)

    @task
    def quality_checks() -> dict[str, Any]:
        """Great Expectations checkpoint on the marts; a critical failure stops publishing."""
        from airflow.sdk.exceptions import AirflowFailException

        from ingest import pipeline

        with holding_run_lock(dag_run_lock_id(get_current_context())) as paths:
            result = pipeline.check(paths)
        for failure in result.critical_failures:
            log.error("critical: %s", failure)
        for warning in result.warnings:
            log.warning("warning: %s", warning)
        docs = result.data_docs or paths.gx
        log.info("quality checks: ok=%s — %s (Data Docs: %s)", result.ok, result.message, docs)
        if not result.ok:
            raise AirflowFailException(f"critical quality checks failed: {result.message}")
        return {"ok": True, "message": str(result.message)}

    @task(outlets=[WAREHOUSE])
    def publish() -> dict[str, Any]:
        """Swap in the read-only warehouse copy that analysts and BI tools open."""
        from ingest import pipeline

        with holding_run_lock(dag_run_lock_id(get_current_context())) as paths:
            published = pipeline.publish(paths)
            counts = {name: int(n) for name, n in pipeline.warehouse_counts(paths).items()}
        log.info("published %s: %s", published, counts)
        summary: dict[str, Any] = {"published": str(published), "counts": counts}
        get_current_context()["outlet_events"][WAREHOUSE].extra = summary
        return summary

    @task
    def compact_landing() -> dict[str, Any]:
        """Merge per-site landing parts of nights older than a week (fewer files, same rows)."""
        from ingest.compact import compact

        with holding_run_lock(dag_run_lock_id(get_current_context()), last=True) as paths:
            result = compact(paths.store, older_than_days=7)
        log.info(
            "compacted %d night(s): %d -> %d files", result.nights, result.files_before, result.files_after
        )
        return {
            "nights": result.nights,
            "files_before": result.files_before,
            "files_after": result.files_after,
        }

    (
        near_duplicate_groups()
        >> dbt_seeds()
        >> dbt_staging()
        >> dbt_intermediate()
        >> dbt_marts()
        >> quality_checks()
        >> publish()
        >> compact_landing()
    )


xaetl_warehouse()
