"""
### xaetl_nightly — crawl every commune portal, clean and land the pages

Runs at **01:00 Asia/Ho_Chi_Minh** every night.

1. `list_sites` reads the site registry (Airflow Variable `xaetl_registry`, else the
   environment variable `XAETL_REGISTRY`) and returns the site ids to crawl.
2. `derive_run_id` derives the crawl run id from this DAG run (retries reuse it).
3. `crawl_site` is **mapped: one task instance per site**, labelled with the site id. The
   pool `xaetl_crawl` bounds how many sites are crawled at once; within a site the crawler
   is polite (robots.txt, one request at a time, the site's `delay_s`). Pages that could not be
   fetched are recorded in `landing/fetch_errors` and retried by the next run; they do not fail
   the task. Pages that were fetched but **could not be cleaned** land no document: the task
   lands everything else, records them (`landing/fetch_errors`, kind `clean`) and then fails
   naming how many, so the retry (or the next night) re-cleans them from their raw HTML.
   A site that could not be crawled at all (landing or raw not writable) fails its task.
   Each crawl task holds the data directory's run lock under this DAG run's crawl run id: the
   sites of one run join it and crawl side by side, while another run (`xaetl run`, the
   warehouse DAG) is waited for up to 5 minutes, then the task fails naming it (and is retried).
4. `mark_landed` sums the per-site counts and updates the Asset `xaetl://landing`, which
   triggers **xaetl_warehouse** (dbt build, quality checks, publish). It runs as soon as every
   crawl is done and at least one site landed, so one broken site does not hold back the rest;
   `check_all_sites_crawled` then fails the DAG run naming the sites that were not crawled,
   and ends this run's claim on the data directory (else its lease frees it 10 minutes later).

Data lives under `XAETL_DATA_DIR` (Variable `xaetl_data_dir`). Trigger with params to crawl a
subset (`site_ids`) or to cap the listing pages walked per site (`max_pages`).
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

LABELS = ("site_id", "crawl_run")  # the non-count keys of a crawl_site result


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
    def derive_run_id() -> str:
        """The crawl run id of this DAG run: the same for every retry of every task."""
        return dag_run_lock_id(get_current_context())  # also the run lock's id of this DAG run

    @task(
        pool=CRAWL_POOL,
        map_index_template="{{ task.op_kwargs['site_id'] }}",
        execution_timeout=timedelta(hours=2),
    )
    def crawl_site(site_id: str, crawl_run: str) -> dict[str, Any]:
        """Crawl, clean and land one site; returns its counts (small: goes through XCom).
        Fails, after landing the rest, when pages could not be cleaned (the retry re-cleans them)."""
        from ingest import pipeline
        from ingest.sites import load_registry

        site = next((s for s in load_registry(registry_path()) if s.id == site_id), None)
        if site is None:
            raise ValueError(f"site {site_id!r} is no longer in the registry {registry_path()}")
        max_pages = get_current_context()["params"].get("max_pages")
        # The same library call as `xaetl run` (it also lands the site's registry entry), under the
        # data directory's run lock: this DAG run's other sites join it, another run is waited for.
        with holding_run_lock(crawl_run) as paths:
            result = pipeline.crawl([site], paths, run_id=crawl_run, max_pages=max_pages)
        counts = result.counts()
        log.info("site %s, crawl run %s: %s", site_id, crawl_run, counts)
        for site_result in result.sites:  # details are in landing/fetch_errors; show a few here
            for error in site_result.errors[:20]:
                log.warning("site %s: %s", site_id, error)
        for failed in result.not_crawled:  # nothing or not everything landed: a retry may
            raise RuntimeError(f"site {site_id} was not crawled: {failed.failure}")
        if result.pages_clean_failed:
            raise RuntimeError(
                f"site {site_id}: {result.pages_clean_failed} page(s) could not be cleaned and have no "
                "document (see the warnings above and landing/fetch_errors, kind 'clean'); everything "
                "else is landed, and a retry or the next run re-cleans them from their raw HTML"
            )
        return {"site_id": site_id, "crawl_run": crawl_run, **counts}

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
            log.info("%-24s %s", r["site_id"], {k: r[k] for k in names if k in r})
        crawl_run = landed[0]["crawl_run"]
        log.info("crawl run %s, %d site(s) landed: %s", crawl_run, len(landed), totals)
        summary = {"crawl_run": crawl_run, "sites": len(landed), **totals}
        get_current_context()["outlet_events"][LANDING].extra = summary
        return summary

    @task(trigger_rule=TriggerRule.ALL_DONE)
    def check_all_sites_crawled(results: list[dict[str, Any]], site_ids: list[str]) -> int:
        """Fail the DAG run, naming them, when some sites' crawl tasks failed (after retries).
        Every crawl task is done: this DAG run's claim on the data directory ends here."""
        from airflow.sdk.exceptions import AirflowFailException

        end_run_lock(dag_run_lock_id(get_current_context()))
        missing = sorted(set(site_ids) - {r["site_id"] for r in _landed(results)})
        if missing:
            raise AirflowFailException(f"{len(missing)} site(s) not crawled: {', '.join(missing)}")
        return len(site_ids)

    crawl_run = derive_run_id()
    site_ids = list_sites()
    results = crawl_site.partial(crawl_run=crawl_run).expand(site_id=site_ids)
    mark_landed(results)
    check_all_sites_crawled(results, site_ids)


def _landed(results: Any) -> list[dict[str, Any]]:
    """The per-site results that exist: a failed mapped instance pushed none."""
    if results is None:
        return []
    return list(results[:])  # one slice request, not one request per mapped instance


xaetl_nightly()
