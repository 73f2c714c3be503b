"""Fault suite, item 6: a site that could not be crawled, or a stage that could not write, gives a
non-zero exit and is listed in the summary; the other sites still land and publish (exit 3), and
nothing is published when no site could be crawled (exit 1). The tests run as root, for whom
permission bits do not stop a write: a file where a directory must be, or a file size limit,
makes the write fail instead."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import yaml
from hostile import HostileServer, answer
from typer.testing import CliRunner

from ingest.cli import exits
from ingest.cli.main import app
from ingest.paths import DataPaths

runner = CliRunner()
SITES = {"xuan-phu": ("Xuân Phú", "4.271"), "loc-quang": ("Lộc Quang", "3.980")}


def _article(site_id: str, extra: str = "") -> bytes:
    commune, total = SITES[site_id]
    return (
        f"<html><head><title>Báo cáo xã {commune}</title></head><body><article><h1>Báo cáo xã {commune}</h1>"
        f"<p>Năm 2025, thu ngân sách xã {commune} đạt {total} triệu đồng, bằng 105% dự toán.{extra}</p>"
        "<p>Tổng sản lượng lương thực năm 2025 đạt 5.210 tấn. Thu nhập bình quân đầu người đạt 52 triệu đồng."
        " Tỷ lệ hộ nghèo giảm còn 2,1%.</p>"
        "</article></body></html>"
    ).encode()


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as srv:
        srv.routes["/robots.txt"] = answer(404, b"")
        yield srv


def _serve(server: HostileServer, bodies: dict[str, bytes]) -> None:
    for site_id, body in bodies.items():
        server.routes[f"/{site_id}/danh-sach"] = answer(
            body=f'<html><body><a href="/{site_id}/tin-tuc/bao-cao.html">Báo cáo</a></body></html>'.encode()
        )
        server.routes[f"/{site_id}/tin-tuc/bao-cao.html"] = answer(body=body)


def _registry(tmp_path: Path, server: HostileServer) -> Path:
    entries = [
        {
            "id": site_id,
            "commune": commune,
            "province": "Thanh Hóa",
            "family": "generic",
            "base_url": f"{server.base}/{site_id}",
            "listing_urls": ["/danh-sach"],
            "delay_s": 0,
            "allow_networks": ["127.0.0.1/32"],
        }
        for site_id, (commune, _) in SITES.items()
    ]
    path = tmp_path / "registry.yaml"
    path.write_text(yaml.safe_dump({"sites": entries}, allow_unicode=True), encoding="utf-8")
    return path


def _invoke(command: str, registry: Path, data: Path) -> tuple[int, str]:
    result = runner.invoke(app, [command, "--registry", str(registry), "--data-dir", str(data)])
    assert "Traceback" not in result.output, result.output[-3000:]
    return result.exit_code, " ".join(result.output.split())  # rich wraps long lines


def _block_raw(paths: DataPaths, shards: list[str]) -> list[Path]:
    """Files where the raw store's shard directories must be: raw HTML there cannot be stored."""
    blocked = [paths.raw / shard for shard in shards]
    for path in blocked:
        path.write_text("not a directory")
    return blocked


def test_sites_that_cannot_be_crawled_fail_run_and_crawl_and_are_listed(server, tmp_path):
    _serve(server, {s: _article(s) for s in SITES})
    registry, data = _registry(tmp_path, server), tmp_path / "data"
    paths = DataPaths.at(data).ensure()
    _block_raw(paths, [f"{n:02x}" for n in range(256)])  # no raw file can be written

    code, out = _invoke("crawl", registry, data)
    assert code == exits.FAILED, out
    assert "2 site(s) NOT CRAWLED" in out and "xuan-phu (crawl aborted" in out and "loc-quang" in out

    code, out = _invoke("run", registry, data)
    assert code == exits.FAILED, out
    for site_id in SITES:
        assert f"NOT CRAWLED {site_id}: crawl aborted:" in out
    assert "FAILED: no site could be crawled" in out
    assert not paths.published.exists() and not paths.warehouse.exists()  # nothing built, nothing published


# `xaetl run` in a process whose writes beyond 0 bytes fail (a full disk for every file).
FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
from ingest.cli.main import app
sys.argv = ["xaetl", "run", "--registry", sys.argv[1], "--data-dir", sys.argv[2]]
app()
"""


def test_a_data_directory_that_cannot_be_written_is_one_line_and_exit_1(server, tmp_path):
    _serve(server, {s: _article(s) for s in SITES})
    registry, data = _registry(tmp_path, server), tmp_path / "data"
    proc = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(registry), str(data)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == exits.FAILED, (proc.stdout[-2000:], proc.stderr[-2000:])
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: cannot write the data directory"), proc.stderr
    assert "File too large" in lines[0]


def _shard_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:2]


@pytest.mark.slow
def test_a_site_whose_raw_store_fails_is_listed_exit_3_and_the_next_run_lands_it(server, tmp_path):
    bodies = {s: _article(s) for s in SITES}
    n = 0
    while _shard_of(bodies["loc-quang"]) == _shard_of(bodies["xuan-phu"]):  # distinct raw shards
        n += 1
        bodies["loc-quang"] = _article("loc-quang", " " * n)
    _serve(server, bodies)
    registry, data = _registry(tmp_path, server), tmp_path / "data"
    paths = DataPaths.at(data).ensure()
    (blocked,) = _block_raw(paths, [_shard_of(bodies["loc-quang"])])  # loc-quang's raw HTML cannot be stored

    code, out = _invoke("run", registry, data)
    assert code == exits.INCOMPLETE, out
    assert "NOT CRAWLED loc-quang: crawl aborted:" in out and "NOT CRAWLED xuan-phu" not in out
    assert "INCOMPLETE 1 site(s) not crawled" in out and "published" in out
    with duckdb.connect(str(paths.published), read_only=True) as con:
        assert con.execute("select site_id from dim_document").fetchall() == [("xuan-phu",)]

    code, out = _invoke("crawl", registry, data)  # still blocked: the crawl says so too
    assert code == exits.INCOMPLETE, out
    assert "1 site(s) NOT CRAWLED: loc-quang (crawl aborted" in out

    blocked.unlink()
    code, out = _invoke("run", registry, data)
    assert code == exits.OK, out
    assert "NOT CRAWLED" not in out
    with duckdb.connect(str(paths.published), read_only=True) as con:
        sites = con.execute("select site_id from dim_document order by site_id").fetchall()
    assert sites == [("loc-quang",), ("xuan-phu",)]


# The nightly DAG's crawl task, then its check of the DAG run, called as their callables in a
# process of their own.
CRAWL_TASK = """
import sys
from datetime import UTC, datetime
from types import SimpleNamespace
sys.path.insert(0, sys.argv[1])
from airflow.dag_processing.dagbag import DagBag
dag = DagBag(dag_folder=sys.argv[1]).dags["xaetl_nightly"]
crawl_batch = dag.get_task("crawl_batch").python_callable
check = dag.get_task("check_all_sites_crawled").python_callable
when = datetime(2026, 6, 1, tzinfo=UTC)
run = SimpleNamespace(dag_id="xaetl_nightly", run_id="manual__fault1", logical_date=when)
context = {"params": {"max_pages": None}, "dag_run": run}
for f in (crawl_batch, check):
    f.__globals__["get_current_context"] = lambda: context
sites = sys.argv[2].split(",")
result = crawl_batch(site_ids=sites, crawl_run="20260601T180000Z-fault1")
print("NOT CRAWLED", ",".join(result["not_crawled"]), flush=True)
try:
    check(results=[result], site_ids=sites)
except Exception as exc:
    print("FAILED", type(exc).__name__, exc, flush=True)
else:
    print("SUCCEEDED", flush=True)
"""


@pytest.mark.slow  # an Airflow import
def test_the_dag_run_of_a_batch_with_a_site_that_cannot_be_crawled_fails_naming_it(server, tmp_path):
    from tests.helpers.airflow_env import DAGS, airflow_env

    bodies = {s: _article(s) for s in SITES}
    while _shard_of(bodies["loc-quang"]) == _shard_of(bodies["xuan-phu"]):  # distinct raw shards
        bodies["loc-quang"] += b" "
    _serve(server, bodies)
    registry, data = _registry(tmp_path, server), tmp_path / "data"
    _block_raw(DataPaths.at(data).ensure(), [_shard_of(bodies["loc-quang"])])
    proc = subprocess.run(
        [sys.executable, "-c", CRAWL_TASK, str(DAGS), ",".join(SITES)],
        env=airflow_env(tmp_path / "airflow", registry, data),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "NOT CRAWLED loc-quang\n" in proc.stdout, (proc.stdout, proc.stderr[-3000:])
    assert "FAILED AirflowFailException 1 site(s) not crawled: loc-quang" in proc.stdout, proc.stderr[-3000:]
    with duckdb.connect() as con:  # the batch's other site landed all the same
        landed = con.execute(
            f"select distinct site_id from read_parquet('{data}/landing/pages/*/*/part-*.parquet')"
        ).fetchall()
    assert landed == [("xuan-phu",)]
