"""The quality gate on hand-built warehouses: passes good data, names each bad row's failed check."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from expectations.checkpoint import run_checkpoint
from ingest.paths import DataPaths
from tests.expectations.warehouse_builder import (
    good_data_dir,
    mention_rows,
    page_rows,
    write_build,
    write_pages,
)

pytestmark = pytest.mark.slow  # runs Great Expectations (a few seconds per checkpoint)

BUILD_DATE = date(2025, 6, 2)


def _failure(lines: list[str], *needles: str) -> str:
    """The one failure line that mentions every needle (fails the test when there is none)."""
    hits = [line for line in lines if all(n in line for n in needles)]
    assert hits, f"no failure mentioning {needles} in:\n" + "\n".join(lines)
    return hits[0]


def test_good_build_passes_and_writes_data_docs(tmp_path: Path) -> None:
    paths = good_data_dir(tmp_path)
    result = run_checkpoint(paths, build_date=BUILD_DATE)
    assert result.ok, result.message
    assert result.critical_failures == [] and result.warnings == [] and result.failed == 0
    assert result.passed > 200
    assert result.data_docs == paths.gx / "uncommitted" / "data_docs" / "local_site" / "index.html"
    assert result.data_docs.is_file()
    # localized as built: vendored assets, no CDN, no remote logo carrying the context id
    index = result.data_docs.read_text(encoding="utf-8")
    assert "cdn.jsdelivr" not in index and "dataContextId" not in index
    assert "static/xaetl-vendor/jquery.min.js" in index
    assert (result.data_docs.parent / "static" / "xaetl-vendor" / "jquery.min.js").is_file()
    # the suites are generated from the factories into the data dir's GX project
    suite = json.loads((paths.gx / "expectations" / "fct_indicator_mentions.json").read_text())
    severities = {e["meta"]["severity"] for e in suite["expectations"]}
    assert severities == {"critical", "warning"}
    assert "analytics_enabled: false" in (paths.gx / "great_expectations.yml").read_text()


def test_bad_rows_fail_critical_checks_and_say_why(tmp_path: Path) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    rows = mention_rows()
    rows[2]["base_value"] = 2000.0  # a share (%) above 1000
    rows[1]["plan_pct"] = 25000.0  # plan attainment above 10000 %
    rows[4]["period"] = "2031"  # an achieved figure for a year that has not started
    rows[3]["start"], rows[3]["end"] = 500, 480  # quote ends before it starts
    rows[5]["kind"] = "estimate"
    rows[6]["base_unit"] = "bushels"
    rows[7]["mention_id"] = rows[0]["mention_id"]  # duplicated key
    write_build(paths.warehouse, rows)
    with duckdb.connect(str(paths.warehouse)) as con:
        con.execute("drop table fct_site_crawls")
    pages = page_rows()
    pages[0]["status"] = 404  # an error page landed as an article
    pages[1]["version"] = 0
    pages[2]["content_sha256"] = "not-a-hash"
    dup = dict(pages[0], status=200, run_id="20250602T010000Z-def456", change="changed")
    write_pages(paths, [*pages, dup])

    result = run_checkpoint(paths, build_date=BUILD_DATE, previous_counts={"fct_indicator_mentions": 1000})

    assert not result.ok
    crit = result.critical_failures
    line = _failure(crit, "fct_indicator_mentions", "base_value", "'%'", "max_value=1000")
    assert "1 of " in line and "2000.0" in line
    assert "25000.0" in _failure(crit, "fct_indicator_mentions", "plan_pct within [0, 10000]")
    assert "2031-01-01" in _failure(crit, "fct_indicator_mentions", "actual figures only for periods started")
    assert "(480, 500)" in _failure(crit, "fct_indicator_mentions", "end > start")
    assert "'estimate'" in _failure(crit, "fct_indicator_mentions", "column='kind'")
    assert "'bushels'" in _failure(crit, "fct_indicator_mentions", "column='base_unit'")
    assert "2 of 8" in _failure(
        crit, "fct_indicator_mentions", "expect_column_values_to_be_unique", "mention_id"
    )
    assert "observed 8" in _failure(crit, "fct_indicator_mentions", "1000 rows of the last published build")
    _failure(crit, "fct_site_crawls: table is missing")
    assert "404" in _failure(crit, "landing_pages", "column='status'")
    assert "0" in _failure(crit, "landing_pages", "column='version'", "min_value=1")
    assert "'not-a-hash'" in _failure(crit, "landing_pages", "content_sha256", "regex")
    _failure(crit, "landing_pages", "(url, content) pair is landed as new or changed only once")
    # the message names the table, the check and the observed value
    assert "fct_indicator_mentions: " in result.message and "2000.0" in result.message
    assert result.failed >= len(crit) - 1  # every failed expectation counted (the missing table is not one)
    # nothing else fails: fct_commune_indicators is derived from the same bad rows, so it may;
    # the dimensions built from good columns must not
    assert not [c for c in crit if c.startswith(("dim_indicator", "dim_term", "dim_period"))]


def test_warnings_are_reported_but_do_not_block(tmp_path: Path) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    rows = mention_rows()
    rows[2]["base_value"] = 350.0  # implausible share, not impossible
    rows[0]["base_value"] = 67000.0  # income per head of 67 thousand đồng: a unit slip
    # targets may name future periods; only achieved figures may not
    assert rows[5]["kind"] == "target"
    rows[5]["period"] = "2030"
    write_build(paths.warehouse, rows)
    write_pages(paths, page_rows())

    result = run_checkpoint(paths, build_date=BUILD_DATE, previous_counts={"fct_indicator_mentions": 10})

    assert result.ok, result.message
    assert result.critical_failures == []
    assert "350.0" in _failure(result.warnings, "fct_indicator_mentions", "'%'", "[0, 300]")
    assert "67000.0" in _failure(result.warnings, "fct_indicator_mentions", "'VND/person/year'")
    assert result.failed == len(result.warnings) >= 2
    assert "warning" in result.message


def test_missing_build_warehouse_fails_clearly(tmp_path: Path) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    result = run_checkpoint(paths)
    assert not result.ok
    assert "no build warehouse" in result.message and str(paths.warehouse) in result.message
