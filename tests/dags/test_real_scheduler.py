"""The nightly path under a real Airflow scheduler publishes the warehouse `xaetl run` builds.

Airflow runs for real in a throwaway AIRFLOW_HOME (SQLite, LocalExecutor): api-server first
(waited for on its health endpoint, so no first task fails on a server still starting), then
scheduler and dag-processor. The dag-processor parses the DAGs, which are unpaused at creation,
so the scheduler starts `xaetl_nightly` for its latest 01:00 slot exactly as on a fresh install;
its landing Asset then starts `xaetl_warehouse`. Task processes are what production runs: forked
by the LocalExecutor from the `airflow` console script, under the Task SDK supervisor with the
database blocked. Meanwhile `xaetl run` builds the same registry into another data directory;
the two published warehouses must hold the same documents, mentions, facts and communes.
On a failure or past the deadline, the assertion message carries every task log.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import duckdb
import pytest

from ingest import pipeline
from ingest.paths import DataPaths
from tests.helpers.airflow_env import airflow_env
from tests.helpers.landing import rows_of

pytestmark = pytest.mark.slow

SITES = ["xuan-phu", "lamdong-loc-quang"]  # two CMS families; few sites keep the test lean
DEADLINE_S = 780  # from the first component start to a finished xaetl_warehouse run
# Columns that name a run or a moment, or derive from the raw bytes' hash: everything else is content.
NOT_CONTENT = {
    "fetched_at",
    "first_seen_at",
    "cleaned_at",
    "run_id",
    "content_sha256",
    "document_version_id",
    "mention_id",
    "neardup_group",
    "winning_mention_id",
    "winning_document_version_id",
}
MARTS = ["dim_document", "fct_indicator_mentions", "fct_commune_indicators", "dim_commune"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Airflow:
    """Airflow components started as processes of their own group, stopped (and reaped) at exit."""

    def __init__(self, home: Path, env: dict[str, str]) -> None:
        self.home, self.env = home, env
        self.airflow = shutil.which("airflow", path=os.path.dirname(sys.executable)) or "airflow"
        self.procs: dict[str, subprocess.Popen] = {}

    def cli(self, *args: str, timeout: float = 300) -> None:
        proc = subprocess.run(
            [self.airflow, *args], env=self.env, capture_output=True, text=True, timeout=timeout, check=False
        )
        assert proc.returncode == 0, (
            f"airflow {' '.join(args)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
        )

    def start(self, name: str, *args: str) -> None:
        log = open(self.home / f"{name}.log", "wb")  # noqa: SIM115 -- closed when the test ends
        self.procs[name] = subprocess.Popen(
            [self.airflow, name, *args],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def dead(self) -> list[str]:
        return [name for name, proc in self.procs.items() if proc.poll() is not None]

    def stop(self) -> None:
        for proc in self.procs.values():
            _signal_group(proc, signal.SIGTERM)
        deadline = time.monotonic() + 30
        for proc in self.procs.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(max(0.1, deadline - time.monotonic()))
            _signal_group(proc, signal.SIGKILL)  # whatever is left of its group (executor workers)
            proc.wait()

    def logs(self) -> str:
        """Every task log, then the tail of each component's log."""
        parts = []
        for path in sorted((self.home / "logs").rglob("*.log")):
            parts.append(
                f"--- {path.relative_to(self.home / 'logs')}\n{path.read_text(errors='replace')[-4000:]}"
            )
        for name in self.procs:
            text = (self.home / f"{name}.log").read_text(errors="replace")
            parts.append(f"--- component {name}\n{text[-3000:]}")
        return "\n".join(parts)


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, sig)  # the group this test created for the component (start_new_session)


def _wait_for_health(url: str, airflow: _Airflow, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert not airflow.dead(), f"{airflow.dead()} exited\n{airflow.logs()}"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    pytest.fail(f"the API server did not answer {url} within {timeout:.0f} s\n{airflow.logs()}")


def _runs(db: Path) -> list[tuple[str, str, str]]:
    """(dag_id, run_id, state) of every DAG run, read without taking the scheduler's locks."""
    if not db.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as con:
            return con.execute("select dag_id, run_id, state from dag_run order by id").fetchall()
    except sqlite3.Error:
        return []


def _task_states(db: Path) -> list[tuple]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as con:
        return con.execute(
            "select dag_id, task_id, map_index, state, try_number from task_instance order by dag_id, task_id"
        ).fetchall()


def _content(path: Path, table: str) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        columns = [r[0] for r in con.execute(f"describe {table}").fetchall() if r[0] not in NOT_CONTENT]
        rows = con.execute(
            f"select {', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)} from {table}"
        ).fetchall()
    return sorted(rows, key=repr)


def _texts(paths: DataPaths) -> dict[str, str]:
    return {d["url"]: d["text"] for d in rows_of(paths, "documents")}


@pytest.mark.timeout(DEADLINE_S + 300)
def test_nightly_dag_under_a_real_scheduler_publishes_what_xaetl_run_builds(simulator, tmp_path) -> None:
    started = time.monotonic()
    # Two independent crawls must see the same bytes: ties between equally ranked mentions are
    # broken by content-hash keys, which a live visitor counter would make differ run to run.
    simulator.site("xuan-phu").live_counter = False
    home, data = tmp_path / "airflow", tmp_path / "airflow-data"
    home.mkdir()
    registry = simulator.write_registry(tmp_path / "sites.yaml", delay_s=0, site_ids=SITES)
    port = _free_port()
    env = airflow_env(
        home,
        registry,
        data,
        AIRFLOW__CORE__EXECUTOR="LocalExecutor",
        AIRFLOW__CORE__PARALLELISM="2",  # two task processes at once: 2-core CI machines
        AIRFLOW__CORE__DEFAULT_TIMEZONE="Asia/Ho_Chi_Minh",
        AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS="True",
        AIRFLOW__CORE__EXECUTION_API_SERVER_URL=f"http://127.0.0.1:{port}/execution/",
        AIRFLOW__API__HOST="127.0.0.1",
        AIRFLOW__API__PORT=str(port),
        AIRFLOW__API__WORKERS="1",
        AIRFLOW__API_AUTH__JWT_SECRET=secrets.token_urlsafe(32),
        AIRFLOW__API__SECRET_KEY=secrets.token_urlsafe(32),
        # Fast turns: the scheduler loop, and the dag-processor's first parse and re-parses.
        AIRFLOW__SCHEDULER__SCHEDULER_IDLE_SLEEP_TIME="0.5",
        AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC="2",
        AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL="5",
        AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL="60",
        AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES="1",
    )
    airflow = _Airflow(home, env)
    reference: dict[str, Any] = {}

    def xaetl_run() -> None:
        try:
            reference["summary"] = pipeline.run(registry, tmp_path / "xaetl-run-data")
        except BaseException as exc:  # reported by the main thread
            reference["error"] = exc

    db = home / "airflow.db"
    try:
        airflow.cli("db", "migrate")
        airflow.cli("pools", "set", "xaetl_crawl", "2", "xaetl: concurrent site crawls")
        airflow.start("api-server")
        # `xaetl run` builds the reference while Airflow starts and runs (they share the 2 cores).
        reference_thread = threading.Thread(target=xaetl_run, name="xaetl-run")
        reference_thread.start()
        _wait_for_health(f"http://127.0.0.1:{port}/api/v2/monitor/health", airflow, timeout=240)
        _wait_for_health(f"http://127.0.0.1:{port}/execution/health", airflow, timeout=60)
        airflow.start("scheduler")
        airflow.start("dag-processor")

        deadline = started + DEADLINE_S
        while True:
            runs = _runs(db)
            states = {(dag, state) for dag, _, state in runs}
            if ("xaetl_warehouse", "success") in states or ("xaetl_warehouse", "failed") in states:
                break
            if ("xaetl_nightly", "failed") in states or airflow.dead() or time.monotonic() > deadline:
                break
            time.sleep(2)
        runs = _runs(db)
        ok = [(dag, state) for dag, _, state in runs] == [
            ("xaetl_nightly", "success"),
            ("xaetl_warehouse", "success"),
        ]
        if not ok:
            tis = "\n".join(map(str, _task_states(db))) if db.exists() else ""
            pytest.fail(
                f"after {time.monotonic() - started:.0f} s: runs {runs}; dead components {airflow.dead()}\n"
                f"task instances:\n{tis}\n{airflow.logs()}"
            )
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            not_success = con.execute(
                "select task_id, map_index, state from task_instance where state != 'success'"
            )
            assert not_success.fetchall() == [], airflow.logs()
            (landing_extra,) = con.execute(
                "select e.extra from asset_event e join asset a on a.id = e.asset_id where a.uri = 'xaetl://landing/'"
            ).fetchone()
        airflow_wall = time.monotonic() - started
    finally:
        airflow.stop()
    reference_thread.join(600)
    assert "error" not in reference, reference.get("error")
    summary = reference["summary"]
    assert summary.ok, summary.failure

    # The nightly run crawled both sites, cleaned every page and reported no failure.
    landed = json.loads(landing_extra)
    assert landed["sites"] == len(SITES) and landed["pages_clean_failed"] == 0 and landed["pages_failed"] == 0
    assert landed["documents_cleaned"] == landed["pages_new"] == summary.crawl.counts()["pages_new"] > 0

    # Same documents (cleaned text per URL), mentions, facts and communes as `xaetl run`.
    ours, theirs = DataPaths.at(data), DataPaths.at(tmp_path / "xaetl-run-data")
    assert _texts(ours) == _texts(theirs) and all(_texts(ours).values())
    for table in MARTS:
        got, expected = _content(ours.published, table), _content(theirs.published, table)
        assert got and got == expected, f"{table}: Airflow's published rows differ from `xaetl run`'s"
    counts = pipeline.warehouse_counts(ours)
    assert counts["fct_indicator_mentions"] > 0 and counts["fct_commune_indicators"] > 0
    print(f"real scheduler: Airflow wall {airflow_wall:.0f} s, published {counts}")
