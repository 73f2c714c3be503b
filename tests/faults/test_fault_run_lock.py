"""Fault suite, item 2: one run per data directory. A second `xaetl run`/`crawl`/`reclean` is refused
in one line with exit 75; kill -9 frees the directory at once; the tasks of one DAG run share the
lock while other runs wait; and two runs forced to overlap on landing (the lock bypassed) leave no
duplicate and no check that fails for ever."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hostile import HostileRequest, HostileServer, Route, answer, report_page, report_site
from typer.testing import CliRunner

from ingest.cli import exits
from ingest.cli.main import app
from ingest.land import PAGES_SCHEMA, read_site_rows
from ingest.paths import REPO_ROOT, DataPaths
from ingest.storage import Store
from tests.helpers.airflow_env import DAGS, airflow_env

runner = CliRunner()
XAETL = [str(Path(sys.executable).with_name("xaetl"))]  # the installed command, as operators run it
ARTICLES = 3


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as srv:
        yield srv


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*XAETL, *args], capture_output=True, text=True, timeout=timeout, cwd=REPO_ROOT)


def _refused(proc: subprocess.CompletedProcess[str], holder: str) -> None:
    """Exit 75 and one line on stderr naming the holder."""
    assert proc.returncode == exits.BUSY, (proc.returncode, proc.stdout[-2000:], proc.stderr[-2000:])
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert "is in use by" in lines[0] and holder in lines[0], lines[0]
    assert "Traceback" not in proc.stdout + proc.stderr


@pytest.mark.slow
def test_a_second_runner_is_refused_in_one_line_and_kill_9_frees_the_directory(server, tmp_path):
    release = threading.Event()

    def slow(req: HostileRequest) -> None:  # keeps the first run inside its crawl
        release.wait(60)
        answer(body=report_page(0))(req)

    registry, data = report_site(tmp_path, server, ARTICLES), tmp_path / "data"
    server.routes["/tin-tuc/bao-cao-0.html"] = slow
    first = subprocess.Popen(
        [*XAETL, "run", "--registry", str(registry), "--data-dir", str(data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO_ROOT,
        start_new_session=True,  # its cleaning workers too, for the clean-up below
    )
    try:
        deadline = time.monotonic() + 60
        while not server.count("/tin-tuc/bao-cao-0.html") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server.count("/tin-tuc/bao-cao-0.html"), "the first run never reached its crawl"
        holder = f"pid {first.pid} on"
        _refused(_cli("run", "--registry", str(registry), "--data-dir", str(data)), holder)
        _refused(_cli("crawl", "--registry", str(registry), "--data-dir", str(data)), holder)
        _refused(_cli("reclean", "--data-dir", str(data)), holder)

        first.send_signal(signal.SIGKILL)  # the main process only: its workers hold no lock
        first.wait(timeout=10)
        release.set()
        started = time.monotonic()
        result = runner.invoke(app, ["run", "--registry", str(registry), "--data-dir", str(data)])
        assert result.exit_code == exits.OK, result.output[-3000:]
        assert "published" in result.output and "in use" not in result.output
        assert time.monotonic() - started < 300
    finally:
        release.set()
        if first.poll() is None:
            first.kill()
        first.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(first.pid, signal.SIGKILL)


# Crawls into a data directory without taking its run lock: the lock bypassed, as the test needs.
UNLOCKED_CRAWL = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from ingest.paths import DataPaths
    from ingest.pipeline import crawl
    from ingest.sites import load_registry
    paths = DataPaths.at(sys.argv[3], sys.argv[5]).ensure()
    result = crawl(load_registry(sys.argv[2]), paths, run_id=sys.argv[4])
    print("NEW", result.counts()["pages_new"], flush=True)
    """
)


@pytest.mark.slow
def test_runs_forced_to_overlap_on_landing_leave_no_duplicates_and_later_runs_pass(
    server, tmp_path, store_url
):
    """On a local store and on S3: the settle step's mutex is a flock there, a lease here."""

    def together(body: bytes) -> Route:  # answers once both crawls asked: both see the page as new
        def route(req: HostileRequest) -> None:
            deadline = time.monotonic() + 20
            while server.count(req.path) < 2 and time.monotonic() < deadline:
                time.sleep(0.02)
            answer(body=body)(req)

        return route

    registry, data = report_site(tmp_path, server, ARTICLES, route=together), tmp_path / "data"
    crawls = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                UNLOCKED_CRAWL,
                str(REPO_ROOT),
                str(registry),
                str(data),
                run_id,
                store_url,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for run_id in ("20260101T010000Z-aaaaaa", "20260101T010000Z-bbbbbb")
    ]
    outputs = [c.communicate(timeout=240) for c in crawls]
    for crawl, (out, err) in zip(crawls, outputs, strict=True):
        assert crawl.returncode == 0, err[-3000:]
        assert f"NEW {ARTICLES}" in out, (out, err[-2000:])  # both fetched every page as new
    assert all(server.count(f"/tin-tuc/bao-cao-{n}.html") == 2 for n in range(ARTICLES))

    pages = read_site_rows(
        Store.at(store_url), "pages", "hostile", PAGES_SCHEMA, ["url", "content_sha256", "change"]
    )
    assert len(pages) == 2 * ARTICLES  # both runs landed a row per page
    fresh = [(p["url"], p["content_sha256"]) for p in pages if p["change"] in ("new", "changed")]
    assert len(fresh) == len(set(fresh)) == ARTICLES  # landed once as new; the replay as unchanged

    for night in range(2):  # the next run, and the one after, pass every check and publish
        args = ["run", "--registry", str(registry), "--data-dir", str(data), "--store", store_url]
        result = runner.invoke(app, args)
        assert result.exit_code == exits.OK, (night, result.output[-3000:])
        assert "FAILED" not in result.output
    with duckdb.connect(str(DataPaths.at(data).published), read_only=True) as con:
        documents, urls = con.execute("select count(*), count(distinct url) from dim_document").fetchone()
        key = 'document_id, start, "end", indicator'
        mentions, distinct = con.execute(
            f"select count(*), count(distinct ({key})) from fct_indicator_mentions"
        ).fetchone()
    assert documents == urls == ARTICLES
    assert mentions == distinct >= ARTICLES


# The run lock as the DAG tasks take it (dags/xaetl_common.py), in a process of its own.
DAG_TASK = textwrap.dedent(
    """
    import sys
    sys.path[:0] = [sys.argv[1], sys.argv[2]]
    import xaetl_common as common
    from ingest.runlock import RunLocked
    mode, run_id = sys.argv[3], sys.argv[4]
    common.LOCK_WAIT_S = 1.0
    if mode == "hold":
        with common.holding_run_lock(run_id) as paths:
            print("held", paths.root, flush=True)
            sys.stdin.read()
    elif mode == "try":
        try:
            with common.holding_run_lock(run_id):
                print("held", flush=True)
        except RunLocked as exc:
            print("locked:", exc, flush=True)
    else:
        common.end_run_lock(run_id)
        print("ended", flush=True)
    """
)


@pytest.mark.slow  # five Airflow imports
def test_tasks_of_one_dag_run_share_the_lock_and_other_runs_wait_then_are_refused(server, tmp_path):
    registry, data = report_site(tmp_path, server, ARTICLES), tmp_path / "data"
    env = airflow_env(tmp_path / "airflow", registry, data)

    def task(mode: str, run_id: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-c", DAG_TASK, str(REPO_ROOT), str(DAGS), mode, run_id],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )

    nightly = "20260601T180000Z-night1"
    crawl_tasks = [task("hold", nightly) for _ in range(2)]  # two mapped crawl tasks, two sites
    try:
        for t in crawl_tasks:
            assert t.stdout is not None
            line = t.stdout.readline()
            assert line.startswith("held"), (line, t.stderr.read() if t.stderr else "")
        out, _ = task("try", "20260601T181500Z-wareh1").communicate(timeout=120)
        assert out.startswith("locked:") and nightly in out  # the warehouse DAG run waited, then failed
        _refused(_cli("crawl", "--registry", str(registry), "--data-dir", str(data)), nightly)
    finally:
        for t in crawl_tasks:
            t.communicate(input="", timeout=60)  # the tasks end
    # Between the run's tasks its lease still holds the directory ...
    proc = _cli("run", "--registry", str(registry), "--data-dir", str(data))
    _refused(proc, nightly)
    assert "lease frees the directory at" in proc.stderr
    # ... until the run's last task ends its claim.
    out, err = task("end", nightly).communicate(timeout=120)
    assert out.strip() == "ended", err[-2000:]
    proc = _cli("crawl", "--registry", str(registry), "--data-dir", str(data))
    assert proc.returncode == exits.OK, proc.stderr[-2000:]
