"""`xaetl run`: a failing page is recorded and the run still completes; the next run recovers it;
a hollow build (every text empty) is refused and the last good warehouse stays published."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest
from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.land import DOCUMENTS_SCHEMA, land_part
from ingest.paths import DataPaths
from ingest.simulator.faults import Fault
from tests.helpers.landing import rows_of

pytestmark = pytest.mark.slow  # three whole runs: crawl, dbt build, checks, publish

runner = CliRunner()


def _published_urls(data_dir: Path) -> set[str]:
    with duckdb.connect(str(data_dir / "published" / "warehouse.duckdb"), read_only=True) as con:
        return {row[0] for row in con.execute("select url from dim_document").fetchall()}


def test_run_survives_a_failing_page_recovers_it_next_night_and_refuses_a_hollow_build(
    simulator, tmp_path: Path
) -> None:
    registry = simulator.write_registry(tmp_path / "sites.yaml", site_ids=["xuan-phu", "loc-quang"])
    broken = simulator.article_urls("xuan-phu")[0]
    simulator.faults.add(urlsplit(broken).path, Fault("status", code=500))
    data_dir = tmp_path / "data"
    args = ["run", "--registry", str(registry), "--data-dir", str(data_dir)]

    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output  # completed although a page failed
    assert "error" in first.output and "xuan-phu" in first.output
    errors = duckdb.sql(
        f"select url, error_class from read_parquet('{data_dir}/landing/fetch_errors/*/*/*.parquet')"
    ).fetchall()
    assert (broken, "http_5xx") in errors
    assert broken not in _published_urls(data_dir)
    assert _published_urls(data_dir)  # the other pages were built and published

    simulator.faults.clear()
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert broken in _published_urls(data_dir)

    # Third night: a broken cleaner re-landed every document with empty text (what the Airflow
    # cleaning bug did). The checks refuse the build, naming the check and what they saw, and
    # analysts keep the last good warehouse.
    paths = DataPaths.at(data_dir)
    published = paths.published.read_bytes()
    docs = rows_of(paths, "documents")
    hollow = [
        {**d, "clean_version": "9-hollow", "text": "", "text_sha256": hashlib.sha256(b"").hexdigest(),
         "cleaned_at": datetime.now(UTC)}
        for d in docs
    ]  # fmt: skip
    for site_id in {d["site_id"] for d in hollow}:
        mine = [d for d in hollow if d["site_id"] == site_id]
        night = f"{datetime.now(UTC):%Y-%m-%d}"
        where = {"crawl_date": night, "site_id": site_id, "clean_version": "9-hollow"}
        land_part(paths.store, "documents", DOCUMENTS_SCHEMA, mine, name="hollow", **where)
    third = runner.invoke(app, args, env={"COLUMNS": "400"})
    assert third.exit_code == 1, third.output
    n = len({d["content_sha256"] for d in docs})
    assert "documents with empty text at most 5% of documents" in third.output
    assert f"{n} of {n} documents have empty text" in third.output
    assert "the warehouse has facts" in third.output
    assert paths.published.read_bytes() == published
