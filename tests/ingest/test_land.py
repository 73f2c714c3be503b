"""Landing integrity: a crawl killed with SIGKILL mid-run and re-run loses nothing, duplicates nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ingest.land import (
    CRAWL_RUNS_SCHEMA,
    FETCH_ERRORS_SCHEMA,
    PAGES_SCHEMA,
    parts,
    raw_path,
    read_parts,
    write_part,
)
from ingest.paths import DataPaths
from ingest.simulator.server import PortalSimulator

REPO = Path(__file__).resolve().parents[2]
CRAWL_SCRIPT = """
import sys
from ingest.crawl import crawl_sites
from ingest.fetch import FetchConfig
from ingest.paths import DataPaths
from ingest.sites import load_registry
registry, data_dir, run_id = sys.argv[1:4]
crawl_sites(load_registry(registry), DataPaths.at(data_dir), run_id=run_id, config=FetchConfig(flush_every=4))
"""
N_SITES, N_ARTICLES = 2, 24


@pytest.fixture
def synthetic() -> Iterator[PortalSimulator]:
    with PortalSimulator.synthetic(n_sites=N_SITES, articles_per_site=N_ARTICLES) as sim:
        yield sim


def _crawl_proc(registry: Path, data: Path, run_id: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CRAWL_SCRIPT, str(registry), str(data), run_id],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _page_rows(paths: DataPaths) -> list[dict]:
    return read_parts(paths.pages, PAGES_SCHEMA).to_pylist()


def test_sigkill_mid_crawl_then_rerun_loses_and_duplicates_nothing(synthetic, tmp_path):
    registry = synthetic.write_registry(tmp_path / "registry.yaml", delay_s=0.05)
    paths = DataPaths.at(tmp_path / "data")
    expected = {u for s in synthetic.sites for u in synthetic.article_urls(s.id)}
    assert len(expected) == N_SITES * N_ARTICLES

    proc = _crawl_proc(registry, paths.root, "20250701T010000Z-killed")
    deadline = time.monotonic() + 60
    while len(parts(paths.pages)) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=10) == -signal.SIGKILL

    landed_before = {r["url"] for r in _page_rows(paths)}
    assert 0 < len(landed_before) < len(expected)  # killed for real, mid-way
    assert read_parts(paths.crawl_runs, CRAWL_RUNS_SCHEMA).num_rows == 0
    for p in parts(paths.pages):  # every part that exists is a whole, readable file
        assert pq.read_table(p).num_rows > 0

    # An Airflow-style retry of the same run id, then a later nightly run from the command line.
    retry = _crawl_proc(registry, paths.root, "20250701T010000Z-killed")
    assert retry.wait(timeout=120) == 0, retry.stderr.read().decode() if retry.stderr else ""
    rows = _page_rows(paths)
    assert {r["url"] for r in rows} == expected
    assert Counter(r["url"] for r in rows) == Counter(expected)  # one row per URL in that run
    assert {r["change"] for r in rows} == {"new"} and {r["version"] for r in rows} == {1}
    for r in rows:
        assert raw_path(paths, r["content_sha256"]).exists()

    cli = subprocess.run(
        [
            str(Path(sys.executable).with_name("xaetl")),
            "crawl",
            "--registry",
            str(registry),
            "--data-dir",
            str(paths.root),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert cli.returncode == 0, cli.stderr
    rows = _page_rows(paths)
    later = [r for r in rows if r["run_id"] != "20250701T010000Z-killed"]
    assert {r["url"] for r in later} == expected
    assert {r["change"] for r in later} == {"not_modified"}  # nothing new, nothing duplicated
    versions = {(r["url"], r["content_sha256"]) for r in rows}
    assert len(versions) == len(expected)
    assert len(list(paths.raw.rglob("*.html.gz"))) == len({r["content_sha256"] for r in rows})


def test_sigkill_then_new_run_id_refetches_only_the_lost_batch(synthetic, tmp_path):
    registry = synthetic.write_registry(tmp_path / "registry.yaml", delay_s=0.05)
    paths = DataPaths.at(tmp_path / "data")
    expected = {u for s in synthetic.sites for u in synthetic.article_urls(s.id)}
    proc = _crawl_proc(registry, paths.root, "20250701T010000Z-first")
    deadline = time.monotonic() + 60
    while len(parts(paths.pages)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    landed_before = {r["url"] for r in _page_rows(paths)}
    assert 0 < len(landed_before) < len(expected)

    rerun = _crawl_proc(registry, paths.root, "20250702T010000Z-second")
    assert rerun.wait(timeout=120) == 0
    rows = _page_rows(paths)
    second = [r for r in rows if r["run_id"] == "20250702T010000Z-second"]
    assert {r["url"] for r in second if r["change"] == "new"} == expected - landed_before
    assert {r["url"] for r in second if r["change"] == "not_modified"} == landed_before
    assert Counter(r["url"] for r in rows if r["change"] == "new") == Counter(expected)


def test_old_parts_without_new_columns_still_read(tmp_path):
    # Parts written before `kind` / `documents_cleaned` existed read those columns as null.
    old_schema = FETCH_ERRORS_SCHEMA.remove(FETCH_ERRORS_SCHEMA.get_field_index("kind"))
    row = {
        "run_id": "r",
        "site_id": "s",
        "url": "http://x/a",
        "error_class": "timeout",
        "message": "m",
        "status": None,
        "attempt": 1,
        "occurred_at": None,
    }
    write_part(tmp_path, old_schema, [row], partition={"crawl_date": "2025-01-01"}, name="old")
    table = read_parts(tmp_path, FETCH_ERRORS_SCHEMA)
    assert table.column("kind").to_pylist() == [None]
    assert table.column("error_class").to_pylist() == ["timeout"]
