"""Shared defaults of the xaetl DAGs: default_args, Assets, settings lookup, failure alerts.

Not a DAG file (listed in `.airflowignore`); the DAG files import it as a sibling module,
which works because Airflow puts the DAGs folder on `sys.path`. Importing it does no I/O:
settings are read inside the tasks, and `ingest` is imported lazily there too.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from airflow.sdk import Asset

if TYPE_CHECKING:
    from ingest.paths import DataPaths

log = logging.getLogger(__name__)

OWNER = "xaetl"
TIMEZONE = "Asia/Ho_Chi_Minh"
TAGS = ["xaetl"]

CRAWL_POOL = "xaetl_crawl"
CRAWL_POOL_SLOTS = 4  # default size used by scripts/airflow-local.sh and the compose init

# Settings: an Airflow Variable (operators can change it in the UI) wins over the environment.
REGISTRY_VARIABLE, REGISTRY_ENV = "xaetl_registry", "XAETL_REGISTRY"
DATA_DIR_VARIABLE, DATA_DIR_ENV = "xaetl_data_dir", "XAETL_DATA_DIR"
ALERT_WEBHOOK_ENV = "XAETL_ALERT_WEBHOOK"  # optional Slack/Teams-style incoming webhook

# The data directory's run lock (ingest/storelock.py: a flock locally, a lease on a shared S3
# store), taken by every task that touches it. Tasks of one DAG run share one run id and join
# each other (the mapped crawl tasks run side by side); the
# lease keeps the run's claim between its tasks and frees it this long after a run died mid-way.
# A task that finds another run in the directory waits up to LOCK_WAIT_S, then fails (retried).
RUN_LEASE_S = 600.0
LOCK_WAIT_S = 300.0

# Landing files were written by the nightly crawl: the warehouse DAG is scheduled on it.
LANDING = Asset(name="xaetl_landing", uri="xaetl://landing", group="xaetl")
# A new read-only warehouse was published: BI refreshes or downstream DAGs can hang on it.
WAREHOUSE = Asset(name="xaetl_warehouse", uri="xaetl://warehouse/published", group="xaetl")


class SettingMissing(RuntimeError):
    """Neither the Airflow Variable nor the environment variable of a setting is set."""


def alert_on_failure(context: dict[str, Any]) -> None:
    """Task failure callback: one clear line naming DAG, task, site, run, try and the log URL."""
    message = failure_message(context)
    log.error(message)
    webhook = os.environ.get(ALERT_WEBHOOK_ENV)
    if webhook:
        _post_alert(webhook, message)


def failure_message(context: dict[str, Any]) -> str:
    """The alert text for a failed task instance (pure: reads only the context)."""
    ti = context.get("ti") or context.get("task_instance")
    dag_id = getattr(ti, "dag_id", None) or getattr(context.get("dag"), "dag_id", "?")
    task_id = getattr(ti, "task_id", "?")
    run_id = getattr(ti, "run_id", None) or getattr(context.get("dag_run"), "run_id", "?")
    parts = [f"xaetl task failed: dag={dag_id} task={task_id}"]
    site = _site_of(context, ti)
    if site:
        parts.append(f"site={site}")
    parts.append(f"run={run_id}")
    try_number, max_tries = getattr(ti, "try_number", None), getattr(ti, "max_tries", None)
    if try_number is not None:
        parts.append(
            f"try={try_number}/{(max_tries or 0) + 1}" if max_tries is not None else f"try={try_number}"
        )
    error = context.get("exception")
    if error is not None:
        parts.append(f"error={type(error).__name__}: {error}")
    log_url = _log_url(ti)
    if log_url:
        parts.append(f"log={log_url}")
    return " | ".join(parts)


def _site_of(context: dict[str, Any], ti: Any) -> str | None:
    """The sites a mapped crawl task was working on (its rendered map index or its argument)."""
    rendered = getattr(ti, "rendered_map_index", None)
    if rendered:
        return str(rendered)
    task = context.get("task")
    op_kwargs = getattr(task, "op_kwargs", None)
    if isinstance(op_kwargs, dict) and op_kwargs.get("site_id"):
        return str(op_kwargs["site_id"])
    if isinstance(op_kwargs, dict) and op_kwargs.get("site_ids"):  # a batch: its first and last site
        ids = list(op_kwargs["site_ids"])
        return ids[0] if len(ids) == 1 else f"{ids[0]}…{ids[-1]}"
    return None


def _log_url(ti: Any) -> str | None:
    try:
        return ti.log_url
    except Exception:  # the URL is a nicety; never let it mask the original failure
        log.debug("could not build the log URL", exc_info=True)
        return None


def _post_alert(url: str, message: str) -> None:
    import requests

    try:
        requests.post(url, json={"text": message}, timeout=10).raise_for_status()
    except requests.RequestException as exc:
        log.warning("could not post the failure alert to %s: %s", ALERT_WEBHOOK_ENV, exc)


DEFAULT_ARGS: dict[str, Any] = {
    "owner": OWNER,
    "retries": 2,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": 2.0,  # 2 min, then 4 min, capped below
    "max_retry_delay": timedelta(minutes=30),
    "execution_timeout": timedelta(hours=1),
    "on_failure_callback": alert_on_failure,
}


def setting(variable: str, env: str) -> str:
    """A setting from the Airflow Variable `variable`, else the environment variable `env`."""
    from airflow.sdk import Variable

    value = Variable.get(variable, default=None) or os.environ.get(env)
    if not value:
        raise SettingMissing(f"set the Airflow Variable {variable!r} or the environment variable {env}")
    return str(value)


def registry_path() -> str:
    return setting(REGISTRY_VARIABLE, REGISTRY_ENV)


def warehouse_queue() -> str:
    """The Celery queue of the warehouse tasks (`XAETL_WAREHOUSE_QUEUE`; ignored by LocalExecutor):
    the one worker that owns the DuckDB files listens on it."""
    return os.environ.get("XAETL_WAREHOUSE_QUEUE") or "default"


def data_paths() -> DataPaths:
    """The data directory of this deployment, created if missing."""
    from ingest.paths import DataPaths

    return DataPaths.at(setting(DATA_DIR_VARIABLE, DATA_DIR_ENV)).ensure()


def crawl_run_id(dag_id: str, dag_run_id: str, when: datetime) -> str:
    """The crawl run id of a DAG run, in the `xaetl run` format (`20261123T010000Z-1a2b3c`).

    Derived from the DAG run, not from the clock: a retried task crawls under the same run id,
    so the landing layer sees one run (not a second run's rows), and a backfill run is keyed
    by its own logical date.
    """
    digest = hashlib.sha256(f"{dag_id}/{dag_run_id}".encode()).hexdigest()[:6]
    return f"{when.astimezone(UTC):%Y%m%dT%H%M%SZ}-{digest}"


def dag_run_lock_id(context: Any) -> str:
    """The run id under which the tasks of a task context's DAG run hold the data directory
    (for the nightly DAG, its crawl run id)."""
    dag_run = context["dag_run"]
    return crawl_run_id(dag_run.dag_id, dag_run.run_id, dag_run.logical_date or dag_run.run_after)


@contextmanager
def holding_run_lock(run_id: str, *, last: bool = False) -> Iterator[DataPaths]:
    """The data directory, held by this task for the DAG run `run_id` (joins its other tasks;
    waits for, then refuses, another run). `last`: the run's final task; on success it ends the
    run's claim at once instead of leaving the lease to the next task. The lock is the data
    directory's (`ingest.storelock.run_lock_for`): a flock locally, a lease on a shared store."""
    from ingest.storelock import run_lock_for

    paths = data_paths()
    lock = run_lock_for(paths.root, paths.store, run_id, lease_s=RUN_LEASE_S, wait_s=LOCK_WAIT_S)
    lock.acquire()
    done = False
    try:
        yield paths
        done = True
    finally:
        lock.release(final=last and done)


def end_run_lock(run_id: str) -> None:
    """End the claim of the DAG run `run_id` on the data directory (its last task has run);
    a lock held by another run is left alone."""
    from ingest.runlock import RunLocked
    from ingest.storelock import run_lock_for

    paths = data_paths()
    lock = run_lock_for(paths.root, paths.store, run_id, lease_s=RUN_LEASE_S)
    try:
        lock.acquire()
    except RunLocked:
        return
    lock.release(final=True)
