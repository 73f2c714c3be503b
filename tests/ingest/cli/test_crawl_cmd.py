"""`xaetl crawl`: lands the simulator's sites, prints the summary table, exit codes."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.land import CRAWL_RUNS_SCHEMA, land_part
from ingest.paths import DataPaths, raw_key
from ingest.simulator.faults import Fault
from ingest.simulator.server import PortalSimulator
from ingest.site_state import SiteState
from ingest.warehouse.build import dbt_build
from tests.helpers.landing import rows_of

runner = CliRunner(env={"COLUMNS": "200"})  # rich must not wrap the summary lines we look for


def test_crawl_selected_sites_with_a_failing_page_exits_zero(tmp_path: Path):
    with PortalSimulator() as sim:
        registry = sim.write_registry(tmp_path / "registry.yaml", delay_s=0.0)
        site = sim.site("lamdong-loc-quang")
        sim.faults.add(site.prefix + site.article_path(site.articles[0]), Fault("status", code=404))
        result = runner.invoke(
            app,
            [
                "crawl",
                "--registry",
                str(registry),
                "--data-dir",
                str(tmp_path / "data"),
                "--site",
                "lamdong-loc-quang",
                "--site",
                "xuan-phu",
            ],
        )
        n_articles = len(sim.article_urls("lamdong-loc-quang")) + len(sim.article_urls("xuan-phu"))
    assert result.exit_code == 0, result.output
    for col in ("site", "seen", "new", "changed", "unchanged", "failed", "requests"):
        assert col in result.output
    assert "lamdong-loc-quang" in result.output and "phutan-news" not in result.output
    assert "1 page(s) failed" in result.output
    paths = DataPaths.at(tmp_path / "data")
    assert len(rows_of(paths, "pages")) == n_articles - 1
    assert [e["error_class"] for e in rows_of(paths, "fetch_errors")] == ["http_4xx"]
    assert sorted(r["site_id"] for r in rows_of(paths, "crawl_runs")) == [
        "lamdong-loc-quang",
        "xuan-phu",
    ]


def test_bad_registry_is_a_clear_error(tmp_path: Path):
    bad = tmp_path / "registry.yaml"
    bad.write_text("sites:\n  - id: Bad Id\n    commune: X\n", encoding="utf-8")
    result = runner.invoke(app, ["crawl", "--registry", str(bad), "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 2
    assert "bad registry" in result.output and "[a-z0-9-]+" in result.output
    assert not (tmp_path / "d").exists()


def test_unknown_site_id(tmp_path: Path):
    with PortalSimulator() as sim:
        registry = sim.write_registry(tmp_path / "registry.yaml")
    result = runner.invoke(
        app, ["crawl", "--registry", str(registry), "--data-dir", str(tmp_path / "d"), "--site", "nowhere"]
    )
    assert result.exit_code == 2 and "unknown site id(s): nowhere" in result.output


def test_missing_registry_file(tmp_path: Path):
    result = runner.invoke(
        app, ["crawl", "--registry", str(tmp_path / "nope.yaml"), "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 2


@pytest.mark.slow  # two crawls and a dbt build
def test_the_raw_audit_figures_reach_the_summary_the_crawl_runs_row_and_the_warehouse(tmp_path: Path):
    """`raw_audited` / `raw_lost` in the summary table and the crawl_runs row; a crawl_runs part
    written before those columns existed still reads (null), in landing and in fct_site_crawls."""
    site_id = "lamdong-loc-quang"
    data = tmp_path / "data"
    paths = DataPaths.at(data)
    with PortalSimulator() as sim:
        registry = sim.write_registry(tmp_path / "registry.yaml", delay_s=0.0)
        args = ["crawl", "--registry", str(registry), "--data-dir", str(data), "--site", site_id]
        first = runner.invoke(app, args)
        assert first.exit_code == 0, first.output
        state = SiteState.load(paths.store, site_id)
        known = len(state.urls)
        lost = sorted(st.latest_sha for st in state.urls.values() if st.latest_sha)[0]
        paths.store.delete(raw_key(lost))
        second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert "raw checked" in second.output and "raw lost" in second.output
    [row] = [line.split("│") for line in second.output.splitlines() if site_id in line]
    assert [c.strip() for c in row[-3:-1]] == [str(known), "1"], second.output  # every known URL, on disk
    assert "1 landed page(s) had lost their raw HTML: refetched without validators" in second.output
    assert paths.store.exists(raw_key(lost))

    # a part landed before the columns were added (the schema of then), on an earlier night
    old_schema = pa.schema([f for f in CRAWL_RUNS_SCHEMA if not f.name.startswith("raw_")])
    old = {"run_id": "20250101T010000Z-oldold", "site_id": site_id, "pages_seen": 0, "pages_new": 0}
    land_part(
        paths.store,
        "crawl_runs",
        old_schema,
        [old],
        crawl_date="2025-01-01",
        site_id=site_id,
        name=old["run_id"],
    )
    runs = {r["run_id"]: r for r in rows_of(paths, "crawl_runs")}
    assert len(runs) == 3
    assert (runs[old["run_id"]]["raw_audited"], runs[old["run_id"]]["raw_lost"]) == (None, None)
    newest = max((r for k, r in runs.items() if k != old["run_id"]), key=lambda r: r["started_at"])["run_id"]
    assert (runs[newest]["raw_audited"], runs[newest]["raw_lost"]) == (known, 1)

    built = dbt_build(paths, select="+fct_site_crawls", quiet=True)
    assert built.ok, built.message
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        got = dict(
            (r[0], r[1:])
            for r in con.execute("select run_id, n_raw_audited, n_raw_lost from fct_site_crawls").fetchall()
        )
    assert got[old["run_id"]] == (None, None) and got[newest] == (known, 1)
    assert len(got) == 3
