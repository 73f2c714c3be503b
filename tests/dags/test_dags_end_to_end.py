"""End to end: two nights of both DAGs in real Airflow (SQLite metadata) against the portal simulator.

The way a newcomer or CI would: a throwaway AIRFLOW_HOME, `airflow db migrate`, the crawl pool
created with `airflow pools set`, `airflow dags reserialize`, then `dag.test()` of the nightly DAG
and of the warehouse DAG, twice (the second night must change nothing). All DAG runs happen in
one Python process so dbt and Great Expectations load once (the suite runs on 2-core CI machines).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ingest.paths import DataPaths
from ingest.simulator.server import PortalSimulator
from ingest.sites import load_registry
from tests.helpers.airflow_env import airflow_env
from tests.helpers.landing import rows_of

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"
AIRFLOW = [sys.executable, "-m", "airflow"]

# Runs in the subprocess: two nights of (nightly DAG, then warehouse DAG); prints one JSON line
# with each DAG run's task states and, after each warehouse run, the published marts' row counts.
RUNNER = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])  # as the DAG processor does: DAG files import xaetl_common
from airflow.dag_processing.dagbag import DagBag
from ingest.paths import DataPaths
from ingest.warehouse.query import mart_counts

bag = DagBag(dag_folder=sys.argv[1])
assert not bag.import_errors, bag.import_errors
out = {}
for night in range(int(sys.argv[2])):
    for dag_id in ("xaetl_nightly", "xaetl_warehouse"):
        run = bag.dags[dag_id].test()
        out[f"{dag_id}#{night}"] = {
            "state": str(run.state),
            "run_id": run.run_id,
            "tis": [
                {"task_id": ti.task_id, "map_index": ti.map_index, "label": ti.rendered_map_index,
                 "state": str(ti.state)}
                for ti in run.get_task_instances()
            ],
        }
        if run.state != "success":
            break
    else:
        out[f"counts#{night}"] = mart_counts(DataPaths.at(os.environ["XAETL_DATA_DIR"]))
        continue
    break
print("RESULT " + json.dumps(out))
"""


def _run(cmd: list[str], env: dict[str, str], timeout: int) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert proc.returncode == 0, f"{' '.join(cmd[2:])} failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-6000:]}"
    return proc


@pytest.mark.slow
def test_two_nights_of_both_dags_publish_the_same_warehouse(tmp_path):
    home, data, registry = tmp_path / "airflow", tmp_path / "data", tmp_path / "sites.yaml"
    with PortalSimulator() as sim:
        sim.write_registry(registry, delay_s=0)
        site_ids = {s.id for s in sim.sites}
        env = airflow_env(home, registry, data)
        _run([*AIRFLOW, "db", "migrate"], env, timeout=300)
        _run([*AIRFLOW, "pools", "set", "xaetl_crawl", "2", "concurrent site crawls"], env, timeout=120)
        _run([*AIRFLOW, "dags", "reserialize"], env, timeout=180)
        proc = subprocess.run(
            [sys.executable, "-c", RUNNER, str(DAGS), "2"],
            env=env,
            capture_output=True,
            text=True,
            timeout=540,
            check=False,
        )
    line = next((x for x in proc.stdout.splitlines() if x.startswith("RESULT ")), None)
    assert proc.returncode == 0 and line, f"{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}"
    out = json.loads(line.removeprefix("RESULT "))
    runs = {key: value for key, value in out.items() if not key.startswith("counts#")}
    failed = {key: [t for t in r["tis"] if t["state"] != "success"] for key, r in runs.items()}
    alerts = [x for x in (proc.stdout + proc.stderr).splitlines() if "xaetl task failed" in x]
    nights = ["xaetl_nightly#0", "xaetl_warehouse#0", "xaetl_nightly#1", "xaetl_warehouse#1"]
    assert failed == {key: [] for key in nights}, "\n".join(alerts) or proc.stderr[-8000:]
    assert {r["state"] for r in runs.values()} == {"success"}

    # The second night finds nothing new on the unchanged portals: the warehouse is the same.
    assert out["counts#0"] == out["counts#1"], (out["counts#0"], out["counts#1"])
    assert out["counts#1"]["fct_indicator_mentions"] > 0 and out["counts#1"]["fct_commune_indicators"] > 0

    # The sites fit one batch: one mapped crawl task, labelled with its first and last site.
    crawls = [t for t in runs["xaetl_nightly#0"]["tis"] if t["task_id"] == "crawl_batch"]
    ordered = [s.id for s in load_registry(registry)]
    assert [t["label"] for t in crawls] == [f"{ordered[0]}…{ordered[-1]}"]

    # Each night landed every site once, under a crawl run id derived from its DAG run.
    paths = DataPaths.at(data)
    rows = [(r["run_id"], r["site_id"], r["pages_new"]) for r in rows_of(paths, "crawl_runs")]
    expected_runs = []
    for night in (0, 1):
        dag_run = runs[f"xaetl_nightly#{night}"]["run_id"]
        digest = hashlib.sha256(f"xaetl_nightly/{dag_run}".encode()).hexdigest()[:6]
        (crawl_run,) = {r for r, _, _ in rows if r.endswith(f"Z-{digest}")}
        assert sorted(site for r, site, _ in rows if r == crawl_run) == sorted(site_ids)
        expected_runs.append(crawl_run)
    assert {r for r, _, _ in rows} == set(expected_runs)
    assert sum(new for r, _, new in rows if r == expected_runs[0]) > 0
    assert sum(new for r, _, new in rows if r == expected_runs[1]) == 0

    # The landing Asset was updated each night with the run's counts and queued a warehouse run.
    with sqlite3.connect(home / "airflow.db") as db:
        events = db.execute(
            "select a.uri, e.extra from asset_event e join asset a on a.id = e.asset_id order by e.id"
        ).fetchall()
        queued = db.execute(
            "select q.target_dag_id from asset_dag_run_queue q join asset a on a.id = q.asset_id "
            "where a.uri = 'xaetl://landing/'"
        ).fetchall()
    landing = [json.loads(extra) for uri, extra in events if uri == "xaetl://landing/"]
    assert [e["crawl_run"] for e in landing] == expected_runs
    assert all(e["sites"] == len(site_ids) for e in landing)
    assert ("xaetl_warehouse",) in queued
    assert [uri for uri, _ in events].count("xaetl://warehouse/published") == 2

    # The published warehouse opens read-only and its marts have rows.
    con = duckdb.connect(str(paths.published), read_only=True)
    try:
        mentions = con.execute("select count(*) from fct_indicator_mentions").fetchone()[0]
        communes = con.execute("select count(*) from dim_commune where commune_name is not null").fetchone()[
            0
        ]
    finally:
        con.close()
    assert mentions == out["counts#1"]["fct_indicator_mentions"] and communes > 0
