"""
### xaetl_nightly — crawl every commune portal, clean and land the pages

Runs at **01:00 Asia/Ho_Chi_Minh** every night.

1. `list_sites` reads the site registry (Airflow Variable `xaetl_registry`, else the
   environment variable `XAETL_REGISTRY`) and returns the site ids to crawl.
2. `plan_batches` cuts them into batches of `XAETL_SITES_PER_TASK` sites (default 100), so
   10,000 sites are 100 mapped tasks, far under `core.max_map_length` (1024).
3. `derive_run_id` derives the crawl run id from this DAG run (retries reuse it).
4. `crawl_batch` is **mapped: one task instance per batch**, labelled with its first and last
   site. Inside a task many hosts are crawled at once (`CrawlConfig.workers`), each politely
   (robots.txt, one request at a time, the site's `delay_s`); the pool `xaetl_crawl` bounds how
   many batches run at once (`xaetl sizing` gives its size for a registry). Each site starts
   from its compact state and fetches only what is new or due (README, "Revisits"). Pages that
   could not be fetched are recorded in `landing/fetch_errors` and retried by the next run; they
   do not fail the task. Pages that were fetched but **could not be cleaned** land no document:
   the task lands everything else, records them (kind `clean`) and then fails naming how many,
   so the retry (or the next night) re-cleans them from their raw HTML. A retry of a batch
   skips what its sites already landed in this run. A site that could not be crawled at all
   (state, landing or raw not readable or writable) fails its batch's task, after the batch's
   other sites landed.
   Each crawl task holds the data directory's run lock under this DAG run's crawl run id (a
   flock locally, a lease under `locks/` on a shared store): the batches of one run join it and
   crawl side by side, while another run (`xaetl run`, the warehouse DAG) is waited for up to 5
   minutes, then the task fails naming it (and is retried).
5. `mark_landed` sums the counts and updates the Asset `xaetl://landing`, which triggers
   **xaetl_warehouse** (near-duplicate groups, dbt build, quality checks, publish). It runs as
   soon as every batch is done and at least one landed, so one broken site does not hold back
   the rest; `check_all_sites_crawled` then fails the DAG run naming the sites not crawled, and
   ends this run's claim on the data directory (else its lease frees it 10 minutes later).

Data lives under `XAETL_DATA_DIR` (Variable `xaetl_data_dir`). Trigger with params to crawl a
subset (`site_ids`), to cap the listing pages walked per site (`max_pages`), or to check every
raw object on an object store tonight (`raw_audit_nights` 1; default `XAETL_RAW_AUDIT_NIGHTS`,
else 7: a slice a night).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pendulum
from airflow.sdk import CronTriggerTimetable, Param, TriggerRule, dag, get_current_context, task
from xaetl_common import (
    CRAWL_POOL,
    DEFAULT_ARGS,
    LANDING,
    TAGS,
    TIMEZONE,
    dag_run_lock_id,
    end_run_lock,
    holding_run_lock,
    registry_path,
)

log = logging.getLogger(__name__)

LABELS = ("site_ids", "crawl_run", "not_crawled")  # the non-count keys of a crawl_batch result
SITES_PER_TASK_ENV = "XAETL_SITES_PER_TASK"


@dag(
    schedule=CronTriggerTimetable("0 1 * * *", timezone=TIMEZONE),
    start_date=pendulum.datetime(2026, 1, 1, tz=TIMEZONE),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(hours=8),
    default_args=DEFAULT_ARGS,
    tags=[*TAGS, "crawl", "landing"],
    doc_md=__doc__,
    params={
        "site_ids": Param(
            [], type="array", items={"type": "string"}, description="Only these sites (all if empty)."
        ),
        "max_pages": Param(
            None,
            type=["null", "integer"],
            minimum=1,
            description="Listing pages walked per site (site default if empty).",
        ),
        "raw_audit_nights": Param(
            None,
            type=["null", "integer"],
            minimum=1,
            description="On an object store, check each known page's raw HTML once in this many "
            "nights (1: all tonight; empty: $XAETL_RAW_AUDIT_NIGHTS, else 7).",
        ),
    },
)
def xaetl_nightly() -> None:
    @task
    def list_sites() -> list[str]:
        """Site ids of the registry, optionally narrowed by the `site_ids` param."""
        from airflow.sdk.exceptions import AirflowFailException

        from ingest.sites import RegistryError, load_registry

        try:
            sites = [s.id for s in load_registry(registry_path())]
        except RegistryError as exc:  # a config error: retrying cannot fix it
            raise AirflowFailException(str(exc)) from exc
        wanted = get_current_context()["params"].get("site_ids") or []
        unknown = sorted(set(wanted) - set(sites))
        if unknown:
            raise ValueError(f"unknown site id(s) in params.site_ids: {', '.join(unknown)}")
        return [s for s in sites if not wanted or s in wanted]

    @task
    def plan_batches(site_ids: list[str]) -> list[list[str]]:
        """Site ids in batches of XAETL_SITES_PER_TASK (one mapped crawl task each)."""
        import os

        from ingest.sizing import SITES_PER_TASK

        size = max(1, int(os.environ.get(SITES_PER_TASK_ENV) or SITES_PER_TASK))
        return [site_ids[i : i + size] for i in range(0, len(site_ids), size)]

    @task
    def derive_run_id() -> str:
        """The crawl run id of this DAG run: the same for every retry of every task."""
        return dag_run_lock_id(get_current_context())  # also the run lock's id of this DAG run

    @task(
        pool=CRAWL_POOL,
        map_index_template="{{ task.op_kwargs['site_ids'][0] }}…{{ task.op_kwargs['site_ids'][-1] }}",
        execution_timeout=timedelta(hours=2),
    )
    def crawl_batch(site_ids: list[str], crawl_run: str) -> dict[str, Any]:
        """Crawl, clean and land a batch of sites, many hosts at once; returns the batch's
        counts (small: goes through XCom). Fails, after landing the rest, when pages could not be
        cleaned (the retry re-cleans them)."""
        from airflow.sdk.exceptions import AirflowFailException

        from ingest import pipeline
        from ingest.crawl_config import crawl_config
        from ingest.sites import load_registry

        registry = {s.id: s for s in load_registry(registry_path())}
        gone = [sid for sid in site_ids if sid not in registry]
        sites = [registry[sid] for sid in site_ids if sid in registry]
        params = get_current_context()["params"]
        max_pages = params.get("max_pages")
        try:
            config = crawl_config(params.get("raw_audit_nights"))
        except ValueError as exc:  # a bad $XAETL_RAW_AUDIT_NIGHTS: retrying cannot fix it
            raise AirflowFailException(str(exc)) from exc
        # The same library call as `xaetl run` (it also lands the sites' registry entries), under
        # the data directory's run lock: this DAG run's other batches join it, another run is waited for.
        with holding_run_lock(crawl_run) as paths:
            result = pipeline.crawl(sites, paths, run_id=crawl_run, max_pages=max_pages, config=config)
        counts = result.counts()
        log.info("batch %s…%s, crawl run %s: %s", site_ids[0], site_ids[-1], crawl_run, counts)
        not_crawled = list(gone)
        for site_result in result.sites:  # details are in landing/fetch_errors; show a few here
            for error in site_result.errors[:20]:
                log.warning("site %s: %s", site_result.site_id, error)
        not_crawled += [failed.site_id for failed in result.not_crawled]
        if result.pages_clean_failed:
            raise RuntimeError(
                f"batch {site_ids[0]}…{site_ids[-1]}: {result.pages_clean_failed} page(s) could not be "
                "cleaned and have no document (see the warnings above and landing/fetch_errors, kind "
                "'clean'); everything else is landed, and a retry or the next run re-cleans them from raw"
            )
        return {"site_ids": site_ids, "crawl_run": crawl_run, "not_crawled": not_crawled, **counts}

    @task(outlets=[LANDING], trigger_rule=TriggerRule.ALL_DONE_MIN_ONE_SUCCESS)
    def mark_landed(results: list[dict[str, Any]]) -> dict[str, Any]:
        """Total the per-site counts and update the landing Asset (triggers xaetl_warehouse).

        Runs once every crawl is done and at least one site landed: one broken site must not
        hold back the others' fresh pages (`check_all_sites_crawled` still fails the DAG run).
        Skipped when the registry lists no site."""
        landed = _landed(results)
        names = sorted({k for r in landed for k in r if k not in LABELS})
        totals = {name: sum(int(r.get(name, 0)) for r in landed) for name in names}
        for r in landed:
            log.info("%s…%s %s", r["site_ids"][0], r["site_ids"][-1], {k: r[k] for k in names if k in r})
        crawl_run = landed[0]["crawl_run"]
        n_sites = sum(len(r["site_ids"]) - len(r.get("not_crawled") or []) for r in landed)
        log.info("crawl run %s, %d site(s) landed: %s", crawl_run, n_sites, totals)
        summary = {"crawl_run": crawl_run, "sites": n_sites, **totals}
        get_current_context()["outlet_events"][LANDING].extra = summary
        return summary

    @task(trigger_rule=TriggerRule.ALL_DONE)
    def check_all_sites_crawled(results: list[dict[str, Any]], site_ids: list[str]) -> int:
        """Fail the DAG run, naming them, when some sites' crawl tasks failed (after retries).
        Every crawl task is done: this DAG run's claim on the data directory ends here."""
        from airflow.sdk.exceptions import AirflowFailException

        end_run_lock(dag_run_lock_id(get_current_context()))
        crawled = {
            sid
            for r in _landed(results)
            for sid in r["site_ids"]
            if sid not in set(r.get("not_crawled") or [])
        }
        missing = sorted(set(site_ids) - crawled)
        if missing:
            raise AirflowFailException(f"{len(missing)} site(s) not crawled: {', '.join(missing)}")
        return len(site_ids)

    crawl_run = derive_run_id()
    site_ids = list_sites()
    # At parse time the tasks receive XComArgs standing for the lists they get at run time.
    batches = plan_batches(site_ids)  # type: ignore[arg-type]
    results = crawl_batch.partial(crawl_run=crawl_run).expand(site_ids=batches)
    mark_landed(results)  # type: ignore[arg-type]
    check_all_sites_crawled(results, site_ids)  # type: ignore[arg-type]


def _landed(results: Any) -> list[dict[str, Any]]:
    """The per-batch results that exist: a failed mapped instance pushed none."""
    if results is None:
        return []
    return list(results[:])  # one slice request, not one request per mapped instance


xaetl_nightly()
