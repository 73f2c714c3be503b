"""`xaetl query`: table, CSV, JSON; SQL from a file or stdin; the demo warehouse found; clear errors."""

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
    assert "67,000,000" in result.output  # thousands separators, no trailing .0
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


def test_csv_for_excel(data_dir: Path) -> None:
    result = runner.invoke(app, ["query", SQL, "--data-dir", str(data_dir), "--format", "csv", "--excel"])
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel then reads UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["commune_id", "period", "base_value", "approx"],
        ["c-xuan-phu", "2023-H1", "67000000", "FALSE"],
        ["c-binh-thanh-dong", "term-2025-2030", "80000000", "FALSE"],
    ]
    sql = "select 45.7::double as pct, 'Thọ Xuân' as name"
    decimals = runner.invoke(app, ["query", sql, "--data-dir", str(data_dir), "--format", "csv", "--excel"])
    assert decimals.stdout_bytes.decode("utf-8-sig").splitlines() == ["pct;name", "45,7;Thọ Xuân"]


def test_sql_from_file_and_stdin(data_dir: Path, tmp_path: Path) -> None:
    script = tmp_path / "q.sql"
    script.write_text("-- communes\nselect count(*) as n from dim_commune;\n", encoding="utf-8")
    for args, stdin in (
        (["-f", str(script)], None),
        (["--file", str(script)], None),
        (["-"], script.read_text()),
        ([], script.read_text()),
    ):
        result = runner.invoke(
            app, ["query", *args, "--data-dir", str(data_dir), "--format", "json"], input=stdin
        )
        assert result.exit_code == 0, (args, result.output)
        assert json.loads(result.stdout) == [{"n": 3}], args


def test_sql_both_as_argument_and_file_is_refused(data_dir: Path, tmp_path: Path) -> None:
    script = tmp_path / "q.sql"
    script.write_text("select 1", encoding="utf-8")
    result = runner.invoke(app, ["query", "select 2", "-f", str(script), "--data-dir", str(data_dir)])
    assert result.exit_code == 2 and "not both" in result.stderr
    empty = runner.invoke(app, ["query", "--data-dir", str(data_dir)], input="  \n")
    assert empty.exit_code == 2 and "empty" in empty.stderr


def test_finds_the_demo_warehouse_without_data_dir(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "checkout"
    (work / "data").mkdir(parents=True)
    (work / "data" / "demo").symlink_to(data_dir)
    monkeypatch.chdir(work)
    monkeypatch.delenv("XAETL_DATA_DIR", raising=False)
    result = runner.invoke(app, ["query", "select 1 as one", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"one": 1}]
    assert "demo warehouse" in result.stderr and "--data-dir" in result.stderr


def test_says_which_data_dir_to_pass(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "checkout"
    (work / "data").mkdir(parents=True)
    (work / "data" / "nightly").symlink_to(data_dir)
    monkeypatch.chdir(work)
    monkeypatch.delenv("XAETL_DATA_DIR", raising=False)
    result = runner.invoke(app, ["query", "select 1"])
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert "no published warehouse" in message and "data/demo" in message.replace("\\", "/")
    assert "--data-dir data/nightly" in message.replace("\\", "/")
    (work / "data" / "nightly").unlink()
    nothing = runner.invoke(app, ["query", "select 1"])
    assert nothing.exit_code == 1 and "run `xaetl demo`" in " ".join(nothing.stderr.split())
