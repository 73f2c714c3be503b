"""`xaetl crawl`: lands the simulator's sites, prints the summary table, exit codes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.paths import DataPaths
from ingest.simulator.faults import Fault
from ingest.simulator.server import PortalSimulator
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
