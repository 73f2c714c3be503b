"""`xaetl query`: table, CSV and JSON output; clear errors with exit 1."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.paths import DataPaths
from ingest.warehouse.publish import publish
from tests.expectations.warehouse_builder import good_data_dir

runner = CliRunner()
SQL = (
    "select commune_id, period, base_value, approx from fct_indicator_mentions "
    "where indicator_id = 'income_per_capita' order by period"
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    paths = good_data_dir(tmp_path)
    publish(paths, parquet=False)
    return paths.root


def test_table_output(data_dir: Path) -> None:
    result = runner.invoke(app, ["query", SQL, "--data-dir", str(data_dir)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert (
        "commune_id" in result.output and "c-xuan-phu" in result.output and "term-2025-2030" in result.output
    )
    assert "67000000.0" in result.output
    assert "2 rows" in result.output


def test_csv_output(data_dir: Path) -> None:
    result = runner.invoke(app, ["query", SQL, "--data-dir", str(data_dir), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == [
        ["commune_id", "period", "base_value", "approx"],
        ["c-xuan-phu", "2023-H1", "67000000.0", "False"],
        ["c-binh-thanh-dong", "term-2025-2030", "80000000.0", "False"],
    ]


def test_json_output_keeps_types_and_vietnamese(data_dir: Path) -> None:
    sql = (
        "select indicator, base_value, issue_date, fetched_at, plan_pct "
        "from fct_indicator_mentions order by mention_id limit 3"
    )
    result = runner.invoke(app, ["query", sql, "--data-dir", str(data_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert len(records) == 3
    assert set(records[0]) == {"indicator", "base_value", "issue_date", "fetched_at", "plan_pct"}
    assert any("ư" in r["indicator"] or "ố" in r["indicator"] or "ậ" in r["indicator"] for r in records)
    assert all(isinstance(r["base_value"], float) for r in records)
    assert all(len(r["issue_date"]) == 10 for r in records)


def test_no_published_warehouse_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "select 1", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "no published warehouse" in result.stderr
    assert str(DataPaths.at(tmp_path).published) in result.stderr.replace("\n", "")


def test_failing_sql_exits_1_with_the_reason(data_dir: Path) -> None:
    result = runner.invoke(app, ["query", "select nope from dim_commune", "--data-dir", str(data_dir)])
    assert result.exit_code == 1
    assert "the query failed" in result.stderr and "nope" in result.stderr


def test_writes_are_refused(data_dir: Path) -> None:
    result = runner.invoke(app, ["query", "drop table dim_commune", "--data-dir", str(data_dir)])
    assert result.exit_code == 1
    assert "read-only" in result.stderr


def test_data_dir_defaults_to_env(data_dir: Path, tmp_path: Path) -> None:
    xaetl = Path(sys.executable).with_name("xaetl")
    done = subprocess.run(
        [str(xaetl), "query", "select count(*) as n from dim_commune", "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "XAETL_DATA_DIR": str(data_dir)},
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"n": 3}]
