"""`xaetl run` extracts in worker processes inside `dbt build`, and finds what in-process extraction finds."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from ingest.extract.parallel import WORKERS_ENV
from ingest.paths import DataPaths
from ingest.warehouse.build import dbt_build

pytestmark = pytest.mark.slow  # a whole run (crawl, dbt build, checks, publish) and a second build

XAETL = Path(sys.executable).with_name("xaetl")
COLUMNS = (
    "content_sha256, quote, indicator, indicator_id, base_value, base_unit, kind, period, extractor_version"
)


def _mentions(paths: DataPaths) -> list[tuple]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        return con.execute(f"select {COLUMNS} from fct_indicator_mentions order by all").fetchall()


def test_xaetl_run_extracts_in_worker_processes(simulator, tmp_path: Path, monkeypatch) -> None:
    registry = simulator.write_registry(tmp_path / "sites.yaml")
    data_dir = tmp_path / "data"
    env = {**os.environ, WORKERS_ENV: "2"}
    # the console script, as an operator or a scheduler starts it: its own `__main__`, its own process
    run = subprocess.Popen(
        [str(XAETL), "run", "--registry", str(registry), "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    workers: set[int] = set()
    while run.poll() is None:
        workers |= _extraction_workers_of(run.pid)
        time.sleep(0.02)
    output = run.stdout.read() if run.stdout else ""
    assert run.returncode == 0, output[-3000:]
    assert len(workers) == 2, f"extraction workers seen under xaetl run: {workers}"
    paths = DataPaths.at(data_dir)
    parallel = _mentions(paths)
    assert len(parallel) > 100

    monkeypatch.setenv(WORKERS_ENV, "0")
    again = dbt_build(paths, full_refresh=True)
    assert again.ok, again.message
    assert _mentions(paths) == parallel


def _extraction_workers_of(parent: int) -> set[int]:
    """Running `python -m ingest.extract.parallel` processes whose parent is `parent`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            ppid = int((entry / "stat").read_text().rsplit(") ", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
        if ppid == parent and b"ingest.extract.parallel" in cmdline:
            found.add(int(entry.name))
    return found
