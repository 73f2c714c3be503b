"""`dbt_build` / `dbt_docs_generate`: selection, per-data-dir isolation, empty landings."""

from __future__ import annotations

import os
import threading

import duckdb
import pytest

from ingest.paths import DataPaths
from ingest.warehouse.build import BuildResult, dbt_build, target_dir

pytestmark = pytest.mark.slow

MARTS = {
    "dim_commune",
    "dim_indicator",
    "dim_period",
    "dim_term",
    "dim_document",
    "fct_indicator_mentions",
    "fct_commune_indicators",
    "fct_site_crawls",
}


def tables(paths: DataPaths) -> dict[str, int]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        names = [
            r[0]
            for r in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'main'"
            ).fetchall()
        ]
        return {n: con.execute(f"select count(*) from {n}").fetchone()[0] for n in names}


def test_empty_landing_builds_every_mart_empty(tmp_path) -> None:
    """No part file at all (first run, no errors ever): sources are typed empty views."""
    paths = DataPaths.at(tmp_path / "empty")
    result = dbt_build(paths)
    assert result.ok, result.message
    counts = tables(paths)
    assert set(counts) >= MARTS
    assert counts["dim_indicator"] > 50  # the catalogue seed
    assert all(counts[t] == 0 for t in MARTS - {"dim_indicator"})
    assert os.environ.get("XAETL_DATA_DIR") != str(paths.root)  # environment restored


def test_select_one_layer(tmp_path) -> None:
    paths = DataPaths.at(tmp_path / "layer")
    result = dbt_build(paths, select="path:models/staging")
    assert result.ok, result.message
    models = {n.name for n in result.nodes if n.resource_type == "model"}
    assert models and all(name.startswith("stg_landing__") for name in models)
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        views = {
            r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()
        }
    assert "stg_landing__pages" in views and "fct_commune_indicators" not in views
    excluded = dbt_build(paths, select="path:models/staging", exclude="stg_landing__blocks")
    assert excluded.ok and "stg_landing__blocks" not in {n.name for n in excluded.nodes}


def test_concurrent_builds_on_two_data_dirs_do_not_collide(tmp_path) -> None:
    a, b = DataPaths.at(tmp_path / "a"), DataPaths.at(tmp_path / "b")
    results: dict[str, BuildResult] = {}

    def run(name: str, paths: DataPaths) -> None:
        results[name] = dbt_build(paths, select="path:models/staging path:seeds")

    threads = [threading.Thread(target=run, args=(n, p)) for n, p in (("a", a), ("b", b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for name, paths in (("a", a), ("b", b)):
        assert results[name].ok, results[name].message
        assert paths.warehouse.exists()
        assert (target_dir(paths) / "run_results.json").exists()
        assert (paths.logs / "dbt" / "dbt.log").exists()
        assert tables(paths)["indicator_catalogue"] > 50
    assert not (target_dir(a) / "run_results.json").samefile(target_dir(b) / "run_results.json")


def test_failed_build_reports_the_failing_node(tmp_path) -> None:
    paths = DataPaths.at(tmp_path / "bad")
    result = dbt_build(paths, select="no_such_model_anywhere")
    assert result.ok and result.nodes == []  # nothing selected is not a failure
    broken = DataPaths.at(tmp_path / "broken").ensure()
    # a landing part that is not Parquet: the build fails and says where
    bad_part = broken.pages / "crawl_date=2025-07-01" / "site=x" / "part-x.parquet"
    bad_part.parent.mkdir(parents=True, exist_ok=True)
    bad_part.write_text("not parquet")
    failed = dbt_build(broken, select="stg_landing__pages")
    assert not failed.ok
    assert "parquet" in failed.message.lower() or "magic" in failed.message.lower()


def test_source_freshness_of_a_fresh_and_a_stale_landing(tmp_path) -> None:
    from datetime import UTC, datetime, timedelta

    from ingest.warehouse.build import dbt_source_freshness
    from tests.helpers.landing import land, seed_docs

    fresh = DataPaths.at(tmp_path / "fresh")
    land(fresh, seed_docs()[:1], run_id="r-fresh", at=datetime.now(UTC) - timedelta(hours=1))
    result = dbt_source_freshness(fresh)
    assert result.ok, result.message
    assert {n.name for n in result.nodes} >= {"pages", "documents", "sites", "crawl_runs"}
    assert all(n.status == "pass" for n in result.nodes)

    stale = DataPaths.at(tmp_path / "stale")
    land(stale, seed_docs()[:1], run_id="r-stale", at=datetime.now(UTC) - timedelta(days=30))
    old = dbt_source_freshness(stale)
    assert not old.ok and "pages: error" in old.message


def test_parts_older_than_a_declared_column_still_build(tmp_path) -> None:
    """A landing part written before a column existed reads that column as null."""
    import pyarrow as pa

    from ingest.land import PAGES_SCHEMA, land_part

    paths = DataPaths.at(tmp_path / "old").ensure()
    old_schema = pa.schema([f for f in PAGES_SCHEMA if f.name not in ("etag", "content_type")])
    row = {
        "run_id": "r-old",
        "site_id": "xuan-phu",
        "url": "http://127.0.0.1:8765/xuanphu/a.html",
        "status": 200,
        "change": "new",
        "content_sha256": "ab" * 32,
        "version": 1,
    }
    land_part(
        paths.store, "pages", old_schema, [row], crawl_date="2024-01-01", site_id="xuan-phu", name="r-old"
    )
    result = dbt_build(paths, select="stg_landing__pages")
    assert result.ok, result.message
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        got = con.execute("select url, etag, content_type, http_status from stg_landing__pages").fetchall()
    assert got == [(row["url"], None, None, 200)]
