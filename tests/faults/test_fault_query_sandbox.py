"""Fault suite, item 1: analysts' SQL cannot change the warehouse, read the machine's files,
reach the network, lift its limits or run forever (every attack of issue 13 reproduced)."""

from __future__ import annotations

import hashlib
import stat
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.paths import DataPaths
from ingest.warehouse.publish import publish
from ingest.warehouse.query import (
    BI_INIT_STATEMENTS,
    QueryError,
    SandboxLimits,
    bi_connect_args,
    mart_counts,
    query,
)
from tests.expectations.warehouse_builder import good_data_dir

runner = CliRunner()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def data(tmp_path: Path) -> DataPaths:
    paths = good_data_dir(tmp_path)
    publish(paths, parquet=False)
    return paths


def _attacks(paths: DataPaths) -> dict[str, str]:
    d = paths.root
    part = d / "landing" / "pages" / "crawl_date=2025-06-01" / "part-x.parquet"
    return {
        "reattach published read-write and delete": (
            f"use memory; detach warehouse; attach '{paths.published}' as w; "
            "delete from w.main.fct_commune_indicators where true; select 1"
        ),
        "attach the build and update it": (
            f"attach '{paths.warehouse}' as b; update b.main.fct_commune_indicators set base_value = 0"
        ),
        "copy into landing": f"copy (select 1 as x) to '{part}'",
        "write a WAL beside the published file": f"copy (select 1 as x) to '{paths.published}.wal'",
        "read /etc/passwd": "select * from read_csv('/etc/passwd')",
        "sniff /etc/passwd": "select * from sniff_csv('/etc/passwd')",
        "read_text": "select * from read_text('/etc/hostname')",
        "glob /root": "select * from glob('/root/*')",
        "install httpfs": "install httpfs",
        "load an extension": "load httpfs",
        "raise the memory limit": "set memory_limit='100GB'",
        "switch external access back on": "set enable_external_access = true",
        "unlock": "set lock_configuration = false",
        "re-enable the file system": "reset disabled_filesystems",
        "export the database": f"export database '{d / 'exported'}'",
        "write the published file": "delete from fct_commune_indicators",
        "create in the published file": "create table warehouse.main.x as select 1",
    }


def test_every_attack_of_the_issue_is_refused_and_changes_nothing(data: DataPaths) -> None:
    before = {p: _digest(p) for p in (data.published, data.warehouse)}
    landing_before = sorted(str(p) for p in data.landing.rglob("*"))
    counts = mart_counts(data)
    limits = SandboxLimits(timeout_s=30)
    for name, sql in _attacks(data).items():
        with pytest.raises(QueryError) as caught:
            query(data, sql, limits=limits)
        message = str(caught.value)
        assert "\n" not in message, (name, message)
        assert any(w in message for w in ("not allowed", "read-only", "Permission")), (name, message)
    assert {p: _digest(p) for p in before} == before
    assert sorted(str(p) for p in data.landing.rglob("*")) == landing_before
    assert not (data.root / "exported").exists()
    assert not Path(f"{data.published}.wal").exists()
    assert mart_counts(data) == counts
    # and a plain query still works afterwards
    assert query(data, "select count(*) from fct_commune_indicators", limits=limits)[1] == [
        (counts["fct_commune_indicators"],)
    ]


def test_scratch_tables_in_memory_are_allowed_and_vanish(data: DataPaths) -> None:
    cols, rows = query(
        data,
        "use memory; create table t as select commune_id from warehouse.main.dim_commune; "
        "select count(*) as n from t",
    )
    assert cols == ["n"] and rows == [(3,)]
    assert query(data, "select count(*) from duckdb_tables() where database_name = 'memory'")[1] == [(0,)]


def test_published_file_is_read_only_on_disk(data: DataPaths) -> None:
    mode = stat.S_IMODE(data.published.stat().st_mode)
    assert mode == 0o444


def test_a_runaway_query_is_interrupted_at_the_timeout(data: DataPaths) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"time limit of 1 s"):
        query(data, "select count(*) from range(1000000000000) a", limits=SandboxLimits(timeout_s=1))
    assert time.monotonic() - started < 15


def test_a_query_above_the_memory_limit_fails_without_spilling(data: DataPaths) -> None:
    before = sorted(p.name for p in data.published.parent.iterdir())
    with pytest.raises(QueryError, match=r"memory limit of 64MB"):
        query(
            data,
            "select list(range) from range(100000000)",
            limits=SandboxLimits(memory_limit="64MB", timeout_s=60),
        )
    assert sorted(p.name for p in data.published.parent.iterdir()) == before


def test_cli_attack_is_one_line_exit_1(data: DataPaths) -> None:
    sql = _attacks(data)["reattach published read-write and delete"]
    result = runner.invoke(app, ["query", sql, "--data-dir", str(data.root)])
    assert result.exit_code == 1
    assert "not allowed" in result.output
    assert mart_counts(data)["fct_commune_indicators"] == 8


def test_bi_connection_settings_refuse_the_same_attacks(data: DataPaths) -> None:
    """What Superset's duckdb-engine gets: connect_args plus the init statements."""
    args = bi_connect_args(SandboxLimits(memory_limit="256MB"))
    con = duckdb.connect(str(data.published), **args)
    try:
        for statement in BI_INIT_STATEMENTS:
            con.execute(statement)
        assert con.execute("select count(*) from dim_commune").fetchone() == (3,)
        for name, sql in _attacks(data).items():
            if "memory; detach warehouse" in sql:
                sql = f"attach '{data.published}' as w2; delete from w2.main.fct_commune_indicators"
            with pytest.raises(duckdb.Error):
                con.execute(sql).fetchall()
                pytest.fail(f"BI connection allowed: {name}")
    finally:
        con.close()
    assert mart_counts(data)["fct_commune_indicators"] == 8
