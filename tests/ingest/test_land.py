"""Landing integrity: a crawl killed with SIGKILL mid-run and re-run loses nothing, duplicates nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ingest.land import FETCH_ERRORS_SCHEMA, land_part, read_site_rows
from ingest.paths import DataPaths, raw_key
from ingest.simulator.server import PortalSimulator
from ingest.site_state import RUN_DEAD_AFTER
from ingest.storage import Store
from tests.helpers.landing import part_keys, rows_of

REPO = Path(__file__).resolve().parents[2]
CRAWL_SCRIPT = """
import sys
from datetime import datetime
from ingest.crawl import crawl_sites
from ingest.crawl_config import CrawlConfig
from ingest.paths import DataPaths
from ingest.sites import load_registry
registry, data_dir, run_id, *now = sys.argv[1:]
crawl_sites(
    load_registry(registry), DataPaths.at(data_dir), run_id=run_id, crawl=CrawlConfig(flush_every=4),
    now=datetime.fromisoformat(now[0]) if now else None,
)
"""
N_SITES, N_ARTICLES = 2, 24


@pytest.fixture
def synthetic() -> Iterator[PortalSimulator]:
    with PortalSimulator.synthetic(n_sites=N_SITES, articles_per_site=N_ARTICLES) as sim:
        # Byte-stable pages, so that "one raw file per landed version" is exact: with a live
        # visitor counter, a page fetched by the killed run but never landed leaves a raw file
        # that its refetch (new bytes) does not reuse — storage only, never a version or a row.
        for site in sim.sites:
            site.live_counter = False
        yield sim


def _crawl_proc(registry: Path, data: Path, run_id: str, now: datetime | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            CRAWL_SCRIPT,
            str(registry),
            str(data),
            run_id,
            *([now.isoformat()] if now else []),
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _page_rows(paths: DataPaths) -> list[dict]:
    return rows_of(paths, "pages")


def test_sigkill_mid_crawl_then_rerun_loses_and_duplicates_nothing(synthetic, tmp_path):
    registry = synthetic.write_registry(tmp_path / "registry.yaml", delay_s=0.05)
    paths = DataPaths.at(tmp_path / "data")
    expected = {u for s in synthetic.sites for u in synthetic.article_urls(s.id)}
    assert len(expected) == N_SITES * N_ARTICLES

    proc = _crawl_proc(registry, paths.root, "20250701T010000Z-killed")
    deadline = time.monotonic() + 60
    while len(part_keys(paths, "pages")) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=10) == -signal.SIGKILL

    landed_before = {r["url"] for r in _page_rows(paths)}
    assert 0 < len(landed_before) < len(expected)  # killed for real, mid-way
    assert rows_of(paths, "crawl_runs") == []
    for key in part_keys(paths, "pages"):  # every part that exists is a whole, readable file
        assert paths.store.read_parquet(key).num_rows > 0

    # An Airflow-style retry of the same run id, then a later nightly run from the command line.
    retry = _crawl_proc(registry, paths.root, "20250701T010000Z-killed")
    assert retry.wait(timeout=120) == 0, retry.stderr.read().decode() if retry.stderr else ""
    rows = _page_rows(paths)
    assert {r["url"] for r in rows} == expected
    assert Counter(r["url"] for r in rows) == Counter(expected)  # one row per URL in that run
    assert {r["change"] for r in rows} == {"new"} and {r["version"] for r in rows} == {1}
    for r in rows:
        assert paths.store.exists(raw_key(r["content_sha256"]))

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
    assert later == []  # minutes later nothing is due and nothing is new: nothing refetched
    runs = [r for r in rows_of(paths, "crawl_runs") if r["run_id"] != "20250701T010000Z-killed"]
    assert len(runs) == N_SITES and all(r["pages_seen"] == 0 and r["requests"] > 0 for r in runs)
    versions = {(r["url"], r["content_sha256"]) for r in rows}
    assert len(versions) == len(expected)
    assert len(paths.store.files("raw", suffix=".html.gz")) == len({r["content_sha256"] for r in rows})


def test_sigkill_then_new_run_id_refetches_only_the_lost_batch(synthetic, tmp_path):
    registry = synthetic.write_registry(tmp_path / "registry.yaml", delay_s=0.05)
    paths = DataPaths.at(tmp_path / "data")
    expected = {u for s in synthetic.sites for u in synthetic.article_urls(s.id)}
    proc = _crawl_proc(registry, paths.root, "20250701T010000Z-first")
    deadline = time.monotonic() + 60
    while len(part_keys(paths, "pages")) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    landed_before = {r["url"] for r in _page_rows(paths)}
    assert 0 < len(landed_before) < len(expected)

    # The killed run landed no crawl_runs row: a run minutes later cannot tell it from one still
    # landing (the run lock bypassed) and would leave its rows; once it is dead (RUN_DEAD_AFTER
    # without a row of it), the next run folds them and fetches only what the kill lost.
    later = datetime.now(UTC) + RUN_DEAD_AFTER + timedelta(minutes=1)  # not yet due for a revisit
    rerun = _crawl_proc(registry, paths.root, "20250702T010000Z-second", now=later)
    assert rerun.wait(timeout=120) == 0, rerun.stderr.read().decode() if rerun.stderr else ""
    rows = _page_rows(paths)
    second = [r for r in rows if r["run_id"] == "20250702T010000Z-second"]
    assert {r["url"] for r in second if r["change"] == "new"} == expected - landed_before
    assert not {r["url"] for r in second} & landed_before  # folded from landing: not fetched again
    assert Counter(r["url"] for r in rows if r["change"] == "new") == Counter(expected)


def test_old_parts_without_new_columns_still_read(tmp_path):
    # Parts written before `kind` existed read that column as null.
    store = Store.at(tmp_path)
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
    land_part(store, "fetch_errors", old_schema, [row], crawl_date="2025-01-01", site_id="s", name="old")
    [got] = read_site_rows(store, "fetch_errors", "s", FETCH_ERRORS_SCHEMA, ["url", "error_class", "kind"])
    assert (got["error_class"], got["kind"], got["_night"]) == ("timeout", None, "2025-01-01")
