"""`xaetl run`: a failing page is recorded and the run still completes; the next run recovers it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest
from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.simulator.faults import Fault

pytestmark = pytest.mark.slow  # two whole runs: crawl, dbt build, checks, publish

runner = CliRunner()


def _published_urls(data_dir: Path) -> set[str]:
    with duckdb.connect(str(data_dir / "published" / "warehouse.duckdb"), read_only=True) as con:
        return {row[0] for row in con.execute("select url from dim_document").fetchall()}


def test_run_survives_a_failing_page_and_recovers_it_next_night(simulator, tmp_path: Path) -> None:
    registry = simulator.write_registry(tmp_path / "sites.yaml", site_ids=["xuan-phu", "loc-quang"])
    broken = simulator.article_urls("xuan-phu")[0]
    simulator.faults.add(urlsplit(broken).path, Fault("status", code=500))
    data_dir = tmp_path / "data"
    args = ["run", "--registry", str(registry), "--data-dir", str(data_dir)]

    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output  # completed although a page failed
    assert "error" in first.output and "xuan-phu" in first.output
    errors = duckdb.sql(
        f"select url, error_class from read_parquet('{data_dir}/landing/fetch_errors/**/*.parquet')"
    ).fetchall()
    assert (broken, "http_5xx") in errors
    assert broken not in _published_urls(data_dir)
    assert _published_urls(data_dir)  # the other pages were built and published

    simulator.faults.clear()
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert broken in _published_urls(data_dir)
