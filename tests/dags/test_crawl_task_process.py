"""The crawl task in an Airflow task process: `__main__` is the `airflow` script, the DB is blocked.

Under a real scheduler the Task SDK runs `crawl_batch` in a process started from the `airflow`
console script, then blanks the database URL (`airflow-db-not-allowed:///`). Cleaning workers
that re-ran the parent's main module (multiprocessing's spawn) died there, and every page landed
as an empty document. This fast guard recreates that process and calls the task's callable,
with the DAG run's params in its context: the `raw_audit_nights` given reaches the crawl.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from ingest.crawl_config import RAW_AUDIT_NIGHTS, RAW_AUDIT_NIGHTS_ENV
from ingest.land import PAGES_SCHEMA, land_part
from ingest.paths import DataPaths
from tests.helpers.landing import rows_of

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"
SITE = "xuan-phu"

TASK_PROCESS = r"""
import json, os, sys
airflow_script, dags, site_id, params = sys.argv[1:5]
# What the task process looks like: started from the `airflow` console script.
sys.modules["__main__"].__file__ = airflow_script
sys.argv[0] = airflow_script
sys.path.insert(0, dags)
from airflow.dag_processing.dagbag import DagBag

bag = DagBag(dag_folder=dags)
assert not bag.import_errors, bag.import_errors
crawl_batch = bag.dags["xaetl_nightly"].get_task("crawl_batch").python_callable
# What the Task SDK supervisor does in the task process before running the task.
from airflow.sdk.execution_time.supervisor import block_orm_access

block_orm_access()
assert os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] == "airflow-db-not-allowed:///"
# The task context (params) comes from the supervisor, which this test does not run.
crawl_batch.__globals__["get_current_context"] = lambda: {"params": json.loads(params)}
import ingest.crawl

real_crawl_sites = ingest.crawl.crawl_sites


def crawl_sites(*args, **kwargs):  # the real crawl; says which raw_audit_nights it was given
    print("CRAWL raw_audit_nights=%d" % kwargs["crawl"].raw_audit_nights, flush=True)
    return real_crawl_sites(*args, **kwargs)


ingest.crawl.crawl_sites = crawl_sites
print("RESULT " + json.dumps(crawl_batch(site_ids=[site_id], crawl_run="20260101T010000Z-guard0")))
"""


def _run_task(tmp_path: Path, registry: Path, data: Path, **params: object) -> subprocess.CompletedProcess:
    """The task's callable in a task process, its context holding the DAG's params."""
    airflow_script = shutil.which("airflow", path=os.path.dirname(sys.executable))
    assert airflow_script, "the airflow console script is not installed beside this interpreter"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW") and k != RAW_AUDIT_NIGHTS_ENV}
    env.update(
        AIRFLOW_HOME=str(tmp_path / "airflow"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW_VAR_XAETL_REGISTRY=str(registry),
        AIRFLOW_VAR_XAETL_DATA_DIR=str(data),
    )
    return subprocess.run(
        [
            sys.executable,
            "-c",
            TASK_PROCESS,
            airflow_script,
            str(DAGS),
            SITE,
            json.dumps({"max_pages": None, **params}),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _documents(data: Path) -> tuple[int, int]:
    """(documents, documents with more than 200 characters of text) landed under `data`."""
    docs = rows_of(DataPaths.at(data), "documents")
    return len(docs), sum(len(d["text"] or "") > 200 for d in docs)


def test_crawl_task_cleans_pages_in_an_airflow_task_process(tmp_path, simulator) -> None:
    registry = simulator.write_registry(tmp_path / "sites.yaml", delay_s=0, site_ids=[SITE])
    data = tmp_path / "data"
    proc = _run_task(tmp_path, registry, data, raw_audit_nights=3)
    assert proc.stdout.count("CRAWL raw_audit_nights=") == 1 and "CRAWL raw_audit_nights=3\n" in proc.stdout
    line = next((x for x in proc.stdout.splitlines() if x.startswith("RESULT ")), None)
    assert proc.returncode == 0 and line, f"{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    result = json.loads(line.removeprefix("RESULT "))
    articles = len(simulator.article_urls(SITE))
    assert result["pages_new"] == result["documents_cleaned"] == articles > 0
    assert result["pages_clean_failed"] == 0
    assert "died" not in proc.stderr and "could not start" not in proc.stderr, proc.stderr[-3000:]
    assert _documents(data) == (articles, articles)


def test_crawl_task_fails_after_landing_the_rest_when_a_page_cannot_be_cleaned(tmp_path, simulator) -> None:
    registry = simulator.write_registry(tmp_path / "sites.yaml", delay_s=0, site_ids=[SITE])
    data = tmp_path / "data"
    paths = DataPaths.at(data).ensure()
    # A version landed by an earlier run whose raw HTML is lost: it can never be cleaned.
    lost = {
        "run_id": "20251231T010000Z-before", "site_id": SITE, "url": f"{simulator.base_url}/lost.html",
        "final_url": f"{simulator.base_url}/lost.html", "fetched_at": datetime(2025, 12, 31, tzinfo=UTC),
        "status": 200, "change": "new", "content_sha256": "ab" * 32, "version": 1, "bytes": 10,
    }  # fmt: skip
    land_part(paths.store, "pages", PAGES_SCHEMA, [lost], crawl_date="2025-12-31", site_id=SITE, name="lost")
    proc = _run_task(tmp_path, registry, data)  # no raw_audit_nights param, no $XAETL_RAW_AUDIT_NIGHTS
    assert proc.returncode != 0, proc.stdout[-3000:]
    assert f"CRAWL raw_audit_nights={RAW_AUDIT_NIGHTS}\n" in proc.stdout  # the default
    assert f"batch {SITE}…{SITE}: 1 page(s) could not be cleaned" in proc.stderr, proc.stderr[-6000:]
    articles = len(simulator.article_urls(SITE))
    assert _documents(data) == (articles, articles)  # everything else landed, nothing empty
    errors = rows_of(paths, "fetch_errors")
    assert [(e["url"], e["error_class"]) for e in errors if e["kind"] == "clean"] == [
        (lost["url"], "raw_unreadable")
    ]
